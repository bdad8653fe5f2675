// The last step of an export written in a temporary folder beside its target: every file is
// moved into the target folder by rename, so a failed export never leaves a half-written file
// under a name the planner will open. Renames within one file system are atomic per file.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace chipao {

// Moves every regular file directly inside each of `folders` (folders that do not exist are
// skipped) into `dir`, keeping its name and replacing a file already there. Returns the final
// paths, sorted; the first rename that fails is an error naming the file.
Result<std::vector<std::string>> move_files_into_place(
    std::span<const std::filesystem::path> folders, const std::filesystem::path& dir);

}  // namespace chipao
