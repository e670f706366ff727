//! The shapes offices really have: WeCom through its shipped column map, earliest / latest
//! punch sheets, Excel date-time cells, a punch after midnight closing a duty shift, the
//! template written out and read back.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use calamine::{Reader, Xlsx};
use common::*;
use wangge::attendance::{ClockDirection, ClockSource};
use wangge_import::{
    ColumnMap, ImportOptions, InputFile, ProblemKind, import, parse_column_map, template_xlsx,
};

fn april() -> ImportOptions {
    zh_options("2023-04-01", "2023-04-30")
}

fn events(i: &wangge_import::Imported) -> Vec<String> {
    i.dossier
        .records
        .clock_events
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {:?} {:?}",
                e.person, e.date, e.time, e.direction, e.source
            )
        })
        .collect()
}

#[test]
fn wecom_punch_records_through_the_shipped_map() {
    let map = parse_column_map(include_str!("../maps/wecom.json")).unwrap();
    assert_eq!(map, ColumnMap::wecom());
    let roster = roster();
    let export = csv_utf8(&rows(&[
        &["上下班打卡记录", "", "", "", "", ""],
        &[
            "时间",
            "姓名",
            "账号",
            "部门",
            "打卡类型",
            "打卡时间",
            "打卡状态",
        ],
        &[
            "2023/04/03 星期一",
            "王芳",
            "1001",
            "幸福社区",
            "上班打卡",
            "08:21",
            "正常",
        ],
        &[
            "2023/04/03 星期一",
            "王芳",
            "1001",
            "幸福社区",
            "下班打卡",
            "",
            "未打卡",
        ],
        &[
            "2023/04/04 星期二",
            "李强",
            "1002",
            "幸福社区",
            "下班打卡",
            "18:03",
            "正常",
        ],
        &[
            "2023/04/04 星期二",
            "李强",
            "1002",
            "幸福社区",
            "上班打卡",
            "08:29",
            "正常",
        ],
    ]));
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "企业微信.csv",
            bytes: &export,
        },
    ];
    let mut options = april();
    options.column_maps.push(map);
    let imported = import(&files, &options).unwrap();
    assert_eq!(
        events(&imported),
        [
            "w1 2023-04-03 08:21 In App",
            "w2 2023-04-04 08:29 In App",
            "w2 2023-04-04 18:03 Out App",
        ]
    );
    assert!(
        imported
            .summary
            .read_as
            .iter()
            .any(|r| r.contains("企业微信打卡记录"))
    );
    // With WeCom's map given, a DingTalk export is still read by DingTalk's: the map naming
    // the most columns wins (考勤日期 is DingTalk's).
    let dingtalk = csv_utf8(&rows(&[
        &["姓名", "工号", "考勤日期", "打卡时间"],
        &["王芳", "1001", "2023-04-03", "08:20"],
    ]));
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "钉钉.csv",
            bytes: &dingtalk,
        },
    ];
    let imported = import(&files, &options).unwrap();
    assert_eq!(events(&imported), ["w1 2023-04-03 08:20 In App"]);
    assert!(
        imported
            .summary
            .read_as
            .iter()
            .any(|r| r.contains("钉钉原始记录"))
    );
}

#[test]
fn a_bad_column_map_is_one_problem() {
    let e = parse_column_map("{\"name\": \"x\", \"time\": [\"打卡时间\"]}").unwrap_err();
    assert_eq!(e.problems[0].kind, ProblemKind::InvalidColumnMap);
    let e = parse_column_map("{\"name\": \"x\", \"tiem\": []}").unwrap_err();
    assert_eq!(e.problems[0].kind, ProblemKind::InvalidColumnMap);
}

#[test]
fn earliest_and_latest_punch_sheets_and_excel_datetime_cells() {
    let roster = roster();
    let mut sh = sheet(
        "最早最晚",
        vec![
            vec![s("考勤机导出"), V::E],
            rows(&[&["姓名", "日期", "最早打卡", "最晚打卡"]]).remove(0),
            // Excel date cell and Excel time cells (fractions of a day).
            vec![
                s("王芳"),
                V::D(serial(2023, 4, 3)),
                V::N(8.0 / 24.0 + 20.0 / 1440.0),
                V::N(18.0 / 24.0 + 4.0 / 1440.0),
            ],
            // One punch only: 最早 and 最晚 are the same punch.
            vec![s("王芳"), s("2023-04-04"), s("08:15"), s("08:15")],
            // A date-time cell.
            vec![
                s("张丽"),
                s("2023-04-04"),
                V::D(serial(2023, 4, 4) + 0.35),
                s("缺卡"),
            ],
        ],
    );
    sh.merged.push((0, 0, 0, 1)); // a merged title above the header is fine
    let book = xlsx(&[sh]);
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "考勤机.xlsx",
            bytes: &book,
        },
    ];
    let imported = import(&files, &april()).unwrap();
    assert_eq!(
        events(&imported),
        [
            "w1 2023-04-03 08:20 In Machine",
            "w1 2023-04-03 18:04 Out Machine",
            "w1 2023-04-04 08:15 In Machine",
            "w3 2023-04-04 08:24 In Machine",
        ]
    );
}

