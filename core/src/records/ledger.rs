//! Ledgers (台账, 2.1.2): one entry per resident of a group the grid keeps track of, with the
//! day it was last brought up to date. Which must-visit groups (五必访, 2.2.2) live in a grid is
//! read from its ledgers.

use crate::time::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One entry of a grid's ledger (2.1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LedgerEntry {
    /// Record ID.
    pub id: String,
    /// The grid whose ledger it is.
    pub grid: String,
    /// Which ledger.
    pub kind: LedgerKind,
    /// For `other` only: a ledger kind the policy adds (`evidence.extra_ledger_kinds[].id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_kind: Option<String>,
    /// Who or what the entry is about, as the ledger names it (kept short: 2.2.5).
    pub subject: String,
    /// First day on the ledger.
    pub opened: Date,
    /// Last day on the ledger (moved away, sentence ended …); absent while current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Date>,
    /// The day the entry was last brought up to date (动态更新).
    pub last_updated: Date,
    /// Who last updated it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
}

impl LedgerEntry {
    /// True when the entry is on the ledger on `date`.
    pub fn active_on(&self, date: Date) -> bool {
        self.opened <= date && self.closed.is_none_or(|c| date <= c)
    }
}

/// The ledgers 2.1.2 names (a minimum list: the text ends in 等; a policy adds kinds under
/// `other`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LedgerKind {
    /// 优抚对象.
    EntitledGroups,
    /// 留守儿童.
    LeftBehindChildren,
    /// 特殊和困难老人.
    ElderlyInDifficulty,
    /// 残疾人.
    Disabled,
    /// 退伍军人.
    Veterans,
    /// 流动人口.
    FloatingPopulation,
    /// 严重精神障碍患者.
    SevereMentalDisorder,
    /// 吸毒人员.
    DrugUsers,
    /// 社区矫正对象.
    CommunityCorrections,
    /// 刑释人员.
    ReleasedPrisoners,
    /// 其他: a kind the policy adds (see `other_kind`).
    Other,
}

impl LedgerKind {
    /// The ten kinds 2.1.2 names, in its order.
    pub const NAMED: [LedgerKind; 10] = [
        LedgerKind::EntitledGroups,
        LedgerKind::LeftBehindChildren,
        LedgerKind::ElderlyInDifficulty,
        LedgerKind::Disabled,
        LedgerKind::Veterans,
        LedgerKind::FloatingPopulation,
        LedgerKind::SevereMentalDisorder,
        LedgerKind::DrugUsers,
        LedgerKind::CommunityCorrections,
        LedgerKind::ReleasedPrisoners,
    ];

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            LedgerKind::EntitledGroups => "优抚对象",
            LedgerKind::LeftBehindChildren => "留守儿童",
            LedgerKind::ElderlyInDifficulty => "特殊和困难老人",
            LedgerKind::Disabled => "残疾人",
            LedgerKind::Veterans => "退伍军人",
            LedgerKind::FloatingPopulation => "流动人口",
            LedgerKind::SevereMentalDisorder => "严重精神障碍患者",
            LedgerKind::DrugUsers => "吸毒人员",
            LedgerKind::CommunityCorrections => "社区矫正对象",
            LedgerKind::ReleasedPrisoners => "刑释人员",
            LedgerKind::Other => "其他",
        }
    }
}
