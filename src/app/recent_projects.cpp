#include "app/recent_projects.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace chipao::app {

namespace {
using nlohmann::json;
namespace fs = std::filesystem;
}  // namespace

std::optional<fs::path> RecentProjects::default_file() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return fs::path(xdg) / "chipao" / "recent.json";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".config" / "chipao" / "recent.json";
  return std::nullopt;
}

RecentProjects RecentProjects::load(fs::path file) {
  RecentProjects out;
  out.file_ = std::move(file);
  std::ifstream in(out.file_, std::ios::binary);
  if (!in) return out;
  std::stringstream text;
  text << in.rdbuf();
  const json list = json::parse(text.str(), nullptr, false);
  if (!list.is_array()) {
    out.warning_ = fmt::format("{}: not a list of recent projects; it will be written anew",
                               out.file_.string());
    return out;
  }
  for (const json& item : list) {
    if (!item.is_object() || !item.contains("path") || !item["path"].is_string()) continue;
    RecentProject p;
    p.path = item["path"].get<std::string>();
    if (item.contains("amphoe") && item["amphoe"].is_string()) p.amphoe = item["amphoe"];
    if (item.contains("opened") && item["opened"].is_string()) p.opened = item["opened"];
    out.entries_.push_back(std::move(p));
    if (out.entries_.size() == kMaxEntries) break;
  }
  return out;
}

Result<void> RecentProjects::add(const std::string& path, const std::string& amphoe,
                                 const std::string& date) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  const std::string key = ec ? path : absolute.lexically_normal().string();
  std::erase_if(entries_, [&](const RecentProject& p) { return p.path == key; });
  entries_.insert(entries_.begin(), RecentProject{key, amphoe, date});
  if (entries_.size() > kMaxEntries) entries_.resize(kMaxEntries);
  return save();
}

Result<void> RecentProjects::remove(const std::string& path) {
  std::erase_if(entries_, [&](const RecentProject& p) { return p.path == path; });
  return save();
}

Result<void> RecentProjects::save() const {
  if (file_.empty()) return {};
  json list = json::array();
  for (const RecentProject& p : entries_)
    list.push_back({{"path", p.path}, {"amphoe", p.amphoe}, {"opened", p.opened}});
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  // Written beside and renamed: a crash never leaves half a list.
  const fs::path temporary = file_.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << list.dump(2) << "\n";
    out.flush();
    if (!out)
      return fail(fmt::format("{}: could not save the recent projects; check the disk has space",
                              temporary.string()));
  }
  fs::rename(temporary, file_, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return fail(
        fmt::format("{}: could not save the recent projects ({})", file_.string(), ec.message()));
  }
  return {};
}

std::string today_iso_date() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return fmt::format("{:04d}-{:02d}-{:02d}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace chipao::app
