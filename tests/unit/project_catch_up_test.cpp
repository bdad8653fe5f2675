// Two Projects on one file, as two processes hold it (issue 10): each catches up with what the
// other committed — by replaying the changed part of the history — and ends in exactly the
// state a fresh open reads, also when the other undid edits and dropped the redo branch.
#include <gtest/gtest.h>

#include <string>

#include "core/plan/edit.h"
#include "core/store/project.h"
#include "core/store/spatialite_store.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

std::string new_project(const std::string& tag) {
  const std::string path = test::temp_dir(tag) + "/p.chipao";
  auto store = SpatiaLiteStore::create(path);
  EXPECT_TRUE(store) << store.error().message;
  EXPECT_TRUE((*store)->write_initial(initial_planning_state()));
  return path;
}

EditBuilder create_zone(const std::string& name) {
  return [name](const PlanningState& s) {
    Zone z;
    z.name = name;
    z.kind = ZoneKind::painted;
    z.unit_level = "tambon";
    z.unit_codes = {"990101"};
    return make_create_zone(s, z);
  };
}

void expect_same_as_fresh_open(const std::string& path, const Project& p) {
  auto fresh = Project::open(path);
  ASSERT_TRUE(fresh) << fresh.error().message;
  EXPECT_TRUE(fresh->state() == p.state());
  EXPECT_EQ(fresh->history().size(), p.history().size());
  EXPECT_EQ(fresh->history().position(), p.history().position());
  for (std::size_t i = 0; i < p.history().size(); ++i)
    EXPECT_EQ(edit_to_json(fresh->history().entries()[i]), edit_to_json(p.history().entries()[i]));
  EXPECT_EQ(fresh->version(), p.version());
}

TEST(ProjectCatchUp, SeesAppendedEdits) {
  const std::string path = new_project("catch_append");
  auto a = Project::open(path);
  auto b = Project::open(path);
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(a->apply(create_zone("A1")));
  ASSERT_TRUE(a->apply(create_zone("A2")));
  auto changed = b->refresh();
  ASSERT_TRUE(changed);
  EXPECT_TRUE(*changed);
  EXPECT_EQ(b->state().zones.size(), 2u);
  expect_same_as_fresh_open(path, *b);
  auto again = b->refresh();
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again) << "nothing new: refresh should say so";
}

TEST(ProjectCatchUp, FollowsAnotherWritersUndoAndDroppedRedoBranch) {
  const std::string path = new_project("catch_undo");
  auto a = Project::open(path);
  auto b = Project::open(path);
  ASSERT_TRUE(a && b);
  for (const char* name : {"A1", "A2", "A3"}) ASSERT_TRUE(a->apply(create_zone(name)));
  ASSERT_TRUE(b->refresh());
  // b undoes two of a's edits and makes its own: the redo branch (A2, A3) is gone.
  ASSERT_TRUE(b->undo());
  ASSERT_TRUE(b->undo());
  ASSERT_TRUE(b->apply(create_zone("B1")));
  // a still shows A1..A3 at position 3; catching up must revert two and apply B1.
  auto changed = a->refresh();
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_TRUE(*changed);
  ASSERT_EQ(a->state().zones.size(), 2u);
  EXPECT_EQ(a->state().zones[0].name, "A1");
  EXPECT_EQ(a->state().zones[1].name, "B1");
  expect_same_as_fresh_open(path, *a);
}

TEST(ProjectCatchUp, AnEditIsDecidedAgainstWhatOthersCommitted) {
  const std::string path = new_project("catch_decide");
  auto a = Project::open(path);
  auto b = Project::open(path);
  ASSERT_TRUE(a && b);
  // Both create a zone without reading the other's first: the ids must differ, and both land.
  auto from_a = a->apply(create_zone("from a"));
  auto from_b = b->apply(create_zone("from b"));
  ASSERT_TRUE(from_a && from_b);
  EXPECT_NE((*from_a)->changes[0].key, (*from_b)->changes[0].key);
  EXPECT_EQ(b->state().zones.size(), 2u);
  // An edit prepared by a from its stale state, touching what b changed, is refused.
  const std::int64_t id = b->state().zones[0].id;
  auto stale = make_rename_zone(a->state(), id, "renamed by a");
  ASSERT_TRUE(stale);
  ASSERT_TRUE(
      b->apply([id](const PlanningState& s) { return make_rename_zone(s, id, "renamed by b"); }));
  auto refused = a->apply(std::move(*stale));
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("another ChiPao program changed"), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(a->state().zone(id)->name, "renamed by b");
  expect_same_as_fresh_open(path, *a);
  // Undo in a takes back the newest edit of the shared history: b's rename.
  auto undone = a->undo();
  ASSERT_TRUE(undone);
  EXPECT_EQ(a->state().zone(id)->name, "from a");
  expect_same_as_fresh_open(path, *a);
}

}  // namespace
}  // namespace chipao
