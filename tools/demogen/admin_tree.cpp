#include "admin_tree.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "number_text.h"

namespace chipao::demogen {
namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

std::string two_digits(int n) {
  return zero_padded(n, 2);
}

Point mean_of(const std::vector<Point>& points) {
  Point sum;
  for (const Point& p : points) sum = sum + p;
  return sum * (1.0 / static_cast<double>(points.size()));
}

// Orders items so the first is the one nearest `seat` and the rest go clockwise from north
// around it, the way a reader scans a map; ties break by the original index.
std::vector<int> seat_then_clockwise(const std::vector<Point>& positions, Point seat) {
  std::vector<int> order(positions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  const auto nearest = std::min_element(order.begin(), order.end(), [&](int a, int b) {
    const double da = squared_distance(positions[at(a)], seat);
    const double db = squared_distance(positions[at(b)], seat);
    return da < db || (da == db && a < b);
  });
  std::iter_swap(order.begin(), nearest);
  const Point origin = positions[at(order.front())];
  std::sort(order.begin() + 1, order.end(), [&](int a, int b) {
    const double ba = clockwise_bearing(origin, positions[at(a)]);
    const double bb = clockwise_bearing(origin, positions[at(b)]);
    return ba < bb || (ba == bb && a < b);
  });
  return order;
}

}  // namespace

AdminTree build_admin_tree(const CellMesh& mesh, const std::vector<int>& tambon_of_cell,
                           const std::vector<int>& amphoe_of_tambon, Point centre,
                           std::uint64_t name_seed) {
  const int tambon_regions = static_cast<int>(amphoe_of_tambon.size());
  const int amphoe_regions =
      1 + *std::max_element(amphoe_of_tambon.begin(), amphoe_of_tambon.end());

  std::vector<std::vector<int>> cells_of_tambon(at(tambon_regions));
  for (std::size_t c = 0; c < tambon_of_cell.size(); ++c) {
    if (tambon_of_cell[c] >= 0)
      cells_of_tambon[at(tambon_of_cell[c])].push_back(static_cast<int>(c));
  }
  std::vector<Point> tambon_mean(at(tambon_regions));
  for (int t = 0; t < tambon_regions; ++t) {
    std::vector<Point> sites;
    for (const int c : cells_of_tambon[at(t)]) sites.push_back(mesh.sites[at(c)]);
    if (sites.empty()) throw std::runtime_error("a tambon region has no cells");
    tambon_mean[at(t)] = mean_of(sites);
  }
  std::vector<std::vector<int>> tambons_of_amphoe(at(amphoe_regions));
  for (int t = 0; t < tambon_regions; ++t) {
    tambons_of_amphoe[at(amphoe_of_tambon[at(t)])].push_back(t);
  }
  std::vector<Point> amphoe_mean(at(amphoe_regions));
  for (int a = 0; a < amphoe_regions; ++a) {
    std::vector<Point> means;
    for (const int t : tambons_of_amphoe[at(a)]) means.push_back(tambon_mean[at(t)]);
    amphoe_mean[at(a)] = mean_of(means);
  }

  // Amphoe 01 (Mueang) holds the cell nearest the provincial centre; the others follow
  // clockwise around the province centre.
  int centre_cell = -1;
  for (std::size_t c = 0; c < tambon_of_cell.size(); ++c) {
    if (tambon_of_cell[c] < 0) continue;
    if (centre_cell < 0 || squared_distance(mesh.sites[c], centre) <
                               squared_distance(mesh.sites[at(centre_cell)], centre)) {
      centre_cell = static_cast<int>(c);
    }
  }
  const int city_tambon = tambon_of_cell[at(centre_cell)];
  const int city_amphoe = amphoe_of_tambon[at(city_tambon)];
  std::vector<int> amphoe_order{city_amphoe};
  {
    std::vector<int> rest;
    for (int a = 0; a < amphoe_regions; ++a) {
      if (a != city_amphoe) rest.push_back(a);
    }
    std::sort(rest.begin(), rest.end(), [&](int x, int y) {
      const double bx = clockwise_bearing(centre, amphoe_mean[at(x)]);
      const double by = clockwise_bearing(centre, amphoe_mean[at(y)]);
      return bx < by || (bx == by && x < y);
    });
    amphoe_order.insert(amphoe_order.end(), rest.begin(), rest.end());
  }

  AdminTree tree;
  Rng rng(name_seed);
  std::set<std::string> tambon_names{"ในเมือง"};
  for (std::size_t a_rank = 0; a_rank < amphoe_order.size(); ++a_rank) {
    const int a_region = amphoe_order[a_rank];
    AmphoeUnit amphoe;
    amphoe.code = tree.province_code + two_digits(static_cast<int>(a_rank) + 1);
    const int amphoe_index = static_cast<int>(tree.amphoes.size());

    // Tambon 01 is the district seat: the city tambon in Mueang, else the most central one.
    const std::vector<int>& members = tambons_of_amphoe[at(a_region)];
    std::vector<Point> member_means;
    for (const int t : members) member_means.push_back(tambon_mean[at(t)]);
    const Point seat =
        a_region == city_amphoe ? mesh.sites[at(centre_cell)] : amphoe_mean[at(a_region)];
    const std::vector<int> tambon_order = seat_then_clockwise(member_means, seat);

    for (std::size_t t_rank = 0; t_rank < tambon_order.size(); ++t_rank) {
      const int t_region = members[at(tambon_order[t_rank])];
      TambonUnit tambon;
      tambon.code = amphoe.code + two_digits(static_cast<int>(t_rank) + 1);
      tambon.amphoe = amphoe_index;
      const bool is_city = a_region == city_amphoe && t_rank == 0;
      tambon.name =
          is_city ? PlaceName{"ในเมือง", "Nai Mueang"} : draw_place_name(rng, tambon_names);
      const int tambon_index = static_cast<int>(tree.tambons.size());

      const std::vector<int>& cells = cells_of_tambon[at(t_region)];
      std::vector<Point> sites;
      for (const int c : cells) sites.push_back(mesh.sites[at(c)]);
      const Point village_seat = is_city ? mesh.sites[at(centre_cell)] : mean_of(sites);
      const std::vector<int> village_order = seat_then_clockwise(sites, village_seat);
      tambon.seat = sites[at(village_order.front())];

      // Village 01 carries the tambon's name, as real tambons are named after their main
      // village; the others have names unique within the tambon.
      std::set<std::string> village_names{tambon.name.th};
      for (std::size_t v_rank = 0; v_rank < village_order.size(); ++v_rank) {
        VillageUnit village;
        village.number = static_cast<int>(v_rank) + 1;
        village.code = tambon.code + two_digits(village.number);
        village.report_code = village.code;
        village.cell = cells[at(village_order[v_rank])];
        village.tambon = tambon_index;
        village.name = v_rank == 0 ? tambon.name : draw_place_name(rng, village_names);
        tambon.villages.push_back(static_cast<int>(tree.villages.size()));
        tree.villages.push_back(std::move(village));
      }
      amphoe.tambons.push_back(tambon_index);
      tree.tambons.push_back(std::move(tambon));
    }
    // A district is named after its seat tambon; the provincial one is "Mueang <province>".
    amphoe.name = a_region == city_amphoe
                      ? PlaceName{"เมือง" + tree.province.th, "Mueang " + tree.province.en}
                      : tree.tambons[at(amphoe.tambons.front())].name;
    tree.amphoes.push_back(std::move(amphoe));
  }

  // TPMAP reports the whole city tambon (xx0101) as the town municipality xx0151, and part of
  // tambon xx0401 as a subdistrict municipality xx0451 (villages 01-03), which then keeps a row
  // of its own for the rest of its people.
  auto add_municipality = [&](int tambon_index, const std::string& code, PlaceName name,
                              int village_count) {
    Municipality m;
    m.code = code;
    m.name = std::move(name);
    const TambonUnit& host = tree.tambons[at(tambon_index)];
    m.host_tambon = host.code;
    m.covers_whole_tambon = village_count >= static_cast<int>(host.villages.size());
    for (int i = 0; i < village_count && i < static_cast<int>(host.villages.size()); ++i) {
      const int v = host.villages[at(i)];
      VillageUnit& village = tree.villages[at(v)];
      village.report_code = code + two_digits(village.number);
      m.villages.push_back(v);
    }
    tree.municipalities.push_back(std::move(m));
  };
  const int city = tree.amphoes[0].tambons.front();
  add_municipality(city, tree.province_code + "0151",
                   {"เทศบาลเมือง" + tree.province.th, tree.province.en + " Town Municipality"},
                   static_cast<int>(tree.tambons[at(city)].villages.size()));
  if (tree.amphoes.size() < 4 ||
      tree.tambons[at(tree.amphoes[3].tambons.front())].villages.size() < 5) {
    throw std::runtime_error("amphoe 04's seat tambon is too small for a municipality");
  }
  const int small_town = tree.amphoes[3].tambons.front();
  const PlaceName& town_name = tree.tambons[at(small_town)].name;
  add_municipality(small_town, tree.province_code + "0451",
                   {"เทศบาลตำบล" + town_name.th, town_name.en + " Subdistrict Municipality"}, 3);
  return tree;
}

}  // namespace chipao::demogen
