#!/usr/bin/env bash
# Installs what annotext builds against and what its end-to-end tests check the output with,
# when missing, through apt-get (Debian):
#   libxml2-dev (HTML and XML) and libsqlite3-dev (the corpus), to build;
#   graphviz (`dot` renders `map --format dot`), libxml2-utils (`xmllint` checks GraphML and TEI),
#   chromium and a font (headless Chromium opens `map --format html`), to test.
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists libxml-2.0 2>/dev/null; then need+=(libxml2-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null; then need+=(libsqlite3-dev); fi
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Without a font, Chromium draws the map's labels as empty boxes.
if [ -z "$(fc-list 2>/dev/null)" ]; then need+=(fonts-dejavu-core); fi
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
