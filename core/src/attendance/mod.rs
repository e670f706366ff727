//! Attendance, spot checks and conduct (3.3, 3.4, 3.6.1–3.6.5).
//!
//! From the community's working hours (a policy choice, 3.3), the clock events, leave and duty
//! shifts, [`evaluate`] classes every working day of every grid worker — present, late, left
//! early, absent without reason (旷工), on leave, on official business — and every rest day with
//! a duty shift; it builds the monthly attendance report each community sends to the
//! subdistrict Party committee (3.3), as data, CSV and HTML; it turns each adverse spot-check
//! finding into two notices of criticism (3.4); and it lists conduct incidents under the clause
//! each breaks (3.6.1–3.6.5). Records that cannot be used are reported as [`Anomaly`]s naming
//! the record, never dropped silently.
//!
//! ```
//! use wangge::{attendance, sample, DateRange, Date, Policy};
//!
//! let policy = Policy::xincheng_2022();
//! let dossier = sample::community_2023();
//! let march = DateRange::new(Date::parse("2023-03-01").unwrap(), Date::parse("2023-03-31").unwrap());
//! let report = attendance::evaluate(&policy, &dossier, march).unwrap();
//!
//! // Clause 3.4: every adverse finding of a spot check gives two notices.
//! assert!(report.notices.iter().all(|n| n.clause == "3.4"));
//! assert_eq!(report.notices.len() % 2, 0);
//! // Clause 3.3: the monthly report, printable.
//! let month = report.month("c1", "2023-03").unwrap();
//! assert!(month.to_csv().starts_with("社区,月份,"));
//! ```

pub use crate::policy::attendance as policy;
pub use crate::records::attendance as records;

mod daily;
mod spot;
mod table;

pub use policy::{
    AttendancePolicy, LateAsAbsence, MonthDay, ResponsiblePerson, Season, Session, WorkingHours,
};
pub use records::{
    ClockDirection, ClockEvent, ClockSource, ConductIncident, ConductKind, LeaveKind, Observation,
    ObservedFinding, SpotCheck,
};

use crate::dossier::Dossier;
use crate::error::Error;
use crate::policy::{Policy, PolicyRef};
use crate::scope::Scope;
use crate::time::{Date, DateRange, PeriodKind};
use daily::{ClockDay, DayInput};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The class of one person's day (3.3, 3.6.1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DayClass {
    /// 正常出勤: both sessions kept, within the grace minutes.
    Present,
    /// 迟到.
    Late,
    /// 早退.
    LeftEarly,
    /// 迟到且早退.
    LateAndLeftEarly,
    /// 旷工半天: one session with no presence at all and no leave (3.3). Lateness and early
    /// leave never make this class: a day converted by a local rule keeps its class 迟到 / 早退
    /// and says the conversion in `late_as_absent_half_days`.
    HalfDayAbsent,
    /// 旷工: no presence in either session and no leave (3.3).
    Absent,
    /// 请假: approved leave (see `leave_kind`).
    OnLeave,
    /// 公出: official business away from the post.
    OfficialBusiness,
    /// 休息日值班: a duty shift on a rest day.
    RestDayDuty,
    /// 打卡记录不全: a clock-in without its clock-out; left to the community to settle.
    Incomplete,
}

impl DayClass {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            DayClass::Present => "正常出勤",
            DayClass::Late => "迟到",
            DayClass::LeftEarly => "早退",
            DayClass::LateAndLeftEarly => "迟到且早退",
            DayClass::HalfDayAbsent => "旷工半天",
            DayClass::Absent => "旷工",
            DayClass::OnLeave => "请假",
            DayClass::OfficialBusiness => "公出",
            DayClass::RestDayDuty => "休息日值班",
            DayClass::Incomplete => "打卡记录不全",
        }
    }
}

