#!/usr/bin/env bash
# Prepares the ingress for a fast start with class data sharing (CDS): the -exec jar extracted to
# <destination>/ingress.jar + <destination>/lib/, and <destination>/ingress.jsa, the archive of the classes a start
# loads, recorded by a training run that starts the application context and exits (-Dspring.context.exit=onRefresh).
#
# The training needs no Kafka (nothing is read or written; the broker address is unreachable on purpose), so it runs
# at image build time. Start the ingress afterwards with
#     java -XX:SharedArchiveFile=<destination>/ingress.jsa -jar <destination>/ingress.jar
# using the same Java as the training (another Java ignores the archive with a warning and starts normally, slower).
#
# Used by ingress-service/Dockerfile and by the benchmarks (IngressProcess), so both start the ingress the same way.
# Usage: cds-launch.sh <ingress-service-*-exec.jar> <destination directory>
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <ingress-service-*-exec.jar> <destination directory>" >&2
  exit 2
fi
jar=$1
destination=$2
java=${JAVA:-java}

"$java" -Djarmode=tools -jar "$jar" extract --force --destination "$destination" --application-filename ingress.jar

# Training run: ports of its own, the context started and closed; a log only when it fails.
log=$(mktemp)
if ! SCIM_PORT=0 INGRESS_MANAGEMENT_PORT=0 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 SPOT_TOKEN=cds-training-run \
    BIND_ADDRESS=127.0.0.1 JAVA_TOOL_OPTIONS= \
    "$java" -XX:ArchiveClassesAtExit="$destination/ingress.jsa" -Dspring.context.exit=onRefresh \
    -jar "$destination/ingress.jar" --spring.kafka.admin.auto-create=false >"$log" 2>&1; then
  echo "The CDS training run failed:" >&2
  tail -50 "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
if [[ ! -s "$destination/ingress.jsa" ]]; then
  echo "The CDS training run wrote no archive ($destination/ingress.jsa)" >&2
  exit 1
fi
echo "CDS launch prepared in $destination: java -XX:SharedArchiveFile=$destination/ingress.jsa -jar $destination/ingress.jar"
