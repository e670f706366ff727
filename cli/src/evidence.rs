//! `wangge evidence`: problems found and solved (2.2.2, 4.1), urgent reports against their
//! deadlines (2.1.4, 2.1.7, 2.1.8), proxy services (2.1.8) and the ledgers (2.1.2).

use crate::common::{CallArgs, Failure, Format, OutputArgs, format_parser, refused};
use crate::dossier::DossierArgs;
use crate::text::{Text, pick};
use wangge::Lang;
use wangge::evidence::{EvidenceReport, EvidenceUnit, FindingKind, Ratio};

/// Problems found and solved, urgent reports, proxy services, ledgers (2.1.2–2.2.2)
///
/// The evidence behind the grades: each worker's problems found and solved, urgent reports late
/// or missing, proxy services, and the ledgers' staleness.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Examples:
  # problem metrics, late urgent reports, ledgers
  wangge evidence --sample
  # the whole evidence report
  wangge evidence --dossier d.json --format json
  # the second half-year, in English
  wangge evidence --dossier d.json --from 2023-07-01 --to 2023-12-31 --lang en
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

const FORMATS: [Format; 2] = [Format::Table, Format::Json];

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
    let report = wangge::api::evidence_under(&policy, &text, Some(&options))
        .map_err(refused(&what, json))?;
    let bytes = if json {
        let mut s = wangge::api::Answer::success(report).to_json();
        s.push('\n');
        s.into_bytes()
    } else {
        table(&report, args.call.lang.lang()).into_bytes()
    };
    Ok(bytes)
}

fn pct(r: Option<Ratio>) -> String {
    r.map_or_else(
        || "—".into(),
        |r| format!("{}.{}%", r.per_mille_floor() / 10, r.per_mille_floor() % 10),
    )
}

fn table(r: &EvidenceReport, lang: Lang) -> Text {
    let mut t = Text::default();
    t.line(format!(
        "{} {} — {} {}",
        pick(
            lang,
            "发现并解决问题情况（4.1、2.2.2）与事项代办（2.1.8）",
            "problems found and solved (4.1, 2.2.2) and proxy services (2.1.8)"
        ),
        r.period,
        r.policy.id,
        r.policy.version
    ));
    t.line(format!(
        "  {}",
        pick(
            lang,
            "网格员 | 发现 | 当场解决 | 上报 | 上报后解决 | 未解决 | 已反馈 | 解决率 | 解决用时中位数(分钟) | 上报超时/应上报 | 代办办结/受理",
            "worker | found | on the spot | escalated | resolved | open | feedback | solved | median minutes | late/due | proxy closed/opened"
        )
    ));
    for p in &r.people {
        let m = &p.problems;
        t.line(format!(
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
                .map_or_else(|| "—".into(), |x| x.to_string()),
            m.reports_late,
            m.reports_due,
            p.proxy.closed,
            p.proxy.opened,
        ));
    }
    let reports: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::StaleLedgerEntry)
        .collect();
    t.blank();
    t.line(format!(
        "{} {}",
        pick(
            lang,
            "紧急事项上报超时或未上报（2.1.4、2.1.7、2.1.8）：",
            "urgent reports late or missing (2.1.4, 2.1.7, 2.1.8):"
        ),
        reports.len()
    ));
    for f in &reports {
        t.line(format!(
            "  [{:<5}] {} {} {} {} {}: {} (≤ {} min)",
            f.clause,
            f.date,
            f.person.as_deref().unwrap_or("-"),
            f.record,
            f.channel.map_or("", |c| c.label_zh()),
            f.kind.label_zh(),
            f.actual.map_or_else(|| "—".into(), |a| format!("{a} min")),
            f.limit,
        ));
    }
    t.blank();
    t.line(pick(
        lang,
        "台账（2.1.2），截至期末：",
        "ledgers (2.1.2), as of the period's end:",
    ));
    for g in &r.ledgers {
        let groups: Vec<&str> = g.must_visit_groups.iter().map(|m| m.label_zh()).collect();
        t.line(format!(
            "  {}: {} {}, {} {}; {} {}",
            g.grid,
            g.current,
            pick(lang, "条在册", "current"),
            g.stale,
            pick(lang, "条未及时更新", "stale"),
            pick(lang, "五必访对象：", "must-visit:"),
            groups.join("、")
        ));
    }
    for f in r
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::StaleLedgerEntry)
    {
        let unit = if f.unit == EvidenceUnit::Days {
            "d"
        } else {
            "min"
        };
        t.line(format!(
            "  [{}] {} {} {}: {}{unit} > {}{unit} ({})",
            f.clause,
            f.grid,
            f.record,
            f.kind.label_zh(),
            f.actual.unwrap_or(0),
            f.limit,
            f.person.as_deref().unwrap_or("-")
        ));
    }
    t
}
