// Plan totals on hand-built plans: per zone, agency, dimension and agency x dimension; the
// coverage of each dimension's deprived; the budget cap warning. Expected numbers are worked
// out by hand in the comments.
#include "core/plan/plan_totals.h"

#include <gtest/gtest.h>

#include <cmath>

namespace chipao {
namespace {

Intervention make(std::int64_t id, std::int64_t zone, DimensionId d, std::int64_t households,
                  double unit_cost, std::string agency) {
  Intervention i;
  i.id = id;
  i.zone_id = zone;
  i.dimension = d;
  i.households = households;
  i.unit_cost_baht = unit_cost;
  i.agency = std::move(agency);
  return i;
}

std::vector<Zone> two_zones() {
  Zone north;
  north.id = 1;
  north.name = "โซนเหนือ";
  Zone south;
  south.id = 2;
  south.name = "โซนใต้";
  return {north, south};
}

// Zone 1: 40 hh x 2,500 (income, พัฒนาชุมชน) + 10 hh x 12,000 (living, พมจ.)
// Zone 2: 25 hh x 2,500 (income, พัฒนาชุมชน) + 5 hh x 800 (health, สาธารณสุข)
Plan sample_plan() {
  Plan p;
  p.interventions = {make(1, 1, DimensionId::income, 40, 2500, "พัฒนาชุมชน"),
                     make(2, 1, DimensionId::living, 10, 12000, "พมจ."),
                     make(3, 2, DimensionId::income, 25, 2500, "พัฒนาชุมชน"),
                     make(4, 2, DimensionId::health, 5, 800, "สาธารณสุข")};
  return p;
}

TEST(PlanTotals, PerZone) {
  const auto zones = two_zones();
  const PlanTotals t = plan_totals(sample_plan(), zones);
  ASSERT_EQ(t.zones.size(), 2u);
  EXPECT_EQ(t.zones[0].zone_id, 1);
  EXPECT_EQ(t.zones[0].zone_name, "โซนเหนือ");
  EXPECT_EQ(t.zones[0].all.interventions, 2);
  EXPECT_EQ(t.zones[0].all.households, 50);
  EXPECT_DOUBLE_EQ(t.zones[0].all.cost_baht, 100000 + 120000);
  EXPECT_EQ(t.zones[1].all.households, 30);
  EXPECT_DOUBLE_EQ(t.zones[1].all.cost_baht, 62500 + 4000);
  const auto income = static_cast<std::size_t>(DimensionId::income);
  EXPECT_EQ(t.zones[0].by_dimension[income].households, 40);
  EXPECT_EQ(t.zones[1].by_dimension[income].households, 25);
  EXPECT_EQ(t.zones[1].by_dimension[static_cast<std::size_t>(DimensionId::living)].interventions,
            0);
}

TEST(PlanTotals, PerAgencyAndDimension) {
  const auto zones = two_zones();
  const PlanTotals t = plan_totals(sample_plan(), zones);
  EXPECT_EQ(t.all.interventions, 4);
  EXPECT_EQ(t.all.households, 80);
  EXPECT_DOUBLE_EQ(t.all.cost_baht, 286500);
  ASSERT_EQ(t.by_agency.size(), 3u);
  EXPECT_EQ(t.by_agency.at("พัฒนาชุมชน").households, 65);
  EXPECT_DOUBLE_EQ(t.by_agency.at("พัฒนาชุมชน").cost_baht, 162500);
  EXPECT_DOUBLE_EQ(t.by_agency.at("พมจ.").cost_baht, 120000);
  EXPECT_DOUBLE_EQ(t.by_agency.at("สาธารณสุข").cost_baht, 4000);
  const auto d = [&](DimensionId id) { return t.by_dimension[static_cast<std::size_t>(id)]; };
  EXPECT_EQ(d(DimensionId::income).interventions, 2);
  EXPECT_DOUBLE_EQ(d(DimensionId::income).cost_baht, 162500);
  EXPECT_DOUBLE_EQ(d(DimensionId::living).cost_baht, 120000);
  EXPECT_DOUBLE_EQ(d(DimensionId::health).cost_baht, 4000);
  EXPECT_EQ(d(DimensionId::education).interventions, 0);
  EXPECT_EQ(t.by_agency_dimension.size(), 3u);
  EXPECT_EQ(t.by_agency_dimension.at({"พัฒนาชุมชน", DimensionId::income}).interventions, 2);
  // The parts add up to the whole.
  double agencies = 0, dimensions = 0;
  for (const auto& [name, a] : t.by_agency) agencies += a.cost_baht;
  for (const auto& a : t.by_dimension) dimensions += a.cost_baht;
  EXPECT_DOUBLE_EQ(agencies, t.all.cost_baht);
  EXPECT_DOUBLE_EQ(dimensions, t.all.cost_baht);
  EXPECT_DOUBLE_EQ(t.all.cost_baht, sample_plan().total_cost_baht());
}

TEST(PlanTotals, UnknownZoneStillCounts) {
  Plan p = sample_plan();
  p.interventions.push_back(make(5, 9, DimensionId::access, 3, 1000, "อบต."));
  const auto zones = two_zones();
  const PlanTotals t = plan_totals(p, zones);
  ASSERT_EQ(t.zones.size(), 3u);
  EXPECT_EQ(t.zones[2].zone_id, 9);
  EXPECT_TRUE(t.zones[2].zone_name.empty());
  EXPECT_DOUBLE_EQ(t.zones[2].all.cost_baht, 3000);
  EXPECT_DOUBLE_EQ(t.all.cost_baht, 289500);
}

TEST(PlanTotals, EmptyPlanHasZonesWithNothing) {
  const auto zones = two_zones();
  const PlanTotals t = plan_totals(Plan{}, zones);
  ASSERT_EQ(t.zones.size(), 2u);
  EXPECT_EQ(t.zones[1].all, PlanAmount{});
  EXPECT_TRUE(t.by_agency.empty());
}

TEST(PlanTotals, CoveragePerDimension) {
  const auto zones = two_zones();
  const PlanTotals t = plan_totals(sample_plan(), zones);
  const double nan = std::nan("");
  // Zone 1's deprived households: health 12, living 20, education 0, income 160, access
  // unknown.
  const auto c = zone_coverage(t.zones[0], {12, 20, 0, 160, nan});
  EXPECT_EQ(c[3].dimension, DimensionId::income);
  EXPECT_DOUBLE_EQ(c[3].planned_households, 40);
  EXPECT_DOUBLE_EQ(c[3].deprived_households, 160);
  EXPECT_DOUBLE_EQ(c[3].coverage, 0.25);
  EXPECT_DOUBLE_EQ(c[1].coverage, 0.5);    // 10 of 20
  EXPECT_DOUBLE_EQ(c[0].coverage, 0.0);    // nothing planned for 12 deprived
  EXPECT_TRUE(std::isnan(c[2].coverage));  // no deprived: no ratio
  EXPECT_TRUE(std::isnan(c[4].coverage));  // unknown deprived
  EXPECT_TRUE(std::isnan(c[4].deprived_households));
}

TEST(PlanTotals, BudgetCap) {
  EXPECT_FALSE(check_budget(286500, 0).has_value());       // no cap set
  EXPECT_FALSE(check_budget(286500, 286500).has_value());  // exactly at the cap fits
  EXPECT_FALSE(check_budget(286500, 300000).has_value());
  const auto w = check_budget(6250000, 5000000);
  ASSERT_TRUE(w.has_value());
  EXPECT_DOUBLE_EQ(w->excess_baht, 1250000);
  EXPECT_NE(w->message.find("budget exceeded by 1,250,000 baht"), std::string::npos) << w->message;
  EXPECT_NE(w->message.find("5,000,000"), std::string::npos) << w->message;
  const auto satang = check_budget(1000.5, 1000);
  ASSERT_TRUE(satang.has_value());
  EXPECT_NE(satang->message.find("exceeded by 0.50 baht"), std::string::npos) << satang->message;
}

}  // namespace
}  // namespace chipao
