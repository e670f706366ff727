//! Messages for people: every [`Problem`] also says, in Chinese, what is wrong and what to fix,
//! for the clerk who keeps the records rather than for a developer — naming the person by name
//! where the record names a person, the record's ID and date:
//!
//! ```text
//! 王芳 2023-02-29 的工作记录（编号 wr-146）：日期不存在，请核对后改正
//! ```
//!
//! The core makes them, so every binding answers them (`message_zh` beside `message`). A
//! problem starts with a message from its kind and its English message alone
//! ([`Problem::new`]); the reading of a document then names the record, the person and the
//! date from the document itself ([`in_dossier`], [`in_document`]). Kind, path and record stay
//! for integrators.
//!
//! Confidentiality (2.2.5): a message quotes only a person's name from the roster (a public
//! field, checked against the field classes), IDs and dates (internal, as the problem's own
//! `record` and `date`), never the value of a confidential field nor the offending value of
//! one.

use crate::confidentiality::{Class, classes};
use crate::error::{Error, ErrorKind, Problem};
use serde_json::Value;

/// The document a problem was found in, as a person calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// A work dossier (工作档案).
    Dossier,
    /// A policy document (管理政策).
    Policy,
    /// The options of a call (计算选项).
    Options,
}

impl Document {
    fn zh(self) -> &'static str {
        match self {
            Document::Dossier => "工作档案",
            Document::Policy => "管理政策",
            Document::Options => "计算选项",
        }
    }
}

/// The message of a problem known only by its kind and English message (no document at hand).
pub fn generic(kind: ErrorKind, message: &str) -> String {
    let what = what_is_wrong(kind, message, None, None);
    format!("{what}，{}", fix(kind, message, None))
}

/// The error with the message for people of each problem made from the dossier text it was
/// found in: the record, the person's name and the date where the problem's path names them.
pub fn in_dossier(error: Error, text: &str) -> Error {
    let value = if error.problems().iter().any(|p| p.kind != ErrorKind::Syntax) {
        serde_json::from_str::<Value>(text).ok()
    } else {
        None
    };
    explain(error, Document::Dossier, Some(text), value.as_ref())
}

/// [`in_dossier`] for a dossier already read (the checks under a policy).
pub fn in_dossier_value(error: Error, dossier: &crate::dossier::Dossier) -> Error {
    let value = serde_json::to_value(dossier).ok();
    explain(error, Document::Dossier, None, value.as_ref())
}

/// The error with the message for people of each problem of a policy or options document.
pub fn in_document(error: Error, text: &str, document: Document) -> Error {
    explain(error, document, Some(text), None)
}

fn explain(error: Error, document: Document, text: Option<&str>, dossier: Option<&Value>) -> Error {
    let roster = dossier.map(Roster::of);
    let dossier = dossier.zip(roster.as_ref());
    error.map_problems(|mut p| {
        p.message_zh = for_people(&p, document, text, dossier).into_boxed_str();
        p
    })
}

/// The names of the roster by person ID, read once per error (a problem looks its person up in
/// log n), empty when names are confidential.
struct Roster<'a> {
    names: std::collections::BTreeMap<&'a str, &'a str>,
}

