//! `wangge import`: an office's own files — the roster workbook (the template), attendance
//! exports (DingTalk, WeCom, any export through a column map) and record sheets — into a
//! dossier (JSON), or the empty template to fill in. Every other subcommand takes the same files
//! straight through `--import FILE…` instead of `--dossier`.

use crate::common::{Failure, read_text, write_file};
use std::path::{Path, PathBuf};

/// Import the office's spreadsheets into a dossier, or write the empty template
///
/// Read the roster workbook (communities, grids, people, assignments and record sheets, in the
/// template of `wangge import --template`), attendance exports (DingTalk raw punches or daily
/// statistics, WeCom, attendance-machine month grids, .xlsx, .xls or .csv in UTF-8 or GB18030)
/// and write the dossier the other subcommands read. Every problem is listed at once with its
/// file, sheet, row and column; nothing is written unless the whole import is sound.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Examples:
  # the empty template workbook, to fill in
  wangge import --template 模板.xlsx
  # the roster workbook and a month of DingTalk punches into a dossier
  wangge import 花名册.xlsx 钉钉打卡.xlsx -o dossier.json
  # an export of another app, through a column map (see import/maps/wecom.json)
  wangge import 花名册.xlsx 考勤.csv --map 考勤列.json -o dossier.json
  # or straight into the grades, as an Excel workbook
  wangge assess --import 花名册.xlsx 钉钉打卡.xlsx -o 成绩.xlsx
",
    crate::exit_codes!()
))]
pub(crate) struct Args {
    /// The files to import: the roster workbook and record sheets, attendance exports
    #[arg(value_name = "FILE", required_unless_present = "template")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    source: ImportArgs,
    /// First day of the dossier's period (YYYY-MM-DD); by default the whole months of the rows
    #[arg(long, value_name = "DATE", requires = "to")]
    from: Option<String>,
    /// Last day of the dossier's period (YYYY-MM-DD), inclusive
    #[arg(long, value_name = "DATE", requires = "from")]
    to: Option<String>,
    /// Write the empty template workbook (.xlsx) to FILE instead of importing
    #[arg(long, value_name = "FILE", conflicts_with_all = ["files", "from", "to"])]
    template: Option<PathBuf>,
    /// Write the dossier (JSON) to FILE; standard output when absent
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// How the importer reads the files, shared with `--import` of the other subcommands.
#[derive(Debug, Default, clap::Args)]
pub(crate) struct ImportArgs {
    /// A column map (JSON) for an attendance export the importer does not know; may be repeated
    #[arg(long = "map", value_name = "FILE")]
    pub(crate) maps: Vec<PathBuf>,
    /// The community (ID or name) the attendance exports are about; names are matched within it
    #[arg(long, value_name = "COMMUNITY")]
    pub(crate) community: Option<String>,
}

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    if let Some(path) = &args.template {
        let bytes = wangge_import::template_xlsx()
            .map_err(|e| Failure::Input(format!("cannot write the template: {e}")))?;
        return write_file(path, &bytes);
    }
    let period = match (&args.from, &args.to) {
        (Some(from), Some(to)) => Some(period(from, to)?),
        _ => None,
    };
    let dossier = import(&args.files, &args.source, period)?;
    let mut text = wangge::to_json(&dossier);
    text.push('\n');
    write_file(
        args.output.as_deref().unwrap_or(Path::new("-")),
        text.as_bytes(),
    )
}

/// The period `--from`/`--to`, as the core reads dates.
fn period(from: &str, to: &str) -> Result<wangge::DateRange, Failure> {
    let date =
        |d: &str| wangge::Date::parse(d).map_err(|m| Failure::Input(format!("the period: {m}")));
    Ok(wangge::DateRange::new(date(from)?, date(to)?))
}

/// Imports `files` into a dossier: every problem of the import as one failure (exit 1).
pub(crate) fn import(
    files: &[PathBuf],
    how: &ImportArgs,
    period: Option<wangge::DateRange>,
) -> Result<wangge::Dossier, Failure> {
    let mut column_maps = Vec::new();
    for path in &how.maps {
        let text = read_text(path)?;
        column_maps.push(
            wangge_import::parse_column_map(&text).map_err(|e| {
                Failure::Input(format!("the column map `{}`:\n{e}", path.display()))
            })?,
        );
    }
    let mut contents = Vec::with_capacity(files.len());
    for path in files {
        let bytes = std::fs::read(path)
            .map_err(|e| Failure::Input(format!("cannot read `{}`: {e}", path.display())))?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        contents.push((name, bytes));
    }
    let inputs: Vec<wangge_import::InputFile<'_>> = contents
        .iter()
        .map(|(name, bytes)| wangge_import::InputFile { name, bytes })
        .collect();
    let options = wangge_import::ImportOptions {
        column_maps,
        community: how.community.clone(),
        period,
        ..wangge_import::ImportOptions::default()
    };
    match wangge_import::import(&inputs, &options) {
        Ok(imported) => Ok(imported.dossier),
        Err(errors) => {
            let n = errors.problems.len();
            Err(Failure::Input(format!(
                "the files could not be imported: {n} problem{}\n{}",
                if n == 1 { "" } else { "s" },
                errors.to_string().trim_end()
            )))
        }
    }
}