/// One person's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceDay {
    /// The worker.
    pub person: String,
    /// The worker's community.
    pub community: String,
    /// The day.
    pub date: Date,
    /// The class.
    pub class: DayClass,
    /// The clauses it rests on: always 3.3; 3.6.1 when late or early; 3.6.6 for duty.
    pub clauses: Vec<String>,
    /// The working hours applied (their ID), on a working day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// The kind of leave, for leave and official business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave_kind: Option<LeaveKind>,
    /// Minutes late beyond the grace (3.6.1), in sessions a local rule does not count as
    /// absence.
    pub late_minutes: u32,
    /// Minutes left early beyond the grace (3.6.1), in sessions a local rule does not count as
    /// absence.
    pub early_minutes: u32,
    /// Half-days of absence without reason (3.3): sessions with no presence at all (0, 1 or 2).
    pub absent_half_days: u32,
    /// Half-days the policy's local rule `late_or_early_counts_as_absence` counts as absence
    /// because of lateness or early leave (按本地规定计旷工); 0 without such a rule.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub late_as_absent_half_days: u32,
    /// Minutes late in the sessions counted as absence by that local rule.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub late_counted_as_absence: u32,
    /// Minutes left early in the sessions counted as absence by that local rule.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub early_counted_as_absence: u32,
    /// IDs of the records used: clock events, leave, duty shift.
    pub evidence: Vec<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl AttendanceDay {
    /// What the local rule counted as absence on this day, in words (empty without it):
    /// `2023-03-06 迟到35分钟，按本地规定计旷工半天`.
    pub fn conversion_text(&self, lang: crate::lang::Lang) -> Option<String> {
        if self.late_as_absent_half_days == 0 {
            return None;
        }
        let (l, e) = (self.late_counted_as_absence, self.early_counted_as_absence);
        Some(match lang {
            crate::lang::Lang::Zh => {
                let what = match (l > 0, e > 0) {
                    (true, true) => format!("迟到{l}分钟、早退{e}分钟"),
                    (true, false) => format!("迟到{l}分钟"),
                    _ => format!("早退{e}分钟"),
                };
                let span = if self.late_as_absent_half_days >= 2 {
                    "一天"
                } else {
                    "半天"
                };
                format!("{} {what}，按本地规定计旷工{span}", self.date)
            }
            crate::lang::Lang::En => {
                let what = match (l > 0, e > 0) {
                    (true, true) => format!("{l} minutes late and {e} minutes early"),
                    (true, false) => format!("{l} minutes late"),
                    _ => format!("left {e} minutes early"),
                };
                let span = if self.late_as_absent_half_days >= 2 {
                    "a whole day"
                } else {
                    "half a day"
                };
                format!(
                    "{} {what}, counted as {span} of absence by local rule",
                    self.date
                )
            }
        })
    }
}

/// Counts of a person's or a community's days; every count is a sum over the days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceCounts {
    /// Working days classed (应出勤天数).
    pub working_days: u32,
    /// Days of each class.
    pub classes: BTreeMap<DayClass, u32>,
    /// Days with lateness (迟到次数, 3.6.1), outside sessions a local rule counts as absence.
    pub late_days: u32,
    /// Minutes late (迟到分钟), outside sessions a local rule counts as absence.
    pub late_minutes: u32,
    /// Days with early leave (早退次数, 3.6.1), outside sessions a local rule counts as absence.
    pub early_days: u32,
    /// Minutes left early (早退分钟), outside sessions a local rule counts as absence.
    pub early_minutes: u32,
    /// Half-days of absence without reason (旷工, in half-days): sessions with no presence.
    pub absent_half_days: u32,
    /// Half-days a local rule counts as absence because of lateness or early leave (按本地规定计
    /// 旷工); those sessions' lateness is not in the late and early counts.
    pub late_as_absent_half_days: u32,
    /// Days of leave by kind (official business is its own class, not here).
    pub leave_days: BTreeMap<LeaveKind, u32>,
    /// Notices of criticism to the worker (3.4).
    pub notices: u32,
    /// Conduct incidents (3.6.1–3.6.5).
    pub conduct: u32,
}

impl AttendanceCounts {
    /// Adds one day.
    pub fn add_day(&mut self, d: &AttendanceDay) {
        if d.class != DayClass::RestDayDuty {
            self.working_days += 1;
        }
        *self.classes.entry(d.class).or_default() += 1;
        if d.late_minutes > 0 {
            self.late_days += 1;
        }
        if d.early_minutes > 0 {
            self.early_days += 1;
        }
        self.late_minutes += d.late_minutes;
        self.early_minutes += d.early_minutes;
        self.absent_half_days += d.absent_half_days;
        self.late_as_absent_half_days += d.late_as_absent_half_days;
        if d.class == DayClass::OnLeave {
            if let Some(k) = d.leave_kind {
                *self.leave_days.entry(k).or_default() += 1;
            }
        }
    }

    /// Adds another set of counts.
    pub fn merge(&mut self, o: &AttendanceCounts) {
        self.working_days += o.working_days;
        for (k, v) in &o.classes {
            *self.classes.entry(*k).or_default() += v;
        }
        self.late_days += o.late_days;
        self.late_minutes += o.late_minutes;
        self.early_days += o.early_days;
        self.early_minutes += o.early_minutes;
        self.absent_half_days += o.absent_half_days;
        self.late_as_absent_half_days += o.late_as_absent_half_days;
        for (k, v) in &o.leave_days {
            *self.leave_days.entry(*k).or_default() += v;
        }
        self.notices += o.notices;
        self.conduct += o.conduct;
    }

    /// Days of one class.
    pub fn class(&self, c: DayClass) -> u32 {
        self.classes.get(&c).copied().unwrap_or(0)
    }

    /// Days of absence without reason, as text: `1`, `1.5`.
    pub fn absent_days_text(&self) -> String {
        half_days_text(self.absent_half_days)
    }

