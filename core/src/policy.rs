//! Policy documents: the obligations of the measures as data, with every open value named.
//!
//! A policy has an ID, a version, the dates it is in force, the document it implements, its
//! parameters (each open value of CLAUSES.md with the clause it interprets and a note saying it
//! is a local choice), calendar additions, and a catalogue of obligations. The default policy,
//! `xincheng-2022`, is embedded ([`Policy::xincheng_2022`]) and used with zero configuration.

pub mod assessment;
pub mod attendance;
pub mod choice;
pub mod confidentiality;
pub mod evidence;

use crate::calendar::{Calendar, CalendarExtension};
use crate::clause::ClauseId;
use crate::error::{Error, ErrorKind, Problem};
use crate::records::musts::{MustCheck, MustDo, MustVisit};
use crate::time::{Date, DateRange, PeriodKind};
pub use choice::Choice;
use choice::check_choice;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

const XINCHENG_2022: &str = include_str!("../data/xincheng-2022.policy.json");

/// A policy document as written in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyDocument {
    /// Stable ID, such as `xincheng-2022`.
    pub id: String,
    /// Version of this policy, such as `1.0.0`.
    pub version: String,
    /// First day in force.
    pub effective_from: Date,
    /// Last day in force; absent while in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<Date>,
    /// The measures this policy implements.
    pub source: Source,
    /// Values the measures leave open, each with its clause and a note.
    pub parameters: Parameters,
    /// Additions to the national working-day calendar.
    #[serde(default, skip_serializing_if = "is_default")]
    pub calendar: CalendarExtension,
    /// Open values of the evidence rules (2.1.2, 2.1.4, 2.1.7, 2.1.8, 2.2.2); the
    /// xincheng-2022 values when absent.
    #[serde(default)]
    pub evidence: evidence::EvidencePolicy,
    /// The obligations checked by the compliance report.
    pub obligations: Vec<Obligation>,
    /// The scoring scheme of the annual assessment (4.1); a policy without one can evaluate
    /// compliance but not grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<assessment::Scheme>,
    /// Working hours and the open values of attendance (3.3, 3.4, 3.6.1); the Xincheng
    /// defaults when absent.
    #[serde(default)]
    pub attendance: attendance::AttendancePolicy,
    /// Open values of confidentiality and disclosure (2.2.5): approval validity, the
    /// functional departments and which is relevant for which data; the Xincheng defaults when
    /// absent.
    #[serde(default)]
    pub confidentiality: confidentiality::ConfidentialityPolicy,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// The document a policy implements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title, such as 新城街道网格员工作管理办法.
    pub title: String,
    /// Document number, such as 通经技新街党发〔2022〕64号.
    pub document_number: String,
    /// Issuing body.
    pub issued_by: String,
    /// Date of issue.
    pub issued_on: Date,
}

/// Policy-wide open values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parameters {
    /// Which days "每天" (every day) means for daily duties (2.2.2, 2.2.3, 2.2.6).
    pub daily_duty_days: Choice<DailyDutyDays>,
    /// How many grids one grid worker may hold at a time (1.1); more than one is 兼任, and the
    /// daily duties are then judged across the worker's grids (2.2.2). The Xincheng value, 1,
    /// when absent: a second, overlapping assignment is then refused as `overlap`.
    #[serde(default = "one_grid_per_worker")]
    pub grids_per_worker: Choice<u32>,
}

/// The Xincheng value of `grids_per_worker`: one grid per worker at a time.
pub fn one_grid_per_worker() -> Choice<u32> {
    Choice {
        value: 1,
        clause: "1.1".into(),
        note: "local choice: the measures (1.1, 1.2) do not say whether one worker may hold more than one grid (兼任); xincheng-2022 keeps one grid per worker at a time and refuses overlapping assignments. A policy allowing 兼任 sets the number of grids; the daily duties are then judged across the worker's grids: the inspection minutes summed over them, presence in each grid, the must-visit groups of each grid visited there (2.2.2)"
            .into(),
    }
}

/// Which days daily duties fall on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DailyDutyDays {
    /// The community's working days only: a rest day with a duty shift at the service centre
    /// owes the 3.6.6 duties of the shift, not the daily grid duties (the Xincheng default).
    WorkingDays,
    /// Working days, plus any rest day the person has a duty shift (the daily grid duties then
    /// fall on that day as well as the 3.6.6 duties).
    WorkingDaysAndDutyDays,
    /// Every calendar day.
    EveryDay,
}

