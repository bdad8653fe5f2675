#include "app/ui_font.h"

#include <cstdlib>
#include <filesystem>

#include <imgui.h>

namespace chipao::app {

namespace {
// CHIPAO_UI_FONT lets a packager or user point at another TTF without a rebuild.
std::string find_font_file() {
  if (const char* chosen = std::getenv("CHIPAO_UI_FONT"); chosen != nullptr && *chosen != '\0') {
    return chosen;
  }
  for (const char* candidate :
       {"/usr/share/fonts/truetype/tlwg/Loma.ttf", "/usr/share/fonts/truetype/tlwg/Garuda.ttf",
        "/usr/share/fonts/opentype/tlwg/Loma.otf"}) {
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error)) return candidate;
  }
  return {};
}
}  // namespace

UiFonts load_ui_fonts(ImGuiIO& io, float ui_scale) {
  UiFonts fonts;
  const std::string path = find_font_file();
  if (path.empty()) {
    io.Fonts->AddFontDefault();
    fonts.warning =
        "Thai font not found (install fonts-tlwg-loma-ttf or set CHIPAO_UI_FONT); Thai text "
        "will not show";
    return fonts;
  }
  ImFontConfig config;
  // Horizontal oversampling keeps the thin strokes of Thai letters even at small sizes.
  config.OversampleH = 2;
  config.OversampleV = 1;
  ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), kUiFontSizePx * ui_scale, &config,
                                              io.Fonts->GetGlyphRangesThai());
  if (font == nullptr) {
    io.Fonts->AddFontDefault();
    fonts.warning = "cannot read the UI font " + path + "; Thai text will not show";
    return fonts;
  }
  // Large glyphs have strokes several pixels wide: no oversampling needed.
  ImFontConfig large;
  large.OversampleH = 1;
  large.OversampleV = 1;
  fonts.presentation =
      io.Fonts->AddFontFromFileTTF(path.c_str(), kUiFontSizePx * ui_scale * kPresentationFontFactor,
                                   &large, io.Fonts->GetGlyphRangesThai());
  io.FontDefault = font;
  return fonts;
}

}  // namespace chipao::app
