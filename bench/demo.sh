#!/usr/bin/env bash
# Demo benchmark: runs `./gvgap demo` RUNS times (default 3) into a scratch folder and prints each
# run's wall time, the demo's own split (improvement, scaling, Sudoku) and the median, with the
# machine's load before each run. The issue's target is 3 minutes on a 2-core machine.
# Usage: bench/demo.sh [RUNS] [OUT_DIR]   (after `mvn -B -q install -DskipTests -DskipITs`)
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true
runs="${1:-3}"
out="${2:-target/bench-demo}"
if [ ! -d cli/target/lib ]; then
  echo "bench/demo.sh: cli/target/lib is missing; build first: mvn -B -q install -DskipTests -DskipITs" >&2
  exit 1
fi
mkdir -p "$out"
times=()
for i in $(seq 1 "$runs"); do
  rm -rf "$out/run"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  start=$(date +%s.%N)
  ./gvgap demo --output "$out/run" > "$out/demo-$i.log" 2>&1
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
  times+=("$seconds")
  printf 'run %d: %6.1f s wall (load before %s); %s\n' "$i" "$seconds" "$load" \
    "$(grep -o 'demo finished in .*' "$out/demo-$i.log")"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d runs: %.1f s\n", NR, (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
