#!/usr/bin/env bash
# Installs everything nianbao needs on a fresh Debian/Ubuntu machine: the system packages the
# tests use (Chromium, CJK fonts, LibreOffice and poppler for rendering DOCX) and the npm packages,
# then builds the app. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES="chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils"
missing=""
for p in $SYSTEM_PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "安装系统软件包：$missing"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

echo "安装 npm 依赖……"
npm ci --no-audit --no-fund --loglevel=error

echo "构建……"
npm run build --silent
echo "准备完成。"
