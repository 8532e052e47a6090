//! The browser entry point: renders the app. Everything else lives in the
//! library (`src/lib.rs`), where it is tested natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<mqtt_lab::app::App>::new().render();
}

/// Natively there is no page to render; this keeps `cargo build`, `cargo
/// test` and clippy working on the host.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
