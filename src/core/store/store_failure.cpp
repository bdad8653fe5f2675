#include "core/store/store_failure.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

namespace chipao {

namespace {

namespace fs = std::filesystem;

// The path itself when it exists, else the nearest folder above it that does.
std::string existing_ancestor(const std::string& path) {
  std::error_code ec;
  fs::path p(path);
  while (!p.empty() && !fs::exists(p, ec)) {
    const fs::path parent = p.parent_path();
    if (parent == p) break;
    p = parent;
  }
  return p.empty() ? std::string(".") : p.string();
}

std::string folder_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

std::string human_bytes(long long bytes) {
  if (bytes < 0) return "unknown space";
  if (bytes < 1024 * 1024) return fmt::format("{} KB", bytes / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

bool on_read_only_medium(const std::string& path) {
  struct statvfs fs_info {};
  if (statvfs(existing_ancestor(path).c_str(), &fs_info) != 0) return false;
  return (fs_info.f_flag & ST_RDONLY) != 0;
}

long long free_bytes(const std::string& path) {
  struct statvfs fs_info {};
  if (statvfs(existing_ancestor(path).c_str(), &fs_info) != 0) return -1;
  return static_cast<long long>(fs_info.f_bavail) * static_cast<long long>(fs_info.f_frsize);
}

StoreFailure classify_store_failure(const std::string& path, int sqlite_rc, int os_errno) {
  const int primary = sqlite_rc & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return StoreFailure::damaged;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return StoreFailure::busy;
  if (os_errno == ENOSPC || primary == SQLITE_FULL) return StoreFailure::disk_full;
  if (os_errno == EROFS || on_read_only_medium(path)) {
    // A read-only mount explains every failure to write, whatever code SQLite gave.
    if (primary == SQLITE_READONLY || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN ||
        primary == SQLITE_PERM || os_errno == EROFS)
      return StoreFailure::read_only_medium;
  }
  if (os_errno == EACCES || os_errno == EPERM || primary == SQLITE_PERM || primary == SQLITE_AUTH)
    return StoreFailure::no_permission;
  if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN) {
    // The file or its folder (where SQLite keeps the -wal and -shm files) is not writable by
    // this user: a permission matter, unless it is simply not there.
    std::error_code ec;
    if (!fs::exists(path, ec)) return StoreFailure::missing;
    if (access(path.c_str(), W_OK) != 0 || access(folder_of(path).c_str(), W_OK) != 0 ||
        access(path.c_str(), R_OK) != 0)
      return StoreFailure::no_permission;
  }
  if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) {
    // tmpfs and some other file systems report a full disk on the -shm file as an I/O error
    // (ftruncate or mmap failing); no space left decides it.
    const long long left = free_bytes(path);
    if (left >= 0 && left < 64 * 1024) return StoreFailure::disk_full;
  }
  return StoreFailure::other;
}

std::string store_failure_message(const std::string& path, StoreFailure failure,
                                  std::string_view doing, std::string_view detail) {
  switch (failure) {
    case StoreFailure::disk_full:
      return fmt::format(
          "{}: the disk is full ({} left), so ChiPao could not {}; the project is unchanged — "
          "free some space and try again",
          path, human_bytes(free_bytes(path)), doing);
    case StoreFailure::read_only_medium:
      return fmt::format(
          "{} is on a read-only disk or folder, so ChiPao could not {}; it opens for viewing, "
          "tallies and export — copy it to a writable folder to edit it",
          path, doing);
    case StoreFailure::no_permission:
      return fmt::format(
          "{}: you do not have permission to {} (the file or its folder belongs to someone "
          "else); ask its owner for access, or copy the project to your own folder",
          path, doing);
    case StoreFailure::busy:
      return fmt::format(
          "{} is busy: another ChiPao program is saving to it, so ChiPao could not {}; nothing "
          "was changed — try again in a moment",
          path, doing);
    case StoreFailure::damaged:
      return fmt::format(
          "{} is damaged ({}); restore it from a backup or recreate it with chipao-cli project "
          "new",
          path, detail);
    case StoreFailure::missing:
      return fmt::format("{} does not exist; create a project with chipao-cli project new", path);
    case StoreFailure::other:
      break;
  }
  return fmt::format("{}: could not {} ({}); check the disk and try again", path, doing, detail);
}

}  // namespace chipao
