// Choosing which map labels to show: greedy placement by priority without overlaps, CPU only.
//
// Candidates are boxes around a screen anchor (a feature's label point). The most important
// (highest priority: area, a value) go first; a candidate is accepted at the first of its
// positions whose box, grown by the padding, lies inside the viewport and touches no accepted
// box. A uniform grid of cells lists the accepted boxes over each cell, so each test looks at
// a few neighbours and thousands of candidates place in about linear time.
//
// Units: pixels, origin top-left, y down. Boxes of zero or negative size are rejected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace chipao::render {

enum class LabelPosition : std::uint8_t { center, above, below, right, left };

struct LabelCandidate {
  float x_px = 0, y_px = 0;  // the anchor
  float width_px = 0, height_px = 0;
  double priority = 0;  // higher is placed first; ties keep input order
  LabelPosition preferred = LabelPosition::center;
  // Points: try the other positions (above, below, right, left of the anchor, `gap_px` away)
  // before giving up. Polygons keep their label on the label point.
  bool try_alternatives = false;
  float gap_px = 4;
};

struct PlacedLabel {
  std::size_t index = 0;  // into the candidates
  LabelPosition position = LabelPosition::center;
  float min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // the box as placed (without padding)
  float center_x() const { return (min_x + max_x) / 2; }
  float center_y() const { return (min_y + max_y) / 2; }
};

struct LabelLayoutOptions {
  float padding_px = 2;  // empty space kept around every accepted box
  float cell_px = 64;    // grid cell size; about the size of a typical label works best
};

// Accepted labels in placement order (highest priority first).
std::vector<PlacedLabel> layout_labels(std::span<const LabelCandidate> candidates, int viewport_w,
                                       int viewport_h, const LabelLayoutOptions& options = {});

// The indices of the accepted candidates, in placement order; layout_labels gives positions.
std::vector<std::size_t> place_labels(std::span<const LabelCandidate> candidates, int viewport_w,
                                      int viewport_h);

}  // namespace chipao::render
