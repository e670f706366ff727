//! The compliance report: for each person (and community) × obligation × period instance, *met*,
//! *missed* or *excused*, with the evidence used, the shortfall and the clause.

mod checklists;
mod duty;
mod meetings;
mod presence;
mod records;
mod study;

use crate::clause;
use crate::dossier::Dossier;
use crate::error::Error;
pub use crate::lang::Lang;
use crate::organisation::{At, Index, Person, Role};
pub use crate::policy::PolicyRef;
use crate::policy::{
    Binds, CountedRecord, DailyDutyDays, Obligation, PatrolSumming, Policy, Requirement,
};
use crate::records::attendance::LeaveKind;
use crate::records::musts::{MustCheck, MustDo, MustVisit};
use crate::records::{Handover, WorkRecord};
use crate::scope::Scope;
use crate::time::{Date, DateRange, PeriodKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Options of an evaluation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// The period to evaluate; the dossier's period when absent. Must lie within it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DateRange>,
    /// Language of texts.
    #[serde(default)]
    pub lang: Lang,
    /// The highest data class the answer may carry (2.2.4, 2.2.5), for a host that shows it
    /// widely: every field above it is withheld from the answer, which lists the paths withheld
    /// (`withheld`) and states the class of what is left. Absent: the whole answer, with its
    /// class. `internal` gives an `evaluate` / `assess` / `evidence` / `attendance` answer with
    /// no resident data (no must-visit groups, no ledger counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_at_most: Option<crate::confidentiality::classes::Class>,
}

/// Outcome of one obligation for one subject and period instance.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The records show the duty was done.
    Met,
    /// The records do not show it.
    Missed,
    /// The duty did not apply (see the excuse).
    Excused,
}

impl Status {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Met => "达标",
            Status::Missed => "未达标",
            Status::Excused => "免除",
        }
    }
}

/// Why a duty did not apply.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Excuse {
    /// On approved leave on every duty day of the instance (3.3).
    Leave,
    /// On official business (公出) on every duty day of the instance (3.3).
    OfficialBusiness,
    /// Not assigned to a grid on any duty day of the instance (not yet, or no longer).
    NotAssigned,
    /// The instance has no working day.
    NotAWorkingDay,
    /// The deadline falls after the evaluated period.
    NotYetDue,
    /// The community held no session to attend in the instance (3.5: no group study that
    /// week): the community's duty was missed, the worker's attendance is not due.
    NotHeld,
}

impl Excuse {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Excuse::Leave => "请假（已批准）",
            Excuse::OfficialBusiness => "公出",
            Excuse::NotAssigned => "未分配网格",
            Excuse::NotAWorkingDay => "非工作日",
            Excuse::NotYetDue => "尚未到期",
            Excuse::NotHeld => "社区未组织集中学习，无可参加",
        }
    }
    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Excuse::Leave => "on approved leave",
            Excuse::OfficialBusiness => "on official business",
            Excuse::NotAssigned => "not assigned to a grid",
            Excuse::NotAWorkingDay => "no working day",
            Excuse::NotYetDue => "not yet due",
            Excuse::NotHeld => "the community held no group study to attend",
        }
    }
}

/// What was asked and what the records show, for a missed duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Shortfall {
    /// Unit of `required` and `actual`.
    pub unit: Unit,
    /// What the obligation asks.
    pub required: i64,
    /// What the records show.
    pub actual: i64,
    /// Items or groups missing (snake_case values), for checklists and visits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// Units of a shortfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Minutes.
    Minutes,
    /// Records.
    Records,
    /// Checklist items.
    Items,
    /// Must-visit groups.
    Groups,
    /// Grid workers (a duty owed to each of them, such as the secretary's review, 3.5).
    Workers,
    /// Grids (presence in each of a worker's grids, 2.2.2).
    Grids,
}

/// One obligation × subject × period instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// The obligation.
    pub obligation: String,
    /// Its clause.
    pub clause: String,
    /// The period instance (a day, week, month, quarter; for events, the event's day).
    pub period: DateRange,
    /// For events: the record or assignment the finding is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Met, missed or excused.
    pub status: Status,
    /// Why excused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excuse: Option<Excuse>,
    /// IDs of the records used (for an excuse: the leave records).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// What was missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<Shortfall>,
    /// Human-readable explanation (missed and excused findings, and notes on met ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Counts of outcomes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    /// Met.
    pub met: u32,
    /// Missed.
    pub missed: u32,
    /// Excused.
    pub excused: u32,
}

