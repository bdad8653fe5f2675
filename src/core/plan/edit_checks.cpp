#include "core/plan/edit_checks.h"

#include <fmt/format.h>

#include <cmath>

#include "core/io/text_encoding.h"
#include "core/util/utf8_text.h"

namespace chipao {

namespace {

// Numbers in messages as people read them: "10,000,000", and "1e+308" rather than 309 digits.
std::string readable(double value) {
  if (!std::isfinite(value)) return fmt::format("{}", value);
  if (std::fabs(value) < 1e15 && value == std::floor(value)) {
    const auto whole = static_cast<long long>(value);
    std::string digits = std::to_string(whole < 0 ? -whole : whole);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
      grouped += digits[i];
    }
    return (whole < 0 ? "-" : "") + grouped;
  }
  return fmt::format("{:g}", value);
}

}  // namespace

Result<void> check_edit_text(std::string_view field, std::string_view text, std::size_t max_bytes) {
  if (!is_valid_utf8(text)) {
    const std::size_t at = first_invalid_utf8(text);
    const std::string where = at < text.size() ? fmt::format(" (byte {} is 0x{:02X})", at,
                                                             static_cast<unsigned char>(text[at]))
                                               : "";
    return fail(fmt::format(
        "{} is not valid UTF-8 text{}; save the file it came from as UTF-8 (Thai in TIS-620 "
        "must be converted) or type the text again",
        field, where));
  }
  if (text.size() > max_bytes)
    return fail(fmt::format("{} is {} bytes long, more than the {} allowed; shorten it", field,
                            readable(static_cast<double>(text.size())),
                            readable(static_cast<double>(max_bytes))));
  return {};
}

Result<void> check_edit_amount(std::string_view field, double value, double max,
                               std::string_view unit) {
  if (!std::isfinite(value))
    return fail(fmt::format("{} is not a number ({}); give a number of {} from 0 to {}", field,
                            value, unit, readable(max)));
  if (value < 0)
    return fail(fmt::format("{} is negative ({} {}); give a number from 0 to {}", field,
                            readable(value), unit, readable(max)));
  if (value > max)
    return fail(fmt::format("{} is {} {}, more than the {} allowed; check the number (a typo?)",
                            field, readable(value), unit, readable(max)));
  return {};
}

Result<void> check_edit_count(std::string_view field, std::int64_t value, std::int64_t max) {
  if (value < 0)
    return fail(fmt::format("{} is negative ({}); give a number from 0 to {}", field, value,
                            readable(static_cast<double>(max))));
  if (value > max)
    return fail(fmt::format("{} is {}, more than the {} allowed; check the number (a typo?)", field,
                            readable(static_cast<double>(value)),
                            readable(static_cast<double>(max))));
  return {};
}

Result<void> check_edit_lon_lat(std::string_view field, const FeatureGeometry& geometry) {
  for (std::size_t i = 0; i < geometry.points.size(); ++i) {
    const Vec2 p = geometry.points[i];
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
      return fail(
          fmt::format("{}: point {} is not a number ({}, {}); draw it again or repair "
                      "the file",
                      field, i + 1, p.x, p.y));
    if (std::fabs(p.x) > 180 || std::fabs(p.y) > 90)
      return fail(fmt::format(
          "{}: point {} ({:g}, {:g}) is not a longitude and latitude; give the file's CRS "
          "(e.g. a .prj, or reproject it to EPSG:4326)",
          field, i + 1, p.x, p.y));
  }
  return {};
}

Result<void> check_zone_fields(const Zone& zone) {
  const std::string z = fmt::format("zone {}", zone.id);
  if (auto ok = check_edit_text(z + " name", zone.name); !ok) return ok;
  if (auto ok = check_edit_text(z + " colour", zone.color_hex); !ok) return ok;
  if (auto ok = check_edit_text(z + " unit level", zone.unit_level); !ok) return ok;
  for (const std::string& code : zone.unit_codes)
    if (auto ok = check_edit_text(z + " unit code", code); !ok) return ok;
  return check_edit_lon_lat(z + " polygon", zone.polygon);
}

Result<void> check_intervention_fields(const Intervention& i) {
  const std::string what = fmt::format("intervention {}", i.id);
  if (i.catalogue_id)
    if (auto ok = check_edit_text(what + " catalogue id", *i.catalogue_id); !ok) return ok;
  if (auto ok = check_edit_text(what + " agency", i.agency); !ok) return ok;
  if (auto ok = check_edit_text(what + " start date", i.start); !ok) return ok;
  if (auto ok = check_edit_text(what + " end date", i.end); !ok) return ok;
  if (auto ok = check_edit_count(what + " households", i.households, kMaxHouseholds); !ok)
    return ok;
  return check_edit_amount(what + " unit cost", i.unit_cost_baht, kMaxUnitCostBaht,
                           "baht per household");
}

Result<void> check_catalogue_fields(const CatalogueEntry& c) {
  if (auto ok = check_edit_text("catalogue entry id", c.id); !ok) return ok;
  const std::string what = fmt::format("catalogue entry {}", c.id);
  for (const auto& [field, text] :
       {std::pair{" Thai name", &c.name_th}, std::pair{" English name", &c.name_en},
        std::pair{" Thai agency", &c.agency_th}, std::pair{" English agency", &c.agency_en}}) {
    if (auto ok = check_edit_text(what + field, *text); !ok) return ok;
  }
  return check_edit_amount(what + " unit cost", c.unit_cost_baht, kMaxUnitCostBaht,
                           "baht per household");
}

Result<void> check_assignment_fields(const MunicipalAssignment& a) {
  if (auto ok = check_edit_text("municipal area code", a.municipal_code); !ok) return ok;
  for (const std::string& tambon : a.tambons) {
    if (auto ok =
            check_edit_text(fmt::format("municipal area {} tambon code", a.municipal_code), tambon);
        !ok)
      return ok;
  }
  return {};
}

}  // namespace chipao
