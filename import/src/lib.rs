//! # wangge-import
//!
//! From an office's own files to a wangge [`Dossier`]: a roster workbook and record sheets in
//! the documented template (see `import/README.md`), and attendance exports — DingTalk (钉钉)
//! raw punch records and daily statistics, WeCom (企业微信) through its shipped column map, any
//! other export through a [`ColumnMap`], attendance-machine month grids and earliest / latest
//! punch sheets — in .xlsx, old .xls, or .csv (UTF-8, UTF-8 with BOM, GB18030).
//!
//! The crate takes bytes and gives a dossier or every problem at once, each naming the file,
//! sheet, row and column: nothing is half-imported. It does no file I/O.
//!
//! ```
//! use wangge_import::{import, template_xlsx, ImportOptions, InputFile};
//!
//! let template = template_xlsx().unwrap();
//! // The empty template imports to a list of problems: it has no community and no people.
//! let files = [InputFile { name: "花名册.xlsx", bytes: &template }];
//! let errors = import(&files, &ImportOptions::default()).unwrap_err();
//! assert!(!errors.problems.is_empty());
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod build;
mod cell;
mod header;
mod map;
mod problem;
mod punches;
mod read;
mod template;

pub use map::ColumnMap;
pub use problem::{ProblemKind, RowProblem};
use serde::Serialize;
use wangge::{DateRange, Dossier, Lang};

/// One file to import: its name (shown in problems) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    /// The file name as the user knows it (`花名册.xlsx`); the kind is told from the bytes.
    pub name: &'a str,
    /// The whole file.
    pub bytes: &'a [u8],
}

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Column maps for attendance exports other than DingTalk's (tried before the built-in
    /// ones). WeCom's ships as [`ColumnMap::wecom`].
    pub column_maps: Vec<ColumnMap>,
    /// The community (ID or name) the attendance exports are about: names in them are matched
    /// within it. When absent, a name must be unique in the roster.
    pub community: Option<String>,
    /// The period of the dossier. Every dated row must fall in it (an export of the wrong month
    /// is refused). When absent: the whole months from the earliest to the latest dated row.
    pub period: Option<DateRange>,
    /// Language of the problems' messages (Chinese by default).
    pub lang: Lang,
    /// The calendar whose years dates must fall in (the national calendar 2022–2026 when
    /// absent; pass the policy's when it adds years).
    pub calendar: Option<wangge::Calendar>,
    /// A punch this many minutes after midnight or less, on the day after a duty shift (3.6.6),
    /// closes that shift. A local choice of the importer; 360 (06:00) by default.
    pub overnight_minutes: u32,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            column_maps: Vec::new(),
            community: None,
            period: None,
            lang: Lang::Zh,
            calendar: None,
            overnight_minutes: 360,
        }
    }
}

/// What was read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Files read.
    pub files: usize,
    /// Sheets read (a CSV file counts as one).
    pub sheets: usize,
    /// Rows read: the data rows of the template sheets, and the punches of the exports.
    pub rows: usize,
    /// Clock events made from the attendance exports.
    pub punches: usize,
    /// People in the roster.
    pub people: usize,
    /// Records made from the record sheets, all kinds together.
    pub records: usize,
    /// What each sheet was read as: `file, sheet: kind`.
    pub read_as: Vec<String>,
    /// Punches after midnight that closed the previous day's duty shift: they are recorded as
    /// a clock-out at 23:59 of the duty day (a dossier's times end at 23:59); each is listed
    /// here with its real time.
    pub overnight: Vec<String>,
}

/// A complete import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The dossier, validated by the core and in canonical order. `wangge::to_json(&dossier)`
    /// is what `wangge::api::assess_json` takes.
    pub dossier: Dossier,
    /// What was read.
    pub summary: ImportSummary,
}

/// Every problem of an import, in reading order, cut like the core's lists at
/// [`wangge::limits::MAX_PROBLEMS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportErrors {
    /// The problems.
    pub problems: Vec<RowProblem>,
}

impl std::fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for p in &self.problems {
            writeln!(f, "{}", p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}

/// Imports files into a dossier: every problem at once, or a complete, validated dossier.
pub fn import(files: &[InputFile<'_>], options: &ImportOptions) -> Result<Imported, ImportErrors> {
    build::run(files, options)
}

/// The empty template workbook (.xlsx): a 说明 sheet describing every column, then the roster
/// and record sheets with their header rows. Fill it in and import it.
pub fn template_xlsx() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    template::workbook()
}

/// Parses a JSON column map (see `import/README.md` and `import/maps/wecom.json`).
pub fn parse_column_map(json: &str) -> Result<ColumnMap, ImportErrors> {
    map::parse(json)
}
