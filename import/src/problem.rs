//! Row-level problems: every one names the file, sheet, row and column it is about, in the
//! caller's language, and never quotes a value of a confidential column (2.2.5).

use serde::Serialize;
use wangge::Lang;

/// What kind of problem a [`RowProblem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The bytes are not a spreadsheet (neither xlsx, xls nor text CSV).
    NotASpreadsheet,
    /// A spreadsheet that could not be read (a damaged or unsupported .xls or .xlsx).
    UnreadableFile,
    /// A sheet (or a CSV file) that holds nothing, or a header and no rows where rows are due.
    EmptySheet,
    /// A sheet that is neither a template sheet nor a known attendance export.
    UnknownSheet,
    /// A sheet the import needs is missing (the roster's 人员, for instance).
    MissingSheet,
    /// The header row could not be found, or lacks a column.
    MissingColumn,
    /// The header row has merged cells: each column needs a name of its own.
    MergedHeader,
    /// A required cell is empty.
    MissingValue,
    /// A value that is not one of the allowed ones (a role, a category, a tick).
    InvalidValue,
    /// A cell that should hold a date does not, or holds a date that does not exist.
    InvalidDate,
    /// A cell that should hold a time does not.
    InvalidTime,
    /// A date in a year the calendar does not know.
    OutsideCalendar,
    /// A date outside the import's period (an export for the wrong month).
    OutsidePeriod,
    /// No person matches the name or ID.
    UnknownPerson,
    /// Several people match the name.
    AmbiguousPerson,
    /// No community or grid matches the name or ID.
    UnknownReference,
    /// The same punch twice.
    DuplicatePunch,
    /// A punch on a day the person was on approved leave.
    PunchOnLeave,
    /// A column map that is not valid JSON of the documented shape.
    InvalidColumnMap,
    /// The assembled dossier broke a rule of the core's checks (an overlap, a reference).
    Dossier,
    /// The list was cut at [`wangge::limits::MAX_PROBLEMS`]; the message says how many more.
    MoreProblems,
}

/// One thing wrong with the input, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// The file name as given.
    pub file: String,
    /// The sheet, when the file has sheets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The row as Excel numbers it (1-based), when the problem is about a row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The column's heading (or letter when it has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What kind of problem.
    pub kind: ProblemKind,
    /// The whole message, location first: `花名册.xlsx, 人员, 第14行, 角色: '网格园' 不是已知角色`.
    pub message: String,
}

/// Where a problem is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Loc {
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<u32>,
    pub column: Option<String>,
}

impl Loc {
    pub(crate) fn file(file: &str) -> Loc {
        Loc {
            file: file.to_owned(),
            ..Loc::default()
        }
    }
    pub(crate) fn sheet(&self, sheet: Option<&str>) -> Loc {
        Loc {
            sheet: sheet.map(str::to_owned),
            ..self.clone()
        }
    }
    pub(crate) fn row(&self, row: u32) -> Loc {
        Loc {
            row: Some(row),
            column: None,
            ..self.clone()
        }
    }
    pub(crate) fn col(&self, column: &str) -> Loc {
        Loc {
            column: Some(column.to_owned()),
            ..self.clone()
        }
    }
    /// `file, sheet, 第N行` (or `row N`) without the column.
    pub(crate) fn place(&self, lang: Lang) -> String {
        let mut s = self.file.clone();
        if let Some(sh) = &self.sheet {
            s.push_str(", ");
            s.push_str(sh);
        }
        if let Some(r) = self.row {
            match lang {
                Lang::Zh => s.push_str(&format!(", 第{r}行")),
                Lang::En => s.push_str(&format!(", row {r}")),
            }
        }
        s
    }
}

/// The problems of one import, collected in reading order.
#[derive(Debug)]
pub(crate) struct Sink {
    pub lang: Lang,
    pub list: Vec<RowProblem>,
}

impl Sink {
    pub(crate) fn new(lang: Lang) -> Sink {
        Sink {
            lang,
            list: Vec::new(),
        }
    }

    /// Adds a problem; `zh` and `en` are the detail after the location.
    pub(crate) fn push(&mut self, loc: &Loc, kind: ProblemKind, zh: String, en: String) {
        let detail = match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        };
        let mut message = loc.place(self.lang);
        if let Some(c) = &loc.column {
            message.push_str(", ");
            message.push_str(c);
        }
        message.push_str(": ");
        message.push_str(&detail);
        self.list.push(RowProblem {
            file: loc.file.clone(),
            sheet: loc.sheet.clone(),
            row: loc.row,
            column: loc.column.clone(),
            kind,
            message,
        });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The list, cut at the core's limit with one last problem counting the rest.
    pub(crate) fn finish(self) -> Vec<RowProblem> {
        self.finish_in(&[])
    }

    /// The list in reading order — by the files' order in `files`, then sheet (as first seen),
    /// then row — cut at the core's limit with one last problem counting the rest.
    pub(crate) fn finish_in(self, files: &[&str]) -> Vec<RowProblem> {
        let max = wangge::limits::MAX_PROBLEMS;
        let mut list = self.list;
        let mut sheets: Vec<(String, Option<String>)> = Vec::new();
        for p in &list {
            let k = (p.file.clone(), p.sheet.clone());
            if !sheets.contains(&k) {
                sheets.push(k);
            }
        }
        list.sort_by_key(|p| {
            let f = files
                .iter()
                .position(|x| *x == p.file)
                .unwrap_or(files.len());
            let k = (p.file.clone(), p.sheet.clone());
            let s = sheets.iter().position(|x| *x == k).unwrap_or(0);
            (f, s, p.row.unwrap_or(0))
        });
        if list.len() > max {
            let more = list.len() - max;
            list.truncate(max);
            let message = match self.lang {
                Lang::Zh => format!("另有{more}个问题未列出"),
                Lang::En => format!("and {more} more problems"),
            };
            list.push(RowProblem {
                file: String::new(),
                sheet: None,
                row: None,
                column: None,
                kind: ProblemKind::MoreProblems,
                message,
            });
        }
        list
    }
}
