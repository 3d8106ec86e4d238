#!/usr/bin/env bash
# Runs every benchmark suite and writes the markdown report benchmarks/results/<date>.md.
#   benchmarks/run.sh                      short profile (forks 1, few iterations)
#   benchmarks/run.sh --profile full       longer iterations, incremental at 100k too
#   benchmarks/run.sh --prepare            only build the cache of generated storages and indexes
#   benchmarks/run.sh --suites hapi,search only some suites
# Extra Maven flags (e.g. -o) through MVN_ARGS. Generated data lives in benchmarks/target/work/ (several GB).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q ${MVN_ARGS:-} -pl benchmarks -am package -DskipTests  # not maven.test.skip: the recall harness needs the index test-jar
exec java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.ssmix2.benchmarks.Report "$@"
