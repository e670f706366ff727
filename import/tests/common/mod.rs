//! Fixture writers: the tests make their own exports — .xlsx with rust_xlsxwriter, .csv in
//! UTF-8, UTF-8 with BOM and GB18030.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use rust_xlsxwriter::{Format, Workbook};

/// A cell of a fixture.
#[derive(Debug, Clone)]
pub enum V {
    S(String),
    N(f64),
    /// An Excel date (serial) shown with a date format.
    D(f64),
    E,
}

pub fn s(t: &str) -> V {
    V::S(t.to_owned())
}

/// Rows from string slices ("" is an empty cell).
pub fn rows(list: &[&[&str]]) -> Vec<Vec<V>> {
    list.iter()
        .map(|r| {
            r.iter()
                .map(|c| if c.is_empty() { V::E } else { s(c) })
                .collect()
        })
        .collect()
}

/// A sheet: name, rows, merged ranges (first row, first col, last row, last col).
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<V>>,
    pub merged: Vec<(u32, u16, u32, u16)>,
}

pub fn sheet(name: &str, rows: Vec<Vec<V>>) -> Sheet {
    Sheet {
        name: name.to_owned(),
        rows,
        merged: Vec::new(),
    }
}

pub fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for sh in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sh.name).unwrap();
        for (r, row) in sh.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let covered = sh
                    .merged
                    .iter()
                    .any(|(r0, c0, r1, c1)| r >= *r0 && r <= *r1 && c >= *c0 && c <= *c1);
                if covered {
                    continue;
                }
                match v {
                    V::S(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    V::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    V::D(n) => {
                        ws.write_number_with_format(r, c, *n, &date).unwrap();
                    }
                    V::E => {}
                }
            }
        }
        for (r0, c0, r1, c1) in &sh.merged {
            let text = match sh.rows.get(*r0 as usize).and_then(|r| r.get(*c0 as usize)) {
                Some(V::S(t)) => t.clone(),
                _ => String::new(),
            };
            ws.merge_range(*r0, *c0, *r1, *c1, &text, &Format::new())
                .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn csv_text(rows: &[Vec<V>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .map(|v| match v {
                V::S(t) => t.clone(),
                V::N(n) | V::D(n) => format!("{n}"),
                V::E => String::new(),
            })
            .collect();
        w.write_record(&cells).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

pub fn csv_utf8(rows: &[Vec<V>]) -> Vec<u8> {
    csv_text(rows).into_bytes()
}

pub fn csv_bom(rows: &[Vec<V>]) -> Vec<u8> {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend(csv_text(rows).into_bytes());
    b
}

/// As Excel in China saves CSV: GB18030 with CRLF.
pub fn csv_gb18030(rows: &[Vec<V>]) -> Vec<u8> {
    let text = csv_text(rows);
    let (bytes, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad);
    bytes.into_owned()
}

/// The Excel serial of a date.
pub fn serial(y: i32, m: u32, d: u32) -> f64 {
    let epoch = wangge::Date::from_ymd(1899, 12, 30).unwrap();
    epoch.days_until(wangge::Date::from_ymd(y, m, d).unwrap()) as f64
}

/// A minimal roster: community 幸福社区 (c1), grids g1, g2, leader l1, workers w1–w3 (工号
/// 1001–1003), helper h1.
pub fn roster() -> Vec<u8> {
    xlsx(&[
        sheet("街道", rows(&[&["编号", "名称"], &["xc", "新城街道"]])),
        sheet(
            "社区",
            rows(&[
                &["编号", "名称", "党组织书记"],
                &["c1", "幸福社区", "赵建国"],
            ]),
        ),
        sheet(
            "网格",
            rows(&[
                &["编号", "名称", "社区"],
                &["g1", "幸福一网格", "幸福社区"],
                &["g2", "幸福二网格", "c1"],
            ]),
        ),
        sheet(
            "人员",
            rows(&[
                &["幸福社区网格人员花名册（2023年）"],
                &["制表日期：2023-01-05"],
                &["编号", "姓名", "社区", "角色", "协助类别", "工号"],
                &["l1", "赵建国", "幸福社区", "网格长", "", ""],
                &["w1", "王芳", "幸福社区", "网格员", "", "1001"],
                &["w2", "李强", "幸福社区", "网格员", "", "1002"],
                &["w3", "张丽", "幸福社区", "网格员", "", "1003"],
                &["h1", "孙大爷", "幸福社区", "协助人员", "楼长", ""],
            ]),
        ),
        sheet(
            "分配",
            rows(&[
                &["人员", "网格", "起始日期"],
                &["王芳", "幸福一网格", "2023-01-01"],
                &["李强", "g1", "2023-01-01"],
                &["w3", "幸福二网格", "2023/1/1"],
                &["孙大爷", "g1", "2023年1月1日"],
            ]),
        ),
    ])
}

pub fn zh_options(from: &str, to: &str) -> wangge_import::ImportOptions {
    wangge_import::ImportOptions {
        period: Some(wangge::DateRange::new(
            wangge::Date::parse(from).unwrap(),
            wangge::Date::parse(to).unwrap(),
        )),
        ..Default::default()
    }
}