impl Totals {
    fn add(&mut self, s: Status) {
        match s {
            Status::Met => self.met += 1,
            Status::Missed => self.missed += 1,
            Status::Excused => self.excused += 1,
        }
    }
    fn merge(&mut self, o: &Totals) {
        self.met += o.met;
        self.missed += o.missed;
        self.excused += o.excused;
    }
    /// Met and missed together: the instances where the duty applied.
    pub fn due(&self) -> u32 {
        self.met + self.missed
    }
}

/// Outcome counts of one obligation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ObligationTotals {
    /// The obligation.
    pub obligation: String,
    /// Its clause.
    pub clause: String,
    /// Counts.
    #[serde(flatten)]
    pub totals: Totals,
}

/// The findings of one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PersonReport {
    /// Person ID.
    pub person: String,
    /// Name.
    pub name: String,
    /// Community.
    pub community: String,
    /// Role.
    pub role: Role,
    /// Counts over every obligation.
    pub totals: Totals,
    /// Counts per obligation, in policy order.
    pub obligations: Vec<ObligationTotals>,
    /// Every finding, by obligation then date.
    pub findings: Vec<Finding>,
}

/// The findings of one community as a body, and its people's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CommunityReport {
    /// Community ID.
    pub community: String,
    /// Name.
    pub name: String,
    /// Counts over the community's own obligations.
    pub totals: Totals,
    /// Counts over its people's findings.
    pub people_totals: Totals,
    /// Counts per obligation (the community's own and its people's), in policy order.
    pub obligations: Vec<ObligationTotals>,
    /// The community's own findings.
    pub findings: Vec<Finding>,
}

/// A record set aside, or another notice that does not stop the evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    /// What kind of notice.
    pub kind: WarningKind,
    /// Lowercase description.
    pub message: String,
    /// The record concerned.
    pub record: String,
    /// JSON path of the record in the dossier with its records in canonical order (by date,
    /// then ID: see `Dossier::canonicalise`), so that it is the same whatever order the records
    /// were listed in; `record` names the record itself.
    pub path: String,
}

/// Kinds of warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// The record's date is outside the evaluated period: not used.
    OutsidePeriod,
    /// The work record names a grid the person is not assigned to that day: not used.
    OutsideAssignment,
    /// The work record is by someone who is not a grid worker: not used.
    NotAGridWorker,
    /// The dispatch meeting was not convened by the community's grid leader (2.1.0): not
    /// counted.
    NotConvenedByGridLeader,
    /// The notebook review was not made by the community's Party secretary (3.5): not counted.
    NotReviewedBySecretary,
}

/// An obligation as listed in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ObligationInfo {
    /// ID.
    pub id: String,
    /// Clause.
    pub clause: String,
    /// Title in the report's language.
    pub title: String,
    /// Whom it binds.
    pub binds: Binds,
    /// How often it recurs.
    pub period: PeriodKind,
}

/// A cited clause with its original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CitedClause {
    /// Chinese heading.
    pub title_zh: String,
    /// English heading.
    pub title_en: String,
    /// Original text.
    pub text_zh: String,
}

/// The compliance report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Policy used.
    pub policy: PolicyRef,
    /// Period evaluated.
    pub period: DateRange,
    /// Language of texts.
    pub lang: Lang,
    /// True when no record was set aside; otherwise see `warnings`.
    pub complete: bool,
    /// Records set aside and other notices.
    pub warnings: Vec<Warning>,
    /// The obligations evaluated, in policy order.
    pub obligations: Vec<ObligationInfo>,
    /// Every cited clause, by ID, with its original text.
    pub clauses: BTreeMap<String, CitedClause>,
    /// One entry per grid leader and grid worker, in organisation order.
    pub people: Vec<PersonReport>,
    /// One entry per community, in organisation order.
    pub communities: Vec<CommunityReport>,
}

impl Report {
    /// The report of this person.
    pub fn person(&self, id: &str) -> Option<&PersonReport> {
        self.people.iter().find(|p| p.person == id)
    }

