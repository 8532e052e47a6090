//! An outgoing QoS 1/2 PUBLISH and the acknowledgement it waits for: the
//! same bookkeeping for the client session and the sandbox broker, which
//! both send PUBLISH and both resend it on a resumed session.

use crate::protocol::codec::{PacketId, Publish};

/// Which acknowledgement an outgoing QoS 1/2 message waits for; the
/// variants are the spec's packet names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
pub(crate) enum Awaiting {
    PubAck,
    PubRec,
    PubComp,
}

/// A PUBLISH sent (or about to be) and not yet fully acknowledged.
#[derive(Clone, Debug)]
pub(crate) struct Outgoing {
    pub(crate) id: PacketId,
    pub(crate) publish: Publish,
    pub(crate) stage: Awaiting,
}
