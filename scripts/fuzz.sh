#!/usr/bin/env bash
# Fuzzes the packet decoder for a bounded time (optional; not part of
# scripts/test.sh).
#
# Usage: scripts/fuzz.sh [LIBFUZZER_ARG...]
#   FUZZ_SECONDS=600 scripts/fuzz.sh        # default 60 seconds
#   scripts/fuzz.sh -max_len=4096           # extra args go to libFuzzer
#
# Needs the nightly toolchain and cargo-fuzz; installs them if missing.
# The fuzz target lives in fuzz/fuzz_targets/decode.rs; its corpus collects
# in fuzz/corpus/decode and crashes in fuzz/artifacts/decode (both ignored
# by git). Prints the number of executions libFuzzer reports.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${FUZZ_SECONDS:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "FUZZ_SECONDS must be a whole number of seconds, not '$seconds'" >&2
    exit 2
fi
if [[ ! -d fuzz ]]; then
    echo "no fuzz/ directory: the decode fuzz target is not in this checkout" >&2
    exit 1
fi

if ! rustup toolchain list | grep -q '^nightly-'; then
    echo "==> installing the nightly toolchain (cargo-fuzz needs it)"
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --help >/dev/null 2>&1; then
    echo "==> installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

echo "==> cargo +nightly fuzz run decode -- -max_total_time=$seconds $*"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

set +e
cargo +nightly fuzz run decode -- -max_total_time="$seconds" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# libFuzzer ends a clean run with "Done N runs in S second(s)"; after a
# crash the last status line ("#N ...") is the best count there is.
runs=$(sed -n 's/^Done \([0-9][0-9]*\) runs in .*/\1/p' "$log" | tail -n 1)
if [[ -z "$runs" ]]; then
    runs=$(sed -n 's/^#\([0-9][0-9]*\)[[:space:]].*/\1/p' "$log" | tail -n 1)
fi

echo
if ((status == 0)); then
    echo "Fuzzing finished: ${runs:-unknown number of} executions in ${seconds} s, no crash."
else
    echo "Fuzzing FAILED (exit $status) after about ${runs:-an unknown number of} executions;" \
        "see fuzz/artifacts/decode/ for the crashing input."
fi
exit "$status"
