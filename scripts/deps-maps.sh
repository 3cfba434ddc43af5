#!/usr/bin/env bash
# deps-maps.sh installs the Debian tools the maps/ tests call out to:
#   proj-bin        cs2cs, the PROJ reference for the Lambert-93 projection test
#   r-base-core     Rscript
#   r-cran-classint classInt::classIntervals, the reference for the classification test
#   librsvg2-bin    rsvg-convert, used by RenderPNG and the PNG rendering test
#   r-cran-rcolorbrewer  RColorBrewer, the reference for the palette colours
# It is idempotent: packages already installed are left alone, and
# `apt-get update` runs at most once, only when something must be installed.
set -euo pipefail

packages=(proj-bin r-base-core r-cran-classint r-cran-rcolorbrewer librsvg2-bin)

missing=()
for pkg in "${packages[@]}"; do
	if ! dpkg -s "$pkg" >/dev/null 2>&1; then
		missing+=("$pkg")
	fi
done

if [ "${#missing[@]}" -eq 0 ]; then
	echo "deps-maps: all present (${packages[*]})"
	exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	SUDO="sudo"
fi

echo "deps-maps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
