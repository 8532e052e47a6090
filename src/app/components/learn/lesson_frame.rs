//! The shape every lesson has: a heading, the idea in a few paragraphs,
//! the live exercise, and what just happened. The lesson's heading is the
//! landmark's name, so a screen reader can jump between them.

use yew::prelude::*;

use super::use_learn;
use crate::app::learn::course::LessonId;
use crate::i18n::learn::LearnMsg;

/// [`LessonFrame`]'s properties.
#[derive(Properties, PartialEq)]
pub struct LessonFrameProps {
    /// Which lesson.
    pub lesson: LessonId,
    /// The explanation.
    pub idea: Html,
    /// The live exercise.
    pub exercise: Html,
    /// The readout of what happened on the wire.
    pub readout: Html,
}

/// The heading text of a lesson.
pub fn lesson_title(lesson: LessonId) -> LearnMsg {
    match lesson {
        LessonId::WhyMqtt => LearnMsg::TitleWhyMqtt,
        LessonId::PubSub => LearnMsg::TitlePubSub,
        LessonId::Roles => LearnMsg::TitleRoles,
        LessonId::Topics => LearnMsg::TitleTopics,
        LessonId::Qos => LearnMsg::TitleQos,
        LessonId::Retained => LearnMsg::TitleRetained,
        LessonId::LastWill => LearnMsg::TitleLastWill,
        LessonId::SmartHome => LearnMsg::TitleSmartHome,
        LessonId::Summary => LearnMsg::TitleSummary,
    }
}

/// See the module docs.
#[function_component]
pub fn LessonFrame(props: &LessonFrameProps) -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let slug = props.lesson.slug();
    let heading_id = format!("lesson-{slug}");
    html! {
        <article class={classes!("lesson", format!("lesson--{slug}"))} aria-labelledby={heading_id.clone()}>
            <header class="lesson-header">
                <p class="lesson-number">
                    { format!("{} {} / {}", LearnMsg::LessonOf.text(lang), props.lesson.number(), LessonId::ALL.len()) }
                </p>
                <h2 id={heading_id} tabindex="-1">{ lesson_title(props.lesson).text(lang) }</h2>
            </header>
            <section class="lesson-idea" aria-labelledby={format!("{slug}-idea")}>
                <h3 id={format!("{slug}-idea")}>{ LearnMsg::SectionIdea.text(lang) }</h3>
                { props.idea.clone() }
            </section>
            <section class="lesson-try" aria-labelledby={format!("{slug}-try")}>
                <h3 id={format!("{slug}-try")}>{ LearnMsg::SectionTry.text(lang) }</h3>
                { props.exercise.clone() }
            </section>
            <section class="lesson-readout" aria-labelledby={format!("{slug}-readout")}>
                <h3 id={format!("{slug}-readout")}>{ LearnMsg::SectionWhatHappened.text(lang) }</h3>
                { props.readout.clone() }
            </section>
        </article>
    }
}
