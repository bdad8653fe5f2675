// Crash safety: a child process edits a project in a loop, printing the number of each edit
// once its transaction has committed; the parent SIGKILLs it at random moments, 30 times.
// After every kill the project must pass PRAGMA integrity_check, open, and hold every edit
// the child reported, and the figures joined to its tambon layer must agree with its
// municipal assignment (the child sets and clears one, which joins the tables again); at the
// end the whole history must undo back to the starting state.
//
// The child is this same test binary, run with --gtest_filter on CrashSafetyChild and the
// project path in CHIPAO_CRASH_CHILD_PROJECT (a test of its own skips without it).
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "core/io/boundary_reader.h"
#include "core/join/join.h"
#include "core/plan/edit.h"
#include "core/stats/measure_table.h"
#include "core/store/project.h"
#include "core/store/spatialite_store.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

constexpr const char* kProjectEnv = "CHIPAO_CRASH_CHILD_PROJECT";
constexpr const char* kRunEnv = "CHIPAO_CRASH_CHILD_RUN";

// The child: zones named "run-<run>-<n>", every third edit also paints units (two zones
// change in one edit), every fourth also sets or clears the assignment of municipal area
// 990151 to tambon 990101, and every fifth undoes and redoes the previous edit.
TEST(CrashSafetyChild, EditLoop) {
  const char* path = std::getenv(kProjectEnv);
  if (!path) GTEST_SKIP() << "runs only as the child of CrashSafety.KilledAtRandomLosesNothing";
  const std::string run = std::getenv(kRunEnv) ? std::getenv(kRunEnv) : "0";
  auto project = Project::open(path, StoreOptions{.quick_check = false});
  ASSERT_TRUE(project) << project.error().message;
  for (int n = 0; n < 100000; ++n) {
    Zone z;
    z.name = fmt::format("run-{}-{}", run, n);
    z.polygon.kind = GeometryKind::polygon;
    z.polygon.points = {
        {100.0 + n * 1e-4, 15.0}, {100.1, 15.0}, {100.05, 15.1}, {100.0 + n * 1e-4, 15.0}};
    z.polygon.ring_ends = {4};
    z.polygon.polygon_ends = {1};
    if (n % 3 == 0) {
      z.kind = ZoneKind::painted;
      z.unit_codes = {fmt::format("9901{:02d}", n % 17), fmt::format("9902{:02d}", n % 13)};
    }
    ASSERT_TRUE(project->apply(*make_create_zone(project->state(), z)));
    if (n % 4 == 1) {
      MunicipalAssignment a{"990151", {}};
      if (project->state().assignments.empty()) a.tambons = {"990101"};
      ASSERT_TRUE(project->apply(*make_set_assignment(project->state(), a)));
    }
    if (n % 5 == 4) {
      ASSERT_TRUE(project->undo());
      ASSERT_TRUE(project->redo());
    }
    const std::string line = fmt::format("committed {}\n", n);
    ASSERT_EQ(::write(STDOUT_FILENO, line.data(), line.size()), static_cast<ssize_t>(line.size()));
  }
}

std::string integrity(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    out = "cannot open";
  } else {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW)
      out += reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

// Whether tambon 990101 holds figures and a note that they came from 990151; the two must
// agree with each other, and with the project's assignment.
std::string figures_of_990101(ProjectStore& store) {
  auto layer = store.load_layer("tambon");
  if (!layer) return "cannot load: " + layer.error().message;
  for (std::size_t f = 0; f < layer->layer.features.size(); ++f) {
    if (layer->layer.features[f].code != "990101") continue;
    const bool figures = !std::isnan(layer->columns.at(0).values.at(f));
    const bool noted = f < layer->assigned_from.size() &&
                       layer->assigned_from[f].find("990151") != std::string::npos;
    if (figures != noted) return "figures and note disagree";
    return figures ? "assigned" : "unassigned";
  }
  return "no 990101";
}

