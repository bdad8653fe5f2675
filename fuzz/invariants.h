// The checks behind the libFuzzer targets (fuzz/fuzz_*.cpp) and the regression test
// (tests/unit/fuzz_regression_test.cpp): each takes one fuzz input, runs it through the core
// functions, and returns an empty string when every invariant held, or a description of the
// first one that failed. The description starts with "[target/rule]" so run.sh can tell
// distinct failures apart.
//
// Header-only so that the fuzz build (clang, fuzz/build.sh) and the test build (g++, CMake)
// compile the same checks.
#pragma once

#include <fmt/format.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin/admin_code.h"
#include "core/admin/admin_level.h"
#include "core/io/table_reader.h"
#include "core/io/text_encoding.h"
#include "core/stats/number_parse.h"

namespace chipao::fuzz {

// Bytes as a C-like string literal: printable ASCII as is, everything else as \xNN.
inline std::string escaped(std::string_view bytes, std::size_t max = 200) {
  std::string out = "\"";
  for (std::size_t i = 0; i < bytes.size() && i < max; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b == '"' || b == '\\') {
      out += '\\';
      out += static_cast<char>(b);
    } else if (b >= 0x20 && b < 0x7F) {
      out += static_cast<char>(b);
    } else {
      out += fmt::format("\\x{:02X}", b);
    }
  }
  out += '"';
  if (bytes.size() > max) out += fmt::format("...({} bytes)", bytes.size());
  return out;
}

// For the fuzz targets: prints a failure and aborts, so libFuzzer keeps the input. Failures
// whose "[target/rule]" tag is listed in the environment variable CHIPAO_FUZZ_IGNORE are let
// pass: run.sh lists the ones already found, so a restarted run looks for new ones.
inline int abort_on_failure(const std::string& failure) {
  if (failure.empty()) return 0;
  static const std::string ignored = [] {
    const char* env = std::getenv("CHIPAO_FUZZ_IGNORE");
    return std::string(env == nullptr ? "" : env);
  }();
  const std::string tag = failure.substr(0, failure.find(']') + 1);
  if (!tag.empty() && ignored.find(tag) != std::string::npos) return 0;
  std::fprintf(stderr, "fuzz invariant failed %s\n", failure.c_str());
  std::fflush(stderr);
  std::abort();
}

inline bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// ---------------------------------------------------------------------------------------------
// 1. Table reader: parse_csv.
//
// Input: the first byte picks the options, the rest is the file.
//   byte % 8:       0, 1, 6 detect the delimiter; 2 ',' 3 ';' 4 TAB 5 '|'; 7 the next byte
//                   (its low 7 bits) is the delimiter.
//   (byte / 8) % 8: 0, 1, 7 detect the encoding; 2 "UTF-8", 3 "CP874", 4 "tis-620",
//                   5 "utf8", 6 "latin-1" (not supported: an error).
// '@' (0x40) detects both, 'B' comma, 'C' semicolon, 'D' tab, 'E' bar; 'P' UTF-8, 'X' CP874.
struct TableInput {
  TableReadOptions options;
  std::string_view bytes;
};

inline TableInput decode_table_input(std::string_view data) {
  TableInput in;
  if (data.empty()) return in;
  const auto selector = static_cast<unsigned char>(data[0]);
  data.remove_prefix(1);
  switch (selector % 8) {
    case 2:
      in.options.delimiter = ',';
      break;
    case 3:
      in.options.delimiter = ';';
      break;
    case 4:
      in.options.delimiter = '\t';
      break;
    case 5:
      in.options.delimiter = '|';
      break;
    case 7:
      if (!data.empty()) {
        in.options.delimiter = static_cast<char>(static_cast<unsigned char>(data[0]) & 0x7F);
        data.remove_prefix(1);
      }
      break;
    default:
      break;
  }
  static constexpr std::array<std::string_view, 8> kEncodings{"",        "",     "UTF-8",   "CP874",
                                                              "tis-620", "utf8", "latin-1", ""};
  if (const std::string_view e = kEncodings[(selector / 8) % 8]; !e.empty())
    in.options.encoding = std::string(e);
  in.bytes = data;
  return in;
}

