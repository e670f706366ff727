//! Input limits, so that no input can exhaust a host process.
//!
//! wangge runs inside other people's processes (a platform's server, an office's browser), so
//! every document is checked against these limits before any work is done on it, and the work
//! done on an accepted document grows in proportion to its size (`core/tests/limits.rs` checks
//! that four times the input takes far less than sixteen times as long).
//!
//! | limit | value | checked | error |
//! |---|---|---|---|
//! | size of one JSON document (policy, dossier, options) | [`MAX_DOCUMENT_BYTES`] (64 MiB) | before parsing | `too_large`, no path |
//! | JSON nesting depth | [`MAX_NESTING`] (128, serde_json's recursion limit) | while parsing | `too_large`, at the path where it was exceeded |
//! | records of one dossier, all kinds together | [`MAX_RECORDS`] (2,000,000) | after parsing, before validation | `too_large` at `records` |
//! | area placements the divisions ask to check (each division × the areas of its community) | [`MAX_DIVISION_AREAS`] (4,000,000) | after parsing, before validation | `too_large` at `organisation.divisions` |
//! | size of an `evaluate`, `assess`, `attendance` or `evidence` answer: people × days of the period asked | [`MAX_PERSON_DAYS`] (250,000, about 310 MiB at [`BYTES_PER_PERSON_DAY`]) | after validation, before any work | `too_large` at `period` |
//! | problems in one error | [`MAX_PROBLEMS`] (1,000) | when the error is made | the first 1,000, then one `more_problems` problem: `and N more problems` |
//! | values one `sweep` assesses (each is a whole `assess`) | [`MAX_SWEEP_VALUES`] (50) | before any work | `too_large` at `values` |
//! | areas one division lists as in no grid (1.2) | [`MAX_UNPLACED_AREAS_LISTED`] (20) | during validation | the rest counted in one problem: `and N more areas …` |
//!
//! Exceeding one of the first four, or the sweep limit, is an error of kind [`crate::ErrorKind::TooLarge`]
//! (`WG_TOO_LARGE` = 21 in C); a cut list ends with a problem of kind
//! [`crate::ErrorKind::MoreProblems`] (`WG_MORE_PROBLEMS` = 23), never the first one.
//!
//! Work and memory: every check of a dossier is linear or n·log n in its size (IDs, references
//! and overlaps through sorted indexes built once), so the problems found are at most a few
//! per record before the list is cut; an answer grows with people × days (the findings of each
//! day), which [`MAX_PERSON_DAYS`] bounds before it is built. `core/tests/limits.rs` and
//! `core/tests/bounds.rs` double the input of each path that was quadratic and generate each
//! attack input (4,000 identical assignments, 1,000 workers over five years, 20,000 areas,
//! empty divisions).
//!
//! Notes for callers:
//!
//! - The C ABI checks a document's length before reading a byte of it, and reads short text
//!   arguments (dates, clause IDs) only up to 1024 bytes; the WebAssembly binding passes strings
//!   through to these checks.
//! - Typed documents rarely get deep: a value of the wrong shape is refused at the first level
//!   that does not fit, long before 128 levels. Nesting is followed to the limit only where a
//!   value is read whole before its type is known (a policy requirement, tagged by `kind`).
//! - The smallest record takes about 40 bytes of JSON, so a dossier within 64 MiB holds at most
//!   about 1.6 million records: for JSON input the size limit binds first, and [`MAX_RECORDS`]
//!   guards dossiers built some other way. A dossier of a million records is accepted.
//! - Strings have no limit of their own beyond the document's: a 100 KB name is accepted, and
//!   a message quoting it quotes it whole.

use crate::error::{Error, ErrorKind, Problem};

/// Largest JSON document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// Most records one dossier may hold, all kinds together.
pub const MAX_RECORDS: usize = 2_000_000;

/// Most problems one error lists (declared with the error type, a primitive every layer uses).
pub use crate::error::MAX_PROBLEMS;

/// Most person-days (people of the organisation × days of the period) one `evaluate`,
/// `assess`, `attendance` or `evidence` answer may cover. Their answers hold findings and
/// attendance days per person and day (up to about [`BYTES_PER_PERSON_DAY`] bytes each), so
/// this bounds them near 310 MiB; a larger request is refused as `too_large` before any work.
/// A subdistrict of 680 people fits over a year; ask a long period of a large organisation a
/// year or a community at a time.
pub const MAX_PERSON_DAYS: u64 = 250_000;

