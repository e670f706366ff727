//! Attendance exports to raw punches: a punch per row (DingTalk's 原始记录, WeCom, any column
//! map), daily statistics (上班1打卡时间, 下班1打卡时间, …), attendance-machine month grids (one row
//! per person, one column per day, a day's punches in one cell) and earliest / latest punch
//! sheets. People, days and directions are settled later (see `build`).

use crate::ColumnMap;
use crate::cell::{Cell, When, WhenError, norm, split_times, when, when_text};
use crate::header::{self, Header, Row, Want};
use crate::problem::{Loc, ProblemKind, Sink};
use crate::read::Table;
use wangge::Date;
use wangge::attendance::{ClockDirection, ClockSource};

/// The shape of an attendance export.
#[derive(Debug, Clone)]
pub(crate) enum Shape {
    /// One punch per row, under a column map.
    PerRow(Box<ColumnMap>),
    /// DingTalk's daily statistics: 上班N打卡时间 / 下班N打卡时间 columns.
    Daily,
    /// One row per person, one column per day.
    MonthGrid,
    /// 最早打卡 / 最晚打卡 per person and day.
    EarliestLatest,
}

impl Shape {
    pub(crate) fn label(&self) -> String {
        match self {
            Shape::PerRow(m) => m.name.clone(),
            Shape::Daily => "钉钉每日统计".to_owned(),
            Shape::MonthGrid => "考勤机月报".to_owned(),
            Shape::EarliestLatest => "最早/最晚打卡".to_owned(),
        }
    }
}

/// A punch as read, before the person, the day and the direction are settled.
#[derive(Debug, Clone)]
pub(crate) struct RawPunch {
    pub person_id: Option<String>,
    pub person_name: Option<String>,
    pub department: Option<String>,
    /// The attendance day the export gives (考勤日期), if it gives one apart from the time.
    pub day: Option<Date>,
    pub when: When,
    pub direction: Option<ClockDirection>,
    pub source: ClockSource,
    /// The person's cell.
    pub person_loc: Loc,
    /// The time's cell.
    pub loc: Loc,
    /// The attendance day's cell.
    pub day_loc: Loc,
}

const NAME: &[&str] = &["姓名", "员工姓名", "人员"];
const ID: &[&str] = &[
    "工号",
    "UserId",
    "userid",
    "员工UserId",
    "考勤号",
    "账号",
    "人员编号",
];
const DAY: &[&str] = &["日期", "考勤日期", "打卡日期"];
const DEPT: &[&str] = &["部门"];
/// Cell values of a statistics sheet that mean no punch (not an error).
const NO_PUNCH: &[&str] = &[
    "缺卡",
    "未打卡",
    "--",
    "-",
    "—",
    "休息",
    "请假",
    "旷工",
    "无",
    "未排班",
    "外出",
    "出差",
    "调休",
];

fn person_wants() -> Vec<Want> {
    vec![
        Want::new("name", NAME, false),
        Want::new("id", ID, false),
        Want::new("dept", DEPT, false),
    ]
}

fn map_wants(m: &ColumnMap) -> Vec<Want> {
    vec![
        Want::owned("name", &m.person_name, false),
        Want::owned("id", &m.person_id, false),
        Want::owned("dept", &m.department, false),
        Want::owned("date", &m.date, false),
        Want::owned("time", &m.time, true),
        Want::owned("direction", &m.direction, false),
        Want::owned("result", &m.result, false),
        Want::owned("source", &m.source, false),
    ]
}

/// `上班1打卡时间` → (In, 1); `下班打卡时间` → (Out, 1).
fn stat_column(text: &str) -> Option<ClockDirection> {
    let t = norm(text);
    let rest = t.strip_suffix("打卡时间")?;
    let (dir, n) = if let Some(n) = rest.strip_prefix("上班") {
        (ClockDirection::In, n)
    } else if let Some(n) = rest.strip_prefix("下班") {
        (ClockDirection::Out, n)
    } else {
        return None;
    };
    n.chars().all(|c| c.is_ascii_digit()).then_some(dir)
}

