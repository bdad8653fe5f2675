#include "cli/table_options.h"

namespace chipao::cli {

void add_table_options(ArgSpec& spec) {
  spec.repeatable.insert("table");
  spec.values.insert("table-descriptor");
  spec.values.insert("delimiter");
  spec.values.insert("table-encoding");
}

std::string table_options_help() {
  return "  --table T            a table of figures (CSV or XLSX); repeat for several. TPMAP "
         "exports are\n"
         "                       recognised; other tables need --table-descriptor\n"
         "  --table-descriptor D JSON naming the key column, level and measures of non-TPMAP "
         "tables\n"
         "  --delimiter C        CSV delimiter (default: detected among , ; tab |)\n"
         "  --table-encoding E   UTF-8 or CP874 (default: detected)\n";
}

void add_recode_option(ArgSpec& spec) {
  spec.repeatable.insert("recode");
}

std::string recode_option_help() {
  return "  --recode OLD=NEW     join rows whose code begins with OLD as NEW (a district\n"
         "                       renumbered between sources, e.g. 4029=4026); repeatable;\n"
         "                       the report lists the rows recoded\n";
}

Result<std::vector<MeasureTable>> tables_from_args(const Args& args) {
  MeasureTableOptions options;
  if (auto d = args.value("delimiter")) {
    if (*d == "tab" || *d == "\\t") {
      options.read.delimiter = '\t';
    } else if (d->size() == 1) {
      options.read.delimiter = (*d)[0];
    } else {
      return fail("--delimiter " + *d + ": give one character, or 'tab'");
    }
  }
  if (auto e = args.value("table-encoding")) options.read.encoding = *e;
  if (auto d = args.value("table-descriptor")) {
    auto descriptor = read_table_descriptor(*d);
    if (!descriptor) return std::unexpected(descriptor.error());
    options.descriptor = *descriptor;
  }
  const auto paths = args.all("table");
  if (paths.empty()) return fail("name at least one --table");
  std::vector<MeasureTable> tables;
  for (const std::string& p : paths) {
    auto t = load_measure_table(p, options);
    if (!t) return std::unexpected(t.error());
    tables.push_back(std::move(*t));
  }
  return tables;
}

}  // namespace chipao::cli
