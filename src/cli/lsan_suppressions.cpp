// LeakSanitizer (sanitize builds) asks for this function at start-up; in other builds nothing
// calls it. fontconfig keeps its configuration and font pattern caches until the process ends
// (pango's font map, used by the plan sheet, holds them): the library's, not ChiPao's leaks.
// Set here rather than through LSAN_OPTIONS so every run of chipao-cli gets it, in tests or not.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
// And without the "Suppressions used" table LeakSanitizer prints at exit: on stderr it would
// follow a one-line error message that tests (and scripts) read as the whole answer.
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
