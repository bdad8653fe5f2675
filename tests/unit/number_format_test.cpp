#include "core/util/number_format.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace chipao {
namespace {

TEST(FormatThousands, GroupsByThreeAndRounds) {
  EXPECT_EQ(format_thousands(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(format_thousands(1234567.891), "1,234,568");
  EXPECT_EQ(format_thousands(0), "0");
  EXPECT_EQ(format_thousands(999), "999");
  EXPECT_EQ(format_thousands(1000), "1,000");
  EXPECT_EQ(format_thousands(100000), "100,000");
  EXPECT_EQ(format_thousands(12.5, 1), "12.5");
  EXPECT_EQ(format_thousands(7, 2), "7.00");
  EXPECT_EQ(format_thousands(999999.996, 2), "1,000,000.00");
}

TEST(FormatThousands, NegativesNaNAndInfinity) {
  EXPECT_EQ(format_thousands(-1200), "-1,200");
  EXPECT_EQ(format_thousands(-0.004, 2), "0.00");
  EXPECT_EQ(format_thousands(-0.0), "0");
  EXPECT_EQ(format_thousands(std::numeric_limits<double>::quiet_NaN()), "\u2013");
  EXPECT_EQ(format_thousands(std::numeric_limits<double>::infinity()), "\u221e");
  EXPECT_EQ(format_thousands(-std::numeric_limits<double>::infinity()), "-\u221e");
}

TEST(FormatThousands, DecimalsAreClamped) {
  EXPECT_EQ(format_thousands(1.5, -3), "2");
  EXPECT_EQ(format_thousands(1, 40), "1.000000000");
}

TEST(FormatCount, IntegersIncludingExtremes) {
  EXPECT_EQ(format_count(7425), "7,425");
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(-65000), "-65,000");
  EXPECT_EQ(format_count(std::numeric_limits<std::int64_t>::max()), "9,223,372,036,854,775,807");
  EXPECT_EQ(format_count(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
}

TEST(FormatDate, BuddhistEraInThaiCommonEraInEnglish) {
  EXPECT_EQ(buddhist_year(2026), 2569);
  EXPECT_EQ(buddhist_year(2018), 2561);
  EXPECT_EQ(format_date_be(2026, 11, 21, true), "21 พ.ย. 2569");
  EXPECT_EQ(format_date_be(2026, 11, 21, false), "21 Nov 2026");
  EXPECT_EQ(format_date_be(2018, 1, 1, true), "1 ม.ค. 2561");
  EXPECT_EQ(format_date_be(2018, 3, 5, true), "5 มี.ค. 2561");
  EXPECT_EQ(format_date_be(2018, 4, 13, true), "13 เม.ย. 2561");
  EXPECT_EQ(format_date_be(2018, 12, 31, true), "31 ธ.ค. 2561");
  EXPECT_EQ(format_date_be(2018, 6, 9, false), "9 Jun 2018");
}

TEST(FormatDate, ImpossibleMonthIsShownAsNumbersNotAName) {
  EXPECT_EQ(format_date_be(2026, 13, 21, true), "21/13/2569");
  EXPECT_EQ(format_date_be(2026, 0, 1, false), "1/0/2026");
}

}  // namespace
}  // namespace chipao
