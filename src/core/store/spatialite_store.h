// SpatiaLiteStore: a project as one SpatiaLite file that QGIS, ogrinfo and spatialite open as
// ordinary spatial tables (layer_<name>, chipao_zones; geometry SRID 4326).
//
// Durability: WAL journal with synchronous=FULL, and every write inside BEGIN IMMEDIATE ..
// COMMIT, so killing the program at any moment loses no committed edit and leaves a file
// SQLite opens. Opening checks that the file is SQLite, carries ChiPao's chipao_meta table
// with a schema version this build reads, and passes PRAGMA quick_check; each failure is a
// message that names the file and says what to do. A schema-1 project (without the input
// measure tables) is upgraded on open: the tables are added empty, so its figures stay as
// joined and assignment edits do not re-join them until it is created again.
#pragma once

#include <memory>
#include <string>

#include "core/store/project_store.h"

namespace chipao {

struct StoreOptions {
  // PRAGMA quick_check on open: reads every page, so it costs time on large projects.
  bool quick_check = true;
};

class SpatiaLiteStore final : public ProjectStore {
 public:
  // 2: input measure tables (chipao_tables..); 3: chipao_history.version, the store version
  // that wrote each history row (for readers catching up).
  static constexpr int kSchemaVersion = 3;
  static constexpr int kApplicationId = 0x43504130;  // "CPA0"

  // A new, empty project; fails when `path` exists.
  static Result<std::unique_ptr<SpatiaLiteStore>> create(const std::string& path);
  static Result<std::unique_ptr<SpatiaLiteStore>> open(const std::string& path,
                                                       const StoreOptions& options = {});
  ~SpatiaLiteStore() override;
  SpatiaLiteStore(const SpatiaLiteStore&) = delete;
  SpatiaLiteStore& operator=(const SpatiaLiteStore&) = delete;

  const std::string& location() const override { return path_; }
  bool read_only() const override { return !read_only_reason_.empty(); }
  const std::string& read_only_reason() const override { return read_only_reason_; }
  Result<std::int64_t> version() override;
  Result<void> in_write_transaction(
      const std::function<Result<void>(std::int64_t version_before)>& body) override;
  Result<std::unique_ptr<StoreWatch>> watch(std::function<void()> on_change) override;
  Result<void> save_layer(const StoredLayer& layer) override;
  Result<std::vector<LayerSummary>> layers() override;
  Result<StoredLayer> load_layer(const std::string& name) override;
  Result<std::vector<MeasureTable>> load_tables(const std::string& layer) override;
  Result<PlanningState> load_state() override;
  Result<EditHistory> load_history() override;
  Result<HistoryChanges> load_history_changes(std::int64_t since_version) override;
  Result<void> write_initial(const PlanningState& state) override;
  Result<void> write_step_with_figures(const PlanningState& state, const Edit& edit,
                                       HistoryStep step, std::size_t position_before,
                                       const std::vector<LayerFiguresUpdate>& figures) override;

  // What is at `path`, for `project new --force`: only a ChiPao project may be replaced.
  enum class FileKind { missing, project, not_a_project, unreadable };
  static FileKind identify(const std::string& path);
  // Another process has the project open (holds SQLite's shared lock on it): replacing the
  // file under it would leave that program writing to a file nobody sees.
  static bool open_elsewhere(const std::string& path);

  // Folds the WAL into the main file (before a rename or a copy).
  Result<void> checkpoint();

  struct Connection;  // sqlite3 + the SpatiaLite cache

 private:
  SpatiaLiteStore(std::string path, std::unique_ptr<Connection> db, std::string read_only_reason);
  Result<void> writable() const;
  Result<PlanningState> read_state();  // load_state's reads, inside its read transaction
  Result<EditHistory> read_history();  // fails with read_only_reason_ when opened for reading only
  std::string path_;
  std::unique_ptr<Connection> db_;
  std::string read_only_reason_;
};

}  // namespace chipao
