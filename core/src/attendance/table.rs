//! The monthly attendance report as a printable table (3.3): CSV and simple HTML, with Chinese
//! headings.

use super::{AttendanceCounts, DayClass, LeaveKind, MonthlyReport};

/// Leave kinds shown as columns (official business has its own column).
const LEAVE_COLUMNS: [LeaveKind; 7] = [
    LeaveKind::Annual,
    LeaveKind::Sick,
    LeaveKind::Personal,
    LeaveKind::Marriage,
    LeaveKind::Bereavement,
    LeaveKind::Compensatory,
    LeaveKind::Unspecified,
];

fn headings() -> Vec<String> {
    let mut h: Vec<String> = [
        "社区",
        "月份",
        "编号",
        "姓名",
        "应出勤天数",
        "正常出勤天数",
        "迟到次数",
        "迟到分钟",
        "早退次数",
        "早退分钟",
        "无故缺勤（旷工）天数",
        "迟到早退按本地规定计旷工天数",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    h.extend(
        LEAVE_COLUMNS
            .iter()
            .map(|k| format!("{}天数", k.label_zh())),
    );
    h.extend(
        [
            "公出天数",
            "休息日值班天数",
            "打卡记录不全天数",
            "通报批评次数",
            "违反工作要求次数",
        ]
        .iter()
        .map(|s| (*s).to_owned()),
    );
    h
}

fn cells(r: &MonthlyReport, id: &str, name: &str, c: &AttendanceCounts) -> Vec<String> {
    let mut v = vec![
        r.name.clone(),
        r.month.clone(),
        id.to_owned(),
        name.to_owned(),
        c.working_days.to_string(),
        c.class(DayClass::Present).to_string(),
        c.late_days.to_string(),
        c.late_minutes.to_string(),
        c.early_days.to_string(),
        c.early_minutes.to_string(),
        c.absent_days_text(),
        c.late_as_absent_days_text(),
    ];
    v.extend(
        LEAVE_COLUMNS
            .iter()
            .map(|k| c.leave_days.get(k).copied().unwrap_or(0).to_string()),
    );
    v.extend([
        c.class(DayClass::OfficialBusiness).to_string(),
        c.class(DayClass::RestDayDuty).to_string(),
        c.class(DayClass::Incomplete).to_string(),
        c.notices.to_string(),
        c.conduct.to_string(),
    ]);
    v
}

/// Columns of text (community, month, ID, name); the rest are numbers.
const TEXT_COLUMNS: usize = 4;

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl MonthlyReport {
    /// The table's rows: headings, one row per worker, then the totals (合计).
    pub fn table(&self) -> Vec<Vec<String>> {
        let mut out = vec![headings()];
        for row in &self.rows {
            out.push(cells(self, &row.person, &row.name, &row.counts));
        }
        out.push(cells(self, "", "合计", &self.totals));
        out
    }

    /// The report as CSV (RFC 4180, `\n` line ends, Chinese headings). Text cells that a
    /// spreadsheet could read as a formula are neutralised ([`crate::csv::text_cell`]).
    ///
    /// ```
    /// # use wangge::{attendance, sample, Date, DateRange, Policy};
    /// # let p = Policy::xincheng_2022();
    /// # let d = sample::community_2023();
    /// # let m = DateRange::new(Date::parse("2023-03-01").unwrap(), Date::parse("2023-03-31").unwrap());
    /// let report = attendance::evaluate(&p, &d, m).unwrap();
    /// let csv = report.month("c1", "2023-03").unwrap().to_csv();
    /// assert!(csv.lines().last().unwrap().contains("合计"));
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in self.table() {
            let line: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i < TEXT_COLUMNS {
                        crate::csv::text_cell(c)
                    } else {
                        crate::csv::number_cell(c)
                    }
                })
                .collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
        out
    }

    /// The report as a simple, self-contained HTML page.
    pub fn to_html(&self) -> String {
        let title = format!(
            "{} {} 网格员出勤记录（报街道党工委，依据第{}条）{}",
            self.name,
            self.month,
            self.clause,
            if self.collected {
                ""
            } else {
                "：本月无打卡记录，未采集"
            }
        );
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>{t}</title>\n<style>table{{border-collapse:collapse}}td,th{{border:1px solid #888;padding:2px 6px;text-align:right}}td:nth-child(-n+4){{text-align:left}}</style></head>\n<body>\n<table>\n<caption>{t}</caption>\n",
            t = html_escape(&title)
        );
        let table = self.table();
        let last = table.len().saturating_sub(1);
        for (i, row) in table.iter().enumerate() {
            let tag = if i == 0 || i == last { "th" } else { "td" };
            out.push_str("<tr>");
            for c in row {
                out.push_str(&format!("<{tag}>{}</{tag}>", html_escape(c)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str(&format!(
            "</table>\n<p>统计期间：{} 至 {}。无故缺勤（旷工）指无打卡且无请假的时段，以半天计；迟到、早退按本社区作息时间及宽限分钟计算，不计为旷工，除非本地规定另有换算（单列一栏）。</p>\n</body>\n</html>\n",
            self.period.from, self.period.to
        ));
        out
    }
}
