// The scale bar of a printed or exported map: a round length (1, 2 or 5 x 10^n metres) that
// fits a target width on screen, its width in pixels and its label ("5 km", "500 m").
//
// Lengths are on the WGS 84 ellipsoid at one latitude (the map centre's): a map in degrees has
// a different scale at its top and bottom, so the bar is true at the centre and says nothing
// exact elsewhere. Units: metres, pixels, degrees.
#pragma once

#include <optional>
#include <string>

namespace chipao {

// Metres along one degree of longitude (a parallel) / of latitude (a meridian) at latitude_deg
// on the WGS 84 ellipsoid. Precondition: -90 <= latitude_deg <= 90.
double metres_per_degree_longitude(double latitude_deg);
double metres_per_degree_latitude(double latitude_deg);

// Ground metres of one screen pixel measured east-west at latitude_deg, for a view that shows
// degrees_longitude_per_pixel. Precondition: degrees_longitude_per_pixel > 0.
double metres_per_pixel_east_west(double latitude_deg, double degrees_longitude_per_pixel);

struct ScaleBar {
  double length_m = 0;  // 1, 2 or 5 x 10^n
  double width_px = 0;  // length_m / metres per pixel; never above the target width
  std::string label;    // "500 m", "5 km", "1,000 km"
};

// The longest round length whose bar is at most target_width_px wide (so it is between 40% and
// 100% of the target). nullopt when metres_per_pixel or target_width_px is not a positive
// finite number.
std::optional<ScaleBar> choose_scale_bar(double metres_per_pixel, double target_width_px);

// "500 m", "5 km", "0.5 m", "1,000 km": kilometres from 1 km up.
std::string scale_length_label(double length_m);

}  // namespace chipao
