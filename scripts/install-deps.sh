#!/usr/bin/env bash
# Installs every Debian 12 package ChiPao needs to build, run and test.
# Idempotent and non-interactive: only packages that are missing are installed.
# Usage: scripts/install-deps.sh   (as root, or with sudo available)
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # geospatial core
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin proj-data
  libspatialite-dev libsqlite3-dev libsqlite3-mod-spatialite
  # JSON for CLI output and layer descriptors; fmt because g++ 12 has no <format>
  nlohmann-json3-dev libfmt-dev
  # SHA-256 for salted hashes of personal IDs in household registries
  libssl-dev
  # desktop app and rendering
  libglfw3-dev libimgui-dev libstb-dev libfreetype-dev libharfbuzz-dev
  libgl-dev libegl-dev libopengl-dev libgl1-mesa-dri libegl-mesa0 mesa-utils
  fonts-tlwg-loma-ttf fonts-tlwg-garuda-ttf
  # the printable plan sheet: cairo (PDF, PNG) and pango (Thai shaping); pdftotext for its test
  libcairo2-dev libpango1.0-dev poppler-utils
  # headless GUI runs
  xvfb xauth x11-utils xdotool
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # the Debian package (cpack -G DEB) and its test: shlibdeps, desktop entry and MIME checks
  dpkg-dev desktop-file-utils libxml2-utils shared-mime-info libglib2.0-bin
  # sanitizer runtime and fuzzing
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
