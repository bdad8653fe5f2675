// National ID check digits, house IDs, masking for messages, and the salted hashes.
#include "core/stats/national_id.h"

#include <gtest/gtest.h>

#include <regex>

#include "core/stats/registry_hash.h"

namespace chipao {
namespace {

TEST(NationalId, CheckDigitFollowsTheFormula) {
  // 1*13 + 2*12 + 3*11 + 4*10 + 5*9 + 6*8 + 7*7 + 8*6 + 9*5 + 0*4 + 1*3 + 2*2 = 352 = 11 * 32,
  // so the check digit is (11 - 0) mod 10 = 1.
  EXPECT_EQ(national_id_check_digit("123456789012"), 1);
  // The demo's corrected IDs (data/demo/README.md).
  EXPECT_EQ(national_id_check_digit("399057688147"), 0);
  EXPECT_EQ(national_id_check_digit("399059311290"), 0);
  EXPECT_EQ(national_id_check_digit("399029447411"), 7);
  // A 1 in the last place weighs 2: (11 - 2) mod 10 = 9; a sum of 0 gives (11 - 0) mod 10 = 1.
  EXPECT_EQ(national_id_check_digit("000000000001"), 9);
  EXPECT_EQ(national_id_check_digit("000000000000"), 1);
}

TEST(NationalId, ValidIdsPassAndTheirOneOffTyposFail) {
  EXPECT_TRUE(check_national_id("1234567890121").ok());
  EXPECT_EQ(check_national_id("1234567890121").digits, "1234567890121");
  for (const char* good : {"3990576881470", "3990593112900", "3990294474117"})
    EXPECT_TRUE(check_national_id(good).ok()) << good;
  for (const char* bad : {"3990576881471", "3990593112901", "3990294474118"}) {
    const IdCheck c = check_national_id(bad);
    EXPECT_FALSE(c.ok()) << bad;
    EXPECT_TRUE(c.digits.empty());
    EXPECT_NE(c.problem.find("check digit"), std::string::npos);
    EXPECT_EQ(c.problem.find(bad), std::string::npos) << "a problem must not repeat the ID";
  }
}

TEST(NationalId, AcceptsHowPeopleTypeIds) {
  EXPECT_EQ(check_national_id("3-9905-76881-47-0").digits, "3990576881470");
  EXPECT_EQ(check_national_id(" 3 9905 76881 47 0 ").digits, "3990576881470");
  EXPECT_EQ(check_national_id("3990576881470.0").digits, "3990576881470");
  // Thai digits ๓๙๙๐๕๗๖๘๘๑๔๗๐
  EXPECT_EQ(check_national_id("๓๙๙๐๕๗๖๘๘๑๔๗๐").digits, "3990576881470");
}

TEST(NationalId, RejectsWhatIsNotAnId) {
  EXPECT_EQ(check_national_id("").problem, "blank");
  EXPECT_EQ(check_national_id("   ").problem, "blank");
  EXPECT_NE(check_national_id("399057688147").problem.find("13 digits expected, got 12"),
            std::string::npos);
  EXPECT_NE(check_national_id("3.99058E+12").problem.find("other than digits"), std::string::npos);
  EXPECT_NE(check_national_id("นายสมชาย").problem.find("other than digits"), std::string::npos);
}

TEST(HouseId, ElevenDigits) {
  EXPECT_TRUE(check_house_id("99010000013").ok());
  EXPECT_EQ(check_house_id("9901-0000013").digits, "99010000013");
  EXPECT_NE(check_house_id("9901000001").problem.find("11 digits expected, got 10"),
            std::string::npos);
  EXPECT_FALSE(check_house_id("").ok());
}

TEST(Masking, ShowsOnlyTheLastThreeDigits) {
  EXPECT_EQ(mask_national_id("3990576881470"), "x-xxxx-xxxxx-47-0");
  EXPECT_EQ(mask_national_id("3-9905-76881-47-1"), "x-xxxx-xxxxx-47-1");
  EXPECT_EQ(mask_national_id("399057688147"), "xxxxxxxxx147");  // 12 digits
  EXPECT_EQ(mask_national_id("abc"), "xxx");
  EXPECT_EQ(mask_national_id("สมชาย"), "xxxxx");  // a name never shows
  EXPECT_EQ(mask_national_id("7"), "x");
  EXPECT_EQ(mask_national_id(""), "");
  EXPECT_EQ(mask_house_id("99010001872"), "xxxxxxxx872");
  // A long run of digits is capped, never shown.
  const std::string masked = mask_national_id(std::string(40, '5'));
  EXPECT_EQ(masked, std::string(16, 'x') + "555");
  const std::regex run(R"(\d{4,})");
  for (const char* id : {"3990576881470", "1234567890121", "99010001872", "399057688147"}) {
    EXPECT_FALSE(std::regex_search(mask_national_id(id), run)) << id;
    EXPECT_FALSE(std::regex_search(mask_house_id(id), run)) << id;
  }
}

TEST(IdHasher, IsSha256OfSaltAndId) {
  // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
  const IdHasher hasher({'a', 'b'});
  const auto d = hasher.digest("c");
  EXPECT_EQ(d[0], 0xba);
  EXPECT_EQ(d[1], 0x78);
  EXPECT_EQ(d[31], 0xad);
  const IdKey k = hasher.key("c");
  EXPECT_EQ(k.hi, 0xba7816bf8f01cfeaULL);
  EXPECT_EQ(k.lo, 0x414140de5dae2223ULL);
}

TEST(IdHasher, TheSaltChangesEveryKey) {
  const IdHasher a({1, 2, 3, 4, 5, 6, 7, 8});
  const IdHasher b({1, 2, 3, 4, 5, 6, 7, 9});
  EXPECT_EQ(a.key("3990576881470"), a.key("3990576881470"));
  EXPECT_NE(a.key("3990576881470"), b.key("3990576881470"));
  EXPECT_NE(a.key("3990576881470"), a.key("3990593112900"));
}

TEST(Salt, HexAndRandom) {
  auto s = parse_salt_hex("00ff10A0b1c2d3e4");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(*s, (std::vector<std::uint8_t>{0x00, 0xff, 0x10, 0xa0, 0xb1, 0xc2, 0xd3, 0xe4}));
  EXPECT_FALSE(parse_salt_hex("00ff"));               // too short
  EXPECT_FALSE(parse_salt_hex("00ff10A0b1c2d3e4f"));  // odd
  auto bad = parse_salt_hex("00ff10A0b1c2d3eg");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("character 16"), std::string::npos);
  const auto r1 = random_salt();
  const auto r2 = random_salt();
  EXPECT_EQ(r1.size(), 16u);
  EXPECT_NE(r1, r2);
}

}  // namespace
}  // namespace chipao
