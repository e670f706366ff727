//! `wangge attendance`: the monthly attendance report each community sends the subdistrict
//! Party committee (3.3), the notices of criticism after spot checks (3.4) and conduct (3.6).

use crate::common::{CallArgs, Failure, Format, OutputArgs, csv_bytes, format_parser, refused};
use crate::dossier::DossierArgs;
use crate::text::{Text, pick};
use crate::xlsx::{Cell, Sheet};
use wangge::Lang;
use wangge::attendance::{AttendanceReport, MonthlyReport};

/// Monthly attendance report (3.3), notices of criticism (3.4), conduct (3.6)
///
/// The monthly attendance report of each community (3.3): days present, late, left early,
/// absent without leave, leave by kind; the notices of criticism (3.4) and conduct (3.6).
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Examples:
  # March's report, readable
  wangge attendance --sample --month 2023-03
  # the same as an Excel workbook
  wangge attendance --sample --month 2023-03 -o 考勤-2023-03.xlsx
  # every month of the dossier, CSV for Excel
  wangge attendance --dossier d.json -o attendance.csv
  # printable
  wangge attendance --dossier d.json --month 2023-03 -o march.html

--month YYYY-MM is short for --from and --to over that month. The workbook has
one sheet per month (every community's rows and totals, 合计), the notices of
criticism (3.4), and what it was computed from; headings are Chinese, or
English with --lang en.
",
    crate::exit_codes!()
))]
pub(crate) struct Args {
    #[command(flatten)]
    dossier: DossierArgs,
    #[command(flatten)]
    call: CallArgs,
    /// One month (YYYY-MM) instead of --from and --to
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["from", "to"])]
    month: Option<String>,
    /// Output format; by default the output file's extension (.json, .csv, .xlsx, .html), else table
    #[arg(long, value_parser = format_parser(&FORMATS))]
    format: Option<Format>,
    #[command(flatten)]
    output: OutputArgs,
}

const FORMATS: [Format; 5] = [
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Xlsx,
    Format::Html,
];

/// The first and last day of a `YYYY-MM` month.
fn month_range(month: &str) -> Result<(String, String), Failure> {
    let bad = || {
        Failure::Input(format!(
            "`{month}` is not a month (YYYY-MM, such as 2023-03)"
        ))
    };
    let (y, m) = month.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let y: i32 = y.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    let first = wangge::Date::from_ymd(y, m, 1).ok_or_else(bad)?;
    let next = if m == 12 {
        wangge::Date::from_ymd(y + 1, 1, 1)
    } else {
        wangge::Date::from_ymd(y, m + 1, 1)
    };
    let last = next.and_then(|n| n.add_days(-1)).ok_or_else(bad)?;
    Ok((first.to_string(), last.to_string()))
}

pub(crate) fn run(mut args: Args) -> Result<(), Failure> {
    let format = args.output.format(args.format, &FORMATS)?;
    let answer = answer(&mut args, format);
    args.output.deliver(answer)
}

/// The answer's bytes in `format`, or why there is none.
fn answer(args: &mut Args, format: Format) -> Result<Vec<u8>, Failure> {
    let json = format == Format::Json;
    if let Some(month) = &args.month {
        let (from, to) = month_range(month)?;
        args.call.from = Some(from);
        args.call.to = Some(to);
    }
    let options = args.call.options_json(json)?;
    let (text, what) = args.dossier.read()?;
    let policy = args.call.policy(json)?;
    let report = wangge::api::attendance_under(&policy, &text, Some(&options))
        .map_err(refused(&what, json))?;
    let lang = args.call.lang.lang();
    let bytes = match format {
        Format::Json => {
            let mut s = wangge::api::Answer::success(report).to_json();
            s.push('\n');
            s.into_bytes()
        }
        Format::Csv => csv_bytes(&csv(&report)),
        Format::Html => html(&report).into_bytes(),
        Format::Xlsx => crate::xlsx::workbook(&sheets(&report, lang))?,
        Format::Table => table(&report, lang).into_bytes(),
    };
    Ok(bytes)
}

/// Every month's table (the core's CSV), the heading row once.
fn csv(r: &AttendanceReport) -> String {
    let mut out = String::new();
    for (i, m) in r.months.iter().enumerate() {
        let table = m.to_csv();
        let body = if i == 0 {
            table.as_str()
        } else {
            table.split_once('\n').map_or("", |(_, rest)| rest)
        };
        out.push_str(body);
    }
    out
}

