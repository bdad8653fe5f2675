// A move-only owner of the OpenGL 2D texture that holds the label glyph atlas.
//
// Kept here rather than in render/gl_handles.h so the text renderer stands on its own; the
// names differ from LayerGpu's buffer-texture owner (GlTexture) on purpose.
// Precondition: the context that created the texture is current when the owner dies.
#pragma once

#include "render/gl_handles.h"

namespace chipao::render {

namespace gl_release {
void texture_2d(GLuint id);
}  // namespace gl_release

using GlTexture2D = GlHandle<&gl_release::texture_2d>;

GlTexture2D make_texture_2d();

}  // namespace chipao::render
