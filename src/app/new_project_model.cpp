#include "app/new_project_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "app/zones_text.h"
#include "core/io/dropped_file.h"

namespace chipao::app {

namespace {

// Where the reader's knowledge came from, as the planner reads it.
std::string source_text(const std::string& source, Language language) {
  if (source == "prj") return tr(language, "จากไฟล์ .prj", "from the .prj file");
  if (source == "source") return tr(language, "จากไฟล์ต้นทาง", "from the file itself");
  if (source == "cpg") return tr(language, "จากไฟล์ .cpg", "from the .cpg file");
  if (source == "detected") return tr(language, "ตรวจจากเนื้อไฟล์", "detected from the contents");
  if (source == "guessed") return tr(language, "คาดจากค่าพิกัด", "guessed from the coordinates");
  if (source == "flag") return tr(language, "เลือกเอง", "chosen here");
  if (source == "descriptor") return tr(language, "จากไฟล์คำอธิบายชั้น", "from the descriptor");
  return source;
}

std::vector<std::string> split_fields(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    const auto b = part.find_first_not_of(" \t");
    const auto e = part.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
  }
  return out;
}

}  // namespace

const char* level_text(AdminLevel level, Language language) {
  switch (level) {
    case AdminLevel::province:
      return tr(language, "จังหวัด", "province");
    case AdminLevel::amphoe:
      return tr(language, "อำเภอ", "amphoe");
    case AdminLevel::tambon:
      return tr(language, "ตำบล", "tambon");
    case AdminLevel::village:
      return tr(language, "หมู่บ้าน", "village");
  }
  return "";
}

const char* encoding_choice_text(EncodingChoice choice, Language language) {
  switch (choice) {
    case EncodingChoice::detect:
      return tr(language, "ตรวจเอง", "detect");
    case EncodingChoice::utf8:
      return "UTF-8";
    case EncodingChoice::cp874:
      return "CP874 (TIS-620)";
  }
  return "";
}

LoadedPreview preview_of(const ProjectContents& contents) {
  LoadedPreview p;
  const BoundaryLayer& layer = contents.layer;
  p.source = layer.source;
  p.features = layer.features.size();
  p.bad_codes = layer.report.bad_codes.size();
  p.fixed_codes = layer.report.fixed_codes.size();
  p.duplicates = layer.report.duplicates.size();
  p.repaired = layer.report.repaired.size();
  p.empty = layer.report.empty_geometries.size();
  p.warnings = layer.report.warnings;
  for (const MeasureTable& t : contents.tables)
    p.warnings.insert(p.warnings.end(), t.warnings.begin(), t.warnings.end());
  if (contents.joined) p.join = contents.joined->report;
  return p;
}

LoadOptions load_options(const NewProjectChoices& choices) {
  LoadOptions o;
  o.level = choices.level;
  o.code_fields = split_fields(choices.code_fields);
  if (choices.encoding == EncodingChoice::utf8) o.encoding = "UTF-8";
  if (choices.encoding == EncodingChoice::cp874) o.encoding = "CP874";
  if (const auto crs = split_fields(choices.crs); !crs.empty()) o.crs = crs.front();
  o.override_origin = "flag";
  return o;
}

ProjectSources project_sources(const NewProjectChoices& choices, const JoinReport* report) {
  ProjectSources s;
  s.boundary_path = choices.boundary_path;
  s.load = load_options(choices);
  s.table_paths = choices.tables;
  if (report) {
    for (const JoinReport::Suggestion& suggestion : report->suggestions) {
      // A suggestion without tambons has nowhere to put the figures.
      if (!choices.assigned.contains(suggestion.municipal_code) || suggestion.tambons.empty())
        continue;
      s.assignments.push_back({suggestion.municipal_code, suggestion.tambons});
    }
  }
  return s;
}

std::string load_key(const NewProjectChoices& c) {
  std::string key =
      fmt::format("{}\n{}\n{}\n{}\n{}", c.boundary_path, c.level ? static_cast<int>(*c.level) : 0,
                  c.code_fields, static_cast<int>(c.encoding), c.crs);
  for (const std::string& t : c.tables) key += "\n" + t;
  return key;
}

