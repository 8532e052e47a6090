//! The learning panels: the lesson view with its sidebar, the pieces every
//! lesson shares (frame, learner prefix, "Show code", a client's card and
//! packet list) and one component per lesson in `lessons/`.
//!
//! Lessons run their own clients ([`use_actor`](crate::app::hooks::use_actor))
//! on the broker the learner's client is connected to, or on the sandbox
//! in the page; every topic starts with the learner's prefix.

mod actor_card;
mod context;
mod learn_view;
pub mod lesson_frame;
pub mod lessons;
mod prefix_field;
mod show_code;
mod wire_list;

pub use actor_card::ActorCard;
pub use context::{use_done_when, use_learn, LearnCtx};
pub use learn_view::LearnView;
pub use lesson_frame::LessonFrame;
pub use prefix_field::PrefixField;
pub use show_code::ShowCode;
pub use wire_list::WireList;
