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
//! ([`Problem::new`], through [`crate::error_zh`]); the reading of a document then names the record, the person and the
//! date from the document itself ([`in_dossier`], [`in_document`]). Kind, path and record stay
//! for integrators.
//!
//! Confidentiality (2.2.5): a message quotes only a person's name from the roster (a public
//! field, checked against the field classes), IDs and dates (internal, as the problem's own
//! `record` and `date`), never the value of a confidential field nor the offending value of
//! one.

use crate::confidentiality::classes::{self, Class};
use crate::error::{Error, ErrorKind, Problem};
pub use crate::error_zh::Document;
use crate::error_zh::{Place, date_of, fix, generic, short, str_of, what_is_wrong};
use serde_json::Value;

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
pub fn in_dossier_value(error: Error, dossier: &impl serde::Serialize) -> Error {
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
    let at = Place {
        path: p.path.as_deref(),
        record: p.record.as_deref(),
        date: p.date.as_deref(),
    };
    let what = what_is_wrong(p.kind, &p.message, text, Some(at));
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
