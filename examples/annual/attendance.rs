//! Prints one month's attendance report of each community (3.3) and the period's notices of
//! criticism (3.4), conduct incidents (3.6) and attendance anomalies.

use wangge::attendance::{self, DayClass};
use wangge::{Date, DateRange, Dossier, Policy};

/// Prints the attendance part for `period`, with the monthly table of the period's first month.
pub(crate) fn print(policy: &Policy, dossier: &Dossier, period: DateRange) -> Result<(), String> {
    let report = attendance::evaluate(policy, dossier, period)
        .map_err(|e| format!("attendance: {} problem(s): {e}", e.problems().len()))?;
    // One month: March when the period covers it, else the first month.
    let march = Date::from_ymd(period.from.year(), 3, 1).filter(|d| period.contains(*d));
    let wanted = march.unwrap_or(period.from);
    let month = format!("{:04}-{:02}", wanted.year(), wanted.month());
    println!();
    println!("==== 出勤考勤（第3.3条）：{month} 月度出勤记录，报街道党工委 ====");
    for m in report.months.iter().filter(|m| m.month == month) {
        println!("-- {} ({})", m.name, m.community);
        for line in m.to_csv().lines() {
            println!("  {line}");
        }
    }
    println!();
    println!(
        "==== 抽查检查（第3.4条）：通报批评 {} 份 ====",
        report.notices.len()
    );
    for n in &report.notices {
        println!(
            "  [{}] {} {} → {}（{}）{}",
            n.clause,
            n.id,
            n.fact.label_zh(),
            n.recipient,
            n.recipient_role.label_zh(),
            if n.contradicted_by.is_empty() {
                String::new()
            } else {
                format!(
                    "  ！与打卡记录不符，待核实（{}）：{}",
                    if n.counted { "计入" } else { "不计入" },
                    n.contradicted_by.join(", ")
                )
            }
        );
        println!("        {}", n.text_zh);
    }
    println!();
    println!(
        "==== 其他要求（第3.6条）：违反工作要求 {} 起 ====",
        report.conduct.len()
    );
    for c in &report.conduct {
        println!("  [{}] {} {}", c.clause, c.record, c.text_zh);
    }
    println!();
    println!("==== 全期出勤汇总（供考核使用） ====");
    for p in &report.people {
        let c = &p.counts;
        println!(
            "  {} {}：应出勤 {} 天，{} {} 天，迟到 {} 次 {} 分钟，早退 {} 次 {} 分钟，无故缺勤（旷工） {} 天{}，通报批评 {} 次，违反工作要求 {} 起",
            p.person,
            p.name,
            c.working_days,
            DayClass::Present.label_zh(),
            c.class(DayClass::Present),
            c.late_days,
            c.late_minutes,
            c.early_days,
            c.early_minutes,
            c.absent_days_text(),
            if c.late_as_absent_half_days == 0 {
                String::new()
            } else {
                format!(
                    "，迟到早退按本地规定计旷工 {} 天",
                    c.late_as_absent_days_text()
                )
            },
            c.notices,
            c.conduct
        );
    }
    if !report.anomalies.is_empty() {
        println!();
        println!(
            "==== 考勤记录异常 {} 条（未自动处理） ====",
            report.anomalies.len()
        );
        for a in report.anomalies.iter().take(10) {
            println!("  [{}] {}：{}", a.clause, a.kind.label_zh(), a.message);
        }
    }
    Ok(())
}