TEST(CrashSafety, KilledAtRandomLosesNothing) {
  const std::string path = test::temp_dir("crash") + "/p.chipao";
  PlanningState start;
  {
    auto store = SpatiaLiteStore::create(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->write_initial(initial_planning_state()));
    const std::string demo = test::source_dir() + "/data/demo";
    auto layer = load_boundaries(demo + "/tambon.shp");
    ASSERT_TRUE(layer);
    StoredLayer stored;
    stored.name = "tambon";
    for (const char* t : {"/tpmap/61_99_tambol_11111.csv", "/tpmap/61_99_tambol_common.csv"})
      stored.tables.push_back(*load_measure_table(demo + t));
    auto joined = join_tables(*layer, stored.tables);
    ASSERT_TRUE(joined);
    stored.columns = joined->columns;
    stored.layer = std::move(*layer);
    ASSERT_TRUE((*store)->save_layer(stored));
    start = *(*store)->load_state();
  }
  char self[4096] = {};
  ASSERT_GT(::readlink("/proc/self/exe", self, sizeof self - 1), 0);
  std::mt19937 rng(20240611);
  std::set<std::string> reported;
  int assigned_runs = 0;  // kills after which the assignment was set: the check was exercised
  for (int run = 0; run < 30; ++run) {
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
      ::setenv(kProjectEnv, path.c_str(), 1);
      ::setenv(kRunEnv, std::to_string(run).c_str(), 1);
      ::execl(self, self, "--gtest_filter=CrashSafetyChild.EditLoop", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    // Kill after a random number of reported commits and a random extra delay, so the kill
    // lands anywhere in the child's cycle (inside a transaction, between them, mid-print).
    const int commits_before_kill = 1 + static_cast<int>(rng() % 25);
    const auto extra = std::chrono::microseconds(rng() % 20000);
    std::string buffer;
    int seen = 0;
    char chunk[4096];
    while (seen < commits_before_kill) {
      const ssize_t n = ::read(pipe_fds[0], chunk, sizeof chunk);
      if (n <= 0) break;
      buffer.append(chunk, static_cast<std::size_t>(n));
      seen = 0;
      for (std::size_t at = buffer.find("committed "); at != std::string::npos;
           at = buffer.find("committed ", at + 1))
        ++seen;
    }
    std::this_thread::sleep_for(extra);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    for (ssize_t n; (n = ::read(pipe_fds[0], chunk, sizeof chunk)) > 0;)
      buffer.append(chunk, static_cast<std::size_t>(n));
    ::close(pipe_fds[0]);
    ASSERT_GT(seen, 0) << "the child committed nothing; its output: " << buffer;
    // Only complete lines count: a line cut by the kill may not have been written whole.
    for (std::size_t at = buffer.find("committed "); at != std::string::npos;
         at = buffer.find("committed ", at + 1)) {
      const auto end = buffer.find('\n', at);
      if (end == std::string::npos) break;
      reported.insert(fmt::format("run-{}-{}", run, buffer.substr(at + 10, end - at - 10)));
    }

    ASSERT_EQ(integrity(path), "ok") << "after kill " << run;
    auto project = Project::open(path);
    ASSERT_TRUE(project) << "after kill " << run << ": " << project.error().message;
    std::set<std::string> present;
    for (const Zone& z : project->state().zones) present.insert(z.name);
    for (const std::string& name : reported)
      ASSERT_TRUE(present.contains(name))
          << name << " was committed but is missing after kill " << run;
    assigned_runs += project->state().assignments.empty() ? 0 : 1;
    EXPECT_EQ(figures_of_990101(project->store()),
              project->state().assignments.empty() ? "unassigned" : "assigned")
        << "after kill " << run;
    // A kill between the child's undo and redo leaves one edit to redo, never more.
    EXPECT_GE(project->history().position() + 1, project->history().size());
  }
  EXPECT_GT(assigned_runs, 0);
  auto project = Project::open(path);
  ASSERT_TRUE(project);
  EXPECT_GE(project->history().size(), reported.size());
  while (project->history().can_undo()) ASSERT_TRUE(project->undo());
  EXPECT_TRUE(project->state() == start);
}

}  // namespace
}  // namespace chipao
