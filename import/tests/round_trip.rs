//! Round trip: a roster, record sheets and three attendance exports (DingTalk raw records as
//! .xlsx, DingTalk daily statistics as GB18030 .csv, a machine month grid as UTF-8-with-BOM
//! .csv) made from one plan → `import` → `assess` gives the same grades and scores as the
//! equivalent dossier written as JSON.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use serde_json::{Value, json};
use wangge::{Calendar, Date};
use wangge_import::{ImportOptions, InputFile, import};

const WORKERS: [(&str, &str, &str, &str); 3] = [
    ("w1", "王芳", "g1", "1001"),
    ("w2", "李强", "g1", "1002"),
    ("w3", "张丽", "g2", "1003"),
];

fn april() -> Vec<Date> {
    (1..=30)
        .map(|d| Date::from_ymd(2023, 4, d).unwrap())
        .collect()
}

fn working(d: Date) -> bool {
    Calendar::national().is_working_day(d).unwrap()
}

fn on_leave(w: &str, d: Date) -> bool {
    w == "w3" && (d.to_string() == "2023-04-24" || d.to_string() == "2023-04-25")
}

/// The day's punches of a worker: (in, out, in, out).
fn punches(w: &str, i: usize) -> [String; 4] {
    let late = w == "w2" && i % 7 == 3;
    let early = w == "w3" && i % 9 == 4;
    [
        if late {
            "08:47".into()
        } else {
            format!("08:2{}", i % 10)
        },
        "12:01".into(),
        format!("14:2{}", (i + 3) % 10),
        if early {
            "17:40".into()
        } else {
            format!("18:0{}", i % 10)
        },
    ]
}

fn patrols(w: &str, i: usize) -> Vec<(&'static str, &'static str)> {
    if w == "w2" && i % 4 == 1 {
        vec![("08:40", "09:30"), ("14:40", "15:40")] // 110 minutes: short
    } else {
        vec![("08:40", "09:50"), ("14:40", "15:50")]
    }
}

const CHECKS: [(&str, &str); 5] = [
    ("环境卫生", "environment_sanitation"),
    ("基础设施", "infrastructure"),
    ("安全隐患", "safety_hazards"),
    ("公共区域", "public_areas"),
    ("可疑人员", "suspicious_persons"),
];
const DOS: [(&str, &str); 5] = [
    ("摸底数", "know_the_numbers"),
    ("搜民情", "gather_sentiment"),
    ("观舆情", "watch_opinion"),
    ("防疫情", "prevent_epidemics"),
    ("解需求", "meet_needs"),
];

fn skip_check(w: &str, i: usize) -> bool {
    w == "w3" && i % 5 == 0
}

