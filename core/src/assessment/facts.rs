//! Facts: the counts per person and period that a scheme's components, adjustments and
//! exceptions name. Each fact has a polarity (more is better, or worse), which the linter uses
//! to check that more compliance never lowers a score.

use crate::attendance::{AttendanceReport, ConductKind};
use crate::compliance::Report;
use crate::evidence::EvidenceReport;
use crate::lang::Lang;
use crate::policy::{Binds, Policy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Counts per fact name.
pub type Facts = BTreeMap<String, i64>;

/// Whether more of a fact is better or worse for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// More is better (duties met, problems solved).
    Good,
    /// More is worse (duties missed, notices, incidents).
    Bad,
    /// Neither (duties excused, counts due).
    Neutral,
}

/// A fact a scheme may name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FactInfo {
    /// Name, such as `patrol-minutes-daily.missed`.
    pub name: String,
    /// The clause it comes from.
    pub clause: String,
    /// Whether more is better.
    pub polarity: Polarity,
    /// What it counts.
    pub description: String,
}

/// Every fact available under `policy`.
pub fn catalogue(policy: &Policy) -> Vec<FactInfo> {
    let mut out = Vec::new();
    let mut add = |name: String, clause: &str, polarity: Polarity, description: String| {
        out.push(FactInfo {
            name,
            clause: clause.to_owned(),
            polarity,
            description,
        });
    };
    for o in &policy.document().obligations {
        if o.binds == Binds::Community {
            continue;
        }
        add(
            format!("{}.met", o.id),
            &o.clause,
            Polarity::Good,
            format!("instances of `{}` met", o.id),
        );
        add(
            format!("{}.missed", o.id),
            &o.clause,
            Polarity::Bad,
            format!("instances of `{}` missed", o.id),
        );
        add(
            format!("{}.excused", o.id),
            &o.clause,
            Polarity::Neutral,
            format!("instances of `{}` excused", o.id),
        );
    }
    add(
        "compliance.met".into(),
        "4.1",
        Polarity::Good,
        "all duties met".into(),
    );
    add(
        "compliance.missed".into(),
        "4.1",
        Polarity::Bad,
        "all duties missed".into(),
    );
    add(
        "compliance.due".into(),
        "4.1",
        Polarity::Neutral,
        "all duties due (met + missed)".into(),
    );
    for (name, clause, polarity, what) in OTHER_FACTS {
        add((*name).to_owned(), clause, *polarity, (*what).to_owned());
    }
    for clause in CONDUCT_CLAUSES {
        add(
            format!("conduct.incidents.{clause}"),
            clause,
            Polarity::Bad,
            format!("conduct incidents under {clause} (any kind of that sub-clause)"),
        );
    }
    for kind in ConductKind::ALL {
        add(
            format!("conduct.{}", snake(kind)),
            kind.clause(),
            Polarity::Bad,
            format!("conduct incidents of the kind {}", kind.label_zh()),
        );
    }
    out
}

/// The sub-clauses of 3.6 that conduct kinds fall under, each a fact of its own so a deduction
/// cites the sub-clause breached.
const CONDUCT_CLAUSES: [&str; 5] = ["3.6.1", "3.6.2", "3.6.3", "3.6.4", "3.6.5"];

/// The compliance facts of each person in a report.
pub fn from_compliance(report: &Report) -> BTreeMap<String, Facts> {
    let mut out = BTreeMap::new();
    for p in &report.people {
        let mut facts = Facts::new();
        for o in &p.obligations {
            facts.insert(format!("{}.met", o.obligation), i64::from(o.totals.met));
            facts.insert(
                format!("{}.missed", o.obligation),
                i64::from(o.totals.missed),
            );
            facts.insert(
                format!("{}.excused", o.obligation),
                i64::from(o.totals.excused),
            );
        }
        facts.insert("compliance.met".into(), i64::from(p.totals.met));
        facts.insert("compliance.missed".into(), i64::from(p.totals.missed));
        facts.insert("compliance.due".into(), i64::from(p.totals.due()));
        out.insert(p.person.clone(), facts);
    }
    out
}

