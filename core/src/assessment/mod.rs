//! Annual grades with reasons and consequences (4.1, 4.2, 5.1, 5.2).
//!
//! [`assess`] scores each grid worker under the policy's [`Scheme`], grades the score by the
//! bands, applies the labelled exceptions and the optional quota, and lists every rule that
//! fired with its clause, the consequences of 5.1 and 5.2, and the margin to the grades above
//! and below. Communities get a roll-up for their annual key-work assessment (4.2).

pub mod facts;
pub mod lint;
pub use crate::policy::assessment as scheme;
pub mod table;

use crate::compliance::{Detail, Options, Report, Totals};
use crate::decimal::Decimal;
use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};
use crate::lang::Lang;
use crate::organisation::Role;
use crate::policy::Policy;
use crate::scope::Scope;
use crate::time::{Date, DateRange, PeriodKind};
pub use facts::{FactInfo, Facts, Polarity};
use schemars::JsonSchema;
pub use scheme::{
    Adjustment, Band, Basis, Bound, Component, Condition, Direction, Effect, Exception, Grade,
    Measure, PartKind, Parts, Quota, QuotaScope, Scheme,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Points of one component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ComponentScore {
    /// Component ID.
    pub id: String,
    /// Its clause.
    pub clause: String,
    /// Title in the answer's language.
    pub title: String,
    /// Points at full marks.
    pub weight: Decimal,
    /// Points earned.
    pub points: Decimal,
    /// Points lost (weight − points).
    pub lost: Decimal,
    /// What was counted as earned.
    pub earned: i64,
    /// What it was counted against.
    pub out_of: i64,
}

/// A bonus or deduction applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AdjustmentApplied {
    /// Adjustment ID.
    pub id: String,
    /// Its clause.
    pub clause: String,
    /// Title in the answer's language.
    pub title: String,
    /// Bonus or deduction.
    pub direction: Direction,
    /// How many times the fact was counted.
    pub count: i64,
    /// Points added (bonus) or taken (deduction), after the cap.
    pub points: Decimal,
}

/// The score of one period part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PartScore {
    /// The part.
    pub period: DateRange,
    /// Its weight.
    pub weight: Decimal,
    /// Its score; absent when nothing was due in it (left out of the mean).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<Decimal>,
}

/// Kinds of rule in an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A component lost points.
    Component,
    /// A bonus or deduction applied.
    Adjustment,
    /// A labelled exception fired.
    Exception,
    /// The quota moved the grade down.
    Quota,
    /// A consequence of the grade (5.1, 5.2).
    Consequence,
}

/// A rule that fired for a worker, with its clause and the evidence behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RuleFired {
    /// Kind of rule.
    pub kind: RuleKind,
    /// Rule ID (component, adjustment or exception ID; `quota`; `5.1` / `5.2`).
    pub id: String,
    /// Clause.
    pub clause: String,
    /// How many facts or records it rests on.
    pub evidence_count: i64,
    /// Human-readable reason in the answer's language.
    pub text: String,
    /// For an exception outranked by a higher-priority one: that one's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overridden_by: Option<String>,
    /// When the rule rests on a value the measures do not give (本地规定): the policy value
    /// behind it, such as `assessment.exceptions.drink-driving`. The text says so too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_choice: Option<String>,
}

/// A consequence of the grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Consequence {
    /// 5.1: priority consideration when awards and honours are chosen (评先选优优先考虑).
    PriorityForAwards,
    /// 5.1: may be given priority as a candidate for the community's two committees, subject to
    /// election.
    PriorityTwoCommitteeCandidate,
    /// 5.2: one-vote veto — no award eligibility for the year (一票否决).
    NoAwardEligibility,
}

impl Consequence {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Consequence::PriorityForAwards => "评先选优时优先考虑",
            Consequence::PriorityTwoCommitteeCandidate => {
                "可优先纳入社区“两委”委员候选人，接受群众选举"
            }
            Consequence::NoAwardEligibility => "一票否决，取消年度一切评先资格",
        }
    }
    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Consequence::PriorityForAwards => "priority consideration for awards and honours",
            Consequence::PriorityTwoCommitteeCandidate => {
                "may be given priority as a two-committee candidate, subject to election"
            }
            Consequence::NoAwardEligibility => "one-vote veto: no award eligibility for the year",
        }
    }
    /// The clause.
    pub fn clause(self) -> &'static str {
        match self {
            Consequence::PriorityForAwards | Consequence::PriorityTwoCommitteeCandidate => "5.1",
            Consequence::NoAwardEligibility => "5.2",
        }
    }
}

/// How far a worker is from the neighbouring grades.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Margin {
    /// Points needed for the next better grade (its band's lower bound minus the score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_better: Option<GradeGap>,
    /// Points above the next worse grade (the score minus its band's upper bound).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above_worse: Option<GradeGap>,
    /// The component that lost most points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub largest_shortfall: Option<String>,
    /// The whole margin in words, in the answer's language.
    pub text: String,
}

/// A gap to a grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GradeGap {
    /// The grade.
    pub grade: Grade,
    /// The points.
    pub points: Decimal,
}

/// One grid worker's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WorkerResult {
    /// Person ID.
    pub person: String,
    /// Name.
    pub name: String,
    /// Community.
    pub community: String,
    /// The score, rounded as the scheme says.
    pub score: Decimal,
    /// The grade of the score by the bands alone.
    pub score_grade: Grade,
    /// The final grade, after exceptions and quota.
    pub grade: Grade,
    /// Chinese label of the final grade.
    pub grade_zh: String,
    /// Points per component.
    pub components: Vec<ComponentScore>,
    /// Bonus items and deductions applied.
    pub adjustments: Vec<AdjustmentApplied>,
    /// Period parts, when the scheme has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartScore>,
    /// Every rule that fired, most important first.
    pub rules: Vec<RuleFired>,
    /// Consequences of the grade (5.1, 5.2).
    pub consequences: Vec<Consequence>,
    /// False under the one-vote veto of 5.2.
    pub award_eligible: bool,
    /// Distance to the neighbouring grades.
    pub margin: Margin,
}