/// The dossier the files describe, written as JSON by hand.
fn expected() -> Value {
    let mut work = vec![];
    let mut clocks = vec![];
    let mut meetings = vec![];
    let mut studies = vec![];
    let mut selfs = vec![];
    for (i, d) in april().into_iter().enumerate() {
        let ds = d.to_string();
        if !working(d) {
            continue;
        }
        for (w, _, g, _) in WORKERS {
            if on_leave(w, d) {
                continue;
            }
            let checks: Vec<&str> = CHECKS
                .iter()
                .filter(|(zh, _)| !(skip_check(w, i) && *zh == "可疑人员"))
                .map(|(_, en)| *en)
                .collect();
            let visits: Vec<Value> = if d.to_string().ends_with("-10") {
                [
                    "people_in_difficulty",
                    "floating_population",
                    "empty_nest_elderly",
                    "model_figures",
                    "special_groups",
                ]
                .iter()
                .map(|g| json!({ "group": g }))
                .collect()
            } else {
                vec![]
            };
            work.push(json!({
                "id": format!("wr-{w}-{ds}"), "person": w, "date": ds, "grid": g,
                "patrols": patrols(w, i).iter().map(|(a, b)| json!({"start": a, "end": b})).collect::<Vec<_>>(),
                "must_checks": checks,
                "must_dos": DOS.iter().map(|(_, en)| *en).collect::<Vec<_>>(),
                "visits": visits,
            }));
            for (k, t) in punches(w, i).iter().enumerate() {
                clocks.push(json!({
                    "id": format!("ck-{w}-{ds}-{k}"), "person": w, "date": ds, "time": t,
                    "direction": if k % 2 == 0 { "in" } else { "out" },
                    "source": if w == "w3" { "machine" } else { "app" },
                }));
            }
        }
        match d.weekday() {
            chrono::Weekday::Mon => meetings.push(json!({
                "id": format!("mt-{ds}"), "kind": "weekly", "community": "c1", "date": ds,
                "chair": "l1", "attendees": ["w1", "w2", "w3"],
            })),
            chrono::Weekday::Tue => studies.push(json!({
                "id": format!("gs-{ds}"), "community": "c1", "date": ds,
                "attendees": if i % 3 == 0 { vec!["w1", "w3"] } else { vec!["w1", "w2", "w3"] },
                "topic": "网格化管理办法",
            })),
            chrono::Weekday::Thu => {
                for (w, _, _, _) in WORKERS {
                    selfs.push(json!({ "id": format!("ss-{w}-{ds}"), "person": w, "date": ds }));
                }
            }
            _ => {}
        }
    }
    meetings.push(json!({
        "id": "mt-dispatch", "kind": "dispatch", "community": "c1", "date": "2023-04-20",
        "chair": "l1", "attendees": ["w1", "w2", "w3"],
    }));
    // The rest-day duty of w2 on Saturday 2023-04-15, closed after midnight.
    clocks.push(json!({"id": "ck-duty-in", "person": "w2", "date": "2023-04-15", "time": "18:00", "direction": "in", "source": "app"}));
    clocks.push(json!({"id": "ck-duty-out", "person": "w2", "date": "2023-04-15", "time": "23:59", "direction": "out", "source": "app"}));
    json!({
        "period": { "from": "2023-04-01", "to": "2023-04-30" },
        "organisation": {
            "subdistrict": { "id": "xc", "name": "新城街道" },
            "communities": [{ "id": "c1", "name": "幸福社区", "party_secretary": "l1",
                "grids": [{ "id": "g1", "name": "幸福一网格" }, { "id": "g2", "name": "幸福二网格" }] }],
            "people": [
                { "id": "l1", "name": "赵建国", "community": "c1", "role": "grid_leader" },
                { "id": "w1", "name": "王芳", "community": "c1", "role": "grid_worker" },
                { "id": "w2", "name": "李强", "community": "c1", "role": "grid_worker" },
                { "id": "w3", "name": "张丽", "community": "c1", "role": "grid_worker" },
                { "id": "h1", "name": "孙大爷", "community": "c1", "role": "helper", "helper_kind": "building_head" }
            ],
            "assignments": [
                { "person": "w1", "grid": "g1", "from": "2023-01-01" },
                { "person": "w2", "grid": "g1", "from": "2023-01-01" },
                { "person": "w3", "grid": "g2", "from": "2023-01-01" },
                { "person": "h1", "grid": "g1", "from": "2023-01-01" }
            ]
        },
        "records": {
            "work_records": work,
            "clock_events": clocks,
            "meetings": meetings,
            "group_studies": studies,
            "self_studies": selfs,
            "notebook_reviews": WORKERS.iter().map(|(w, _, _, _)| json!({
                "id": format!("nr-{w}"), "person": w, "reviewer": "l1", "date": "2023-04-28", "comment": "记录完整"
            })).collect::<Vec<_>>(),
            "duty_shifts": [{ "id": "ds-1", "person": "w2", "community": "c1", "date": "2023-04-15", "log": "接待来访2人" }],
            "leave": [{ "id": "lv-1", "person": "w3", "from": "2023-04-24", "to": "2023-04-25", "approved_by": "l1", "kind": "annual" }],
            "problems": [
                { "id": "pb-1", "person": "w1", "grid": "g1", "date": "2023-04-10", "found_at": "09:10",
                  "category": "exposed_garbage", "text": "3号楼垃圾未清运",
                  "steps": [
                    { "step": "solved_on_spot", "date": "2023-04-10", "time": "09:30", "actor": "w1" },
                    { "step": "feedback_given", "date": "2023-04-10", "time": "10:00", "actor": "w1" }
                  ],
                  "reports": [
                    { "channel": "community", "date": "2023-04-10", "time": "09:20" },
                    { "channel": "grid_group", "date": "2023-04-10", "time": "09:20" }
                  ] },
                { "id": "pb-2", "person": "w3", "grid": "g2", "date": "2023-04-12", "found_at": "10:00",
                  "category": "gas_safety", "text": "5号楼燃气异味",
                  "steps": [
                    { "step": "escalated", "date": "2023-04-12", "time": "10:05", "actor": "w3", "to": "l1" },
                    { "step": "coordinated", "date": "2023-04-12", "time": "10:30", "actor": "l1", "department": "燃气公司" },
                    { "step": "resolved", "date": "2023-04-12", "time": "14:00", "actor": "l1" },
                    { "step": "feedback_given", "date": "2023-04-13", "time": "09:00", "actor": "w3" }
                  ],
                  "reports": [
                    { "channel": "community", "date": "2023-04-12", "time": "10:05" },
                    { "channel": "grid_group", "date": "2023-04-12", "time": "10:05" }
                  ] }
            ]
        }
    })
}