// The table written back as CSV with every cell quoted.
inline std::string write_csv(const TextTable& table, char delimiter) {
  std::string out;
  const auto write_record = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += delimiter;
      out += '"';
      for (char c : cells[i]) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  };
  write_record(table.columns);
  for (const auto& row : table.rows) write_record(row);
  return out;
}

inline std::string check_table_reader(std::string_view data) {
  const TableInput in = decode_table_input(data);
  const std::string path = "fuzz.csv";
  const Result<TextTable> result = parse_csv(in.bytes, path, in.options);
  if (!result) {
    const std::string& message = result.error().message;
    if (!message.starts_with(path + ": "))
      return "[table_reader/error-names-file] error message does not start with the path: " +
             escaped(message);
    return {};
  }
  const TextTable& t = *result;
  if (t.columns.empty()) return "[table_reader/header] a table without columns";
  if (t.rows.empty()) return "[table_reader/rows] a table without rows was returned";
  if (t.rows.size() != t.lines.size())
    return fmt::format("[table_reader/lines] {} rows but {} line numbers", t.rows.size(),
                       t.lines.size());
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (t.rows[r].size() != t.columns.size())
      return fmt::format("[table_reader/row-width] row {} has {} cells, header {}", r,
                         t.rows[r].size(), t.columns.size());
    if (t.lines[r] < 2 || (r > 0 && t.lines[r] <= t.lines[r - 1]))
      return fmt::format("[table_reader/lines] line numbers not increasing from 2: row {} line {}",
                         r, t.lines[r]);
  }
  if (t.encoding != "UTF-8" && t.encoding != "CP874")
    return "[table_reader/encoding] encoding " + escaped(t.encoding);
  if (t.encoding_source != (in.options.encoding ? "flag" : "detected"))
    return "[table_reader/encoding] encoding_source " + escaped(t.encoding_source);
  if (in.options.delimiter && t.delimiter != *in.options.delimiter)
    return "[table_reader/delimiter] the delimiter given was not used";
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const std::string& name = t.columns[c];
    if (!is_valid_utf8(name))
      return fmt::format("[table_reader/utf8] column {} is not valid UTF-8: {} (encoding {})", c,
                         escaped(name), t.encoding);
    if (!name.empty() && is_ascii_space(name.back()))
      return fmt::format("[table_reader/header-trim] column {} ends in white space: {}", c,
                         escaped(name));
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      if (!is_valid_utf8(t.rows[r][c]))
        return fmt::format(
            "[table_reader/utf8] row {} (line {}) cell {} is not valid UTF-8: {} (encoding {}, {})",
            r, t.lines[r], c, escaped(t.rows[r][c]), t.encoding, t.encoding_source);
    }
  }
  // Written back with every cell quoted and read with the same delimiter, the table is the
  // same. A single column named "" cannot be written back (its header line "" reads as blank).
  const char d = t.delimiter;
  const bool writable = d != '"' && d != '\r' && d != '\n' &&
                        static_cast<unsigned char>(d) < 0x80 &&
                        !(t.columns.size() == 1 && t.columns[0].empty());
  if (writable) {
    const std::string text = write_csv(t, d);
    TableReadOptions again_options;
    again_options.delimiter = d;
    again_options.encoding = "UTF-8";
    const Result<TextTable> again = parse_csv(text, path, again_options);
    if (!again)
      return "[table_reader/round-trip] the table written back does not read: " +
             again.error().message;
    if (again->columns != t.columns || again->rows != t.rows)
      return "[table_reader/round-trip] the table written back reads differently: " + escaped(text);
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// 2. Number parser: parse_number. Input: the cell text.

// The cell as parse_number documents it: Thai digits to ASCII, no-break spaces to spaces,
// surrounding white space trimmed. Empty optional when other non-ASCII bytes are present.
inline std::optional<std::string> documented_ascii(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
    } else if (text.substr(i, 2) == "\xC2\xA0") {
      out += ' ';
      i += 1;
    } else if (text.substr(i, 2) == "\xE0\xB9" && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90));
      i += 2;
    } else {
      return std::nullopt;
    }
  }
  std::size_t b = 0;
  std::size_t e = out.size();
  while (b < e && is_ascii_space(out[b])) ++b;
  while (e > b && is_ascii_space(out[e - 1])) --e;
  return out.substr(b, e - b);
}

