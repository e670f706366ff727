//! The scoring scheme of 4.1 as policy data: components, weights, bonus items and deductions,
//! period parts, grade bands, labelled exceptions and an optional quota.
//!
//! The measures give four grades and no numbers: every number here is a local choice of the
//! policy that states it.

use crate::decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The four grades of 4.1, from best to worst.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// 优秀.
    Excellent,
    /// 称职.
    Competent,
    /// 基本称职.
    BasicallyCompetent,
    /// 不称职.
    Incompetent,
}

impl Grade {
    /// Every grade, best first.
    pub const ALL: [Grade; 4] = [
        Grade::Excellent,
        Grade::Competent,
        Grade::BasicallyCompetent,
        Grade::Incompetent,
    ];

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Grade::Excellent => "优秀",
            Grade::Competent => "称职",
            Grade::BasicallyCompetent => "基本称职",
            Grade::Incompetent => "不称职",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Competent => "competent",
            Grade::BasicallyCompetent => "basically competent",
            Grade::Incompetent => "incompetent",
        }
    }

    /// Rank, 0 for the best.
    pub fn rank(self) -> usize {
        match self {
            Grade::Excellent => 0,
            Grade::Competent => 1,
            Grade::BasicallyCompetent => 2,
            Grade::Incompetent => 3,
        }
    }

    /// True when `self` is at least as good as `other`.
    pub fn at_least_as_good_as(self, other: Grade) -> bool {
        self.rank() <= other.rank()
    }
}

/// The assessment scheme of a policy (4.1, 4.2, 5.1, 5.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// Why these numbers: says they are a local choice (the measures give none).
    pub note: String,
    /// The highest score (usually 100); scores are kept within 0 and this.
    pub scale: Decimal,
    /// Decimal places of the final score (0–4); rounded half away from zero.
    pub score_decimals: u32,
    /// The sum the component weights are declared to make; the linter checks it.
    pub declared_weight_total: Decimal,
    /// Scored components.
    pub components: Vec<Component>,
    /// Bonus items (加分) and deductions (扣分).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
    /// Period parts: when present, each part is scored on its own records and the year's
    /// score is their weighted mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<Parts>,
    /// Grade bands over the score.
    pub bands: Vec<Band>,
    /// Labelled exceptions over the score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<Exception>,
    /// Cap on the share of 优秀.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<Quota>,
}

/// A scored component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// Stable ID.
    pub id: String,
    /// The clause it weighs.
    #[schemars(with = "crate::clause::ClauseId")]
    pub clause: String,
    /// Chinese title.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
    /// Points at full marks.
    pub weight: Decimal,
    /// How the share of the weight earned is measured.
    pub measure: Measure,
    /// Why: for a value the measures do not give (such as `when_nothing_due`), says it is a
    /// local choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a component's share is measured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Measure {
    /// Met ÷ due over these obligations' findings (due = met + missed; excused do not count).
    ComplianceRate {
        /// Obligation IDs of the policy.
        obligations: Vec<String>,
        /// Share earned when nothing was due (between 0 and 1).
        when_nothing_due: Decimal,
        /// The rate (between 0 and 1) at or below which no points are earned; points grow
        /// linearly from there to full marks at a rate of 1. `0` (the default) makes points
        /// proportional to the rate.
        #[serde(default, skip_serializing_if = "is_zero")]
        zero_at: Decimal,
    },
    /// One fact divided by another.
    FactRatio {
        /// The fact counted as earned.
        numerator: String,
        /// The fact it is divided by.
        denominator: String,
        /// Share earned when the denominator is 0 (between 0 and 1).
        when_nothing_due: Decimal,
    },
    /// Full points: the base of a points scheme, from which deductions are made.
    Constant,
}

fn is_zero(d: &Decimal) -> bool {
    *d == Decimal::ZERO
}

