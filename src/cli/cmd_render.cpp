// chipao-cli render: a choropleth map of one measure as a PNG, with no window, no display and
// no X server (EGL on Mesa's surfaceless platform). It draws with the same render code as the
// app: per-feature class colours, hatched "no data", outlines, then the title, legend and scale
// bar (render/map_decorations.h).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numbers>
#include <optional>

#include "cli/commands.h"
#include "cli/joined_layer.h"
#include "cli/layer_options.h"
#include "cli/table_options.h"
#include "core/classify/classification.h"
#include "core/classify/feature_colors.h"
#include "core/classify/legend.h"
#include "core/classify/palette.h"
#include "core/geo/scale_bar.h"
#include "core/io/vector_writer.h"
#include "core/join/join.h"
#include "core/stats/tpmap_schema.h"
#include "render/camera.h"
#include "render/headless_gl.h"
#include "render/image.h"
#include "render/layer_gpu.h"
#include "render/layer_mesh.h"
#include "render/map_decorations.h"
#include "render/map_labels.h"
#include "render/map_renderer.h"
#include "render/offscreen_target.h"
#include "render/text/font_set.h"
#include "render/text/text_renderer.h"

namespace chipao::cli {

namespace {

using nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

constexpr int kMaxImageSide = 16384;

struct RenderSettings {
  std::string measure;
  ClassMethod method = ClassMethod::quantile;
  int classes = 5;
  PaletteId palette = PaletteId::orange_red;
  std::string extent_code;  // empty: the whole layer
  std::optional<std::string> title;
  std::string subtitle;
  int width = 0, height = 0;
  std::string out;
  float ui_scale = 1;
  bool north_arrow = false;
  render::LabelContent labels = render::LabelContent::name;
};

// "1600x900" -> {1600, 900}.
std::optional<std::pair<int, int>> parse_size(const std::string& text) {
  const auto x = text.find_first_of("xX");
  if (x == std::string::npos || x == 0 || x + 1 >= text.size()) return std::nullopt;
  int w = 0, h = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == x) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    int& v = i < x ? w : h;
    if (v > kMaxImageSide) return std::nullopt;
    v = v * 10 + (text[i] - '0');
  }
  if (w < 1 || h < 1 || w > kMaxImageSide || h > kMaxImageSide) return std::nullopt;
  return std::pair{w, h};
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// Wrong usage (exit 2) comes back as an error; settings otherwise.
Result<RenderSettings> settings_from_args(const Args& args) {
  RenderSettings s;
  const auto measure = args.value("measure");
  const auto size = args.value("size");
  const auto out = args.value("out");
  if (!args.value("boundaries") || !measure || !size || !out || args.all("table").empty()) {
    return fail("--boundaries, --table, --measure, --size and --out are needed");
  }
  s.measure = *measure;
  s.out = *out;
  const auto wh = parse_size(*size);
  if (!wh) {
    return fail(fmt::format("--size {}: give WIDTHxHEIGHT in pixels, each 1..{}, e.g. 1600x900",
                            *size, kMaxImageSide));
  }
  std::tie(s.width, s.height) = *wh;
  if (auto m = args.value("method")) {
    const auto method = parse_class_method(*m);
    if (!method || *method == ClassMethod::manual) {
      return fail(fmt::format("--method {}: use quantile, jenks or equal", *m));
    }
    s.method = *method;
  }
  if (auto c = args.value("classes")) {
    if (!all_digits(*c) || c->size() > 2 || std::stoi(*c) < kMinClasses ||
        std::stoi(*c) > kMaxClasses) {
      return fail(fmt::format("--classes {}: give a whole number from {} to {}", *c, kMinClasses,
                              kMaxClasses));
    }
    s.classes = std::stoi(*c);
  }
  if (auto p = args.value("palette")) {
    const auto palette = parse_palette(*p);
    if (!palette) {
      std::string names;
      for (PaletteId id : all_palettes()) {
        names += (names.empty() ? "" : ", ") + std::string(palette_name(id));
      }
      return fail(fmt::format("--palette {}: use one of {}", *p, names));
    }
    s.palette = *palette;
  }
  if (auto e = args.value("extent")) {
    if (!all_digits(*e) || (e->size() != 2 && e->size() != 4 && e->size() != 6)) {
      return fail(
          fmt::format("--extent {}: give a province (2 digits), amphoe (4) or tambon (6) "
                      "code, e.g. 9901",
                      *e));
    }
    s.extent_code = *e;
  }
  s.title = args.value("title");
  s.subtitle = args.value("subtitle").value_or("");
  if (auto u = args.value("ui-scale")) {
    char* end = nullptr;
    const double v = std::strtod(u->c_str(), &end);
    if (end == u->c_str() || *end != '\0' || !(v >= 0.25 && v <= 8)) {
      return fail(fmt::format("--ui-scale {}: give a number from 0.25 to 8", *u));
    }
    s.ui_scale = static_cast<float>(v);
  } else {
    // Decorations are designed for 900 px of height; a poster or a thumbnail scales them.
    s.ui_scale = std::clamp(static_cast<float>(s.height) / 900.0f, 0.75f, 4.0f);
  }
  s.north_arrow = args.has("north-arrow");
  if (auto l = args.value("labels")) {
    const auto content = render::parse_label_content(*l);
    if (!content) return fail(fmt::format("--labels {}: use name, name-en, value or none", *l));
    s.labels = *content;
  }
  return s;
}

// The joined column the user means: its exact name, or the name a table gave it before it
// was qualified with "@table" (only when that is unambiguous).
Result<std::size_t> find_measure(const JoinResult& joined, const std::string& measure,
                                 const std::string& boundaries) {
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < joined.columns.size(); ++i) {
    const std::string& name = joined.columns[i].name;
    if (name == measure) return i;
    if (name.starts_with(measure + "@")) candidates.push_back(i);
  }
  if (candidates.size() == 1) return candidates.front();
  std::string names;
  if (candidates.empty()) {
    for (const JoinedColumn& c : joined.columns) names += (names.empty() ? "" : ", ") + c.name;
    return fail(fmt::format(
        "--measure {}: no table column of that name was joined to {}; the columns are: {}", measure,
        boundaries, names.empty() ? "(none)" : names));
  }
  for (std::size_t i : candidates) names += (names.empty() ? "" : ", ") + joined.columns[i].name;
  return fail(fmt::format("--measure {}: several tables have it; name one of: {}", measure, names));
}

