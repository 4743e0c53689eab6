#!/usr/bin/env bash
# bench/leaflets.sh: how fast `victimsite leaflet -csv` makes personalised
# leaflets, how big they are, and how that compares with the fpdf drawing
# it replaced and with HTML printed to PDF by headless Chromium.
#
# Builds the binary, writes a CSV of N rows (default 1000) that cycles
# through every language and every crime of the site (every 10th row
# bilingual, every 7th discreet), makes them in R (default 3) bulk runs
# under /usr/bin/time and prints, from the run with the median CPU time:
#   - CPU time per leaflet (user + system, the figure that decides how
#     many leaflets 2 cores can make), wall time and leaflets a second;
#   - the size of a leaflet, mean and largest, in all and per language;
#   - the same for CHROMIUM (default 20) leaflets printed by headless
#     Chromium (--print-to-pdf, one process a leaflet, nproc at a time,
#     as bench/race.sh does) from HTML pages with the same text: the text
#     of the first CHROMIUM leaflets of the run, paragraph by paragraph, on
#     A4 in the same Noto fonts, in each leaflet's language and direction;
#   - the ratios, also to the fpdf drawing's 9.6 ms of CPU per leaflet.
#     That figure is a constant, measured with the same script's bulk
#     runs before the engine replaced fpdf (README, Performance); the fpdf
#     code is gone, so it is not measured again here;
#   - the load average before and after each part, as other work on the
#     machine slows the wall clock (the CPU time much less).
# It ends with a Markdown table for the README; the table and one PDF of
# each kind stay in bench/out/leaflets/.
#
#   bash bench/leaflets.sh                 # 1000 leaflets 3 times, 20 by Chromium
#   N=5000 CHROMIUM=0 bash bench/leaflets.sh
#   OUT_DIR=/dev/shm bash bench/leaflets.sh   # leaflets written to memory
#   SITE=path/to/site bash bench/leaflets.sh
#
# Needs: go, /usr/bin/time (package time), pdftotext (poppler-utils) and
# chromium when CHROMIUM is not 0.
set -euo pipefail
cd "$(dirname "$0")/.."
print="$PWD/bench/print-chromium.sh" # prints one HTML page to PDF
N=${N:-1000}
R=${R:-3}
CHROMIUM=${CHROMIUM:-20}
SITE=${SITE:-.}
WORKERS=${WORKERS:-$(nproc)}
((R >= 1)) || { echo "leaflets.sh: R (the number of bulk runs) must be 1 or more" >&2; exit 2; }
FPDF_MS=9.6 # CPU per leaflet of the fpdf drawing, measured before it was replaced
out=$PWD/bench/out/leaflets
mkdir -p "$out"
work=$(mktemp -d)
# OUT_DIR is where the leaflets are written: a folder on this machine's
# disk by default. Creating files costs system time that depends on the
# file system more than on victimsite (on this project's shared VM, about
# 1.5 ms a leaflet on its ext4 disk and 0.4 ms in memory); OUT_DIR=/dev/shm
# takes the disk out of the figure.
outs=$(mktemp -d "${OUT_DIR:-$work}/leaflets.XXXXXX")
trap 'rm -rf "$work" "$outs"' EXIT
need=(go /usr/bin/time pdftotext)
((CHROMIUM > 0)) && need+=(chromium)
for tool in "${need[@]}"; do
  command -v "$tool" > /dev/null || { echo "leaflets.sh: $tool is needed" >&2; exit 1; }
