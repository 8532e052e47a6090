//! "Show code": one exercise action (connect, publish, subscribe) written out
//! as code the learner can run outside the browser, in four flavours.
//!
//! The code is built from the real parameters of the learner's connection —
//! host, port, WebSocket path, TLS, MQTT version, keep alive, clean start,
//! will — except the password, which never appears: a placeholder stands in
//! for it and a note says so.
//!
//! Browsers can only reach a broker over WebSocket, but the board
//! (MicroPython `umqtt.simple`) and the mosquitto clients speak MQTT over TCP
//! only, so for those the TCP port is derived (8883 with TLS, 1883 without)
//! and a comment says which assumption was made.

use crate::app::model::url::BrokerUrl;
use crate::i18n::Lang;
use crate::protocol::codec::{ProtocolVersion, QoS};

/// What stands in for the password in every snippet.
pub const PASSWORD_PLACEHOLDER: &str = "<your password>";

/// The connection the snippet reproduces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeTarget {
    /// The broker the browser connects to.
    pub url: BrokerUrl,
    /// The Client Identifier.
    pub client_id: String,
    /// The User Name, if any (the password is never taken).
    pub username: Option<String>,
    /// MQTT 3.1.1 or 5.0.
    pub version: ProtocolVersion,
    /// Keep Alive in seconds (0 turns it off).
    pub keep_alive: u16,
    /// Clean Start (5.0) / Clean Session (3.1.1).
    pub clean_start: bool,
    /// The Last Will, if any.
    pub will: Option<WillSpec>,
}

/// A Last Will: the message the broker publishes when the client vanishes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WillSpec {
    /// Will Topic.
    pub topic: String,
    /// Will Payload, as text.
    pub payload: String,
    /// Will QoS.
    pub qos: QoS,
    /// Will Retain.
    pub retain: bool,
}

/// The exercise action to reproduce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Connect and stay connected.
    Connect,
    /// Connect, publish one message, disconnect.
    Publish {
        /// Topic Name.
        topic: String,
        /// Payload, as text.
        payload: String,
        /// QoS of the PUBLISH.
        qos: QoS,
        /// RETAIN flag.
        retain: bool,
    },
    /// Connect, subscribe, print what arrives.
    Subscribe {
        /// Topic Filter.
        filter: String,
        /// Requested maximum QoS.
        qos: QoS,
    },
}

/// Which language / library the snippet is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flavour {
    /// Python with paho-mqtt 2.x (what the course uses).
    PahoPython,
    /// MicroPython on the board, `umqtt.simple`.
    MicroPython,
    /// `mosquitto_pub` / `mosquitto_sub` in a shell.
    Mosquitto,
    /// JavaScript with MQTT.js (Node.js).
    MqttJs,
}

impl Flavour {
    /// All flavours, in the order the panel shows them.
    pub const ALL: [Flavour; 4] = [
        Flavour::PahoPython,
        Flavour::MicroPython,
        Flavour::Mosquitto,
        Flavour::MqttJs,
    ];

    /// The tab label.
    pub const fn label(self) -> &'static str {
        match self {
            Flavour::PahoPython => "Python (paho-mqtt)",
            Flavour::MicroPython => "MicroPython (umqtt.simple)",
            Flavour::Mosquitto => "mosquitto_pub / mosquitto_sub",
            Flavour::MqttJs => "MQTT.js",
        }
    }

    /// The code block's language tag, for highlighting.
    pub const fn language_tag(self) -> &'static str {
        match self {
            Flavour::PahoPython | Flavour::MicroPython => "python",
            Flavour::Mosquitto => "sh",
            Flavour::MqttJs => "javascript",
        }
    }
}

/// Generated code and what the learner should know about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// Which flavour this is.
    pub flavour: Flavour,
    /// `"python"`, `"sh"` or `"javascript"`.
    pub language_tag: &'static str,
    /// The code, ending with a newline.
    pub code: String,
    /// Remarks in the chosen language (placeholders, assumptions, limits).
    pub notes: Vec<String>,
}