/// An open value fixed inside one obligation (its period, a deadline), noted as a local choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalChoice {
    /// The obligation's field holding the value: `period`, or `requirement.<field>`.
    pub field: String,
    /// The clause it interprets.
    #[schemars(with = "ClauseId")]
    pub clause: String,
    /// Why: says it is a local choice, not text of the measures.
    pub note: String,
}

/// Whom an obligation binds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Binds {
    /// The community's grid leader (网格长).
    GridLeader,
    /// Each grid worker (网格员).
    GridWorker,
    /// The community as a body (社区 / 社区党组织).
    Community,
}

impl Binds {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Binds::GridLeader => "网格长",
            Binds::GridWorker => "网格员",
            Binds::Community => "社区",
        }
    }
}

/// One duty of the measures, checkable from the records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    /// Stable ID, unique in the policy.
    pub id: String,
    /// The clause it enforces.
    #[schemars(with = "ClauseId")]
    pub clause: String,
    /// Chinese title.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
    /// Whom it binds.
    pub binds: Binds,
    /// How often it recurs.
    pub period: PeriodKind,
    /// What it asks.
    pub requirement: Requirement,
    /// First day in force (the policy's when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<Date>,
    /// Last day in force (the policy's when absent): a later version retires a duty here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<Date>,
    /// Open values fixed in this obligation, each noted as a local choice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_choices: Vec<LocalChoice>,
    /// The duty of 2.1 that this working rule serves, when it is another clause than its own:
    /// the 防疫情 tick of 2.2.2's 五必做 serves 2.1.10 (疫情防控组织员).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<ClauseId>")]
    pub serves: Option<String>,
}

/// What an obligation asks, per period instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Requirement {
    /// Present in an assigned grid: a work record there with a patrol or a visit (2.2.2).
    PresenceInGrid,
    /// Inspection of at least `minimum` minutes (2.2.2: 两小时以上 = at least 120).
    PatrolMinutes {
        /// Minimum minutes, inclusive.
        minimum: i64,
        /// Whether the day's sessions are summed or only the longest counts.
        summing: PatrolSumming,
    },
    /// These must-checks ticked (五必查, 2.2.2).
    MustChecks {
        /// Items required.
        items: Vec<MustCheck>,
    },
    /// These must-dos ticked (五必做, 2.2.2).
    MustDos {
        /// Items required.
        items: Vec<MustDo>,
    },
    /// Each of these groups present in the grid visited at least once (五必访, 2.2.2).
    MustVisits {
        /// Groups required (those absent from a grid are not required there).
        groups: Vec<MustVisit>,
    },
    /// At least `minimum` records of a kind in the period.
    RecordCount {
        /// The record counted.
        record: CountedRecord,
        /// Minimum count, inclusive.
        minimum: i64,
        /// The weekday the meeting is usually held (2.2.3: 一般周一); informative only — a
        /// meeting on another day of the period still counts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        usual_weekday: Option<WeekdayName>,
    },
    /// The community Party secretary reviews each grid worker's study notebook with a comment
    /// at least `minimum` times in the period (3.5: 社区书记每月审阅学习笔记并点评). A duty of the
    /// secretary (网格长 = 社区党组织书记, 1.1): it binds the grid leader, one finding per period
    /// naming the workers not reviewed; only reviews by that secretary count.
    NotebookReviewOfEachWorker {
        /// Reviews of each worker in the period, inclusive.
        minimum: i64,
    },
    /// Each duty shift has a duty log and a handover (3.6.6).
    DutyShiftComplete,
    /// Each task assigned from above and due in the period done by its due date (2.1.11); one
    /// finding per task.
    AssignedTasksOnTime,
    /// Each change of the community's grid division in the period reported to the leading
    /// group (1.2 报至街道网格化治理工作领导小组); one finding per changed division.
    DivisionChangesFiled,
    /// On leaving a grid, a handover record within `within_days` days of the last day (2.2.1).
    HandoverOnLeaving {
        /// Days after the assignment's last day by which the handover is due (inclusive).
        within_days: i64,
        /// Whether the handover must record that residents were told.
        residents_notified: bool,
    },
}

/// How a day's inspection minutes are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PatrolSumming {
    /// All sessions of the day added up.
    SummedOverDay,
    /// Only the longest single session.
    LongestSession,
}

