//! The `wangge` command end to end: every subcommand, its exit codes (0 done, 1 refused,
//! 2 usage), bad input (a missing file, JSON that is not JSON, impossible dates), and the Excel
//! workbooks read back with calamine against the core's own answers.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use std::path::{Path, PathBuf};

fn wangge() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("wangge")
}

/// A fresh directory of this test's own.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("wangge-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn sample() -> String {
    wangge::sample::community_2023().to_json()
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn workbook(path: &Path) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(std::fs::read(path).unwrap())).unwrap()
}

fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<Data>> {
    book.worksheet_range(name)
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("not text: {other:?}"),
    }
}

/// The core's assessment of the sample, as the C and WASM bindings give it.
fn core_assessment(options: Option<&str>) -> serde_json::Value {
    let answer = wangge::api::assess_json(None, &sample(), options);
    serde_json::from_str(&answer).unwrap()
}

// ---- help and usage (exit 0 and 2) ----

#[test]
fn help_gives_an_example_for_every_subcommand_and_the_exit_codes() {
    let top = stdout_of(wangge().arg("--help"));
    assert!(
        top.contains("Exit codes:") && top.contains("2  usage"),
        "{top}"
    );
    for sub in [
        "assess",
        "evaluate",
        "attendance",
        "evidence",
        "check-policy",
        "sample",
        "batch",
    ] {
        let help = stdout_of(wangge().args([sub, "--help"]));
        assert!(help.contains("Examples:"), "{sub}: {help}");
        assert!(help.contains(&format!("wangge {sub}")), "{sub}: {help}");
        assert!(help.contains("Exit codes:"), "{sub}: {help}");
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["grade"][..],
        &["assess"][..],                                    // no dossier, no --sample
        &["assess", "--sample", "--dossier", "d.json"][..], // both
        &["assess", "--sample", "--from", "2023-01-01"][..], // --from without --to
        &["assess", "--sample", "--format", "pdf"][..],     // unknown format
        &["assess", "--sample", "--format", "xlsx"][..],    // a workbook needs -o
        &["evidence", "--sample", "--format", "csv"][..],   // not a format of evidence
        &["evidence", "--sample", "-o", "e.csv"][..],       // nor implied by the output file
        &[
            "attendance",
            "--sample",
            "--month",
            "2023-03",
            "--from",
            "2023-03-01",
            "--to",
            "2023-03-31",
        ][..],
        &["assess", "--sample", "--lang", "fr"][..],
        &["sample"][..], // nothing to write
    ] {
        wangge().args(args).assert().code(2);
    }
}

// ---- refused input (exit 1) ----

#[test]
fn a_missing_dossier_file_is_refused_with_exit_1() {
    let out = wangge()
        .args(["assess", "--dossier", "/nonexistent/dossier.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot read `/nonexistent/dossier.json`"),
        "{err}"
    );
}

#[test]
fn json_that_is_not_json_is_refused_with_the_cores_typed_error() {
    let d = dir("syntax");
    let path = d.join("bad.json");
    std::fs::write(&path, "{\"period\":").unwrap();
    // Readable text on standard error…
    let out = wangge()
        .args(["assess", "--dossier"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("was refused") && err.contains("[syntax]"),
        "{err}"
    );
    // …or the core's failure answer on standard output, byte for byte, with --format json.
    let out = wangge()
        .args(["assess", "--format", "json", "--dossier"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n", wangge::api::assess_json(None, "{\"period\":", None))
    );
}

#[test]
fn with_an_output_file_the_failure_answer_goes_where_the_answer_would() {
    let d = dir("failure-file");
    let (bad, out_path) = (d.join("bad.json"), d.join("answer.json"));
    std::fs::write(&bad, "[1,").unwrap();
    let out = wangge()
        .args(["evaluate", "--dossier"])
        .arg(&bad)
        .arg("-o")
        .arg(&out_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("the failure answer is in"));
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap(),
        format!("{}\n", wangge::api::evaluate_json(None, "[1,", None))
    );
}

