//! `wangge check-policy`: checks a policy document and lints its assessment scheme.

use crate::common::{Failure, Format, OutputArgs, format_parser, read_text};
use crate::text::Text;
use std::path::PathBuf;
use wangge::assessment::lint::{LintReport, Severity};

/// Check a policy document and lint its assessment scheme
///
/// Check a policy document: its structure, then its assessment scheme (band gaps and overlaps,
/// weights, unreachable grades, exception conflicts) and its confidentiality rules.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Examples:
  # readable findings
  wangge check-policy --policy policy.json
  # the embedded default policy
  wangge check-policy
  # the linter's answer
  wangge check-policy --policy policy.json --format json

Exit code 1 also when the linter finds an error (a warning alone exits 0).
",
    crate::exit_codes!()
))]
pub(crate) struct Args {
    /// The policy document (JSON); the embedded default `xincheng-2022` when absent
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Output format; by default the output file's extension (.json, .csv, .xlsx, .html), else table
    #[arg(long, value_parser = format_parser(&FORMATS))]
    format: Option<Format>,
    #[command(flatten)]
    output: OutputArgs,
}

const FORMATS: [Format; 2] = [Format::Table, Format::Json];

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let format = args.output.format(args.format, &FORMATS)?;
    let what = match &args.policy {
        Some(p) => format!("the policy `{}`", p.display()),
        None => "the default policy".to_owned(),
    };
    let mut ok = true;
    let answer = answer(&args, format == Format::Json, &what, &mut ok);
    args.output.deliver(answer)?;
    if ok {
        Ok(())
    } else {
        Err(Failure::Input(format!(
            "{what} has errors in its assessment scheme or confidentiality rules"
        )))
    }
}

/// The linter's answer, or why there is none; `ok` is false when the linter found an error.
fn answer(args: &Args, json: bool, what: &str, ok: &mut bool) -> Result<Vec<u8>, Failure> {
    let text = args.policy.as_deref().map(read_text).transpose()?;
    let policy = wangge::api::policy_or_default(text.as_deref())
        .map_err(crate::common::refused(what, json))?;
    let report = wangge::assessment::lint::check_policy(&policy);
    *ok = report.ok;
    Ok(if json {
        let mut s = wangge::api::check_policy_under(&policy);
        s.push('\n');
        s.into_bytes()
    } else {
        table(&report).into_bytes()
    })
}

fn table(r: &LintReport) -> Text {
    let mut t = Text::default();
    t.line(format!(
        "{} {}: {}",
        r.policy,
        r.version,
        if r.ok { "ok" } else { "errors found" }
    ));
    for f in &r.findings {
        let severity = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        t.line(format!("  {severity} at `{}`: {}", f.path, f.message));
    }
    t
}
