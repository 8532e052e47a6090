//! The root component: the client provider around the page.

use yew::prelude::*;

use super::Shell;
use crate::app::client::ClientProvider;

/// See the module docs.
#[function_component]
pub fn App() -> Html {
    html! {
        <ClientProvider>
            <Shell />
        </ClientProvider>
    }
}
