#!/usr/bin/env bash
# Runs every test of MQTT Lab. This is the one command the README and CI use.
#
# It first installs what the tests need (quickly skipped when already there):
#   - Debian: mosquitto, mosquitto-clients, openssl (the real-broker tests)
#   - rustup: the wasm32-unknown-unknown target, rustfmt and clippy
# then runs, in order: fmt check, clippy (native), cargo test (native),
# clippy and build for wasm32 (the core must compile for the browser).
#
# Usage: scripts/test.sh [STEP...]
#   With no argument every step runs. Naming steps runs only those (the
#   install step always runs), e.g. `scripts/test.sh fmt test`.
#   Steps: see STEPS below.
#
# Environment: CI=true or NO_COLOR=1 turn colours off (so does a non-TTY);
# CARGO_TARGET_DIR and the other cargo variables are honoured as usual.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# ---------------------------------------------------------------- output ---

if [[ -t 1 && "${CI:-}" != "true" && -z "${NO_COLOR:-}" ]]; then
    BOLD=$'\e[1m' GREEN=$'\e[32m' RED=$'\e[31m' BLUE=$'\e[34m' RESET=$'\e[0m'
    RUSTFMT_COLOR=auto
else
    RUSTFMT_COLOR=never
    BOLD='' GREEN='' RED='' BLUE='' RESET=''
    export CARGO_TERM_COLOR=never
fi

banner() {
    printf '\n%s==> %s%s\n' "$BOLD$BLUE" "$*" "$RESET"
}

note() {
    printf '    %s\n' "$*"
}

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

STEPS=(fmt clippy test wasm-clippy wasm-build)

declare -A STEP_TITLE=(
    [setup]="install test dependencies"
    [fmt]="cargo fmt --all -- --check"
    [clippy]="cargo clippy --all-targets -- -D warnings"
    [test]="cargo test (native, includes the mosquitto interop tests)"
    [wasm-clippy]="cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings"
    [wasm-build]="cargo build --target wasm32-unknown-unknown --lib"
)

APT_PACKAGES=(mosquitto mosquitto-clients openssl)
WASM_TARGET=wasm32-unknown-unknown

as_root() {
    if ((EUID == 0)); then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "need root to run: $*" >&2
        return 1
    fi
}

apt_missing() {
    local pkg
    for pkg in "$@"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
            echo "$pkg"
        fi
    done
}

# rustup may be busy with the same install in another shell; retry a little.
rustup_retry() {
    local attempt
    for attempt in 1 2 3; do
        if rustup "$@"; then
            return 0
        fi
        note "rustup $* failed (attempt $attempt); retrying in 5 s"
        sleep 5
    done
    rustup "$@"
}

step_setup() {
    local missing
    mapfile -t missing < <(apt_missing "${APT_PACKAGES[@]}")
    if ((${#missing[@]} == 0)); then
        note "apt: ${APT_PACKAGES[*]} already installed"
    else
        note "apt: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        as_root apt-get -o DPkg::Lock::Timeout=300 update -q
        as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q "${missing[@]}"
    fi

    # Lists are captured first: `cmd | grep -q` can fail under pipefail
    # when grep exits early and cmd gets SIGPIPE.
    local targets components
    targets=$(rustup target list --installed)
    components=$(rustup component list --installed)
    if grep -qx "$WASM_TARGET" <<<"$targets"; then
        note "rustup: $WASM_TARGET already installed"
    else
        note "rustup: adding $WASM_TARGET"
        rustup_retry target add "$WASM_TARGET"
    fi

    local component
    for component in rustfmt clippy; do
        if grep -q "^$component-" <<<"$components"; then
            note "rustup: $component already installed"
        else
            note "rustup: adding $component"
            rustup_retry component add "$component"
        fi
    done

    # Debian puts mosquitto in /usr/sbin, which non-root shells often lack.
    case ":$PATH:" in
        *:/usr/sbin:*) ;;
        *) export PATH="/usr/sbin:$PATH" ;;
    esac
    command -v mosquitto >/dev/null || { echo "mosquitto not found on PATH" >&2; return 1; }
    note "mosquitto: $(command -v mosquitto)"
}

step_fmt() {
    cargo fmt --all -- --check --color "$RUSTFMT_COLOR"
}

step_clippy() {
    cargo clippy --all-targets -- -D warnings
}

step_test() {
    cargo test
}

step_wasm_clippy() {
    cargo clippy --target "$WASM_TARGET" --lib -- -D warnings
}

step_wasm_build() {
    cargo build --target "$WASM_TARGET" --lib
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
