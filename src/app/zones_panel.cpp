#include "app/zones_panel.h"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

#include "app/zone_overlay.h"
#include "app/zones_text.h"

namespace chipao::app {

namespace {

const ImVec4 kWarning{0.75f, 0.1f, 0.1f, 1.0f};

void report(const Result<void>& outcome, std::string& message) {
  if (!outcome) message = outcome.error().message;
}

void apply(ProjectSession& session, Result<Edit> edit, std::string& message) {
  if (!edit) {
    message = edit.error().message;
    return;
  }
  report(session.apply(std::move(*edit)), message);
}

}  // namespace

std::string figure_text(double value, int decimals) {
  if (std::isnan(value)) return "–";
  std::string digits = fmt::format("{:.{}f}", std::fabs(value), decimals);
  const auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot), grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  if (dot != std::string::npos) grouped += digits.substr(dot);
  return (value < 0 ? "-" : "") + grouped;
}

std::optional<std::string> TextFields::input(const char* label, const std::string& key,
                                             const std::string& value, float width) {
  Field& field = fields_[key];
  if (!field.editing) {
    std::snprintf(field.buffer.data(), field.buffer.size(), "%s", value.c_str());
  }
  ImGui::SetNextItemWidth(width);
  ImGui::InputText(label, field.buffer.data(), field.buffer.size());
  if (ImGui::IsItemActivated()) field.editing = true;
  std::optional<std::string> done;
  if (ImGui::IsItemDeactivatedAfterEdit() && value != field.buffer.data())
    done = std::string(field.buffer.data());
  if (ImGui::IsItemDeactivated()) field.editing = false;
  return done;
}

ZonesWindow zones_window_rect(float scale, float below_px) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  // Below the layer panel on the left (it grows with its layers and saved views), keeping at
  // least 200 px of the column for the zones.
  const float wanted = below_px > 0 ? below_px + 6.0f * scale : 250.0f * scale;
  const float top = std::max(std::min(wanted, display.y - 200.0f * scale), 0.0f);
  return {10.0f * scale, top, 410.0f * scale, display.y - top - 10.0f * scale};
}

void ZonesPanel::draw(ProjectSession& session, ZoneTool& tool, Language language,
                      std::string& message) {
  int mode = static_cast<int>(tool.mode());
  ImGui::TextUnformatted(tr(language, "เครื่องมือ:", "Tool:"));
  ImGui::SameLine();
  ImGui::RadioButton(tr(language, "เลื่อน/เลือก", "Pan/select"), &mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr(language, "วาดเขต", "Draw"), &mode, 1);
  ImGui::SameLine();
  ImGui::RadioButton(tr(language, "ระบายหน่วย", "Paint"), &mode, 2);
  tool.set_mode(static_cast<ToolMode>(mode));
  if (tool.mode() == ToolMode::draw) {
    ImGui::TextWrapped("%s", tr(language,
                                "คลิกเพื่อวางจุด คลิกจุดแรกหรือกด Enter เพื่อปิดรูป ลากจุดเพื่อย้าย "
                                "คลิกขวาเพื่อลบจุด Ctrl+ลากเพื่อย้ายทั้งเขต",
                                "Click to add vertices; click the first one or press Enter to "
                                "close. Drag a vertex to move it, right-click to delete it, "
                                "Ctrl-drag inside to move the zone."));
  } else if (tool.mode() == ToolMode::paint) {
    ImGui::TextWrapped("%s", tr(language,
                                "คลิกหรือลากเพื่อระบายหน่วยเข้าเขตที่เลือก Shift+ลากเพื่อล้อมด้วยเชือก "
                                "คลิกขวาเพื่อเอาหน่วยออก",
                                "Click or drag to paint units into the active zone; Shift-drag "
                                "for a lasso; right-click takes a unit out."));
  }
  int rule = session.drawn_rule() == TallyRule::area ? 1 : 0;
  ImGui::TextUnformatted(tr(language, "เกณฑ์นับเขตที่วาด:", "Drawn zones count by:"));
  ImGui::SameLine();
  ImGui::RadioButton(tr(language, "จุดกลาง", "centroid"), &rule, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr(language, "สัดส่วนพื้นที่", "area share"), &rule, 1);
  session.set_drawn_rule(rule == 1 ? TallyRule::area : TallyRule::centroid);
  if (!message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
  }
  if (!session.units()) {
    ImGui::TextUnformatted(
        tr(language, "กำลังอ่านชั้นข้อมูลของโครงการ…", "Reading the project's layers…"));
  }
  ImGui::Separator();
  draw_zone_list(session, language, message);
  ImGui::Separator();
  draw_tally(session, language);
  draw_uncovered(session, language);
}

