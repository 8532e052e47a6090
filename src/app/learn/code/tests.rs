use super::*;
use std::io::Write;
use std::process::{Command, Stdio};

fn url(s: &str) -> BrokerUrl {
    BrokerUrl::parse(s).expect("test URL parses")
}

fn hivemq() -> CodeTarget {
    CodeTarget {
        url: url("wss://abc123.s1.eu.hivemq.cloud:8884/mqtt"),
        client_id: "mqttlab-x1y2z3".into(),
        username: Some("learner".into()),
        version: ProtocolVersion::V5,
        keep_alive: 30,
        clean_start: true,
        will: Some(WillSpec {
            topic: "mqttlab/x1y2z3/board/status".into(),
            payload: "offline".into(),
            qos: QoS::AtLeastOnce,
            retain: true,
        }),
    }
}

fn plain() -> CodeTarget {
    CodeTarget {
        url: url("ws://broker.example.org:8080/"),
        client_id: "c1".into(),
        username: None,
        version: ProtocolVersion::V311,
        keep_alive: 60,
        clean_start: false,
        will: None,
    }
}

/// Quotes, backslashes, a newline, Korean and an emoji: everything that
/// needs escaping somewhere.
const NASTY: &str = "it's \"hot\" \\ 거실 온도 23.5°C\n🔥 $HOME `x`";

fn publish(topic: &str, payload: &str, qos: QoS, retain: bool) -> Action {
    Action::Publish {
        topic: topic.into(),
        payload: payload.into(),
        qos,
        retain,
    }
}

fn actions() -> Vec<Action> {
    vec![
        Action::Connect,
        publish(
            "home/living-room/temperature",
            "23.5",
            QoS::AtMostOnce,
            false,
        ),
        publish("mqttlab/x/\"q\"/거실", NASTY, QoS::ExactlyOnce, true),
        Action::Subscribe {
            filter: "home/+/temperature".into(),
            qos: QoS::AtLeastOnce,
        },
        Action::Subscribe {
            filter: "it's/#".into(),
            qos: QoS::ExactlyOnce,
        },
    ]
}

fn targets() -> Vec<CodeTarget> {
    let mut nasty = hivemq();
    nasty.client_id = NASTY.into();
    nasty.username = Some("o'brien \"x\"".into());
    nasty.will = Some(WillSpec {
        topic: "a/'b'/\"c\"".into(),
        payload: NASTY.into(),
        qos: QoS::ExactlyOnce,
        retain: false,
    });
    let mut sandbox = plain();
    sandbox.url = BrokerUrl::sandbox();
    let mut zero_keep_alive = plain();
    zero_keep_alive.keep_alive = 0;
    vec![hivemq(), plain(), nasty, sandbox, zero_keep_alive]
}

fn code(f: Flavour, t: &CodeTarget, a: &Action) -> String {
    snippet(f, t, a, Lang::En).code
}

fn has_tool(name: &str, arg: &str) -> bool {
    Command::new(name)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Runs `program args` with `input` on stdin; panics with the code on failure.
fn check_with(program: &str, args: &[&str], input: &str) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn checker");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write code");
    let out = child.wait_with_output().expect("checker output");
    assert!(
        out.status.success(),
        "{program} rejected:\n{input}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn paho_key_lines_for_hivemq_over_wss() {
    let c = code(Flavour::PahoPython, &hivemq(), &Action::Connect);
    for line in [
        "import paho.mqtt.client as mqtt",
        "mqtt.CallbackAPIVersion.VERSION2,",
        "client_id=\"mqttlab-x1y2z3\",",
        "protocol=mqtt.MQTTv5,",
        "transport=\"websockets\",",
        "client.ws_set_options(path=\"/mqtt\")",
        "client.tls_set()",
        "client.username_pw_set(\"learner\", \"<your password>\")",
        "client.will_set(\"mqttlab/x1y2z3/board/status\", \"offline\", qos=1, retain=True)",
        "client.connect(\"abc123.s1.eu.hivemq.cloud\", 8884, keepalive=30, clean_start=True)",
        "client.loop_forever()",
    ] {
        assert!(c.contains(line), "missing {line:?} in\n{c}");
    }
    assert!(
        !c.contains("clean_session"),
        "paho refuses clean_session with MQTTv5"
    );
}