/// Grade counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Distribution {
    /// 优秀.
    pub excellent: u32,
    /// 称职.
    pub competent: u32,
    /// 基本称职.
    pub basically_competent: u32,
    /// 不称职.
    pub incompetent: u32,
}

impl Distribution {
    fn add(&mut self, g: Grade) {
        match g {
            Grade::Excellent => self.excellent += 1,
            Grade::Competent => self.competent += 1,
            Grade::BasicallyCompetent => self.basically_competent += 1,
            Grade::Incompetent => self.incompetent += 1,
        }
    }

    /// The count of one grade.
    pub fn of(&self, g: Grade) -> u32 {
        match g {
            Grade::Excellent => self.excellent,
            Grade::Competent => self.competent,
            Grade::BasicallyCompetent => self.basically_competent,
            Grade::Incompetent => self.incompetent,
        }
    }
}

/// A community's roll-up for its annual key-work assessment (4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CommunityRollup {
    /// Community ID.
    pub community: String,
    /// Name.
    pub name: String,
    /// Workers graded.
    pub workers: u32,
    /// Grades.
    pub distribution: Distribution,
    /// Mean score, rounded as the scheme says; absent with no worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_score: Option<Decimal>,
    /// The duties of the community and of its Party secretary (the grid leader, 1.1): the
    /// dispatch meeting (2.1.0), meetings (2.2.3), group study and notebook reviews (3.5) —
    /// outcome counts.
    pub own_duties: Totals,
    /// The community's and its secretary's duties, per obligation.
    pub own_duties_by_obligation: Vec<crate::compliance::ObligationTotals>,
    /// Monthly attendance reports to the subdistrict Party committee (3.3) the records support:
    /// the months of the period in which the community took attendance (has clock records).
    pub monthly_attendance_reports: u32,
    /// The months (`YYYY-MM`) of the period in which the community took no attendance (no
    /// clock records): 未采集, not reported.
    pub attendance_not_collected: Vec<String>,
}

/// The answer of [`assess`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    /// Policy used.
    pub policy: crate::policy::PolicyRef,
    /// Period assessed.
    pub period: DateRange,
    /// Language of texts.
    pub lang: Lang,
    /// False when records were set aside (see the compliance report's warnings).
    pub complete: bool,
    /// One result per grid worker, in organisation order.
    pub workers: Vec<WorkerResult>,
    /// One roll-up per community.
    pub communities: Vec<CommunityRollup>,
    /// Every cited clause with its original text.
    pub clauses: BTreeMap<String, crate::compliance::CitedClause>,
}

impl Assessment {
    /// The result of one worker.
    pub fn worker(&self, id: &str) -> Option<&WorkerResult> {
        self.workers.iter().find(|w| w.person == id)
    }
}

/// Grades every grid worker of `dossier` under `policy`'s assessment scheme.
///
/// ```
/// use wangge::assessment::{assess, Grade};
/// use wangge::{sample, Options, Policy};
/// let a = assess(&Policy::xincheng_2022(), &sample::community_2023(), &Options::default()).unwrap();
/// let grades: std::collections::BTreeSet<Grade> = a.workers.iter().map(|w| w.grade).collect();
/// assert!(grades.len() >= 3);
/// ```
pub fn assess(policy: &Policy, dossier: &Dossier, options: &Options) -> Result<Assessment, Error> {
    assess_with(policy, dossier, options, Detail::Totals)
}

