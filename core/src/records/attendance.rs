//! The attendance records of a dossier: clock events (3.3), spot checks by the subdistrict
//! (3.4), conduct incidents (3.6.1–3.6.5), and the kinds of leave.

use crate::error::{ErrorKind, Problem};
use crate::organisation::{At, Checker};
use crate::time::{Date, LocalTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One clock-in or clock-out (打卡) of a worker (3.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClockEvent {
    /// Record ID.
    pub id: String,
    /// The worker.
    pub person: String,
    /// The day.
    pub date: Date,
    /// The time, `HH:MM`.
    pub time: LocalTime,
    /// In or out.
    pub direction: ClockDirection,
    /// Where the event comes from.
    pub source: ClockSource,
}

/// Clock-in or clock-out.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ClockDirection {
    /// 签到: arriving.
    In,
    /// 签退: leaving.
    Out,
}

impl ClockDirection {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ClockDirection::In => "签到",
            ClockDirection::Out => "签退",
        }
    }
}

/// Where a clock event comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ClockSource {
    /// 考勤机: a fixed clock or fingerprint reader.
    Machine,
    /// 手机定位打卡: a phone app with location.
    App,
    /// 人工补录: entered by hand by the community.
    Manual,
}

impl ClockSource {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ClockSource::Machine => "考勤机",
            ClockSource::App => "手机打卡",
            ClockSource::Manual => "人工补录",
        }
    }
}

/// Kinds of leave. `official_business` (公出) is work away from the post, not leave, but is
/// recorded the same way.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LeaveKind {
    /// 年休假.
    Annual,
    /// 病假.
    Sick,
    /// 事假.
    Personal,
    /// 婚假.
    Marriage,
    /// 丧假.
    Bereavement,
    /// 公出: official business away from the post.
    OfficialBusiness,
    /// 调休: time off in lieu of rest-day duty.
    Compensatory,
    /// The record does not say (dossiers written before kinds were recorded).
    #[default]
    Unspecified,
}

impl LeaveKind {
    /// Every kind, in report order.
    pub const ALL: [LeaveKind; 8] = [
        LeaveKind::Annual,
        LeaveKind::Sick,
        LeaveKind::Personal,
        LeaveKind::Marriage,
        LeaveKind::Bereavement,
        LeaveKind::OfficialBusiness,
        LeaveKind::Compensatory,
        LeaveKind::Unspecified,
    ];

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            LeaveKind::Annual => "年休假",
            LeaveKind::Sick => "病假",
            LeaveKind::Personal => "事假",
            LeaveKind::Marriage => "婚假",
            LeaveKind::Bereavement => "丧假",
            LeaveKind::OfficialBusiness => "公出",
            LeaveKind::Compensatory => "调休",
            LeaveKind::Unspecified => "未注明类别",
        }
    }
}

/// A spot check of attendance by the subdistrict (抽查, 3.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpotCheck {
    /// Record ID.
    pub id: String,
    /// The community checked.
    pub community: String,
    /// The day.
    pub date: Date,
    /// The time of the check, `HH:MM`.
    pub time: LocalTime,
    /// Who checked (subdistrict staff, by name; they need not be in the organisation).
    pub checker: String,
    /// What was seen, one entry per worker.
    pub observations: Vec<Observation>,
}

/// What a spot check saw of one worker (3.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The worker.
    pub person: String,
    /// What was found.
    pub finding: ObservedFinding,
    /// Free text; required for `other_irregularity`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a spot check can find (3.4: 迟到、早退、无故缺勤等 — a minimum list).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ObservedFinding {
    /// At the post.
    Present,
    /// 迟到: not yet arrived after the session started.
    Late,
    /// 早退: gone before the session ended.
    LeftEarly,
    /// 无故缺勤: away without leave.
    Absent,
    /// Another irregularity of the same kind (the list ends in 等); described in the note.
    OtherIrregularity,
}

impl ObservedFinding {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ObservedFinding::Present => "在岗",
            ObservedFinding::Late => "迟到",
            ObservedFinding::LeftEarly => "早退",
            ObservedFinding::Absent => "无故缺勤",
            ObservedFinding::OtherIrregularity => "其他违反考勤情况",
        }
    }

    /// True for the findings that call for notices of criticism (3.4).
    pub fn is_adverse(self) -> bool {
        !matches!(self, ObservedFinding::Present)
    }
}