    /// Days a local rule counts as absence because of lateness or early leave, as text.
    pub fn late_as_absent_days_text(&self) -> String {
        half_days_text(self.late_as_absent_half_days)
    }
}

fn half_days_text(n: u32) -> String {
    let whole = n / 2;
    if n % 2 == 0 {
        whole.to_string()
    } else {
        format!("{whole}.5")
    }
}

/// One worker's row of a monthly report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthlyRow {
    /// The worker.
    pub person: String,
    /// Name.
    pub name: String,
    /// The month's counts.
    pub counts: AttendanceCounts,
}

/// A community's monthly attendance report to the subdistrict Party committee (3.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthlyReport {
    /// The clause asking for it: 3.3.
    pub clause: String,
    /// Community ID.
    pub community: String,
    /// Community name.
    pub name: String,
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The days covered (the month, clipped to the evaluated period).
    pub period: DateRange,
    /// Whether attendance was taken: the community has clock records in the month. A month
    /// without is 未采集 (not collected), with no rows: nothing to report (3.3, 4.2).
    pub collected: bool,
    /// One row per grid worker with a classed day in the month, in organisation order.
    pub rows: Vec<MonthlyRow>,
    /// The community's totals: the sum of the rows.
    pub totals: AttendanceCounts,
}

/// Whom a notice of criticism is for (3.4).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NoticeRecipient {
    /// 当事人: the worker found.
    Worker,
    /// 社区负责人: the community's responsible person.
    ResponsiblePerson,
}

impl NoticeRecipient {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            NoticeRecipient::Worker => "当事人",
            NoticeRecipient::ResponsiblePerson => "社区负责人",
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            NoticeRecipient::Worker => "worker",
            NoticeRecipient::ResponsiblePerson => "head",
        }
    }
}

/// A notice of criticism (通报批评) after a spot check (3.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// ID: the spot check's, the worker's and `worker` or `head`.
    pub id: String,
    /// 3.4.
    pub clause: String,
    /// Day of the check.
    pub date: Date,
    /// Time of the check.
    pub time: crate::time::LocalTime,
    /// The community.
    pub community: String,
    /// Who is criticised.
    pub recipient: String,
    /// As what.
    pub recipient_role: NoticeRecipient,
    /// The worker found.
    pub concerning: String,
    /// What was found.
    pub fact: ObservedFinding,
    /// The notice's text.
    pub text_zh: String,
    /// The spot check's ID, then the worker's clock events of the day.
    pub evidence: Vec<String>,
    /// Clock events contradicting the finding, when the clock records say otherwise (the
    /// contradiction is also an anomaly; it is not resolved here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradicted_by: Vec<String>,
    /// Whether it counts against its recipient: always, unless the clock records contradict
    /// it and the policy's `contradicted_notice_counts` is false (3.4).
    pub counted: bool,
}

/// A conduct incident, under the clause it breaks (3.6.1–3.6.5). The measures state no
/// consequence: none is invented here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConductFinding {
    /// The incident record.
    pub record: String,
    /// The worker.
    pub person: String,
    /// The day.
    pub date: Date,
    /// The kind.
    pub kind: ConductKind,
    /// The clause it breaks.
    pub clause: String,
    /// Chinese text.
    pub text_zh: String,
}

/// One worker's attendance over the evaluated period, for the assessment (4.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonAttendance {
    /// The worker.
    pub person: String,
    /// Name.
    pub name: String,
    /// Community.
    pub community: String,
    /// Counts over the period (days, lateness, absence, notices, conduct).
    pub counts: AttendanceCounts,
    /// Notices received as a community's responsible person (3.4).
    pub notices_as_responsible_person: u32,
    /// Conduct incidents by clause.
    pub conduct_by_clause: BTreeMap<String, u32>,
}

/// A record that could not be used as it stands, or a finding the records contradict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anomaly {
    /// What kind.
    pub kind: AnomalyKind,
    /// The clause concerned.
    pub clause: String,
    /// Lowercase description, values in backticks.
    pub message: String,
    /// The record concerned.
    pub record: String,
    /// The day concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The person concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
}

impl Anomaly {
    fn of_event(kind: AnomalyKind, e: &ClockEvent, message: String) -> Anomaly {
        Anomaly {
            kind,
            clause: "3.3".to_owned(),
            message,
            record: e.id.clone(),
            date: Some(e.date),
            person: Some(e.person.clone()),
        }
    }
}

