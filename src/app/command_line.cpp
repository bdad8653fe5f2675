#include "app/command_line.h"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace chipao::app {

namespace {

std::optional<int> parse_positive_int(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

// "103.2,16.1,5000" -> view; zoom must be positive.
std::optional<AppOptions::View> parse_view(const std::string& text) {
  AppOptions::View view;
  const char* cursor = text.c_str();
  double* fields[] = {&view.lon, &view.lat, &view.pixels_per_degree};
  for (std::size_t i = 0; i < 3; ++i) {
    char* end = nullptr;
    *fields[i] = std::strtod(cursor, &end);
    if (end == cursor) return std::nullopt;
    const char expected = i < 2 ? ',' : '\0';
    if (*end != expected) return std::nullopt;
    cursor = end + 1;
  }
  if (!(view.pixels_per_degree > 0) || view.lat < -90 || view.lat > 90) return std::nullopt;
  return view;
}

// "1280x800" -> {1280, 800}
std::optional<std::pair<int, int>> parse_size(std::string_view text) {
  const auto x = text.find_first_of("xX");
  if (x == std::string_view::npos) return std::nullopt;
  const auto width = parse_positive_int(text.substr(0, x));
  const auto height = parse_positive_int(text.substr(x + 1));
  if (!width || !height || *width > 16384 || *height > 16384) return std::nullopt;
  return std::pair{*width, *height};
}

}  // namespace

std::string usage_text() {
  return "usage: chipao [FILE ...] [--layer DESCRIPTOR_OR_FILE ...] [--demo] [--screenshot "
         "OUT.png]\n"
         "              [--exit-after-frames N] [--size WxH] [--view LON,LAT,ZOOM]\n"
         "              [--lang th|en] [--table PATH ...] [--amphoe CODE] [--script FILE]\n"
         "  --start-screen          show the start screen (what no arguments do) also in a\n"
         "                          scripted run\n"
         "  FILE                    a project, boundary or zone file, a table or a folder of\n"
         "                          tables: each opens where it belongs (as when dropped)\n"
         "  --layer PATH            a layer descriptor (layers/*.json) or a boundary file\n"
         "                          (.shp, .gpkg, .geojson, ...); repeat for more layers\n"
         "  --demo                  open the demo province (without arguments the app shows\n"
         "                          its start screen: recent projects, open, the demo)\n"
         "  --screenshot OUT.png    save the last frame drawn as a PNG before exiting\n"
         "  --exit-after-frames N   quit after N frames once every layer has loaded\n"
         "  --size WxH              window size in screen pixels (default 1280x800)\n"
         "  --view LON,LAT,ZOOM     show this centre (degrees) at ZOOM pixels per degree\n"
         "                          instead of fitting the map to the layers\n"
         "  --lang th|en            interface language (default th)\n"
         "  --table PATH            a table of figures (TPMAP CSV) joined by code to every\n"
         "                          layer at its level or coarser; repeat for more\n"
         "  --amphoe CODE           open drilled down on this amphoe (4 digits)\n"
         "  --script FILE           run GUI commands from FILE (measure, classes, select,\n"
         "                          screenshot, ...), then exit\n"
         "  --project P             open a project file (chipao-cli project new): its layer,\n"
         "                          zones, plan and edit history; every edit is saved at once\n";
}

Result<AppOptions> parse_command_line(std::span<const std::string> arguments) {
  AppOptions options;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& flag = arguments[i];
    // Flags that take a value read it here, so a missing value is reported by flag name.
    auto value = [&]() -> Result<std::string> {
      if (i + 1 >= arguments.size()) return fail(flag + " needs a value (see --help)");
      return arguments[++i];
    };

    if (flag == "--help" || flag == "-h") {
      options.help = true;
    } else if (flag == "--start-screen") {
      options.start_screen = true;
    } else if (flag == "--demo") {
      options.demo = true;
    } else if (flag == "--layer") {
      auto path = value();
      if (!path) return std::unexpected(path.error());
      options.layers.push_back(*path);
    } else if (flag == "--screenshot") {
      auto path = value();
      if (!path) return std::unexpected(path.error());
      options.screenshot_path = *path;
    } else if (flag == "--exit-after-frames") {
      auto count_text = value();
      if (!count_text) return std::unexpected(count_text.error());
      const auto count = parse_positive_int(*count_text);
      if (!count)
        return fail("--exit-after-frames wants a whole number above 0, got '" + *count_text + "'");
      options.exit_after_frames = *count;
    } else if (flag == "--size") {
      auto size_text = value();
      if (!size_text) return std::unexpected(size_text.error());
      const auto size = parse_size(*size_text);
      if (!size)
        return fail("--size wants WIDTHxHEIGHT in pixels such as 1280x800, got '" + *size_text +
                    "'");
      options.width = size->first;
      options.height = size->second;
      options.size_given = true;
    } else if (flag == "--view") {
      auto view_text = value();
      if (!view_text) return std::unexpected(view_text.error());
      options.view = parse_view(*view_text);
      if (!options.view) {
        return fail(
            "--view wants LON,LAT,ZOOM such as 103.2,16.1,5000 (zoom in pixels per "
            "degree), got '" +
            *view_text + "'");
      }
    } else if (flag == "--lang") {
      auto language = value();
      if (!language) return std::unexpected(language.error());
      if (*language == "th") {
        options.language = Language::thai;
      } else if (*language == "en") {
        options.language = Language::english;
      } else {
        return fail("--lang wants th or en, got '" + *language + "'");
      }
    } else if (flag == "--table") {
      auto path = value();
      if (!path) return std::unexpected(path.error());
      options.tables.push_back(*path);
    } else if (flag == "--amphoe") {
      auto code = value();
      if (!code) return std::unexpected(code.error());
      if (code->size() != 4 || code->find_first_not_of("0123456789") != std::string::npos)
        return fail("--amphoe wants a 4-digit amphoe code such as 9901, got '" + *code + "'");
      options.amphoe = *code;
    } else if (flag == "--script") {
      auto path = value();
      if (!path) return std::unexpected(path.error());
      options.script = *path;
    } else if (flag == "--project") {
      auto path = value();
      if (!path) return std::unexpected(path.error());
      options.project = *path;
    } else if (!flag.starts_with("--")) {
      options.files.push_back(flag);
    } else {
      return fail("unknown argument '" + flag + "' (see --help)");
    }
  }
  // With nothing to open, a planner starts from the start screen; scripts and screenshots
  // without layers still get the demo, as they always did.
  if (options.layers.empty() && !options.project && options.files.empty() && !options.demo &&
      !options.start_screen) {
    if (options.script || options.screenshot_path || options.exit_after_frames)
      options.demo = true;
    else
      options.start_screen = true;
  }
  return options;
}

}  // namespace chipao::app
