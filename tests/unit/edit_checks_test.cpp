// Hostile input in the edit builders (core/plan/edit.h, core/plan/edit_checks.h): text that is
// not UTF-8 is refused by every builder that stores text, with a message naming the field;
// text that is merely unusual (quotes, SQL, newlines, emoji, 10,000 characters) is stored
// byte for byte and survives the history's JSON; numbers beyond their bounds are refused;
// and serialising a state never throws, whatever it holds.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/io/text_encoding.h"
#include "core/plan/edit.h"
#include "core/plan/edit_checks.h"

namespace chipao {
namespace {

const std::string kBad = std::string("เขต") + '\xFF' + "1";  // valid Thai, then byte 0xFF

FeatureGeometry square(double x, double y, double size) {
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  g.points = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
  g.ring_ends = {5};
  g.polygon_ends = {1};
  return g;
}

// A state with one drawn zone (id 1), one painted zone (id 2), one catalogue entry and one
// intervention, built through the builders themselves.
PlanningState sample_state() {
  PlanningState s;
  auto apply = [&](Result<Edit> e) {
    ASSERT_TRUE(e) << e.error().message;
    ASSERT_TRUE(apply_edit(s, *e)) << "apply";
  };
  Zone drawn;
  drawn.name = "เขต 1";
  drawn.polygon = square(104.0, 15.0, 0.1);
  apply(make_create_zone(s, drawn));
  Zone painted;
  painted.name = "เขต 2";
  painted.kind = ZoneKind::painted;
  painted.unit_codes = {"990101"};
  apply(make_create_zone(s, painted));
  CatalogueEntry c;
  c.id = "income-training";
  c.name_th = "ฝึกอาชีพ";
  c.unit_cost_baht = 3000;
  apply(make_put_catalogue_entry(s, c));
  Intervention i;
  i.zone_id = 1;
  i.households = 10;
  i.unit_cost_baht = 3000;
  apply(make_add_intervention(s, i));
  return s;
}

void expect_refused(const Result<Edit>& e, const std::string& field, const std::string& what) {
  ASSERT_FALSE(e) << field << ": " << what << " was accepted";
  const std::string& m = e.error().message;
  EXPECT_NE(m.find(field), std::string::npos) << "names the field '" << field << "': " << m;
  EXPECT_EQ(m.find('\n'), std::string::npos) << "one line: " << m;
  EXPECT_TRUE(is_valid_utf8(m)) << "the message itself is UTF-8 (it may be printed as JSON)";
}

// Every builder that stores text, with the field's name as the message gives it; `make` builds
// the edit with `text` in that one field.
struct TextField {
  std::string field;
  std::function<Result<Edit>(const PlanningState&, const std::string&)> make;
};

std::vector<TextField> text_fields() {
  std::vector<TextField> f;
  f.push_back({"zone 3 name", [](const PlanningState& s, const std::string& t) {
                 Zone z;
                 z.name = t;
                 return make_create_zone(s, z);
               }});
  f.push_back({"zone 3 colour", [](const PlanningState& s, const std::string& t) {
                 Zone z;
                 z.name = "x";
                 z.color_hex = t;
                 return make_create_zone(s, z);
               }});
  f.push_back({"zone 3 unit code", [](const PlanningState& s, const std::string& t) {
                 Zone z;
                 z.kind = ZoneKind::painted;
                 z.unit_codes = {t};
                 return make_create_zone(s, z);
               }});
  f.push_back({"zone 1 name", [](const PlanningState& s, const std::string& t) {
                 return make_rename_zone(s, 1, t);
               }});
  f.push_back({"zone 1 colour", [](const PlanningState& s, const std::string& t) {
                 return make_recolour_zone(s, 1, t);
               }});
  f.push_back({"zone 2 unit code", [](const PlanningState& s, const std::string& t) {
                 return make_paint_units(s, 2, {"990102", t});
               }});
  const auto intervention = [](std::function<void(Intervention&, const std::string&)> set,
                               bool update) {
    return [set, update](const PlanningState& s, const std::string& t) {
      Intervention i = update ? *s.intervention(1) : Intervention{};
      i.zone_id = 1;
      set(i, t);
      return update ? make_update_intervention(s, i) : make_add_intervention(s, i);
    };
  };
  for (bool update : {false, true}) {
    const std::string id = update ? "intervention 1" : "intervention 2";
    f.push_back(
        {id + " agency",
         intervention([](Intervention& i, const std::string& t) { i.agency = t; }, update)});
    f.push_back({id + " start date",
                 intervention([](Intervention& i, const std::string& t) { i.start = t; }, update)});
    f.push_back({id + " end date",
                 intervention([](Intervention& i, const std::string& t) { i.end = t; }, update)});
    f.push_back(
        {id + " catalogue id",
         intervention([](Intervention& i, const std::string& t) { i.catalogue_id = t; }, update)});
  }
  const auto entry = [](std::function<void(CatalogueEntry&, const std::string&)> set) {
    return [set](const PlanningState& s, const std::string& t) {
      CatalogueEntry c;
      c.id = "new-entry";
      set(c, t);
      return make_put_catalogue_entry(s, c);
    };
  };
  f.push_back(
      {"catalogue entry id", entry([](CatalogueEntry& c, const std::string& t) { c.id = t; })});
  f.push_back({"catalogue entry new-entry Thai name",
               entry([](CatalogueEntry& c, const std::string& t) { c.name_th = t; })});
  f.push_back({"catalogue entry new-entry English name",
               entry([](CatalogueEntry& c, const std::string& t) { c.name_en = t; })});
  f.push_back({"catalogue entry new-entry Thai agency",
               entry([](CatalogueEntry& c, const std::string& t) { c.agency_th = t; })});
  f.push_back({"catalogue entry new-entry English agency",
               entry([](CatalogueEntry& c, const std::string& t) { c.agency_en = t; })});
  f.push_back({"municipal area code", [](const PlanningState& s, const std::string& t) {
                 return make_set_assignment(s, MunicipalAssignment{t, {"990101"}});
               }});
  f.push_back(
      {"municipal area 990151 tambon code", [](const PlanningState& s, const std::string& t) {
         return make_set_assignment(s, MunicipalAssignment{"990151", {"990101", t}});
       }});
  f.push_back({"setting name", [](const PlanningState& s, const std::string& t) {
                 return make_set_setting(s, t, std::string("v"));
               }});
  f.push_back({"setting language value", [](const PlanningState& s, const std::string& t) {
                 return make_set_setting(s, "language", t);
               }});
  return f;
}

TEST(EditChecks, EveryStoredTextRefusesBytesThatAreNotUtf8) {
  const PlanningState s = sample_state();
  for (const TextField& f : text_fields()) {
    SCOPED_TRACE(f.field);
    const Result<Edit> e = f.make(s, kBad);
    expect_refused(e, f.field, "byte 0xFF");
    if (!e) {
      EXPECT_NE(e.error().message.find("UTF-8"), std::string::npos) << e.error().message;
      EXPECT_NE(e.error().message.find("0xFF"), std::string::npos) << "points at the byte";
    }
    // Cut sequences, overlong forms and surrogates are not UTF-8 either.
    for (const std::string& bad : {std::string("\xE0\xB8"), std::string("\xC0\xAF"),
                                   std::string("\xED\xA0\x80"), std::string("a\x80")}) {
      expect_refused(f.make(s, bad), f.field, "broken UTF-8");
    }
  }
}

TEST(EditChecks, TextBeyondTheLimitIsRefusedWithTheLimit) {
  const PlanningState s = sample_state();
  const std::string huge(kMaxEditTextBytes + 1, 'a');
  const Result<Edit> e = make_rename_zone(s, 1, huge);
  expect_refused(e, "zone 1 name", "a long name");
  if (!e) {
    EXPECT_NE(e.error().message.find("100,000"), std::string::npos) << e.error().message;
  }
  // A setting's value may hold a list (saved views) and has a larger limit of its own.
  EXPECT_TRUE(make_set_setting(s, "saved_views", huge));
  expect_refused(make_set_setting(s, "saved_views", std::string(kMaxSettingValueBytes + 1, 'a')),
                 "setting saved_views value", "a long value");
}

// Unusual but valid text goes in and comes out byte for byte, in memory and through the
// history's JSON (the edit written and read back, then applied to a fresh copy).
TEST(EditChecks, HostileButValidTextIsStoredExactly) {
  const std::vector<std::string> texts = {
      "O'Brien \"quoted\" \\ back\\slash", "'); DROP TABLE chipao_zones; --",
      std::string(10'000, 'x') + "ก",      "line 1\nline 2\r\n\ttab",
      "เขต 🚜🌾 ✓ \u200b zero-width",        std::string("nul\0byte", 8),
      std::string(kMaxEditTextBytes, 'y'),
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text.substr(0, 40));
    for (const TextField& f : text_fields()) {
      // Colours, codes and ids have formats of their own; names, agencies and dates do not.
      if (f.field.find("colour") != std::string::npos) continue;
      SCOPED_TRACE(f.field);
      PlanningState s = sample_state();
      const PlanningState before = s;
      const Result<Edit> e = f.make(s, text);
      ASSERT_TRUE(e) << e.error().message;
      ASSERT_TRUE(apply_edit(s, *e));
      const Result<Edit> again = edit_from_json(edit_to_json(*e));
      ASSERT_TRUE(again) << again.error().message;
      PlanningState replayed = before;
      ASSERT_TRUE(apply_edit(replayed, *again));
      EXPECT_TRUE(replayed == s) << "the history replays to the same state";
      ASSERT_TRUE(apply_edit(s, *again, false));
      EXPECT_TRUE(s == before) << "and undoes to the state before";
    }
    // The text itself is in the state, unchanged.
    PlanningState s = sample_state();
    ASSERT_TRUE(apply_edit(s, *make_rename_zone(s, 1, text)));
    EXPECT_EQ(s.zone(1)->name, text);
    auto z = zone_from_json(zone_to_json(*s.zone(1)));
    ASSERT_TRUE(z);
    EXPECT_EQ(z->name, text);
  }
}

TEST(EditChecks, UnitCostsHouseholdsAndTheBudgetCapAreFiniteAndBounded) {
  const PlanningState s = sample_state();
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (double cost : {1e308, inf, -inf, nan, -1.0, kMaxUnitCostBaht * 1.000001}) {
    SCOPED_TRACE(cost);
    Intervention i;
    i.zone_id = 1;
    i.households = 5;
    i.unit_cost_baht = cost;
    expect_refused(make_add_intervention(s, i), "intervention 2 unit cost", "a cost");
    i.id = 1;
    expect_refused(make_update_intervention(s, i), "intervention 1 unit cost", "a cost");
    CatalogueEntry c;
    c.id = "x";
    c.unit_cost_baht = cost;
    expect_refused(make_put_catalogue_entry(s, c), "catalogue entry x unit cost", "a cost");
  }
  {
    Intervention i;
    i.zone_id = 1;
    i.unit_cost_baht = 1e308;
    const auto e = make_add_intervention(s, i);
    ASSERT_FALSE(e);
    EXPECT_NE(e.error().message.find("10,000,000"), std::string::npos) << e.error().message;
  }
  for (std::int64_t households :
       {std::int64_t{-1}, kMaxHouseholds + 1, std::numeric_limits<std::int64_t>::max()}) {
    Intervention i;
    i.zone_id = 1;
    i.households = households;
    expect_refused(make_add_intervention(s, i), "intervention 2 households", "households");
  }
  for (double cap : {1e308, inf, nan, -1.0, kMaxBudgetCapBaht * 1.000001}) {
    SCOPED_TRACE(cap);
    expect_refused(make_set_budget_cap(s, cap), "budget cap", "a cap");
  }
  // The bounds themselves are allowed, and the totals they give stay finite.
  PlanningState at_bounds = s;
  Intervention i;
  i.zone_id = 1;
  i.households = kMaxHouseholds;
  i.unit_cost_baht = kMaxUnitCostBaht;
  auto add = make_add_intervention(at_bounds, i);
  ASSERT_TRUE(add) << add.error().message;
  ASSERT_TRUE(apply_edit(at_bounds, *add));
  auto cap = make_set_budget_cap(at_bounds, kMaxBudgetCapBaht);
  ASSERT_TRUE(cap) << cap.error().message;
  ASSERT_TRUE(apply_edit(at_bounds, *cap));
  EXPECT_TRUE(std::isfinite(at_bounds.plan.total_cost_baht()));
  EXPECT_EQ(at_bounds.plan.budget_cap_baht, kMaxBudgetCapBaht);
}

TEST(EditChecks, ZonePolygonsAreFiniteLongitudesAndLatitudes) {
  const PlanningState s = sample_state();
  FeatureGeometry nan_point = square(104, 15, 0.1);
  nan_point.points[2].x = std::numeric_limits<double>::quiet_NaN();
  FeatureGeometry utm = square(500000, 1600000, 1000);  // metres: the CRS was not understood
  for (const FeatureGeometry& g : {nan_point, utm}) {
    Zone z;
    z.name = "x";
    z.polygon = g;
    expect_refused(make_create_zone(s, z), "zone 3 polygon", "a polygon");
    expect_refused(make_set_zone_polygon(s, 1, g), "zone 1 polygon", "a polygon");
  }
}

// A state that already holds bad bytes (a damaged or hand-edited project) still serialises:
// the JSON writer replaces them instead of throwing, and edits on it still work.
TEST(EditChecks, SerialisingAStateNeverThrows) {
  PlanningState s = sample_state();
  s.zones[0].name = kBad;
  s.plan.interventions[0].agency = kBad;
  s.catalogue[0].name_th = kBad;
  s.settings["k"] = kBad;
  std::string z, i, c;
  ASSERT_NO_THROW(z = zone_to_json(s.zones[0]));
  ASSERT_NO_THROW(i = intervention_to_json(s.plan.interventions[0]));
  ASSERT_NO_THROW(c = catalogue_entry_to_json(s.catalogue[0]));
  for (const std::string& text : {z, i, c}) {
    EXPECT_TRUE(is_valid_utf8(text));
    EXPECT_TRUE(nlohmann::json::accept(text)) << text;
  }
  auto read = zone_from_json(z);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(is_valid_utf8(read->name));
  EXPECT_TRUE(intervention_from_json(i));
  EXPECT_TRUE(catalogue_entry_from_json(c));
  Result<Edit> lock = fail("");
  ASSERT_NO_THROW(lock = make_set_zone_locked(s, 1, true));
  ASSERT_TRUE(lock);
  ASSERT_NO_THROW(EXPECT_TRUE(apply_edit(s, *lock)));
  std::string history;
  ASSERT_NO_THROW(history = edit_to_json(*lock));
  EXPECT_TRUE(edit_from_json(history));
  Result<Edit> clear = fail("");
  ASSERT_NO_THROW(clear = make_set_setting(s, "k", std::nullopt));
  ASSERT_TRUE(clear);
  EXPECT_TRUE(apply_edit(s, *clear));
}

TEST(EditChecks, MessagesForNumbersNameTheFieldAndTheBound) {
  const auto r = check_edit_amount("unit cost", 2e7, kMaxUnitCostBaht, "baht per household");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("unit cost"), std::string::npos);
  EXPECT_NE(r.error().message.find("20,000,000"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("10,000,000"), std::string::npos) << r.error().message;
  EXPECT_TRUE(check_edit_amount("x", 0, 1, "baht"));
  EXPECT_TRUE(check_edit_count("x", 0, 1));
  EXPECT_FALSE(check_edit_count("x", 2, 1));
}

}  // namespace
}  // namespace chipao
