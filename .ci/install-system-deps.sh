#!/usr/bin/env bash
# Installs what the test suite needs from Debian: chromium for browser tests and
# pgvector for the local PostgreSQL 15 (built from Debian's source package, since
# this release ships no binary for PG15). Idempotent: skips what is present.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
updated=0
apt_update() { [ $updated -eq 1 ] || { apt-get update -qq; updated=1; }; }

if ! command -v chromium >/dev/null 2>&1; then
  apt_update
  apt-get install -y -qq chromium >/dev/null
fi

pg_config_bin=/usr/lib/postgresql/15/bin/pg_config
if [ ! -f "$($pg_config_bin --sharedir 2>/dev/null || echo /usr/share/postgresql/15)/extension/vector.control" ]; then
  src_list=/etc/apt/sources.list.d/vaultdesk-trixie-src.sources
  cat > "$src_list" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq; updated=1
  apt-get install -y -qq postgresql-server-dev-15 dpkg-dev >/dev/null
  build=$(mktemp -d)
  ( cd "$build" && apt-get source -qq pgvector >/dev/null 2>&1 && cd pgvector-*/ \
    && make -s PG_CONFIG=$pg_config_bin >/dev/null && make -s install PG_CONFIG=$pg_config_bin >/dev/null )
  rm -rf "$build" "$src_list"
  apt-get update -qq
fi
echo "system deps ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), pgvector $(ls $($pg_config_bin --sharedir)/extension/ | grep -E '^vector--[0-9.]+\.sql$' | sort -V | tail -1)"
