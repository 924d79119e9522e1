#!/usr/bin/env bash
# Runs one of gvgap's developer benchmarks (the bench module, command gvgap-bench): compiles the
# module and its reactor dependencies (no install), then starts it on their runtime classpath.
# Usage: bench/bench.sh BENCHMARK [options]   e.g. bench/bench.sh dedup --sizes 1000,10000 --cap 60
#        bench/bench.sh --help                 lists the benchmarks; BENCHMARK --help lists its options
# JAVA_OPTS adds JVM options (default -Xmx6g -XX:MaxDirectMemorySize=16g); MVN_OFFLINE=1 builds with -o.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true
mvn -q -B -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime ${MVN_OFFLINE:+-o} >&2
classpath="bench/target/classes:$(cat bench/target/bench-classpath.txt)"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx6g -XX:MaxDirectMemorySize=16g} -cp "$classpath" io.gvgap.bench.BenchCommand "$@"
