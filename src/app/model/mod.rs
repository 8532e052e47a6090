//! Plain data the UI works with. Nothing here touches a browser API, so all
//! of it compiles natively and for wasm32 and is tested with `cargo test`.

pub mod client_id;
pub mod exchange;
pub mod inspector;
pub mod packet_log;
pub mod payload;
pub mod profile;
pub mod query;
pub mod retained;
pub mod ring;
pub mod stats;
pub mod topic_tree;
pub mod url;

pub use exchange::{Exchange, ExchangeLog, ExchangeStep};
pub use inspector::{explain, hex_rows, BitField, Explained, ExplainedField};
pub use packet_log::{Direction, PacketEntry, PacketFilter, PacketLog};
pub use payload::PayloadView;
pub use profile::{ImportError, MqttVersion, Preset, Profile, ProfileError, ProfileStore, Will};
pub use query::PageQuery;
pub use retained::{RetainedEntry, RetainedStore};
pub use ring::Ring;
pub use stats::Stats;
pub use topic_tree::{
    json_number_fields, numeric_series, HistoryEntry, LastMessage, RowsWindow, TopicNode,
    TopicTree, TreeRow, TreeView,
};
pub use url::{BrokerUrl, UrlError};