/// A bonus item or a deduction: points per counted fact, up to a cap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Adjustment {
    /// Stable ID.
    pub id: String,
    /// The clause it enforces.
    #[schemars(with = "crate::clause::ClauseId")]
    pub clause: String,
    /// Chinese title.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
    /// Bonus (加分) or deduction (扣分).
    pub direction: Direction,
    /// The fact counted.
    pub fact: String,
    /// Points per count.
    pub points_each: Decimal,
    /// Most points in total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Decimal>,
    /// Whether the measures give this rule or it is a local choice (the default: the measures
    /// state no points, so every bonus and deduction is one unless it says otherwise).
    #[serde(default, skip_serializing_if = "Basis::is_local_choice")]
    pub basis: Basis,
    /// Why the rule is there, in the policy author's words (shown with the reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Whether a rule of a scheme is the measures' own or a local choice of the policy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A value the measures do not give (本地规定): every reason resting on it says so.
    #[default]
    LocalChoice,
    /// The measures state this consequence themselves.
    Measures,
}

impl Basis {
    /// True for [`Basis::LocalChoice`].
    pub fn is_local_choice(&self) -> bool {
        *self == Basis::LocalChoice
    }
}

/// Bonus or deduction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 加分.
    Bonus,
    /// 扣分.
    Deduction,
}

/// Period parts of the assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    /// Each calendar month, quarter or half-year of the period.
    pub each: PartKind,
    /// Weight of each part in order; equal weights when absent. A part in which the worker had
    /// nothing due (not yet assigned, say) is left out and the others re-weighted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<Vec<Decimal>>,
}

/// Kinds of period part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// Each month (monthly points rolled up to the year).
    Month,
    /// Each quarter.
    Quarter,
    /// January–June and July–December (half-year and year-end parts).
    HalfYear,
}

/// A grade band: the scores from `min` to `max`, each bound inclusive or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The grade of scores in the band.
    pub grade: Grade,
    /// Lower bound; none below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Bound>,
    /// Upper bound; none above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Bound>,
}

/// One end of a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bound {
    /// The score.
    pub value: Decimal,
    /// Whether the score itself is in the band (以上 / 以下 / 不少于 include it).
    pub inclusive: bool,
}

impl Band {
    /// True when `score` lies in the band.
    pub fn contains(&self, score: Decimal) -> bool {
        let above = self.min.is_none_or(|b| {
            if b.inclusive {
                score >= b.value
            } else {
                score > b.value
            }
        });
        let below = self.max.is_none_or(|b| {
            if b.inclusive {
                score <= b.value
            } else {
                score < b.value
            }
        });
        above && below
    }
}

/// A labelled exception over the score (after Catala): when a fact reaches a threshold, the
/// grade is limited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// Stable ID (the label).
    pub id: String,
    /// The clause it rests on.
    #[schemars(with = "crate::clause::ClauseId")]
    pub clause: String,
    /// Chinese title.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
    /// When it fires.
    pub when: Condition,
    /// What it does to the grade.
    pub then: Effect,
    /// Priority: when two fired exceptions cannot both hold, the higher wins; equal
    /// priorities (or none) that cannot both hold are a conflict error, never a silent pick.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<i32>,
    /// Whether the measures give this exception or it is a local choice (the default: the
    /// measures state no exception to the grade, so every one is unless it says otherwise).
    #[serde(default, skip_serializing_if = "Basis::is_local_choice")]
    pub basis: Basis,
    /// Why the exception is there, in the policy author's words (shown with the reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A threshold on a fact: `fact ≥ at_least` (inclusive, 以上).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The fact.
    pub fact: String,
    /// The least count that fires the exception (inclusive).
    pub at_least: i64,
}

/// What an exception does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "grade", rename_all = "snake_case")]
pub enum Effect {
    /// The grade is at most this.
    AtMost(Grade),
    /// The grade is not this (moved to the next lower one).
    Not(Grade),
    /// The grade is exactly this (a veto gives `incompetent`).
    Exactly(Grade),
}

