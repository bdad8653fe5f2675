// The app's own Open dialog: folders and the files ChiPao reads, in Thai or English. Used
// where no desktop file chooser portal answers (Xvfb, a bare window manager), which is also
// where the GUI tests run; a typed path works too (Enter opens it).
//
// Precondition: draw() inside an ImGui frame on the UI thread.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/ui_text.h"

namespace chipao::app {

class FileBrowser {
 public:
  // `window_id` keeps two browsers (the app's Open, the New project dialog's) apart in ImGui.
  explicit FileBrowser(std::string window_id = "file_browser") : window_id_(std::move(window_id)) {}
  // Opens the dialog in `folder` (the user's home when empty or missing).
  void open(const std::string& folder = {});
  bool is_open() const { return open_; }
  // Draws the dialog; returns the chosen file or folder once, when the user opens it.
  std::optional<std::string> draw(Language language, float scale);

  // The entries shown for a folder: sub-folders first, then the files ChiPao reads, each
  // sorted by name; hidden entries left out. For tests.
  static std::vector<std::filesystem::directory_entry> listing(const std::filesystem::path& dir);

 private:
  void go_to(const std::filesystem::path& folder);
  std::string window_id_;
  bool open_ = false;
  bool focus_path_ = false;
  std::filesystem::path folder_;
  std::vector<std::filesystem::directory_entry> entries_;
  std::string selected_;  // a file of entries_ (full path)
  char typed_[1024] = {};
  std::string error_;
};

}  // namespace chipao::app
