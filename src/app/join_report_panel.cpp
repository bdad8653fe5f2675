#include "app/join_report_panel.h"

#include <fmt/format.h>
#include <imgui.h>

#include "app/feature_pick.h"
#include "app/inspect_panel.h"
#include "core/util/number_format.h"

namespace chipao::app {

namespace {

const ImVec4 kMutedColor(0.38f, 0.38f, 0.38f, 1.0f);
const ImVec4 kGoodColor(0.10f, 0.45f, 0.15f, 1.0f);
const ImVec4 kBadColor(0.70f, 0.10f, 0.08f, 1.0f);

std::string lines_text(const std::vector<std::size_t>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < 8; ++i)
    out += (i ? ", " : "") + std::to_string(lines[i]);
  if (lines.size() > 8) out += ", ...";
  return out;
}

std::string header(TextId id, Language language, std::size_t count) {
  return fmt::format("{} ({})###{}", text(id, language),
                     format_thousands(static_cast<double>(count)), static_cast<int>(id));
}

std::string tambon_names(const MapLayer& layer, const std::vector<std::string>& codes,
                         Language language) {
  std::string out;
  for (const std::string& code : codes) {
    if (!out.empty()) out += ", ";
    const auto index = find_by_code(layer.data, code);
    out += index ? code + " " + area_name(layer.data.features[*index], language) : code;
  }
  return out;
}

}  // namespace

JoinReportActions draw_join_report(const MapController& controller, Language language, bool* open) {
  JoinReportActions actions;
  const MapLayer* layer = controller.active_layer();
  ImGui::SetNextWindowSize(ImVec2(560, 480), ImGuiCond_FirstUseEver);
  const std::string title = std::string(text(TextId::join_report, language)) + "###joinreport";
  if (!ImGui::Begin(title.c_str(), open)) {
    ImGui::End();
    return actions;
  }
  if (!layer || !layer->figures.join) {
    ImGui::TextColored(kMutedColor, "%s", text(TextId::no_figures, language));
    if (layer) {
      for (const std::string& error : layer->figures.errors)
        ImGui::TextWrapped("%s", error.c_str());
      if (!layer->figures.join_error.empty())
        ImGui::TextWrapped("%s", layer->figures.join_error.c_str());
    }
    ImGui::End();
    return actions;
  }
  const JoinReport& report = layer->figures.join->report;
  ImGui::TextWrapped(text(TextId::join_matched, language),
                     format_thousands(static_cast<double>(report.matched)).c_str(),
                     format_thousands(static_cast<double>(report.boundaries)).c_str());
  ImGui::TextColored(report.balanced ? kGoodColor : kBadColor, "%s",
                     text(report.balanced ? TextId::balance_ok : TextId::balance_bad, language));
  for (const std::string& error : layer->figures.errors) ImGui::TextWrapped("%s", error.c_str());
  if (!layer->figures.join_error.empty())
    ImGui::TextColored(kBadColor, "%s", layer->figures.join_error.c_str());

  if (ImGui::CollapsingHeader(header(TextId::totals, language, report.totals.size()).c_str())) {
    if (ImGui::BeginTable(
            "totals", 6,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV,
            ImVec2(0, 200))) {
      for (TextId id : {TextId::measure, TextId::total_input, TextId::total_joined,
                        TextId::total_rolled_up, TextId::total_unmatched, TextId::balance})
        ImGui::TableSetupColumn(text(id, language));
      ImGui::TableHeadersRow();
      for (const JoinReport::Totals& t : report.totals) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t.measure.c_str());
        for (double v : {t.input, t.joined, t.rolled_up, t.unmatched}) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(format_thousands(v).c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextColored(t.balanced ? kGoodColor : kBadColor, "%s", t.balanced ? "=" : "!=");
      }
      ImGui::EndTable();
    }
  }
  if (ImGui::CollapsingHeader(
          header(TextId::unmatched_boundaries, language, report.unmatched_boundaries.size())
              .c_str())) {
    for (const JoinReport::Unit& u : report.unmatched_boundaries)
      ImGui::BulletText("%s %s", u.code.c_str(),
                        (language == Language::thai ? u.name_th : u.name_en).c_str());
  }
  if (ImGui::CollapsingHeader(
          header(TextId::unmatched_rows, language, report.unmatched_rows.size()).c_str())) {
    for (const JoinReport::Row& r : report.unmatched_rows)
      ImGui::BulletText(text(TextId::row_at_line, language), r.table.c_str(), r.line,
                        r.code.c_str());
  }
  if (ImGui::CollapsingHeader(header(TextId::rolled_up, language, report.rolled_up.size()).c_str(),
                              ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const JoinReport::RolledUp& r : report.rolled_up) {
      ImGui::BulletText("%s %s -> %s (%s %s)", r.table.c_str(), r.code.c_str(), r.to.c_str(),
                        r.kind.c_str(), lines_text(r.lines).c_str());
    }
    for (const JoinReport::Suggestion& s : report.suggestions) {
      ImGui::PushID(s.municipal_code.c_str());
      ImGui::TextWrapped(text(TextId::suggestion, language), s.municipal_code.c_str(),
                         s.amphoe.c_str(), tambon_names(*layer, s.tambons, language).c_str());
      if (!s.tambons.empty() && ImGui::SmallButton(text(TextId::assign_button, language)))
        actions.assign = MunicipalAssignment{s.municipal_code, s.tambons};
      ImGui::PopID();
    }
    for (const MunicipalAssignment& a : report.assigned)
      ImGui::TextColored(kGoodColor, text(TextId::assigned_to, language), a.municipal_code.c_str(),
                         tambon_names(*layer, a.tambons, language).c_str());
  }
  if (ImGui::CollapsingHeader(
          header(TextId::fixed_codes, language, report.fixed_codes.size()).c_str())) {
    for (const JoinReport::Fixed& f : report.fixed_codes)
      ImGui::BulletText("%s:%zu '%s' -> %s (%s)", f.table.c_str(), f.line, f.value.c_str(),
                        f.code.c_str(), f.note.c_str());
  }
  if (ImGui::CollapsingHeader(
          header(TextId::duplicate_codes, language, report.duplicates.size()).c_str())) {
    for (const JoinReport::Duplicate& d : report.duplicates)
      ImGui::BulletText("%s %s: %s", d.table.c_str(), d.code.c_str(), lines_text(d.lines).c_str());
  }
  for (const std::string& warning : report.warnings) ImGui::TextWrapped("%s", warning.c_str());
  ImGui::End();
  return actions;
}

}  // namespace chipao::app
