#!/usr/bin/env bash
# README command 1: install dependencies, build, and start Faro on the demo city.
# Arguments are passed to faro (none = the demo city).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh faro
exec build/faro "$@"