/// Records an obligation can count.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CountedRecord {
    /// A daily work record (2.2.6).
    WorkRecord,
    /// A dispatch meeting of the community convened by its grid leader (2.1.0); one convened by
    /// anyone else is not counted.
    DispatchMeeting,
    /// A morning meeting of the community (2.2.3).
    MorningMeeting,
    /// A weekly meeting of the community (2.2.3).
    WeeklyMeeting,
    /// A quarterly joint meeting of the community (2.2.3).
    QuarterlyJointMeeting,
    /// A security patrol the person took part in (2.1.4).
    SecurityPatrol,
    /// A red-grid service the person organised (2.2.2).
    RedGridService,
    /// A group study held by the community (3.5).
    GroupStudy,
    /// A group study the person attended (3.5).
    GroupStudyAttendance,
    /// A self-study entry of the person (3.5).
    SelfStudy,
    /// A review of the person's study notebook with a comment, by the community Party
    /// secretary (3.5); a review by anyone else is not counted.
    NotebookReview,
    /// An activity managing or serving the grid's Party members the person carried out (2.1.1).
    PartyMemberActivity,
    /// A publicity activity the person carried out (2.1.3).
    PublicityActivity,
    /// An emergency or major task the person took part in (2.1.6).
    EmergencyTaskActivity,
    /// An activity mobilising residents the person carried out (2.1.9).
    ResidentMobilisationActivity,
}

impl CountedRecord {
    /// True for records held by the community as a body.
    pub fn is_community_record(self) -> bool {
        matches!(
            self,
            CountedRecord::DispatchMeeting
                | CountedRecord::MorningMeeting
                | CountedRecord::WeeklyMeeting
                | CountedRecord::QuarterlyJointMeeting
                | CountedRecord::GroupStudy
        )
    }

    /// The community record a person's record is attendance of: when the community held none
    /// in a period, there was nothing to attend (3.5: no group study, no attendance due).
    pub fn held_by_community(self) -> Option<CountedRecord> {
        match self {
            CountedRecord::GroupStudyAttendance => Some(CountedRecord::GroupStudy),
            _ => None,
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            CountedRecord::WorkRecord => "工作记录",
            CountedRecord::DispatchMeeting => "调度会",
            CountedRecord::MorningMeeting => "晨会",
            CountedRecord::WeeklyMeeting => "每周例会",
            CountedRecord::QuarterlyJointMeeting => "季度联席会议",
            CountedRecord::SecurityPatrol => "治安巡逻",
            CountedRecord::RedGridService => "红色网格服务",
            CountedRecord::GroupStudy => "集中学习",
            CountedRecord::GroupStudyAttendance => "参加集中学习",
            CountedRecord::SelfStudy => "自学",
            CountedRecord::NotebookReview => "学习笔记审阅",
            CountedRecord::PartyMemberActivity => "党员教育管理服务（2.1.1）",
            CountedRecord::PublicityActivity => "宣传活动（2.1.3）",
            CountedRecord::EmergencyTaskActivity => "应急处置与重大任务（2.1.6）",
            CountedRecord::ResidentMobilisationActivity => "动员群众（2.1.9）",
        }
    }
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WeekdayName {
    /// 周一.
    Monday,
    /// 周二.
    Tuesday,
    /// 周三.
    Wednesday,
    /// 周四.
    Thursday,
    /// 周五.
    Friday,
    /// 周六.
    Saturday,
    /// 周日.
    Sunday,
}

impl WeekdayName {
    /// The chrono weekday.
    pub fn weekday(self) -> chrono::Weekday {
        use chrono::Weekday::*;
        match self {
            WeekdayName::Monday => Mon,
            WeekdayName::Tuesday => Tue,
            WeekdayName::Wednesday => Wed,
            WeekdayName::Thursday => Thu,
            WeekdayName::Friday => Fri,
            WeekdayName::Saturday => Sat,
            WeekdayName::Sunday => Sun,
        }
    }
}

/// A checked policy, ready to evaluate with: the document and its working-day calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    document: PolicyDocument,
    calendar: Calendar,
}

