//! Where the dossier of a subcommand comes from: a file, standard input, the office's own files
//! (imported), or the built-in sample.

use crate::common::{Failure, read_text};
use crate::import::{ImportArgs, import};
use std::path::PathBuf;

/// Where the dossier comes from: a file, standard input, the office's own files (imported), or
/// the built-in sample — exactly one of them.
#[derive(Debug, clap::Args)]
pub(crate) struct DossierArgs {
    /// The dossier (JSON): the organisation and its records for a period; `-` reads standard input
    #[arg(long, value_name = "FILE", conflicts_with_all = ["sample", "import"])]
    pub(crate) dossier: Option<PathBuf>,
    /// Import the office's files instead of a dossier: the roster workbook, attendance exports
    /// and record sheets (see `wangge import --help`)
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "sample")]
    pub(crate) import: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) how: ImportArgs,
    /// Use the built-in sample community (2023: one community, three grids, six grid workers)
    #[arg(long)]
    pub(crate) sample: bool,
}

impl DossierArgs {
    /// The dossier's JSON text and how to name it in a message.
    pub(crate) fn read(&self) -> Result<(String, String), Failure> {
        if !self.import.is_empty() {
            let dossier = import(&self.import, &self.how, None)?;
            return Ok((wangge::to_json(&dossier), "the imported dossier".to_owned()));
        }
        if (!self.how.maps.is_empty() || self.how.community.is_some()) && self.import.is_empty() {
            return Err(Failure::Usage(
                "`--map` and `--community` go with `--import FILE…`".to_owned(),
            ));
        }
        match (&self.dossier, self.sample) {
            (Some(path), _) => Ok((
                read_text(path)?,
                format!("the dossier `{}`", path.display()),
            )),
            (None, true) => Ok((
                wangge::sample::community_2023().to_json(),
                "the sample dossier".to_owned(),
            )),
            (None, false) => Err(Failure::Usage(
                "give the dossier: `--dossier FILE`, `--import FILE…` (the office's spreadsheets) or `--sample`".to_owned(),
            )),
        }
    }
}