/// A month grid's day heading: `1`, `01`, `1日`, `1号`, `3月1日`, `03-01`, or a whole date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayHead {
    Day(u32),
    MonthDay(u32, u32),
    Date(Date),
}

fn day_head(cell: &Cell) -> Option<DayHead> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (1.0..=31.0).contains(n) => {
            Some(DayHead::Day(*n as u32))
        }
        Cell::Number(n) | Cell::Serial(n) if *n > 31.0 => {
            when(cell).ok().flatten()?.date.map(DayHead::Date)
        }
        Cell::Text(t) => {
            let t = norm(t);
            let bare = t.trim_end_matches(['日', '号']);
            if !bare.is_empty() && bare.len() <= 2 && bare.chars().all(|c| c.is_ascii_digit()) {
                let d: u32 = bare.parse().ok()?;
                return (1..=31).contains(&d).then_some(DayHead::Day(d));
            }
            let nums: Vec<u32> = t
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse().ok())
                .collect();
            match nums.as_slice() {
                [m, d] if (1..=12).contains(m) && (1..=31).contains(d) => {
                    Some(DayHead::MonthDay(*m, *d))
                }
                [_, _, _] => when_text(&t).ok()?.date.map(DayHead::Date),
                _ => None,
            }
        }
        _ => None,
    }
}

fn grid_header(table: &Table) -> Option<usize> {
    (0..table.rows.len().min(header::HEADER_SEARCH_ROWS)).find(|r| {
        let row = table.rows.get(*r).map_or(&[][..], |v| v.as_slice());
        let named = row
            .iter()
            .any(|c| NAME.iter().chain(ID).any(|a| norm(a) == norm(&c.text())));
        let days = row.iter().filter(|c| day_head(c).is_some()).count();
        named && days >= 7
    })
}

fn stats_header(table: &Table) -> Option<usize> {
    (0..table.rows.len().min(header::HEADER_SEARCH_ROWS)).find(|r| {
        table
            .rows
            .get(*r)
            .is_some_and(|row| row.iter().any(|c| stat_column(&c.text()).is_some()))
    })
}

fn earliest_wants() -> Vec<Want> {
    let mut w = person_wants();
    w.push(Want::new("date", DAY, true));
    w.push(Want::new(
        "earliest",
        &["最早打卡", "最早打卡时间", "最早"],
        true,
    ));
    w.push(Want::new(
        "latest",
        &["最晚打卡", "最晚打卡时间", "最晚"],
        true,
    ));
    w
}

/// What kind of attendance export a table is, if any.
pub(crate) fn classify(table: &Table, maps: &[ColumnMap]) -> Option<Shape> {
    if stats_header(table).is_some() {
        return Some(Shape::Daily);
    }
    if header::matches(table, &earliest_wants()) {
        return Some(Shape::EarliestLatest);
    }
    // The map naming the most columns wins; on a tie, the caller's maps before DingTalk's.
    let mut best: Option<(usize, ColumnMap)> = None;
    for m in maps.iter().cloned().chain([ColumnMap::dingtalk()]) {
        let mut wants = map_wants(&m);
        let mut top = None;
        for key in ["name", "id"] {
            for w in wants.iter_mut() {
                w.required = w.key == "time" || w.key == key;
            }
            top = top.max(header::score(table, &wants));
        }
        if let Some(n) = top {
            if best.as_ref().is_none_or(|(b, _)| n > *b) {
                best = Some((n, m));
            }
        }
    }
    if let Some((_, m)) = best {
        return Some(Shape::PerRow(Box::new(m)));
    }
    if grid_header(table).is_some() {
        return Some(Shape::MonthGrid);
    }
    None
}

fn has_any(values: &[String], text: &str) -> bool {
    values
        .iter()
        .any(|v| !v.is_empty() && text.contains(v.as_str()))
}

