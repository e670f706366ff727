//! The evidence section of a policy: the open values of 2.1.2, 2.1.4, 2.1.7, 2.1.8 and 2.2.2
//! that the evidence rules need, each with the clause it interprets and a note.

use crate::clause::ClauseId;
use crate::error::{ErrorKind, Problem};
use crate::policy::choice::{Choice, check_choice};
use crate::records::ledger::LedgerKind;
use crate::records::musts::MustVisit;
use crate::records::problem::ProblemCategory;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Open values of the evidence rules (2.1.2, 2.1.4, 2.1.7, 2.1.8, 2.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidencePolicy {
    /// "At once" (第一时间, 2.1.4): most minutes from finding to reporting, inclusive.
    pub at_once_minutes: Choice<i64>,
    /// "Promptly" (及时, 2.1.7, 2.1.8): most minutes from finding to reporting, inclusive.
    pub promptly_minutes: Choice<i64>,
    /// Categories to report at once on both channels (2.1.4).
    pub at_once_categories: Choice<Vec<ProblemCategory>>,
    /// Categories to report promptly on both channels (2.1.7, 2.1.8).
    pub promptly_categories: Choice<Vec<ProblemCategory>>,
    /// Categories to pass on promptly, on any one channel (2.1.7 及时发现、收集、反映): within
    /// `promptly_minutes` of finding, a report to the community or the grid WeChat group.
    pub pass_on_categories: Choice<Vec<ProblemCategory>>,
    /// Most days since a ledger entry's last update, per named ledger kind, inclusive (2.1.2).
    pub ledger_max_age_days: Choice<Vec<LedgerMaxAge>>,
    /// Which ledgers show that a must-visit group lives in a grid (2.1.2 → 2.2.2).
    pub must_visit_ledgers: Choice<Vec<MustVisitLedgers>>,
    /// Problem categories the policy adds under `other` (the lists of 2.1.4–2.1.8 end in 等).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_categories: Vec<ExtraCategory>,
    /// Ledger kinds the policy adds under `other` (the list of 2.1.2 ends in 等).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_ledger_kinds: Vec<ExtraLedgerKind>,
}

/// The staleness limit of one named ledger kind (2.1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LedgerMaxAge {
    /// The ledger kind (not `other`: added kinds carry their own limit).
    pub kind: LedgerKind,
    /// Most days since the last update; an entry exactly this old is current.
    pub days: i64,
}

/// The ledgers that show a must-visit group lives in a grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MustVisitLedgers {
    /// The must-visit group (五必访, 2.2.2).
    pub group: MustVisit,
    /// Named ledger kinds whose current entries show the group is present.
    pub ledgers: Vec<LedgerKind>,
}

/// How fast problems of a category must be reported on both channels.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// 第一时间 (2.1.4): within `at_once_minutes`.
    AtOnce,
    /// 及时上报 (2.1.7, 2.1.8): within `promptly_minutes`, on both channels.
    Promptly,
    /// 及时反映 (2.1.7): within `promptly_minutes`, on any one channel.
    PassOn,
    /// No reporting deadline.
    None,
}

impl Urgency {
    /// Whether a report on every channel is due (2.1.4, 2.1.7, 2.1.8 上报社区和网格微信群), or on
    /// any one (2.1.7 及时反映).
    pub fn every_channel(self) -> bool {
        !matches!(self, Urgency::PassOn)
    }

    /// Whether this is a 及时 (prompt) deadline of 2.1.7 / 2.1.8 rather than 第一时间 (2.1.4).
    pub fn is_prompt(self) -> bool {
        matches!(self, Urgency::Promptly | Urgency::PassOn)
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Urgency::AtOnce => "第一时间上报",
            Urgency::Promptly => "及时上报",
            Urgency::PassOn => "及时反映",
            Urgency::None => "无上报时限",
        }
    }
}

/// A problem category the policy adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraCategory {
    /// Stable ID, used as `other_category` on problems.
    pub id: String,
    /// Chinese label.
    pub label_zh: String,
    /// The clause whose list it extends.
    #[schemars(with = "ClauseId")]
    pub clause: String,
    /// How fast it must be reported.
    pub urgency: Urgency,
    /// Why: says it is a local choice.
    pub note: String,
}

/// A ledger kind the policy adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraLedgerKind {
    /// Stable ID, used as `other_kind` on ledger entries.
    pub id: String,
    /// Chinese label.
    pub label_zh: String,
    /// Most days since the last update, inclusive.
    pub max_age_days: i64,
    /// The must-visit group its entries show, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub must_visit: Option<MustVisit>,
    /// Why: says it is a local choice.
    pub note: String,
}

/// The reporting deadline of a problem: urgency, minutes and the clause that asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// At once or promptly.
    pub urgency: Urgency,
    /// Most minutes from finding to reporting, inclusive.
    pub minutes: i64,
    /// The clause asking for it.
    pub clause: &'static str,
}