/// The snippet for one flavour.
pub fn snippet(flavour: Flavour, target: &CodeTarget, action: &Action, lang: Lang) -> Snippet {
    let mut notes = Vec::new();
    if target.url.sandbox {
        notes.push(en_ko!(lang,
            "The sandbox broker lives inside this page, so no program outside it can reach it: \
            this code points at a broker on your own machine (localhost), such as mosquitto.";
            "샌드박스 Broker는 이 페이지 안에서만 동작하므로 바깥 프로그램은 접속할 수 없습니다. \
            이 코드는 내 컴퓨터(localhost)에서 실행 중인 Broker(예: mosquitto)에 접속하도록 만들었습니다."));
    }
    if target.username.is_some() {
        notes.push(en_ko!(lang,
            "The password is not copied into the code: replace \"{}\" with yours, and keep it out of shared files.",
            PASSWORD_PLACEHOLDER;
            "비밀번호는 코드에 넣지 않았습니다. \"{}\"를 내 비밀번호로 바꾸고, 공유하는 파일에는 남기지 마세요.",
            PASSWORD_PLACEHOLDER));
    }
    let code = match flavour {
        Flavour::PahoPython => paho(target, action),
        Flavour::MicroPython => micropython(target, action, lang, &mut notes),
        Flavour::Mosquitto => mosquitto(target, action, lang, &mut notes),
        Flavour::MqttJs => mqtt_js(target, action),
    };
    Snippet {
        flavour,
        language_tag: flavour.language_tag(),
        code,
        notes,
    }
}

/// The snippets of all four flavours, in [`Flavour::ALL`] order.
pub fn snippets(target: &CodeTarget, action: &Action, lang: Lang) -> Vec<Snippet> {
    Flavour::ALL
        .iter()
        .map(|&f| snippet(f, target, action, lang))
        .collect()
}

/// Where a WebSocket-capable client connects.
struct WsEndpoint {
    host: String,
    port: u16,
    tls: bool,
    /// `None` for plain TCP (the sandbox case: a local broker).
    path: Option<String>,
}

fn ws_endpoint(url: &BrokerUrl) -> WsEndpoint {
    if url.sandbox {
        WsEndpoint {
            host: "localhost".into(),
            port: 1883,
            tls: false,
            path: None,
        }
    } else {
        WsEndpoint {
            host: url.host.clone(),
            port: url.port,
            tls: url.secure,
            path: Some(url.path.clone()),
        }
    }
}

/// Where a TCP-only client connects: same host, the usual MQTT port.
struct TcpEndpoint {
    host: String,
    port: u16,
    tls: bool,
}

fn tcp_endpoint(url: &BrokerUrl) -> TcpEndpoint {
    if url.sandbox {
        TcpEndpoint {
            host: "localhost".into(),
            port: 1883,
            tls: false,
        }
    } else {
        TcpEndpoint {
            host: url.host.clone(),
            port: if url.secure { 8883 } else { 1883 },
            tls: url.secure,
        }
    }
}

/// A note about the TCP port chosen for a TCP-only client.
fn tcp_note(url: &BrokerUrl, ep: &TcpEndpoint, lang: Lang) -> Option<String> {
    if url.sandbox {
        return None;
    }
    Some(if url.is_hivemq_cloud() {
        en_ko!(lang,
            "This client speaks MQTT over TCP, not WebSocket: HiveMQ Cloud takes it with TLS on port 8883.";
            "이 클라이언트는 WebSocket이 아니라 TCP로 MQTT를 주고받습니다. HiveMQ Cloud는 TLS 8883 포트로 받습니다.")
    } else {
        en_ko!(lang,
            "This client speaks MQTT over TCP, not WebSocket: the code assumes the broker also listens on TCP port {}{}.",
            ep.port, if ep.tls { " with TLS" } else { "" };
            "이 클라이언트는 WebSocket이 아니라 TCP로 MQTT를 주고받습니다. Broker가 TCP {} 포트{}로도 받는다고 가정했습니다.",
            ep.port, if ep.tls { "(TLS)" } else { "" })
    })
}

// ---------------------------------------------------------------- Python

