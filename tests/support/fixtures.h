// Writing small vector files for tests with GDAL itself, so fixtures are real files of the
// formats users bring (and tests state their geometry inline as WKT).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace chipao::test {

struct FixtureField {
  std::string name;
  enum class Type { string, integer, real } type = Type::string;
};

struct FixtureFeature {
  std::string wkt;                  // empty for no geometry
  std::vector<std::string> values;  // one per field, as text (bytes are written as given)
};

struct FixtureLayer {
  std::string driver = "ESRI Shapefile";
  std::string path;
  std::string layer_name = "layer";
  int epsg = 4326;  // 0: no CRS (no .prj)
  std::vector<FixtureField> fields;
  std::vector<FixtureFeature> features;
  std::vector<std::string> layer_options;  // e.g. "ENCODING=" to write raw bytes without .cpg
};

// Writes the layer; returns an error message, empty on success.
std::string write_fixture(const FixtureLayer& layer);

}  // namespace chipao::test
