//! Problems found in a grid (2.2.2, 4.1), their categories (2.1.4, 2.1.5, 2.1.7, 2.1.8), their
//! lifecycle — solved on the spot, or escalated → coordinated → resolved, then feedback
//! (2.2.2) — and their reports to the community and the grid WeChat group (2.1.4, 2.1.7, 2.1.8).

use crate::time::{Date, LocalTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A problem found in the grid (2.2.2), with its lifecycle and its reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProblemFound {
    /// Record ID.
    pub id: String,
    /// Who found it (the grid worker).
    pub person: String,
    /// Where.
    pub grid: String,
    /// The day it was found.
    pub date: Date,
    /// The time it was found, `HH:MM`.
    pub found_at: LocalTime,
    /// What kind of problem.
    pub category: ProblemCategory,
    /// For `other` only: a category the policy adds (`evidence.extra_categories[].id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_category: Option<String>,
    /// Description.
    pub text: String,
    /// What was done, in order (2.2.2). Empty while the problem is open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<ProblemStep>,
    /// Reports to the community and the grid WeChat group (2.1.4, 2.1.7, 2.1.8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ProblemReport>,
}

impl ProblemFound {
    /// The first step that ends the problem (solved on the spot, or resolved), if any.
    pub fn solution(&self) -> Option<&ProblemStep> {
        self.steps
            .iter()
            .find(|s| matches!(s.step, StepKind::SolvedOnSpot | StepKind::Resolved))
    }
}

/// One step of a problem's lifecycle (2.2.2), with its time and actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProblemStep {
    /// Which step.
    pub step: StepKind,
    /// The day.
    pub date: Date,
    /// The time, `HH:MM`.
    pub time: LocalTime,
    /// Who did it (a person of the organisation).
    pub actor: String,
    /// For `escalated`: the person it went to (网格负责人), when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// For `coordinated`: the department (相关部门); required there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Steps of a problem's lifecycle (2.2.2: 马上解决；解决不了的上报网格负责人，协调相关部门共同解决，
/// 并及时向居民进行反馈).
///
/// Allowed orders: `solved_on_spot` [`feedback_given`]; or `escalated` `coordinated`*
/// `resolved` [`feedback_given`]. Anything else is an error naming the record.
// The brackets say "optional" (this text is also the JSON Schema's description), not a link.
#[allow(rustdoc::broken_intra_doc_links)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// 马上解决: solved at once by the finder.
    SolvedOnSpot,
    /// 上报网格负责人: escalated to the person responsible for the grid.
    Escalated,
    /// 协调相关部门: a department brought in (may repeat).
    Coordinated,
    /// 共同解决: resolved after escalation.
    Resolved,
    /// 向居民反馈: residents told of the outcome.
    FeedbackGiven,
}

impl StepKind {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            StepKind::SolvedOnSpot => "马上解决",
            StepKind::Escalated => "上报网格负责人",
            StepKind::Coordinated => "协调相关部门",
            StepKind::Resolved => "共同解决",
            StepKind::FeedbackGiven => "向居民反馈",
        }
    }

    /// Whether this step may follow `previous` (`None`: the problem was just found).
    pub fn may_follow(self, previous: Option<StepKind>) -> bool {
        use StepKind::*;
        matches!(
            (previous, self),
            (None, SolvedOnSpot | Escalated)
                | (Some(Escalated | Coordinated), Coordinated | Resolved)
                | (Some(SolvedOnSpot | Resolved), FeedbackGiven)
        )
    }
}

/// A report of a problem on one channel (2.1.4, 2.1.7, 2.1.8: 上报社区和网格微信群).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProblemReport {
    /// Where it was reported.
    pub channel: ReportChannel,
    /// The day.
    pub date: Date,
    /// The time, `HH:MM`.
    pub time: LocalTime,
}

/// The two channels every urgent report goes to (2.1.4, 2.1.7, 2.1.8).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReportChannel {
    /// 社区: the community.
    Community,
    /// 网格微信群: the grid WeChat group.
    GridGroup,
}

impl ReportChannel {
    /// Both channels, in the order of the text.
    pub const ALL: [ReportChannel; 2] = [ReportChannel::Community, ReportChannel::GridGroup];

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ReportChannel::Community => "社区",
            ReportChannel::GridGroup => "网格微信群",
        }
    }
}

