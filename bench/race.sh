#!/usr/bin/env bash
# bench/race.sh: victimsite against its peers, side by side in one run.
#
#  1. Build speed against Hugo. For each N, bench/cmd/gensite writes a
#     made-up site of N pages in 10 languages (300 to 800 words of Markdown
#     each, with headings, lists, a table, links and emphasis; a third of
#     the translations missing) twice: as a victimsite site folder and as
#     the same pages in a Hugo site (translations by file name, i18n/
#     strings, layouts of similar weight). In each of R rounds, taking
#     turns, each tool builds three times: cold (into a new folder),
#     warm with nothing changed (again into the output of the cold build)
#     and warm after one page changed (a line added to the English text of
#     one page, the same file in both sites). For each the median wall
#     time, CPU time (user and system) and peak memory (/usr/bin/time -v)
#     and their ratios are printed. The aims: victimsite at most 0.5x
#     Hugo's wall time cold, 0.25x warm with nothing changed, and at most
#     0.5x its peak memory.
#  2. The live preview: at the largest N, `victimsite serve` runs and one
#     page file is edited EDITS times; each edit is timed until the preview
#     serves the new text (bench/cmd/editlatency). The aim: 100 ms at p50.
#  3. Leaflets against HTML printed to PDF: LEAFLETS personalised leaflets
#     from `victimsite leaflet -csv`, and as many HTML pages with the same
#     text printed by headless Chromium (--print-to-pdf), one process each,
#     nproc at a time. The aim: 20x as many leaflets a second.
#
# At the end it prints Markdown tables for the README, naming the
# machine, the date and the load average; they and the commands stay in
# bench/out/race. The sites and what the builds write are on disk (a new
# folder in WORK, bench/out/race unless set), where a force's builds run;
# STORE=memory puts them in a folder in memory (/dev/shm) instead, so that
# the disk, whose speed can wander on a shared machine, does not decide
# the race. PARTS picks the parts to run (builds, preview, leaflets).
#
#   bash bench/race.sh                      # N = 100, 1000 and 5000, R = 5
#   N="100 1000" R=3 bash bench/race.sh     # a quicker run
#   MAX_LOAD=1.5 bash bench/race.sh         # first wait (up to 15 min) for a quiet machine
#   STORE=memory bash bench/race.sh         # sites and output in /dev/shm
#   N=1000 R=3 PARTS=builds bash bench/race.sh   # the site builds only
#
# Needs: go, hugo (Debian's package), /usr/bin/time (package time),
# chromium and pdftotext (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
print="$PWD/bench/print-chromium.sh" # prints one HTML page to PDF
NS=${N:-100 1000 5000}
R=${R:-5}
EDITS=${EDITS:-20}
LEAFLETS=${LEAFLETS:-100}
LANGS=${LANGS:-en,pl,lt,ro,ar,lv,ru,bg,pt,hu}
PARTS=${PARTS:-builds,preview,leaflets}
STORE=${STORE:-disk}
out=$PWD/bench/out/race
if [[ -z ${WORK:-} ]]; then
  case $STORE in
    disk) WORK=$out ;;
    memory) WORK=/dev/shm ;;
    *) echo "race.sh: STORE is disk or memory, not $STORE" >&2; exit 2 ;;
  esac
fi
mkdir -p "$out" "$WORK"
work=$(mktemp -d "$(realpath "$WORK")/race.XXXXXX")
trap 'rm -rf "$work"' EXIT
part() { [[ ,$PARTS, == *,$1,* ]]; }
needs=(go /usr/bin/time)
part builds && needs+=(hugo)
part leaflets && needs+=(chromium pdftotext)
for tool in "${needs[@]}"; do
  command -v "$tool" > /dev/null || { echo "race.sh: $tool is needed" >&2; exit 1; }
done

load1() { cut -d' ' -f1 /proc/loadavg; }
log() { echo "race.sh: $*" >&2; }

# wait_for_quiet waits, up to 15 minutes, for the 1-minute load average to
# drop below MAX_LOAD, when that is set.
wait_for_quiet() {
  [[ -n ${MAX_LOAD:-} ]] || return 0
  local waited=0
  while awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN { exit !(l >= m) }'; do
    ((waited >= 900)) && { log "load still $(load1) after 15 minutes; going on"; return 0; }
    log "load $(load1), waiting for it to drop below $MAX_LOAD"
    sleep 30
    waited=$((waited + 30))
  done
}