/// The most bytes one person-day adds to an answer, as measured on an organisation whose
/// workers keep no records (every obligation missed every day, the largest answer per day):
/// the estimate behind [`MAX_PERSON_DAYS`].
pub const BYTES_PER_PERSON_DAY: u64 = 1_300;

/// Most area placements one dossier's divisions may ask to check (1.2): for each division,
/// the areas of the community it divides, summed. Checking that every area is in a grid takes
/// this many steps, so it is bounded before validation (`too_large` at
/// `organisation.divisions`). 100 divisions of a community of 40,000 areas fit.
pub const MAX_DIVISION_AREAS: usize = 4_000_000;

/// Most areas named in no grid that one division reports one by one (1.2); the rest of that
/// division's are counted in one last problem.
pub const MAX_UNPLACED_AREAS_LISTED: usize = 20;

/// Most values one [`crate::reform::sweep`] takes: each value is a whole assessment of the
/// dossier (its score, exceptions, quota and consequences are the assessment's own steps), so
/// a sweep costs this many assessments at most, and its answer holds this many distributions.
/// Enough for every whole point between 50 and 100; sweep a coarse grid first, then a fine one.
pub const MAX_SWEEP_VALUES: usize = 50;

/// Deepest JSON nesting accepted (arrays and objects), serde_json's recursion limit; deeper
/// input is refused as `too_large` while parsing.
pub const MAX_NESTING: usize = 128;

pub(crate) fn check_text(text: &str) -> Result<(), Error> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Problem::new(
            ErrorKind::TooLarge,
            format!(
                "document is {} bytes, more than the limit of {MAX_DOCUMENT_BYTES}",
                text.len()
            ),
        )
        .into());
    }
    Ok(())
}

/// Refuses the area placements a dossier's divisions ask to check (`total`: for each
/// division, the areas of the community it divides) beyond [`MAX_DIVISION_AREAS`].
pub(crate) fn check_division_areas(total: usize) -> Result<(), Error> {
    if total > MAX_DIVISION_AREAS {
        return Err(Problem::new(
            ErrorKind::TooLarge,
            format!(
                "the divisions ask to place {total} areas (each division times the areas of its \
                 community), more than the limit of {MAX_DIVISION_AREAS}"
            ),
        )
        .at("organisation.divisions")
        .into());
    }
    Ok(())
}

/// Refuses, before any work, a call whose answer would cover more than [`MAX_PERSON_DAYS`]
/// person-days (`people` of the organisation × `days` of the period).
pub(crate) fn check_person_days(people: u64, days: u64) -> Result<(), Error> {
    let person_days = people.saturating_mul(days);
    if person_days > MAX_PERSON_DAYS {
        let estimate = person_days.saturating_mul(BYTES_PER_PERSON_DAY);
        return Err(Problem::new(
            ErrorKind::TooLarge,
            format!(
                "the answer would cover {people} people × {days} days = {person_days} person-days \
                 (about {} MiB), more than the limit of {MAX_PERSON_DAYS}: ask a shorter period \
                 or fewer communities",
                estimate / (1024 * 1024)
            ),
        )
        .at("period")
        .into());
    }
    Ok(())
}

/// Refuses a dossier of more than [`MAX_RECORDS`] records.
pub(crate) fn check_record_count(n: usize) -> Result<(), Error> {
    if n > MAX_RECORDS {
        return Err(Problem::new(
            ErrorKind::TooLarge,
            format!("dossier holds {n} records, more than the limit of {MAX_RECORDS}"),
        )
        .at("records")
        .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dossier_may_hold_exactly_the_most_records_and_not_one_more() {
        assert!(check_record_count(MAX_RECORDS).is_ok());
        let err = check_record_count(MAX_RECORDS + 1).err();
        let problem = err.as_ref().and_then(|e| e.problems().first());
        assert_eq!(problem.map(|p| p.kind), Some(ErrorKind::TooLarge));
        assert_eq!(problem.and_then(|p| p.path.as_deref()), Some("records"));
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_too_large_not_a_syntax_error() {
        // Regression: serde_json files its recursion limit under syntax errors.
        let nested = |depth: usize| {
            format!(
                r#"{{"kind":"record_count","record":"dispatch_meeting","minimum":1,"x":{}{}}}"#,
                "[".repeat(depth),
                "]".repeat(depth)
            )
        };
        let parse = |text: &str| {
            crate::json::parse_json::<crate::policy::Requirement>(text)
                .err()
                .and_then(|e| e.kind())
        };
        assert_eq!(parse(&nested(MAX_NESTING + 1)), Some(ErrorKind::TooLarge));
        assert_ne!(parse(&nested(MAX_NESTING - 2)), Some(ErrorKind::TooLarge));
    }
}
