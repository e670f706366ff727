//! `wangge evaluate`: the compliance report — met, missed or excused, per person or community,
//! obligation and day, week, month or quarter — and its summary.

use crate::common::{CallArgs, Failure, Format, OutputArgs, csv_bytes, format_parser, refused};
use crate::dossier::DossierArgs;
use crate::text::{Text, pick};
use crate::xlsx::{Cell, Sheet};
use std::collections::BTreeMap;
use wangge::compliance::{ObligationInfo, Report};
use wangge::{Lang, Status};

/// Compliance: every duty met, missed or excused, with evidence and clause
///
/// Check every duty of the measures for every person and community of a dossier: met, missed
/// or excused, on what evidence, under which clause.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Examples:
  # the summary per person and duty
  wangge evaluate --sample
  # every finding, as the C and WebAssembly bindings give it
  wangge evaluate --dossier d.json --format json
  # the summary and each missed duty, in Excel
  wangge evaluate --dossier d.json -o summary.xlsx
  # March only, CSV for Excel
  wangge evaluate --dossier d.json --from 2023-03-01 --to 2023-03-31 -o march.csv

CSV holds the summary per person and duty; the workbook adds the communities'
own duties and every missed duty with its dates, clause and reason.
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

const FORMATS: [Format; 4] = [Format::Table, Format::Json, Format::Csv, Format::Xlsx];

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
    let report = wangge::api::evaluate_under(&policy, &text, Some(&options))
        .map_err(refused(&what, json))?;
    let bytes = match format {
        Format::Json => {
            let mut s = wangge::api::Answer::success(report).to_json();
            s.push('\n');
            s.into_bytes()
        }
        Format::Csv => csv_bytes(&people_sheet(&report).to_csv()),
        Format::Xlsx => crate::xlsx::workbook(&sheets(&report))?,
        Format::Table | Format::Html => table(&report).into_bytes(),
    };
    Ok(bytes)
}

fn obligations(r: &Report) -> BTreeMap<&str, &ObligationInfo> {
    r.obligations.iter().map(|o| (o.id.as_str(), o)).collect()
}

fn community_names(r: &Report) -> BTreeMap<&str, &str> {
    r.communities
        .iter()
        .map(|c| (c.community.as_str(), c.name.as_str()))
        .collect()
}

fn role(lang: Lang, role: wangge::Role) -> String {
    match lang {
        Lang::Zh => role.label_zh().to_owned(),
        Lang::En => serde_json::to_value(role)
            .ok()
            .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
            .unwrap_or_default(),
    }
}

/// One row per person and duty that fell due or was excused.
fn people_sheet(r: &Report) -> Sheet {
    let lang = r.lang;
    let obligations = obligations(r);
    let communities = community_names(r);
    let mut s = Sheet::new(
        pick(lang, "人员职责汇总", "people"),
        match lang {
            Lang::Zh => &[
                "社区",
                "编号",
                "姓名",
                "身份",
                "条款",
                "职责",
                "职责编号",
                "达标",
                "未达标",
                "免除",
            ],
            Lang::En => &[
                "community",
                "ID",
                "name",
                "role",
                "clause",
                "duty",
                "duty ID",
                "met",
                "missed",
                "excused",
            ],
        },
    );
    for p in &r.people {
        for t in &p.obligations {
            if t.totals.due() + t.totals.excused == 0 {
                continue;
            }
            s.rows.push(vec![
                Cell::text(
                    communities
                        .get(p.community.as_str())
                        .copied()
                        .unwrap_or(&p.community),
                ),
                Cell::text(&p.person),
                Cell::text(&p.name),
                Cell::text(role(lang, p.role)),
                Cell::text(&t.clause),
                Cell::text(
                    obligations
                        .get(t.obligation.as_str())
                        .map(|o| o.title.as_str())
                        .unwrap_or_default(),
                ),
                Cell::text(&t.obligation),
                Cell::Int(t.totals.met.into()),
                Cell::Int(t.totals.missed.into()),
                Cell::Int(t.totals.excused.into()),
            ]);
        }
    }
    s
}