/// Kinds of anomaly.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AnomalyKind {
    /// A clock-out with no clock-in before it (also: a clock-out before the clock-in).
    ClockOutWithoutIn,
    /// Two clock-ins without a clock-out between them.
    ClockInTwice,
    /// A clock-in never followed by a clock-out.
    MissingClockOut,
    /// Clock events on a day of leave.
    ClockOnLeaveDay,
    /// Clock events on a rest day without a duty shift.
    ClockOnRestDay,
    /// A record of a person with no grid that day, or who is not a grid worker.
    NotAssigned,
    /// A record outside the dossier's period.
    OutsidePeriod,
    /// A leave that covers no working day.
    LeaveOnRestDaysOnly,
    /// A spot check on a rest day: no working hours, no notice.
    SpotCheckOnRestDay,
    /// A spot-check observation on a day of approved leave: no notice.
    ObservationOnLeaveDay,
    /// A spot-check observation the clock records contradict.
    ObservationContradictsClock,
    /// A community with no clock records in the period: attendance is not taken.
    NoClockRecords,
}

impl AnomalyKind {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            AnomalyKind::ClockOutWithoutIn => "有签退无签到",
            AnomalyKind::ClockInTwice => "重复签到",
            AnomalyKind::MissingClockOut => "缺少签退",
            AnomalyKind::ClockOnLeaveDay => "请假日有打卡",
            AnomalyKind::ClockOnRestDay => "休息日打卡无值班",
            AnomalyKind::NotAssigned => "当日无网格分配",
            AnomalyKind::OutsidePeriod => "超出档案期间",
            AnomalyKind::LeaveOnRestDaysOnly => "请假未覆盖工作日",
            AnomalyKind::SpotCheckOnRestDay => "抽查日为休息日",
            AnomalyKind::ObservationOnLeaveDay => "抽查对象当日请假",
            AnomalyKind::ObservationContradictsClock => "抽查结果与打卡记录不符",
            AnomalyKind::NoClockRecords => "本期无打卡记录，未考勤",
        }
    }
}

/// The attendance report of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceReport {
    /// Policy used.
    pub policy: PolicyRef,
    /// Period evaluated.
    pub period: DateRange,
    /// True when there is no anomaly.
    pub complete: bool,
    /// Records that could not be used as they stand, and contradictions.
    pub anomalies: Vec<Anomaly>,
    /// Every classed day, by person (organisation order) then date.
    pub days: Vec<AttendanceDay>,
    /// Monthly reports, by community then month (3.3).
    pub months: Vec<MonthlyReport>,
    /// One entry per grid worker, in organisation order.
    pub people: Vec<PersonAttendance>,
    /// Notices of criticism, by spot check (3.4).
    pub notices: Vec<Notice>,
    /// Conduct incidents, by date (3.6.1–3.6.5).
    pub conduct: Vec<ConductFinding>,
}

impl AttendanceReport {
    /// The attendance of this worker.
    pub fn person(&self, id: &str) -> Option<&PersonAttendance> {
        self.people.iter().find(|p| p.person == id)
    }

    /// The monthly report of `community` for `month` (`YYYY-MM`).
    pub fn month(&self, community: &str, month: &str) -> Option<&MonthlyReport> {
        self.months
            .iter()
            .find(|m| m.community == community && m.month == month)
    }

    /// The class of a worker's day.
    pub fn day(&self, person: &str, date: Date) -> Option<&AttendanceDay> {
        self.days
            .iter()
            .find(|d| d.person == person && d.date == date)
    }
}

/// Evaluates the attendance of `dossier` in `period` under `policy` (3.3, 3.4, 3.6.1–3.6.5).
///
/// Errors: a period that is inverted or outside the dossier's, a day the calendar does not
/// know, or working hours that do not cover a community on a working day (or cover it twice).
pub fn evaluate(
    policy: &Policy,
    dossier: &Dossier,
    period: DateRange,
) -> Result<AttendanceReport, Error> {
    evaluate_in(&Scope::new(policy, dossier, period)?)
}

/// [`evaluate`] over a [`Scope`] built by the caller (the assessment builds one for every rule
/// family).
pub fn evaluate_in(scope: &Scope<'_>) -> Result<AttendanceReport, Error> {
    evaluate_days(scope, DayDetail::Full)
}

/// The report the assessment reads (4.1): every count, month, notice, conduct incident and
/// anomaly as [`evaluate_in`] gives them, but each classed day without its clauses, working
/// hours, community or evidence IDs (nothing allocated for them; the assessment reads a day's
/// person, date, class, leave kind, minutes and half-days only). Not for callers who show the
/// days: a reader of the assessment's attendance must not show those four fields.
pub(crate) fn counts_in(scope: &Scope<'_>) -> Result<AttendanceReport, Error> {
    evaluate_days(scope, DayDetail::Counts)
}

/// What a classed day carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayDetail {
    /// Everything: clauses, working hours, community and evidence IDs.
    Full,
    /// Without clauses, working hours, community or evidence IDs (see [`counts_in`]).
    Counts,
}

