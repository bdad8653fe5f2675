#include "thai_id.h"

namespace chipao::demogen {

char thai_id_check_digit(const std::string& first_twelve) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) {
    sum += (first_twelve[static_cast<std::size_t>(i)] - '0') * (13 - i);
  }
  return static_cast<char>('0' + (11 - sum % 11) % 10);
}

bool is_valid_thai_id(const std::string& id) {
  if (id.size() != 13) return false;
  for (const char c : id) {
    if (c < '0' || c > '9') return false;
  }
  return id[12] == thai_id_check_digit(id.substr(0, 12));
}

}  // namespace chipao::demogen
