//! The evidence a grade rests on (4.1): problems found and solved (2.2.2), urgent reports
//! (2.1.4, 2.1.7, 2.1.8), proxy services (2.1.8) and ledgers (2.1.2).
//!
//! [`evaluate`] reads a dossier's evidence records for a period and returns an
//! [`EvidenceReport`]: findings — a report late or missing on a channel (citing 2.1.4, or 2.1.7 /
//! 2.1.8 by category), a stale ledger entry (2.1.2) — and per-person metrics for the assessment
//! (4.1): problems found, solved on the spot, escalated, resolved, feedback given, exact rates,
//! the exact median minutes to a solution, and urgent reports late.
//!
//! The report is "as of" the period's last day: a step or report after it does not count yet,
//! and a report whose deadline runs past it is not yet due.
//!
//! ```
//! use wangge::{evidence, sample, Policy};
//!
//! let dossier = sample::community_2023();
//! let report = evidence::evaluate(&Policy::xincheng_2022(), &dossier, dossier.period).unwrap();
//! let w4 = report.person("w4").unwrap();
//! assert!(w4.problems.found > 0);
//! assert!(report.findings.iter().any(|f| f.clause == "2.1.4"));
//! assert!(report.findings.iter().any(|f| f.clause == "2.1.2"));
//! ```

pub use crate::policy::evidence as policy;
pub use crate::records::{ledger, problem, proxy};

pub use ledger::{LedgerEntry, LedgerKind};
pub use policy::{EvidencePolicy, Urgency};
pub use problem::{
    ProblemCategory, ProblemFound, ProblemReport, ProblemStep, ReportChannel, StepKind,
};
pub use proxy::{ProxyCase, ProxyOutcome, ProxyService};

use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};
use crate::organisation::Role;
use crate::policy::{Policy, PolicyRef};
use crate::records::musts::MustVisit;
use crate::scope::Scope;
use crate::time::{Date, DateRange, LocalTime};
use problem::minutes_between;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// An exact non-negative fraction, always in lowest terms with a positive denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Ratio {
    /// Numerator.
    pub numerator: u64,
    /// Denominator, never 0.
    pub denominator: u64,
}

impl Ratio {
    /// `numerator / denominator` in lowest terms, or `None` when the denominator is 0.
    pub fn new(numerator: u64, denominator: u64) -> Option<Ratio> {
        if denominator == 0 {
            return None;
        }
        let g = gcd(numerator, denominator).max(1);
        Some(Ratio {
            numerator: numerator / g,
            denominator: denominator / g,
        })
    }

    /// The value in thousandths, rounded down (for display; comparisons use the fraction).
    pub fn per_mille_floor(self) -> u64 {
        self.numerator.saturating_mul(1000) / self.denominator.max(1)
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.denominator == 1 {
            write!(f, "{}", self.numerator)
        } else {
            write!(f, "{}/{}", self.numerator, self.denominator)
        }
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// What an evidence finding is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A problem reported on a channel after its deadline (2.1.4, 2.1.7, 2.1.8).
    LateReport,
    /// A problem not reported on a channel by its deadline (2.1.4, 2.1.7, 2.1.8).
    MissingReport,
    /// A ledger entry not updated within its limit (2.1.2).
    StaleLedgerEntry,
}

impl FindingKind {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            FindingKind::LateReport => "上报超时",
            FindingKind::MissingReport => "未上报",
            FindingKind::StaleLedgerEntry => "台账未及时更新",
        }
    }
}

/// Units of an evidence finding's `limit` and `actual`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceUnit {
    /// Minutes.
    Minutes,
    /// Days.
    Days,
}

/// One evidence finding: something the records show was not done as the measures ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceFinding {
    /// What it is about.
    pub kind: FindingKind,
    /// The clause it enforces.
    pub clause: String,
    /// The problem or ledger entry concerned.
    pub record: String,
    /// The person concerned: the finder of a problem, the last updater of a ledger entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The grid.
    pub grid: String,
    /// The day the problem was found, or the day staleness is judged on.
    pub date: Date,
    /// For reports: the channel (absent when a report on any channel is due, 2.1.7 及时反映).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<ReportChannel>,
    /// For reports: the urgency that applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// The policy's limit, inclusive.
    pub limit: i64,
    /// What the records show (absent for a report never made).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<i64>,
    /// Unit of `limit` and `actual`.
    pub unit: EvidenceUnit,
}

