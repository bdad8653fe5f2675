// Plausible Thai place names with their RTGS romanisation.
//
// Names are two syllables as in real Isan toponyms (a landform such as หนอง "pond" or โนน
// "mound" and a plant, colour or quality). The lists deliberately include tone marks over tall
// consonants (ป่า ปู่ ฝั่ง ฟ้า ป่าน) and consonants with tails (ญ ฐ), which the renderer's Thai
// shaping is tested on.
#pragma once

#include <set>
#include <string>

#include "rng.h"

namespace chipao::demogen {

struct PlaceName {
  std::string th;  // UTF-8 Thai
  std::string en;  // RTGS, words capitalised
};

// Draws names not yet in `taken` (compared by the Thai spelling) and adds them to it.
PlaceName draw_place_name(Rng& rng, std::set<std::string>& taken);

}  // namespace chipao::demogen
