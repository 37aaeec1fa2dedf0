#!/usr/bin/env bash
# Benchmarks of codestarconnections-cdk; see docs/PERFORMANCE.md. Not tests: nothing here fails on
# a figure, it measures and writes bench/target/results/*.md (summary.md has everything).
#
#   bench/run.sh                 everything (about 3 minutes on 2 cores, plus 1-3 for the backends
#                                step; 5 plus that with SYNTH_REPS=7 COLD_ROUNDS=11)
#   SYNTH_REPS=9 COLD_ROUNDS=15 SNAP_ROUNDS=21 bench/run.sh
#   BENCH_JDK25=/path/to/jdk25 bench/run.sh   adds the JDK 25 AOT-cache variants (auto-detected
#                                             under /usr/lib/jvm; BENCH_JDK25=none skips them)
#   BENCH_ONLY="synth growth jsii cold snapstart calls backends" bench/run.sh   a subset
#   BENCH_ONLY=phases bench/run.sh   the 100-unit synth split into construction and app.synth()
#                                    (not in the default set)
#   BENCH_CANDIDATE_JAR=/path/to/other-handler.jar bench/run.sh   also times that jar, same rounds
#
# Needs: JDK 17+, Maven 3.8+, Node 18+ with npm, network to Maven Central and npm the first time.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SYNTH_REPS="${SYNTH_REPS:-5}"
COLD_ROUNDS="${COLD_ROUNDS:-9}"
SNAP_ROUNDS="${SNAP_ROUNDS:-15}"
ONLY="${BENCH_ONLY:-synth growth jsii cold snapstart calls backends}"
RESULTS="$ROOT/bench/target/results"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
MVN_FLAGS=(-B -ntp -q)
if [[ -n "${MAVEN_OFFLINE:-}" ]]; then MVN_FLAGS+=(-o); fi

want() { [[ " $ONLY " == *" $1 "* ]]; }
say() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

for tool in java mvn node npm; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool on PATH" >&2; exit 2; }
done
if [[ "${BENCH_JDK25:-}" == none ]]; then
  BENCH_JDK25=""