fn evaluate_days(scope: &Scope<'_>, detail: DayDetail) -> Result<AttendanceReport, Error> {
    let doc = scope.policy().document();
    let mut anomalies = Vec::new();
    let mut clocks = collect_clocks(scope, &mut anomalies);
    leave_anomalies(scope, &mut anomalies);
    let recorded = Recorded::of(scope, &clocks, &mut anomalies);

    // Daily classes (3.3, 3.6.1).
    let (days, clock_days) = classify_days(scope, &recorded, &mut clocks, &mut anomalies, detail)?;
    // Events of people who are not grid workers.
    for events in clocks.values().flat_map(BTreeMap::values) {
        if let Some(first) = events.first() {
            anomalies.push(not_assigned(first));
        }
    }

    // Spot checks (3.4).
    let notices = read_spot_checks(scope, &clock_days, &mut anomalies);
    // Conduct (3.6.1–3.6.5).
    let conduct = read_conduct(scope, &mut anomalies);

    // Per-person counts, and the monthly reports (3.3).
    let counter = Counter::new(&days, &notices, &conduct);
    let people = scope
        .workers()
        .iter()
        .map(|p| PersonAttendance {
            person: p.id.clone(),
            name: p.name.clone(),
            community: p.community.clone(),
            counts: counter.counts(&p.id, scope.period()),
            notices_as_responsible_person: counter.notices(
                &p.id,
                NoticeRecipient::ResponsiblePerson,
                scope.period(),
            ),
            conduct_by_clause: counter.conduct_by_clause(&p.id),
        })
        .collect();
    let months = monthly_reports(scope, &recorded, &counter);

    Ok(AttendanceReport {
        policy: PolicyRef {
            id: doc.id.clone(),
            version: doc.version.clone(),
        },
        period: scope.period(),
        complete: anomalies.is_empty(),
        anomalies,
        days,
        months,
        people,
        notices,
        conduct,
    })
}

/// Clock events by person, then by day.
type Clocks<'a> = BTreeMap<&'a str, BTreeMap<Date, Vec<&'a ClockEvent>>>;

/// The clock events of the period by person and day; an event outside the dossier's period is
/// an anomaly.
fn collect_clocks<'a>(scope: &Scope<'a>, anomalies: &mut Vec<Anomaly>) -> Clocks<'a> {
    let dossier = scope.dossier();
    let mut clocks: Clocks<'a> = BTreeMap::new();
    // Exports list a person's events together: the person's map is found once a run of them.
    let mut run: Option<(&str, BTreeMap<Date, Vec<&ClockEvent>>)> = None;
    for (i, e) in dossier.records.clock_events.iter().enumerate() {
        if !dossier.period.contains(e.date) {
            anomalies.push(outside(
                &e.id,
                e.date,
                &format!("records.clock_events[{i}]"),
            ));
        } else if scope.period().contains(e.date) {
            let person = e.person.as_str();
            if run.as_ref().is_none_or(|(p, _)| *p != person) {
                if let Some((p, days)) = run.take() {
                    clocks.insert(p, days);
                }
                run = Some((person, clocks.remove(person).unwrap_or_default()));
            }
            if let Some((_, days)) = run.as_mut() {
                days.entry(e.date).or_default().push(e);
            }
        }
    }
    if let Some((p, days)) = run {
        clocks.insert(p, days);
    }
    clocks
}

/// A leave that lies wholly in the period (where the calendar is known) and covers no working
/// day (3.3).
fn leave_anomalies(scope: &Scope<'_>, anomalies: &mut Vec<Anomaly>) {
    let period = scope.period();
    for l in &scope.dossier().records.leave {
        let range = DateRange::new(l.from, l.to);
        if range.intersect(&period) == Some(range) && !range.days().any(|d| scope.is_working(d)) {
            anomalies.push(Anomaly {
                kind: AnomalyKind::LeaveOnRestDaysOnly,
                clause: "3.3".to_owned(),
                message: format!(
                    "leave `{}` of `{}` ({}, `{}`–`{}`) covers no working day",
                    l.id,
                    l.person,
                    l.kind.label_zh(),
                    l.from,
                    l.to
                ),
                record: l.id.clone(),
                date: Some(l.from),
                person: Some(l.person.clone()),
            });
        }
    }
}

/// Which communities, and which of their months, keep clock records (3.3): a community that
/// keeps none for the period has its attendance not taken, rather than every worker classed
/// absent (a platform may send no clock data at all); within a period that has clock records,
/// a month in which the community has none is a month in which attendance was not taken
/// (未采集): its days are not classed.
struct Recorded<'a> {
    communities: BTreeSet<&'a str>,
    months: BTreeSet<(&'a str, (i32, u32))>,
}

fn month_of(d: Date) -> (i32, u32) {
    (d.year(), d.month())
}

