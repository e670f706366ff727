//! CSV exports are neutralised against formula injection (issue 14, item 7): a name a host
//! typed as `=HYPERLINK("http://x","y")` is text in the monthly attendance table (3.3) and in
//! the annual table (4.1), numbers stay numbers, and the HTML stays escaped.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use wangge::{Date, DateRange, Options, Policy, attendance, sample};

const FORMULA: &str = r#"=HYPERLINK("http://x","y")"#;
const NEUTRALISED: &str = r#""'=HYPERLINK(""http://x"",""y"")""#;

fn dossier_with_a_formula_name() -> wangge::Dossier {
    let mut d = sample::community_2023();
    let worker = d
        .organisation
        .people
        .iter_mut()
        .find(|p| p.role == wangge::Role::GridWorker)
        .unwrap();
    worker.name = FORMULA.to_owned();
    d
}

#[test]
fn clause_3_3_a_formula_name_is_text_in_the_monthly_attendance_csv() {
    let d = dossier_with_a_formula_name();
    let march = DateRange::new(
        Date::parse("2023-03-01").unwrap(),
        Date::parse("2023-03-31").unwrap(),
    );
    let report = attendance::evaluate(&Policy::xincheng_2022(), &d, march).unwrap();
    let month = report
        .months
        .iter()
        .find(|m| m.rows.iter().any(|r| r.name == FORMULA))
        .unwrap();
    let csv = month.to_csv();
    assert!(csv.contains(NEUTRALISED), "{csv}");
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
    // The counts after the name are numbers, unquoted.
    let line = csv.lines().find(|l| l.contains(NEUTRALISED)).unwrap();
    let after = &line[line.find(NEUTRALISED).unwrap() + NEUTRALISED.len()..];
    assert!(
        after.split(',').skip(1).all(|c| c.parse::<f64>().is_ok()),
        "{line}"
    );
    let html = month.to_html();
    assert!(
        html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"),
        "{html:.500}"
    );
}

#[test]
fn clause_4_1_a_formula_name_is_text_in_the_annual_table_csv() {
    let d = dossier_with_a_formula_name();
    let a = wangge::assessment::assess(&Policy::xincheng_2022(), &d, &Options::default()).unwrap();
    let csv = wangge::assessment::table::to_csv(&a);
    assert!(csv.contains(NEUTRALISED), "{csv}");
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
    // The score, after the name and the community, stays a bare number.
    let line = csv.lines().find(|l| l.contains(NEUTRALISED)).unwrap();
    let after: Vec<&str> = line[line.find(NEUTRALISED).unwrap() + NEUTRALISED.len()..]
        .split(',')
        .collect();
    assert!(after[2].parse::<f64>().is_ok(), "{line}");
    let html = wangge::assessment::table::to_html(&a);
    assert!(!html.contains(r#"=HYPERLINK("http"#));
}
