#include "core/store/spatialite_store.h"

#include <fmt/format.h>
// sqlite3.h before spatialite.h: the latter uses sqlite3's types without including it.
#include <sqlite3.h>
// (separate blocks keep clang-format from reordering them)
#include <spatialite.h>

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stop_token>
#include <thread>

#include "core/store/store_failure.h"
#include "core/store/wkb.h"

namespace chipao {

struct SpatiaLiteStore::Connection {
  sqlite3* db = nullptr;
  void* cache = nullptr;
  // When the current wait for another writer's lock began (see wait_for_lock).
  std::chrono::steady_clock::time_point waiting_since;
  ~Connection() {
    if (db) sqlite3_close_v2(db);
    if (cache) spatialite_cleanup_ex(cache);
  }
};

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// A prepared statement; columns and parameters are 1-based for bind, 0-based for reading,
// as in SQLite.
class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK || rc_ == SQLITE_ROW || rc_ == SQLITE_DONE; }
  std::string error() const { return sqlite3_errmsg(db_); }
  int rc() const { return rc_; }
  sqlite3* db() const { return db_; }

  Stmt& bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& bind(int i, double v) {
    if (std::isnan(v))
      sqlite3_bind_null(stmt_, i);
    else
      sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& bind_blob(int i, const std::vector<std::uint8_t>& blob) {
    if (blob.empty())
      sqlite3_bind_null(stmt_, i);
    else
      sqlite3_bind_blob(stmt_, i, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // True while a row is available; sets ok() false on error.
  bool step() {
    rc_ = sqlite3_step(stmt_);
    return rc_ == SQLITE_ROW;
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int c) const {
    const auto* p = sqlite3_column_text(stmt_, c);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c)))
             : std::string();
  }
  std::int64_t integer(int c) const { return sqlite3_column_int64(stmt_, c); }
  double real(int c) const {
    return sqlite3_column_type(stmt_, c) == SQLITE_NULL ? std::numeric_limits<double>::quiet_NaN()
                                                        : sqlite3_column_double(stmt_, c);
  }
  bool null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  std::span<const std::uint8_t> blob(int c) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, c));
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))};
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

std::string sql_name(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// The truthful message for a failed SQLite call (core/store/store_failure.h).
Error failure(sqlite3* db, const std::string& path, int rc, std::string_view doing) {
  const int os_errno = db ? sqlite3_system_errno(db) : 0;
  // SQLite's text, with the extended code: "disk I/O error" alone does not say which call.
  const std::string detail =
      fmt::format("{}, code {}", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), rc);
  return Error{
      store_failure_message(path, classify_store_failure(path, rc, os_errno), doing, detail)};
}

Result<void> exec(sqlite3* db, const std::string& path, std::string_view sql,
                  std::string_view doing = "save the project") {
  const std::string text(sql);
  const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return std::unexpected(failure(db, path, rc, doing));
  return {};
}

std::optional<std::string> get_meta(sqlite3* db, std::string_view key);

bool has_column(sqlite3* db, const std::string& table, std::string_view column);

std::int64_t stored_version(sqlite3* db) {
  const auto v = get_meta(db, "version");
  std::int64_t version = 0;
  if (v) std::from_chars(v->data(), v->data() + v->size(), version);
  return version;
}

// One write transaction: BEGIN IMMEDIATE takes the write lock first (waiting a bounded time
// for another writer), so everything the body reads is the latest committed state and nobody
// can commit in between. The body gets the version committed before it; on success the
// version is raised by one in the same transaction. Rolled back when the body fails or throws.
// Inside a transaction already (a store call made from a Project's transaction body), the
// body simply joins it: the outer transaction commits and raises the version once.
template <class Body>
Result<void> write_transaction(sqlite3* db, const std::string& path, Body&& body) {
  if (!sqlite3_get_autocommit(db)) return body(stored_version(db));
  if (auto ok = exec(db, path, "BEGIN IMMEDIATE"); !ok) return ok;
  Result<void> result;
  try {
    const std::int64_t before = stored_version(db);
    result = body(before);
    if (result)
      result = exec(db, path,
                    fmt::format("INSERT OR REPLACE INTO chipao_meta(key, value) VALUES "
                                "('version', '{}')",
                                before + 1));
  } catch (...) {
    (void)sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  if (!result) {
    (void)sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return result;
  }
  if (auto ok = exec(db, path, "COMMIT"); !ok) {
    (void)sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return ok;
  }
  return {};
}

// Several reads as of one moment: a deferred transaction holds one WAL snapshot, so a writer
// committing in between (which it may: readers never block writers in WAL mode) is not seen
// half. Inside a transaction already, the body joins it.
template <class T, class Body>
Result<T> read_transaction(sqlite3* db, const std::string& path, Body&& body) {
  if (!sqlite3_get_autocommit(db)) return body();
  if (auto ok = exec(db, path, "BEGIN", "read the project"); !ok)
    return std::unexpected(ok.error());
  Result<T> result = body();
  (void)sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return result;
}

template <class Body>
Result<void> transaction(sqlite3* db, const std::string& path, Body&& body) {
  return write_transaction(db, path, [&](std::int64_t) { return body(); });
}

Result<void> step_done(Stmt& s, const std::string& path, std::string_view what) {
  s.step();
  if (!s.ok()) return std::unexpected(failure(s.db(), path, s.rc(), fmt::format("save {}", what)));
  s.reset();
  return {};
}

Result<void> read_error(const Stmt& s, const std::string& path, std::string_view what) {
  return std::unexpected(failure(s.db(), path, s.rc(), fmt::format("read {}", what)));
}

constexpr std::string_view kSchema = R"sql(
CREATE TABLE chipao_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE chipao_layers (
  name TEXT PRIMARY KEY, table_name TEXT NOT NULL, level TEXT, geometry_type TEXT NOT NULL,
  source TEXT NOT NULL, feature_count INTEGER NOT NULL, join_report TEXT NOT NULL);
CREATE TABLE chipao_layer_columns (
  layer TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, column_name TEXT NOT NULL,
  source_table TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (layer, position));
CREATE TABLE chipao_zones (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT NOT NULL, locked INTEGER NOT NULL,
  kind TEXT NOT NULL, unit_level TEXT NOT NULL, units TEXT NOT NULL);
CREATE TABLE chipao_catalogue (
  id TEXT PRIMARY KEY, name_th TEXT NOT NULL, name_en TEXT NOT NULL, dimension TEXT NOT NULL,
  agency_th TEXT NOT NULL, agency_en TEXT NOT NULL, unit_cost_baht REAL NOT NULL);
CREATE TABLE chipao_interventions (
  id INTEGER PRIMARY KEY, zone_id INTEGER NOT NULL, catalogue_id TEXT, dimension TEXT NOT NULL,
  households INTEGER NOT NULL, unit_cost_baht REAL NOT NULL, agency TEXT NOT NULL,
  start_date TEXT NOT NULL, end_date TEXT NOT NULL, status TEXT NOT NULL);
CREATE TABLE chipao_assignments (municipal_code TEXT PRIMARY KEY, tambons TEXT NOT NULL);
CREATE TABLE chipao_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE chipao_history (
  seq INTEGER PRIMARY KEY, action TEXT NOT NULL, summary TEXT NOT NULL, edit TEXT NOT NULL,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), version INTEGER);
)sql";

