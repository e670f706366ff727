//! The policy linter: defects of a scoring scheme found before anyone is graded by it.
//!
//! Band gaps and overlaps, weights that do not add up as declared, unreachable grades,
//! exceptions that can never fire or that conflict, and non-monotonic scoring (more compliance
//! must never lower a score or a grade).

use super::facts::{Polarity, catalogue};
use super::scheme::{Band, Direction, Effect, Grade, Measure, PartKind, Scheme};
use crate::decimal::Decimal;
use crate::policy::Policy;
use crate::policy::confidentiality::ConfidentialityPolicy;
use crate::records::ledger::LedgerKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How serious a lint finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The scheme grades wrongly or not at all for some input.
    Error,
    /// Probably a mistake; the scheme still grades.
    Warning,
}

/// What a lint finding is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LintCode {
    /// Scores no band holds.
    BandGap,
    /// Scores two bands hold.
    BandOverlap,
    /// A grade no score can reach, or with no band.
    UnreachableGrade,
    /// Component weights do not add up to the declared total.
    WeightsTotal,
    /// An exception that can never fire (unknown fact, impossible threshold).
    ExceptionNeverFires,
    /// An exception that always fires.
    ExceptionAlwaysFires,
    /// Two exceptions that can fire together, cannot both hold, and have no priority between
    /// them.
    ExceptionConflict,
    /// More compliance could lower a score or a grade.
    NonMonotonic,
    /// A name that is not a fact or obligation of the policy.
    UnknownName,
    /// Part weights that do not match the parts.
    PartWeights,
    /// A special-group ledger kind (2.1.2) that needs only the fallback department to be given
    /// outside (2.2.5).
    LedgerNeedsOnlyFallback,
    /// One department that can approve every ledger kind (2.2.5): one body's approval opens
    /// every ledger.
    DepartmentApprovesEverything,
    /// An approval validity (2.2.5) beyond any date, or longer than a year.
    ApprovalValidityAbsurd,
}

/// One defect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LintFinding {
    /// Error or warning.
    pub severity: Severity,
    /// What it is about.
    pub code: LintCode,
    /// Lowercase description.
    pub message: String,
    /// JSON path in the policy document.
    pub path: String,
}

/// The linter's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LintReport {
    /// Policy ID.
    pub policy: String,
    /// Policy version.
    pub version: String,
    /// True when no finding is an error.
    pub ok: bool,
    /// Every defect found.
    pub findings: Vec<LintFinding>,
}

/// Lints the policy's assessment scheme (a policy without one has nothing to lint) and its
/// confidentiality section (rules that weaken 2.2.5).
///
/// ```
/// let report = wangge::assessment::lint::check_policy(&wangge::Policy::xincheng_2022());
/// assert!(report.ok, "{:?}", report.findings);
/// ```
pub fn check_policy(policy: &Policy) -> LintReport {
    let doc = policy.document();
    let mut findings = match &doc.assessment {
        Some(scheme) => lint_scheme(policy, scheme),
        None => Vec::new(),
    };
    findings.extend(lint_confidentiality(
        &doc.confidentiality,
        "confidentiality",
    ));
    LintReport {
        policy: doc.id.clone(),
        version: doc.version.clone(),
        ok: findings.iter().all(|f| f.severity != Severity::Error),
        findings,
    }
}

fn finding(severity: Severity, code: LintCode, message: String, path: String) -> LintFinding {
    LintFinding {
        severity,
        code,
        message,
        path,
    }
}

/// The linter warns of an approval valid for longer than a year (leap year included): the
/// measures (2.2.5) give no validity, so this is a linter's yardstick, not a rule applied.
const LONG_APPROVAL_DAYS: i64 = 366;

