//! The 2.1 duties that other records do not show: one general activity record for 2.1.1
//! (Party members in the grid), 2.1.3 (publicity), 2.1.6 (emergencies and major tasks) and 2.1.9
//! (mobilising residents), and an assigned-task record for 2.1.11 (完成上级交办的其他任务).
//!
//! The measures give no frequency for these activities, so the Xincheng default policy asks
//! none; a policy may (`record_count` over `party_member_activity`, `publicity_activity`,
//! `emergency_task_activity`, `resident_mobilisation_activity`). An assigned task done after its
//! due date, or not done by the period's end when due inside it, is missed (2.1.11,
//! `assigned_tasks_on_time`).

use crate::error::{ErrorKind, Problem};
use crate::organisation::{At, Checker};
use crate::time::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An activity of a 2.1 duty (2.1.1, 2.1.3, 2.1.6, 2.1.9) in a grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Record ID.
    pub id: String,
    /// Which duty; the clause follows from it.
    pub kind: ActivityKind,
    /// The grid worker who carried it out.
    pub person: String,
    /// The grid.
    pub grid: String,
    /// The day.
    pub date: Date,
    /// Residents or Party members taking part (names as written; confidential).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// For `party_member_management` (2.1.1): the categories of Party members concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub party_member_categories: Vec<PartyMemberCategory>,
    /// What was done (free text; confidential).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The 2.1 duties an activity record serves.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// 2.1.1 党建引领员: managing and serving the grid's Party members.
    PartyMemberManagement,
    /// 2.1.3 信息宣传员: a publicity activity.
    Publicity,
    /// 2.1.6 应急处置员: taking part in an emergency or a major task.
    EmergencyTask,
    /// 2.1.9 群众动员员: mobilising residents.
    ResidentMobilisation,
}

impl ActivityKind {
    /// The clause of the duty.
    pub fn clause(self) -> &'static str {
        match self {
            ActivityKind::PartyMemberManagement => "2.1.1",
            ActivityKind::Publicity => "2.1.3",
            ActivityKind::EmergencyTask => "2.1.6",
            ActivityKind::ResidentMobilisation => "2.1.9",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ActivityKind::PartyMemberManagement => "党员教育管理服务",
            ActivityKind::Publicity => "宣传活动",
            ActivityKind::EmergencyTask => "应急处置与重大任务",
            ActivityKind::ResidentMobilisation => "动员群众",
        }
    }
}

/// Categories of Party members in a grid (2.1.1: 无职党员、流动党员、老弱病残党员等 — a minimum
/// list; `other` for any further one, named in the note).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PartyMemberCategory {
    /// 无职党员.
    WithoutPost,
    /// 流动党员.
    Floating,
    /// 老弱病残党员.
    ElderlyWeakSickOrDisabled,
    /// Any other category (the list of 2.1.1 ends in 等).
    Other,
}

/// A task assigned from above (2.1.11 完成上级交办的其他任务).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignedTask {
    /// Record ID.
    pub id: String,
    /// The community of the assignee.
    pub community: String,
    /// The grid worker it is assigned to (a person of that community).
    pub assignee: String,
    /// Who assigned it (a body or person above the community, as written).
    pub assigned_by: String,
    /// The day it was assigned.
    pub assigned_on: Date,
    /// The last day to do it, inclusive; not before `assigned_on`.
    pub due_by: Date,
    /// The day it was done; absent while not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<Date>,
    /// What was asked.
    pub task: String,
}

/// Validates activities and assigned tasks (a dossier's `records.activities` and
/// `records.assigned_tasks`): references, the community of the assignee, and dates in order.
pub(crate) fn validate_records<'a>(
    activities: &'a [Activity],
    assigned_tasks: &'a [AssignedTask],
    ck: &mut Checker<'_, 'a>,
) {
    let index = ck.index;
    for (i, a) in activities.iter().enumerate() {
        let here = At::new("records.activities", i);
        ck.id(&a.id, &here);
        ck.person(&a.person, &here, "person");
        ck.grid(&a.grid, &here);
        if !a.party_member_categories.is_empty() && a.kind != ActivityKind::PartyMemberManagement {
            ck.push(
                Problem::new(
                    ErrorKind::Shape,
                    "Party-member categories belong to a `party_member_management` activity (2.1.1)",
                )
                .at(format!("{here}.party_member_categories"))
                .record(&a.id),
            );
        }
    }
    for (i, t) in assigned_tasks.iter().enumerate() {
        let here = At::new("records.assigned_tasks", i);
        ck.id(&t.id, &here);
        ck.community(&t.community, &here);
        match index.person(&t.assignee) {
            None => ck.person(&t.assignee, &here, "assignee"),
            Some(p) if p.community != t.community => ck.push(
                Problem::new(
                    ErrorKind::UnknownReference,
                    format!(
                        "assignee `{}` is not a person of community `{}`",
                        t.assignee, t.community
                    ),
                )
                .at(format!("{here}.assignee"))
                .record(&t.id),
            ),
            Some(_) => {}
        }
        if t.due_by < t.assigned_on {
            ck.push(
                Problem::new(
                    ErrorKind::InvalidTime,
                    format!(
                        "task is due on `{}`, before it was assigned on `{}`",
                        t.due_by, t.assigned_on
                    ),
                )
                .at(format!("{here}.due_by"))
                .record(&t.id)
                .on(t.due_by),
            );
        }
        if let Some(done) = t.done_on.filter(|d| *d < t.assigned_on) {
            ck.push(
                Problem::new(
                    ErrorKind::InvalidTime,
                    format!(
                        "task was done on `{done}`, before it was assigned on `{}`",
                        t.assigned_on
                    ),
                )
                .at(format!("{here}.done_on"))
                .record(&t.id)
                .on(done),
            );
        }
    }
}
