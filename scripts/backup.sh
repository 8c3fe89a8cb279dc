#!/usr/bin/env bash
# Backs up the running application's SQLite database (every acknowledged save and the key ring) into a folder,
# through SQLite's online backup API; the application keeps running. Prints the backup file's path.
# Usage: scripts/backup.sh [folder]   (default: backups/)
# The database is the one scripts/run.sh uses unless ConnectionStrings__Default says otherwise.
# On a server with the published application: dotnet Honjo.GyoseiKaikaku.Web.dll --backup /var/backups/gyoseikaikaku
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

require_dotnet
FOLDER="${1:-$REPO_ROOT/backups}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Default="${ConnectionStrings__Default:-Data Source=$REPO_ROOT/App_Data/gyoseikaikaku.db}"

dotnet build src/Honjo.GyoseiKaikaku.Web -c Release -v quiet -nologo >/dev/null \
    || { dotnet build src/Honjo.GyoseiKaikaku.Web -c Release -nologo; fail "The build failed (see above)."; }
say "Backing up ${ConnectionStrings__Default#Data Source=} into ${FOLDER}"
dotnet run --project src/Honjo.GyoseiKaikaku.Web -c Release --no-build --no-launch-profile -- --backup "$FOLDER"
