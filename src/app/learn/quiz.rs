//! The self-check at the end of the course: ten questions, one per idea
//! the lessons teach, each with an explanation of the right answer and,
//! for every wrong one, why it is wrong. Written by us in both languages.

use crate::app::learn::course::LessonId;
use crate::i18n::Lang;

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bi {
    /// English.
    pub en: &'static str,
    /// Korean.
    pub ko: &'static str,
}

impl Bi {
    /// The text in `lang`.
    pub const fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ko => self.ko,
        }
    }
}

const fn bi(en: &'static str, ko: &'static str) -> Bi {
    Bi { en, ko }
}

/// One answer option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The option.
    pub text: Bi,
    /// Why it is right, or why not.
    pub why: Bi,
}

/// One question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable id (the key of the stored answer).
    pub id: &'static str,
    /// The lesson it checks (to go back to).
    pub lesson: LessonId,
    /// The question.
    pub prompt: Bi,
    /// The options.
    pub choices: &'static [Choice],
    /// Index of the right one.
    pub correct: usize,
}

const fn c(text: Bi, why: Bi) -> Choice {
    Choice { text, why }
}

/// The questions, in lesson order.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: "header",
        lesson: LessonId::WhyMqtt,
        prompt: bi(
            "Why does MQTT suit a battery-powered sensor better than sending each reading as an HTTP request?",
            "배터리로 동작하는 센서에 측정값마다 HTTP 요청을 보내는 것보다 MQTT가 더 잘 맞는 이유는 무엇일까요?",
        ),
        choices: &[
            c(
                bi("Its packets are encrypted by default.", "MQTT 패킷은 기본으로 암호화된다."),
                bi(
                    "Not by itself: encryption comes from TLS underneath (wss:// or port 8883), for HTTP just the same.",
                    "MQTT 자체가 암호화하지는 않습니다. 암호화는 그 아래의 TLS(wss:// 또는 8883 포트)가 담당하며, HTTP도 마찬가지입니다.",
                ),
            ),
            c(
                bi(
                    "One connection stays open and each reading is a small packet with a header as short as 2 bytes.",
                    "연결을 하나 열어 두고, 측정값마다 헤더가 2바이트뿐인 작은 패킷 하나만 보낸다.",
                ),
                bi(
                    "No request line or text headers per reading, and no new connection each time.",
                    "측정값마다 요청 줄이나 텍스트 헤더를 붙이지 않고, 매번 연결을 새로 열지도 않습니다.",
                ),
            ),
            c(
                bi("HTTP cannot carry numbers.", "HTTP로는 숫자를 보낼 수 없다."),
                bi(
                    "HTTP carries any bytes; the problem is how much it wraps around a tiny reading.",
                    "HTTP도 어떤 바이트든 보낼 수 있습니다. 문제는 작은 값 하나를 감싸는 포장이 크다는 점입니다.",
                ),
            ),
        ],
        correct: 1,
    },
    Question {
        id: "decoupling",
        lesson: LessonId::PubSub,
        prompt: bi(
            "Three boards publish temperatures. You add a second dashboard that subscribes to them. What changes on the boards?",
            "보드 세 대가 온도를 발행하고 있습니다. 이 값을 구독하는 대시보드를 하나 더 추가하면 보드에서는 무엇이 바뀔까요?",
        ),
        choices: &[
            c(
                bi("Nothing: they keep publishing once to the broker.", "아무것도 바뀌지 않는다. 보드는 여전히 Broker에 한 번씩 발행한다."),
                bi(
                    "The broker copies each message to every subscriber; publishers do not know who listens.",
                    "Broker가 메시지를 구독자마다 복사해 전달합니다. 발행자는 누가 듣는지 알 필요가 없습니다.",
                ),
            ),
            c(
                bi("Each board must send every reading twice.", "보드가 측정값을 두 번씩 보내야 한다."),
                bi(
                    "That is what a client–server design would need; with publish/subscribe the broker does the copying.",
                    "클라이언트-서버 방식이라면 그래야 할 수도 있지만, 발행/구독에서는 복사를 Broker가 맡습니다.",
                ),
            ),
            c(
                bi("The boards need the new dashboard's address.", "보드가 새 대시보드의 주소를 알아야 한다."),
                bi(
                    "No: every client only knows the broker. That is the loose coupling publish/subscribe gives you.",
                    "아닙니다. 모든 클라이언트는 Broker 주소만 압니다. 이것이 발행/구독이 주는 느슨한 결합입니다.",
                ),
            ),
        ],
        correct: 0,
    },
    Question {
        id: "roles",
        lesson: LessonId::Roles,
        prompt: bi(
            "Can one MQTT client both publish and subscribe?",
            "하나의 MQTT 클라이언트가 발행과 구독을 모두 할 수 있을까요?",
        ),
        choices: &[
            c(
                bi("No, a device is either a publisher or a subscriber.", "아니다. 장치는 발행자이거나 구독자 중 하나다."),
                bi(
                    "Publisher and subscriber are things a client does, not kinds of device.",
                    "발행자와 구독자는 장치의 종류가 아니라 클라이언트가 하는 일입니다.",
                ),
            ),
            c(
                bi("Yes, on the same connection.", "그렇다. 같은 연결 하나로 둘 다 할 수 있다."),
                bi(
                    "A board can publish readings and subscribe to commands over one connection.",
                    "보드는 연결 하나로 측정값을 발행하면서 명령을 구독할 수 있습니다.",
                ),
            ),
            c(
                bi("Only if it is the broker.", "Broker일 때만 가능하다."),
                bi(
                    "The broker does not publish or subscribe for itself; it passes messages between clients.",
                    "Broker는 스스로 발행하거나 구독하지 않고, 클라이언트 사이에서 메시지를 전달합니다.",
                ),
            ),
        ],
        correct: 1,
    },
    Question {
        id: "topic-design",
        lesson: LessonId::Topics,
        prompt: bi(
            "Which topic name follows the design rules best?",
            "다음 중 Topic 설계 원칙을 가장 잘 따른 이름은?",
        ),
        choices: &[
            c(
                bi("hexaboard_A_temperature", "hexaboard_A_temperature"),
                bi(
                    "A flat name: nothing can be filtered by board or by measurement with wildcards.",
                    "계층이 없는 이름이라서 와일드카드로 보드별·측정 항목별로 골라낼 수 없습니다.",
                ),
            ),
            c(
                bi("/Hexaboard/A/Temperature/", "/Hexaboard/A/Temperature/"),
                bi(
                    "The leading and trailing / create empty levels, and capitals invite mismatches: topics are case-sensitive.",
                    "앞뒤의 / 때문에 빈 단계가 생기고, 대문자는 실수를 부릅니다. Topic은 대소문자를 구분합니다.",
                ),
            ),
            c(
                bi("hexaboard/a/temperature", "hexaboard/a/temperature"),
                bi(
                    "General to specific, lower case, no empty levels — hexaboard/+/temperature now finds every board.",
                    "큰 범위에서 작은 범위로, 소문자로, 빈 단계 없이 썼습니다. 이제 hexaboard/+/temperature로 모든 보드를 찾을 수 있습니다.",
                ),
            ),
        ],
        correct: 2,
    },
    Question {
        id: "wildcards",
        lesson: LessonId::Topics,
        prompt: bi(
            "Which topics does the filter home/+/temperature match?",
            "필터 home/+/temperature에 해당하는 Topic은?",
        ),
        choices: &[
            c(
                bi(
                    "home/livingroom/temperature and home/bedroom/temperature",
                    "home/livingroom/temperature 와 home/bedroom/temperature",
                ),
                bi(
                    "+ stands for exactly one level, whatever it is.",
                    "+ 는 어떤 이름이든 정확히 한 단계를 대신합니다.",
                ),
            ),
            c(
                bi(
                    "home/livingroom/sensor/temperature as well",
                    "home/livingroom/sensor/temperature 도 해당한다",
                ),
                bi(
                    "No: that topic has two levels between home and temperature; + covers only one. home/# would match it.",
                    "아닙니다. 그 Topic은 home과 temperature 사이에 두 단계가 있는데 + 는 한 단계만 대신합니다. home/# 라면 해당합니다.",
                ),
            ),
            c(
                bi("Every topic under home", "home 아래의 모든 Topic"),
                bi(
                    "That is what home/# does; # matches any number of levels, and only at the end.",
                    "그것은 home/# 의 동작입니다. # 는 여러 단계를 대신하며 맨 끝에만 쓸 수 있습니다.",
                ),
            ),
        ],
        correct: 0,
    },
    Question {
        id: "qos-sensor",
        lesson: LessonId::Qos,
        prompt: bi(
            "A sensor sends its temperature every 5 seconds. Which QoS is usually the right choice?",
            "센서가 5초마다 온도를 보냅니다. 보통 어떤 QoS가 알맞을까요?",
        ),
        choices: &[
            c(
                bi("QoS 0", "QoS 0"),
                bi(
                    "A lost reading is replaced by the next one in 5 seconds, so the cheapest delivery is enough.",
                    "값 하나를 잃어도 5초 뒤 새 값이 오므로 가장 가벼운 전달 방식으로 충분합니다.",
                ),
            ),
            c(
                bi("QoS 1", "QoS 1"),
                bi(
                    "It works, but each reading then waits for a PUBACK and may arrive twice — costs with little gain here.",
                    "동작은 하지만 측정값마다 PUBACK을 기다려야 하고 중복될 수도 있습니다. 여기서는 비용에 비해 얻는 것이 적습니다.",
                ),
            ),
            c(
                bi("QoS 2", "QoS 2"),
                bi(
                    "Four packets per reading to rule out duplicates of a value that is outdated in 5 seconds anyway.",
                    "어차피 5초 뒤면 낡을 값의 중복을 막으려고 측정값마다 패킷 4개를 주고받는 셈입니다.",
                ),
            ),
        ],
        correct: 0,
    },
    Question {
        id: "qos-duplicates",
        lesson: LessonId::Qos,
        prompt: bi(
            "At QoS 1 a PUBACK is lost on the way back. What happens?",
            "QoS 1에서 돌아오던 PUBACK이 사라졌습니다. 어떻게 될까요?",
        ),
        choices: &[
            c(
                bi("The message is lost.", "메시지가 사라진다."),
                bi(
                    "No: without a PUBACK the sender keeps the message and sends it again.",
                    "아닙니다. PUBACK을 받지 못한 발신자는 메시지를 간직했다가 다시 보냅니다.",
                ),
            ),
            c(
                bi(
                    "The sender sends it again (DUP set), so the receiver may get it twice.",
                    "발신자가 DUP를 켜고 다시 보내므로 수신자가 두 번 받을 수 있다.",
                ),
                bi(
                    "\"At least once\". Only QoS 2's four-packet handshake rules the duplicate out.",
                    "\"적어도 한 번\"입니다. 중복까지 막으려면 QoS 2의 4단계 교환이 필요합니다.",
                ),
            ),
            c(
                bi("The broker turns it into QoS 2.", "Broker가 QoS 2로 바꾼다."),
                bi(
                    "Brokers never raise a message's QoS; they may only lower it to what a subscriber asked for.",
                    "Broker는 QoS를 올리지 않습니다. 구독자가 요청한 수준으로 낮출 수만 있습니다.",
                ),
            ),
        ],
        correct: 1,
    },
    Question {
        id: "retained",
        lesson: LessonId::Retained,
        prompt: bi(
            "A board published \"online\" with the retain flag an hour ago. A phone app subscribes now. What does it get?",
            "한 시간 전에 보드가 Retained 플래그를 켜고 \"online\"을 발행했습니다. 지금 휴대폰 앱이 구독하면 무엇을 받을까요?",
        ),
        choices: &[
            c(
                bi("Nothing until the board publishes again.", "보드가 다시 발행할 때까지 아무것도 받지 않는다."),
                bi(
                    "That is what happens without the retain flag.",
                    "Retained 플래그가 없을 때 그렇습니다.",
                ),
            ),
            c(
                bi("Every message of the last hour.", "지난 한 시간의 모든 메시지."),
                bi(
                    "The broker keeps only the last retained message per topic, not a history.",
                    "Broker는 Topic마다 마지막 Retained 메시지 하나만 보관하며, 기록을 쌓지 않습니다.",
                ),
            ),
            c(
                bi("\"online\" at once, flagged as retained.", "곧바로 \"online\"을 받고, Retained 표시가 붙어 있다."),
                bi(
                    "A new subscriber learns the last known state without waiting.",
                    "새 구독자는 기다리지 않고 마지막 상태를 바로 알 수 있습니다.",
                ),
            ),
        ],
        correct: 2,
    },
    Question {
        id: "will",
        lesson: LessonId::LastWill,
        prompt: bi(
            "When does the broker publish a client's Last Will?",
            "Broker는 언제 클라이언트의 Last Will을 발행할까요?",
        ),
        choices: &[
            c(
                bi("Whenever the client disconnects.", "클라이언트가 연결을 끊을 때마다."),
                bi(
                    "Not after a proper DISCONNECT: the client said goodbye, so the will is thrown away.",
                    "DISCONNECT로 정상 종료하면 발행하지 않습니다. 작별 인사를 했으니 유언은 버려집니다.",
                ),
            ),
            c(
                bi(
                    "When the connection ends without a DISCONNECT — lost network, power cut, or silence past the keep alive.",
                    "DISCONNECT 없이 연결이 끝났을 때. 네트워크 끊김, 전원 차단, Keep Alive를 넘긴 침묵 등.",
                ),
                bi(
                    "That is how others learn that a device vanished.",
                    "그래서 다른 클라이언트가 장치가 사라졌다는 것을 알 수 있습니다.",
                ),
            ),
            c(
                bi("Every keep-alive interval.", "Keep Alive 주기마다."),
                bi(
                    "The will is published at most once, when the client is gone; keep alive is how the broker notices.",
                    "유언은 클라이언트가 사라졌을 때 한 번만 발행됩니다. Keep Alive는 Broker가 그것을 알아차리는 방법입니다.",
                ),
            ),
        ],
        correct: 1,
    },
    Question {
        id: "keep-alive",
        lesson: LessonId::LastWill,
        prompt: bi(
            "A board connected with a keep alive of 60 seconds and then hung. About when does the broker give up on it?",
            "Keep Alive 60초로 연결한 보드가 멈춰 버렸습니다. Broker는 대략 언제 이 연결을 포기할까요?",
        ),
        choices: &[
            c(
                bi("After 60 seconds.", "60초 뒤."),
                bi(
                    "The broker allows one and a half intervals, so a PINGREQ that is a little late does not end the connection.",
                    "Broker는 주기의 1.5배까지 기다려 줍니다. 그래서 PINGREQ가 조금 늦어도 연결이 끊기지 않습니다.",
                ),
            ),
            c(
                bi("After about 90 seconds (1.5 × keep alive).", "약 90초 뒤 (Keep Alive의 1.5배)."),
                bi(
                    "Then it closes the connection and publishes the will.",
                    "그때 연결을 닫고 유언을 발행합니다.",
                ),
            ),
            c(
                bi("Never, until the TCP connection breaks.", "TCP 연결이 끊어질 때까지 절대 포기하지 않는다."),
                bi(
                    "A hung device can keep its TCP connection open for a long time; keep alive exists to catch exactly that.",
                    "멈춘 장치도 TCP 연결은 오래 열려 있을 수 있습니다. Keep Alive는 바로 그런 경우를 잡아내려고 있습니다.",
                ),
            ),
        ],
        correct: 1,
    },
    Question {
        id: "smart-home",
        lesson: LessonId::SmartHome,
        prompt: bi(
            "In the smart home, how does the boiler learn that it should heat?",
            "스마트 홈에서 보일러는 난방해야 한다는 것을 어떻게 알게 될까요?",
        ),
        choices: &[
            c(
                bi(
                    "It subscribes to home/boiler/control, where the controller publishes its decision.",
                    "home/boiler/control을 구독하고 있고, 컨트롤러가 그 Topic으로 결정을 발행한다.",
                ),
                bi(
                    "The controller decides from the temperatures it subscribed to; the broker carries the command.",
                    "컨트롤러는 구독한 온도를 보고 결정하고, 명령은 Broker가 전달합니다.",
                ),
            ),
            c(
                bi(
                    "The temperature sensors send it a request directly.",
                    "온도 센서가 보일러에 직접 요청을 보낸다.",
                ),
                bi(
                    "MQTT clients never talk directly; the sensors do not even know the boiler exists.",
                    "MQTT 클라이언트끼리는 직접 통신하지 않습니다. 센서는 보일러가 있는지조차 모릅니다.",
                ),
            ),
            c(
                bi(
                    "The broker reads the temperatures and decides.",
                    "Broker가 온도를 읽고 결정한다.",
                ),
                bi(
                    "The broker only routes messages by topic; deciding is a client's job (the controller).",
                    "Broker는 Topic에 따라 메시지를 전달할 뿐이고, 결정은 클라이언트(컨트롤러)의 몫입니다.",
                ),
            ),
        ],
        correct: 0,
    },
];

