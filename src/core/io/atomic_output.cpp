#include "core/io/atomic_output.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <utility>

namespace fs = std::filesystem;

namespace chipao {

namespace {

// Big enough that cairo's and stb's many small writes become few system calls.
constexpr std::size_t kBufferSize = 64 * 1024;
// A probe larger than any single write GDAL or cairo makes: when the disk had no room for
// theirs, it has none for this either.
constexpr std::size_t kProbeSize = 64 * 1024;
constexpr const char* kTempPrefix = ".chipao-tmp-";

// fsync through a fresh descriptor: GDAL closed its own, and Linux reports a failed
// write-back to every descriptor opened before or after it.
int sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return errno;
  int err = 0;
  if (::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  return err;
}

}  // namespace

std::string write_failure_message(const fs::path& file, int error_number) {
  const std::string f = file.string();
  switch (error_number) {
    case ENOSPC:
    case EDQUOT:
      return fmt::format("{}: the disk is full; free some space and try again", f);
    case EROFS:
      return fmt::format(
          "{}: the disk is read-only; choose a folder on another disk, or make this one "
          "writable, and try again",
          f);
    case EACCES:
    case EPERM:
      return fmt::format(
          "{}: no permission to write there; choose a folder you may write in, or ask for "
          "write access, and try again",
          f);
    case ENOENT:
    case ENOTDIR:
      return fmt::format("{}: the folder does not exist; create it first and try again", f);
    default:
      return fmt::format("{}: cannot be written ({}); check the disk and try again", f,
                         std::strerror(error_number));
  }
}

// --- OutputFile ---------------------------------------------------------------------------

OutputFile::OutputFile(int fd, fs::path shown) : fd_(fd), shown_(std::move(shown)) {
  buffer_.reserve(kBufferSize);
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      error_(other.error_),
      shown_(std::move(other.shown_)),
      buffer_(std::move(other.buffer_)) {}

OutputFile::~OutputFile() {
  // Not closed: a failure path. The hidden folder it lies in is removed by its AtomicOutput.
  if (fd_ >= 0) ::close(fd_);
}

bool OutputFile::flush_buffer() {
  std::size_t done = 0;
  while (done < buffer_.size() && error_ == 0) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
    } else if (n == 0) {
      error_ = EIO;
    } else {
      done += static_cast<std::size_t>(n);
    }
  }
  buffer_.clear();
  return error_ == 0;
}

bool OutputFile::write(const void* data, std::size_t size) {
  if (error_ != 0 || fd_ < 0) return false;
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const std::size_t room = kBufferSize - buffer_.size();
    const std::size_t take = std::min(room, size);
    buffer_.insert(buffer_.end(), bytes, bytes + take);
    bytes += take;
    size -= take;
    if (buffer_.size() == kBufferSize && !flush_buffer()) return false;
  }
  return true;
}

Result<void> OutputFile::close() {
  if (fd_ < 0)
    return fail(fmt::format("{}: written twice; this is a bug in ChiPao", shown_.string()));
  if (error_ == 0) flush_buffer();
  if (error_ == 0 && ::fsync(fd_) != 0) error_ = errno;
  if (::close(std::exchange(fd_, -1)) != 0 && error_ == 0) error_ = errno;
  if (error_ != 0) return fail(write_failure_message(shown_, error_));
  return {};
}

// --- AtomicOutput -------------------------------------------------------------------------

AtomicOutput::AtomicOutput(fs::path dir, fs::path temp)
    : dir_(std::move(dir)), temp_(std::move(temp)) {}

AtomicOutput::AtomicOutput(AtomicOutput&& other) noexcept
    : dir_(std::move(other.dir_)), temp_(std::exchange(other.temp_, fs::path())) {}

AtomicOutput::~AtomicOutput() {
  if (temp_.empty()) return;
  std::error_code ec;
  fs::remove_all(temp_, ec);
}

