#!/usr/bin/env bash
# bench/redteam/run.sh — generate the red-team worlds, scan and evaluate them.
#
#   bench/redteam/run.sh                 # three worlds (seeds 11, 22, 3) and three fresh ones (101–103)
#   NOGEN=1 bench/redteam/run.sh         # reuse the worlds in $WORK
#   WORK=/data/rt bench/redteam/run.sh   # other place (default /tmp/lekradar-redteam)
#
# Each world takes 40–120 s to generate (Python 3, standard library only) and
# 0.5–1.5 GB of disk. Per world it writes eval.txt (lekradar eval) and
# analysis.txt (false alerts by rule set and by the generator's private reason
# for each legitimate look-up, and every missed incident).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/lekradar-redteam}
NOGEN=${NOGEN:-0}
mkdir -p "$WORK"
bin="$WORK/lekradar"
(cd "$root" && go build -o "$bin" ./cmd/lekradar)
for spec in "metro 11" "commons 22" "small 3" "metro 101" "commons 102" "small 103"; do
	set -- $spec
	w="$WORK/$1-$2"
	if [[ "$NOGEN" != 1 || ! -f "$w/truth.csv" ]]; then
		python3 "$root/bench/redteam/gen.py" --style "$1" --seed "$2" --out "$w" >"$WORK/$1-$2.gen.log"
	fi
	"$bin" scan --context "$w" --events "$w/events.jsonl" --alerts "$w/alerts.jsonl" --explanations "$w/expl.jsonl" 2>"$w/scan.log"
	"$bin" eval --world "$w" --alerts "$w/alerts.jsonl" --explanations "$w/expl.jsonl" >"$w/eval.txt" || true
	python3 "$root/bench/redteam/analyze.py" "$w" >"$w/analysis.txt"
	echo "== $1-$2"
	sed -n '1,10p' "$w/eval.txt"
done
