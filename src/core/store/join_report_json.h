// The join report (core/join/join.h) as JSON text, the form a project stores it in and the
// CLI prints: keys as `chipao-cli join --report` writes them, and back again, so a report a
// project holds reads back as the JoinReport it was.
#pragma once

#include <string>
#include <string_view>

#include "core/join/join.h"
#include "core/util/result.h"

namespace chipao {

std::string join_report_to_json(const JoinReport& report);
// Reads what join_report_to_json() wrote; "{}" (nothing joined) gives an empty report.
Result<JoinReport> join_report_from_json(std::string_view text);

}  // namespace chipao