/// The record sheets of the same plan.
fn records_book() -> Vec<u8> {
    let mut work = vec![
        ["日期", "人员", "网格", "巡查时段"]
            .iter()
            .map(|t| s(t))
            .chain(CHECKS.iter().chain(DOS.iter()).map(|(zh, _)| s(zh)))
            .chain([s("走访"), s("备注")])
            .collect::<Vec<V>>(),
    ];
    let mut meetings = rows(&[&["日期", "类型", "社区", "主持人", "参会人员"]]);
    let mut studies = rows(&[&["日期", "社区", "参加人员", "主题"]]);
    let mut selfs = rows(&[&["日期", "人员", "主题"]]);
    for (i, d) in april().into_iter().enumerate() {
        if !working(d) {
            continue;
        }
        let ds = d.to_string();
        for (w, name, _, _) in WORKERS {
            if on_leave(w, d) {
                continue;
            }
            let p: Vec<String> = patrols(w, i)
                .iter()
                .map(|(a, b)| format!("{a}-{b}"))
                .collect();
            let mut row = vec![
                // Excel serial dates in the work records; the grid left for the assignment.
                V::D(serial(
                    d.year(),
                    d.month(),
                    chrono::Datelike::day(&d.naive()),
                )),
                s(name),
                V::E,
                s(&p.join("、")),
            ];
            for (zh, _) in CHECKS {
                row.push(if skip_check(w, i) && zh == "可疑人员" {
                    V::E
                } else {
                    s("√")
                });
            }
            for _ in DOS {
                row.push(s("√"));
            }
            row.push(if ds.ends_with("-10") {
                s("困难人群、流动人口、空巢老人、模范人物、特殊人群")
            } else {
                V::E
            });
            row.push(V::E);
            work.push(row);
        }
        match d.weekday() {
            chrono::Weekday::Mon => meetings.push(vec![
                s(&ds),
                s("每周例会"),
                s("幸福社区"),
                s("赵建国"),
                s("王芳、李强、张丽"),
            ]),
            chrono::Weekday::Tue => studies.push(vec![
                s(&ds),
                V::E,
                s(if i % 3 == 0 {
                    "王芳、张丽"
                } else {
                    "王芳,李强,张丽"
                }),
                s("网格化管理办法"),
            ]),
            chrono::Weekday::Thu => {
                for (w, _, _, _) in WORKERS {
                    selfs.push(vec![s(&ds), s(w), V::E]);
                }
            }
            _ => {}
        }
    }
    meetings.push(vec![
        s("2023-04-20"),
        s("调度会"),
        V::E,
        s("l1"),
        s("w1、w2、w3"),
    ]);
    xlsx(&[
        sheet("工作记录", work),
        sheet("会议", meetings),
        sheet("集中学习", studies),
        sheet("自学", selfs),
        sheet(
            "笔记点评",
            rows(&[
                &["日期", "人员", "点评人", "点评"],
                &["2023-04-28", "王芳", "赵建国", "记录完整"],
                &["2023-04-28", "李强", "赵建国", "记录完整"],
                &["2023-04-28", "张丽", "赵建国", "记录完整"],
            ]),
        ),
        sheet(
            "值班",
            rows(&[
                &["日期", "人员", "值班记录"],
                &["2023-04-15", "李强", "接待来访2人"],
            ]),
        ),
        sheet(
            "请假",
            rows(&[
                &["人员", "起始日期", "截止日期", "类别", "批准人"],
                &["张丽", "2023-04-24", "2023-04-25", "年休假", "赵建国"],
            ]),
        ),
        sheet(
            "问题",
            rows(&[
                &[
                    "日期",
                    "时间",
                    "人员",
                    "网格",
                    "类别",
                    "描述",
                    "处置方式",
                    "处置时间",
                    "上报给",
                    "协调部门",
                    "协调时间",
                    "解决人",
                    "解决时间",
                    "反馈时间",
                    "上报社区时间",
                    "上报网格群时间",
                ],
                &[
                    "2023-04-10",
                    "09:10",
                    "王芳",
                    "",
                    "垃圾暴露",
                    "3号楼垃圾未清运",
                    "马上解决",
                    "09:30",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "10:00",
                    "09:20",
                    "09:20",
                ],
                &[
                    "2023-04-12",
                    "10:00",
                    "张丽",
                    "幸福二网格",
                    "燃气安全",
                    "5号楼燃气异味",
                    "上报",
                    "10:05",
                    "赵建国",
                    "燃气公司",
                    "10:30",
                    "",
                    "14:00",
                    "2023-04-13 09:00",
                    "10:05",
                    "2023-04-12 10:05",
                ],
            ]),
        ),
    ])
}

