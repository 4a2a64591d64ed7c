#!/usr/bin/env bash
# Tools the pipeline benchmark (scripts/bench_pipeline.py) compares against and loads with:
# Debian's nginx-light (a static file server, the practical limit) and wrk (the load generator).
# Installs only what is missing, from the distribution's own packages; nothing else is fetched.
set -euo pipefail

missing=()
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -eq 0 ]; then
    echo "nginx and wrk are installed."
    exit 0
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
# The package starts a system nginx on port 80: the benchmark runs its own, so stop that one.
if [[ " ${missing[*]} " == *" nginx-light "* ]] && command -v systemctl >/dev/null 2>&1; then
    "${sudo[@]}" systemctl disable --now nginx >/dev/null 2>&1 || true
fi