// Schema 2: the input measure tables of each layer, as parsed, so the project can join them
// again when a municipal assignment changes. A row's values are one BLOB of little-endian
// doubles (one per measure, NaN for a blank cell): exact, and NaN needs no special case.
// IF NOT EXISTS: the same text upgrades a schema-1 project on open.
constexpr std::string_view kTablesSchema = R"sql(
CREATE TABLE IF NOT EXISTS chipao_tables (
  layer TEXT NOT NULL, position INTEGER NOT NULL, path TEXT NOT NULL, label TEXT NOT NULL,
  level TEXT NOT NULL, key_column TEXT NOT NULL, kind TEXT NOT NULL, mask TEXT NOT NULL,
  notes TEXT NOT NULL, PRIMARY KEY (layer, position));
CREATE TABLE IF NOT EXISTS chipao_table_measures (
  layer TEXT NOT NULL, table_position INTEGER NOT NULL, position INTEGER NOT NULL,
  column_name TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (layer, table_position, position));
CREATE TABLE IF NOT EXISTS chipao_table_rows (
  layer TEXT NOT NULL, table_position INTEGER NOT NULL, row INTEGER NOT NULL, code TEXT NOT NULL,
  suffix TEXT NOT NULL, line INTEGER NOT NULL, vals BLOB,
  PRIMARY KEY (layer, table_position, row));
)sql";

// How long a write waits for another process's write lock before giving up with "busy".
// Edits commit in milliseconds, so this is only reached when something holds the lock far
// longer than any edit (a stuck process, a very slow disk). CHIPAO_LOCK_WAIT_MS shortens it
// for tests of the busy message.
std::chrono::milliseconds lock_wait() {
  static const std::chrono::milliseconds wait = [] {
    const char* env = std::getenv("CHIPAO_LOCK_WAIT_MS");
    const long ms = env ? std::strtol(env, nullptr, 10) : 0;
    return std::chrono::milliseconds(ms > 0 ? ms : 10000);
  }();
  return wait;
}

// SQLite's busy handler: short sleeps (a millisecond at first, so that several writers taking
// turns wait about as long as an edit takes, not SQLite's default back-off of up to 100 ms),
// until lock_wait() has passed.
int wait_for_lock(void* connection, int attempt) {
  auto* c = static_cast<SpatiaLiteStore::Connection*>(connection);
  const auto now = std::chrono::steady_clock::now();
  if (attempt == 0) c->waiting_since = now;
  if (now - c->waiting_since > lock_wait()) return 0;
  std::this_thread::sleep_for(std::chrono::microseconds(attempt < 50 ? 500 : 2000));
  return 1;
}

// `uri`: a "file:" URI (for immutable=1) instead of a plain path.
Result<std::unique_ptr<SpatiaLiteStore::Connection>> connect(const std::string& path, int flags,
                                                             const std::string& uri = {}) {
  auto c = std::make_unique<SpatiaLiteStore::Connection>();
  const int rc = sqlite3_open_v2(uri.empty() ? path.c_str() : uri.c_str(), &c->db,
                                 flags | (uri.empty() ? 0 : SQLITE_OPEN_URI), nullptr);
  if (rc != SQLITE_OK) return std::unexpected(failure(c->db, path, rc, "open the project"));
  sqlite3_extended_result_codes(c->db, 1);
  c->cache = spatialite_alloc_connection();
  spatialite_init_ex(c->db, c->cache, 0);
  // After SpatiaLite's init, which sets a busy timeout of its own.
  sqlite3_busy_handler(c->db, &wait_for_lock, c.get());
  return c;
}

// The first bytes of the file, read through SQLite's own file handle. Never open the project
// file any other way while a connection to it exists: closing any descriptor of a file drops
// every POSIX lock this process holds on it, SQLite's included, and another process closing
// its connection would then delete the -wal file this process is still writing to.
std::string file_header(sqlite3* db, int bytes) {
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
      !file->pMethods)
    return {};
  std::string header(static_cast<std::size_t>(bytes), '\0');
  // A short read fills the rest with zeros and says so: the header then does not match.
  (void)file->pMethods->xRead(file, header.data(), bytes, 0);
  return header;
}

Result<void> set_meta(sqlite3* db, const std::string& path, std::string_view key,
                      std::string_view value) {
  Stmt s(db, "INSERT OR REPLACE INTO chipao_meta(key, value) VALUES (?, ?)");
  s.bind(1, key).bind(2, value);
  return step_done(s, path, "chipao_meta");
}

std::optional<std::string> get_meta(sqlite3* db, std::string_view key) {
  Stmt s(db, "SELECT value FROM chipao_meta WHERE key = ?");
  s.bind(1, key);
  if (s.step()) return s.text(0);
  return std::nullopt;
}

std::string tambons_text(const std::vector<std::string>& tambons) {
  std::string out;
  for (const auto& t : tambons) out += (out.empty() ? "" : "+") + t;
  return out;
}

std::vector<std::string> split_plus(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= text.size() && !text.empty()) {
    const auto next = text.find('+', at);
    out.push_back(text.substr(at, next == std::string::npos ? std::string::npos : next - at));
    if (next == std::string::npos) break;
    at = next + 1;
  }
  return out;
}