/// Problem categories, from the clauses that name them. The lists end in 等 and are minimum
/// lists: a policy adds categories under `other` (`evidence.extra_categories`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCategory {
    /// 矛盾纠纷 (2.1.4).
    Dispute,
    /// 信访举报 (2.1.4).
    Petition,
    /// 不稳定因素 (2.1.4).
    Instability,
    /// 治安隐患 (2.1.4).
    PublicSecurityHazard,
    /// 突发性事件 (2.1.4).
    Emergency,
    /// 生产安全 (2.1.5).
    WorkSafety,
    /// 消防安全 (2.1.5).
    FireSafety,
    /// 燃气安全 (2.1.5).
    GasSafety,
    /// 食品药品安全 (2.1.5).
    FoodAndDrugSafety,
    /// 农产品质量安全 (2.1.5).
    FarmProduceSafety,
    /// 交通安全 (2.1.5).
    TrafficSafety,
    /// 地质灾害 (2.1.5).
    GeologicalHazard,
    /// 气象灾害 (2.1.5).
    WeatherHazard,
    /// 基础设施损坏 (2.1.7).
    DamagedInfrastructure,
    /// 占道经营 (2.1.7).
    StreetOccupation,
    /// 扰民行为 (2.1.7).
    Nuisance,
    /// 垃圾暴露 (2.1.7).
    ExposedGarbage,
    /// 大气污染 (2.1.7).
    AirPollution,
    /// 水污染 (2.1.7).
    WaterPollution,
    /// 固（危）废 (2.1.7).
    SolidOrHazardousWaste,
    /// 欠薪隐患 (2.1.8).
    WageArrearsRisk,
    /// 其他: anything else, or a category the policy adds (see `other_category`).
    Other,
}

impl ProblemCategory {
    /// Every category, in the order of the clauses.
    pub const ALL: [ProblemCategory; 22] = [
        ProblemCategory::Dispute,
        ProblemCategory::Petition,
        ProblemCategory::Instability,
        ProblemCategory::PublicSecurityHazard,
        ProblemCategory::Emergency,
        ProblemCategory::WorkSafety,
        ProblemCategory::FireSafety,
        ProblemCategory::GasSafety,
        ProblemCategory::FoodAndDrugSafety,
        ProblemCategory::FarmProduceSafety,
        ProblemCategory::TrafficSafety,
        ProblemCategory::GeologicalHazard,
        ProblemCategory::WeatherHazard,
        ProblemCategory::DamagedInfrastructure,
        ProblemCategory::StreetOccupation,
        ProblemCategory::Nuisance,
        ProblemCategory::ExposedGarbage,
        ProblemCategory::AirPollution,
        ProblemCategory::WaterPollution,
        ProblemCategory::SolidOrHazardousWaste,
        ProblemCategory::WageArrearsRisk,
        ProblemCategory::Other,
    ];

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ProblemCategory::Dispute => "矛盾纠纷",
            ProblemCategory::Petition => "信访举报",
            ProblemCategory::Instability => "不稳定因素",
            ProblemCategory::PublicSecurityHazard => "治安隐患",
            ProblemCategory::Emergency => "突发性事件",
            ProblemCategory::WorkSafety => "生产安全",
            ProblemCategory::FireSafety => "消防安全",
            ProblemCategory::GasSafety => "燃气安全",
            ProblemCategory::FoodAndDrugSafety => "食品药品安全",
            ProblemCategory::FarmProduceSafety => "农产品质量安全",
            ProblemCategory::TrafficSafety => "交通安全",
            ProblemCategory::GeologicalHazard => "地质灾害",
            ProblemCategory::WeatherHazard => "气象灾害",
            ProblemCategory::DamagedInfrastructure => "基础设施损坏",
            ProblemCategory::StreetOccupation => "占道经营",
            ProblemCategory::Nuisance => "扰民行为",
            ProblemCategory::ExposedGarbage => "垃圾暴露",
            ProblemCategory::AirPollution => "大气污染",
            ProblemCategory::WaterPollution => "水污染",
            ProblemCategory::SolidOrHazardousWaste => "固（危）废",
            ProblemCategory::WageArrearsRisk => "欠薪隐患",
            ProblemCategory::Other => "其他",
        }
    }

    /// The clause that names this category.
    pub fn clause(self) -> &'static str {
        use ProblemCategory::*;
        match self {
            Dispute | Petition | Instability | PublicSecurityHazard | Emergency => "2.1.4",
            WorkSafety | FireSafety | GasSafety | FoodAndDrugSafety | FarmProduceSafety
            | TrafficSafety | GeologicalHazard | WeatherHazard => "2.1.5",
            DamagedInfrastructure
            | StreetOccupation
            | Nuisance
            | ExposedGarbage
            | AirPollution
            | WaterPollution
            | SolidOrHazardousWaste => "2.1.7",
            WageArrearsRisk => "2.1.8",
            Other => "2.2.2",
        }
    }
}

/// Minutes from (`d1`, `t1`) to (`d2`, `t2`), negative when the second is earlier.
pub fn minutes_between(d1: Date, t1: LocalTime, d2: Date, t2: LocalTime) -> i64 {
    d1.days_until(d2)
        .saturating_mul(1440)
        .saturating_add(i64::from(t2.minutes()))
        .saturating_sub(i64::from(t1.minutes()))
}
