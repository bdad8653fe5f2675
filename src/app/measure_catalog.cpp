#include "app/measure_catalog.h"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <tuple>

#include "core/io/vector_writer.h"
#include "core/plan/zone_figures.h"
#include "core/stats/tpmap_schema.h"

namespace chipao::app {

namespace {

std::string base_name(const std::string& column) {
  return column.substr(0, column.find('@'));
}

// "poor.JPT.MOFval.ind17.CNT" -> 17; 0 for any other column.
int indicator_number(const std::string& base) {
  const std::string prefix = "poor.JPT.MOFval.ind";
  if (!base.starts_with(prefix) || !base.ends_with(".CNT")) return 0;
  const std::string digits = base.substr(prefix.size(), base.size() - prefix.size() - 4);
  if (digits.empty() || digits.size() > 2 ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return std::stoi(digits);
}

bool is_dimension(const std::string& base) {
  return std::any_of(tpmap_dimensions().begin(), tpmap_dimensions().end(), [&](const auto& d) {
    return base == "poor.JPT.MOFval." + std::string(d.key);
  });
}

// Counts a planner maps directly; the common file's per-indicator coverage columns
// (indicatorN.ALL / .CNT) are survey bookkeeping and go to "other".
bool is_headline_count(const std::string& base) {
  return base.ends_with("CNT") && !base.starts_with("indicator");
}

// Columns of TPMAP's common file that tpmap_labels leaves untranslated.
std::optional<std::pair<std::string, std::string>> common_file_labels(const std::string& base) {
  if (base == "MOF_REG_CNT")
    return std::pair{"ผู้ลงทะเบียนบัตรสวัสดิการแห่งรัฐ", "Persons registered for the welfare card"};
  if (base == "MOF_VAL_CNT")
    return std::pair{"ผู้ลงทะเบียนบัตรสวัสดิการ (ตรวจสอบแล้ว)", "Welfare card registrants (verified)"};
  if (base == "ELDERLY_CNT") return std::pair{"ผู้สูงอายุ", "Elderly persons"};
  if (base == "DISABLED_CNT") return std::pair{"ผู้พิการ", "Persons with disabilities"};
  if (base == "CHRONICPATIENT_CNT") return std::pair{"ผู้ป่วยเรื้อรัง", "Chronically ill persons"};
  if (base == "happiness") return std::pair{"ความสุขเฉลี่ย", "Mean happiness score"};
  return std::nullopt;
}

}  // namespace

const MeasureEntry* MeasureCatalog::find(const std::string& column) const {
  for (const MeasureEntry& entry : entries)
    if (entry.name == column) return &entry;
  for (const MeasureEntry& entry : entries)
    if (base_name(entry.name) == column) return &entry;
  return nullptr;
}

const MeasureEntry* MeasureCatalog::default_entry() const {
  if (!target_name.empty())
    if (const MeasureEntry* target = find(target_name)) return target;
  if (const MeasureEntry* target = find(kTargetPoorColumn)) return target;
  for (const MeasureEntry& entry : entries)
    if (entry.group == MeasureGroup::counts) return &entry;
  return entries.empty() ? nullptr : &entries.front();
}

MeasureCatalog build_measure_catalog(const JoinResult& join) {
  MeasureCatalog catalog;
  if (const JoinedColumn* target = planning_column(join.columns, kTargetPoorColumn))
    catalog.target_name = target->name;
  for (std::size_t i = 0; i < join.columns.size(); ++i) {
    const JoinedColumn& column = join.columns[i];
    const std::string base = base_name(column.name);
    MeasureEntry entry;
    entry.column = i;
    entry.name = column.name;
    std::tie(entry.label_th, entry.label_en) = tpmap_labels(base);
    if (auto common = common_file_labels(base)) std::tie(entry.label_th, entry.label_en) = *common;
    entry.is_rate = column.spec.rule != MeasureRule::sum;
    entry.indicator = indicator_number(base);
    if (entry.is_rate) {
      entry.group = MeasureGroup::rates;
    } else if (is_dimension(base)) {
      entry.group = MeasureGroup::dimensions;
    } else if (entry.indicator > 0) {
      entry.group = MeasureGroup::indicators;
      entry.label_th = fmt::format("คนจนเป้าหมาย ขาดตัวชี้วัด จปฐ. ข้อ {}", entry.indicator);
      entry.label_en = fmt::format("Target poor lacking JPT indicator {}", entry.indicator);
    } else if (is_headline_count(base)) {
      entry.group = MeasureGroup::counts;
    }
    // A column two tables share (several TPMAP masks joined) names what its table counts,
    // so no two measures read alike and a planner need not hover for the internal id.
    if (column.name != base) {
      std::tie(entry.label_th, entry.label_en) =
          tpmap_group_labels({entry.label_th, entry.label_en}, column.table);
    }
    catalog.entries.push_back(std::move(entry));
  }
  std::stable_sort(catalog.entries.begin(), catalog.entries.end(),
                   [](const MeasureEntry& a, const MeasureEntry& b) {
                     if (a.group != b.group) return a.group < b.group;
                     if (a.group == MeasureGroup::indicators) return a.indicator < b.indicator;
                     return false;
                   });
  return catalog;
}

std::string measure_source_text(const std::vector<MeasureTable>& tables, const JoinResult& join,
                                const MeasureEntry& entry) {
  if (entry.column >= join.columns.size()) return {};
  return tpmap_source_text(tables, join.columns[entry.column].table);
}

}  // namespace chipao::app