/// The question with `id`.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// How a set of answers scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Score {
    /// Questions answered.
    pub answered: usize,
    /// Of those, answered right.
    pub correct: usize,
    /// Questions in the quiz.
    pub total: usize,
}

/// Scores stored answers (question id → option). Unknown ids and options
/// out of range are ignored.
pub fn score<'a>(answers: impl IntoIterator<Item = (&'a str, usize)>) -> Score {
    let mut s = Score {
        answered: 0,
        correct: 0,
        total: QUESTIONS.len(),
    };
    for (id, option) in answers {
        let Some(q) = question(id) else { continue };
        if option >= q.choices.len() {
            continue;
        }
        s.answered += 1;
        if option == q.correct {
            s.correct += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;

    #[test]
    fn between_eight_and_twelve_questions_with_unique_ids() {
        assert!((8..=12).contains(&QUESTIONS.len()));
        let mut ids: Vec<_> = QUESTIONS.iter().map(|q| q.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), QUESTIONS.len());
    }

    #[test]
    fn every_question_is_well_formed_in_both_languages() {
        for q in QUESTIONS {
            assert!(q.choices.len() >= 3, "{}", q.id);
            assert!(q.correct < q.choices.len(), "{}", q.id);
            let texts =
                std::iter::once(q.prompt).chain(q.choices.iter().flat_map(|c| [c.text, c.why]));
            for t in texts {
                assert!(
                    !t.en.trim().is_empty() && !t.ko.trim().is_empty(),
                    "{}",
                    q.id
                );
                assert!(!t.en.chars().any(is_hangul), "{}: {}", q.id, t.en);
            }
            // Options may be plain topic names or QoS levels; prompts and
            // explanations are always Korean sentences.
            assert!(q.prompt.ko.chars().any(is_hangul), "{}", q.id);
            for c in q.choices {
                assert!(c.why.ko.chars().any(is_hangul), "{}: {}", q.id, c.why.ko);
            }
        }
    }

    #[test]
    fn the_quiz_covers_every_lesson_before_the_summary() {
        for lesson in LessonId::ALL {
            if lesson != LessonId::Summary {
                assert!(QUESTIONS.iter().any(|q| q.lesson == lesson), "{lesson:?}");
            }
        }
    }

    #[test]
    fn explanations_do_not_give_their_verdict_themselves() {
        // The panel says "Right." / "Not quite." itself.
        for q in QUESTIONS {
            for c in q.choices {
                assert!(!c.why.en.starts_with("Right"), "{}", q.id);
                assert!(!c.why.ko.starts_with("맞습니다"), "{}", q.id);
            }
        }
    }

    #[test]
    fn scoring() {
        let all_right: Vec<_> = QUESTIONS.iter().map(|q| (q.id, q.correct)).collect();
        assert_eq!(
            score(all_right.iter().copied()),
            Score {
                answered: QUESTIONS.len(),
                correct: QUESTIONS.len(),
                total: QUESTIONS.len()
            }
        );
        let q = &QUESTIONS[0];
        let wrong = (q.correct + 1) % q.choices.len();
        let s = score([(q.id, wrong), ("no-such", 0), (QUESTIONS[1].id, 99)]);
        assert_eq!((s.answered, s.correct), (1, 0));
        assert_eq!(question("will").map(|q| q.lesson), Some(LessonId::LastWill));
    }
}