// Areas around an --extent, drawn for orientation only: lighter than the no-data base.
const render::Rgba kContextFill = render::rgb8(0xebe8e2);

// The extent of the features whose code starts with `code`.
Result<Bbox> extent_of_code(const BoundaryLayer& layer, const std::string& code) {
  Bbox box;
  std::size_t found = 0;
  for (const BoundaryFeature& f : layer.features) {
    if (!f.code.starts_with(code)) continue;
    ++found;
    box.expand(f.bbox.empty() ? f.geometry.bounds() : f.bbox);
  }
  if (found == 0 || box.empty()) {
    std::string sample;
    for (std::size_t i = 0; i < layer.features.size() && i < 5; ++i) {
      sample += (sample.empty() ? "" : ", ") + layer.features[i].code;
    }
    return fail(fmt::format(
        "--extent {}: no feature of {} has a code starting with {} (codes there look like {}); "
        "give a code of an area inside the layer",
        code, layer.source.path, code, sample.empty() ? "(none)" : sample));
  }
  return box;
}

render::Rgba to_rgba(Rgb8 c) {
  return render::Rgba{static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f,
                      static_cast<float>(c.b) / 255.0f, 1.0f};
}

std::string rgb_hex(Rgb8 c) {
  return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b);
}

// A value JSON can hold (NaN and infinities are not JSON numbers).
ordered_json number_or_null(double v) {
  return std::isfinite(v) ? ordered_json(v) : ordered_json(nullptr);
}

}  // namespace

