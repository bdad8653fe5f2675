// Issue 3 targets: de-duplicating 2 million household records of three registries (20% of
// households in two or three) and tallying them to villages and tambons in under 5 s, with a
// peak resident memory (VmHWM, the whole process) under 1.5 GB.
//
// The registries are generated once into a temp folder in the demo's three layouts (a JPT
// household list with 31 indicator counts, a PPP Connext person list, a ThaiQM household list
// in TIS-620 with Thai column names), then read, de-duplicated and tallied --runs times.
// Reading (parse, check, hash) is timed apart from de-duplication and tallies.
//
// Usage: bench_households [--records N] [--runs N] [--keep]
#include <fmt/format.h>

#include <unistd.h>

#include <array>
#include <bit>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "bench_stats.h"
#include "core/io/text_encoding.h"
#include "core/stats/national_id.h"
#include "core/stats/registry_households.h"
#include "core/stats/registry_reader.h"

namespace fs = std::filesystem;

namespace {

// CPU time of this process (all threads) in ms: next to wall time, it shows how much a busy
// machine slowed a run down.
double cpu_ms() {
  return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// Peak resident set size of this process so far, in MiB (VmHWM of /proc/self/status).
double peak_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

// Buffered writing of one registry file.
class Out {
 public:
  explicit Out(const std::string& path) : file_(path, std::ios::binary) {}
  ~Out() { flush(); }
  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() > (1u << 20)) flush();
  }
  void flush() {
    file_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  std::ofstream file_;
  std::string buffer_;
};

// The indicators of each dimension (DESIGN.md), to write indicator counts that agree with
// the dimension flags.
constexpr std::array<std::array<int, 4>, 5> kIndicators{
    {{1, 4, 5, 7}, {8, 9, 10, 11}, {15, 16, 17, 19}, {20, 21, 22, 20}, {27, 28, 27, 28}}};

struct Generated {
  std::size_t households = 0;
  std::size_t records = 0;
  std::size_t persons = 0;
  std::array<std::size_t, 3> per_registry{};
  std::size_t overlapping = 0;
};

Generated generate(const std::string& dir, std::size_t target_records) {
  // Which registries list a household: 80% exactly one, 20% two or three.
  struct Set {
    unsigned mask;
    double p;
  };
  constexpr std::array<Set, 7> sets{{{0b001, 0.42},
                                     {0b010, 0.24},
                                     {0b100, 0.14},
                                     {0b011, 0.09},
                                     {0b101, 0.05},
                                     {0b110, 0.035},
                                     {0b111, 0.025}}};
  Out jpt(dir + "/jpt.csv");
  Out ppp(dir + "/ppp.csv");
  Out qm(dir + "/qm.csv");
  jpt.buffer() =
      "house_id,village_code,member_ids,members,dim_health,dim_living,dim_education,"
      "dim_income,dim_access";
  for (int i = 1; i <= 31; ++i) jpt.buffer() += fmt::format(",ind{}", i);
  jpt.buffer() += "\n";
  ppp.buffer() = "HouseCode,CitizenID,VillageID,Age,Health,Living,Education,Income,Access\n";
  qm.buffer() = chipao::utf8_to_cp874(
      "รหัสบ้าน,รหัสหมู่บ้าน,เลขประจำตัวประชาชน,ด้านสุขภาพ,ด้านความเป็นอยู่,ด้านการศึกษา,"
      "ด้านรายได้,ด้านการเข้าถึงบริการรัฐ\r\n");

  std::mt19937_64 rng(20240611);
  std::uniform_real_distribution<double> u(0, 1);
  // Eight provinces of 20 amphoe, 12 tambon each, 12 villages each: 23,040 villages.
  constexpr std::array<int, 8> provinces{30, 31, 32, 33, 34, 40, 41, 99};
  std::array<std::uint32_t, 8 * 20> house_counter{};
  std::array<std::uint32_t, 8 * 20> person_counter{};
  Generated g;
  std::vector<std::string> ids;
  while (g.records < target_records) {
    const double r = u(rng);
    double acc = 0;
    unsigned mask = sets.back().mask;
    for (const Set& s : sets) {
      acc += s.p;
      if (r < acc) {
        mask = s.mask;
        break;
      }
    }
    const std::size_t p = static_cast<std::size_t>(rng() % provinces.size());
    const int amphoe_n = static_cast<int>(rng() % 20) + 1;
    const std::size_t a = p * 20 + static_cast<std::size_t>(amphoe_n - 1);
    const std::string amphoe = fmt::format("{:02d}{:02d}", provinces[p], amphoe_n);
    const std::string village =
        fmt::format("{}{:02d}{:02d}", amphoe, rng() % 12 + 1, rng() % 12 + 1);
    const std::string house = fmt::format("{}{:07d}", amphoe, ++house_counter[a]);
    const int members = static_cast<int>(rng() % 7) + 1;
    ids.clear();
    for (int m = 0; m < members; ++m) {
      const std::string first12 =
          fmt::format("{}{}{:07d}", m < 2 ? 3 : 1, amphoe, ++person_counter[a]);
      ids.push_back(first12 + std::to_string(chipao::national_id_check_digit(first12)));
    }
    // Some dimension is deprived (registries list deprived households); education most often.
    unsigned dims = 0;
    constexpr std::array<double, 5> rate{0.15, 0.08, 0.7, 0.3, 0.06};
    for (int d = 0; d < 5; ++d) dims |= u(rng) < rate[static_cast<std::size_t>(d)] ? 1u << d : 0u;
    if (dims == 0) dims = 1u << 2;
    const auto flag = [&](int d, const char* yes, const char* no) {
      return (dims >> d) & 1u ? yes : no;
    };
    ++g.households;
    g.persons += static_cast<std::size_t>(members);
    if (std::popcount(mask) > 1) ++g.overlapping;
    if (mask & 1u) {
      std::string& b = jpt.buffer();
      b += house;
      b += ',';
      b += village;
      b += ',';
      for (int m = 0; m < members; ++m) {
        if (m) b += '|';
        b += ids[static_cast<std::size_t>(m)];
      }
      b += fmt::format(",{}", members);
      for (int d = 0; d < 5; ++d) b += flag(d, ",1", ",0");
      std::array<int, 32> counts{};
      for (int d = 0; d < 5; ++d) {
        if ((dims >> d) & 1u)
          counts[static_cast<std::size_t>(kIndicators[static_cast<std::size_t>(d)][rng() % 4])] =
              1 + static_cast<int>(rng() % static_cast<unsigned>(members));
      }
      for (int i = 1; i <= 31; ++i) b += fmt::format(",{}", counts[static_cast<std::size_t>(i)]);
      b += '\n';
      jpt.maybe_flush();
      ++g.records;
      ++g.per_registry[0];
    }
    if (mask & 2u) {
      // The household's deprivations fall on its first member, the rest are not deprived.
      for (int m = 0; m < members; ++m) {
        std::string& b = ppp.buffer();
        b += house;
        b += ',';
        b += ids[static_cast<std::size_t>(m)];
        b += ',';
        b += village;
        b += fmt::format(",{}", 20 + m * 7);
        for (int d = 0; d < 5; ++d) b += m == 0 ? flag(d, ",Y", ",N") : ",N";
        b += '\n';
      }
      ppp.maybe_flush();
      ++g.records;
      ++g.per_registry[1];
    }
    if (mask & 4u) {
      std::string& b = qm.buffer();
      b += house;
      b += ',';
      b += village;
      b += ',';
      for (int m = 0; m < members; ++m) {
        if (m) b += ';';
        b += ids[static_cast<std::size_t>(m)];
      }
      for (int d = 0; d < 5; ++d) b += flag(d, ",1", ",0");
      b += "\r\n";
      qm.maybe_flush();
      ++g.records;
      ++g.per_registry[2];
    }
  }
  std::ofstream(dir + "/jpt.json") << R"({"name": "jpt", "source": "jpt.csv", "row": "household",
    "columns": {"house_id": "house_id", "village_code": "village_code",
                "national_ids": "member_ids", "members": "members"},
    "id_separator": "|",
    "dimensions": {"health": "dim_health", "living": "dim_living", "education": "dim_education",
                   "income": "dim_income", "access": "dim_access"},
    "indicators": {"columns": "ind{n}", "values": "count"},
    "true_values": ["1"], "false_values": ["0"]})";
  std::ofstream(dir + "/ppp.json")
      << R"({"name": "pppconnext", "source": "ppp.csv", "row": "person",
    "columns": {"house_id": "HouseCode", "village_code": "VillageID", "national_id": "CitizenID"},
    "dimensions": {"health": "Health", "living": "Living", "education": "Education",
                   "income": "Income", "access": "Access"},
    "true_values": ["Y"], "false_values": ["N"]})";
  std::ofstream(dir + "/qm.json") << R"({"name": "thaiqm", "source": "qm.csv", "row": "household",
    "encoding": "CP874",
    "columns": {"house_id": "รหัสบ้าน", "village_code": "รหัสหมู่บ้าน",
                "national_ids": "เลขประจำตัวประชาชน"},
    "id_separator": ";",
    "dimensions": {"health": "ด้านสุขภาพ", "living": "ด้านความเป็นอยู่",
                   "education": "ด้านการศึกษา", "income": "ด้านรายได้",
                   "access": "ด้านการเข้าถึงบริการรัฐ"},
    "true_values": ["1"], "false_values": ["0"]})";
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t records = 2'000'000;
  int runs = 3;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--records") == 0 && i + 1 < argc) {
      records = static_cast<std::size_t>(std::atoll(argv[++i]));
    } else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--keep") == 0) {
      keep = true;
    } else {
      std::fprintf(stderr, "usage: bench_households [--records N] [--runs N] [--keep]\n");
      return 2;
    }
  }
  std::printf("machine: %s\n", chipao::bench::machine_description().c_str());
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("chipao-bench-households-{}", ::getpid());
  fs::create_directories(dir);
  Generated g;
  const double gen_ms = chipao::bench::time_once_ms([&] { g = generate(dir.string(), records); });
  std::uintmax_t bytes = 0;
  for (const char* f : {"jpt.csv", "ppp.csv", "qm.csv"}) bytes += fs::file_size(dir / f);
  std::printf(
      "generated in %.1f s: %zu records (jpt %zu, pppconnext %zu, thaiqm %zu) of %zu households "
      "(%.1f%% in two or more), %zu persons, %.0f MB of CSV\n",
      gen_ms / 1000, g.records, g.per_registry[0], g.per_registry[1], g.per_registry[2],
      g.households, 100.0 * static_cast<double>(g.overlapping) / static_cast<double>(g.households),
      g.persons, static_cast<double>(bytes) / 1e6);

  const chipao::IdHasher hasher(chipao::random_salt());
  const auto measure = chipao::DeprivationMeasure::make();
  std::vector<double> read_ms, dedup_ms, tally_ms, total_ms;
  std::size_t households = 0, villages = 0, tambons = 0;
  for (int run = 0; run < runs; ++run) {
    std::vector<chipao::RegistrySource> sources;
    std::vector<double> per_registry;
    const double cpu0 = cpu_ms();
    const double r = chipao::bench::time_once_ms([&] {
      for (const char* name : {"jpt.json", "ppp.json", "qm.json"}) {
        auto d = chipao::read_registry_descriptor((dir / name).string());
        if (!d) {
          std::fprintf(stderr, "%s\n", d.error().message.c_str());
          std::exit(1);
        }
        chipao::Result<chipao::RegistrySource> s;
        per_registry.push_back(
            chipao::bench::time_once_ms([&] { s = chipao::read_registry(*d, hasher); }));
        if (!s) {
          std::fprintf(stderr, "%s\n", s.error().message.c_str());
          std::exit(1);
        }
        sources.push_back(std::move(*s));
      }
    });
    const double cpu1 = cpu_ms();
    chipao::DedupResult dedup;
    const double dd = chipao::bench::time_once_ms([&] {
      auto result = chipao::dedup_households(sources);
      if (!result) {
        std::fprintf(stderr, "%s\n", result.error().message.c_str());
        std::exit(1);
      }
      dedup = std::move(*result);
    });
    const double t = chipao::bench::time_once_ms([&] {
      villages =
          chipao::tally_areas(dedup.households, chipao::AdminLevel::village, *measure).size();
      tambons = chipao::tally_areas(dedup.households, chipao::AdminLevel::tambon, *measure).size();
    });
    const double cpu2 = cpu_ms();
    households = dedup.households.size();
    if (households != g.households || dedup.report.in_two_or_more() != g.overlapping) {
      std::fprintf(stderr, "wrong result: %zu households (%zu expected), %zu overlapping (%zu)\n",
                   households, g.households, dedup.report.in_two_or_more(), g.overlapping);
      return 1;
    }
    read_ms.push_back(r);
    dedup_ms.push_back(dd);
    tally_ms.push_back(t);
    total_ms.push_back(dd + t);
    std::printf(
        "  run %d: read %.0f ms (jpt %.0f, pppconnext %.0f, thaiqm %.0f; cpu %.0f ms), dedup %.0f "
        "ms, tally %.0f ms (dedup + tally cpu %.0f ms)\n",
        run + 1, r, per_registry[0], per_registry[1], per_registry[2], cpu1 - cpu0, dd, t,
        cpu2 - cpu1);
  }
  if (!keep) fs::remove_all(dir);
  const auto tr = chipao::bench::summarise(read_ms);
  const auto td = chipao::bench::summarise(dedup_ms);
  const auto tt = chipao::bench::summarise(tally_ms);
  const auto tot = chipao::bench::summarise(total_ms);
  const double peak = peak_rss_mib();
  std::printf("%zu households found, %zu villages, %zu tambons; medians of %d runs:\n", households,
              villages, tambons, runs);
  std::printf("  read (parse, check, hash)       %8.0f ms\n", tr.median_ms);
  std::printf("  dedup                           %8.0f ms\n", td.median_ms);
  std::printf("  tally villages + tambons        %8.0f ms\n", tt.median_ms);
  std::printf("  dedup + tally (target < 5 s)    %8.0f ms: %s\n", tot.median_ms,
              tot.median_ms < 5000 ? "met" : "MISSED");
  std::printf("  read + dedup + tally            %8.0f ms\n", tr.median_ms + tot.median_ms);
  std::printf("  peak memory VmHWM (target < 1.5 GB) %.0f MiB: %s\n", peak,
              peak < 1536 ? "met" : "MISSED");
  return tot.median_ms < 5000 && peak < 1536 ? 0 : 1;
}
