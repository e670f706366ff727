//! The evidence part of the main job: each worker's problem metrics (2.2.2, 4.1) and proxy
//! cases (2.1.8), late or missing urgent reports (2.1.4, 2.1.7, 2.1.8) and stale ledger
//! entries (2.1.2).

use wangge::evidence::{self, EvidenceUnit, FindingKind, Ratio};
use wangge::{DateRange, Dossier, Lang, Policy};

fn pct(r: Option<Ratio>) -> String {
    r.map_or_else(
        || "—".into(),
        |r| format!("{}.{}%", r.per_mille_floor() / 10, r.per_mille_floor() % 10),
    )
}

/// Prints the evidence report of `period`, or the error.
pub(crate) fn print(policy: &Policy, dossier: &Dossier, period: DateRange, lang: Lang) {
    let zh = lang == Lang::Zh;
    let report = match evidence::evaluate(policy, dossier, period) {
        Ok(r) => r,
        Err(e) => {
            println!("evidence: {e}");
            return;
        }
    };
    println!();
    println!(
        "{}",
        if zh {
            "== 发现并解决问题情况（4.1、2.2.2）与事项代办（2.1.8）"
        } else {
            "== problems found and solved (4.1, 2.2.2) and proxy services (2.1.8)"
        }
    );
    let head: [&str; 11] = if zh {
        [
            "网格员",
            "发现",
            "当场解决",
            "上报",
            "上报后解决",
            "未解决",
            "已反馈",
            "解决率",
            "解决用时中位数(分钟)",
            "上报超时/应上报",
            "代办办结/受理",
        ]
    } else {
        [
            "worker",
            "found",
            "spot",
            "esc",
            "res",
            "open",
            "fb",
            "solved",
            "median min",
            "late/due",
            "proxy",
        ]
    };
    println!("  {}", head.join(" | "));
    for p in &report.people {
        let m = &p.problems;
        println!(
            "  {} {} | {} | {} | {} | {} | {} | {} | {} | {} | {}/{} | {}/{}",
            p.person,
            p.name,
            m.found,
            m.solved_on_spot,
            m.escalated,
            m.resolved,
            m.open,
            m.feedback_given,
            pct(m.solved_rate),
            m.median_minutes_to_solve
                .map_or_else(|| "—".into(), |r| r.to_string()),
            m.reports_late,
            m.reports_due,
            p.proxy.closed,
            p.proxy.opened,
        );
    }
    let reports: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::StaleLedgerEntry)
        .collect();
    println!();
    println!(
        "{} {}",
        if zh {
            "== 紧急事项上报超时或未上报（2.1.4、2.1.7、2.1.8）："
        } else {
            "== urgent reports late or missing (2.1.4, 2.1.7, 2.1.8):"
        },
        reports.len()
    );
    for f in &reports {
        println!(
            "  [{:<5}] {} {} {} {} {}: {} (≤ {} min)",
            f.clause,
            f.date,
            f.person.as_deref().unwrap_or("-"),
            f.record,
            f.channel.map_or("", |c| c.label_zh()),
            f.kind.label_zh(),
            f.actual.map_or_else(|| "—".into(), |a| format!("{a} min")),
            f.limit,
        );
    }
    println!();
    println!(
        "{}",
        if zh {
            "== 台账（2.1.2），截至期末："
        } else {
            "== ledgers (2.1.2), as of the period's end:"
        }
    );
    for g in &report.ledgers {
        let groups: Vec<&str> = g.must_visit_groups.iter().map(|m| m.label_zh()).collect();
        println!(
            "  {}: {} {}, {} {}; {} {}",
            g.grid,
            g.current,
            if zh { "条在册" } else { "current" },
            g.stale,
            if zh { "条未及时更新" } else { "stale" },
            if zh {
                "五必访对象："
            } else {
                "must-visit:"
            },
            groups.join("、")
        );
    }
    for f in report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::StaleLedgerEntry)
    {
        let unit = if f.unit == EvidenceUnit::Days {
            "d"
        } else {
            "min"
        };
        println!(
            "  [{}] {} {} {}: {}{unit} > {}{unit} ({})",
            f.clause,
            f.grid,
            f.record,
            f.kind.label_zh(),
            f.actual.unwrap_or(0),
            f.limit,
            f.person.as_deref().unwrap_or("-")
        );
    }
}
