#include "core/plan/plan_export.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/io/csv_text.h"
#include "core/stats/tpmap_schema.h"

namespace fs = std::filesystem;

namespace chipao {

namespace {

using Type = ExportField::Type;

// Short field names per dimension, in DimensionId order (10 characters at most).
constexpr std::array<const char*, kDimensionCount> kDimShort{"health", "living", "educ", "income",
                                                             "access"};

const Dimension& dim(int d) {
  return tpmap_dimensions()[static_cast<std::size_t>(d)];
}

std::string suppression_note(int below) {
  if (below <= 1) return {};
  return fmt::format(
      "counts from 1 to {} are blank: small counts are suppressed below {} (project setting "
      "suppression_threshold or --suppress)",
      below - 1, below);
}

std::string rule_note() {
  return "centroid: whole units whose label point lies in the zone; area: units by the share "
         "of their area inside the zone; painted: the units painted into the zone, whole";
}

std::string share_note(const std::string& totals_source) {
  return fmt::format(
      "0..1: the zone's target poor / the target poor of the amphoes its units lie in ({}); "
      "blank when a total is unknown or the zone's count is suppressed",
      totals_source == "tables" ? "amphoe totals from the TPMAP tables, municipal areas included"
                                : "amphoe totals summed over the unit layer");
}

ExportValue count(double v, int below) {
  return suppress_count(v, below);
}

// True when a known count is blanked for partners (from 1 to below the threshold).
bool blanked(double v, int below) {
  return !std::isnan(v) && std::isnan(suppress_count(v, below));
}

// A plan's household count goes through the same suppression as TPMAP's: without
// --households it is TPMAP's own count of the zone's deprived households, and a planner's
// small number is as telling.
ExportValue plan_count(std::int64_t v, int below) {
  if (blanked(static_cast<double>(v), below)) return std::monostate{};
  return v;
}

// A cost is households × unit cost, so it is blank wherever its households are.
double plan_cost(const PlanAmount& a, int below) {
  return blanked(static_cast<double>(a.households), below) ? std::nan("") : a.cost_baht;
}

std::string plan_cost_note(int below) {
  if (below <= 1) return {};
  return "blank where the households are blank: households × unit cost would give the "
         "suppressed count back";
}

// User text inside a '#' note line: a comma there would start a new cell, which a
// spreadsheet could take for a formula, so commas and line breaks become spaces.
std::string note_text(std::string s) {
  for (char& c : s)
    if (c == ',' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string csv_number(double v) {
  if (std::isnan(v)) return {};
  if (std::abs(v - std::round(v)) < 1e-9) return fmt::format("{:.0f}", v);
  return fmt::format("{:.6g}", v);
}

std::string today_iso() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd(days);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string join_notes(const std::vector<std::string>& notes) {
  std::string out;
  for (const std::string& n : notes) out += (out.empty() ? "" : "; ") + n;
  return out;
}

ExportTable zones_table(const PlanReport& report, int below, const StoredLayer* units) {
  ExportTable t;
  t.name = "zones";
  t.description = "ChiPao zones: tallies (" + rule_note() + "), interventions and coverage. " +
                  suppression_note(below);
  const std::string note = suppression_note(below);
  t.fields = {
      {"zone_id", "zone_id", "รหัสโซน", "Zone id", Type::integer, {}},
      {"name", "name", "ชื่อโซน", "Zone name", Type::text, {}},
      {"kind", "kind", "ชนิดโซน", "Zone kind (drawn or painted)", Type::text, {}},
      {"color", "color", "สี", "Colour (#RRGGBB)", Type::text, {}},
      {"rule", "rule", "กฎการนับ", "Counting rule", Type::text, rule_note()},
      {"unit_layer", "unit_layer", "ชั้นข้อมูลหน่วยพื้นที่", "Unit layer tallied", Type::text, {}},
      {"units", "units", "จำนวนหน่วยพื้นที่", "Units counted", Type::integer, {}},
      {"assigned_from", "assigned", "ตัวเลขที่จัดสรรจากเขตเทศบาล",
       "Figures assigned from a municipal area", Type::text,
       "tambon: municipal area whose TPMAP figures were assigned to it (TPMAP reports the town, "
       "not its tambon); blank when no figure of the zone came from such an assignment"},
      {"target_poor", "target", "คนจนเป้าหมาย", "Target poor persons", Type::real, note},
      {"amphoes", "amphoes", "อำเภอ", "Amphoe codes", Type::text,
       "the amphoes the zone's units lie in, separated by ';'"},
      {"share_of_amphoe", "amph_shr", "สัดส่วนของคนจนเป้าหมายในอำเภอ",
       "Share of the amphoe's target poor", Type::real, share_note(report.amphoe_totals_source)},
      {"households", "hh", "จำนวนครัวเรือน", "Households", Type::real, note},
      {"poor_households", "poor_hh", "ครัวเรือนยากจน", "Poor households", Type::real, note},
  };
  for (int d = 0; d < kDimensionCount; ++d) {
    t.fields.push_back({fmt::format("deprived_{}", dim(d).key),
                        fmt::format("d_{}", kDimShort[static_cast<std::size_t>(d)]),
                        "คนจนเป้าหมาย " + std::string(dim(d).th),
                        "Target poor, " + std::string(dim(d).en), Type::real, note});
  }
  for (int d = 0; d < kDimensionCount; ++d) {
    t.fields.push_back({fmt::format("deprived_households_{}", dim(d).key),
                        fmt::format("dhh_{}", kDimShort[static_cast<std::size_t>(d)]),
                        "ครัวเรือนที่ขาดแคลน " + std::string(dim(d).th),
                        "Households deprived, " + std::string(dim(d).en), Type::real,
                        "from TPMAP's table of this dimension alone (e.g. "
                        "61_99_tambol_00010.csv for income); blank when the project did not "
                        "join it" +
                            (note.empty() ? std::string() : "; " + note)});
  }
  t.fields.push_back(
      {"interventions", "n_interv", "จำนวนโครงการ", "Interventions", Type::integer, {}});
  t.fields.push_back({"plan_households", "plan_hh", "ครัวเรือนเป้าหมายของแผน",
                      "Target households of the plan", Type::integer, note});
  t.fields.push_back({"plan_cost_baht", "cost_baht", "งบประมาณ (บาท)", "Cost (baht)", Type::real,
                      plan_cost_note(below)});
  for (int d = 0; d < kDimensionCount; ++d) {
    t.fields.push_back(
        {fmt::format("coverage_{}", dim(d).key),
         fmt::format("cov_{}", kDimShort[static_cast<std::size_t>(d)]),
         "สัดส่วนที่แผนครอบคลุม " + std::string(dim(d).th), "Coverage, " + std::string(dim(d).en),
         Type::real,
         std::string(kCoverageRuleEn) +
             " (households over households: deprived_households_<dimension>); blank when that "
             "count is 0, unknown or suppressed, or the planned households are suppressed"});
  }
  for (const ZoneReport& z : report.zones) {
    std::vector<ExportValue> row{
        z.zone.id,
        z.zone.name,
        std::string(zone_kind_key(z.zone.kind)),
        z.zone.color_hex,
        std::string(tally_rule_name(z.rule)),
        report.unit_layer,
        static_cast<std::int64_t>(z.tally.units.size()),
        join_notes(z.assigned_from),
        count(z.target_poor, below),
        z.amphoes,
        std::isnan(suppress_count(z.target_poor, below)) ? std::nan("")
                                                         : z.share_of_amphoe_target_poor,
        count(z.households, below),
        count(z.poor_households, below),
    };
    for (int d = 0; d < kDimensionCount; ++d)
      row.push_back(count(z.deprived[static_cast<std::size_t>(d)], below));
    for (int d = 0; d < kDimensionCount; ++d)
      row.push_back(count(z.deprived_households[static_cast<std::size_t>(d)], below));
    row.push_back(z.plan.all.interventions);
    row.push_back(plan_count(z.plan.all.households, below));
    row.push_back(plan_cost(z.plan.all, below));
    for (int d = 0; d < kDimensionCount; ++d) {
      // Coverage × deprived gives the planned households back, and planned / coverage the
      // deprived: blank when either is suppressed.
      const DimensionCoverage& c = z.coverage[static_cast<std::size_t>(d)];
      const bool hidden = std::isnan(suppress_count(c.deprived_households, below)) ||
                          blanked(c.planned_households, below);
      row.push_back(hidden ? std::nan("") : c.coverage);
    }
    t.rows.push_back(std::move(row));
    t.geometries.push_back(units != nullptr ? zone_footprint(z, *units) : z.zone.polygon);
    t.dissolve.push_back(z.zone.kind == ZoneKind::painted);
  }
  return t;
}

ExportTable interventions_table(const PlanReport& report, const PlanningState& state, int below) {
  ExportTable t;
  t.name = "interventions";
  t.description =
      "ChiPao interventions: one row per intervention. " +
      (below > 1 ? "Households " + suppression_note(below) + "; so is the cost of such a row"
                 : std::string("Small counts are not suppressed"));
  const std::string note = suppression_note(below);
  t.fields = {
      {"intervention_id", "id", "รหัสโครงการ", "Intervention id", Type::integer, {}},
      {"zone_id", "zone_id", "รหัสโซน", "Zone id", Type::integer, {}},
      {"zone", "zone", "โซน", "Zone", Type::text, {}},
      {"dimension", "dimension", "มิติ", "Dimension", Type::text,
       "health, living, education, income or access"},
      {"dimension_th", "dim_th", "มิติ (ไทย)", "Dimension (Thai)", Type::text, {}},
      {"agency", "agency", "หน่วยงาน", "Agency", Type::text, {}},
      {"households", "hh", "ครัวเรือนเป้าหมาย", "Target households", Type::integer, note},
      {"unit_cost_baht",
       "unit_cost",
       "ค่าใช้จ่ายต่อครัวเรือน (บาท)",
       "Cost per household (baht)",
       Type::real,
       {}},
      {"cost_baht", "cost_baht", "งบประมาณ (บาท)", "Cost (baht)", Type::real,
       plan_cost_note(below)},
      {"start", "start", "เริ่ม", "Start", Type::text, {}},
      {"end", "end", "สิ้นสุด", "End", Type::text, {}},
      {"status", "status", "สถานะ", "Status", Type::text, "planned, approved, in_progress or done"},
      {"catalogue_id", "catalogue", "รายการมาตรฐาน", "Catalogue entry", Type::text, {}},
  };
  std::map<std::int64_t, std::string> zone_names;
  for (const ZoneReport& z : report.zones) zone_names[z.zone.id] = z.zone.name;
  for (const Intervention& i : state.plan.interventions) {
    const auto d = static_cast<int>(i.dimension);
    const bool hidden = blanked(static_cast<double>(i.households), below);
    t.rows.push_back(
        {i.id, i.zone_id, zone_names[i.zone_id], std::string(dimension_key(i.dimension)),
         std::string(dim(d).th), i.agency, plan_count(i.households, below), i.unit_cost_baht,
         hidden ? std::nan("") : i.cost_baht(), i.start, i.end,
         std::string(intervention_status_key(i.status)), i.catalogue_id.value_or(std::string())});
  }
  return t;
}

}  // namespace

std::vector<ExportTable> plan_export_tables(const PlanReport& report, const PlanningState& state,
                                            int suppress_below) {
  return {zones_table(report, suppress_below, nullptr),
          interventions_table(report, state, suppress_below)};
}

std::string plan_summary_csv(const PlanReport& report, int below, const std::string& project_name) {
  std::string out;
  out += fmt::format("# ChiPao plan summary of {}; unit layer {}\n", note_text(project_name),
                     note_text(report.unit_layer));
  out += fmt::format("# rule: drawn zones counted by the {} rule; {}\n",
                     tally_rule_name(report.drawn_rule), rule_note());
  out += below > 1 ? "# small counts: " + suppression_note(below) +
                         "; the plan's households too; a cost or coverage is blank where its "
                         "households are\n"
                   : "# small counts: not suppressed\n";
  out += fmt::format(
      "# coverage: {}; deprived_households from TPMAP's table of that dimension alone "
      "(e.g. 61_99_tambol_00010.csv for income), blank without it\n",
      kCoverageRuleEn);
  if (report.budget_cap_baht > 0) {
    out += fmt::format("# budget cap: {:.2f} baht; total {:.2f}; {}\n", report.budget_cap_baht,
                       report.totals.all.cost_baht,
                       report.budget ? report.budget->message : "within the cap");
  } else {
    out += "# budget cap: none set\n";
  }
  out +=
      "kind,zone,agency,dimension,interventions,households,cost_baht,deprived_households,"
      "coverage\n";
  // Zone and agency names are user text: csv_text_cell() neutralises formulas.
  const auto row = [&](std::string_view kind, const std::string& zone, const std::string& agency,
                       std::string_view dimension, const PlanAmount& a, double deprived,
                       double coverage) {
    const bool hidden = blanked(static_cast<double>(a.households), below);
    out += fmt::format("{},{},{},{},{},{},{},{},{}\n", kind, csv_text_cell(zone),
                       csv_text_cell(agency), dimension, a.interventions,
                       hidden ? std::string() : std::to_string(a.households),
                       csv_number(plan_cost(a, below)), csv_number(deprived),
                       csv_number(hidden ? std::nan("") : coverage));
  };
  const double nan = std::nan("");
  for (const ZoneReport& z : report.zones) {
    row("zone", z.zone.name, "", "", z.plan.all, nan, nan);
    for (int d = 0; d < kDimensionCount; ++d) {
      const DimensionCoverage& c = z.coverage[static_cast<std::size_t>(d)];
      const double deprived = suppress_count(c.deprived_households, below);
      row("zone_dimension", z.zone.name, "", dimension_key(static_cast<DimensionId>(d)),
          z.plan.by_dimension[static_cast<std::size_t>(d)], deprived,
          std::isnan(deprived) ? nan : c.coverage);
    }
  }
  for (const auto& [agency, a] : report.totals.by_agency)
    row("agency", "", agency, "", a, nan, nan);
  for (int d = 0; d < kDimensionCount; ++d) {
    row("dimension", "", "", dimension_key(static_cast<DimensionId>(d)),
        report.totals.by_dimension[static_cast<std::size_t>(d)], nan, nan);
  }
  for (const auto& [key, a] : report.totals.by_agency_dimension)
    row("agency_dimension", "", key.first, dimension_key(key.second), a, nan, nan);
  row("total", "", "", "", report.totals.all, nan, nan);
  return out;
}

Result<PlanExportResult> plan_export_report(Project& project, const PlanExportOptions& options) {
  if (options.rule != TallyRule::centroid && options.rule != TallyRule::area)
    return fail("choose the centroid or the area rule for drawn zones");
  if (options.encoding != "UTF-8" && options.encoding != "CP874")
    return fail(fmt::format("encoding '{}': choose UTF-8 or CP874", options.encoding));
  auto layer_name = choose_unit_layer(project.store(), options.layer);
  if (!layer_name) return std::unexpected(layer_name.error());
  auto units = project.store().load_layer(*layer_name);
  if (!units) return std::unexpected(units.error());
  // The kept input tables give the amphoe totals of the zones' shares.
  auto kept_tables = project.store().load_tables(*layer_name);
  if (!kept_tables) return std::unexpected(kept_tables.error());
  units->tables = std::move(*kept_tables);

  PlanExportResult result;
  result.suppress_below = options.suppress_below.value_or(suppression_threshold(project.state()));
  result.report = build_plan_report(project.state(), *units, options.rule);
  result.units = std::move(*units);
  return result;
}

Result<PlanExportResult> export_plan(Project& project, const std::string& out_dir,
                                     const PlanExportOptions& options, const Progress& progress) {
  // Cancelling between steps returns before commit(), so the AtomicOutput discards it all.
  const auto cancelled = [&] { return progress.cancelled(); };
  const auto cancel_error = [&] { return fail(fmt::format("{}: export cancelled", out_dir)); };
  auto tallied = plan_export_report(project, options);
  if (!tallied) return std::unexpected(tallied.error());
  PlanExportResult result = std::move(*tallied);
  const StoredLayer* units = &result.units;
  const int below = result.suppress_below;
  progress.report(0.3);
  if (cancelled()) return cancel_error();

  const std::vector<ExportTable> tables{zones_table(result.report, below, units),
                                        interventions_table(result.report, project.state(), below)};
  const std::string project_name = fs::path(project.store().location()).filename().string();
  nlohmann::ordered_json manifest;
  manifest["project"] = project_name;
  manifest["exported"] = today_iso();
  manifest["format"] = std::string(export_format_key(options.format));
  if (options.format == ExportFormat::shp) manifest["encoding"] = options.encoding;
  manifest["unit_layer"] = result.report.unit_layer;
  manifest["rule"] = std::string(tally_rule_name(options.rule));
  manifest["rule_note"] = rule_note();
  manifest["suppress_below"] = below;
  manifest["suppression_note"] = below > 1 ? suppression_note(below) : "none";
  manifest["crs"] = "EPSG:4326";
  manifest["zones"] = result.report.zones.size();
  manifest["interventions"] = project.state().plan.interventions.size();
  manifest["total_cost_baht"] = result.report.totals.all.cost_baht;
  manifest["budget_cap_baht"] = result.report.budget_cap_baht;
  manifest["budget_warning"] = result.report.budget
                                   ? nlohmann::ordered_json(result.report.budget->message)
                                   : nlohmann::ordered_json(nullptr);
  manifest["warnings"] = result.report.warnings;
  const std::vector<ExportFile> files{
      {"plan_summary.csv", plan_summary_csv(result.report, below, project_name)},
      {"export.json", manifest.dump(2) + "\n"}};

  TableWriteOptions write;
  write.format = options.format;
  write.encoding = options.encoding;
  // Tables, summary, manifest and sheet are one output: all moved into place, or none.
  auto out = AtomicOutput::begin(out_dir);
  if (!out) return std::unexpected(out.error());
  if (auto written = write_export_tables(*out, tables, files, write); !written)
    return std::unexpected(written.error());
  progress.report(0.6);
  if (cancelled()) return cancel_error();
  if (options.sheet) {
    SheetOptions sheet = *options.sheet;
    sheet.suppress_below = below;
    const std::string name = sheet.format == SheetFormat::pdf ? "plan_sheet.pdf" : "plan_sheet.png";
    if (auto drawn = write_plan_sheet(result.report, *units, *out, name, sheet); !drawn)
      return std::unexpected(drawn.error());
    result.sheet = out->final_path(name).string();
  }
  progress.report(0.9);
  if (cancelled()) return cancel_error();
  auto moved = out->commit();
  if (!moved) return std::unexpected(moved.error());
  result.files = std::move(*moved);
  // The sheet is reported on its own, as before.
  std::erase(result.files, result.sheet);
  progress.report(1.0);
  return result;
}

}  // namespace chipao