impl<'a> Roster<'a> {
    fn of(dossier: &'a Value) -> Roster<'a> {
        let mut names = std::collections::BTreeMap::new();
        if not_confidential("organisation.people[].name") {
            let people = dossier
                .get("organisation")
                .and_then(|o| o.get("people"))
                .and_then(Value::as_array);
            for p in people.into_iter().flatten() {
                if let (Some(id), Some(name)) = (str_of(p, "id"), str_of(p, "name")) {
                    if !name.is_empty() && name.chars().count() <= 40 {
                        names.entry(id).or_insert(name);
                    }
                }
            }
        }
        Roster { names }
    }

    fn name(&self, id: &str) -> Option<String> {
        self.names.get(id).map(|n| (*n).to_owned())
    }
}

/// The message of one problem of `document`.
fn for_people(
    p: &Problem,
    document: Document,
    text: Option<&str>,
    dossier: Option<(&Value, &Roster<'_>)>,
) -> String {
    if p.kind == ErrorKind::MoreProblems {
        return generic(p.kind, &p.message);
    }
    let place = dossier
        .and_then(|(d, roster)| p.path.as_deref().map(|path| place(d, roster, path, p)))
        .flatten()
        .unwrap_or_else(|| match (document, p.path.as_deref()) {
            // A policy is kept by whoever configures the system: its field path helps them.
            (Document::Policy, Some(path)) if !path.is_empty() => {
                let cut: String = path.chars().take(120).collect();
                format!("管理政策（{cut}）")
            }
            _ => document.zh().to_owned(),
        });
    let what = what_is_wrong(p.kind, &p.message, text, Some(p));
    format!(
        "{place}：{what}，{}",
        fix(p.kind, &p.message, Some(document))
    )
}

/// Where a problem lies, in words: "王芳 2023-02-29 的工作记录（编号 wr-146）".
fn place(dossier: &Value, roster: &Roster<'_>, path: &str, p: &Problem) -> Option<String> {
    let mut segments = path.split('.');
    let first = segments.next()?;
    let (list, index) = split_index(segments.next().unwrap_or(""));
    match (first, index) {
        ("records", Some(i)) => {
            let record = dossier.get("records")?.get(list)?.get(i)?;
            let label = record_label(list);
            // In a confidential record (a ledger entry, 2.2.5) even the ID is not quoted: the
            // record is named by its place in the list.
            let open = |field: &str| {
                classes::dossier_class(&format!("records.{list}[].{field}"))
                    .is_some_and(|c| c != Class::Confidential)
            };
            let id = if open("id") {
                str_of(record, "id").or(p.record.as_deref())
            } else {
                None
            };
            let date = p.date.as_deref().or_else(|| date_of(record, path, &open));
            let who = ["person", "assignee", "chair"]
                .iter()
                .filter(|k| open(k))
                .find_map(|k| str_of(record, k))
                .and_then(|id| roster.name(id));
            let mut head = String::new();
            if let Some(who) = who {
                head.push_str(&who);
                head.push(' ');
            }
            if let Some(date) = date {
                head.push_str(date);
                head.push(' ');
            }
            if !head.is_empty() {
                head.push('的');
            }
            if open("id") {
                head.push_str(label);
            } else {
                head.push_str(&format!("第 {} 条{label}", i + 1));
            }
            if let Some(id) = id.filter(|id| !id.is_empty()) {
                head.push_str(&format!("（编号 {}）", short(id)));
            }
            Some(head)
        }
        ("organisation", Some(i)) => {
            let item = dossier.get("organisation")?.get(list)?.get(i)?;
            Some(match list {
                "people" => match str_of(item, "name")
                    .filter(|n| !n.is_empty() && not_confidential("organisation.people[].name"))
                {
                    Some(name) => format!("人员名单中的{name}"),
                    None => format!("人员名单第 {} 人", i + 1),
                },
                "assignments" => {
                    let who = str_of(item, "person").and_then(|id| roster.name(id));
                    let from = str_of(item, "from").map(|f| format!("自 {f} 起"));
                    format!(
                        "{}{}的网格分配",
                        who.unwrap_or_default(),
                        from.map(|f| format!("（{f}）")).unwrap_or_default()
                    )
                }
                "communities" => {
                    let name = str_of(item, "name").unwrap_or("");
                    let grid = segments.next().map(split_index).and_then(|(g, j)| {
                        let grid = item.get(g)?.get(j?)?;
                        str_of(grid, "name").or(str_of(grid, "id"))
                    });
                    match grid {
                        Some(g) => format!("社区“{name}”的网格“{g}”"),
                        None => format!("社区“{name}”"),
                    }
                }
                "divisions" => format!("第 {} 条网格划分调整", i + 1),
                _ => "组织信息".to_owned(),
            })
        }
        ("organisation", None) => Some("组织信息".to_owned()),
        ("period", _) => Some("工作档案的期间".to_owned()),
        _ => None,
    }
}

/// `work_records[3]` → (`work_records`, Some(3)).
fn split_index(segment: &str) -> (&str, Option<usize>) {
    match segment.split_once('[') {
        Some((name, rest)) => (name, rest.split(']').next().and_then(|n| n.parse().ok())),
        None => (segment, None),
    }
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// An ID or name as quoted in a message: at most 40 characters, longer ones cut with `…`.
fn short(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(20).collect();
        cut.push('…');
        cut
    }
}

/// The record's date (or first day), when it is the text of a date field (the raw text of an
/// impossible date is quoted: it is what the clerk must find and fix).
fn date_of<'a>(record: &'a Value, path: &str, open: &dyn Fn(&str) -> bool) -> Option<&'a str> {
    let _ = path;
    ["date", "from", "assigned_on"]
        .iter()
        .filter(|k| open(k))
        .find_map(|k| str_of(record, k))
        .filter(|d| d.len() <= 32)
}

fn not_confidential(path: &str) -> bool {
    classes::dossier_class(path) != Some(Class::Confidential)
}

