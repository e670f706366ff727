//! Column maps: which headings of an attendance export hold the person, the day, the time, the
//! direction and the source. DingTalk's raw records are built in; WeCom's ships as
//! `import/maps/wecom.json`; any other export gets a map of its own.

use crate::problem::{Loc, ProblemKind, Sink};
use crate::{ImportErrors, Lang};
use serde::{Deserialize, Serialize};

/// A column map for a punch-per-row attendance export. Every field lists the headings a column
/// may have (the first found is used); the value lists are matched as substrings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMap {
    /// A name for the export, shown in the summary (`企业微信打卡记录`).
    pub name: String,
    /// Headings of the person's name.
    #[serde(default)]
    pub person_name: Vec<String>,
    /// Headings of the person's ID or attendance account (工号, UserId): matched against the
    /// roster's 编号 and 工号.
    #[serde(default)]
    pub person_id: Vec<String>,
    /// Headings of the department; a department named like a community narrows name matching.
    #[serde(default)]
    pub department: Vec<String>,
    /// Headings of the attendance day (考勤日期).
    #[serde(default)]
    pub date: Vec<String>,
    /// Headings of the punch time: `08:20`, or a date-time `2023-03-01 08:20:53`.
    pub time: Vec<String>,
    /// Headings of the direction column (上班 / 下班); without one, a day's punches alternate
    /// in, out, in, out by time.
    #[serde(default)]
    pub direction: Vec<String>,
    /// Direction values meaning a clock-in.
    #[serde(default)]
    pub in_values: Vec<String>,
    /// Direction values meaning a clock-out.
    #[serde(default)]
    pub out_values: Vec<String>,
    /// Headings of the result column (打卡结果).
    #[serde(default)]
    pub result: Vec<String>,
    /// Results meaning no punch was made (缺卡, 未打卡): the row is skipped.
    #[serde(default)]
    pub no_punch_values: Vec<String>,
    /// Headings of the device / source column.
    #[serde(default)]
    pub source: Vec<String>,
    /// Source values meaning an attendance machine (考勤机).
    #[serde(default)]
    pub machine_values: Vec<String>,
    /// Source values meaning entered by hand (补卡, 管理员).
    #[serde(default)]
    pub manual_values: Vec<String>,
    /// The source when no source column says otherwise: `machine`, `app` or `manual`.
    #[serde(default = "app")]
    pub default_source: wangge::attendance::ClockSource,
}

fn app() -> wangge::attendance::ClockSource {
    wangge::attendance::ClockSource::App
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

impl ColumnMap {
    /// DingTalk's raw punch records (原始记录 / 打卡记录).
    pub fn dingtalk() -> ColumnMap {
        ColumnMap {
            name: "钉钉原始记录".to_owned(),
            person_name: strings(&["姓名"]),
            person_id: strings(&["工号", "UserId", "userid", "员工UserId", "钉钉UserId"]),
            department: strings(&["部门"]),
            date: strings(&["考勤日期", "日期"]),
            time: strings(&["打卡时间", "实际打卡时间"]),
            direction: strings(&["打卡类型", "考勤类型", "上下班"]),
            in_values: strings(&["上班", "签到"]),
            out_values: strings(&["下班", "签退"]),
            result: strings(&["打卡结果"]),
            no_punch_values: strings(&["缺卡", "未打卡"]),
            source: strings(&["打卡设备", "打卡方式", "打卡来源"]),
            machine_values: strings(&["考勤机"]),
            manual_values: strings(&["补卡", "管理员", "人工"]),
            default_source: wangge::attendance::ClockSource::App,
        }
    }

    /// WeCom's (企业微信) punch records, as shipped in `import/maps/wecom.json`.
    pub fn wecom() -> ColumnMap {
        // The shipped file is checked by a test; should it ever fail to parse, DingTalk's
        // headings are the nearest thing.
        parse(include_str!("../maps/wecom.json")).unwrap_or_else(|_| ColumnMap::dingtalk())
    }
}

pub(crate) fn parse(json: &str) -> Result<ColumnMap, ImportErrors> {
    let fail = |zh: String, en: String| {
        let mut sink = Sink::new(Lang::Zh);
        sink.push(&Loc::file("列映射"), ProblemKind::InvalidColumnMap, zh, en);
        ImportErrors {
            problems: sink.finish(),
        }
    };
    let map: ColumnMap = serde_json::from_str(json).map_err(|e| {
        fail(
            format!("列映射不是有效的 JSON：{e}"),
            format!("the column map is not valid JSON: {e}"),
        )
    })?;
    if map.time.is_empty() || (map.person_name.is_empty() && map.person_id.is_empty()) {
        return Err(fail(
            "列映射至少要给出 time 和 person_name 或 person_id".to_owned(),
            "a column map needs `time` and `person_name` or `person_id`".to_owned(),
        ));
    }
    Ok(map)
}
