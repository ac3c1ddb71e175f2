#!/usr/bin/env bash
# Runs one kefu command on a throwaway Spark standalone cluster on 127.0.0.1 and stops it:
# a master, a worker and (by default) 2 executors of 1 core, all started from the project's own
# Maven dependencies (jobs/target/lib), and the kefu jar submitted with Spark's SparkSubmit,
# exactly as `spark-submit --master spark://... --class kefu.cli.Kefu kefu-jobs.jar ...` does.
#
#   scripts/cluster-local.sh review --orders DIR --refunds DIR ... --period 2025Q4 --out DIR
#
# Environment: KEFU_EXECUTORS (2), KEFU_EXECUTOR_MEMORY (1g), KEFU_HEAP (driver heap, 2g),
# KEFU_JAR (the application jar, default jobs/target/kefu-jobs.jar; the tests submit one built
# from their classes), KEFU_CLUSTER_KEEP=1 keeps the master, worker and executor logs.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${KEFU_JAR:-$home/jobs/target/kefu-jobs.jar}"
lib="$home/jobs/target/lib"
executors="${KEFU_EXECUTORS:-2}"

if [ -z "${KEFU_JAR:-}" ] && { [ ! -f "$jar" ] || [ ! -d "$lib" ]; }; then
  echo "cluster-local: building kefu ..." >&2
  (cd "$home" && ./mvnw -B -q -DskipTests package) >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/kefu-cluster-XXXXXX")"
pids=()
stop() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$status" -ne 0 ] || [ -n "${KEFU_CLUSTER_KEEP:-}" ]; then
    echo "cluster-local: logs kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap stop EXIT

# Spark's worker builds each executor's classpath from $SPARK_HOME/jars: point it at our libs.
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$work/local"
mkdir -p "$SPARK_HOME" "$SPARK_LOCAL_DIRS"
ln -s "$lib" "$SPARK_HOME/jars"

# The JVM flags Spark needs on Java 17 are the jar manifest's Add-Opens (one list, in the pom).
opens="$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' \
  | sed -n 's/^Add-Opens: //p')"
flags=(-Djava.awt.headless=true -Dio.netty.tryReflectionSetAccessible=true)
for module in $opens; do flags+=("--add-opens=$module=ALL-UNNAMED"); done

# Waits until $2 appears in log $1 (or its process died), prints the matching line.
await() {
  local log=$1 pattern=$2 pid=$3
  for _ in $(seq 1 600); do
    if grep -m1 -E "$pattern" "$log" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "cluster-local: gave up waiting for '$pattern'; $log says:" >&2
  tail -n 30 "$log" >&2
  return 1
}

java "${flags[@]}" -Xmx512m -cp "$lib/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 0 --webui-port 0 >"$work/master.log" 2>&1 &
pids+=($!)
master="$(await "$work/master.log" 'Starting Spark master at spark://' "${pids[0]}" \
  | grep -oE 'spark://[0-9.]+:[0-9]+')"

java "${flags[@]}" -Xmx512m -cp "$lib/*" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --port 0 --webui-port 0 --cores "$executors" \
  --memory "$((executors * 2))g" --work-dir "$work/worker" "$master" >"$work/worker.log" 2>&1 &
pids+=($!)
await "$work/worker.log" 'Successfully registered with master' "${pids[1]}" >/dev/null
echo "cluster-local: master $master, 1 worker, $executors executors of 1 core" >&2

java "${flags[@]}" "-Xmx${KEFU_HEAP:-2g}" -Dkefu.home="$home" \
  -cp "$jar:$lib/*" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --deploy-mode client --class kefu.cli.Kefu \
  --conf spark.executor.cores=1 --conf spark.cores.max="$executors" \
  --conf spark.sql.shuffle.partitions="$((executors * 4))" \
  --conf spark.executor.memory="${KEFU_EXECUTOR_MEMORY:-1g}" \
  --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false \
  --conf "spark.executor.extraJavaOptions=-Djava.awt.headless=true" \
  "$jar" "$@"
