//! Lesson: (in progress).

use yew::prelude::*;

use crate::app::components::learn::LessonFrame;
use crate::app::learn::course::LessonId;

/// The lesson.
#[function_component]
pub fn RetainedLesson() -> Html {
    html! {
        <LessonFrame lesson={LessonId::Retained} idea={Html::default()} exercise={Html::default()} readout={Html::default()} />
    }
}
