//! What every section of the connection form receives: the language, the
//! form's contents and where its changes go, with the two setters they all
//! need.

use yew::prelude::*;

use crate::app::forms::connection::{ConnectionDraft, DraftAction, Flag, TextField};
use crate::i18n::Lang;

/// Properties of a connection-form section.
#[derive(Properties, PartialEq)]
pub struct DraftSectionProps {
    /// UI language.
    pub lang: Lang,
    /// The form.
    pub draft: ConnectionDraft,
    /// Changes to the form.
    pub on_change: Callback<DraftAction>,
}

impl DraftSectionProps {
    /// A callback that sets a text field of the form.
    pub fn set_text(&self, field: TextField) -> Callback<String> {
        self.on_change
            .reform(move |s: String| DraftAction::Text(field, s))
    }

    /// A callback that sets a flag of the form.
    pub fn set_flag(&self, flag: Flag) -> Callback<bool> {
        self.on_change
            .reform(move |on: bool| DraftAction::Flag(flag, on))
    }
}
