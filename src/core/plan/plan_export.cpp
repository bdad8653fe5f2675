#include "core/plan/plan_export.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

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

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
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
  t.fields.push_back(
      {"interventions", "n_interv", "จำนวนโครงการ", "Interventions", Type::integer, {}});
  t.fields.push_back({"plan_households",
                      "plan_hh",
                      "ครัวเรือนเป้าหมายของแผน",
                      "Target households of the plan",
                      Type::integer,
                      {}});
  t.fields.push_back(
      {"plan_cost_baht", "cost_baht", "งบประมาณ (บาท)", "Cost (baht)", Type::real, {}});
  for (int d = 0; d < kDimensionCount; ++d) {
    t.fields.push_back(
        {fmt::format("coverage_{}", dim(d).key),
         fmt::format("cov_{}", kDimShort[static_cast<std::size_t>(d)]),
         "สัดส่วนที่แผนครอบคลุม " + std::string(dim(d).th), "Coverage, " + std::string(dim(d).en),
         Type::real,
         "target households of the zone's interventions of this dimension / the zone's target "
         "poor deprived in it (TPMAP counts persons); blank when that count is 0, unknown or "
         "suppressed"});
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
    row.push_back(z.plan.all.interventions);
    row.push_back(z.plan.all.households);
    row.push_back(z.plan.all.cost_baht);
    for (int d = 0; d < kDimensionCount; ++d) {
      const DimensionCoverage& c = z.coverage[static_cast<std::size_t>(d)];
      row.push_back(std::isnan(suppress_count(c.deprived, below)) ? std::nan("") : c.coverage);
    }
    t.rows.push_back(std::move(row));
    t.geometries.push_back(units != nullptr ? zone_footprint(z, *units) : z.zone.polygon);
    t.dissolve.push_back(z.zone.kind == ZoneKind::painted);
  }
  return t;
}

ExportTable interventions_table(const PlanReport& report, const PlanningState& state) {
  ExportTable t;
  t.name = "interventions";
  t.description =
      "ChiPao interventions: one row per intervention; households and cost are the "
      "plan's own numbers";
  t.fields = {
      {"intervention_id", "id", "รหัสโครงการ", "Intervention id", Type::integer, {}},
      {"zone_id", "zone_id", "รหัสโซน", "Zone id", Type::integer, {}},
      {"zone", "zone", "โซน", "Zone", Type::text, {}},
      {"dimension", "dimension", "มิติ", "Dimension", Type::text,
       "health, living, education, income or access"},
      {"dimension_th", "dim_th", "มิติ (ไทย)", "Dimension (Thai)", Type::text, {}},
      {"agency", "agency", "หน่วยงาน", "Agency", Type::text, {}},
      {"households", "hh", "ครัวเรือนเป้าหมาย", "Target households", Type::integer, {}},
      {"unit_cost_baht",
       "unit_cost",
       "ค่าใช้จ่ายต่อครัวเรือน (บาท)",
       "Cost per household (baht)",
       Type::real,
       {}},
      {"cost_baht", "cost_baht", "งบประมาณ (บาท)", "Cost (baht)", Type::real, {}},
      {"start", "start", "เริ่ม", "Start", Type::text, {}},
      {"end", "end", "สิ้นสุด", "End", Type::text, {}},
      {"status", "status", "สถานะ", "Status", Type::text, "planned, approved, in_progress or done"},
      {"catalogue_id", "catalogue", "รายการมาตรฐาน", "Catalogue entry", Type::text, {}},
  };
  std::map<std::int64_t, std::string> zone_names;
  for (const ZoneReport& z : report.zones) zone_names[z.zone.id] = z.zone.name;
  for (const Intervention& i : state.plan.interventions) {
    const auto d = static_cast<int>(i.dimension);
    t.rows.push_back({i.id, i.zone_id, zone_names[i.zone_id],
                      std::string(dimension_key(i.dimension)), std::string(dim(d).th), i.agency,
                      i.households, i.unit_cost_baht, i.cost_baht(), i.start, i.end,
                      std::string(intervention_status_key(i.status)),
                      i.catalogue_id.value_or(std::string())});
  }
  return t;
}

}  // namespace

std::vector<ExportTable> plan_export_tables(const PlanReport& report, const PlanningState& state,
                                            int suppress_below) {
  return {zones_table(report, suppress_below, nullptr), interventions_table(report, state)};
}

std::string plan_summary_csv(const PlanReport& report, int below, const std::string& project_name) {
  std::string out;
  out +=
      fmt::format("# ChiPao plan summary of {}; unit layer {}\n", project_name, report.unit_layer);
  out += fmt::format("# rule: drawn zones counted by the {} rule; {}\n",
                     tally_rule_name(report.drawn_rule), rule_note());
  out += below > 1 ? "# small counts: " + suppression_note(below) +
                         "; plan households and costs are not suppressed\n"
                   : "# small counts: not suppressed\n";
  out += "# coverage: planned households / target poor deprived in the dimension (persons)\n";
  if (report.budget_cap_baht > 0) {
    out += fmt::format("# budget cap: {:.2f} baht; total {:.2f}; {}\n", report.budget_cap_baht,
                       report.totals.all.cost_baht,
                       report.budget ? report.budget->message : "within the cap");
  } else {
    out += "# budget cap: none set\n";
  }
  out += "kind,zone,agency,dimension,interventions,households,cost_baht,deprived,coverage\n";
  const auto row = [&](std::string_view kind, const std::string& zone, const std::string& agency,
                       std::string_view dimension, const PlanAmount& a, double deprived,
                       double coverage) {
    out += fmt::format("{},{},{},{},{},{},{},{},{}\n", kind, csv_cell(zone), csv_cell(agency),
                       dimension, a.interventions, a.households, csv_number(a.cost_baht),
                       csv_number(deprived), csv_number(coverage));
  };
  const double nan = std::nan("");
  for (const ZoneReport& z : report.zones) {
    row("zone", z.zone.name, "", "", z.plan.all, nan, nan);
    for (int d = 0; d < kDimensionCount; ++d) {
      const DimensionCoverage& c = z.coverage[static_cast<std::size_t>(d)];
      const double deprived = suppress_count(c.deprived, below);
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

Result<PlanExportResult> export_plan(Project& project, const std::string& out_dir,
                                     const PlanExportOptions& options) {
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
  const int below = result.suppress_below;

  const std::vector<ExportTable> tables{zones_table(result.report, below, &*units),
                                        interventions_table(result.report, project.state())};
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
  auto written = write_export_tables(out_dir, tables, files, write);
  if (!written) return std::unexpected(written.error());
  result.files = std::move(*written);
  result.units = std::move(*units);
  return result;
}

}  // namespace chipao
