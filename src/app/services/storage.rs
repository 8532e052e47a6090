//! localStorage: the saved profiles, the language the user picked and the
//! learner's progress in the lessons.
//! Only the hooks call these. A browser that refuses storage (private mode,
//! a full quota) just means nothing is remembered.

use gloo::storage::{LocalStorage, Storage};

use crate::app::learn::course::Progress;
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

/// The learner's prefix, lessons done and quiz answers (fresh when none).
pub fn load_progress() -> Progress {
    if !cfg!(target_arch = "wasm32") {
        return Progress::default();
    }
    LocalStorage::raw()
        .get_item(Progress::STORAGE_KEY)
        .ok()
        .flatten()
        .map(|json| Progress::from_json(&json))
        .unwrap_or_default()
}

/// Saves the learner's progress.
pub fn save_progress(progress: &Progress) {
    if cfg!(target_arch = "wasm32") {
        let _ = LocalStorage::raw().set_item(Progress::STORAGE_KEY, &progress.to_json());
    }
}
