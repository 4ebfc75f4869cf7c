#!/usr/bin/env bash
# README command 1: install dependencies, build, and start Faro on the demo city.
# Arguments are passed to faro (none = the dashboard on the demo city; with no display it writes
# faro-dashboard.png).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh faro
exec build/faro "$@"
