// The UI font: a TLWG Thai font (Loma) with the Thai glyph range, sized for reading.
//
// TLWG fonts render legibly through ImGui's rasteriser and carry Latin glyphs too (Noto Sans
// Thai loses tone marks there and has no Latin), see shared/DESIGN.md.
#pragma once

#include <string>

struct ImGuiIO;

namespace chipao::app {

inline constexpr float kUiFontSizePx = 19.0f;  // at scale 1; Thai marks need more than 13 px

// Adds the font to io.Fonts. Returns an empty string on success, otherwise why the default
// (Latin-only) ImGui font is used instead.
std::string load_ui_font(ImGuiIO& io, float ui_scale);

}  // namespace chipao::app
