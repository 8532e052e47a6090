//! An in-page confirmation dialog (role `dialog`, modal): a title, a
//! sentence, a list of what is affected, and the confirm and cancel
//! buttons. Focus starts on Cancel; Escape cancels.

use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::i18n::{Lang, Msg};

/// [`ConfirmDialog`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    /// UI language.
    pub lang: Lang,
    /// Unique id prefix.
    pub id: AttrValue,
    /// The question.
    pub title: AttrValue,
    /// What confirming does.
    pub body: AttrValue,
    /// What it applies to (shown as a list).
    #[prop_or_default]
    pub items: Vec<String>,
    /// The confirm button's text.
    pub confirm: AttrValue,
    /// Confirmed.
    pub on_confirm: Callback<()>,
    /// Cancelled.
    pub on_cancel: Callback<()>,
}

/// Items listed before the rest is summed up as "…".
const LISTED: usize = 20;

/// See the module docs.
#[function_component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let cancel_ref = use_node_ref();
    {
        let cancel_ref = cancel_ref.clone();
        use_effect_with((), move |_| {
            if let Some(b) = cancel_ref.cast::<HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let title_id = format!("{}-title", props.id);
    let body_id = format!("{}-body", props.id);
    let onkeydown = {
        let cancel = props.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                cancel.emit(());
            }
        })
    };
    let confirm = props.on_confirm.reform(|_: MouseEvent| ());
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let more = props.items.len().saturating_sub(LISTED);
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true"
                aria-labelledby={title_id.clone()} aria-describedby={body_id.clone()} {onkeydown}>
                <h3 id={title_id}>{ props.title.clone() }</h3>
                <p id={body_id}>{ props.body.clone() }</p>
                if !props.items.is_empty() {
                    <ul class="dialog-items mono">
                        { for props.items.iter().take(LISTED).map(|t| html! { <li>{ t.clone() }</li> }) }
                        if more > 0 {
                            <li>{ format!("… +{more}") }</li>
                        }
                    </ul>
                }
                <div class="dialog-actions">
                    <button type="button" class="button-danger" onclick={confirm}>{ props.confirm.clone() }</button>
                    <button type="button" class="button-secondary" ref={cancel_ref} onclick={cancel}>
                        { Msg::UiCancel.text(props.lang) }
                    </button>
                </div>
            </div>
        </div>
    }
}
