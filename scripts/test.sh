#!/usr/bin/env bash
# The whole test suite, as the README gives it and CI runs it.
# Installs Debian's chromium if missing (scripts/chromium.sh), builds the solution, runs every test project (the
# warehouse tests start the private PostgreSQL of scripts/postgres.sh themselves, installing it if needed), then prints the plain closing line
# "N passed, N failed, N skipped" summed from the TRX results of every test project.
set -euo pipefail

home=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
results=$home/TestResults
rm -rf "$results"

status=0
# The steward page's browser test drives Debian's chromium.
"$home/scripts/chromium.sh" || exit 1
dotnet build "$home/Pipeline.sln" -c Release --nologo -v quiet || exit 1
# One project at a time, each with its own TRX file: names stay predictable and logs stay readable.
for project in "$home"/tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" "$@" || status=$?
done

sum() {
  local name=$1 total=0 n
  for trx in "$results"/*.trx; do
    [[ -f $trx ]] || continue
    n=$(grep -o "<Counters [^>]*" "$trx" | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0)
    total=$((total + ${n:-0}))
  done
  echo "$total"
}

passed=$(sum passed)
failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) ))
skipped=$(sum notExecuted)
echo
echo "$passed passed, $failed failed, $skipped skipped"

if (( passed + failed == 0 )); then
  echo "test.sh: no test ran" >&2
  exit 1
fi
if (( failed > 0 && status == 0 )); then
  status=1
fi
exit "$status"
