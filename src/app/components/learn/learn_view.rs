//! The lesson view: a sidebar with the nine lessons (a `nav` of links, the
//! current one marked, done ones ticked), the learner's prefix and where
//! the exercises run, then the lesson itself with links to the previous
//! and next one. It provides [`LearnCtx`] to the lesson.

use std::rc::Rc;

use yew::prelude::*;

use super::lesson_frame::lesson_title;
use super::{lessons, LearnCtx, PrefixField};
use crate::app::client::{use_app_state, use_client};
use crate::app::hooks::use_progress;
use crate::app::learn::course::{generate_prefix, LessonId, Progress, Route};
use crate::app::services::browser;
use crate::i18n::learn::LearnMsg;

/// [`LearnView`]'s properties.
#[derive(Properties, PartialEq)]
pub struct LearnViewProps {
    /// The lesson to show.
    pub lesson: LessonId,
}

/// A callback that applies `f` to a copy of the progress and stores the
/// copy if it changed (which also saves it).
fn edit<T: 'static>(
    progress: &UseStateHandle<Progress>,
    f: impl Fn(&mut Progress, T) + 'static,
) -> Callback<T> {
    let progress = progress.clone();
    Callback::from(move |arg| {
        let mut p = (*progress).clone();
        f(&mut p, arg);
        if p != *progress {
            progress.set(p);
        }
    })
}

/// See the module docs.
#[function_component]
pub fn LearnView(props: &LearnViewProps) -> Html {
    let state = use_app_state();
    let client = use_client();
    let lang = state.lang;
    let progress = use_progress();
    // A learner's first visit gets a prefix at once (and keeps it).
    {
        let progress = progress.clone();
        use_effect_with((), move |_| {
            if progress.prefix.is_none() {
                let mut p = (*progress).clone();
                p.prefix = Some(generate_prefix(browser::random_u64()));
                progress.set(p);
            }
        });
    }
    // Moving to another lesson puts the keyboard focus on its heading (as
    // a page load would), so screen-reader and keyboard users start there.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(props.lesson, move |lesson| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                browser::focus_element(&format!("lesson-{}", lesson.slug()));
            }
        });
    }
    let connected = state.status.is_connected();
    let target = use_memo(connected, |&c| client.lab_target(c));
    let set_prefix = edit(&progress, |p, prefix: String| p.prefix = Some(prefix));
    let renew = edit(&progress, |p, ()| {
        p.prefix = Some(generate_prefix(browser::random_u64()))
    });
    // The context changes only when what it carries does: this view
    // re-renders with every batch of the client's traffic, and a fresh
    // context each time would re-render the whole lesson with it.
    let ctx = use_memo(
        (lang, target.clone(), (*progress).clone()),
        |(lang, target, current)| {
            current.prefix.clone().map(|prefix| LearnCtx {
                lang: *lang,
                prefix: prefix.into(),
                target: target.clone(),
                progress: Rc::new(current.clone()),
                mark_done: edit(&progress, |p, lesson| {
                    p.mark_done(lesson);
                }),
                answer: edit(&progress, |p, (q, option): (String, usize)| {
                    p.answer(&q, option)
                }),
                reset_quiz: edit(&progress, |p, ()| p.reset_quiz()),
            })
        },
    );
    let Some(ctx) = (*ctx).clone() else {
        return Html::default();
    };
    let lesson = props.lesson;
    let runs_on = if ctx.target.is_sandbox() {
        LearnMsg::RunsOnSandbox.text(lang)
    } else {
        LearnMsg::RunsOnBroker.text(lang)
    };
    let broker = if ctx.target.is_sandbox() {
        crate::i18n::Msg::SandboxBroker.text(lang).to_string()
    } else {
        ctx.target.url.to_string()
    };
    let link = |l: LessonId, rel: LearnMsg| {
        html! {
            <a class="lesson-step" href={Route::Learn(l).href()}>
                { format!("{}: {}", rel.text(lang), lesson_title(l).text(lang)) }
            </a>
        }
    };
    html! {
        <ContextProvider<LearnCtx> context={ctx.clone()}>
            <div class="learn">
                <nav class="learn-nav" aria-label={LearnMsg::LessonsNav.text(lang)}>
                    <h2 class="learn-nav-title">{ LearnMsg::LessonsNav.text(lang) }</h2>
                    <ol>
                        { for LessonId::ALL.into_iter().map(|l| {
                            let current = (l == lesson).then_some("page");
                            let done = ctx.progress.is_done(l);
                            html! {
                                <li class={classes!("learn-nav-item", done.then_some("is-done"))}>
                                    <a href={Route::Learn(l).href()} aria-current={current}>
                                        <span class="learn-nav-number" aria-hidden="true">{ l.number() }</span>
                                        <span>{ lesson_title(l).text(lang) }</span>
                                        if done {
                                            <span class="learn-nav-done">{ format!(" ✓ {}", LearnMsg::LessonDone.text(lang)) }</span>
                                        }
                                    </a>
                                </li>
                            }
                        }) }
                    </ol>
                </nav>
                <main class="learn-main">
                    <div class="learn-setup">
                        <PrefixField on_change={set_prefix} on_renew={renew} />
                        <p class="learn-target">
                            <strong>{ format!("{}: ", LearnMsg::RunsOn.text(lang)) }</strong>
                            <code>{ broker }</code>
                            { " — " }{ runs_on }
                        </p>
                    </div>
                    { lessons::render(lesson) }
                    <nav class="lesson-steps" aria-label={LearnMsg::LessonsNav.text(lang)}>
                        { for lesson.previous().map(|l| link(l, LearnMsg::PreviousLesson)) }
                        { for lesson.next().map(|l| link(l, LearnMsg::NextLesson)) }
                    </nav>
                </main>
            </div>
        </ContextProvider<LearnCtx>>
    }
}