// Writes one entity as it is in `state` (or deletes its row when the state no longer has it).
Result<void> write_entity(sqlite3* db, const std::string& path, const PlanningState& state,
                          EntityKind kind, const std::string& key) {
  switch (kind) {
    case EntityKind::zone: {
      std::int64_t id = 0;
      std::from_chars(key.data(), key.data() + key.size(), id);
      const Zone* z = state.zone(id);
      if (!z) {
        Stmt s(db, "DELETE FROM chipao_zones WHERE id = ?");
        s.bind(1, id);
        return step_done(s, path, "a zone");
      }
      Stmt s(db,
             "INSERT OR REPLACE INTO chipao_zones(id, name, color, locked, kind, unit_level, "
             "units, geom) VALUES (?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, 4326))");
      const auto wkb = geometry_to_wkb(z->polygon);
      s.bind(1, z->id).bind(2, z->name).bind(3, z->color_hex).bind(4, std::int64_t{z->locked});
      s.bind(5, zone_kind_key(z->kind)).bind(6, z->unit_level);
      s.bind(7, json(z->unit_codes).dump()).bind_blob(8, wkb);
      return step_done(s, path, "a zone");
    }
    case EntityKind::intervention: {
      std::int64_t id = 0;
      std::from_chars(key.data(), key.data() + key.size(), id);
      const Intervention* i = state.intervention(id);
      if (!i) {
        Stmt s(db, "DELETE FROM chipao_interventions WHERE id = ?");
        s.bind(1, id);
        return step_done(s, path, "an intervention");
      }
      Stmt s(db,
             "INSERT OR REPLACE INTO chipao_interventions(id, zone_id, catalogue_id, dimension, "
             "households, unit_cost_baht, agency, start_date, end_date, status) VALUES "
             "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      s.bind(1, i->id).bind(2, i->zone_id);
      if (i->catalogue_id)
        s.bind(3, *i->catalogue_id);
      else
        s.bind_null(3);
      s.bind(4, dimension_key(i->dimension)).bind(5, i->households).bind(6, i->unit_cost_baht);
      s.bind(7, i->agency).bind(8, i->start).bind(9, i->end);
      s.bind(10, intervention_status_key(i->status));
      return step_done(s, path, "an intervention");
    }
    case EntityKind::catalogue: {
      const CatalogueEntry* c = state.catalogue_entry(key);
      if (!c) {
        Stmt s(db, "DELETE FROM chipao_catalogue WHERE id = ?");
        s.bind(1, key);
        return step_done(s, path, "a catalogue entry");
      }
      Stmt s(db,
             "INSERT OR REPLACE INTO chipao_catalogue(id, name_th, name_en, dimension, "
             "agency_th, agency_en, unit_cost_baht) VALUES (?, ?, ?, ?, ?, ?, ?)");
      s.bind(1, c->id).bind(2, c->name_th).bind(3, c->name_en).bind(4, dimension_key(c->dimension));
      s.bind(5, c->agency_th).bind(6, c->agency_en).bind(7, c->unit_cost_baht);
      return step_done(s, path, "a catalogue entry");
    }
    case EntityKind::assignment: {
      const auto it = std::find_if(state.assignments.begin(), state.assignments.end(),
                                   [&](const auto& a) { return a.municipal_code == key; });
      if (it == state.assignments.end()) {
        Stmt s(db, "DELETE FROM chipao_assignments WHERE municipal_code = ?");
        s.bind(1, key);
        return step_done(s, path, "a municipal assignment");
      }
      Stmt s(db,
             "INSERT OR REPLACE INTO chipao_assignments(municipal_code, tambons) VALUES (?, ?)");
      s.bind(1, key).bind(2, tambons_text(it->tambons));
      return step_done(s, path, "a municipal assignment");
    }
    case EntityKind::setting: {
      const auto it = state.settings.find(key);
      if (it == state.settings.end()) {
        Stmt s(db, "DELETE FROM chipao_settings WHERE key = ?");
        s.bind(1, key);
        return step_done(s, path, "a setting");
      }
      Stmt s(db, "INSERT OR REPLACE INTO chipao_settings(key, value) VALUES (?, ?)");
      s.bind(1, key).bind(2, it->second);
      return step_done(s, path, "a setting");
    }
    case EntityKind::budget:
      return set_meta(db, path, "budget_cap_baht", json(state.plan.budget_cap_baht).dump());
  }
  return {};
}

bool valid_layer_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

json spec_json(const MeasureSpec& s) {
  return json{{"column", s.column},       {"rule", static_cast<int>(s.rule)},
              {"numerator", s.numerator}, {"denominator", s.denominator},
              {"scale", s.scale},         {"weight", s.weight},
              {"count", s.count}};
}

MeasureSpec spec_from(const json& j) {
  MeasureSpec s;
  s.column = j.value("column", "");
  s.rule = static_cast<MeasureRule>(j.value("rule", 0));
  s.numerator = j.value("numerator", "");
  s.denominator = j.value("denominator", "");
  s.scale = j.value("scale", 1.0);
  s.weight = j.value("weight", "");
  s.count = j.value("count", true);
  return s;
}

json source_json(const SourceDescription& s) {
  return json{{"path", s.path},
              {"driver", s.driver},
              {"layer", s.layer},
              {"geometry_type", s.geometry_type},
              {"crs", s.crs},
              {"crs_source", s.crs_source},
              {"encoding", s.encoding},
              {"encoding_source", s.encoding_source},
              {"level", s.level ? std::string(level_name(*s.level)) : std::string()},
              {"level_source", s.level_source},
              {"code_source", s.code_source},
              {"field_names", s.field_names}};
}

SourceDescription source_from(const json& j) {
  SourceDescription s;
  s.path = j.value("path", "");
  s.driver = j.value("driver", "");
  s.layer = j.value("layer", "");
  s.geometry_type = j.value("geometry_type", "");
  s.crs = j.value("crs", "");
  s.crs_source = j.value("crs_source", "");
  s.encoding = j.value("encoding", "");
  s.encoding_source = j.value("encoding_source", "");
  s.level = parse_level(j.value("level", ""));
  s.level_source = j.value("level_source", "");
  s.code_source = j.value("code_source", "");
  s.field_names = j.value("field_names", std::vector<std::string>{});
  return s;
}

std::vector<std::uint8_t> values_blob(const std::vector<double>& values) {
  std::vector<std::uint8_t> out(values.size() * sizeof(double));
  if (!values.empty()) std::memcpy(out.data(), values.data(), out.size());
  return out;
}

std::vector<double> values_from_blob(std::span<const std::uint8_t> blob) {
  std::vector<double> out(blob.size() / sizeof(double));
  if (!out.empty()) std::memcpy(out.data(), blob.data(), out.size() * sizeof(double));
  return out;
}

// What a table says about its own rows (warnings, codes fixed, repeated rows), for the report.
json table_notes_json(const MeasureTable& t) {
  json fixed = json::array();
  for (const auto& f : t.fixed_codes)
    fixed.push_back({{"line", f.line}, {"value", f.value}, {"code", f.code}, {"note", f.note}});
  json duplicates = json::array();
  for (const auto& d : t.duplicates) duplicates.push_back({{"code", d.code}, {"lines", d.lines}});
  return json{{"warnings", t.warnings}, {"fixed_codes", fixed}, {"duplicates", duplicates}};
}

void table_notes_from(const json& j, MeasureTable& t) {
  if (!j.is_object()) return;
  t.warnings = j.value("warnings", std::vector<std::string>{});
  for (const json& f : j.value("fixed_codes", json::array())) {
    t.fixed_codes.push_back({f.value("line", std::size_t{0}), f.value("value", ""),
                             f.value("code", ""), f.value("note", "")});
  }
  for (const json& d : j.value("duplicates", json::array()))
    t.duplicates.push_back({d.value("code", ""), d.value("lines", std::vector<std::size_t>{})});
}

// Replaces the input tables of `layer` (inside the caller's transaction).
Result<void> write_tables(sqlite3* db, const std::string& path, const std::string& layer,
                          const std::vector<MeasureTable>& tables) {
  for (const char* table : {"chipao_tables", "chipao_table_measures", "chipao_table_rows"}) {
    Stmt d(db, fmt::format("DELETE FROM {} WHERE layer = ?", table));
    d.bind(1, layer);
    if (auto ok = step_done(d, path, "the input tables"); !ok) return ok;
  }
  Stmt t(db,
         "INSERT INTO chipao_tables(layer, position, path, label, level, key_column, kind, mask, "
         "notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Stmt m(db,
         "INSERT INTO chipao_table_measures(layer, table_position, position, column_name, spec) "
         "VALUES (?, ?, ?, ?, ?)");
  Stmt r(db,
         "INSERT INTO chipao_table_rows(layer, table_position, row, code, suffix, line, vals) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t ti = 0; ti < tables.size(); ++ti) {
    const MeasureTable& table = tables[ti];
    const auto position = static_cast<std::int64_t>(ti);
    t.bind(1, layer).bind(2, position).bind(3, table.path).bind(4, table.label());
    t.bind(5, level_name(table.level)).bind(6, table.key_column).bind(7, table.kind);
    t.bind(8, table.mask).bind(9, table_notes_json(table).dump());
    if (auto ok = step_done(t, path, "the input tables"); !ok) return ok;
    for (std::size_t mi = 0; mi < table.measures.size(); ++mi) {
      m.bind(1, layer).bind(2, position).bind(3, static_cast<std::int64_t>(mi));
      m.bind(4, table.measures[mi].column).bind(5, spec_json(table.measures[mi]).dump());
      if (auto ok = step_done(m, path, "the input tables"); !ok) return ok;
    }
    for (std::size_t ri = 0; ri < table.rows.size(); ++ri) {
      const MeasureRow& row = table.rows[ri];
      if (row.values.size() != table.measures.size())
        return fail(fmt::format("{}: table {} row {} has {} values for {} measures (a bug)", path,
                                table.path, row.line, row.values.size(), table.measures.size()));
      const auto blob = values_blob(row.values);
      r.bind(1, layer).bind(2, position).bind(3, static_cast<std::int64_t>(ri));
      r.bind(4, row.code).bind(5, row.suffix).bind(6, static_cast<std::int64_t>(row.line));
      r.bind_blob(7, blob);
      if (auto ok = step_done(r, path, fmt::format("row {} of {}", row.line, table.path)); !ok)
        return ok;
    }
  }
  return {};
}

// Overwrites a stored layer's joined figures, its assigned_from notes and its join report
// (inside the caller's transaction). The columns must be those stored, in their order.
Result<void> write_figures(sqlite3* db, const std::string& path, const LayerFiguresUpdate& u) {
  std::string table;
  std::int64_t features = 0;
  {
    Stmt s(db, "SELECT table_name, feature_count FROM chipao_layers WHERE name = ?");
    s.bind(1, u.layer);
    if (!s.step()) return fail(fmt::format("{}: no layer '{}' to write figures to", path, u.layer));
    table = s.text(0);
    features = s.integer(1);
  }
  std::vector<std::string> column_names;
  {
    Stmt s(db,
           "SELECT name, column_name FROM chipao_layer_columns WHERE layer = ? ORDER BY position");
    s.bind(1, u.layer);
    std::size_t i = 0;
    while (s.step()) {
      if (i >= u.columns.size() || u.columns[i].name != s.text(0))
        return fail(fmt::format(
            "{}: layer {}: the joined columns changed (stored '{}'); create the project again "
            "with chipao-cli project new",
            path, u.layer, s.text(0)));
      column_names.push_back(s.text(1));
      ++i;
    }
    if (column_names.size() != u.columns.size())
      return fail(fmt::format("{}: layer {}: {} joined columns stored, {} given (a bug)", path,
                              u.layer, column_names.size(), u.columns.size()));
  }
  const auto n = static_cast<std::size_t>(features);
  for (const auto& c : u.columns)
    if (c.values.size() != n)
      return fail(fmt::format("{}: layer {}: column {} has {} values for {} features (a bug)", path,
                              u.layer, c.name, c.values.size(), n));
  std::string sql = fmt::format("UPDATE {} SET assigned_from = ?", sql_name(table));
  for (const auto& name : column_names) sql += ", " + sql_name(name) + " = ?";
  sql += " WHERE fid = ?";
  Stmt s(db, sql);
  if (!s.ok())
    return fail(fmt::format("{}: could not write layer {} ({})", path, u.layer, s.error()));
  for (std::size_t f = 0; f < n; ++f) {
    if (f < u.assigned_from.size() && !u.assigned_from[f].empty())
      s.bind(1, u.assigned_from[f]);
    else
      s.bind_null(1);
    for (std::size_t c = 0; c < u.columns.size(); ++c)
      s.bind(static_cast<int>(2 + c), u.columns[c].values[f]);
    s.bind(static_cast<int>(2 + u.columns.size()), static_cast<std::int64_t>(f + 1));
    if (auto ok = step_done(s, path, fmt::format("the figures of layer {}", u.layer)); !ok)
      return ok;
  }
  Stmt r(db, "UPDATE chipao_layers SET join_report = ? WHERE name = ?");
  r.bind(1, u.join_report_json.empty() ? std::string("{}") : u.join_report_json).bind(2, u.layer);
  return step_done(r, path, "the join report");
}

}  // namespace

