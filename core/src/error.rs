//! Errors of the core: one type, [`Error`], holding every problem found at once.
//!
//! Each [`Problem`] has a stable [`ErrorKind`] (for bindings, which map it to a number or a tag),
//! a lowercase message with the offending value in backticks, and where known the JSON path,
//! the record ID and the date it concerns. Parsing JSON and naming where it failed is
//! the (private) `json` module's.

pub(crate) mod kind;

pub use kind::ErrorKind;
use serde::Serialize;
use std::fmt;

/// Most problems one error lists: a longer list is cut here and ends with one more problem of
/// kind [`ErrorKind::MoreProblems`] saying how many were left out.
pub const MAX_PROBLEMS: usize = 1_000;

/// One thing wrong with an input, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Problem {
    /// What kind of problem.
    pub kind: ErrorKind,
    /// Lowercase description, the offending value in backticks.
    pub message: String,
    /// The problem in Chinese for the people who keep the records: where (the person by name,
    /// the record's ID and date), what is wrong and what to fix (see
    /// the module `people_message`). Never quotes a confidential value. (A boxed `str`: a
    /// problem stays small enough to be an `Err` by value.)
    pub message_zh: Box<str>,
    /// JSON path of the offending value, such as `records.work_records[3].patrols[0].end`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// ID of the record or item concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// Date concerned, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Problem {
    /// A problem of `kind` with `message` and no location yet.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        let message = message.into();
        Problem {
            kind,
            message_zh: crate::error_zh::generic(kind, &message).into_boxed_str(),
            message,
            path: None,
            record: None,
            date: None,
        }
    }

    /// Adds the JSON path.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Adds the record ID.
    pub fn record(mut self, id: impl Into<String>) -> Self {
        self.record = Some(id.into());
        self
    }

    /// Adds the date.
    pub fn on(mut self, date: impl fmt::Display) -> Self {
        self.date = Some(date.to_string());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(path) = &self.path {
            write!(f, " at `{path}`")?;
        }
        if let Some(record) = &self.record {
            write!(f, " (record `{record}`)")?;
        }
        Ok(())
    }
}

/// The error of every fallible call of the core: one or more [`Problem`]s, all reported at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", render(.problems))]
pub struct Error {
    problems: Vec<Problem>,
}

fn render(problems: &[Problem]) -> String {
    match problems {
        [] => "no problem recorded".to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
    }
}

/// The first [`MAX_PROBLEMS`] problems, and when there were more, a last
/// problem of kind [`ErrorKind::MoreProblems`] saying how many were left out.
fn capped(mut problems: Vec<Problem>) -> Vec<Problem> {
    let limit = MAX_PROBLEMS;
    if problems.len() > limit {
        let more = problems.len() - limit;
        problems.truncate(limit);
        problems.shrink_to_fit();
        problems.push(Problem::new(
            ErrorKind::MoreProblems,
            format!(
                "and {more} more {} (a list of problems stops at {limit})",
                if more == 1 { "problem" } else { "problems" }
            ),
        ));
    }
    problems
}

impl Error {
    /// An error holding these problems, the list cut at [`MAX_PROBLEMS`] with a
    /// last [`ErrorKind::MoreProblems`] problem. An empty list is kept as is (callers use
    /// [`Error::check`]).
    pub fn from_problems(problems: Vec<Problem>) -> Self {
        Error {
            problems: capped(problems),
        }
    }

    /// `Ok(())` when `problems` is empty, otherwise an error holding them (at most
    /// [`MAX_PROBLEMS`] and a last [`ErrorKind::MoreProblems`] problem).
    pub fn check(problems: Vec<Problem>) -> Result<(), Error> {
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::from_problems(problems))
        }
    }

    /// Every problem, in the order found (cut at [`MAX_PROBLEMS`]).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Every problem, owned.
    pub(crate) fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    /// The same error with each problem passed through `f`.
    pub(crate) fn map_problems(self, f: impl FnMut(Problem) -> Problem) -> Error {
        Error {
            problems: self.problems.into_iter().map(f).collect(),
        }
    }

    /// The kind of the first problem (the one a short message shows).
    pub fn kind(&self) -> Option<ErrorKind> {
        self.problems.first().map(|p| p.kind)
    }
}

impl From<Problem> for Error {
    fn from(problem: Problem) -> Self {
        Error {
            problems: vec![problem],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tag of each kind is its serde name, and numbers run on without a gap or a repeat.
    #[test]
    fn each_kind_has_its_serde_name_as_tag_and_its_own_number() {
        for (i, kind) in ErrorKind::ALL.iter().enumerate() {
            let serde = serde_json::to_string(kind).unwrap_or_default();
            assert_eq!(serde, format!("\"{}\"", kind.tag()));
            assert_eq!(kind.code(), 10 + i as u32, "{kind:?}");
        }
    }
}