/// Every month's printable page (the core's HTML), one after the other in one page.
fn html(r: &AttendanceReport) -> String {
    let pages: Vec<String> = r.months.iter().map(MonthlyReport::to_html).collect();
    let Some(first) = pages.first() else {
        return String::from(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出勤记录</title></head><body><p>本期无出勤报表</p></body></html>\n",
        );
    };
    if pages.len() == 1 {
        return first.clone();
    }
    let head = first.split_once("<body>").map_or("", |(h, _)| h);
    let mut out = format!("{head}<body>\n");
    for page in &pages {
        let body = page
            .split_once("<body>")
            .and_then(|(_, rest)| rest.split_once("</body>"))
            .map_or("", |(b, _)| b);
        out.push_str("<section style=\"page-break-after:always\">");
        out.push_str(body);
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// English for the core's headings; a heading not listed stays as the core writes it.
fn heading_en(zh: &str) -> String {
    let known = [
        ("社区", "community"),
        ("月份", "month"),
        ("编号", "ID"),
        ("姓名", "name"),
        ("应出勤天数", "working days"),
        ("正常出勤天数", "days present"),
        ("迟到次数", "days late"),
        ("迟到分钟", "minutes late"),
        ("早退次数", "days left early"),
        ("早退分钟", "minutes left early"),
        ("无故缺勤（旷工）天数", "days absent without leave"),
        (
            "迟到早退按本地规定计旷工天数",
            "lateness counted as absence, days (local choice)",
        ),
        ("年休假天数", "annual leave, days"),
        ("病假天数", "sick leave, days"),
        ("事假天数", "personal leave, days"),
        ("婚假天数", "marriage leave, days"),
        ("丧假天数", "bereavement leave, days"),
        ("调休天数", "time off in lieu, days"),
        ("未注明类别天数", "leave of no stated kind, days"),
        ("公出天数", "official business, days"),
        ("休息日值班天数", "rest-day duty, days"),
        ("打卡记录不全天数", "days with incomplete clock records"),
        ("通报批评次数", "notices of criticism"),
        ("违反工作要求次数", "conduct incidents"),
    ];
    known
        .iter()
        .find(|(z, _)| *z == zh)
        .map_or_else(|| zh.to_owned(), |(_, en)| (*en).to_owned())
}

/// One sheet per month: the core's table rows of every community, typed (the month as a date,
/// counts as numbers), with a remark for a month without clock records (未采集).
fn sheets(r: &AttendanceReport, lang: Lang) -> Vec<Sheet> {
    let mut sheets: Vec<Sheet> = Vec::new();
    for m in &r.months {
        let table = m.table();
        let Some(head) = table.first() else { continue };
        let sheet = match sheets.iter_mut().find(|s| s.name == m.month) {
            Some(s) => s,
            None => {
                let mut headings: Vec<String> = match lang {
                    Lang::Zh => head.clone(),
                    Lang::En => head.iter().map(|h| heading_en(h)).collect(),
                };
                headings.push(pick(lang, "备注", "remark").to_owned());
                sheets.push(Sheet {
                    name: m.month.clone(),
                    headings,
                    rows: Vec::new(),
                });
                let Some(s) = sheets.last_mut() else { continue };
                s
            }
        };
        let remark = if m.collected {
            String::new()
        } else {
            pick(
                lang,
                "本月无打卡记录，未采集",
                "no clock records this month: not collected",
            )
            .to_owned()
        };
        for row in table.iter().skip(1) {
            let mut cells: Vec<Cell> = row
                .iter()
                .zip(head.iter())
                .map(|(value, h)| match h.as_str() {
                    "社区" | "编号" | "姓名" => Cell::text(value),
                    "月份" => Cell::Month(value.clone()),
                    _ => match value.parse::<i64>() {
                        Ok(n) => Cell::Int(n),
                        Err(_) => match wangge::decimal::Decimal::parse(value) {
                            Ok(d) => Cell::Score(d),
                            Err(_) => Cell::text(value),
                        },
                    },
                })
                .collect();
            cells.push(Cell::text(&remark));
            sheet.rows.push(cells);
        }
    }
    let mut notices = Sheet::new(
        pick(lang, "通报批评（3.4）", "notices (3.4)"),
        match lang {
            Lang::Zh => &[
                "编号",
                "日期",
                "时间",
                "社区",
                "被通报人",
                "身份",
                "涉及人员",
                "抽查发现",
                "条款",
                "通报内容",
                "与打卡记录不符",
                "计入考核",
            ],
            Lang::En => &[
                "ID",
                "date",
                "time",
                "community",
                "recipient",
                "as",
                "concerning",
                "found",
                "clause",
                "notice",
                "contradicted by clock records",
                "counted",
            ],
        },
    );
    for n in &r.notices {
        notices.rows.push(vec![
            Cell::text(&n.id),
            Cell::Date(n.date),
            Cell::text(n.time.to_string()),
            Cell::text(&n.community),
            Cell::text(&n.recipient),
            Cell::text(n.recipient_role.label_zh()),
            Cell::text(&n.concerning),
            Cell::text(n.fact.label_zh()),
            Cell::text(&n.clause),
            Cell::text(&n.text_zh),
            Cell::text(n.contradicted_by.join(", ")),
            Cell::text(match (n.counted, lang) {
                (true, Lang::Zh) => "是",
                (false, Lang::Zh) => "否",
                (true, Lang::En) => "yes",
                (false, Lang::En) => "no",
            }),
        ]);
    }
    sheets.push(notices);
    sheets.push(crate::assess::about(
        lang,
        &r.policy.id,
        &r.policy.version,
        r.period,
        r.complete,
        pick(
            lang,
            "网格员出勤记录（3.3）",
            "monthly attendance report (3.3)",
        ),
    ));
    sheets
}

/// The readable report: each month's table, the notices, conduct and anomalies.
fn table(r: &AttendanceReport, lang: Lang) -> Text {
    let mut t = Text::default();
    for m in &r.months {
        t.line(format!(
            "==== {} {} {}{} ====",
            m.name,
            m.month,
            pick(lang, "网格员出勤记录（第3.3条）", "attendance report (3.3)"),
            if m.collected {
                ""
            } else {
                pick(lang, "：未采集", ": not collected")
            }
        ));
        for line in m.to_csv().lines() {
            t.line(format!("  {line}"));
        }
        t.blank();
    }
    t.line(format!(
        "==== {} {} ====",
        pick(lang, "通报批评（第3.4条）", "notices of criticism (3.4)"),
        r.notices.len()
    ));
    for n in &r.notices {
        t.line(format!(
            "  [{}] {} {} {} → {}（{}）{}",
            n.clause,
            n.id,
            n.date,
            n.fact.label_zh(),
            n.recipient,
            n.recipient_role.label_zh(),
            if n.contradicted_by.is_empty() {
                String::new()
            } else {
                format!(
                    "  {}（{}）：{}",
                    pick(
                        lang,
                        "与打卡记录不符，待核实",
                        "contradicted by clock records"
                    ),
                    if n.counted {
                        pick(lang, "计入", "counted")
                    } else {
                        pick(lang, "不计入", "not counted")
                    },
                    n.contradicted_by.join(", ")
                )
            }
        ));
        t.line(format!("        {}", n.text_zh));
    }
    t.blank();
    t.line(format!(
        "==== {} {} ====",
        pick(lang, "违反工作要求（第3.6条）", "conduct (3.6)"),
        r.conduct.len()
    ));
    for c in &r.conduct {
        t.line(format!(
            "  [{}] {} {} {}",
            c.clause, c.date, c.record, c.text_zh
        ));
    }
    if !r.anomalies.is_empty() {
        t.blank();
        t.line(format!(
            "==== {} {} ====",
            pick(
                lang,
                "考勤记录异常（未自动处理）",
                "clock-record anomalies (left as they are)"
            ),
            r.anomalies.len()
        ));
        for a in &r.anomalies {
            t.line(format!(
                "  [{}] {}: {}",
                a.clause,
                a.kind.label_zh(),
                a.message
            ));
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_runs_from_its_first_to_its_last_day() {
        let (from, to) = month_range("2024-02").ok().unwrap_or_default();
        assert_eq!((from.as_str(), to.as_str()), ("2024-02-01", "2024-02-29"));
        let (_, to) = month_range("2023-12").ok().unwrap_or_default();
        assert_eq!(to, "2023-12-31");
        for bad in ["2023-13", "2023-3", "March", "2023-00"] {
            assert!(month_range(bad).is_err(), "{bad}");
        }
    }
}
