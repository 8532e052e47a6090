//! The Yew components, one per file, each with typed properties. They read
//! what they are given and act through the
//! [`ClientHandle`](crate::app::client::ClientHandle); none touches storage
//! or the network.
//!
//! Accessible names follow issue 3 (English shown): textboxes "Broker URL",
//! "Client ID", "Username", "Password", "Topic filter", "Topic", "Payload";
//! combobox "MQTT version"; buttons "Connect" / "Disconnect", "Subscribe",
//! "Publish"; a "QoS" radio group in each of the regions "Subscribe" and
//! "Publish"; checkbox "Retain"; regions "Messages" and "Statistics"; and
//! one `role="status"` element for the connection.

mod advanced_settings;
mod app;
mod broker_fields;
mod broker_view;
mod checkbox;
mod confirm_dialog;
mod connection_panel;
mod credential_fields;
mod draft_section;
mod explorer_panel;
mod header;
mod lang_switch;
mod last_will;
pub mod learn;
mod message_log;
mod message_row;
mod packet_bytes;
mod packet_inspector;
mod profiles_panel;
mod publish_exchange;
mod publish_history;
mod publish_panel;
mod publish_properties;
mod qos_choice;
mod retained_inspector;
mod shell;
mod stats_panel;
mod status_bar;
mod subscribe_panel;
mod subscription_list;
mod subscription_row;
mod text_field;
mod topic_detail;
mod topic_explorer;
mod topic_tree_view;
mod value_chart;

pub use advanced_settings::AdvancedSettings;
pub use app::App;
pub use broker_fields::BrokerFields;
pub use broker_view::BrokerView;
pub use checkbox::Checkbox;
pub use confirm_dialog::ConfirmDialog;
pub use connection_panel::ConnectionPanel;
pub use credential_fields::CredentialFields;
pub use draft_section::DraftSectionProps;
pub use explorer_panel::ExplorerPanel;
pub use header::Header;
pub use lang_switch::LangSwitch;
pub use last_will::LastWill;
pub use message_log::MessageLog;
pub use message_row::MessageRow;
pub use packet_bytes::PacketBytes;
pub use packet_inspector::PacketInspector;
pub use profiles_panel::ProfilesPanel;
pub use publish_exchange::PublishExchange;
pub use publish_history::PublishHistory;
pub use publish_panel::PublishPanel;
pub use publish_properties::PublishProperties;
pub use qos_choice::QosChoice;
pub use retained_inspector::RetainedInspector;
pub use shell::Shell;
pub use stats_panel::StatsPanel;
pub use status_bar::StatusBar;
pub use subscribe_panel::SubscribePanel;
pub use subscription_list::SubscriptionList;
pub use subscription_row::SubscriptionRow;
pub use text_field::TextField;
pub use topic_detail::TopicDetail;
pub use topic_explorer::TopicExplorer;
pub use topic_tree_view::TopicTreeView;
pub use value_chart::ValueChart;
