//! # wangge-import-wasm
//!
//! The importers of [`wangge_import`] for the browser portal, in a WebAssembly module of their
//! own, so the grading module (`wangge-wasm`) does not grow: the portal loads this one only when
//! a clerk drops files on it. No rule lives here, and no file I/O: JavaScript hands over each
//! file's name and bytes.
//!
//! ```js
//! import init, { importFiles, templateXlsx } from "./wangge_import_wasm.js";
//! await init();
//! const answer = importFiles(
//!   [{ name: "花名册.xlsx", bytes: new Uint8Array(await roster.arrayBuffer()) },
//!    { name: "钉钉原始记录.xlsx", bytes: new Uint8Array(await export.arrayBuffer()) }],
//!   { period: { from: "2023-04-01", to: "2023-04-30" }, lang: "zh" });
//! if (answer.status === "success") assess(answer.value.dossier); // the grading module
//! else for (const p of answer.errors) console.log(p.message);   // 花名册.xlsx, 人员, 第14行, …
//! ```
//!
//! The answer is tagged like the core's: `{status: "success", value: {dossier, summary}}` or
//! `{status: "failure", errors: [{file, sheet?, row?, column?, kind, message}]}`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};
use wangge_import::{ColumnMap, ImportOptions, ImportSummary, InputFile, ProblemKind, RowProblem};
use wasm_bindgen::prelude::*;

/// The import options as JSON: every field may be omitted.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionsDoc {
    /// The community (ID or name) names in attendance exports are matched within.
    #[serde(default)]
    pub community: Option<String>,
    /// The dossier's period; dated rows outside it are refused.
    #[serde(default)]
    pub period: Option<wangge::DateRange>,
    /// `zh` (default) or `en`.
    #[serde(default)]
    pub lang: wangge::Lang,
    /// Column maps of other exports (see `import/maps/wecom.json`).
    #[serde(default)]
    pub column_maps: Vec<ColumnMap>,
    /// Use WeCom's shipped column map too.
    #[serde(default)]
    pub wecom: bool,
    /// The after-midnight cut-off of a duty shift, minutes (360 when absent).
    #[serde(default)]
    pub overnight_minutes: Option<u32>,
}

#[derive(Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
enum Answer<'a> {
    Success { value: Value<'a> },
    Failure { errors: Vec<RowProblem> },
}

#[derive(Serialize)]
struct Value<'a> {
    dossier: &'a wangge::Dossier,
    summary: &'a ImportSummary,
}

fn failure(message: String) -> String {
    let errors = vec![RowProblem {
        file: String::new(),
        sheet: None,
        row: None,
        column: None,
        kind: ProblemKind::InvalidColumnMap,
        message,
    }];
    wangge::to_json(&Answer::Failure { errors })
}

/// Imports `(name, bytes)` files under options given as JSON text (`None`: defaults), and
/// answers as JSON text. The pure function behind [`import_files`], testable natively.
pub fn import_json(files: &[(String, Vec<u8>)], options_json: Option<&str>) -> String {
    let doc: OptionsDoc = match options_json.map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => match serde_json::from_str(text) {
            Ok(d) => d,
            Err(e) => {
                return failure(format!(
                    "导入选项不是有效的 JSON / the options are not valid: {e}"
                ));
            }
        },
        None => OptionsDoc::default(),
    };
    let mut options = ImportOptions {
        community: doc.community,
        period: doc.period,
        lang: doc.lang,
        column_maps: doc.column_maps,
        ..ImportOptions::default()
    };
    if doc.wecom {
        options.column_maps.push(ColumnMap::wecom());
    }
    if let Some(m) = doc.overnight_minutes {
        options.overnight_minutes = m;
    }
    let inputs: Vec<InputFile<'_>> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    match wangge_import::import(&inputs, &options) {
        Ok(imported) => wangge::to_json(&Answer::Success {
            value: Value {
                dossier: &imported.dossier,
                summary: &imported.summary,
            },
        }),
        Err(e) => wangge::to_json(&Answer::Failure { errors: e.problems }),
    }
}

