//! `wangge assess`: the annual grades (4.1) with their reasons, the consequences of 5.1 and 5.2,
//! and the community roll-up (4.2).

use crate::common::{CallArgs, Failure, Format, OutputArgs, csv_bytes, format_parser, refused};
use crate::dossier::DossierArgs;
use crate::text::{Text, pick};
use crate::xlsx::{Cell, Sheet};
use std::collections::BTreeMap;
use wangge::assessment::{Assessment, RuleKind, WorkerResult};
use wangge::{Dossier, Lang};

/// Annual grades (4.1) with reasons and clauses, consequences (5.1, 5.2), roll-up (4.2)
///
/// Grade every grid worker of a dossier for a period (4.1), with the reasons and clauses, the
/// consequences of 5.1 and 5.2 and the community roll-up (4.2).
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Examples:
  # the sample community's 2023 grades, readable
  wangge assess --sample
  # as an Excel workbook: one sheet per community, the roll-up (4.2)
  wangge assess --sample --format xlsx -o grades.xlsx
  # your dossier and policy, the first half-year
  wangge assess --dossier d.json --policy p.json --from 2023-01-01 --to 2023-06-30
  # CSV (UTF-8 with a byte-order mark) for Excel; printable HTML
  wangge assess --dossier d.json -o grades.csv
  wangge assess --dossier d.json -o grades.html
  # the answer as the C and WebAssembly bindings give it
  wangge assess --dossier d.json --format json

A dossier is required: --dossier FILE (- reads standard input), or --sample for
the built-in sample, so that the sample's grades are never taken for yours.
",
    crate::exit_codes!()
))]
pub(crate) struct Args {
    #[command(flatten)]
    dossier: DossierArgs,
    #[command(flatten)]
    call: CallArgs,
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

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let format = args.output.format(args.format, &FORMATS)?;
    let answer = answer(&args, format);
    args.output.deliver(answer)
}

/// The answer's bytes in `format`, or why there is none.
fn answer(args: &Args, format: Format) -> Result<Vec<u8>, Failure> {
    let json = format == Format::Json;
    let options = args.call.options_json(json)?;
    let (text, what) = args.dossier.read()?;
    let policy = args.call.policy(json)?;
    let assessment =
        wangge::api::assess_under(&policy, &text, Some(&options)).map_err(refused(&what, json))?;
    let bytes = match format {
        Format::Json => {
            let mut s = wangge::api::Answer::success(assessment).to_json();
            s.push('\n');
            s.into_bytes()
        }
        Format::Csv => csv_bytes(&wangge::assessment::table::to_csv(&assessment)),
        Format::Html => wangge::assessment::table::to_html(&assessment).into_bytes(),
        Format::Xlsx => {
            let dossier = Dossier::from_json(&text).map_err(refused(&what, false))?;
            crate::xlsx::workbook(&sheets(&assessment, &dossier))?
        }
        Format::Table => table(&assessment).into_bytes(),
    };
    Ok(bytes)
}

/// The grids each person held in the period, by name, in the order of the assignments.
fn grids_of(dossier: &Dossier, a: &Assessment) -> BTreeMap<String, Vec<String>> {
    let names: BTreeMap<&str, &str> = dossier
        .organisation
        .communities
        .iter()
        .flat_map(|c| c.grids.iter().map(|g| (g.id.as_str(), g.name.as_str())))
        .collect();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for x in &dossier.organisation.assignments {
        if x.from > a.period.to || x.to.is_some_and(|to| to < a.period.from) {
            continue;
        }
        let name = names.get(x.grid.as_str()).copied().unwrap_or(&x.grid);
        let held = out.entry(x.person.clone()).or_default();
        if !held.iter().any(|h| h == name) {
            held.push(name.to_owned());
        }
    }
    out
}

/// Every rule that cost points or limited the grade, one a line (each text names its clause).
fn reasons(w: &WorkerResult) -> String {
    w.rules
        .iter()
        .filter(|r| r.kind != RuleKind::Consequence)
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The clauses of those rules, each once, in order.
fn clauses(w: &WorkerResult, lang: Lang) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for r in w.rules.iter().filter(|r| r.kind != RuleKind::Consequence) {
        if !seen.contains(&r.clause.as_str()) {
            seen.push(&r.clause);
        }
    }
    seen.join(pick(lang, "、", ", "))
}