/// [`assess`], evaluating compliance with the `detail` asked for. A grade rests on counts
/// alone, so both give the same assessment (`core/tests/assessment.rs` proves it on the sample
/// and on generated dossiers); [`assess`] keeps only the counts (`Detail::Totals`).
pub fn assess_with(
    policy: &Policy,
    dossier: &Dossier,
    options: &Options,
    detail: Detail,
) -> Result<Assessment, Error> {
    let scheme = policy.document().assessment.as_ref().ok_or_else(|| {
        Problem::new(
            ErrorKind::InvalidPolicy,
            format!("policy `{}` has no assessment scheme", policy.document().id),
        )
        .at("assessment")
    })?;
    // One scope for every rule family: the dossier and the period checked once, the days
    // indexed once.
    let scope = Scope::new(policy, dossier, options.period.unwrap_or(dossier.period))?;
    let report = crate::compliance::evaluate_with(&scope, options.lang, detail)?;
    let period = report.period;
    let (whole, attendance_months, notes) = collect_all(&scope, &report)?;

    // Period parts: each scored on its own records.
    let ranges = part_ranges(scheme, period);
    let mut part_facts: Vec<BTreeMap<String, Facts>> = Vec::new();
    if scheme.parts.is_some() {
        for (range, _) in &ranges {
            let part = scope.narrow(*range)?;
            let r = crate::compliance::evaluate_with(&part, options.lang, detail)?;
            part_facts.push(collect_all(&part, &r)?.0);
        }
    }

    let lang = options.lang;
    let mut workers = Vec::new();
    let empty = Facts::new();
    for p in dossier
        .organisation
        .people
        .iter()
        .filter(|p| p.role == Role::GridWorker)
    {
        let facts = whole.get(&p.id).unwrap_or(&empty);
        if facts.get("compliance.due").copied().unwrap_or(0) == 0 {
            // Never on duty in the period: nothing to grade.
            continue;
        }
        let scored = if scheme.parts.is_some() {
            let per_part: Vec<(&Facts, Decimal)> = part_facts
                .iter()
                .zip(ranges.iter())
                .map(|(pf, (_, w))| (pf.get(&p.id).unwrap_or(&empty), *w))
                .collect();
            score_parts(scheme, &per_part, &ranges, lang)
        } else {
            score_once(scheme, facts, lang)
        };
        let score = scored.score.round(scheme.score_decimals);
        let score_grade = scheme.grade_for(score).ok_or_else(|| {
            Problem::new(
                ErrorKind::InvalidPolicy,
                format!(
                    "the score `{score}` of `{}` falls in no grade band (run the policy linter)",
                    p.id
                ),
            )
            .at("assessment.bands")
            .record(&p.id)
        })?;
        let mut rules = scored.rules;
        let grade = apply_exceptions(policy, scheme, facts, score_grade, &p.id, lang, &mut rules)?;
        if let Some(mine) = notes.get(&p.id) {
            annotate(scheme, mine, lang, &mut rules);
        }
        workers.push(WorkerResult {
            person: p.id.clone(),
            name: p.name.clone(),
            community: p.community.clone(),
            score,
            score_grade,
            grade,
            grade_zh: grade.label_zh().to_owned(),
            components: scored.components,
            adjustments: scored.adjustments,
            parts: scored.parts,
            rules,
            consequences: Vec::new(),
            award_eligible: true,
            margin: Margin {
                to_better: None,
                above_worse: None,
                largest_shortfall: None,
                text: String::new(),
            },
        });
    }

    if let Some(quota) = &scheme.quota {
        apply_quota(quota, &whole, &mut workers, lang);
    }
    let annual = is_calendar_year(period);
    for w in &mut workers {
        let missed = missed_by_duty(policy, scheme, whole.get(&w.person).unwrap_or(&empty), lang);
        finish(scheme, w, lang, annual, &missed);
    }

    let communities = rollup(scheme, &report, &workers, &attendance_months);
    let clauses = cited_clauses(&report, &workers);
    Ok(Assessment {
        policy: report.policy.clone(),
        period,
        lang,
        complete: report.complete,
        workers,
        communities,
        clauses,
    })
}

/// The scheme's parts of `period` (4.1: each month, quarter or half-year scored on its own
/// records) with their weights; the whole period, weighing 1, for a scheme without parts.
fn part_ranges(scheme: &Scheme, period: DateRange) -> Vec<(DateRange, Decimal)> {
    match &scheme.parts {
        None => vec![(period, Decimal::from_int(1))],
        Some(parts) => {
            let kind = match parts.each {
                PartKind::Month => PeriodKind::Month,
                PartKind::Quarter => PeriodKind::Quarter,
                PartKind::HalfYear => PeriodKind::Year,
            };
            let mut ranges = kind.instances(period);
            if parts.each == PartKind::HalfYear {
                ranges = ranges.into_iter().flat_map(split_half_year).collect();
            }
            ranges
                .into_iter()
                .enumerate()
                .map(|(i, r)| {
                    let w = parts
                        .weights
                        .as_ref()
                        .and_then(|ws| ws.get(i).copied())
                        .unwrap_or(Decimal::from_int(1));
                    (r, w)
                })
                .collect()
        }
    }
}

/// Every clause the assessment cites, with its text: those of the compliance report, of every
/// rule fired, and of the grades and their consequences (4.1, 4.2, 5.1, 5.2).
fn cited_clauses(
    report: &Report,
    workers: &[WorkerResult],
) -> BTreeMap<String, crate::compliance::CitedClause> {
    let mut clauses = report.clauses.clone();
    for id in workers
        .iter()
        .flat_map(|w| w.rules.iter().map(|r| r.clause.clone()))
        .chain(["4.1", "4.2", "5.1", "5.2"].map(String::from))
    {
        if let Some(c) = crate::clause::get(&id) {
            clauses
                .entry(id)
                .or_insert_with(|| crate::compliance::CitedClause {
                    title_zh: c.title_zh.clone(),
                    title_en: c.title_en.clone(),
                    text_zh: c.text_zh.clone(),
                });
        }
    }
    clauses
}

/// Every fact of every person for `period`: compliance, and the other record families.
pub fn collect_facts(
    policy: &Policy,
    dossier: &Dossier,
    report: &Report,
    period: DateRange,
) -> Result<BTreeMap<String, Facts>, Error> {
    collect_all(&Scope::new(policy, dossier, period)?, report).map(|(facts, _, _)| facts)
}

/// Per community: monthly attendance reports (3.3) the records support, and the months in which
/// attendance was not taken (未采集).
type MonthCounts = BTreeMap<String, (u32, Vec<String>)>;

/// The facts, and the number of monthly attendance reports (3.3) each community can file.
fn collect_all(
    scope: &Scope<'_>,
    report: &Report,
) -> Result<(BTreeMap<String, Facts>, MonthCounts, facts::Notes), Error> {
    let mut out = facts::from_compliance(report);
    // The counts-only form: the same counts, months, notices and conduct, no per-day evidence.
    let attendance = crate::attendance::counts_in(scope)?;
    facts::add_attendance(&mut out, &attendance);
    let notes = facts::attendance_notes(&attendance, report.lang);
    facts::add_evidence(&mut out, &crate::evidence::evaluate_in(scope)?);
    let mut months: MonthCounts = BTreeMap::new();
    for m in &attendance.months {
        let entry = months.entry(m.community.clone()).or_default();
        if m.collected {
            entry.0 += 1;
        } else {
            entry.1.push(m.month.clone());
        }
    }
    Ok((out, months, notes))
}

/// True when `period` is one whole calendar year (1 January to 31 December), the period of the
/// one-vote veto of 5.2 (取消年度一切评先资格).
fn is_calendar_year(period: DateRange) -> bool {
    let y = period.from.year();
    Date::from_ymd(y, 1, 1) == Some(period.from) && Date::from_ymd(y, 12, 31) == Some(period.to)
}

