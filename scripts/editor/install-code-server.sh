#!/usr/bin/env bash
# Idempotent offline install of code-server (= VS Code web + Node extension host) for the real-editor tests.
# Needs only the npm registry and Debian apt (runs as root in CI). Result: .cache/editor/code-server-$VERSION/
# A marker file is written only after every step succeeded, so later runs exit in well under a second.
# Why the manual steps: code-server's postinstall downloads ripgrep from GitHub and node headers from nodejs.org;
# we skip lifecycle scripts and redo them by hand against Debian's rg and /usr/include/node.
set -euo pipefail

VERSION=4.100.3
REPO=$(cd "$(dirname "$0")/../.." && pwd)
DEST="$REPO/.cache/editor/code-server-$VERSION"
MARKER="$DEST/.installed"
LOG="$REPO/.cache/editor/install-code-server-$VERSION.log"

if [ -f "$MARKER" ]; then
  echo "code-server $VERSION: already installed in ${DEST#"$REPO"/}"
  exit 0
fi

mkdir -p "$(dirname "$LOG")"
: > "$LOG"
T0=$SECONDS
# Each step is announced on the terminal with the time elapsed so far (the install takes minutes, mostly in npm),
# a line every 15 s says a long step is still running, and the log keeps every command's output.
T0_EPOCH=$(date +%s)
TICKER=
elapsed() { printf '%4ss' "$(( $(date +%s) - T0_EPOCH ))"; }
stop_ticker() { if [ -n "$TICKER" ]; then kill "$TICKER" 2>/dev/null || true; wait "$TICKER" 2>/dev/null || true; TICKER=; fi; }
step() {
  stop_ticker
  echo "code-server $VERSION: [$(elapsed)] $*"
  echo "== $* ($((SECONDS - T0))s)" >> "$LOG"
  (while sleep 15; do echo "code-server $VERSION: [$(elapsed)]   still running: $*"; done) &
  TICKER=$!
}
fail() { stop_ticker; echo "code-server $VERSION: INSTALL FAILED (see $LOG). Last lines:" >&2; tail -n 25 "$LOG" >&2; exit 1; }
trap fail ERR
trap stop_ticker EXIT
echo "code-server $VERSION: installing into ${DEST#"$REPO"/} (a few minutes; output in ${LOG#"$REPO"/})"

# node-gyp: build against local Node headers instead of downloading them (Debian's in /usr, or the running Node's
# own prefix for tarball/setup-node installs).
NODE_PREFIX=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
for d in "$NODE_PREFIX" /usr; do
  if [ -f "$d/include/node/node.h" ]; then export npm_config_nodedir="$d"; break; fi
done
export npm_config_yes=true            # node-pty's postinstall runs `npx node-gyp`
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# 0. System packages: chromium (the browser), ripgrep (replaces @vscode/ripgrep's download), libkrb5-dev (kerberos).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/rg ] || [ ! -e /usr/include/krb5.h ]; then
  step "apt-get install chromium ripgrep libkrb5-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >> "$LOG" 2>&1
  apt-get install -y -q chromium ripgrep libkrb5-dev >> "$LOG" 2>&1
fi
[ -n "${npm_config_nodedir:-}" ] || echo "warning: no local Node headers; node-gyp will try to download them" >> "$LOG"

# 1. code-server itself, without lifecycle scripts; argon2 compiled from source (no prebuilt download).
rm -rf "$DEST"; mkdir -p "$DEST"; cd "$DEST"
echo '{"name":"code-server-cache","private":true}' > package.json
step "npm install code-server@$VERSION (without lifecycle scripts)"
npm install --ignore-scripts "code-server@$VERSION" >> "$LOG" 2>&1
step "npm rebuild argon2 (from source)"
npm_config_build_from_source=true npm rebuild argon2 >> "$LOG" 2>&1

# 2. VS Code's own dependencies (what code-server's postinstall.sh would do).
cd "$DEST/node_modules/code-server/lib/vscode"
step "npm install VS Code's dependencies (lib/vscode)"
npm install --omit=dev --ignore-scripts >> "$LOG" 2>&1
mkdir -p node_modules/@vscode/ripgrep/bin    # ripgrep's postinstall exits early when bin/ exists
ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
step "npm rebuild native modules (spdlog, node-pty, kerberos, ...)"
npm rebuild >> "$LOG" 2>&1                   # spdlog, node-pty, kerberos, native-watchdog, ...
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
step "npm install the built-in extensions' dependencies"
(cd extensions && npm install --omit=dev >> "$LOG" 2>&1)

# 3. Smoke check: the entry point answers --version.
step "check: code-server --version"
# (XDG_CONFIG_HOME points to a scratch dir: code-server writes a default config.yaml on any run.)
XDG_CONFIG_HOME="$DEST/.xdg-config" node "$DEST/node_modules/code-server/out/node/entry.js" --version >> "$LOG" 2>&1

stop_ticker
date -u +%FT%TZ > "$MARKER"
trap - ERR
echo "code-server $VERSION: installed in ${DEST#"$REPO"/} in $((SECONDS - T0))s ($(du -sh "$DEST" | cut -f1), log: ${LOG#"$REPO"/})"
