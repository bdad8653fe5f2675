// Options shared by commands that read tables of figures: --table (repeatable),
// --table-descriptor, --delimiter, --table-encoding.
#pragma once

#include <string>
#include <vector>

#include "cli/cli_args.h"
#include "core/stats/measure_table.h"

namespace chipao::cli {

void add_table_options(ArgSpec& spec);
std::string table_options_help();
// --recode OLD=NEW (repeatable), read by load_joined_layer (cli/joined_layer.h).
void add_recode_option(ArgSpec& spec);
std::string recode_option_help();
// Loads every --table; the first failure is returned as it is (it names file, line, column).
Result<std::vector<MeasureTable>> tables_from_args(const Args& args);

}  // namespace chipao::cli