impl Effect {
    /// The grades this effect allows.
    pub fn allows(self, g: Grade) -> bool {
        match self {
            Effect::AtMost(cap) => g.rank() >= cap.rank(),
            Effect::Not(x) => g != x,
            Effect::Exactly(x) => g == x,
        }
    }
}

/// A cap on the share of 优秀.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    /// Over whom the share is counted.
    pub scope: QuotaScope,
    /// Largest share of 优秀 (0–1); the count is rounded down.
    pub max_share: Decimal,
    /// Why: a local choice, not text of the measures.
    pub note: String,
}

/// Scope of a quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuotaScope {
    /// Each community on its own.
    Community,
    /// The whole subdistrict.
    Subdistrict,
}

impl Scheme {
    /// The grade of a score by the bands alone, if a band holds it.
    ///
    /// ```
    /// use wangge::assessment::Grade;
    /// use wangge::decimal::Decimal;
    /// let scheme = wangge::Policy::xincheng_2022().document().assessment.clone().unwrap();
    /// assert_eq!(scheme.grade_for(Decimal::from_int(90)), Some(Grade::Excellent));
    /// assert_eq!(scheme.grade_for(Decimal::parse("89.99").unwrap()), Some(Grade::Competent));
    /// ```
    pub fn grade_for(&self, score: Decimal) -> Option<Grade> {
        self.bands
            .iter()
            .find(|b| b.contains(score))
            .map(|b| b.grade)
    }
}

impl Scheme {
    /// Structural problems (the linter finds the semantic ones): clause IDs, duplicate IDs,
    /// decimals, obligation names.
    pub(crate) fn validate(&self, problems: &mut Vec<crate::error::Problem>) {
        use crate::error::{ErrorKind, Problem};
        let mut clause = |c: &str, at: String| {
            if crate::clause::ClauseId::new(c).is_none() {
                problems.push(
                    Problem::new(
                        ErrorKind::UnknownClause,
                        format!("`{c}` is not a clause of the measures"),
                    )
                    .at(at),
                );
            }
        };
        for (i, c) in self.components.iter().enumerate() {
            clause(&c.clause, format!("assessment.components[{i}].clause"));
        }
        for (i, a) in self.adjustments.iter().enumerate() {
            clause(&a.clause, format!("assessment.adjustments[{i}].clause"));
        }
        for (i, e) in self.exceptions.iter().enumerate() {
            clause(&e.clause, format!("assessment.exceptions[{i}].clause"));
        }
        let mut ids = std::collections::BTreeSet::new();
        let all = self
            .components
            .iter()
            .map(|c| ("components", c.id.as_str()))
            .chain(
                self.adjustments
                    .iter()
                    .map(|a| ("adjustments", a.id.as_str())),
            )
            .chain(
                self.exceptions
                    .iter()
                    .map(|e| ("exceptions", e.id.as_str())),
            );
        for (list, id) in all {
            if !ids.insert(id) {
                problems.push(
                    Problem::new(
                        ErrorKind::DuplicateId,
                        format!("ID `{id}` is used twice in the assessment scheme"),
                    )
                    .at(format!("assessment.{list}"))
                    .record(id),
                );
            }
        }
        if self.score_decimals > 4 {
            problems.push(
                Problem::new(
                    ErrorKind::InvalidPolicy,
                    format!("`score_decimals` is {}, more than 4", self.score_decimals),
                )
                .at("assessment.score_decimals"),
            );
        }
        if self.scale <= crate::decimal::Decimal::ZERO {
            problems.push(
                Problem::new(ErrorKind::InvalidPolicy, "the scale must be above zero")
                    .at("assessment.scale"),
            );
        }
        if let Some(q) = &self.quota {
            if q.max_share.is_negative() || q.max_share > crate::decimal::Decimal::from_int(1) {
                problems.push(
                    Problem::new(
                        ErrorKind::InvalidPolicy,
                        format!("quota share `{}` is not between 0 and 1", q.max_share),
                    )
                    .at("assessment.quota.max_share"),
                );
            }
        }
    }
}
