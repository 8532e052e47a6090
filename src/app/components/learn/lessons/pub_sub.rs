//! Lesson: (in progress).

use yew::prelude::*;

use crate::app::components::learn::LessonFrame;
use crate::app::learn::course::LessonId;

/// The lesson.
#[function_component]
pub fn PubSubLesson() -> Html {
    html! {
        <LessonFrame lesson={LessonId::PubSub} idea={Html::default()} exercise={Html::default()} readout={Html::default()} />
    }
}
