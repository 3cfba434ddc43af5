#!/usr/bin/env bash
# deps.sh installs, idempotently, everything obs and its tests need beyond
# Go: the Debian tools the tests call (through every scripts/deps-*.sh and
# the list below) and echarts from npm (web/package-lock.json).
# Safe to run again: nothing is installed twice, and apt-get update runs
# only when a package is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Tools of the fact sheets and the analyst UI tests: headless Chromium for
# PDF and end-to-end tests, pdftoppm to check PDF pages, and fonts.
packages=(chromium poppler-utils fonts-dejavu-core)
missing=()
for pkg in "${packages[@]}"; do
	dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
	echo "deps: installing ${missing[*]}"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -q
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

for script in scripts/deps-*.sh; do
	[ -e "$script" ] && bash "$script"
done

# echarts, served by obs for offline interactive maps (never from a CDN).
if [ ! -f web/node_modules/echarts/dist/echarts.min.js ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
	echo "deps: npm ci --prefix web"
	npm ci --prefix web --no-audit --no-fund
fi
# …and embedded into the binary (go:embed web/dist), as `make build` does.
cp web/node_modules/echarts/package.json web/dist/echarts.package.json
cp web/node_modules/echarts/dist/echarts.min.js web/dist/echarts.min.js
