//! Sheets of typed cells, written as an Excel workbook (rust_xlsxwriter) or as CSV.
//!
//! Each sheet has one header row, frozen, with a filter; column widths follow the content
//! (a Chinese character counts two); scores are numbers shown with two decimals, counts are
//! whole numbers, dates are Excel dates (`yyyy-mm-dd`, a month `yyyy-mm`). Text is always
//! written as a string cell, so a name such as `=HYPERLINK(…)` is shown, never run; the CSV
//! form neutralises such cells with the core's [`wangge::csv`].

use crate::common::Failure;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use wangge::decimal::Decimal;

/// One cell.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    /// Text (a name, a reason).
    Text(String),
    /// A whole number (a count).
    Int(i64),
    /// An exact decimal (a score), shown with two decimals.
    Score(Decimal),
    /// A day (`YYYY-MM-DD` in the answer).
    Date(wangge::Date),
    /// A month (`YYYY-MM` in the answer), shown as such.
    Month(String),
    /// Nothing.
    Empty,
}

impl Cell {
    pub(crate) fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The cell as the answer writes it.
    fn as_text(&self) -> String {
        match self {
            Cell::Text(s) | Cell::Month(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Score(d) => d.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A sheet: a name, one header row, rows of cells.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    /// The sheet's name (made valid and unique when written).
    pub(crate) name: String,
    /// Column headings.
    pub(crate) headings: Vec<String>,
    /// The rows.
    pub(crate) rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub(crate) fn new(name: impl Into<String>, headings: &[&str]) -> Sheet {
        Sheet {
            name: name.into(),
            headings: headings.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// The sheet as CSV (RFC 4180, `\n` line ends): text cells neutralised by
    /// [`wangge::csv::text_cell`], numbers and dates as they are.
    pub(crate) fn to_csv(&self) -> String {
        let mut out = String::new();
        let head: Vec<String> = self
            .headings
            .iter()
            .map(|h| wangge::csv::text_cell(h))
            .collect();
        out.push_str(&head.join(","));
        out.push('\n');
        for row in &self.rows {
            let line: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::Text(s) => wangge::csv::text_cell(s),
                    other => wangge::csv::number_cell(&other.as_text()),
                })
                .collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
        out
    }
}

/// Display width of a text in a spreadsheet column: a CJK or full-width character counts two.
fn width_of(s: &str) -> usize {
    s.lines()
        .map(|line| {
            line.chars()
                .map(|c| if c >= '\u{2e80}' { 2 } else { 1 })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

/// Widest column, in characters; longer text wraps.
const MAX_WIDTH: usize = 60;

/// A valid, unique sheet name: Excel allows 31 characters and none of `[]:*?/\`.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let base: String = if clean.is_empty() {
        "Sheet".to_owned()
    } else {
        clean.chars().take(31).collect()
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name))
        || name.eq_ignore_ascii_case("history")
    {
        let suffix = format!(" ({n})");
        let keep = 31usize.saturating_sub(suffix.chars().count());
        name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn xlsx_error(e: XlsxError) -> Failure {
    Failure::Input(format!("cannot write the Excel workbook: {e}"))
}

/// The date of the answer's `YYYY-MM-DD` (or `YYYY-MM`, the month's first day).
fn excel_date(text: &str) -> Option<ExcelDateTime> {
    let mut parts = text.split('-');
    let y: u16 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = match parts.next() {
        Some(d) => d.parse().ok()?,
        None => 1,
    };
    ExcelDateTime::from_ymd(y, m, d).ok()
}

struct Formats {
    head: Format,
    text: Format,
    wrap: Format,
    int: Format,
    score: Format,
    date: Format,
    month: Format,
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    let columns = sheet
        .headings
        .len()
        .max(sheet.rows.iter().map(Vec::len).max().unwrap_or(0));
    let mut widths: Vec<usize> = vec![6; columns];
    for (col, h) in sheet.headings.iter().enumerate() {
        ws.write_string_with_format(0, to_col(col), h, &f.head)?;
        if let Some(w) = widths.get_mut(col) {
            *w = (*w).max(width_of(h).min(24));
        }
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (col, cell) in row.iter().enumerate() {
            let c = to_col(col);
            let shown = match cell {
                Cell::Text(s) => {
                    let format = if s.contains('\n') || width_of(s) > MAX_WIDTH {
                        &f.wrap
                    } else {
                        &f.text
                    };
                    ws.write_string_with_format(r, c, s, format)?;
                    width_of(s)
                }
                Cell::Int(n) => {
                    ws.write_number_with_format(r, c, *n as f64, &f.int)?;
                    n.to_string().len()
                }
                Cell::Score(d) => {
                    ws.write_number_with_format(r, c, d.units() as f64 / 10_000.0, &f.score)?;
                    d.to_string().len().max(5)
                }
                Cell::Date(d) => {
                    let text = d.to_string();
                    match excel_date(&text) {
                        Some(x) => ws.write_datetime_with_format(r, c, x, &f.date)?,
                        None => ws.write_string_with_format(r, c, &text, &f.text)?,
                    };
                    10
                }
                Cell::Month(m) => {
                    match excel_date(m) {
                        Some(x) => ws.write_datetime_with_format(r, c, x, &f.month)?,
                        None => ws.write_string_with_format(r, c, m, &f.text)?,
                    };
                    8
                }
                Cell::Empty => 0,
            };
            if let Some(w) = widths.get_mut(col) {
                *w = (*w).max(shown.min(MAX_WIDTH));
            }
        }
    }
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(to_col(col), (*w + 2) as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if columns > 0 {
        let last_row =
            u32::try_from(sheet.rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
        ws.autofilter(0, 0, last_row, to_col(columns - 1))?;
    }
    Ok(())
}

fn to_col(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

/// The workbook of these sheets, as the bytes of an .xlsx file.
pub(crate) fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, Failure> {
    let formats = Formats {
        head: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top),
        text: Format::new().set_align(FormatAlign::Top),
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        int: Format::new()
            .set_num_format("0")
            .set_align(FormatAlign::Top),
        score: Format::new()
            .set_num_format("0.00")
            .set_align(FormatAlign::Top),
        date: Format::new()
            .set_num_format("yyyy-mm-dd")
            .set_align(FormatAlign::Top),
        month: Format::new()
            .set_num_format("yyyy-mm")
            .set_align(FormatAlign::Top),
    };
    let mut book = Workbook::new();
    let mut taken = Vec::new();
    for sheet in sheets {
        let mut ws = Worksheet::new();
        ws.set_name(sheet_name(&sheet.name, &mut taken))
            .map_err(xlsx_error)?;
        write_sheet(&mut ws, sheet, &formats).map_err(xlsx_error)?;
        book.push_worksheet(ws);
    }
    book.save_to_buffer().map_err(xlsx_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("幸福社区", &mut taken), "幸福社区");
        assert_eq!(sheet_name("幸福社区", &mut taken), "幸福社区 (2)");
        assert_eq!(sheet_name("a/b:c", &mut taken), "a_b_c");
        assert_eq!(sheet_name("", &mut taken), "Sheet");
        let long = "一".repeat(40);
        let name = sheet_name(&long, &mut taken);
        assert_eq!(name.chars().count(), 31);
        assert_eq!(sheet_name("History", &mut taken), "History (2)");
    }

    #[test]
    fn chinese_characters_count_twice_in_a_width() {
        assert_eq!(width_of("网格员"), 6);
        assert_eq!(width_of("ab\n网格"), 4);
    }

    #[test]
    fn csv_cells_are_neutralised_and_numbers_kept() {
        let mut s = Sheet::new("x", &["姓名", "得分"]);
        s.rows.push(vec![
            Cell::text("=1+1"),
            Cell::Score(Decimal::parse("-2.5").unwrap_or_default()),
        ]);
        assert_eq!(s.to_csv(), "姓名,得分\n\"'=1+1\",-2.5\n");
    }
}