impl<'a> Recorded<'a> {
    fn of(scope: &Scope<'a>, clocks: &Clocks<'a>, anomalies: &mut Vec<Anomaly>) -> Self {
        let index = scope.index();
        let period = scope.period();
        let mut recorded = Recorded {
            communities: BTreeSet::new(),
            months: BTreeSet::new(),
        };
        for (person, days) in clocks {
            if let Some(p) = index.person(person) {
                recorded.communities.insert(p.community.as_str());
                // The days are in order: a month is noted once, where it starts.
                let mut last = None;
                for d in days.keys() {
                    let month = month_of(*d);
                    if last != Some(month) {
                        recorded.months.insert((p.community.as_str(), month));
                        last = Some(month);
                    }
                }
            }
        }
        let communities = &scope.dossier().organisation.communities;
        for c in communities {
            if !recorded.communities.contains(c.id.as_str()) {
                anomalies.push(Anomaly {
                    kind: AnomalyKind::NoClockRecords,
                    clause: "3.3".to_owned(),
                    message: format!(
                        "community `{}` has no clock records in `{period}`: attendance is not taken",
                        c.id
                    ),
                    record: c.id.clone(),
                    date: None,
                    person: None,
                });
            }
        }
        for c in communities {
            if !recorded.communities.contains(c.id.as_str()) {
                continue;
            }
            let mine = scope.workers_of(&c.id);
            for month in PeriodKind::Month.instances(period) {
                // Only a month in which some worker of the community is on a grid is worth saying.
                let staffed = mine
                    .iter()
                    .any(|p| month.days().any(|d| scope.is_assigned(&p.id, d)));
                if staffed && !recorded.has_month(&c.id, month.from) {
                    anomalies.push(Anomaly {
                        kind: AnomalyKind::NoClockRecords,
                        clause: "3.3".to_owned(),
                        message: format!(
                            "community `{}` has no clock records in `{month}`: attendance is not taken that month (未采集)",
                            c.id
                        ),
                        record: c.id.clone(),
                        date: Some(month.from),
                        person: None,
                    });
                }
            }
        }
        recorded
    }

    fn has_month(&self, community: &str, date: Date) -> bool {
        self.months.contains(&(community, month_of(date)))
    }
}

/// Each classed day's clock reading, by person, then by day.
pub(crate) type ClockDays<'a> = BTreeMap<&'a str, BTreeMap<Date, ClockDay>>;

/// Every grid worker's days of the months with clock records (3.3, 3.6.1), by person
/// (organisation order) then date; the clock events used are taken out of `clocks`.
fn classify_days<'a>(
    scope: &Scope<'a>,
    recorded: &Recorded<'a>,
    clocks: &mut Clocks<'a>,
    anomalies: &mut Vec<Anomaly>,
    detail: DayDetail,
) -> Result<(Vec<AttendanceDay>, ClockDays<'a>), Error> {
    let ap = &scope.policy().document().attendance;
    let mut problems = Vec::new();
    // The working hours of a (community, day) are judged once: every worker of the community
    // would find the same problem that day.
    let mut hours_judged: BTreeSet<(&str, Date)> = BTreeSet::new();
    let mut days = Vec::new();
    let mut clock_days = BTreeMap::new();
    for p in scope.workers() {
        if !recorded.communities.contains(p.community.as_str()) {
            continue;
        }
        // The person's days, looked up once; whether a month has clock records, once a month.
        let person_days = scope.days_of(&p.id).unwrap_or_default();
        let mut events_of = clocks.get_mut(p.id.as_str());
        let mut clock_of = BTreeMap::new();
        let mut month_recorded = None;
        for (i, d) in scope.period().days().enumerate() {
            let month = month_of(d);
            let recorded_month = match month_recorded {
                Some((m, yes)) if m == month => yes,
                _ => {
                    let yes = recorded.has_month(&p.community, d);
                    month_recorded = Some((month, yes));
                    yes
                }
            };
            if !recorded_month {
                continue;
            }
            let events = events_of
                .as_mut()
                .and_then(|m| m.remove(&d))
                .unwrap_or_default();
            let day = person_days.get(i).copied().unwrap_or_default();
            if !day.assigned {
                if let Some(first) = events.first() {
                    anomalies.push(not_assigned(first));
                }
                continue;
            }
            let is_working = scope.is_working(d);
            let hours = if is_working {
                match ap.hours_on(&p.community, d) {
                    Ok(h) => Some(h),
                    Err(problem) => {
                        if hours_judged.insert((p.community.as_str(), d)) {
                            problems.push(problem);
                        }
                        None
                    }
                }
            } else {
                None
            };
            let input = DayInput {
                person: &p.id,
                community: &p.community,
                date: d,
                working: is_working,
                hours,
                leave: day.leave,
                duty: day.duty,
                events,
                detail,
            };
            if let Some((day, clock)) = daily::classify(ap, &input, anomalies) {
                days.push(day);
                clock_of.insert(d, clock);
            }
        }
        if !clock_of.is_empty() {
            clock_days.insert(p.id.as_str(), clock_of);
        }
    }
    Error::check(problems)?;
    Ok((days, clock_days))
}