std::string render_usage() {
  return "Usage: chipao-cli render --boundaries SRC --table T [--table T2 ...] --measure COLUMN\n"
         "         --size WxH --out map.png [--method quantile|jenks|equal] [--classes N]\n"
         "         [--palette P] [--extent CODE] [--title TEXT] [--labels L] [--json]\n\n"
         "Draws a choropleth map of one measure to a PNG without a window or display (EGL,\n"
         "Mesa's surfaceless platform): areas coloured by class, areas without a figure hatched,\n"
         "outlines, area labels, title, legend with ranges and counts, and a scale bar.\n\n"
         "  --boundaries SRC     the boundary file (all `info` layer options apply)\n" +
         table_options_help() +
         "  --assign M=T[+T2]    put municipal area M's figures into tambon(s) T (as in `join`)\n"
         "  --measure COLUMN     the joined column to map, e.g. poor.JPT.MOFval.CNT\n"
         "  --method M           quantile (default), jenks or equal\n"
         "  --classes N          3..9 (default 5)\n"
         "  --palette P          orange_red (default), blue, red, purple, green, viridis_like\n"
         "  --extent CODE        fit the map to a province (2 digits), amphoe (4) or tambon (6)\n"
         "  --title TEXT         the map's title (default: the measure's Thai label)\n"
         "  --subtitle TEXT      a line under the title (date, area, author)\n"
         "  --size WxH           image size in pixels, e.g. 1600x900\n"
         "  --ui-scale S         size of title, legend and scale bar (default: height / 900, at "
         "least 0.75)\n"
         "  --north-arrow        draw a north arrow\n"
         "  --labels L           label areas with their Thai name (name, default), English name\n"
         "                       (name-en), mapped value (value) or not at all (none); labels\n"
         "                       that would overlap, or not fit their area, are left out\n"
         "  --out map.png        the image to write\n"
         "  --json               print what was drawn as JSON\n" +
         layer_options_help();
}