impl Policy {
    /// The embedded default policy: the Xincheng 2022 measures with documented local choices.
    ///
    /// ```
    /// let policy = wangge::Policy::xincheng_2022();
    /// assert_eq!(policy.document().id, "xincheng-2022");
    /// assert!(policy.document().obligations.iter().any(|o| o.clause == "2.2.2"));
    /// ```
    pub fn xincheng_2022() -> Policy {
        static DEFAULT: std::sync::OnceLock<Policy> = std::sync::OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                #[expect(
                    clippy::expect_used,
                    reason = "embedded at build time; a unit test parses and validates it"
                )]
                Policy::from_json(XINCHENG_2022).expect("the embedded default policy is valid")
            })
            .clone()
    }

    /// Checks a policy document, reporting every problem at once.
    pub fn from_document(document: PolicyDocument) -> Result<Policy, Error> {
        let mut problems = document.validate();
        let calendar = match Calendar::with_extension(&document.calendar, "calendar") {
            Ok(c) => Some(c),
            Err(e) => {
                problems.extend(e.problems().iter().cloned());
                None
            }
        };
        Error::check(problems)?;
        match calendar {
            Some(calendar) => Ok(Policy { document, calendar }),
            None => Err(Problem::new(ErrorKind::InvalidPolicy, "calendar is invalid").into()),
        }
    }

    /// The policy document.
    pub fn document(&self) -> &PolicyDocument {
        &self.document
    }

    /// The working-day calendar under this policy.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The document as pretty JSON (round-trips through [`Policy::from_json`]).
    pub fn to_json(&self) -> String {
        crate::to_json_pretty(&self.document)
    }

    /// The obligation with this ID.
    pub fn obligation(&self, id: &str) -> Option<&Obligation> {
        self.document.obligations.iter().find(|o| o.id == id)
    }

    /// The range an obligation is in force, within the policy's own force.
    pub fn obligation_force(&self, o: &Obligation) -> DateRange {
        let far = Date::from_ymd(9999, 12, 31).unwrap_or(self.document.effective_from);
        let from = o
            .effective_from
            .unwrap_or(self.document.effective_from)
            .max(self.document.effective_from);
        let policy_to = self.document.effective_to.unwrap_or(far);
        let to = o.effective_to.unwrap_or(policy_to).min(policy_to);
        DateRange::new(from, to)
    }
}

impl PolicyDocument {
    /// Every problem with this document (empty when valid).
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.check_head(&mut problems);
        problems.extend(self.evidence.validate("evidence"));
        problems.extend(self.attendance.validate("attendance"));
        problems.extend(self.confidentiality.validate("confidentiality"));
        let mut ids = BTreeSet::new();
        for (i, o) in self.obligations.iter().enumerate() {
            let here = format!("obligations[{i}]");
            if o.id.trim().is_empty() {
                problems.push(invalid(
                    "obligation `id` is empty".into(),
                    format!("{here}.id"),
                ));
            } else if !ids.insert(o.id.as_str()) {
                problems.push(
                    Problem::new(
                        ErrorKind::DuplicateId,
                        format!("obligation ID `{}` is used twice", o.id),
                    )
                    .at(format!("{here}.id"))
                    .record(&o.id),
                );
            }
            o.validate(&here, &mut problems);
        }
        if let Some(scheme) = &self.assessment {
            scheme.validate(&mut problems);
        }
        problems
    }

    /// The document's own fields: its ID, version and dates, and its parameters.
    fn check_head(&self, problems: &mut Vec<Problem>) {
        if self.id.trim().is_empty() {
            problems.push(invalid("policy `id` is empty".into(), "id".into()));
        }
        if self.version.trim().is_empty() {
            problems.push(invalid(
                "policy `version` is empty".into(),
                "version".into(),
            ));
        }
        if let Some(to) = self.effective_to {
            if to < self.effective_from {
                problems.push(
                    Problem::new(
                        ErrorKind::InvalidTime,
                        format!(
                            "policy ends on `{to}` before it starts on `{}`",
                            self.effective_from
                        ),
                    )
                    .at("effective_to")
                    .on(to),
                );
            }
        }
        check_choice(
            &self.parameters.daily_duty_days.clause,
            &self.parameters.daily_duty_days.note,
            "parameters.daily_duty_days",
            problems,
        );
        check_choice(
            &self.parameters.grids_per_worker.clause,
            &self.parameters.grids_per_worker.note,
            "parameters.grids_per_worker",
            problems,
        );
        if self.parameters.grids_per_worker.value == 0 {
            problems.push(invalid(
                "`grids_per_worker` must be at least 1".into(),
                "parameters.grids_per_worker.value".into(),
            ));
        }
    }
}