/// Reads a table of the given shape. `month` is the import's period start, the month a grid
/// without dated headings is about when its title rows do not say.
pub(crate) fn read(
    table: &Table,
    shape: &Shape,
    base: &Loc,
    month: Option<Date>,
    sink: &mut Sink,
) -> Vec<RawPunch> {
    let mut out = Vec::new();
    match shape {
        Shape::PerRow(map) => {
            let wants = map_wants(map);
            let Some(h) = header::find(table, &wants, base, sink) else {
                return out;
            };
            if !h.cols.contains_key("name") && !h.cols.contains_key("id") {
                sink.push(
                    &base.row(h.row as u32 + 1),
                    ProblemKind::MissingColumn,
                    "表头缺少姓名或工号列".to_owned(),
                    "the header has neither a name nor an ID column".to_owned(),
                );
                return out;
            }
            let rows = nonempty(table, &h, base, sink);
            for row in rows {
                let result = row.text("result");
                let time_cell = row.cell("time");
                if time_cell.is_empty() || has_any(&map.no_punch_values, &result) {
                    continue;
                }
                let direction = direction(map, &row.text("direction"));
                let src = row.text("source");
                let source =
                    if has_any(&map.manual_values, &src) || has_any(&map.manual_values, &result) {
                        ClockSource::Manual
                    } else if has_any(&map.machine_values, &src) {
                        ClockSource::Machine
                    } else {
                        map.default_source
                    };
                let day = day_of(&row, "date", sink);
                let Some(w) = time_of(&row, "time", time_cell, sink) else {
                    continue;
                };
                let Ok(day) = day else {
                    continue;
                };
                out.push(punch(&row, day, w, direction, source));
            }
        }
        Shape::Daily => {
            let mut wants = person_wants();
            wants.push(Want::new("date", DAY, true));
            let Some(h) = header::find(table, &wants, base, sink) else {
                return out;
            };
            let stat_cols: Vec<(usize, ClockDirection)> = table
                .rows
                .get(h.row)
                .map(|r| {
                    r.iter()
                        .enumerate()
                        .filter_map(|(c, cell)| stat_column(&cell.text()).map(|d| (c, d)))
                        .collect()
                })
                .unwrap_or_default();
            for row in nonempty(table, &h, base, sink) {
                let Ok(day) = day_of(&row, "date", sink) else {
                    continue;
                };
                for (c, dir) in &stat_cols {
                    let cell = table.cell(row.r, *c);
                    let key_loc = row.at().col(&table.cell(h.row, *c).text());
                    for piece in pieces(cell) {
                        if NO_PUNCH.iter().any(|n| piece.contains(n)) {
                            continue;
                        }
                        match when_text(&piece) {
                            Ok(w) if w.time.is_some() => {
                                let mut p = punch(&row, day, w, Some(*dir), ClockSource::App);
                                p.loc = key_loc.clone();
                                out.push(p);
                            }
                            _ => not_a_time(&key_loc, sink),
                        }
                    }
                }
            }
        }
        Shape::EarliestLatest => {
            let wants = earliest_wants();
            let Some(h) = header::find(table, &wants, base, sink) else {
                return out;
            };
            for row in nonempty(table, &h, base, sink) {
                let Ok(day) = day_of(&row, "date", sink) else {
                    continue;
                };
                let mut seen: Option<When> = None;
                for (key, dir) in [
                    ("earliest", ClockDirection::In),
                    ("latest", ClockDirection::Out),
                ] {
                    let cell = row.cell(key);
                    if cell.is_empty() || NO_PUNCH.iter().any(|n| cell.text().contains(n)) {
                        continue;
                    }
                    let Some(w) = time_of(&row, key, cell, sink) else {
                        continue;
                    };
                    // One punch in the day: 最早 and 最晚 are the same punch.
                    if seen.is_some_and(|s| s.time == w.time && s.date == w.date) {
                        continue;
                    }
                    seen = Some(w);
                    let w = When {
                        date: w.date.or(day),
                        ..w
                    };
                    let mut p = punch(&row, None, w, Some(dir), ClockSource::Machine);
                    p.loc = row.loc(key);
                    out.push(p);
                }
            }
        }
        Shape::MonthGrid => {
            let Some(hr) = grid_header(table) else {
                return out;
            };
            let mut wants = person_wants();
            wants.truncate(2);
            let mut h = Header {
                row: hr,
                cols: Default::default(),
            };
            if let Some(row) = table.rows.get(hr) {
                for (c, cell) in row.iter().enumerate() {
                    let t = norm(&cell.text());
                    for w in &wants {
                        if !h.cols.contains_key(w.key) && w.aliases.iter().any(|a| norm(a) == t) {
                            h.cols.insert(w.key, c);
                        }
                    }
                }
            }
            let heads: Vec<(usize, DayHead)> = table
                .rows
                .get(hr)
                .map(|r| {
                    r.iter()
                        .enumerate()
                        .filter_map(|(c, cell)| day_head(cell).map(|d| (c, d)))
                        .collect()
                })
                .unwrap_or_default();
            let ym = title_month(table, hr).or(month.map(|d| (d.year(), d.month())));
            for row in nonempty(table, &h, base, sink) {
                for (c, head) in &heads {
                    let cell = table.cell(row.r, *c);
                    if cell.is_empty() {
                        continue;
                    }
                    let heading = table.cell(hr, *c).text();
                    let loc = row.at().col(&heading);
                    let date = match (head, ym) {
                        (DayHead::Date(d), _) => Some(*d),
                        (DayHead::MonthDay(m, d), Some((y, _))) => Date::from_ymd(y, *m, *d),
                        (DayHead::Day(d), Some((y, m))) => Date::from_ymd(y, m, *d),
                        (_, None) => {
                            sink.push(
                                &loc,
                                ProblemKind::MissingValue,
                                "无法确定月份：表头上方没有“2023年3月”之类的标题，也没有给出导入期间".to_owned(),
                                "the month is unknown: no title such as 2023年3月 above the header, and no import period given".to_owned(),
                            );
                            return out;
                        }
                    };
                    let Some(date) = date else {
                        sink.push(
                            &loc,
                            ProblemKind::InvalidDate,
                            format!("列“{heading}”不是这个月存在的日期"),
                            format!("column `{heading}` is not a day of this month"),
                        );
                        continue;
                    };
                    for piece in pieces(cell) {
                        if NO_PUNCH.iter().any(|n| piece.contains(n)) {
                            continue;
                        }
                        match when_text(&piece) {
                            Ok(w) if w.time.is_some() && w.date.is_none() => {
                                // The column's day is the day the punch was made, not an
                                // attendance day: a punch after midnight may close a duty.
                                let w = When {
                                    date: Some(date),
                                    ..w
                                };
                                let mut p = punch(&row, None, w, None, ClockSource::Machine);
                                p.loc = loc.clone();
                                p.day_loc = loc.clone();
                                out.push(p);
                            }
                            _ => not_a_time(&loc, sink),
                        }
                    }
                }
            }
        }
    }
    out
}

