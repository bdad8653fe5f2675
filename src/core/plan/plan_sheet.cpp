#include "core/plan/plan_sheet.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <numbers>
#include <utility>

#include "core/classify/classification.h"
#include "core/classify/feature_colors.h"
#include "core/classify/legend.h"
#include "core/classify/palette.h"
#include "core/geo/label_point.h"
#include "core/geo/scale_bar.h"
#include "core/io/atomic_output.h"
#include "core/plan/zone_figures.h"
#include "core/stats/tpmap_schema.h"
#include "core/util/number_format.h"

namespace fs = std::filesystem;

namespace chipao {

namespace {

// A4 portrait in PostScript points; every drawing below is in points and a PNG scales it.
constexpr double kPageW = 595.28, kPageH = 841.89;
constexpr double kMargin = 36;
constexpr const char* kFont = "Loma, Garuda, Noto Sans Thai, sans";
constexpr std::size_t kMaxTableRows = 10;

struct SurfaceCloser {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextCloser {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct LayoutCloser {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
struct FontCloser {
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

// cairo's stream callback: every byte of the sheet goes through the checked OutputFile.
cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
  return static_cast<OutputFile*>(closure)->write(data, length) ? CAIRO_STATUS_SUCCESS
                                                                : CAIRO_STATUS_WRITE_ERROR;
}

struct Colour {
  double r = 0, g = 0, b = 0;
};
Colour from_rgb8(Rgb8 c) {
  return {c.r / 255.0, c.g / 255.0, c.b / 255.0};
}
Colour from_hex(const std::string& hex) {
  unsigned v = 0x555555;
  if (hex.size() == 7 && hex[0] == '#')
    v = static_cast<unsigned>(std::stoul(hex.substr(1), nullptr, 16));
  return {((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

enum class Align { left, right, centre };

// Text through pango, so Thai clusters are shaped (marks above tall consonants, tails).
class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {}

  // Draws `text` with its top-left (or top-right, centre) at x, y; returns its height.
  double text(const std::string& text, double x, double y, double size, Align align = Align::left,
              bool bold = false, Colour colour = {}, double max_width = 0, bool halo = false) {
    set_font(size, bold);
    pango_layout_set_text(layout_.get(), text.c_str(), -1);
    if (max_width > 0) {
      pango_layout_set_width(layout_.get(), static_cast<int>(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize(layout_.get(), PANGO_ELLIPSIZE_END);
    } else {
      pango_layout_set_width(layout_.get(), -1);
    }
    int w = 0, h = 0;
    pango_layout_get_size(layout_.get(), &w, &h);
    const double width = static_cast<double>(w) / PANGO_SCALE;
    const double height = static_cast<double>(h) / PANGO_SCALE;
    double left = x;
    if (align == Align::right) left = x - width;
    if (align == Align::centre) left = x - width / 2;
    cairo_move_to(cr_, left, y);
    if (halo) {
      // A white outline keeps labels readable over any class colour.
      pango_cairo_layout_path(cr_, layout_.get());
      cairo_set_source_rgb(cr_, 1, 1, 1);
      cairo_set_line_width(cr_, size * 0.3);
      cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke(cr_);
      cairo_move_to(cr_, left, y);
    }
    cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
    pango_cairo_show_layout(cr_, layout_.get());
    return height;
  }

 private:
  void set_font(double size, bool bold) {
    std::unique_ptr<PangoFontDescription, FontCloser> font(
        pango_font_description_from_string(kFont));
    pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_.get(), font.get());
  }
  cairo_t* cr_;
  std::unique_ptr<PangoLayout, LayoutCloser> layout_;
};

// Longitude/latitude to page points: an equirectangular view with longitude shortened by the
// cosine of the centre latitude, so shapes keep their proportions at Thai latitudes.
struct MapFrame {
  double x = 0, y = 0, w = 0, h = 0;  // the box on the page
  double lon0 = 0, lat0 = 0, k = 1;   // k: points per degree of latitude
  double cos_lat = 1;
  double cx = 0, cy = 0;

  static MapFrame fit(Bbox extent, double x, double y, double w, double h) {
    MapFrame f{x, y, w, h};
    f.lat0 = (extent.min_y + extent.max_y) / 2;
    f.lon0 = (extent.min_x + extent.max_x) / 2;
    f.cos_lat = std::cos(f.lat0 * std::numbers::pi / 180);
    const double span_x = std::max(1e-6, (extent.max_x - extent.min_x) * f.cos_lat);
    const double span_y = std::max(1e-6, extent.max_y - extent.min_y);
    f.k = std::min(w / span_x, h / span_y);
    f.cx = x + w / 2;
    f.cy = y + h / 2;
    return f;
  }
  double px(double lon) const { return cx + (lon - lon0) * cos_lat * k; }
  double py(double lat) const { return cy - (lat - lat0) * k; }
};

void path_geometry(cairo_t* cr, const FeatureGeometry& g, const MapFrame& f) {
  for (std::size_t r = 0; r < g.ring_count(); ++r) {
    const auto pts = g.ring(r);
    if (pts.empty()) continue;
    cairo_move_to(cr, f.px(pts[0].x), f.py(pts[0].y));
    for (std::size_t i = 1; i < pts.size(); ++i) cairo_line_to(cr, f.px(pts[i].x), f.py(pts[i].y));
    cairo_close_path(cr);
  }
}

// The outer edges of a painted zone: segments of its units that no other unit of the zone
// shares (neighbouring units share identical vertices), so the outline is the zone's, not
// every unit's.
void path_outline(cairo_t* cr, const FeatureGeometry& g, const MapFrame& f) {
  using Key = std::pair<std::pair<double, double>, std::pair<double, double>>;
  std::map<Key, int> seen;
  const auto key = [](Vec2 a, Vec2 b) {
    std::pair<double, double> p{a.x, a.y}, q{b.x, b.y};
    return p < q ? Key{p, q} : Key{q, p};
  };
  for (std::size_t r = 0; r < g.ring_count(); ++r) {
    const auto pts = g.ring(r);
    for (std::size_t i = 1; i < pts.size(); ++i) ++seen[key(pts[i - 1], pts[i])];
  }
  for (std::size_t r = 0; r < g.ring_count(); ++r) {
    const auto pts = g.ring(r);
    for (std::size_t i = 1; i < pts.size(); ++i) {
      if (seen[key(pts[i - 1], pts[i])] != 1) continue;
      cairo_move_to(cr, f.px(pts[i - 1].x), f.py(pts[i - 1].y));
      cairo_line_to(cr, f.px(pts[i].x), f.py(pts[i].y));
    }
  }
}

std::string count_text(double v, int below) {
  const double shown = suppress_count(v, below);
  if (std::isnan(v)) return "–";
  if (std::isnan(shown)) return fmt::format("<{}", below);
  return format_thousands(shown, std::abs(shown - std::round(shown)) < 1e-9 ? 0 : 1);
}

std::string baht(double v) {
  return format_thousands(v, 0);
}

// The plan's households are suppressed like every count (an intervention added without
// --households carries TPMAP's count), and a cost with them: households × unit cost would
// give the count back.
std::string plan_households_text(const PlanAmount& a, int below) {
  return count_text(static_cast<double>(a.households), below);
}
std::string plan_cost_text(const PlanAmount& a, int below) {
  return std::isnan(suppress_count(static_cast<double>(a.households), below)) ? "–"
                                                                              : baht(a.cost_baht);
}

std::string_view dimension_th(DimensionId d) {
  return tpmap_dimensions()[static_cast<std::size_t>(d)].th;
}

// A table: header row, rows, right-aligned numbers after the first column.
struct Table {
  std::vector<std::string> header;
  std::vector<double> widths;  // points; the first column is text
  std::vector<std::vector<std::string>> rows;
  std::vector<std::optional<Colour>> swatches;  // per row, before the first cell
  bool last_row_bold = false;
};

double draw_table(cairo_t* cr, Writer& w, const Table& t, double x, double y, double size) {
  const double row_h = size * 1.9;
  double total_w = 0;
  for (double cw : t.widths) total_w += cw;
  cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
  cairo_rectangle(cr, x, y, total_w, row_h);
  cairo_fill(cr);
  const auto draw_row = [&](const std::vector<std::string>& cells, double top, bool bold,
                            std::optional<Colour> swatch) {
    double cx = x;
    for (std::size_t c = 0; c < cells.size() && c < t.widths.size(); ++c) {
      double inset = 3;
      if (c == 0 && swatch) {
        cairo_set_source_rgb(cr, swatch->r, swatch->g, swatch->b);
        cairo_rectangle(cr, cx + 3, top + row_h * 0.25, size, row_h * 0.5);
        cairo_fill(cr);
        inset += size + 3;
      }
      if (c == 0) {
        w.text(cells[c], cx + inset, top + row_h * 0.2, size, Align::left, bold, {},
               t.widths[c] - inset - 2);
      } else {
        w.text(cells[c], cx + t.widths[c] - 3, top + row_h * 0.2, size, Align::right, bold);
      }
      cx += t.widths[c];
    }
  };
  draw_row(t.header, y, true, std::nullopt);
  double top = y + row_h;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool bold = t.last_row_bold && r + 1 == t.rows.size();
    draw_row(t.rows[r], top, bold, r < t.swatches.size() ? t.swatches[r] : std::nullopt);
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, x, top);
    cairo_line_to(cr, x + total_w, top);
    cairo_stroke(cr);
    top += row_h;
  }
  cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
  cairo_set_line_width(cr, 0.6);
  cairo_rectangle(cr, x, y, total_w, top - y);
  cairo_stroke(cr);
  return top;
}

std::array<int, 3> today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd(days);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// The map: units coloured by target poor, zones outlined and named, legend and scale bar.
void draw_map(cairo_t* cr, Writer& w, const PlanReport& report, const StoredLayer& units,
              const SheetOptions& options, double x, double y, double width, double height) {
  // The view: the zones with some room around them, or the whole layer without zones.
  Bbox extent;
  std::vector<FeatureGeometry> footprints;
  for (const ZoneReport& z : report.zones) {
    footprints.push_back(zone_footprint(z, units));
    for (const Vec2& p : footprints.back().points) extent.expand(p);
  }
  if (footprints.empty() || extent.empty()) {
    extent = Bbox{};
    for (const BoundaryFeature& f : units.layer.features)
      for (const Vec2& p : f.geometry.points) extent.expand(p);
  }
  const double pad_x = (extent.max_x - extent.min_x) * 0.12 + 0.01;
  const double pad_y = (extent.max_y - extent.min_y) * 0.12 + 0.01;
  extent.expand(Vec2{extent.min_x - pad_x, extent.min_y - pad_y});
  extent.expand(Vec2{extent.max_x + pad_x, extent.max_y + pad_y});
  const MapFrame frame = MapFrame::fit(extent, x, y, width, height);

  cairo_save(cr);
  cairo_rectangle(cr, x, y, width, height);
  cairo_clip(cr);
  cairo_set_source_rgb(cr, 0.96, 0.97, 0.98);
  cairo_paint(cr);

  // Units by target poor: quantile classes of the unit values, the orange-red ramp.
  // The column the zones' own target poor are read from (core/plan/zone_figures.h).
  std::vector<double> values(units.layer.features.size(), std::nan(""));
  if (const JoinedColumn* c = planning_column(units.columns, kTargetPoorColumn)) {
    values = c->values;
    values.resize(units.layer.features.size(), std::nan(""));
  }
  auto classes = classify(values, ClassMethod::quantile, 5);
  std::vector<Rgb8> palette;
  std::vector<Rgb8> fill(values.size(), no_data_color());
  if (classes && classes->classes() > 0) {
    palette = classification_colors(*classes, PaletteId::orange_red);
    fill = class_colors_per_feature(values, *classes, palette, no_data_color());
  }
  for (std::size_t i = 0; i < units.layer.features.size(); ++i) {
    const FeatureGeometry& g = units.layer.features[i].geometry;
    if (g.kind != GeometryKind::polygon) continue;
    path_geometry(cr, g, frame);
    const Colour c = from_rgb8(fill[i]);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 0.35);
    cairo_stroke(cr);
  }
  // Zones: outlines in their colours, then names on top of everything.
  for (std::size_t i = 0; i < report.zones.size(); ++i) {
    const Colour c = from_hex(report.zones[i].zone.color_hex);
    if (report.zones[i].zone.kind == ZoneKind::painted) {
      path_outline(cr, footprints[i], frame);
    } else {
      path_geometry(cr, footprints[i], frame);
    }
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 3.6);
    cairo_stroke_preserve(cr);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_set_line_width(cr, 2.0);
    cairo_stroke(cr);
  }
  for (std::size_t i = 0; i < report.zones.size(); ++i) {
    if (footprints[i].empty()) continue;
    const Vec2 at = label_point(footprints[i], 0.002);
    w.text(report.zones[i].zone.name, frame.px(at.x), frame.py(at.y) - 6, 10, Align::centre, true,
           {0.1, 0.1, 0.1}, 0, true);
  }
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
  cairo_set_line_width(cr, 0.8);
  cairo_rectangle(cr, x, y, width, height);
  cairo_stroke(cr);

  // Legend, bottom left inside the map.
  if (classes) {
    LegendText text;
    text.measure = "คนจนเป้าหมาย (คน) ราย" +
                   (report.unit_level == "village" ? std::string("หมู่บ้าน") : std::string("ตำบล"));
    text.source = "TPMAP";
    const Legend legend = build_legend(*classes, palette, text);
    const double row = 12;
    const double box_h = 20 + row * static_cast<double>(legend.entries.size()) + 4;
    const double lx = x + 8, ly = y + height - box_h - 8;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.88);
    cairo_rectangle(cr, lx, ly, 150, box_h);
    cairo_fill(cr);
    w.text(legend.title, lx + 5, ly + 4, 8, Align::left, true);
    double ey = ly + 20;
    for (const LegendEntry& e : legend.entries) {
      const Colour c = from_rgb8(e.color);
      cairo_set_source_rgb(cr, c.r, c.g, c.b);
      cairo_rectangle(cr, lx + 5, ey + 1, 14, 9);
      cairo_fill(cr);
      w.text(fmt::format("{}  ({} {})", e.label, e.count,
                         report.unit_level == "village" ? "หมู่บ้าน" : "ตำบล"),
             lx + 24, ey, 7.5);
      ey += row;
    }
  }
  // Scale bar, bottom right inside the map: true at the map's centre latitude.
  const double metres_per_point = metres_per_degree_latitude(frame.lat0) / frame.k;
  if (const auto bar = choose_scale_bar(metres_per_point, 90)) {
    const double bx = x + width - 12 - bar->width_px, by = y + height - 16;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_rectangle(cr, bx - 6, by - 16, bar->width_px + 12, 26);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 1.2);
    cairo_move_to(cr, bx, by - 4);
    cairo_line_to(cr, bx, by);
    cairo_line_to(cr, bx + bar->width_px, by);
    cairo_line_to(cr, bx + bar->width_px, by - 4);
    cairo_stroke(cr);
    w.text(bar->label, bx + bar->width_px / 2, by - 15, 7.5, Align::centre);
  }
  (void)options;
}

void draw_sheet(cairo_t* cr, const PlanReport& report, const StoredLayer& units,
                const SheetOptions& options) {
  Writer w(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const double right = kPageW - kMargin;
  const std::string title = options.title.empty() ? "แผนแก้ไขปัญหาความยากจนรายพื้นที่" : options.title;
  const auto date = options.date.value_or(today());
  w.text(title, kMargin, kMargin - 6, 17, Align::left, true);
  w.text("วันที่ " + format_date_be(date[0], date[1], date[2], true), right, kMargin - 2, 9,
         Align::right);
  const std::string rule =
      report.drawn_rule == TallyRule::area ? "นับตามสัดส่วนพื้นที่" : "นับทั้งหน่วยตามจุดศูนย์กลาง";
  w.text(fmt::format("{}{}ข้อมูล TPMAP · หน่วยพื้นที่: {} · โซนที่วาด: {}", options.project_name,
                     options.project_name.empty() ? "" : " · ",
                     report.unit_level == "tambon"    ? std::string("ตำบล")
                     : report.unit_level == "village" ? std::string("หมู่บ้าน")
                                                      : report.unit_layer,
                     rule),
         kMargin, kMargin + 18, 8.5, Align::left, false, {0.3, 0.3, 0.3}, right - kMargin);

  const double map_top = kMargin + 34, map_h = 330;
  draw_map(cr, w, report, units, options, kMargin, map_top, right - kMargin, map_h);

  // Zones.
  double y = map_top + map_h + 14;
  w.text("โซนและงบประมาณ", kMargin, y, 11, Align::left, true);
  y += 17;
  Table zones;
  zones.header = {"โซน",     "ครัวเรือน",        "คนจนเป้าหมาย",   "% ของอำเภอ",
                  "โครงการ", "ครัวเรือนเป้าหมาย", "งบประมาณ (บาท)"};
  zones.widths = {118, 62, 74, 60, 50, 80, 79.28};
  const int below = options.suppress_below;
  for (std::size_t i = 0; i < report.zones.size() && i < kMaxTableRows; ++i) {
    const ZoneReport& z = report.zones[i];
    // The share goes with the count: blank where the count is suppressed or unknown.
    const bool share_known = !std::isnan(suppress_count(z.target_poor, below)) &&
                             !std::isnan(z.share_of_amphoe_target_poor);
    zones.rows.push_back(
        {z.zone.name, count_text(z.households, below), count_text(z.target_poor, below),
         share_known ? fmt::format("{:.1f}", 100 * z.share_of_amphoe_target_poor) : "–",
         format_count(z.plan.all.interventions), plan_households_text(z.plan.all, below),
         plan_cost_text(z.plan.all, below)});
    zones.swatches.push_back(from_hex(z.zone.color_hex));
  }
  if (report.zones.size() > kMaxTableRows) {
    zones.rows.push_back(
        {fmt::format("และอีก {} โซน", report.zones.size() - kMaxTableRows), "", "", "", "", "", ""});
    zones.swatches.push_back(std::nullopt);
  }
  zones.rows.push_back({"รวม", "", "", "", format_count(report.totals.all.interventions),
                        plan_households_text(report.totals.all, below),
                        plan_cost_text(report.totals.all, below)});
  zones.swatches.push_back(std::nullopt);
  zones.last_row_bold = true;
  y = draw_table(cr, w, zones, kMargin, y, 8) + 14;

  // Budget per agency and per dimension, side by side.
  const double half = (right - kMargin - 12) / 2;
  Table agencies;
  agencies.header = {"หน่วยงาน", "โครงการ", "บาท"};
  agencies.widths = {half - 120, 45, 75};
  for (const auto& [agency, a] : report.totals.by_agency) {
    if (agencies.rows.size() == kMaxTableRows) break;
    agencies.rows.push_back({agency.empty() ? "(ไม่ระบุ)" : agency, format_count(a.interventions),
                             plan_cost_text(a, below)});
  }
  Table dimensions;
  dimensions.header = {"มิติ", "โครงการ", "บาท"};
  dimensions.widths = {half - 120, 45, 75};
  for (int d = 0; d < kDimensionCount; ++d) {
    const PlanAmount& a = report.totals.by_dimension[static_cast<std::size_t>(d)];
    dimensions.rows.push_back({std::string(dimension_th(static_cast<DimensionId>(d))),
                               format_count(a.interventions), plan_cost_text(a, below)});
  }
  w.text("งบประมาณตามหน่วยงาน", kMargin, y, 9.5, Align::left, true);
  w.text("งบประมาณตามมิติ", kMargin + half + 12, y, 9.5, Align::left, true);
  y += 15;
  const double after_a = draw_table(cr, w, agencies, kMargin, y, 7.5);
  const double after_d = draw_table(cr, w, dimensions, kMargin + half + 12, y, 7.5);
  y = std::max(after_a, after_d) + 12;

  // The cap and the warning.
  if (report.budget_cap_baht > 0) {
    w.text(fmt::format("วงเงินงบประมาณ {} บาท · แผนใช้ {} บาท", baht(report.budget_cap_baht),
                       baht(report.totals.all.cost_baht)),
           kMargin, y, 9);
    y += 14;
    if (report.budget) {
      w.text(fmt::format("เกินวงเงิน {} บาท ({})", baht(report.budget->excess_baht),
                         report.budget->message),
             kMargin, y, 9, Align::left, true, {0.75, 0.1, 0.1});
      y += 14;
    }
  } else {
    w.text(fmt::format("ยังไม่กำหนดวงเงิน · แผนใช้ {} บาท", baht(report.totals.all.cost_baht)), kMargin,
           y, 9);
  }
  // Footer: how the figures were protected and made.
  const std::string footer =
      below > 1
          ? fmt::format("ตัวเลขที่น้อยกว่า {} แสดงเป็น \"<{}\" เพื่อคุ้มครองข้อมูลส่วนบุคคล · ", below, below)
          : std::string();
  w.text(footer + "คนจนเป้าหมายนับเป็นคน (TPMAP) · จัดทำด้วย ChiPao (ชี้เป้า)", kMargin,
         kPageH - kMargin + 8, 7, Align::left, false, {0.4, 0.4, 0.4}, right - kMargin);
}

// A PNG sheet's size in pixels: width_px wide, height_px or A4's proportions high.
std::pair<int, int> png_size(const SheetOptions& options) {
  const int height = options.height_px > 0
                         ? options.height_px
                         : static_cast<int>(std::lround(options.width_px * kPageH / kPageW));
  return {options.width_px, height};
}

bool png_size_ok(const SheetOptions& options) {
  return options.width_px >= 100 && options.width_px <= 10000 && options.height_px >= 0 &&
         options.height_px <= 14000;
}

// Draws the sheet on `surface` at `scale` pixels (or PDF units) per point; an image gets a white
// page first. Returns cairo's status after drawing.
cairo_status_t paint_sheet(cairo_surface_t* surface, double scale, bool white_page,
                           const PlanReport& report, const StoredLayer& units,
                           const SheetOptions& options) {
  std::unique_ptr<cairo_t, ContextCloser> cr(cairo_create(surface));
  if (white_page) {
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
  }
  cairo_scale(cr.get(), scale, scale);
  draw_sheet(cr.get(), report, units, options);
  return cairo_status(cr.get());
}

// Points to pixels: the page fits the image; a taller image keeps white below.
double png_scale(int width, int height) {
  return std::min(width / kPageW, height / kPageH);
}

}  // namespace

std::optional<SheetFormat> parse_sheet_format(std::string_view text) {
  if (text == "pdf") return SheetFormat::pdf;
  if (text == "png") return SheetFormat::png;
  return std::nullopt;
}

Result<void> write_plan_sheet(const PlanReport& report, const StoredLayer& units, AtomicOutput& out,
                              const std::string& name, const SheetOptions& options) {
  const std::string path = out.final_path(name).string();
  if (options.format == SheetFormat::png && !png_size_ok(options))
    return fail(fmt::format("{}: a plan sheet PNG is 100 to 10,000 pixels wide", path));
  // cairo writes through OutputFile, which keeps the first failed write and its reason.
  auto file = out.open(name);
  if (!file) return std::unexpected(file.error());
  OutputFile* sink = &*file;
  // cairo only says that writing failed; the file knows why (a full disk), so it speaks first.
  const auto failed = [&](cairo_status_t status) -> Error {
    if (auto closed = file->close(); !closed) return closed.error();
    return out.library_failure(name, cairo_status_to_string(status));
  };

  std::unique_ptr<cairo_surface_t, SurfaceCloser> surface;
  double scale = 1;
  if (options.format == SheetFormat::pdf) {
    surface.reset(cairo_pdf_surface_create_for_stream(write_to_file, sink, kPageW, kPageH));
    cairo_pdf_surface_set_metadata(
        surface.get(), CAIRO_PDF_METADATA_TITLE,
        options.title.empty() ? "แผนแก้ไขปัญหาความยากจนรายพื้นที่" : options.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "ChiPao");
  } else {
    const auto [width, height] = png_size(options);
    surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    scale = png_scale(width, height);
  }
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return fail(fmt::format("{}: cannot start the sheet ({}); try again", path,
                            cairo_status_to_string(cairo_surface_status(surface.get()))));
  if (const cairo_status_t drawn = paint_sheet(
          surface.get(), scale, options.format == SheetFormat::png, report, units, options);
      drawn != CAIRO_STATUS_SUCCESS)
    return std::unexpected(failed(drawn));
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  if (options.format == SheetFormat::png) {
    status = cairo_surface_write_to_png_stream(surface.get(), write_to_file, sink);
  } else {
    // The PDF's last objects, cross-reference table and %%EOF are written here.
    cairo_surface_finish(surface.get());
    status = cairo_surface_status(surface.get());
  }
  surface.reset();
  if (status != CAIRO_STATUS_SUCCESS) return std::unexpected(failed(status));
  return file->close();
}

Result<void> write_plan_sheet(const PlanReport& report, const StoredLayer& units,
                              const std::string& path, const SheetOptions& options) {
  // Drawn into a file beside the target and moved into place whole (core/io/atomic_output.h).
  const fs::path target(path);
  auto out = AtomicOutput::begin(target.parent_path(), target);
  if (!out) return std::unexpected(out.error());
  if (auto drawn = write_plan_sheet(report, units, *out, target.filename().string(), options);
      !drawn)
    return drawn;
  auto moved = out->commit();
  if (!moved) return std::unexpected(moved.error());
  return {};
}

Result<SheetImage> draw_plan_sheet_image(const PlanReport& report, const StoredLayer& units,
                                         const SheetOptions& options) {
  if (!png_size_ok(options)) return fail("a plan sheet image is 100 to 10,000 pixels wide");
  const auto [width, height] = png_size(options);
  std::unique_ptr<cairo_surface_t, SurfaceCloser> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return fail(fmt::format("cannot start the sheet preview ({}); try again",
                            cairo_status_to_string(cairo_surface_status(surface.get()))));
  if (const cairo_status_t drawn =
          paint_sheet(surface.get(), png_scale(width, height), true, report, units, options);
      drawn != CAIRO_STATUS_SUCCESS)
    return fail(fmt::format("cannot draw the sheet preview ({})", cairo_status_to_string(drawn)));
  cairo_surface_flush(surface.get());
  // cairo's RGB24 keeps each pixel as a native-endian 32-bit 0x00RRGGBB; rows may be padded.
  SheetImage image;
  image.width = width;
  image.height = height;
  image.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < height; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    std::uint8_t* out =
        image.rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width) * 4;
    for (int x = 0; x < width; ++x) {
      const std::uint32_t p = row[x];
      out[4 * x + 0] = static_cast<std::uint8_t>(p >> 16);
      out[4 * x + 1] = static_cast<std::uint8_t>(p >> 8);
      out[4 * x + 2] = static_cast<std::uint8_t>(p);
      out[4 * x + 3] = 255;
    }
  }
  return image;
}

}  // namespace chipao