/// Rules of the confidentiality section that pass [`ConfidentialityPolicy::validate`] yet weaken 2.2.5, for the linter
/// (`check_policy`); `at` is the section's JSON path.
///
/// - a ledger kind named by 2.1.2 that no `ledger_entries` rule matches: only the fallback
///   department approves giving it out (error);
/// - a department that can approve every ledger kind named by 2.1.2 (error): 2.2.5 asks for
///   the *relevant* department, and one body opening every ledger is not one;
/// - `approval_valid_days` beyond any date (error: such an approval is treated as valid on
///   the day given only) or over 366 days (warning: a linter heuristic, not a rule).
fn lint_confidentiality(c: &ConfidentialityPolicy, at: &str) -> Vec<LintFinding> {
    let mut out = Vec::new();
    let rules = &c.relevant_departments.value;
    let here = format!("{at}.relevant_departments.value");
    let matching = |k: LedgerKind| {
        rules.iter().filter(move |r| {
            r.records.as_deref() == Some("ledger_entries")
                && (r.ledger_kinds.is_empty() || r.ledger_kinds.contains(&k))
        })
    };
    for k in LedgerKind::NAMED {
        if matching(k).next().is_none() {
            let fallback: Vec<&str> = rules
                .iter()
                .filter(|r| r.records.is_none())
                .flat_map(|r| r.departments.iter().map(String::as_str))
                .collect();
            out.push(LintFinding {
                severity: Severity::Error,
                code: LintCode::LedgerNeedsOnlyFallback,
                message: format!(
                    "ledger kind `{}` needs only the fallback department ({}) to be given outside: 2.2.5 asks for the relevant department",
                    crate::policy::evidence::snake(k),
                    if fallback.is_empty() {
                        "none".to_owned()
                    } else {
                        format!("`{}`", fallback.join("`, `"))
                    }
                ),
                path: here.clone(),
            });
        }
    }
    for d in &c.departments.value {
        let every = LedgerKind::NAMED
            .iter()
            .all(|k| matching(*k).any(|r| r.departments.contains(&d.id)));
        if every {
            out.push(LintFinding {
                severity: Severity::Error,
                code: LintCode::DepartmentApprovesEverything,
                message: format!(
                    "department `{}` can approve giving out every ledger kind: 2.2.5 asks for the department relevant to each",
                    d.id
                ),
                path: here.clone(),
            });
        }
    }
    let days = c.approval_valid_days.value;
    let path = format!("{at}.approval_valid_days.value");
    let epoch = crate::time::Date::from_ymd(2000, 1, 1);
    if epoch.is_some_and(|e| e.add_days(days).is_none()) {
        out.push(LintFinding {
            severity: Severity::Error,
            code: LintCode::ApprovalValidityAbsurd,
            message: format!(
                "an approval valid for `{days}` days ends beyond any date: such an approval counts on the day it is given only"
            ),
            path,
        });
    } else if days > LONG_APPROVAL_DAYS {
        out.push(LintFinding {
            severity: Severity::Warning,
            code: LintCode::ApprovalValidityAbsurd,
            message: format!(
                "an approval valid for `{days}` days outlasts a year: one approval would open the data for years"
            ),
            path,
        });
    }
    out
}

fn lint_scheme(policy: &Policy, s: &Scheme) -> Vec<LintFinding> {
    let mut out = Vec::new();
    let facts: BTreeMap<String, Polarity> = catalogue(policy)
        .into_iter()
        .map(|f| (f.name, f.polarity))
        .collect();
    let obligations: Vec<&str> = policy
        .document()
        .obligations
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    let total = lint_weights(s, &facts, &obligations, &mut out);
    let (max_bonus, max_deduction) = lint_adjustments(s, &facts, &mut out);
    lint_parts(s, &mut out);
    let segments = lint_band_cover(s, &mut out);
    // The lowest and highest score a worker can reach: components that always earn full
    // points (the base of a points scheme) less every deduction, and every weight and bonus.
    let constant = s
        .components
        .iter()
        .filter(|c| matches!(c.measure, Measure::Constant))
        .fold(Decimal::ZERO, |acc, c| acc.plus(c.weight));
    let low = match max_deduction {
        Some(d) => Decimal::ZERO.max(constant.minus(d)),
        None => Decimal::ZERO,
    };
    let high = s.scale.min(total.plus(max_bonus));
    lint_band_grades(s, &segments, (low, high), &mut out);
    lint_exceptions(s, &facts, &mut out);
    out
}

