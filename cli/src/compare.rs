//! `wangge compare`: the same records under two policies (#18) — what changed between them,
//! who changes grade and why, and each community's distribution (4.2) under both.

use crate::common::{CallArgs, Failure, Format, OutputArgs, format_parser, read_text, refused};
use crate::dossier::DossierArgs;
use crate::text::pick;
use crate::xlsx::{Cell, Sheet};
use std::fmt::Write as _;
use std::path::PathBuf;
use wangge::Lang;
use wangge::assessment::{Distribution, Grade};
use wangge::reform::{Comparison, Movement, PolicyDiff};

/// Two policies over the same records: who changes grade, and why (#18)
///
/// Grade every grid worker of a dossier under the policy in force (A: `--policy`, the embedded
/// default when absent) and under a proposal (B: `--policy-b`): what changed between the two
/// policies, each clause cited; for every worker the score and grade under each, and for those
/// who move the rules that explain it; each community's grade distribution (4.2) under both.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Examples:
  # the sample under the default measures and the reform draft
  wangge compare --sample --policy-b examples/policies/xincheng-2022-reform.policy.json
  # the default against a points-based monthly scheme, as an Excel workbook
  wangge compare --sample --policy-b examples/policies/points-monthly.policy.json -o 对比.xlsx
  # your own records and policies, the answer as the bindings give it
  wangge compare --dossier d.json --policy in-force.json --policy-b draft.json --format json
",
    crate::exit_codes!()
))]
pub(crate) struct Args {
    #[command(flatten)]
    dossier: DossierArgs,
    /// Policy A is `--policy` (the one in force); this is policy B, the proposal
    #[arg(long = "policy-b", value_name = "FILE")]
    policy_b: PathBuf,
    #[command(flatten)]
    call: CallArgs,
    /// Output format; by default the output file's extension (.json, .xlsx), else table
    #[arg(long, value_parser = format_parser(&FORMATS))]
    format: Option<Format>,
    #[command(flatten)]
    output: OutputArgs,
}

const FORMATS: [Format; 3] = [Format::Table, Format::Json, Format::Xlsx];

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let format = args.output.format(args.format, &FORMATS)?;
    let answer = answer(&args, format);
    args.output.deliver(answer)
}

fn answer(args: &Args, format: Format) -> Result<Vec<u8>, Failure> {
    let json = format == Format::Json;
    let options = args.call.options_json(json)?;
    let (text, what) = args.dossier.read()?;
    let a = args.call.policy(json)?;
    let b_text = read_text(&args.policy_b)?;
    let b_what = format!("the policy `{}`", args.policy_b.display());
    let b = wangge::Policy::from_json(&b_text).map_err(refused(&b_what, json))?;
    let comparison =
        wangge::api::compare_under(&a, &b, &text, Some(&options)).map_err(refused(&what, json))?;
    Ok(match format {
        Format::Json => {
            let mut s = wangge::api::Answer::success(comparison).to_json();
            s.push('\n');
            s.into_bytes()
        }
        Format::Xlsx => crate::xlsx::workbook(&sheets(&comparison))?,
        _ => table(&wangge::api::diff_under(&a, &b), &comparison).into_bytes(),
    })
}

fn grade(g: Option<Grade>, lang: Lang) -> &'static str {
    match g {
        Some(g) => pick(lang, g.label_zh(), g.label_en()),
        None => "—",
    }
}