/// Problem metrics of one person over the period (4.1), counted by the day found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProblemMetrics {
    /// Problems found.
    pub found: u64,
    /// Solved on the spot (马上解决).
    pub solved_on_spot: u64,
    /// Escalated to the person responsible for the grid.
    pub escalated: u64,
    /// Escalated and resolved.
    pub resolved: u64,
    /// Neither solved on the spot nor resolved by the period's end.
    pub open: u64,
    /// Feedback given to residents.
    pub feedback_given: u64,
    /// (solved on the spot + resolved) / found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solved_rate: Option<Ratio>,
    /// Solved on the spot / found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_spot_rate: Option<Ratio>,
    /// Resolved / escalated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_rate: Option<Ratio>,
    /// Feedback given / (solved on the spot + resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_rate: Option<Ratio>,
    /// Median minutes from finding to solution (on the spot or resolved), exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_minutes_to_solve: Option<Ratio>,
    /// Problems with a reporting deadline (2.1.4, 2.1.7, 2.1.8) that fell due in the period.
    pub reports_due: u64,
    /// Of those, reported on both channels within the deadline.
    pub reports_on_time: u64,
    /// Of those, late or missing on at least one channel (both deadlines).
    pub reports_late: u64,
    /// Of those, due 第一时间 (2.1.4).
    pub reports_late_at_once: u64,
    /// Of those, due 及时 (2.1.7, 2.1.8): reported on both channels, or passed on on one.
    pub reports_late_promptly: u64,
}

/// Proxy-service metrics of one person over the period (2.1.8).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProxyMetrics {
    /// Cases opened in the period.
    pub opened: u64,
    /// Cases closed in the period.
    pub closed: u64,
    /// Cases closed in the period as completed.
    pub completed: u64,
    /// Cases open at the period's end.
    pub open_at_end: u64,
}

/// The evidence of one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PersonEvidence {
    /// Person ID.
    pub person: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Problems found and solved (2.2.2, 4.1).
    pub problems: ProblemMetrics,
    /// Proxy services (2.1.8).
    pub proxy: ProxyMetrics,
}

/// The ledgers of one grid as of the period's end (2.1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GridLedgers {
    /// Grid ID.
    pub grid: String,
    /// Entries on the ledgers that day.
    pub current: u64,
    /// Of those, stale.
    pub stale: u64,
    /// Of those, updated after that day (not judged).
    pub updated_later: u64,
    /// Must-visit groups the ledgers show living in the grid (2.2.2).
    pub must_visit_groups: Vec<MustVisit>,
}

/// The evidence report of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceReport {
    /// Policy used.
    pub policy: PolicyRef,
    /// Period evaluated; the report is as of its last day.
    pub period: DateRange,
    /// Late and missing reports, then stale ledger entries.
    pub findings: Vec<EvidenceFinding>,
    /// Grid workers and anyone else with evidence records, in organisation order.
    pub people: Vec<PersonEvidence>,
    /// Ledgers per grid, in organisation order (empty when the dossier keeps none).
    pub ledgers: Vec<GridLedgers>,
}

impl EvidenceReport {
    /// The evidence of this person.
    pub fn person(&self, id: &str) -> Option<&PersonEvidence> {
        self.people.iter().find(|p| p.person == id)
    }

    /// The findings citing this clause.
    pub fn findings_citing<'a>(
        &'a self,
        clause: &'a str,
    ) -> impl Iterator<Item = &'a EvidenceFinding> {
        self.findings.iter().filter(move |f| f.clause == clause)
    }
}

/// The must-visit groups that the ledgers show living in `grid` on `date` (2.1.2 → 2.2.2), or
/// `None` when the dossier keeps no ledger at all (then the grid's `must_visit_groups` apply).
pub fn ledger_must_visit_groups(
    policy: &Policy,
    dossier: &Dossier,
    grid: &str,
    date: Date,
) -> Option<BTreeSet<MustVisit>> {
    let entries = &dossier.records.ledger_entries;
    if entries.is_empty() {
        return None;
    }
    let ev = &policy.document().evidence;
    Some(
        entries
            .iter()
            .filter(|e| e.grid == grid && e.active_on(date))
            .flat_map(|e| ev.groups_of(e.kind, e.other_kind.as_deref()))
            .collect(),
    )
}