impl EvidencePolicy {
    /// The extra category with this ID.
    pub fn extra_category(&self, id: &str) -> Option<&ExtraCategory> {
        self.extra_categories.iter().find(|c| c.id == id)
    }

    /// The extra ledger kind with this ID.
    pub fn extra_ledger_kind(&self, id: &str) -> Option<&ExtraLedgerKind> {
        self.extra_ledger_kinds.iter().find(|c| c.id == id)
    }

    /// The reporting deadline of a problem of `category` (and `other_category`), if any.
    ///
    /// At-once reports cite 2.1.4; prompt reports (on both channels, or passed on on any one)
    /// cite 2.1.8 for wage arrears and 2.1.7 else.
    pub fn deadline(&self, category: ProblemCategory, other: Option<&str>) -> Option<Deadline> {
        let urgency = match (category, other.and_then(|o| self.extra_category(o))) {
            (ProblemCategory::Other, Some(extra)) => extra.urgency,
            _ if self.at_once_categories.value.contains(&category) => Urgency::AtOnce,
            _ if self.promptly_categories.value.contains(&category) => Urgency::Promptly,
            _ if self.pass_on_categories.value.contains(&category) => Urgency::PassOn,
            _ => Urgency::None,
        };
        match urgency {
            Urgency::AtOnce => Some(Deadline {
                urgency,
                minutes: self.at_once_minutes.value,
                clause: "2.1.4",
            }),
            Urgency::Promptly | Urgency::PassOn => Some(Deadline {
                urgency,
                minutes: self.promptly_minutes.value,
                clause: if category == ProblemCategory::WageArrearsRisk {
                    "2.1.8"
                } else {
                    "2.1.7"
                },
            }),
            Urgency::None => None,
        }
    }

    /// The staleness limit in days of a ledger kind (and `other_kind`), if the policy has one.
    pub fn ledger_limit(&self, kind: LedgerKind, other: Option<&str>) -> Option<i64> {
        match kind {
            LedgerKind::Other => other
                .and_then(|o| self.extra_ledger_kind(o))
                .map(|e| e.max_age_days),
            _ => self
                .ledger_max_age_days
                .value
                .iter()
                .find(|l| l.kind == kind)
                .map(|l| l.days),
        }
    }

    /// The must-visit groups an entry of this ledger kind shows.
    pub fn groups_of(&self, kind: LedgerKind, other: Option<&str>) -> Vec<MustVisit> {
        match kind {
            LedgerKind::Other => other
                .and_then(|o| self.extra_ledger_kind(o))
                .and_then(|e| e.must_visit)
                .into_iter()
                .collect(),
            _ => self
                .must_visit_ledgers
                .value
                .iter()
                .filter(|m| m.ledgers.contains(&kind))
                .map(|m| m.group)
                .collect(),
        }
    }

    /// Every problem with this section (empty when valid); `at` is its JSON path.
    pub fn validate(&self, at: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.check_choices(at, &mut problems);
        self.check_deadlines(at, &mut problems);
        self.check_ledger_limits(at, &mut problems);
        self.check_must_visit_ledgers(at, &mut problems);
        self.check_extras(at, &mut problems);
        problems
    }

    /// Each local choice names its clause and says why (a note).
    fn check_choices(&self, at: &str, problems: &mut Vec<Problem>) {
        let choices: [(&str, &str, &str); 7] = [
            (
                "at_once_minutes",
                &self.at_once_minutes.clause,
                &self.at_once_minutes.note,
            ),
            (
                "promptly_minutes",
                &self.promptly_minutes.clause,
                &self.promptly_minutes.note,
            ),
            (
                "at_once_categories",
                &self.at_once_categories.clause,
                &self.at_once_categories.note,
            ),
            (
                "promptly_categories",
                &self.promptly_categories.clause,
                &self.promptly_categories.note,
            ),
            (
                "pass_on_categories",
                &self.pass_on_categories.clause,
                &self.pass_on_categories.note,
            ),
            (
                "ledger_max_age_days",
                &self.ledger_max_age_days.clause,
                &self.ledger_max_age_days.note,
            ),
            (
                "must_visit_ledgers",
                &self.must_visit_ledgers.clause,
                &self.must_visit_ledgers.note,
            ),
        ];
        for (field, clause, note) in choices {
            check_choice(clause, note, &format!("{at}.{field}"), problems);
        }
    }

