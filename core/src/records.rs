//! The records a community keeps: daily work records with patrols and the "three fives" (2.2.2,
//! 2.2.6), problems found, meetings (2.1.0, 2.2.3), security patrols (2.1.4), red-grid service
//! (2.2.2), study (3.5), duty shifts (3.6.6), handovers (2.2.1) and approved leave.
//!
//! Every record has an ID unique across the dossier, so findings can cite it as evidence.

pub mod attendance;
pub mod evidence;
pub mod ledger;
pub mod musts;
pub mod problem;
pub mod proxy;

use crate::time::{Date, LocalTime};
pub use musts::{MustCheck, MustDo, MustVisit};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// All records of a dossier. Every list may be omitted when empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Records {
    /// Daily work records (网格员工作记录表, 2.2.6) with patrols and the three fives (2.2.2).
    #[serde(default)]
    pub work_records: Vec<WorkRecord>,
    /// Problems found in the grid (2.2.2, 4.1).
    #[serde(default)]
    pub problems: Vec<ProblemFound>,
    /// Proxy-service cases (事项代办, 2.1.8).
    #[serde(default)]
    pub proxy_cases: Vec<ProxyCase>,
    /// Ledger entries (台账, 2.1.2).
    #[serde(default)]
    pub ledger_entries: Vec<LedgerEntry>,
    /// Meetings (2.1.0 dispatch; 2.2.3 morning, weekly, quarterly joint).
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Public-security patrols (治安巡逻防控, 2.1.4).
    #[serde(default)]
    pub security_patrols: Vec<SecurityPatrol>,
    /// Red-grid service activities (红色网格, 2.2.2).
    #[serde(default)]
    pub red_grid_services: Vec<RedGridService>,
    /// Group study sessions with attendance (集中学习, 3.5).
    #[serde(default)]
    pub group_studies: Vec<GroupStudy>,
    /// Self-study entries (自学, 3.5).
    #[serde(default)]
    pub self_studies: Vec<SelfStudy>,
    /// Monthly study-notebook reviews by the community secretary (3.5).
    #[serde(default)]
    pub notebook_reviews: Vec<NotebookReview>,
    /// Duty shifts at the service centre (值班, 3.6.6).
    #[serde(default)]
    pub duty_shifts: Vec<DutyShift>,
    /// Handovers when a worker leaves a grid (工作交接, 2.2.1).
    #[serde(default)]
    pub handovers: Vec<Handover>,
    /// Approved leave, with its kind (3.3).
    #[serde(default)]
    pub leave: Vec<Leave>,
    /// Clock-ins and clock-outs (3.3).
    #[serde(default)]
    pub clock_events: Vec<attendance::ClockEvent>,
    /// Spot checks of attendance by the subdistrict (3.4).
    #[serde(default)]
    pub spot_checks: Vec<attendance::SpotCheck>,
    /// Conduct incidents (3.6.1–3.6.5).
    #[serde(default)]
    pub conduct_incidents: Vec<attendance::ConductIncident>,
    /// Activities of the 2.1 duties 2.1.1, 2.1.3, 2.1.6 and 2.1.9.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<crate::duties::Activity>,
    /// Tasks assigned from above (2.1.11).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assigned_tasks: Vec<crate::duties::AssignedTask>,
}

impl Records {
    /// How many records of every kind together.
    pub(crate) fn count(&self) -> usize {
        let r = self;
        r.work_records.len()
            + r.problems.len()
            + r.proxy_cases.len()
            + r.ledger_entries.len()
            + r.meetings.len()
            + r.security_patrols.len()
            + r.red_grid_services.len()
            + r.group_studies.len()
            + r.self_studies.len()
            + r.notebook_reviews.len()
            + r.duty_shifts.len()
            + r.handovers.len()
            + r.leave.len()
            + r.clock_events.len()
            + r.spot_checks.len()
            + r.conduct_incidents.len()
    }

    /// Puts every list in its canonical order: by date (a leave's first day, a ledger entry's
    /// or proxy case's opening day), then record ID. IDs are unique in a valid dossier, so the
    /// order is total and answers never follow the order the records were listed in.
    pub fn canonicalise(&mut self) {
        fn by<T>(list: &mut [T], key: impl Fn(&T) -> (crate::time::Date, &str)) {
            list.sort_by(|a, b| key(a).cmp(&key(b)));
        }
        by(&mut self.work_records, |r| (r.date, &r.id));
        by(&mut self.problems, |r| (r.date, &r.id));
        by(&mut self.proxy_cases, |r| (r.opened, &r.id));
        by(&mut self.ledger_entries, |r| (r.opened, &r.id));
        by(&mut self.meetings, |r| (r.date, &r.id));
        by(&mut self.security_patrols, |r| (r.date, &r.id));
        by(&mut self.red_grid_services, |r| (r.date, &r.id));
        by(&mut self.group_studies, |r| (r.date, &r.id));
        by(&mut self.self_studies, |r| (r.date, &r.id));
        by(&mut self.notebook_reviews, |r| (r.date, &r.id));
        by(&mut self.duty_shifts, |r| (r.date, &r.id));
        by(&mut self.handovers, |r| (r.date, &r.id));
        by(&mut self.leave, |r| (r.from, &r.id));
        by(&mut self.clock_events, |r| (r.date, &r.id));
        by(&mut self.spot_checks, |r| (r.date, &r.id));
        by(&mut self.conduct_incidents, |r| (r.date, &r.id));
    }
}