/// Evaluates the evidence records of `dossier` for `period` under `policy`.
///
/// Errors: the period is inverted or outside the dossier's (`invalid_period`); a problem or
/// ledger entry names an added category or kind the policy does not define
/// (`unknown_reference`).
pub fn evaluate(
    policy: &Policy,
    dossier: &Dossier,
    period: DateRange,
) -> Result<EvidenceReport, Error> {
    evaluate_in(&Scope::new(policy, dossier, period)?)
}

/// [`evaluate`] over a [`Scope`] built by the caller (the assessment builds one for every rule
/// family).
pub fn evaluate_in(scope: &Scope<'_>) -> Result<EvidenceReport, Error> {
    let (policy, dossier, period) = (scope.policy(), scope.dossier(), scope.period());
    check_added_kinds(scope)?;
    let mut findings = Vec::new();
    let metrics = problem_metrics(scope, &mut findings);
    let proxy = proxy_metrics(scope);
    let ledgers = grid_ledgers(scope, &mut findings);

    let people = dossier
        .organisation
        .people
        .iter()
        .filter(|p| {
            p.role == Role::GridWorker
                || metrics.contains_key(p.id.as_str())
                || proxy.contains_key(p.id.as_str())
        })
        .map(|p| PersonEvidence {
            person: p.id.clone(),
            name: p.name.clone(),
            role: p.role,
            problems: metrics.get(p.id.as_str()).cloned().unwrap_or_default(),
            proxy: proxy.get(p.id.as_str()).cloned().unwrap_or_default(),
        })
        .collect();

    let doc = policy.document();
    Ok(EvidenceReport {
        policy: PolicyRef {
            id: doc.id.clone(),
            version: doc.version.clone(),
        },
        period,
        findings,
        people,
        ledgers,
    })
}

/// A problem category or ledger kind the records add must be one the policy adds (2.1.4,
/// 2.1.2: the lists end in 等); every such problem at once.
fn check_added_kinds(scope: &Scope<'_>) -> Result<(), Error> {
    let ev = &scope.policy().document().evidence;
    let r = &scope.dossier().records;
    let mut problems = Vec::new();
    for (i, p) in r.problems.iter().enumerate() {
        if let Some(o) = &p.other_category {
            if ev.extra_category(o).is_none() {
                problems.push(
                    Problem::new(
                        ErrorKind::UnknownReference,
                        format!("the policy adds no problem category `{o}`"),
                    )
                    .at(format!("records.problems[{i}].other_category"))
                    .record(&p.id),
                );
            }
        }
    }
    for (i, e) in r.ledger_entries.iter().enumerate() {
        if let Some(o) = &e.other_kind {
            if ev.extra_ledger_kind(o).is_none() {
                problems.push(
                    Problem::new(
                        ErrorKind::UnknownReference,
                        format!("the policy adds no ledger kind `{o}`"),
                    )
                    .at(format!("records.ledger_entries[{i}].other_kind"))
                    .record(&e.id),
                );
            }
        }
    }
    Error::check(problems)
}

