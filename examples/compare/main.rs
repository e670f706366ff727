//! Before a subdistrict changes its measures: one dossier under two policies (#18).
//!
//! Prints what changed from policy A (the one in force; the embedded default unless given) to
//! policy B, then the grade distribution of each community under each (4.2), the workers whose
//! grade changes with the reasons that differ and their points, and everyone else. With
//! `--sweep PATH --values V1,V2,…` it sweeps one value of policy A instead.
//!
//! ```text
//! cargo run --release --bin compare -- --policy-b examples/policies/xincheng-2022-reform.policy.json
//! cargo run --release --bin compare -- --policy-b examples/policies/points-monthly.policy.json --lang en
//! cargo run --release --bin compare -- --sweep 'assessment.bands[0].min.value' --values 88,90,92,95
//! cargo run --release --bin compare -- [--policy-a FILE] --policy-b FILE [--dossier FILE] [--from D --to D] [--lang zh|en] [--json]
//! ```
//! (`wangge compare` of the `wangge` command does the same once it lands.)
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program prints"
)]

use std::process::ExitCode;
use wangge::assessment::{Distribution, Grade};
use wangge::decimal::Decimal;
use wangge::reform::{Comparison, Movement, PolicyDiff, Sweep, compare, diff, sweep};
use wangge::{Date, DateRange, Dossier, Lang, Options, Policy};

#[derive(Default)]
struct Args {
    policy_a: Option<String>,
    policy_b: Option<String>,
    dossier: Option<String>,
    from: Option<String>,
    to: Option<String>,
    en: bool,
    json: bool,
    sweep: Option<String>,
    values: Option<String>,
}

const USAGE: &str = "usage: compare [--policy-a FILE] --policy-b FILE [--dossier FILE] [--from YYYY-MM-DD --to YYYY-MM-DD] [--lang zh|en] [--json]\n       compare [--policy-a FILE] --sweep PATH --values V1,V2,... [--dossier FILE] [--lang zh|en] [--json]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("`{a}` needs a value"));
        match a.as_str() {
            "--policy-a" => args.policy_a = Some(value()?),
            "--policy-b" => args.policy_b = Some(value()?),
            "--dossier" => args.dossier = Some(value()?),
            "--from" => args.from = Some(value()?),
            "--to" => args.to = Some(value()?),
            "--lang" => {
                args.en = match value()?.as_str() {
                    "zh" => false,
                    "en" => true,
                    other => return Err(format!("unknown language `{other}` (zh or en)")),
                }
            }
            "--json" => args.json = true,
            "--sweep" => args.sweep = Some(value()?),
            "--values" => args.values = Some(value()?),
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(args)
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))
}

fn show(what: &str, e: &wangge::Error) -> String {
    let lines: Vec<String> = e
        .problems()
        .iter()
        .map(|p| format!("  {}: {}", p.path.as_deref().unwrap_or("-"), p.message))
        .collect();
    format!("{what}:\n{}", lines.join("\n"))
}

fn policy(path: Option<&String>) -> Result<Policy, String> {
    match path {
        Some(p) => Policy::from_json(&read(p)?).map_err(|e| show(p, &e)),
        None => Ok(Policy::xincheng_2022()),
    }
}

fn grade(g: Option<Grade>, en: bool) -> &'static str {
    match g {
        Some(g) if en => g.label_en(),
        Some(g) => g.label_zh(),
        None => "—",
    }
}

