use super::*;
use crate::app::learn::actor::PublishInfo;

const TOPIC: &str = "lab/x/qos/temperature";

/// Builds a wire log entry by entry: `(direction, type, id, dup)`, one
/// millisecond apart from `t0`, numbered from `first_seq`.
fn wire(
    first_seq: u64,
    t0: u64,
    packets: &[(Direction, PacketType, Option<u16>, bool)],
) -> Vec<WireEntry> {
    packets
        .iter()
        .enumerate()
        .map(|(i, &(direction, packet_type, id, dup))| WireEntry {
            seq: first_seq + i as u64,
            at_ms: t0 + i as u64,
            direction,
            packet_type,
            packet_id: id.and_then(PacketId::new),
            publish: (packet_type == PacketType::Publish).then(|| PublishInfo {
                topic: TOPIC.to_string(),
                qos: if id.is_some() {
                    QoS::AtLeastOnce
                } else {
                    QoS::AtMostOnce
                },
                retain: false,
                dup,
            }),
            bytes: vec![0u8; 4].into(),
        })
        .collect()
}

fn received(seq: u64, qos: QoS) -> Received {
    Received {
        seq,
        at_ms: 0,
        topic: TOPIC.to_string(),
        payload: b"21.5".as_slice().into(),
        qos,
        retain: false,
        dup: false,
    }
}

fn run(qos: QoS, id: Option<u16>) -> Run {
    Run {
        number: 1,
        qos,
        subscribed: QoS::ExactlyOnce,
        topic: TOPIC.to_string(),
        packet_id: id.and_then(PacketId::new),
        sensor_mark: 10,
        dashboard_mark: 20,
        message_mark: 0,
        lost: None,
    }
}

use Direction::{Received as In, Sent as Out};
use PacketType::*;

#[test]
fn each_level_has_its_handshake_on_both_legs() {
    assert_eq!(publisher_steps(QoS::AtMostOnce), &[(Out, Publish)]);
    assert_eq!(
        publisher_steps(QoS::AtLeastOnce),
        &[(Out, Publish), (In, PubAck)]
    );
    assert_eq!(
        publisher_steps(QoS::ExactlyOnce),
        &[(Out, Publish), (In, PubRec), (Out, PubRel), (In, PubComp)]
    );
    // The subscriber's leg mirrors the publisher's.
    for q in LEVELS {
        let mirrored: Vec<Step> = publisher_steps(q)
            .iter()
            .map(|&(d, t)| (if d == Out { In } else { Out }, t))
            .collect();
        assert_eq!(subscriber_steps(q), mirrored.as_slice());
    }
    assert_eq!(packets_in_all(QoS::AtMostOnce, QoS::AtMostOnce), 2);
    assert_eq!(packets_in_all(QoS::AtLeastOnce, QoS::AtLeastOnce), 4);
    assert_eq!(packets_in_all(QoS::ExactlyOnce, QoS::ExactlyOnce), 8);
    assert_eq!(packets_in_all(QoS::ExactlyOnce, QoS::AtMostOnce), 5);
}

#[test]
fn the_lower_qos_wins() {
    assert_eq!(
        delivered_qos(QoS::ExactlyOnce, QoS::AtMostOnce),
        QoS::AtMostOnce
    );
    assert_eq!(
        delivered_qos(QoS::AtLeastOnce, QoS::ExactlyOnce),
        QoS::AtLeastOnce
    );
    assert_eq!(
        delivered_qos(QoS::ExactlyOnce, QoS::ExactlyOnce),
        QoS::ExactlyOnce
    );
    assert_eq!(first_ack(QoS::AtMostOnce), None);
    assert_eq!(first_ack(QoS::AtLeastOnce), Some(PubAck));
    assert_eq!(first_ack(QoS::ExactlyOnce), Some(PubRec));
}

#[test]
fn a_qos0_run_is_one_packet_each_side() {
    let sensor = wire(11, 1000, &[(Out, Publish, None, false)]);
    let dash = wire(21, 1002, &[(In, Publish, None, false)]);
    let r = RunReport::new(
        &run(QoS::AtMostOnce, None),
        Until::default(),
        &sensor,
        &dash,
        &[received(1, QoS::AtMostOnce)],
    );
    assert!(r.exact(), "{r:?}");
    assert_eq!((r.sensor_packets(), r.dashboard_packets()), (1, 1));
    assert_eq!(r.t0, Some(1000));
    assert_eq!(r.acknowledged_after_ms, None);
}

#[test]
fn a_qos2_run_is_four_packets_each_side_with_timings() {
    let sensor = wire(
        11,
        1000,
        &[
            (Out, Publish, Some(3), false),
            (In, PubRec, Some(3), false),
            (Out, PubRel, Some(3), false),
            (In, PubComp, Some(3), false),
        ],
    );
    // The broker numbers its own delivery (id 9), unrelated to the sensor's.
    let dash = wire(
        21,
        1001,
        &[
            (In, Publish, Some(9), false),
            (Out, PubRec, Some(9), false),
            (In, PubRel, Some(9), false),
            (Out, PubComp, Some(9), false),
        ],
    );
    let r = RunReport::new(
        &run(QoS::ExactlyOnce, Some(3)),
        Until::default(),
        &sensor,
        &dash,
        &[received(1, QoS::ExactlyOnce)],
    );
    assert!(r.exact(), "{r:?}");
    assert_eq!((r.sensor_packets(), r.dashboard_packets()), (4, 4));
    assert_eq!(r.acknowledged_after_ms, Some(3));
    assert!(!r.resent());
}