void set_boundary(NewProjectChoices& choices, const std::string& path) {
  const bool path_followed = choices.project_path.empty() ||
                             choices.project_path == default_project_path(choices.boundary_path);
  choices.boundary_path = path;
  if (path_followed) choices.project_path = default_project_path(path);
}

std::string add_path(NewProjectChoices& choices, const std::string& path, Language language) {
  const DroppedFile file = classify_dropped(path);
  const auto add_table = [&](const std::string& t) {
    if (std::find(choices.tables.begin(), choices.tables.end(), t) != choices.tables.end())
      return false;
    choices.tables.push_back(t);
    return true;
  };
  switch (file.kind) {
    case DroppedKind::boundaries:
      set_boundary(choices, file.path);
      return fmt::format("{} {}", tr(language, "ไฟล์ขอบเขต:", "Boundary file:"), file.path);
    case DroppedKind::table:
      add_table(file.path);
      return fmt::format("{} {}", tr(language, "เพิ่มตาราง", "Added table"), file.path);
    case DroppedKind::table_folder: {
      int added = 0;
      for (const std::string& t : file.tables) added += add_table(t) ? 1 : 0;
      return fmt::format(
          fmt::runtime(tr(language, "เพิ่มตาราง {} ไฟล์จาก {}", "Added {} tables from {}")), added,
          file.path);
    }
    case DroppedKind::project:
      return fmt::format("{}: {}", file.path,
                         tr(language, "เป็นโครงการอยู่แล้ว ให้เปิดจากเมนูไฟล์",
                            "is a project already; open it from the File menu"));
    case DroppedKind::zones:
      return fmt::format("{}: {}", file.path,
                         tr(language, "เป็นเขตที่วาดไว้ ไม่ใช่ขอบเขตการปกครอง (ไม่มีรหัสพื้นที่)",
                            "holds drawn zones, not boundaries (no area codes)"));
    case DroppedKind::unknown:
      break;
  }
  return fmt::format("{}: {}", file.path,
                     tr(language, "ไม่ใช่ไฟล์ขอบเขตหรือตารางที่ ChiPao อ่านได้",
                        "is not a boundary file or table ChiPao reads"));
}

std::vector<std::string> create_problems(const NewProjectChoices& choices, Language language) {
  std::vector<std::string> out;
  if (choices.boundary_path.empty())
    out.push_back(tr(language, "เลือกไฟล์ขอบเขต (ตำบลหรือหมู่บ้าน)",
                     "choose the boundary file (tambon or village)"));
  const std::string& p = choices.project_path;
  if (p.empty()) {
    out.push_back(tr(language, "ตั้งชื่อไฟล์โครงการ", "give the project file a name"));
    return out;
  }
  if (!p.ends_with(".chipao"))
    out.push_back(tr(language, "ชื่อไฟล์โครงการต้องลงท้ายด้วย .chipao",
                     "the project file's name must end in .chipao"));
  switch (check_project_target(p, choices.replace_existing)) {
    case ProjectTarget::free:
      break;
    case ProjectTarget::exists:
      out.push_back(tr(language, "มีไฟล์ชื่อนี้แล้ว: ตั้งชื่ออื่น หรือเลือก \"แทนที่โครงการเดิม\"",
                       "a file of this name exists: choose another name or tick \"Replace the "
                       "existing project\""));
      break;
    case ProjectTarget::not_a_project:
      out.push_back(tr(language, "ไฟล์ชื่อนี้ไม่ใช่โครงการ ChiPao จึงแทนที่ไม่ได้: ตั้งชื่ออื่น",
                       "that file is not a ChiPao project, so it is not replaced: choose another "
                       "name"));
      break;
    case ProjectTarget::unreadable:
      out.push_back(tr(language, "อ่านไฟล์ชื่อนี้ไม่ได้: ตั้งชื่ออื่นหรือตรวจสิทธิ์ของไฟล์",
                       "that file cannot be read: choose another name or check its permissions"));
      break;
    case ProjectTarget::open_elsewhere:
      out.push_back(tr(language, "โครงการนี้เปิดอยู่ในโปรแกรมอื่น: ปิดก่อนหรือตั้งชื่ออื่น",
                       "that project is open in another program: close it there or choose "
                       "another name"));
      break;
  }
  return out;
}

