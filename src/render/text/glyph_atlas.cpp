#include "render/text/glyph_atlas.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "render/text/glyph_raster.h"

namespace chipao::render {

namespace {

std::uint64_t key_of(std::uint32_t glyph_id, float size_px, int phase, int halo_half_px) {
  const auto quarter_px = static_cast<std::uint64_t>(std::lround(size_px * 4.0f));
  return (quarter_px << 40) | (static_cast<std::uint64_t>(halo_half_px) << 36) |
         (static_cast<std::uint64_t>(phase) << 32) | glyph_id;
}

// The halo at each pixel: the strongest coverage within `radius`, weighted down over the last
// pixel of the radius so the outline's edge is antialiased like the glyph's.
std::vector<std::uint8_t> dilate(const std::vector<std::uint8_t>& coverage, int w, int h,
                                 float radius) {
  std::vector<std::uint8_t> halo(coverage.size(), 0);
  if (radius <= 0) return halo;
  const int reach = static_cast<int>(std::ceil(radius));
  struct Tap {
    int dx, dy;
    float weight;
  };
  std::vector<Tap> taps;
  for (int dy = -reach; dy <= reach; ++dy) {
    for (int dx = -reach; dx <= reach; ++dx) {
      const float weight = std::clamp(radius + 0.5f - std::hypot(float(dx), float(dy)), 0.0f, 1.0f);
      if (weight > 0) taps.push_back({dx, dy, weight});
    }
  }
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      float best = 0;
      for (const Tap& t : taps) {
        const int sx = x + t.dx, sy = y + t.dy;
        if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
        best = std::max(best, t.weight * coverage[static_cast<std::size_t>(sy * w + sx)]);
      }
      halo[static_cast<std::size_t>(y * w + x)] = static_cast<std::uint8_t>(std::lround(best));
    }
  }
  return halo;
}

}  // namespace

GlyphAtlas::GlyphAtlas(int width, int height, int max_height)
    : width_(width), height_(height), max_height_(std::max(height, max_height)) {
  pixels_.assign(2 * static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_), 0);
}

void GlyphAtlas::clear() {
  std::fill(pixels_.begin(), pixels_.end(), std::uint8_t{0});
  shelves_.clear();
  glyphs_.clear();
  next_shelf_y_ = 0;
  ++generation_;
  dirty_begin_ = 0;
  dirty_end_ = height_;
}

void GlyphAtlas::mark_clean() {
  dirty_begin_ = dirty_end_ = 0;
  grown_ = false;
}

// Shelf packing: glyphs of a label font are nearly the same height, so a new glyph goes on
// the first shelf tall enough (and not much taller) with room left, else on a new shelf.
std::optional<std::pair<int, int>> GlyphAtlas::pack(int w, int h) {
  if (w > width_) return std::nullopt;
  for (Shelf& shelf : shelves_) {
    if (h <= shelf.height && h * 4 >= shelf.height * 3 && shelf.used_width + w <= width_) {
      const int x = shelf.used_width;
      shelf.used_width += w;
      return std::pair{x, shelf.y};
    }
  }
  while (next_shelf_y_ + h > height_) {
    if (height_ >= max_height_) return std::nullopt;
    // Grow downwards: existing slots keep their pixel coordinates.
    height_ = std::min(height_ * 2, max_height_);
    pixels_.resize(2 * static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_), 0);
    grown_ = true;
    dirty_begin_ = 0;
    dirty_end_ = height_;
  }
  shelves_.push_back({next_shelf_y_, h, w});
  next_shelf_y_ += h;
  return std::pair{0, shelves_.back().y};
}

void GlyphAtlas::mark_dirty(int y, int height) {
  if (dirty()) {
    dirty_begin_ = std::min(dirty_begin_, y);
    dirty_end_ = std::max(dirty_end_, y + height);
  } else {
    dirty_begin_ = y;
    dirty_end_ = y + height;
  }
}

std::optional<AtlasGlyph> GlyphAtlas::add_image(int width, int height, const std::uint8_t* pixels) {
  if (width <= 0 || height <= 0) return AtlasGlyph{};
  const auto place = pack(width, height);
  if (!place) return std::nullopt;
  AtlasGlyph slot;
  slot.x = place->first;
  slot.y = place->second;
  slot.width = width;
  slot.height = height;
  const std::size_t row_bytes = 2 * static_cast<std::size_t>(width);
  for (int row = 0; row < height; ++row) {
    std::memcpy(pixels_.data() + 2 * (static_cast<std::size_t>(slot.y + row) * width_ +
                                      static_cast<std::size_t>(slot.x)),
                pixels + static_cast<std::size_t>(row) * row_bytes, row_bytes);
  }
  mark_dirty(slot.y, height);
  return slot;
}

std::optional<AtlasGlyph> GlyphAtlas::find_or_add(FontSet& fonts, std::uint32_t glyph_id,
                                                  float size_px, int phase, float halo_px) {
  phase = std::clamp(phase, 0, kSubpixelPhases - 1);
  const int halo_half_px =
      std::clamp(static_cast<int>(std::lround(halo_px * 2.0f)), 0, 2 * kMaxHaloPx);
  const std::uint64_t key = key_of(glyph_id, size_px, phase, halo_half_px);
  if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;

  const GlyphBitmap bitmap = rasterize_glyph(
      fonts, glyph_id, size_px, static_cast<float>(phase) / static_cast<float>(kSubpixelPhases));
  AtlasGlyph slot;
  if (!bitmap.empty()) {
    const float radius = static_cast<float>(halo_half_px) / 2.0f;
    const int padding = static_cast<int>(std::ceil(radius)) + 1;
    slot.width = bitmap.width + 2 * padding;
    slot.height = bitmap.height + 2 * padding;
    const auto place = pack(slot.width, slot.height);
    if (!place) return std::nullopt;
    slot.x = place->first;
    slot.y = place->second;
    slot.left = bitmap.left - padding;
    slot.top = bitmap.top + padding;
    slot.padding = padding;
    std::vector<std::uint8_t> coverage(
        static_cast<std::size_t>(slot.width) * static_cast<std::size_t>(slot.height), 0);
    for (int row = 0; row < bitmap.height; ++row)
      for (int col = 0; col < bitmap.width; ++col)
        coverage[static_cast<std::size_t>((row + padding) * slot.width + col + padding)] =
            bitmap.at(col, row);
    const std::vector<std::uint8_t> halo = dilate(coverage, slot.width, slot.height, radius);
    for (int row = 0; row < slot.height; ++row) {
      std::uint8_t* dst = pixels_.data() + 2 * (static_cast<std::size_t>(slot.y + row) * width_ +
                                                static_cast<std::size_t>(slot.x));
      for (int col = 0; col < slot.width; ++col) {
        const auto i = static_cast<std::size_t>(row * slot.width + col);
        dst[2 * col] = coverage[i];
        dst[2 * col + 1] = halo[i];
      }
    }
    mark_dirty(slot.y, slot.height);
  }
  glyphs_.emplace(key, slot);
  return slot;
}

}  // namespace chipao::render