Result<AtomicOutput> AtomicOutput::begin(const fs::path& dir, const fs::path& shown) {
  const fs::path folder = dir.empty() ? fs::path(".") : dir;
  const fs::path named = shown.empty() ? folder : shown;
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    return fail(fmt::format("{}: the folder {} does not exist; create it first", named.string(),
                            folder.string()));
  // mkdtemp: a unique name, so two exports into one folder never share a hidden folder.
  std::string pattern = (folder / (std::string(kTempPrefix) + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) return fail(write_failure_message(named, errno));
  return AtomicOutput(folder, fs::path(pattern));
}

fs::path AtomicOutput::temp_path(std::string_view name) const {
  return temp_ / fs::path(name);
}

fs::path AtomicOutput::final_path(std::string_view name) const {
  return dir_ / fs::path(name).filename();
}

std::vector<fs::path> AtomicOutput::temp_files() const {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(temp_, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<OutputFile> AtomicOutput::open(std::string_view name) {
  const fs::path path = temp_path(name);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return fail(write_failure_message(final_path(name), errno));
  return OutputFile(fd, final_path(name));
}

Result<void> AtomicOutput::write_file(std::string_view name, std::string_view bytes) {
  auto file = open(name);
  if (!file) return std::unexpected(file.error());
  file->write(bytes.data(), bytes.size());
  return file->close();
}

Error AtomicOutput::library_failure(std::string_view name, std::string_view detail) const {
  const fs::path shown = final_path(name);
  const fs::path probe = temp_ / ".probe";
  int err = 0;
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    err = errno;
  } else {
    OutputFile file(fd, shown);
    const std::vector<char> zeros(kProbeSize, 0);
    file.write(zeros.data(), zeros.size());
    if (auto closed = file.close(); !closed) err = file.error_;
  }
  std::error_code ec;
  fs::remove(probe, ec);
  if (err != 0) return Error{write_failure_message(shown, err)};
  return Error{fmt::format("{}: cannot be written ({}); check the disk and try again",
                           shown.string(), detail.empty() ? "no reason given" : detail)};
}

Result<std::vector<std::string>> AtomicOutput::commit() {
  if (temp_.empty())
    return fail(fmt::format("{}: nothing to move; this is a bug in ChiPao", dir_.string()));
  std::vector<std::pair<fs::path, fs::path>> moves;
  std::map<fs::path, fs::path> by_name;
  for (const fs::path& file : temp_files()) {
    const fs::path target = dir_ / file.filename();
    if (const auto [it, fresh] = by_name.emplace(target, file); !fresh)
      return fail(
          fmt::format("{}: written twice in one export; this is a bug in ChiPao", target.string()));
    moves.emplace_back(file, target);
  }
  // Every file on disk before any is moved: a crash after a rename leaves whole files. One
  // syncfs() for the whole set rather than an fsync() per file: a shapefile export is a dozen
  // files, and a dozen waits for the disk made it six times slower. Since Linux 5.8 syncfs
  // reports a write-back error of the file system as fsync does for a file.
  {
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int err = fd < 0 ? errno : 0;
    if (fd >= 0 && ::syncfs(fd) != 0) err = errno;
    if (fd >= 0) ::close(fd);
    if (err != 0 && !moves.empty()) return fail(write_failure_message(moves.front().second, err));
  }
  std::vector<std::string> moved;
  for (const auto& [from, to] : moves) {
    if (::rename(from.c_str(), to.c_str()) != 0) {
      const int err = errno;
      // The set is whole or absent: take back what was already moved.
      for (const std::string& done : moved) ::unlink(done.c_str());
      return fail(write_failure_message(to, err));
    }
    moved.push_back(to.string());
  }
  // The renames themselves are kept by syncing the folder; some file systems refuse, which
  // loses nothing that was not already in place.
  (void)sync_path(dir_, O_RDONLY | O_DIRECTORY);
  std::error_code ec;
  fs::remove_all(std::exchange(temp_, fs::path()), ec);
  std::sort(moved.begin(), moved.end());
  return moved;
}

Result<void> write_file_atomically(const fs::path& path, std::string_view bytes) {
  auto out = AtomicOutput::begin(path.parent_path(), path);
  if (!out) return std::unexpected(out.error());
  const std::string name = path.filename().string();
  if (auto written = out->write_file(name, bytes); !written) return written;
  auto moved = out->commit();
  if (!moved) return std::unexpected(moved.error());
  return {};
}

}  // namespace chipao
