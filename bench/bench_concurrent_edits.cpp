// Issue 10 targets: with four processes editing one project at once, p95 edit latency under
// 50 ms and no edit lost; another process's edit shown within 1 s.
//
// A demo-sized project (the demo's 80 tambons with their joined figures) is written to a temp
// folder. Then:
//   1. Baseline in the same run: one writer alone, N edits.
//   2. Four writer processes (fork), each with its own Project, N edits each, mixing painted
//      zones, interventions and settings. Latency of one edit = Project::apply as a caller
//      waits for it: taking the write lock (waiting for the others), catching up with what
//      they committed, deciding, writing, committing with synchronous=FULL. Afterwards the
//      history must hold exactly 4 x N edits and every zone a writer created.
//   3. Shown elsewhere: a watcher process holds the project open with a StoreWatch (as the
//      app does) and catches up when woken; the time from a writer's commit returning to the
//      watcher's state holding that edit, over R edits.
//
// Usage: bench_concurrent_edits [--runs N] [SHARED_DATA_DIR]   (N edits per writer; default 21
// is raised to at least 100 here so that p95 means something)
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "bench_stats.h"
#include "core/io/boundary_reader.h"
#include "core/plan/edit.h"
#include "core/store/project.h"
#include "core/store/spatialite_store.h"

namespace fs = std::filesystem;
using chipao::bench::summarise;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::string make_project(const std::string& source_dir) {
  auto layer = chipao::load_boundaries(source_dir + "/data/demo/tambon.shp");
  if (!layer) {
    std::fprintf(stderr, "%s\n", layer.error().message.c_str());
    std::exit(1);
  }
  const fs::path path = fs::temp_directory_path() / "chipao_bench_concurrent.chipao";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  chipao::StoredLayer stored;
  stored.name = "tambon";
  stored.layer = *layer;
  auto store = chipao::SpatiaLiteStore::create(path.string());
  if (!store || !(*store)->write_initial(chipao::initial_planning_state()) ||
      !(*store)->save_layer(stored))
    std::exit(1);
  return path.string();
}

// One edit of writer `w`, the k-th: a new painted zone, an intervention in its last zone, or
// a setting.
chipao::Result<const chipao::Edit*> edit(chipao::Project& p, int w, int k,
                                         std::int64_t& last_zone) {
  using namespace chipao;
  if (k % 3 == 0 || last_zone == 0) {
    auto done = p.apply([&](const PlanningState& s) {
      Zone z;
      z.name = fmt::format("w{}-{}", w, k);
      z.kind = ZoneKind::painted;
      z.unit_level = "tambon";
      z.unit_codes = {fmt::format("9903{:02d}", w + 1)};
      return make_create_zone(s, z);
    });
    if (done)
      for (const auto& c : (*done)->changes)
        if (c.kind == EntityKind::zone && !c.before) last_zone = std::stoll(c.key);
    return done;
  }
  if (k % 3 == 1) {
    return p.apply([&](const PlanningState& s) {
      Intervention i;
      i.zone_id = last_zone;
      i.dimension = DimensionId::income;
      i.unit_cost_baht = 150;
      i.households = k;
      i.agency = fmt::format("agency {}", w);
      return make_add_intervention(s, i);
    });
  }
  return p.apply([&](const PlanningState& s) {
    return make_set_setting(s, fmt::format("bench_writer_{}", w), std::to_string(k));
  });
}