fn consequences(w: &WorkerResult, lang: Lang) -> String {
    w.consequences
        .iter()
        .map(|c| {
            let label = match lang {
                Lang::Zh => c.label_zh(),
                Lang::En => c.label_en(),
            };
            format!("{} {label}", c.clause())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const GRADE_HEAD_ZH: [&str; 11] = [
    "网格员编号",
    "姓名",
    "网格",
    "得分",
    "等次",
    "失分及等次原因",
    "涉及条款",
    "奖惩（5.1/5.2）",
    "评先资格",
    "与相邻等次",
    "社区",
];
const GRADE_HEAD_EN: [&str; 11] = [
    "worker ID",
    "name",
    "grid",
    "score",
    "grade",
    "points lost and limits on the grade",
    "clauses",
    "consequences (5.1/5.2)",
    "award eligible",
    "margin to the neighbouring grades",
    "community",
];

/// The workbook's sheets: one per community (its workers' grades), the roll-up (4.2), and
/// what the workbook was computed from.
pub(crate) fn sheets(a: &Assessment, dossier: &Dossier) -> Vec<Sheet> {
    let lang = a.lang;
    let grids = grids_of(dossier, a);
    let head: &[&str] = match lang {
        Lang::Zh => &GRADE_HEAD_ZH,
        Lang::En => &GRADE_HEAD_EN,
    };
    let mut by_community: Vec<Sheet> = a
        .communities
        .iter()
        .map(|c| Sheet::new(c.name.clone(), head))
        .collect();
    let index: BTreeMap<&str, usize> = a
        .communities
        .iter()
        .enumerate()
        .map(|(i, c)| (c.community.as_str(), i))
        .collect();
    let names: BTreeMap<&str, &str> = a
        .communities
        .iter()
        .map(|c| (c.community.as_str(), c.name.as_str()))
        .collect();
    for w in &a.workers {
        let Some(sheet) = index
            .get(w.community.as_str())
            .and_then(|i| by_community.get_mut(*i))
        else {
            continue;
        };
        sheet.rows.push(vec![
            Cell::text(&w.person),
            Cell::text(&w.name),
            Cell::text(
                grids
                    .get(&w.person)
                    .map(|g| g.join(pick(lang, "、", ", ")))
                    .unwrap_or_default(),
            ),
            Cell::Score(w.score),
            Cell::text(match lang {
                Lang::Zh => w.grade.label_zh(),
                Lang::En => w.grade.label_en(),
            }),
            Cell::text(reasons(w)),
            Cell::text(clauses(w, lang)),
            Cell::text(consequences(w, lang)),
            Cell::text(match (w.award_eligible, lang) {
                (true, Lang::Zh) => "是",
                (false, Lang::Zh) => "否",
                (true, Lang::En) => "yes",
                (false, Lang::En) => "no",
            }),
            Cell::text(&w.margin.text),
            Cell::text(names.get(w.community.as_str()).copied().unwrap_or_default()),
        ]);
    }
    let mut rollup = Sheet::new(
        pick(lang, "社区汇总（4.2）", "communities (4.2)"),
        match lang {
            Lang::Zh => &[
                "社区编号",
                "社区",
                "考核人数",
                "优秀",
                "称职",
                "基本称职",
                "不称职",
                "平均分",
                "社区职责达标",
                "社区职责未达标",
                "社区职责免除",
                "月度考勤上报（3.3）",
                "未采集考勤月份",
            ],
            Lang::En => &[
                "community ID",
                "community",
                "workers graded",
                "excellent",
                "competent",
                "basically competent",
                "incompetent",
                "mean score",
                "own duties met",
                "own duties missed",
                "own duties excused",
                "monthly attendance reports (3.3)",
                "months without attendance records",
            ],
        },
    );
    for c in &a.communities {
        rollup.rows.push(vec![
            Cell::text(&c.community),
            Cell::text(&c.name),
            Cell::Int(c.workers.into()),
            Cell::Int(c.distribution.excellent.into()),
            Cell::Int(c.distribution.competent.into()),
            Cell::Int(c.distribution.basically_competent.into()),
            Cell::Int(c.distribution.incompetent.into()),
            c.mean_score.map_or(Cell::Empty, Cell::Score),
            Cell::Int(c.own_duties.met.into()),
            Cell::Int(c.own_duties.missed.into()),
            Cell::Int(c.own_duties.excused.into()),
            Cell::Int(c.monthly_attendance_reports.into()),
            Cell::text(c.attendance_not_collected.join(pick(lang, "、", ", "))),
        ]);
    }
    by_community.push(rollup);
    by_community.push(about(
        lang,
        &a.policy.id,
        &a.policy.version,
        a.period,
        a.complete,
        pick(lang, "网格员年度考核（4.1）", "annual assessment (4.1)"),
    ));
    by_community
}

/// The sheet saying what a workbook was computed from.
pub(crate) fn about(
    lang: Lang,
    policy: &str,
    version: &str,
    period: wangge::DateRange,
    complete: bool,
    title: &str,
) -> Sheet {
    let mut s = Sheet::new(
        pick(lang, "说明", "about"),
        &[pick(lang, "项目", "item"), pick(lang, "内容", "value")],
    );
    let rows: [(&str, Cell); 7] = [
        (pick(lang, "内容", "contents"), Cell::text(title)),
        (pick(lang, "政策", "policy"), Cell::text(policy)),
        (
            pick(lang, "政策版本", "policy version"),
            Cell::text(version),
        ),
        (pick(lang, "期间起", "period from"), Cell::Date(period.from)),
        (pick(lang, "期间止", "period to"), Cell::Date(period.to)),
        (
            pick(lang, "记录全部采用", "every record used"),
            Cell::text(match (complete, lang) {
                (true, Lang::Zh) => "是",
                (false, Lang::Zh) => {
                    "否：有记录未被采用，见 wangge evaluate --format json 的 warnings"
                }
                (true, Lang::En) => "yes",
                (false, Lang::En) => {
                    "no: records were set aside, see the warnings of wangge evaluate --format json"
                }
            }),
        ),
        (
            pick(lang, "生成", "made by"),
            Cell::text(format!("wangge {}", wangge::VERSION)),
        ),
    ];
    for (k, v) in rows {
        s.rows.push(vec![Cell::text(k), v]);
    }
    s
}

/// The readable table: each worker's score, grade, reasons and consequences, then the roll-up.
fn table(a: &Assessment) -> Text {
    let lang = a.lang;
    let mut t = Text::default();
    t.line(format!(
        "{} {} — {} {}",
        pick(lang, "网格员年度考核", "annual assessment"),
        a.period,
        a.policy.id,
        a.policy.version
    ));
    for w in &a.workers {
        t.blank();
        t.line(format!(
            "{} {} ({})  {} {}  {} {}{}",
            w.name,
            w.person,
            w.community,
            pick(lang, "得分", "score"),
            w.score,
            pick(lang, "等次", "grade"),
            match lang {
                Lang::Zh => w.grade.label_zh(),
                Lang::En => w.grade.label_en(),
            },
            if w.award_eligible {
                ""
            } else {
                pick(lang, "  【取消年度评先资格】", "  [no award eligibility]")
            }
        ));
        for r in w.rules.iter().filter(|r| r.kind != RuleKind::Consequence) {
            let over = r
                .overridden_by
                .as_ref()
                .map(|o| format!(" ({} {o})", pick(lang, "被覆盖：", "overridden by")))
                .unwrap_or_default();
            t.line(format!("    · {}{over}", r.text));
        }
        for r in w.rules.iter().filter(|r| r.kind == RuleKind::Consequence) {
            t.line(format!("    ⇒ {}", r.text));
        }
        if !w.margin.text.is_empty() {
            t.line(format!("    ↕ {}", w.margin.text));
        }
    }
    for c in &a.communities {
        t.blank();
        t.line(format!(
            "{} {}: {} {}  {} {} / {} {} / {} {} / {} {}  {} {}",
            pick(lang, "社区汇总 (4.2)", "community roll-up (4.2)"),
            c.name,
            c.workers,
            pick(lang, "人", "workers"),
            pick(lang, "优秀", "excellent"),
            c.distribution.excellent,
            pick(lang, "称职", "competent"),
            c.distribution.competent,
            pick(lang, "基本称职", "basically competent"),
            c.distribution.basically_competent,
            pick(lang, "不称职", "incompetent"),
            c.distribution.incompetent,
            pick(lang, "平均分", "mean"),
            c.mean_score.map(|m| m.to_string()).unwrap_or_default(),
        ));
    }
    if !a.complete {
        t.blank();
        t.line(pick(
            lang,
            "注意：有记录未被采用（见 wangge evaluate --format json 的 warnings）",
            "note: records were set aside (see the warnings of wangge evaluate --format json)",
        ));
    }
    t
}