fn split_half_year(year: DateRange) -> Vec<DateRange> {
    let y = year.from.year();
    let (Some(june), Some(july)) = (Date::from_ymd(y, 6, 30), Date::from_ymd(y, 7, 1)) else {
        return vec![year];
    };
    [
        DateRange::new(year.from, june),
        DateRange::new(july, year.to),
    ]
    .into_iter()
    .filter_map(|h| h.intersect(&year))
    .collect()
}

struct Scored {
    score: Decimal,
    components: Vec<ComponentScore>,
    adjustments: Vec<AdjustmentApplied>,
    parts: Vec<PartScore>,
    rules: Vec<RuleFired>,
}

fn title<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn fact(facts: &Facts, name: &str) -> i64 {
    facts.get(name).copied().unwrap_or(0)
}

/// Scores one set of facts: components, then adjustments, kept within 0 and the scale.
fn score_once(scheme: &Scheme, facts: &Facts, lang: Lang) -> Scored {
    let mut total = Decimal::ZERO;
    let mut components = Vec::new();
    for c in &scheme.components {
        let (earned, out_of, points) = match &c.measure {
            Measure::ComplianceRate {
                obligations,
                when_nothing_due,
                zero_at,
            } => {
                let met: i64 = obligations
                    .iter()
                    .map(|o| fact(facts, &format!("{o}.met")))
                    .sum();
                let missed: i64 = obligations
                    .iter()
                    .map(|o| fact(facts, &format!("{o}.missed")))
                    .sum();
                let due = met + missed;
                let points = if due == 0 {
                    c.weight.mul_dec(*when_nothing_due)
                } else {
                    // weight × (rate − zero_at) ÷ (1 − zero_at), in exact integers.
                    let one = Decimal::from_int(1).units();
                    let above = met
                        .saturating_mul(one)
                        .saturating_sub(zero_at.units().saturating_mul(due));
                    let range = due.saturating_mul(one.saturating_sub(zero_at.units()));
                    c.weight.mul_ratio(above.max(0), range.max(1))
                };
                (met, due, points)
            }
            Measure::FactRatio {
                numerator,
                denominator,
                when_nothing_due,
            } => {
                let n = fact(facts, numerator);
                let d = fact(facts, denominator);
                let points = if d == 0 {
                    c.weight.mul_dec(*when_nothing_due)
                } else {
                    c.weight.mul_ratio(n.min(d).max(0), d)
                };
                (n, d, points)
            }
            Measure::Constant => (1, 1, c.weight),
        };
        total = total.plus(points);
        components.push(ComponentScore {
            id: c.id.clone(),
            clause: c.clause.clone(),
            title: title(lang, &c.title_zh, &c.title_en).to_owned(),
            weight: c.weight,
            points,
            lost: c.weight.minus(points),
            earned,
            out_of,
        });
    }
    let mut adjustments = Vec::new();
    for a in &scheme.adjustments {
        let count = fact(facts, &a.fact);
        if count <= 0 {
            continue;
        }
        let mut points = a.points_each.times(count);
        if let Some(cap) = a.cap {
            points = points.min(cap);
        }
        total = match a.direction {
            Direction::Bonus => total.plus(points),
            Direction::Deduction => total.minus(points),
        };
        adjustments.push(AdjustmentApplied {
            id: a.id.clone(),
            clause: a.clause.clone(),
            title: title(lang, &a.title_zh, &a.title_en).to_owned(),
            direction: a.direction,
            count,
            points,
        });
    }
    let score = total.max(Decimal::ZERO).min(scheme.scale);
    let rules = component_rules(scheme, &components, &adjustments, lang);
    Scored {
        score,
        components,
        adjustments,
        parts: Vec::new(),
        rules,
    }
}

/// Scores each part, then takes the weighted mean of the parts in which something was due.
fn score_parts(
    scheme: &Scheme,
    per_part: &[(&Facts, Decimal)],
    ranges: &[(DateRange, Decimal)],
    lang: Lang,
) -> Scored {
    let mut parts = Vec::new();
    let mut weighted = Decimal::ZERO;
    let mut weight_sum = Decimal::ZERO;
    let mut comp_sum: BTreeMap<usize, (Decimal, i64, i64)> = BTreeMap::new();
    let mut adj_sum: BTreeMap<usize, (Decimal, i64)> = BTreeMap::new();
    for ((facts, weight), (range, _)) in per_part.iter().zip(ranges) {
        if fact(facts, "compliance.due") == 0 {
            parts.push(PartScore {
                period: *range,
                weight: *weight,
                score: None,
            });
            continue;
        }
        let s = score_once(scheme, facts, lang);
        weighted = weighted.plus(s.score.mul_dec(*weight));
        weight_sum = weight_sum.plus(*weight);
        for (i, c) in s.components.iter().enumerate() {
            let e = comp_sum.entry(i).or_insert((Decimal::ZERO, 0, 0));
            e.0 = e.0.plus(c.points.mul_dec(*weight));
            e.1 += c.earned;
            e.2 += c.out_of;
        }
        for a in &s.adjustments {
            if let Some(i) = scheme.adjustments.iter().position(|x| x.id == a.id) {
                let e = adj_sum.entry(i).or_insert((Decimal::ZERO, 0));
                e.0 = e.0.plus(a.points.mul_dec(*weight));
                e.1 += a.count;
            }
        }
        parts.push(PartScore {
            period: *range,
            weight: *weight,
            score: Some(s.score),
        });
    }
    let mean = |v: Decimal| {
        if weight_sum == Decimal::ZERO {
            Decimal::ZERO
        } else {
            v.mul_ratio(10_000, weight_sum.units())
        }
    };
    let components: Vec<ComponentScore> = scheme
        .components
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (sum, earned, out_of) = comp_sum.get(&i).copied().unwrap_or((Decimal::ZERO, 0, 0));
            let points = mean(sum);
            ComponentScore {
                id: c.id.clone(),
                clause: c.clause.clone(),
                title: title(lang, &c.title_zh, &c.title_en).to_owned(),
                weight: c.weight,
                points,
                lost: c.weight.minus(points),
                earned,
                out_of,
            }
        })
        .collect();
    let adjustments: Vec<AdjustmentApplied> = scheme
        .adjustments
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let (sum, count) = adj_sum.get(&i).copied()?;
            Some(AdjustmentApplied {
                id: a.id.clone(),
                clause: a.clause.clone(),
                title: title(lang, &a.title_zh, &a.title_en).to_owned(),
                direction: a.direction,
                count,
                points: mean(sum),
            })
        })
        .collect();
    let rules = component_rules(scheme, &components, &adjustments, lang);
    Scored {
        score: mean(weighted),
        components,
        adjustments,
        parts,
        rules,
    }
}

