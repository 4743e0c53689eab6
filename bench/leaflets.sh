#!/usr/bin/env bash
# bench/leaflets.sh: how fast `victimsite leaflet -csv` makes personalised
# leaflets, and how big they are.
#
# Builds the binary, writes a CSV of N rows (default 1000) that cycles
# through every language and crime of the site, times one bulk run and
# prints leaflets per second (wall clock and CPU), and the average and
# largest leaflet, against the targets: 200 leaflets/s on a 2-core machine
# and at most 60 KB a leaflet. No other tool makes these leaflets, so the
# ratios are to the targets.
#
#   bench/leaflets.sh              # 1000 leaflets from the site in this repository
#   N=5000 SITE=path/to/site bench/leaflets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
SITE=${SITE:-.}
WORKERS=${WORKERS:-$(nproc)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/victimsite" ./cmd/victimsite

langs=$(sed -n 's/^code = "\(.*\)"$/\1/p' "$SITE/site.toml" | tr '\n' ' ')
crimes=$(for f in "$SITE"/content/crime/*.en.md; do basename "$f" .en.md; done | grep -v '^_index$' | tr '\n' ' ')
awk -v n="$N" -v langs="$langs" -v crimes="$crimes" 'BEGIN {
  nl = split(langs, L, " "); nc = split(crimes, C, " ")
  split("phone email text letter visit", M, " ")
  print "lang,crime,crime-ref,reported,officer-name,officer-rank,collar,officer-phone,officer-email,station,promise-method,promise-every,victim-name,bilingual,discreet"
  for (i = 1; i <= n; i++) {
    printf "%s,%s,LP-%05d-26,2026-11-20,Officer Name%d,PC,%d,01522 %06d,officer%d@lincs.police.uk,Boston,%s,%d,Victim %d,%s,%s\n",
      L[(i % nl) + 1], C[(i % nc) + 1], i, i, 1000 + i % 9000, i, i, M[(i % 5) + 1], 1 + i % 28, i,
      (i % 10 == 0) ? "yes" : "no", (i % 7 == 0) ? "yes" : "no"
  }
}' > "$work/rows.csv"

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "rows: $N in $(echo "$langs" | wc -w) languages and $(echo "$crimes" | wc -w) crimes (every 10th bilingual, every 7th discreet), $WORKERS workers"
TIMEFORMAT='%R %U %S'
{ time "$work/victimsite" leaflet -site "$SITE" -csv "$work/rows.csv" -out-dir "$work/out" -workers "$WORKERS" > "$work/summary"; } 2> "$work/time"
read -r real user sys < <(tail -1 "$work/time")
count=$(find "$work/out" -name '*.pdf' | wc -l)
bytes=$(find "$work/out" -name '*.pdf' -printf '%s\n' | awk '{ s += $1; if ($1 > m) m = $1 } END { print s, m }')
read -r total largest <<< "$bytes"
cat "$work/summary"
awk -v n="$count" -v real="$real" -v user="$user" -v sys="$sys" -v total="$total" -v largest="$largest" 'BEGIN {
  rate = n / real; cpu = (user + sys) * 1000 / n; avg = total / n / 1024
  printf "leaflets/s (wall):  %.0f   (%.2f× the target of 200)\n", rate, rate / 200
  printf "CPU per leaflet:    %.1f ms (user+sys %.1f s): at most %.0f leaflets/s on 2 idle cores\n", cpu, user + sys, 2000 / cpu
  printf "size per leaflet:   %.1f KB on average, %.1f KB the largest (target 60 KB: %.2f×)\n", avg, largest / 1024, largest / 1024 / 60
}'
