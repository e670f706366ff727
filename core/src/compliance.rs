//! The compliance report: for each person (and community) × obligation × period instance, *met*,
//! *missed* or *excused*, with the evidence used, the shortfall and the clause.

use crate::attendance::LeaveKind;
use crate::clause;
use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};
use crate::organisation::{Index, Person, Role};
use crate::policy::{
    Binds, CountedRecord, DailyDutyDays, Obligation, PatrolSumming, Policy, Requirement,
};
use crate::records::{Handover, MustCheck, MustDo, MustVisit, WorkRecord};
use crate::time::{Date, DateRange, PeriodKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
    pub class_at_most: Option<crate::confidentiality::Class>,
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

/// The policy a report was computed under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PolicyRef {
    /// Policy ID.
    pub id: String,
    /// Policy version.
    pub version: String,
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
    dossier.check_under(policy)?;
    let period = options.period.unwrap_or(dossier.period);
    check_period(policy, dossier, period)?;
    let ctx = Context::new(policy, dossier, period, options.lang)?;
    let doc = policy.document();

    let mut people = Vec::new();
    for p in &dossier.organisation.people {
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
            findings.extend(found);
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

    let mut communities = Vec::new();
    for c in &dossier.organisation.communities {
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
                findings.extend(found);
            } else {
                for pr in people.iter().filter(|pr| pr.community == c.id) {
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
            title: match options.lang {
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
        period,
        lang: options.lang,
        complete: ctx.warnings.is_empty(),
        warnings: ctx.warnings,
        obligations,
        clauses,
        people,
        communities,
    })
}

fn check_period(policy: &Policy, dossier: &Dossier, period: DateRange) -> Result<(), Error> {
    if !period.is_valid() {
        return Err(Problem::new(
            ErrorKind::InvalidPeriod,
            format!(
                "period ends on `{}` before it starts on `{}`",
                period.to, period.from
            ),
        )
        .at("period")
        .into());
    }
    if dossier.period.intersect(&period) != Some(period) {
        return Err(Problem::new(
            ErrorKind::InvalidPeriod,
            format!(
                "period `{period}` is not within the dossier's period `{}`",
                dossier.period
            ),
        )
        .at("period")
        .into());
    }
    for year in period.from.year()..=period.to.year() {
        if !policy.calendar().knows_year(year) {
            let date = if period.from.year() == year {
                period.from
            } else {
                Date::from_ymd(year, 1, 1).unwrap_or(period.to)
            };
            policy.calendar().day_kind(date)?;
        }
    }
    let doc = policy.document();
    let force = DateRange::new(
        doc.effective_from,
        doc.effective_to
            .or(Date::from_ymd(9999, 12, 31))
            .unwrap_or(doc.effective_from),
    );
    if force.intersect(&period).is_none() {
        return Err(Problem::new(
            ErrorKind::InvalidPeriod,
            format!(
                "policy `{}` is not in force in `{period}` (in force from `{}`)",
                doc.id, doc.effective_from
            ),
        )
        .at("period")
        .into());
    }
    Ok(())
}

/// Evidence indexed for one evaluation.
struct Context<'a> {
    policy: &'a Policy,
    dossier: &'a Dossier,
    index: Index<'a>,
    period: DateRange,
    lang: Lang,
    working: Vec<bool>,
    /// Each person's usable work records by day of the period: one, or one a grid for a worker
    /// holding several (兼任, when the policy allows it).
    work: BTreeMap<&'a str, Vec<Vec<&'a WorkRecord>>>,
    /// Dated record IDs by (subject, kind): subject is a person or a community ID.
    dated: BTreeMap<(&'a str, CountedRecord), Vec<(Date, &'a str)>>,
    leave: BTreeMap<&'a str, Vec<(DateRange, &'a str, LeaveKind)>>,
    duty_days: BTreeSet<(&'a str, Date)>,
    /// Per person, per day of the period: whether duties fall due, and why not.
    days: BTreeMap<&'a str, Vec<DayStatus<'a>>>,
    /// Ledger entries by grid with the must-visit groups they show (2.1.2, 2.2.2); `None`
    /// when the dossier keeps no ledgers.
    ledgers: Option<BTreeMap<&'a str, Vec<LedgerGroups<'a>>>>,
    /// Each community's grid workers, in organisation order.
    workers_of: BTreeMap<&'a str, Vec<&'a Person>>,
    /// Each assignee's tasks assigned from above (2.1.11), built once so that no person's
    /// judgement scans every task.
    tasks_of: BTreeMap<&'a str, Vec<&'a crate::duties::AssignedTask>>,
    warnings: Vec<Warning>,
}

/// A ledger entry's dates and the must-visit groups it shows.
struct LedgerGroups<'a> {
    entry: &'a crate::evidence::LedgerEntry,
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
    fn new(
        policy: &'a Policy,
        dossier: &'a Dossier,
        period: DateRange,
        lang: Lang,
    ) -> Result<Context<'a>, Error> {
        let mut working = Vec::new();
        for day in period.days() {
            working.push(policy.calendar().is_working_day(day)?);
        }
        let mut ctx = Context {
            policy,
            dossier,
            index: dossier.organisation.index(),
            period,
            lang,
            working,
            work: BTreeMap::new(),
            dated: BTreeMap::new(),
            leave: BTreeMap::new(),
            duty_days: BTreeSet::new(),
            days: BTreeMap::new(),
            ledgers: None,
            workers_of: BTreeMap::new(),
            tasks_of: BTreeMap::new(),
            warnings: Vec::new(),
        };
        for t in &dossier.records.assigned_tasks {
            ctx.tasks_of.entry(t.assignee.as_str()).or_default().push(t);
        }
        for p in &dossier.organisation.people {
            if p.role == Role::GridWorker {
                ctx.workers_of
                    .entry(p.community.as_str())
                    .or_default()
                    .push(p);
            }
        }
        ctx.load();
        ctx.load_days();
        Ok(ctx)
    }

    fn in_period(&mut self, date: Date, id: &str, path: String) -> bool {
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
            path,
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
        let r = &self.dossier.records;
        for (i, w) in r.work_records.iter().enumerate() {
            let path = format!("records.work_records[{i}]");
            if !self.in_period(w.date, &w.id, path.clone()) {
                continue;
            }
            let is_worker = self
                .index
                .person(&w.person)
                .is_some_and(|p| p.role == Role::GridWorker);
            if !is_worker {
                self.warnings.push(Warning {
                    kind: WarningKind::NotAGridWorker,
                    message: format!(
                        "work record `{}` is by `{}`, who is not a grid worker, and is not used",
                        w.id, w.person
                    ),
                    record: w.id.clone(),
                    path,
                });
                continue;
            }
            if !self.index.grids_on(&w.person, w.date).any(|g| g == w.grid) {
                self.warnings.push(Warning {
                    kind: WarningKind::OutsideAssignment,
                    message: format!(
                        "work record `{}` puts `{}` in grid `{}` on `{}`, outside their assignment, and is not used",
                        w.id, w.person, w.grid, w.date
                    ),
                    record: w.id.clone(),
                    path,
                });
                continue;
            }
            if let Some(i) = self.offset(w.date) {
                let len = self.working.len();
                let days = self
                    .work
                    .entry(w.person.as_str())
                    .or_insert_with(|| vec![Vec::new(); len]);
                if let Some(slot) = days.get_mut(i) {
                    slot.push(w);
                    slot.sort_by(|a, b| a.grid.cmp(&b.grid));
                }
            }
            self.push_dated(&w.person, CountedRecord::WorkRecord, w.date, &w.id);
        }
        for (i, m) in r.meetings.iter().enumerate() {
            if !self.in_period(m.date, &m.id, format!("records.meetings[{i}]")) {
                continue;
            }
            if m.kind == crate::records::MeetingKind::Dispatch {
                // 2.1.0: the grid leader (the Party secretary, 1.1) convenes the dispatch meeting.
                let secretary = self
                    .index
                    .community(&m.community)
                    .map(|c| c.party_secretary.as_str());
                if m.chair.is_none() || m.chair.as_deref() != secretary {
                    let by = m.chair.as_deref().map_or_else(
                        || "names no convener".to_owned(),
                        |c| format!("was convened by `{c}`"),
                    );
                    self.warnings.push(Warning {
                        kind: WarningKind::NotConvenedByGridLeader,
                        message: format!(
                            "dispatch meeting `{}` {by}, not by the grid leader of `{}` (2.1.0), and is not counted",
                            m.id, m.community
                        ),
                        record: m.id.clone(),
                        path: format!("records.meetings[{i}].chair"),
                    });
                    continue;
                }
            }
            let kind = match m.kind {
                crate::records::MeetingKind::Dispatch => CountedRecord::DispatchMeeting,
                crate::records::MeetingKind::Morning => CountedRecord::MorningMeeting,
                crate::records::MeetingKind::Weekly => CountedRecord::WeeklyMeeting,
                crate::records::MeetingKind::QuarterlyJoint => CountedRecord::QuarterlyJointMeeting,
            };
            self.push_dated(&m.community, kind, m.date, &m.id);
        }
        for (i, s) in r.security_patrols.iter().enumerate() {
            if !self.in_period(s.date, &s.id, format!("records.security_patrols[{i}]")) {
                continue;
            }
            let unique: BTreeSet<&str> = s.people.iter().map(String::as_str).collect();
            for p in unique {
                self.push_dated(p, CountedRecord::SecurityPatrol, s.date, &s.id);
            }
        }
        for (i, s) in r.red_grid_services.iter().enumerate() {
            if self.in_period(s.date, &s.id, format!("records.red_grid_services[{i}]")) {
                self.push_dated(&s.organiser, CountedRecord::RedGridService, s.date, &s.id);
            }
        }
        for (i, s) in r.group_studies.iter().enumerate() {
            if !self.in_period(s.date, &s.id, format!("records.group_studies[{i}]")) {
                continue;
            }
            self.push_dated(&s.community, CountedRecord::GroupStudy, s.date, &s.id);
            let unique: BTreeSet<&str> = s.attendees.iter().map(String::as_str).collect();
            for p in unique {
                self.push_dated(p, CountedRecord::GroupStudyAttendance, s.date, &s.id);
            }
        }
        for (i, s) in r.self_studies.iter().enumerate() {
            if self.in_period(s.date, &s.id, format!("records.self_studies[{i}]")) {
                self.push_dated(&s.person, CountedRecord::SelfStudy, s.date, &s.id);
            }
        }
        for (i, s) in r.notebook_reviews.iter().enumerate() {
            let path = format!("records.notebook_reviews[{i}]");
            if !self.in_period(s.date, &s.id, path.clone()) {
                continue;
            }
            // 3.5: 社区书记每月审阅 — only the worker's community Party secretary's review counts.
            let community = self.index.person(&s.person).map(|p| p.community.as_str());
            let secretary = community
                .and_then(|c| self.index.community(c))
                .map(|c| c.party_secretary.as_str());
            if secretary != Some(s.reviewer.as_str()) {
                self.warnings.push(Warning {
                    kind: WarningKind::NotReviewedBySecretary,
                    message: format!(
                        "notebook review `{}` of `{}` is by `{}`, not by the Party secretary of `{}` (3.5), and is not counted",
                        s.id,
                        s.person,
                        s.reviewer,
                        community.unwrap_or_default()
                    ),
                    record: s.id.clone(),
                    path: format!("{path}.reviewer"),
                });
                continue;
            }
            self.push_dated(&s.person, CountedRecord::NotebookReview, s.date, &s.id);
        }
        self.load_activities();
        for s in &r.duty_shifts {
            self.duty_days.insert((s.person.as_str(), s.date));
        }
        for l in &r.leave {
            self.leave.entry(l.person.as_str()).or_default().push((
                DateRange::new(l.from, l.to),
                l.id.as_str(),
                l.kind,
            ));
        }
        for list in self.dated.values_mut() {
            list.sort();
        }
    }

    /// The index of `date` in the period, if it lies in it.
    fn offset(&self, date: Date) -> Option<usize> {
        usize::try_from(self.period.from.days_until(date))
            .ok()
            .filter(|_| date <= self.period.to)
    }

    fn is_working(&self, date: Date) -> bool {
        self.offset(date)
            .and_then(|i| self.working.get(i))
            .copied()
            .unwrap_or(false)
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
            let statuses: Vec<DayStatus<'a>> = self
                .period
                .days()
                .map(|d| DayStatus {
                    duty: self.compute_duty_day(Some(&p.id), d),
                    assigned: p.role == Role::GridLeader || self.index.is_assigned(&p.id, d),
                    leave: self.leave_on(&p.id, d),
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
        match self.policy.document().parameters.daily_duty_days.value {
            DailyDutyDays::EveryDay => self.period.contains(date),
            DailyDutyDays::WorkingDays => self.is_working(date),
            DailyDutyDays::WorkingDaysAndDutyDays => {
                self.is_working(date)
                    || person.is_some_and(|p| {
                        self.period.contains(date) && self.duty_days.contains(&(p, date))
                    })
            }
        }
    }

    fn leave_on(&self, person: &str, date: Date) -> Option<(&'a str, LeaveKind)> {
        self.leave
            .get(person)?
            .iter()
            .find(|(r, _, _)| r.contains(date))
            .map(|(_, id, kind)| (*id, *kind))
    }

    /// Whether a person's duty applies in `range`; `Err` carries the excuse and its evidence.
    fn applies(&self, person: &Person, range: DateRange) -> Result<(), (Excuse, Vec<String>)> {
        let (Some(from), Some(to)) = (self.offset(range.from), self.offset(range.to)) else {
            return Err((Excuse::NotAWorkingDay, Vec::new()));
        };
        let statuses = self
            .days
            .get(person.id.as_str())
            .and_then(|v| v.get(from..=to))
            .unwrap_or_default();
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
                    leave_ids.insert(id.to_owned());
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
        Err((excuse, leave_ids.into_iter().collect()))
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
        let mut out = Vec::new();
        for range in self.instances(o, Some(&p.id)) {
            let mut f = self.finding(o, range);
            match self.applies(p, range) {
                Err((excuse, evidence)) => self.excuse(&mut f, excuse, evidence),
                Ok(()) => self.judge(&mut f, o, p, range),
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
        Finding {
            obligation: o.id.clone(),
            clause: o.clause.clone(),
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

    fn judge(&self, f: &mut Finding, o: &Obligation, p: &Person, range: DateRange) {
        let day = range.from;
        let work = self.work.get(p.id.as_str());
        let records = self.work_on(work, day);
        if o.period == PeriodKind::WorkingDay {
            f.evidence.extend(records.iter().map(|w| w.id.clone()));
        }
        match &o.requirement {
            Requirement::PresenceInGrid => {
                let worked = |w: &&WorkRecord| !w.patrols.is_empty() || !w.visits.is_empty();
                let mut grids: Vec<&str> = self.index.grids_on(&p.id, day).collect();
                grids.sort_unstable();
                grids.dedup();
                if grids.len() > 1 {
                    // 兼任 (2.2.2 with the policy's `grids_per_worker`): present in each grid.
                    let absent: Vec<&str> = grids
                        .iter()
                        .copied()
                        .filter(|g| !records.iter().any(|w| w.grid == *g && worked(w)))
                        .collect();
                    if !absent.is_empty() {
                        let n = i64::try_from(grids.len()).unwrap_or(i64::MAX);
                        let m = i64::try_from(absent.len()).unwrap_or(0);
                        let names: Vec<&str> = absent
                            .iter()
                            .map(|g| self.index.grid(g).map_or(*g, |x| x.name.as_str()))
                            .collect();
                        self.miss(
                            f,
                            Shortfall {
                                unit: Unit::Grids,
                                required: n,
                                actual: n - m,
                                missing: absent.iter().map(|g| (*g).to_owned()).collect(),
                            },
                            format!(
                                "兼任{n}个网格，无在{}内工作的记录（无巡查、无走访）",
                                names.join("、")
                            ),
                            format!(
                                "holds {n} grids; no record of work in {} (no patrol, no visit)",
                                absent.join(", ")
                            ),
                        );
                    }
                    return;
                }
                let present = records.iter().any(worked);
                if !present {
                    self.miss(
                        f,
                        Shortfall {
                            unit: Unit::Records,
                            required: 1,
                            actual: 0,
                            missing: Vec::new(),
                        },
                        "无在网格内工作的记录（无巡查、无走访）".into(),
                        "no record of work in the grid (no patrol, no visit)".into(),
                    );
                }
            }
            Requirement::PatrolMinutes { minimum, summing } => {
                // Across the day's records: a worker on several grids sums them all (兼任).
                let lengths = records
                    .iter()
                    .flat_map(|w| w.patrols.iter())
                    .map(|s| i64::from(s.minutes()));
                let minutes = match summing {
                    PatrolSumming::SummedOverDay => lengths.sum(),
                    PatrolSumming::LongestSession => lengths.max().unwrap_or(0),
                };
                if minutes < *minimum {
                    let grids = records.len();
                    let (zh, en) = if grids > 1 {
                        (
                            format!("{grids}个网格合计巡查{minutes}分钟，不足{minimum}分钟"),
                            format!("{minutes} of {minimum} minutes, summed over {grids} grids"),
                        )
                    } else {
                        (
                            format!("巡查{minutes}分钟，不足{minimum}分钟"),
                            format!("{minutes} of {minimum} minutes"),
                        )
                    };
                    self.miss(
                        f,
                        Shortfall {
                            unit: Unit::Minutes,
                            required: *minimum,
                            actual: minutes,
                            missing: Vec::new(),
                        },
                        zh,
                        en,
                    );
                }
            }
            Requirement::MustChecks { items } => {
                let ticked = |i: &&MustCheck| records.iter().any(|w| w.must_checks.contains(i));
                let missing: Vec<_> = items.iter().filter(|i| !ticked(i)).collect();
                if !missing.is_empty() {
                    let zh: Vec<&str> = missing.iter().map(|m| m.label_zh()).collect();
                    let codes: Vec<String> = missing.iter().map(snake).collect();
                    self.checklist_miss(f, items.len(), zh, codes, Unit::Items);
                }
            }
            Requirement::MustDos { items } => {
                let ticked = |i: &&MustDo| records.iter().any(|w| w.must_dos.contains(i));
                let missing: Vec<_> = items.iter().filter(|i| !ticked(i)).collect();
                if !missing.is_empty() {
                    let zh: Vec<&str> = missing.iter().map(|m| m.label_zh()).collect();
                    let codes: Vec<String> = missing.iter().map(snake).collect();
                    self.checklist_miss(f, items.len(), zh, codes, Unit::Items);
                }
            }
            Requirement::MustVisits { groups } => {
                // Groups living in each grid the person held during the instance, each to be
                // visited in that grid (a worker on several grids visits each one's, 兼任).
                let mut present: BTreeMap<&str, BTreeSet<MustVisit>> = BTreeMap::new();
                for d in range.days() {
                    for g in self.index.grids_on(&p.id, d) {
                        let here = present.entry(g).or_default();
                        // The ledgers say who lives in the grid (2.1.2); without ledgers, the
                        // grid's `must_visit_groups`; without those, every group.
                        match (
                            self.ledgers.as_ref(),
                            self.index
                                .grid(g)
                                .and_then(|g| g.must_visit_groups.as_ref()),
                        ) {
                            (Some(by_grid), _) => here.extend(
                                by_grid
                                    .get(g)
                                    .into_iter()
                                    .flatten()
                                    .filter(|l| l.entry.active_on(d))
                                    .flat_map(|l| l.groups.iter().copied()),
                            ),
                            (None, Some(list)) => here.extend(list.iter().copied()),
                            (None, None) => here.extend(groups.iter().copied()),
                        }
                    }
                }
                let required: Vec<(&str, MustVisit)> = present
                    .iter()
                    .flat_map(|(g, there)| {
                        groups
                            .iter()
                            .filter(|m| there.contains(m))
                            .map(move |m| (*g, *m))
                    })
                    .collect();
                let mut visited = BTreeSet::new();
                for d in range.days() {
                    for w in self.work_on(work, d) {
                        let mut used = false;
                        for v in &w.visits {
                            if required.contains(&(w.grid.as_str(), v.group)) {
                                visited.insert((w.grid.as_str(), v.group));
                                used = true;
                            }
                        }
                        if used {
                            f.evidence.push(w.id.clone());
                        }
                    }
                }
                let missing: Vec<&(&str, MustVisit)> =
                    required.iter().filter(|k| !visited.contains(*k)).collect();
                if !missing.is_empty() {
                    let several = present.len() > 1;
                    let zh: Vec<String> = missing
                        .iter()
                        .map(|(g, m)| {
                            if several {
                                let name = self.index.grid(g).map_or(*g, |x| x.name.as_str());
                                format!("{name}的{}", m.label_zh())
                            } else {
                                m.label_zh().to_owned()
                            }
                        })
                        .collect();
                    let codes: Vec<String> = missing
                        .iter()
                        .map(|(g, m)| {
                            if several {
                                format!("{}@{g}", snake(*m))
                            } else {
                                snake(*m)
                            }
                        })
                        .collect();
                    let zh: Vec<&str> = zh.iter().map(String::as_str).collect();
                    self.checklist_miss(f, required.len(), zh, codes, Unit::Groups);
                }
            }
            Requirement::RecordCount {
                record,
                minimum,
                usual_weekday,
            } => {
                let subject = if record.is_community_record() {
                    p.community.as_str()
                } else {
                    p.id.as_str()
                };
                f.evidence.clear();
                // 3.5: with no group study held, there was nothing to attend.
                if let Some(held) = record.held_by_community() {
                    if self.count_in(&p.community, held, range).is_empty() {
                        self.excuse(f, Excuse::NotHeld, Vec::new());
                        return;
                    }
                }
                let found = self.count_in(subject, *record, range);
                self.judge_count(f, &found, *minimum, *usual_weekday, range);
            }
            Requirement::DutyShiftComplete
            | Requirement::AssignedTasksOnTime
            | Requirement::DivisionChangesFiled
            | Requirement::HandoverOnLeaving { .. }
            | Requirement::NotebookReviewOfEachWorker { .. } => {}
        }
    }

    fn checklist_miss(
        &self,
        f: &mut Finding,
        required: usize,
        zh: Vec<&str>,
        codes: Vec<String>,
        unit: Unit,
    ) {
        let n = i64::try_from(required).unwrap_or(i64::MAX);
        let m = i64::try_from(codes.len()).unwrap_or(0);
        let what_zh = if unit == Unit::Groups {
            "未走访"
        } else {
            "未完成"
        };
        let what_en = if unit == Unit::Groups {
            "not visited"
        } else {
            "not done"
        };
        let en = format!("{what_en}: {}", codes.join(", "));
        self.miss(
            f,
            Shortfall {
                unit,
                required: n,
                actual: n - m,
                missing: codes,
            },
            format!("{what_zh}：{}", zh.join("、")),
            en,
        );
    }

    fn judge_count(
        &self,
        f: &mut Finding,
        found: &[(Date, &str)],
        minimum: i64,
        usual: Option<crate::policy::WeekdayName>,
        range: DateRange,
    ) {
        f.evidence = found.iter().map(|(_, id)| (*id).to_owned()).collect();
        let n = i64::try_from(found.len()).unwrap_or(i64::MAX);
        if n < minimum {
            self.miss(
                f,
                Shortfall {
                    unit: Unit::Records,
                    required: minimum,
                    actual: n,
                    missing: Vec::new(),
                },
                format!("记录{n}次，应至少{minimum}次"),
                format!("{n} of {minimum} records"),
            );
            return;
        }
        if let Some(usual) = usual {
            let on_usual = found.iter().any(|(d, _)| d.weekday() == usual.weekday());
            if !on_usual {
                let usual_day = range.days().find(|d| d.weekday() == usual.weekday());
                let usual_off = usual_day.is_some_and(|d| !self.is_working(d));
                f.text = Some(match (self.lang, usual_off) {
                    (Lang::Zh, true) => "例会日逢节假日，改期召开".into(),
                    (Lang::Zh, false) => "未在惯常的例会日召开".into(),
                    (Lang::En, true) => {
                        "the usual day was not a working day; held on another day".into()
                    }
                    (Lang::En, false) => "held on another day than the usual one".into(),
                });
            }
        }
    }

    /// 3.5: the secretary's monthly review of each worker's notebook — one finding per period
    /// for the grid leader, naming the workers due a review who had none. The workers lose
    /// nothing: the duty is the secretary's (1.1).
    fn review_findings(&self, o: &Obligation, leader: &Person, minimum: i64) -> Vec<Finding> {
        let workers = self
            .workers_of
            .get(leader.community.as_str())
            .map_or(&[][..], Vec::as_slice);
        let mut out = Vec::new();
        for range in self.instances(o, Some(&leader.id)) {
            let mut f = self.finding(o, range);
            let mut due = 0i64;
            let mut missing = Vec::new();
            for w in workers {
                if self.applies(w, range).is_err() {
                    continue;
                }
                due += 1;
                let found = self.count_in(&w.id, CountedRecord::NotebookReview, range);
                f.evidence
                    .extend(found.iter().map(|(_, id)| (*id).to_owned()));
                if i64::try_from(found.len()).unwrap_or(i64::MAX) < minimum {
                    missing.push(*w);
                }
            }
            if due == 0 {
                self.excuse(&mut f, Excuse::NotAssigned, Vec::new());
            } else if !missing.is_empty() {
                let zh: Vec<String> = missing
                    .iter()
                    .map(|w| format!("{}（{}）", w.name, w.id))
                    .collect();
                let codes: Vec<String> = missing.iter().map(|w| w.id.clone()).collect();
                let n = i64::try_from(missing.len()).unwrap_or(i64::MAX);
                let en = format!(
                    "the secretary reviewed with a comment fewer than {minimum} time(s) the notebooks of {n} of {due} workers: {}",
                    codes.join(", ")
                );
                self.miss(
                    &mut f,
                    Shortfall {
                        unit: Unit::Workers,
                        required: due,
                        actual: due - n,
                        missing: codes,
                    },
                    format!(
                        "社区书记未审阅点评{n}名网格员（共{due}名）的学习笔记（每人应至少{minimum}次）：{}",
                        zh.join("、")
                    ),
                    en,
                );
            }
            out.push(f);
        }
        out
    }

    fn duty_shift_findings(&self, o: &Obligation, p: &Person) -> Vec<Finding> {
        let force = self.policy.obligation_force(o);
        let mut out = Vec::new();
        for s in self
            .dossier
            .records
            .duty_shifts
            .iter()
            .filter(|s| s.person == p.id)
        {
            if !self.period.contains(s.date) || !force.contains(s.date) {
                continue;
            }
            let mut f = self.finding(o, DateRange::new(s.date, s.date));
            f.event = Some(s.id.clone());
            f.evidence.push(s.id.clone());
            let mut missing = Vec::new();
            if s.log.as_deref().is_none_or(|l| l.trim().is_empty()) {
                missing.push(("log", "值班记录"));
            }
            if s.handed_over_to.is_none() {
                missing.push(("handover", "交接班"));
            }
            if !missing.is_empty() {
                let zh: Vec<&str> = missing.iter().map(|m| m.1).collect();
                let codes: Vec<String> = missing.iter().map(|m| m.0.to_owned()).collect();
                self.checklist_miss(&mut f, 2, zh, codes, Unit::Items);
            }
            out.push(f);
        }
        out
    }

    fn handover_findings(
        &self,
        o: &Obligation,
        p: &Person,
        within_days: i64,
        notify: bool,
    ) -> Vec<Finding> {
        let force = self.policy.obligation_force(o);
        let mut out = Vec::new();
        for a in self.index.assignments_of(&p.id) {
            let Some(last) = a.to else { continue };
            if !self.period.contains(last) || !force.contains(last) {
                continue;
            }
            let mut f = self.finding(o, DateRange::new(last, last));
            f.event = Some(format!("{}@{}", p.id, a.grid));
            let deadline = last.add_days(within_days).unwrap_or(last);
            let ok = |h: &&Handover| {
                h.person == p.id
                    && h.grid == a.grid
                    && a.from <= h.date
                    && h.date <= deadline
                    && (!notify || h.residents_notified)
            };
            let done = self.dossier.records.handovers.iter().find(ok);
            match done {
                Some(h) => f.evidence.push(h.id.clone()),
                None if deadline > self.period.to => {
                    self.excuse(&mut f, Excuse::NotYetDue, Vec::new());
                }
                None => {
                    let partial = self
                        .dossier
                        .records
                        .handovers
                        .iter()
                        .find(|h| h.person == p.id && h.grid == a.grid);
                    if let Some(h) = partial {
                        f.evidence.push(h.id.clone());
                    }
                    self.miss(
                        &mut f,
                        Shortfall {
                            unit: Unit::Records,
                            required: 1,
                            actual: 0,
                            missing: Vec::new(),
                        },
                        format!("离开网格{}后{within_days}日内无工作交接（含通知居民）记录", a.grid),
                        format!(
                            "no handover of grid `{}` (with residents told) within {within_days} days of leaving",
                            a.grid
                        ),
                    );
                }
            }
            out.push(f);
        }
        out
    }

    /// Indexes the activities of 2.1.1, 2.1.3, 2.1.6 and 2.1.9 by the person who carried them
    /// out; one outside the period is a warning and not used.
    fn load_activities(&mut self) {
        use crate::duties::ActivityKind;
        let r = &self.dossier.records;
        for (i, a) in r.activities.iter().enumerate() {
            if !self.in_period(a.date, &a.id, format!("records.activities[{i}]")) {
                continue;
            }
            let kind = match a.kind {
                ActivityKind::PartyMemberManagement => CountedRecord::PartyMemberActivity,
                ActivityKind::Publicity => CountedRecord::PublicityActivity,
                ActivityKind::EmergencyTask => CountedRecord::EmergencyTaskActivity,
                ActivityKind::ResidentMobilisation => CountedRecord::ResidentMobilisationActivity,
            };
            self.push_dated(&a.person, kind, a.date, &a.id);
        }
    }

    /// 2.1.11: each task assigned to `p` and due in the period is met when done by its due
    /// date (inclusive), missed when done later or not done by the period's end.
    fn assigned_task_findings(&self, o: &Obligation, p: &Person) -> Vec<Finding> {
        let force = self.policy.obligation_force(o);
        let mut tasks: Vec<&crate::duties::AssignedTask> = self
            .tasks_of
            .get(p.id.as_str())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|t| self.period.contains(t.due_by))
            .filter(|t| force.contains(t.due_by))
            .collect();
        tasks.sort_by(|a, b| (a.due_by, &a.id).cmp(&(b.due_by, &b.id)));
        let mut out = Vec::new();
        for t in tasks {
            let mut f = self.finding(o, DateRange::new(t.assigned_on, t.due_by));
            f.event = Some(t.id.clone());
            f.evidence.push(t.id.clone());
            let done = t.done_on.filter(|d| *d <= self.period.to);
            match done {
                Some(d) if d <= t.due_by => {}
                Some(d) => {
                    let days = t.due_by.days_until(d);
                    self.miss(
                        &mut f,
                        Shortfall {
                            unit: Unit::Records,
                            required: 1,
                            actual: 0,
                            missing: Vec::new(),
                        },
                        format!(
                            "上级交办任务{}限{}完成，{}才完成，逾期{days}日",
                            t.id, t.due_by, d
                        ),
                        format!(
                            "task `{}` assigned from above was due by {} and done on {d}, {days} days late",
                            t.id, t.due_by
                        ),
                    );
                }
                None => self.miss(
                    &mut f,
                    Shortfall {
                        unit: Unit::Records,
                        required: 1,
                        actual: 0,
                        missing: Vec::new(),
                    },
                    format!("上级交办任务{}限{}完成，期末仍未完成", t.id, t.due_by),
                    format!(
                        "task `{}` assigned from above was due by {} and not done by the period's end",
                        t.id, t.due_by
                    ),
                ),
            }
            out.push(f);
        }
        out
    }

    /// 1.2: each division of `community` in force from a day in the period that changes an
    /// earlier one is met when reported to the leading group (`reported_on`) by the period's end.
    fn division_filing_findings(&self, o: &Obligation, community: &str) -> Vec<Finding> {
        let force = self.policy.obligation_force(o);
        let list = crate::division::divisions_of(&self.dossier.organisation, community);
        let mut out = Vec::new();
        for (k, (d, _)) in list.iter().enumerate() {
            let from = d.effective_from;
            if k == 0 || !self.period.contains(from) || !force.contains(from) {
                continue;
            }
            let mut f = self.finding(o, DateRange::new(from, from));
            f.event = Some(d.id.clone());
            f.evidence.push(d.id.clone());
            if d.reported_on.is_none_or(|r| r > self.period.to) {
                self.miss(
                    &mut f,
                    Shortfall {
                        unit: Unit::Records,
                        required: 1,
                        actual: 0,
                        missing: Vec::new(),
                    },
                    format!(
                        "网格划分{}自{}调整，未报至{}",
                        d.id,
                        from,
                        crate::division::LEADING_GROUP
                    ),
                    format!(
                        "grid division `{}` changed from {from} and was not reported to the leading group",
                        d.id
                    ),
                );
            }
            out.push(f);
        }
        out
    }
}

fn snake<T: Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
