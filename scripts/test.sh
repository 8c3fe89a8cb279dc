#!/usr/bin/env bash
# Runs every test: unit, seed, HTTP integration (WebApplicationFactory over SQLite) and headless Chromium.
# Also checks both providers' migrations against the model and generates the SQL Server migration script,
# so that neither can rot unseen. Ends with one line: "N passed, N failed[, N skipped]".
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

require_dotnet
require_browser
# LibreOffice opens the exported workbooks in a test, as a city's staff would; poppler reads PDFs back.
require_apt_packages libreoffice-calc poppler-utils
# Every page type is checked by the W3C HTML checker (vnu.jar) in a test.
require_html_checker

ARTIFACTS="$REPO_ROOT/artifacts"
rm -rf "$ARTIFACTS/test-results"
mkdir -p "$ARTIFACTS/test-results" "$ARTIFACTS/migrations"

say "Restoring tools and packages"
dotnet tool restore >/dev/null || fail "dotnet tool restore failed (dotnet-ef)."
dotnet restore Honjo.GyoseiKaikaku.sln -v quiet >/dev/null || { dotnet restore Honjo.GyoseiKaikaku.sln; fail "Restore failed."; }

say "Building"
dotnet build Honjo.GyoseiKaikaku.sln -c Release --no-restore -v quiet -nologo >"$ARTIFACTS/build.log" 2>&1 \
    || { grep -E "error|warn" "$ARTIFACTS/build.log" | sort -u | head -50; fail "The build failed (full log: artifacts/build.log)."; }

say "Checking migrations (SQLite and SQL Server) against the model"
for provider in Sqlite SqlServer; do
    project="src/Honjo.GyoseiKaikaku.Migrations.$provider"
    dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project" \
        --configuration Release --no-build >"$ARTIFACTS/migrations/$provider-pending.log" 2>&1 \
        || { cat "$ARTIFACTS/migrations/$provider-pending.log"; fail "The $provider migrations do not match the model. Add a migration (see docs/database.md)."; }
done
dotnet ef migrations script --idempotent --project src/Honjo.GyoseiKaikaku.Migrations.SqlServer \
    --startup-project src/Honjo.GyoseiKaikaku.Migrations.SqlServer --configuration Release --no-build \
    --output "$ARTIFACTS/migrations/sqlserver.sql" >"$ARTIFACTS/migrations/sqlserver-script.log" 2>&1 \
    || { cat "$ARTIFACTS/migrations/sqlserver-script.log"; fail "Generating the SQL Server migration script failed."; }
grep -q "CREATE TABLE \[Plans\]" "$ARTIFACTS/migrations/sqlserver.sql" || fail "The SQL Server script does not create the Plans table."
say "SQL Server script: artifacts/migrations/sqlserver.sql ($(wc -l <"$ARTIFACTS/migrations/sqlserver.sql") lines)"

say "Running tests"
# Each test application is a host; with inotify watchers per host the suite can exhaust the user's inotify instances
# (128 by default) on a busy machine. Configuration reload is of no use in tests, and polling needs no watchers.
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=true
set +e
dotnet test Honjo.GyoseiKaikaku.sln -c Release --no-build \
    --results-directory "$ARTIFACTS/test-results" 2>&1 | tee "$ARTIFACTS/test-results/console.log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...").
read -r passed failed skipped < <(grep -E "^(Passed|Failed)!? +- Failed: " "$ARTIFACTS/test-results/console.log" \
    | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' \
    | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
assemblies=$(grep -cE "^(Passed|Failed)!? +- Failed: " "$ARTIFACTS/test-results/console.log" || true)
if [[ "$assemblies" -lt 4 ]]; then
    echo "Expected results from 4 test assemblies, found $assemblies." >&2
    status=1
fi
echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
