//! The language of the texts of an answer (a primitive: every layer that writes texts takes it).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Language of the human-readable texts in a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Chinese (default).
    #[default]
    Zh,
    /// English.
    En,
}