    /// The reporting deadlines (2.1.4): none negative, "at once" not longer than "promptly",
    /// and each category under one deadline at most.
    fn check_deadlines(&self, at: &str, problems: &mut Vec<Problem>) {
        for (field, minutes) in [
            ("at_once_minutes", self.at_once_minutes.value),
            ("promptly_minutes", self.promptly_minutes.value),
        ] {
            if minutes < 0 {
                problems.push(invalid(
                    format!("a reporting deadline of `{minutes}` minutes is negative"),
                    format!("{at}.{field}.value"),
                ));
            }
        }
        if self.at_once_minutes.value > self.promptly_minutes.value {
            problems.push(invalid(
                format!(
                    "\"at once\" (`{}` minutes) is longer than \"promptly\" (`{}` minutes)",
                    self.at_once_minutes.value, self.promptly_minutes.value
                ),
                format!("{at}.at_once_minutes.value"),
            ));
        }
        let at_once: BTreeSet<_> = self.at_once_categories.value.iter().collect();
        for (j, c) in self.promptly_categories.value.iter().enumerate() {
            if at_once.contains(c) {
                problems.push(invalid(
                    format!("category `{}` is both at-once and prompt", snake(c)),
                    format!("{at}.promptly_categories.value[{j}]"),
                ));
            }
        }
        let promptly: BTreeSet<_> = self.promptly_categories.value.iter().collect();
        for (j, c) in self.pass_on_categories.value.iter().enumerate() {
            if at_once.contains(c) || promptly.contains(c) {
                problems.push(invalid(
                    format!(
                        "category `{}` is to be passed on and also has another deadline",
                        snake(c)
                    ),
                    format!("{at}.pass_on_categories.value[{j}]"),
                ));
            }
        }
    }

    /// The staleness limits of ledgers (2.1.2): one for each named kind, none negative.
    fn check_ledger_limits(&self, at: &str, problems: &mut Vec<Problem>) {
        let mut seen = BTreeSet::new();
        for (j, l) in self.ledger_max_age_days.value.iter().enumerate() {
            let here = format!("{at}.ledger_max_age_days.value[{j}]");
            if l.kind == LedgerKind::Other {
                problems.push(invalid(
                    "`other` has no limit here: each added ledger kind carries its own".into(),
                    format!("{here}.kind"),
                ));
            } else if !seen.insert(l.kind) {
                problems.push(
                    Problem::new(
                        ErrorKind::DuplicateId,
                        format!("ledger kind `{}` has two limits", snake(l.kind)),
                    )
                    .at(format!("{here}.kind")),
                );
            }
            if l.days < 0 {
                problems.push(invalid(
                    format!("a staleness limit of `{}` days is negative", l.days),
                    format!("{here}.days"),
                ));
            }
        }
        for kind in LedgerKind::NAMED {
            if !seen.contains(&kind) {
                problems.push(invalid(
                    format!(
                        "ledger kind `{}` (2.1.2) has no staleness limit",
                        snake(kind)
                    ),
                    format!("{at}.ledger_max_age_days.value"),
                ));
            }
        }
    }

    /// The ledgers showing each must-visit group: each group once, no `other`.
    fn check_must_visit_ledgers(&self, at: &str, problems: &mut Vec<Problem>) {
        let mut groups = BTreeSet::new();
        for (j, m) in self.must_visit_ledgers.value.iter().enumerate() {
            let here = format!("{at}.must_visit_ledgers.value[{j}]");
            if !groups.insert(m.group) {
                problems.push(
                    Problem::new(
                        ErrorKind::DuplicateId,
                        format!("must-visit group `{}` is listed twice", snake(m.group)),
                    )
                    .at(format!("{here}.group")),
                );
            }
            if m.ledgers.contains(&LedgerKind::Other) {
                problems.push(invalid(
                    "`other` cannot show a group here: an added ledger kind names its own".into(),
                    format!("{here}.ledgers"),
                ));
            }
        }
    }

    /// The added categories and ledger kinds: unique IDs, each a local choice.
    fn check_extras(&self, at: &str, problems: &mut Vec<Problem>) {
        let mut ids = BTreeSet::new();
        for (j, c) in self.extra_categories.iter().enumerate() {
            let here = format!("{at}.extra_categories[{j}]");
            extra_id(&c.id, &here, &mut ids, problems);
            check_choice(&c.clause, &c.note, &here, problems);
        }
        let mut ids = BTreeSet::new();
        for (j, k) in self.extra_ledger_kinds.iter().enumerate() {
            let here = format!("{at}.extra_ledger_kinds[{j}]");
            extra_id(&k.id, &here, &mut ids, problems);
            check_choice("2.1.2", &k.note, &here, problems);
            if k.max_age_days < 0 {
                problems.push(invalid(
                    format!("a staleness limit of `{}` days is negative", k.max_age_days),
                    format!("{here}.max_age_days"),
                ));
            }
        }
    }
}

fn extra_id<'a>(id: &'a str, here: &str, ids: &mut BTreeSet<&'a str>, problems: &mut Vec<Problem>) {
    if id.trim().is_empty() {
        problems.push(
            Problem::new(ErrorKind::InvalidPolicy, "an added item has an empty `id`")
                .at(format!("{here}.id")),
        );
    } else if !ids.insert(id) {
        problems.push(
            Problem::new(ErrorKind::DuplicateId, format!("`{id}` is defined twice"))
                .at(format!("{here}.id"))
                .record(id),
        );
    }
}

/// The snake_case JSON name of a value.
pub(crate) fn snake<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A problem with the section at `path`.
fn invalid(msg: String, path: String) -> Problem {
    Problem::new(ErrorKind::InvalidPolicy, msg).at(path)
}
