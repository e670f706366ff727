//! The C ABI of wangge: `libwangge.so` / `libwangge.a` and the header `include/wangge.h`.
//!
//! This crate is a thin adapter over the core crate (`wangge`, renamed `wangge_core` here): it
//! reads C arguments, calls `wangge_core::api`, and hands back owned answers and errors. It holds
//! no rule of the measures.
//!
//! Conventions of every exported function (the header repeats them):
//!
//! - Symbols are prefixed `wg_` and named `wg_<thing>_<verb>`.
//! - Fallible calls return a [`wg_result`] (`WG_OK` = 0) and take a last `wg_error **error_out`
//!   argument: NULL is fine; otherwise it receives NULL on success and, on failure, a
//!   [`wg_error`] owned by the caller, freed with `wg_error_free`, carrying the same messages,
//!   JSON paths, record IDs and dates as the Rust error.
//! - Every body runs inside one panic boundary (`panic::unwind`): a bug answers `WG_PANIC`, it
//!   never unwinds into the caller.
//! - NULL pointers answer `WG_NULL_PARAMETER`, invalid UTF-8 `WG_INVALID_UTF8`, input larger than
//!   the limits `WG_TOO_LARGE`; none is read past its stated length.
//! - Handles (`wg_policy`, `wg_report`, `wg_assessment`) are immutable once made and may be shared between
//!   threads without locking.
#![deny(missing_docs)]
#![allow(
    non_camel_case_types,
    reason = "C names: the header's types are wg_<thing> like the functions"
)]

// Declared in the order the header lists them (blank lines keep rustfmt from sorting).
pub mod string;

pub mod error;

pub mod input;

pub mod policy;

pub mod report;

pub mod assessment;

pub mod clause;

pub mod confidentiality;

pub mod division;

pub mod call;

pub mod reform;

mod panic;

pub use assessment::{wg_assessment, wg_grade, wg_reason, wg_worker_result};
pub use error::{wg_error, wg_result};
pub use policy::wg_policy;
pub use report::{wg_person_totals, wg_report};
