#!/usr/bin/env bash
# Renders the PNG sizes of the app icon from its SVG sources into assets/icons (committed; run again after
# editing an SVG). 16..32 px come from clipdesk-small.svg, drawn for legibility at that size.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v rsvg-convert >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] && sudo="" || sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends librsvg2-bin >/dev/null
fi
for size in 16 24 32 48 64 128 256 512; do
  source=assets/icons/clipdesk.svg
  [ "$size" -le 32 ] && source=assets/icons/clipdesk-small.svg
  rsvg-convert -w "$size" -h "$size" "$source" -o "assets/icons/clipdesk-$size.png"
done
echo "icons: $(ls assets/icons/clipdesk-*.png | wc -l) PNGs in assets/icons"