impl Obligation {
    /// Every problem with this obligation at `here` but its ID: its clauses, dates, local
    /// choices and requirement.
    fn validate(&self, here: &str, problems: &mut Vec<Problem>) {
        let o = self;
        if ClauseId::new(&o.clause).is_none() {
            problems.push(
                Problem::new(
                    ErrorKind::UnknownClause,
                    format!("`{}` is not a clause of the measures", o.clause),
                )
                .at(format!("{here}.clause"))
                .record(&o.id),
            );
        }
        if let Some(serves) = o.serves.as_deref().filter(|c| ClauseId::new(c).is_none()) {
            problems.push(
                Problem::new(
                    ErrorKind::UnknownClause,
                    format!("`{serves}` is not a clause of the measures"),
                )
                .at(format!("{here}.serves"))
                .record(&o.id),
            );
        }
        if let (Some(from), Some(to)) = (o.effective_from, o.effective_to) {
            if to < from {
                problems.push(
                    Problem::new(
                        ErrorKind::InvalidTime,
                        format!(
                            "obligation `{}` ends on `{to}` before it starts on `{from}`",
                            o.id
                        ),
                    )
                    .at(format!("{here}.effective_to"))
                    .record(&o.id),
                );
            }
        }
        for (j, c) in o.local_choices.iter().enumerate() {
            let at = format!("{here}.local_choices[{j}]");
            check_choice(&c.clause, &c.note, &at, problems);
            if !o.has_field(&c.field) {
                problems.push(invalid(
                    format!("obligation `{}` has no field `{}`", o.id, c.field),
                    format!("{at}.field"),
                ));
            }
        }
        self.validate_requirement(here, problems);
    }
}

/// A problem with the policy at `path`.
fn invalid(msg: String, path: String) -> Problem {
    Problem::new(ErrorKind::InvalidPolicy, msg).at(path)
}

impl Obligation {
    fn has_field(&self, field: &str) -> bool {
        match field {
            "period" => true,
            "requirement.minimum" => matches!(
                self.requirement,
                Requirement::PatrolMinutes { .. }
                    | Requirement::RecordCount { .. }
                    | Requirement::NotebookReviewOfEachWorker { .. }
            ),
            "requirement.summing" => matches!(self.requirement, Requirement::PatrolMinutes { .. }),
            "requirement.usual_weekday" => {
                matches!(self.requirement, Requirement::RecordCount { .. })
            }
            "requirement.within_days" | "requirement.residents_notified" => {
                matches!(self.requirement, Requirement::HandoverOnLeaving { .. })
            }
            "requirement.groups" => matches!(self.requirement, Requirement::MustVisits { .. }),
            "requirement.items" => matches!(
                self.requirement,
                Requirement::MustChecks { .. } | Requirement::MustDos { .. }
            ),
            _ => false,
        }
    }

    fn validate_requirement(&self, here: &str, problems: &mut Vec<Problem>) {
        self.check_period_and_binds(here, problems);
        self.check_amounts(here, problems);
    }

    /// A problem with this obligation's `field` (under `here`): `obligation `ID` WHY`.
    fn invalid(&self, here: &str, field: &str, why: String) -> Problem {
        Problem::new(ErrorKind::InvalidPolicy, why)
            .at(format!("{here}.{field}"))
            .record(&self.id)
    }

    /// The period and the people each kind of requirement asks for: daily duties on working
    /// days, duties per event each event, the rest any period but each event; a person's
    /// duties bind a person, the division filing its community (1.2), the review of notebooks
    /// the grid leader (3.5, 1.1).
    fn check_period_and_binds(&self, here: &str, problems: &mut Vec<Problem>) {
        use Requirement::*;
        let per_person = matches!(self.binds, Binds::GridWorker | Binds::GridLeader);
        let event = self.period == PeriodKind::EachEvent;
        let period = match &self.requirement {
            PresenceInGrid | PatrolMinutes { .. } | MustChecks { .. } | MustDos { .. } => {
                (self.period != PeriodKind::WorkingDay)
                    .then_some("is daily by nature: its period must be `working_day`")
            }
            DivisionChangesFiled
            | DutyShiftComplete
            | AssignedTasksOnTime
            | HandoverOnLeaving { .. } => {
                (!event).then_some("is per event: its period must be `each_event`")
            }
            MustVisits { .. } | RecordCount { .. } | NotebookReviewOfEachWorker { .. } => {
                event.then_some("cannot have the period `each_event`")
            }
        };
        if let Some(why) = period {
            problems.push(self.invalid(here, "period", format!("obligation `{}` {why}", self.id)));
        }
        let binds = match &self.requirement {
            DivisionChangesFiled => {
                (self.binds != Binds::Community).then_some("binds the community (1.2)")
            }
            NotebookReviewOfEachWorker { .. } => (self.binds != Binds::GridLeader).then_some(
                "is the community Party secretary's duty (3.5, 1.1): it binds `grid_leader`",
            ),
            RecordCount { record, .. } => (!record.is_community_record() && !per_person)
                .then_some("counts a person's records but binds a community"),
            PresenceInGrid
            | PatrolMinutes { .. }
            | MustChecks { .. }
            | MustDos { .. }
            | MustVisits { .. }
            | DutyShiftComplete
            | AssignedTasksOnTime
            | HandoverOnLeaving { .. } => {
                (!per_person).then_some("binds a person, not a community")
            }
        };
        if let Some(why) = binds {
            problems.push(self.invalid(here, "binds", format!("obligation `{}` {why}", self.id)));
        }
    }

