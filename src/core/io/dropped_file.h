// What a file handed to ChiPao is, so that a file dropped on the window or picked in an Open
// dialog goes where it belongs without the planner saying: a ChiPao project, boundaries (a
// layer with administrative codes), zones (polygons without codes: a plan's drawn zones), a
// table of figures (CSV/XLSX), or a folder of tables.
//
// Decided by what the file holds, not only its name: a .chipao that is not a project is said
// to be so; a GeoJSON with tambon codes is boundaries, one without codes is zones.
#pragma once

#include <string>
#include <vector>

namespace chipao {

enum class DroppedKind { project, boundaries, zones, table, table_folder, unknown };

struct DroppedFile {
  std::string path;
  DroppedKind kind = DroppedKind::unknown;
  // For unknown: why, naming the file and what ChiPao opens. For table_folder: empty.
  std::string reason;
  // For table_folder: the tables in it, sorted.
  std::vector<std::string> tables;
};

DroppedFile classify_dropped(const std::string& path);

}  // namespace chipao
