// The history list in the Thai interface has no English in it (issue 11: "English inside the
// Thai interface ... history entries"): every kind of edit the builders make reads in Thai,
// with the names the planner gave.
#include "app/history_text.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/plan/catalogue_defaults.h"
#include "core/store/project.h"

namespace chipao::app {
namespace {

bool has_latin_letter(const std::string& text) {
  for (char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

TEST(HistoryText, EveryKindOfEditReadsInThai) {
  PlanningState state = initial_planning_state();
  std::vector<Edit> edits;
  const auto take = [&](Result<Edit> edit) {
    ASSERT_TRUE(edit) << edit.error().message;
    ASSERT_TRUE(apply_edit(state, *edit));
    edits.push_back(*edit);
  };
  Zone painted;
  painted.name = "เขตเร่งด่วน";
  painted.kind = ZoneKind::painted;
  painted.unit_level = "tambon";
  painted.unit_codes = {"990101"};
  take(make_create_zone(state, painted));
  const std::int64_t id = state.zones.front().id;
  take(make_paint_units(state, id, {"990102", "990103"}));
  take(make_erase_units(state, id, {"990102"}));
  take(make_rename_zone(state, id, "เขตนำร่อง"));
  take(make_recolour_zone(state, id, "#3182bd"));
  take(make_set_zone_locked(state, id, true));
  take(make_set_zone_locked(state, id, false));
  Intervention i;
  i.zone_id = id;
  i.dimension = DimensionId::income;
  i.unit_cost_baht = 100;
  i.households = 5;
  i.agency = "พัฒนาชุมชน";
  take(make_add_intervention(state, i));
  take(make_remove_intervention(state, state.plan.interventions.front().id));
  CatalogueEntry c = state.catalogue.front();
  c.unit_cost_baht += 1;
  take(make_put_catalogue_entry(state, c));
  take(make_set_budget_cap(state, 500000));
  take(make_set_setting(state, "suppression_threshold", "5"));
  take(make_set_assignment(state, {"990151", {"990101"}}));
  take(make_delete_zone(state, id));
  for (const Edit& e : edits) {
    const std::string thai = history_entry_text(e, Language::thai);
    EXPECT_FALSE(has_latin_letter(thai)) << e.action << ": " << thai;
    EXPECT_FALSE(thai.empty());
    EXPECT_EQ(history_entry_text(e, Language::english), e.summary);
  }
  EXPECT_EQ(history_entry_text(edits[0], Language::thai), "สร้างเขต «เขตเร่งด่วน»");
  EXPECT_EQ(history_entry_text(edits[1], Language::thai), "ระบาย 2 หน่วยเข้าเขต «เขตเร่งด่วน»");
  EXPECT_EQ(history_entry_text(edits[3], Language::thai), "เปลี่ยนชื่อเขต «เขตเร่งด่วน» เป็น «เขตนำร่อง»");
}

}  // namespace
}  // namespace chipao::app
