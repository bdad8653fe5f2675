#include "core/geo/crs.h"

#include <proj.h>

#include <fmt/format.h>
#include <cmath>

#include "core/admin/admin_code.h"

namespace chipao {

struct CrsTransform::State {
  PJ_CONTEXT* context = nullptr;
  PJ* transform = nullptr;
  ~State() {
    if (transform != nullptr) proj_destroy(transform);
    if (context != nullptr) proj_context_destroy(context);
  }
};

CrsTransform::CrsTransform(std::unique_ptr<State> state) : state_(std::move(state)) {}
CrsTransform::CrsTransform(CrsTransform&&) noexcept = default;
CrsTransform& CrsTransform::operator=(CrsTransform&&) noexcept = default;
CrsTransform::~CrsTransform() = default;

Result<CrsTransform> CrsTransform::create(const std::string& source, const Bbox& area) {
  auto state = std::make_unique<State>();
  state->context = proj_context_create();
  // No network grids: transforms must not depend on what can be downloaded at run time.
  proj_context_set_enable_network(state->context, 0);
  PJ_AREA* pj_area = nullptr;
  if (!area.empty()) {
    pj_area = proj_area_create();
    proj_area_set_bbox(pj_area, area.min_x, area.min_y, area.max_x, area.max_y);
  }
  PJ* raw = proj_create_crs_to_crs(state->context, source.c_str(), "EPSG:4326", pj_area);
  if (pj_area != nullptr) proj_area_destroy(pj_area);
  if (raw == nullptr) {
    const int err = proj_context_errno(state->context);
    return fail(fmt::format("cannot transform from CRS '{}' to WGS 84: {}", source.substr(0, 80),
                            proj_context_errno_string(state->context, err)));
  }
  // EPSG:4326 is latitude-first by the book; the working CRS is x = longitude.
  state->transform = proj_normalize_for_visualization(state->context, raw);
  proj_destroy(raw);
  if (state->transform == nullptr) return fail("cannot normalise the axis order of CRS " + source);
  return CrsTransform(std::move(state));
}

bool CrsTransform::transform(std::span<Vec2> points) const {
  if (points.empty()) return true;
  proj_trans_generic(state_->transform, PJ_FWD, &points[0].x, sizeof(Vec2), points.size(),
                     &points[0].y, sizeof(Vec2), points.size(), nullptr, 0, 0, nullptr, 0, 0);
  for (const Vec2& p : points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
  }
  return true;
}

std::string CrsTransform::description() const {
  PJ_PROJ_INFO info = proj_pj_info(state_->transform);
  return info.description != nullptr ? info.description : "";
}

bool is_wgs84_lonlat(const std::string& code) {
  return code == "EPSG:4326" || code == "OGC:CRS84" || code == "CRS84";
}

namespace {

// Thailand with a margin, WGS 84 degrees.
constexpr double kMinLon = 97.0, kMaxLon = 106.0, kMinLat = 5.3, kMaxLat = 20.7;

bool inside_thailand(const Bbox& b) {
  return b.min_x >= kMinLon && b.max_x <= kMaxLon && b.min_y >= kMinLat && b.max_y <= kMaxLat;
}

// Inverse UTM is not needed to decide a zone: an easting maps to a longitude offset from the
// central meridian of about (easting - 500 km) / (111.32 km * cos(lat)).
Bbox approx_utm_to_degrees(const Bbox& b, int zone) {
  const double central = -183.0 + 6.0 * zone;
  auto lat_of = [](double northing) { return northing / 110574.0; };
  const double lat_lo = lat_of(b.min_y);
  const double lat_hi = lat_of(b.max_y);
  const double coslat = std::cos(((lat_lo + lat_hi) / 2) * 3.141592653589793 / 180.0);
  Bbox d;
  d.expand(Vec2{central + (b.min_x - 500000.0) / (111320.0 * coslat), lat_lo});
  d.expand(Vec2{central + (b.max_x - 500000.0) / (111320.0 * coslat), lat_hi});
  return d;
}

// Approximate longitude of province centres east of 102 E (zone 48), used only to settle the
// band of eastings that fits both zones. Codes of the north-east and east.
bool province_in_zone48(const std::string& code) {
  static constexpr std::string_view kEast[] = {"22", "23", "27", "31", "32", "33", "34",
                                               "35", "37", "38", "39", "40", "41", "43",
                                               "44", "45", "46", "47", "48", "49", "99"};
  for (std::string_view c : kEast) {
    if (c == code) return true;
  }
  return false;
}

}  // namespace

Result<CrsGuess> guess_crs_from_extent(const Bbox& raw, const std::string& province_code) {
  const std::string range =
      fmt::format("x {:.6g}..{:.6g}, y {:.6g}..{:.6g}", raw.min_x, raw.max_x, raw.min_y, raw.max_y);
  if (raw.empty()) return fail("no coordinates to guess a CRS from");
  if (inside_thailand(raw)) {
    return CrsGuess{"EPSG:4326", "coordinates (" + range + ") are degrees over Thailand"};
  }
  const bool fits47 = raw.min_y > 500000 && inside_thailand(approx_utm_to_degrees(raw, 47));
  const bool fits48 = raw.min_y > 500000 && inside_thailand(approx_utm_to_degrees(raw, 48));
  const std::string datum_note =
      "; if the data is on the Indian 1975 datum, pass --crs EPSG:24047 or EPSG:24048";
  if (fits47 && fits48) {
    const std::string province = province_code.substr(0, 2);
    if (!province.empty() && find_province(province) != nullptr) {
      const bool east = province_in_zone48(province);
      return CrsGuess{east ? "EPSG:32648" : "EPSG:32647",
                      "coordinates (" + range + ") fit UTM 47N and 48N; province " + province +
                          (east ? " lies in zone 48" : " lies in zone 47") + datum_note};
    }
    return CrsGuess{"EPSG:32647", "coordinates (" + range +
                                      ") fit both UTM 47N and 48N and no province code settles "
                                      "it; assumed 47N, pass --crs EPSG:32648 if wrong" +
                                      datum_note};
  }
  if (fits47)
    return CrsGuess{"EPSG:32647", "coordinates (" + range + ") are UTM 47N metres" + datum_note};
  if (fits48)
    return CrsGuess{"EPSG:32648", "coordinates (" + range + ") are UTM 48N metres" + datum_note};
  return fail("coordinates (" + range +
              ") are neither degrees over Thailand nor UTM 47N/48N metres, so the CRS cannot be "
              "guessed");
}

}  // namespace chipao