/// Facts from attendance (3.3, 3.4, 3.6) and evidence (2.1.4, 2.1.8, 4.1).
const OTHER_FACTS: &[(&str, &str, Polarity, &str)] = &[
    (
        "attendance.absent_half_days",
        "3.3",
        Polarity::Bad,
        "half-days of absence without reason (无故缺勤): sessions with no presence and no leave; never lateness",
    ),
    (
        "attendance.late_as_absent_half_days",
        "3.3",
        Polarity::Bad,
        "half-days the policy's local rule late_or_early_counts_as_absence counts as absence because of lateness or early leave (按本地规定计旷工); always 0 without that rule",
    ),
    (
        "attendance.absent_half_days_incl_local_rule",
        "3.3",
        Polarity::Bad,
        "attendance.absent_half_days plus attendance.late_as_absent_half_days",
    ),
    (
        "attendance.late_days",
        "3.6.1",
        Polarity::Bad,
        "days late (迟到), outside sessions a local rule counts as absence",
    ),
    (
        "attendance.early_days",
        "3.6.1",
        Polarity::Bad,
        "days left early (早退), outside sessions a local rule counts as absence",
    ),
    (
        "attendance.late_or_early_days",
        "3.6.1",
        Polarity::Bad,
        "attendance.late_days plus attendance.early_days (不准迟到、早退): a day both late and left early counts twice",
    ),
    (
        "attendance.notices",
        "3.4",
        Polarity::Bad,
        "notices of criticism received (通报批评) that count: a notice the clock records contradict counts only when the policy's contradicted_notice_counts says so",
    ),
    (
        "conduct.incidents",
        "3.6.2",
        Polarity::Bad,
        "conduct incidents of any kind (3.6.1–3.6.5)",
    ),
    (
        "problems.found",
        "4.1",
        Polarity::Good,
        "problems found (发现的问题)",
    ),
    (
        "problems.solved",
        "4.1",
        Polarity::Good,
        "problems solved on the spot or resolved after escalation (解决的问题)",
    ),
    (
        "problems.feedback_given",
        "2.2.2",
        Polarity::Good,
        "problems with feedback given to residents",
    ),
    (
        "problems.open",
        "4.1",
        Polarity::Neutral,
        "problems not yet solved at the period's end",
    ),
    (
        "problems.reports_late",
        "2.1.4",
        Polarity::Bad,
        "urgent reports late or missing (2.1.4, 2.1.7, 2.1.8)",
    ),
    (
        "problems.reports_late_at_once",
        "2.1.4",
        Polarity::Bad,
        "reports due 第一时间 (at once) late or missing (2.1.4)",
    ),
    (
        "problems.reports_late_promptly",
        "2.1.7",
        Polarity::Bad,
        "reports due 及时 (promptly) late or missing (2.1.7, 2.1.8)",
    ),
    (
        "proxy.completed",
        "2.1.8",
        Polarity::Good,
        "proxy services completed",
    ),
];

fn snake<T: Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Adds the attendance facts of each person (3.3, 3.4, 3.6).
pub fn add_attendance(out: &mut BTreeMap<String, Facts>, report: &AttendanceReport) {
    for p in &report.people {
        let facts = out.entry(p.person.clone()).or_default();
        let c = &p.counts;
        facts.insert(
            "attendance.absent_half_days".into(),
            i64::from(c.absent_half_days),
        );
        facts.insert(
            "attendance.late_as_absent_half_days".into(),
            i64::from(c.late_as_absent_half_days),
        );
        facts.insert(
            "attendance.absent_half_days_incl_local_rule".into(),
            i64::from(c.absent_half_days) + i64::from(c.late_as_absent_half_days),
        );
        facts.insert("attendance.late_days".into(), i64::from(c.late_days));
        facts.insert("attendance.early_days".into(), i64::from(c.early_days));
        facts.insert(
            "attendance.late_or_early_days".into(),
            i64::from(c.late_days) + i64::from(c.early_days),
        );
        facts.insert("attendance.notices".into(), i64::from(c.notices));
        facts.insert("conduct.incidents".into(), i64::from(c.conduct));
    }
    for c in &report.conduct {
        let facts = out.entry(c.person.clone()).or_default();
        *facts
            .entry(format!("conduct.{}", snake(c.kind)))
            .or_insert(0) += 1;
        *facts
            .entry(format!("conduct.incidents.{}", c.kind.clause()))
            .or_insert(0) += 1;
    }
}

