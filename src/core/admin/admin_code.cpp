#include "core/admin/admin_code.h"

#include "core/io/text_encoding.h"

#include <cctype>
#include <string>

namespace chipao {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

void add_note(std::string& notes, std::string_view note) {
  if (notes.find(note) != std::string::npos) return;
  if (!notes.empty()) notes += "; ";
  notes += note;
}

// Trims ASCII white space and no-break spaces, and turns Thai digits (U+0E50..U+0E59, three
// bytes each in UTF-8) into ASCII ones, as planners type them.
std::string clean_text(std::string_view raw, std::string& notes) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (const int digit = thai_digit_at(raw, i); digit >= 0) {
      out.push_back(static_cast<char>('0' + digit));
      add_note(notes, "converted Thai digits");
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
      ++i;  // no-break space
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  std::size_t b = 0;
  std::size_t e = out.size();
  while (b < e && std::isspace(static_cast<unsigned char>(out[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(out[e - 1]))) --e;
  if (b != 0 || e != out.size()) add_note(notes, "trimmed spaces");
  return out.substr(b, e - b);
}

// Strips a "TH" prefix and a ".0" tail that numeric (Real) fields leave behind. Returns the
// problem text when a fractional part is not zero.
std::string strip_decorations(std::string& s) {
  if (s.size() >= 2 && (s[0] == 'T' || s[0] == 't') && (s[1] == 'H' || s[1] == 'h')) {
    s.erase(0, 2);  // the HDX scheme's country prefix: a convention, not a damaged value
  }
  if (const std::size_t dot = s.find('.'); dot != std::string::npos) {
    const std::string fraction = s.substr(dot + 1);
    for (char c : fraction) {
      if (c != '0') return "has a fractional part (" + s + ")";
    }
    s.erase(dot);  // a code stored in a Real field: the schema's choice, not a damaged value
  }
  return {};
}

std::string check_parts(const std::string& code) {
  if (find_province(code.substr(0, 2)) == nullptr) {
    return "unknown province code " + code.substr(0, 2);
  }
  for (std::size_t i = 2; i + 2 <= code.size(); i += 2) {
    if (code.compare(i, 2, "00") == 0) {
      return "part " + std::to_string(i / 2 + 1) + " is 00, which no unit has";
    }
  }
  return {};
}

// Most values are already clean ("340101" or "TH340101"): checked without allocating.
std::optional<CodeCheck> clean_fast_path(std::string_view raw, AdminLevel level) {
  if (raw.size() >= 2 && raw[0] == 'T' && raw[1] == 'H') raw.remove_prefix(2);
  if (raw.size() != static_cast<std::size_t>(code_digits(level)) || !all_digits(raw))
    return std::nullopt;
  if (find_province(raw.substr(0, 2)) == nullptr) return std::nullopt;
  for (std::size_t i = 2; i + 2 <= raw.size(); i += 2) {
    if (raw[i] == '0' && raw[i + 1] == '0') return std::nullopt;
  }
  CodeCheck check;
  check.value = NormalisedCode{std::string(raw), {}};
  return check;
}

}  // namespace

CodeCheck normalise_code(std::string_view raw, AdminLevel level) {
  if (auto fast = clean_fast_path(raw, level)) return std::move(*fast);
  CodeCheck check;
  std::string notes;
  std::string s = clean_text(raw, notes);
  if (s.empty()) {
    check.problem = "empty";
    return check;
  }
  if (std::string problem = strip_decorations(s); !problem.empty()) {
    check.problem = problem;
    return check;
  }
  if (!all_digits(s)) {
    check.problem = "not a number";
    return check;
  }
  const auto expected = static_cast<std::size_t>(code_digits(level));
  if (s.size() != expected) {
    check.problem = std::to_string(expected) + " digits expected for a " +
                    std::string(level_name(level)) + " code, got " + std::to_string(s.size());
    if (s.size() + 1 == expected) {
      // Province codes run from 10 to 96, so a whole code never starts with 0: one digit short
      // is a damaged value, not a lost leading zero.
      check.problem += " (a Thai code never starts with 0, so this is not a lost leading zero)";
    }
    return check;
  }
  if (std::string problem = check_parts(s); !problem.empty()) {
    check.problem = problem;
    return check;
  }
  check.value = NormalisedCode{s, notes};
  return check;
}

CodeCheck normalise_composite_code(const std::vector<std::string_view>& parts) {
  CodeCheck check;
  // Province + amphoe (+ tambon (+ village)): two to four parts make a code of some level.
  if (parts.size() < 2 || parts.size() > 4) {
    check.problem = "a composite code has 2 to 4 parts (province, amphoe, tambon, village), not " +
                    std::to_string(parts.size());
    return check;
  }
  std::string notes;
  std::string code;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string s = clean_text(parts[i], notes);
    if (s.empty()) {
      check.problem = "part " + std::to_string(i + 1) + " is empty";
      return check;
    }
    if (std::string problem = strip_decorations(s); !problem.empty()) {
      check.problem = "part " + std::to_string(i + 1) + " " + problem;
      return check;
    }
    if (!all_digits(s)) {
      check.problem = "part " + std::to_string(i + 1) + " is not a number";
      return check;
    }
    // Each part is a fixed 2-digit number, so a 1-digit value lost its leading zero (a DBF
    // numeric field writes 01 as 1).
    if (s.size() == 1) {
      s.insert(s.begin(), '0');
      add_note(notes, "restored leading zero");
    }
    if (s.size() != 2) {
      check.problem = "part " + std::to_string(i + 1) + " has " + std::to_string(s.size()) +
                      " digits, 2 expected";
      return check;
    }
    code += s;
  }
  if (std::string problem = check_parts(code); !problem.empty()) {
    check.problem = problem;
    return check;
  }
  check.value = NormalisedCode{code, notes};
  return check;
}

std::string ancestor_code(std::string_view code, AdminLevel level) {
  const auto digits = static_cast<std::size_t>(code_digits(level));
  if (code.size() < digits) return {};
  return std::string(code.substr(0, digits));
}

bool is_municipal_tambon(std::string_view tambon_code) {
  if (tambon_code.size() != 6 || !all_digits(tambon_code)) return false;
  const int tambon = (tambon_code[4] - '0') * 10 + (tambon_code[5] - '0');
  return tambon >= 51;
}

}  // namespace chipao
