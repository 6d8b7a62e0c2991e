#!/usr/bin/env bash
# Makes sure Debian's chromium is installed (/usr/bin/chromium), for the headless browser tests of the steward page.
# Never a downloaded browser: Playwright drives the system one. Installs as root; otherwise says what to run.
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

[[ -x /usr/bin/chromium ]] && exit 0
if [[ $(id -u) -ne 0 ]]; then
  log "/usr/bin/chromium not found and we are not root. Install it first:  sudo apt-get install -y --no-install-recommends chromium"
  exit 1
fi

log "installing Debian's 'chromium' package"
apt=(env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium)
if ! "${apt[@]}" >&2; then
  # Fresh images often have no package lists yet; only then pay for an update.
  log "install failed; running apt-get update and retrying"
  env DEBIAN_FRONTEND=noninteractive apt-get update >&2 || true
  "${apt[@]}" >&2 || true
fi
[[ -x /usr/bin/chromium ]] || { log "/usr/bin/chromium still missing after installing 'chromium'"; exit 1; }
