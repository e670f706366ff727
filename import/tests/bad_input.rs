//! Every bad input of issue #17 as a test: each problem names the file, sheet, row and column,
//! all problems come at once, and nothing is half-imported.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use wangge_import::{ImportOptions, InputFile, ProblemKind, RowProblem, import};

fn problems(files: &[InputFile<'_>], options: &ImportOptions) -> Vec<RowProblem> {
    match import(files, options) {
        Ok(_) => panic!("the import should have been refused"),
        Err(e) => e.problems,
    }
}

fn april() -> ImportOptions {
    zh_options("2023-04-01", "2023-04-30")
}

/// A DingTalk raw-record CSV (UTF-8) from (name, 工号, 考勤日期, 打卡时间) rows.
fn raw_csv(list: &[(&str, &str, &str, &str)]) -> Vec<u8> {
    let mut r = rows(&[&["姓名", "工号", "考勤日期", "打卡时间", "打卡结果"]]);
    for (n, id, d, t) in list {
        r.push(vec![s(n), s(id), s(d), s(t), s("正常")]);
    }
    csv_utf8(&r)
}

fn one(list: &[RowProblem], kind: ProblemKind) -> &RowProblem {
    let found: Vec<&RowProblem> = list.iter().filter(|p| p.kind == kind).collect();
    assert_eq!(found.len(), 1, "{kind:?} in {list:#?}");
    found[0]
}

#[test]
fn an_unknown_role_names_file_sheet_row_and_column_in_chinese() {
    let book = xlsx(&[
        sheet(
            "社区",
            rows(&[&["编号", "名称", "党组织书记"], &["c1", "幸福社区", "l1"]]),
        ),
        sheet(
            "人员",
            rows(&[
                &["编号", "姓名", "社区", "角色"],
                &["l1", "赵建国", "c1", "网格长"],
                &["w1", "王芳", "c1", "网格园"],
            ]),
        ),
    ]);
    let list = problems(
        &[InputFile {
            name: "花名册.xlsx",
            bytes: &book,
        }],
        &april(),
    );
    let p = one(&list, ProblemKind::InvalidValue);
    assert_eq!(p.file, "花名册.xlsx");
    assert_eq!(p.sheet.as_deref(), Some("人员"));
    assert_eq!(p.row, Some(3));
    assert_eq!(p.column.as_deref(), Some("角色"));
    assert!(
        p.message
            .starts_with("花名册.xlsx, 人员, 第3行, 角色: '网格园' 不是已知角色"),
        "{}",
        p.message
    );
}

#[test]
fn an_unknown_person_in_a_punch_export_is_an_error_at_its_name_cell() {
    let roster = roster();
    let punches = raw_csv(&[
        ("王芳", "", "2023-04-03", "08:20"),
        ("王五", "", "2023-04-03", "08:25"),
    ]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "打卡.csv",
                bytes: &punches,
            },
        ],
        &april(),
    );
    let p = one(&list, ProblemKind::UnknownPerson);
    assert_eq!(
        (p.file.as_str(), p.sheet.as_deref(), p.row),
        ("打卡.csv", None, Some(3))
    );
    assert_eq!(p.column.as_deref(), Some("姓名"));
    assert!(p.message.contains("'王五'"), "{}", p.message);
    assert_eq!(list.len(), 1, "{list:#?}");
}

#[test]
fn a_name_in_two_communities_is_ambiguous_unless_the_community_is_given() {
    let book = xlsx(&[
        sheet(
            "社区",
            rows(&[
                &["编号", "名称", "党组织书记"],
                &["c1", "幸福社区", "l1"],
                &["c2", "和平社区", "l2"],
            ]),
        ),
        sheet(
            "人员",
            rows(&[
                &["编号", "姓名", "社区", "角色"],
                &["l1", "赵建国", "c1", "网格长"],
                &["l2", "钱多多", "c2", "网格长"],
                &["w1", "王芳", "c1", "网格员"],
                &["w9", "王芳", "和平社区", "网格员"],
            ]),
        ),
    ]);
    let punches = raw_csv(&[("王芳", "", "2023-04-03", "08:20")]);
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &book,
        },
        InputFile {
            name: "打卡.csv",
            bytes: &punches,
        },
    ];
    let list = problems(&files, &april());
    let p = one(&list, ProblemKind::AmbiguousPerson);
    assert_eq!((p.row, p.column.as_deref()), (Some(2), Some("姓名")));
    let mut options = april();
    options.community = Some("和平社区".into());
    let imported = import(&files, &options).unwrap();
    assert_eq!(imported.dossier.records.clock_events[0].person, "w9");
    // By 工号 or ID the name does not matter.
    let by_id = raw_csv(&[("王芳", "w1", "2023-04-03", "08:20")]);
    let imported = import(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &book,
            },
            InputFile {
                name: "打卡.csv",
                bytes: &by_id,
            },
        ],
        &april(),
    )
    .unwrap();
    assert_eq!(imported.dossier.records.clock_events[0].person, "w1");
}

