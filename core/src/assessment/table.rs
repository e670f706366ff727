//! The annual table as CSV and as printable HTML, with Chinese headings.

use super::{Assessment, RuleKind};
use crate::lang::Lang;

const HEAD: [&str; 8] = [
    "网格员编号",
    "姓名",
    "社区",
    "得分",
    "等次",
    "失分及等次原因（条款）",
    "奖惩（5.1/5.2）",
    "评先资格",
];

/// Every rule that cost points or limited the grade, in the order of the result (exceptions
/// first), then the margin line that names what decides the grade: nothing is left out.
fn reasons(w: &super::WorkerResult) -> String {
    w.rules
        .iter()
        .filter(|r| r.kind != RuleKind::Consequence)
        .map(|r| r.text.clone())
        .chain((!w.margin.text.is_empty()).then(|| w.margin.text.clone()))
        .collect::<Vec<_>>()
        .join("；")
}

fn consequences(w: &super::WorkerResult, lang: Lang) -> String {
    w.consequences
        .iter()
        .map(|c| match lang {
            Lang::Zh => format!("{} {}", c.clause(), c.label_zh()),
            Lang::En => format!("{} {}", c.clause(), c.label_en()),
        })
        .collect::<Vec<_>>()
        .join("；")
}

/// The column of the score, a number; the others are text.
const SCORE_COLUMN: usize = 3;

/// The annual table as CSV (UTF-8, with a header row in Chinese). Text cells that a
/// spreadsheet could read as a formula are neutralised ([`crate::csv::text_cell`]).
///
/// ```
/// use wangge::assessment::{assess, table};
/// let a = assess(&wangge::Policy::xincheng_2022(), &wangge::sample::community_2023(), &Default::default()).unwrap();
/// let csv = table::to_csv(&a);
/// assert!(csv.starts_with("网格员编号,姓名,社区,得分,等次"));
/// assert_eq!(csv.lines().count(), 1 + a.workers.len());
/// ```
pub fn to_csv(a: &Assessment) -> String {
    let mut out = HEAD.join(",");
    out.push('\n');
    for w in &a.workers {
        let row = [
            w.person.clone(),
            w.name.clone(),
            w.community.clone(),
            w.score.to_string(),
            w.grade.label_zh().to_owned(),
            reasons(w),
            consequences(w, a.lang),
            if w.award_eligible { "是" } else { "否" }.to_owned(),
        ];
        out.push_str(
            &row.iter()
                .enumerate()
                .map(|(i, f)| {
                    if i == SCORE_COLUMN {
                        crate::csv::number_cell(f)
                    } else {
                        crate::csv::text_cell(f)
                    }
                })
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The annual table and the community roll-up as a printable HTML page.
pub fn to_html(a: &Assessment) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>网格员年度考核</title>\
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}th{background:#eee}@media print{body{margin:0}}</style></head><body>\n",
    );
    out.push_str(&format!(
        "<h1>网格员年度考核（{}）</h1>\n<p>政策：{} {}</p>\n<table>\n<tr>",
        esc(&a.period.to_string()),
        esc(&a.policy.id),
        esc(&a.policy.version)
    ));
    for h in HEAD {
        out.push_str(&format!("<th>{h}</th>"));
    }
    out.push_str("</tr>\n");
    for w in &a.workers {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&w.person),
            esc(&w.name),
            esc(&w.community),
            w.score,
            w.grade.label_zh(),
            esc(&reasons(w)),
            esc(&consequences(w, a.lang)),
            if w.award_eligible { "是" } else { "否" }
        ));
    }
    out.push_str("</table>\n<h2>社区汇总（4.2）</h2>\n<table>\n<tr><th>社区</th><th>人数</th><th>优秀</th><th>称职</th><th>基本称职</th><th>不称职</th><th>平均分</th><th>社区职责达标/未达标</th></tr>\n");
    for c in &a.communities {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}/{}</td></tr>\n",
            esc(&c.name),
            c.workers,
            c.distribution.excellent,
            c.distribution.competent,
            c.distribution.basically_competent,
            c.distribution.incompetent,
            c.mean_score.map(|m| m.to_string()).unwrap_or_default(),
            c.own_duties.met,
            c.own_duties.missed
        ));
    }
    out.push_str("</table>\n</body></html>\n");
    out
}