fn component_rules(
    scheme: &Scheme,
    components: &[ComponentScore],
    adjustments: &[AdjustmentApplied],
    lang: Lang,
) -> Vec<RuleFired> {
    let shown = |d: Decimal| d.round(scheme.score_decimals);
    let mut lost: Vec<&ComponentScore> = components
        .iter()
        .filter(|c| c.lost > Decimal::ZERO)
        .collect();
    lost.sort_by(|a, b| b.lost.cmp(&a.lost).then_with(|| a.id.cmp(&b.id)));
    let mut rules: Vec<RuleFired> = lost
        .iter()
        .map(|c| RuleFired {
            kind: RuleKind::Component,
            id: c.id.clone(),
            clause: c.clause.clone(),
            evidence_count: c.out_of - c.earned,
            text: if c.out_of == 0 {
                nothing_due_text(scheme, c, lang)
            } else {
                match lang {
                    Lang::Zh => format!(
                        "{} {}：{}/{} 达标，失{}分",
                        c.clause,
                        c.title,
                        c.earned,
                        c.out_of,
                        shown(c.lost)
                    ),
                    Lang::En => format!(
                        "{} {}: {} of {} met, {} points lost",
                        c.clause,
                        c.title,
                        c.earned,
                        c.out_of,
                        shown(c.lost)
                    ),
                }
            },
            overridden_by: None,
            local_choice: (c.out_of == 0)
                .then(|| format!("assessment.components.{}.measure.when_nothing_due", c.id)),
        })
        .collect();
    for a in adjustments {
        let rule = scheme.adjustments.iter().find(|x| x.id == a.id);
        let local = rule
            .filter(|r| r.basis.is_local_choice())
            .map(|r| format!("assessment.adjustments.{}", r.id));
        let points = shown(a.points);
        let mut text = match (lang, a.direction) {
            (Lang::Zh, Direction::Deduction) => {
                format!("{} {}：{}次，扣{}分", a.clause, a.title, a.count, points)
            }
            (Lang::Zh, Direction::Bonus) => {
                format!("{} {}：{}次，加{}分", a.clause, a.title, a.count, points)
            }
            (Lang::En, Direction::Deduction) => {
                format!(
                    "{} {}: {} times, {} points off",
                    a.clause, a.title, a.count, points
                )
            }
            (Lang::En, Direction::Bonus) => {
                format!(
                    "{} {}: {} times, {} points added",
                    a.clause, a.title, a.count, points
                )
            }
        };
        if let Some(path) = &local {
            text.push_str(&local_suffix(lang, path));
        }
        rules.push(RuleFired {
            kind: RuleKind::Adjustment,
            id: a.id.clone(),
            clause: a.clause.clone(),
            evidence_count: a.count,
            text,
            overridden_by: None,
            local_choice: local,
        });
    }
    rules
}

/// "（本地规定：…）": says that a reason rests on a policy value the measures do not give, and
/// names that value.
fn local_suffix(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("（本地规定：{path}）"),
        Lang::En => format!(" (local choice: {path})"),
    }
}

/// The reason line of a component that lost points because nothing was counted in the
/// period: the policy's `when_nothing_due` share (a local choice), and why. For 4.1's problems
/// found and solved: no problem found, so none of the points (finding nothing never beats
/// finding and solving).
fn nothing_due_text(scheme: &Scheme, c: &ComponentScore, lang: Lang) -> String {
    let measure = scheme
        .components
        .iter()
        .find(|x| x.id == c.id)
        .map(|x| &x.measure);
    let none_found = matches!(
        measure,
        Some(Measure::FactRatio { denominator, .. }) if denominator == "problems.found"
    );
    match (lang, none_found) {
        (Lang::Zh, true) => format!(
            "{} {}：本期未发现问题（0/0），按本地规定（when_nothing_due）未发现问题不得此项分，失{}分",
            c.clause, c.title, c.lost
        ),
        (Lang::Zh, false) => format!(
            "{} {}：本期无可计事项（0/0），按本地规定（when_nothing_due）计，失{}分",
            c.clause, c.title, c.lost
        ),
        (Lang::En, true) => format!(
            "{} {}: no problem found in the period (0 of 0); by local choice (when_nothing_due) finding none earns none of these points, {} points lost",
            c.clause, c.title, c.lost
        ),
        (Lang::En, false) => format!(
            "{} {}: nothing counted in the period (0 of 0); by local choice (when_nothing_due), {} points lost",
            c.clause, c.title, c.lost
        ),
    }
}

