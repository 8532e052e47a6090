//! A checkbox with its label (clicking the text ticks it) and an optional
//! hint tied with `aria-describedby`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// [`Checkbox`]'s properties.
#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    /// The input's id.
    pub id: AttrValue,
    /// The label, which is the accessible name.
    pub label: AttrValue,
    /// Ticked.
    pub checked: bool,
    /// Called with the new state.
    pub onchange: Callback<bool>,
    /// Help shown under it.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Greyed out.
    #[prop_or_default]
    pub disabled: bool,
}

/// See the module docs.
#[function_component]
pub fn Checkbox(props: &CheckboxProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let onchange = props
        .onchange
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <div class="checkbox">
            <input
                type="checkbox"
                id={props.id.clone()}
                checked={props.checked}
                disabled={props.disabled}
                {onchange}
                aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}
            />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="field-hint">{ hint.clone() }</p>
            }
        </div>
    }
}
