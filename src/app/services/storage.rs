//! localStorage: the saved profiles and the language the user picked.
//! Only the hooks call these. A browser that refuses storage (private mode,
//! a full quota) just means nothing is remembered.

use gloo::storage::{LocalStorage, Storage};

use crate::app::model::ProfileStore;
use crate::i18n::Lang;

/// Where the language choice is kept.
pub const LANG_KEY: &str = "mqtt-lab.lang";

/// The saved profiles (empty when there are none or they do not parse).
pub fn load_profiles() -> ProfileStore {
    if !cfg!(target_arch = "wasm32") {
        return ProfileStore::default();
    }
    LocalStorage::raw()
        .get_item(ProfileStore::STORAGE_KEY)
        .ok()
        .flatten()
        .and_then(|json| ProfileStore::from_storage_json(&json).ok())
        .unwrap_or_default()
}

/// Saves the profiles. [`ProfileStore::to_storage_json`] drops every
/// password whose profile does not have "Remember password" ticked.
pub fn save_profiles(store: &ProfileStore) {
    if cfg!(target_arch = "wasm32") {
        let _ = LocalStorage::raw().set_item(ProfileStore::STORAGE_KEY, &store.to_storage_json());
    }
}

/// The language picked with the switch earlier, if any.
pub fn load_lang() -> Option<Lang> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    LocalStorage::raw()
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|code| Lang::from_code(&code))
}

/// Remembers the language picked with the switch.
pub fn save_lang(lang: Lang) {
    if cfg!(target_arch = "wasm32") {
        let _ = LocalStorage::raw().set_item(LANG_KEY, lang.code());
    }
}