# timed runs a command under /usr/bin/time -v and prints its wall time in
# seconds, its peak resident memory in KB and its CPU time (user and
# system) in seconds.
timed() {
  local tf=$out/time.txt start end
  start=$EPOCHREALTIME
  /usr/bin/time -v -o "$tf" "$@" > /dev/null 2> "$out/stderr.txt" || {
    log "failed: $*"; cat "$out/stderr.txt" >&2; exit 1
  }
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" '/Maximum resident set size/ { kb = $NF } /(User|System) time \(seconds\)/ { cpu += $NF }
    END { printf "%.3f %d %.2f\n", e - s, kb, cpu }' "$tf"
}

# median prints the median of numbers, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

find "$out" -mindepth 1 -maxdepth 1 ! -path "$work" -exec rm -rf {} +
log "building the commands"
go build -o "$out/victimsite" ./cmd/victimsite
go build -o "$out/gensite" ./bench/cmd/gensite
go build -o "$out/editlatency" ./bench/cmd/editlatency
wait_for_quiet
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
ram=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
hugo_version=$(hugo version 2> /dev/null | awk '{ print $2 }')
chromium_version=$(chromium --version 2> /dev/null | awk '{ print $2 }')
go_version=$(go env GOVERSION)
log "machine: $(nproc) CPUs ($cpu), $ram RAM; load average $load_start"

# 1. Build speed.
builds=(cold unchanged edited)
declare -A build_name=([cold]="cold, into a new folder" [unchanged]="warm, nothing changed" [edited]="warm, one page changed")

# build_round times one tool's three builds of the site in $d: cold, warm
# with nothing changed, and warm after one more line in page $page. The
# cold build goes into a new folder of its own, $d/<tool>-out.<round>; the
# outputs are removed only once all rounds at this N are done. On a file
# system such as this machine's ext4, which has no journal, the kernel
# does not reuse an inode freed in the last minute or so, and to create a
# file it scans past every one of them: a build just after rm -r of the
# last output paid for the deleting in system time, the more the more
# files it makes, several seconds more on a bad run.
build_round() {
  local tool=$1 r=$2 dest b
  local -a cmd
  if [[ $tool == victimsite ]]; then
    dest=$d/vs-out.$r
    cmd=("$out/victimsite" build -site "$d/vs" -out "$dest")
  else
    dest=$d/hugo-out.$r
    cmd=(hugo --quiet --source "$d/hugo" --destination "$dest" --cacheDir "$d/hugo-cache")
  fi
  for b in "${builds[@]}"; do
    if [[ $b == edited ]]; then
      local site=$d/vs
      [[ $tool == hugo ]] && site=$d/hugo
      printf '\nA line added in round %d.\n' "$r" >> "$site/$page"
    fi
    timed "${cmd[@]}" >> "$d/$tool.$b.runs"
  done
}

build_rows=()
files_rows=()
loads=()
largest=
for n in $NS; do
  part builds || { largest=$n; continue; }
  d=$work/n$n
  loads+=("builds at N=$n $(load1)")
  log "N=$n: generating the sites"
  "$out/gensite" -pages "$n" -langs "$LANGS" -victimsite "$d/vs" -hugo "$d/hugo" > /dev/null
  page=$(cd "$d/vs" && find content -name 'page-*.en.md' | sort | awk 'NR == 1')
  [[ -f $d/hugo/$page ]] || { log "the page to edit, $page, is not in the Hugo site"; exit 1; }
  # One build of each first, not counted, so both find the files in the
  # page cache and Hugo has its cache folder.
  "$out/victimsite" build -site "$d/vs" -out "$d/vs-out.0" > /dev/null 2>&1
  hugo --quiet --source "$d/hugo" --destination "$d/hugo-out.0" --cacheDir "$d/hugo-cache" > /dev/null
  for tool in victimsite hugo; do
    for b in "${builds[@]}"; do : > "$d/$tool.$b.runs"; done
  done
  for ((r = 1; r <= R; r++)); do
    order=(victimsite hugo)
    ((r % 2 == 0)) && order=(hugo victimsite)
    for tool in "${order[@]}"; do
      build_round "$tool" "$r"
    done
    for b in "${builds[@]}"; do
      log "N=$n: round $r of $R, $b: victimsite $(tail -1 "$d/victimsite.$b.runs"), hugo $(tail -1 "$d/hugo.$b.runs") (wall s, KB, CPU s)"
    done
  done
  for b in "${builds[@]}"; do
    for tool in victimsite hugo; do
      cp "$d/$tool.$b.runs" "$out/n$n.$tool.$b.runs"
    done
    m() { cut -d' ' -f"$2" "$d/$1.$b.runs" | median; }
    build_rows+=("$(awk -v n="$n" -v what="${build_name[$b]}" \
      -v vt="$(m victimsite 1)" -v vm="$(m victimsite 2)" -v vc="$(m victimsite 3)" \
      -v ht="$(m hugo 1)" -v hm="$(m hugo 2)" -v hc="$(m hugo 3)" 'BEGIN {
      printf "| %d × 10 | %s | %.2f s | %.2f s | **%.2f×** | %.2f s | %.2f s | **%.2f×** | %.0f MB | %.0f MB | **%.2f×** |",
        n, what, vt, ht, vt / ht, vc, hc, vc / hc, vm / 1024, hm / 1024, vm / hm
    }')")
  done
  files_rows+=("$n × 10: $(find "$d/vs-out.$R" -name '*.html' | wc -l) / $(find "$d/hugo-out.$R" -name '*.html' | wc -l)")
  log "N=$n: done"
  rm -rf "$d"/vs-out.* "$d"/hugo-out.* "$d/hugo-cache"
  largest=$n
