#include "app/plan_panel.h"

#include <fmt/format.h>
#include <imgui.h>

#include <cmath>
#include <cstdlib>

#include "app/zones_text.h"
#include "core/plan/plan_totals.h"

namespace chipao::app {

namespace {

const ImVec4 kWarning{0.75f, 0.1f, 0.1f, 1.0f};

void apply(ProjectSession& session, Result<Edit> edit, std::string& message) {
  if (!edit) {
    message = edit.error().message;
    return;
  }
  if (auto ok = session.apply(std::move(*edit)); !ok) message = ok.error().message;
}

// A number typed by the planner; nullopt when it is not one.
std::optional<double> parse_number(const std::string& text) {
  std::string plain;
  for (char c : text)
    if (c != ',' && c != ' ') plain += c;
  char* end = nullptr;
  const double v = std::strtod(plain.c_str(), &end);
  if (plain.empty() || end != plain.c_str() + plain.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

bool dimension_combo(const char* label, DimensionId& d, Language language) {
  int current = static_cast<int>(d);
  bool changed = false;
  ImGui::SetNextItemWidth(110);
  if (ImGui::BeginCombo(label, dimension_text(current, language))) {
    for (int i = 0; i < kDimensionCount; ++i) {
      if (ImGui::Selectable(dimension_text(i, language), i == current)) {
        d = static_cast<DimensionId>(i);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

const char* status_text(InterventionStatus s, Language language) {
  switch (s) {
    case InterventionStatus::planned:
      return tr(language, "วางแผน", "planned");
    case InterventionStatus::approved:
      return tr(language, "อนุมัติ", "approved");
    case InterventionStatus::in_progress:
      return tr(language, "ดำเนินการ", "in progress");
    case InterventionStatus::done:
      return tr(language, "เสร็จสิ้น", "done");
  }
  return "";
}

}  // namespace

std::int64_t default_target_households(const ProjectSession& session, std::int64_t zone,
                                       DimensionId dimension) {
  // Households, as `chipao-cli plan add` defaults them (core/plan/zone_households.h) and as
  // coverage counts them: never TPMAP's deprived persons taken for households.
  const std::optional<ZoneFigures> figures = session.figures(zone);
  if (!figures) return 0;
  const double v = figures->deprived_households[static_cast<std::size_t>(dimension)];
  if (std::isnan(v)) return 0;
  return static_cast<std::int64_t>(std::llround(v));
}

void PlanPanel::draw(ProjectSession& session, Language language, std::string& message) {
  const PlanningState& state = session.state();
  // Budget cap and the warning.
  if (auto cap = text_.input(tr(language, "งบประมาณสูงสุด (บาท)", "budget cap (baht)"), "cap",
                             figure_text(state.plan.budget_cap_baht), 160)) {
    if (auto v = parse_number(*cap); v && *v >= 0) {
      apply(session, make_set_budget_cap(state, *v), message);
    } else {
      message = fmt::format("budget cap '{}' is not a number of baht; type e.g. 5,000,000", *cap);
    }
  }
  const double total = session.state().plan.total_cost_baht();
  ImGui::Text(tr(language, "รวมทั้งแผน: %s บาท", "plan total: %s baht"), figure_text(total).c_str());
  if (auto warning = check_budget(total, session.state().plan.budget_cap_baht))
    ImGui::TextColored(kWarning, "%s", warning->message.c_str());
  if (!message.empty()) ImGui::TextColored(kWarning, "%s", message.c_str());
  ImGui::Separator();
  draw_interventions(session, language, message);
  draw_catalogue(session, language, message);
  draw_totals(session, language);
}

void PlanPanel::draw_catalogue(ProjectSession& session, Language language, std::string& message) {
  if (!ImGui::CollapsingHeader(tr(language, "รายการมาตรการ", "intervention catalogue"))) return;
  const std::int64_t zone = session.active_zone();
  const std::vector<CatalogueEntry> entries = session.state().catalogue;  // edits change it
  for (const CatalogueEntry& entry : entries) {
    ImGui::PushID(entry.id.c_str());
    if (zone != 0) {
      if (ImGui::SmallButton(tr(language, "เพิ่มในเขต", "attach"))) {
        Intervention i;
        i.zone_id = zone;
        i.catalogue_id = entry.id;
        i.dimension = entry.dimension;
        i.households = default_target_households(session, zone, entry.dimension);
        i.unit_cost_baht = entry.unit_cost_baht;
        i.agency = language == Language::thai ? entry.agency_th : entry.agency_en;
        apply(session, make_add_intervention(session.state(), i), message);
      }
      ImGui::SameLine();
    }
    CatalogueEntry edited = entry;
    bool changed = false;
    const std::string& name = language == Language::thai ? edited.name_th : edited.name_en;
    if (auto typed = text_.input("##name", "cat-name-" + entry.id, name, 170)) {
      (language == Language::thai ? edited.name_th : edited.name_en) = *typed;
      changed = true;
    }
    ImGui::SameLine();
    changed |= dimension_combo("##dim", edited.dimension, language);
    ImGui::SameLine();
    if (auto typed =
            text_.input("##cost", "cat-cost-" + entry.id, figure_text(entry.unit_cost_baht), 70)) {
      if (auto v = parse_number(*typed); v && *v >= 0) {
        edited.unit_cost_baht = *v;
        changed = true;
      } else {
        message =
            fmt::format("catalogue '{}': cost '{}' is not a number of baht", entry.id, *typed);
      }
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(language, "ลบ", "remove")))
      apply(session, make_remove_catalogue_entry(session.state(), entry.id), message);
    else if (changed)
      apply(session, make_put_catalogue_entry(session.state(), edited), message);
    ImGui::PopID();
  }
  if (ImGui::SmallButton(tr(language, "เพิ่มรายการใหม่", "new entry"))) {
    CatalogueEntry entry;
    int n = 1;
    while (session.state().catalogue_entry(fmt::format("custom-{}", n))) ++n;
    entry.id = fmt::format("custom-{}", n);
    entry.name_th = fmt::format("มาตรการใหม่ {}", n);
    entry.name_en = fmt::format("new intervention {}", n);
    apply(session, make_put_catalogue_entry(session.state(), entry), message);
  }
}

void PlanPanel::draw_interventions(ProjectSession& session, Language language,
                                   std::string& message) {
  const Zone* zone = session.state().zone(session.active_zone());
  if (!zone) {
    ImGui::TextWrapped("%s", tr(language, "เลือกเขตในแท็บเขตเพื่อเพิ่มมาตรการ",
                                "Choose a zone in the Zones tab to attach interventions."));
    return;
  }
  ImGui::Text(tr(language, "มาตรการของ %s", "interventions of %s"), zone->name.c_str());
  ImGui::TextDisabled("%s", tr(language, "ค่าเริ่มต้นของเป้าหมาย: คนที่ขาดแคลนในมิตินั้น (TPMAP นับคน)",
                               "target default: the zone's deprived persons of the dimension "
                               "(TPMAP counts persons)"));
  const std::vector<Intervention> list = session.state().plan.interventions;
  for (const Intervention& item : list) {
    if (item.zone_id != zone->id) continue;
    ImGui::PushID(static_cast<int>(item.id));
    Intervention edited = item;
    bool changed = dimension_combo("##dim", edited.dimension, language);
    const std::string key = std::to_string(item.id);
    ImGui::SameLine();
    if (auto typed = text_.input(tr(language, "ครัวเรือน", "households"), "hh" + key,
                                 std::to_string(item.households), 60)) {
      if (auto v = parse_number(*typed); v && *v >= 0) {
        edited.households = static_cast<std::int64_t>(std::llround(*v));
        changed = true;
      } else {
        message =
            fmt::format("intervention {}: households '{}' is not a whole number", item.id, *typed);
      }
    }
    if (auto typed = text_.input(tr(language, "บาท/ครัวเรือน", "baht/household"), "cost" + key,
                                 figure_text(item.unit_cost_baht), 70)) {
      if (auto v = parse_number(*typed); v && *v >= 0) {
        edited.unit_cost_baht = *v;
        changed = true;
      } else {
        message =
            fmt::format("intervention {}: cost '{}' is not a number of baht", item.id, *typed);
      }
    }
    ImGui::SameLine();
    if (auto typed =
            text_.input(tr(language, "หน่วยงาน", "agency"), "agency" + key, item.agency, 120)) {
      edited.agency = *typed;
      changed = true;
    }
    if (auto typed = text_.input(tr(language, "เริ่ม (พ.ศ.)", "start (B.E.)"), "start" + key,
                                 item.start, 80)) {
      edited.start = *typed;
      changed = true;
    }
    ImGui::SameLine();
    if (auto typed = text_.input(tr(language, "สิ้นสุด", "end"), "end" + key, item.end, 80)) {
      edited.end = *typed;
      changed = true;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(100);
    if (ImGui::BeginCombo("##status", status_text(item.status, language))) {
      for (auto s : {InterventionStatus::planned, InterventionStatus::approved,
                     InterventionStatus::in_progress, InterventionStatus::done}) {
        if (ImGui::Selectable(status_text(s, language), s == item.status)) {
          edited.status = s;
          changed = true;
        }
      }
      ImGui::EndCombo();
    }
    ImGui::Text(tr(language, "ค่าใช้จ่าย %s บาท", "cost %s baht"),
                figure_text(edited.cost_baht()).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(language, "ลบมาตรการ", "remove")))
      apply(session, make_remove_intervention(session.state(), item.id), message);
    else if (changed)
      apply(session, make_update_intervention(session.state(), edited), message);
    ImGui::Separator();
    ImGui::PopID();
  }
}

void PlanPanel::draw_totals(const ProjectSession& session, Language language) {
  if (!ImGui::CollapsingHeader(tr(language, "ยอดรวมของแผน", "plan totals"))) return;
  const PlanningState& state = session.state();
  const PlanTotals totals = plan_totals(state.plan, state.zones);
  const auto line = [&](const std::string& label, const PlanAmount& a) {
    ImGui::Text(tr(language, "%s: %lld มาตรการ, %lld ครัวเรือน, %s บาท",
                   "%s: %lld interventions, %lld households, %s baht"),
                label.c_str(), static_cast<long long>(a.interventions),
                static_cast<long long>(a.households), figure_text(a.cost_baht).c_str());
  };
  ImGui::TextUnformatted(tr(language, "รายเขต", "per zone"));
  for (const ZonePlanTotals& z : totals.zones) line(z.zone_name, z.all);
  ImGui::TextUnformatted(tr(language, "รายหน่วยงาน", "per agency"));
  for (const auto& [agency, amount] : totals.by_agency) line(agency, amount);
  ImGui::TextUnformatted(tr(language, "รายมิติ", "per dimension"));
  for (int d = 0; d < kDimensionCount; ++d)
    line(dimension_text(d, language), totals.by_dimension[d]);
  // Coverage of the active zone, households over households, as the exports compute it.
  const std::int64_t active = session.active_zone();
  for (const ZonePlanTotals& z : totals.zones) {
    if (z.zone_id != active) continue;
    std::array<double, kDimensionCount> deprived_households{};
    deprived_households.fill(std::nan(""));
    if (const auto figures = session.figures(active))
      deprived_households = figures->deprived_households;
    const ZoneTally* tally = session.tally(active);
    ImGui::Text(tr(language, "ความครอบคลุมของ %s (%s, %s)", "coverage of %s (%s, %s)"),
                z.zone_name.c_str(), tr(language, kCoverageRuleTh, kCoverageRuleEn),
                tally ? rule_short_text(tally_rule_name(tally->rule), language) : "");
    bool unknown = false;
    for (const DimensionCoverage& c : zone_coverage(z, deprived_households)) {
      unknown |= std::isnan(c.deprived_households);
      ImGui::Text("  %s: %s / %s = %s%%", dimension_text(static_cast<int>(c.dimension), language),
                  figure_text(c.planned_households).c_str(),
                  figure_text(c.deprived_households).c_str(),
                  figure_text(c.coverage * 100, 0).c_str());
    }
    if (unknown)
      ImGui::TextDisabled("%s", tr(language,
                                   "– : ไฟล์โครงการยังไม่มีตาราง TPMAP เฉพาะด้านนั้น (เช่น "
                                   "61_99_tambol_00010.csv สำหรับด้านรายได้)",
                                   "– : the project has no TPMAP table of that dimension alone "
                                   "(e.g. 61_99_tambol_00010.csv for income)"));
  }
}

}  // namespace chipao::app
