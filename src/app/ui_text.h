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
  thematic_title,
  measure,
  group_counts,
  group_rates,
  group_dimensions,
  group_indicators,
  group_other,
  method,
  method_quantile,
  method_jenks,
  method_equal,
  method_manual,
  manual_breaks_hint,
  classes,
  palette,
  high_contrast,
  no_figures,
  areas_count,  // %s = count
  no_data,
  code,
  name_thai,
  name_english,
  assigned_from,  // %s = municipal codes
  fit_selection,
  villages,
  table_title,
  search,
  zoom_on_select,
  whole_province,
  amphoe_picker,
  join_report,
  join_matched,  // %s, %s = counts
  balance_ok,
  balance_bad,
  totals,
  total_input,
  total_joined,
  total_rolled_up,
  total_unmatched,
  balance,
  unmatched_boundaries,
  unmatched_rows,
  row_at_line,  // %s table, %zu line, %s code
  rolled_up,
  suggestion,  // %s code, %s amphoe, %s tambons
  assign_button,
  assigned_to,  // %s code, %s tambons
  presentation_button,
  labels,  // the label switch in the thematic panel
  labels_name,
  labels_value,
  labels_off,
  views_title,
  save_view,  // the button; Ctrl+S in presentation mode
  view_name,
  rename_view,
  delete_view,
  go_to_view,
  no_views,
  views_hint,
  count_  // keep last
};

const char* text(TextId id, Language language);
const char* level_text(std::optional<AdminLevel> level, Language language);

}  // namespace chipao::app