fn dist(d: &Distribution) -> String {
    Grade::ALL
        .iter()
        .map(|g| format!("{:>2}", d.of(*g)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn print_diff(d: &PolicyDiff, en: bool) {
    let (title, none) = if en {
        ("What changes", "  (no change)")
    } else {
        ("政策改动", "  （无改动）")
    };
    println!(
        "{title}: {} {} → {} {}",
        d.a.id, d.a.version, d.b.id, d.b.version
    );
    if d.changes.is_empty() {
        println!("{none}");
    }
    for (i, c) in d.changes.iter().enumerate() {
        println!("  {}. {}", i + 1, if en { &c.text_en } else { &c.text_zh });
    }
}

fn print_comparison(c: &Comparison, en: bool) {
    let head = if en {
        "grades (excellent competent basically-competent incompetent): A | B"
    } else {
        "等次分布（第4.2条；优秀 称职 基本称职 不称职）：甲 | 乙"
    };
    println!("\n{head}");
    for m in &c.communities {
        let moves = if en {
            format!("{} up, {} down", m.up, m.down)
        } else {
            format!("上升{}人，下降{}人", m.up, m.down)
        };
        println!(
            "  {:<10} {} | {}   {moves}",
            m.name,
            dist(&m.distribution_a),
            dist(&m.distribution_b)
        );
    }
    if let Some(note) = &c.note {
        println!("  ! {note}");
    }
    println!(
        "\n{}",
        if en {
            "Workers whose grade changes (largest change first)"
        } else {
            "等次变化的人员（变化大者在前）"
        }
    );
    let movers: Vec<_> = c
        .workers
        .iter()
        .filter(|w| w.movement != Movement::Same)
        .collect();
    if movers.is_empty() {
        println!("  {}", if en { "(none)" } else { "（无）" });
    }
    for w in movers {
        println!("  {} {} {}：{}", w.person, w.name, w.community, w.text);
        for r in &w.reasons {
            let p = |x: Option<Decimal>| x.map_or_else(|| "—".to_owned(), |d| d.to_string());
            let (sa, sb) = if en { ("A", "B") } else { ("甲", "乙") };
            let texts: Vec<String> = [(sa, &r.text_a), (sb, &r.text_b)]
                .into_iter()
                .filter_map(|(side, t)| t.as_ref().map(|t| format!("{side}: {t}")))
                .collect();
            println!(
                "      [{}] {} {} → {}  {}",
                r.clause,
                r.id,
                p(r.points_a),
                p(r.points_b),
                texts.join("  ")
            );
        }
    }
    println!("\n{}", if en { "Everyone else" } else { "其余人员" });
    for w in c.workers.iter().filter(|w| w.movement == Movement::Same) {
        println!(
            "  {} {} {}：{}",
            w.person,
            w.name,
            grade(w.grade_a, en),
            w.text
        );
    }
}

fn print_sweep(s: &Sweep, en: bool) {
    println!(
        "{} {} [{}] {} = {}{}",
        s.policy.id,
        s.policy.version,
        s.clause,
        s.path,
        s.base_value,
        if s.linked_paths.is_empty() {
            String::new()
        } else {
            format!(" (+ {})", s.linked_paths.join(", "))
        }
    );
    println!(
        "  {:>8}  {}   {}",
        if en { "value" } else { "取值" },
        if en {
            "exc com bas inc"
        } else {
            "优秀 称职 基本 不称职"
        },
        if en {
            "grade differs from the policy's own"
        } else {
            "与现行取值相比等次变化的人员"
        }
    );
    for step in &s.steps {
        let who: Vec<String> = step
            .movers
            .iter()
            .map(|m| {
                format!(
                    "{} {} {}→{}",
                    m.name,
                    m.score,
                    grade(Some(m.grade_base), en),
                    grade(Some(m.grade), en)
                )
            })
            .collect();
        let line = format!(
            "  {:>8}  {}   {}",
            step.value.to_string(),
            dist(&step.distribution),
            who.join("；")
        );
        println!("{}", line.trim_end());
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let a = policy(args.policy_a.as_ref())?;
    let dossier = match &args.dossier {
        Some(p) => Dossier::from_json(&read(p)?).map_err(|e| show(p, &e))?,
        None => wangge::sample::community_2023(),
    };
    let period = match (&args.from, &args.to) {
        (Some(f), Some(t)) => Some(DateRange::new(Date::parse(f)?, Date::parse(t)?)),
        (None, None) => None,
        _ => return Err("give both `--from` and `--to`, or neither".into()),
    };
    let options = Options {
        period,
        lang: if args.en { Lang::En } else { Lang::Zh },
        ..Options::default()
    };
    if let Some(path) = &args.sweep {
        let values: Vec<Decimal> = args
            .values
            .as_deref()
            .ok_or("`--sweep` needs `--values V1,V2,...`")?
            .split(',')
            .map(|v| Decimal::parse(v.trim()))
            .collect::<Result<_, _>>()?;
        let s = sweep(&a, path, &values, &dossier, &options).map_err(|e| show("sweep", &e))?;
        if args.json {
            println!("{}", wangge::to_json_pretty(&s));
        } else {
            print_sweep(&s, args.en);
        }
        return Ok(());
    }
    let b = policy(Some(args.policy_b.as_ref().ok_or(USAGE)?))?;
    let c = compare(&a, &b, &dossier, &options).map_err(|e| show("comparison", &e))?;
    let d = diff(&a, &b);
    if args.json {
        println!(
            "{{\"diff\":{},\"comparison\":{}}}",
            wangge::to_json(&d),
            wangge::to_json(&c)
        );
        return Ok(());
    }
    print_diff(&d, args.en);
    print_comparison(&c, args.en);
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
