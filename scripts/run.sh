#!/usr/bin/env bash
# Runs MQTT Lab locally: a mosquitto broker on loopback and the app served by
# Trunk, so the app's "Local Mosquitto" preset (ws://127.0.0.1:9001) works at
# once. Ctrl-C stops both.
#
# On a fresh Debian machine it first installs what is missing (each step is
# skipped when already there; see scripts/lib/toolchain.sh): mosquitto, the
# wasm32 Rust target, wasm-bindgen-cli at Cargo.lock's version, Trunk 0.22
# (about 11 minutes to build, once), binaryen's wasm-opt from npm, and the
# crates (Trunk builds offline).
#
# Usage: scripts/run.sh
#   then open http://127.0.0.1:8080/
#
# Ports (all on 127.0.0.1; change them only if they are taken, since the
# app's "Local Mosquitto" preset expects 9001):
#   MQTTLAB_HTTP_PORT  the app            (default 8080)
#   MQTTLAB_WS_PORT    MQTT over WebSocket (default 9001)
#   MQTTLAB_MQTT_PORT  MQTT over TCP       (default 1883; for mosquitto_sub/pub, boards, scripts)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/toolchain.sh
source scripts/lib/toolchain.sh
# shellcheck source=scripts/lib/mosquitto.sh
source scripts/lib/mosquitto.sh

HTTP_PORT=${MQTTLAB_HTTP_PORT:-8080}
WS_PORT=${MQTTLAB_WS_PORT:-9001}
MQTT_PORT=${MQTTLAB_MQTT_PORT:-1883}

banner "Installing what is missing"
need_apt mosquitto mosquitto-clients
need_sbin_on_path
need_rust_target
need_wasm_bindgen_cli
need_node_modules
need_trunk
need_cargo_fetch
check_trunk_toml

banner "Checking ports"
busy=()
for spec in "MQTT (TCP):$MQTT_PORT:MQTTLAB_MQTT_PORT" "MQTT over WebSocket:$WS_PORT:MQTTLAB_WS_PORT" \
    "the app (HTTP):$HTTP_PORT:MQTTLAB_HTTP_PORT"; do
    IFS=: read -r what port var <<<"$spec"
    if port_in_use "$port"; then
        error "port $port on 127.0.0.1, for $what, is already in use (by another program, or a" \
            "scripts/run.sh still running). Stop it, or choose another port with $var=..."
        busy+=("$port")
    fi
done
if ((${#busy[@]} > 0)); then
    exit 1
fi
note "127.0.0.1 ports $MQTT_PORT, $WS_PORT and $HTTP_PORT are free"

if [[ ! -f src/main.rs ]]; then
    error "the browser app (src/main.rs) is not in this checkout yet; nothing to serve"
    exit 1
fi

RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mqtt-lab-run.XXXXXX")
WATCH_PID=''

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "$WATCH_PID" ]]; then
        kill "$WATCH_PID" 2>/dev/null || true
        wait "$WATCH_PID" 2>/dev/null || true
    fi
    if [[ -n "$MOSQUITTO_PID" ]]; then
        note "stopping mosquitto (pid $MOSQUITTO_PID)"
        mosquitto_stop
    fi
    rm -rf "$RUN_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

banner "Starting mosquitto"
mosquitto_start "$RUN_DIR" "$MQTT_PORT" "$WS_PORT"
note "mosquitto (pid $MOSQUITTO_PID): ws://127.0.0.1:$WS_PORT (WebSocket), mqtt://127.0.0.1:$MQTT_PORT (TCP)"
note "broker log: $MOSQUITTO_LOG"

banner "Serving the app with Trunk (release build; the first one takes a minute)"
# Says where to go once the server answers (Trunk builds first).
(
    while ! port_in_use "$HTTP_PORT"; do
        sleep 0.5
    done
    printf '\n%sMQTT Lab is at http://127.0.0.1:%s/%s  (broker: ws://127.0.0.1:%s; Ctrl-C stops both)\n\n' \
        "$BOLD$GREEN" "$HTTP_PORT" "$RESET" "$WS_PORT"
) &
WATCH_PID=$!

# In the foreground, so Ctrl-C reaches Trunk and its build directly; the EXIT
# trap then stops mosquitto.
trunk serve --release --address 127.0.0.1 --port "$HTTP_PORT" --no-autoreload
