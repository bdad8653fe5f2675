// Edits and their history: seeded random edit sequences undone fully give back exactly the
// starting state and redone fully the end state, in memory and through the project file
// across close and reopen; painting moves units between zones in one edit; a new edit after
// undo drops the redo branch; a locked zone refuses changes.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

#include "core/plan/catalogue_defaults.h"
#include "core/plan/edit.h"
#include "core/plan/edit_history.h"
#include "core/store/project.h"
#include "core/store/spatialite_store.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

FeatureGeometry square(double x, double y, double size) {
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  g.points = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
  g.ring_ends = {5};
  g.polygon_ends = {1};
  return g;
}

// Makes one random edit that the state accepts (retries kinds that do not apply).
Edit random_edit(const PlanningState& s, std::mt19937& rng) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  auto unit = [&] { return fmt::format("9901{:02d}", 1 + pick(20)); };
  auto any_zone = [&]() -> std::int64_t {
    return s.zones.empty()
               ? 0
               : s.zones[static_cast<std::size_t>(pick(static_cast<int>(s.zones.size())))].id;
  };
  for (;;) {
    Result<Edit> e = fail("");
    switch (pick(13)) {
      case 0: {
        Zone z;
        z.name = fmt::format("เขตพัฒนา {}", pick(100));
        if (pick(2)) {
          z.polygon = square(100 + pick(10) * 0.1, 15 + pick(10) * 0.1, 0.05 + pick(5) * 0.01);
        } else {
          z.kind = ZoneKind::painted;
          z.unit_codes = {unit(), unit()};
        }
        e = make_create_zone(s, z);
        break;
      }
      case 1:
        e = make_rename_zone(s, any_zone(), fmt::format("ตำบลเป้าหมาย {}", pick(1000)));
        break;
      case 2:
        e = make_recolour_zone(s, any_zone(), fmt::format("#{:06x}", rng() & 0xFFFFFF));
        break;
      case 3:
        e = make_set_zone_locked(s, any_zone(), pick(3) == 0);
        break;
      case 4:
        e = make_paint_units(s, any_zone(), {unit(), unit(), unit()});
        break;
      case 5:
        e = make_erase_units(s, any_zone(), {unit()});
        break;
      case 6:
        e = make_delete_zone(s, any_zone());
        break;
      case 7: {
        Intervention i;
        i.zone_id = any_zone();
        i.catalogue_id = "income-occupation-training";
        i.households = pick(500);
        i.unit_cost_baht = 3000;
        i.agency = "สำนักงานแรงงานจังหวัด";
        i.start = "1/10/2567";
        e = make_add_intervention(s, i);
        break;
      }
      case 8:
        if (!s.plan.interventions.empty()) {
          Intervention i = s.plan.interventions[static_cast<std::size_t>(
              pick(static_cast<int>(s.plan.interventions.size())))];
          i.status = static_cast<InterventionStatus>(pick(4));
          i.households = pick(900);
          e = pick(3) ? make_update_intervention(s, i) : make_remove_intervention(s, i.id);
        }
        break;
      case 9: {
        CatalogueEntry c = default_catalogue()[static_cast<std::size_t>(pick(4))];
        c.id = fmt::format("custom-{}", pick(4));
        c.unit_cost_baht = pick(10000);
        e = pick(4) ? make_put_catalogue_entry(s, c) : make_remove_catalogue_entry(s, c.id);
        break;
      }
      case 10:
        e = make_set_assignment(
            s, {fmt::format("9901{}", 51 + pick(3)),
                pick(3) ? std::vector<std::string>{unit()} : std::vector<std::string>{}});
        break;
      case 11:
        e = make_set_setting(s, pick(2) ? "opening_amphoe" : "language",
                             pick(4) ? std::optional<std::string>(unit()) : std::nullopt);
        break;
      case 12:
        e = make_set_budget_cap(s, pick(1000) * 1000.0);
        break;
    }
    if (e) return *e;
  }
}

TEST(EditHistory, RandomSequencesUndoneAndRedoneFully) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    PlanningState state = initial_planning_state();
    const PlanningState start = state;
    EditHistory history;
    for (int i = 0; i < 150; ++i) {
      Edit e = random_edit(state, rng);
      ASSERT_TRUE(history.apply(state, e)) << "seed " << seed << " edit " << i;
    }
    const PlanningState end = state;
    EXPECT_FALSE(end == start);
    while (history.can_undo()) ASSERT_TRUE(history.undo(state));
    EXPECT_TRUE(state == start) << "seed " << seed;
    while (history.can_redo()) ASSERT_TRUE(history.redo(state));
    EXPECT_TRUE(state == end) << "seed " << seed;
  }
}

TEST(EditHistory, EditsSurviveJsonRoundTrip) {
  std::mt19937 rng(7);
  PlanningState state = initial_planning_state();
  for (int i = 0; i < 60; ++i) {
    Edit e = random_edit(state, rng);
    auto back = edit_from_json(edit_to_json(e));
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(edit_to_json(*back), edit_to_json(e));
    ASSERT_TRUE(apply_edit(state, *back));
  }
}