    /// The report of this community.
    pub fn community(&self, id: &str) -> Option<&CommunityReport> {
        self.communities.iter().find(|c| c.community == id)
    }
}

impl PersonReport {
    /// The findings of one obligation.
    pub fn findings_of<'a>(&'a self, obligation: &'a str) -> impl Iterator<Item = &'a Finding> {
        self.findings
            .iter()
            .filter(move |f| f.obligation == obligation)
    }

    /// The counts of one obligation.
    pub fn totals_of(&self, obligation: &str) -> Totals {
        self.obligations
            .iter()
            .find(|o| o.obligation == obligation)
            .map(|o| o.totals)
            .unwrap_or_default()
    }
}

impl CommunityReport {
    /// The counts of one obligation.
    pub fn totals_of(&self, obligation: &str) -> Totals {
        self.obligations
            .iter()
            .find(|o| o.obligation == obligation)
            .map(|o| o.totals)
            .unwrap_or_default()
    }
}

/// Evaluates `dossier` under `policy`.
///
/// ```
/// use wangge::{evaluate, sample, Options, Policy};
/// let dossier = sample::community_2023();
/// let report = evaluate(&Policy::xincheng_2022(), &dossier, &Options::default()).unwrap();
/// let worker = report.person("w1").unwrap();
/// assert!(worker.totals_of("patrol-minutes-daily").met > 200);
/// ```
pub fn evaluate(policy: &Policy, dossier: &Dossier, options: &Options) -> Result<Report, Error> {
    let scope = Scope::new(policy, dossier, options.period.unwrap_or(dossier.period))?;
    evaluate_in(&scope, options.lang)
}

/// [`evaluate`] over a [`Scope`] built by the caller (the assessment builds one for every rule
/// family), with texts in `lang`.
pub fn evaluate_in(scope: &Scope<'_>, lang: Lang) -> Result<Report, Error> {
    evaluate_with(scope, lang, Detail::Findings)
}

/// How much of each person's report an evaluation keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Every finding, day by day (what [`evaluate`] answers).
    #[default]
    Findings,
    /// The counts only: every person's and community's `findings` is left empty, their
    /// `totals` and `obligations` are those of the full report. The assessment grades from
    /// counts alone (4.1), so batch grading need neither build nor hold a year of per-day
    /// findings per worker (#16).
    Totals,
}

/// [`evaluate_in`], keeping the `detail` asked for.
pub fn evaluate_with(scope: &Scope<'_>, lang: Lang, detail: Detail) -> Result<Report, Error> {
    let ctx = Context::new(scope, lang, detail);
    let doc = scope.policy().document();
    let people = person_reports(&ctx, detail);
    let communities = community_reports(&ctx, &people, detail);
    let mut clauses = BTreeMap::new();
    for o in &doc.obligations {
        if let Some(c) = clause::get(&o.clause) {
            clauses.insert(
                c.id.clone(),
                CitedClause {
                    title_zh: c.title_zh.clone(),
                    title_en: c.title_en.clone(),
                    text_zh: c.text_zh.clone(),
                },
            );
        }
    }
    let obligations = doc
        .obligations
        .iter()
        .map(|o| ObligationInfo {
            id: o.id.clone(),
            clause: o.clause.clone(),
            title: match lang {
                Lang::Zh => o.title_zh.clone(),
                Lang::En => o.title_en.clone(),
            },
            binds: o.binds,
            period: o.period,
        })
        .collect();

    Ok(Report {
        policy: PolicyRef {
            id: doc.id.clone(),
            version: doc.version.clone(),
        },
        period: scope.period(),
        lang,
        complete: ctx.warnings.is_empty(),
        warnings: ctx.warnings,
        obligations,
        clauses,
        people,
        communities,
    })
}

