// The projects a planner opened lately, for the start screen and the File menu: the newest
// first, each with the amphoe it opens on and when it was last opened. Kept per user in
// $XDG_CONFIG_HOME/chipao/recent.json (~/.config/chipao/recent.json without it), written
// beside and renamed into place so a crash never leaves half a list.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace chipao::app {

struct RecentProject {
  std::string path;    // absolute
  std::string amphoe;  // the amphoe code the project opens on; empty when it has none
  std::string opened;  // when last opened, ISO 8601 date (YYYY-MM-DD)
};

class RecentProjects {
 public:
  static constexpr std::size_t kMaxEntries = 10;

  // Reads the list at `file`; a missing file is an empty list, a malformed one too (with the
  // message in warning()): a broken list of shortcuts must not stop the app.
  static RecentProjects load(std::filesystem::path file);
  // The user's file, or nullopt when neither XDG_CONFIG_HOME nor HOME is set.
  static std::optional<std::filesystem::path> default_file();

  const std::vector<RecentProject>& entries() const { return entries_; }
  const std::string& warning() const { return warning_; }

  // Puts the project first (once), keeping at most kMaxEntries, and saves the list.
  Result<void> add(const std::string& path, const std::string& amphoe, const std::string& date);
  // Drops an entry (a project moved away) and saves the list.
  Result<void> remove(const std::string& path);

 private:
  Result<void> save() const;
  std::filesystem::path file_;
  std::vector<RecentProject> entries_;
  std::string warning_;
};

// Today's date as YYYY-MM-DD (local time).
std::string today_iso_date();

}  // namespace chipao::app
