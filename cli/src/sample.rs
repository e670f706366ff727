//! `wangge sample`: writes the built-in sample dossier and the embedded default policy, to
//! start from.

use crate::common::{Failure, write_file};
use std::path::PathBuf;

/// Write the sample dossier and/or the default policy, to edit
///
/// Write the built-in sample dossier (one community, three grids, a grid leader and six grid
/// workers, 2023) and/or the embedded default policy `xincheng-2022`, as JSON files to edit.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Examples:
  # both, to edit
  wangge sample --dossier dossier.json --policy policy.json
  # the sample dossier on standard output
  wangge sample --dossier -
  # then grade them
  wangge assess --dossier dossier.json --policy policy.json
",
    crate::exit_codes!()
))]
#[group(id = "what", required = true, multiple = true)]
pub(crate) struct Args {
    /// Write the sample dossier to FILE (`-`: standard output)
    #[arg(long, value_name = "FILE", group = "what")]
    dossier: Option<PathBuf>,
    /// Write the default policy document to FILE (`-`: standard output)
    #[arg(long, value_name = "FILE", group = "what")]
    policy: Option<PathBuf>,
}

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    if let Some(path) = &args.dossier {
        let mut text = wangge::sample::community_2023().to_json();
        text.push('\n');
        write_file(path, text.as_bytes())?;
    }
    if let Some(path) = &args.policy {
        let mut text = wangge::to_json_pretty(wangge::Policy::xincheng_2022().document());
        text.push('\n');
        write_file(path, text.as_bytes())?;
    }
    Ok(())
}
