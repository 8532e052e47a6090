#!/usr/bin/env bash
# Runs every test of MQTT Lab. This is the one command the README and CI use.
#
# It first installs what the selected steps need (each quickly skipped when
# already there; see scripts/lib/toolchain.sh):
#   - Debian: mosquitto, mosquitto-clients, openssl (the real-broker tests),
#     chromium and chromium-driver (browser tests), fonts-nanum (Korean text
#     in screenshots)
#   - rustup: the wasm32-unknown-unknown target, rustfmt and clippy
#   - cargo install: wasm-bindgen-cli at Cargo.lock's wasm-bindgen version
#     (browser tests), Trunk 0.22 (e2e)
#   - npm ci: binaryen (wasm-opt for Trunk) and playwright-core (e2e)
# then runs, in order: fmt check, clippy (native), cargo test (native),
# clippy and build for wasm32 (the core must compile for the browser), the
# wasm-bindgen tests in headless Chromium against a mosquitto of its own, and
# the Playwright end-to-end tests against the release build.
#
# Usage: scripts/test.sh [STEP...]
#   With no argument every step in STEPS runs. Naming steps runs only those
#   (the install step always runs), e.g. `scripts/test.sh fmt test`.
#
# Environment: CI=true or NO_COLOR=1 turn colours off (so does a non-TTY);
# CARGO_TARGET_DIR and the other cargo variables are honoured as usual.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/toolchain.sh
source scripts/lib/toolchain.sh
# shellcheck source=scripts/lib/mosquitto.sh
source scripts/lib/mosquitto.sh

# ---------------------------------------------------------------- output ---

if [[ -n "$RESET" ]]; then
    RUSTFMT_COLOR=auto
else
    RUSTFMT_COLOR=never
    export CARGO_TERM_COLOR=never
fi

# Microseconds since the epoch (bash 5's EPOCHREALTIME, without the dot).
now_us() {
    local t=$EPOCHREALTIME
    echo "${t/[.,]/}"
}

# "83.4s" or "2m03s" from microseconds.
fmt_duration() {
    local us=$1 tenths=$(($1 / 100000))
    if ((us < 60000000)); then
        printf '%d.%ds' $((tenths / 10)) $((tenths % 10))
    else
        local s=$((us / 1000000))
        printf '%dm%02ds' $((s / 60)) $((s % 60))
    fi
}

# ---------------------------------------------------------------- steps ----
# Each step is a function `step_<name>` (a '-' in the name becomes '_');
# add new ones to STEPS in the order
# they should run. A step fails the whole run by failing any command
# (set -e applies inside them).

STEPS=(fmt clippy doc test wasm-clippy wasm-build wasm-test e2e)

declare -A STEP_TITLE=(
    [setup]="install test dependencies"
    [fmt]="cargo fmt --all -- --check"
    [clippy]="cargo clippy --all-targets -- -D warnings"
    [doc]="cargo doc --no-deps --lib (RUSTDOCFLAGS=-D warnings: doc links and HTML must be right)"
    [test]="cargo test (native, includes the mosquitto interop tests)"
    [wasm-clippy]="cargo clippy --target wasm32-unknown-unknown --lib --test 'wasm_*' -- -D warnings"
    [wasm-build]="cargo build --target wasm32-unknown-unknown --lib"
    [wasm-test]="cargo test --target wasm32-unknown-unknown (headless Chromium + mosquitto)"
    [e2e]="Playwright end-to-end tests (release build + mosquitto)"
)

# Whether step $1 is among the ones this run runs.
selected_step() {
    local step
    for step in "${selected[@]}"; do
        [[ "$step" == "$1" ]] && return 0
    done
    return 1
}

step_setup() {
    need_apt mosquitto mosquitto-clients openssl
    # Debian puts mosquitto in /usr/sbin, which non-root shells often lack.
    need_sbin_on_path
    command -v mosquitto >/dev/null || { error "mosquitto not found on PATH"; return 1; }
    note "mosquitto: $(command -v mosquitto)"
    need_rust_target
    need_rust_components rustfmt clippy
    if selected_step wasm-test || selected_step e2e; then
        need_apt chromium chromium-driver
        need_wasm_bindgen_cli
    fi
    if selected_step e2e; then
        # A Korean font, so the app's Korean text renders (screenshots).
        need_apt fonts-nanum
        need_node_modules
        need_trunk
        need_cargo_fetch
        check_trunk_toml
    fi
}

step_fmt() {
    cargo fmt --all -- --check --color "$RUSTFMT_COLOR"
}

step_clippy() {
    cargo clippy --all-targets -- -D warnings
}

step_doc() {
    RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib
}

step_test() {
    cargo test
}