/// A title above the header naming the month: `2023年3月`, `2023-03`, `统计日期：2023-03-01 至 …`.
fn title_month(table: &Table, header_row: usize) -> Option<(i32, u32)> {
    for r in 0..header_row {
        for cell in table.rows.get(r).into_iter().flatten() {
            let t = cell.text();
            let nums: Vec<&str> = t
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .collect();
            if let [y, m, ..] = nums.as_slice() {
                if y.len() == 4 {
                    if let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u32>()) {
                        if (1..=12).contains(&m) {
                            return Some((y, m));
                        }
                    }
                }
            }
        }
    }
    None
}

fn pieces(cell: &Cell) -> Vec<String> {
    match cell {
        Cell::Text(t) => split_times(t),
        Cell::Empty => Vec::new(),
        other => {
            // A time typed as a time: turn the serial into `HH:MM`.
            match when(other) {
                Ok(Some(When { time: Some(t), .. })) => vec![t.to_string()],
                _ => vec![other.text()],
            }
        }
    }
}

fn nonempty<'a>(table: &'a Table, h: &'a Header, base: &Loc, sink: &mut Sink) -> Vec<Row<'a>> {
    let rows = header::rows(table, h, base);
    if rows.is_empty() {
        sink.push(
            &base.row(h.row as u32 + 1),
            ProblemKind::EmptySheet,
            "表头下面没有数据行".to_owned(),
            "there are no rows under the header".to_owned(),
        );
    }
    rows
}

