//! Finding the header row under any title rows (统计日期…, 制表人…), refusing merged header
//! cells, and reading data rows by column key.

use crate::cell::{Cell, letters, norm};
use crate::problem::{Loc, ProblemKind, Sink};
use crate::read::Table;
use std::collections::BTreeMap;

/// How far down a header row is looked for.
pub(crate) const HEADER_SEARCH_ROWS: usize = 40;

/// A column a reader wants: its key, the headings it goes by, and whether it must be there.
#[derive(Debug, Clone)]
pub(crate) struct Want {
    pub key: &'static str,
    pub aliases: Vec<String>,
    pub required: bool,
}

impl Want {
    pub(crate) fn new(key: &'static str, aliases: &[&str], required: bool) -> Want {
        Want {
            key,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            required,
        }
    }
    pub(crate) fn owned(key: &'static str, aliases: &[String], required: bool) -> Want {
        Want {
            key,
            aliases: aliases.to_vec(),
            required,
        }
    }
}

/// A header row found.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// 0-based index of the header row.
    pub row: usize,
    /// Column of each key found.
    pub cols: BTreeMap<&'static str, usize>,
}

/// Counts the wanted columns a row names: (required found, all found, columns by key).
fn match_row(
    table: &Table,
    r: usize,
    wants: &[Want],
) -> (usize, usize, BTreeMap<&'static str, usize>) {
    let mut cols = BTreeMap::new();
    let row = table.rows.get(r).map_or(&[][..], |v| v.as_slice());
    for (c, cell) in row.iter().enumerate() {
        let text = norm(&cell.text());
        if text.is_empty() {
            continue;
        }
        for w in wants {
            if !cols.contains_key(w.key) && w.aliases.iter().any(|a| norm(a) == text) {
                cols.insert(w.key, c);
                break;
            }
        }
    }
    let required = wants
        .iter()
        .filter(|w| w.required && cols.contains_key(w.key))
        .count();
    (required, cols.len(), cols)
}

/// Whether any row in the first rows names every required column (for sniffing a sheet's kind).
pub(crate) fn matches(table: &Table, wants: &[Want]) -> bool {
    score(table, wants).is_some()
}

/// The most wanted columns one of the first rows names, among rows naming every required one.
pub(crate) fn score(table: &Table, wants: &[Want]) -> Option<usize> {
    let need = wants.iter().filter(|w| w.required).count();
    (0..table.rows.len().min(HEADER_SEARCH_ROWS))
        .map(|r| match_row(table, r, wants))
        .filter(|(req, _, _)| *req == need)
        .map(|(_, all, _)| all)
        .max()
}

/// How a column the file lacks is named in a problem.
fn key_label(key: &str) -> &str {
    match key {
        "name" => "姓名",
        "id" => "工号",
        "date" => "考勤日期",
        "time" => "打卡时间",
        "dept" => "部门",
        other => other,
    }
}

/// The merged regions touching row `r` that span more than one column, as `C3:D3`.
fn merged_in_row(table: &Table, r: usize) -> Vec<String> {
    table
        .merged
        .iter()
        .filter(|(r0, c0, r1, c1)| {
            (*r0 as usize) <= r && r <= (*r1 as usize) && (c1 > c0 || r1 > r0)
        })
        .map(|(r0, c0, r1, c1)| {
            format!(
                "{}{}:{}{}",
                letters(*c0 as usize),
                r0 + 1,
                letters(*c1 as usize),
                r1 + 1
            )
        })
        .collect()
}

