#include "boundary_files.h"

#include "gdal_writer.h"

namespace chipao::demogen {
namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

// Wide enough for the longest Thai name in UTF-8 with room to spare.
constexpr int kNameWidth = 80;

}  // namespace

void write_boundary_files(const GeosContext& geos, const AdminTree& tree,
                          const AdminPolygons& polygons, const std::filesystem::path& out_dir) {
  write_polygon_shapefile(
      geos, out_dir / "province.shp",
      {{"pro_code", 2}, {"pro_th", kNameWidth}, {"pro_en", kNameWidth}},
      {{{tree.province_code, tree.province.th, tree.province.en}, polygons.province.get()}});

  std::vector<FeatureRecord> amphoes;
  for (std::size_t a = 0; a < tree.amphoes.size(); ++a) {
    const AmphoeUnit& amphoe = tree.amphoes[a];
    amphoes.push_back({{amphoe.code, amphoe.name.th, amphoe.name.en, tree.province_code},
                       polygons.amphoes[a].get()});
  }
  write_polygon_shapefile(
      geos, out_dir / "amphoe.shp",
      {{"amp_code", 4}, {"amp_th", kNameWidth}, {"amp_en", kNameWidth}, {"pro_code", 2}}, amphoes);

  std::vector<FeatureRecord> tambons;
  for (std::size_t t = 0; t < tree.tambons.size(); ++t) {
    const TambonUnit& tambon = tree.tambons[t];
    tambons.push_back({{tambon.code, tambon.name.th, tambon.name.en,
                        tree.amphoes[at(tambon.amphoe)].code, tree.province_code},
                       polygons.tambons[t].get()});
  }
  write_polygon_shapefile(geos, out_dir / "tambon.shp",
                          {{"tam_code", 6},
                           {"tam_th", kNameWidth},
                           {"tam_en", kNameWidth},
                           {"amp_code", 4},
                           {"pro_code", 2}},
                          tambons);

  // DOPA village layers, as the real Khon Kaen village file names its fields.
  const std::vector<TextField> village_fields{
      {"VILL_IDN", 8},  {"VILL_CODE", 2},          {"TAM_IDN", 6},           {"AMP_IDN", 4},
      {"PROV_CODE", 2}, {"VILL_NM_T", kNameWidth}, {"VILL_NM_E", kNameWidth}};
  std::vector<FeatureRecord> villages;
  std::vector<FeatureRecord> points;
  for (std::size_t v = 0; v < tree.villages.size(); ++v) {
    const VillageUnit& village = tree.villages[v];
    const TambonUnit& tambon = tree.tambons[at(village.tambon)];
    std::vector<std::string> values{village.code,
                                    village.code.substr(6, 2),
                                    tambon.code,
                                    tree.amphoes[at(tambon.amphoe)].code,
                                    tree.province_code,
                                    "บ้าน" + village.name.th,
                                    "Ban " + village.name.en};
    villages.push_back({values, polygons.villages[v].get()});
    points.push_back({std::move(values), polygons.village_points[v].get()});
  }
  write_polygon_shapefile(geos, out_dir / "village.shp", village_fields, villages);
  write_point_geojson(geos, out_dir / "village_point.geojson", village_fields, points);
}

}  // namespace chipao::demogen