/// Applies the fired exceptions in priority order; an unresolvable pair is an error.
fn apply_exceptions(
    policy: &Policy,
    scheme: &Scheme,
    facts: &Facts,
    score_grade: Grade,
    person: &str,
    lang: Lang,
    rules: &mut Vec<RuleFired>,
) -> Result<Grade, Error> {
    let mut fired: Vec<&Exception> = scheme
        .exceptions
        .iter()
        .filter(|e| fact(facts, &e.when.fact) >= e.when.at_least)
        .collect();
    // Highest priority first; equal priorities keep policy order.
    fired.sort_by_key(|e| std::cmp::Reverse(e.priority.unwrap_or(0)));
    let mut allowed: Vec<Grade> = Grade::ALL.to_vec();
    let mut applied: Vec<&Exception> = Vec::new();
    let mut texts = Vec::new();
    for e in fired {
        let next: Vec<Grade> = allowed
            .iter()
            .copied()
            .filter(|g| e.then.allows(*g))
            .collect();
        let count = fact(facts, &e.when.fact);
        let effect_text = effect_text(e.then, lang);
        let what = facts::label(policy, &e.when.fact, lang);
        let local = e
            .basis
            .is_local_choice()
            .then(|| format!("assessment.exceptions.{}", e.id));
        let mut text = match lang {
            Lang::Zh => format!(
                "{} {}（{}{}次）：{}",
                e.clause, e.title_zh, what, count, effect_text
            ),
            Lang::En => format!(
                "{} {} ({}: {}): {}",
                e.clause, e.title_en, what, count, effect_text
            ),
        };
        if let Some(path) = &local {
            text.push_str(&local_suffix(lang, path));
        }
        if next.is_empty() {
            let same = applied
                .iter()
                .find(|a| a.priority.unwrap_or(0) == e.priority.unwrap_or(0));
            if let Some(other) = same {
                return Err(Problem::new(
                    ErrorKind::InvalidPolicy,
                    format!(
                        "exceptions `{}` and `{}` both fire for `{person}` and cannot both hold, with no priority between them",
                        other.id, e.id
                    ),
                )
                .at("assessment.exceptions")
                .record(person)
                .into());
            }
            let winner = applied.first().map(|a| a.id.clone());
            texts.push(RuleFired {
                kind: RuleKind::Exception,
                id: e.id.clone(),
                clause: e.clause.clone(),
                evidence_count: count,
                text,
                overridden_by: winner,
                local_choice: local,
            });
            continue;
        }
        allowed = next;
        applied.push(e);
        texts.push(RuleFired {
            kind: RuleKind::Exception,
            id: e.id.clone(),
            clause: e.clause.clone(),
            evidence_count: count,
            text,
            overridden_by: None,
            local_choice: local,
        });
    }
    let grade = if allowed.contains(&score_grade) {
        score_grade
    } else {
        allowed
            .iter()
            .copied()
            .find(|g| g.rank() > score_grade.rank())
            .or_else(|| allowed.first().copied())
            .unwrap_or(score_grade)
    };
    // Exceptions come first among the reasons: they decide the grade.
    let mut all = texts;
    all.append(rules);
    *rules = all;
    Ok(grade)
}

/// Appends to each adjustment's and exception's reason what lies behind its fact, when the
/// attendance says more than a count: lateness a local rule counts as absence (3.3), a notice
/// the clock records contradict (3.4).
fn annotate(
    scheme: &Scheme,
    notes: &BTreeMap<String, Vec<String>>,
    lang: Lang,
    rules: &mut [RuleFired],
) {
    for r in rules.iter_mut() {
        let fact = match r.kind {
            RuleKind::Adjustment => scheme
                .adjustments
                .iter()
                .find(|a| a.id == r.id)
                .map(|a| &a.fact),
            RuleKind::Exception => scheme
                .exceptions
                .iter()
                .find(|e| e.id == r.id)
                .map(|e| &e.when.fact),
            _ => None,
        };
        let Some(lines) = fact.and_then(|f| notes.get(f)) else {
            continue;
        };
        match lang {
            Lang::Zh => r.text.push_str(&format!("（{}）", lines.join("；"))),
            Lang::En => r.text.push_str(&format!(" ({})", lines.join("; "))),
        }
    }
}

fn effect_text(e: Effect, lang: Lang) -> String {
    match (lang, e) {
        (Lang::Zh, Effect::AtMost(g)) => format!("最高为{}", g.label_zh()),
        (Lang::Zh, Effect::Not(g)) => format!("不得评为{}", g.label_zh()),
        (Lang::Zh, Effect::Exactly(g)) => format!("定为{}", g.label_zh()),
        (Lang::En, Effect::AtMost(g)) => format!("at most {}", g.label_en()),
        (Lang::En, Effect::Not(g)) => format!("not {}", g.label_en()),
        (Lang::En, Effect::Exactly(g)) => format!("graded {}", g.label_en()),
    }
}