/// A double-quoted string literal in a C-like language: quotes,
/// backslashes and the usual control characters escaped, every other
/// control character (and U+2028/U+2029) written by `escape_other`.
fn quoted(s: &str, escape_other: impl Fn(char, &mut String)) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => escape_other(c, &mut out),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Python `str` literal. Non-ASCII text stays readable (Python 3 source is
/// UTF-8); quotes, backslashes and control characters are escaped.
fn py_str(s: &str) -> String {
    quoted(s, |c, out| out.push_str(&format!("\\U{:08x}", c as u32)))
}

/// A Python `bytes` expression: `b"..."` for ASCII, `"...".encode()` otherwise.
fn py_bytes(s: &str) -> String {
    if s.is_ascii() {
        format!("b{}", py_str(s))
    } else {
        format!("{}.encode()", py_str(s))
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

fn paho(t: &CodeTarget, action: &Action) -> String {
    let ep = ws_endpoint(&t.url);
    let v5 = t.version.is_v5();
    let mut c = String::from("import paho.mqtt.client as mqtt  # pip install \"paho-mqtt>=2\"\n\n");
    c += "client = mqtt.Client(\n    mqtt.CallbackAPIVersion.VERSION2,\n";
    c += &format!("    client_id={},\n", py_str(&t.client_id));
    c += &format!(
        "    protocol={},\n",
        if v5 { "mqtt.MQTTv5" } else { "mqtt.MQTTv311" }
    );
    if !v5 {
        c += &format!("    clean_session={},\n", py_bool(t.clean_start));
    }
    if ep.path.is_some() {
        c += "    transport=\"websockets\",\n";
    }
    c += ")\n";
    if let Some(path) = &ep.path {
        c += &format!("client.ws_set_options(path={})\n", py_str(path));
    }
    if ep.tls {
        c += "client.tls_set()  # TLS with the system's CA certificates\n";
    }
    if let Some(user) = &t.username {
        c += &format!(
            "client.username_pw_set({}, {})\n",
            py_str(user),
            py_str(PASSWORD_PLACEHOLDER)
        );
    }
    if let Some(w) = &t.will {
        c += &format!(
            "client.will_set({}, {}, qos={}, retain={})\n",
            py_str(&w.topic),
            py_str(&w.payload),
            w.qos.as_u8(),
            py_bool(w.retain)
        );
    }
    c += "\n\ndef on_connect(client, userdata, flags, reason_code, properties):\n";
    c += "    print(\"CONNACK:\", reason_code)\n";
    match action {
        Action::Connect => {}
        Action::Subscribe { filter, qos } => {
            c += "    # Subscribing here subscribes again after every reconnect.\n";
            c += &format!(
                "    client.subscribe({}, qos={})\n",
                py_str(filter),
                qos.as_u8()
            );
            c += "\n\ndef on_message(client, userdata, message):\n";
            c += "    print(message.topic, message.payload.decode(errors=\"replace\"))\n";
        }
        Action::Publish {
            topic,
            payload,
            qos,
            retain,
        } => {
            c += &format!(
                "    client.publish({}, {}, qos={}, retain={})\n",
                py_str(topic),
                py_str(payload),
                qos.as_u8(),
                py_bool(*retain)
            );
            c += "\n\ndef on_publish(client, userdata, mid, reason_code, properties):\n";
            c += "    # QoS 0: sent; QoS 1: PUBACK received; QoS 2: PUBCOMP received.\n";
            c += "    client.disconnect()\n";
        }
    }
    c += "\n\nclient.on_connect = on_connect\n";
    match action {
        Action::Connect => {}
        Action::Subscribe { .. } => c += "client.on_message = on_message\n",
        Action::Publish { .. } => c += "client.on_publish = on_publish\n",
    }
    let clean = if v5 {
        format!(", clean_start={}", py_bool(t.clean_start))
    } else {
        String::new()
    };
    c += &format!(
        "client.connect({}, {}, keepalive={}{})\n",
        py_str(&ep.host),
        ep.port,
        t.keep_alive,
        clean
    );
    c += "client.loop_forever()  # returns after disconnect(); Ctrl+C to stop\n";
    c
}

fn micropython(t: &CodeTarget, action: &Action, lang: Lang, notes: &mut Vec<String>) -> String {
    let ep = tcp_endpoint(&t.url);
    notes.extend(tcp_note(&t.url, &ep, lang));
    if t.version.is_v5() {
        notes.push(en_ko!(lang,
            "umqtt.simple speaks MQTT 3.1.1 only, so this code connects with 3.1.1.";
            "umqtt.simple은 MQTT 3.1.1만 지원하므로 이 코드는 3.1.1로 접속합니다."));
    }
    let capped = |q: QoS| -> u8 { q.as_u8().min(1) };
    let any_qos2 = match action {
        Action::Publish { qos, .. } | Action::Subscribe { qos, .. } => *qos == QoS::ExactlyOnce,
        Action::Connect => false,
    } || t.will.as_ref().is_some_and(|w| w.qos == QoS::ExactlyOnce);
    if any_qos2 {
        notes.push(en_ko!(lang,
            "umqtt.simple does not support QoS 2, so the code uses QoS 1 instead.";
            "umqtt.simple은 QoS 2를 지원하지 않으므로 코드에서는 QoS 1을 사용합니다."));
    }
    let mut c = String::new();
    if !matches!(action, Action::Publish { .. }) {
        c += "import time\n";
    }
    if ep.tls {
        c += "import ssl\n";
    }
    c += "from umqtt.simple import MQTTClient\n\n";
    c += "# umqtt.simple speaks MQTT 3.1.1 over TCP only (QoS 0 and 1).\n";
    if t.url.is_hivemq_cloud() {
        c += "# HiveMQ Cloud takes MQTT over TCP with TLS on port 8883.\n";
    } else if !t.url.sandbox {
        c += &format!(
            "# Assumes the broker also listens on TCP port {}.\n",
            ep.port
        );
    }
    if ep.tls {
        c += "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n";
        c += "# CERT_NONE encrypts but does not check the broker's certificate;\n";
        c += "# load a CA certificate with ctx.load_verify_locations() to check it.\n";
        c += "ctx.verify_mode = ssl.CERT_NONE\n";
    }
    c += "client = MQTTClient(\n";
    c += &format!("    {},\n", py_bytes(&t.client_id));
    c += &format!("    {},\n", py_str(&ep.host));
    c += &format!("    port={},\n", ep.port);
    if let Some(user) = &t.username {
        c += &format!("    user={},\n", py_bytes(user));
        c += &format!("    password={},\n", py_bytes(PASSWORD_PLACEHOLDER));
    }
    c += &format!("    keepalive={},\n", t.keep_alive);
    if ep.tls {
        c += "    ssl=ctx,\n";
    }
    c += ")\n";
    if let Some(w) = &t.will {
        if w.qos == QoS::ExactlyOnce {
            c += "# QoS 2 is not supported by umqtt.simple: QoS 1 instead.\n";
        }
        c += &format!(
            "client.set_last_will({}, {}, retain={}, qos={})\n",
            py_bytes(&w.topic),
            py_bytes(&w.payload),
            py_bool(w.retain),
            capped(w.qos)
        );
    }
    if let Action::Subscribe { .. } = action {
        c += "\n\ndef on_message(topic, msg):\n    print(topic, msg)\n\n\n";
        c += "client.set_callback(on_message)\n";
    }
    c += &format!("client.connect(clean_session={})\n", py_bool(t.clean_start));
    let ping_loop = |c: &mut String, body: &str| {
        // umqtt.simple sends no PINGREQ by itself: without traffic the broker
        // closes the connection after 1.5 x keep alive.
        *c += "last_ping = time.ticks_ms()\nwhile True:\n";
        *c += body;
        *c += &format!(
            "    if time.ticks_diff(time.ticks_ms(), last_ping) > {} * 1000:\n",
            (t.keep_alive / 2).max(1)
        );
        *c += "        client.ping()  # umqtt.simple does not send PINGREQ by itself\n";
        *c += "        last_ping = time.ticks_ms()\n";
        *c += "    time.sleep_ms(100)\n";
    };
    match action {
        Action::Connect => {
            if t.keep_alive > 0 {
                ping_loop(&mut c, "");
            } else {
                c += "while True:\n    time.sleep(1)\n";
            }
        }
        Action::Publish {
            topic,
            payload,
            qos,
            retain,
        } => {
            if *qos == QoS::ExactlyOnce {
                c += "# QoS 2 is not supported by umqtt.simple: QoS 1 instead.\n";
            }
            c += &format!(
                "client.publish({}, {}, retain={}, qos={})\n",
                py_bytes(topic),
                py_bytes(payload),
                py_bool(*retain),
                capped(*qos)
            );
            c += "client.disconnect()\n";
        }
        Action::Subscribe { filter, qos } => {
            if *qos == QoS::ExactlyOnce {
                c += "# QoS 2 is not supported by umqtt.simple: QoS 1 instead.\n";
            }
            c += &format!(
                "client.subscribe({}, qos={})\n",
                py_bytes(filter),
                capped(*qos)
            );
            if t.keep_alive > 0 {
                ping_loop(
                    &mut c,
                    "    client.check_msg()  # calls on_message if one arrived\n",
                );
            } else {
                c += "while True:\n    client.wait_msg()  # blocks until a message arrives\n";
            }
        }
    }
    c
}

// ---------------------------------------------------------------- shell

/// A POSIX shell word: single-quoted unless it is plainly safe.
fn sh_quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@%+=,".contains(c));
    if safe {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn mosquitto(t: &CodeTarget, action: &Action, lang: Lang, notes: &mut Vec<String>) -> String {
    let ep = tcp_endpoint(&t.url);
    notes.extend(tcp_note(&t.url, &ep, lang));
    let (program, extra): (&str, Vec<String>) = match action {
        Action::Connect => {
            notes.push(en_ko!(lang,
                "mosquitto has no connect-only command: mosquitto_sub connects, listens on a topic \
                and stays connected until Ctrl+C (which sends DISCONNECT).";
                "mosquitto에는 접속만 하는 명령이 없어 mosquitto_sub로 접속해 Topic 하나를 듣습니다. \
                Ctrl+C로 끝낼 때까지 연결이 유지됩니다 (끝낼 때 DISCONNECT를 보냅니다)."));
            let topic = t.will.as_ref().map_or("#", |w| w.topic.as_str());
            (
                "mosquitto_sub",
                vec![format!("-t {}", sh_quote(topic)), "-v".into()],
            )
        }
        Action::Publish {
            topic,
            payload,
            qos,
            retain,
        } => {
            let mut v = vec![
                format!("-t {}", sh_quote(topic)),
                format!("-m {}", sh_quote(payload)),
                format!("-q {}", qos.as_u8()),
            ];
            if *retain {
                v.push("-r".into());
            }
            ("mosquitto_pub", v)
        }
        Action::Subscribe { filter, qos } => (
            "mosquitto_sub",
            vec![
                format!("-t {}", sh_quote(filter)),
                format!("-q {}", qos.as_u8()),
                "-v".into(),
            ],
        ),
    };
    let mut args = vec![
        format!("-h {}", sh_quote(&ep.host)),
        format!("-p {}", ep.port),
    ];
    if ep.tls {
        args.push("--capath /etc/ssl/certs".into());
    }
    args.push(format!(
        "-V {}",
        if t.version.is_v5() {
            "mqttv5"
        } else {
            "mqttv311"
        }
    ));
    args.push(format!("-i {}", sh_quote(&t.client_id)));
    // The mosquitto clients accept a keep alive of 5 to 65535 seconds only.
    match t.keep_alive {
        0 => notes.push(en_ko!(lang,
            "The mosquitto clients cannot turn keep alive off, so -k is left out and they use 60 seconds.";
            "mosquitto 클라이언트는 keep alive를 끌 수 없어 -k를 생략했습니다. 이때 60초를 씁니다.")),
        1..=4 => {
            notes.push(en_ko!(lang,
                "The mosquitto clients accept a keep alive of at least 5 seconds, so -k 5 is used instead of {}.",
                t.keep_alive;
                "mosquitto 클라이언트는 keep alive를 5초 이상만 받으므로 {}초 대신 -k 5를 썼습니다.",
                t.keep_alive));
            args.push("-k 5".into());
        }
        k => args.push(format!("-k {k}")),
    }
    if !t.clean_start && program == "mosquitto_sub" {
        args.push("-c".into());
    }
    if let Some(user) = &t.username {
        args.push(format!("-u {}", sh_quote(user)));
        args.push(format!("-P {}", sh_quote(PASSWORD_PLACEHOLDER)));
    }
    if let Some(w) = &t.will {
        args.push(format!("--will-topic {}", sh_quote(&w.topic)));
        args.push(format!("--will-payload {}", sh_quote(&w.payload)));
        args.push(format!("--will-qos {}", w.qos.as_u8()));
        if w.retain {
            args.push("--will-retain".into());
        }
    }
    args.extend(extra);
    let mut c = String::new();
    if t.url.is_hivemq_cloud() {
        c += "# HiveMQ Cloud takes MQTT over TCP with TLS on port 8883.\n";
    } else if !t.url.sandbox {
        c += &format!(
            "# The mosquitto clients speak TCP, not WebSocket: TCP port {} is assumed.\n",
            ep.port
        );
    }
    c += program;
    for a in args {
        c += " \\\n  ";
        c += &a;
    }
    c += "\n";
    c
}

// ---------------------------------------------------------------- JavaScript

/// A JavaScript string literal, double-quoted.
fn js_str(s: &str) -> String {
    quoted(s, |c, out| {
        let mut buf = [0u16; 2];
        for unit in c.encode_utf16(&mut buf) {
            out.push_str(&format!("\\u{:04x}", unit));
        }
    })
}

fn mqtt_js(t: &CodeTarget, action: &Action) -> String {
    let url = if t.url.sandbox {
        "mqtt://localhost:1883".to_string()
    } else {
        t.url.to_string()
    };
    let mut c = String::from("const mqtt = require(\"mqtt\"); // npm install mqtt\n\n");
    c += &format!("const client = mqtt.connect({}, {{\n", js_str(&url));
    c += &format!("  clientId: {},\n", js_str(&t.client_id));
    if let Some(user) = &t.username {
        c += &format!("  username: {},\n", js_str(user));
        c += &format!("  password: {},\n", js_str(PASSWORD_PLACEHOLDER));
    }
    c += &format!("  protocolVersion: {},\n", t.version.level());
    c += &format!("  clean: {},\n", t.clean_start);
    c += &format!("  keepalive: {},\n", t.keep_alive);
    if let Some(w) = &t.will {
        c += &format!(
            "  will: {{ topic: {}, payload: {}, qos: {}, retain: {} }},\n",
            js_str(&w.topic),
            js_str(&w.payload),
            w.qos.as_u8(),
            w.retain
        );
    }
    c += "});\n\n";
    c += "client.on(\"error\", (err) => console.error(err));\n";
    match action {
        Action::Connect => {
            c += "client.on(\"connect\", (connack) => console.log(\"CONNACK\", connack));\n";
        }
        Action::Publish {
            topic,
            payload,
            qos,
            retain,
        } => {
            c += "client.on(\"connect\", () => {\n";
            c += &format!(
                "  client.publish({}, {}, {{ qos: {}, retain: {} }}, (err) => {{\n",
                js_str(topic),
                js_str(payload),
                qos.as_u8(),
                retain
            );
            c += "    if (err) console.error(err);\n    client.end();\n  });\n});\n";
        }
        Action::Subscribe { filter, qos } => {
            c += "client.on(\"connect\", () => {\n";
            c += &format!(
                "  client.subscribe({}, {{ qos: {} }}, (err, granted) => {{\n",
                js_str(filter),
                qos.as_u8()
            );
            c += "    if (err) console.error(err);\n    else console.log(\"SUBACK\", granted);\n  });\n});\n";
            c += "client.on(\"message\", (topic, message) => {\n  console.log(topic, message.toString());\n});\n";
        }
    }
    c
}

#[cfg(test)]
mod tests;