/// One day's work record of one grid worker (2.2.6), with the day's patrols (2.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkRecord {
    /// Record ID.
    pub id: String,
    /// The grid worker.
    pub person: String,
    /// The day.
    pub date: Date,
    /// The grid worked in.
    pub grid: String,
    /// Inspection rounds (巡查) of the day, start to end.
    #[serde(default)]
    pub patrols: Vec<PatrolSession>,
    /// The five must-checks (五必查) ticked.
    #[serde(default)]
    pub must_checks: Vec<MustCheck>,
    /// The five must-dos (五必做) ticked.
    #[serde(default)]
    pub must_dos: Vec<MustDo>,
    /// Visits to must-visit groups (五必访).
    #[serde(default)]
    pub visits: Vec<Visit>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One inspection round, `start` to `end` the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PatrolSession {
    /// Start, `HH:MM`.
    pub start: LocalTime,
    /// End, `HH:MM`, after `start`.
    pub end: LocalTime,
}

impl PatrolSession {
    /// Length in minutes (0 when inverted; validation refuses inverted sessions).
    pub fn minutes(&self) -> u32 {
        self.end.minutes().saturating_sub(self.start.minutes())
    }
}

/// A visit to a resident of a must-visit group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// The group visited.
    pub group: MustVisit,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Problems, proxy cases and ledgers live in [`crate::evidence`]; re-exported here.
pub use ledger::LedgerEntry;
pub use problem::{ProblemCategory, ProblemFound};
pub use proxy::ProxyCase;

/// A meeting (2.1.0, 2.2.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Record ID.
    pub id: String,
    /// Which meeting.
    pub kind: MeetingKind,
    /// The community that held it.
    pub community: String,
    /// The day.
    pub date: Date,
    /// Who chaired or convened it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// People of the organisation present.
    #[serde(default)]
    pub attendees: Vec<String>,
    /// Outside bodies present (subdistrict, paired units, property companies), by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_participants: Vec<String>,
}

/// Kinds of meeting.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// 调度会: the grid leader's monthly coordination meeting (2.1.0).
    Dispatch,
    /// 晨会: the daily morning meeting (2.2.3).
    Morning,
    /// 每周例会: the weekly meeting, usually Monday (2.2.3).
    Weekly,
    /// 联席会议: the quarterly joint meeting (2.2.3).
    QuarterlyJoint,
}

impl MeetingKind {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            MeetingKind::Dispatch => "调度会",
            MeetingKind::Morning => "晨会",
            MeetingKind::Weekly => "每周例会",
            MeetingKind::QuarterlyJoint => "季度联席会议",
        }
    }
}

/// A public-security patrol (治安巡逻防控, 2.1.4), distinct from the daily inspection round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityPatrol {
    /// Record ID.
    pub id: String,
    /// The day.
    pub date: Date,
    /// The grid patrolled.
    pub grid: String,
    /// Who patrolled.
    pub people: Vec<String>,
    /// Key areas and places checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub areas: Option<String>,
}

/// A red-grid service activity (红色网格, 2.2.2): the worker brings the grid's Party members and
/// building heads to serve residents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RedGridService {
    /// Record ID.
    pub id: String,
    /// The grid worker who organised it.
    pub organiser: String,
    /// The grid.
    pub grid: String,
    /// The day.
    pub date: Date,
    /// Party members and building heads taking part.
    #[serde(default)]
    pub participants: Vec<String>,
    /// What was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A group study session with its attendance (3.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupStudy {
    /// Record ID.
    pub id: String,
    /// The community that held it.
    pub community: String,
    /// The day.
    pub date: Date,
    /// Who attended.
    pub attendees: Vec<String>,
    /// Topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

/// A worker's self-study (3.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfStudy {
    /// Record ID.
    pub id: String,
    /// The worker.
    pub person: String,
    /// The day.
    pub date: Date,
    /// Topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

/// The community secretary's review of a worker's study notebook, with a comment (3.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotebookReview {
    /// Record ID.
    pub id: String,
    /// The worker whose notebook was reviewed.
    pub person: String,
    /// The reviewer (the community secretary).
    pub reviewer: String,
    /// The day.
    pub date: Date,
    /// The comment (点评) on the month's work and study; must not be empty.
    pub comment: String,
}

/// A duty shift at the Party-and-mass service centre (3.6.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DutyShift {
    /// Record ID.
    pub id: String,
    /// The worker on duty.
    pub person: String,
    /// The community.
    pub community: String,
    /// The day.
    pub date: Date,
    /// The duty log (值班记录), if kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log: Option<String>,
    /// Who took over at the end (交接班), if the handover was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handed_over_to: Option<String>,
}

/// A handover when a worker leaves a grid (2.2.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    /// Record ID.
    pub id: String,
    /// The worker leaving.
    pub person: String,
    /// The grid left.
    pub grid: String,
    /// The day.
    pub date: Date,
    /// The worker taking over, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// Whether residents were told (及时通知居民).
    pub residents_notified: bool,
}

/// Approved leave, `from` to `to` inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    /// Record ID.
    pub id: String,
    /// The person on leave.
    pub person: String,
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Who approved it.
    pub approved_by: String,
    /// What kind of leave (3.3); `unspecified` when the record does not say.
    #[serde(default)]
    pub kind: attendance::LeaveKind,
}