int run_render(const std::vector<std::string>& argv) {
  const auto started = Clock::now();
  ArgSpec spec;
  add_layer_options(spec);
  add_table_options(spec);
  for (const char* v : {"boundaries", "measure", "method", "classes", "palette", "extent", "title",
                        "subtitle", "size", "out", "ui-scale", "labels"}) {
    spec.values.insert(v);
  }
  spec.repeatable.insert("assign");
  spec.flags.insert("json");
  spec.flags.insert("help");
  spec.flags.insert("north-arrow");
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli render: " << args.error().message << "\n" << render_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << render_usage();
    return 0;
  }
  auto settings = settings_from_args(*args);
  if (!settings) {
    std::cerr << "chipao-cli render: " << settings.error().message << "\n";
    return 2;
  }
  // Data: boundaries, figures joined to them, the measure classified.
  auto loaded = load_joined_layer(*args, {.command = "render"});
  if (!loaded) return loaded.error();
  const BoundaryLayer& layer = loaded->layer;
  const JoinResult& joined = *loaded->joined;
  const auto column = find_measure(joined, settings->measure, loaded->source.path);
  if (!column) {
    std::cerr << "chipao-cli render: " << column.error().message << "\n";
    return 1;
  }
  const JoinedColumn& measure = joined.columns[*column];
  // With --extent, the map is about that area: its features are classified, counted and
  // labelled; the ones around it stay as plain grey context (not "no data", which would
  // count thousands of areas of other provinces in the legend).
  std::vector<bool> inside(layer.features.size(), true);
  std::vector<double> values = measure.values;
  if (!settings->extent_code.empty()) {
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
      inside[i] = layer.features[i].code.starts_with(settings->extent_code);
      if (!inside[i]) values[i] = std::numeric_limits<double>::quiet_NaN();
    }
  }
  auto classification = classify(values, settings->method, settings->classes);
  if (!classification) {
    std::cerr << "chipao-cli render: " << classification.error().message << "\n";
    return 1;
  }
  // Areas outside --extent are context, not missing figures: the legend counts only the area.
  classification->no_data -=
      static_cast<std::size_t>(std::count(inside.begin(), inside.end(), false));
  Bbox extent = layer.extent_wgs84;
  if (!settings->extent_code.empty()) {
    auto e = extent_of_code(layer, settings->extent_code);
    if (!e) {
      std::cerr << "chipao-cli render: " << e.error().message << "\n";
      return 1;
    }
    extent = *e;
  }
  const std::vector<Rgb8> colors = classification_colors(*classification, settings->palette);
  const std::vector<Rgb8> feature_colors =
      class_colors_per_feature(values, *classification, colors, no_data_color());
  const auto [label_th, label_en] = tpmap_labels(measure.name);
  LegendText legend_text;
  legend_text.measure = label_th.empty() ? measure.name : label_th;
  legend_text.source = tpmap_source_text(loaded->tables, measure.table);
  legend_text.is_rate = measure.spec.rule == MeasureRule::ratio;
  legend_text.decimals = measure.spec.count ? 0 : 1;
  const Legend legend = build_legend(*classification, colors, legend_text);

  // Pictures: a surfaceless GL context, the map into an off-screen target, then decorations.
  auto gl = render::HeadlessGl::create();
  if (!gl) {
    std::cerr << "chipao-cli render: " << gl.error().message << "\n";
    return 1;
  }
  auto fonts = render::FontSet::load_default();
  if (!fonts) {
    std::cerr << "chipao-cli render: " << fonts.error().message << "\n";
    return 1;
  }
  std::size_t no_data = 0;
  std::size_t labels_placed = 0;
  render::RgbaImage image;
  {
    // GL objects live in this scope so they go before the context does.
    auto target = render::OffscreenTarget::create(settings->width, settings->height);
    if (!target) {
      std::cerr << "chipao-cli render: " << target.error().message << "\n";
      return 1;
    }
    auto renderer = render::MapRenderer::create();
    auto decorations = render::MapDecorations::create();
    auto text = render::TextRenderer::create(*fonts);
    if (!renderer || !decorations || !text) {
      std::cerr << "chipao-cli render: "
                << (!renderer      ? renderer.error().message
                    : !decorations ? decorations.error().message
                                   : text.error().message)
                << "\n";
      return 1;
    }
    render::LayerGpu gpu = render::LayerGpu::upload(render::build_layer_mesh(layer.features));
    std::vector<render::Rgba> fills(feature_colors.size());
    std::vector<std::uint8_t> flags(feature_colors.size(), 0);
    for (std::size_t i = 0; i < feature_colors.size(); ++i) {
      if (!inside[i]) {
        fills[i] = kContextFill;
        continue;
      }
      fills[i] = to_rgba(feature_colors[i]);
      if (classification->class_of(values[i]) < 0) {
        flags[i] = render::feature_flag::no_data;
        ++no_data;
      }
    }
    gpu.set_feature_colors(fills);
    gpu.set_feature_flags(flags);

    render::MapDecorationContent content;
    content.title = settings->title.value_or(legend.title);
    content.subtitle = settings->subtitle;  // the legend already names source and method
    content.legend = &legend;
    content.north_arrow = settings->north_arrow;
    // The padding does not depend on the scale bar's length, so one layout fits the camera
    // and a second, with the fitted scale, is drawn.
    const auto fit_layout = render::layout_map_decorations(content, *fonts, settings->width,
                                                           settings->height, settings->ui_scale);
    render::Camera2D camera;
    camera.set_viewport(settings->width, settings->height);
    camera.fit(extent, fit_layout.map_padding);
    const double degrees_lon_per_px =
        1.0 / (camera.pixels_per_degree() *
               std::cos(camera.reference_latitude() * std::numbers::pi / 180));
    content.metres_per_pixel = metres_per_pixel_east_west(camera.center().y, degrees_lon_per_px);
    const auto layout = render::layout_map_decorations(content, *fonts, settings->width,
                                                       settings->height, settings->ui_scale);

    target->bind();
    renderer->clear(render::rgb8(0xf7f5f0));
    render::LayerDrawItem item;
    item.layer = &gpu;
    item.style.fill = render::rgb8(0xdddddd);
    item.style.outline = render::rgb8(0x6b6358);
    item.style.outline_width_px = settings->ui_scale >= 1.5f ? 1.5f : 1.0f;
    renderer->draw(std::span(&item, 1), camera);
    if (settings->labels != render::LabelContent::none) {
      // Labels go between the map and the decorations, and keep clear of the boxes.
      std::vector<BoundaryFeature> labelled;
      std::vector<double> labelled_values;
      for (std::size_t i = 0; i < layer.features.size(); ++i) {
        if (!inside[i]) continue;
        labelled.push_back(layer.features[i]);
        labelled_values.push_back(values[i]);
      }
      const std::vector<Vec2> anchors = render::feature_label_points(labelled);
      render::MapLabelInput labels;
      labels.features = labelled;
      labels.anchors = anchors;
      labels.values = labelled_values;
      labels.content = settings->labels;
      labels.decimals = legend_text.decimals;
      labels.size_px = 13.0f * settings->ui_scale;
      for (const auto& box : {layout.title_box, layout.legend_box, layout.scale_bar_box}) {
        if (box) labels.keep_out.push_back({box->x, box->y, box->w, box->h});
      }
      const std::vector<render::TextItem> placed = render::layout_map_labels(labels, camera, *text);
      labels_placed = placed.size();
      text->draw(placed, settings->width, settings->height);
    }
    decorations->draw(layout, &*text, settings->width, settings->height);
    glFinish();
    image = render::read_framebuffer(0, 0, settings->width, settings->height);
    render::make_opaque(image);
    render::OffscreenTarget::bind_window();
  }
  if (auto written = render::write_png(settings->out, image); !written) {
    std::cerr << "chipao-cli render: " << written.error().message << "\n";
    return 1;
  }
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();

  for (const std::string& w : joined.report.warnings) std::cerr << "warning: " << w << "\n";
  if (args->has("json")) {
    ordered_json j;
    j["out"] = settings->out;
    j["width"] = settings->width;
    j["height"] = settings->height;
    j["features"] = layer.features.size();
    j["measure"] = measure.name;
    j["method"] = class_method_name(classification->method);
    j["palette"] = palette_name(settings->palette);
    ordered_json classes = ordered_json::array();
    for (int c = 0; c < classification->classes(); ++c) {
      classes.push_back({{"from", number_or_null(classification->breaks[c])},
                         {"to", number_or_null(classification->breaks[c + 1])},
                         {"count", classification->counts[c]},
                         {"color", rgb_hex(class_color(c, classification->classes(), colors))}});
    }
    j["classes"] = classes;
    j["classes_note"] = classification->note;
    j["no_data"] = no_data;
    j["no_data_style"] = "hatched";
    j["extent"] = {{"code", settings->extent_code.empty() ? ordered_json(nullptr)
                                                          : ordered_json(settings->extent_code)},
                   {"min_lon", extent.min_x},
                   {"min_lat", extent.min_y},
                   {"max_lon", extent.max_x},
                   {"max_lat", extent.max_y}};
    j["title"] = settings->title.value_or(legend.title);
    j["labels"] = {{"content", render::label_content_name(settings->labels)},
                   {"placed", labels_placed}};
    j["renderer"] = (*gl)->info().renderer;
    j["milliseconds"] = ms;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::cout << fmt::format(
        "wrote {} ({}x{}): {} areas, {} in {} classes ({}), {} without a figure, {:.0f} ms\n",
        settings->out, settings->width, settings->height, layer.features.size(), measure.name,
        classification->classes(), class_method_name(classification->method), no_data, ms);
  }
  return 0;
}

}  // namespace chipao::cli
