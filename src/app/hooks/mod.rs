//! The app's side effects, as hooks: where the first state comes from
//! (storage, the page address, the browser's languages), what is saved
//! when it changes, the document's language, and the one-second tick.
//! Components stay free of all of this.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

mod actor;

pub use actor::{use_actor, ActorHandle, OnConnect};

use crate::app::client::ClientHandle;
use crate::app::learn::course::{Progress, Route};
use crate::app::model::{PageQuery, ProfileStore};
use crate::app::services::{browser, storage};
use crate::app::state::AppState;
use crate::i18n::{Lang, Msg};

/// The language to start in: `?lang=` first, then the one picked with the
/// switch on an earlier visit, then the browser's preferences.
pub fn initial_lang(query: &PageQuery, stored: Option<Lang>, browser_langs: &[String]) -> Lang {
    query
        .lang
        .or(stored)
        .unwrap_or_else(|| Lang::detect(browser_langs))
}

/// The page address's `?broker=` and `?lang=`, read once.
#[hook]
pub fn use_page_query() -> Rc<PageQuery> {
    use_memo((), |_| PageQuery::parse(&browser::location_search()))
}

/// The app state, starting from the saved profiles and the language.
#[hook]
pub fn use_initial_state() -> UseReducerHandle<AppState> {
    let query = use_page_query();
    use_reducer(move || {
        let lang = initial_lang(
            &query,
            storage::load_lang(),
            &browser::navigator_languages(),
        );
        let mut state = AppState::new(lang);
        state.profiles = storage::load_profiles();
        state
    })
}

/// Saves the profiles whenever they change (not on the first render: they
/// were just loaded).
#[hook]
pub fn use_persisted_profiles(profiles: &ProfileStore) {
    let first = use_mut_ref(|| Cell::new(true));
    use_effect_with(profiles.clone(), move |profiles| {
        if !first.borrow().replace(false) {
            storage::save_profiles(profiles);
        }
    });
}

/// Remembers the language once the user switches it (a `?lang=` link
/// alone does not change what later visits start in).
#[hook]
pub fn use_persisted_lang(lang: Lang) {
    let first = use_mut_ref(|| Cell::new(true));
    use_effect_with(lang, move |lang| {
        if !first.borrow().replace(false) {
            storage::save_lang(*lang);
        }
    });
}

/// Keeps `<html lang>` and the title in the UI language.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        browser::set_document_lang(*lang, Msg::AppTitle.text(*lang));
    });
}

/// Ticks every second while `active` (connecting, connected or waiting to
/// reconnect): the reconnect countdown and the receive rate move on.
#[hook]
pub fn use_tick(active: bool, client: ClientHandle) {
    use_effect_with(active, move |active| {
        let interval = active.then(|| Interval::new(1_000, move || client.tick()));
        move || drop(interval)
    });
}

/// Renders the calling component again every `period_ms` while `active`:
/// for countdowns, and for waits ("nothing arrived within 1.5 s") whose
/// verdict depends on time passing rather than on an event.
#[hook]
pub fn use_ticker(active: bool, period_ms: u32) {
    let update = use_force_update();
    use_effect_with((active, period_ms), move |&(active, period_ms)| {
        let interval = active.then(|| Interval::new(period_ms, move || update.force_update()));
        move || drop(interval)
    });
}

/// The view the page address asks for (`#learn/<lesson>` or the client),
/// following the back and forward buttons.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(|| Route::from_hash(&browser::location_hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    route.set(Route::from_hash(&browser::location_hash()));
                })
            });
            move || drop(listener)
        });
    }
    *route
}

/// The learner's progress: loaded from storage once, saved on each change.
#[hook]
pub fn use_progress() -> UseStateHandle<Progress> {
    let progress = use_state(storage::load_progress);
    let first = use_mut_ref(|| Cell::new(true));
    use_effect_with((*progress).clone(), move |p| {
        if !first.borrow().replace(false) {
            storage::save_progress(p);
        }
    });
    progress
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_order() {
        let q = |s: &str| PageQuery::parse(s);
        let ko = vec!["ko-KR".to_string()];
        assert_eq!(initial_lang(&q("?lang=en"), Some(Lang::Ko), &ko), Lang::En);
        assert_eq!(initial_lang(&q(""), Some(Lang::En), &ko), Lang::En);
        assert_eq!(initial_lang(&q(""), None, &ko), Lang::Ko);
        assert_eq!(initial_lang(&q(""), None, &[]), Lang::En);
    }
}