#[test]
fn paho_v311_plain_ws_uses_clean_session_and_no_tls() {
    let c = code(
        Flavour::PahoPython,
        &plain(),
        &publish("a/b", "1", QoS::ExactlyOnce, true),
    );
    assert!(c.contains("protocol=mqtt.MQTTv311,"));
    assert!(c.contains("clean_session=False,"));
    assert!(!c.contains("tls_set"));
    assert!(!c.contains("username_pw_set"));
    assert!(c.contains("client.connect(\"broker.example.org\", 8080, keepalive=60)\n"));
    assert!(c.contains("    client.publish(\"a/b\", \"1\", qos=2, retain=True)"));
    assert!(c.contains("client.on_publish = on_publish"));
    assert!(c.contains("def on_publish(client, userdata, mid, reason_code, properties):"));
}

#[test]
fn paho_subscribe_in_on_connect_and_prints_messages() {
    let a = Action::Subscribe {
        filter: "home/+/temperature".into(),
        qos: QoS::AtLeastOnce,
    };
    let c = code(Flavour::PahoPython, &plain(), &a);
    assert!(c.contains("    client.subscribe(\"home/+/temperature\", qos=1)"));
    assert!(c.contains("client.on_message = on_message"));
}

#[test]
fn sandbox_points_at_localhost_over_tcp() {
    let mut t = plain();
    t.url = BrokerUrl::sandbox();
    let p = snippet(Flavour::PahoPython, &t, &Action::Connect, Lang::En);
    assert!(p.code.contains("client.connect(\"localhost\", 1883"));
    assert!(!p.code.contains("websockets"));
    assert!(p.notes.iter().any(|n| n.contains("localhost")));
    let js = code(Flavour::MqttJs, &t, &Action::Connect);
    assert!(js.contains("mqtt.connect(\"mqtt://localhost:1883\""));
    let sh = code(Flavour::Mosquitto, &t, &Action::Connect);
    assert!(sh.contains("-h localhost") && sh.contains("-p 1883"));
}

#[test]
fn micropython_hivemq_uses_tcp_tls_8883_and_caps_qos2() {
    let a = publish("a/b", "on", QoS::ExactlyOnce, true);
    let s = snippet(Flavour::MicroPython, &hivemq(), &a, Lang::En);
    let c = &s.code;
    for line in [
        "from umqtt.simple import MQTTClient",
        "import ssl",
        "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
        "    b\"mqttlab-x1y2z3\",",
        "    \"abc123.s1.eu.hivemq.cloud\",",
        "    port=8883,",
        "    user=b\"learner\",",
        "    password=b\"<your password>\",",
        "    keepalive=30,",
        "    ssl=ctx,",
        "# HiveMQ Cloud takes MQTT over TCP with TLS on port 8883.",
        "client.set_last_will(b\"mqttlab/x1y2z3/board/status\", b\"offline\", retain=True, qos=1)",
        "client.connect(clean_session=True)",
        "# QoS 2 is not supported by umqtt.simple: QoS 1 instead.",
        "client.publish(b\"a/b\", b\"on\", retain=True, qos=1)",
    ] {
        assert!(c.contains(line), "missing {line:?} in\n{c}");
    }
    assert!(!c.contains("qos=2"));
    assert!(s.notes.iter().any(|n| n.contains("QoS 2")));
    assert!(s.notes.iter().any(|n| n.contains("3.1.1")));
    assert!(s.notes.iter().any(|n| n.contains("8883")));
}

#[test]
fn micropython_subscribe_pings_when_keep_alive_is_on_and_waits_otherwise() {
    let a = Action::Subscribe {
        filter: "home/#".into(),
        qos: QoS::AtMostOnce,
    };
    let c = code(Flavour::MicroPython, &plain(), &a);
    assert!(c.contains("client.set_callback(on_message)"));
    assert!(c.contains("client.subscribe(b\"home/#\", qos=0)"));
    assert!(c.contains("client.check_msg()") && c.contains("client.ping()"));
    assert!(c.contains("    port=1883,"));
    let mut t = plain();
    t.keep_alive = 0;
    let c = code(Flavour::MicroPython, &t, &a);
    assert!(c.contains("client.wait_msg()"));
}

#[test]
fn micropython_non_ascii_bytes_are_encoded() {
    let c = code(
        Flavour::MicroPython,
        &plain(),
        &publish("집/거실/온도", "23도", QoS::AtMostOnce, false),
    );
    assert!(c.contains(
        "client.publish(\"집/거실/온도\".encode(), \"23도\".encode(), retain=False, qos=0)"
    ));
}

