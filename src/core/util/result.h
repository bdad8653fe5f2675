// Result<T>: the value of an operation a user's input can make fail.
//
// Expected failures (a bad file, an unmatched code, a missing field) are values, never
// exceptions. Error::message is one line a planner can act on: it names the file, the
// feature or row, the field, and what to do.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace chipao {

struct Error {
  std::string message;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string message) {
  return std::unexpected<Error>(Error{std::move(message)});
}

}  // namespace chipao
