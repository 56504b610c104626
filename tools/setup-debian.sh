#!/bin/sh
# Installs every Debian 12 package that CIRT Assess needs to build, run and
# test. Idempotent: packages already present are skipped quickly.
set -eu

PKGS="build-essential pkg-config meson ninja-build gettext
libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxlsxwriter-dev
libcairo2-dev libpango1.0-dev libjson-glib-dev libgpgme-dev gnupg check
libxml2-dev libzip-dev
appstream desktop-file-utils libgtk-4-bin
xvfb xauth dbus-x11 imagemagick poppler-utils librsvg2-bin
python3 python3-openpyxl python3-docx sqlite3 valgrind fonts-dejavu-core fonts-cantarell fonts-noto-cjk
clang libclang-rt-14-dev
libreoffice-calc-nogui libreoffice-writer-nogui"

# libreoffice-calc-nogui and libreoffice-writer-nogui render exported
# workbooks and documents in the export tests (they skip with a message where
# they are missing). CIRT_NO_LIBREOFFICE=1 leaves them out.
if [ "${CIRT_NO_LIBREOFFICE:-0}" = 1 ]; then
  PKGS=$(echo "$PKGS" | sed 's/libreoffice-calc-nogui//; s/libreoffice-writer-nogui//')
fi

missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "Missing Debian packages. Run as root:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