/// Weights: each component's weight and measure, and their total against the declared one.
/// Returns the total.
fn lint_weights(
    s: &Scheme,
    facts: &BTreeMap<String, Polarity>,
    obligations: &[&str],
    out: &mut Vec<LintFinding>,
) -> Decimal {
    use LintCode::*;
    use Severity::*;
    let mut total = Decimal::ZERO;
    for (i, c) in s.components.iter().enumerate() {
        total = total.plus(c.weight);
        let here = format!("assessment.components[{i}]");
        if c.weight.is_negative() {
            out.push(finding(
                Error,
                NonMonotonic,
                format!("component `{}` has a negative weight `{}`", c.id, c.weight),
                format!("{here}.weight"),
            ));
        }
        match &c.measure {
            Measure::ComplianceRate {
                obligations: list,
                when_nothing_due,
                zero_at,
            } => {
                if zero_at.is_negative() || *zero_at >= Decimal::from_int(1) {
                    out.push(finding(
                        Error,
                        WeightsTotal,
                        format!("component `{}` has `zero_at` `{zero_at}` outside 0 (inclusive) to 1 (exclusive)", c.id),
                        format!("{here}.measure.zero_at"),
                    ));
                }
                for (j, o) in list.iter().enumerate() {
                    if !obligations.contains(&o.as_str()) {
                        out.push(finding(
                            Error,
                            UnknownName,
                            format!(
                                "component `{}` names no obligation of the policy: `{o}`",
                                c.id
                            ),
                            format!("{here}.measure.obligations[{j}]"),
                        ));
                    }
                }
                share_in_range(*when_nothing_due, &c.id, &here, out);
            }
            Measure::FactRatio {
                numerator,
                denominator,
                when_nothing_due,
            } => {
                for (name, field) in [(numerator, "numerator"), (denominator, "denominator")] {
                    if !facts.contains_key(name) {
                        out.push(finding(
                            Error,
                            UnknownName,
                            format!("component `{}` names an unknown fact `{name}`", c.id),
                            format!("{here}.measure.{field}"),
                        ));
                    }
                }
                if facts.get(numerator) == Some(&Polarity::Bad) {
                    out.push(finding(
                        Error,
                        NonMonotonic,
                        format!(
                            "component `{}` rewards `{numerator}`, which counts failures: more compliance would lower the score",
                            c.id
                        ),
                        format!("{here}.measure.numerator"),
                    ));
                }
                share_in_range(*when_nothing_due, &c.id, &here, out);
            }
            Measure::Constant => {}
        }
    }
    if total != s.declared_weight_total {
        out.push(finding(
            Error,
            WeightsTotal,
            format!(
                "component weights add up to `{total}`, not the declared `{}`",
                s.declared_weight_total
            ),
            "assessment.declared_weight_total".into(),
        ));
    }

    total
}

/// Adjustments: each one's fact, direction and points. Returns the most bonus points, and
/// the most points deducted (`None`: no bound, an adjustment without a cap).
fn lint_adjustments(
    s: &Scheme,
    facts: &BTreeMap<String, Polarity>,
    out: &mut Vec<LintFinding>,
) -> (Decimal, Option<Decimal>) {
    use LintCode::*;
    use Severity::*;
    let mut max_bonus = Decimal::ZERO;
    let mut max_deduction: Option<Decimal> = Some(Decimal::ZERO);
    for (i, a) in s.adjustments.iter().enumerate() {
        let here = format!("assessment.adjustments[{i}]");
        match facts.get(&a.fact) {
            None => out.push(finding(
                Error,
                UnknownName,
                format!("adjustment `{}` counts an unknown fact `{}`", a.id, a.fact),
                format!("{here}.fact"),
            )),
            Some(Polarity::Bad) if a.direction == Direction::Bonus => out.push(finding(
                Error,
                NonMonotonic,
                format!(
                    "adjustment `{}` adds points for `{}`, which counts failures",
                    a.id, a.fact
                ),
                format!("{here}.direction"),
            )),
            Some(Polarity::Good) if a.direction == Direction::Deduction => out.push(finding(
                Error,
                NonMonotonic,
                format!(
                    "adjustment `{}` takes points for `{}`, which counts duties done",
                    a.id, a.fact
                ),
                format!("{here}.direction"),
            )),
            _ => {}
        }
        if a.points_each.is_negative() {
            out.push(finding(
                Error,
                NonMonotonic,
                format!(
                    "adjustment `{}` has negative points `{}`",
                    a.id, a.points_each
                ),
                format!("{here}.points_each"),
            ));
        }
        match a.direction {
            Direction::Bonus => {
                max_bonus = max_bonus.plus(a.cap.unwrap_or(s.scale));
            }
            Direction::Deduction => {
                max_deduction = match (max_deduction, a.cap) {
                    (Some(d), Some(cap)) => Some(d.plus(cap)),
                    _ => None,
                };
            }
        }
    }

    (max_bonus, max_deduction)
}