// Runs `writers` processes of `edits` edits each; returns every latency (ms).
std::vector<double> run_writers(const std::string& path, int writers, int edits) {
  // Latencies come back through shared memory (one slot per edit).
  const std::size_t slots = static_cast<std::size_t>(writers * edits);
  auto* shared = static_cast<double*>(mmap(nullptr, slots * sizeof(double), PROT_READ | PROT_WRITE,
                                           MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  std::vector<pid_t> pids;
  for (int w = 0; w < writers; ++w) {
    const pid_t pid = fork();
    if (pid == 0) {
      auto project = chipao::Project::open(path, {.quick_check = false});
      if (!project) _exit(2);
      std::int64_t last_zone = 0;
      for (int k = 0; k < edits; ++k) {
        const auto started = Clock::now();
        auto done = edit(*project, w, k, last_zone);
        shared[w * edits + k] = ms_since(started);
        if (!done) {
          std::fprintf(stderr, "writer %d edit %d: %s\n", w, k, done.error().message.c_str());
          _exit(3);
        }
      }
      _exit(0);
    }
    pids.push_back(pid);
  }
  bool ok = true;
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  if (!ok) {
    std::fprintf(stderr, "a writer failed\n");
    std::exit(1);
  }
  std::vector<double> out(shared, shared + slots);
  munmap(shared, slots * sizeof(double));
  return out;
}

void print(const char* what, const std::vector<double>& samples) {
  const auto t = summarise(samples);
  std::printf("%-44s p50 %7.2f ms  p95 %7.2f ms  min %6.2f ms  (%d edits)\n", what, t.median_ms,
              t.p95_ms, t.min_ms, t.runs);
}

}  // namespace

int main(int argc, char** argv) {
  auto args = chipao::bench::parse_bench_args(argc, argv);
  const int edits = std::max(args.runs, 100);
  const std::string source_dir = fs::path(__FILE__).parent_path().parent_path().string();
  std::printf("machine: %s\n", chipao::bench::machine_description().c_str());

  const std::string path = make_project(source_dir);
  auto before = chipao::Project::open(path);
  const std::size_t history_start = before->history().size();

  print("1 writer alone (baseline)", run_writers(path, 1, edits));
  const auto four = run_writers(path, 4, edits);
  print("4 writers at once", four);

  auto after = chipao::Project::open(path);
  const std::size_t expected = history_start + static_cast<std::size_t>(5 * edits);
  std::printf("history: %zu edits, expected %zu: %s\n", after->history().size(), expected,
              after->history().size() == expected ? "none lost" : "EDITS LOST");

  // Shown elsewhere: a watcher process as the app is, woken by its StoreWatch.
  int pipe_fd[2];
  if (pipe(pipe_fd) != 0) return 1;
  const int rounds = 30;
  const pid_t watcher = fork();
  if (watcher == 0) {
    close(pipe_fd[0]);
    auto project = chipao::Project::open(path, {.quick_check = false});
    if (!project) _exit(2);
    std::atomic<bool> woken{false};
    auto watch = project->store().watch([&] { woken.store(true); });
    if (!watch) _exit(2);
    // Report each edit taken in: the setting's value is the writer's send time (ns).
    int seen = 0;
    while (seen < rounds) {
      if (!woken.exchange(false)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));  // the app's frame wait
        continue;
      }
      auto changed = project->refresh();
      if (!changed || !*changed) continue;
      const auto it = project->state().settings.find("bench_sent_ns");
      if (it == project->state().settings.end()) continue;
      const double lag_ms =
          static_cast<double>(Clock::now().time_since_epoch().count() - std::stoll(it->second)) /
          1e6;
      if (write(pipe_fd[1], &lag_ms, sizeof lag_ms) != sizeof lag_ms) _exit(3);
      ++seen;
    }
    _exit(0);
  }
  close(pipe_fd[1]);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the watcher opens
  auto writer = chipao::Project::open(path, {.quick_check = false});
  std::vector<double> lags;
  for (int r = 0; r < rounds; ++r) {
    const auto sent = Clock::now().time_since_epoch().count();
    (void)writer->apply([&](const chipao::PlanningState& s) {
      return chipao::make_set_setting(s, "bench_sent_ns", std::to_string(sent));
    });
    double lag = 0;
    if (read(pipe_fd[0], &lag, sizeof lag) != sizeof lag) break;
    lags.push_back(lag);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  waitpid(watcher, nullptr, 0);
  print("another process's edit shown (commit to state)", lags);
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  return 0;
}
