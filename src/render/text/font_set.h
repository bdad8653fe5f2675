// The fonts map labels are shaped and drawn with: one TrueType/OpenType face opened both by
// FreeType (rasterising) and by HarfBuzz (shaping), shared by every copy of the FontSet.
//
// Why not ImGui's font: ImGui 1.86 does no shaping, so Thai tone marks and upper vowels stack
// onto tall consonant stems (ปู่, ญี่ปุ่น). HarfBuzz applies the font's GSUB/GPOS rules instead.
// load_default() picks TLWG Loma (Latin and Thai in one face), then TLWG Garuda.
//
// Not thread-safe: shaping sets the HarfBuzz scale and rasterising sets the FreeType size on
// the shared face. Use a FontSet (and its copies) from one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/util/result.h"

struct FT_FaceRec_;
struct hb_font_t;

namespace chipao::render {

class FontSet {
 public:
  static Result<FontSet> load_default();
  static Result<FontSet> load(const std::string& path);

  const std::string& path() const;
  FT_FaceRec_* ft_face() const;  // FreeType's FT_Face
  hb_font_t* hb_font() const;    // HarfBuzz font over the same file
  int units_per_em() const;
  // The glyph the font's character map gives a code point, before any shaping; 0 (.notdef)
  // when the font lacks it. For fallbacks and for tests that compare with unshaped text.
  std::uint32_t nominal_glyph(char32_t code_point) const;

  // Font-wide line metrics at a size, in pixels: ascender above the baseline (positive),
  // descender below it (positive).
  float ascender_px(float size_px) const;
  float descender_px(float size_px) const;

 private:
  struct Faces;
  explicit FontSet(std::shared_ptr<Faces> faces) : faces_(std::move(faces)) {}
  std::shared_ptr<Faces> faces_;
};

// Where Debian installs the TLWG fonts (fonts-tlwg-loma-ttf, fonts-tlwg-garuda-ttf).
inline constexpr const char* kLomaPath = "/usr/share/fonts/truetype/tlwg/Loma.ttf";
inline constexpr const char* kGarudaPath = "/usr/share/fonts/truetype/tlwg/Garuda.ttf";

}  // namespace chipao::render