#[test]
fn a_duplicate_punch_names_the_first_one() {
    let roster = roster();
    let punches = raw_csv(&[
        ("王芳", "1001", "2023-04-03", "2023-04-03 08:20:11"),
        ("王芳", "1001", "2023-04-03", "2023-04-03 18:04:00"),
        ("王芳", "1001", "2023-04-03", "2023-04-03 08:20:11"),
    ]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "打卡.csv",
                bytes: &punches,
            },
        ],
        &april(),
    );
    let p = one(&list, ProblemKind::DuplicatePunch);
    assert_eq!((p.row, p.column.as_deref()), (Some(4), Some("打卡时间")));
    assert!(p.message.contains("第2行"), "{}", p.message);
    // Two punches in the same minute but different seconds are two punches.
    let twice = raw_csv(&[
        ("王芳", "1001", "2023-04-03", "2023-04-03 08:20:11"),
        ("王芳", "1001", "2023-04-03", "2023-04-03 08:20:40"),
    ]);
    assert!(
        import(
            &[
                InputFile {
                    name: "花名册.xlsx",
                    bytes: &roster
                },
                InputFile {
                    name: "打卡.csv",
                    bytes: &twice
                },
            ],
            &april(),
        )
        .is_ok()
    );
}

#[test]
fn times_that_are_not_times_are_refused_at_their_cell() {
    let roster = roster();
    let punches = raw_csv(&[
        ("王芳", "1001", "2023-04-03", "8点20"),
        ("王芳", "1001", "2023-04-03", "25:10"),
    ]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "打卡.csv",
                bytes: &punches,
            },
        ],
        &april(),
    );
    assert_eq!(list.len(), 2, "{list:#?}");
    for (p, row) in list.iter().zip([2, 3]) {
        assert_eq!(p.kind, ProblemKind::InvalidTime);
        assert_eq!((p.row, p.column.as_deref()), (Some(row), Some("打卡时间")));
    }
    // A month grid cell with a word in it.
    let grid = csv_bom(&[
        rows(&[&["2023年4月"]]).remove(0),
        {
            let mut h = vec![s("姓名")];
            h.extend((1..=30).map(|d| s(&d.to_string())));
            h
        },
        {
            let mut r = vec![s("王芳"), s("08:20\n18:00"), s("迟到了")];
            r.extend((3..=30).map(|_| V::E));
            r
        },
    ]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "月报.csv",
                bytes: &grid,
            },
        ],
        &april(),
    );
    let p = one(&list, ProblemKind::InvalidTime);
    assert_eq!((p.row, p.column.as_deref()), (Some(3), Some("2")));
}

#[test]
fn dates_outside_the_calendar_are_refused() {
    let roster = roster();
    let punches = raw_csv(&[
        ("王芳", "1001", "2023-02-30", "08:20"),
        ("王芳", "1001", "2031-04-03", "08:20"),
    ]);
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "打卡.csv",
            bytes: &punches,
        },
    ];
    let list = problems(&files, &ImportOptions::default());
    let p = one(&list, ProblemKind::InvalidDate);
    assert_eq!((p.row, p.column.as_deref()), (Some(2), Some("考勤日期")));
    assert!(p.message.contains("不是日历上存在的日期"), "{}", p.message);
    let p = one(&list, ProblemKind::OutsideCalendar);
    assert_eq!((p.row, p.column.as_deref()), (Some(3), Some("考勤日期")));
    // A grid's day 31 of April.
    let mut head = vec![s("姓名")];
    head.extend((1..=31).map(|d| s(&d.to_string())));
    let mut row = vec![s("王芳")];
    row.extend((1..=30).map(|_| V::E));
    row.push(s("08:20"));
    let grid = csv_utf8(&[rows(&[&["2023年4月"]]).remove(0), head, row]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "月报.csv",
                bytes: &grid,
            },
        ],
        &april(),
    );
    let p = one(&list, ProblemKind::InvalidDate);
    assert_eq!((p.row, p.column.as_deref()), (Some(3), Some("31")));
}