/// Finds the header row; on failure records one problem at the sheet and returns `None`.
pub(crate) fn find(table: &Table, wants: &[Want], loc: &Loc, sink: &mut Sink) -> Option<Header> {
    if table.is_empty() {
        sink.push(
            loc,
            ProblemKind::EmptySheet,
            "工作表是空的".to_owned(),
            "the sheet is empty".to_owned(),
        );
        return None;
    }
    let need = wants.iter().filter(|w| w.required).count();
    let mut best: Option<(usize, usize, usize)> = None; // (all found, required found, row)
    for r in 0..table.rows.len().min(HEADER_SEARCH_ROWS) {
        let (req, all, cols) = match_row(table, r, wants);
        if req == need && all > 0 {
            let merged = merged_in_row(table, r);
            if !merged.is_empty() {
                merged_problem(loc, r, &merged, sink);
                return None;
            }
            return Some(Header { row: r, cols });
        }
        if all > 0 && best.is_none_or(|(a, q, _)| (req, all) > (q, a)) {
            best = Some((all, req, r));
        }
    }
    let names = |ws: &mut dyn Iterator<Item = &Want>| {
        ws.map(|w| w.aliases.first().map_or(w.key, String::as_str))
            .collect::<Vec<_>>()
            .join("、")
    };
    match best {
        Some((_, _, r)) => {
            let merged: Vec<String> = (r.saturating_sub(1)..=r + 1)
                .flat_map(|x| merged_in_row(table, x))
                .collect();
            if !merged.is_empty() {
                merged_problem(loc, r, &merged, sink);
                return None;
            }
            let (_, _, cols) = match_row(table, r, wants);
            let missing = names(
                &mut wants
                    .iter()
                    .filter(|w| w.required && !cols.contains_key(w.key)),
            );
            sink.push(
                &loc.row(r as u32 + 1),
                ProblemKind::MissingColumn,
                format!("表头缺少列：{missing}"),
                format!("the header lacks the column(s) {missing}"),
            );
        }
        None => {
            let all = names(&mut wants.iter().filter(|w| w.required));
            sink.push(
                loc,
                ProblemKind::MissingColumn,
                format!("找不到表头：前{HEADER_SEARCH_ROWS}行中没有一行含有列 {all}"),
                format!("no header row: none of the first {HEADER_SEARCH_ROWS} rows names the columns {all}"),
            );
        }
    }
    None
}

fn merged_problem(loc: &Loc, r: usize, merged: &[String], sink: &mut Sink) {
    let list = merged.join("、");
    sink.push(
        &loc.row(r as u32 + 1),
        ProblemKind::MergedHeader,
        format!("表头有合并单元格（{list}）：请取消合并，每一列写一个列名"),
        format!("the header has merged cells ({list}): unmerge them and give each column its own heading"),
    );
}

/// One data row under a header.
#[derive(Debug, Clone)]
pub(crate) struct Row<'a> {
    pub table: &'a Table,
    pub header: &'a Header,
    /// 0-based index.
    pub r: usize,
    /// The sheet's location.
    pub base: Loc,
}

impl<'a> Row<'a> {
    /// Excel's row number.
    pub(crate) fn number(&self) -> u32 {
        self.r as u32 + 1
    }
    pub(crate) fn has(&self, key: &str) -> bool {
        self.header.cols.contains_key(key)
    }
    pub(crate) fn cell(&self, key: &str) -> &'a Cell {
        static EMPTY: Cell = Cell::Empty;
        match self.header.cols.get(key) {
            Some(c) => self.table.cell(self.r, *c),
            None => &EMPTY,
        }
    }
    pub(crate) fn text(&self, key: &str) -> String {
        self.cell(key).text()
    }
    /// The location of the row.
    pub(crate) fn at(&self) -> Loc {
        self.base.row(self.number())
    }
    /// The location of the row's cell under `key`, named by the file's own heading.
    pub(crate) fn loc(&self, key: &str) -> Loc {
        let heading = match self.header.cols.get(key) {
            Some(c) => {
                let h = self.table.cell(self.header.row, *c).text();
                if h.is_empty() { letters(*c) } else { h }
            }
            None => key_label(key).to_owned(),
        };
        self.at().col(&heading)
    }
}

/// Words in the first cell of a row under the data that mark a footer, not a record.
const FOOTER_MARKS: [&str; 8] = [
    "制表人",
    "制表",
    "审核",
    "统计日期",
    "备注：",
    "说明：",
    "打印",
    "合计",
];

/// The data rows under a header: empty rows and footers (制表人：…) left out.
pub(crate) fn rows<'a>(table: &'a Table, header: &'a Header, base: &Loc) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    for r in header.row + 1..table.rows.len() {
        let cells = table.rows.get(r).map_or(&[][..], |v| v.as_slice());
        let filled: Vec<&Cell> = cells.iter().filter(|c| !c.is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        if let [only] = filled.as_slice() {
            let t = only.text();
            if FOOTER_MARKS.iter().any(|m| t.starts_with(m)) {
                continue;
            }
        }
        out.push(Row {
            table,
            header,
            r,
            base: base.clone(),
        });
    }
    out
}
