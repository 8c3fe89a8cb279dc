#!/usr/bin/env bash
# Times the R6 PDF and Excel booklets (cold and warm) and LibreOffice converting the Excel booklet to PDF,
# and prints the ratio. Usage: scripts/bench.sh [warmRuns]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
require_dotnet
require_browser
require_apt_packages libreoffice-calc
say "Building the benchmark (Release)"
dotnet build benchmarks/Honjo.GyoseiKaikaku.Benchmarks -c Release -v quiet -nologo >/dev/null \
    || { dotnet build benchmarks/Honjo.GyoseiKaikaku.Benchmarks -c Release -nologo; fail "The build failed."; }
exec dotnet run --project benchmarks/Honjo.GyoseiKaikaku.Benchmarks -c Release --no-build -- "$@"