TEST(EditHistory, PaintingMovesUnitsOutOfOtherZonesInOneEdit) {
  PlanningState s;
  EditHistory h;
  Zone a;
  a.kind = ZoneKind::painted;
  a.unit_codes = {"990101", "990102"};
  ASSERT_TRUE(h.apply(s, *make_create_zone(s, a)));
  Zone b;
  b.kind = ZoneKind::painted;
  ASSERT_TRUE(h.apply(s, *make_create_zone(s, b)));
  auto paint = make_paint_units(s, 2, {"990102", "990103"});
  ASSERT_TRUE(paint);
  EXPECT_EQ(paint->changes.size(), 2u);
  ASSERT_TRUE(h.apply(s, *paint));
  EXPECT_EQ(s.zone(1)->unit_codes, std::vector<std::string>{"990101"});
  EXPECT_EQ(s.zone(2)->unit_codes, (std::vector<std::string>{"990102", "990103"}));
  ASSERT_TRUE(h.undo(s));
  EXPECT_EQ(s.zone(1)->unit_codes, (std::vector<std::string>{"990101", "990102"}));
  EXPECT_TRUE(s.zone(2)->unit_codes.empty());
}

TEST(EditHistory, NewEditAfterUndoDropsRedoBranch) {
  PlanningState s;
  EditHistory h;
  ASSERT_TRUE(h.apply(s, *make_create_zone(s, Zone{})));
  ASSERT_TRUE(h.apply(s, *make_rename_zone(s, 1, "ก")));
  ASSERT_TRUE(h.undo(s));
  EXPECT_TRUE(h.can_redo());
  ASSERT_TRUE(h.apply(s, *make_rename_zone(s, 1, "ข")));
  EXPECT_FALSE(h.can_redo());
  EXPECT_EQ(h.size(), 2u);
  EXPECT_EQ(s.zone(1)->name, "ข");
}

TEST(EditHistory, LockedZoneRefusesChangesAndUnknownZoneIsNamed) {
  PlanningState s;
  EditHistory h;
  ASSERT_TRUE(h.apply(s, *make_create_zone(s, Zone{})));
  ASSERT_TRUE(h.apply(s, *make_set_zone_locked(s, 1, true)));
  auto rename = make_rename_zone(s, 1, "x");
  ASSERT_FALSE(rename);
  EXPECT_NE(rename.error().message.find("locked"), std::string::npos);
  auto missing = make_delete_zone(s, 42);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("zone 42"), std::string::npos);
}

TEST(EditHistory, UndoOfAnEditThatDoesNotMatchChangesNothing) {
  PlanningState s;
  EditHistory h;
  ASSERT_TRUE(h.apply(s, *make_create_zone(s, Zone{})));
  Edit rename = *make_rename_zone(s, 1, "ก");
  PlanningState other;  // has no zone 1: the rename's "before" does not match
  const PlanningState copy = other;
  EXPECT_FALSE(apply_edit(other, rename));
  EXPECT_TRUE(other == copy);
}

Result<Project> new_project(const std::string& path) {
  auto store = SpatiaLiteStore::create(path);
  if (!store) return std::unexpected(store.error());
  if (auto ok = (*store)->write_initial(initial_planning_state()); !ok)
    return std::unexpected(ok.error());
  return Project::from_store(std::move(*store));
}

TEST(EditHistory, PersistedAcrossCloseAndReopen) {
  const std::string dir = test::temp_dir("edit_history");
  for (unsigned seed = 1; seed <= 2; ++seed) {
    const std::string path = fmt::format("{}/p{}.chipao", dir, seed);
    PlanningState start, end;
    std::mt19937 rng(seed * 101);
    {
      auto project = new_project(path);
      ASSERT_TRUE(project) << project.error().message;
      start = project->state();
      for (int i = 0; i < 80; ++i) ASSERT_TRUE(project->apply(random_edit(project->state(), rng)));
      end = project->state();
    }
    {
      auto project = Project::open(path);
      ASSERT_TRUE(project) << project.error().message;
      EXPECT_TRUE(project->state() == end);
      EXPECT_EQ(project->history().size(), 80u);
      for (int i = 0; i < 30; ++i) ASSERT_TRUE(project->undo());
    }
    {
      auto project = Project::open(path);
      ASSERT_TRUE(project);
      EXPECT_EQ(project->history().position(), 50u);
      while (project->history().can_undo()) ASSERT_TRUE(project->undo());
      EXPECT_TRUE(project->state() == start) << "seed " << seed;
    }
    {
      auto project = Project::open(path);
      ASSERT_TRUE(project);
      EXPECT_TRUE(project->state() == start);
      while (project->history().can_redo()) ASSERT_TRUE(project->redo());
      EXPECT_TRUE(project->state() == end) << "seed " << seed;
      ASSERT_TRUE(project->undo());
      ASSERT_TRUE(project->apply(*make_set_budget_cap(project->state(), 123.0)));
    }
    auto project = Project::open(path);
    ASSERT_TRUE(project);
    EXPECT_EQ(project->history().size(), 80u);  // the undone edit was dropped, the new one added
    EXPECT_FALSE(project->history().can_redo());
    EXPECT_EQ(project->state().plan.budget_cap_baht, 123.0);
  }
}

}  // namespace
}  // namespace chipao
