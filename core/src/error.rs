//! Errors of the core: one type, [`Error`], holding every problem found at once.
//!
//! Each [`Problem`] has a stable [`ErrorKind`] (for bindings, which map it to a number or a tag),
//! a lowercase message with the offending value in backticks, and where known the JSON path,
//! the record ID and the date it concerns.

use serde::Serialize;
use std::fmt;

/// What kind of problem a document or a request has.
///
/// Kinds are stable: bindings expose them as numbers ([`ErrorKind::code`]) and as snake_case
/// tags, and neither is ever renumbered or reused.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not well-formed JSON.
    Syntax,
    /// A value has the wrong type, a field is missing, or a field is not known.
    Shape,
    /// A date, a time or an interval is impossible (2023-02-29, `25:00`, end before start).
    InvalidTime,
    /// Two records of one person overlap (patrol sessions, leave).
    Overlap,
    /// Two items share an ID that must be unique.
    DuplicateId,
    /// A record names a person, grid, community or other item that does not exist.
    UnknownReference,
    /// A date lies in a year the working-day calendar does not know.
    OutsideCalendar,
    /// A policy value is out of range or inconsistent (negative minimum, inverted dates).
    InvalidPolicy,
    /// A clause ID that the measures do not have.
    UnknownClause,
    /// The organisation breaks a rule of the measures (a grid leader who is not the Party
    /// secretary, a helper without a kind).
    InvalidOrganisation,
    /// A requested period is outside the dossier or the policy's force.
    InvalidPeriod,
    /// Input larger or deeper than the documented limits.
    TooLarge,
    /// Steps recorded in an order the measures do not allow (a resolution without its
    /// escalation, 2.2.2).
    OutOfOrder,
}

impl ErrorKind {
    /// The stable number of this kind, as the C ABI reports it (`0` is reserved for success).
    pub fn code(self) -> u32 {
        match self {
            ErrorKind::Syntax => 10,
            ErrorKind::Shape => 11,
            ErrorKind::InvalidTime => 12,
            ErrorKind::Overlap => 13,
            ErrorKind::DuplicateId => 14,
            ErrorKind::UnknownReference => 15,
            ErrorKind::OutsideCalendar => 16,
            ErrorKind::InvalidPolicy => 17,
            ErrorKind::UnknownClause => 18,
            ErrorKind::InvalidOrganisation => 19,
            ErrorKind::InvalidPeriod => 20,
            ErrorKind::TooLarge => 21,
            ErrorKind::OutOfOrder => 22,
        }
    }

    /// The snake_case tag of this kind, as JSON answers carry it.
    pub fn tag(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax",
            ErrorKind::Shape => "shape",
            ErrorKind::InvalidTime => "invalid_time",
            ErrorKind::Overlap => "overlap",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::UnknownReference => "unknown_reference",
            ErrorKind::OutsideCalendar => "outside_calendar",
            ErrorKind::InvalidPolicy => "invalid_policy",
            ErrorKind::UnknownClause => "unknown_clause",
            ErrorKind::InvalidOrganisation => "invalid_organisation",
            ErrorKind::InvalidPeriod => "invalid_period",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::OutOfOrder => "out_of_order",
        }
    }
}

/// One thing wrong with an input, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Problem {
    /// What kind of problem.
    pub kind: ErrorKind,
    /// Lowercase description, the offending value in backticks.
    pub message: String,
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
        Problem {
            kind,
            message: message.into(),
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

impl Error {
    /// An error holding these problems. An empty list is kept as is (callers use [`Error::check`]).
    pub fn from_problems(problems: Vec<Problem>) -> Self {
        Error { problems }
    }

    /// `Ok(())` when `problems` is empty, otherwise an error holding them all.
    pub fn check(problems: Vec<Problem>) -> Result<(), Error> {
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error { problems })
        }
    }

    /// Every problem, in the order found.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
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

/// Parses JSON text into `T`, naming the JSON path of the first problem.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    match result {
        Ok(value) => {
            de.end().map_err(|e| {
                Problem::new(ErrorKind::Syntax, format!("trailing text: {}", lower(&e)))
            })?;
            Ok(value)
        }
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            let kind = match inner.classify() {
                // serde_json files its recursion limit (128 levels) under syntax: it is ours.
                serde_json::error::Category::Syntax
                    if inner.to_string().starts_with("recursion limit exceeded") =>
                {
                    ErrorKind::TooLarge
                }
                serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                    ErrorKind::Syntax
                }
                serde_json::error::Category::Data => classify_data(&inner),
                serde_json::error::Category::Io => ErrorKind::Syntax,
            };
            let mut problem = Problem::new(kind, lower(&inner));
            if path != "." {
                problem = problem.at(path);
            }
            Err(problem.into())
        }
    }
}

/// Messages of our own deserialisers start with a marker naming their kind.
fn classify_data(err: &serde_json::Error) -> ErrorKind {
    let text = err.to_string();
    if text.starts_with(crate::time::TIME_ERROR_MARK) {
        ErrorKind::InvalidTime
    } else if text.starts_with(crate::clause::CLAUSE_ERROR_MARK) {
        ErrorKind::UnknownClause
    } else if text.contains("recursion limit") {
        ErrorKind::TooLarge
    } else {
        ErrorKind::Shape
    }
}

/// serde_json's message, without its ` at line L column C` tail, with a lowercase first letter.
fn lower(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) if err.line() > 0 => text.get(..at).unwrap_or(&text).to_owned(),
        _ => text,
    };
    let text = text
        .strip_prefix(crate::time::TIME_ERROR_MARK)
        .or_else(|| text.strip_prefix(crate::clause::CLAUSE_ERROR_MARK))
        .unwrap_or(&text)
        .to_owned();
    // Lowercase the first letter of a sentence, not of an acronym such as `EOF`.
    let mut chars = text.chars();
    let base = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text,
    };
    if err.line() > 0 {
        format!("{base} (line {}, column {})", err.line(), err.column())
    } else {
        base
    }
}
