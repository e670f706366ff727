//! Prints the annual table (4.1, 5.1, 5.2) and the community roll-up (4.2).

use wangge::assessment::{Assessment, RuleKind};
use wangge::lang::Lang;

pub(crate) fn print(a: &Assessment) {
    let zh = a.lang == Lang::Zh;
    println!(
        "{} {} — {}",
        if zh {
            "网格员年度考核"
        } else {
            "annual assessment"
        },
        a.period,
        a.policy.id
    );
    for w in &a.workers {
        println!();
        println!(
            "{} {} ({})  {} {}  {} {}{}",
            w.name,
            w.person,
            w.community,
            if zh { "得分" } else { "score" },
            w.score,
            if zh { "等次" } else { "grade" },
            w.grade.label_zh(),
            if w.award_eligible {
                ""
            } else if zh {
                "  【取消年度评先资格】"
            } else {
                "  [no award eligibility]"
            }
        );
        for r in w.rules.iter().filter(|r| r.kind != RuleKind::Consequence) {
            let over = r
                .overridden_by
                .as_ref()
                .map(|o| format!(" (overridden by {o})"))
                .unwrap_or_default();
            println!("    · {}{over}", r.text);
        }
        for r in w.rules.iter().filter(|r| r.kind == RuleKind::Consequence) {
            println!("    ⇒ {}", r.text);
        }
        if !w.margin.text.is_empty() {
            println!("    ↕ {}", w.margin.text);
        }
    }
    for c in &a.communities {
        println!();
        println!(
            "{} {}: {} {}  优秀 {} / 称职 {} / 基本称职 {} / 不称职 {}  {} {}  {} {}/{}  {} {}{}",
            if zh {
                "社区汇总 (4.2)"
            } else {
                "community roll-up (4.2)"
            },
            c.name,
            c.workers,
            if zh { "人" } else { "workers" },
            c.distribution.excellent,
            c.distribution.competent,
            c.distribution.basically_competent,
            c.distribution.incompetent,
            if zh { "平均分" } else { "mean" },
            c.mean_score.map(|m| m.to_string()).unwrap_or_default(),
            if zh {
                "社区职责 达标/未达标"
            } else {
                "own duties met/missed"
            },
            c.own_duties.met,
            c.own_duties.missed,
            if zh {
                "月度考勤上报"
            } else {
                "monthly attendance reports"
            },
            c.monthly_attendance_reports,
            if c.attendance_not_collected.is_empty() {
                String::new()
            } else if zh {
                format!("（未采集：{}）", c.attendance_not_collected.join("、"))
            } else {
                format!(
                    " (not collected: {})",
                    c.attendance_not_collected.join(", ")
                )
            }
        );
    }
}
