#!/usr/bin/env bash
# Imports at reduced precision: a random-weight Llama-shaped checkpoint (about 25 M parameters)
# imported at fp32, fp16, int8 and int4, then for each (in its own JVM, so that its peak memory is
# its own): model.onnx size, accuracy against fp32 (largest logit difference relative to the
# largest logit on 8 prompts; greedy tokens matched before the first difference, 8 prompts x 32),
# generated tokens/s on the shared-prefix path (4 prompts x 8 samples x 64 tokens, T = 0.7) and
# peak resident memory. Usage: bench/quantization.sh [OUT_DIR] [--threads N]
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true
out="${1:-target/bench-quantization}"
shift || true
mkdir -p "$out"
mvn -q -B -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime ${MVN_OFFLINE:+-o}
classpath="bench/target/classes:$(cat bench/target/bench-classpath.txt)"
java=(java -Xmx4g -cp "$classpath" io.gvgap.bench.BenchCommand quantization --dir "$out" "$@")
"${java[@]}"
echo "| weights | model.onnx MB | largest logit difference / largest logit | greedy tokens matched | tokens/s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
for precision in fp32 fp16 int8 int4; do
  "${java[@]}" --precision "$precision" | grep '^|'
done
