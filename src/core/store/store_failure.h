// Why a project file could not be read or written, told truthfully.
//
// A planner who reads "damaged ... recreate it" about a healthy file on a full disk throws away
// their work. So a failure is first sorted by its cause — the disk is full, the file or its
// medium is read-only, the user lacks permission, another program holds the write lock, or
// the file really is damaged — and each cause gets its own one-line message naming the file
// and what to do. Only `damaged` may say "damaged".
#pragma once

#include <string>
#include <string_view>

namespace chipao {

enum class StoreFailure {
  disk_full,         // ENOSPC, SQLITE_FULL, or an I/O error on a disk with no space left
  read_only_medium,  // EROFS, or the file system is mounted read-only
  no_permission,     // EACCES/EPERM: the user may not read or write the file or its folder
  busy,              // another process holds the write lock past the bounded wait
  damaged,           // SQLITE_CORRUPT, SQLITE_NOTADB, or a failed integrity check
  missing,           // the file is not there
  other,             // anything else (an I/O error with space left, out of memory)
};

// Sorts a failed SQLite call on `path`: `sqlite_rc` the extended result code, `os_errno` what
// sqlite3_system_errno() said (0 when unknown). Looks at the file system (free space, read-only
// mount, access()) to tell the causes apart where SQLite's code alone cannot.
StoreFailure classify_store_failure(const std::string& path, int sqlite_rc, int os_errno);

// The one-line message for `failure` while `doing` ("save the edit", "open the project"):
// names the file, says what happened and what to do. `detail` is SQLite's own text, added in
// parentheses for the damaged and other cases only.
std::string store_failure_message(const std::string& path, StoreFailure failure,
                                  std::string_view doing, std::string_view detail);

// The file system holding `path` (or its folder, when it does not exist) is mounted read-only.
bool on_read_only_medium(const std::string& path);
// Bytes free for unprivileged users on the file system holding `path`; -1 when unknown.
long long free_bytes(const std::string& path);

}  // namespace chipao
