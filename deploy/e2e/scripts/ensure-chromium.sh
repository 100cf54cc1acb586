#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium through its chromedriver. Installs both from the
# Debian archive when either is missing; does nothing when they are present. Needs root (CI runs as root)
# or passwordless sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if ! command -v apt-get > /dev/null; then
  echo "chromium and chromedriver are missing and this is not a Debian-like system: install them, or skip the e2e tests with -De2e.skip=true" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  SUDO="sudo -n"
fi
echo "installing chromium and chromium-driver from the Debian archive"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver
/usr/bin/chromium --version
/usr/bin/chromedriver --version
