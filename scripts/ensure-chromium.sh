#!/usr/bin/env bash
# Playwright's own browser download is unreachable here: tests drive Debian's chromium.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if compgen -G "$HOME/.cache/ms-playwright/chromium*" >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is needed for the end-to-end tests: sudo apt-get install -y chromium" >&2
echo "(or: npx playwright install --with-deps chromium)" >&2
exit 1
