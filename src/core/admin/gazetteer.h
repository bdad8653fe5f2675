// The built-in gazetteer: the codes and Thai/English names of Thailand's 77 provinces, 928
// amphoe and 7,425 tambons, for naming codes that a table of figures carries without names
// (TPMAP tables have codes only). Derived from the HDX COD-AB tambon layer (see
// data/gazetteer/README.md) and compiled into core, so every binary has it without a file.
//
// Codes are plain digits: province 2, amphoe 4, tambon 6. Municipal pseudo-tambons (51+), the
// fictional demo province 99 and codes retired or created after the source's date are absent:
// find() returns null for them, and nearest() falls back to the enclosing amphoe or province.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/admin/admin_level.h"
#include "core/util/result.h"

namespace chipao {

struct GazetteerEntry {
  std::string code;
  AdminLevel level = AdminLevel::province;
  std::string name_th, name_en;
};

class Gazetteer {
 public:
  // CSV text "code,level,name_th,name_en" with that header; `origin` names it in messages.
  static Result<Gazetteer> parse(std::string_view csv, const std::string& origin);

  const GazetteerEntry* find(std::string_view code) const;
  // The entry of `code`, else of its amphoe, else of its province; null when none is known.
  const GazetteerEntry* nearest(std::string_view code) const;
  std::size_t size() const { return entries_.size(); }
  const std::vector<GazetteerEntry>& entries() const { return entries_; }  // sorted by code

 private:
  std::vector<GazetteerEntry> entries_;
};

// The embedded gazetteer, parsed once on first use (thread-safe).
const Gazetteer& builtin_gazetteer();

// "เวียงเก่า (Wiang Kao)" for a known code, else "" — for reports and tables.
std::string gazetteer_label(const Gazetteer& g, std::string_view code);

}  // namespace chipao
