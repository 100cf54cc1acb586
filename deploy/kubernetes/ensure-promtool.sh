#!/bin/sh
# Makes sure promtool (Prometheus' rule checker, used by the Kubernetes check) is installed. Run by the build before
# the tests: does nothing when promtool is on the PATH; otherwise installs the Debian package "prometheus", which
# needs root and apt-get (the CI machine runs the build as root).
set -eu
if command -v promtool >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
  echo "promtool not found: install Prometheus' promtool (Debian/Ubuntu: apt-get install prometheus), or pass" >&2
  echo "-Dlodestone.promtool=/path/to/promtool" >&2
  exit 1
fi
echo "promtool not found: installing the Debian package prometheus"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends prometheus
command -v promtool