/// One report per grid leader and grid worker, in organisation order: each obligation binding
/// them judged (chapter 2, 3.5), with its counts.
fn person_reports(ctx: &Context<'_>, detail: Detail) -> Vec<PersonReport> {
    let doc = ctx.policy.document();
    let mut people = Vec::new();
    for p in &ctx.dossier.organisation.people {
        let binds = match p.role {
            Role::GridLeader => Binds::GridLeader,
            Role::GridWorker => Binds::GridWorker,
            Role::Helper => continue,
        };
        let mut findings = Vec::new();
        let mut per_obligation = Vec::new();
        let mut totals = Totals::default();
        for o in doc.obligations.iter().filter(|o| o.binds == binds) {
            let found = ctx.person_findings(o, p);
            let mut t = Totals::default();
            for f in &found {
                t.add(f.status);
            }
            totals.merge(&t);
            per_obligation.push(ObligationTotals {
                obligation: o.id.clone(),
                clause: o.clause.clone(),
                totals: t,
            });
            if detail == Detail::Findings {
                findings.extend(found);
            }
        }
        people.push(PersonReport {
            person: p.id.clone(),
            name: p.name.clone(),
            community: p.community.clone(),
            role: p.role,
            totals,
            obligations: per_obligation,
            findings,
        });
    }

    people
}

/// One report per community, in organisation order: its own obligations judged (2.1.0, 2.2.3),
/// and its people's counts per obligation.
fn community_reports(
    ctx: &Context<'_>,
    people: &[PersonReport],
    detail: Detail,
) -> Vec<CommunityReport> {
    let doc = ctx.policy.document();
    // Each community's people, gathered once (not a pass over everyone per community).
    let mut people_of: BTreeMap<&str, Vec<&PersonReport>> = BTreeMap::new();
    for pr in people {
        people_of.entry(pr.community.as_str()).or_default().push(pr);
    }
    let mut communities = Vec::new();
    for c in &ctx.dossier.organisation.communities {
        let mine = people_of.get(c.id.as_str()).map_or(&[][..], Vec::as_slice);
        let mut findings = Vec::new();
        let mut per_obligation = Vec::new();
        let mut totals = Totals::default();
        let mut people_totals = Totals::default();
        for o in &doc.obligations {
            let mut t = Totals::default();
            if o.binds == Binds::Community {
                let found = ctx.community_findings(o, &c.id);
                for f in &found {
                    t.add(f.status);
                }
                totals.merge(&t);
                if detail == Detail::Findings {
                    findings.extend(found);
                }
            } else {
                for pr in mine {
                    t.merge(&pr.totals_of(&o.id));
                }
                people_totals.merge(&t);
            }
            per_obligation.push(ObligationTotals {
                obligation: o.id.clone(),
                clause: o.clause.clone(),
                totals: t,
            });
        }
        communities.push(CommunityReport {
            community: c.id.clone(),
            name: c.name.clone(),
            totals,
            people_totals,
            obligations: per_obligation,
            findings,
        });
    }

    communities
}

/// Evidence indexed for one evaluation.
struct Context<'a> {
    policy: &'a Policy,
    dossier: &'a Dossier,
    scope: &'a Scope<'a>,
    index: &'a Index<'a>,
    period: DateRange,
    lang: Lang,
    /// How much of each finding is kept: with `Detail::Totals` a finding carries its status
    /// and nothing that would need an allocation (it is counted, then dropped).
    detail: Detail,
    /// Each person's usable work records by day of the period: one, or one a grid for a worker
    /// holding several (兼任, when the policy allows it).
    work: BTreeMap<&'a str, Vec<Vec<&'a WorkRecord>>>,
    /// Dated record IDs by (subject, kind): subject is a person or a community ID.
    dated: BTreeMap<(&'a str, CountedRecord), Vec<(Date, &'a str)>>,
    /// Per person, per day of the period: whether duties fall due, and why not.
    days: BTreeMap<&'a str, Vec<DayStatus<'a>>>,
    /// Ledger entries by grid with the must-visit groups they show (2.1.2, 2.2.2); `None`
    /// when the dossier keeps no ledgers.
    ledgers: Option<BTreeMap<&'a str, Vec<LedgerGroups<'a>>>>,
    /// Each assignee's tasks assigned from above (2.1.11), built once so that no person's
    /// judgement scans every task.
    tasks_of: BTreeMap<&'a str, Vec<&'a crate::duties::AssignedTask>>,
    warnings: Vec<Warning>,
}

/// A ledger entry's dates and the must-visit groups it shows.
struct LedgerGroups<'a> {
    entry: &'a crate::records::ledger::LedgerEntry,
    groups: Vec<MustVisit>,
}