/// Moves down the 优秀 beyond the quota, ranked by score (higher first), then fewer duties
/// missed, then person ID — a deterministic tie-break.
fn apply_quota(
    quota: &Quota,
    facts: &BTreeMap<String, Facts>,
    workers: &mut [WorkerResult],
    lang: Lang,
) {
    let empty = Facts::new();
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, w) in workers.iter().enumerate() {
        let key = match quota.scope {
            QuotaScope::Community => w.community.clone(),
            QuotaScope::Subdistrict => String::new(),
        };
        groups.entry(key).or_default().push(i);
    }
    for members in groups.values() {
        let n = i64::try_from(members.len()).unwrap_or(i64::MAX);
        let allowed = quota.max_share.mul_ratio(n, 1).units() / 10_000;
        let mut excellent: Vec<usize> = members
            .iter()
            .copied()
            .filter(|i| workers.get(*i).is_some_and(|w| w.grade == Grade::Excellent))
            .collect();
        let missed = |i: &usize| {
            workers
                .get(*i)
                .map(|w| fact(facts.get(&w.person).unwrap_or(&empty), "compliance.missed"))
                .unwrap_or(0)
        };
        excellent.sort_by(|a, b| {
            let (wa, wb) = (workers.get(*a), workers.get(*b));
            let sa = wa.map(|w| w.score).unwrap_or(Decimal::ZERO);
            let sb = wb.map(|w| w.score).unwrap_or(Decimal::ZERO);
            sb.cmp(&sa)
                .then_with(|| missed(a).cmp(&missed(b)))
                .then_with(|| {
                    wa.map(|w| w.person.as_str())
                        .cmp(&wb.map(|w| w.person.as_str()))
                })
        });
        for (rank, i) in excellent.iter().enumerate() {
            let rank = i64::try_from(rank).unwrap_or(i64::MAX);
            if rank < allowed {
                continue;
            }
            if let Some(w) = workers.get_mut(*i) {
                w.grade = Grade::Competent;
                w.grade_zh = Grade::Competent.label_zh().to_owned();
                w.rules.insert(
                    0,
                    RuleFired {
                        kind: RuleKind::Quota,
                        id: "quota".into(),
                        clause: "4.1".into(),
                        evidence_count: rank + 1,
                        text: match lang {
                            Lang::Zh => format!(
                                "优秀名额限{}名（比例{}），按分数排名第{}，调整为称职{}",
                                allowed,
                                quota.max_share,
                                rank + 1,
                                local_suffix(lang, "assessment.quota")
                            ),
                            Lang::En => format!(
                                "the quota allows {allowed} excellent (share {}); ranked {} by score, moved to competent{}",
                                quota.max_share,
                                rank + 1,
                                local_suffix(lang, "assessment.quota")
                            ),
                        },
                        overridden_by: None,
                        local_choice: Some("assessment.quota".into()),
                    },
                );
            }
        }
    }
}

/// Adds consequences (5.1, 5.2) and the margin. The one-vote veto of 5.2 takes away the
/// year's award eligibility: only an annual result (`annual`: the period is one whole calendar
/// year) does that; a shorter period's result says what would follow for the year.
/// For each component scored by a compliance rate over several duties, the misses of each
/// duty that has any, in words ("每天巡查两小时以上99次"): the margin line names them, so its
/// count agrees with the lists of each duty.
fn missed_by_duty(
    policy: &Policy,
    scheme: &Scheme,
    facts: &Facts,
    lang: Lang,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for c in &scheme.components {
        let Measure::ComplianceRate { obligations, .. } = &c.measure else {
            continue;
        };
        let parts: Vec<String> = obligations
            .iter()
            .filter_map(|o| {
                let n = fact(facts, &format!("{o}.missed"));
                let name = policy
                    .document()
                    .obligations
                    .iter()
                    .find(|x| &x.id == o)
                    .map(|x| title(lang, &x.title_zh, &x.title_en).to_owned())?;
                (n > 0).then(|| match lang {
                    Lang::Zh => format!("{name}{n}次"),
                    Lang::En => format!("{name}: {n}"),
                })
            })
            .collect();
        if parts.len() > 1 {
            let sep = if matches!(lang, Lang::Zh) {
                "，"
            } else {
                "; "
            };
            out.insert(c.id.clone(), parts.join(sep));
        }
    }
    out
}

fn finish(
    scheme: &Scheme,
    w: &mut WorkerResult,
    lang: Lang,
    annual: bool,
    missed_by_duty: &BTreeMap<String, String>,
) {
    w.consequences = match w.grade {
        Grade::Excellent => vec![
            Consequence::PriorityForAwards,
            Consequence::PriorityTwoCommitteeCandidate,
        ],
        Grade::Incompetent => vec![Consequence::NoAwardEligibility],
        _ => Vec::new(),
    };
    w.award_eligible = !(annual && w.grade == Grade::Incompetent);
    for c in &w.consequences {
        let label = match lang {
            Lang::Zh => c.label_zh(),
            Lang::En => c.label_en(),
        };
        let text = match (lang, annual) {
            (_, true) => format!("{} {label}", c.clause()),
            (Lang::Zh, false) => format!(
                "{} 适用于年度考核结果：若全年考核为{}，则{label}（本期非全年，不据此取消或给予）",
                c.clause(),
                w.grade.label_zh()
            ),
            (Lang::En, false) => format!(
                "{} applies to the annual result: if the year's grade is {}, then {label} (this period is not a year; nothing is granted or taken on it)",
                c.clause(),
                w.grade.label_en()
            ),
        };
        w.rules.push(RuleFired {
            kind: RuleKind::Consequence,
            id: c.clause().to_owned(),
            clause: c.clause().to_owned(),
            evidence_count: 1,
            text,
            overridden_by: None,
            local_choice: None,
        });
    }
    let band_of = |g: Grade| scheme.bands.iter().find(|b| b.grade == g);
    let better = Grade::ALL
        .iter()
        .copied()
        .filter(|g| g.rank() + 1 == w.score_grade.rank())
        .find_map(|g| band_of(g).and_then(|b| b.min).map(|m| (g, m)));
    let worse = Grade::ALL
        .iter()
        .copied()
        .filter(|g| g.rank() == w.score_grade.rank() + 1)
        .find_map(|g| band_of(g).and_then(|b| b.max).map(|m| (g, m)));
    let to_better = better.map(|(grade, bound)| GradeGap {
        grade,
        points: bound.value.minus(w.score),
    });
    let above_worse = worse.map(|(grade, bound)| GradeGap {
        grade,
        points: w.score.minus(bound.value),
    });
    let largest = w
        .components
        .iter()
        .filter(|c| c.lost > Decimal::ZERO)
        .max_by(|a, b| a.lost.cmp(&b.lost).then_with(|| b.id.cmp(&a.id)));
    let largest_text = largest.map(|c| {
        let by_duty = missed_by_duty.get(&c.id);
        match lang {
            Lang::Zh => format!(
                "{} {}，{}次未达标（{}失{}分）",
                c.clause,
                c.title,
                c.out_of - c.earned,
                by_duty.map_or(String::new(), |d| format!("其中{d}；")),
                c.lost.round(scheme.score_decimals)
            ),
            Lang::En => format!(
                "{} {}, {} missed ({}{} points)",
                c.clause,
                c.title,
                c.out_of - c.earned,
                by_duty.map_or(String::new(), |d| format!("of which {d}; ")),
                c.lost.round(scheme.score_decimals)
            ),
        }
    });
    let mut parts = vec![decided_by(w, lang)];
    if let Some(g) = &to_better {
        // The deductions that alone cost more than the gap: without any one of them, the
        // score would reach the better grade.
        let decisive: Vec<String> = w
            .adjustments
            .iter()
            .filter(|a| a.direction == Direction::Deduction && a.points >= g.points)
            .map(|a| format!("{} {}", a.clause, a.title))
            .collect();
        parts.push(match (lang, decisive.is_empty()) {
            (Lang::Zh, true) => format!("距{}差{}分", g.grade.label_zh(), g.points),
            (Lang::Zh, false) => format!(
                "距{}差{}分（{}的扣分即超过此差距）",
                g.grade.label_zh(),
                g.points,
                decisive.join("、")
            ),
            (Lang::En, true) => format!("{} points below {}", g.points, g.grade.label_en()),
            (Lang::En, false) => format!(
                "{} points below {} (the deduction for {} alone exceeds the gap)",
                g.points,
                g.grade.label_en(),
                decisive.join(", ")
            ),
        });
    }
    if let Some(g) = &above_worse {
        parts.push(match lang {
            Lang::Zh => format!("高出{}线{}分", g.grade.label_zh(), g.points),
            Lang::En => format!("{} points above {}", g.points, g.grade.label_en()),
        });
    }
    if let Some(t) = &largest_text {
        parts.push(match lang {
            Lang::Zh => format!("最大失分项：{t}"),
            Lang::En => format!("largest shortfall: {t}"),
        });
    }
    w.margin = Margin {
        to_better,
        above_worse,
        largest_shortfall: largest.map(|c| c.id.clone()),
        text: parts.join(match lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        }),
    };
}