#[test]
fn a_punch_after_midnight_closes_the_previous_days_duty_shift() {
    let roster = roster();
    let records = xlsx(&[sheet(
        "值班",
        rows(&[&["日期", "人员"], &["2023-04-15", "李强"]]),
    )]);
    // A month grid: 18:00 on the 15th, 00:30 on the 16th.
    let mut head = vec![s("姓名")];
    head.extend((1..=30).map(|d| s(&format!("{d}日"))));
    let mut row = vec![s("李强")];
    row.extend((1..=30).map(|d| match d {
        15 => s("18:00"),
        16 => s("00:30"),
        _ => V::E,
    }));
    let grid = csv_gb18030(&[
        rows(&[&["统计月份：2023-04"]]).remove(0),
        head.clone(),
        row.clone(),
    ]);
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "值班.xlsx",
            bytes: &records,
        },
        InputFile {
            name: "月报.csv",
            bytes: &grid,
        },
    ];
    let imported = import(&files, &april()).unwrap();
    assert_eq!(
        events(&imported),
        [
            "w2 2023-04-15 18:00 In Machine",
            "w2 2023-04-15 23:59 Out Machine"
        ]
    );
    assert_eq!(imported.summary.overnight.len(), 1);
    assert!(imported.summary.overnight[0].contains("2023-04-16 00:30"));
    // Without the duty shift, 00:30 stays on the 16th.
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "月报.csv",
            bytes: &grid,
        },
    ];
    let imported = import(&files, &april()).unwrap();
    assert!(events(&imported).contains(&"w2 2023-04-16 00:30 In Machine".to_owned()));
    // After the local cut-off (06:00 by default) it is a punch of the 16th.
    let mut later = row.clone();
    later[16] = s("06:01");
    let grid = csv_gb18030(&[rows(&[&["统计月份：2023-04"]]).remove(0), head, later]);
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "值班.xlsx",
            bytes: &records,
        },
        InputFile {
            name: "月报.csv",
            bytes: &grid,
        },
    ];
    let imported = import(&files, &april()).unwrap();
    assert!(imported.summary.overnight.is_empty());
}

#[test]
fn raw_records_with_a_date_time_past_midnight_close_the_attendance_day() {
    let roster = roster();
    let export = csv_bom(&rows(&[
        &["姓名", "工号", "考勤日期", "打卡时间", "打卡结果"],
        &["李强", "1002", "2023-04-15", "2023-04-15 18:00:05", "正常"],
        &["李强", "1002", "2023-04-15", "2023-04-16 00:31:40", "正常"],
    ]));
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "原始记录.csv",
            bytes: &export,
        },
    ];
    let imported = import(&files, &april()).unwrap();
    let e = &imported.dossier.records.clock_events;
    assert_eq!(e.len(), 2);
    assert_eq!(
        (e[1].time.to_string().as_str(), e[1].direction),
        ("23:59", ClockDirection::Out)
    );
    assert_eq!(e[1].source, ClockSource::App);
}

#[test]
fn the_template_has_every_sheet_and_heading_and_imports_filled_in() {
    let bytes = template_xlsx().unwrap();
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "说明",
            "街道",
            "社区",
            "网格",
            "人员",
            "分配",
            "工作记录",
            "会议",
            "集中学习",
            "自学",
            "笔记点评",
            "值班",
            "问题",
            "请假"
        ]
    );
    let people = book.worksheet_range("人员").unwrap();
    let headings: Vec<String> = people
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(headings[..4], ["编号", "姓名", "社区", "角色"]);
    // The empty template: the roster is missing its rows, nothing else is wrong.
    let e = import(
        &[InputFile {
            name: "模板.xlsx",
            bytes: &bytes,
        }],
        &april(),
    )
    .unwrap_err();
    assert!(
        e.problems.iter().all(|p| p.kind == ProblemKind::EmptySheet),
        "{e}"
    );
}

#[test]
fn csv_roster_sheets_are_known_by_their_file_name() {
    let communities = csv_gb18030(&rows(&[
        &["编号", "名称", "党组织书记"],
        &["c1", "幸福社区", "l1"],
    ]));
    let people = csv_utf8(&rows(&[
        &["编号", "姓名", "社区", "角色"],
        &["l1", "赵建国", "c1", "网格长"],
    ]));
    let files = [
        InputFile {
            name: "社区.csv",
            bytes: &communities,
        },
        InputFile {
            name: "人员.csv",
            bytes: &people,
        },
    ];
    let imported = import(&files, &april()).unwrap();
    assert_eq!(imported.dossier.organisation.people.len(), 1);
}