/// w1: DingTalk raw records as .xlsx, with title rows, serial dates, date-times, a 缺卡 row
/// and a footer.
fn dingtalk_raw() -> Vec<u8> {
    let mut r = vec![
        vec![s("原始记录")],
        vec![s("统计日期：2023-04-01 至 2023-04-30")],
        rows(&[&[
            "姓名",
            "考勤组",
            "部门",
            "工号",
            "考勤日期",
            "打卡时间",
            "打卡结果",
            "打卡地址",
        ]])
        .remove(0),
    ];
    for (i, d) in april().into_iter().enumerate() {
        if !working(d) {
            continue;
        }
        for t in punches("w1", i) {
            r.push(vec![
                s("王芳"),
                s("幸福社区考勤组"),
                s("幸福社区"),
                s("1001"),
                V::D(serial(
                    d.year(),
                    d.month(),
                    chrono::Datelike::day(&d.naive()),
                )),
                s(&format!("{d} {t}:{:02}", i % 60)),
                s("正常"),
                s("幸福社区居委会"),
            ]);
        }
    }
    // A missed punch: no time, result 缺卡.
    r.push(vec![
        s("王芳"),
        s("幸福社区考勤组"),
        s("幸福社区"),
        s("1001"),
        s("2023-04-30"),
        V::E,
        s("缺卡"),
        V::E,
    ]);
    r.push(vec![s("制表人：管理员")]);
    xlsx(&[sheet("原始记录", r)])
}

/// w2: DingTalk daily statistics, GB18030 CSV, dates as `23-04-03 星期一`, the duty day's
/// clock-out written `次日 00:30`.
fn dingtalk_daily() -> Vec<u8> {
    let week = [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ];
    let mut r = vec![
        rows(&[&["每日统计"]]).remove(0),
        rows(&[&["统计日期：2023-04-01 至 2023-04-30", "", "制表人：管理员"]]).remove(0),
        rows(&[&[
            "姓名",
            "工号",
            "部门",
            "日期",
            "上班1打卡时间",
            "上班1打卡结果",
            "下班1打卡时间",
            "上班2打卡时间",
            "下班2打卡时间",
        ]])
        .remove(0),
    ];
    for (i, d) in april().into_iter().enumerate() {
        let label = format!(
            "{:02}-{:02}-{:02} {}",
            d.year() % 100,
            d.month(),
            chrono::Datelike::day(&d.naive()),
            week[d.weekday().num_days_from_monday() as usize]
        );
        if d.to_string() == "2023-04-15" {
            r.push(vec![
                s("李强"),
                s("1002"),
                s("幸福社区"),
                s(&label),
                s("18:00"),
                s("正常"),
                s("次日 00:30"),
                V::E,
                V::E,
            ]);
            continue;
        }
        if !working(d) {
            r.push(vec![
                s("李强"),
                s("1002"),
                s("幸福社区"),
                s(&label),
                s("休息"),
                V::E,
                s("休息"),
                V::E,
                V::E,
            ]);
            continue;
        }
        let p = punches("w2", i);
        r.push(vec![
            s("李强"),
            s("1002"),
            s("幸福社区"),
            s(&label),
            s(&p[0]),
            s("正常"),
            s(&p[1]),
            s(&p[2]),
            s(&p[3]),
        ]);
    }
    csv_gb18030(&r)
}

