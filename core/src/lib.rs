//! # wangge (网格)
//!
//! The grid-worker management measures of a Chinese subdistrict — 新城街道网格员工作管理办法
//! (通经技新街党发〔2022〕64号) — as executable, traceable rules.
//!
//! wangge reads a [`Dossier`] (the organisation of a subdistrict and its records for a period)
//! and a [`Policy`] (the obligations of the measures as data, with every value the measures leave
//! open named and noted as a local choice), and produces a compliance [`Report`]: for each grid
//! worker, grid leader and community, for each obligation and each day, week, month or quarter,
//! whether the duty was *met*, *missed* or *excused*, on what evidence, by how much it fell
//! short, and which clause of the measures asks for it.
//!
//! The crate is pure: no I/O, no clock, no randomness, no `unsafe`. Bindings for C and
//! WebAssembly live in their own crates and add no rule.
//!
//! ```
//! use wangge::{evaluate, sample, Options, Policy, Status};
//!
//! let policy = Policy::xincheng_2022();          // the embedded default
//! let dossier = sample::community_2023();        // the built-in sample community
//! let report = evaluate(&policy, &dossier, &Options::default()).unwrap();
//!
//! // Clause 2.2.2: at least two hours of inspection each working day.
//! let w4 = report.person("w4").unwrap();
//! let short = w4
//!     .findings_of("patrol-minutes-daily")
//!     .find(|f| f.status == Status::Missed)
//!     .unwrap();
//! assert_eq!(short.clause, "2.2.2");
//! assert!(short.shortfall.as_ref().unwrap().actual < 120);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod api;
pub mod assessment;
pub mod attendance;
pub mod batch;
pub mod calendar;
pub mod clause;
pub mod compliance;
pub mod confidentiality;
pub mod csv;
pub mod decimal;
pub mod division;
pub mod dossier;
pub mod duties;
pub mod error;
pub mod error_zh;
pub mod evidence;
mod json;
pub mod lang;
pub mod limits;
pub mod organisation;
pub mod people_message;
pub mod policy;
mod reading;
pub mod records;
pub mod reform;
pub mod sample;
pub mod schema;
pub mod scope;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod time;

pub use calendar::Calendar;
pub use compliance::{Finding, Options, Report, Status, evaluate};
pub use dossier::Dossier;
pub use error::{Error, ErrorKind, Problem};
pub use lang::Lang;
pub use organisation::{Organisation, Role};
pub use policy::{Policy, PolicyDocument};
pub use records::Records;
pub use time::{Date, DateRange, LocalTime, PeriodKind};

/// The crate version, as in `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Serialises any document or answer of this crate as pretty JSON.
pub fn to_json_pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"serialisation_error\":\"{e}\"}}"))
}

/// Serialises any document or answer of this crate as compact JSON.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"serialisation_error\":\"{e}\"}}"))
}

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
