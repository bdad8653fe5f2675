// The join report (core/join/join.h) as JSON text: the one form `chipao-cli join --report`
// and `--json` print and a project stores, and back again, so a report a project holds reads
// back as the JoinReport it was. Keys are part of the CLI's output: tests and scripts read them.
#pragma once

#include <string>
#include <string_view>

#include "core/join/join.h"
#include "core/util/result.h"

namespace chipao {

// indent < 0: one line (as a project stores it); otherwise pretty-printed with that many spaces.
std::string join_report_to_json(const JoinReport& report, int indent = -1);
// Reads what join_report_to_json() wrote; "{}" (nothing joined) gives an empty report.
Result<JoinReport> join_report_from_json(std::string_view text);

}  // namespace chipao
