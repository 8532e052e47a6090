//! Lesson: (in progress).

use yew::prelude::*;

use crate::app::components::learn::LessonFrame;
use crate::app::learn::course::LessonId;

/// The lesson.
#[function_component]
pub fn SummaryLesson() -> Html {
    html! {
        <LessonFrame lesson={LessonId::Summary} idea={Html::default()} exercise={Html::default()} readout={Html::default()} />
    }
}
