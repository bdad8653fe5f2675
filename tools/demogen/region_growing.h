// Grouping graph nodes (village cells, then tambons) into contiguous regions.
//
// Regions grow from chosen centres by a multi-source shortest-path search over the adjacency
// graph. Every node joins the region of the centre it is closest to along the graph, through a
// neighbour of the same region, so each region is connected by construction: no tambon made of
// cells that do not touch.
#pragma once

#include <cstdint>
#include <vector>

#include "planar.h"

namespace chipao::demogen {

using Adjacency = std::vector<std::vector<int>>;

// Among `candidates`, `count` nodes spread evenly: farthest-point sampling from the candidate
// nearest `start`, then a few Lloyd steps that move each centre to the candidate nearest the mean
// of the nodes closest to it.
std::vector<int> spread_centres(const std::vector<Point>& positions,
                                const std::vector<int>& candidates, int count, Point start);

// Region index (0-based, in the order of `centres`) of every node; -1 for nodes not in `members`.
// Edge lengths are stretched by noise of the given seed so region borders wander.
std::vector<int> grow_regions(const Adjacency& adjacency, const std::vector<Point>& positions,
                              const std::vector<bool>& members, const std::vector<int>& centres,
                              double noise_cell_deg, std::uint64_t noise_seed);

// The nodes of the largest connected group of members (ties: the one with the smallest node).
std::vector<bool> largest_component(const Adjacency& adjacency, const std::vector<bool>& members);

// Adds to `members` every non-member enclosed by members (not connected through non-members to
// a node flagged in `outside`), so the province has no holes.
void fill_enclosed(const Adjacency& adjacency, const std::vector<bool>& outside,
                   std::vector<bool>& members);

}  // namespace chipao::demogen
