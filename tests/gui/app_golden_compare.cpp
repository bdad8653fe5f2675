// chipao_golden_compare: compares a screenshot with its golden image, within a tolerance.
//
//   chipao_golden_compare ACTUAL GOLDEN [--channel-tolerance N] [--max-diff-fraction F]
//
// A pixel differs when any channel differs by more than N (default 24: font hinting and
// llvmpipe rounding move edges by a shade). The images match when at most F (default 0.002)
// of the pixels differ and the sizes are equal. With CHIPAO_UPDATE_GOLDEN=1 the actual image is
// copied over the golden one and the program fails, saying so, so an update is never silent.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <stb/stb_image.h>

namespace {

struct Image {
  int width = 0, height = 0;
  unsigned char* pixels = nullptr;
  ~Image() { stbi_image_free(pixels); }
};

bool load(const std::string& path, Image& image) {
  int channels = 0;
  image.pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
  if (image.pixels == nullptr) {
    std::fprintf(stderr, "%s: cannot read the PNG (%s)\n", path.c_str(), stbi_failure_reason());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: chipao_golden_compare ACTUAL GOLDEN [--channel-tolerance N] "
                 "[--max-diff-fraction F]\n");
    return 2;
  }
  const std::string actual_path = argv[1], golden_path = argv[2];
  int tolerance = 24;
  double max_fraction = 0.002;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--channel-tolerance") {
      tolerance = std::atoi(argv[i + 1]);
    } else if (flag == "--max-diff-fraction") {
      max_fraction = std::atof(argv[i + 1]);
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  const char* update = std::getenv("CHIPAO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::copy_file(actual_path, golden_path,
                               std::filesystem::copy_options::overwrite_existing);
    std::fprintf(stderr,
                 "CHIPAO_UPDATE_GOLDEN=1: rewrote %s from %s; look at it, then run again without "
                 "the variable\n",
                 golden_path.c_str(), actual_path.c_str());
    return 1;
  }
  if (!std::filesystem::exists(golden_path)) {
    std::fprintf(stderr,
                 "%s does not exist: run with CHIPAO_UPDATE_GOLDEN=1 to create it from %s\n",
                 golden_path.c_str(), actual_path.c_str());
    return 1;
  }
  Image actual, golden;
  if (!load(actual_path, actual) || !load(golden_path, golden)) return 1;
  if (actual.width != golden.width || actual.height != golden.height) {
    std::fprintf(stderr, "size %dx%d differs from the golden %dx%d\n", actual.width, actual.height,
                 golden.width, golden.height);
    return 1;
  }
  const std::size_t count = static_cast<std::size_t>(actual.width) * actual.height;
  std::size_t differing = 0;
  int largest = 0;
  // Where the differing pixels lie, so a failure says which part of the picture moved.
  int min_x = actual.width, min_y = actual.height, max_x = -1, max_y = -1;
  for (std::size_t p = 0; p < count; ++p) {
    int worst = 0;
    for (int c = 0; c < 3; ++c)
      worst =
          std::max(worst, std::abs(int(actual.pixels[3 * p + c]) - int(golden.pixels[3 * p + c])));
    largest = std::max(largest, worst);
    if (worst > tolerance) {
      ++differing;
      const int x = static_cast<int>(p % static_cast<std::size_t>(actual.width));
      const int y = static_cast<int>(p / static_cast<std::size_t>(actual.width));
      min_x = std::min(min_x, x);
      max_x = std::max(max_x, x);
      min_y = std::min(min_y, y);
      max_y = std::max(max_y, y);
    }
  }
  const double fraction = static_cast<double>(differing) / static_cast<double>(count);
  std::printf(
      "%s vs %s: %zu of %zu pixels differ by more than %d (%.4f%%, allowed %.4f%%); "
      "largest channel difference %d\n",
      actual_path.c_str(), golden_path.c_str(), differing, count, tolerance, 100 * fraction,
      100 * max_fraction, largest);
  if (differing > 0) {
    std::printf("  differing pixels lie within x %d..%d, y %d..%d (top left is 0, 0)\n", min_x,
                max_x, min_y, max_y);
  }
  return fraction <= max_fraction ? 0 : 1;
}
