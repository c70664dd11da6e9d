//! The questions a triage asks: the facts still unknown that decide a
//! verdict or a deadline, each asked once, in the words of the format.

use super::{Check, Question};
use crate::diag::Message;
use crate::format;
use crate::model::Fact;
use crate::msg;
use crate::rules::Test;

/// Asks for the fact a check turned on, when it is unknown.
pub(super) fn ask_check(questions: &mut Vec<Question>, c: &Check, public_body: Fact) {
    if c.result != Fact::Unknown {
        return;
    }
    match &c.condition.test {
        Test::Fact(name) => ask(questions, &format!("leak.{name}"), None),
        Test::PeopleOver { .. } if c.because.en.starts_with("affected.people: not") => {
            ask(questions, "affected.people", None)
        }
        Test::PeopleOver { .. } if public_body == Fact::Unknown => {
            ask(questions, "leak.public_body", None)
        }
        Test::PeopleOver { .. } => {}
    }
}

/// Adds the question for `field` (from the format's own description of it).
pub(super) fn ask(questions: &mut Vec<Question>, field: &str, text: Option<Message>) {
    if questions.iter().any(|q| q.field == field) {
        return;
    }
    let text = text.unwrap_or_else(|| match field {
        "affected.people" => msg!(
            "本人の数は何人か（affected.people に数字で書く）",
            "how many persons are concerned? (write the number in affected.people)"
        ),
        "discovered" => msg!(
            "発覚日（組織が事態を知った日）はいつか（discovered に YYYY-MM-DD で書く）。期限はこの日から数える",
            "on what day did the organization become aware of it? (write it in discovered, YYYY-MM-DD); deadlines count from it"
        ),
        _ => {
            let (ja, en) = format::at_path(field).map_or(("", ""), |f| (f.ja, f.en));
            msg!(
                "{ja}（{field} に true か false で書く）",
                "{en} (write true or false in {field})"
            )
        }
    });
    questions.push(Question {
        field: field.to_string(),
        text,
    });
}
