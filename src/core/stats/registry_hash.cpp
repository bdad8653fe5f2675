#include "core/stats/registry_hash.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <random>
#include <stdexcept>

namespace chipao {

struct IdHasher::Impl {
  EVP_MD* md = nullptr;
  EVP_MD_CTX* ctx = nullptr;
  ~Impl() {
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
  }
};

IdHasher::IdHasher(std::vector<std::uint8_t> salt)
    : salt_(std::move(salt)), impl_(std::make_unique<Impl>()) {
  // Fetched once: the one-shot SHA256() looks the algorithm up on every call, ten times
  // slower for the millions of short IDs of a large registry.
  impl_->md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  impl_->ctx = EVP_MD_CTX_new();
  if (impl_->md == nullptr || impl_->ctx == nullptr)
    throw std::runtime_error("OpenSSL has no SHA-256 digest available");
}

IdHasher::~IdHasher() = default;
IdHasher::IdHasher(IdHasher&&) noexcept = default;
IdHasher& IdHasher::operator=(IdHasher&&) noexcept = default;

std::array<std::uint8_t, 32> IdHasher::digest(std::string_view id) const {
  std::array<std::uint8_t, 32> out{};
  unsigned int size = 0;
  if (EVP_DigestInit_ex2(impl_->ctx, impl_->md, nullptr) != 1 ||
      EVP_DigestUpdate(impl_->ctx, salt_.data(), salt_.size()) != 1 ||
      EVP_DigestUpdate(impl_->ctx, id.data(), id.size()) != 1 ||
      EVP_DigestFinal_ex(impl_->ctx, out.data(), &size) != 1 || size != out.size()) {
    throw std::runtime_error("OpenSSL SHA-256 failed");
  }
  return out;
}

IdKey IdHasher::key(std::string_view id) const {
  const std::array<std::uint8_t, 32> d = digest(id);
  IdKey k;
  for (int i = 0; i < 8; ++i) {
    k.hi = (k.hi << 8) | d[static_cast<std::size_t>(i)];
    k.lo = (k.lo << 8) | d[static_cast<std::size_t>(8 + i)];
  }
  return k;
}

std::vector<std::uint8_t> random_salt(std::size_t bytes) {
  std::random_device device;
  std::vector<std::uint8_t> salt(bytes);
  for (std::uint8_t& b : salt) b = static_cast<std::uint8_t>(device() & 0xFFu);
  return salt;
}

Result<std::vector<std::uint8_t>> parse_salt_hex(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() < 16 || hex.size() % 2 != 0)
    return fail(fmt::format(
        "the salt must be an even number of hex digits, at least 16 (got {} characters); "
        "use the project's salt, or leave it out to draw a random one",
        hex.size()));
  std::vector<std::uint8_t> salt;
  salt.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int a = nibble(hex[i]);
    const int b = nibble(hex[i + 1]);
    if (a < 0 || b < 0)
      return fail(fmt::format("the salt must be hex digits 0-9 a-f; character {} is not one",
                              a < 0 ? i + 1 : i + 2));
    salt.push_back(static_cast<std::uint8_t>(a * 16 + b));
  }
  return salt;
}

}  // namespace chipao
