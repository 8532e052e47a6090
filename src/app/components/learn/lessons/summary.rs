//! Lesson 9, summary and self-check: the key idea of each lesson with a
//! link back to it, and a quiz whose answers are explained — why the
//! right one is right and why a wrong one is wrong — and kept in
//! localStorage with the rest of the learner's progress.

use yew::prelude::*;

use crate::app::components::learn::lesson_frame::lesson_title;
use crate::app::components::learn::{use_done_when, use_learn, LessonFrame};
use crate::app::learn::course::{LessonId, Route};
use crate::app::learn::quiz::{self, Question, QUESTIONS};
use crate::i18n::learn::summary::{self as text, SummaryMsg};
use crate::i18n::learn::LearnMsg;
use crate::i18n::Lang;

fn key_idea(lesson: LessonId) -> Option<SummaryMsg> {
    Some(match lesson {
        LessonId::WhyMqtt => SummaryMsg::KeyWhy,
        LessonId::PubSub => SummaryMsg::KeyPubSub,
        LessonId::Roles => SummaryMsg::KeyRoles,
        LessonId::Topics => SummaryMsg::KeyTopics,
        LessonId::Qos => SummaryMsg::KeyQos,
        LessonId::Retained => SummaryMsg::KeyRetained,
        LessonId::LastWill => SummaryMsg::KeyWill,
        LessonId::SmartHome => SummaryMsg::KeySmartHome,
        LessonId::Summary => return None,
    })
}

#[derive(Properties, PartialEq)]
struct QuestionViewProps {
    lang: Lang,
    number: usize,
    question: &'static Question,
    chosen: Option<usize>,
    on_answer: Callback<(String, usize)>,
}

#[function_component]
fn QuestionView(props: &QuestionViewProps) -> Html {
    let lang = props.lang;
    let q = props.question;
    let name = format!("quiz-{}", q.id);
    let feedback = props.chosen.and_then(|i| q.choices.get(i).map(|c| (i, c)));
    html! {
        <fieldset class="quiz-question">
            <legend>
                <span class="quiz-number">{ text::question_number(lang, props.number, QUESTIONS.len()) }</span>
                { " " }{ q.prompt.text(lang) }
            </legend>
            { for q.choices.iter().enumerate().map(|(i, choice)| {
                let id = format!("{name}-{i}");
                let onchange = {
                    let on_answer = props.on_answer.clone();
                    let qid = q.id.to_string();
                    Callback::from(move |_: Event| on_answer.emit((qid.clone(), i)))
                };
                html! {
                    <div class="quiz-choice">
                        <input type="radio" id={id.clone()} name={name.clone()}
                            checked={props.chosen == Some(i)} {onchange} />
                        <label for={id}>{ choice.text.text(lang) }</label>
                    </div>
                }
            }) }
            if let Some((i, choice)) = feedback {
                if i == q.correct {
                    <p class="lesson-result lesson-result--good quiz-feedback">
                        <strong>{ SummaryMsg::Right.text(lang) }</strong>{ " " }{ choice.why.text(lang) }
                    </p>
                } else {
                    <div class="lesson-result lesson-result--bad quiz-feedback">
                        <p><strong>{ SummaryMsg::NotQuite.text(lang) }</strong>{ " " }{ choice.why.text(lang) }</p>
                        <p>
                            <strong>{ SummaryMsg::TheAnswer.text(lang) }</strong>{ " " }
                            { q.choices[q.correct].text.text(lang) }{ " — " }{ q.choices[q.correct].why.text(lang) }
                        </p>
                        <p>
                            <a href={Route::Learn(q.lesson).href()}>
                                { format!("{}: {}", SummaryMsg::ReviewLesson.text(lang), lesson_title(q.lesson).text(lang)) }
                            </a>
                        </p>
                    </div>
                }
            }
        </fieldset>
    }
}

/// See the module docs.
#[function_component]
pub fn SummaryLesson() -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let answers = &ctx.progress.answers;
    let score = quiz::score(answers.iter().map(|(k, v)| (k.as_str(), *v)));
    let all_answered = score.answered == score.total;
    use_done_when(LessonId::Summary, all_answered);
    let idea = html! {
        <>
            <p>{ SummaryMsg::Intro.text(lang) }</p>
            <h4>{ SummaryMsg::KeyIdeas.text(lang) }</h4>
            <ol class="summary-ideas">
                { for LessonId::ALL.into_iter().filter_map(|l| key_idea(l).map(|m| (l, m))).map(|(l, m)| html! {
                    <li>
                        { m.text(lang) }{ " " }
                        <a href={Route::Learn(l).href()}>{ format!("({})", lesson_title(l).text(lang)) }</a>
                        if ctx.progress.is_done(l) {
                            <span class="learn-nav-done">{ format!(" ✓ {}", LearnMsg::LessonDone.text(lang)) }</span>
                        }
                    </li>
                }) }
                <li>{ SummaryMsg::KeyNext.text(lang) }</li>
            </ol>
        </>
    };
    let on_reset = ctx.reset_quiz.reform(|_: MouseEvent| ());
    let exercise = html! {
        <form class="quiz" aria-label={SummaryMsg::QuizHeading.text(lang)} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { for QUESTIONS.iter().enumerate().map(|(i, q)| html! {
                <QuestionView {lang} number={i + 1} question={q} chosen={answers.get(q.id).copied()}
                    on_answer={ctx.answer.clone()} />
            }) }
        </form>
    };
    let done_lessons = LessonId::ALL
        .iter()
        .filter(|&&l| ctx.progress.is_done(l))
        .count();
    let readout = html! {
        <>
            <p class="quiz-score">{ text::score_line(lang, score.answered, score.correct, score.total) }</p>
            <p>{ format!("{}: {done_lessons} / {}", LearnMsg::LessonsDoneCount.text(lang), LessonId::ALL.len()) }</p>
            if all_answered {
                <p class="lesson-result lesson-result--good">{ SummaryMsg::AllDone.text(lang) }</p>
            }
            <button type="button" class="button-secondary" onclick={on_reset} disabled={score.answered == 0}>
                { SummaryMsg::StartOver.text(lang) }
            </button>
        </>
    };
    html! { <LessonFrame lesson={LessonId::Summary} {idea} {exercise} {readout} /> }
}