std::vector<std::string> layer_summary(const LoadedPreview& p, Language language) {
  const SourceDescription& s = p.source;
  const char* unknown = tr(language, "ไม่ทราบ", "unknown");
  std::vector<std::string> out;
  out.push_back(fmt::format("{}: {} ({})", tr(language, "ระดับ", "Level"),
                            s.level ? level_text(*s.level, language) : unknown,
                            source_text(s.level_source, language)));
  out.push_back(fmt::format(
      "{}: {}", tr(language, "ช่องรหัส", "Code field"),
      s.code_fields ? s.code_fields->describe()
      : s.code_source == "name"
          ? std::string(tr(language, "(หาจากชื่อจังหวัด)", "(looked up from province names)"))
          : std::string(unknown)));
  out.push_back(fmt::format("{}: {}", tr(language, "ช่องชื่อภาษาไทย", "Thai name field"),
                            s.name_fields.th.empty() ? unknown : s.name_fields.th));
  out.push_back(fmt::format("{}: {}", tr(language, "ช่องชื่อภาษาอังกฤษ", "English name field"),
                            s.name_fields.en.empty() ? unknown : s.name_fields.en));
  out.push_back(fmt::format("{}: {} ({})", tr(language, "รหัสอักขระ", "Encoding"), s.encoding,
                            source_text(s.encoding_source, language)));
  out.push_back(fmt::format("{}: {} ({})", tr(language, "ระบบพิกัด", "CRS"), s.crs,
                            source_text(s.crs_source, language)));
  out.push_back(fmt::format("{}: {}", tr(language, "จำนวนพื้นที่", "Features"), p.features));
  out.push_back(fmt::format("{}: {}; {}: {}; {}: {}", tr(language, "รหัสผิด", "Bad codes"),
                            p.bad_codes, tr(language, "รหัสที่แก้ให้", "fixed codes"), p.fixed_codes,
                            tr(language, "รหัสซ้ำ", "duplicate codes"), p.duplicates));
  out.push_back(fmt::format("{}: {}; {}: {}", tr(language, "รูปร่างที่ซ่อมให้", "Repaired geometries"),
                            p.repaired, tr(language, "ไม่มีรูปร่าง", "empty geometries"), p.empty));
  return out;
}

std::vector<std::string> join_summary(const JoinReport& r, Language language) {
  std::vector<std::string> out;
  out.push_back(fmt::format(
      fmt::runtime(tr(language, "พื้นที่ที่ได้ตัวเลข: {} จาก {}", "Areas with figures: {} of {}")),
      r.matched, r.boundaries));
  out.push_back(fmt::format("{}: {}", tr(language, "พื้นที่ที่ไม่มีตัวเลข", "Areas without figures"),
                            r.unmatched_boundaries.size()));
  out.push_back(fmt::format("{}: {}", tr(language, "แถวที่ไม่ตรงกับพื้นที่ใด", "Rows matching no area"),
                            r.unmatched_rows.size()));
  out.push_back(fmt::format("{}: {}", tr(language, "แถวที่รวมขึ้นไประดับบน", "Rows rolled up"),
                            r.rolled_up.size()));
  out.push_back(r.balanced ? tr(language, "ยอดรวมครบทุกตัวชี้วัด", "Every measure's totals balance")
                           : tr(language, "ยอดรวมบางตัวชี้วัดไม่ครบ: ดูรายงานการเชื่อม",
                                "Some measures' totals do not balance: see the join report"));
  return out;
}

}  // namespace chipao::app