SpatiaLiteStore::SpatiaLiteStore(std::string path, std::unique_ptr<Connection> db,
                                 std::string read_only_reason)
    : path_(std::move(path)), db_(std::move(db)), read_only_reason_(std::move(read_only_reason)) {}

SpatiaLiteStore::~SpatiaLiteStore() = default;

Result<std::unique_ptr<SpatiaLiteStore>> SpatiaLiteStore::create(const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec))
    return fail(fmt::format("{} already exists; choose another name or remove it first", path));
  auto c = connect(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!c) return std::unexpected(c.error());
  sqlite3* db = (*c)->db;
  if (auto ok = exec(db, path, fmt::format("PRAGMA application_id = {}", kApplicationId),
                     "create the project");
      !ok)
    return std::unexpected(ok.error());
  if (auto ok = exec(db, path, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
                     "create the project");
      !ok)
    return std::unexpected(ok.error());
  auto made = transaction(db, path, [&]() -> Result<void> {
    // Only the WGS 84 reference systems: the full EPSG table costs seconds and megabytes.
    if (auto ok = exec(db, path, "SELECT InitSpatialMetadata(0, 'WGS84')"); !ok) return ok;
    if (auto ok = exec(db, path, kSchema); !ok) return ok;
    if (auto ok = exec(db, path, kTablesSchema); !ok) return ok;
    if (auto ok = exec(db, path,
                       "SELECT AddGeometryColumn('chipao_zones', 'geom', 4326, 'MULTIPOLYGON', "
                       "'XY')");
        !ok)
      return ok;
    if (auto ok = set_meta(db, path, "schema_version", std::to_string(kSchemaVersion)); !ok)
      return ok;
    if (auto ok = set_meta(db, path, "history_position", "0"); !ok) return ok;
    if (auto ok = set_meta(db, path, "budget_cap_baht", "0.0"); !ok) return ok;
    return set_meta(db, path, "generator", "ChiPao");
  });
  if (!made) return std::unexpected(made.error());
  return std::unique_ptr<SpatiaLiteStore>(new SpatiaLiteStore(path, std::move(*c), {}));
}

namespace {

// Whether the project has committed edits that live only in its -wal file so far.
bool wal_has_content(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path + "-wal", ec);
  return !ec && size > 0;
}

// The first read of a newly opened connection: does the file hold ChiPao's chipao_meta table?
// Fails with SQLite's code (a read-only medium without a -shm file, a full disk, a file that
// is not a database, a damaged one).
struct Probe {
  int rc = SQLITE_OK;
  bool has_meta = false;
};
Probe probe(sqlite3* db) {
  Stmt s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'chipao_meta'");
  Probe p;
  if (s.ok() && s.step()) {
    p.has_meta = s.integer(0) > 0;
    return p;
  }
  p.rc = s.rc() == SQLITE_OK ? SQLITE_ERROR : s.rc();
  return p;
}

bool may_fall_back_to_reading(StoreFailure f) {
  return f == StoreFailure::disk_full || f == StoreFailure::read_only_medium ||
         f == StoreFailure::no_permission;
}

}  // namespace

