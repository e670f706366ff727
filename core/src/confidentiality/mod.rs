//! Confidentiality (2.2.5), access scope, and the public notice (2.2.4).
//!
//! The ledgers of 2.1.2 hold the most sensitive data a community has; 2.2.5 forbids giving it
//! outside without approval of both the community Party organisation and the relevant functional
//! department, while 2.2.4 asks that workers' names, photos and phones be posted. This module
//! makes the wrong disclosure hard to make:
//!
//! - [`classes`]: every field of every document is public, internal or confidential;
//! - [`disclosure`]: requests decided against both approvals, each decision audited, grants
//!   redacted to what was asked;
//! - [`scope`]: what a grid worker, a grid leader or the subdistrict may see of a dossier;
//! - [`notice`]: the public board of a community, from public fields only.
//!
//! Grid divisions and their filings (1.2) are in [`crate::division`].

pub mod answer_class;
pub mod classes;
pub mod disclosure;
pub mod notice;
pub use crate::policy::confidentiality as policy;
pub mod scope;

pub use classes::{Class, FieldClass};
pub use disclosure::{
    Approval, ApprovalBody, AuditEntry, Decision, Disclosure, DisclosureRequest, Reason,
    ReasonKind, disclose, redact,
};
pub use notice::{PublicNotice, public_notice};
pub use policy::ConfidentialityPolicy;
pub use scope::{Scope, View, Viewer, view};
