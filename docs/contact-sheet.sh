#!/usr/bin/env bash
# docs/contact-sheet.sh: pictures of the leaflet in every language, for
# the README, so that a reader can see it without making one.
#
# Builds the command and makes the same burglary leaflet (the README's
# example officer and victim) in each language of LANGS with
# `victimsite leaflet`, renders its pages 1 and 2 with
# `pdftoppm -r 40 -png`, and tiles them with ImageMagick's montage, four
# languages to a sheet (two languages a row, page 1 beside page 2, each
# labelled with its language, page and page count), into
# docs/leaflets/contact-sheet-1.png, -2.png and -3.png. The images are
# committed as documentation; run this again whenever the leaflet's
# design or words change. A language whose leaflet cannot be made is
# reported, left out, and makes the script exit 1.
#
#   bash docs/contact-sheet.sh
#   LANGS="en ar ur pa" CRIME=domestic-abuse bash docs/contact-sheet.sh
#
# Needs: go, pdftoppm (poppler-utils) and ImageMagick's montage
# (/usr/bin/montage, package imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
LANGS=${LANGS:-en pl lt ro lv ru bg pt hu ar ur pa}
CRIME=${CRIME:-burglary}
PER_SHEET=${PER_SHEET:-4}
SITE=${SITE:-.}
MONTAGE=${MONTAGE:-/usr/bin/montage}
dest=docs/leaflets
for tool in go pdftoppm "$MONTAGE"; do
  command -v "$tool" > /dev/null || { echo "contact-sheet.sh: $tool is needed (apt-get install poppler-utils imagemagick)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log() { echo "contact-sheet.sh: $*" >&2; }

go build -o "$work/victimsite" ./cmd/victimsite
failed=()
made=()
for lang in $LANGS; do
  if ! "$work/victimsite" leaflet -site "$SITE" -lang "$lang" -crime "$CRIME" -crime-ref LP-12345-26 \
    -reported 2026-11-20 -officer-name "Jane Smith" -officer-rank PC -collar 1234 \
    -officer-phone "01522 000000" -officer-email jane.smith@lincs.police.uk -station Boston \
    -promise-method phone -promise-every 7 -victim-name "Anna Kowalska" -o "$work/$lang.pdf" \
    > /dev/null 2> "$work/$lang.err"; then
    log "$lang: no leaflet: $(head -1 "$work/$lang.err")"
    failed+=("$lang")
    continue
  fi
  pages=$(pdfinfo "$work/$lang.pdf" | awk '/^Pages:/ { print $2 }')
  pdftoppm -r 40 -png -f 1 -l 2 "$work/$lang.pdf" "$work/$lang"
  # pdftoppm numbers the pages with as many digits as the last page has.
  for p in 1 2; do
    png=$(find "$work" -maxdepth 1 -regex ".*/$lang-0*$p\.png" | head -1)
    if [[ -z $png ]]; then # a one-page leaflet: a blank second tile
      png=$work/$lang-blank.png
      "${MONTAGE%montage}convert" -size 331x468 xc:white "$png"
    fi
    mv "$png" "$work/$lang.p$p.png"
  done
  log "$lang: $pages pages"
  echo "$pages" > "$work/$lang.pages"
  made+=("$lang")
done

mkdir -p "$dest"
rm -f "$dest"/contact-sheet-*.png
font=$PWD/fonts/NotoSans-Regular.ttf
sheet=0
for ((i = 0; i < ${#made[@]}; i += PER_SHEET)); do
  sheet=$((sheet + 1))
  tiles=()
  for lang in "${made[@]:i:PER_SHEET}"; do
    pages=$(cat "$work/$lang.pages")
    tiles+=(-label "$lang, page 1 of $pages" "$work/$lang.p1.png" -label "$lang, page 2 of $pages" "$work/$lang.p2.png")
  done
  "$MONTAGE" -font "$font" -pointsize 14 "${tiles[@]}" -tile 4x -geometry +12+8 \
    -background '#e8e8e8' -bordercolor '#999999' -border 1 \
    +dither -colors 32 -strip -define png:exclude-chunks=date,time "$dest/contact-sheet-$sheet.png"
  log "wrote $dest/contact-sheet-$sheet.png (${made[*]:i:PER_SHEET})"
done
if ((${#failed[@]} > 0)); then
  log "no leaflet in ${failed[*]}; those languages are not on the sheets"
  exit 1
fi