/// The notices of criticism of the period's spot checks (3.4).
fn read_spot_checks(
    scope: &Scope<'_>,
    clock_days: &ClockDays<'_>,
    anomalies: &mut Vec<Anomaly>,
) -> Vec<Notice> {
    let ap = &scope.policy().document().attendance;
    let dossier = scope.dossier();
    let mut notices = Vec::new();
    let ctx = spot::SpotContext {
        scope,
        responsible: ap.responsible_person.value,
        contradicted_counts: ap.contradicted_notice_counts.value,
        clock: clock_days,
    };
    for (i, s) in dossier.records.spot_checks.iter().enumerate() {
        if !dossier.period.contains(s.date) {
            anomalies.push(outside(&s.id, s.date, &format!("records.spot_checks[{i}]")));
        } else if scope.period().contains(s.date) {
            spot::read_check(&ctx, s, &mut notices, anomalies);
        }
    }
    notices
}

/// The conduct incidents of the period under the clause each breaks (3.6.1–3.6.5), by date.
fn read_conduct(scope: &Scope<'_>, anomalies: &mut Vec<Anomaly>) -> Vec<ConductFinding> {
    let dossier = scope.dossier();
    let mut conduct = Vec::new();
    for (i, c) in dossier.records.conduct_incidents.iter().enumerate() {
        if !dossier.period.contains(c.date) {
            anomalies.push(outside(
                &c.id,
                c.date,
                &format!("records.conduct_incidents[{i}]"),
            ));
            continue;
        }
        if !scope.period().contains(c.date) {
            continue;
        }
        let name = scope
            .index()
            .person(&c.person)
            .map(|p| p.name.as_str())
            .unwrap_or("");
        conduct.push(ConductFinding {
            record: c.id.clone(),
            person: c.person.clone(),
            date: c.date,
            kind: c.kind,
            clause: c.kind.clause().to_owned(),
            text_zh: format!(
                "{} 网格员{}（{}）{}，违反第{}条：{}",
                c.date,
                name,
                c.person,
                c.kind.label_zh(),
                c.kind.clause(),
                c.description
            ),
        });
    }
    conduct.sort_by(|a, b| (a.date, &a.record).cmp(&(b.date, &b.record)));
    conduct
}

/// Counts per person over any range, from the days, notices and conduct indexed by person once
/// (each person's days are in date order), so no count scans the whole community.
struct Counter<'r> {
    days: BTreeMap<&'r str, &'r [AttendanceDay]>,
    notices: BTreeMap<(&'r str, NoticeRecipient), Vec<Date>>,
    conduct: BTreeMap<&'r str, Vec<&'r ConductFinding>>,
}

impl<'r> Counter<'r> {
    fn new(
        days: &'r [AttendanceDay],
        notices: &'r [Notice],
        conduct: &'r [ConductFinding],
    ) -> Self {
        let mut by_person: BTreeMap<&str, &[AttendanceDay]> = BTreeMap::new();
        for run in days.chunk_by(|a, b| a.person == b.person) {
            if let Some(first) = run.first() {
                by_person.insert(first.person.as_str(), run);
            }
        }
        let mut by_recipient: BTreeMap<(&str, NoticeRecipient), Vec<Date>> = BTreeMap::new();
        for n in notices.iter().filter(|n| n.counted) {
            by_recipient
                .entry((n.recipient.as_str(), n.recipient_role))
                .or_default()
                .push(n.date);
        }
        for dates in by_recipient.values_mut() {
            dates.sort();
        }
        let mut conduct_of: BTreeMap<&str, Vec<&ConductFinding>> = BTreeMap::new();
        for c in conduct {
            conduct_of.entry(c.person.as_str()).or_default().push(c);
        }
        Counter {
            days: by_person,
            notices: by_recipient,
            conduct: conduct_of,
        }
    }

    /// The person's classed days within `range`.
    fn days_in(&self, person: &str, range: DateRange) -> &'r [AttendanceDay] {
        let all = self.days.get(person).copied().unwrap_or_default();
        let start = all.partition_point(|d| d.date < range.from);
        let end = all.partition_point(|d| d.date <= range.to);
        all.get(start..end).unwrap_or_default()
    }

    fn notices(&self, person: &str, role: NoticeRecipient, range: DateRange) -> u32 {
        let dates = self
            .notices
            .get(&(person, role))
            .map_or(&[][..], Vec::as_slice);
        let n = dates
            .partition_point(|d| *d <= range.to)
            .saturating_sub(dates.partition_point(|d| *d < range.from));
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    fn counts(&self, person: &str, range: DateRange) -> AttendanceCounts {
        let mut counts = AttendanceCounts::default();
        for d in self.days_in(person, range) {
            counts.add_day(d);
        }
        counts.notices = self.notices(person, NoticeRecipient::Worker, range);
        let conduct = self.conduct.get(person).map_or(0, |list| {
            list.iter().filter(|c| range.contains(c.date)).count()
        });
        counts.conduct = u32::try_from(conduct).unwrap_or(u32::MAX);
        counts
    }

    fn conduct_by_clause(&self, person: &str) -> BTreeMap<String, u32> {
        let mut by_clause: BTreeMap<String, u32> = BTreeMap::new();
        for c in self.conduct.get(person).into_iter().flatten() {
            *by_clause.entry(c.clause.clone()).or_default() += 1;
        }
        by_clause
    }
}