#[test]
fn a_run_still_waiting_is_not_done() {
    let sensor = wire(
        11,
        1000,
        &[
            (Out, Publish, Some(3), false),
            (In, PubRec, Some(3), false),
            (Out, PubRel, Some(3), false),
        ],
    );
    let dash = wire(
        21,
        1001,
        &[(In, Publish, Some(9), false), (Out, PubRec, Some(9), false)],
    );
    let r = RunReport::new(
        &run(QoS::ExactlyOnce, Some(3)),
        Until::default(),
        &sensor,
        &dash,
        &[received(1, QoS::ExactlyOnce)],
    );
    assert!(!r.sensor_done && !r.dashboard_done && !r.done() && !r.exact());
    assert_eq!(r.acknowledged_after_ms, None);
}

#[test]
fn a_wrong_delivered_qos_is_not_exact() {
    let sensor = wire(
        11,
        1000,
        &[(Out, Publish, Some(3), false), (In, PubAck, Some(3), false)],
    );
    let dash = wire(
        21,
        1001,
        &[(In, Publish, Some(9), false), (Out, PubAck, Some(9), false)],
    );
    let r = RunReport::new(
        &run(QoS::AtLeastOnce, Some(3)),
        Until::default(),
        &sensor,
        &dash,
        &[received(1, QoS::AtMostOnce)],
    );
    assert!(r.done());
    assert!(r.sensor_exact && !r.dashboard_exact);
}

#[test]
fn other_traffic_and_the_next_run_are_left_out() {
    // Before the mark, another topic's delivery, a PINGREQ; then the next
    // run (after seq 13) reuses identifier 3.
    let sensor = wire(
        9,
        1000,
        &[
            (Out, Publish, Some(3), false),
            (In, PubAck, Some(3), false),
            (Out, Publish, Some(3), false),
            (Out, PingReq, None, false),
            (In, PubAck, Some(3), false),
            (Out, Publish, Some(3), false),
            (In, PubAck, Some(3), false),
        ],
    );
    let until = Until {
        sensor: Some(13),
        dashboard: Some(30),
        messages: Some(1),
    };
    let mut r1 = run(QoS::AtLeastOnce, Some(3));
    r1.sensor_mark = 10;
    let mut dash = wire(
        21,
        1001,
        &[(In, Publish, Some(9), false), (Out, PubAck, Some(9), false)],
    );
    dash[0].publish.as_mut().expect("publish").topic = "elsewhere".into();
    dash.extend(wire(
        23,
        1002,
        &[
            (In, Publish, Some(10), false),
            (Out, PubAck, Some(10), false),
        ],
    ));
    let msgs = [received(1, QoS::AtLeastOnce), received(2, QoS::AtLeastOnce)];
    let r = RunReport::new(&r1, until, &sensor, &dash, &msgs);
    let seqs: Vec<u64> = r.sensor.iter().map(|w| w.seq).collect();
    assert_eq!(seqs, vec![11, 13]);
    let dseqs: Vec<u64> = r.dashboard.iter().map(|w| w.seq).collect();
    assert_eq!(dseqs, vec![23, 24]);
    assert_eq!(r.deliveries.len(), 1);
    assert!(r.exact(), "{r:?}");
}

#[test]
fn a_lost_puback_shows_the_resend_and_the_duplicate() {
    let sensor = wire(
        11,
        1000,
        &[
            (Out, Publish, Some(1), false),
            (Out, Connect, None, false),
            (In, ConnAck, None, false),
            (Out, Publish, Some(1), true),
            (In, PubAck, Some(1), false),
        ],
    );
    let dash = wire(
        21,
        1001,
        &[
            (In, Publish, Some(4), false),
            (Out, PubAck, Some(4), false),
            (In, Publish, Some(5), false),
            (Out, PubAck, Some(5), false),
        ],
    );
    let mut r1 = run(QoS::AtLeastOnce, Some(1));
    r1.lost = Some(PubAck);
    let msgs = [received(1, QoS::AtLeastOnce), received(2, QoS::AtLeastOnce)];
    let r = RunReport::new(&r1, Until::default(), &sensor, &dash, &msgs);
    assert_eq!(r.sensor.len(), 5, "the reconnection is shown");
    assert_eq!(r.sensor_packets(), 3);
    assert!(r.resent());
    assert!(r.done());
    assert_eq!(r.deliveries.len(), 2);
    assert!(!r.exact(), "a duplicate is not the plain exchange");
    assert_eq!(r.acknowledged_after_ms, Some(4));
}

#[test]
fn without_a_lost_ack_a_reconnection_is_not_part_of_the_run() {
    let sensor = wire(
        11,
        1000,
        &[
            (Out, Publish, Some(1), false),
            (In, PubAck, Some(1), false),
            (Out, Connect, None, false),
        ],
    );
    let r = RunReport::new(
        &run(QoS::AtLeastOnce, Some(1)),
        Until::default(),
        &sensor,
        &[],
        &[],
    );
    assert_eq!(r.sensor.len(), 2);
    assert!(r.sensor_done && !r.dashboard_done);
}