/// A breach of the conduct rules (3.6.1–3.6.5), as recorded by whoever saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConductIncident {
    /// Record ID.
    pub id: String,
    /// The worker.
    pub person: String,
    /// The day.
    pub date: Date,
    /// The time, `HH:MM`, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<LocalTime>,
    /// What kind of breach.
    pub kind: ConductKind,
    /// Who reported it, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
    /// What happened; must not be empty.
    pub description: String,
}

/// The conduct rules of 3.6.1–3.6.5 as a closed list, each citing its clause.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ConductKind {
    /// 衣着仪表不得体、着奇装异服 (3.6.1).
    ImproperDress,
    /// 上岗时间玩手机 (3.6.2).
    PhoneOnDuty,
    /// 上岗时间看电视、听录音机 (3.6.2).
    TvOrRecordingsOnDuty,
    /// 上岗时间下象棋、打牌 (3.6.2).
    ChessOrCardsOnDuty,
    /// 上岗时间在电脑上玩游戏 (3.6.2).
    ComputerGamesOnDuty,
    /// 上岗时间办私事 (3.6.2).
    PrivateErrands,
    /// 脱岗: leaving the post (3.6.2).
    LeavingPost,
    /// 溜岗: slipping away from the post (3.6.2).
    SlippingAway,
    /// 串岗: wandering into others' posts (3.6.2).
    VisitingOtherPosts,
    /// 接待群众态度不热情、不耐心 (3.6.3).
    Discourtesy,
    /// 大吵大闹 (3.6.3).
    Quarrelling,
    /// 激化矛盾 (3.6.3).
    EscalatingConflict,
    /// 说粗话、脏话 (3.6.3).
    FoulLanguage,
    /// 上岗期间酗酒 (3.6.4).
    HeavyDrinkingOnDuty,
    /// 中午饮酒 (3.6.4).
    DrinkingAtNoon,
    /// 酒后驾车 (3.6.4), on duty or not.
    DrinkDriving,
    /// 上岗时间去休闲娱乐场所 (3.6.5).
    EntertainmentVenueInWorkingTime,
    /// 参与赌博 (3.6.5).
    Gambling,
}

impl ConductKind {
    /// Every kind, in the order of 3.6.
    pub const ALL: [ConductKind; 18] = [
        ConductKind::ImproperDress,
        ConductKind::PhoneOnDuty,
        ConductKind::TvOrRecordingsOnDuty,
        ConductKind::ChessOrCardsOnDuty,
        ConductKind::ComputerGamesOnDuty,
        ConductKind::PrivateErrands,
        ConductKind::LeavingPost,
        ConductKind::SlippingAway,
        ConductKind::VisitingOtherPosts,
        ConductKind::Discourtesy,
        ConductKind::Quarrelling,
        ConductKind::EscalatingConflict,
        ConductKind::FoulLanguage,
        ConductKind::HeavyDrinkingOnDuty,
        ConductKind::DrinkingAtNoon,
        ConductKind::DrinkDriving,
        ConductKind::EntertainmentVenueInWorkingTime,
        ConductKind::Gambling,
    ];

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        use ConductKind::*;
        match self {
            ImproperDress => "衣着仪表不得体",
            PhoneOnDuty => "上岗时间玩手机",
            TvOrRecordingsOnDuty => "上岗时间看电视、听录音机",
            ChessOrCardsOnDuty => "上岗时间下象棋、打牌",
            ComputerGamesOnDuty => "上岗时间玩电脑游戏",
            PrivateErrands => "上岗时间办私事",
            LeavingPost => "脱岗",
            SlippingAway => "溜岗",
            VisitingOtherPosts => "串岗",
            Discourtesy => "接待群众态度不热情、不耐心",
            Quarrelling => "大吵大闹",
            EscalatingConflict => "激化矛盾",
            FoulLanguage => "说粗话、脏话",
            HeavyDrinkingOnDuty => "上岗期间酗酒",
            DrinkingAtNoon => "中午饮酒",
            DrinkDriving => "酒后驾车",
            EntertainmentVenueInWorkingTime => "上岗时间去休闲娱乐场所",
            Gambling => "参与赌博",
        }
    }

    /// The clause that forbids it.
    pub fn clause(self) -> &'static str {
        use ConductKind::*;
        match self {
            ImproperDress => "3.6.1",
            PhoneOnDuty | TvOrRecordingsOnDuty | ChessOrCardsOnDuty | ComputerGamesOnDuty
            | PrivateErrands | LeavingPost | SlippingAway | VisitingOtherPosts => "3.6.2",
            Discourtesy | Quarrelling | EscalatingConflict | FoulLanguage => "3.6.3",
            HeavyDrinkingOnDuty | DrinkingAtNoon | DrinkDriving => "3.6.4",
            EntertainmentVenueInWorkingTime | Gambling => "3.6.5",
        }
    }
}

