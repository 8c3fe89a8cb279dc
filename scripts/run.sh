#!/usr/bin/env bash
# Starts the application on the embedded SQLite database (created, migrated and seeded on first start).
# Usage: scripts/run.sh [--urls http://127.0.0.1:5080]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

require_dotnet
# The summaries' and the council's PDFs are printed by Chromium with a Japanese font: install them when possible; the
# rest of the app runs without them (the booklet's PDF is written by the application, ADR 0036).
( require_browser ) || say "WARNING: the summaries' and the council's PDF downloads will answer with an installation notice until Chromium and fonts-noto-cjk are installed (apt-get install -y chromium fonts-noto-cjk)."
URLS="${URLS:-http://127.0.0.1:5080}"
if [[ "${1:-}" == "--urls" && -n "${2:-}" ]]; then URLS="$2"; fi

say "Building (first run restores NuGet packages; this can take a minute)"
dotnet build src/Honjo.GyoseiKaikaku.Web -c Release -v quiet -nologo >/dev/null \
    || { dotnet build src/Honjo.GyoseiKaikaku.Web -c Release -nologo; fail "The build failed (see above)."; }

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
DATA_DIR="$REPO_ROOT/App_Data"
mkdir -p "$DATA_DIR"
export ConnectionStrings__Default="${ConnectionStrings__Default:-Data Source=$DATA_DIR/gyoseikaikaku.db}"

say "Starting on ${URLS} (environment: ${ASPNETCORE_ENVIRONMENT}, database: ${DATA_DIR}/gyoseikaikaku.db)"
say "Open ${URLS%%;*}/plans in a browser. Stop with Ctrl+C."
exec dotnet run --project src/Honjo.GyoseiKaikaku.Web -c Release --no-build --no-launch-profile --urls "$URLS"
