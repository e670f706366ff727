//! The confidentiality section of a policy (2.2.5): how long an approval stays valid when it
//! gives no end date, the functional departments, and which department is "relevant" (相关职能部门)
//! for which data. None of these is in the measures; each is a [`Choice`] noted as a local choice.

use crate::error::{ErrorKind, Problem};
use crate::policy::choice::{Choice, check_choice};
use crate::records::ledger::LedgerKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Open values of confidentiality and disclosure (2.2.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfidentialityPolicy {
    /// Days an approval that names no end date stays valid, counted from the day it was given
    /// (inclusive: an approval given on day D with 30 days is valid through D + 30).
    pub approval_valid_days: Choice<i64>,
    /// The functional departments (职能部门) that may approve a disclosure.
    pub departments: Choice<Vec<Department>>,
    /// Which department is relevant for which data: every rule that matches the data asked
    /// must be satisfied by an approval of one of its departments.
    pub relevant_departments: Choice<Vec<RelevantDepartment>>,
}

/// A functional department (职能部门).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Stable ID, used by approvals and rules.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
}

/// One rule of relevance: data of `records` (and, for ledgers, of `ledger_kinds`) needs the
/// approval of one of `departments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelevantDepartment {
    /// The part of the dossier: a record list (`ledger_entries`, `problems`, …) or
    /// `organisation`. Absent: the fallback for data no other rule names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<String>,
    /// For `ledger_entries`: the ledger kinds the rule is for; every kind when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ledger_kinds: Vec<LedgerKind>,
    /// Departments any one of which satisfies the rule.
    pub departments: Vec<String>,
}

impl ConfidentialityPolicy {
    /// The department with this ID.
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.value.iter().find(|d| d.id == id)
    }

    /// Every problem with this section (empty when valid); `at` is its JSON path.
    pub fn validate(&self, at: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.check_choices(at, &mut problems);
        let ids = self.check_departments(at, &mut problems);
        self.check_relevant_departments(at, &ids, &mut problems);
        problems
    }

    /// Each local choice names its clause and says why; no negative validity of an approval.
    fn check_choices(&self, at: &str, problems: &mut Vec<Problem>) {
        for (field, clause, note) in [
            (
                "approval_valid_days",
                &self.approval_valid_days.clause,
                &self.approval_valid_days.note,
            ),
            (
                "departments",
                &self.departments.clause,
                &self.departments.note,
            ),
            (
                "relevant_departments",
                &self.relevant_departments.clause,
                &self.relevant_departments.note,
            ),
        ] {
            check_choice(clause, note, &format!("{at}.{field}"), problems);
        }
        if self.approval_valid_days.value < 0 {
            problems.push(
                Problem::new(
                    ErrorKind::InvalidPolicy,
                    format!(
                        "an approval valid for `{}` days is negative",
                        self.approval_valid_days.value
                    ),
                )
                .at(format!("{at}.approval_valid_days.value")),
            );
        }
    }

    /// The functional departments: each with an ID, defined once. Returns their IDs.
    fn check_departments(&self, at: &str, problems: &mut Vec<Problem>) -> BTreeSet<&str> {
        let mut ids = BTreeSet::new();
        for (i, d) in self.departments.value.iter().enumerate() {
            let here = format!("{at}.departments.value[{i}].id");
            if d.id.trim().is_empty() {
                problems.push(
                    Problem::new(ErrorKind::InvalidPolicy, "a department has an empty `id`")
                        .at(here),
                );
            } else if !ids.insert(d.id.as_str()) {
                problems.push(
                    Problem::new(
                        ErrorKind::DuplicateId,
                        format!("department `{}` is defined twice", d.id),
                    )
                    .at(here)
                    .record(&d.id),
                );
            }
        }
        ids
    }

    /// The rules of relevant departments (2.2.5): each naming departments of the policy, a
    /// record list of a dossier, and ledger kinds only for ledgers.
    fn check_relevant_departments(
        &self,
        at: &str,
        ids: &BTreeSet<&str>,
        problems: &mut Vec<Problem>,
    ) {
        for (i, r) in self.relevant_departments.value.iter().enumerate() {
            let here = format!("{at}.relevant_departments.value[{i}]");
            if r.departments.is_empty() {
                problems.push(
                    Problem::new(ErrorKind::InvalidPolicy, "a rule names no department")
                        .at(format!("{here}.departments")),
                );
            }
            for (j, d) in r.departments.iter().enumerate() {
                if !ids.contains(d.as_str()) {
                    problems.push(
                        Problem::new(
                            ErrorKind::UnknownReference,
                            format!("no department has the ID `{d}`"),
                        )
                        .at(format!("{here}.departments[{j}]"))
                        .record(d),
                    );
                }
            }
            match r.records.as_deref() {
                Some(list) if !crate::confidentiality::classes::is_dossier_part(list) => problems
                    .push(
                        Problem::new(
                            ErrorKind::InvalidPolicy,
                            format!("`{list}` is neither a record list nor `organisation`"),
                        )
                        .at(format!("{here}.records")),
                    ),
                Some("ledger_entries") => {}
                _ if !r.ledger_kinds.is_empty() => problems.push(
                    Problem::new(
                        ErrorKind::InvalidPolicy,
                        "`ledger_kinds` applies to `ledger_entries` only",
                    )
                    .at(format!("{here}.ledger_kinds")),
                ),
                _ => {}
            }
        }
    }
}
