#!/usr/bin/env bash
# bench/print-chromium.sh FILE.html OUT-DIR: prints one HTML page to
# OUT-DIR/<name>.pdf with headless Chromium, in a profile of its own, as the
# benchmarks' peer for leaflets (bench/leaflets.sh and bench/race.sh).
set -euo pipefail
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
name=$(basename "$1" .html)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --no-pdf-header-footer \
  --print-to-pdf="$2/$name.pdf" "file://$(realpath "$1")" > /dev/null 2>&1
