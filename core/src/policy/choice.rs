//! A local choice: a value the measures leave open, with the clause it interprets and the note
//! saying why (principle 2), and its check. Every section of the policy reads it.

use crate::clause::ClauseId;
use crate::error::{ErrorKind, Problem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A value the measures leave open, with the clause it interprets and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice<T> {
    /// The value chosen.
    pub value: T,
    /// The clause it interprets.
    #[schemars(with = "ClauseId")]
    pub clause: String,
    /// Why: says it is a local choice, not text of the measures.
    pub note: String,
}

/// The clause and note of a local choice at `at`: a clause of the measures, and a note.
pub(crate) fn check_choice(clause: &str, note: &str, at: &str, problems: &mut Vec<Problem>) {
    if ClauseId::new(clause).is_none() {
        problems.push(
            Problem::new(
                ErrorKind::UnknownClause,
                format!("`{clause}` is not a clause of the measures"),
            )
            .at(format!("{at}.clause")),
        );
    }
    if note.trim().is_empty() {
        problems.push(
            Problem::new(
                ErrorKind::InvalidPolicy,
                "a local choice needs a note saying why",
            )
            .at(format!("{at}.note")),
        );
    }
}
