#include "app/export_choices.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace chipao::app {

namespace fs = std::filesystem;

PlanExportOptions plan_export_options(const ExportChoices& choices) {
  PlanExportOptions o;
  switch (choices.kind) {
    case ExportKind::shapefile_utf8:
      o.format = ExportFormat::shp;
      o.encoding = "UTF-8";
      break;
    case ExportKind::shapefile_cp874:
      o.format = ExportFormat::shp;
      o.encoding = "CP874";
      break;
    case ExportKind::geopackage:
      o.format = ExportFormat::gpkg;
      break;
    case ExportKind::csv:
      o.format = ExportFormat::csv;
      break;
  }
  o.rule = choices.rule;
  o.suppress_below = choices.suppress_below;
  if (choices.sheet) {
    SheetOptions sheet;
    sheet.format = *choices.sheet;
    sheet.width_px = choices.sheet_width_px;
    o.sheet = sheet;  // named after the project file by export_project(), as in the CLI
  }
  return o;
}

std::string default_export_folder(const std::string& project_path) {
  const char* home = std::getenv("HOME");
  std::error_code ec;
  const fs::path base =
      home != nullptr && *home != '\0' ? fs::path(home) : fs::temp_directory_path(ec);
  return (base / "ChiPao exports" / fs::path(project_path).stem()).string();
}

std::string expand_home(const std::string& folder) {
  const auto first = folder.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  std::string path = folder.substr(first, folder.find_last_not_of(" \t") - first + 1);
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0' && (path == "~" || path.starts_with("~/")))
    path = std::string(home) + path.substr(1);
  return path;
}

Result<ExportChoices> export_choices_from_script(const std::string& argument) {
  const std::string_view usage =
      "export FORMAT DIR: FORMAT is shp, shp-cp874, gpkg or csv (add +pdf or +png for the plan "
      "sheet)";
  const auto space = argument.find(' ');
  if (space == std::string::npos || argument.find_first_not_of(' ', space) == std::string::npos)
    return fail(std::string(usage));
  std::string format = argument.substr(0, space);
  ExportChoices choices;
  choices.folder = argument.substr(argument.find_first_not_of(' ', space));
  if (const auto plus = format.find('+'); plus != std::string::npos) {
    const auto sheet = parse_sheet_format(std::string_view(format).substr(plus + 1));
    if (!sheet) return fail(fmt::format("{}: {}", format, usage));
    choices.sheet = sheet;
    format.resize(plus);
  }
  if (format == "shp") {
    choices.kind = ExportKind::shapefile_utf8;
  } else if (format == "shp-cp874") {
    choices.kind = ExportKind::shapefile_cp874;
  } else if (format == "gpkg") {
    choices.kind = ExportKind::geopackage;
  } else if (format == "csv") {
    choices.kind = ExportKind::csv;
  } else {
    return fail(fmt::format("{}: {}", format, usage));
  }
  return choices;
}

}  // namespace chipao::app
