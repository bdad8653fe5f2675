// RGBA8 images read back from a framebuffer, and PNG files written from them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace chipao::render {

struct RgbaImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, top row first, 4 bytes per pixel

  const std::uint8_t* pixel(int x, int y) const {
    return pixels.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                            static_cast<std::size_t>(x)) *
                               4;
  }
};

// Reads a rectangle of the framebuffer bound for reading (GL_READ_FRAMEBUFFER and its read
// buffer). x, y is the bottom-left corner in GL's convention; the result is flipped so its
// first row is the top of the screen, as image files expect.
RgbaImage read_framebuffer(int x, int y, int width, int height);

// Window framebuffers may have no alpha channel (or leave it undefined); screenshots should
// not come out transparent.
void make_opaque(RgbaImage& image);

// Writes a PNG whole or not at all (core/io/atomic_output.h): the error names the file and
// says why (a missing folder, a full or read-only disk).
Result<void> write_png(const std::string& path, const RgbaImage& image);

}  // namespace chipao::render