done

# 2. One edit in the live preview of the largest site.
if part preview; then
  if [[ ! -d $work/n$largest/vs ]]; then
    log "N=$largest: generating the site"
    "$out/gensite" -pages "$largest" -langs "$LANGS" -victimsite "$work/n$largest/vs" > /dev/null
  fi
  loads+=("preview $(load1)")
  log "N=$largest: timing $EDITS edits in victimsite serve"
  edit=$("$out/editlatency" -bin "$out/victimsite" -site "$work/n$largest/vs" -edits "$EDITS")
  p50=$(sed 's/.*p50_ms=\([0-9]*\).*/\1/' <<< "$edit")
  p90=$(sed 's/.*p90_ms=\([0-9]*\).*/\1/' <<< "$edit")
  emax=$(sed 's/.*max_ms=\([0-9]*\).*/\1/' <<< "$edit")
  log "serve: $edit"
fi

if part leaflets; then
  # 3. Leaflets. The same English burglary leaflet for LEAFLETS victims,
  # each with their own crime reference, officer and name.
  lf=$work/leaflets
  mkdir -p "$lf/victimsite" "$lf/html" "$lf/chromium"
  awk -v n="$LEAFLETS" 'BEGIN {
    print "lang,crime,crime-ref,reported,officer-name,officer-rank,collar,officer-phone,officer-email,station,promise-method,promise-every,victim-name,bilingual,discreet"
    for (i = 1; i <= n; i++)
      printf "en,burglary,LP-%05d-26,2026-11-20,Officer Name%d,PC,%d,01522 %06d,officer%d@lincs.police.uk,Boston,phone,7,Victim %d,no,no\n", i, i, 1000 + i, i, i, i
  }' > "$lf/rows.csv"
  loads+=("victimsite leaflets $(load1)")
  log "leaflets: $LEAFLETS from victimsite"
  read -r vs_lt vs_lm _ < <(timed "$out/victimsite" leaflet -site . -csv "$lf/rows.csv" -out-dir "$lf/victimsite")
  vs_count=$(find "$lf/victimsite" -name '*.pdf' | wc -l)
  vs_bytes=$(find "$lf/victimsite" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s }')

  # The HTML page holds the text of the first leaflet, paragraph by
  # paragraph, on A4 in the same font; each copy gets its own row's details.
  pdftotext "$lf/victimsite/LP-00001-26.pdf" "$lf/leaflet.txt"
  awk 'BEGIN {
    RS = ""
    print "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your leaflet</title>"
    print "<style>@page { size: A4; margin: 15mm } body { font: 12pt/1.3 \"Noto Sans\", sans-serif } h1 { font-size: 18pt }</style></head><body>"
  }
  {
    gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/\n/, " ")
    print (NR == 1 ? "<h1>" $0 "</h1>" : "<p>" $0 "</p>")
  }
  END { print "</body></html>" }' "$lf/leaflet.txt" > "$lf/leaflet.html"
  awk -v n="$LEAFLETS" -v dir="$lf/html" '
  { page = page $0 "\n" }
  END {
    for (i = 1; i <= n; i++) {
      p = page
      gsub(/LP-00001-26/, sprintf("LP-%05d-26", i), p)
      gsub(/Officer Name1</, "Officer Name" i "<", p)
      gsub(/Victim 1\./, "Victim " i ".", p)
      gsub(/01522 000001/, sprintf("01522 %06d", i), p)
      gsub(/officer1@/, "officer" i "@", p)
      gsub(/>1001</, ">" (1000 + i) "<", p)
      f = sprintf("%s/LP-%05d-26.html", dir, i)
      printf "%s", p > f
      close(f)
    }
  }' "$lf/leaflet.html"
  loads+=("Chromium $(load1)")
  log "leaflets: $LEAFLETS from Chromium, $(nproc) at a time"
  read -r ch_lt ch_lm _ < <(timed bash -c "find '$lf/html' -name '*.html' -print0 | xargs -0 -P $(nproc) -I{} '$print' {} '$lf/chromium'")
  cp "$lf/leaflet.html" "$lf/victimsite/LP-00001-26.pdf" "$out/"
  cp "$lf/chromium/LP-00001-26.pdf" "$out/LP-00001-26.chromium.pdf"
  ch_count=$(find "$lf/chromium" -name '*.pdf' | wc -l)
  ch_bytes=$(find "$lf/chromium" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  vs_pages=$(pdfinfo "$lf/victimsite/LP-00001-26.pdf" | awk '/^Pages:/ { print $2 }')
  ch_pages=$(pdfinfo "$lf/chromium/LP-00001-26.pdf" | awk '/^Pages:/ { print $2 }')
fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# The tables.
{
  echo "Measured $(date -u +%Y-%m-%d) by \`N=\"$NS\" R=$R STORE=$STORE PARTS=$PARTS bash bench/race.sh\` (sites and output $([[ $WORK == /dev/shm* ]] && echo "in memory" || echo "on disk")) on $(nproc) CPUs ($cpu) with $ram RAM;"
  echo "Go $go_version${hugo_version:+, Hugo $hugo_version (Debian)}${chromium_version:+, Chromium $chromium_version}. Load average (1, 5, 15 min): $load_start at the start, $load_end at the end;"
  echo "1-minute load average as each part began: $(IFS=,; sed 's/,/, /g' <<< "${loads[*]}")."
  if part builds; then
    echo
    echo "| Pages × languages | build | victimsite | Hugo | time ratio | victimsite CPU | Hugo CPU | CPU ratio | victimsite peak memory | Hugo peak memory | memory ratio |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${build_rows[@]}"
    echo
    echo "HTML files (victimsite / Hugo): $(IFS=,; sed 's/,/; /g' <<< "${files_rows[*]}")."
  fi
  if part preview; then
    echo
    echo "| Live preview, $largest pages × 10 | p50 | p90 | slowest |"
    echo "| --- | ---: | ---: | ---: |"
    echo "| one-page edit in \`victimsite serve\` until served ($EDITS edits) | $p50 ms | $p90 ms | $emax ms |"
  fi
  if part leaflets; then
    echo
    awk -v n="$LEAFLETS" -v vt="$vs_lt" -v vm="$vs_lm" -v vc="$vs_count" -v vb="$vs_bytes" -v vp="$vs_pages" \
      -v ct="$ch_lt" -v cm="$ch_lm" -v cc="$ch_count" -v cb="$ch_bytes" -v cp="$ch_pages" 'BEGIN {
      printf "| %d personalised leaflets | time | leaflets/s | size each | pages | peak memory |\n", n
      print "| --- | ---: | ---: | ---: | ---: | ---: |"
      printf "| victimsite leaflet -csv | %.2f s | %.1f | %.1f KB | %d | %.0f MB |\n", vt, vc / vt, vb / vc / 1024, vp, vm / 1024
      printf "| HTML printed by headless Chromium | %.2f s | %.2f | %.1f KB | %d | %.0f MB (per process) |\n", ct, cc / ct, cb / cc / 1024, cp, cm / 1024
      printf "| ratio | | **%.0f×** | %.2f× | | |\n", (vc / vt) / (cc / ct), (vb / vc) / (cb / cc)
    }'
  fi
} | tee "$out/table.md"