/// Each person's problem metrics (2.1.4, 2.1.7, 2.1.8, 2.2.2), with a finding for each urgent
/// report made late or not at all.
fn problem_metrics<'a>(
    scope: &Scope<'a>,
    findings: &mut Vec<EvidenceFinding>,
) -> BTreeMap<&'a str, ProblemMetrics> {
    let period = scope.period();
    let ev = &scope.policy().document().evidence;
    let r = &scope.dossier().records;
    let end = period.to;
    let end_time = LocalTime::from_hm(23, 59).unwrap_or(LocalTime::MIDNIGHT);
    let counts = |d: Date| d <= end;
    let mut metrics: BTreeMap<&str, ProblemMetrics> = BTreeMap::new();
    let mut solve_minutes: BTreeMap<&str, Vec<i64>> = BTreeMap::new();

    for p in r.problems.iter().filter(|p| period.contains(p.date)) {
        let m = metrics.entry(p.person.as_str()).or_default();
        m.found += 1;
        let done: Vec<&ProblemStep> = p.steps.iter().filter(|s| counts(s.date)).collect();
        let has = |k: StepKind| done.iter().any(|s| s.step == k);
        if has(StepKind::SolvedOnSpot) {
            m.solved_on_spot += 1;
        }
        if has(StepKind::Escalated) {
            m.escalated += 1;
        }
        if has(StepKind::Resolved) {
            m.resolved += 1;
        }
        if has(StepKind::FeedbackGiven) {
            m.feedback_given += 1;
        }
        match done
            .iter()
            .find(|s| matches!(s.step, StepKind::SolvedOnSpot | StepKind::Resolved))
        {
            Some(s) => solve_minutes
                .entry(p.person.as_str())
                .or_default()
                .push(minutes_between(p.date, p.found_at, s.date, s.time)),
            None => m.open += 1,
        }
        // Urgent reporting (2.1.4, 2.1.7, 2.1.8): both channels, within the deadline.
        let Some(deadline) = ev.deadline(p.category, p.other_category.as_deref()) else {
            continue;
        };
        let first_on = |channel: Option<ReportChannel>| {
            p.reports
                .iter()
                .filter(|x| channel.is_none_or(|c| x.channel == c))
                .map(|x| minutes_between(p.date, p.found_at, x.date, x.time))
                .min()
        };
        // Both channels (2.1.4, 2.1.7, 2.1.8 上报社区和网格微信群), or any one (2.1.7 及时反映).
        let channels: Vec<Option<ReportChannel>> = if deadline.urgency.every_channel() {
            ReportChannel::ALL.into_iter().map(Some).collect()
        } else {
            vec![None]
        };
        let mut late = false;
        let mut due = false;
        for channel in channels {
            let first = first_on(channel);
            let finding = |kind, actual| EvidenceFinding {
                kind,
                clause: deadline.clause.to_owned(),
                record: p.id.clone(),
                person: Some(p.person.clone()),
                grid: p.grid.clone(),
                date: p.date,
                channel,
                urgency: Some(deadline.urgency),
                limit: deadline.minutes,
                actual,
                unit: EvidenceUnit::Minutes,
            };
            match first {
                Some(minutes) if minutes <= deadline.minutes => due = true,
                Some(minutes) => {
                    due = true;
                    late = true;
                    findings.push(finding(FindingKind::LateReport, Some(minutes)));
                }
                None => {
                    // Not yet due while the deadline runs past the period's end.
                    if minutes_between(p.date, p.found_at, end, end_time) >= deadline.minutes {
                        due = true;
                        late = true;
                        findings.push(finding(FindingKind::MissingReport, None));
                    }
                }
            }
        }
        if due {
            m.reports_due += 1;
            if late {
                m.reports_late += 1;
                if deadline.urgency.is_prompt() {
                    m.reports_late_promptly += 1;
                } else {
                    m.reports_late_at_once += 1;
                }
            } else {
                m.reports_on_time += 1;
            }
        }
    }
    for (person, m) in metrics.iter_mut() {
        let solved = m.solved_on_spot + m.resolved;
        m.solved_rate = Ratio::new(solved, m.found);
        m.on_spot_rate = Ratio::new(m.solved_on_spot, m.found);
        m.resolution_rate = Ratio::new(m.resolved, m.escalated);
        m.feedback_rate = Ratio::new(m.feedback_given, solved);
        m.median_minutes_to_solve = solve_minutes.get_mut(person).and_then(|v| median(v));
    }

    metrics
}

/// Each person's proxy cases (代办) opened, closed and open at the period's end.
fn proxy_metrics<'a>(scope: &Scope<'a>) -> BTreeMap<&'a str, ProxyMetrics> {
    let period = scope.period();
    let end = period.to;
    let mut proxy: BTreeMap<&str, ProxyMetrics> = BTreeMap::new();
    for c in &scope.dossier().records.proxy_cases {
        let m = proxy.entry(c.person.as_str()).or_default();
        if period.contains(c.opened) {
            m.opened += 1;
        }
        if c.closed.is_some_and(|d| period.contains(d)) {
            m.closed += 1;
            if c.outcome == Some(ProxyOutcome::Completed) {
                m.completed += 1;
            }
        }
        if c.opened <= end && c.closed.is_none_or(|d| d > end) {
            m.open_at_end += 1;
        }
    }

    proxy
}

