// Thai national IDs (เลขประจำตัวประชาชน, 13 digits) and house IDs (รหัสบ้าน, 11 digits) as
// household registries write them: checking, normalising and masking for messages.
//
// A national ID is a type digit, 11 further digits and a check digit:
//   d12 = (11 - (sum_{i=0..11} d_i * (13 - i)) mod 11) mod 10.
// IDs identify persons: nothing here returns or prints a full ID except check_*(), whose
// normalised digits are meant to be hashed at once (core/stats/registry_hash.h) and dropped.
#pragma once

#include <string>
#include <string_view>

namespace chipao {

struct IdCheck {
  std::string digits;   // normalised ASCII digits; empty when the value is not an ID
  std::string problem;  // why not, in words that show no more than the masked value
  bool ok() const { return problem.empty(); }
};

// The check digit for the first 12 digits. Precondition: `first12` is 12 ASCII digits.
int national_id_check_digit(std::string_view first12);

// Accepts what people type: spaces and dashes between groups ("3-9905-76881-47-0"), Thai
// digits, a ".0" left by a spreadsheet's number cell. Blank is a problem ("blank").
IdCheck check_national_id(std::string_view raw);
// 11 digits (amphoe code + running number), with the same tolerance as above.
IdCheck check_house_id(std::string_view raw);

// What messages and reports show of an ID: never the full value. A 13-digit national ID
// becomes "x-xxxx-xxxxx-47-0" (the last three digits in the usual grouping); anything else
// shows 'x' per character and at most its last three characters when those are digits.
std::string mask_national_id(std::string_view raw);
// "xxxxxxxx872": the last three digits of a house ID.
std::string mask_house_id(std::string_view raw);

}  // namespace chipao
