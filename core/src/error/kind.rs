//! The kinds of problem, listed once: each kind's doc, variant, stable number and tag (the
//! lowest module of the crate: the wording of [`crate::error_zh`] and the problems of
//! [`crate::error`] both read it).

use serde::Serialize;

/// Declares [`ErrorKind`] from one table: each kind's doc, variant, stable number and tag.
/// The serde name of a kind (`rename_all = "snake_case"`) is its tag; a test holds them together.
macro_rules! error_kinds {
    ($($(#[doc = $doc:literal])* $kind:ident = $code:literal, $tag:literal;)+) => {
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
            $($(#[doc = $doc])* $kind,)+
        }

        impl ErrorKind {
            /// Every kind, in number order.
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$kind),+];

            /// The stable number of this kind, as the C ABI reports it (`0` is reserved for success).
            pub fn code(self) -> u32 {
                match self {
                    $(ErrorKind::$kind => $code,)+
                }
            }

            /// The snake_case tag of this kind, as JSON answers carry it.
            pub fn tag(self) -> &'static str {
                match self {
                    $(ErrorKind::$kind => $tag,)+
                }
            }
        }
    };
}

error_kinds! {
    /// The text is not well-formed JSON.
    Syntax = 10, "syntax";
    /// A value has the wrong type, a field is missing, or a field is not known.
    Shape = 11, "shape";
    /// A date, a time or an interval is impossible (2023-02-29, `25:00`, end before start).
    InvalidTime = 12, "invalid_time";
    /// Two records of one person overlap (patrol sessions, leave).
    Overlap = 13, "overlap";
    /// Two items share an ID that must be unique.
    DuplicateId = 14, "duplicate_id";
    /// A record names a person, grid, community or other item that does not exist.
    UnknownReference = 15, "unknown_reference";
    /// A date lies in a year the working-day calendar does not know.
    OutsideCalendar = 16, "outside_calendar";
    /// A policy value is out of range or inconsistent (negative minimum, inverted dates).
    InvalidPolicy = 17, "invalid_policy";
    /// A clause ID that the measures do not have.
    UnknownClause = 18, "unknown_clause";
    /// The organisation breaks a rule of the measures (a grid leader who is not the Party
    /// secretary, a helper without a kind).
    InvalidOrganisation = 19, "invalid_organisation";
    /// A requested period is outside the dossier or the policy's force.
    InvalidPeriod = 20, "invalid_period";
    /// Input larger or deeper than the documented limits.
    TooLarge = 21, "too_large";
    /// Steps recorded in an order the measures do not allow (a resolution without its
    /// escalation, 2.2.2).
    OutOfOrder = 22, "out_of_order";
    /// The last problem of a list cut at [`crate::limits::MAX_PROBLEMS`]: says how many more
    /// were found and left out (`and 1234 more problems`).
    MoreProblems = 23, "more_problems";
}