/// What one day is for one person, computed once per evaluation.
#[derive(Clone, Copy)]
struct DayStatus<'a> {
    duty: bool,
    assigned: bool,
    leave: Option<(&'a str, LeaveKind)>,
}

impl<'a> Context<'a> {
    fn new(scope: &'a Scope<'a>, lang: Lang, detail: Detail) -> Context<'a> {
        let dossier = scope.dossier();
        let mut ctx = Context {
            policy: scope.policy(),
            dossier,
            scope,
            index: scope.index(),
            period: scope.period(),
            lang,
            detail,
            work: BTreeMap::new(),
            dated: BTreeMap::new(),
            days: BTreeMap::new(),
            ledgers: None,
            tasks_of: BTreeMap::new(),
            warnings: Vec::new(),
        };
        for t in &dossier.records.assigned_tasks {
            ctx.tasks_of.entry(t.assignee.as_str()).or_default().push(t);
        }
        ctx.load();
        ctx.load_days();
        ctx
    }

    /// Whether `date` lies in the period; else a warning naming the record at `path` (written
    /// out only then).
    fn in_period(
        &mut self,
        date: Date,
        id: &str,
        path: &(impl std::fmt::Display + ?Sized),
    ) -> bool {
        if self.period.contains(date) {
            return true;
        }
        self.warnings.push(Warning {
            kind: WarningKind::OutsidePeriod,
            message: format!(
                "record `{id}` of `{date}` is outside the period `{}` and is not used",
                self.period
            ),
            record: id.to_owned(),
            path: path.to_string(),
        });
        false
    }

    fn push_dated(&mut self, subject: &'a str, kind: CountedRecord, date: Date, id: &'a str) {
        self.dated
            .entry((subject, kind))
            .or_default()
            .push((date, id));
    }

    fn load(&mut self) {
        // In the order of the records in a dossier, so warnings come in that order.
        self.load_work_records();
        self.load_meetings();
        self.load_patrols_and_services();
        self.load_studies();
        self.load_activities();
        for list in self.dated.values_mut() {
            list.sort();
        }
    }

    /// The index of `date` in the period, if it lies in it.
    fn offset(&self, date: Date) -> Option<usize> {
        self.scope.offset(date)
    }

    fn is_working(&self, date: Date) -> bool {
        self.scope.is_working(date)
    }

    /// Computes every person's day statuses, and the ledgers by grid, once.
    fn load_days(&mut self) {
        let entries = &self.dossier.records.ledger_entries;
        if !entries.is_empty() {
            let ev = &self.policy.document().evidence;
            let mut by_grid: BTreeMap<&'a str, Vec<LedgerGroups<'a>>> = BTreeMap::new();
            for e in entries {
                by_grid
                    .entry(e.grid.as_str())
                    .or_default()
                    .push(LedgerGroups {
                        entry: e,
                        groups: ev.groups_of(e.kind, e.other_kind.as_deref()),
                    });
            }
            self.ledgers = Some(by_grid);
        }
        let mut days = BTreeMap::new();
        for p in &self.dossier.organisation.people {
            if p.role == Role::Helper {
                continue;
            }
            let known = self.scope.days_of(&p.id).unwrap_or_default();
            let statuses: Vec<DayStatus<'a>> = self
                .period
                .days()
                .zip(known)
                .map(|(d, day)| DayStatus {
                    duty: self.duty_day_given(d, day.duty.is_some()),
                    assigned: p.role == Role::GridLeader || day.assigned,
                    leave: day.leave.map(|l| (l.id.as_str(), l.kind)),
                })
                .collect();
            days.insert(p.id.as_str(), statuses);
        }
        self.days = days;
    }

    /// True when daily duties fall on `date` for `person` (None: for the community).
    fn is_duty_day(&self, person: Option<&str>, date: Date) -> bool {
        if let Some(p) = person {
            if let Some(s) = self
                .days
                .get(p)
                .and_then(|v| self.offset(date).and_then(|i| v.get(i)))
            {
                return s.duty;
            }
        }
        self.compute_duty_day(person, date)
    }

    fn compute_duty_day(&self, person: Option<&str>, date: Date) -> bool {
        let on_duty = person.is_some_and(|p| self.scope.duty_on(p, date).is_some());
        self.duty_day_given(date, on_duty)
    }

    /// [`Context::compute_duty_day`] for a person whose duty shift on `date`, if any, is known.
    fn duty_day_given(&self, date: Date, on_duty: bool) -> bool {
        match self.policy.document().parameters.daily_duty_days.value {
            DailyDutyDays::EveryDay => self.period.contains(date),
            DailyDutyDays::WorkingDays => self.is_working(date),
            DailyDutyDays::WorkingDaysAndDutyDays => self.is_working(date) || on_duty,
        }
    }

    /// Whether a person's duty applies in `range`; `Err` carries the excuse and its evidence.
    fn applies(&self, person: &Person, range: DateRange) -> Result<(), (Excuse, Vec<String>)> {
        self.applies_in(self.days.get(person.id.as_str()), range)
    }

    /// [`Context::applies`] on a person's day statuses, looked up once for all their instances.
    fn applies_in(
        &self,
        days: Option<&Vec<DayStatus<'a>>>,
        range: DateRange,
    ) -> Result<(), (Excuse, Vec<String>)> {
        let (Some(from), Some(to)) = (self.offset(range.from), self.offset(range.to)) else {
            return Err((Excuse::NotAWorkingDay, Vec::new()));
        };
        let statuses = days.and_then(|v| v.get(from..=to)).unwrap_or_default();
        if !statuses.iter().any(|s| s.duty) {
            return Err((Excuse::NotAWorkingDay, Vec::new()));
        }
        let mut assigned = statuses.iter().filter(|s| s.duty && s.assigned).peekable();
        if assigned.peek().is_none() {
            return Err((Excuse::NotAssigned, Vec::new()));
        }
        // 3.3: approved leave and official business excuse the daily duties; absence without
        // reason does not. Official business only when every such day is official business.
        let mut leave_ids = BTreeSet::new();
        let mut all_official = true;
        for s in assigned {
            match s.leave {
                Some((id, kind)) => {
                    if self.detail == Detail::Findings {
                        leave_ids.insert(id);
                    }
                    all_official &= kind == LeaveKind::OfficialBusiness;
                }
                None => return Ok(()),
            }
        }
        let excuse = if all_official {
            Excuse::OfficialBusiness
        } else {
            Excuse::Leave
        };
        Err((excuse, leave_ids.into_iter().map(str::to_owned).collect()))
    }

    /// The work records of a person (their day list) on `date`, by grid.
    fn work_on<'s>(
        &self,
        days: Option<&'s Vec<Vec<&'a WorkRecord>>>,
        date: Date,
    ) -> &'s [&'a WorkRecord] {
        days.and_then(|v| self.offset(date).and_then(|i| v.get(i)))
            .map_or(&[][..], Vec::as_slice)
    }

    fn count_in(
        &self,
        subject: &str,
        kind: CountedRecord,
        range: DateRange,
    ) -> Vec<(Date, &'a str)> {
        // The lists are sorted by date: find the range's slice by binary search.
        self.dated
            .get(&(subject, kind))
            .map(|list| {
                let start = list.partition_point(|(d, _)| *d < range.from);
                let end = list.partition_point(|(d, _)| *d <= range.to);
                list.get(start..end).unwrap_or_default().to_vec()
            })
            .unwrap_or_default()
    }

    fn instances(&self, o: &Obligation, person: Option<&str>) -> Vec<DateRange> {
        let Some(range) = self.policy.obligation_force(o).intersect(&self.period) else {
            return Vec::new();
        };
        let all = o.period.instances(range);
        if o.period == PeriodKind::WorkingDay {
            let statuses = person.and_then(|p| self.days.get(p));
            all.into_iter()
                .filter(|r| match statuses {
                    Some(v) => self
                        .offset(r.from)
                        .and_then(|i| v.get(i))
                        .is_some_and(|s| s.duty),
                    None => self.is_duty_day(person, r.from),
                })
                .collect()
        } else {
            all
        }
    }

    fn person_findings(&self, o: &Obligation, p: &Person) -> Vec<Finding> {
        match &o.requirement {
            Requirement::DutyShiftComplete => return self.duty_shift_findings(o, p),
            Requirement::AssignedTasksOnTime => return self.assigned_task_findings(o, p),
            Requirement::NotebookReviewOfEachWorker { minimum } => {
                return self.review_findings(o, p, *minimum);
            }
            Requirement::HandoverOnLeaving {
                within_days,
                residents_notified,
            } => return self.handover_findings(o, p, *within_days, *residents_notified),
            _ => {}
        }
        // The person's day statuses and work records, looked up once for all their instances.
        let days = self.days.get(p.id.as_str());
        let work = self.work.get(p.id.as_str());
        let mut out = Vec::new();
        for range in self.instances(o, Some(&p.id)) {
            let mut f = self.finding(o, range);
            match self.applies_in(days, range) {
                Err((excuse, evidence)) => self.excuse(&mut f, excuse, evidence),
                Ok(()) => self.judge(&mut f, o, p, range, work),
            }
            out.push(f);
        }
        out
    }

    fn community_findings(&self, o: &Obligation, community: &str) -> Vec<Finding> {
        if o.requirement == Requirement::DivisionChangesFiled {
            return self.division_filing_findings(o, community);
        }
        let mut out = Vec::new();
        for range in self.instances(o, None) {
            let mut f = self.finding(o, range);
            if !range.days().any(|d| self.is_duty_day(None, d)) {
                self.excuse(&mut f, Excuse::NotAWorkingDay, Vec::new());
            } else if let Requirement::RecordCount {
                record,
                minimum,
                usual_weekday,
            } = &o.requirement
            {
                let found = self.count_in(community, *record, range);
                self.judge_count(&mut f, &found, *minimum, *usual_weekday, range);
            }
            out.push(f);
        }
        out
    }

    fn finding(&self, o: &Obligation, range: DateRange) -> Finding {
        let keep = self.detail == Detail::Findings;
        Finding {
            obligation: if keep { o.id.clone() } else { String::new() },
            clause: if keep {
                o.clause.clone()
            } else {
                String::new()
            },
            period: range,
            event: None,
            status: Status::Met,
            excuse: None,
            evidence: Vec::new(),
            shortfall: None,
            text: None,
        }
    }

    fn excuse(&self, f: &mut Finding, excuse: Excuse, evidence: Vec<String>) {
        f.status = Status::Excused;
        f.excuse = Some(excuse);
        if self.detail == Detail::Totals {
            return;
        }
        f.evidence = evidence;
        f.text = Some(match self.lang {
            Lang::Zh => excuse.label_zh().to_owned(),
            Lang::En => excuse.label_en().to_owned(),
        });
    }

    fn miss(&self, f: &mut Finding, shortfall: Shortfall, zh: String, en: String) {
        f.status = Status::Missed;
        f.shortfall = Some(shortfall);
        f.text = Some(match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        });
    }

    fn judge(
        &self,
        f: &mut Finding,
        o: &Obligation,
        p: &Person,
        range: DateRange,
        work: Option<&Vec<Vec<&'a WorkRecord>>>,
    ) {
        let day = range.from;
        let records = self.work_on(work, day);
        if o.period == PeriodKind::WorkingDay && self.detail == Detail::Findings {
            f.evidence.extend(records.iter().map(|w| w.id.clone()));
        }
        match &o.requirement {
            Requirement::PresenceInGrid => self.judge_presence(f, p, day, records),
            Requirement::PatrolMinutes { minimum, summing } => {
                self.judge_patrol_minutes(f, records, *minimum, *summing);
            }
            Requirement::MustChecks { items } => self.judge_must_checks(f, records, items),
            Requirement::MustDos { items } => self.judge_must_dos(f, records, items),
            Requirement::MustVisits { groups } => self.judge_must_visits(f, p, range, work, groups),
            Requirement::RecordCount {
                record,
                minimum,
                usual_weekday,
            } => self.judge_record_count(f, p, range, *record, *minimum, *usual_weekday),
            Requirement::DutyShiftComplete
            | Requirement::AssignedTasksOnTime
            | Requirement::DivisionChangesFiled
            | Requirement::HandoverOnLeaving { .. }
            | Requirement::NotebookReviewOfEachWorker { .. } => {}
        }
    }
}

fn snake<T: Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
