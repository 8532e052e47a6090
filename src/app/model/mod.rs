//! Plain data the UI works with. Nothing here touches a browser API, so all
//! of it compiles natively and for wasm32 and is tested with `cargo test`.

pub mod client_id;
pub mod payload;
pub mod profile;
pub mod query;
pub mod ring;
pub mod stats;
pub mod url;

pub use payload::PayloadView;
pub use profile::{ImportError, MqttVersion, Preset, Profile, ProfileError, ProfileStore, Will};
pub use query::PageQuery;
pub use ring::Ring;
pub use stats::Stats;
pub use url::{BrokerUrl, UrlError};
