// Text for CSV files that planners and partners open in a spreadsheet. A cell that begins
// like a formula (=, +, -, @, or a tab or carriage return) would be run by Excel, LibreOffice
// or Google Sheets ("CSV injection"); zone, agency and intervention names are typed by users,
// so such text gets a leading apostrophe, which spreadsheets show as text and hide. Text
// that is a plain number ("-5", "+3.2") is left alone: a spreadsheet reads it as a number,
// never as a formula. Numbers written as numbers are not text and never pass through here.
#pragma once

#include <string>
#include <string_view>

namespace chipao {

// `text`, with a leading apostrophe when a spreadsheet would take it for a formula.
std::string csv_safe_text(std::string_view text);

// csv_safe_text(), then in double quotes (inner quotes doubled) when it holds a comma, a
// quote or a line break.
std::string csv_text_cell(std::string_view text);

}  // namespace chipao
