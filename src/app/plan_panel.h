// The plan panel: the intervention catalogue (editable), the interventions of the active zone
// (dimension, target households, cost per household, agency, Buddhist-era start and end dates,
// status), the plan's totals per zone, agency and dimension, the active zone's coverage of its
// deprived persons, and the budget cap with a warning when the plan exceeds it.
//
// Attaching a catalogue entry to a zone fills its target households with the zone's deprived
// persons of that dimension from the live tally (TPMAP counts persons, and says so beside the
// number); the planner edits it. Money in baht. Every change is one edit through the session.
#pragma once

#include <string>

#include "app/project_session.h"
#include "app/ui_text.h"
#include "app/zones_panel.h"

namespace chipao::app {

class PlanPanel {
 public:
  void draw(ProjectSession& session, Language language, std::string& message);

 private:
  void draw_catalogue(ProjectSession& session, Language language, std::string& message);
  void draw_interventions(ProjectSession& session, Language language, std::string& message);
  void draw_totals(const ProjectSession& session, Language language);

  TextFields text_;
};

// The zone's households deprived in a dimension (the attach default), from the dimension's
// own TPMAP table as `chipao-cli plan add` takes it; 0 when the project lacks that table.
std::int64_t default_target_households(const ProjectSession& session, std::int64_t zone,
                                       DimensionId dimension);

}  // namespace chipao::app
