#!/usr/bin/env bash
# Runs every benchmark once, each in its own JVM with a 256 MB heap, one after another (never in parallel:
# they would share the two cores), then prints the ratio lines as one table.
#   benchmarks/run-all.sh [records]     (default 1000000; the Postgres nested run uses records/5)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
log="$(mktemp)"
run() { echo "=== $*" | tee -a "$log"; benchmarks/run.sh "$@" 2>&1 | grep -v '^SLF4J' | tee -a "$log"; }
run PassthroughBenchmark "$n" 5
run NormalizerBenchmark "$n"
run FlatCsvBenchmark "$n"
run MergeBenchmark "$n" $((n / 10))
run DuckDbLoadBenchmark "$n"
run PostgresLoadBenchmark $((n / 5))
echo
echo "summary:"
grep -E '^===|ratio|overhead|records/s, |merge of' "$log" | sed 's/^/  /'
rm -f "$log"