/// What lies behind some facts of each person, in words, per fact: the days a local rule counted
/// as absence (3.3) and the notices the clock records contradict (3.4). Reason lines resting on
/// these facts show them.
pub type Notes = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The notes of the attendance facts (3.3, 3.4).
pub fn attendance_notes(report: &AttendanceReport, lang: Lang) -> Notes {
    let mut out = Notes::new();
    for d in &report.days {
        if let Some(text) = d.conversion_text(lang) {
            let mine = out.entry(d.person.clone()).or_default();
            for f in [
                "attendance.late_as_absent_half_days",
                "attendance.absent_half_days_incl_local_rule",
            ] {
                mine.entry(f.to_owned()).or_default().push(text.clone());
            }
        }
    }
    for n in &report.notices {
        if n.contradicted_by.is_empty()
            || !n.counted
            || n.recipient_role != crate::attendance::NoticeRecipient::Worker
        {
            continue;
        }
        let text = match lang {
            Lang::Zh => format!(
                "{} 通报{}与打卡记录不符，待核实，按本地规定在核实前计入",
                n.date, n.id
            ),
            Lang::En => format!(
                "{} notice {} contradicted by the clock records, to be verified; counted until settled, a local choice",
                n.date, n.id
            ),
        };
        out.entry(n.recipient.clone())
            .or_default()
            .entry("attendance.notices".to_owned())
            .or_default()
            .push(text);
    }
    out
}

/// Adds the evidence facts of each person (2.1.4, 2.1.8, 2.2.2, 4.1).
pub fn add_evidence(out: &mut BTreeMap<String, Facts>, report: &EvidenceReport) {
    let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    for p in &report.people {
        let facts = out.entry(p.person.clone()).or_default();
        let m = &p.problems;
        facts.insert("problems.found".into(), n(m.found));
        facts.insert("problems.solved".into(), n(m.solved_on_spot + m.resolved));
        facts.insert("problems.feedback_given".into(), n(m.feedback_given));
        facts.insert("problems.open".into(), n(m.open));
        facts.insert("problems.reports_late".into(), n(m.reports_late));
        facts.insert(
            "problems.reports_late_at_once".into(),
            n(m.reports_late_at_once),
        );
        facts.insert(
            "problems.reports_late_promptly".into(),
            n(m.reports_late_promptly),
        );
        facts.insert("proxy.completed".into(), n(p.proxy.completed));
    }
}

/// A fact named in words for reasons (no internal code in the text): `work-record-daily.missed`
/// becomes "每日填写网格员工作记录表未达标", `attendance.absent_half_days` "无故缺勤半天". A
/// fact with no words falls back to its name.
pub fn label(policy: &Policy, name: &str, lang: crate::lang::Lang) -> String {
    use crate::lang::Lang;
    let zh = matches!(lang, Lang::Zh);
    if let Some((obligation, outcome)) = name.rsplit_once('.') {
        if let Some(o) = policy
            .document()
            .obligations
            .iter()
            .find(|o| o.id == obligation)
        {
            let (title, word) = if zh {
                let w = match outcome {
                    "met" => "达标",
                    "missed" => "未达标",
                    "excused" => "免除",
                    _ => "",
                };
                (o.title_zh.as_str(), w)
            } else {
                let w = match outcome {
                    "met" => " met",
                    "missed" => " missed",
                    "excused" => " excused",
                    _ => "",
                };
                (o.title_en.as_str(), w)
            };
            if !word.is_empty() {
                return format!("{title}{word}");
            }
        }
    }
    if let Some(kind) = name
        .strip_prefix("conduct.")
        .and_then(|k| ConductKind::ALL.into_iter().find(|c| snake(*c) == k))
    {
        return if zh {
            kind.label_zh().to_owned()
        } else {
            snake(kind).replace('_', " ")
        };
    }
    if let Some(clause) = name.strip_prefix("conduct.incidents.") {
        return if zh {
            format!("违反{clause}的行为")
        } else {
            format!("conduct incidents under {clause}")
        };
    }
    let words = match name {
        "attendance.absent_half_days" => Some(("无故缺勤半天", "half-days absent without reason")),
        "attendance.late_days" => Some(("迟到", "days late")),
        "attendance.early_days" => Some(("早退", "days left early")),
        "attendance.notices" => Some(("被通报批评", "notices of criticism")),
        "conduct.incidents" => Some(("违反工作纪律", "conduct incidents")),
        "problems.found" => Some(("发现问题", "problems found")),
        "problems.solved" => Some(("解决问题", "problems solved")),
        "problems.feedback_given" => Some(("向居民反馈", "problems with feedback given")),
        "problems.open" => Some(("未解决问题", "problems open")),
        "problems.reports_late" => Some(("紧急事项上报超时", "urgent reports late")),
        "proxy.completed" => Some(("代办完成", "proxy services completed")),
        "compliance.met" => Some(("职责达标", "duties met")),
        "compliance.missed" => Some(("职责未达标", "duties missed")),
        "compliance.due" => Some(("应履行职责", "duties due")),
        _ => None,
    };
    match words {
        Some((z, e)) => if zh { z } else { e }.to_owned(),
        None => name.to_owned(),
    }
}