/// Each community's monthly report (3.3): a row for each worker with a classed day that month.
fn monthly_reports(
    scope: &Scope<'_>,
    recorded: &Recorded<'_>,
    counter: &Counter<'_>,
) -> Vec<MonthlyReport> {
    let mut months = Vec::new();
    for c in &scope.dossier().organisation.communities {
        for month in PeriodKind::Month.instances(scope.period()) {
            let mut rows = Vec::new();
            let mut totals = AttendanceCounts::default();
            for p in scope.workers_of(&c.id) {
                if counter.days_in(&p.id, month).is_empty() {
                    continue;
                }
                let counts = counter.counts(&p.id, month);
                totals.merge(&counts);
                rows.push(MonthlyRow {
                    person: p.id.clone(),
                    name: p.name.clone(),
                    counts,
                });
            }
            months.push(MonthlyReport {
                clause: "3.3".to_owned(),
                collected: recorded.has_month(&c.id, month.from),
                community: c.id.clone(),
                name: c.name.clone(),
                month: format!("{:04}-{:02}", month.from.year(), month.from.month()),
                period: month,
                rows,
                totals,
            });
        }
    }
    months
}

fn outside(id: &str, date: Date, path: &str) -> Anomaly {
    Anomaly {
        kind: AnomalyKind::OutsidePeriod,
        clause: "3.3".to_owned(),
        message: format!(
            "record `{id}` at `{path}` of `{date}` is outside the dossier's period and is not used"
        ),
        record: id.to_owned(),
        date: Some(date),
        person: None,
    }
}

fn not_assigned(e: &ClockEvent) -> Anomaly {
    Anomaly::of_event(
        AnomalyKind::NotAssigned,
        e,
        format!(
            "`{}` has clock events on `{}` but is not a grid worker assigned to a grid that day; they are not used",
            e.person, e.date
        ),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::{Policy, sample};

    /// The counts-only report the assessment reads (3.3, 3.4, 3.6, 4.1) equals the full one but
    /// for the days' clauses, working hours, community and evidence: on the sample, on the
    /// attendance boundary dossier under each attendance policy of the shared cases (grace,
    /// local rule counting lateness as absence, notices not counted), and on a year with rest-
    /// day duty and leave.
    #[test]
    fn clause_3_3_counts_only_days_keep_every_count_of_the_full_report() {
        let inputs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases/inputs");
        let read = |name: &str| std::fs::read_to_string(inputs.join(name)).unwrap();
        let boundary = Dossier::from_json(&read("attendance-boundary.dossier.json")).unwrap();
        let late_early = Dossier::from_json(&read("attendance-late-early.dossier.json")).unwrap();
        let mut policies = vec![Policy::xincheng_2022()];
        for name in [
            "attendance-constant.policy.json",
            "attendance-local-rule.policy.json",
            "attendance-notice-not-counted.policy.json",
        ] {
            policies.push(Policy::from_json(&read(name)).unwrap());
        }
        let mut compared = 0;
        let mut seen = std::collections::BTreeSet::new();
        for policy in &policies {
            for dossier in [&sample::community_2023(), &boundary, &late_early] {
                let Ok(scope) = Scope::new(policy, dossier, dossier.period) else {
                    continue;
                };
                let full = evaluate_in(&scope).unwrap();
                let counts = counts_in(&scope).unwrap();
                let mut stripped = full.clone();
                for d in &mut stripped.days {
                    d.clauses.clear();
                    d.hours = None;
                    d.community.clear();
                    d.evidence.clear();
                }
                assert_eq!(counts, stripped);
                assert!(full.days.iter().any(|d| !d.evidence.is_empty()));
                for d in &counts.days {
                    seen.insert(format!("{:?}", d.class));
                    if d.late_as_absent_half_days > 0 {
                        seen.insert("converted by a local rule".to_owned());
                    }
                }
                compared += 1;
            }
        }
        assert_eq!(compared, 12, "policy × dossier pairs compared");
        for kind in [
            "OnLeave",
            "OfficialBusiness",
            "RestDayDuty",
            "Late",
            "Absent",
            "converted by a local rule",
        ] {
            assert!(
                seen.contains(kind),
                "no day of kind {kind} compared: {seen:?}"
            );
        }
    }
}
