//! Proxy services (事项代办, 2.1.8): applications a grid worker handles for residents who cannot
//! come themselves, and employment and social-insurance services.

use crate::time::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One proxy-service case (2.1.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProxyCase {
    /// Record ID.
    pub id: String,
    /// The grid worker handling it.
    pub person: String,
    /// The grid of the resident served.
    pub grid: String,
    /// The service.
    pub service: ProxyService,
    /// For `other`: what the service is; required there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_service: Option<String>,
    /// Who is served, as the case file names them (kept short: 2.2.5).
    pub resident: String,
    /// The day the case was taken on.
    pub opened: Date,
    /// The day it was closed; absent while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Date>,
    /// The outcome; present exactly when the case is closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ProxyOutcome>,
}

/// Services 2.1.8 names (a minimum list: it ends in 等).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProxyService {
    /// 低保: minimum living allowance.
    MinimumLivingAllowance,
    /// 优抚: entitled-group benefits.
    EntitledGroupBenefits,
    /// 困难救助: hardship aid.
    HardshipAid,
    /// 行政审批事项: an administrative approval.
    AdministrativeApproval,
    /// 就业: employment services.
    Employment,
    /// 社保: social insurance.
    SocialInsurance,
    /// 其他: another service (see `other_service`).
    Other,
}

impl ProxyService {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ProxyService::MinimumLivingAllowance => "低保",
            ProxyService::EntitledGroupBenefits => "优抚",
            ProxyService::HardshipAid => "困难救助",
            ProxyService::AdministrativeApproval => "行政审批",
            ProxyService::Employment => "就业",
            ProxyService::SocialInsurance => "社保",
            ProxyService::Other => "其他",
        }
    }
}

/// How a proxy case ended.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProxyOutcome {
    /// 办结: done, the application granted or the service delivered.
    Completed,
    /// 未获批准: the application was refused.
    Refused,
    /// 撤回: the resident withdrew.
    Withdrawn,
    /// 转办: passed to another office.
    Referred,
}

impl ProxyOutcome {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ProxyOutcome::Completed => "办结",
            ProxyOutcome::Refused => "未获批准",
            ProxyOutcome::Withdrawn => "撤回",
            ProxyOutcome::Referred => "转办",
        }
    }
}
