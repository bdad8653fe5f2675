#include "core/stats/number_parse.h"

#include <gtest/gtest.h>

namespace chipao {
namespace {

double number(std::string_view s) {
  const ParsedNumber p = parse_number(s);
  EXPECT_EQ(p.kind, ParsedNumber::Kind::number) << "'" << s << "'";
  return p.value;
}

ParsedNumber::Kind kind(std::string_view s) {
  return parse_number(s).kind;
}

TEST(ParseNumber, PlainAndSignedAndDecimal) {
  EXPECT_EQ(number("0"), 0);
  EXPECT_EQ(number("1763"), 1763);
  EXPECT_EQ(number("-5"), -5);
  EXPECT_EQ(number("+5"), 5);
  EXPECT_DOUBLE_EQ(number("1.79265043824863"), 1.79265043824863);
  EXPECT_DOUBLE_EQ(number("2.5e3"), 2500);
}

TEST(ParseNumber, ThousandsSeparatorsInGroupsOfThree) {
  EXPECT_EQ(number("1,234"), 1234);
  EXPECT_EQ(number("1,234,567.5"), 1234567.5);
  EXPECT_EQ(number("12 345"), 12345);
  EXPECT_EQ(kind("1,2"), ParsedNumber::Kind::invalid);
  EXPECT_EQ(kind("12,34"), ParsedNumber::Kind::invalid);
  EXPECT_EQ(kind("1,2345"), ParsedNumber::Kind::invalid);
  EXPECT_EQ(kind(",123"), ParsedNumber::Kind::invalid);
}

TEST(ParseNumber, ThaiDigitsAndSpaces) {
  EXPECT_EQ(number("๑,๒๓๔"), 1234);
  EXPECT_EQ(number(" ๙๐ "), 90);
  EXPECT_EQ(number("\xC2\xA0"
                   "42"),
            42);
}

TEST(ParseNumber, BlanksAreMissingNotZero) {
  for (const char* s : {"", "  ", "-", "NA", "n/a", "NULL", "nan", "#N/A"}) {
    EXPECT_EQ(kind(s), ParsedNumber::Kind::blank) << s;
  }
}

TEST(ParseNumber, RejectsText) {
  for (const char* s :
       {"abc", "12abc", "1.2.3", "ห้า", "inf", "1e999", "--1", "0x10", "+-5", "++5"}) {
    EXPECT_EQ(kind(s), ParsedNumber::Kind::invalid) << s;
  }
}

}  // namespace
}  // namespace chipao
