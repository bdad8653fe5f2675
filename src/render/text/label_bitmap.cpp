#include "render/text/label_bitmap.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace chipao::render {

namespace {

struct PlacedSlot {
  AtlasGlyph slot;
  int x = 0, y = 0;  // slot's top-left relative to the label origin, y down
};

struct Rect {
  int min_x = INT_MAX, min_y = INT_MAX, max_x = INT_MIN, max_y = INT_MIN;
  void add(int x0, int y0, int x1, int y1) {
    if (x1 <= x0 || y1 <= y0) return;
    min_x = std::min(min_x, x0);
    min_y = std::min(min_y, y0);
    max_x = std::max(max_x, x1);
    max_y = std::max(max_y, y1);
  }
  bool empty() const { return max_x <= min_x || max_y <= min_y; }
};

std::uint8_t over(std::uint8_t a, std::uint8_t b) {
  return static_cast<std::uint8_t>(a + b - (a * b + 127) / 255);
}

}  // namespace

std::optional<LabelBitmap> compose_label(FontSet& fonts, GlyphAtlas& glyphs,
                                         const ShapedText& shaped, int phase_x, int phase_y,
                                         float halo_px) {
  const float origin_x = static_cast<float>(phase_x) / kSubpixelPhases;
  const float origin_y = static_cast<float>(phase_y) / kSubpixelPhases;
  std::vector<PlacedSlot> placed;
  placed.reserve(shaped.glyphs.size());
  // The halo reaches one pixel short of a slot's edge (its padding's last ring is empty), the
  // ink lies in the slot less its padding.
  Rect halo_box, ink_box;
  for (const ShapedGlyph& glyph : shaped.glyphs) {
    const float x = origin_x + glyph.x_px;
    float whole_x = std::floor(x);
    int phase = static_cast<int>(std::lround((x - whole_x) * kSubpixelPhases));
    if (phase == kSubpixelPhases) {
      phase = 0;
      whole_x += 1;
    }
    const auto slot = glyphs.find_or_add(fonts, glyph.glyph_id, shaped.size_px, phase, halo_px);
    if (!slot) return std::nullopt;
    if (slot->width == 0) continue;
    PlacedSlot p{*slot, static_cast<int>(whole_x) + slot->left,
                 static_cast<int>(std::lround(origin_y + glyph.y_px)) - slot->top};
    halo_box.add(p.x + 1, p.y + 1, p.x + slot->width - 1, p.y + slot->height - 1);
    ink_box.add(p.x + slot->padding, p.y + slot->padding, p.x + slot->width - slot->padding,
                p.y + slot->height - slot->padding);
    placed.push_back(p);
  }
  LabelBitmap out;
  if (halo_box.empty()) return out;
  out.left = halo_box.min_x;
  out.top = halo_box.min_y;
  out.width = halo_box.max_x - halo_box.min_x;
  out.height = halo_box.max_y - halo_box.min_y;
  if (!ink_box.empty()) {
    out.ink_x = ink_box.min_x - out.left;
    out.ink_y = ink_box.min_y - out.top;
    out.ink_width = ink_box.max_x - ink_box.min_x;
    out.ink_height = ink_box.max_y - ink_box.min_y;
  }
  out.pixels.assign(2 * static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height),
                    0);
  const std::vector<std::uint8_t>& source = glyphs.pixels();
  const auto source_width = static_cast<std::size_t>(glyphs.width());
  for (const PlacedSlot& p : placed) {
    // Only the slot's inner part (inset by one) can be non-zero; it lies inside the image.
    for (int row = 1; row < p.slot.height - 1; ++row) {
      const std::uint8_t* src =
          source.data() + 2 * (static_cast<std::size_t>(p.slot.y + row) * source_width +
                               static_cast<std::size_t>(p.slot.x + 1));
      std::uint8_t* dst = out.pixels.data() + 2 * (static_cast<std::size_t>(p.y + row - out.top) *
                                                       static_cast<std::size_t>(out.width) +
                                                   static_cast<std::size_t>(p.x + 1 - out.left));
      for (int i = 0; i < 2 * (p.slot.width - 2); ++i) dst[i] = over(dst[i], src[i]);
    }
  }
  return out;
}

}  // namespace chipao::render