/// A record list of the dossier in words.
fn record_label(list: &str) -> &'static str {
    match list {
        "work_records" => "工作记录",
        "problems" => "问题记录",
        "proxy_cases" => "代办事项",
        "ledger_entries" => "台账记录",
        "meetings" => "会议记录",
        "security_patrols" => "治安巡逻记录",
        "red_grid_services" => "红色网格服务记录",
        "group_studies" => "集中学习记录",
        "self_studies" => "自学记录",
        "notebook_reviews" => "学习笔记点评",
        "duty_shifts" => "值班记录",
        "handovers" => "工作交接记录",
        "leave" => "请假记录",
        "clock_events" => "打卡记录",
        "spot_checks" => "抽查记录",
        "conduct_incidents" => "纪律情况记录",
        "activities" => "工作活动记录",
        "assigned_tasks" => "交办任务",
        _ => "记录",
    }
}

/// The last field of a path in words, when it is a common one.
fn field_label(path: &str) -> Option<&'static str> {
    let last = path.rsplit('.').next()?;
    let last = last.split('[').next()?;
    Some(match last {
        "date" => "日期",
        "from" => "起始日期",
        "to" => "截止日期",
        "start" => "开始时间",
        "end" => "结束时间",
        "time" => "时间",
        "id" => "编号",
        "person" => "人员编号",
        "grid" => "网格编号",
        "community" => "社区编号",
        "role" => "岗位",
        "patrols" => "巡查时段",
        "due_by" => "完成期限",
        "done_on" => "完成日期",
        "reported_on" => "报送日期",
        _ => return None,
    })
}

