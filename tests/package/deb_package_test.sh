#!/usr/bin/env bash
# The Debian package (issue 11): `cpack -G DEB` on the existing build, then checks on the .deb and
# on a copy unpacked into a scratch root. Nothing is installed into the system.
#
# Usage: deb_package_test.sh CPACK BUILD_DIR SCRATCH_DIR VERSION WITH_APP(0|1) [XVFB_RUN]
# Prints CHIPAO_SKIP (a skip for ctest) when the Debian tools it needs are missing.
set -euo pipefail

cpack=$1 build=$2 scratch=$3 version=$4 with_app=$5 xvfb_run=${6:-}

for tool in dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev desktop-file-validate:desktop-file-utils \
            xmllint:libxml2-utils; do
  if ! command -v "${tool%%:*}" >/dev/null; then
    echo "CHIPAO_SKIP: ${tool%%:*} not found (apt install ${tool#*:}; scripts/install-deps.sh does)"
    exit 0
  fi
done

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

rm -rf "$scratch"
mkdir -p "$scratch/out" "$scratch/root" "$scratch/work"

echo "== cpack -G DEB"
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
shopt -s nullglob
debs=("$scratch"/out/chipao_*.deb)
[ ${#debs[@]} -eq 1 ] || { ls "$scratch/out"; echo "FAIL: expected one chipao_*.deb"; exit 1; }
deb=${debs[0]}
pass "built $(basename "$deb")"

echo "== control fields (dpkg-deb -I)"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = chipao ] && pass "Package: chipao" || fail "Package is '$(field Package)'"
case "$(field Version)" in
  "$version"-*) pass "Version $(field Version) is the project's $version" ;;
  *) fail "Version '$(field Version)' is not the project's $version" ;;
esac
[ -n "$(field Maintainer)" ] && pass "Maintainer: $(field Maintainer)" || fail "no Maintainer"
[ -n "$(field Section)" ] && pass "Section: $(field Section)" || fail "no Section"
[ "$(field Description | wc -l)" -ge 2 ] && pass "Description has a summary and a long text" ||
  fail "Description has no long text"
depends=$(field Depends)
# libc6 and the GIS libraries appear only when dpkg-shlibdeps read the binaries; the font is ours.
wanted_depends=(libc6 libgdal libproj libgeos-c libspatialite libstdc++6 fonts-tlwg-loma-ttf)
[ "$with_app" = 1 ] && wanted_depends+=(libglfw3)
for dep in "${wanted_depends[@]}"; do
  [[ ", $depends" == *", $dep"* ]] && pass "Depends names $dep" || fail "Depends lacks $dep: $depends"
done

echo "== contents (dpkg-deb --contents)"
dpkg-deb --contents "$deb" | awk '{print $6}' >"$scratch/contents.txt"
wanted_files=(./usr/bin/chipao-cli ./usr/share/chipao/data/demo/tambon.shp
              ./usr/share/chipao/data/demo/tpmap/61_99_tambol_11111.csv
              ./usr/share/chipao/layers/demo_tambon.json
              ./usr/share/chipao/layers/registries/demo_jpt.json)
[ "$with_app" = 1 ] && wanted_files+=(./usr/bin/chipao ./usr/libexec/chipao/chipao-open
                                      ./usr/share/applications/chipao.desktop
                                      ./usr/share/icons/hicolor/scalable/apps/chipao.svg
                                      ./usr/share/mime/packages/chipao.xml)
for f in "${wanted_files[@]}"; do
  grep -qxF "$f" "$scratch/contents.txt" && pass "has $f" || fail "missing $f"
done
# Only the programs go on PATH: no test, benchmark or generator binaries, nothing outside /usr.
extra_bin=$(grep '^\./usr/bin/.' "$scratch/contents.txt" | grep -vxE '\./usr/bin/chipao(-cli)?' || true)
[ -z "$extra_bin" ] && pass "nothing else in /usr/bin" || fail "unexpected in /usr/bin: $extra_bin"
outside=$(grep -vE '^\./(usr/.*)?$' "$scratch/contents.txt" || true)
[ -z "$outside" ] && pass "everything under /usr" || fail "outside /usr: $outside"

echo "== unpacked into $scratch/root (dpkg-deb -x)"
dpkg-deb -x "$deb" "$scratch/root"
root=$scratch/root
share=$root/usr/share/chipao
cli=$root/usr/bin/chipao-cli

