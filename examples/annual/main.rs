//! The main job: evaluates a community's year under a policy and prints a readable summary.
//!
//! Prints the annual grades (4.1) with their reasons and consequences, the community roll-up
//! (4.2), then the compliance summary behind them.
//!
//! ```text
//! cargo run --release --bin annual                       # the built-in sample community, 2023
//! cargo run --release --bin annual -- --dossier d.json --policy p.json [--from 2023-01-01 --to 2023-06-30] [--lang en] [--json]
//! ```
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program prints"
)]

mod attendance;
mod evidence;
mod grades;

use std::process::ExitCode;
use wangge::compliance::{Finding, PersonReport, Unit};
use wangge::{Date, DateRange, Dossier, Lang, Options, Policy, Report, Status, evaluate};

struct Args {
    dossier: Option<String>,
    policy: Option<String>,
    from: Option<String>,
    to: Option<String>,
    lang: Lang,
    json: bool,
    write_sample: Option<String>,
    csv: Option<String>,
    html: Option<String>,
    compliance: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        dossier: None,
        policy: None,
        from: None,
        to: None,
        lang: Lang::Zh,
        json: false,
        write_sample: None,
        csv: None,
        html: None,
        compliance: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("`{a}` needs a value"));
        match a.as_str() {
            "--dossier" => args.dossier = Some(value()?),
            "--policy" => args.policy = Some(value()?),
            "--from" => args.from = Some(value()?),
            "--to" => args.to = Some(value()?),
            "--lang" => {
                args.lang = match value()?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(format!("unknown language `{other}` (zh or en)")),
                }
            }
            "--json" => args.json = true,
            "--write-sample" => args.write_sample = Some(value()?),
            "--csv" => args.csv = Some(value()?),
            "--html" => args.html = Some(value()?),
            "--compliance" => args.compliance = true,
            "-h" | "--help" => {
                return Err("usage: annual [--dossier FILE] [--policy FILE] [--from YYYY-MM-DD --to YYYY-MM-DD] [--lang zh|en] [--json] [--compliance] [--csv FILE] [--html FILE] [--write-sample FILE]".into());
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    if let Some(path) = &args.write_sample {
        let mut text = wangge::sample::community_2023().to_json();
        text.push('\n');
        return std::fs::write(path, text).map_err(|e| format!("cannot write `{path}`: {e}"));
    }
    let policy = match &args.policy {
        Some(p) => Policy::from_json(&read(p)?).map_err(|e| show_error(p, &e))?,
        None => Policy::xincheng_2022(),
    };
    let dossier = match &args.dossier {
        Some(p) => Dossier::from_json(&read(p)?).map_err(|e| show_error(p, &e))?,
        None => wangge::sample::community_2023(),
    };
    let period = match (&args.from, &args.to) {
        (Some(f), Some(t)) => Some(DateRange::new(Date::parse(f)?, Date::parse(t)?)),
        (None, None) => None,
        _ => return Err("give both `--from` and `--to`, or neither".into()),
    };
    let options = Options {
        period,
        lang: args.lang,
        ..Options::default()
    };
    let report = evaluate(&policy, &dossier, &options).map_err(|e| show_error("evaluation", &e))?;
    let assessment = match policy.document().assessment {
        Some(_) => Some(
            wangge::assessment::assess(&policy, &dossier, &options)
                .map_err(|e| show_error("assessment", &e))?,
        ),
        None => None,
    };
    if let (Some(path), Some(a)) = (&args.csv, &assessment) {
        std::fs::write(path, wangge::assessment::table::to_csv(a))
            .map_err(|e| format!("cannot write `{path}`: {e}"))?;
    }
    if let (Some(path), Some(a)) = (&args.html, &assessment) {
        std::fs::write(path, wangge::assessment::table::to_html(a))
            .map_err(|e| format!("cannot write `{path}`: {e}"))?;
    }
    if args.json {
        match (&assessment, args.compliance) {
            (Some(a), false) => println!("{}", wangge::to_json_pretty(a)),
            _ => println!("{}", wangge::to_json_pretty(&report)),
        }
        return Ok(());
    }
    if let Some(a) = &assessment {
        grades::print(a);
        println!();
    }
    print_summary(&report, &dossier);
    attendance::print(&policy, &dossier, report.period)?;
    evidence::print(&policy, &dossier, report.period, report.lang);
    Ok(())
}

