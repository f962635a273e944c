#!/usr/bin/env bash
# Measures what the answer-file editor does after each keystroke on a large file: parse the whole text of a
# generated answer file of 2,000 catalog components and validate it with the answer-file rules, after a
# one-character change (AnswerFileValidationBenchmark, in the editor's test fragment). Prints the times.
#
# Usage: releng/benchmarks/answer-file-editor-benchmark.sh [components, default 2000] [runs, default 20]
# Build first (./mvnw -DskipTests verify): it runs the classes in target/classes, on a plain class path (no OSGi:
# parsing and validation need no workbench), with the target platform's jars from the local Maven repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repo="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
java="$("$root/releng/bin/find-jdk" 21)/bin/java"

classpath=""
for module in bundles/org.imagesmith.unattend bundles/org.imagesmith.unattend.dsl bundles/org.imagesmith.unattend.dsl.ide \
    bundles/org.imagesmith.unattend.dsl.ui tests/org.imagesmith.unattend.dsl.ui.tests; do
  [ -d "$root/$module/target/classes" ] || { echo "$module is not built: run ./mvnw -DskipTests verify first" >&2; exit 1; }
  classpath="$classpath:$root/$module/target/classes"
done
# group:artifact:version, as pinned in releng/org.imagesmith.target
for coordinates in \
    org.eclipse.xtext:org.eclipse.xtext:2.42.0 org.eclipse.xtext:org.eclipse.xtext.ide:2.42.0 \
    org.eclipse.xtext:org.eclipse.xtext.util:2.42.0 org.eclipse.xtext:org.eclipse.xtext.xbase.lib:2.42.0 \
    org.eclipse.emf:org.eclipse.emf.common:2.46.0 org.eclipse.emf:org.eclipse.emf.ecore:2.43.0 \
    org.eclipse.emf:org.eclipse.emf.ecore.xmi:2.41.0 org.eclipse.lsp4j:org.eclipse.lsp4j:1.0.0 \
    org.eclipse.lsp4j:org.eclipse.lsp4j.jsonrpc:1.0.0 com.google.code.gson:gson:2.15.0 \
    com.google.inject:guice:7.0.0 jakarta.inject:jakarta.inject-api:2.0.1 aopalliance:aopalliance:1.0 \
    com.google.guava:guava:33.5.0-jre com.google.guava:failureaccess:1.0.3 org.antlr:antlr-runtime:3.2 \
    ch.qos.reload4j:reload4j:1.2.26 org.ow2.asm:asm:9.6 org.eclipse.platform:org.eclipse.text:3.14.800 \
    org.eclipse.platform:org.eclipse.equinox.common:3.21.0; do
  IFS=: read -r group artifact version <<<"$coordinates"
  jar="$repo/${group//.//}/$artifact/$version/$artifact-$version.jar"
  [ -f "$jar" ] || { echo "missing $jar: build the project once (./mvnw verify) to fetch the target platform" >&2; exit 1; }
  classpath="$classpath:$jar"
done

echo "## Answer-file editor benchmark, $(date -u +%Y-%m-%d)"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $java."
echo
"$java" -Xmx1g -Dlog4j.ignoreTCL=true -cp "${classpath#:}" \
  org.imagesmith.unattend.dsl.ui.validation.AnswerFileValidationBenchmark "${1:-2000}" "${2:-20}" 2>&1 | grep -v '^log4j:WARN'
