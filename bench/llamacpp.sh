#!/usr/bin/env bash
# gvgap against llama.cpp on the same weights: the random-weight Llama-shaped checkpoint of
# bench/quantization.sh (25 M parameters) imported at fp32, exported to GGUF (f32), and both
# generating the same workloads (4 prompts x 8 samples x 64 tokens at T = 0.7, and 4 prompts x 1
# sample x 64 tokens greedy; the same threads), alternately, twice. Needs crosscheck/llama/node_modules (cd crosscheck/llama && npm ci
# --ignore-scripts --omit=optional). Usage: bench/llamacpp.sh [OUT_DIR] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true
out="${1:-target/bench-llamacpp}"
threads="${2:-2}"
mkdir -p "$out"
mvn -q -B -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime ${MVN_OFFLINE:+-o}
classpath="bench/target/classes:$(cat bench/target/bench-classpath.txt)"
java=(java -Xmx4g -cp "$classpath" io.gvgap.bench.BenchCommand)
[ -d "$out/fp32" ] || "${java[@]}" quantization --dir "$out" > /dev/null
for run in 1 2; do
  for workload in "8 0.7" "1 0"; do
    read -r samples temperature <<< "$workload"
    "${java[@]}" llamacpp --model "$out/fp32" --dir "$out" --threads "$threads" \
      --samples "$samples" --temperature "$temperature" 2>/dev/null | grep '^gvgap'
    node crosscheck/llama/bench.mjs "$out/model.gguf" "$out/prompts.json" "$samples" 64 \
      "$threads" "$temperature"
  done
done
