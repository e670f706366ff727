//! Input limits, so that no input can exhaust a host process.
//!
//! | limit | value |
//! |---|---|
//! | size of one JSON document | [`MAX_DOCUMENT_BYTES`] (64 MiB) |
//! | JSON nesting depth | 128 (serde_json's recursion limit) |
//! | records of one dossier, all kinds together | [`MAX_RECORDS`] (2,000,000) |
//!
//! Exceeding one is an error of kind [`crate::ErrorKind::TooLarge`].

use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};

/// Largest JSON document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// Most records one dossier may hold, all kinds together.
pub const MAX_RECORDS: usize = 2_000_000;

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
