// The CPU side of the label glyph atlas: one two-channel image into which glyphs are
// rasterised on demand and packed on shelves, with a lookup by glyph id, size, sub-pixel phase
// and halo width. Channel 0 is FreeType's coverage; channel 1 is the halo: the coverage
// dilated by the halo radius with a soft edge. The halo is computed here once per glyph
// because dilating in the fragment shader (dozens of texture reads per pixel) made 2,000
// labels take seconds on Mesa's llvmpipe.
//
// Every glyph is surrounded by empty pixels (its halo radius plus one) so the halo and linear
// filtering never read a neighbour. The GL texture that mirrors the image lives in
// TextRenderer; `dirty()` says when to upload.
//
// Units: pixels. Sizes are cached in quarter-pixel steps, horizontal positions in quarter-pixel
// phases (kSubpixelPhases rasterisations of a glyph at most).
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "render/text/font_set.h"

namespace chipao::render {

inline constexpr int kMaxHaloPx = 4;
inline constexpr int kSubpixelPhases = 4;

struct AtlasGlyph {
  int x = 0, y = 0;           // top-left of the padded slot in the atlas, pixels
  int width = 0, height = 0;  // padded slot size; 0 for blank glyphs (nothing to draw)
  int left = 0, top = 0;      // padded slot's top-left relative to the glyph origin (y up)
  // Empty pixels around the coverage bitmap inside the slot (the halo radius rounded up, plus
  // one): the ink lies in the slot inset by `padding`, the halo in the slot inset by one.
  int padding = 0;
};

class GlyphAtlas {
 public:
  explicit GlyphAtlas(int width = 1024, int height = 1024, int max_height = 4096);

  // The slot of a glyph, rasterising and packing it on first use. nullopt when the atlas is
  // full even at max_height: the caller clears it and tries again.
  // `phase` (0 .. kSubpixelPhases - 1) is the glyph origin's fraction of a pixel, in steps;
  // `halo_px` (0 .. kMaxHaloPx) is cached in half-pixel steps.
  std::optional<AtlasGlyph> find_or_add(FontSet& fonts, std::uint32_t glyph_id, float size_px,
                                        int phase = 0, float halo_px = 0);
  // Packs a ready image (two bytes per pixel, as pixels(), `width` x `height`, row-major) and
  // returns its slot (left, top and padding 0), or nullopt when the atlas is full. For images
  // made of glyphs (whole labels); they are not looked up by key.
  std::optional<AtlasGlyph> add_image(int width, int height, const std::uint8_t* pixels);
  void clear();

  int width() const { return width_; }
  int height() const { return height_; }
  // Two bytes per pixel (coverage, halo), row-major, top row first.
  const std::vector<std::uint8_t>& pixels() const { return pixels_; }
  std::size_t glyph_count() const { return glyphs_.size(); }
  // Changes whenever clear() moves glyphs out of their slots, so that quads built with older
  // slot coordinates (a cached TextBatch) know they must be rebuilt.
  std::uint64_t generation() const { return generation_; }

  // Rows [dirty_begin, dirty_end) changed since the last mark_clean(); grown() says the height
  // changed (the texture must be reallocated).
  bool dirty() const { return dirty_begin_ < dirty_end_; }
  int dirty_begin() const { return dirty_begin_; }
  int dirty_end() const { return dirty_end_; }
  bool grown() const { return grown_; }
  void mark_clean();

 private:
  struct Shelf {
    int y = 0, height = 0, used_width = 0;
  };
  std::optional<std::pair<int, int>> pack(int w, int h);
  void mark_dirty(int y, int height);

  int width_, height_, max_height_;
  std::vector<std::uint8_t> pixels_;
  std::vector<Shelf> shelves_;
  int next_shelf_y_ = 0;
  std::unordered_map<std::uint64_t, AtlasGlyph> glyphs_;
  int dirty_begin_ = 0, dirty_end_ = 0;
  bool grown_ = true;  // the texture does not exist yet
  std::uint64_t generation_ = 0;
};

}  // namespace chipao::render