/// w3: an attendance machine's month grid, UTF-8 CSV with BOM, a day's punches in one cell.
fn month_grid() -> Vec<u8> {
    let mut head = vec![s("姓名"), s("工号")];
    head.extend((1..=30).map(|d| s(&d.to_string())));
    let mut row = vec![s("张丽"), s("1003")];
    for (i, d) in april().into_iter().enumerate() {
        if !working(d) || on_leave("w3", d) {
            row.push(V::E);
        } else {
            row.push(s(&punches("w3", i).join("\n")));
        }
    }
    csv_bom(&[vec![s("2023年4月 考勤机月报")], head, row])
}

fn grades(answer: &str) -> Vec<(String, String, String)> {
    let v: Value = serde_json::from_str(answer).unwrap();
    assert_eq!(v["status"], "success", "{answer}");
    v["value"]["workers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["person"].as_str().unwrap().to_owned(),
                w["score"].to_string(),
                w["grade"].to_string(),
            )
        })
        .collect()
}

fn attendance_days(answer: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(answer).unwrap();
    assert_eq!(v["status"], "success", "{answer}");
    let mut out: Vec<String> = v["value"]["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {} {}",
                d["person"], d["date"], d["class"], d["late_minutes"], d["early_minutes"]
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn roster_records_and_three_exports_grade_as_the_json_dossier() {
    let roster = roster();
    let records = records_book();
    let raw = dingtalk_raw();
    let daily = dingtalk_daily();
    let grid = month_grid();
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "工作记录.xlsx",
            bytes: &records,
        },
        InputFile {
            name: "王芳-原始记录.xlsx",
            bytes: &raw,
        },
        InputFile {
            name: "李强-每日统计.csv",
            bytes: &daily,
        },
        InputFile {
            name: "张丽-月报.csv",
            bytes: &grid,
        },
    ];
    let imported = match import(&files, &zh_options("2023-04-01", "2023-04-30")) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    };
    let s = &imported.summary;
    assert_eq!(s.files, 5);
    assert_eq!(s.people, 5);
    assert_eq!(s.overnight.len(), 1, "{:?}", s.overnight);
    let expected = expected();
    assert_eq!(
        s.punches,
        expected["records"]["clock_events"]
            .as_array()
            .unwrap()
            .len()
    );
    let from_files = wangge::to_json(&imported.dossier);
    let by_hand = expected.to_string();
    let a = wangge::api::assess_json(None, &from_files, None);
    let b = wangge::api::assess_json(None, &by_hand, None);
    let (ga, gb) = (grades(&a), grades(&b));
    assert_eq!(ga.len(), 3);
    assert_eq!(ga, gb);
    // Not all the same: the plan makes w2 short on patrols and late.
    assert!(ga.iter().any(|g| g.1 != ga[0].1), "{ga:?}");
    // The attendance report agrees day by day too (classes, minutes late and early).
    let a = wangge::api::attendance_json(None, &from_files, None);
    let b = wangge::api::attendance_json(None, &by_hand, None);
    assert_eq!(attendance_days(&a), attendance_days(&b));
}

#[test]
fn without_a_period_the_import_takes_the_months_of_its_rows() {
    let roster = roster();
    let records = records_book();
    let files = [
        InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        },
        InputFile {
            name: "工作记录.xlsx",
            bytes: &records,
        },
    ];
    let imported = import(&files, &ImportOptions::default()).unwrap();
    assert_eq!(imported.dossier.period.from.to_string(), "2023-04-01");
    assert_eq!(imported.dossier.period.to.to_string(), "2023-04-30");
}