#[test]
fn mosquitto_hivemq_publish_command() {
    let a = publish("home/living room/temp", "23.5", QoS::AtLeastOnce, true);
    let c = code(Flavour::Mosquitto, &hivemq(), &a);
    for part in [
        "mosquitto_pub \\\n",
        "  -h abc123.s1.eu.hivemq.cloud \\\n",
        "  -p 8883 \\\n",
        "  --capath /etc/ssl/certs \\\n",
        "  -V mqttv5 \\\n",
        "  -i mqttlab-x1y2z3 \\\n",
        "  -k 30 \\\n",
        "  -u learner \\\n",
        "  -P '<your password>' \\\n",
        "  --will-topic mqttlab/x1y2z3/board/status \\\n",
        "  --will-payload offline \\\n",
        "  --will-qos 1 \\\n",
        "  --will-retain \\\n",
        "  -t 'home/living room/temp' \\\n",
        "  -m 23.5 \\\n",
        "  -q 1 \\\n",
        "  -r\n",
    ] {
        assert!(c.contains(part), "missing {part:?} in\n{c}");
    }
}

#[test]
fn mosquitto_sub_keeps_session_with_c_and_quotes_wildcards() {
    let a = Action::Subscribe {
        filter: "home/+/temperature".into(),
        qos: QoS::ExactlyOnce,
    };
    let c = code(Flavour::Mosquitto, &plain(), &a);
    assert!(c.starts_with("mosquitto_sub") || c.contains("\nmosquitto_sub"));
    assert!(c.contains("-V mqttv311"));
    assert!(c.contains("  -c \\\n"));
    assert!(c.contains("-t home/+/temperature"));
    assert!(c.contains("-q 2"));
    assert!(c.contains("-p 1883"));
    assert!(!c.contains("--capath"));
}

#[test]
fn shell_quote_survives_single_quotes() {
    assert_eq!(sh_quote("it's"), "'it'\\''s'");
    assert_eq!(sh_quote(""), "''");
    assert_eq!(sh_quote("#"), "'#'");
    assert_eq!(sh_quote("$HOME"), "'$HOME'");
    assert_eq!(sh_quote("a/b"), "a/b");
}

#[test]
fn shell_payload_round_trips_through_sh() {
    // `printf %s <quoted>` must print the original text back.
    let script = format!("printf %s {}", sh_quote(NASTY));
    let out = Command::new("sh").arg("-c").arg(&script).output();
    if let Ok(out) = out {
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stdout), NASTY);
    }
}

#[test]
fn mqtt_js_key_lines() {
    let a = publish("a/b", "x", QoS::AtLeastOnce, true);
    let c = code(Flavour::MqttJs, &hivemq(), &a);
    for line in [
        "const mqtt = require(\"mqtt\");",
        "mqtt.connect(\"wss://abc123.s1.eu.hivemq.cloud:8884/mqtt\", {",
        "  clientId: \"mqttlab-x1y2z3\",",
        "  username: \"learner\",",
        "  password: \"<your password>\",",
        "  protocolVersion: 5,",
        "  clean: true,",
        "  keepalive: 30,",
        "  will: { topic: \"mqttlab/x1y2z3/board/status\", payload: \"offline\", qos: 1, retain: true },",
        "client.publish(\"a/b\", \"x\", { qos: 1, retain: true }, (err) => {",
        "client.end();",
    ] {
        assert!(c.contains(line), "missing {line:?} in\n{c}");
    }
    let s = code(
        Flavour::MqttJs,
        &plain(),
        &Action::Subscribe {
            filter: "a/#".into(),
            qos: QoS::AtMostOnce,
        },
    );
    assert!(s.contains("mqtt.connect(\"ws://broker.example.org:8080/\", {"));
    assert!(s.contains("protocolVersion: 4,"));
    assert!(s.contains("clean: false,"));
    assert!(s.contains("client.subscribe(\"a/#\", { qos: 0 }, (err, granted) => {"));
    assert!(s.contains("client.on(\"message\""));
}

