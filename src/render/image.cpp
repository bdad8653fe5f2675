#include "render/image.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include <stb/stb_image_write.h>  // implementation comes from Debian's libstb

#include "core/io/atomic_output.h"
#include "render/gl_api.h"

namespace chipao::render {

RgbaImage read_framebuffer(int x, int y, int width, int height) {
  RgbaImage image;
  if (width <= 0 || height <= 0) return image;
  image.width = width;
  image.height = height;
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 4;
  image.pixels.resize(row_bytes * static_cast<std::size_t>(height));

  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, y, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());

  // GL returns the bottom row first.
  std::vector<std::uint8_t> row(row_bytes);
  for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom) {
    auto* top_row = image.pixels.data() + static_cast<std::size_t>(top) * row_bytes;
    auto* bottom_row = image.pixels.data() + static_cast<std::size_t>(bottom) * row_bytes;
    std::memcpy(row.data(), top_row, row_bytes);
    std::memcpy(top_row, bottom_row, row_bytes);
    std::memcpy(bottom_row, row.data(), row_bytes);
  }
  return image;
}

void make_opaque(RgbaImage& image) {
  for (std::size_t i = 3; i < image.pixels.size(); i += 4) image.pixels[i] = 255;
}

Result<void> write_png(const std::string& path, const RgbaImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() !=
          static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4) {
    return fail("cannot write " + path + ": the image is empty or its size does not match");
  }
  // Encoded into a file beside the target and moved into place whole
  // (core/io/atomic_output.h); a full disk leaves no half image.
  const std::filesystem::path target(path);
  auto out = AtomicOutput::begin(target.parent_path(), target);
  if (!out) return std::unexpected(out.error());
  auto file = out->open(target.filename().string());
  if (!file) return std::unexpected(file.error());
  const auto sink = [](void* context, void* data, int size) {
    static_cast<OutputFile*>(context)->write(data, static_cast<std::size_t>(size));
  };
  const int ok = stbi_write_png_to_func(sink, &*file, image.width, image.height, 4,
                                        image.pixels.data(), image.width * 4);
  if (auto closed = file->close(); !closed) return std::unexpected(closed.error());
  if (ok == 0) return fail("cannot write " + path + ": the PNG could not be encoded; try again");
  auto moved = out->commit();
  if (!moved) return std::unexpected(moved.error());
  return {};
}

}  // namespace chipao::render
