//! Bytes to tables: the file kind from its first bytes (xlsx zip, xls OLE, text CSV), CSV in
//! UTF-8, UTF-8 with BOM, UTF-16 with BOM (Excel's "Unicode text") or GB18030, and workbooks
//! through calamine with their merged cells.

use crate::cell::Cell;
use crate::problem::{Loc, ProblemKind, Sink};
use calamine::{Data, Reader};
use std::io::Cursor;

/// One sheet (or one CSV file), rows and columns indexed from 0 as Excel places them.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// The sheet name; `None` for a CSV file.
    pub sheet: Option<String>,
    /// The rows, from Excel's row 1 (index 0) on; short rows are not padded.
    pub rows: Vec<Vec<Cell>>,
    /// Merged regions, 0-based inclusive `(first row, first col, last row, last col)`.
    pub merged: Vec<(u32, u32, u32, u32)>,
}

impl Table {
    pub(crate) fn cell(&self, row: usize, col: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.iter().all(Cell::is_empty))
    }
}

/// What the first bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Xlsx,
    Xls,
    Text,
    Other,
}

pub(crate) fn sniff(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(b"PK\x03\x04") {
        return FileKind::Xlsx;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return FileKind::Xls;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return FileKind::Text;
    }
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    // Text has no NUL and few control characters other than tab, CR, LF.
    let controls = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\r' | b'\n' | 0x0C))
        .count();
    if head.contains(&0) || controls * 100 > head.len().max(1) {
        FileKind::Other
    } else {
        FileKind::Text
    }
}

/// Reads a file's tables; a file that cannot be read is one problem and no tables.
pub(crate) fn read(name: &str, bytes: &[u8], sink: &mut Sink) -> Option<Vec<Table>> {
    let loc = Loc::file(name);
    match sniff(bytes) {
        FileKind::Xlsx => {
            match calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes)) {
                Ok(mut book) => {
                    let names = book.sheet_names();
                    let mut tables = Vec::new();
                    for sheet in names {
                        let merged = match book.worksheet_merge_cells(&sheet) {
                            Some(Ok(list)) => list,
                            _ => Vec::new(),
                        };
                        match book.worksheet_range(&sheet) {
                            Ok(range) => tables.push(table(Some(sheet), &range, &merged)),
                            Err(_) => {
                                unreadable(sink, &loc.sheet(Some(&sheet)), "xlsx");
                            }
                        }
                    }
                    Some(tables)
                }
                Err(_) => {
                    sink.push(
                        &loc,
                        ProblemKind::NotASpreadsheet,
                        "文件是压缩包，但不是 Excel 工作簿（.xlsx），无法读取".to_owned(),
                        "the file is a zip archive but not an Excel workbook (.xlsx)".to_owned(),
                    );
                    None
                }
            }
        }
        FileKind::Xls => {
            match calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(bytes)) {
                Ok(mut book) => {
                    let names = book.sheet_names();
                    let mut tables = Vec::new();
                    for sheet in names {
                        let merged = book.worksheet_merge_cells(&sheet).unwrap_or_default();
                        match book.worksheet_range(&sheet) {
                            Ok(range) => tables.push(table(Some(sheet), &range, &merged)),
                            Err(_) => unreadable(sink, &loc.sheet(Some(&sheet)), "xls"),
                        }
                    }
                    Some(tables)
                }
                Err(_) => {
                    unreadable(sink, &loc, "xls");
                    None
                }
            }
        }
        FileKind::Text => {
            let text = decode(bytes);
            let rows = csv_rows(&text);
            let stem = name
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(name)
                .rsplit_once('.')
                .map_or(name, |(s, _)| s);
            let _ = stem;
            Some(vec![Table {
                sheet: None,
                rows,
                merged: Vec::new(),
            }])
        }
        FileKind::Other => {
            sink.push(
                &loc,
                ProblemKind::NotASpreadsheet,
                "不是电子表格：既不是 Excel 工作簿（.xlsx/.xls），也不是文本 CSV".to_owned(),
                "not a spreadsheet: neither an Excel workbook (.xlsx/.xls) nor a text CSV"
                    .to_owned(),
            );
            None
        }
    }
}

fn unreadable(sink: &mut Sink, loc: &Loc, kind: &str) {
    let (zh, en) = if kind == "xls" {
        (
            "无法读取旧版 Excel（.xls）文件：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入".to_owned(),
            "cannot read this old Excel (.xls) file: open it in Excel or WPS, save it as .xlsx and import that".to_owned(),
        )
    } else {
        (
            "无法读取此工作表：文件可能已损坏，请在 Excel 中打开后重新保存".to_owned(),
            "cannot read this sheet: the file may be damaged; open it in Excel and save it again"
                .to_owned(),
        )
    };
    sink.push(loc, ProblemKind::UnreadableFile, zh, en);
}

fn table(
    sheet: Option<String>,
    range: &calamine::Range<Data>,
    merged: &[calamine::Dimensions],
) -> Table {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = (0..r0).map(|_| Vec::new()).collect();
    for row in range.rows() {
        let mut cells: Vec<Cell> = (0..c0).map(|_| Cell::Empty).collect();
        cells.extend(row.iter().map(convert));
        rows.push(cells);
    }
    Table {
        sheet,
        rows,
        merged: merged
            .iter()
            .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
            .collect(),
    }
}

fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::Serial(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(_) => Cell::Error,
    }
}

/// The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 — what
/// Excel writes in China.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return encoding_rs::UTF_16LE.decode(bytes).0.into_owned();
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return encoding_rs::UTF_16BE.decode(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

fn csv_rows(text: &str) -> Vec<Vec<Cell>> {
    // Tab-separated when the first lines hold more tabs than commas (Excel's "Unicode text").
    let head: String = text.lines().take(5).collect();
    let delimiter = if head.matches('\t').count() > head.matches(',').count() {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => rows.push(
                r.iter()
                    .map(|f| {
                        if f.trim().is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(f.to_owned())
                        }
                    })
                    .collect(),
            ),
            Err(_) => rows.push(vec![Cell::Error]),
        }
    }
    rows
}
