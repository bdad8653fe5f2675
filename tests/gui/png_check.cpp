// chipao_png_check: checks a screenshot the app wrote, for the GUI smoke tests.
//
//   chipao_png_check FILE [--size WxH] [--min-colours N] [--color #rrggbb --min-color-pixels N]
//                         [--map-from-x FRACTION --min-map-fraction F]
//
// The background is the colour of the pixel 3 px from the top-right corner (the map leaves a
// margin there). "Map" pixels are those at x >= FRACTION * width (right of the side panel)
// whose colour differs from the background. Prints what it measured; exits 1 on any failure.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <stb/stb_image.h>

#include "render/color.h"

namespace {

struct Checks {
  std::string file;
  int width = 0, height = 0;
  int min_colours = 0;
  std::string color;
  long min_color_pixels = 0;
  double map_from_x = 0.0;
  double min_map_fraction = 0.0;
};

bool parse(int argc, char** argv, Checks& checks) {
  if (argc < 2) return false;
  checks.file = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--size") {
      if (std::sscanf(value.c_str(), "%dx%d", &checks.width, &checks.height) != 2) return false;
    } else if (flag == "--min-colours") {
      checks.min_colours = std::atoi(value.c_str());
    } else if (flag == "--color") {
      checks.color = value;
    } else if (flag == "--min-color-pixels") {
      checks.min_color_pixels = std::atol(value.c_str());
    } else if (flag == "--map-from-x") {
      checks.map_from_x = std::atof(value.c_str());
    } else if (flag == "--min-map-fraction") {
      checks.min_map_fraction = std::atof(value.c_str());
    } else {
      return false;
    }
  }
  return true;
}

unsigned pack(const unsigned char* p) {
  return (static_cast<unsigned>(p[0]) << 16) | (static_cast<unsigned>(p[1]) << 8) | p[2];
}

}  // namespace

int main(int argc, char** argv) {
  Checks checks;
  if (!parse(argc, argv, checks)) {
    std::fprintf(stderr,
                 "usage: chipao_png_check FILE [--size WxH] [--min-colours N] [--color #rrggbb "
                 "--min-color-pixels N] [--map-from-x FRACTION --min-map-fraction F]\n");
    return 2;
  }
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(checks.file.c_str(), &width, &height, &channels, 3);
  if (pixels == nullptr) {
    std::fprintf(stderr, "FAIL: cannot read %s as PNG: %s\n", checks.file.c_str(),
                 stbi_failure_reason());
    return 1;
  }
  bool ok = true;
  std::printf("%s: %dx%d\n", checks.file.c_str(), width, height);
  if (checks.width > 0 && (width != checks.width || height != checks.height)) {
    std::printf("FAIL: size %dx%d, expected %dx%d\n", width, height, checks.width, checks.height);
    ok = false;
  }

  const auto at = [&](int x, int y) {
    return pixels + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                     static_cast<std::size_t>(x)) *
                        3;
  };
  const unsigned background = pack(at(width - 4, 3));
  unsigned wanted = 0;
  bool want_color = false;
  if (!checks.color.empty()) {
    const auto color = chipao::render::parse_hex_color(checks.color);
    if (!color) {
      std::printf("FAIL: --color %s is not #rrggbb\n", checks.color.c_str());
      ok = false;
    } else {
      const unsigned char rgb[3] = {static_cast<unsigned char>(color->r * 255.0f + 0.5f),
                                    static_cast<unsigned char>(color->g * 255.0f + 0.5f),
                                    static_cast<unsigned char>(color->b * 255.0f + 0.5f)};
      wanted = pack(rgb);
      want_color = true;
    }
  }

  std::map<unsigned, long> colours;  // colour -> pixel count
  long color_pixels = 0, map_pixels = 0, map_total = 0;
  const int map_from_x = static_cast<int>(checks.map_from_x * width);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const unsigned c = pack(at(x, y));
      ++colours[c];
      if (want_color && c == wanted) ++color_pixels;
      if (x >= map_from_x) {
        ++map_total;
        if (c != background) ++map_pixels;
      }
    }
  }
  stbi_image_free(pixels);

  const double map_fraction = map_total > 0 ? static_cast<double>(map_pixels) / map_total : 0.0;
  std::printf("background #%06x, %zu distinct colours, %.1f%% of the map area drawn", background,
              colours.size(), 100.0 * map_fraction);
  if (want_color) std::printf(", %ld pixels of %s", color_pixels, checks.color.c_str());
  std::printf("\n");
  // The commonest colours say at a glance what the image is mostly made of.
  std::vector<std::pair<long, unsigned>> commonest;
  for (const auto& [colour, count] : colours) commonest.emplace_back(count, colour);
  std::sort(commonest.rbegin(), commonest.rend());
  std::printf("commonest colours:");
  for (std::size_t i = 0; i < std::min<std::size_t>(5, commonest.size()); ++i) {
    std::printf(" #%06x (%ld)", commonest[i].second, commonest[i].first);
  }
  std::printf("\n");

  if (static_cast<int>(colours.size()) < checks.min_colours) {
    std::printf("FAIL: fewer than %d distinct colours: the image looks blank\n",
                checks.min_colours);
    ok = false;
  }
  if (map_fraction < checks.min_map_fraction) {
    std::printf(
        "FAIL: less than %.1f%% of the map area differs from the background: the layers "
        "were not drawn\n",
        100.0 * checks.min_map_fraction);
    ok = false;
  }
  if (want_color && color_pixels < checks.min_color_pixels) {
    std::printf(
        "FAIL: fewer than %ld pixels of the outline colour %s: the boundaries were not "
        "drawn\n",
        checks.min_color_pixels, checks.color.c_str());
    ok = false;
  }
  std::printf(ok ? "PASS\n" : "FAILED\n");
  return ok ? 0 : 1;
}