done
log() { echo "leaflets.sh: $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

go build -o "$work/victimsite" ./cmd/victimsite

langs=$(sed -n 's/^code = "\(.*\)"$/\1/p' "$SITE/site.toml" | tr '\n' ' ')
crimes=$(for f in "$SITE"/content/crime/*.en.md; do basename "$f" .en.md; done | grep -v '^_index$' | tr '\n' ' ')
awk -v n="$N" -v langs="$langs" -v crimes="$crimes" 'BEGIN {
  nl = split(langs, L, " "); nc = split(crimes, C, " ")
  split("phone email text letter visit", M, " ")
  print "lang,crime,crime-ref,reported,officer-name,officer-rank,collar,officer-phone,officer-email,station,promise-method,promise-every,victim-name,bilingual,discreet"
  for (i = 1; i <= n; i++) {
    # The crime moves on once per round of languages, so that every
    # language meets every crime.
    printf "%s,%s,LP-%05d-26,2026-11-20,Officer Name%d,PC,%d,01522 %06d,officer%d@lincs.police.uk,Boston,%s,%d,Victim %d,%s,%s\n",
      L[(i % nl) + 1], C[(int(i / nl) % nc) + 1], i, i, 1000 + i % 9000, i, i, M[(i % 5) + 1], 1 + i % 28, i,
      (i % 10 == 0) ? "yes" : "no", (i % 7 == 0) ? "yes" : "no"
  }
}' > "$work/rows.csv"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
load_start=$(loadavg)
log "machine: $(nproc) CPUs ($cpu), load average $load_start before the run"
log "rows: $N in $(wc -w <<< "$langs") languages ($langs) and $(wc -w <<< "$crimes") crimes, $WORKERS workers"

# The bulk runs: R of them, each into a folder of its own, for the
# median (this is a shared machine: one run can be slowed by others). A
# run may fail rows (the summary says which); the figures are then per
# leaflet made. Sizes are those of the first run (every run makes the
# same bytes).
status=0
: > "$work/times"
for ((round = 1; round <= R; round++)); do
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$work/victimsite" leaflet -site "$SITE" -csv "$work/rows.csv" \
    -out-dir "$outs/out$round" -workers "$WORKERS" > "$work/summary" 2> "$work/stderr" || status=$?
  # GNU time puts "Command exited with non-zero status N" first when
  # rows failed: the figures are on the last line.
  read -r real user sys < <(tail -n 1 "$work/time")
  echo "$real $user $sys $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" >> "$work/times"
  made=$(find "$outs/out$round" -name '*.pdf' 2> /dev/null | wc -l)
  ((round == 1)) || rm -rf "$outs/out$round"
  log "round $round of $R: $made leaflets, $(awk -v u="$user" -v s="$sys" -v n="$made" 'BEGIN { printf "%.2f ms (%.2f user, %.2f system)", n ? (u + s) * 1000 / n : 0, n ? u * 1000 / n : 0, n ? s * 1000 / n : 0 }') of CPU a leaflet, $real s, load average $(loadavg)"
done
mv "$outs/out1" "$work/out"
load_vs=$(loadavg)
# The round with the median CPU time gives the figures (for an even R,
# the lower of the two middle ones); all rounds' CPU per leaflet are
# listed too.
read -r vs_real vs_user vs_sys _ < <(sort -k4 -g "$work/times" | sed -n "$(((R + 1) / 2))p")
vs_rounds=$(awk '{ print $4 }' "$work/times" | paste -sd' ')
vs_count=$(find "$work/out" -name '*.pdf' | wc -l)
read -r vs_total vs_largest < <(find "$work/out" -name '*.pdf' -printf '%s\n' | awk '{ s += $1; if ($1 > m) m = $1 } END { print s + 0, m + 0 }')
cat "$work/summary" >&2
if ((status != 0)); then
  log "victimsite exited $status; $vs_count of $N leaflets made; the first problems:"
  head -5 "$work/stderr" >&2
fi
((vs_count > 0)) || { log "no leaflet was made"; exit 1; }
first=$(find "$work/out" -name '*.pdf' | sort | sed -n 1p)
cp "$first" "$out/victimsite.pdf"

# Chromium: the first CHROMIUM leaflets made, as HTML pages printed to PDF.
ch_count=0
if ((CHROMIUM > 0)); then
  mkdir -p "$work/html" "$work/chromium"
  awk -F, -v n="$CHROMIUM" 'NR > 1 && NR <= n + 1 { printf "LP-%s %s\n", substr($3, 4), $1 }' "$work/rows.csv" |
    while read -r name lang; do
      [[ -f $work/out/$name.pdf ]] || continue
      dir=ltr
      sed -n "/^code = \"$lang\"/,/^\$/p" "$SITE/site.toml" | grep -q '^dir = "rtl"' && dir=rtl
      pdftotext -enc UTF-8 "$work/out/$name.pdf" - | awk -v lang="$lang" -v dir="$dir" 'BEGIN {
        RS = ""
        printf "<!doctype html><html lang=\"%s\" dir=\"%s\"><head><meta charset=\"utf-8\"><title>Your leaflet</title>\n", lang, dir
        print "<style>@page { size: A4; margin: 15mm } body { font: 12pt/1.4 \"Noto Sans\", \"Noto Naskh Arabic\", \"Noto Nastaliq Urdu\", \"Noto Sans Gurmukhi\", sans-serif }"
        print ":lang(ur) { font-family: \"Noto Nastaliq Urdu\", \"Noto Sans\"; line-height: 2.2 } h1 { font-size: 20pt }</style></head><body>"
      }
      {
        gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/\n/, " ")
        print (NR == 1 ? "<h1>" $0 "</h1>" : "<p>" $0 "</p>")
      }
      END { print "</body></html>" }' > "$work/html/$name.html"
    done
  log "Chromium: printing $(find "$work/html" -name '*.html' | wc -l) of the same leaflets as HTML, $(nproc) at a time"
  /usr/bin/time -f '%e %U %S' -o "$work/chtime" bash -c \
    "find '$work/html' -name '*.html' -print0 | xargs -0 -P $(nproc) -I{} '$print' {} '$work/chromium'"
  read -r ch_real ch_user ch_sys < <(tail -n 1 "$work/chtime")
  ch_count=$(find "$work/chromium" -name '*.pdf' | wc -l)
  read -r ch_total ch_largest < <(find "$work/chromium" -name '*.pdf' -printf '%s\n' | awk '{ s += $1; if ($1 > m) m = $1 } END { print s + 0, m + 0 }')
  cp "$(find "$work/chromium" -name '*.pdf' | sort | sed -n 1p)" "$out/chromium.pdf"
  cp "$(find "$work/html" -name '*.html' | sort | sed -n 1p)" "$out/chromium.html"
fi
load_end=$(loadavg)

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`bash bench/leaflets.sh\` (N = $N, R = $R, CHROMIUM = $CHROMIUM, leaflets written to $(df --output=fstype "$outs" | tail -1 | tr -d ' ')) on $(nproc) CPUs ($cpu);"
  echo "load average (1, 5, 15 min) $load_start before, $load_vs after the victimsite runs, $load_end at the end."
  echo "CPU time of the $R victimsite runs: $(for t in $vs_rounds; do awk -v t="$t" -v n="$vs_count" 'BEGIN { printf "%.2f ", t * 1000 / n }'; done)ms a leaflet; the table gives the median run."
  echo
  echo "| | leaflets | CPU per leaflet (user + sys) | wall time | leaflets/s (wall) | size, mean | size, largest |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  awk -v n="$vs_count" -v real="$vs_real" -v user="$vs_user" -v sys="$vs_sys" -v total="$vs_total" -v largest="$vs_largest" \
    -v fpdf="$FPDF_MS" -v langs="$(wc -w <<< "$langs")" -v crimes="$(wc -w <<< "$crimes")" 'BEGIN {
    cpu = (user + sys) * 1000 / n
    printf "| victimsite leaflet -csv, %d languages × %d crimes | %d | **%.2f ms** | %.2f s | %.0f | %.1f KB | %.1f KB |\n",
      langs, crimes, n, cpu, real, n / real, total / n / 1024, largest / 1024
    printf "| fpdf drawing (before; a constant from the earlier runs, not measured here) | | %.1f ms | | | | |\n", fpdf
    printf "| fpdf against victimsite | | **%.1f×** the CPU | | | | |\n", fpdf / cpu
  }'
  if ((ch_count > 0)); then
    awk -v n="$vs_count" -v real="$vs_real" -v user="$vs_user" -v sys="$vs_sys" -v total="$vs_total" \
      -v cn="$ch_count" -v creal="$ch_real" -v cuser="$ch_user" -v csys="$ch_sys" -v ctotal="$ch_total" -v clargest="$ch_largest" 'BEGIN {
      cpu = (user + sys) * 1000 / n; ccpu = (cuser + csys) * 1000 / cn
      printf "| HTML printed by headless Chromium, same text | %d | %.0f ms | %.2f s | %.2f | %.1f KB | %.1f KB |\n",
        cn, ccpu, creal, cn / creal, ctotal / cn / 1024, clargest / 1024
      printf "| Chromium against victimsite | | **%.0f×** the CPU | | **1/%.0f** the rate | %.2f× the size | |\n",
        ccpu / cpu, (n / real) / (cn / creal), (ctotal / cn) / (total / n)
    }'
  fi
  echo
  echo "Size per language (KB; bilingual leaflets, every 10th, counted under their first language):"
  echo
  echo "| | $(tr ' ' '\n' <<< "$langs" | grep . | paste -sd'|' | sed 's/|/ | /g') |"
  echo "| --- |$(for _ in $langs; do printf ' ---: |'; done)"
  # The rows' crime references name the files: LP-00001-26.pdf is row 1.
  awk -F, 'NR > 1 { print "LP-" substr($3, 4) "," $1 "," $14 }' "$work/rows.csv" |
    while IFS=, read -r name lang bi; do
      [[ -f $work/out/$name.pdf ]] && echo "$lang $bi $(stat -c %s "$work/out/$name.pdf")"
    done | awk -v langs="$langs" '{
      n[$1]++; s[$1] += $3; if ($3 > m[$1]) m[$1] = $3
      if ($2 == "yes" && $3 > bm[$1]) bm[$1] = $3
    } END {
      k = split(langs, L, " ")
      for (l in n) mean[l] = s[l] / n[l]
      row("mean", mean); row("largest", m); row("largest bilingual", bm)
    }
    function row(title, v,   i, out) {
      out = "| " title " |"
      for (i = 1; i <= k; i++) out = out ((L[i] in v) ? sprintf(" %.1f |", v[L[i]] / 1024) : " – |")
      print out
    }'
  echo
  echo "Aims (issue 12): at most 4 ms of CPU per leaflet (500 a second on 2 cores) and at most 40 KB a leaflet."
} | tee "$out/table.md"
exit "$status"
