#include "render/text/font_set.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace chipao::render {

// FreeType and HarfBuzz handles of one file. The face is released before the library.
struct FontSet::Faces {
  std::string path;
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  hb_font_t* font = nullptr;

  Faces() = default;
  Faces(const Faces&) = delete;
  Faces& operator=(const Faces&) = delete;
  ~Faces() {
    if (font != nullptr) hb_font_destroy(font);
    if (face != nullptr) FT_Done_Face(face);
    if (library != nullptr) FT_Done_FreeType(library);
  }
};

namespace {

constexpr char kInstallHint[] =
    "install the Debian package fonts-tlwg-loma-ttf (scripts/install-deps.sh does)";

}  // namespace

Result<FontSet> FontSet::load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return fail(
        fmt::format("font file {} does not exist: give the path of a TrueType/OpenType "
                    "font with Thai glyphs, or {}",
                    path, kInstallHint));
  }
  auto faces = std::make_shared<Faces>();
  faces->path = path;
  if (FT_Init_FreeType(&faces->library) != 0)
    return fail(fmt::format("font file {}: FreeType cannot start (out of memory?)", path));
  if (FT_New_Face(faces->library, path.c_str(), 0, &faces->face) != 0) {
    return fail(
        fmt::format("font file {} is not a font FreeType can read: give a TrueType or "
                    "OpenType file, or {}",
                    path, kInstallHint));
  }
  if (FT_Get_Char_Index(faces->face, 0x0E01) == 0) {  // ก
    return fail(
        fmt::format("font file {} has no Thai glyphs (no ก): map labels need a Thai font; "
                    "{}",
                    path, kInstallHint));
  }
  hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
  hb_face_t* face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  faces->font = hb_font_create(face);
  hb_face_destroy(face);
  hb_ot_font_set_funcs(faces->font);
  return FontSet(std::move(faces));
}

Result<FontSet> FontSet::load_default() {
  for (const char* path : {kLomaPath, kGarudaPath}) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return load(path);
  }
  return fail(fmt::format("no Thai map font: neither {} nor {} exists; {}", kLomaPath, kGarudaPath,
                          kInstallHint));
}

const std::string& FontSet::path() const {
  return faces_->path;
}
FT_FaceRec_* FontSet::ft_face() const {
  return faces_->face;
}
hb_font_t* FontSet::hb_font() const {
  return faces_->font;
}
int FontSet::units_per_em() const {
  return faces_->face->units_per_EM;
}
std::uint32_t FontSet::nominal_glyph(char32_t code_point) const {
  return FT_Get_Char_Index(faces_->face, code_point);
}

float FontSet::ascender_px(float size_px) const {
  return static_cast<float>(faces_->face->ascender) * size_px / static_cast<float>(units_per_em());
}

float FontSet::descender_px(float size_px) const {
  return -static_cast<float>(faces_->face->descender) * size_px /
         static_cast<float>(units_per_em());
}

}  // namespace chipao::render
