//! `wangge`: the command a clerk or an integrator runs — grades, attendance, compliance and
//! evidence from a dossier, as a readable table, JSON, CSV, Excel or printable HTML.
//!
//! The command does file I/O only: every answer is the core's (`wangge::api`, `wangge::batch`),
//! every table the core's renderer where it has one (`assessment::table`, `attendance::table`).
//! One module per subcommand; the office's own files come in through `wangge import` or
//! `--import` (crate `wangge-import`).

mod assess;
mod attendance;
mod batch;
mod check_policy;
mod common;
mod compare;
mod dossier;
mod evaluate;
mod evidence;
mod import;
mod sample;
mod text;
mod xlsx;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use common::Failure;
use std::io::Write;
use std::process::ExitCode;

/// The exit codes, in every `--help`.
macro_rules! exit_codes {
    () => {
        "
Exit codes:
  0  done: the answer was written
  1  refused: the dossier, the policy, a date or a file could not be used; the reasons are
     printed: with --format json as the core's failure answer, where the answer would go
     (standard output or the -o file); otherwise as text on standard error
  2  usage: an unknown subcommand or option, a missing or conflicting argument"
    };
}
pub(crate) use exit_codes;

/// Grades, attendance, compliance and evidence of grid workers under 新城街道网格员工作管理办法,
/// from a dossier (JSON): tables, JSON, CSV, Excel (.xlsx) or printable HTML.
#[derive(Debug, Parser)]
#[command(
    name = "wangge",
    version,
    after_help = concat!(
        "Examples:
  # write the sample dossier and the default policy, to edit
  wangge sample --dossier dossier.json --policy policy.json
  # the sample's annual grades as an Excel workbook
  wangge assess --sample --format xlsx -o grades.xlsx
  # your own dossier, half a year, in English
  wangge assess --dossier dossier.json --from 2023-01-01 --to 2023-06-30 --lang en
  # one month's attendance report as an Excel workbook
  wangge attendance --dossier dossier.json --month 2023-03 -o 考勤.xlsx
  # who changes grade under a draft of new measures (4.2, 5.1, 5.2)
  wangge compare --sample --policy-b draft.policy.json
  # from the office's roster workbook and DingTalk export straight to a grade sheet
  wangge assess --import 花名册.xlsx 钉钉打卡.xlsx -o 成绩.xlsx

Run `wangge help SUBCOMMAND` for a subcommand's options and examples.
",
        exit_codes!()
    ),
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Assess(assess::Args),
    Evaluate(evaluate::Args),
    Attendance(attendance::Args),
    Evidence(evidence::Args),
    CheckPolicy(check_policy::Args),
    Sample(sample::Args),
    Batch(batch::Args),
    Import(import::Args),
    Compare(compare::Args),
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Assess(a) => assess::run(a),
        Command::Evaluate(a) => evaluate::run(a),
        Command::Attendance(a) => attendance::run(a),
        Command::Evidence(a) => evidence::run(a),
        Command::CheckPolicy(a) => check_policy::run(a),
        Command::Sample(a) => sample::run(a),
        Command::Batch(a) => batch::run(a),
        Command::Import(a) => import::run(a),
        Command::Compare(a) => compare::run(a),
    }
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let subcommand = matches.subcommand_name().map(str::to_owned);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            // The subcommand's own usage line under the message, as clap gives for its errors.
            let mut command = Cli::command();
            command.build();
            let command = match subcommand {
                Some(name) => command.find_subcommand_mut(&name).cloned(),
                None => None,
            }
            .unwrap_or(command);
            let _ = command
                .clone()
                .error(clap::error::ErrorKind::ArgumentConflict, message)
                .print();
            ExitCode::from(2)
        }
        Err(failure) => {
            failure.report();
            ExitCode::from(1)
        }
    }
}

/// Writes `bytes` to standard output; a closed pipe (`| head`) is not an error.
pub(crate) fn to_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Input(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}
