// Timing helpers for benchmarks: run a body many times, report median and p95 in ms.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace chipao::bench {

struct Timing {
  double median_ms = 0;
  double p95_ms = 0;
  double min_ms = 0;
  int runs = 0;
};

Timing summarise(std::vector<double> samples_ms);
double time_once_ms(const std::function<void()>& body);
std::string machine_description();

// The command line every benchmark takes: [--runs N] [SHARED_DATA_DIR].
struct BenchArgs {
  int runs = 21;
  std::string shared_data = "../shared/data";
};
BenchArgs parse_bench_args(int argc, char** argv);

// The national tambon layer and the 76 provinces' TPMAP tambon tables (mask 11111) under the
// shared data folder; nullopt when either is absent (benchmarks then skip or fall back).
struct NationalTambonInputs {
  std::string layer;                // the HDX national tambon shapefile
  std::vector<std::string> tables;  // 61_<province>_tambol_11111.csv, sorted
};
std::optional<NationalTambonInputs> national_tambon_inputs(const std::string& shared_data);

}  // namespace chipao::bench