Result<std::unique_ptr<SpatiaLiteStore>> SpatiaLiteStore::open(const std::string& path,
                                                               const StoreOptions& options) {
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (ec && ec == std::errc::permission_denied)
    return fail(store_failure_message(path, StoreFailure::no_permission, "read the project", ""));
  if (!exists)
    return fail(
        fmt::format("{} does not exist; create a project with chipao-cli project new", path));
  if (access(path.c_str(), R_OK) != 0)
    return fail(store_failure_message(path, StoreFailure::no_permission, "read the project", ""));
  const auto size = fs::file_size(path, ec);
  // Where the project cannot be written it still opens, for reading: to view, tally and export.
  std::string read_only_reason;
  {
    const std::string folder =
        fs::path(path).parent_path().empty() ? "." : fs::path(path).parent_path().string();
    if (on_read_only_medium(path))
      read_only_reason =
          store_failure_message(path, StoreFailure::read_only_medium, "save edits", "");
    else if (access(path.c_str(), W_OK) != 0 || access(folder.c_str(), W_OK) != 0)
      read_only_reason =
          store_failure_message(path, StoreFailure::no_permission, "save edits to it", "");
  }
  auto c = connect(path, read_only_reason.empty() ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
  if (!c) return std::unexpected(c.error());
  {
    const std::string header = file_header((*c)->db, 16);
    if (header.size() != 16 || std::memcmp(header.data(), "SQLite format 3", 16) != 0) {
      return fail(
          fmt::format("{} is not a ChiPao project (not a SQLite/SpatiaLite file); open "
                      "it as a layer, or create a project with chipao-cli project new",
                      path));
    }
  }
  const std::string damaged = fmt::format(
      "{} is damaged ({{}}); restore it from a backup or recreate it with chipao-cli project "
      "new",
      path);
  if (size < 512) return fail(fmt::format(fmt::runtime(damaged), "the file is truncated"));

  Probe p = probe((*c)->db);
  if (p.rc != SQLITE_OK) {
    const int os_errno = sqlite3_system_errno((*c)->db);
    const StoreFailure why = classify_store_failure(path, p.rc, os_errno);
    if (!may_fall_back_to_reading(why))
      return std::unexpected(failure((*c)->db, path, p.rc, "open the project"));
    // Reading needs SQLite's -shm file; where it cannot be made (a full disk, a read-only
    // medium, a folder that is not ours) the file is read as it stands, which is exact
    // when no committed edit waits in the -wal file.
    read_only_reason = store_failure_message(path, why, "save edits", "");
    const Error first = failure((*c)->db, path, p.rc, "open the project");
    c->reset();
    if (wal_has_content(path)) return std::unexpected(first);
    std::string uri = "file:";
    for (const char ch : fs::absolute(path).string()) {
      if (ch == '%' || ch == '?' || ch == '#')
        uri += fmt::format("%{:02X}", static_cast<unsigned char>(ch));
      else
        uri += ch;
    }
    uri += "?immutable=1";
    c = connect(path, SQLITE_OPEN_READONLY, uri);
    if (!c) return std::unexpected(first);
    p = probe((*c)->db);
    if (p.rc != SQLITE_OK) return std::unexpected(first);
  }
  sqlite3* db = (*c)->db;
  if (!p.has_meta) {
    return fail(
        fmt::format("{} is not a ChiPao project (no chipao_meta table); open it in "
                    "QGIS or create a project with chipao-cli project new",
                    path));
  }
  if (options.quick_check) {
    Stmt s(db, "PRAGMA quick_check");
    std::string problems;
    while (s.ok() && s.step()) {
      const std::string line = s.text(0);
      if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
      if (problems.size() > 300) break;
    }
    if (!s.ok()) {
      const int rc = s.rc();
      if ((rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
        return std::unexpected(failure(db, path, rc, "check the project"));
      problems = s.error();
    }
    if (!problems.empty()) return fail(fmt::format(fmt::runtime(damaged), problems));
  }
  const auto version = get_meta(db, "schema_version");
  if (!version)
    return fail(fmt::format(fmt::runtime(damaged), "chipao_meta has no schema_version"));
  int v = 0;
  std::from_chars(version->data(), version->data() + version->size(), v);
  if (v > kSchemaVersion) {
    return fail(
        fmt::format("{} was made by a newer ChiPao (project schema {}, this build reads "
                    "up to {}); update ChiPao to open it",
                    path, v, kSchemaVersion));
  }
  if (read_only_reason.empty()) {
    if (auto ok = exec(db, path, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
                       "open the project");
        !ok)
      return std::unexpected(ok.error());
    if (v < kSchemaVersion) {
      // Schema 1 lacked the input tables: add them (empty); its figures stay as joined.
      // Schema 2 lacked the history rows' versions: rows without one count as old.
      auto upgraded = transaction(db, path, [&]() -> Result<void> {
        if (get_meta(db, "schema_version") == std::to_string(kSchemaVersion)) return {};
        if (auto ok = exec(db, path, kTablesSchema); !ok) return ok;
        if (!has_column(db, "chipao_history", "version"))
          if (auto ok = exec(db, path, "ALTER TABLE chipao_history ADD COLUMN version INTEGER");
              !ok)
            return ok;
        return set_meta(db, path, "schema_version", std::to_string(kSchemaVersion));
      });
      if (!upgraded) return std::unexpected(upgraded.error());
    }
  }
  return std::unique_ptr<SpatiaLiteStore>(
      new SpatiaLiteStore(path, std::move(*c), std::move(read_only_reason)));
}

SpatiaLiteStore::FileKind SpatiaLiteStore::identify(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return ec ? FileKind::unreadable : FileKind::missing;
  if (access(path.c_str(), R_OK) != 0) return FileKind::unreadable;
  auto c = connect(path, SQLITE_OPEN_READONLY);
  if (!c) return FileKind::unreadable;
  const std::string header = file_header((*c)->db, 16);
  if (header.size() != 16 || std::memcmp(header.data(), "SQLite format 3", 16) != 0)
    return FileKind::not_a_project;
  const Probe p = probe((*c)->db);
  if ((p.rc & 0xff) == SQLITE_NOTADB) return FileKind::not_a_project;
  if (p.rc != SQLITE_OK) return FileKind::project;  // damaged or unreadable: may be recreated
  return p.has_meta ? FileKind::project : FileKind::not_a_project;
}

bool SpatiaLiteStore::open_elsewhere(const std::string& path) {
  // SQLite (unix VFS) holds a read lock on the 510 "shared" bytes after its pending and
  // reserved bytes (at 1 GiB) while a WAL-mode connection is open. Asking whether a write lock
  // there would conflict tells whether another process holds one. Called where this process
  // has no connection to `path` (opening and closing a descriptor drops this process's locks).
  constexpr off_t kPendingByte = 0x40000000;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = kPendingByte;
  lock.l_len = 512;  // pending, reserved and the 510 shared bytes
  const bool held = fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

Result<void> SpatiaLiteStore::checkpoint() {
  return exec(db_->db, path_, "PRAGMA wal_checkpoint(TRUNCATE)");
}

Result<void> SpatiaLiteStore::writable() const {
  if (!read_only_reason_.empty()) return fail(read_only_reason_);
  return {};
}

Result<std::int64_t> SpatiaLiteStore::version() {
  Stmt s(db_->db, "SELECT value FROM chipao_meta WHERE key = 'version'");
  if (s.step()) {
    const std::string text = s.text(0);
    std::int64_t v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
  }
  if (!s.ok()) return std::unexpected(read_error(s, path_, "the project's version").error());
  return std::int64_t{0};
}

Result<void> SpatiaLiteStore::in_write_transaction(
    const std::function<Result<void>(std::int64_t version_before)>& body) {
  if (auto ok = writable(); !ok) return ok;
  return write_transaction(db_->db, path_, body);
}

namespace {

// Polls the committed version on a connection of its own (read-only, so it never takes a
// write lock); the query reads one row through the WAL index, not the file.
class VersionWatch final : public StoreWatch {
 public:
  VersionWatch(std::unique_ptr<SpatiaLiteStore::Connection> c, std::function<void()> on_change)
      : connection_(std::move(c)),
        thread_([this, cb = std::move(on_change)](std::stop_token stop) { run(stop, cb); }) {}

 private:
  void run(std::stop_token stop, const std::function<void()>& on_change) {
    std::int64_t seen = stored_version(connection_->db);
    while (!stop.stop_requested()) {
      std::unique_lock lock(mutex_);
      (void)wake_.wait_for(lock, stop, std::chrono::milliseconds(200), [] { return false; });
      if (stop.stop_requested()) break;
      const std::int64_t now = stored_version(connection_->db);
      if (now != seen) {
        seen = now;
        on_change();
      }
    }
  }
  std::unique_ptr<SpatiaLiteStore::Connection> connection_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: stops before the connection closes
};

}  // namespace

Result<std::unique_ptr<StoreWatch>> SpatiaLiteStore::watch(std::function<void()> on_change) {
  auto c = connect(path_, SQLITE_OPEN_READONLY);
  if (!c) return std::unexpected(c.error());
  return std::unique_ptr<StoreWatch>(new VersionWatch(std::move(*c), std::move(on_change)));
}

Result<void> SpatiaLiteStore::save_layer(const StoredLayer& stored) {
  if (auto ok = writable(); !ok) return ok;
  if (!valid_layer_name(stored.name)) {
    return fail(fmt::format("{}: layer name '{}' may hold only letters, digits and '_'", path_,
                            stored.name));
  }
  const auto& features = stored.layer.features;
  for (const auto& c : stored.columns) {
    if (c.values.size() != features.size())
      return fail(fmt::format("{}: column {} has {} values for {} features (a bug in the caller)",
                              path_, c.name, c.values.size(), features.size()));
  }
  sqlite3* db = db_->db;
  const std::string table = "layer_" + stored.name;
  std::vector<const FeatureGeometry*> geometries;
  for (const auto& f : features) geometries.push_back(&f.geometry);
  const std::string geometry_type = wkb_column_type(geometries);
  // Joined columns keep their names (QGIS shows them); names that clash with ours get "v_".
  std::vector<std::string> column_names;
  for (const auto& c : stored.columns) {
    std::string n = c.name;
    for (std::string_view ours :
         {"fid", "source_fid", "code", "name_th", "name_en", "assigned_from", "geom"})
      if (n == ours) n = "v_" + n;
    while (std::count(column_names.begin(), column_names.end(), n)) n += "_";
    column_names.push_back(n);
  }
  return transaction(db, path_, [&]() -> Result<void> {
    // Replacing a layer of the same name drops the old table and its geometry registration.
    bool exists = false;
    {
      // Finalised before the DROP below: SQLite refuses to drop a table a statement reads.
      Stmt old(db, "SELECT count(*) FROM chipao_layers WHERE name = ?");
      old.bind(1, stored.name);
      exists = old.step() && old.integer(0) > 0;
    }
    {
      if (exists) {
        if (auto ok = exec(db, path_,
                           fmt::format("SELECT DisableSpatialIndex({0}, 'geom'); "
                                       "SELECT DiscardGeometryColumn({0}, 'geom'); "
                                       "DROP TABLE IF EXISTS {1}; DROP TABLE IF EXISTS {2}",
                                       "'" + table + "'", sql_name(table),
                                       sql_name("idx_" + table + "_geom")));
            !ok)
          return ok;
        Stmt d1(db, "DELETE FROM chipao_layers WHERE name = ?");
        d1.bind(1, stored.name);
        if (auto ok = step_done(d1, path_, "the layer list"); !ok) return ok;
        Stmt d2(db, "DELETE FROM chipao_layer_columns WHERE layer = ?");
        d2.bind(1, stored.name);
        if (auto ok = step_done(d2, path_, "the layer list"); !ok) return ok;
      }
    }
    std::string create = fmt::format(
        "CREATE TABLE {} (fid INTEGER PRIMARY KEY, source_fid INTEGER, code TEXT, name_th TEXT, "
        "name_en TEXT, assigned_from TEXT",
        sql_name(table));
    for (const auto& n : column_names) create += ", " + sql_name(n) + " REAL";
    create += ")";
    if (auto ok = exec(db, path_, create); !ok) return ok;
    if (auto ok = exec(db, path_,
                       fmt::format("SELECT AddGeometryColumn('{}', 'geom', 4326, '{}', 'XY')",
                                   table, geometry_type));
        !ok)
      return ok;
    std::string insert =
        fmt::format("INSERT INTO {} (fid, source_fid, code, name_th, name_en, assigned_from, geom",
                    sql_name(table));
    for (const auto& n : column_names) insert += ", " + sql_name(n);
    insert += ") VALUES (?, ?, ?, ?, ?, ?, GeomFromWKB(?, 4326)";
    for (std::size_t i = 0; i < column_names.size(); ++i) insert += ", ?";
    insert += ")";
    Stmt s(db, insert);
    if (!s.ok())
      return fail(fmt::format("{}: could not write layer {} ({})", path_, stored.name, s.error()));
    for (std::size_t f = 0; f < features.size(); ++f) {
      const auto& feature = features[f];
      const auto wkb = geometry_to_wkb(feature.geometry);
      s.bind(1, static_cast<std::int64_t>(f + 1)).bind(2, feature.fid).bind(3, feature.code);
      s.bind(4, feature.name_th).bind(5, feature.name_en);
      if (f < stored.assigned_from.size() && !stored.assigned_from[f].empty())
        s.bind(6, stored.assigned_from[f]);
      else
        s.bind_null(6);
      s.bind_blob(7, wkb);
      for (std::size_t c = 0; c < stored.columns.size(); ++c)
        s.bind(static_cast<int>(8 + c), stored.columns[c].values[f]);
      if (auto ok =
              step_done(s, path_, fmt::format("feature {} of layer {}", feature.fid, stored.name));
          !ok)
        return ok;
    }
    if (auto ok = exec(db, path_, fmt::format("SELECT CreateSpatialIndex('{}', 'geom')", table));
        !ok)
      return ok;
    Stmt l(db,
           "INSERT INTO chipao_layers(name, table_name, level, geometry_type, source, "
           "feature_count, join_report) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const auto& src = stored.layer.source;
    l.bind(1, stored.name).bind(2, table);
    l.bind(3, src.level ? std::string(level_name(*src.level)) : std::string());
    l.bind(4, geometry_type).bind(5, source_json(src).dump());
    l.bind(6, static_cast<std::int64_t>(features.size()));
    l.bind(7, stored.join_report_json.empty() ? std::string("{}") : stored.join_report_json);
    if (auto ok = step_done(l, path_, "the layer list"); !ok) return ok;
    Stmt col(db,
             "INSERT INTO chipao_layer_columns(layer, position, name, column_name, source_table, "
             "spec) VALUES (?, ?, ?, ?, ?, ?)");
    for (std::size_t c = 0; c < stored.columns.size(); ++c) {
      col.bind(1, stored.name)
          .bind(2, static_cast<std::int64_t>(c))
          .bind(3, stored.columns[c].name);
      col.bind(4, column_names[c]).bind(5, stored.columns[c].table);
      col.bind(6, spec_json(stored.columns[c].spec).dump());
      if (auto ok = step_done(col, path_, "the joined columns"); !ok) return ok;
    }
    return write_tables(db, path_, stored.name, stored.tables);
  });
}

Result<std::vector<LayerSummary>> SpatiaLiteStore::layers() {
  Stmt s(db_->db,
         "SELECT name, table_name, level, geometry_type, source, feature_count, (SELECT count(*) "
         "FROM chipao_layer_columns c WHERE c.layer = l.name), (SELECT count(*) FROM "
         "chipao_tables t WHERE t.layer = l.name) FROM chipao_layers l ORDER BY name");
  std::vector<LayerSummary> out;
  while (s.step()) {
    LayerSummary l;
    l.name = s.text(0);
    l.table = s.text(1);
    l.level = s.text(2);
    l.geometry_type = s.text(3);
    l.source_path = json::parse(s.text(4), nullptr, false).value("path", "");
    l.features = static_cast<std::size_t>(s.integer(5));
    l.columns = static_cast<std::size_t>(s.integer(6));
    l.tables = static_cast<std::size_t>(s.integer(7));
    out.push_back(std::move(l));
  }
  if (!s.ok()) return std::unexpected(read_error(s, path_, "the layer list").error());
  return out;
}

Result<StoredLayer> SpatiaLiteStore::load_layer(const std::string& name) {
  sqlite3* db = db_->db;
  StoredLayer out;
  out.name = name;
  std::string table;
  {
    Stmt s(db, "SELECT table_name, source, join_report FROM chipao_layers WHERE name = ?");
    s.bind(1, name);
    if (!s.step()) {
      if (!s.ok()) return std::unexpected(read_error(s, path_, "the layer list").error());
      return fail(fmt::format("{} has no layer '{}'; see chipao-cli project info", path_, name));
    }
    table = s.text(0);
    const json src = json::parse(s.text(1), nullptr, false);
    if (src.is_object()) out.layer.source = source_from(src);
    out.join_report_json = s.text(2);
  }
  std::vector<std::string> column_names;
  {
    Stmt s(db,
           "SELECT name, column_name, source_table, spec FROM chipao_layer_columns WHERE layer = ? "
           "ORDER BY position");
    s.bind(1, name);
    while (s.step()) {
      JoinedColumn c;
      c.name = s.text(0);
      column_names.push_back(s.text(1));
      c.table = s.text(2);
      const json spec = json::parse(s.text(3), nullptr, false);
      if (spec.is_object()) c.spec = spec_from(spec);
      out.columns.push_back(std::move(c));
    }
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the joined columns").error());
  }
  std::string select = "SELECT source_fid, code, name_th, name_en, assigned_from, AsBinary(geom)";
  for (const auto& n : column_names) select += ", " + sql_name(n);
  select += " FROM " + sql_name(table) + " ORDER BY fid";
  Stmt s(db, select);
  bool any_assigned = false;
  while (s.step()) {
    BoundaryFeature f;
    f.fid = s.integer(0);
    f.code = s.text(1);
    f.name_th = s.text(2);
    f.name_en = s.text(3);
    out.assigned_from.push_back(s.text(4));
    any_assigned = any_assigned || !out.assigned_from.back().empty();
    auto g = geometry_from_wkb(s.blob(5));
    if (!g)
      return fail(
          fmt::format("{}: layer {} feature {}: {}", path_, name, f.fid, g.error().message));
    f.geometry = std::move(*g);
    f.bbox = f.geometry.bounds();
    out.layer.extent_wgs84.expand(f.bbox);
    for (std::size_t c = 0; c < out.columns.size(); ++c)
      out.columns[c].values.push_back(s.real(static_cast<int>(6 + c)));
    out.layer.features.push_back(std::move(f));
  }
  if (!s.ok()) return std::unexpected(read_error(s, path_, "layer " + name).error());
  if (!any_assigned) out.assigned_from.clear();
  return out;
}

Result<std::vector<MeasureTable>> SpatiaLiteStore::load_tables(const std::string& layer) {
  sqlite3* db = db_->db;
  std::vector<MeasureTable> tables;
  {
    Stmt s(db,
           "SELECT path, level, key_column, kind, mask, notes FROM chipao_tables WHERE layer = ? "
           "ORDER BY position");
    s.bind(1, layer);
    while (s.step()) {
      MeasureTable t;
      t.path = s.text(0);
      t.level = parse_level(s.text(1)).value_or(AdminLevel::tambon);
      t.key_column = s.text(2);
      t.kind = s.text(3);
      t.mask = s.text(4);
      table_notes_from(json::parse(s.text(5), nullptr, false), t);
      tables.push_back(std::move(t));
    }
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the input tables").error());
  }
  {
    Stmt s(db,
           "SELECT table_position, spec FROM chipao_table_measures WHERE layer = ? ORDER BY "
           "table_position, position");
    s.bind(1, layer);
    while (s.step()) {
      const auto t = static_cast<std::size_t>(s.integer(0));
      const json spec = json::parse(s.text(1), nullptr, false);
      if (t >= tables.size() || !spec.is_object())
        return fail(
            fmt::format("{}: the input tables of layer {} are damaged; create the "
                        "project again with chipao-cli project new",
                        path_, layer));
      tables[t].measures.push_back(spec_from(spec));
    }
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the input tables").error());
  }
  {
    Stmt s(db,
           "SELECT table_position, code, suffix, line, vals FROM chipao_table_rows WHERE layer = ? "
           "ORDER BY table_position, row");
    s.bind(1, layer);
    while (s.step()) {
      const auto t = static_cast<std::size_t>(s.integer(0));
      MeasureRow row;
      row.code = s.text(1);
      row.suffix = s.text(2);
      row.line = static_cast<std::size_t>(s.integer(3));
      row.values = values_from_blob(s.blob(4));
      if (t >= tables.size() || row.values.size() != tables[t].measures.size())
        return fail(
            fmt::format("{}: the input tables of layer {} are damaged at row {}; create "
                        "the project again with chipao-cli project new",
                        path_, layer, row.line));
      tables[t].rows.push_back(std::move(row));
    }
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the input tables").error());
  }
  return tables;
}

Result<PlanningState> SpatiaLiteStore::load_state() {
  return read_transaction<PlanningState>(db_->db, path_, [&] { return read_state(); });
}

Result<PlanningState> SpatiaLiteStore::read_state() {
  sqlite3* db = db_->db;
  PlanningState state;
  {
    Stmt s(db,
           "SELECT id, name, color, locked, kind, unit_level, units, AsBinary(geom) FROM "
           "chipao_zones ORDER BY id");
    while (s.step()) {
      Zone z;
      z.id = s.integer(0);
      z.name = s.text(1);
      z.color_hex = s.text(2);
      z.locked = s.integer(3) != 0;
      z.kind = s.text(4) == "painted" ? ZoneKind::painted : ZoneKind::drawn;
      z.unit_level = s.text(5);
      const json units = json::parse(s.text(6), nullptr, false);
      if (units.is_array())
        for (const auto& u : units) z.unit_codes.push_back(u.get<std::string>());
      auto g = geometry_from_wkb(s.blob(7));
      if (!g) return fail(fmt::format("{}: zone {}: {}", path_, z.id, g.error().message));
      z.polygon = std::move(*g);
      state.zones.push_back(std::move(z));
    }
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the zones").error());
  }
  {
    Stmt s(db,
           "SELECT id, name_th, name_en, dimension, agency_th, agency_en, unit_cost_baht FROM "
           "chipao_catalogue ORDER BY id");
    while (s.step()) {
      CatalogueEntry c;
      c.id = s.text(0);
      c.name_th = s.text(1);
      c.name_en = s.text(2);
      c.dimension = parse_dimension_key(s.text(3)).value_or(DimensionId::income);
      c.agency_th = s.text(4);
      c.agency_en = s.text(5);
      c.unit_cost_baht = s.real(6);
      state.catalogue.push_back(std::move(c));
    }
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the catalogue").error());
    // SQLite orders TEXT by bytes, as std::string does.
  }
  {
    Stmt s(db,
           "SELECT id, zone_id, catalogue_id, dimension, households, unit_cost_baht, agency, "
           "start_date, end_date, status FROM chipao_interventions ORDER BY id");
    while (s.step()) {
      Intervention i;
      i.id = s.integer(0);
      i.zone_id = s.integer(1);
      if (!s.null(2)) i.catalogue_id = s.text(2);
      i.dimension = parse_dimension_key(s.text(3)).value_or(DimensionId::income);
      i.households = s.integer(4);
      i.unit_cost_baht = s.real(5);
      i.agency = s.text(6);
      i.start = s.text(7);
      i.end = s.text(8);
      i.status = parse_intervention_status(s.text(9)).value_or(InterventionStatus::planned);
      state.plan.interventions.push_back(std::move(i));
    }
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the interventions").error());
  }
  {
    Stmt s(db, "SELECT municipal_code, tambons FROM chipao_assignments ORDER BY municipal_code");
    while (s.step()) state.assignments.push_back({s.text(0), split_plus(s.text(1))});
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the municipal assignments").error());
  }
  {
    Stmt s(db, "SELECT key, value FROM chipao_settings");
    while (s.step()) state.settings[s.text(0)] = s.text(1);
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the settings").error());
  }
  const auto cap = get_meta(db, "budget_cap_baht");
  state.plan.budget_cap_baht = cap ? json::parse(*cap, nullptr, false).get<double>() : 0.0;
  return state;
}

namespace {

bool has_column(sqlite3* db, const std::string& table, std::string_view column) {
  Stmt s(db, fmt::format("PRAGMA table_info({})", sql_name(table)));
  while (s.step())
    if (s.text(1) == column) return true;
  return false;
}

}  // namespace

Result<ProjectStore::HistoryChanges> SpatiaLiteStore::load_history_changes(
    std::int64_t since_version) {
  sqlite3* db = db_->db;
  return read_transaction<HistoryChanges>(db, path_, [&]() -> Result<HistoryChanges> {
    if (!has_column(db, "chipao_history", "version"))
      return fail(fmt::format("{}: the history has no versions (an older project)", path_));
    HistoryChanges out;
    out.version = stored_version(db);
    std::size_t size = 0;
    {
      Stmt s(db, "SELECT count(*), min(CASE WHEN version > ? THEN seq END) FROM chipao_history");
      s.bind(1, since_version);
      if (!s.step()) return std::unexpected(read_error(s, path_, "the edit history").error());
      size = static_cast<std::size_t>(s.integer(0));
      out.first_changed = s.null(1) ? size : static_cast<std::size_t>(s.integer(1));
    }
    Stmt s(db, "SELECT seq, edit FROM chipao_history WHERE seq >= ? ORDER BY seq");
    s.bind(1, static_cast<std::int64_t>(out.first_changed));
    while (s.step()) {
      if (s.integer(0) != static_cast<std::int64_t>(out.first_changed + out.entries.size()))
        return fail(fmt::format("{}: the edit history has a gap at edit {}; the project is damaged",
                                path_, out.first_changed + out.entries.size() + 1));
      auto e = edit_from_json(s.text(1));
      if (!e)
        return fail(fmt::format("{}: edit {}: {}", path_, s.integer(0) + 1, e.error().message));
      out.entries.push_back(std::move(*e));
    }
    if (!s.ok()) return std::unexpected(read_error(s, path_, "the edit history").error());
    const auto pos = get_meta(db, "history_position");
    if (pos) std::from_chars(pos->data(), pos->data() + pos->size(), out.position);
    if (out.position > size)
      return fail(
          fmt::format("{}: the history position {} is past its {} edits; the project is "
                      "damaged",
                      path_, out.position, size));
    return out;
  });
}

Result<EditHistory> SpatiaLiteStore::load_history() {
  return read_transaction<EditHistory>(db_->db, path_, [&] { return read_history(); });
}

Result<EditHistory> SpatiaLiteStore::read_history() {
  Stmt s(db_->db, "SELECT seq, edit FROM chipao_history ORDER BY seq");
  std::vector<Edit> entries;
  while (s.step()) {
    if (s.integer(0) != static_cast<std::int64_t>(entries.size()))
      return fail(fmt::format("{}: the edit history has a gap at edit {}; the project is damaged",
                              path_, entries.size() + 1));
    auto e = edit_from_json(s.text(1));
    if (!e)
      return fail(fmt::format("{}: edit {}: {}", path_, entries.size() + 1, e.error().message));
    entries.push_back(std::move(*e));
  }
  if (!s.ok()) return std::unexpected(read_error(s, path_, "the edit history").error());
  const auto pos = get_meta(db_->db, "history_position");
  std::size_t position = 0;
  if (pos) std::from_chars(pos->data(), pos->data() + pos->size(), position);
  if (position > entries.size())
    return fail(
        fmt::format("{}: the history position {} is past its {} edits; the project is "
                    "damaged",
                    path_, position, entries.size()));
  return EditHistory(std::move(entries), position);
}

Result<void> SpatiaLiteStore::write_initial(const PlanningState& state) {
  if (auto ok = writable(); !ok) return ok;
  sqlite3* db = db_->db;
  return transaction(db, path_, [&]() -> Result<void> {
    for (const Zone& z : state.zones)
      if (auto ok = write_entity(db, path_, state, EntityKind::zone, std::to_string(z.id)); !ok)
        return ok;
    for (const auto& c : state.catalogue)
      if (auto ok = write_entity(db, path_, state, EntityKind::catalogue, c.id); !ok) return ok;
    for (const auto& i : state.plan.interventions)
      if (auto ok = write_entity(db, path_, state, EntityKind::intervention, std::to_string(i.id));
          !ok)
        return ok;
    for (const auto& a : state.assignments)
      if (auto ok = write_entity(db, path_, state, EntityKind::assignment, a.municipal_code); !ok)
        return ok;
    for (const auto& [k, v] : state.settings)
      if (auto ok = write_entity(db, path_, state, EntityKind::setting, k); !ok) return ok;
    return write_entity(db, path_, state, EntityKind::budget, "");
  });
}

Result<void> SpatiaLiteStore::write_step_with_figures(
    const PlanningState& state, const Edit& edit, HistoryStep step, std::size_t position_before,
    const std::vector<LayerFiguresUpdate>& figures) {
  if (auto ok = writable(); !ok) return ok;
  sqlite3* db = db_->db;
  return transaction(db, path_, [&]() -> Result<void> {
    for (const EntityChange& c : edit.changes)
      if (auto ok = write_entity(db, path_, state, c.kind, c.key); !ok) return ok;
    for (const LayerFiguresUpdate& u : figures)
      if (auto ok = write_figures(db, path_, u); !ok) return ok;
    std::size_t position = position_before;
    if (step == HistoryStep::apply) {
      Stmt drop(db, "DELETE FROM chipao_history WHERE seq >= ?");
      drop.bind(1, static_cast<std::int64_t>(position_before));
      if (auto ok = step_done(drop, path_, "the edit history"); !ok) return ok;
      // The row carries the version this transaction commits (the stored one is raised by
      // one when it commits).
      Stmt add(db,
               "INSERT INTO chipao_history(seq, action, summary, edit, version) VALUES (?, ?, ?, "
               "?, (SELECT coalesce(CAST(value AS INTEGER), 0) + 1 FROM chipao_meta WHERE key = "
               "'version'))");
      add.bind(1, static_cast<std::int64_t>(position_before)).bind(2, edit.action);
      add.bind(3, edit.summary).bind(4, edit_to_json(edit));
      if (auto ok = step_done(add, path_, "the edit history"); !ok) return ok;
      position = position_before + 1;
    } else if (step == HistoryStep::undo) {
      position = position_before - 1;
    } else {
      position = position_before + 1;
    }
    return set_meta(db, path_, "history_position", std::to_string(position));
  });
}

}  // namespace chipao
