#include "core/stats/aggregate.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "core/admin/admin_code.h"

namespace chipao {

namespace {

constexpr double kBlank = std::numeric_limits<double>::quiet_NaN();

// Where a measure's values can be found: which table, which column, by row key.
struct Source {
  const MeasureTable* table = nullptr;
  int column = -1;
};

Source find_measure(const std::vector<MeasureTable>& tables, std::size_t self,
                    std::string_view column) {
  if (const int c = tables[self].measure(column); c >= 0) return {&tables[self], c};
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (t == self || tables[t].level != tables[self].level) continue;
    if (const int c = tables[t].measure(column);
        c >= 0 && tables[t].measures[static_cast<std::size_t>(c)].rule == MeasureRule::sum) {
      return {&tables[t], c};
    }
  }
  return {};
}

using RowIndex = std::unordered_map<std::string, const MeasureRow*>;

RowIndex index_rows(const MeasureTable& t) {
  RowIndex index;
  index.reserve(t.rows.size());
  for (const MeasureRow& r : t.rows) index.emplace(r.code + r.suffix, &r);
  return index;
}

double value_at(const Source& s, const RowIndex& index, const MeasureRow& row) {
  if (s.table == nullptr) return kBlank;
  const auto it = index.find(row.code + row.suffix);
  return it == index.end() ? kBlank : it->second->values[static_cast<std::size_t>(s.column)];
}

void add(double& total, double v) {
  if (std::isnan(v)) return;
  total = std::isnan(total) ? v : total + v;
}

}  // namespace

Result<std::vector<MeasureTable>> aggregate_tables(const std::vector<MeasureTable>& tables,
                                                   AdminLevel target) {
  std::vector<MeasureTable> out;
  std::vector<RowIndex> indices;
  for (const MeasureTable& t : tables) {
    if (static_cast<int>(target) > static_cast<int>(t.level)) {
      return fail(
          fmt::format("{}: is a {} table and cannot be spread down to {}; figures only roll up",
                      t.path, level_name(t.level), level_name(target)));
    }
    indices.push_back(index_rows(t));
  }
  for (std::size_t ti = 0; ti < tables.size(); ++ti) {
    const MeasureTable& t = tables[ti];
    MeasureTable agg;
    agg.path = t.path;
    agg.level = target;
    agg.key_column = t.key_column;
    agg.kind = t.kind;
    agg.mask = t.mask;
    agg.measures = t.measures;
    // Ordered by code so output is stable whatever order the rows came in.
    std::map<std::string, std::vector<const MeasureRow*>> groups;
    for (const MeasureRow& r : t.rows) groups[ancestor_code(r.code, target)].push_back(&r);
    for (const auto& [code, rows] : groups) {
      MeasureRow a;
      a.code = code;
      a.values.assign(t.measures.size(), kBlank);
      for (std::size_t m = 0; m < t.measures.size(); ++m) {
        const MeasureSpec& spec = t.measures[m];
        if (spec.rule == MeasureRule::sum) {
          for (const MeasureRow* r : rows) add(a.values[m], r->values[m]);
        } else if (spec.rule == MeasureRule::weighted_mean) {
          const Source w = find_measure(tables, ti, spec.weight);
          if (w.table == nullptr) continue;
          const RowIndex& windex = indices[static_cast<std::size_t>(w.table - tables.data())];
          double num = 0, den = 0;
          for (const MeasureRow* r : rows) {
            const double v = r->values[m];
            const double weight = value_at(w, windex, *r);
            if (std::isnan(v) || std::isnan(weight)) continue;
            num += v * weight;
            den += weight;
          }
          if (den > 0) a.values[m] = num / den;
        }
      }
      agg.rows.push_back(std::move(a));
    }
    out.push_back(std::move(agg));
  }
  // Ratios last: their parts must be aggregated first, possibly in a sibling table.
  std::vector<RowIndex> out_indices;
  for (const MeasureTable& t : out) out_indices.push_back(index_rows(t));
  for (std::size_t ti = 0; ti < out.size(); ++ti) {
    MeasureTable& t = out[ti];
    for (std::size_t m = 0; m < t.measures.size(); ++m) {
      const MeasureSpec& spec = t.measures[m];
      if (spec.rule != MeasureRule::ratio) continue;
      const Source num = find_measure(out, ti, spec.numerator);
      const Source den = find_measure(out, ti, spec.denominator);
      if (num.table == nullptr || den.table == nullptr) {
        t.warnings.push_back(
            fmt::format("{}: {} is a rate of {} over {}; without {} in the tables given, it is "
                        "left blank rather than averaged — add the table that has it (for TPMAP, "
                        "the *_common.csv file)",
                        t.path, spec.column, spec.numerator, spec.denominator,
                        num.table == nullptr ? spec.numerator : spec.denominator));
        continue;
      }
      const RowIndex& nidx = out_indices[static_cast<std::size_t>(num.table - out.data())];
      const RowIndex& didx = out_indices[static_cast<std::size_t>(den.table - out.data())];
      for (MeasureRow& r : t.rows) {
        const double n = value_at(num, nidx, r);
        const double d = value_at(den, didx, r);
        r.values[m] = (std::isnan(n) || std::isnan(d) || d == 0) ? kBlank : spec.scale * n / d;
      }
    }
  }
  return out;
}

}  // namespace chipao
