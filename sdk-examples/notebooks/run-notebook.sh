#!/usr/bin/env bash
# Runs a JShell notebook against the built sdk-examples class path; fails if the notebook fails.
# Usage (from the repository root, after ./mvnw install -DskipTests): sdk-examples/notebooks/run-notebook.sh [FILE.jsh]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
notebook="${1:-$root/sdk-examples/notebooks/recommendations.jsh}"
cd "$root"
./mvnw -q -B -pl sdk-examples dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="sdk-examples/target/classes:$(cat sdk-examples/target/classpath.txt)"
output="$(jshell --class-path "$classpath" -R-Xmx2g "$notebook" 2>&1)"
echo "$output"
# JShell reports a failed snippet and carries on; treat any exception, error or missing last line as failure.
if grep -qE '^(\|  )?(Error:|Exception)|Exception in thread|^\|  [A-Za-z.]*Exception' <<<"$output" \
    || ! grep -q '^notebook finished$' <<<"$output"; then
  echo "notebook $notebook FAILED" >&2
  exit 1
fi
