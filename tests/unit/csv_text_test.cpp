// CSV text that a spreadsheet would run as a formula gets a leading apostrophe; text that is
// a plain number, and any other text, is left as it is (core/io/csv_text.h).
#include "core/io/csv_text.h"

#include <gtest/gtest.h>

namespace chipao {
namespace {

TEST(CsvText, FormulaStartsAreNeutralised) {
  for (const std::string text : {"=SUM(A1:A9)", "+A1", "-A1+2", "@SUM(1,2)", "\t=1", "\r=1", "=",
                                 "-", "+", "-5-5", "+3.2e", "-1,5"}) {
    EXPECT_EQ(csv_safe_text(text), "'" + text) << text;
  }
}

TEST(CsvText, PlainNumbersAndOtherTextStay) {
  for (const std::string text : {"-5", "+3.2", "-.5", "+1e3", "-2.5E-3", "42", "โซนเหนือ", "a=b",
                                 "#e6550d", "1/10/2567", " =1", ""}) {
    EXPECT_EQ(csv_safe_text(text), text) << text;
  }
}

TEST(CsvText, CellsAreQuotedAfterNeutralising) {
  EXPECT_EQ(csv_text_cell("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv_text_cell("@A1"), "'@A1");
  EXPECT_EQ(csv_text_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_text_cell("-5"), "-5");
}

}  // namespace
}  // namespace chipao
