//! What every lesson gets from the lesson view: the language, the
//! learner's prefix, where the exercises run, and the progress.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::learn::course::{self, LessonId, Progress};
use crate::app::learn::target::LabTarget;
use crate::i18n::Lang;

/// The lessons' shared context.
#[derive(Clone, PartialEq)]
pub struct LearnCtx {
    /// UI language.
    pub lang: Lang,
    /// The learner's topic prefix (checked).
    pub prefix: AttrValue,
    /// Where the lessons' clients connect.
    pub target: Rc<LabTarget>,
    /// Lessons done and quiz answers.
    pub progress: Rc<Progress>,
    /// Marks a lesson's exercise as done.
    pub mark_done: Callback<LessonId>,
    /// Records a quiz answer (question id, option index).
    pub answer: Callback<(String, usize)>,
    /// Forgets the quiz answers.
    pub reset_quiz: Callback<()>,
}

impl LearnCtx {
    /// `rest` under the learner's prefix.
    pub fn topic(&self, rest: &str) -> String {
        course::topic_under(&self.prefix, rest)
    }

    /// The Client Identifier of this learner's client playing `role`.
    pub fn client_id(&self, role: &str) -> String {
        course::lesson_client_id(&self.prefix, role)
    }
}

/// The lessons' context; panics outside the lesson view (a wiring bug).
#[hook]
pub fn use_learn() -> LearnCtx {
    use_context::<LearnCtx>().expect("use_learn outside LearnView")
}

/// Marks `lesson` done once `done` turns true (the exercise succeeded).
#[hook]
pub fn use_done_when(lesson: LessonId, done: bool) {
    let mark = use_learn().mark_done;
    use_effect_with(done, move |&done| {
        if done {
            mark.emit(lesson);
        }
    });
}
