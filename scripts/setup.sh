#!/usr/bin/env bash
# Installs the system libraries annotext builds against, when they are missing:
# libxml2-dev (HTML and XML) and libsqlite3-dev (the corpus), through apt-get.
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists libxml-2.0 2>/dev/null; then need+=(libxml2-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null; then need+=(libsqlite3-dev); fi
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