# `--test NAME` for each browser test file, tests/wasm_*.rs (the other test
# files are native-only).
wasm_test_args() {
    local file
    for file in tests/wasm_*.rs; do
        [[ -e "$file" ]] || continue
        file=${file#tests/}
        printf '%s\n' --test "${file%.rs}"
    done
}

step_wasm_clippy() {
    local tests
    mapfile -t tests < <(wasm_test_args)
    cargo clippy --target "$WASM_TARGET" --lib "${tests[@]}" -- -D warnings
}

step_wasm_build() {
    cargo build --target "$WASM_TARGET" --lib
}

# Services a step started, stopped by PID when the step ends or the run
# stops (the EXIT trap), whichever comes first.
HTTP_PID=''
SERVICE_DIR=''

stop_services() {
    mosquitto_stop
    if [[ -n "$HTTP_PID" ]]; then
        kill "$HTTP_PID" 2>/dev/null || true
        wait "$HTTP_PID" 2>/dev/null || true
        HTTP_PID=''
    fi
    if [[ -n "$SERVICE_DIR" ]]; then
        rm -rf "$SERVICE_DIR"
        SERVICE_DIR=''
    fi
}

# Prints the end of the broker's log after a failure.
show_broker_log() {
    if [[ -n "$MOSQUITTO_LOG" && -f "$MOSQUITTO_LOG" ]]; then
        note "last lines of the mosquitto log:"
        tail -n 30 "$MOSQUITTO_LOG" | sed 's/^/      /'
    fi
}

# Every tests/wasm_*.rs runs in headless Chromium through
# wasm-bindgen-test-runner (.cargo/config.toml, webdriver.json). The
# broker's WebSocket port, and a port where nothing listens, reach the tests
# at compile time (option_env!).
step_wasm_test() {
    local tests
    mapfile -t tests < <(wasm_test_args)
    if ((${#tests[@]} == 0)); then
        error "no tests/wasm_*.rs to run"
        return 1
    fi
    SERVICE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mqtt-lab-wasm-test.XXXXXX")
    local mqtt_port ws_port closed_port
    mqtt_port=$(free_port)
    ws_port=$(free_port)
    mosquitto_start "$SERVICE_DIR" "$mqtt_port" "$ws_port"
    closed_port=$(free_port)
    note "mosquitto (pid $MOSQUITTO_PID) WebSocket on 127.0.0.1:$ws_port; closed port $closed_port"
    if ! MQTTLAB_TEST_WS_PORT=$ws_port MQTTLAB_TEST_CLOSED_PORT=$closed_port \
        CHROMEDRIVER=/usr/bin/chromedriver \
        WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json" \
        WASM_BINDGEN_TEST_TIMEOUT=120 \
        cargo test --target "$WASM_TARGET" "${tests[@]}"; then
        show_broker_log
        stop_services
        return 1
    fi
    stop_services
}

# The release build served as static files on a free port, and the
# Playwright tests in e2e/ (node's test runner, one file at a time; each
# file starts its own mosquitto on free ports through e2e/lib/).
step_e2e() {
    if [[ ! -f src/main.rs ]]; then
        error "the e2e tests need the browser app (src/main.rs), which is not in this checkout"
        return 1
    fi
    trunk build --release
    SERVICE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mqtt-lab-e2e.XXXXXX")
    local port tries
    port=$(free_port)
    python3 -m http.server --bind 127.0.0.1 --directory dist "$port" \
        </dev/null >"$SERVICE_DIR/http.log" 2>&1 &
    HTTP_PID=$!
    for ((tries = 0; tries < 100; tries++)); do
        port_in_use "$port" && break
        kill -0 "$HTTP_PID" 2>/dev/null || break
        sleep 0.05
    done
    if ! port_in_use "$port"; then
        error "the static server for dist/ did not start:"
        sed 's/^/    /' "$SERVICE_DIR/http.log" >&2
        stop_services
        return 1
    fi
    note "dist/ served at http://127.0.0.1:$port/ (pid $HTTP_PID)"
    if ! MQTTLAB_APP_URL="http://127.0.0.1:$port/" node --test --test-concurrency=1 --test-force-exit e2e/; then
        stop_services
        return 1
    fi
    stop_services
}

# ---------------------------------------------------------------- runner ---

selected=("${STEPS[@]}")
if (($# > 0)); then
    for arg in "$@"; do
        if [[ -z "${STEP_TITLE[$arg]:-}" || "$arg" == setup ]]; then
            echo "unknown step '$arg'; steps: ${STEPS[*]}" >&2
            exit 2
        fi
    done
    selected=("$@")
fi

RESULTS=()       # "name<TAB>status<TAB>duration" per step run so far
CURRENT=''       # the step running now, for the summary if it fails
CURRENT_START=0
RUN_START=$(now_us)

summary() {
    local status=$?
    stop_services
    if [[ -n "$CURRENT" ]]; then
        RESULTS+=("$CURRENT"$'\t'"FAILED"$'\t'"$(fmt_duration $(($(now_us) - CURRENT_START)))")
    fi
    banner "Summary"
    local row name result took colour
    for row in "${RESULTS[@]}"; do
        IFS=$'\t' read -r name result took <<<"$row"
        if [[ "$result" == ok ]]; then colour=$GREEN; else colour=$RED; fi
        printf '    %-12s %s%-6s%s %8s  %s\n' "$name" "$colour" "$result" "$RESET" "$took" "${STEP_TITLE[$name]}"
    done
    local total
    total=$(fmt_duration $(($(now_us) - RUN_START)))
    if ((status == 0)); then
        printf '%sAll %d steps ok in %s.%s\n' "$BOLD$GREEN" "${#RESULTS[@]}" "$total" "$RESET"
    else
        printf '%sFAILED at step "%s" after %s (exit %d).%s\n' "$BOLD$RED" "${CURRENT:-?}" "$total" "$status" "$RESET"
    fi
}
trap summary EXIT

run_step() {
    local name=$1
    banner "[$name] ${STEP_TITLE[$name]}"
    CURRENT=$name
    CURRENT_START=$(now_us)
    "step_${name//-/_}"
    RESULTS+=("$name"$'\t'"ok"$'\t'"$(fmt_duration $(($(now_us) - CURRENT_START)))")
    CURRENT=''
}

run_step setup
for step in "${selected[@]}"; do
    run_step "$step"
done
