//! Clause IDs of the measures and their original text.
//!
//! IDs follow `shared/measures/CLAUSES.md` (chapter `1`..`5`, section, item; the grid-leader
//! paragraph of 二（一） is `2.1.0`). The text of each clause is embedded, word for word, from the
//! original 新城街道网格员工作管理办法 (通经技新街党发〔2022〕64号).

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

pub(crate) const CLAUSE_ERROR_MARK: &str = "\u{1}clause:";

/// One clause of the measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Clause ID, as in CLAUSES.md.
    pub id: String,
    /// Chinese heading.
    pub title_zh: String,
    /// English heading.
    pub title_en: String,
    /// The original text of the clause.
    pub text_zh: String,
}

#[derive(Deserialize)]
struct Table {
    #[allow(dead_code, reason = "kept in the embedded file for readers")]
    source: String,
    clauses: Vec<Clause>,
}

const TABLE: &str = include_str!("../data/clauses.json");

/// Every clause of the measures, in document order.
pub fn all() -> &'static [Clause] {
    static CLAUSES: OnceLock<Vec<Clause>> = OnceLock::new();
    CLAUSES.get_or_init(|| {
        #[expect(
            clippy::expect_used,
            reason = "embedded at build time and parsed by a unit test"
        )]
        let table: Table = serde_json::from_str(TABLE).expect("embedded clause table parses");
        table.clauses
    })
}

/// The clause with this ID, if the measures have it.
///
/// ```
/// let clause = wangge::clause::get("2.2.2").unwrap();
/// assert_eq!(clause.title_zh, "走访巡查制度");
/// assert!(clause.text_zh.contains("保证每天巡查两小时以上"));
/// ```
pub fn get(id: &str) -> Option<&'static Clause> {
    all().iter().find(|c| c.id == id)
}

/// A clause ID known to the measures, such as `2.2.2`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClauseId(String);

impl ClauseId {
    /// The ID if the measures have such a clause.
    pub fn new(id: &str) -> Option<ClauseId> {
        get(id).map(|_| ClauseId(id.to_owned()))
    }

    /// The ID as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The clause itself.
    pub fn clause(&self) -> Option<&'static Clause> {
        get(&self.0)
    }
}

impl fmt::Display for ClauseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ClauseId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ClauseId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(d)?;
        ClauseId::new(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{CLAUSE_ERROR_MARK}`{text}` is not a clause of the measures"
            ))
        })
    }
}

impl JsonSchema for ClauseId {
    fn schema_name() -> Cow<'static, str> {
        "ClauseId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<&str> = all().iter().map(|c| c.id.as_str()).collect();
        json_schema!({
            "type": "string",
            "enum": ids,
            "description": "A clause ID of the measures, as in CLAUSES.md."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_every_clause_of_the_map_in_order() {
        let ids: Vec<&str> = all().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), 36);
        assert_eq!(ids.first(), Some(&"1"));
        assert_eq!(ids.last(), Some(&"5.2"));
        for c in all() {
            assert!(!c.text_zh.is_empty(), "clause {} has text", c.id);
        }
    }

    #[test]
    fn clause_2_1_4_text_says_weekly_patrol() {
        assert!(
            get("2.1.4")
                .unwrap()
                .text_zh
                .contains("每周开展治安巡逻防控")
        );
        assert!(ClauseId::new("2.9.9").is_none());
    }
}