/// Parts of the year: as many weights as parts, none negative, not all zero.
fn lint_parts(s: &Scheme, out: &mut Vec<LintFinding>) {
    use LintCode::*;
    use Severity::*;
    if let Some(parts) = &s.parts {
        let n = match parts.each {
            PartKind::Month => 12,
            PartKind::Quarter => 4,
            PartKind::HalfYear => 2,
        };
        if let Some(ws) = &parts.weights {
            if ws.len() != n {
                out.push(finding(
                    Error,
                    PartWeights,
                    format!("{} part weights for {n} parts of a year", ws.len()),
                    "assessment.parts.weights".into(),
                ));
            }
            if ws.iter().any(|w| w.is_negative()) || ws.iter().all(|w| *w == Decimal::ZERO) {
                out.push(finding(
                    Error,
                    PartWeights,
                    "part weights must be zero or more, and not all zero".into(),
                    "assessment.parts.weights".into(),
                ));
            }
        }
    }
}

/// Bands: gaps and overlaps over every score of the scale. Returns the segments walked.
fn lint_band_cover(s: &Scheme, out: &mut Vec<LintFinding>) -> Vec<Segment> {
    use LintCode::*;
    use Severity::*;
    let step = 10_i64.pow(4 - s.score_decimals.min(4));
    let segments = walk(&s.bands, s.scale, step);
    for seg in merge(&segments, |c| c == 0) {
        out.push(finding(
            Error,
            BandGap,
            format!("no grade band holds scores {}", seg.describe()),
            "assessment.bands".into(),
        ));
    }
    for seg in merge(&segments, |c| c > 1) {
        out.push(finding(
            Error,
            BandOverlap,
            format!("more than one grade band holds scores {}", seg.describe()),
            "assessment.bands".into(),
        ));
    }
    segments
}

/// Bands: each grade reachable, by a band holding a reachable score (from `low` to `high`) or
/// an exception, and no band of a higher grade below one of a lower grade.
fn lint_band_grades(
    s: &Scheme,
    segments: &[Segment],
    (low, high): (Decimal, Decimal),
    out: &mut Vec<LintFinding>,
) {
    use LintCode::*;
    use Severity::*;
    let mut order: Vec<(Decimal, Grade, usize)> = Vec::new();
    for g in Grade::ALL {
        let bands: Vec<(usize, &Band)> = s
            .bands
            .iter()
            .enumerate()
            .filter(|(_, b)| b.grade == g)
            .collect();
        if bands.is_empty() {
            let by_exception = s
                .exceptions
                .iter()
                .any(|e| matches!(e.then, Effect::Exactly(x) if x == g));
            if !by_exception {
                out.push(finding(
                    Warning,
                    UnreachableGrade,
                    format!(
                        "no band and no exception gives `{}` ({})",
                        snake(g),
                        g.label_zh()
                    ),
                    "assessment.bands".into(),
                ));
            }
        }
        for (i, b) in bands {
            let reachable = segments
                .iter()
                .any(|seg| seg.lo >= low && seg.lo <= high && b.contains(seg.lo));
            if !reachable {
                out.push(finding(
                    Error,
                    UnreachableGrade,
                    format!(
                        "no reachable score (from {low} to {high}) falls in the band of `{}` ({})",
                        snake(g),
                        g.label_zh()
                    ),
                    format!("assessment.bands[{i}]"),
                ));
            }
            let lower = b
                .min
                .map(|m| m.value)
                .unwrap_or(Decimal::from_int(i32::MIN / 10_000));
            order.push((lower, g, i));
        }
    }
    order.sort();
    for pair in order.windows(2) {
        if let [(_, g_low, _), (_, g_high, i)] = pair {
            if g_high.rank() > g_low.rank() {
                out.push(finding(
                    Error,
                    NonMonotonic,
                    format!(
                        "the band of `{}` lies above the band of `{}`: a higher score would give a lower grade",
                        snake(*g_high),
                        snake(*g_low)
                    ),
                    format!("assessment.bands[{i}]"),
                ));
            }
        }
    }
}