    /// The amounts of a requirement: no negative minimum or deadline, no empty list.
    fn check_amounts(&self, here: &str, problems: &mut Vec<Problem>) {
        let mut bad = |why: String, field: &str| problems.push(self.invalid(here, field, why));
        match &self.requirement {
            Requirement::PatrolMinutes { minimum, .. }
            | Requirement::RecordCount { minimum, .. }
            | Requirement::NotebookReviewOfEachWorker { minimum }
                if *minimum < 0 =>
            {
                bad(
                    format!(
                        "obligation `{}` has a negative minimum `{minimum}`",
                        self.id
                    ),
                    "requirement.minimum",
                );
            }
            Requirement::HandoverOnLeaving { within_days, .. } if *within_days < 0 => {
                bad(
                    format!(
                        "obligation `{}` has a negative deadline `{within_days}` days",
                        self.id
                    ),
                    "requirement.within_days",
                );
            }
            Requirement::MustChecks { items } if items.is_empty() => bad(
                format!("obligation `{}` requires no item", self.id),
                "requirement.items",
            ),
            Requirement::MustDos { items } if items.is_empty() => bad(
                format!("obligation `{}` requires no item", self.id),
                "requirement.items",
            ),
            Requirement::MustVisits { groups } if groups.is_empty() => bad(
                format!("obligation `{}` requires no group", self.id),
                "requirement.groups",
            ),
            _ => {}
        }
    }
}

/// The policy a report was computed under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PolicyRef {
    /// Policy ID.
    pub id: String,
    /// Policy version.
    pub version: String,
}

impl Default for evidence::EvidencePolicy {
    /// The xincheng-2022 values (each noted in the embedded policy as a local choice).
    fn default() -> Self {
        Policy::xincheng_2022().document().evidence.clone()
    }
}

impl Default for attendance::AttendancePolicy {
    /// The xincheng-2022 values (each noted in the embedded policy as a local choice): summer
    /// hours 1 May – 30 September, winter hours the rest of the year.
    fn default() -> Self {
        Policy::xincheng_2022().document().attendance.clone()
    }
}

impl Default for confidentiality::ConfidentialityPolicy {
    /// The xincheng-2022 values (each noted in the embedded policy as a local choice).
    fn default() -> Self {
        Policy::xincheng_2022().document().confidentiality.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_default_policy_is_valid_and_round_trips() {
        let policy = Policy::from_json(XINCHENG_2022).unwrap();
        let again = Policy::from_json(&policy.to_json()).unwrap();
        assert_eq!(policy, again);
    }

    #[test]
    fn the_default_grids_per_worker_is_the_embedded_policys() {
        let embedded = Policy::from_json(XINCHENG_2022).unwrap();
        assert_eq!(
            embedded.document().parameters.grids_per_worker,
            one_grid_per_worker()
        );
    }

    #[test]
    fn validation_reports_every_problem_at_once() {
        let mut doc = Policy::xincheng_2022().document().clone();
        doc.obligations[1].id = doc.obligations[0].id.clone();
        doc.obligations[2].clause = "9.9".into();
        if let Requirement::PatrolMinutes { minimum, .. } = &mut doc.obligations[3].requirement {
            *minimum = -5;
        }
        doc.effective_to = Date::from_ymd(2020, 1, 1);
        let err = Policy::from_document(doc).unwrap_err();
        let kinds: Vec<ErrorKind> = err.problems().iter().map(|p| p.kind).collect();
        assert!(kinds.contains(&ErrorKind::DuplicateId), "{kinds:?}");
        assert!(kinds.contains(&ErrorKind::UnknownClause), "{kinds:?}");
        assert!(kinds.contains(&ErrorKind::InvalidTime), "{kinds:?}");
        assert!(kinds.contains(&ErrorKind::InvalidPolicy), "{kinds:?}");
    }
}