// The grammar parse_number documents for a number, written independently:
//   [+-] integer [. digits] [(e|E) [+-] digits]
// where the integer is plain digits or groups of three after a first group of one to three,
// separated by ',' or ' '. `strict` (no exponent, digits on both sides of a point, at most 15
// digits in all) marks the texts that must parse as a number with no doubt about range.
struct GrammarMatch {
  bool matches = false;
  bool strict = false;
};

inline GrammarMatch documented_number_grammar(std::string_view s) {
  GrammarMatch m;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  std::size_t group = 0;
  bool grouped = false;
  bool first_group = true;
  for (; i < s.size(); ++i) {
    if (is_ascii_digit(s[i])) {
      ++digits;
      ++group;
    } else if (s[i] == ',' || s[i] == ' ') {
      if (group == 0 || group > 3 || (!first_group && group != 3)) return m;
      first_group = false;
      grouped = true;
      group = 0;
    } else {
      break;
    }
  }
  if (grouped && group != 3) return m;
  const std::size_t integer_digits = digits;
  bool point = false;
  std::size_t fraction_digits = 0;
  if (i < s.size() && s[i] == '.') {
    point = true;
    ++i;
    while (i < s.size() && is_ascii_digit(s[i])) {
      ++i;
      ++fraction_digits;
    }
  }
  if (integer_digits + fraction_digits == 0) return m;
  bool exponent = false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    exponent = true;
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < s.size() && is_ascii_digit(s[i])) {
      ++i;
      ++exponent_digits;
    }
    if (exponent_digits == 0) return m;
  }
  if (i != s.size()) return m;
  m.matches = true;
  m.strict = !exponent && integer_digits > 0 && (!point || fraction_digits > 0) &&
             integer_digits + fraction_digits <= 15;
  return m;
}

inline bool is_documented_blank(std::string_view trimmed) {
  std::string lower;
  for (char c : trimmed) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return lower.empty() || lower == "-" || lower == "na" || lower == "n/a" || lower == "null" ||
         lower == "nan" || lower == "#n/a";
}

inline std::string kind_name(ParsedNumber::Kind kind) {
  switch (kind) {
    case ParsedNumber::Kind::number:
      return "number";
    case ParsedNumber::Kind::blank:
      return "blank";
    case ParsedNumber::Kind::invalid:
      return "invalid";
  }
  return "?";
}

inline bool same_number(const ParsedNumber& a, const ParsedNumber& b) {
  return a.kind == b.kind &&
         std::bit_cast<std::uint64_t>(a.value) == std::bit_cast<std::uint64_t>(b.value);
}

inline std::string check_number_parse(std::string_view text) {
  const ParsedNumber p = parse_number(text);
  if (p.kind == ParsedNumber::Kind::number) {
    if (!std::isfinite(p.value))
      return "[number_parse/finite] " + escaped(text) + " parsed as a non-finite number";
    const std::string printed = fmt::format("{}", p.value);
    const ParsedNumber again = parse_number(printed);
    if (!same_number(p, again))
      return fmt::format("[number_parse/reparse] {} parsed as {}, printed {}, re-parsed as {} {}",
                         escaped(text), p.value, printed, kind_name(again.kind), again.value);
  } else if (p.value != 0) {
    return "[number_parse/value] a " + kind_name(p.kind) + " result carries a value";
  }
  // Against the documented grammar, where the text has only the documented characters.
  if (const auto ascii = documented_ascii(text)) {
    const GrammarMatch grammar = documented_number_grammar(*ascii);
    if (p.kind == ParsedNumber::Kind::number && !grammar.matches)
      return fmt::format("[number_parse/grammar-accepts] {} is no documented number: parsed as {}",
                         escaped(text), p.value);
    if (grammar.strict && p.kind != ParsedNumber::Kind::number)
      return "[number_parse/grammar-rejects] " + escaped(text) +
             " is a plain number but parsed as " + kind_name(p.kind);
    if ((p.kind == ParsedNumber::Kind::blank) != is_documented_blank(*ascii))
      return "[number_parse/blank] " + escaped(text) + " parsed as " + kind_name(p.kind);
  } else if (p.kind != ParsedNumber::Kind::invalid) {
    return "[number_parse/non-ascii] " + escaped(text) + " has undocumented non-ASCII bytes but " +
           "parsed as " + kind_name(p.kind);
  }
  // Thai digits read as ASCII ones.
  std::string thai;
  for (char c : text) {
    if (is_ascii_digit(c)) {
      thai += "\xE0\xB9";
      thai += static_cast<char>(0x90 + (c - '0'));
    } else {
      thai += c;
    }
  }
  if (thai.size() != text.size() && !same_number(p, parse_number(thai)))
    return "[number_parse/thai-digits] " + escaped(text) + " and " + escaped(thai) +
           " parse differently";
  return {};
}