fn dist(d: &Distribution) -> String {
    Grade::ALL
        .iter()
        .map(|g| format!("{:>3}", d.of(*g)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The diff, each community's distributions, then the workers who move with their reasons.
fn table(diff: &PolicyDiff, c: &Comparison) -> String {
    let lang = c.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} {} → {} {}  ({} {}..{})",
        pick(lang, "政策对比", "Policies compared"),
        c.a.id,
        c.a.version,
        c.b.id,
        c.b.version,
        pick(lang, "考核期", "period"),
        c.period.from,
        c.period.to
    );
    let _ = writeln!(out, "\n{}", pick(lang, "政策改动", "What changes"));
    if diff.changes.is_empty() {
        let _ = writeln!(out, "  {}", pick(lang, "（无改动）", "(no change)"));
    }
    for (i, ch) in diff.changes.iter().enumerate() {
        let text = match lang {
            Lang::Zh => &ch.text_zh,
            Lang::En => &ch.text_en,
        };
        let _ = writeln!(out, "  {}. {text}", i + 1);
    }
    let _ = writeln!(
        out,
        "\n{}",
        pick(
            lang,
            "等次分布（4.2；优秀 称职 基本称职 不称职）：甲 | 乙",
            "Grades (4.2; excellent competent basically-competent incompetent): A | B"
        )
    );
    for m in &c.communities {
        let _ = writeln!(
            out,
            "  {}  {} | {}   {}",
            m.name,
            dist(&m.distribution_a),
            dist(&m.distribution_b),
            match lang {
                Lang::Zh => format!("上升{}人，下降{}人", m.up, m.down),
                Lang::En => format!("{} up, {} down", m.up, m.down),
            }
        );
    }
    if let Some(note) = &c.note {
        let _ = writeln!(out, "  ! {note}");
    }
    let _ = writeln!(
        out,
        "\n{}",
        pick(
            lang,
            "等次变化的人员（变化大者在前）",
            "Workers whose grade changes (largest change first)"
        )
    );
    let mut movers = 0;
    for w in c.workers.iter().filter(|w| w.movement != Movement::Same) {
        movers += 1;
        let _ = writeln!(out, "  {} {}：{}", w.person, w.name, w.text);
        for r in &w.reasons {
            let p = |x: Option<wangge::decimal::Decimal>| {
                x.map_or_else(|| "—".to_owned(), |d| d.to_string())
            };
            let line = match (r.points_a, r.points_b) {
                // A consequence or an exception without points: what it says under each.
                (None, None) => {
                    let (sa, sb) = (pick(lang, "甲", "A"), pick(lang, "乙", "B"));
                    [(sa, &r.text_a), (sb, &r.text_b)]
                        .into_iter()
                        .filter_map(|(side, t)| t.as_ref().map(|t| format!("{side}：{t}")))
                        .collect::<Vec<_>>()
                        .join("；")
                }
                (a, b) => format!("{}: {} → {}", r.id, p(a), p(b)),
            };
            let _ = writeln!(out, "      [{}] {line}", r.clause);
        }
    }
    if movers == 0 {
        let _ = writeln!(out, "  {}", pick(lang, "（无）", "(none)"));
    }
    out
}

/// Two sheets: every worker under both policies, and the communities' distributions.
fn sheets(c: &Comparison) -> Vec<Sheet> {
    let lang = c.lang;
    let mut workers = Sheet::new(
        pick(lang, "人员对比", "Workers"),
        match lang {
            Lang::Zh => &[
                "人员",
                "姓名",
                "社区",
                "甲得分",
                "乙得分",
                "变化",
                "甲等次",
                "乙等次",
                "说明",
            ],
            Lang::En => &[
                "Person",
                "Name",
                "Community",
                "Score A",
                "Score B",
                "Change",
                "Grade A",
                "Grade B",
                "Explanation",
            ],
        },
    );
    let score = |d: Option<wangge::decimal::Decimal>| d.map_or(Cell::Empty, Cell::Score);
    for w in &c.workers {
        workers.rows.push(vec![
            Cell::text(&w.person),
            Cell::text(&w.name),
            Cell::text(&w.community),
            score(w.score_a),
            score(w.score_b),
            score(w.score_change),
            Cell::text(grade(w.grade_a, lang)),
            Cell::text(grade(w.grade_b, lang)),
            Cell::text(&w.text),
        ]);
    }
    let zh = [
        "社区",
        "甲优秀",
        "甲称职",
        "甲基本称职",
        "甲不称职",
        "乙优秀",
        "乙称职",
        "乙基本称职",
        "乙不称职",
        "上升",
        "下降",
    ];
    let en = [
        "Community",
        "A excellent",
        "A competent",
        "A basically competent",
        "A incompetent",
        "B excellent",
        "B competent",
        "B basically competent",
        "B incompetent",
        "Up",
        "Down",
    ];
    let mut communities = Sheet::new(
        pick(lang, "等次分布（4.2）", "Distribution (4.2)"),
        match lang {
            Lang::Zh => &zh[..],
            Lang::En => &en[..],
        },
    );
    for m in &c.communities {
        let mut row = vec![Cell::text(&m.name)];
        for d in [&m.distribution_a, &m.distribution_b] {
            row.extend(Grade::ALL.iter().map(|g| Cell::Int(i64::from(d.of(*g)))));
        }
        row.push(Cell::Int(i64::from(m.up)));
        row.push(Cell::Int(i64::from(m.down)));
        communities.rows.push(row);
    }
    vec![workers, communities]
}