fn direction(map: &ColumnMap, text: &str) -> Option<ClockDirection> {
    if text.is_empty() {
        None
    } else if has_any(&map.out_values, text) {
        Some(ClockDirection::Out)
    } else if has_any(&map.in_values, text) {
        Some(ClockDirection::In)
    } else {
        None
    }
}

fn not_a_time(loc: &Loc, sink: &mut Sink) {
    sink.push(
        loc,
        ProblemKind::InvalidTime,
        "单元格中有不是时间的内容（应为 08:20 这样的时间）".to_owned(),
        "the cell holds something that is not a time (expected a time such as 08:20)".to_owned(),
    );
}

/// The attendance day of a row: `Err` when the cell is there but not a date (already reported).
fn day_of(row: &Row<'_>, key: &str, sink: &mut Sink) -> Result<Option<Date>, ()> {
    match when(row.cell(key)) {
        Ok(Some(When { date: Some(d), .. })) => Ok(Some(d)),
        Ok(None) => Ok(None),
        Ok(Some(_)) => {
            bad_date(&row.loc(key), &row.text(key), WhenError::Shape, sink);
            Err(())
        }
        Err(e) => {
            bad_date(&row.loc(key), &row.text(key), e, sink);
            Err(())
        }
    }
}

pub(crate) fn bad_date(loc: &Loc, text: &str, e: WhenError, sink: &mut Sink) {
    match e {
        WhenError::NoSuchDate => sink.push(
            loc,
            ProblemKind::InvalidDate,
            format!("'{text}' 不是日历上存在的日期"),
            format!("`{text}` is not a date that exists"),
        ),
        WhenError::Shape => sink.push(
            loc,
            ProblemKind::InvalidDate,
            format!("'{text}' 不是日期（应为 2023-03-01 这样的日期）"),
            format!("`{text}` is not a date (expected a date such as 2023-03-01)"),
        ),
    }
}

fn time_of(row: &Row<'_>, key: &str, cell: &Cell, sink: &mut Sink) -> Option<When> {
    match when(cell) {
        Ok(Some(w)) if w.time.is_some() => Some(w),
        Err(WhenError::NoSuchDate) => {
            bad_date(&row.loc(key), &row.text(key), WhenError::NoSuchDate, sink);
            None
        }
        _ => {
            let t = row.text(key);
            sink.push(
                &row.loc(key),
                ProblemKind::InvalidTime,
                format!("'{t}' 不是时间（应为 08:20 或 2023-03-01 08:20:53）"),
                format!("`{t}` is not a time (expected 08:20 or 2023-03-01 08:20:53)"),
            );
            None
        }
    }
}

fn punch(
    row: &Row<'_>,
    day: Option<Date>,
    when: When,
    direction: Option<ClockDirection>,
    source: ClockSource,
) -> RawPunch {
    let opt = |k: &str| {
        let t = row.text(k);
        (!t.is_empty()).then_some(t)
    };
    let person_key = if row.has("id") && !row.text("id").is_empty() {
        "id"
    } else {
        "name"
    };
    RawPunch {
        person_id: opt("id"),
        person_name: opt("name"),
        department: opt("dept"),
        day,
        when,
        direction,
        source,
        person_loc: row.loc(person_key),
        loc: row.loc("time"),
        day_loc: row.loc("date"),
    }
}