// ---------------------------------------------------------------------------------------------
// 3. Administrative codes: normalise_code and normalise_composite_code.
//
// Input: the first byte picks the call, the rest is the raw value.
//   byte % 4 + 1:   the level for normalise_code (1 province .. 4 village);
//   (byte / 4) % 2: 1 calls normalise_composite_code with the rest split at '|' (so 0 to any
//                   number of parts; the level is the number of parts).
// '0' province, '1' amphoe, '2' tambon, '3' village; '6' composite.

inline std::string check_valid_code(const NormalisedCode& v, AdminLevel level,
                                    std::string_view what) {
  const std::string& code = v.code;
  if (code.size() != static_cast<std::size_t>(code_digits(level)))
    return fmt::format("[admin_code/digits] {} gave {}, {} digits expected", what, escaped(code),
                       code_digits(level));
  for (char c : code) {
    if (!is_ascii_digit(c))
      return fmt::format("[admin_code/digits] {} gave {}, not all digits", what, escaped(code));
  }
  if (find_province(code.substr(0, 2)) == nullptr)
    return fmt::format("[admin_code/province] {} gave {}, an unknown province", what, code);
  for (std::size_t i = 2; i + 2 <= code.size(); i += 2) {
    if (code.compare(i, 2, "00") == 0)
      return fmt::format("[admin_code/part-00] {} gave {} with a part 00", what, code);
  }
  const CodeCheck again = normalise_code(code, level);
  if (!again.value)
    return fmt::format("[admin_code/idempotent] {} gave {}, which normalises to a problem: {}",
                       what, code, again.problem);
  if (again.value->code != code || !again.value->fix_note.empty())
    return fmt::format("[admin_code/idempotent] {} gave {}, which normalises to {} with note {}",
                       what, code, again.value->code, escaped(again.value->fix_note));
  return {};
}

