#include "bench_stats.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <thread>

namespace chipao::bench {

Timing summarise(std::vector<double> s) {
  Timing t;
  if (s.empty()) return t;
  std::sort(s.begin(), s.end());
  t.runs = static_cast<int>(s.size());
  t.min_ms = s.front();
  t.median_ms = s.size() % 2 == 1 ? s[s.size() / 2] : (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
  t.p95_ms =
      s[std::min(s.size() - 1, static_cast<std::size_t>(0.95 * static_cast<double>(s.size())))];
  return t;
}

double time_once_ms(const std::function<void()>& body) {
  const auto t0 = std::chrono::steady_clock::now();
  body();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

BenchArgs parse_bench_args(int argc, char** argv) {
  BenchArgs args;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--runs" && i + 1 < argc) {
      args.runs = std::atoi(argv[++i]);
    } else {
      args.shared_data = argv[i];
    }
  }
  return args;
}

std::string machine_description() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  std::string model = "unknown CPU";
  while (std::getline(cpuinfo, line)) {
    if (line.starts_with("model name")) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores";
}

std::optional<NationalTambonInputs> national_tambon_inputs(const std::string& shared_data) {
  namespace fs = std::filesystem;
  const fs::path tambol = fs::path(shared_data) / "tpmap2561_via_newknp/tambol";
  const fs::path shp = fs::path(shared_data) /
                       "hdx_codab_tha_via_prasertcbs/adm3_tambon_simplified_country/"
                       "tha_admbnda_adm3_rtsd_20220121.shp";
  if (!fs::exists(tambol) || !fs::exists(shp)) return std::nullopt;
  NationalTambonInputs inputs{shp.string(), {}};
  for (const auto& e : fs::directory_iterator(tambol)) {
    if (e.path().filename().string().ends_with("_tambol_11111.csv"))
      inputs.tables.push_back(e.path().string());
  }
  std::sort(inputs.tables.begin(), inputs.tables.end());
  return inputs;
}

}  // namespace chipao::bench
