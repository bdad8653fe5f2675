// Finding the demo province's layer descriptors (layers/demo_*.json).
//
// Looked for in every folder from the executable's folder upwards (a build tree inside the
// checkout, or an install with share/chipao/layers), then in the source tree this binary was
// built from.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace chipao::app {

// Load order only; the app draws layers sorted by administrative level.
inline constexpr const char* kDemoDescriptorNames[] = {"demo_amphoe.json", "demo_tambon.json",
                                                       "demo_village.json"};

// The folder holding the demo descriptors, or an Error naming the places searched.
Result<std::filesystem::path> find_demo_layer_folder(const std::filesystem::path& executable);

// Paths of the demo descriptors that exist in `folder`; missing ones are listed in `missing`.
std::vector<std::string> demo_descriptor_paths(const std::filesystem::path& folder,
                                               std::vector<std::string>& missing);

// The running executable (from /proc/self/exe), or argv[0] when that is unreadable.
std::filesystem::path current_executable(const char* argv0);

}  // namespace chipao::app
