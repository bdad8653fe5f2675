// The printable plan sheet: one A4 page (portrait) a district office pins up or sends to the
// province — title and date in the Buddhist era, a map of the units coloured by target poor
// with the zones outlined in their colours and named, a legend with class ranges and counts,
// a scale bar, the zone table (households, target poor, interventions, cost) and the budget
// tables (per agency and per dimension, the cap and any warning).
//
// Drawn with cairo; Thai text is shaped by pango (HarfBuzz), so marks sit where they belong.
// PDF pages are in points (A4 = 595 x 842 pt); a PNG is width_px wide with A4's proportions
// unless height_px is given. Small counts are suppressed as in exports.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/atomic_output.h"
#include "core/plan/plan_report.h"
#include "core/store/project_store.h"
#include "core/util/result.h"

namespace chipao {

enum class SheetFormat { pdf, png };
std::optional<SheetFormat> parse_sheet_format(std::string_view text);  // "pdf", "png"

struct SheetOptions {
  SheetFormat format = SheetFormat::pdf;
  int width_px = 1654;  // PNG only: A4 at 200 dpi
  int height_px = 0;    // PNG only: 0 keeps A4's proportions
  int suppress_below = 3;
  std::string project_name;  // shown under the title
  std::string title;  // empty: "แผนแก้ไขปัญหาความยากจนรายพื้นที่"
  // The date printed (Common Era year, month, day); unset: today.
  std::optional<std::array<int, 3>> date;
};

// Writes the sheet to `path`, whole or not at all (core/io/atomic_output.h). `units` is the layer
// the report was tallied against.
Result<void> write_plan_sheet(const PlanReport& report, const StoredLayer& units,
                              const std::string& path, const SheetOptions& options);

// The same as `name` into `out`, whose commit() moves it into place with the rest of an
// export.
Result<void> write_plan_sheet(const PlanReport& report, const StoredLayer& units, AtomicOutput& out,
                              const std::string& name, const SheetOptions& options);

// A sheet drawn in memory as the PNG would be (the app's preview before saving): width_px by
// height_px (or A4's proportions), RGBA8, top row first, opaque. `options.format` is ignored.
struct SheetImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
};
Result<SheetImage> draw_plan_sheet_image(const PlanReport& report, const StoredLayer& units,
                                         const SheetOptions& options);

}  // namespace chipao
