// Several processes editing one project at once lose nothing (issue 10).
//
// Writers are separate processes — this test binary run as CrashSafety's child is, with
// --gtest_filter on ConcurrentWriterChild — each running real chipao-cli commands in a loop
// for a bounded time: paint a new zone, add an intervention to one of its own zones, change a
// setting. Each writes a line per command that returned 0, with what the command said it
// created. Then the parent checks, with two and then four writers:
//   - every zone and intervention a command reported is in the project, as reported, and no
//     id was given to two commands;
//   - the history holds exactly the edits that returned 0 (their summaries, as a multiset);
//   - undoing the whole history gives back the starting state exactly.
// A command may be refused only with the "busy, try again" message, and is then not counted.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/store/project.h"
#include "support/test_paths.h"

extern char** environ;

namespace chipao {
namespace {

using nlohmann::json;

constexpr const char* kProjectEnv = "CHIPAO_WRITER_PROJECT";
constexpr const char* kWriterEnv = "CHIPAO_WRITER_ID";
constexpr const char* kLogEnv = "CHIPAO_WRITER_LOG";
constexpr const char* kSecondsEnv = "CHIPAO_WRITER_SECONDS";

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

// The child: one writer. Its log has one JSON line per command that returned 0.
TEST(ConcurrentWriterChild, Loop) {
  const char* project = std::getenv(kProjectEnv);
  if (!project) GTEST_SKIP() << "runs only as a child of ConcurrentWriters.*";
  const std::string writer = std::getenv(kWriterEnv);
  std::ofstream log(std::getenv(kLogEnv));
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(std::atoi(std::getenv(kSecondsEnv)));
  // Each writer paints its own tambons, so no writer's paint takes another's units.
  const int w = std::atoi(writer.c_str());
  const std::vector<std::string> units{fmt::format("9903{:02d}", w + 1),
                                       fmt::format("9905{:02d}", w + 1)};
  std::vector<std::int64_t> my_zones;
  for (int k = 0; std::chrono::steady_clock::now() < deadline && k < 400; ++k) {
    std::vector<std::string> args;
    const int op = my_zones.empty() ? 0 : k % 3;
    const std::string name = fmt::format("w{}-{}", writer, k);
    if (op == 0)
      args = {"zones", "paint", project, "--zone", name, "--units", units[k % 2]};
    else if (op == 1)
      args = {"plan",
              "add",
              project,
              "--zone",
              std::to_string(my_zones[k % my_zones.size()]),
              "--dimension",
              "income",
              "--unit-cost",
              "150",
              "--agency",
              "agency-" + writer,
              "--households",
              std::to_string(k)};
    else
      args = {"project", "set", project, "suppress", std::to_string(k % 7)};
    args.push_back("--json");
    const auto r = test::run_cli(args);
    if (r.exit_code != 0) {
      // Only a bounded wait for the lock may refuse an edit, and it must say so.
      ASSERT_NE(r.err.find("busy"), std::string::npos) << r.err;
      continue;
    }
    const json out = json::parse(r.out);
    json line{{"op", op}, {"edit", out["edit"]}, {"name", name}, {"k", k}};
    if (op == 0) {
      line["zone"] = out["zone"];
      my_zones.push_back(out["zone"].get<std::int64_t>());
    } else if (op == 1) {
      line["intervention"] = out["intervention"];
      line["zone"] = out["zone"];
    }
    log << line.dump() << "\n" << std::flush;
  }
}

std::string new_project(const std::string& tag) {
  const std::string path = test::temp_dir(tag) + "/shared.chipao";
  const auto r = test::run_cli({"project", "new", path, "--boundaries", demo("tambon.shp"),
                                "--table", demo("tpmap/61_99_tambol_11111.csv"), "--table",
                                demo("tpmap/61_99_tambol_common.csv")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return path;
}

pid_t start_writer(const std::string& project, int writer, const std::string& log, int seconds) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
  env_strings.push_back(std::string(kProjectEnv) + "=" + project);
  env_strings.push_back(std::string(kWriterEnv) + "=" + std::to_string(writer));
  env_strings.push_back(std::string(kLogEnv) + "=" + log);
  env_strings.push_back(std::string(kSecondsEnv) + "=" + std::to_string(seconds));
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string self = "/proc/self/exe";
  std::string filter = "--gtest_filter=ConcurrentWriterChild.Loop";
  char* argv[] = {self.data(), filter.data(), nullptr};
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv, envp.data()), 0);
  return pid;
}

void run_writers(int count, int seconds) {
  const std::string project = new_project(fmt::format("writers{}", count));
  auto start = Project::open(project);
  ASSERT_TRUE(start) << start.error().message;
  const PlanningState initial = start->state();
  const std::size_t initial_history = start->history().size();

  const std::string logs = test::temp_dir(fmt::format("writer_logs{}", count));
  std::vector<pid_t> pids;
  for (int w = 0; w < count; ++w)
    pids.push_back(start_writer(project, w, fmt::format("{}/{}.jsonl", logs, w), seconds));
  for (pid_t pid : pids) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << "a writer failed (see its output above)";
  }

  std::vector<json> done;
  for (int w = 0; w < count; ++w) {
    std::ifstream in(fmt::format("{}/{}.jsonl", logs, w));
    for (std::string line; std::getline(in, line);) done.push_back(json::parse(line));
  }
  ASSERT_GT(done.size(), static_cast<std::size_t>(count) * 6) << "the writers hardly ran";

  auto after = Project::open(project);
  ASSERT_TRUE(after) << after.error().message;
  const PlanningState& state = after->state();
  std::set<std::int64_t> zone_ids, intervention_ids;
  std::multiset<std::string> reported_edits;
  for (const json& d : done) {
    reported_edits.insert(d["edit"].get<std::string>());
    if (d["op"] == 0) {
      const auto id = d["zone"].get<std::int64_t>();
      EXPECT_TRUE(zone_ids.insert(id).second) << "zone id " << id << " given twice";
      const Zone* z = state.zone(id);
      ASSERT_NE(z, nullptr) << "zone " << id << " '" << d["name"] << "' is missing";
      EXPECT_EQ(z->name, d["name"].get<std::string>());
    } else if (d["op"] == 1) {
      const auto id = d["intervention"].get<std::int64_t>();
      EXPECT_TRUE(intervention_ids.insert(id).second) << "intervention id " << id << " given twice";
      const Intervention* i = state.intervention(id);
      ASSERT_NE(i, nullptr) << "intervention " << id << " is missing";
      EXPECT_EQ(i->zone_id, d["zone"].get<std::int64_t>());
      EXPECT_EQ(i->households, d["k"].get<std::int64_t>());
    }
  }
  ASSERT_EQ(after->history().size(), initial_history + done.size());
  std::multiset<std::string> history_edits;
  for (std::size_t e = initial_history; e < after->history().size(); ++e)
    history_edits.insert(after->history().entries()[e].summary);
  EXPECT_EQ(history_edits, reported_edits);

  while (after->history().can_undo()) {
    auto undone = after->undo();
    ASSERT_TRUE(undone) << undone.error().message;
  }
  EXPECT_TRUE(after->state() == initial) << "undoing every edit did not give the start back";
  // And a fresh reader sees the same.
  auto reread = Project::open(project);
  ASSERT_TRUE(reread);
  EXPECT_TRUE(reread->state() == initial);
}

TEST(ConcurrentWriters, TwoWritersLoseNoEdit) {
  run_writers(2, 6);
}

TEST(ConcurrentWriters, FourWritersLoseNoEdit) {
  run_writers(4, 8);
}

}  // namespace
}  // namespace chipao
