// Classifying one figure per area into a few classes for a choropleth map: the breaks, how
// many areas fall in each class, and how many have no figure.
//
// Breaks: classes()+1 bounds, non-decreasing: breaks[0] is the smallest value, breaks.back()
// the largest. Class i holds the values in (breaks[i], breaks[i+1]]; class 0 also holds
// breaks[0]. Only breaks[0] == breaks[1] may repeat: class 0 then holds the smallest value
// alone (a natural break when many areas share it, e.g. no poor at all). A single class with
// breaks {v, v} means every value is v. No class at all (empty breaks) means no value had a
// figure.
//
// NaN (and infinities) are "no data": never in a class, counted in no_data.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace chipao {

enum class ClassMethod { quantile, jenks, equal_interval, manual };

// "quantile", "jenks" (also "natural"), "equal" (also "equal_interval"), "manual";
// case-insensitive. nullopt for anything else.
std::optional<ClassMethod> parse_class_method(std::string_view text);
// "quantile", "jenks", "equal_interval", "manual" (parse_class_method reads each back).
std::string_view class_method_name(ClassMethod method);

inline constexpr int kMinClasses = 3;
inline constexpr int kMaxClasses = 9;
// Jenks runs exactly on up to this many distinct values; above it, on an evenly spaced
// sample of the sorted values (the note says so).
inline constexpr std::size_t kJenksExactLimit = 10'000;

struct Classification {
  ClassMethod method = ClassMethod::quantile;
  std::vector<double> breaks;       // classes()+1 bounds, see above
  std::vector<std::size_t> counts;  // areas per class
  std::size_t no_data = 0;          // values without a figure (NaN)
  int requested_classes = 0;        // what the caller asked for
  std::string note;                 // why classes() differs from the request, or sampling

  int classes() const;
  // -1 for NaN or infinity (and when there are no classes); values outside the breaks clamp to the
  // first or last class.
  int class_of(double value) const;
};

// classes: 3..9 (an error says the allowed range otherwise). manual_breaks (manual only):
// the classes-1 inner breaks, or all classes+1 bounds, strictly ascending. With inner breaks
// the outer bounds are the data's extremes (widened to the user's breaks if those lie
// outside). Fewer distinct values than classes gives one class per distinct value.
Result<Classification> classify(std::span<const double> values, ClassMethod method, int classes,
                                std::span<const double> manual_breaks = {});

}  // namespace chipao
