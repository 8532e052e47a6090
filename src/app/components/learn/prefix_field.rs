//! The learner's topic prefix: shown, editable (checked as typed, kept
//! only when valid), and renewable with one button.

use yew::prelude::*;

use super::use_learn;
use crate::app::components::TextField;
use crate::app::learn::course::{check_prefix, PrefixError};
use crate::i18n::learn::LearnMsg;
use crate::i18n::Lang;

/// [`PrefixField`]'s properties.
#[derive(Properties, PartialEq)]
pub struct PrefixFieldProps {
    /// A valid prefix was typed or generated.
    pub on_change: Callback<String>,
    /// Asks for a fresh random prefix.
    pub on_renew: Callback<()>,
}

/// The message for a refused prefix.
pub fn prefix_error(lang: Lang, e: &PrefixError) -> &'static str {
    match e {
        PrefixError::Empty => LearnMsg::PrefixEmpty.text(lang),
        PrefixError::TooLong => LearnMsg::PrefixTooLong.text(lang),
        PrefixError::Wildcard => LearnMsg::PrefixWildcard.text(lang),
        PrefixError::EmptyLevel => LearnMsg::PrefixEmptyLevel.text(lang),
        PrefixError::Dollar => LearnMsg::PrefixDollar.text(lang),
        PrefixError::Whitespace => LearnMsg::PrefixWhitespace.text(lang),
    }
}

/// See the module docs.
#[function_component]
pub fn PrefixField(props: &PrefixFieldProps) -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    // What is typed, which may be invalid for a while; follows the prefix
    // when it changes from elsewhere (renew, storage).
    let draft = use_state(|| ctx.prefix.to_string());
    {
        let draft = draft.clone();
        use_effect_with(ctx.prefix.clone(), move |p| {
            if check_prefix(&draft).ok().as_deref() != Some(p.as_str()) {
                draft.set(p.to_string());
            }
        });
    }
    let error = check_prefix(&draft)
        .err()
        .map(|e| AttrValue::from(prefix_error(lang, &e)));
    let oninput = {
        let draft = draft.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |v: String| {
            if let Ok(p) = check_prefix(&v) {
                on_change.emit(p);
            }
            draft.set(v);
        })
    };
    let onclick = props.on_renew.reform(|_: MouseEvent| ());
    html! {
        <div class="prefix-field">
            <TextField id="learn-prefix" label={LearnMsg::PrefixLabel.text(lang)}
                value={(*draft).clone()} {oninput} {error} autocomplete="off"
                hint={AttrValue::from(LearnMsg::PrefixHint.text(lang))} />
            <button type="button" class="button-secondary" {onclick}>{ LearnMsg::PrefixNew.text(lang) }</button>
        </div>
    }
}
