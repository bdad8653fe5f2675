// Thai national identification numbers (เลขประจำตัวประชาชน): 13 digits, the last a check digit.
#pragma once

#include <string>

namespace chipao::demogen {

// The check digit of the first 12 digits: (11 - sum(d_i * (13 - i)) mod 11) mod 10, i = 0..11.
char thai_id_check_digit(const std::string& first_twelve);

// Whether a 13-character string is digits with a correct check digit.
bool is_valid_thai_id(const std::string& id);

}  // namespace chipao::demogen
