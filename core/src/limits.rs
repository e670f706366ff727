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
//!
//! Exceeding one is an error of kind [`crate::ErrorKind::TooLarge`] (`WG_TOO_LARGE` = 21 in C).
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

use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};

/// Largest JSON document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// Most records one dossier may hold, all kinds together.
pub const MAX_RECORDS: usize = 2_000_000;

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

pub(crate) fn check_dossier(d: &Dossier) -> Result<(), Error> {
    let r = &d.records;
    let n = r.work_records.len()
        + r.problems.len()
        + r.proxy_cases.len()
        + r.ledger_entries.len()
        + r.meetings.len()
        + r.security_patrols.len()
        + r.red_grid_services.len()
        + r.group_studies.len()
        + r.self_studies.len()
        + r.notebook_reviews.len()
        + r.duty_shifts.len()
        + r.handovers.len()
        + r.leave.len()
        + r.clock_events.len()
        + r.spot_checks.len()
        + r.conduct_incidents.len();
    check_record_count(n)
}

fn check_record_count(n: usize) -> Result<(), Error> {
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
            crate::error::parse_json::<crate::policy::Requirement>(text)
                .err()
                .and_then(|e| e.kind())
        };
        assert_eq!(parse(&nested(MAX_NESTING + 1)), Some(ErrorKind::TooLarge));
        assert_ne!(parse(&nested(MAX_NESTING - 2)), Some(ErrorKind::TooLarge));
    }
}
