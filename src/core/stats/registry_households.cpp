#include "core/stats/registry_households.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <numeric>

namespace chipao {

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// Union-find over record numbers with path halving and union by size.
class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
};

// A key and the record that holds it: 24 bytes, sorted so equal keys sit together.
struct KeyRef {
  IdKey key;
  std::uint32_t node = 0;
  std::uint32_t person = 0;  // 1 for a national ID, 0 for a house ID
};

// What one registry says about one household (its records there combined).
struct SourceView {
  bool present = false;
  std::uint32_t members = 0;
  std::uint32_t village = 0;
  std::uint32_t line = 0;
  DimensionMask deprived = 0;
  DimensionMask given = 0;
};

constexpr std::array<std::string_view, kDimensionCount + 2> kFields{
    "members", "health", "living", "education", "income", "access", "village"};

}  // namespace

std::size_t DedupReport::in_two_or_more() const {
  std::size_t n = 0;
  for (std::size_t k = 2; k < by_source_count.size(); ++k) n += by_source_count[k];
  return n;
}

Result<DedupResult> dedup_households(const std::vector<RegistrySource>& sources,
                                     const DedupOptions& options) {
  if (sources.size() > kMaxRegistries)
    return fail(fmt::format("{} registries given; ChiPao combines at most {} at a time",
                            sources.size(), kMaxRegistries));
  DedupResult result;
  DedupReport& rep = result.report;
  const std::size_t s_count = sources.size();
  std::vector<std::uint32_t> offset(s_count + 1, 0);
  std::size_t keys = 0;
  for (std::size_t s = 0; s < s_count; ++s) {
    const std::size_t n = sources[s].records.size();
    if (offset[s] + n >= kNone) return fail("more household records than ChiPao counts at once");
    offset[s + 1] = offset[s] + static_cast<std::uint32_t>(n);
    keys += sources[s].member_keys.size() + n;
    rep.records_per_source.push_back(n);
  }
  const std::uint32_t n_nodes = offset[s_count];
  rep.records = n_nodes;
  // The registry of a record number: records are numbered registry after registry.
  std::vector<std::uint8_t> source_of(n_nodes);
  for (std::size_t s = 0; s < s_count; ++s)
    std::fill(source_of.begin() + offset[s], source_of.begin() + offset[s + 1],
              static_cast<std::uint8_t>(s));

  // 1. Every key with its record, sorted: runs of one key are one household.
  std::vector<KeyRef> refs;
  refs.reserve(keys);
  for (std::size_t s = 0; s < s_count; ++s) {
    const RegistrySource& src = sources[s];
    for (std::uint32_t i = 0; i < src.records.size(); ++i) {
      const RegistryRecord& r = src.records[i];
      const std::uint32_t node = offset[s] + i;
      if (r.has_house()) refs.push_back(KeyRef{r.house, node, 0});
      for (std::uint32_t m = 0; m < r.member_keys; ++m)
        refs.push_back(KeyRef{src.member_keys[r.first_member + m], node, 1});
    }
  }
  if (options.progress.cancelled()) return fail("de-duplication cancelled");
  std::sort(refs.begin(), refs.end(),
            [](const KeyRef& a, const KeyRef& b) { return a.key < b.key; });
  options.progress.report(0.4);

  DisjointSets sets(n_nodes);
  for (std::size_t i = 1; i < refs.size(); ++i) {
    if (refs[i].key == refs[i - 1].key) sets.unite(refs[i - 1].node, refs[i].node);
  }
  if (options.progress.cancelled()) return fail("de-duplication cancelled");

  // 2. Households numbered in the order of their first record.
  std::vector<std::uint32_t> household_of(n_nodes);
  {
    std::vector<std::uint32_t> number_of_root(n_nodes, kNone);
    std::uint32_t next = 0;
    for (std::uint32_t node = 0; node < n_nodes; ++node) {
      const std::uint32_t root = sets.find(node);
      if (number_of_root[root] == kNone) number_of_root[root] = next++;
      household_of[node] = number_of_root[root];
    }
    result.households.resize(next);
  }
  std::vector<Household>& households = result.households;

  // Distinct national IDs per household: each run of one person key counts once.
  std::vector<std::uint32_t> distinct_ids(households.size(), 0);
  for (std::size_t i = 0; i < refs.size(); ++i) {
    if (refs[i].person == 1 && (i == 0 || refs[i].key != refs[i - 1].key))
      ++distinct_ids[household_of[refs[i].node]];
  }
  refs.clear();
  refs.shrink_to_fit();
  options.progress.report(0.6);

  // 3. Merged values, records in registry order then line order.
  std::vector<bool> placed_known(households.size(), false);
  for (std::uint32_t node = 0; node < n_nodes; ++node) {
    const std::size_t s = source_of[node];
    const RegistryRecord& r = sources[s].records[node - offset[s]];
    Household& h = households[household_of[node]];
    h.sources |= static_cast<std::uint8_t>(1u << s);
    h.deprived |= r.deprived;
    h.persons = std::max(h.persons, r.members);
    if (r.village != 0) {
      const bool known = (r.flags & RegistryRecord::kVillageUnknown) == 0;
      if (h.village == 0 || (known && !placed_known[household_of[node]])) {
        h.village = r.village;
        placed_known[household_of[node]] = known;
      }
    }
  }
  rep.households_per_source.assign(s_count, 0);
  for (std::size_t h = 0; h < households.size(); ++h) {
    Household& hh = households[h];
    hh.persons = std::max(hh.persons, distinct_ids[h]);
    rep.persons += hh.persons;
    if (hh.village == 0) ++rep.unplaced;
    ++rep.by_source_count[static_cast<std::size_t>(std::popcount(hh.sources))];
    ++rep.by_source_set[hh.sources];
    for (std::size_t s = 0; s < s_count; ++s)
      rep.households_per_source[s] += (hh.sources >> s) & 1u;
  }
  for (std::size_t s = 0; s < s_count; ++s)
    rep.duplicates_per_source.push_back(rep.records_per_source[s] - rep.households_per_source[s]);
  options.progress.report(0.7);

  // 4. Conflicts, in households listed by two or more registries: their records grouped by
  // household with a counting sort.
  std::vector<std::uint32_t> start(households.size() + 1, 0);
  for (std::uint32_t node = 0; node < n_nodes; ++node) ++start[household_of[node] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::uint32_t> members_of(n_nodes);
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::uint32_t node = 0; node < n_nodes; ++node)
      members_of[fill[household_of[node]]++] = node;
  }
  std::array<std::size_t, kFields.size()> by_field{};
  std::array<SourceView, kMaxRegistries> views{};
  for (std::size_t h = 0; h < households.size(); ++h) {
    if (std::popcount(households[h].sources) < 2) continue;
    views.fill(SourceView{});
    std::string house = "-";
    for (std::uint32_t i = start[h]; i < start[h + 1]; ++i) {
      const std::uint32_t node = members_of[i];
      const std::size_t s = source_of[node];
      const RegistryRecord& r = sources[s].records[node - offset[s]];
      SourceView& v = views[s];
      if (!v.present) v.line = r.line;
      v.present = true;
      v.members = std::max(v.members, r.members);
      v.deprived |= r.deprived;
      v.given |= r.given;
      if (v.village == 0) v.village = r.village;
      if (house == "-" && r.has_house()) house = fmt::format("xxxxxxxx{:03d}", r.house_tail);
    }
    bool any = false;
    for (std::size_t f = 0; f < kFields.size(); ++f) {
      ConflictExample example;
      std::uint32_t first = kNone;
      bool differ = false;
      for (std::size_t s = 0; s < s_count; ++s) {
        const SourceView& v = views[s];
        if (!v.present) continue;
        std::uint32_t value = 0;
        if (f == 0) {
          value = v.members;
        } else if (f == kFields.size() - 1) {
          if (v.village == 0) continue;
          value = v.village;
        } else {
          const auto bit = static_cast<DimensionMask>(1u << (f - 1));
          if ((v.given & bit) == 0) continue;
          value = (v.deprived & bit) != 0 ? 1 : 0;
        }
        if (first == kNone) first = value;
        differ = differ || value != first;
        example.values.push_back(ConflictValue{
            s, v.line,
            f == kFields.size() - 1 ? fmt::format("{:08d}", value) : std::to_string(value)});
      }
      if (!differ) continue;
      any = true;
      ++rep.conflicts;
      if (by_field[f]++ < options.example_limit) {
        example.field = std::string(kFields[f]);
        example.house = house;
        rep.conflict_examples.push_back(std::move(example));
      }
    }
    if (any) ++rep.conflicting_households;
  }
  for (std::size_t f = 0; f < kFields.size(); ++f) {
    if (by_field[f] > 0) rep.conflicts_by_field.emplace_back(std::string(kFields[f]), by_field[f]);
  }
  options.progress.report(1.0);
  return result;
}

std::vector<AreaRow> tally_areas(const std::vector<Household>& households, AdminLevel level,
                                 const DeprivationMeasure& measure) {
  std::vector<std::uint32_t> codes;
  codes.reserve(households.size());
  for (const Household& h : households) {
    if (h.village != 0) codes.push_back(village_ancestor(h.village, level));
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  std::vector<AreaRow> rows(codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) rows[i].code = codes[i];
  for (const Household& h : households) {
    if (h.village == 0) continue;
    const auto it =
        std::lower_bound(codes.begin(), codes.end(), village_ancestor(h.village, level));
    measure.add(rows[static_cast<std::size_t>(it - codes.begin())].tally, h.persons, h.deprived);
  }
  return rows;
}

}  // namespace chipao