#[test]
fn escaping_per_language() {
    assert_eq!(py_str("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    assert_eq!(py_str("거실"), "\"거실\"");
    assert_eq!(py_str("\u{0}"), "\"\\U00000000\"");
    assert_eq!(py_bytes("ab"), "b\"ab\"");
    assert_eq!(py_bytes("가"), "\"가\".encode()");
    assert_eq!(js_str("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    assert_eq!(js_str("\u{2028}"), "\"\\u2028\"");
    assert_eq!(js_str("온도"), "\"온도\"");
}

#[test]
fn password_never_appears_and_is_explained() {
    for t in targets() {
        for a in actions() {
            for lang in Lang::ALL {
                for s in snippets(&t, &a, lang) {
                    assert!(!s.code.contains("hunter2"));
                    if t.username.is_some() {
                        assert!(s.code.contains(PASSWORD_PLACEHOLDER), "{:?}", s.flavour);
                        assert!(s.notes.iter().any(|n| n.contains(PASSWORD_PLACEHOLDER)));
                    } else {
                        assert!(!s.code.contains(PASSWORD_PLACEHOLDER));
                    }
                    assert_eq!(s.language_tag, s.flavour.language_tag());
                    assert!(s.code.ends_with('\n'));
                }
            }
        }
    }
}

#[test]
fn korean_notes_are_korean() {
    let s = snippet(
        Flavour::MicroPython,
        &hivemq(),
        &publish("a", "b", QoS::ExactlyOnce, false),
        Lang::Ko,
    );
    assert!(s.notes.len() >= 3);
    for n in &s.notes {
        assert!(has_hangul(n), "{n}");
    }
}

#[test]
fn python_snippets_parse() {
    if !has_tool("python3", "--version") {
        eprintln!("python3 not found: skipping the parse check");
        return;
    }
    // `python3 -m py_compile` on each snippet written to a file: the same
    // compiler the learner's Python runs (it catches more than a parse,
    // e.g. a `return` outside a function).
    let dir = std::env::temp_dir().join(format!("mqttlab-py-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let mut n = 0;
    for t in targets() {
        for a in actions() {
            for f in [Flavour::PahoPython, Flavour::MicroPython] {
                n += 1;
                let file = dir.join(format!("snippet{n}.py"));
                let source = code(f, &t, &a);
                std::fs::write(&file, &source).expect("the snippet is written");
                let out = Command::new("python3")
                    .args(["-m", "py_compile"])
                    .arg(&file)
                    .output()
                    .expect("python3 runs");
                assert!(
                    out.status.success(),
                    "{f:?} does not compile: {}\n{source}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(n >= 8, "{n} snippets checked");
}

#[test]
fn python_string_literals_evaluate_back() {
    if !has_tool("python3", "--version") {
        return;
    }
    let script = format!(
        "import sys\nassert {} == sys.argv[1]\nassert {} == sys.argv[1].encode()\n",
        py_str(NASTY),
        py_bytes(NASTY)
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(&script)
        .arg(NASTY)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn shell_snippets_pass_sh_n() {
    if !has_tool("sh", "-c") {
        return;
    }
    for t in targets() {
        for a in actions() {
            check_with("sh", &["-n"], &code(Flavour::Mosquitto, &t, &a));
        }
    }
}

#[test]
fn js_snippets_pass_node_check() {
    if !has_tool("node", "--version") {
        eprintln!("node not found: skipping the syntax check");
        return;
    }
    let dir = std::env::temp_dir().join(format!("mqttlab-js-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (i, t) in targets().iter().enumerate() {
        for (j, a) in actions().iter().enumerate() {
            let path = dir.join(format!("s{i}_{j}.js"));
            let c = code(Flavour::MqttJs, t, a);
            std::fs::write(&path, &c).expect("write js");
            let out = Command::new("node")
                .arg("--check")
                .arg(&path)
                .output()
                .expect("node runs");
            assert!(
                out.status.success(),
                "node rejected:\n{c}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn js_string_literals_evaluate_back() {
    if !has_tool("node", "--version") {
        return;
    }
    let script = format!(
        "if ({} !== process.argv[1]) process.exit(1);",
        js_str(NASTY)
    );
    let out = Command::new("node")
        .arg("-e")
        .arg(&script)
        .arg(NASTY)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn mosquitto_keep_alive_stays_in_the_clients_range() {
    let a = Action::Connect;
    let mut t = plain();
    t.keep_alive = 0;
    let s = snippet(Flavour::Mosquitto, &t, &a, Lang::En);
    assert!(!s.code.contains("-k "), "{}", s.code);
    assert!(s.notes.iter().any(|n| n.contains("60 seconds")));
    t.keep_alive = 2;
    let s = snippet(Flavour::Mosquitto, &t, &a, Lang::Ko);
    assert!(s.code.contains("  -k 5 \\\n"), "{}", s.code);
    assert!(s.notes.iter().any(|n| n.contains("-k 5")));
    t.keep_alive = 5;
    assert!(code(Flavour::Mosquitto, &t, &a).contains("  -k 5 \\\n"));
}

#[test]
fn notes_come_in_both_languages() {
    for t in targets() {
        for a in actions() {
            for f in Flavour::ALL {
                let en = snippet(f, &t, &a, Lang::En);
                let ko = snippet(f, &t, &a, Lang::Ko);
                assert_eq!(en.code, ko.code, "the code does not depend on the language");
                assert_eq!(en.notes.len(), ko.notes.len());
                for (e, k) in en.notes.iter().zip(&ko.notes) {
                    assert!(!has_hangul(e), "{e}");
                    assert!(has_hangul(k), "{k}");
                }
            }
        }
    }
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(crate::i18n::is_hangul)
}
