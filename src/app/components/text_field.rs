//! A labelled text input (or textarea) with an optional hint and error,
//! both tied to the input with `aria-describedby`; the error is also an
//! alert, so it is announced when it appears.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// [`TextField`]'s properties.
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's id; the hint and error ids derive from it.
    pub id: AttrValue,
    /// The visible label, which is also the accessible name.
    pub label: AttrValue,
    /// The current text.
    pub value: AttrValue,
    /// Called with the new text on every keystroke.
    pub oninput: Callback<String>,
    /// Help shown under the field.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// What is wrong with the value, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// `type` of the input: `text`, `password`, `url`…
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// `autocomplete`.
    #[prop_or(AttrValue::Static("off"))]
    pub autocomplete: AttrValue,
    /// `inputmode`, e.g. `numeric`.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Placeholder (an example, never instead of a label).
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// A textarea instead of an input.
    #[prop_or_default]
    pub multiline: bool,
    /// Greyed out.
    #[prop_or_default]
    pub disabled: bool,
    /// Extra CSS class on the wrapper.
    #[prop_or_default]
    pub class: Classes,
    /// Controls shown next to the input (e.g. a "New client ID" button).
    #[prop_or_default]
    pub children: Html,
}

/// See the module docs.
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let mut described = Vec::new();
    if props.error.is_some() {
        described.push(error_id.clone());
    }
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = props.error.as_ref().map(|_| "true");

    let control = if props.multiline {
        let oninput = props
            .oninput
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
        html! {
            <textarea
                id={props.id.clone()}
                value={props.value.clone()}
                {oninput}
                rows="4"
                spellcheck="false"
                disabled={props.disabled}
                placeholder={props.placeholder.clone()}
                aria-describedby={described.clone()}
                aria-invalid={invalid}
            />
        }
    } else {
        let oninput = props
            .oninput
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        html! {
            <input
                id={props.id.clone()}
                type={props.kind.clone()}
                value={props.value.clone()}
                {oninput}
                autocomplete={props.autocomplete.clone()}
                inputmode={props.inputmode.clone()}
                spellcheck="false"
                disabled={props.disabled}
                placeholder={props.placeholder.clone()}
                aria-describedby={described}
                aria-invalid={invalid}
            />
        }
    };

    html! {
        <div class={classes!("field", props.error.as_ref().map(|_| "field--invalid"), props.class.clone())}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="field-control">
                { control }
                { props.children.clone() }
            </div>
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error" role="alert">{ error.clone() }</p>
            }
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="field-hint">{ hint.clone() }</p>
            }
        </div>
    }
}
