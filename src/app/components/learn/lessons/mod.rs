//! One component per lesson, in the chapter's order.

use yew::prelude::*;

use crate::app::learn::course::LessonId;

mod diagram;
mod last_will;
mod pub_sub;
mod qos;
mod retained;
mod roles;
mod smart_home;
mod summary;
mod topics;
mod why_mqtt;

pub use last_will::LastWillLesson;
pub use pub_sub::PubSubLesson;
pub use qos::QosLesson;
pub use retained::RetainedLesson;
pub use roles::RolesLesson;
pub use smart_home::SmartHomeLesson;
pub use summary::SummaryLesson;
pub use topics::TopicsLesson;
pub use why_mqtt::WhyMqttLesson;

/// The lesson's component.
pub fn render(lesson: LessonId) -> Html {
    match lesson {
        LessonId::WhyMqtt => html! { <WhyMqttLesson /> },
        LessonId::PubSub => html! { <PubSubLesson /> },
        LessonId::Roles => html! { <RolesLesson /> },
        LessonId::Topics => html! { <TopicsLesson /> },
        LessonId::Qos => html! { <QosLesson /> },
        LessonId::Retained => html! { <RetainedLesson /> },
        LessonId::LastWill => html! { <LastWillLesson /> },
        LessonId::SmartHome => html! { <SmartHomeLesson /> },
        LessonId::Summary => html! { <SummaryLesson /> },
    }
}
