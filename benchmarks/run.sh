#!/usr/bin/env bash
# Builds the project and the benchmarks, then runs one benchmark with a 256 MB heap.
#   benchmarks/run.sh DuckDbLoadBenchmark [records]
#   benchmarks/run.sh NormalizerBenchmark [records]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o -Dstyle.color=never compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null 2>&1 \
  || mvn -q -B -Dstyle.color=never compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:$(cat target/bench.classpath)"
mkdir -p target/bench-classes
javac -nowarn -d target/bench-classes -cp "$cp" $(find benchmarks/src -name "*.java")
main="${1:?usage: benchmarks/run.sh <BenchmarkClass> [args...]}"; shift
case "$main" in
  *.*) ;;                                   # a qualified name (io.dltjdbc.pipeline.NormalizePhaseBenchmark)
  NormalizePhaseBenchmark) main="io.dltjdbc.pipeline.$main" ;;
  *) main="io.dltjdbc.bench.$main" ;;
esac
exec java -Xmx256m -XX:+UseParallelGC -cp "target/bench-classes:$cp" "$main" "$@"
