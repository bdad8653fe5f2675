// Every user-visible string of the app, in Thai and English, looked up by id (NUL-terminated,
// so they go straight to ImGui).
//
// One table keeps translation reviewable in one place and lets more languages be added as one
// more column. Strings are UTF-8; some are printf formats (noted beside the id).
#pragma once

#include <optional>

#include "core/admin/admin_level.h"

namespace chipao::app {

enum class Language { thai, english };

enum class TextId {
  window_title,
  panel_title,
  switch_language,  // the button names the other language
  layers_header,
  no_layers,
  visible,
  features,
  level,
  geometry_type,
  crs,
  encoding,
  load_time,  // "%.1f s"
  warnings,   // header of the report section, followed by a count
  bad_codes,
  fixed_codes,
  duplicate_codes,
  repaired_geometries,
  empty_geometries,
  loading,  // "%s" = file name
  queued,   // "%d" = layers waiting
  errors_header,
  fit_view,
  map_hint,
  frame_time,  // "%.1f ms"
  triangles,   // "%zu"
  level_province,
  level_amphoe,
  level_tambon,
  level_village,
  level_unknown,
  count_  // keep last
};

const char* text(TextId id, Language language);
const char* level_text(std::optional<AdminLevel> level, Language language);

}  // namespace chipao::app
