#include "core/io/text_encoding.h"

#include <gtest/gtest.h>

namespace chipao {
namespace {

// "ญี่ปุ่น น้ำ" written by hand in TIS-620: code point - 0x0E01 + 0xA1.
std::string tis620_of(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    out.push_back(c < 0x80 ? static_cast<char>(c) : static_cast<char>(c - 0x0E01 + 0xA1));
  }
  return out;
}

TEST(TextEncoding, Cp874RoundTripsThaiWithToneMarks) {
  const std::string utf8 = "ญี่ปุ่น น้ำ ที่นี่ สิ้น ปู่ ฐาน";
  bool lossy = true;
  const std::string bytes = utf8_to_cp874(utf8, &lossy);
  EXPECT_FALSE(lossy);
  EXPECT_EQ(bytes.size(), 31u);  // one byte per Thai character, spaces included
  EXPECT_EQ(cp874_to_utf8(bytes), utf8);
  EXPECT_EQ(bytes, tis620_of(U"ญี่ปุ่น น้ำ ที่นี่ สิ้น ปู่ ฐาน"));
}

TEST(TextEncoding, Cp874KeepsNulAndMarksUndefinedBytes) {
  // Found by fuzzing: byte 0x00 came back as U+FFFD.
  EXPECT_EQ(cp874_to_utf8(std::string("a\0b", 3)), std::string("a\0b", 3));
  EXPECT_EQ(cp874_to_utf8("\xDB"), "\xEF\xBF\xBD");  // 0xDB is undefined in TIS-620
}

TEST(TextEncoding, Cp874MarksWhatItCannotHold) {
  bool lossy = false;
  EXPECT_EQ(utf8_to_cp874("ก€é", &lossy), std::string("\xA1\x80?"));
  EXPECT_TRUE(lossy);
}

TEST(EncodingDetector, ThaiUtf8IsUtf8) {
  EncodingDetector d;
  d.feed("ตำบลในเมือง");
  d.feed("Nai Mueang");
  EXPECT_EQ(d.guess().encoding, TextEncoding::utf8);
  EXPECT_TRUE(d.guess().certain);
}

TEST(EncodingDetector, Tis620BytesAreCp874) {
  EncodingDetector d;
  d.feed(utf8_to_cp874("ตำบลในเมือง"));
  d.feed("340101");
  EXPECT_EQ(d.guess().encoding, TextEncoding::cp874);
  EXPECT_TRUE(d.guess().certain);
  EXPECT_TRUE(d.saw_invalid_utf8());
}

TEST(EncodingDetector, PureAsciiIsUncertainUtf8) {
  EncodingDetector d;
  d.feed("Nai Mueang 340101 and a longer ASCII text beyond eight bytes");
  EXPECT_EQ(d.guess().encoding, TextEncoding::utf8);
  EXPECT_FALSE(d.guess().certain);
}

TEST(EncodingDetector, MergesCountsFromWorkers) {
  EncodingDetector a, b;
  a.feed("ascii only");
  b.feed(utf8_to_cp874("หนองบัว"));
  a.merge(b);
  EXPECT_EQ(a.guess().encoding, TextEncoding::cp874);
}

TEST(TextEncoding, ParsesWhatCpgFilesSay) {
  EXPECT_EQ(parse_encoding("UTF-8"), TextEncoding::utf8);
  EXPECT_EQ(parse_encoding("utf8\r\n"), TextEncoding::utf8);
  EXPECT_EQ(parse_encoding("874"), TextEncoding::cp874);
  EXPECT_EQ(parse_encoding("TIS-620"), TextEncoding::cp874);
  EXPECT_EQ(parse_encoding("ISO-8859-11"), TextEncoding::cp874);
  EXPECT_FALSE(parse_encoding("LATIN1"));
}

TEST(TextEncoding, SanitiseDropsATruncatedCharacter) {
  const std::string name = "ชื่อ";  // 12 bytes; a DBF cuts field names at 10
  const std::string cut = name.substr(0, 10);
  EXPECT_FALSE(is_valid_utf8(cut));
  const std::string clean = sanitise_utf8(cut);
  EXPECT_TRUE(is_valid_utf8(clean));
  EXPECT_EQ(clean, name.substr(0, 9));
}

TEST(TextEncoding, FindsThaiScript) {
  EXPECT_TRUE(has_thai_utf8("Ban หนอง"));
  EXPECT_FALSE(has_thai_utf8("Ban Nong"));
}

}  // namespace
}  // namespace chipao

namespace chipao {
namespace {

TEST(EncodingDetector, ACharacterCutAtTheEndIsTruncationNotTis620) {
  const std::string name = std::string("ชื่อตำบลยาว").substr(0, 10);  // a DBF field name limit
  EncodingDetector d;
  d.feed(name);
  d.feed("ตำบลในเมือง");
  EXPECT_EQ(d.guess().encoding, TextEncoding::utf8);
  EXPECT_FALSE(d.saw_invalid_utf8());
  // The same byte in the middle of a value is invalid.
  EncodingDetector mid;
  mid.feed(name + "abc");
  EXPECT_TRUE(mid.saw_invalid_utf8());
}

}  // namespace
}  // namespace chipao