fn file_of(item: &JsValue) -> Option<(String, Vec<u8>)> {
    let name = js_sys::Reflect::get(item, &JsValue::from_str("name"))
        .ok()?
        .as_string()?;
    let bytes = js_sys::Reflect::get(item, &JsValue::from_str("bytes")).ok()?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    Some((name, bytes))
}

/// Imports files — an array of `{name, bytes: Uint8Array}` — into a dossier. `options`: an
/// object or JSON text `{community?, period?: {from, to}, lang?: "zh" | "en", column_maps?,
/// wecom?: boolean, overnight_minutes?}`. Answers `{status: "success", value: {dossier,
/// summary}}` or `{status: "failure", errors: [...]}` as a JavaScript object.
#[wasm_bindgen(js_name = importFiles)]
pub fn import_files(files: js_sys::Array, options: Option<JsValue>) -> JsValue {
    let mut list = Vec::new();
    for item in files.iter() {
        match file_of(&item) {
            Some(f) => list.push(f),
            None => {
                return parse(&failure(
                    "每个文件应为 {name, bytes: Uint8Array} / each file must be {name, bytes: Uint8Array}"
                        .to_owned(),
                ));
            }
        }
    }
    let text = match options {
        Some(v) if v.is_string() => v.as_string(),
        Some(v) if v.is_object() => js_sys::JSON::stringify(&v).ok().map(String::from),
        _ => None,
    };
    parse(&import_json(&list, text.as_deref()))
}

fn parse(answer: &str) -> JsValue {
    js_sys::JSON::parse(answer).unwrap_or_else(|exception| exception)
}

/// The empty roster and record template (.xlsx bytes), as `wangge import --template` writes it.
#[wasm_bindgen(js_name = templateXlsx)]
pub fn template_xlsx() -> Vec<u8> {
    wangge_import::template_xlsx().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn the_empty_template_answers_with_problems_and_bad_options_with_one() {
        let t = template_xlsx();
        assert!(t.starts_with(b"PK"));
        let a: serde_json::Value =
            serde_json::from_str(&import_json(&[("模板.xlsx".into(), t)], None)).unwrap();
        assert_eq!(a["status"], "failure");
        assert_eq!(a["errors"][0]["file"], "模板.xlsx");
        let a: serde_json::Value =
            serde_json::from_str(&import_json(&[], Some("{\"lang\": \"fr\"}"))).unwrap();
        assert_eq!(a["status"], "failure");
    }

    #[test]
    fn a_csv_roster_imports_to_a_dossier_assess_takes() {
        let communities = "编号,名称,党组织书记\r\nc1,幸福社区,l1\r\n"
            .as_bytes()
            .to_vec();
        let people =
            "编号,姓名,社区,角色,工号\r\nl1,赵建国,c1,网格长,\r\nw1,王芳,c1,网格员,1001\r\n"
                .as_bytes()
                .to_vec();
        let grids = "编号,名称,社区\r\ng1,幸福一网格,c1\r\n".as_bytes().to_vec();
        let assign = "人员,网格,起始日期\r\n王芳,g1,2023-01-01\r\n"
            .as_bytes()
            .to_vec();
        let punches = "姓名,工号,考勤日期,打卡时间\r\n王芳,1001,2023-04-03,08:20\r\n王芳,1001,2023-04-03,18:04\r\n"
            .as_bytes()
            .to_vec();
        let files = vec![
            ("社区.csv".to_owned(), communities),
            ("人员.csv".to_owned(), people),
            ("网格.csv".to_owned(), grids),
            ("分配.csv".to_owned(), assign),
            ("钉钉.csv".to_owned(), punches),
        ];
        let a: serde_json::Value = serde_json::from_str(&import_json(
            &files,
            Some(r#"{"period": {"from": "2023-04-01", "to": "2023-04-30"}, "wecom": true}"#),
        ))
        .unwrap();
        assert_eq!(a["status"], "success", "{a}");
        assert_eq!(a["value"]["summary"]["punches"], 2);
        let dossier = a["value"]["dossier"].to_string();
        let graded: serde_json::Value =
            serde_json::from_str(&wangge::api::assess_json(None, &dossier, None)).unwrap();
        assert_eq!(graded["status"], "success");
    }
}
