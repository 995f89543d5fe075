#!/usr/bin/env bash
# bench/scan.sh — throughput, peak memory and context load time of
# `lekradar scan` on a national-scale synthetic world, optionally side by
# side with DuckDB running only the explanation join (bench/peers/duckdb).
#
# Defaults are national scale: 65,000 employees, 18,000,000 persons and 7
# days (about 9–10 million look-ups). Override with the environment:
#
#   EMPLOYEES=2000 PERSONS=200000 DAYS=28 bench/scan.sh     # small, seconds
#   DUCKDB=1 bench/scan.sh                                  # add the DuckDB peer
#   WORK=/data/bench SEED=7 FORCE=1 bench/scan.sh           # other place, new world
#
# The world is generated once into $WORK/world-E-P-D-S and reused while its
# parameters and the generator's source are unchanged (FORCE=1 regenerates).
set -euo pipefail

EMPLOYEES=${EMPLOYEES:-65000}
PERSONS=${PERSONS:-18000000}
DAYS=${DAYS:-7}
SEED=${SEED:-1}
WORK=${WORK:-/tmp/lekradar-bench}
DUCKDB=${DUCKDB:-0}
FORCE=${FORCE:-0}

root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$WORK"
bin="$WORK/lekradar"
world="$WORK/world-$EMPLOYEES-$PERSONS-$DAYS-$SEED"

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu:   $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "mem:   $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "load:  $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"

echo "== build"
(cd "$root" && go build -o "$bin" ./cmd/lekradar)
echo "built $bin"

# The generator's source decides the world as much as the parameters do.
gen_hash=$(cd "$root" && cat synth/*.go | sha256sum | cut -c1-16)
params="employees=$EMPLOYEES persons=$PERSONS days=$DAYS seed=$SEED synth=$gen_hash"
echo "== world ($params)"
if [[ "$FORCE" != 1 && -f "$world/.params" && "$(cat "$world/.params")" == "$params" ]]; then
	echo "reusing $world"
else
	rm -rf "$world"
	start=$(date +%s.%N)
	"$bin" synth world --out "$world" --employees "$EMPLOYEES" --persons "$PERSONS" --days "$DAYS" --seed "$SEED"
	end=$(date +%s.%N)
	awk -v a="$start" -v b="$end" 'BEGIN { printf "generated in %.1f s\n", b - a }'
	echo "$params" >"$world/.params"
fi
du -sh "$world" | sed 's/^/size: /'
events=$(wc -l <"$world/events.jsonl")
echo "look-ups: $events"

# Peak memory: GNU time when available (installed on demand), else VmHWM
# sampled from /proc while scan runs.
timer=""
if [[ -x /usr/bin/time ]]; then
	timer=/usr/bin/time
elif [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
	echo "installing GNU time"
	(apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; }) || true
	[[ -x /usr/bin/time ]] && timer=/usr/bin/time
fi

out="$WORK/out"
mkdir -p "$out"

# timed NAME CMD…: runs CMD with its stderr in $out/NAME.stderr and sets
# wall (seconds) and peak_kb.
timed() {
	local name=$1
	shift
	local start end
	start=$(date +%s.%N)
	if [[ -n "$timer" ]]; then
		"$timer" -v "$@" 2>"$out/$name.stderr" >"$out/$name.stdout"
		peak_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$out/$name.stderr")
	else
		"$@" 2>"$out/$name.stderr" >"$out/$name.stdout" &
		local pid=$!
		peak_kb=0
		while kill -0 "$pid" 2>/dev/null; do
			hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
			[[ -n "$hwm" && "$hwm" -gt "$peak_kb" ]] && peak_kb=$hwm
			sleep 0.2
		done
		wait "$pid"
	fi
	end=$(date +%s.%N)
	wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
}

# report NAME: scan's own summary and the measured figures of a scan run.
report() {
	echo "-- scan summary"
	grep -v -E '^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum resident|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)' "$out/$1.stderr" || true
	echo "-- measured"
	printf "wall time:        %.2f s\n" "$wall"
	awk -v n="$events" -v s="$wall" 'BEGIN { printf "look-ups/s:       %.0f\n", n / s }'
	awk -v k="$peak_kb" 'BEGIN { printf "peak RSS:         %.0f MiB\n", k / 1024 }'
	load=$(grep -i -m1 -E 'context.*(load|read)|load.*context' "$out/$1.stderr" || true)
	echo "context load:     ${load:-not in the summary}"
	echo "alerts:           $(wc -l <"$out/alerts.jsonl")"
}

echo "== scan (context directory)"
timed scan "$bin" scan --context "$world" --events "$world/events.jsonl" --alerts "$out/alerts.jsonl"
report scan
wall_dir=$wall

# The same scan against a compiled index of the context (lekradar context
# compile), as a deployment that compiles each context export once and
# scans the day's logs against it would run it.
echo "== compile the context once"
timed compile "$bin" context compile --context "$world" --out "$out/context.idx"
grep -v -E "^\s+[A-Z]" "$out/compile.stderr" || true
printf "compile time:     %.2f s, peak RSS %.0f MiB, index %s\n" "$wall" "$(awk -v k="$peak_kb" 'BEGIN { print k / 1024 }')" "$(du -h "$out/context.idx" | cut -f1)"
echo "== scan (compiled index)"
cp "$out/alerts.jsonl" "$out/alerts-dir.jsonl"
timed scan-compiled "$bin" scan --context "$out/context.idx" --events "$world/events.jsonl" --alerts "$out/alerts.jsonl"
report scan-compiled
wall_idx=$wall
if cmp -s "$out/alerts.jsonl" "$out/alerts-dir.jsonl"; then
	echo "alerts identical to the scan of the directory"
else
	echo "ALERTS DIFFER from the scan of the directory"
fi
wall=$wall_dir

if [[ "$DUCKDB" == 1 ]]; then
	echo "== duckdb peer (explanation join only)"
	(cd "$root/bench/peers/duckdb" && go build -o "$WORK/duckdb-peer" .)
	"$WORK/duckdb-peer" --context "$world" --events "$world/events.jsonl" --lekradar-seconds "$wall_dir" | tee "$out/duckdb.txt"
	duck=$(awk '$1 == "total" {print $2}' "$out/duckdb.txt")
	awk -v d="$duck" -v s="$wall_idx" 'BEGIN { printf "lekradar scan of the compiled index %.2f s: speed-up over duckdb (load + join) %.2fx\n", s, d / s }'
fi