/// What decides the grade: the score's band, or the exceptions and quota that moved it.
fn decided_by(w: &WorkerResult, lang: Lang) -> String {
    if w.grade == w.score_grade {
        return match lang {
            Lang::Zh => format!("等次由得分决定：{}分，在{}档", w.score, w.grade.label_zh()),
            Lang::En => format!(
                "the score decides the grade: {} is in the {} band",
                w.score,
                w.grade.label_en()
            ),
        };
    }
    let movers: Vec<String> = w
        .rules
        .iter()
        .filter(|r| {
            matches!(r.kind, RuleKind::Exception | RuleKind::Quota) && r.overridden_by.is_none()
        })
        .map(|r| {
            let title = r
                .text
                .split(['（', '：', '(', ':'])
                .next()
                .unwrap_or(&r.id)
                .trim();
            title.to_owned()
        })
        .collect();
    match lang {
        Lang::Zh => format!(
            "等次由{}决定：得分{}分本在{}档，定为{}",
            movers.join("、"),
            w.score,
            w.score_grade.label_zh(),
            w.grade.label_zh()
        ),
        Lang::En => format!(
            "{} decide the grade: the score {} is in the {} band, graded {}",
            movers.join(", "),
            w.score,
            w.score_grade.label_en(),
            w.grade.label_en()
        ),
    }
}

fn rollup(
    scheme: &Scheme,
    report: &Report,
    workers: &[WorkerResult],
    attendance_months: &MonthCounts,
) -> Vec<CommunityRollup> {
    report
        .communities
        .iter()
        .map(|c| {
            let mine: Vec<&WorkerResult> = workers
                .iter()
                .filter(|w| w.community == c.community)
                .collect();
            let mut distribution = Distribution::default();
            let mut sum = Decimal::ZERO;
            for w in &mine {
                distribution.add(w.grade);
                sum = sum.plus(w.score);
            }
            let n = i64::try_from(mine.len()).unwrap_or(i64::MAX);
            // The community's own duties and its Party secretary's (the grid leader, 1.1):
            // 2.1.0, 2.2.3, 3.5 — none of them is a grid worker's.
            let own: Vec<crate::compliance::ObligationTotals> = c
                .obligations
                .iter()
                .filter(|o| {
                    // By what each obligation binds, not by the findings (a report of counts
                    // only has none): a community's own findings are all of its own duties.
                    report.obligations.iter().any(|x| {
                        x.id == o.obligation
                            && matches!(
                                x.binds,
                                crate::policy::Binds::Community | crate::policy::Binds::GridLeader
                            )
                    })
                })
                .cloned()
                .collect();
            let mut own_duties = Totals::default();
            for o in &own {
                own_duties.met += o.totals.met;
                own_duties.missed += o.totals.missed;
                own_duties.excused += o.totals.excused;
            }
            CommunityRollup {
                community: c.community.clone(),
                name: c.name.clone(),
                workers: u32::try_from(mine.len()).unwrap_or(u32::MAX),
                distribution,
                mean_score: (n > 0).then(|| sum.mul_ratio(1, n).round(scheme.score_decimals)),
                own_duties,
                own_duties_by_obligation: own,
                monthly_attendance_reports: attendance_months.get(&c.community).map_or(0, |m| m.0),
                attendance_not_collected: attendance_months
                    .get(&c.community)
                    .map(|m| m.1.clone())
                    .unwrap_or_default(),
            }
        })
        .collect()
}
