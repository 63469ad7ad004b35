#!/bin/sh
# Install Debian's Chromium (Playwright drives it through executable_path=/usr/bin/chromium;
# no browser is downloaded by Playwright) and fonts-noto-core (Arabic and Latin glyphs for the
# PNG snapshots), each only when missing.
set -eu
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
dpkg -s fonts-noto-core >/dev/null 2>&1 || need="$need fonts-noto-core"
if [ -n "$need" ]; then
    $SUDO apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $need
fi
/usr/bin/chromium --version
