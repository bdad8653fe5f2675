// A fast, conservative validity check for polygon geometry.
//
// GEOS's isValid builds a full topology graph and costs about twice as much as reading the
// national tambon layer. Almost every boundary polygon is valid, so this check proves
// validity cheaply (ring closure, no two segments touching except neighbours at their shared
// vertex, holes inside their shell and outside each other, polygons of a multipolygon
// disjoint) and answers "maybe invalid" for anything it cannot prove; those few features go
// to GEOS for the verdict and the repair. It must never call an invalid polygon valid.
#pragma once

#include <vector>

#include "core/geo/geometry.h"

namespace chipao {

// Scratch buffers reused across calls on one thread, so the check allocates nothing per feature.
struct QuickValidityScratch {
  struct Segment {
    Vec2 a, b;
    double min_x, max_x, min_y, max_y;  // computed once: the box test runs for every pair
    std::uint32_t ring;
    std::uint32_t index;  // position within its ring
    std::uint32_t ring_segments;
  };
  struct Slot {
    std::uint64_t key;
    std::uint32_t head;  // first entry of this cell's list, or kNone
  };
  struct Entry {
    std::uint32_t segment;
    std::uint32_t next;
  };
  std::vector<Segment> segments;
  std::vector<Slot> slots;  // open-addressing hash table of occupied grid cells
  std::vector<Entry> entries;
};

// True: certainly valid (OGC simple features). False: maybe invalid, ask GEOS.
bool quick_valid_polygon(const FeatureGeometry& geometry, QuickValidityScratch& scratch);

}  // namespace chipao