/// Exceptions: each one's fact and grades, and pairs that conflict without a priority.
fn lint_exceptions(s: &Scheme, facts: &BTreeMap<String, Polarity>, out: &mut Vec<LintFinding>) {
    use LintCode::*;
    use Severity::*;
    for (i, e) in s.exceptions.iter().enumerate() {
        let here = format!("assessment.exceptions[{i}]");
        match facts.get(&e.when.fact) {
            None => out.push(finding(
                Error,
                ExceptionNeverFires,
                format!(
                    "exception `{}` can never fire: `{}` is not a fact of the policy",
                    e.id, e.when.fact
                ),
                format!("{here}.when.fact"),
            )),
            Some(Polarity::Good) if lowers(e.then) => out.push(finding(
                Error,
                NonMonotonic,
                format!(
                    "exception `{}` lowers the grade for more `{}`, which counts duties done",
                    e.id, e.when.fact
                ),
                format!("{here}.when.fact"),
            )),
            _ => {}
        }
        if e.when.at_least <= 0 {
            out.push(finding(
                Warning,
                ExceptionAlwaysFires,
                format!(
                    "exception `{}` fires for everyone (`at_least` is {})",
                    e.id, e.when.at_least
                ),
                format!("{here}.when.at_least"),
            ));
        }
        if !Grade::ALL.iter().any(|g| e.then.allows(*g)) {
            out.push(finding(
                Error,
                ExceptionNeverFires,
                format!("exception `{}` allows no grade", e.id),
                format!("{here}.then"),
            ));
        }
        for (j, other) in s.exceptions.iter().enumerate().skip(i + 1) {
            if e.priority.unwrap_or(0) != other.priority.unwrap_or(0) {
                continue;
            }
            let compatible = Grade::ALL
                .iter()
                .any(|g| e.then.allows(*g) && other.then.allows(*g));
            if !compatible {
                let always = e.when == other.when;
                out.push(finding(
                    if always { Error } else { Warning },
                    ExceptionConflict,
                    format!(
                        "exceptions `{}` and `{}` {} fire together, cannot both hold, and have no priority between them",
                        e.id,
                        other.id,
                        if always { "always" } else { "can" }
                    ),
                    format!("assessment.exceptions[{j}]"),
                ));
            }
        }
    }
}

fn share_in_range(share: Decimal, id: &str, here: &str, out: &mut Vec<LintFinding>) {
    if share.is_negative() || share > Decimal::from_int(1) {
        out.push(finding(
            Severity::Error,
            LintCode::WeightsTotal,
            format!("component `{id}` earns a share `{share}` outside 0 to 1 when nothing is due"),
            format!("{here}.measure.when_nothing_due"),
        ));
    }
}

fn lowers(e: Effect) -> bool {
    match e {
        Effect::AtMost(g) | Effect::Exactly(g) => g != Grade::Excellent,
        Effect::Not(_) => true,
    }
}

fn snake(g: Grade) -> &'static str {
    match g {
        Grade::Excellent => "excellent",
        Grade::Competent => "competent",
        Grade::BasicallyCompetent => "basically_competent",
        Grade::Incompetent => "incompetent",
    }
}

/// A point or an open interval of scores, with how many bands hold it.
#[derive(Debug, Clone, Copy)]
struct Segment {
    lo: Decimal,
    hi: Decimal,
    point: bool,
    count: usize,
}

