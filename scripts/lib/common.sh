# shellcheck shell=bash
# Output helpers shared by scripts/run.sh and scripts/test.sh. Source it;
# it defines functions and colour variables and runs nothing else.
#
# Colours are on only for a terminal, and off when CI=true or NO_COLOR is set.

# The colours are for the scripts that source this file.
# shellcheck disable=SC2034
if [[ -t 1 && "${CI:-}" != "true" && -z "${NO_COLOR:-}" ]]; then
    BOLD=$'\e[1m' GREEN=$'\e[32m' RED=$'\e[31m' YELLOW=$'\e[33m' BLUE=$'\e[34m' RESET=$'\e[0m'
else
    BOLD='' GREEN='' RED='' YELLOW='' BLUE='' RESET=''
fi

# A section heading.
banner() {
    printf '\n%s==> %s%s\n' "$BOLD$BLUE" "$*" "$RESET"
}

# An indented line of progress.
note() {
    printf '    %s\n' "$*"
}

# A warning on stderr.
warn() {
    printf '%swarning:%s %s\n' "$BOLD$YELLOW" "$RESET" "$*" >&2
}

# An error on stderr; the caller decides whether to stop.
error() {
    printf '%serror:%s %s\n' "$BOLD$RED" "$RESET" "$*" >&2
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if ((EUID == 0)); then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        error "need root (or sudo) to run: $*"
        return 1
    fi
}
