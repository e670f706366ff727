//! The lists of 2.2.2 a work record ticks and a policy names: the five must-checks (五必查), the
//! five must-dos (五必做) and the five must-visit groups (五必访). A vocabulary of the measures,
//! below the organisation, the records and the policy that use it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The five must-checks (五必查, 2.2.2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MustCheck {
    /// 环境卫生.
    EnvironmentSanitation,
    /// 基础设施.
    Infrastructure,
    /// 安全隐患.
    SafetyHazards,
    /// 公共区域.
    PublicAreas,
    /// 可疑人员.
    SuspiciousPersons,
}

/// The five must-dos (五必做, 2.2.2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MustDo {
    /// 摸底数.
    KnowTheNumbers,
    /// 搜民情.
    GatherSentiment,
    /// 观舆情.
    WatchOpinion,
    /// 防疫情.
    PreventEpidemics,
    /// 解需求.
    MeetNeeds,
}

/// The five must-visit groups (五必访, 2.2.2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MustVisit {
    /// 困难人群.
    PeopleInDifficulty,
    /// 流动人口.
    FloatingPopulation,
    /// 空巢老人.
    EmptyNestElderly,
    /// 模范人物.
    ModelFigures,
    /// 特殊人群.
    SpecialGroups,
}

impl MustCheck {
    /// Every must-check, in the order of 2.2.2.
    pub const ALL: [MustCheck; 5] = [
        MustCheck::EnvironmentSanitation,
        MustCheck::Infrastructure,
        MustCheck::SafetyHazards,
        MustCheck::PublicAreas,
        MustCheck::SuspiciousPersons,
    ];
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            MustCheck::EnvironmentSanitation => "环境卫生",
            MustCheck::Infrastructure => "基础设施",
            MustCheck::SafetyHazards => "安全隐患",
            MustCheck::PublicAreas => "公共区域",
            MustCheck::SuspiciousPersons => "可疑人员",
        }
    }
}

impl MustDo {
    /// Every must-do, in the order of 2.2.2.
    pub const ALL: [MustDo; 5] = [
        MustDo::KnowTheNumbers,
        MustDo::GatherSentiment,
        MustDo::WatchOpinion,
        MustDo::PreventEpidemics,
        MustDo::MeetNeeds,
    ];
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            MustDo::KnowTheNumbers => "摸底数",
            MustDo::GatherSentiment => "搜民情",
            MustDo::WatchOpinion => "观舆情",
            MustDo::PreventEpidemics => "防疫情",
            MustDo::MeetNeeds => "解需求",
        }
    }
}

impl MustVisit {
    /// Every must-visit group, in the order of 2.2.2.
    pub const ALL: [MustVisit; 5] = [
        MustVisit::PeopleInDifficulty,
        MustVisit::FloatingPopulation,
        MustVisit::EmptyNestElderly,
        MustVisit::ModelFigures,
        MustVisit::SpecialGroups,
    ];
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            MustVisit::PeopleInDifficulty => "困难人群",
            MustVisit::FloatingPopulation => "流动人口",
            MustVisit::EmptyNestElderly => "空巢老人",
            MustVisit::ModelFigures => "模范人物",
            MustVisit::SpecialGroups => "特殊人群",
        }
    }
}