#[test]
fn a_punch_on_a_day_of_leave_is_refused() {
    let roster = roster();
    let leave = xlsx(&[sheet(
        "请假",
        rows(&[
            &["人员", "起始日期", "截止日期", "类别", "批准人"],
            &["张丽", "2023-04-24", "2023-04-25", "病假", "赵建国"],
        ]),
    )]);
    let punches = raw_csv(&[
        ("张丽", "1003", "2023-04-21", "08:20"),
        ("张丽", "1003", "2023-04-25", "08:22"),
    ]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "请假.xlsx",
                bytes: &leave,
            },
            InputFile {
                name: "打卡.csv",
                bytes: &punches,
            },
        ],
        &april(),
    );
    let p = one(&list, ProblemKind::PunchOnLeave);
    assert_eq!((p.file.as_str(), p.row), ("打卡.csv", Some(3)));
    assert!(
        p.message.contains("请假.xlsx, 请假, 第2行"),
        "{}",
        p.message
    );
}

#[test]
fn an_export_of_the_wrong_month_is_refused_row_by_row() {
    let roster = roster();
    let punches = raw_csv(&[
        ("王芳", "1001", "2023-03-01", "08:20"),
        ("王芳", "1001", "2023-03-01", "18:02"),
    ]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "三月打卡.csv",
                bytes: &punches,
            },
        ],
        &april(),
    );
    assert_eq!(list.len(), 2, "{list:#?}");
    assert!(list.iter().all(|p| p.kind == ProblemKind::OutsidePeriod));
    assert!(
        list[0].message.contains("2023-04-01 至 2023-04-30"),
        "{}",
        list[0].message
    );
}

#[test]
fn merged_header_cells_are_refused_with_their_range() {
    let roster = roster();
    let mut sh = sheet(
        "原始记录",
        vec![
            vec![s("原始记录")],
            rows(&[&["姓名", "工号", "考勤日期", "打卡时间", ""]]).remove(0),
            rows(&[&["王芳", "1001", "2023-04-03", "08:20", "18:04"]]).remove(0),
        ],
    );
    sh.merged.push((1, 3, 1, 4));
    let book = xlsx(&[sh]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "钉钉.xlsx",
                bytes: &book,
            },
        ],
        &april(),
    );
    let p = one(&list, ProblemKind::MergedHeader);
    assert_eq!((p.sheet.as_deref(), p.row), (Some("原始记录"), Some(2)));
    assert!(p.message.contains("D2:E2"), "{}", p.message);
    // DingTalk's two-row statistics header (上班1 over 打卡时间 | 打卡结果) is refused the same way.
    let mut sh = sheet(
        "每日统计",
        vec![
            rows(&[&["姓名", "日期", "上班1", "", "下班1", ""]]).remove(0),
            rows(&[&["", "", "打卡时间", "打卡结果", "打卡时间", "打卡结果"]]).remove(0),
            rows(&[&["王芳", "2023-04-03", "08:20", "正常", "18:04", "正常"]]).remove(0),
        ],
    );
    sh.merged
        .extend([(0, 2, 0, 3), (0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1)]);
    let book = xlsx(&[sh]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "每日统计.xlsx",
                bytes: &book,
            },
        ],
        &april(),
    );
    let p = one(&list, ProblemKind::MergedHeader);
    assert_eq!(p.sheet.as_deref(), Some("每日统计"));
}

#[test]
fn an_empty_sheet_and_an_export_with_no_rows_are_refused() {
    let roster = roster();
    let empty = xlsx(&[sheet("Sheet1", vec![])]);
    let header_only = raw_csv(&[]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "空.xlsx",
                bytes: &empty,
            },
            InputFile {
                name: "只有表头.csv",
                bytes: &header_only,
            },
        ],
        &april(),
    );
    assert_eq!(list.len(), 2, "{list:#?}");
    assert!(list.iter().all(|p| p.kind == ProblemKind::EmptySheet));
    assert_eq!(list[0].file, "空.xlsx");
    assert_eq!(list[1].file, "只有表头.csv");
    // A roster sheet with its header and nothing under it.
    let book = xlsx(&[
        sheet(
            "社区",
            rows(&[&["编号", "名称", "党组织书记"], &["c1", "幸福社区", "l1"]]),
        ),
        sheet("人员", rows(&[&["编号", "姓名", "社区", "角色"]])),
    ]);
    let list = problems(
        &[InputFile {
            name: "花名册.xlsx",
            bytes: &book,
        }],
        &april(),
    );
    assert!(
        list.iter()
            .any(|p| p.kind == ProblemKind::EmptySheet && p.sheet.as_deref() == Some("人员"))
    );
}

