#!/bin/sh
# Runs a command in a D-Bus session of its own with an unlocked GNOME
# keyring (the Secret Service), with HOME and XDG_RUNTIME_DIR in fresh
# temporary folders, so that a test never touches the user's keyring.
# Usage: with-keyring.sh COMMAND [ARGUMENT…]
set -eu

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring.sh: $tool is missing; install dbus and gnome-keyring" >&2
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run"
export XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL

# The keyring's password comes on standard input; --unlock creates the
# login keyring with it when there is none yet.
exec dbus-run-session -- sh -c '
  echo "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' with-keyring "$@"