/// Checks the attendance records (a dossier's `records.clock_events`, `records.spot_checks` and
/// `records.conduct_incidents`): IDs, references, and what can be told without a calendar.
pub(crate) fn validate_records<'a>(
    clock_events: &'a [ClockEvent],
    spot_checks: &'a [SpotCheck],
    conduct_incidents: &'a [ConductIncident],
    ck: &mut Checker<'_, 'a>,
) {
    for (i, e) in clock_events.iter().enumerate() {
        let here = At::new("records.clock_events", i);
        ck.id(&e.id, &here);
        ck.person(&e.person, &here, "person");
    }
    for (i, s) in spot_checks.iter().enumerate() {
        check_spot_check(s, &format!("records.spot_checks[{i}]"), ck);
    }
    for (i, c) in conduct_incidents.iter().enumerate() {
        let here = At::new("records.conduct_incidents", i);
        ck.id(&c.id, &here);
        ck.person(&c.person, &here, "person");
        if c.description.trim().is_empty() {
            ck.push(
                Problem::new(
                    ErrorKind::Shape,
                    format!("conduct incident `{}` has no description", c.id),
                )
                .at(format!("{here}.description"))
                .record(&c.id)
                .on(c.date),
            );
        }
    }
}

/// A spot check at `here` (3.4): its community and checker, and each observation's worker (of
/// that community, observed once) and note.
fn check_spot_check<'a>(s: &'a SpotCheck, here: &str, ck: &mut Checker<'_, 'a>) {
    ck.id(&s.id, &here);
    ck.community(&s.community, here);
    if s.checker.trim().is_empty() {
        ck.push(
            Problem::new(ErrorKind::Shape, "a spot check names no checker (3.4)")
                .at(format!("{here}.checker"))
                .record(&s.id)
                .on(s.date),
        );
    }
    let mut seen = BTreeSet::new();
    for (j, o) in s.observations.iter().enumerate() {
        let at = format!("{here}.observations[{j}]");
        match ck.index.person(&o.person) {
            None => ck.person(&o.person, &at, "person"),
            Some(p) if p.community != s.community => ck.push(
                Problem::new(
                    ErrorKind::UnknownReference,
                    format!(
                        "`{}` is not a worker of community `{}` checked by `{}`",
                        o.person, s.community, s.id
                    ),
                )
                .at(format!("{at}.person"))
                .record(&s.id)
                .on(s.date),
            ),
            Some(_) => {}
        }
        if !seen.insert(o.person.as_str()) {
            ck.push(
                Problem::new(
                    ErrorKind::DuplicateId,
                    format!("spot check `{}` observes `{}` twice", s.id, o.person),
                )
                .at(format!("{at}.person"))
                .record(&s.id)
                .on(s.date),
            );
        }
        let described = o.note.as_ref().is_some_and(|n| !n.trim().is_empty());
        if o.finding == ObservedFinding::OtherIrregularity && !described {
            ck.push(
                Problem::new(
                    ErrorKind::Shape,
                    "an `other_irregularity` observation needs a note saying what was seen (3.4)",
                )
                .at(format!("{at}.note"))
                .record(&s.id)
                .on(s.date),
            );
        }
    }
}
