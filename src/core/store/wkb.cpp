#include "core/store/wkb.h"

#include <bit>
#include <cstring>

namespace chipao {

namespace {

static_assert(std::endian::native == std::endian::little, "WKB is written little-endian");

template <class T>
void put(std::vector<std::uint8_t>& out, T value) {
  const auto at = out.size();
  out.resize(at + sizeof(T));
  std::memcpy(out.data() + at, &value, sizeof(T));
}

void put_header(std::vector<std::uint8_t>& out, std::uint32_t type) {
  out.push_back(1);  // little-endian
  put(out, type);
}

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
  template <class T>
  bool get(T& value) {
    if (at_ + sizeof(T) > bytes_.size()) return false;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t at_ = 0;
};

// Header: byte order, then the type with ISO (1000s) or EWKB-style flags for Z/M.
bool read_header(Reader& r, std::uint32_t& type, int& dims) {
  std::uint8_t order = 0;
  if (!r.get(order) || order != 1 || !r.get(type)) return false;
  dims = 2;
  if (type & 0x80000000u) ++dims;
  if (type & 0x40000000u) ++dims;
  type &= 0x0FFFFFFFu;
  if (type >= 3000) {
    dims = 4;
    type -= 3000;
  } else if (type >= 1000) {
    dims = 3;
    type %= 1000;
  }
  return true;
}

bool read_point(Reader& r, int dims, FeatureGeometry& g) {
  double xy[4];
  for (int d = 0; d < dims; ++d)
    if (!r.get(xy[d])) return false;
  g.points.push_back({xy[0], xy[1]});
  return true;
}

bool read_polygon(Reader& r, int dims, FeatureGeometry& g) {
  std::uint32_t rings = 0;
  if (!r.get(rings)) return false;
  for (std::uint32_t i = 0; i < rings; ++i) {
    std::uint32_t n = 0;
    if (!r.get(n)) return false;
    for (std::uint32_t p = 0; p < n; ++p)
      if (!read_point(r, dims, g)) return false;
    g.ring_ends.push_back(static_cast<std::uint32_t>(g.points.size()));
  }
  g.polygon_ends.push_back(static_cast<std::uint32_t>(g.ring_ends.size()));
  return true;
}

}  // namespace

std::vector<std::uint8_t> geometry_to_wkb(const FeatureGeometry& g) {
  std::vector<std::uint8_t> out;
  if (g.empty()) return out;
  if (g.kind == GeometryKind::point) {
    if (g.points.size() == 1) {
      put_header(out, 1);
      put(out, g.points[0].x);
      put(out, g.points[0].y);
      return out;
    }
    put_header(out, 4);
    put(out, static_cast<std::uint32_t>(g.points.size()));
    for (const Vec2& p : g.points) {
      put_header(out, 1);
      put(out, p.x);
      put(out, p.y);
    }
    return out;
  }
  out.reserve(16 + g.points.size() * 16 + g.ring_count() * 4 + g.polygon_count() * 9);
  put_header(out, 6);
  put(out, static_cast<std::uint32_t>(g.polygon_count()));
  for (std::size_t p = 0; p < g.polygon_count(); ++p) {
    const std::uint32_t first = g.polygon_first_ring(p);
    const std::uint32_t last = g.polygon_ends[p];
    put_header(out, 3);
    put(out, last - first);
    for (std::uint32_t r = first; r < last; ++r) {
      const auto ring = g.ring(r);
      put(out, static_cast<std::uint32_t>(ring.size()));
      const auto at = out.size();
      out.resize(at + ring.size_bytes());
      std::memcpy(out.data() + at, ring.data(), ring.size_bytes());
    }
  }
  return out;
}

Result<FeatureGeometry> geometry_from_wkb(std::span<const std::uint8_t> wkb) {
  FeatureGeometry g;
  if (wkb.empty()) return g;
  Reader r(wkb);
  std::uint32_t type = 0;
  int dims = 2;
  bool ok = read_header(r, type, dims);
  if (ok && type == 1) {
    g.kind = GeometryKind::point;
    ok = read_point(r, dims, g);
  } else if (ok && type == 3) {
    g.kind = GeometryKind::polygon;
    ok = read_polygon(r, dims, g);
  } else if (ok && (type == 4 || type == 6)) {
    g.kind = type == 4 ? GeometryKind::point : GeometryKind::polygon;
    std::uint32_t parts = 0;
    ok = r.get(parts);
    for (std::uint32_t i = 0; ok && i < parts; ++i) {
      std::uint32_t part_type = 0;
      int part_dims = 2;
      ok = read_header(r, part_type, part_dims) && part_type == (type == 4 ? 1u : 3u) &&
           (type == 4 ? read_point(r, part_dims, g) : read_polygon(r, part_dims, g));
    }
  } else {
    ok = false;
  }
  if (!ok) return fail("a geometry in the project is not WKB that ChiPao reads (point or polygon)");
  return g;
}

std::string wkb_column_type(const std::vector<const FeatureGeometry*>& geometries) {
  bool points = false, multipoint = false;
  for (const FeatureGeometry* g : geometries) {
    if (g->kind == GeometryKind::polygon) return "MULTIPOLYGON";
    if (g->kind == GeometryKind::point) {
      points = true;
      multipoint = multipoint || g->points.size() > 1;
    }
  }
  if (!points) return "MULTIPOLYGON";
  return multipoint ? "MULTIPOINT" : "POINT";
}

}  // namespace chipao
