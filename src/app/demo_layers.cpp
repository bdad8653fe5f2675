#include "app/demo_layers.h"

#include <system_error>

namespace chipao::app {

namespace fs = std::filesystem;

namespace {
bool has_demo_descriptors(const fs::path& folder) {
  std::error_code error;
  return fs::is_regular_file(folder / kDemoDescriptorNames[0], error);
}
}  // namespace

Result<fs::path> find_demo_layer_folder(const fs::path& executable) {
  std::error_code error;
  fs::path folder = fs::weakly_canonical(executable, error).parent_path();
  std::string searched;
  while (!folder.empty()) {
    for (const fs::path& candidate : {folder / "layers", folder / "share" / "chipao" / "layers"}) {
      if (has_demo_descriptors(candidate)) return candidate;
    }
    if (searched.empty()) searched = folder.string();
    if (folder == folder.parent_path()) break;
    folder = folder.parent_path();
  }
#ifdef CHIPAO_SOURCE_DIR
  const fs::path source_layers = fs::path(CHIPAO_SOURCE_DIR) / "layers";
  if (has_demo_descriptors(source_layers)) return source_layers;
  searched += " and upwards, and " + source_layers.string();
#else
  searched += " and upwards";
#endif
  return fail(std::string("demo layers not found: no layers/") + kDemoDescriptorNames[0] + " in " +
              searched + "; open layers with --layer PATH instead");
}

std::vector<std::string> demo_descriptor_paths(const fs::path& folder,
                                               std::vector<std::string>& missing) {
  std::vector<std::string> paths;
  for (const char* name : kDemoDescriptorNames) {
    const fs::path path = folder / name;
    std::error_code error;
    if (fs::is_regular_file(path, error)) {
      paths.push_back(path.string());
    } else {
      missing.push_back(path.string());
    }
  }
  return paths;
}

fs::path current_executable(const char* argv0) {
  std::error_code error;
  fs::path path = fs::read_symlink("/proc/self/exe", error);
  if (!error) return path;
  return fs::absolute(argv0 != nullptr ? argv0 : "chipao", error);
}

}  // namespace chipao::app
