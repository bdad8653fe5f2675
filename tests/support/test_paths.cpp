#include "support/test_paths.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace chipao::test {

std::string source_dir() {
  return CHIPAO_SOURCE_DIR;
}
std::string cli_path() {
  return CHIPAO_CLI_PATH;
}

std::string shared_data_dir() {
  if (const char* env = std::getenv("CHIPAO_SHARED_DATA"); env != nullptr && *env != '\0') {
    return fs::is_directory(env) ? std::string(env) : std::string();
  }
  return fs::is_directory(CHIPAO_SHARED_DATA_DIR) ? std::string(CHIPAO_SHARED_DATA_DIR)
                                                  : std::string();
}

std::string shared_data(const std::string& relative) {
  const std::string root = shared_data_dir();
  if (root.empty()) return {};
  const fs::path p = fs::path(root) / relative;
  return fs::exists(p) ? p.string() : std::string();
}

static std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult run_cli(const std::vector<std::string>& args) {
  const fs::path dir = temp_dir("cli");
  const fs::path out_path = dir / "stdout";
  const fs::path err_path = dir / "stderr";
  CommandResult result;
  const pid_t pid = fork();
  if (pid == 0) {
    const int out_fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> argv;
    std::string exe = cli_path();
    argv.push_back(exe.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_all(out_path);
  result.err = read_all(err_path);
  return result;
}

namespace {
struct TempRoot {
  fs::path path;
  TempRoot() {
    std::string tmpl = (fs::temp_directory_path() / "chipao-test-XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path = tmpl;
  }
  ~TempRoot() {
    std::error_code ec;
    if (!path.empty() && std::getenv("CHIPAO_KEEP_TEMP") == nullptr) fs::remove_all(path, ec);
  }
};
}  // namespace

std::string temp_dir(const std::string& tag) {
  static TempRoot root;
  static int counter = 0;
  const fs::path p = root.path / (tag + "-" + std::to_string(++counter));
  fs::create_directories(p);
  return p.string();
}

}  // namespace chipao::test
