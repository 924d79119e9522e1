#!/usr/bin/env bash
# Generation benchmark: gvgap's onnx backend against transformers.js (onnxruntime-node) on the same
# model directories, prompts, sampling and thread count; prints a table of generated tokens/s and
# the fraction of the measured ONNX Runtime matmul FLOP/s each reaches.
# Usage: bench/generation.sh [OUT_DIR] [prepare options, e.g. --threads 2 --gpt2 ""]
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
"${java[@]}" ceiling --dir "$out"
# gvgap and transformers.js alternate run by run, so both meet the machine in the same state
runs=$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).runs.length)" "$out/plan.json")
for ((run = 0; run < runs; run++)); do
  "${java[@]}" gvgap --dir "$out" --run "$run"
  node crosscheck/bench.mjs "$out" "$run"
done
"${java[@]}" table --dir "$out"
