#!/usr/bin/env bash
# Training speed of gvgap (ONNX Runtime, TrainingBenchmark) against PyTorch on the CPU
# (bench/torch/training_speed.py), side by side in one run: for each decoder shape, gvgap and PyTorch
# train the same model on the same batch (ROWS x LENGTH random ids) with the same threads, alternately,
# REPEAT times; the table gives each one's median tokens/s, their ratio, and gvgap's model FLOP/s as a
# fraction of ONNX Runtime's MatMul FLOP/s measured in the same process.
# Usage: bench/training-vs-torch.sh [OUT_DIR]   (env: THREADS=2 ROWS=8 LENGTH=480 STEPS=10 REPEAT=3,
#        SHAPES="2x32 2x48 ..." as LAYERSxWIDTH (default: family v4's seven shapes), CONTEXT=1024;
#        4 heads, vocabulary 98)
# Needs Debian's python3-torch (apt-get install python3-torch) for /usr/bin/python3. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/training-vs-torch}"
mkdir -p "$out"
threads="${THREADS:-2}" rows="${ROWS:-8}" length="${LENGTH:-480}" steps="${STEPS:-10}"
repeat="${REPEAT:-3}"
# family v4's shapes and context by default
shapes="${SHAPES:-2x32 2x48 3x64 3x96 4x144 5x192 6x288}" context="${CONTEXT:-1024}"
python=/usr/bin/python3
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "PyTorch is missing for $python: apt-get install python3-torch" >&2
  exit 2
fi
export OPT_OUT_TRACKING=true
mvn -q -B -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime ${MVN_OFFLINE:+-o} >&2
classpath="bench/target/classes:$(cat bench/target/bench-classpath.txt)"
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
printf '%-6s %10s %12s %12s %8s %10s\n' shape params gvgap_tok/s torch_tok/s ratio matmul_frac \
  | tee "$out/table.txt"
for shape in $shapes; do
  layers="${shape%x*}" width="${shape#*x}"
  args=(--layers "$layers" --width "$width" --heads 4 --context "$context" --rows "$rows" --length "$length"
    --steps "$steps" --threads "$threads")
  : > "$out/$shape.gvgap" ; : > "$out/$shape.torch"
  for ((r = 0; r < repeat; r++)); do
    java -Xmx4g -cp "$classpath" io.gvgap.bench.BenchCommand training "${args[@]}" >> "$out/$shape.gvgap"
    "$python" bench/torch/training_speed.py "${args[@]}" --vocab 98 >> "$out/$shape.torch"
  done
  g=$(awk '/^training tokens\/s/ {print $3}' "$out/$shape.gvgap" | median)
  t=$(awk '/^torch tokens\/s/ {print $3}' "$out/$shape.torch" | median)
  f=$(awk '/^fraction of MatMul/ {print $5}' "$out/$shape.gvgap" | median)
  n=$(awk '/^parameters/ {print $2; exit}' "$out/$shape.gvgap")
  nt=$(awk '/^torch parameters/ {print $3; exit}' "$out/$shape.torch")
  if [[ "$n" != "$nt" ]]; then
    echo "shape $shape: gvgap has $n parameters, the PyTorch model $nt; the models differ" >&2
    exit 1
  fi
  printf '%-6s %10s %12.0f %12.0f %8.2f %10.3f\n' "$shape" "$n" "$g" "$t" "$(echo "$g / $t" | bc -l)" \
    "$f" | tee -a "$out/table.txt"
done
echo "threads $threads, context $context, batch $rows x $length, $steps timed steps after three warm-up steps, median of $repeat" \
  | tee -a "$out/table.txt"
