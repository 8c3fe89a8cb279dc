#!/usr/bin/env bash
# Shared checks for run.sh and test.sh: each one says what is missing and how to get it.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

require_dotnet() {
    command -v dotnet >/dev/null 2>&1 || fail "The .NET SDK 10 is required (https://dot.net). 'dotnet' was not found on PATH."
    local major
    major="$(dotnet --version 2>/dev/null | cut -d. -f1)"
    [[ "${major:-0}" -ge 10 ]] || fail "The .NET SDK 10 or newer is required; found '$(dotnet --version 2>/dev/null)'."
}

# Installs Debian packages that are missing, when we may; otherwise names them.
require_apt_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        fail "Missing packages: ${missing[*]}. Install Chromium and a Japanese font (Noto Sans CJK) with your system's package manager."
    fi
    local sudo=""
    if [[ "$(id -u)" -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || fail "Missing packages: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}"
        sudo="sudo"
    fi
    say "Installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq || fail "apt-get update failed; install manually: apt-get install -y ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || fail "Could not install ${missing[*]}. Install them manually: apt-get install -y ${missing[*]}"
}

require_browser() {
    require_apt_packages chromium fonts-noto-cjk
    [[ -x /usr/bin/chromium ]] || fail "Chromium was not found at /usr/bin/chromium (Debian package 'chromium')."
}

# The W3C HTML checker (vnu.jar, from npm) runs on Java 11 or newer: Debian's default-jre-headless when there is none.
require_html_checker() {
    if ! command -v java >/dev/null 2>&1; then
        require_apt_packages default-jre-headless
    fi
    command -v java >/dev/null 2>&1 \
        || fail "Java was not found. The HTML checker (vnu.jar) needs a Java runtime 11 or newer: apt-get install -y default-jre-headless"
    command -v npm >/dev/null 2>&1 || require_apt_packages npm
    if [[ ! -f "$REPO_ROOT/tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar" ]]; then
        say "Installing the W3C HTML checker (npm package vnu-jar, tools/vnu)"
        npm ci --prefix "$REPO_ROOT/tools/vnu" --ignore-scripts --no-audit --no-fund >/dev/null \
            || fail "npm could not install vnu-jar. Run: npm ci --prefix tools/vnu --ignore-scripts"
    fi
}