/// Walks the scores from 0 to the scale: each band bound as a point, and each stretch between
/// two bounds (when a score with the scheme's decimals lies in it) as one sample.
fn walk(bands: &[Band], scale: Decimal, step: i64) -> Vec<Segment> {
    let mut cuts = vec![Decimal::ZERO, scale];
    for b in bands {
        for v in [b.min, b.max].into_iter().flatten() {
            if v.value >= Decimal::ZERO && v.value <= scale {
                cuts.push(v.value);
            }
        }
    }
    cuts.sort();
    cuts.dedup();
    let count = |x: Decimal| bands.iter().filter(|b| b.contains(x)).count();
    let mut out = Vec::new();
    for (i, c) in cuts.iter().enumerate() {
        out.push(Segment {
            lo: *c,
            hi: *c,
            point: true,
            count: count(*c),
        });
        if let Some(next) = cuts.get(i + 1) {
            let first = Decimal::from_units((c.units().div_euclid(step) + 1) * step);
            if first < *next {
                out.push(Segment {
                    lo: *c,
                    hi: *next,
                    point: false,
                    count: count(first),
                });
            }
        }
    }
    out
}

/// A run of segments, described as an interval.
struct Run {
    lo: Decimal,
    lo_incl: bool,
    hi: Decimal,
    hi_incl: bool,
}

impl Run {
    fn describe(&self) -> String {
        if self.lo == self.hi {
            return format!("of exactly {}", self.lo);
        }
        format!(
            "from {} ({}) to {} ({})",
            self.lo,
            if self.lo_incl {
                "inclusive"
            } else {
                "exclusive"
            },
            self.hi,
            if self.hi_incl {
                "inclusive"
            } else {
                "exclusive"
            }
        )
    }
}

fn merge(segments: &[Segment], bad: impl Fn(usize) -> bool) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut open: Option<Run> = None;
    for s in segments {
        if bad(s.count) {
            match &mut open {
                Some(r) => {
                    r.hi = s.hi;
                    r.hi_incl = s.point;
                }
                None => {
                    open = Some(Run {
                        lo: s.lo,
                        lo_incl: s.point,
                        hi: s.hi,
                        hi_incl: s.point,
                    })
                }
            }
        } else if let Some(r) = open.take() {
            runs.push(r);
        }
    }
    if let Some(r) = open {
        runs.push(r);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::scheme::Bound;

    fn band(g: Grade, min: Option<(&str, bool)>, max: Option<(&str, bool)>) -> Band {
        let b = |(v, inclusive): (&str, bool)| Bound {
            value: Decimal::parse(v).unwrap(),
            inclusive,
        };
        Band {
            grade: g,
            min: min.map(b),
            max: max.map(b),
        }
    }

    #[test]
    fn clause_4_1_the_95_80_70_60_scheme_leaves_60_to_70_without_a_grade() {
        let bands = vec![
            band(Grade::Excellent, Some(("95", true)), None),
            band(Grade::Competent, Some(("80", true)), Some(("94", true))),
            band(
                Grade::BasicallyCompetent,
                Some(("70", true)),
                Some(("79", true)),
            ),
            band(Grade::Incompetent, None, Some(("60", false))),
        ];
        let segs = walk(&bands, Decimal::from_int(100), 1);
        let gaps: Vec<String> = merge(&segs, |c| c == 0).iter().map(Run::describe).collect();
        assert_eq!(
            gaps,
            [
                "from 60 (inclusive) to 70 (exclusive)",
                "from 79 (exclusive) to 80 (exclusive)",
                "from 94 (exclusive) to 95 (exclusive)"
            ]
        );
    }

    #[test]
    fn integer_scores_leave_no_gap_between_79_and_80() {
        let bands = vec![
            band(Grade::Competent, Some(("80", true)), None),
            band(Grade::BasicallyCompetent, None, Some(("79", true))),
        ];
        let segs = walk(&bands, Decimal::from_int(100), 10_000);
        assert!(merge(&segs, |c| c == 0).is_empty());
    }
}