inline std::string check_admin_code(std::string_view data) {
  if (data.empty()) return {};
  const auto selector = static_cast<unsigned char>(data[0]);
  const std::string_view raw = data.substr(1);
  if ((selector / 4) % 2 == 0) {
    const auto level = static_cast<AdminLevel>(selector % 4 + 1);
    const CodeCheck check = normalise_code(raw, level);
    const std::string what =
        fmt::format("normalise_code({}, {})", escaped(raw), code_digits(level) / 2);
    if (check.value.has_value() == !check.problem.empty())
      return "[admin_code/result] " + what + " gave both or neither of a value and a problem";
    if (!check.value) return {};
    if (std::string failure = check_valid_code(*check.value, level, what); !failure.empty())
      return failure;
    // Surrounding spaces change nothing but the note.
    const std::string padded = " " + std::string(raw) + "\t";
    const CodeCheck padded_check = normalise_code(padded, level);
    if (!padded_check.value || padded_check.value->code != check.value->code)
      return "[admin_code/trim] " + what + " is valid but not with spaces around";
    return {};
  }
  std::vector<std::string_view> parts;
  if (!raw.empty()) {
    std::size_t start = 0;
    while (true) {
      const std::size_t bar = raw.find('|', start);
      parts.push_back(raw.substr(start, bar == std::string_view::npos ? bar : bar - start));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
  }
  const CodeCheck check = normalise_composite_code(parts);
  const std::string what = "normalise_composite_code(" + escaped(raw) + " split at '|')";
  if (check.value.has_value() == !check.problem.empty())
    return "[admin_code/result] " + what + " gave both or neither of a value and a problem";
  if (!check.value) return {};
  if (parts.empty() || parts.size() > 4)
    return fmt::format(
        "[admin_code/composite-parts] {} gave a code {} from {} parts; no level has "
        "{} digits",
        what, escaped(check.value->code), parts.size(), 2 * parts.size());
  return check_valid_code(*check.value, static_cast<AdminLevel>(parts.size()), what);
}

// ---------------------------------------------------------------------------------------------
// 4. Text encodings. Input: any bytes.

// Bytes with no character in Windows code page 874 (written here from the code page chart,
// not from text_encoding.cpp's table).
inline bool defined_in_cp874(unsigned char b) {
  if (b < 0x80 || b == 0x80 || b == 0x85 || b == 0xA0) return true;
  if (b >= 0x91 && b <= 0x97) return true;
  if (b >= 0xA1 && b <= 0xDA) return true;
  if (b >= 0xDF && b <= 0xFB) return true;
  return false;
}

inline std::string check_text_encoding(std::string_view bytes) {
  const std::string what = escaped(bytes);
  const bool valid = is_valid_utf8(bytes);
  bool ascii = true;
  bool all_cp874 = true;
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) ascii = false;
    if (!defined_in_cp874(b)) all_cp874 = false;
  }
  if (ascii && !valid) return "[text_encoding/ascii] ASCII " + what + " is not valid UTF-8";

  EncodingDetector detector;
  detector.feed(bytes);
  const EncodingGuess guess = detector.guess();
  if (ascii && (guess.encoding != TextEncoding::utf8 || guess.certain))
    return "[text_encoding/detect] ASCII " + what + " is not an uncertain UTF-8 guess";
  if (!ascii && valid && (guess.encoding != TextEncoding::utf8 || !guess.certain))
    return "[text_encoding/detect] valid UTF-8 " + what + " is not a certain UTF-8 guess";
  if (valid && detector.saw_invalid_utf8())
    return "[text_encoding/detect] valid UTF-8 " + what + " counted as invalid";

  const std::string from_cp874 = cp874_to_utf8(bytes);
  if (!is_valid_utf8(from_cp874))
    return "[text_encoding/cp874-to-utf8] " + what + " converts to invalid UTF-8 " +
           escaped(from_cp874);
  if (all_cp874) {
    bool lossy = true;
    const std::string back = utf8_to_cp874(from_cp874, &lossy);
    if (back != bytes || lossy)
      return "[text_encoding/cp874-round-trip] " + what + " converts back as " + escaped(back) +
             (lossy ? " (lossy)" : "");
  }

  const std::string clean = sanitise_utf8(bytes);
  if (!is_valid_utf8(clean))
    return "[text_encoding/sanitise] " + what + " sanitises to invalid UTF-8 " + escaped(clean);
  if (valid && clean != bytes)
    return "[text_encoding/sanitise] valid UTF-8 " + what + " changed by sanitise_utf8";
  if (sanitise_utf8(clean) != clean)
    return "[text_encoding/sanitise] sanitise_utf8 is not idempotent on " + what;

  // UTF-8 to CP874 and back, where nothing was lost.
  bool lossy = true;
  const std::string to_cp874 = utf8_to_cp874(clean, &lossy);
  if (to_cp874.size() > clean.size())
    return "[text_encoding/utf8-to-cp874] " + what + " grew when converted to CP874";
  if (!lossy && cp874_to_utf8(to_cp874) != clean)
    return "[text_encoding/utf8-round-trip] " + escaped(clean) + " converts to CP874 " +
           escaped(to_cp874) + " and back differently, with nothing reported lost";

  // Names of encodings: whatever parses names an encoding whose own name parses back to it.
  if (bytes.size() <= 32) {
    if (const auto e = parse_encoding(bytes); e && parse_encoding(encoding_name(*e)) != e)
      return "[text_encoding/name] " + what + " parses to an encoding whose name does not";
  }
  return {};
}

}  // namespace chipao::fuzz
