//! The message for people of a problem known by its kind and English message alone (a
//! primitive: [`crate::error::Problem::new`] makes every problem's `message_zh` with it), and
//! the wording shared with [`crate::people_message`], which then names the record, the person
//! and the date from the document the problem was found in. Quotes nothing but what the English
//! message and the path already hold.

use crate::error::kind::ErrorKind;
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
    pub(crate) fn zh(self) -> &'static str {
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

pub(crate) fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// An ID or name as quoted in a message: at most 40 characters, longer ones cut with `…`.
pub(crate) fn short(text: &str) -> String {
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
pub(crate) fn date_of<'a>(
    record: &'a Value,
    path: &str,
    open: &dyn Fn(&str) -> bool,
) -> Option<&'a str> {
    let _ = path;
    ["date", "from", "assigned_on"]
        .iter()
        .filter(|k| open(k))
        .find_map(|k| str_of(record, k))
        .filter(|d| d.len() <= 32)
}

/// The last field of a path in words, when it is a common one.
pub(crate) fn field_label(path: &str) -> Option<&'static str> {
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
pub(crate) fn line_column(message: &str) -> Option<(usize, usize)> {
    let at = message.rfind("(line ")?;
    let rest = message.get(at + 6..)?;
    let (line, rest) = rest.split_once(", column ")?;
    let column = rest.split(')').next()?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// Where a problem is, as far as it says: its path, record and date.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    pub(crate) path: Option<&'a str>,
    pub(crate) record: Option<&'a str>,
    pub(crate) date: Option<&'a str>,
}

/// What is wrong, in words.
pub(crate) fn what_is_wrong(
    kind: ErrorKind,
    m: &str,
    text: Option<&str>,
    p: Option<Place<'_>>,
) -> String {
    let field = p.and_then(|p| p.path).and_then(field_label).unwrap_or("");
    let record = short(p.and_then(|p| p.record).unwrap_or(""));
    let date = p.and_then(|p| p.date).map(short);
    // The field in words, else its name as the path gives it, else "某项".
    let field = if !field.is_empty() {
        field.to_owned()
    } else {
        match p
            .and_then(|p| p.path)
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
pub(crate) fn fix(kind: ErrorKind, m: &str, document: Option<Document>) -> &'static str {
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
pub(crate) fn backticked(m: &str) -> Option<&str> {
    let start = m.find('`')? + 1;
    let len = m.get(start..)?.find('`')?;
    m.get(start..start + len)
}