elif [[ -z "${BENCH_JDK25:-}" ]]; then
  for d in /usr/lib/jvm/*25*; do
    if [[ -x "$d/bin/java" ]]; then BENCH_JDK25="$d"; break; fi
  done
fi

say "build: lambda (shaded handler jar), lib, bench, and the modules they need (-am)"
mvn "${MVN_FLAGS[@]}" -Pbench package -pl lambda,lib,bench -am \
  -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/bench.classpath")"
REF="$ROOT/../shared/reference"
JAVA_PROPS=(-Dbench.results="$RESULTS" -Dreference.dir="$REF")
bench_java() { (cd "$ROOT/bench" && java "${JAVA_PROPS[@]}" -cp "$CP" "$@"); }
# Runs a main class whose synth sits between two marker requests (@@BENCH-BEGIN, @@BENCH-END) with
# JSII_DEBUG=1, and prints the kernel requests and callbacks between them ("-1 -1" if unmarked).
jsii_count() {
  JSII_DEBUG=1 bench_java "$@" 2>&1 >/dev/null | awk '
    /^> \{/ && /@@BENCH-BEGIN/ {on=1; seen=1; next}
    /^> \{/ && /@@BENCH-END/ {on=0; done=1}
    on && /^> \{/ {r++}
    on && /^< \{"callback"/ {c++}
    END {if (!seen || !done) {print -1, -1} else {print r+0, c+0}}'
}

{
  echo "| | |"
  echo "|---|---|"
  echo "| date (UTC) | $(date -u +%Y-%m-%dT%H:%M) |"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs) x $(nproc) |"
  echo "| memory | $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GB"}') |"
  echo "| load average at start | $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) |"
  echo "| kernel | $(uname -sr) |"
  echo "| java | $(java -version 2>&1 | head -1) |"
  echo "| java 25 | ${BENCH_JDK25:-none} |"
  echo "| node | $(node -v) |"
  echo "| maven | $(mvn -B -v 2>/dev/null | head -1 | sed "s/\x1b\[[0-9;]*m//g") |"
  echo "| commit | $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') $(git -C "$ROOT" status --short 2>/dev/null | grep -q . && echo '(with local changes)') |"
} > "$RESULTS/machine.md"
cat "$RESULTS/machine.md"

if want synth; then
  say "synth: L2 vs L1 wall time, $SYNTH_REPS reps"
  bench_java io.github.codestarconnections.bench.SynthBenchmark time "$SYNTH_REPS"
fi

if want phases; then
  say "synth: construction and app.synth() at 100 units, $SYNTH_REPS reps"
  bench_java io.github.codestarconnections.bench.SynthBenchmark phases "$SYNTH_REPS"
fi

if want jsii; then
  say "synth: jsii round trips (JSII_DEBUG=1, one JVM per figure)"
  {
    echo "| units | L2 requests | L2 callbacks | L1 requests | L1 callbacks | L2/L1 (requests + callbacks) |"
    echo "|---:|---:|---:|---:|---:|---:|"
    for n in 1 10 100; do
      declare -A req cb
      for style in L2 L1; do
        read -r r c < <(jsii_count io.github.codestarconnections.bench.SynthBenchmark \
          count "$style" "$n")
        req[$style]=$r; cb[$style]=$c
      done
      awk -v n="$n" -v a="${req[L2]}" -v b="${cb[L2]}" -v c="${req[L1]}" -v d="${cb[L1]}" \
        'BEGIN {printf "| %d | %d | %d | %d | %d | %.2f |\n", n, a, b, c, d, (a+b)/(c+d)}'
    done
  } | tee "$RESULTS/jsii-calls.md"
fi

if want growth; then
  say "template growth"
  bench_java io.github.codestarconnections.bench.SynthBenchmark growth
fi

if want cold; then
  say "handler: cold start, $COLD_ROUNDS rounds"
  (cd "$ROOT/bench/node-peer" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  JDK25_PROP=()
  if [[ -n "${BENCH_JDK25:-}" ]]; then JDK25_PROP=(-Dbench.jdk25="$BENCH_JDK25"); fi
  if [[ -n "${BENCH_CANDIDATE_JAR:-}" ]]; then
    JDK25_PROP+=(-Dbench.candidateJar="$(cd "$(dirname "$BENCH_CANDIDATE_JAR")" && pwd)/$(basename "$BENCH_CANDIDATE_JAR")")
  fi
  bench_java "${JDK25_PROP[@]}" io.github.codestarconnections.bench.ColdStartBenchmark \
    "$ROOT/bench/target/handler/host-handler.jar" "$ROOT/bench/node-peer" "$COLD_ROUNDS"
fi

if want snapstart; then
  say "handler: first Create after the SnapStart hooks, $SNAP_ROUNDS rounds"
  bench_java io.github.codestarconnections.bench.SnapStartBenchmark \
    "$ROOT/bench/target/handler/host-handler.jar" "$SNAP_ROUNDS"
fi

if want calls; then
  say "handler: API calls per lifecycle"
  bench_java io.github.codestarconnections.bench.LifecycleCalls 2>/dev/null
fi

if want backends; then
  say "host backends: custom resource vs AWS::CodeConnections::Host, $SYNTH_REPS reps"
  bench_java io.github.codestarconnections.bench.BackendBenchmark "$SYNTH_REPS"
  {
    echo
    echo "| units | custom resource: jsii requests + callbacks | native: jsii requests + callbacks | native/custom |"
    echo "|---:|---:|---:|---:|"
    for n in 1 10 100; do
      read -r a b < <(jsii_count io.github.codestarconnections.bench.BackendBenchmark count CUSTOM_RESOURCE "$n")
      read -r c d < <(jsii_count io.github.codestarconnections.bench.BackendBenchmark count NATIVE "$n")
      awk -v n="$n" -v x="$((a + b))" -v y="$((c + d))" 'BEGIN {printf "| %d | %d | %d | %.2f |\n", n, x, y, y/x}'
    done
  } | tee -a "$RESULTS/backends.md"
fi

echo "| load average at end | $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) |" >> "$RESULTS/machine.md"
{
  for f in machine template-equivalence synth-time synth-phases jsii-calls template-growth backends handler-jar cold-start snapstart lifecycle-calls; do
    if [[ -f "$RESULTS/$f.md" ]]; then printf '## %s\n\n' "$f"; cat "$RESULTS/$f.md"; echo; fi
  done
} > "$RESULTS/summary.md"
say "done: $RESULTS/summary.md"