#[test]
fn an_unreadable_xls_asks_to_save_as_xlsx() {
    let roster = roster();
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.extend(std::iter::repeat_n(0x42u8, 600));
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "考勤.xls",
                bytes: &xls,
            },
        ],
        &april(),
    );
    let p = one(&list, ProblemKind::UnreadableFile);
    assert_eq!(
        (p.file.as_str(), p.sheet.as_deref(), p.row),
        ("考勤.xls", None, None)
    );
    assert!(p.message.contains(".xlsx"), "{}", p.message);
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_one_rowless_problem() {
    let roster = roster();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    let zip = b"PK\x03\x04 not really a workbook".to_vec();
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "照片.png",
                bytes: &png,
            },
            InputFile {
                name: "资料.zip",
                bytes: &zip,
            },
        ],
        &april(),
    );
    assert_eq!(list.len(), 2, "{list:#?}");
    for p in &list {
        assert_eq!(p.kind, ProblemKind::NotASpreadsheet);
        assert_eq!(
            (p.sheet.as_deref(), p.row, p.column.as_deref()),
            (None, None, None)
        );
    }
}

#[test]
fn every_problem_at_once_and_nothing_half_imported() {
    let roster = roster();
    let punches = raw_csv(&[
        ("王五", "", "2023-04-03", "08:20"),
        ("王芳", "1001", "2023-04-31", "08:20"),
        ("王芳", "1001", "2023-04-04", "不知道"),
        ("王芳", "1001", "2023-04-05", "08:20"),
    ]);
    let png = b"\x89PNG\r\n\x1a\n\0\0\0".to_vec();
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "打卡.csv",
                bytes: &punches,
            },
            InputFile {
                name: "图.png",
                bytes: &png,
            },
        ],
        &april(),
    );
    let kinds: Vec<ProblemKind> = list.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::UnknownPerson,
            ProblemKind::InvalidDate,
            ProblemKind::InvalidTime,
            ProblemKind::NotASpreadsheet,
        ],
        "in the order of the files and rows: {list:#?}"
    );
    let rows: Vec<Option<u32>> = list.iter().map(|p| p.row).collect();
    assert_eq!(rows, [Some(2), Some(3), Some(4), None]);
}

#[test]
fn problems_never_quote_a_confidential_cell() {
    let roster = roster();
    let book = xlsx(&[
        sheet(
            "问题",
            rows(&[
                &["日期", "时间", "人员", "类别", "描述"],
                &["2023-04-03", "09:00", "王芳", "漏水", "住户孙某某家漏水"],
            ]),
        ),
        sheet(
            "值班",
            rows(&[
                &["日期", "人员", "值班记录"],
                &["2023-04-15", "王五", "居民周某某来访"],
            ]),
        ),
        sheet(
            "工作记录",
            rows(&[
                &["日期", "人员", "网格", "备注"],
                &["2023-04-03", "王芳", "g9", "走访吴某某"],
            ]),
        ),
    ]);
    let list = problems(
        &[
            InputFile {
                name: "花名册.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "记录.xlsx",
                bytes: &book,
            },
        ],
        &april(),
    );
    assert_eq!(list.len(), 3, "{list:#?}");
    for p in &list {
        for secret in ["孙某某", "周某某", "吴某某"] {
            assert!(!p.message.contains(secret), "{}", p.message);
        }
    }
}

#[test]
fn problems_come_in_english_on_request() {
    let roster = roster();
    let punches = raw_csv(&[("王五", "", "2023-04-03", "08:20")]);
    let mut options = april();
    options.lang = wangge::Lang::En;
    let list = problems(
        &[
            InputFile {
                name: "roster.xlsx",
                bytes: &roster,
            },
            InputFile {
                name: "punches.csv",
                bytes: &punches,
            },
        ],
        &options,
    );
    assert!(
        list[0]
            .message
            .starts_with("punches.csv, row 2, 姓名: `王五` is no person"),
        "{}",
        list[0].message
    );
}
