#!/usr/bin/env bash
# Prints every row of issue #11's table in one run (R6 and 1,008-plan PDF, LibreOffice baseline, memory, Excel),
# with the machine and each goal; exits 1 when a correctness check fails. Usage: scripts/bench.sh [warmRuns]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
require_dotnet
require_browser
require_apt_packages libreoffice-calc
say "Building the benchmark (Release)"
dotnet build benchmarks/Honjo.GyoseiKaikaku.Benchmarks -c Release -v quiet -nologo >/dev/null \
    || { dotnet build benchmarks/Honjo.GyoseiKaikaku.Benchmarks -c Release -nologo; fail "The build failed."; }
exec dotnet run --project benchmarks/Honjo.GyoseiKaikaku.Benchmarks -c Release --no-build -- "$@"