void ZonesPanel::draw_zone_list(ProjectSession& session, Language language, std::string& message) {
  if (session.state().zones.empty()) {
    ImGui::TextWrapped("%s", tr(language, "ยังไม่มีเขต: วาดหรือระบายบนแผนที่",
                                "No zones yet: draw or paint on the map."));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("zones", 6, flags)) return;
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(tr(language, "ชื่อ", "name"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(language, "ล็อก", "lock"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(tr(language, "หน่วย", "units"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  // Copies: an edit below changes the list being walked.
  const std::vector<Zone> zones = session.state().zones;
  for (const Zone& zone : zones) {
    ImGui::PushID(static_cast<int>(zone.id));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::RadioButton("##active", session.active_zone() == zone.id))
      session.set_active_zone(session.active_zone() == zone.id ? 0 : zone.id);
    ImGui::TableNextColumn();
    // The picker changes the colour every frame while dragging: one edit once the mouse is up.
    std::array<float, 3> rgb{};
    if (const auto pending = colours_.find(zone.id); pending != colours_.end()) {
      rgb = pending->second;
    } else {
      int r = 0, g = 0, b = 0;
      parse_hex_color(zone.color_hex, r, g, b);
      rgb = {r / 255.0f, g / 255.0f, b / 255.0f};
    }
    if (ImGui::ColorEdit3("##colour", rgb.data(),
                          ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel))
      colours_[zone.id] = rgb;
    if (colours_.contains(zone.id) && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      const std::string hex = fmt::format(
          "#{:02x}{:02x}{:02x}", static_cast<int>(std::lround(rgb[0] * 255)),
          static_cast<int>(std::lround(rgb[1] * 255)), static_cast<int>(std::lround(rgb[2] * 255)));
      colours_.erase(zone.id);
      if (hex != zone.color_hex)
        apply(session, make_recolour_zone(session.state(), zone.id, hex), message);
    }
    ImGui::TableNextColumn();
    if (auto name = text_.input("##name", fmt::format("zone{}", zone.id), zone.name, -1.0f))
      apply(session, make_rename_zone(session.state(), zone.id, *name), message);
    ImGui::TableNextColumn();
    bool locked = zone.locked;
    if (ImGui::Checkbox("##lock", &locked))
      apply(session, make_set_zone_locked(session.state(), zone.id, locked), message);
    ImGui::TableNextColumn();
    if (zone.kind == ZoneKind::painted) {
      ImGui::Text("%zu", zone.unit_codes.size());
    } else {
      ImGui::TextUnformatted(tr(language, "วาด", "drawn"));
    }
    const ZoneShape shape = session.shape(zone.id);
    if (!shape.contiguous) {
      ImGui::SameLine();
      ImGui::TextColored(kWarning, "%s", tr(language, "แยกส่วน", "split"));
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            tr(language, "เขตนี้มี %zu ส่วนที่ไม่ติดกัน", "this zone is %zu pieces that share no boundary"),
            shape.pieces);
    }
    ImGui::TableNextColumn();
    if (ImGui::SmallButton(tr(language, "ลบ", "delete")))
      apply(session, make_delete_zone(session.state(), zone.id), message);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void ZonesPanel::draw_tally(const ProjectSession& session, Language language) {
  const Zone* zone = session.state().zone(session.active_zone());
  if (!zone) {
    ImGui::TextWrapped("%s", tr(language, "เลือกเขต (วงกลมหน้าชื่อ) เพื่อดูตัวเลข",
                                "Choose a zone (the circle before its name) to see its figures."));
    return;
  }
  const ZoneTally* tally = session.tally(zone->id);
  const std::optional<ZoneFigures> figures_read = session.figures(zone->id);
  if (!tally || !figures_read) return;
  const std::string rule(tally_rule_name(tally->rule));
  ImGui::Text("%s: %s", zone->name.c_str(), rule_text(rule, language));
  double unit_sum = 0;
  for (const auto& u : tally->units) unit_sum += u.weight;
  ImGui::Text(tr(language, "หน่วย: %zu (น้ำหนักรวม %.2f)  คำนวณใน %.2f ms",
                 "units: %zu (weights add to %.2f)  tallied in %.2f ms"),
              tally->units.size(), unit_sum, session.last_tally_ms());
  const ZoneShape shape = session.shape(zone->id);
  ImGui::TextUnformatted(shape.contiguous
                             ? tr(language, "เขตต่อเนื่องเป็นผืนเดียว", "contiguous: one piece")
                             : tr(language, "เขตไม่ต่อเนื่อง", "not contiguous"));

  if (!ImGui::BeginTable("tally", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
    return;
  ImGui::TableSetupColumn(tr(language, "ตัวเลข", "figure"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(language, "ค่า", "value"));
  ImGui::TableSetupColumn(tr(language, "เกณฑ์", "rule"));
  ImGui::TableHeadersRow();
  const auto row = [&](const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(rule_short_text(rule, language));
  };
  // Read as the exports read them (core/plan/zone_figures.h): with several TPMAP tables
  // joined, the all-dimensions table's figures, not whichever name matches first.
  const ZoneFigures& figures = *figures_read;
  row(tr(language, "ครัวเรือนที่สำรวจ", "households surveyed"), figure_text(figures.households));
  row(tr(language, "คนที่สำรวจ", "persons surveyed"), figure_text(figures.persons));
  row(tr(language, "คนจนเป้าหมาย", "target poor"), figure_text(figures.target_poor));
  row(tr(language, "ร้อยละคนจนเป้าหมาย", "target poor, % of surveyed"),
      figure_text(figures.poverty_rate, 1));
  const double share = tally->share_of_amphoe_target_poor;
  row(tr(language, "สัดส่วนของคนจนเป้าหมายในอำเภอ (%)", "share of the amphoe's target poor (%)"),
      figure_text(share * 100.0, 1));
  for (int d = 0; d < kDimensionCount; ++d) {
    const std::string label =
        fmt::format("{} {}", tr(language, "ขาดแคลนด้าน", "deprived:"), dimension_text(d, language));
    row(label.c_str(), figure_text(figures.deprived_persons[static_cast<std::size_t>(d)]));
  }
  // Households deprived per dimension (coverage's denominator) where the project joined that
  // dimension's own TPMAP table.
  const UnitLayerData* units = session.units();
  for (int d = 0; d < kDimensionCount && units; ++d) {
    if (units->figure_columns.deprived_households[static_cast<std::size_t>(d)].empty()) continue;
    const std::string label =
        fmt::format("{} {}", tr(language, "ครัวเรือนที่ขาดแคลนด้าน", "households deprived:"),
                    dimension_text(d, language));
    row(label.c_str(), figure_text(figures.deprived_households[static_cast<std::size_t>(d)]));
  }
  if (tally->households) {
    const HouseholdFigures& h = *tally->households;
    row("H", figure_text(h.af.H, 3));
    row("A", figure_text(h.af.A, 3));
    row("M0", figure_text(h.af.M0, 3));
  }
  ImGui::EndTable();
  if (ImGui::TreeNode(tr(language, "รายตัวชี้วัด จปฐ.", "per จปฐ. indicator"))) {
    for (int i = 1; i <= kIndicatorCount; ++i) {
      const JoinedColumn* column =
          units ? planning_column(units->figures.columns, indicator_column(i)) : nullptr;
      const ZoneTally::Figure* f = column ? tally->figure(column->name) : nullptr;
      const double v = f ? f->value : std::nan("");
      if (std::isnan(v) || v == 0) continue;
      ImGui::Text(tr(language, "ตัวชี้วัด %d: %s คน (%s)", "indicator %d: %s persons (%s)"), i,
                  figure_text(v).c_str(), rule_short_text(rule, language));
    }
    ImGui::TreePop();
  }
  for (const auto& a : tally->amphoe_shares)
    ImGui::Text(tr(language, "อำเภอ %s: %s จาก %s คน (%s%%)", "amphoe %s: %s of %s persons (%s%%)"),
                a.amphoe.c_str(), figure_text(a.zone_target_poor).c_str(),
                figure_text(a.amphoe_target_poor).c_str(), figure_text(a.share * 100, 1).c_str());
  ImGui::TextDisabled("%s", tr(language, "ยอดของอำเภอ: รวมหน่วยบนแผนที่ (TPMAP นับคน)",
                               "amphoe totals: the units on the map (TPMAP counts persons)"));
}

void ZonesPanel::draw_uncovered(const ProjectSession& session, Language language) {
  const UnitLayerData* units = session.units();
  if (!units) return;
  std::set<std::string> amphoe;
  for (const Zone& zone : session.state().zones)
    if (const ZoneTally* t = session.tally(zone.id))
      for (const auto& u : t->units)
        if (u.code.size() >= 4) amphoe.insert(u.code.substr(0, 4));
  if (amphoe.empty()) return;
  const auto uncovered = session.uncovered_units({amphoe.begin(), amphoe.end()});
  const std::string header = fmt::format(
      "{} ({})###uncovered",
      tr(language, "หน่วยในอำเภอที่ยังไม่มีเขต", "units of these amphoe in no zone"), uncovered.size());
  if (!ImGui::CollapsingHeader(header.c_str())) return;
  for (std::size_t u : uncovered) {
    const BoundaryFeature& f = units->layer.features[u];
    ImGui::Text("%s %s", f.code.c_str(),
                (language == Language::thai || f.name_en.empty() ? f.name_th : f.name_en).c_str());
  }
}

}  // namespace chipao::app
