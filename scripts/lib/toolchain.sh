# shellcheck shell=bash
# Installs what MQTT Lab's build and tests need, each only when missing, so a
# second run costs a second or two. Used by scripts/run.sh and scripts/test.sh;
# source scripts/lib/common.sh first and call the functions from the repo root.
#
# Everything comes from the package registries through their own clients
# (Debian's apt, rustup, crates.io through `cargo install`, npm): nothing
# downloads a prebuilt binary from anywhere else. Trunk runs in offline mode
# (Trunk.toml) and uses the wasm-bindgen and wasm-opt found on PATH.
#
#   need_apt PKG...            Debian packages (apt-get update only if one is missing)
#   need_sbin_on_path          /usr/sbin on PATH (mosquitto lives there)
#   need_rust_target           rustup target wasm32-unknown-unknown
#   need_rust_components C...  rustup components (rustfmt, clippy)
#   need_wasm_bindgen_cli      wasm-bindgen-cli = the wasm-bindgen version in Cargo.lock
#   need_trunk                 Trunk 0.22.x
#   need_node_modules          `npm ci` from package-lock.json, node_modules/.bin on PATH
#   need_cargo_fetch           crates downloaded (Trunk's offline mode passes --offline)
#   check_trunk_toml           Trunk.toml's tool versions match what is installed

WASM_TARGET=wasm32-unknown-unknown
TRUNK_VERSION=0.22.1
# binaryen's version on npm; Trunk.toml says wasm_opt = "version_<this>".
WASM_OPT_VERSION=132

# Prints the packages of "$@" that dpkg does not have installed.
apt_missing() {
    local pkg
    for pkg in "$@"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
            echo "$pkg"
        fi
    done
}

need_apt() {
    local missing
    mapfile -t missing < <(apt_missing "$@")
    if ((${#missing[@]} == 0)); then
        note "apt: $* already installed"
        return 0
    fi
    note "apt: installing ${missing[*]}"
    # DEBIAN_FRONTEND must reach apt through sudo too, hence `env`.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}"
}

need_sbin_on_path() {
    case ":$PATH:" in
        *:/usr/sbin:*) ;;
        *) export PATH="/usr/sbin:$PATH" ;;
    esac
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

need_rust_target() {
    # Captured first: `cmd | grep -q` can fail under pipefail when grep
    # exits early and cmd gets SIGPIPE.
    local targets
    targets=$(rustup target list --installed)
    if grep -qx "$WASM_TARGET" <<<"$targets"; then
        note "rustup: $WASM_TARGET already installed"
    else
        note "rustup: adding $WASM_TARGET"
        rustup_retry target add "$WASM_TARGET"
    fi
}

need_rust_components() {
    local components component
    components=$(rustup component list --installed)
    for component in "$@"; do
        if grep -q "^$component-" <<<"$components"; then
            note "rustup: $component already installed"
        else
            note "rustup: adding $component"
            rustup_retry component add "$component"
        fi
    done
}

# The wasm-bindgen version Cargo.lock pins (Cargo.toml pins it with `=`).
locked_wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

# `cargo install` builds in a temporary folder of its own, not in the
# project's CARGO_TARGET_DIR.
cargo_install() {
    env -u CARGO_TARGET_DIR cargo install "$@"
}

need_wasm_bindgen_cli() {
    local want have
    want=$(locked_wasm_bindgen_version)
    if [[ -z "$want" ]]; then
        error "no wasm-bindgen in Cargo.lock"
        return 1
    fi
    have=$(wasm-bindgen --version 2>/dev/null || true)
    if [[ "$have" == "wasm-bindgen $want" ]]; then
        note "wasm-bindgen-cli $want already installed (with wasm-bindgen-test-runner)"
        return 0
    fi
    note "cargo: installing wasm-bindgen-cli $want${have:+ (found: $have)}; takes a few minutes"
    # No --locked: its lockfile pins a webpki-roots version the registry no
    # longer serves.
    cargo_install wasm-bindgen-cli --version "$want" --force
}

need_trunk() {
    local have
    have=$(trunk --version 2>/dev/null || true)
    if [[ "$have" == "trunk 0.22."* ]]; then
        note "$have already installed"
        return 0
    fi
    note "cargo: installing trunk $TRUNK_VERSION${have:+ (found: $have)}; takes about 11 minutes on 2 cores"
    # Trunk 0.22 declares a newer rust-version than it needs; it builds and
    # works with our toolchain.
    cargo_install --locked trunk --version "$TRUNK_VERSION" --ignore-rust-version --force
}

need_node_modules() {
    if ! command -v npm >/dev/null 2>&1; then
        need_apt nodejs npm
    fi
    # A stamp of the lockfile we installed from tells a stale node_modules.
    local stamp=node_modules/.mqtt-lab-lock.sha256 want
    want=$(sha256sum package-lock.json | cut -d' ' -f1)
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        note "npm: node_modules matches package-lock.json"
    else
        note "npm: npm ci (binaryen $WASM_OPT_VERSION for wasm-opt, playwright-core, mqtt)"
        # --ignore-scripts: no install script may fetch anything.
        npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
        echo "$want" >"$stamp"
    fi
    # npm's wasm-opt must come before any other (Debian's is too old).
    export PATH="$PWD/node_modules/.bin:$PATH"
}

need_cargo_fetch() {
    note "cargo fetch (Trunk builds with --offline)"
    cargo fetch --quiet
}

# Trunk.toml must name the tool versions installed here, else Trunk (offline)
# refuses to build; say which line to change.
check_trunk_toml() {
    local want_wb toml_wb toml_opt
    want_wb=$(locked_wasm_bindgen_version)
    toml_wb=$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)
    toml_opt=$(sed -n 's/^wasm_opt *= *"\(.*\)"/\1/p' Trunk.toml)
    if ! grep -Eq '^offline *= *true' Trunk.toml; then
        error "Trunk.toml: [build] needs offline = true (Trunk must not download tools)"
        return 1
    fi
    if [[ "$toml_wb" != "$want_wb" ]]; then
        error "Trunk.toml: wasm_bindgen = \"$toml_wb\" but Cargo.lock has wasm-bindgen $want_wb"
        return 1
    fi
    if [[ "$toml_opt" != "version_$WASM_OPT_VERSION" ]]; then
        error "Trunk.toml: wasm_opt = \"$toml_opt\" but package.json installs binaryen $WASM_OPT_VERSION"
        return 1
    fi
    local have_opt
    have_opt=$(wasm-opt --version 2>/dev/null || true)
    if [[ "$have_opt" != "wasm-opt version $WASM_OPT_VERSION"* ]]; then
        error "wasm-opt on PATH is '${have_opt:-missing}', not version $WASM_OPT_VERSION (npm's binaryen)"
        return 1
    fi
    note "Trunk.toml: offline, wasm-bindgen $want_wb, wasm-opt version_$WASM_OPT_VERSION"
}