# A RUNPATH into the build tree would let the test pass with libraries the package lacks.
for bin in "$root"/usr/bin/*; do
  if readelf -d "$bin" | grep -qE 'R(UN)?PATH'; then fail "$bin has an RPATH/RUNPATH"; fi
done
if ldd "$cli" | grep -q 'not found'; then fail "chipao-cli misses libraries: $(ldd "$cli" | grep 'not found')"; fi

"$cli" --help >"$scratch/work/help.txt" 2>&1 && grep -q "Usage: chipao-cli" "$scratch/work/help.txt" &&
  pass "chipao-cli --help runs" || fail "chipao-cli --help: $(head -3 "$scratch/work/help.txt")"
if "$cli" info "$share/data/demo/tambon.shp" --json >"$scratch/work/info.json" 2>&1 &&
   grep -q '"features": 80' "$scratch/work/info.json" && grep -q '"level": "tambon"' "$scratch/work/info.json"; then
  pass "chipao-cli info reads the installed demo tambons (80 features)"
else
  fail "chipao-cli info on the installed demo: $(head -5 "$scratch/work/info.json")"
fi
# The descriptors name their data as ../data/demo/...: the installed layout must keep that true.
"$cli" info --descriptor "$share/layers/demo_tambon.json" >"$scratch/work/desc.txt" 2>&1 &&
  pass "the installed layer descriptor finds its shapefile and tables" ||
  fail "info --descriptor: $(head -3 "$scratch/work/desc.txt")"
"$cli" households --registry "$share/layers/registries/demo_jpt.json" \
    --boundaries "$share/data/demo/village.shp" --level amphoe >"$scratch/work/hh.txt" 2>&1 &&
  pass "the installed registry descriptor finds its table" ||
  fail "households: $(head -3 "$scratch/work/hh.txt")"

if [ "$with_app" != 1 ]; then
  echo "(built without the app: no desktop entry, icon or MIME type to check)"
  [ $failures -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
  exit 0
fi

echo "== desktop entry"
desktop=$root/usr/share/applications/chipao.desktop
desktop-file-validate "$desktop" && pass "desktop-file-validate" || fail "desktop-file-validate"
grep -qx 'MimeType=application/x-chipao-project;' "$desktop" && pass "MimeType" || fail "no MimeType"
grep -qx 'Icon=chipao' "$desktop" && pass "Icon=chipao" || fail "Icon is not chipao"
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
launcher=${exec_line%% *}
[ "$exec_line" = "/usr/libexec/chipao/chipao-open %f" ] && pass "Exec=$exec_line" ||
  fail "Exec is '$exec_line'"
[ -x "$root$launcher" ] && pass "the launcher is in the package" || fail "no launcher at $launcher"

# The launcher with a stand-in app that records its arguments: a file opens as --project FILE,
# and a menu launch (%f expanded to nothing) starts the app with no arguments.
fake=$scratch/work/fake
mkdir -p "$fake/bin" "$fake/libexec/chipao"
cp "$root$launcher" "$fake/libexec/chipao/chipao-open"
printf '#!/bin/sh\nfor a in "$@"; do printf "[%%s]" "$a"; done\n' >"$fake/bin/chipao"
chmod +x "$fake/bin/chipao"
got=$("$fake/libexec/chipao/chipao-open" "/home/p/แผน 2569.chipao")
[ "$got" = "[--project][/home/p/แผน 2569.chipao]" ] && pass "launcher: file -> --project FILE" ||
  fail "launcher with a file passed $got"
got=$("$fake/libexec/chipao/chipao-open")
[ -z "$got" ] && pass "launcher: no file -> no arguments" || fail "launcher without a file passed $got"

echo "== icon and MIME type"
icon=$root/usr/share/icons/hicolor/scalable/apps/chipao.svg
xmllint --noout "$icon" && [ "$(xmllint --xpath 'local-name(/*)' "$icon")" = svg ] &&
  pass "icon is an SVG document" || fail "icon is not a well-formed SVG"
mime=$root/usr/share/mime/packages/chipao.xml
xmllint --noout "$mime" && pass "MIME XML is well-formed" || fail "MIME XML is not well-formed"
grep -q 'type="application/x-chipao-project"' "$mime" && grep -q 'pattern="\*\.chipao"' "$mime" &&
  pass "MIME type and glob" || fail "MIME XML lacks the type or the *.chipao glob"

# The MIME magic looks for the store's application_id ("CPA0" at byte 68): a project made by the
# unpacked chipao-cli must carry it.
project=$scratch/work/demo.chipao
if "$cli" project new "$project" --boundaries "$share/data/demo/tambon.shp" >"$scratch/work/new.txt" 2>&1; then
  [ "$(head -c 72 "$project" | tail -c 4)" = CPA0 ] && pass "project carries CPA0 at byte 68" ||
    fail "project's header has no CPA0 at byte 68: the MIME magic would miss it"
else
  fail "project new: $(head -3 "$scratch/work/new.txt")"
fi
# With shared-mime-info and GIO at hand, ask the real detector, as a file manager would.
if command -v update-mime-database >/dev/null && command -v gio >/dev/null &&
   [ -f /usr/share/mime/packages/freedesktop.org.xml ]; then
  mimedb=$scratch/work/xdg/mime
  mkdir -p "$mimedb/packages"
  cp /usr/share/mime/packages/freedesktop.org.xml "$mime" "$mimedb/packages/"
  update-mime-database "$mimedb" >/dev/null 2>&1
  cp "$project" "$scratch/work/renamed_project"
  content_type() {
    XDG_DATA_HOME=$scratch/work/none XDG_DATA_DIRS=$scratch/work/xdg \
      gio info -a standard::content-type "$1" 2>/dev/null | sed -n 's/.*content-type: //p'
  }
  for f in demo.chipao renamed_project; do
    got=$(content_type "$scratch/work/$f")
    [ "$got" = application/x-chipao-project ] && pass "gio: $f is application/x-chipao-project" ||
      fail "gio says $f is '$got'"
  done
else
  echo "(update-mime-database or gio missing: detection not asked)"
fi

echo "== the app from the unpacked root"
if [ -n "$xvfb_run" ] && command -v "$xvfb_run" >/dev/null; then
  # From /usr/bin the app must find /usr/share/chipao/layers, not the source tree it was built in.
  if LIBGL_ALWAYS_SOFTWARE=1 "$xvfb_run" -a -s "-screen 0 800x600x24" \
       "$root/usr/bin/chipao" --exit-after-frames 3 --size 640x480 \
       --screenshot "$scratch/work/app.png" >"$scratch/work/app.txt" 2>&1 &&
     [ -s "$scratch/work/app.png" ]; then
    grep -q "loaded $share/layers/demo_tambon.json" "$scratch/work/app.txt" &&
      pass "the app opens the installed demo layers" ||
      fail "the app did not load $share/layers: $(head -5 "$scratch/work/app.txt")"
  else
    fail "the app did not start: $(tail -5 "$scratch/work/app.txt")"
  fi
else
  echo "(xvfb-run missing: the app is not started)"
fi

if [ $failures -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all package checks passed"
