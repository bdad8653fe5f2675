#include "place_names.h"

#include <array>
#include <stdexcept>

namespace chipao::demogen {
namespace {

struct Syllable {
  const char* th;
  const char* en;
};

// Landforms and water: the first word of most village names in the Northeast.
constexpr std::array<Syllable, 18> kHeads{{
    {"หนอง", "Nong"},
    {"โนน", "Non"},
    {"ดอน", "Don"},
    {"ห้วย", "Huai"},
    {"ทุ่ง", "Thung"},
    {"นา", "Na"},
    {"คำ", "Kham"},
    {"โคก", "Khok"},
    {"บึง", "Bueng"},
    {"ป่า", "Pa"},
    {"กุด", "Kut"},
    {"โพน", "Phon"},
    {"หัว", "Hua"},
    {"สระ", "Sa"},
    {"วัง", "Wang"},
    {"บ่อ", "Bo"},
    {"ท่า", "Tha"},
    {"ฝั่ง", "Fang"},
}};

// Plants, colours, qualities and people.
constexpr std::array<Syllable, 34> kTails{{
    {"บัว", "Bua"},       {"สูง", "Sung"},         {"แก้ว", "Kaeo"},  {"ใหญ่", "Yai"},
    {"ไผ่", "Phai"},      {"ตาล", "Tan"},         {"ม่วง", "Muang"}, {"ยาง", "Yang"},
    {"แดง", "Daeng"},    {"ทอง", "Thong"},       {"ขาม", "Kham"},  {"เจริญ", "Charoen"},
    {"สว่าง", "Sawang"},  {"ศรี", "Si"},           {"ปู่", "Pu"},      {"ฝาง", "Fang"},
    {"น้ำใส", "Nam Sai"}, {"ญวน", "Yuan"},        {"ฐาน", "Than"},  {"ฟ้า", "Fa"},
    {"หญ้าคา", "Ya Kha"}, {"ป่าน", "Pan"},         {"เป้า", "Pao"},   {"ขี้เหล็ก", "Khi Lek"},
    {"สะแก", "Sakae"},   {"จาน", "Chan"},        {"แวง", "Waeng"}, {"ผือ", "Phue"},
    {"ดู่", "Du"},         {"ปลาขาว", "Pla Khao"}, {"ใหม่", "Mai"},   {"อุดม", "Udom"},
    {"ฝ้าย", "Fai"},      {"โพธิ์", "Pho"},
}};

}  // namespace

PlaceName draw_place_name(Rng& rng, std::set<std::string>& taken) {
  constexpr int kMaxAttempts = 10000;
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    const Syllable& head =
        kHeads[static_cast<std::size_t>(rng.int_in(0, static_cast<int>(kHeads.size()) - 1))];
    const Syllable& tail =
        kTails[static_cast<std::size_t>(rng.int_in(0, static_cast<int>(kTails.size()) - 1))];
    if (std::string(head.en) == tail.en) continue;  // "Kham Kham", "Fang Fang"
    PlaceName name{std::string(head.th) + tail.th, std::string(head.en) + " " + tail.en};
    if (taken.insert(name.th).second) return name;
  }
  throw std::runtime_error("ran out of distinct place names");
}

}  // namespace chipao::demogen
