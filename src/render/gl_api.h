// The one place that includes OpenGL.
//
// ChiPao targets OpenGL 3.3 core. libOpenGL (GLVND) exports every core function directly, so
// declaring the prototypes is enough and no function loader is needed.
#pragma once

#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/glcorearb.h>
