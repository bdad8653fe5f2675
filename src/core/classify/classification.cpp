#include "core/classify/classification.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/classify/jenks.h"

namespace chipao {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Distinct {
  std::vector<double> values;   // strictly ascending
  std::vector<double> weights;  // how many areas hold each
};

Distinct distinct_of(std::span<const double> sorted) {
  Distinct d;
  for (const double v : sorted) {
    if (!d.values.empty() && d.values.back() == v) {
      d.weights.back() += 1;
    } else {
      d.values.push_back(v);
      d.weights.push_back(1);
    }
  }
  return d;
}

// The bounds of a classification whose inner breaks came from the data: drops inner breaks
// that would make an empty class (equal to the previous one, or to the maximum). The first
// inner break may equal the minimum: the minimum then forms a class of its own.
std::vector<double> bounds_from_inner(double min, double max, std::span<const double> inner) {
  std::vector<double> breaks{min};
  for (const double b : inner) {
    const bool first = breaks.size() == 1;
    if (b >= max || b < min) continue;
    if (!first && b <= breaks.back()) continue;
    breaks.push_back(b);
  }
  breaks.push_back(max);
  return breaks;
}

std::vector<double> quantile_inner(std::span<const double> sorted, int classes) {
  const std::size_t n = sorted.size();
  std::vector<double> inner;
  for (int i = 1; i < classes; ++i) {
    // Class i-1 ends at the value of rank ceil(i*n/classes) (1-based): each class gets its
    // share of areas, ties going to the lower class.
    const std::size_t rank =
        (static_cast<std::size_t>(i) * n + static_cast<std::size_t>(classes) - 1) /
        static_cast<std::size_t>(classes);
    inner.push_back(sorted[std::max<std::size_t>(rank, 1) - 1]);
  }
  return inner;
}

std::vector<double> equal_interval_inner(double min, double max, int classes) {
  std::vector<double> inner;
  for (int i = 1; i < classes; ++i) inner.push_back(min + (max - min) * i / classes);
  return inner;
}

// An evenly spaced sample of the sorted values (first and last always in), so Jenks on a
// large layer stays within its budget and gives the same answer every time.
std::vector<double> sorted_sample(std::span<const double> sorted, std::size_t size) {
  std::vector<double> sample(size);
  const double step = static_cast<double>(sorted.size() - 1) / static_cast<double>(size - 1);
  for (std::size_t i = 0; i < size; ++i) {
    sample[i] = sorted[static_cast<std::size_t>(std::llround(static_cast<double>(i) * step))];
  }
  return sample;
}

std::vector<double> jenks_inner(std::span<const double> sorted, int classes, std::string& note) {
  std::vector<double> sample;
  std::span<const double> input = sorted;
  Distinct d = distinct_of(input);
  if (d.values.size() > kJenksExactLimit) {
    sample = sorted_sample(sorted, kJenksExactLimit);
    d = distinct_of(sample);
    note = fmt::format(
        "Jenks breaks computed on an evenly spaced sample of {} of the {} sorted values",
        kJenksExactLimit, sorted.size());
  }
  const int k = std::min<int>(classes, static_cast<int>(d.values.size()));
  const std::vector<std::size_t> ends = fisher_jenks_class_ends(d.values, d.weights, k);
  std::vector<double> inner;
  for (std::size_t c = 0; c + 1 < ends.size(); ++c) inner.push_back(d.values[ends[c]]);
  return inner;
}

Result<std::vector<double>> manual_bounds(std::span<const double> user, int classes, double min,
                                          double max, bool have_values) {
  const auto k = static_cast<std::size_t>(classes);
  if (user.size() != k - 1 && user.size() != k + 1) {
    return fail(fmt::format(
        "manual classification into {} classes needs {} inner breaks (or all {} bounds), "
        "but {} were given: enter {} ascending numbers",
        classes, k - 1, k + 1, user.size(), k - 1));
  }
  for (std::size_t i = 0; i < user.size(); ++i) {
    if (!std::isfinite(user[i])) {
      return fail(fmt::format("manual break {} is not a number: enter a finite number", i + 1));
    }
    if (i > 0 && !(user[i] > user[i - 1])) {
      return fail(fmt::format(
          "manual break {} ({}) is not above break {} ({}): breaks must strictly ascend", i + 1,
          user[i], i, user[i - 1]));
    }
  }
  if (user.size() == k + 1) return std::vector<double>(user.begin(), user.end());
  std::vector<double> breaks;
  breaks.push_back(have_values ? std::min(min, user.front()) : user.front());
  breaks.insert(breaks.end(), user.begin(), user.end());
  breaks.push_back(have_values ? std::max(max, user.back()) : user.back());
  return breaks;
}

}  // namespace

