#!/usr/bin/env bash
# What the browser tests (tests/e2e, `make e2e`) need besides the virtualenv: headless Chromium and
# its driver from Debian's packages (never a browser build downloaded by a tool), and axe-core from
# the npm registry, pinned by frontend/tools/package-lock.json. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core
fi

if [[ ! -f frontend/tools/node_modules/axe-core/axe.min.js ]]; then
    npm ci --prefix frontend/tools --no-audit --no-fund --ignore-scripts
fi
