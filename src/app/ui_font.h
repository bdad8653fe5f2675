// The UI font: a TLWG Thai font (Loma) with the Thai glyph range, sized for reading.
//
// TLWG fonts render legibly through ImGui's rasteriser and carry Latin glyphs too (Noto Sans
// Thai loses tone marks there and has no Latin), see shared/DESIGN.md.
#pragma once

#include <string>

struct ImGuiIO;
struct ImFont;

namespace chipao::app {

inline constexpr float kUiFontSizePx = 19.0f;  // at scale 1; Thai marks need more than 13 px

// Presentation mode draws text up to 2.5x larger. Scaling the 19 px atlas that far blurs the
// thin Thai strokes on a projector, so a second copy of the font is rasterised this many times
// larger and scaled down to the size wanted (crisp at every presentation size).
inline constexpr float kPresentationFontFactor = 2.0f;

struct UiFonts {
  std::string warning;             // empty, or why the default (Latin-only) font is used
  ImFont* presentation = nullptr;  // the large copy; null when the Thai font is missing
};

// Adds the UI font (the default) and its large presentation copy to io.Fonts.
UiFonts load_ui_fonts(ImGuiIO& io, float ui_scale);

}  // namespace chipao::app