fn show_error(what: &str, e: &wangge::Error) -> String {
    let mut out = format!("{what}: {} problem(s)", e.problems().len());
    for p in e.problems() {
        out.push_str(&format!("\n  - [{}] {p}", p.kind.tag()));
    }
    out
}

fn print_summary(report: &Report, dossier: &Dossier) {
    let zh = report.lang == Lang::Zh;
    println!(
        "{} {} — {} {}@{}",
        dossier.organisation.subdistrict.name,
        if zh {
            "网格员履职合规报告"
        } else {
            "grid-work compliance report"
        },
        report.period,
        report.policy.id,
        report.policy.version
    );
    if !report.complete {
        println!(
            "{} {}",
            if zh {
                "注意：有记录未被采用："
            } else {
                "note: records set aside:"
            },
            report.warnings.len()
        );
        for w in report.warnings.iter().take(5) {
            println!("  - {}", w.message);
        }
    }
    for c in &report.communities {
        println!();
        println!(
            "== {} ({}) — {}: {} {} / {} {} / {} {}",
            c.name,
            c.community,
            if zh {
                "社区职责"
            } else {
                "community duties"
            },
            c.totals.met,
            Status::Met.label_zh(),
            c.totals.missed,
            Status::Missed.label_zh(),
            c.totals.excused,
            Status::Excused.label_zh()
        );
        for o in &report.obligations {
            if o.binds != wangge::policy::Binds::Community {
                continue;
            }
            let t = c.totals_of(&o.id);
            let missed: Vec<String> = c
                .findings
                .iter()
                .filter(|f| f.obligation == o.id && f.status == Status::Missed)
                .take(3)
                .map(|f| f.period.to_string())
                .collect();
            println!(
                "  [{:<6}] {:<28} {:>4} {} {:>3} {} {:>3} {}{}",
                o.clause,
                o.title,
                t.met,
                Status::Met.label_zh(),
                t.missed,
                Status::Missed.label_zh(),
                t.excused,
                Status::Excused.label_zh(),
                if missed.is_empty() {
                    String::new()
                } else {
                    format!("  ← {}", missed.join(", "))
                }
            );
        }
    }
    for p in &report.people {
        print_person(report, p);
    }
    println!();
    println!(
        "{}",
        if zh {
            "条款原文："
        } else {
            "clauses cited:"
        }
    );
    for (id, c) in &report.clauses {
        let text: String = c.text_zh.chars().take(60).collect();
        println!("  {id} {} — {text}…", c.title_zh);
    }
}

fn print_person(report: &Report, p: &PersonReport) {
    println!();
    println!(
        "-- {} {} ({}) — {} {} / {} {} / {} {}",
        p.role.label_zh(),
        p.name,
        p.person,
        p.totals.met,
        Status::Met.label_zh(),
        p.totals.missed,
        Status::Missed.label_zh(),
        p.totals.excused,
        Status::Excused.label_zh()
    );
    for o in &report.obligations {
        let Some(t) = p.obligations.iter().find(|x| x.obligation == o.id) else {
            continue;
        };
        if t.totals.due() + t.totals.excused == 0 {
            continue;
        }
        let worst = worst_misses(p.findings_of(&o.id));
        println!(
            "  [{:<6}] {:<28} {:>4} {} {:>3} {} {:>3} {}{}",
            o.clause,
            o.title,
            t.totals.met,
            Status::Met.label_zh(),
            t.totals.missed,
            Status::Missed.label_zh(),
            t.totals.excused,
            Status::Excused.label_zh(),
            worst
        );
    }
}

/// The first three misses, with their shortfall.
fn worst_misses<'a>(findings: impl Iterator<Item = &'a Finding>) -> String {
    let mut misses: Vec<&Finding> = findings.filter(|f| f.status == Status::Missed).collect();
    misses.sort_by_key(|f| {
        f.shortfall
            .as_ref()
            .map(|s| (s.actual - s.required, f.period.from))
    });
    let shown: Vec<String> = misses
        .iter()
        .take(3)
        .map(|f| match &f.shortfall {
            Some(s) if s.unit == Unit::Minutes => {
                format!("{} {}/{}", f.period, s.actual, s.required)
            }
            _ => f.period.to_string(),
        })
        .collect();
    if shown.is_empty() {
        String::new()
    } else {
        format!("  ← {}", shown.join(", "))
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