/// The line and column a syntax message names (`(line 5, column 28)`).
fn line_column(message: &str) -> Option<(usize, usize)> {
    let at = message.rfind("(line ")?;
    let rest = message.get(at + 6..)?;
    let (line, rest) = rest.split_once(", column ")?;
    let column = rest.split(')').next()?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// What is wrong, in words.
fn what_is_wrong(kind: ErrorKind, m: &str, text: Option<&str>, p: Option<&Problem>) -> String {
    let field = p
        .and_then(|p| p.path.as_deref())
        .and_then(field_label)
        .unwrap_or("");
    let record = short(p.and_then(|p| p.record.as_deref()).unwrap_or(""));
    let date = p.and_then(|p| p.date.as_deref()).map(short);
    // The field in words, else its name as the path gives it, else "某项".
    let field = if !field.is_empty() {
        field.to_owned()
    } else {
        match p
            .and_then(|p| p.path.as_deref())
            .and_then(|path| path.rsplit('.').next())
            .map(|last| last.split('[').next().unwrap_or(last))
            .filter(|last| !last.is_empty() && *last != "?")
        {
            Some(last) => format!("“{}”一项", short(last)),
            None => "某一项".to_owned(),
        }
    };
    let field = field.as_str();
    match kind {
        ErrorKind::Syntax => {
            let trimmed = text.map(str::trim_start);
            if trimmed.is_some_and(str::is_empty) {
                "文件是空的".to_owned()
            } else if trimmed.is_some_and(|t| t.starts_with("PK") || t.starts_with('\u{FFFD}')) {
                "这是表格或压缩文件（如 .xlsx），不是 JSON 文本".to_owned()
            } else if text.is_some_and(|t| t.starts_with('\u{FEFF}')) {
                "文件开头带有字节顺序标记（BOM），不是纯 JSON 文本".to_owned()
            } else {
                match line_column(m) {
                    Some((1, c)) if c <= 1 => {
                        "文件开头就不是 JSON 格式（可能是表格、文本或其他格式的文件）".to_owned()
                    }
                    Some((l, c)) if m.starts_with("EOF") => {
                        format!("文件在第 {l} 行第 {c} 列意外结束，可能不完整")
                    }
                    Some((l, c)) => format!("第 {l} 行第 {c} 列附近不是有效的 JSON 格式"),
                    None => "不是有效的 JSON 格式".to_owned(),
                }
            }
        }
        ErrorKind::Shape => {
            if m.starts_with("missing field") {
                format!("缺少必填项“{}”", backticked(m).unwrap_or("?"))
            } else if m.starts_with("unknown field") {
                format!(
                    "有无法识别的项“{}”（可能拼写有误）",
                    backticked(m).unwrap_or("?")
                )
            } else if m.starts_with("unknown variant") {
                format!("{field}的取值不在允许的范围内")
            } else if m.starts_with("invalid type") {
                format!("{field}的值类型不对")
            } else if m.starts_with("invalid value") {
                format!("{field}的取值不对")
            } else if m.starts_with("invalid length") {
                "文件结构不对（应为一个对象，而不是列表）".to_owned()
            } else if m.contains("record ID is empty") {
                "编号为空".to_owned()
            } else if m.contains("not a decimal number") {
                "不是数字".to_owned()
            } else {
                "内容不符合数据格式".to_owned()
            }
        }
        ErrorKind::InvalidTime => {
            if m.contains("is not a date that exists") {
                format!(
                    "{}不存在",
                    if field.ends_with("一项") {
                        "日期"
                    } else {
                        field
                    }
                )
            } else if m.contains("is not a date of the form") {
                "日期应写成“年-月-日”（如 2023-04-17）".to_owned()
            } else if m.contains("is not a local time") {
                "时间应写成“时:分”（00:00 至 23:59）".to_owned()
            } else if m.contains("before it starts") || m.contains("not after its start") {
                "结束早于或等于开始".to_owned()
            } else if m.contains("before it was assigned") {
                "日期早于交办日期".to_owned()
            } else if m.contains(" is before ") {
                "时间先后顺序不对".to_owned()
            } else {
                "日期或时间不成立".to_owned()
            }
        }
        ErrorKind::Overlap => {
            if m.contains("two work records") {
                "同一人同一天有两份工作记录".to_owned()
            } else if m.starts_with("patrol sessions") {
                "巡查时段相互重叠".to_owned()
            } else if m.starts_with("leave") {
                "与另一条请假的时段重叠".to_owned()
            } else if m.starts_with("assignments") {
                "与此人的另一段网格分配时间重叠".to_owned()
            } else {
                "与另一条记录重叠".to_owned()
            }
        }
        ErrorKind::DuplicateId => {
            if record.is_empty() {
                "编号重复".to_owned()
            } else {
                format!("编号 {record} 已被另一条使用")
            }
        }
        ErrorKind::UnknownReference => {
            let thing = if m.contains("no grid") {
                "网格"
            } else if m.contains("no community") {
                "社区"
            } else {
                "人员"
            };
            if m.contains("is not a person of community") {
                "所填人员不是本社区的人员".to_owned()
            } else if record.is_empty() {
                format!("所填{thing}编号不存在")
            } else {
                format!("所填{thing}编号 {record} 不在名单中")
            }
        }
        ErrorKind::OutsideCalendar => match date.or_else(|| backticked(m).map(short)) {
            Some(d) => format!("日期 {d} 所在年份不在工作日历之内"),
            None => "日期所在年份不在工作日历之内".to_owned(),
        },
        ErrorKind::InvalidPolicy => format!("{field}的取值不合理"),
        ErrorKind::UnknownClause => "所填条款编号不是《办法》中的条款".to_owned(),
        ErrorKind::InvalidOrganisation => {
            if m.contains("not the Party secretary") {
                "是网格长，但不是本社区党组织书记（第 1.1 条）".to_owned()
            } else if m.contains("helper_kind") {
                "协助人员未填写类别（第 1.1 条）".to_owned()
            } else if m.contains("is assigned to grid") {
                "被分配到了其他社区的网格".to_owned()
            } else {
                "人员或组织设置不符合第 1.1 条".to_owned()
            }
        }
        ErrorKind::InvalidPeriod => {
            if m.contains("before it starts") {
                "截止日期早于起始日期".to_owned()
            } else {
                "所选期间不在档案或管理政策的期间之内".to_owned()
            }
        }
        ErrorKind::TooLarge => {
            if m.starts_with("document is") {
                "文件太大，超过可读取的上限".to_owned()
            } else if m.starts_with("the answer would cover") {
                "所选期间和人数太多，结果过大".to_owned()
            } else {
                "内容过大或嵌套层数过深".to_owned()
            }
        }
        ErrorKind::OutOfOrder => "处理步骤的先后不符合第 2.2.2 条（如未上报就办结）".to_owned(),
        ErrorKind::MoreProblems => match m.strip_prefix("and ").and_then(|r| r.split(' ').next()) {
            Some(n) => format!("另有 {n} 个问题未列出"),
            None => "另有问题未列出".to_owned(),
        },
    }
}

/// What to do about it.
fn fix(kind: ErrorKind, m: &str, document: Option<Document>) -> &'static str {
    match kind {
        ErrorKind::Syntax => match document {
            Some(Document::Dossier) => {
                "此处需要 JSON 格式的工作档案：请用导出工具重新导出，或检查该处的引号、逗号和括号"
            }
            Some(Document::Policy) => "此处需要 JSON 格式的管理政策：请检查该处的引号、逗号和括号",
            _ => "需要 JSON 格式的文本：请检查该处的引号、逗号和括号",
        },
        ErrorKind::Shape => "请按数据格式说明改正",
        ErrorKind::InvalidTime => "请核对后改正",
        ErrorKind::Overlap => "请删去重复的一条或改正时间",
        ErrorKind::DuplicateId => "每条记录的编号须唯一，请改正其中一条",
        ErrorKind::UnknownReference => "请核对编号，或先在名单中登记",
        ErrorKind::OutsideCalendar => "请核对日期，或在管理政策中补充该年的工作日历",
        ErrorKind::InvalidPolicy | ErrorKind::UnknownClause => "请核对管理政策",
        ErrorKind::InvalidOrganisation => "请核对人员名单和网格分配",
        ErrorKind::InvalidPeriod => "请重新选择起止日期",
        ErrorKind::TooLarge if m.starts_with("the answer would cover") => {
            "请选择较短的期间或较少的社区"
        }
        ErrorKind::TooLarge => "请拆分文件或减少内容",
        ErrorKind::OutOfOrder => "请按实际先后补全或改正处理步骤",
        ErrorKind::MoreProblems => "请先改正以上问题后再试",
    }
}

