#!/bin/sh
# Install Debian's Chromium for the Playwright browser tests (pytest -m browser) when it is missing.
# Playwright drives it through executable_path=/usr/bin/chromium; no browser is downloaded by Playwright.
set -eu
if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-noto-core
/usr/bin/chromium --version