std::optional<ClassMethod> parse_class_method(std::string_view text) {
  const std::string t = lower_ascii(text);
  if (t == "quantile") return ClassMethod::quantile;
  if (t == "jenks" || t == "natural" || t == "natural_breaks") return ClassMethod::jenks;
  if (t == "equal" || t == "equal_interval") return ClassMethod::equal_interval;
  if (t == "manual") return ClassMethod::manual;
  return std::nullopt;
}

std::string_view class_method_name(ClassMethod method) {
  switch (method) {
    case ClassMethod::quantile:
      return "quantile";
    case ClassMethod::jenks:
      return "jenks";
    case ClassMethod::equal_interval:
      return "equal_interval";
    case ClassMethod::manual:
      return "manual";
  }
  return "quantile";
}

int Classification::classes() const {
  return breaks.size() < 2 ? 0 : static_cast<int>(breaks.size()) - 1;
}

int Classification::class_of(double value) const {
  if (!std::isfinite(value) || breaks.size() < 2) return -1;
  // Class = how many inner breaks lie strictly below the value: (lo, hi] with clamping.
  const auto inner_begin = breaks.begin() + 1;
  const auto inner_end = breaks.end() - 1;
  return static_cast<int>(std::lower_bound(inner_begin, inner_end, value) - inner_begin);
}

Result<Classification> classify(std::span<const double> values, ClassMethod method, int classes,
                                std::span<const double> manual_breaks) {
  if (classes < kMinClasses || classes > kMaxClasses) {
    return fail(fmt::format("{} classes asked for: choose between {} and {} classes", classes,
                            kMinClasses, kMaxClasses));
  }
  Classification out;
  out.method = method;
  out.requested_classes = classes;

  std::vector<double> sorted;
  sorted.reserve(values.size());
  for (const double v : values) {
    if (std::isfinite(v)) sorted.push_back(v);
  }
  out.no_data = values.size() - sorted.size();
  std::sort(sorted.begin(), sorted.end());
  const bool have_values = !sorted.empty();
  const double min = have_values ? sorted.front() : 0;
  const double max = have_values ? sorted.back() : 0;

  if (method == ClassMethod::manual) {
    auto bounds = manual_bounds(manual_breaks, classes, min, max, have_values);
    if (!bounds) return std::unexpected(bounds.error());
    out.breaks = std::move(*bounds);
  } else if (!have_values) {
    out.note = "no area has a figure: nothing to classify";
  } else {
    std::size_t distinct = 1;
    for (std::size_t i = 1; i < sorted.size(); ++i) distinct += sorted[i] != sorted[i - 1];
    if (distinct == 1) {
      out.breaks = {min, max};
      out.note = "every area has the same value: one class";
    } else if (distinct < static_cast<std::size_t>(classes)) {
      // One class per distinct value: (v0 alone), (v0, v1], (v1, v2], ...
      const Distinct d = distinct_of(sorted);
      out.breaks.push_back(min);
      out.breaks.insert(out.breaks.end(), d.values.begin(), d.values.end());
      out.note = fmt::format("only {} different values: {} classes instead of {}", distinct,
                             distinct, classes);
    } else {
      std::vector<double> inner;
      switch (method) {
        case ClassMethod::quantile:
          inner = quantile_inner(sorted, classes);
          break;
        case ClassMethod::equal_interval:
          inner = equal_interval_inner(min, max, classes);
          break;
        case ClassMethod::jenks:
          inner = jenks_inner(sorted, classes, out.note);
          break;
        case ClassMethod::manual:
          break;
      }
      out.breaks = bounds_from_inner(min, max, inner);
      if (out.classes() < classes) {
        if (!out.note.empty()) out.note += "; ";
        out.note += fmt::format("{} classes instead of {}: many areas share the same value",
                                out.classes(), classes);
      }
    }
  }

  out.counts.assign(static_cast<std::size_t>(out.classes()), 0);
  if (out.classes() > 0) {
    for (const double v : sorted) ++out.counts[static_cast<std::size_t>(out.class_of(v))];
  }
  return out;
}

}  // namespace chipao
