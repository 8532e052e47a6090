//! The page and the browser: address, preferred languages, randomness and
//! wall-clock time. Outside a browser (native tests) each returns a neutral
//! value instead of failing.

use crate::app::model::client_id;
use crate::i18n::Lang;

fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// `location.search`, e.g. `?broker=…&lang=ko`.
pub fn location_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// `location.hash`, e.g. `#learn/qos` ("" when there is none).
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Moves the keyboard focus to the element with `id` (and scrolls it into
/// view), if there is one that can take it.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// `location.href`: the base of share links.
pub fn page_href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// `navigator.languages`, most preferred first.
pub fn navigator_languages() -> Vec<String> {
    window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// 64 random bits from `Math.random` (two draws of 32 bits). Good enough
/// for client IDs: they need to differ between tabs, not to be secret.
pub fn random_u64() -> u64 {
    if !cfg!(target_arch = "wasm32") {
        return 0;
    }
    let draw = || (js_sys::Math::random() * 4_294_967_296.0) as u64 & 0xFFFF_FFFF;
    (draw() << 32) | draw()
}

/// A fresh `mqttlab-xxxxxxxx` client ID for this tab.
pub fn new_client_id() -> String {
    client_id::generate(random_u64())
}

/// Local wall-clock time `HH:MM:SS.mmm` of a moment given, like
/// [`transport::now`](crate::transport::now), in milliseconds from the
/// page's time origin.
pub fn clock_time(ms_since_origin: u64) -> String {
    let Some(origin) = window()
        .and_then(|w| w.performance())
        .map(|p| p.time_origin())
    else {
        return format_duration(ms_since_origin);
    };
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        origin + ms_since_origin as f64,
    ));
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds(),
        date.get_milliseconds()
    )
}

/// `H:MM:SS.mmm` of a duration, when no wall clock is known.
fn format_duration(ms: u64) -> String {
    let s = ms / 1000;
    format!(
        "{}:{:02}:{:02}.{:03}",
        s / 3600,
        s / 60 % 60,
        s % 60,
        ms % 1000
    )
}

/// Sets `<html lang>` and the document title, so screen readers use the
/// right voice for the chosen language.
pub fn set_document_lang(lang: Lang, title: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    doc.set_title(title);
}

/// Puts `text` on the clipboard (asynchronously; a refusal is ignored, the
/// text stays visible to copy by hand).
pub fn copy_text(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_a_browser_everything_is_neutral() {
        assert_eq!(location_search(), "");
        assert!(navigator_languages().is_empty());
        assert_eq!(clock_time(3_723_004), "1:02:03.004");
        assert!(client_id::is_generated(&new_client_id()));
    }
}
