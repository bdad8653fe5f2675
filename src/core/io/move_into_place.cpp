#include "core/io/move_into_place.h"

#include <fmt/format.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace chipao {

Result<std::vector<std::string>> move_files_into_place(std::span<const fs::path> folders,
                                                       const fs::path& dir) {
  std::vector<std::string> written;
  std::error_code ec;
  for (const fs::path& folder : folders) {
    if (!fs::is_directory(folder, ec)) continue;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (!entry.is_regular_file()) continue;
      const fs::path final_path = dir / entry.path().filename();
      fs::rename(entry.path(), final_path, ec);
      if (ec)
        return fail(fmt::format("{}: cannot move the written file into place ({})",
                                final_path.string(), ec.message()));
      written.push_back(final_path.string());
    }
  }
  std::sort(written.begin(), written.end());
  return written;
}

}  // namespace chipao