/// The first value in backticks of a message.
fn backticked(m: &str) -> Option<&str> {
    let start = m.find('`')? + 1;
    let len = m.get(start..)?.find('`')?;
    m.get(start..start + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dossier() -> &'static str {
        r#"{"period":{"from":"2023-01-01","to":"2023-12-31"},
            "organisation":{"people":[{"id":"w1","name":"王芳"}]},
            "records":{"work_records":[{"id":"wr-146","person":"w1","date":"2023-02-29"}]}}"#
    }

    #[test]
    fn an_impossible_date_of_a_work_record_names_the_worker_the_record_and_the_date() {
        let p = Problem::new(
            ErrorKind::InvalidTime,
            "`2023-02-29` is not a date that exists (line 3, column 4)",
        )
        .at("records.work_records[0].date");
        let e = in_dossier(Error::from(p), dossier());
        assert_eq!(
            &*e.problems()[0].message_zh,
            "王芳 2023-02-29 的工作记录（编号 wr-146）：日期不存在，请核对后改正"
        );
    }

    #[test]
    fn an_empty_file_and_a_spreadsheet_say_what_was_expected() {
        let p = Problem::new(
            ErrorKind::Syntax,
            "EOF while parsing a value (line 1, column 0)",
        );
        let e = in_dossier(Error::from(p.clone()), "");
        assert!(
            e.problems()[0]
                .message_zh
                .starts_with("工作档案：文件是空的，此处需要 JSON 格式的工作档案")
        );
        let e = in_dossier(Error::from(p), "PK\u{3}\u{4}rest");
        assert!(e.problems()[0].message_zh.contains("表格"));
    }

    #[test]
    fn an_overlap_names_the_worker_by_name_not_by_id() {
        let p = Problem::new(
            ErrorKind::Overlap,
            "patrol sessions `08:30`–`09:30` and `09:00`–`10:00` of `w1` overlap",
        )
        .at("records.work_records[0].patrols[1]")
        .record("wr-146");
        let said = in_dossier(Error::from(p), dossier()).problems()[0]
            .message_zh
            .clone();
        assert!(said.starts_with("王芳 "), "{said}");
        assert!(!said.contains("w1"), "{said}");
    }

    #[test]
    fn clause_2_2_5_a_resident_named_in_a_ledger_entry_is_never_quoted() {
        let text = r#"{"organisation":{"people":[]},
            "records":{"ledger_entries":[{"id":"le-1","subject":"居民张三","address":"幸福路1号","date":"2023-13-01"}]}}"#;
        let p = Problem::new(
            ErrorKind::InvalidTime,
            "`2023-13-01` is not a date that exists",
        )
        .at("records.ledger_entries[0].date");
        let said = in_dossier(Error::from(p), text).problems()[0]
            .message_zh
            .clone();
        assert!(said.starts_with("第 1 条台账记录："), "{said}");
        assert!(
            !said.contains("张三") && !said.contains("幸福路") && !said.contains("le-1"),
            "{said}"
        );
    }

    #[test]
    fn every_problem_has_a_message_for_people() {
        let p = Problem::new(ErrorKind::Overlap, "patrol sessions overlap");
        assert_eq!(
            &*p.message_zh,
            "巡查时段相互重叠，请删去重复的一条或改正时间"
        );
    }
}
