//! The subscribe form: a topic filter, the QoS asked for and the MQTT 5.0
//! subscription options.

use std::rc::Rc;

use crate::protocol::codec::{QoS, RetainHandling, SubscribeFilter, SubscriptionOptions};
use crate::protocol::topic::{self, TopicError};

/// The subscribe form's contents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubscribeDraft {
    /// Topic filter, as typed.
    pub filter: String,
    /// Maximum QoS asked for.
    pub qos: QoS,
    /// No Local (5.0).
    pub no_local: bool,
    /// Retain As Published (5.0).
    pub retain_as_published: bool,
    /// Retain Handling (5.0).
    pub retain_handling: RetainHandling,
    /// Subscribe was pressed since the filter last changed.
    pub submitted: bool,
}

/// Something the user did in the subscribe form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubscribeAction {
    /// Typed a filter.
    Filter(String),
    /// Chose a QoS.
    Qos(QoS),
    /// No Local.
    NoLocal(bool),
    /// Retain As Published.
    RetainAsPublished(bool),
    /// Retain Handling.
    RetainHandling(RetainHandling),
    /// Pressed Subscribe.
    Submitted,
}

impl SubscribeDraft {
    /// Applies one action.
    pub fn apply(&mut self, action: SubscribeAction) {
        match action {
            SubscribeAction::Filter(f) => {
                self.filter = f;
                self.submitted = false;
            }
            SubscribeAction::Qos(q) => self.qos = q,
            SubscribeAction::NoLocal(on) => self.no_local = on,
            SubscribeAction::RetainAsPublished(on) => self.retain_as_published = on,
            SubscribeAction::RetainHandling(r) => self.retain_handling = r,
            SubscribeAction::Submitted => self.submitted = true,
        }
    }

    /// The filter with its options; the 5.0 options only when `v5`, since
    /// a 3.1.1 SUBSCRIBE cannot carry them.
    pub fn to_filter(&self, v5: bool) -> Result<SubscribeFilter, TopicError> {
        let filter = self.filter.trim();
        topic::validate_topic_filter(filter)?;
        let mut options = SubscriptionOptions::qos(self.qos);
        if v5 {
            options.no_local = self.no_local;
            options.retain_as_published = self.retain_as_published;
            options.retain_handling = self.retain_handling;
        }
        Ok(SubscribeFilter {
            filter: filter.to_string(),
            options,
        })
    }

    /// The rule the filter breaks, to show now: as soon as something is
    /// typed, and for an empty filter once Subscribe was pressed.
    pub fn error(&self) -> Option<TopicError> {
        if self.filter.is_empty() && !self.submitted {
            return None;
        }
        self.to_filter(true).err()
    }
}

impl yew::Reducible for SubscribeDraft {
    type Action = SubscribeAction;

    fn reduce(self: Rc<Self>, action: SubscribeAction) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_validation_explains_the_rule() {
        let mut d = SubscribeDraft::default();
        assert_eq!(d.error(), None);
        d.apply(SubscribeAction::Submitted);
        assert_eq!(d.error(), Some(TopicError::Empty));
        d.apply(SubscribeAction::Filter("a/#/b".into()));
        assert_eq!(
            d.error(),
            Some(TopicError::MultiLevelWildcardNotLast { level: 2 })
        );
        d.apply(SubscribeAction::Filter("lab/#".into()));
        assert_eq!(d.error(), None);
    }

    #[test]
    fn options_follow_the_version() {
        let mut d = SubscribeDraft::default();
        d.apply(SubscribeAction::Filter(" lab/+/temp ".into()));
        d.apply(SubscribeAction::Qos(QoS::ExactlyOnce));
        d.apply(SubscribeAction::NoLocal(true));
        d.apply(SubscribeAction::RetainHandling(RetainHandling::DoNotSend));
        let f = d.to_filter(true).unwrap();
        assert_eq!(f.filter, "lab/+/temp");
        assert_eq!(f.options.qos, QoS::ExactlyOnce);
        assert!(f.options.no_local);
        assert_eq!(f.options.retain_handling, RetainHandling::DoNotSend);
        let f = d.to_filter(false).unwrap();
        assert_eq!(f.options, SubscriptionOptions::qos(QoS::ExactlyOnce));
    }
}