/// Ledgers (2.1.2) of every grid as of the period's last day, with a finding for each entry
/// not updated within its limit; empty when the dossier keeps no ledgers.
fn grid_ledgers(scope: &Scope<'_>, findings: &mut Vec<EvidenceFinding>) -> Vec<GridLedgers> {
    let ev = &scope.policy().document().evidence;
    let dossier = scope.dossier();
    let r = &dossier.records;
    let end = scope.period().to;
    let mut ledgers = Vec::new();
    if !r.ledger_entries.is_empty() {
        let mut by_grid: BTreeMap<&str, GridLedgers> = BTreeMap::new();
        // The must-visit groups each grid's ledgers show (2.1.2 → 2.2.2), as
        // `ledger_must_visit_groups` gives them, gathered in one pass over the entries.
        let mut groups: BTreeMap<&str, BTreeSet<MustVisit>> = BTreeMap::new();
        for e in r.ledger_entries.iter().filter(|e| e.active_on(end)) {
            groups
                .entry(e.grid.as_str())
                .or_default()
                .extend(ev.groups_of(e.kind, e.other_kind.as_deref()));
            let g = by_grid
                .entry(e.grid.as_str())
                .or_insert_with(|| GridLedgers {
                    grid: e.grid.clone(),
                    current: 0,
                    stale: 0,
                    updated_later: 0,
                    must_visit_groups: Vec::new(),
                });
            g.current += 1;
            if e.last_updated > end {
                g.updated_later += 1;
                continue;
            }
            let Some(limit) = ev.ledger_limit(e.kind, e.other_kind.as_deref()) else {
                continue;
            };
            let age = e.last_updated.days_until(end);
            if age > limit {
                g.stale += 1;
                findings.push(EvidenceFinding {
                    kind: FindingKind::StaleLedgerEntry,
                    clause: "2.1.2".into(),
                    record: e.id.clone(),
                    person: e.updated_by.clone(),
                    grid: e.grid.clone(),
                    date: end,
                    channel: None,
                    urgency: None,
                    limit,
                    actual: Some(age),
                    unit: EvidenceUnit::Days,
                });
            }
        }
        for c in &dossier.organisation.communities {
            for grid in &c.grids {
                let mut g = by_grid.remove(grid.id.as_str()).unwrap_or(GridLedgers {
                    grid: grid.id.clone(),
                    current: 0,
                    stale: 0,
                    updated_later: 0,
                    must_visit_groups: Vec::new(),
                });
                g.must_visit_groups = groups
                    .remove(grid.id.as_str())
                    .unwrap_or_default()
                    .into_iter()
                    .collect();
                ledgers.push(g);
            }
        }
    }

    ledgers
}

/// The exact median of `values` (sorted in place), or `None` when empty.
fn median(values: &mut [i64]) -> Option<Ratio> {
    values.sort_unstable();
    let n = values.len();
    let to_u = |v: &i64| u64::try_from(*v).unwrap_or(0);
    if n == 0 {
        None
    } else if n % 2 == 1 {
        values.get(n / 2).map(|v| Ratio {
            numerator: to_u(v),
            denominator: 1,
        })
    } else {
        let a = values.get(n / 2 - 1).map(to_u)?;
        let b = values.get(n / 2).map(to_u)?;
        Ratio::new(a.saturating_add(b), 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_is_reduced_and_exact() {
        assert_eq!(
            Ratio::new(6, 4),
            Some(Ratio {
                numerator: 3,
                denominator: 2
            })
        );
        assert_eq!(
            Ratio::new(0, 5),
            Some(Ratio {
                numerator: 0,
                denominator: 1
            })
        );
        assert_eq!(Ratio::new(1, 0), None);
        assert_eq!(Ratio::new(2, 3).unwrap().per_mille_floor(), 666);
    }

    #[test]
    fn median_of_even_count_is_exact_half() {
        assert_eq!(median(&mut [10, 1, 4, 7]), Ratio::new(11, 2));
        assert_eq!(median(&mut [5, 1, 9]), Ratio::new(5, 1));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn clause_2_2_2_step_order() {
        use StepKind::*;
        assert!(SolvedOnSpot.may_follow(None));
        assert!(Escalated.may_follow(None));
        assert!(!Resolved.may_follow(None));
        assert!(Coordinated.may_follow(Some(Escalated)));
        assert!(Coordinated.may_follow(Some(Coordinated)));
        assert!(Resolved.may_follow(Some(Escalated)));
        assert!(!Resolved.may_follow(Some(SolvedOnSpot)));
        assert!(FeedbackGiven.may_follow(Some(Resolved)));
        assert!(!FeedbackGiven.may_follow(Some(Escalated)));
        assert!(!Escalated.may_follow(Some(FeedbackGiven)));
    }
}