/// The sheets: per person and duty, the communities' own duties, every missed duty, and what
/// the workbook was computed from.
fn sheets(r: &Report) -> Vec<Sheet> {
    let lang = r.lang;
    let obligations = obligations(r);
    let communities = community_names(r);
    let title = |id: &str| {
        obligations
            .get(id)
            .map(|o| o.title.clone())
            .unwrap_or_default()
    };
    let mut own = Sheet::new(
        pick(lang, "社区职责汇总", "communities"),
        match lang {
            Lang::Zh => &[
                "社区编号",
                "社区",
                "条款",
                "职责",
                "职责编号",
                "达标",
                "未达标",
                "免除",
            ],
            Lang::En => &[
                "community ID",
                "community",
                "clause",
                "duty",
                "duty ID",
                "met",
                "missed",
                "excused",
            ],
        },
    );
    for c in &r.communities {
        for t in &c.obligations {
            if t.totals.due() + t.totals.excused == 0 {
                continue;
            }
            own.rows.push(vec![
                Cell::text(&c.community),
                Cell::text(&c.name),
                Cell::text(&t.clause),
                Cell::text(title(&t.obligation)),
                Cell::text(&t.obligation),
                Cell::Int(t.totals.met.into()),
                Cell::Int(t.totals.missed.into()),
                Cell::Int(t.totals.excused.into()),
            ]);
        }
    }
    let mut missed = Sheet::new(
        pick(lang, "未达标明细", "missed"),
        match lang {
            Lang::Zh => &[
                "社区",
                "编号",
                "姓名",
                "条款",
                "职责",
                "起",
                "止",
                "说明",
                "依据记录",
            ],
            Lang::En => &[
                "community",
                "ID",
                "name",
                "clause",
                "duty",
                "from",
                "to",
                "reason",
                "records",
            ],
        },
    );
    let subjects = r
        .communities
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.community.as_str(),
                c.name.as_str(),
                &c.findings,
            )
        })
        .chain(r.people.iter().map(|p| {
            (
                communities
                    .get(p.community.as_str())
                    .copied()
                    .unwrap_or(&p.community),
                p.person.as_str(),
                p.name.as_str(),
                &p.findings,
            )
        }));
    for (community, id, name, findings) in subjects {
        for f in findings.iter().filter(|f| f.status == Status::Missed) {
            missed.rows.push(vec![
                Cell::text(community),
                Cell::text(id),
                Cell::text(name),
                Cell::text(&f.clause),
                Cell::text(title(&f.obligation)),
                Cell::Date(f.period.from),
                Cell::Date(f.period.to),
                Cell::text(f.text.as_deref().unwrap_or_default()),
                Cell::text(f.evidence.join(", ")),
            ]);
        }
    }
    vec![
        people_sheet(r),
        own,
        missed,
        crate::assess::about(
            lang,
            &r.policy.id,
            &r.policy.version,
            r.period,
            r.complete,
            pick(lang, "网格员履职合规汇总", "compliance summary"),
        ),
    ]
}

fn counts(lang: Lang, t: &wangge::compliance::Totals) -> String {
    format!(
        "{} {} / {} {} / {} {}",
        t.met,
        pick(lang, "达标", "met"),
        t.missed,
        pick(lang, "未达标", "missed"),
        t.excused,
        pick(lang, "免除", "excused")
    )
}

/// The readable summary: each community's own duties, then each person's, per duty.
fn table(r: &Report) -> Text {
    let lang = r.lang;
    let obligations = obligations(r);
    let title = |id: &str| {
        obligations
            .get(id)
            .map(|o| o.title.clone())
            .unwrap_or_default()
    };
    let mut t = Text::default();
    t.line(format!(
        "{} {} — {} {}",
        pick(lang, "网格员履职合规报告", "grid-work compliance report"),
        r.period,
        r.policy.id,
        r.policy.version
    ));
    if !r.complete {
        t.line(format!(
            "{} {}",
            pick(lang, "注意：有记录未被采用：", "note: records set aside:"),
            r.warnings.len()
        ));
        for w in r.warnings.iter().take(5) {
            t.line(format!("  - {}", w.message));
        }
    }
    for c in &r.communities {
        t.blank();
        t.line(format!(
            "== {} ({}) — {}: {}",
            c.name,
            c.community,
            pick(lang, "社区职责", "community duties"),
            counts(lang, &c.totals)
        ));
        for o in &c.obligations {
            if o.totals.due() + o.totals.excused == 0 {
                continue;
            }
            t.line(format!(
                "  [{:<6}] {}: {}",
                o.clause,
                title(&o.obligation),
                counts(lang, &o.totals)
            ));
        }
    }
    for p in &r.people {
        t.blank();
        t.line(format!(
            "-- {} {} ({}) — {}",
            role(lang, p.role),
            p.name,
            p.person,
            counts(lang, &p.totals)
        ));
        for o in &p.obligations {
            if o.totals.due() + o.totals.excused == 0 {
                continue;
            }
            t.line(format!(
                "  [{:<6}] {}: {}",
                o.clause,
                title(&o.obligation),
                counts(lang, &o.totals)
            ));
        }
    }
    t
}