#[test]
fn a_dossier_from_standard_input_with_a_byte_order_mark_is_read() {
    let with_bom = format!("\u{feff}{}", sample());
    let out = stdout_of(
        wangge()
            .args(["assess", "--dossier", "-", "--format", "json"])
            .write_stdin(with_bom),
    );
    assert!(out.starts_with("{\"status\":\"success\""));
}

#[test]
fn impossible_dates_are_refused_by_the_core_naming_the_date() {
    for (from, to) in [("2023-02-30", "2023-03-31"), ("2023-03-01", "March")] {
        let out = wangge()
            .args(["assess", "--sample", "--from", from, "--to", to])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{from}..{to}");
        let err = String::from_utf8_lossy(&out.stderr);
        let bad = if from == "2023-02-30" { from } else { to };
        assert!(err.contains(bad), "{err}");
        assert!(err.contains("the period `--from"), "{err}");
    }
    // A period that ends before it starts, as the core's failure answer with --format json.
    let out = wangge()
        .args([
            "assess",
            "--sample",
            "--format",
            "json",
            "--from",
            "2023-03-01",
            "--to",
            "2023-02-01",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "{}\n",
            wangge::api::assess_json(
                None,
                &sample(),
                Some(r#"{"period":{"from":"2023-03-01","to":"2023-02-01"}}"#)
            )
        )
    );
    // A period outside the dossier's (2023) is refused too.
    wangge()
        .args([
            "assess",
            "--sample",
            "--from",
            "2024-01-01",
            "--to",
            "2024-03-31",
        ])
        .assert()
        .code(1);
    // And a month that is not one.
    let out = wangge()
        .args(["attendance", "--sample", "--month", "2023-13"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`2023-13` is not a month"));
}

#[test]
fn a_policy_that_is_not_a_policy_is_refused() {
    let d = dir("policy");
    let path = d.join("p.json");
    std::fs::write(&path, "{}").unwrap();
    let out = wangge()
        .args(["assess", "--sample", "--policy"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the policy"));
}

// ---- assess ----

#[test]
fn clause_4_1_assess_json_is_the_cores_answer_byte_for_byte() {
    let out = stdout_of(wangge().args(["assess", "--sample", "--format", "json"]));
    assert_eq!(
        out,
        format!("{}\n", wangge::api::assess_json(None, &sample(), None))
    );
    let en = stdout_of(wangge().args([
        "assess",
        "--sample",
        "--format",
        "json",
        "--lang",
        "en",
        "--from",
        "2023-01-01",
        "--to",
        "2023-06-30",
    ]));
    let options = r#"{"period":{"from":"2023-01-01","to":"2023-06-30"},"lang":"en"}"#;
    assert_eq!(
        en,
        format!(
            "{}\n",
            wangge::api::assess_json(None, &sample(), Some(options))
        )
    );
}

#[test]
fn clause_4_1_assess_table_shows_every_workers_grade_and_reasons() {
    let out = stdout_of(wangge().args(["assess", "--sample"]));
    let core = core_assessment(None);
    for w in core["value"]["workers"].as_array().unwrap() {
        let line = format!(
            "{} {} ({})  得分 {}  等次 {}",
            w["name"].as_str().unwrap(),
            w["person"].as_str().unwrap(),
            w["community"].as_str().unwrap(),
            w["score"].as_str().unwrap(),
            w["grade_zh"].as_str().unwrap()
        );
        assert!(out.contains(&line), "{line} not in\n{out}");
    }
    assert!(out.contains("本地规定"));
}

#[test]
fn assess_csv_keeps_a_byte_order_mark_and_the_cores_table() {
    let d = dir("csv");
    let path = d.join("grades.csv");
    wangge()
        .args(["assess", "--sample", "-o"])
        .arg(&path)
        .assert()
        .code(0);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}网格员编号,姓名".as_bytes()));
    let a = wangge::assessment::assess(
        &wangge::Policy::xincheng_2022(),
        &wangge::sample::community_2023(),
        &wangge::Options::default(),
    )
    .unwrap();
    assert_eq!(
        &bytes[3..],
        wangge::assessment::table::to_csv(&a).as_bytes()
    );
}

#[test]
fn a_name_that_is_a_formula_stays_text_in_csv_and_in_excel() {
    let d = dir("formula");
    let dossier = d.join("d.json");
    let formula = "=HYPERLINK(\"http://x\",\"y\")";
    let text = sample().replacen("\"王芳\"", &serde_json::to_string(formula).unwrap(), 1);
    assert_ne!(text, sample());
    std::fs::write(&dossier, text).unwrap();
    let csv = d.join("g.csv");
    let xlsx = d.join("g.xlsx");
    for out in [&csv, &xlsx] {
        wangge()
            .args(["assess", "--dossier"])
            .arg(&dossier)
            .arg("-o")
            .arg(out)
            .assert()
            .code(0);
    }
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    let mut book = workbook(&xlsx);
    let rows = sheet(&mut book, "幸福社区");
    assert!(
        rows.iter()
            .any(|r| r.get(1) == Some(&Data::String(formula.to_owned())))
    );
}

#[test]
fn assess_html_is_the_cores_printable_page() {
    let out = stdout_of(wangge().args(["assess", "--sample", "--format", "html"]));
    assert!(out.starts_with("<!doctype html>") && out.contains("<table>"));
    assert!(out.contains("王芳"));
}

#[test]
fn clause_4_1_the_grade_workbook_read_back_has_the_cores_scores_and_grades() {
    let d = dir("grades");
    let path = d.join("grades.xlsx");
    wangge()
        .args(["assess", "--sample", "--format", "xlsx", "-o"])
        .arg(&path)
        .assert()
        .code(0);
    let core = core_assessment(None);
    let mut book = workbook(&path);
    assert_eq!(book.sheet_names(), ["幸福社区", "社区汇总（4.2）", "说明"]);
    let rows = sheet(&mut book, "幸福社区");
    let head: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(
        &head[..6],
        [
            "网格员编号",
            "姓名",
            "网格",
            "得分",
            "等次",
            "失分及等次原因"
        ]
    );
    assert!(head.contains(&"奖惩（5.1/5.2）".to_owned()));
    let workers = core["value"]["workers"].as_array().unwrap();
    assert_eq!(rows.len(), 1 + workers.len());
    for w in workers {
        let id = w["person"].as_str().unwrap();
        let row = rows
            .iter()
            .find(|r| r[0] == Data::String(id.to_owned()))
            .unwrap_or_else(|| panic!("no row for {id}"));
        let score: f64 = w["score"].as_str().unwrap().parse().unwrap();
        assert_eq!(row[3], Data::Float(score), "{id}");
        assert_eq!(text(&row[4]), w["grade_zh"].as_str().unwrap(), "{id}");
        assert!(!text(&row[2]).is_empty(), "{id} has a grid");
        // Every rule that cost points is there with its clause.
        for r in w["rules"].as_array().unwrap() {
            if r["kind"] == "consequence" {
                assert!(text(&row[7]).contains(r["clause"].as_str().unwrap()));
            } else {
                assert!(text(&row[5]).contains(r["text"].as_str().unwrap()), "{id}");
                assert!(
                    text(&row[6]).contains(r["clause"].as_str().unwrap()),
                    "{id}"
                );
            }
        }
    }
    // The 5.2 veto of an incompetent worker is in the table.
    let vetoed = workers
        .iter()
        .find(|w| w["grade"] == "incompetent")
        .expect("the sample has an incompetent worker");
    let row = rows
        .iter()
        .find(|r| r[0] == Data::String(vetoed["person"].as_str().unwrap().to_owned()))
        .unwrap();
    assert!(text(&row[7]).starts_with("5.2 "), "{:?}", row[7]);
    assert_eq!(text(&row[8]), "否");
    // The header row is frozen and the columns have widths (the sheet's XML).
    let mut zip = zip::ZipArchive::new(Cursor::new(std::fs::read(&path).unwrap())).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
        "{xml}"
    );
    assert!(
        xml.contains("<cols>") && xml.contains("customWidth=\"1\""),
        "{xml}"
    );
    // The period is written as dates.
    let about = sheet(&mut book, "说明");
    assert!(
        about
            .iter()
            .any(|r| matches!(r.get(1), Some(Data::DateTime(_)))),
        "{about:?}"
    );
}

#[test]
fn the_grade_workbook_speaks_english_with_lang_en() {
    let d = dir("grades-en");
    let path = d.join("grades.xlsx");
    wangge()
        .args(["assess", "--sample", "--lang", "en", "-o"])
        .arg(&path)
        .assert()
        .code(0);
    let core = core_assessment(Some(r#"{"lang":"en"}"#));
    let mut book = workbook(&path);
    assert_eq!(
        book.sheet_names(),
        ["幸福社区", "communities (4.2)", "about"]
    );
    let rows = sheet(&mut book, "幸福社区");
    assert_eq!(text(&rows[0][0]), "worker ID");
    assert_eq!(text(&rows[0][3]), "score");
    let w1 = &core["value"]["workers"][0];
    let grade = match w1["grade"].as_str().unwrap() {
        "basically_competent" => "basically competent",
        g => g,
    };
    assert_eq!(text(&rows[1][4]), grade);
}

// ---- evaluate ----

#[test]
fn clause_2_2_2_evaluate_summarises_and_lists_missed_duties_with_dates() {
    let out = stdout_of(wangge().args(["evaluate", "--sample"]));
    assert!(out.contains("[2.2.2 ]"), "{out}");
    let json = stdout_of(wangge().args(["evaluate", "--sample", "--format", "json"]));
    assert_eq!(
        json,
        format!("{}\n", wangge::api::evaluate_json(None, &sample(), None))
    );

    let d = dir("evaluate");
    let csv = d.join("e.csv");
    let xlsx = d.join("e.xlsx");
    for out in [&csv, &xlsx] {
        wangge()
            .args(["evaluate", "--sample", "-o"])
            .arg(out)
            .assert()
            .code(0);
    }
    assert!(
        std::fs::read(&csv)
            .unwrap()
            .starts_with("\u{feff}社区,编号,姓名,身份,条款,职责".as_bytes())
    );
    let mut book = workbook(&xlsx);
    assert_eq!(
        book.sheet_names(),
        ["人员职责汇总", "社区职责汇总", "未达标明细", "说明"]
    );
    let missed = sheet(&mut book, "未达标明细");
    let report: serde_json::Value =
        serde_json::from_str(&wangge::api::evaluate_json(None, &sample(), None)).unwrap();
    let count = |subjects: &serde_json::Value| {
        subjects
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["findings"].as_array().unwrap())
            .filter(|f| f["status"] == "missed")
            .count()
    };
    let missed_in_core = count(&report["value"]["people"]) + count(&report["value"]["communities"]);
    assert_eq!(missed.len(), 1 + missed_in_core);
    // Each missed duty's dates are Excel dates; a 2.2.2 shortfall is there with its reason.
    assert!(
        missed[1..]
            .iter()
            .all(|r| matches!(r[5], Data::DateTime(_)))
    );
    assert!(
        missed
            .iter()
            .any(|r| r[3] == Data::String("2.2.2".into()) && text(&r[7]).contains("巡查"))
    );
    // Counts are numbers.
    let people = sheet(&mut book, "人员职责汇总");
    assert!(matches!(people[1][7], Data::Float(_)));
}

// ---- attendance ----

#[test]
fn clause_3_3_the_monthly_attendance_report_in_csv_html_and_excel() {
    let csv = stdout_of(wangge().args([
        "attendance",
        "--sample",
        "--month",
        "2023-03",
        "--format",
        "csv",
    ]));
    let march = wangge::api::attendance_under(
        &wangge::Policy::xincheng_2022(),
        &sample(),
        Some(r#"{"period":{"from":"2023-03-01","to":"2023-03-31"}}"#),
    )
    .unwrap();
    let month = march.month("c1", "2023-03").unwrap();
    assert_eq!(csv, format!("\u{feff}{}", month.to_csv()));
    let html = stdout_of(wangge().args([
        "attendance",
        "--sample",
        "--month",
        "2023-03",
        "--format",
        "html",
    ]));
    assert_eq!(html, month.to_html());

    // Every month: one heading row, then each month's rows.
    let year = stdout_of(wangge().args(["attendance", "--sample", "--format", "csv"]));
    assert_eq!(year.matches("应出勤天数").count(), 1);
    assert_eq!(year.matches("合计").count(), 12);

    let d = dir("attendance");
    let path = d.join("a.xlsx");
    wangge()
        .args(["attendance", "--sample", "--month", "2023-03", "-o"])
        .arg(&path)
        .assert()
        .code(0);
    let mut book = workbook(&path);
    assert_eq!(book.sheet_names(), ["2023-03", "通报批评（3.4）", "说明"]);
    let rows = sheet(&mut book, "2023-03");
    let table = month.table();
    assert_eq!(
        rows[0].iter().map(text).collect::<Vec<_>>()[..table[0].len()],
        table[0][..]
    );
    assert_eq!(rows.len(), table.len());
    let late = table[0].iter().position(|h| h == "迟到次数").unwrap();
    for (row, want) in rows.iter().zip(&table).skip(1) {
        assert_eq!(text(&row[2]), want[2]);
        assert_eq!(row[late], Data::Float(want[late].parse().unwrap()));
        assert!(matches!(row[1], Data::DateTime(_)), "the month is a date");
    }
    let notices = sheet(&mut book, "通报批评（3.4）");
    assert_eq!(notices.len(), 1 + march.notices.len());
}

#[test]
fn the_attendance_workbook_has_english_headings_with_lang_en() {
    let d = dir("attendance-en");
    let path = d.join("a.xlsx");
    wangge()
        .args([
            "attendance",
            "--sample",
            "--month",
            "2023-03",
            "--lang",
            "en",
            "-o",
        ])
        .arg(&path)
        .assert()
        .code(0);
    let mut book = workbook(&path);
    let rows = sheet(&mut book, "2023-03");
    assert_eq!(text(&rows[0][3]), "name");
    assert_eq!(text(&rows[0][4]), "working days");
}

// ---- evidence, check-policy, sample ----

#[test]
fn clause_2_1_4_evidence_as_a_table_and_as_the_cores_answer() {
    let out = stdout_of(wangge().args(["evidence", "--sample"]));
    assert!(out.contains("2.1.4") && out.contains("2.1.2"), "{out}");
    let json = stdout_of(wangge().args(["evidence", "--sample", "--format", "json"]));
    assert_eq!(
        json,
        format!("{}\n", wangge::api::evidence_json(None, &sample(), None))
    );
}

#[test]
fn clause_4_1_check_policy_passes_the_default_and_fails_a_broken_scheme() {
    let ok = stdout_of(wangge().arg("check-policy"));
    assert!(ok.contains("xincheng-2022") && ok.contains("ok"), "{ok}");
    let broken =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/broken-scheme.policy.json");
    let out = wangge()
        .args(["check-policy", "--format", "json", "--policy"])
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&broken).unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n", wangge::api::check_policy_json(&text))
    );
}

#[test]
fn sample_writes_a_dossier_and_a_policy_that_assess_as_the_built_in_ones() {
    let d = dir("sample");
    let (dossier, policy) = (d.join("d.json"), d.join("p.json"));
    wangge()
        .args(["sample", "--dossier"])
        .arg(&dossier)
        .arg("--policy")
        .arg(&policy)
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(&dossier).unwrap(),
        format!("{}\n", sample())
    );
    wangge()
        .args(["check-policy", "--policy"])
        .arg(&policy)
        .assert()
        .code(0);
    let from_files = stdout_of(
        wangge()
            .args(["assess", "--format", "json", "--dossier"])
            .arg(&dossier)
            .arg("--policy")
            .arg(&policy),
    );
    let built_in = stdout_of(wangge().args(["assess", "--sample", "--format", "json"]));
    assert_eq!(from_files, built_in);
    let to_stdout = stdout_of(wangge().args(["sample", "--dossier", "-"]));
    assert_eq!(to_stdout, format!("{}\n", sample()));
}

// ---- batch ----

#[test]
fn batch_answers_every_line_in_order_and_exits_1_when_one_is_refused() {
    let one = sample().replace('\n', "");
    let good = stdout_of(wangge().arg("batch").write_stdin(format!("{one}\n{one}\n")));
    let lines: Vec<&str> = good.lines().collect();
    assert_eq!(lines.len(), 2);
    let core = wangge::api::assess_json(None, &one, None);
    assert_eq!(lines, [core.as_str(), core.as_str()]);

    let d = dir("batch");
    let input = d.join("city.jsonl");
    let output = d.join("grades.jsonl");
    let mut bytes = format!("{one}\n\n{{\n").into_bytes();
    bytes.extend_from_slice(b"\xff\xfe\n");
    bytes.extend_from_slice(format!("{one}\r\n").as_bytes());
    std::fs::write(&input, bytes).unwrap();
    let out = wangge()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    // No progress bar when standard error is not a terminal: only the summary line.
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("3 of 5 lines"), "{err}");
    let answers = std::fs::read_to_string(&output).unwrap();
    let answers: Vec<&str> = answers.lines().collect();
    assert_eq!(answers.len(), 5);
    assert_eq!(answers[0], core);
    assert!(answers[1].contains("one dossier per line"));
    assert!(answers[2].contains("\"kind\":\"syntax\""));
    assert!(answers[3].contains("line 4 is not UTF-8"));
    assert_eq!(answers[4], core);
}

#[test]
fn batch_with_a_period_and_a_missing_input() {
    let one = sample().replace('\n', "");
    let out = stdout_of(
        wangge()
            .args([
                "batch",
                "--from",
                "2023-01-01",
                "--to",
                "2023-06-30",
                "--lang",
                "en",
            ])
            .write_stdin(format!("{one}\n")),
    );
    let options = r#"{"period":{"from":"2023-01-01","to":"2023-06-30"},"lang":"en"}"#;
    assert_eq!(
        out,
        format!("{}\n", wangge::api::assess_json(None, &one, Some(options)))
    );
    wangge()
        .args(["batch", "/nonexistent/city.jsonl"])
        .assert()
        .code(1);
}

// ---------------------------------------------------------------- import (#17 item 2)

/// A small office: the roster as CSV sheets named as the template's sheets, and a DingTalk raw
/// punch export (CSV) for April 2023 — two grid workers, one clocking in late on Mondays.
fn office(d: &Path) -> Vec<PathBuf> {
    let files = [
        ("街道.csv", "编号,名称\nxc,新城街道\n".to_owned()),
        ("社区.csv", "编号,名称,党组织书记\nc1,幸福社区,赵建国\n".to_owned()),
        ("网格.csv", "编号,名称,社区\ng1,幸福一网格,幸福社区\n".to_owned()),
        (
            "人员.csv",
            "编号,姓名,社区,角色,工号\nl1,赵建国,幸福社区,网格长,1000\nw1,王芳,幸福社区,网格员,1001\nw2,李强,幸福社区,网格员,1002\n"
                .to_owned(),
        ),
        (
            "分配.csv",
            "人员,网格,起始日期\n王芳,幸福一网格,2023-01-01\n李强,幸福一网格,2023-01-01\n".to_owned(),
        ),
        ("钉钉打卡.csv", {
            let mut s = String::from("姓名,工号,考勤日期,打卡时间,打卡结果\n");
            for day in 1..=30 {
                let date = wangge::Date::parse(&format!("2023-04-{day:02}")).unwrap();
                if !wangge::Calendar::national().is_working_day(date).unwrap() {
                    continue;
                }
                for (name, id) in [("王芳", "1001"), ("李强", "1002")] {
                    let late = name == "李强" && day % 7 == 3; // the Mondays of April 2023
                    let (a, b) = if late { ("08:47", "18:02") } else { ("08:21", "18:03") };
                    for t in [a, "12:01", "14:20", b] {
                        s.push_str(&format!("{name},{id},{date},{date} {t}:00,正常\n"));
                    }
                }
            }
            s
        }),
    ];
    files
        .into_iter()
        .map(|(name, text)| {
            let p = d.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect()
}

#[test]
fn import_gives_the_dossier_that_assess_grades_the_same_as_import_straight_into_assess() {
    let d = dir("import");
    let files = office(&d);
    let dossier = d.join("dossier.json");
    let mut cmd = wangge();
    cmd.arg("import").args(&files).arg("-o").arg(&dossier);
    stdout_of(&mut cmd);
    let text = std::fs::read_to_string(&dossier).unwrap();
    assert!(
        text.contains("王芳") && text.contains("clock_events"),
        "{text:.300}"
    );
    let via_file = stdout_of(
        wangge()
            .args(["assess", "--format", "json", "--dossier"])
            .arg(&dossier),
    );
    let mut straight = wangge();
    straight
        .args(["assess", "--format", "json", "--import"])
        .args(&files);
    let straight = stdout_of(&mut straight);
    assert_eq!(via_file, straight);
    assert_eq!(
        via_file.trim_end(),
        wangge::api::assess_json(None, text.trim_end(), Some(r#"{"lang":"zh"}"#))
    );
    assert!(straight.contains(r#""grade_zh":"#), "{straight:.300}");
    // And into an Excel grade sheet in one command.
    let xlsx = d.join("成绩.xlsx");
    let mut cmd = wangge();
    cmd.args(["assess", "--import"])
        .args(&files)
        .arg("-o")
        .arg(&xlsx);
    stdout_of(&mut cmd);
    let mut book = workbook(&xlsx);
    let first = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&first).unwrap();
    assert!(
        range.rows().any(|r| r.iter().any(|c| *c == "王芳")),
        "the grade sheet lists 王芳"
    );
}

#[test]
fn import_refuses_every_problem_with_file_and_row_and_exit_1() {
    let d = dir("import-bad");
    let files = office(&d);
    // An unknown person in the assignments, and a file that is no spreadsheet.
    std::fs::write(
        d.join("分配.csv"),
        "人员,网格,起始日期\n王芳,幸福一网格,2023-01-01\n王小二,幸福一网格,2023-01-01\n",
    )
    .unwrap();
    let pdf = d.join("说明.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n\x00\x01\x02\xff binary").unwrap();
    let out = wangge()
        .arg("import")
        .args(&files)
        .arg(&pdf)
        .arg("-o")
        .arg(d.join("never.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("分配.csv") && err.contains("王小二"), "{err}");
    assert!(err.contains("说明.pdf"), "{err}");
    assert!(!d.join("never.json").exists(), "nothing half-written");
    // The template is written out empty.
    let template = d.join("模板.xlsx");
    stdout_of(wangge().args(["import", "--template"]).arg(&template));
    let book = workbook(&template);
    assert!(
        book.sheet_names().iter().any(|s| s == "人员"),
        "{:?}",
        book.sheet_names()
    );
    // Usage: no files and no template; --map without --import.
    assert_eq!(
        wangge().arg("import").output().unwrap().status.code(),
        Some(2)
    );
    let out = wangge()
        .args(["assess", "--sample", "--map", "m.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------- compare (#18)

#[test]
fn clause_4_2_compare_gives_the_cores_comparison_as_table_json_and_workbook() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let draft = root.join("examples/policies/xincheng-2022-reform.policy.json");
    let mut cmd = wangge();
    cmd.args(["compare", "--sample", "--format", "json", "--policy-b"])
        .arg(&draft);
    let json = stdout_of(&mut cmd);
    let want = wangge::api::compare_json(
        None,
        Some(&std::fs::read_to_string(&draft).unwrap()),
        &sample(),
        Some(r#"{"lang":"zh"}"#),
    );
    assert_eq!(json.trim_end(), want);
    let mut cmd = wangge();
    cmd.args(["compare", "--sample", "--policy-b"]).arg(&draft);
    let table = stdout_of(&mut cmd);
    assert!(
        table.contains("等次变化的人员") && table.contains("优秀→称职"),
        "{table}"
    );
    assert!(table.contains("2.2.2"), "{table}");
    let d = dir("compare");
    let xlsx = d.join("对比.xlsx");
    let mut cmd = wangge();
    cmd.args(["compare", "--sample", "--policy-b"])
        .arg(&draft)
        .arg("-o")
        .arg(&xlsx);
    stdout_of(&mut cmd);
    let mut book = workbook(&xlsx);
    let range = book.worksheet_range("人员对比").unwrap();
    assert!(range.rows().any(|r| r.iter().any(|c| *c == "陈静")));
    // A policy B that is not a policy: refused, exit 1; none given: usage, exit 2.
    let bad = d.join("bad.json");
    std::fs::write(&bad, "{").unwrap();
    let out = wangge()
        .args(["compare", "--sample", "--policy-b"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        wangge()
            .args(["compare", "--sample"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}
