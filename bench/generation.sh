#!/usr/bin/env bash
# Generation benchmark: gvgap's onnx backend (its shared-prefix decode, and its generic path) against
# transformers.js (onnxruntime-node) on the same model directories, prompts, sampling and thread
# count. Measures in the same run the machine's ONNX Runtime matmul rate and memory bandwidth, and
# prints a table of generated tokens/s with each workload's decode rooflines (shared-prefix and
# per-sample) and the fraction reached; then the KV cache sizes and peak RSS for 8, 64 and 128
# samples of one prompt (memory.jsonl).
# Usage: bench/generation.sh [OUT_DIR] [prepare options, e.g. --threads 2 --gpt2 ""]   (env REPEAT=3)
#        (bench/bench.sh generation prepare --help lists them)
# Needs: JDK 17, Maven (offline is fine once dependencies are in ~/.m2), node >= 18, and
# crosscheck/node_modules (`cd crosscheck && npm ci --ignore-scripts`). Model files go to OUT_DIR
# (default target/bench-generation), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true
out="${1:-target/bench-generation}"
shift || true
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ ! -d crosscheck/node_modules/@huggingface/transformers ]; then
  echo "bench/generation.sh: crosscheck/node_modules is missing; run: (cd crosscheck && npm ci --ignore-scripts)" >&2
  exit 1
fi

# Compile the bench module and its reactor dependencies (no install), then take its runtime classpath.
mvn -q -B -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime ${MVN_OFFLINE:+-o}
classpath="bench/target/classes:$(cat bench/target/bench-classpath.txt)"
java=(java -Xmx6g -XX:MaxDirectMemorySize=16g -cp "$classpath" io.gvgap.bench.BenchCommand generation)

"${java[@]}" prepare --dir "$out" "$@"
# the machine is measured before and after the runs; the rooflines use the highest rates measured
"${java[@]}" ceiling --dir "$out"
# gvgap, its generic path and transformers.js alternate run by run, so all meet the machine in the
# same state; gvgap's shared-prefix path runs REPEAT times (default 3) around the others, and the
# table shows its median and range (a 2-core machine's speed moves by tens of percent in minutes)
repeat="${REPEAT:-3}"
runs=$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).runs.length)" "$out/plan.json")
for ((run = 0; run < runs; run++)); do
  "${java[@]}" gvgap --dir "$out" --run "$run"
  "${java[@]}" gvgap --dir "$out" --run "$run" --generic
  for ((r = 1; r < repeat; r++)); do
    "${java[@]}" gvgap --dir "$out" --run "$run"
  done
  node crosscheck/bench.mjs "$out" "$run"
done
"${java[@]}" ceiling --dir "$out"
"${java[@]}" table --dir "$out"
# the prompt cache's memory against samples per prompt (last run of the plan: the GPT-2 shape by
# default), each count in a fresh JVM so that its peak RSS is its own
for samples in 8 64 128; do
  "${java[@]}" memory --dir "$out" --run "$((runs - 1))" --samples "$samples"
done
