//! Cells as read from any file, and the dates and times in them: Excel serial numbers,
//! `2023-03-01 08:20:53`, `2023/3/1`, `2023年3月1日`, `23-03-01 星期三`, `08:20`, `次日 00:30`.

use wangge::{Date, LocalTime};

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date-time serial (days since 1899-12-30, fraction of a day).
    Serial(f64),
    Bool(bool),
    Error,
}

impl Cell {
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: whole numbers without decimals (an ID typed as a number).
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Empty | Cell::Error => String::new(),
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Number(n) | Cell::Serial(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        }
    }
}

/// A date and/or a time read from a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct When {
    pub date: Option<Date>,
    pub time: Option<LocalTime>,
    /// Seconds, when the cell gives them (kept to tell duplicates apart, then dropped).
    pub second: u32,
    /// `次日` (the next day) written before the time.
    pub next_day: bool,
}

/// Why a cell is not a date or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WhenError {
    /// Not shaped like a date or time at all.
    Shape,
    /// Shaped like a date, but the date does not exist (2023-02-30).
    NoSuchDate,
}

const SERIAL_EPOCH: (i32, u32, u32) = (1899, 12, 30);

fn from_serial(f: f64) -> Result<When, WhenError> {
    if !f.is_finite() || !(0.0..2_958_466.0).contains(&f) {
        return Err(WhenError::Shape);
    }
    let days = f.floor();
    let secs = ((f - days) * 86_400.0).round() as u32;
    let (days, secs) = if secs >= 86_400 {
        (days + 1.0, 0)
    } else {
        (days, secs)
    };
    let time = LocalTime::from_hm((secs / 3600) as u16, ((secs / 60) % 60) as u16);
    let date = if days >= 1.0 {
        let epoch = Date::from_ymd(SERIAL_EPOCH.0, SERIAL_EPOCH.1, SERIAL_EPOCH.2);
        epoch.and_then(|e| e.add_days(days as i64))
    } else {
        None
    };
    Ok(When {
        date,
        time: if f.fract() == 0.0 && date.is_some() {
            None
        } else {
            time
        },
        second: secs % 60,
        next_day: false,
    })
}

/// Reads a date, a time or both from a cell. Empty cells give `Ok(None)`.
pub(crate) fn when(cell: &Cell) -> Result<Option<When>, WhenError> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Serial(f) | Cell::Number(f) => from_serial(*f).map(Some),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                Ok(None)
            } else {
                when_text(t).map(Some)
            }
        }
        Cell::Bool(_) | Cell::Error => Err(WhenError::Shape),
    }
}

/// The weekday words exports append to dates (`23-03-01 星期三`, `2023/03/01 周三`).
fn strip_weekday(t: &str) -> &str {
    for mark in ["星期", "周", "礼拜"] {
        if let Some(i) = t.find(mark) {
            let rest = t.get(i + mark.len()..).unwrap_or("");
            if rest.chars().count() <= 1 {
                return t
                    .get(..i)
                    .unwrap_or(t)
                    .trim_end_matches(['(', '（', ' '])
                    .trim();
            }
        }
    }
    t
}

pub(crate) fn when_text(t: &str) -> Result<When, WhenError> {
    let mut t = strip_weekday(t.trim()).trim();
    let mut next_day = false;
    for mark in ["次日", "+1"] {
        if let Some(rest) = t.strip_prefix(mark) {
            t = rest.trim();
            next_day = true;
        }
    }
    // A date and a time: split at the first space or `T` between them.
    let split = t
        .char_indices()
        .find(|(i, c)| (*c == ' ' || *c == 'T') && *i > 0)
        .map(|(i, _)| i);
    let (date_part, time_part) = match split {
        Some(i) => (
            Some(t.get(..i).unwrap_or("")),
            Some(t.get(i + 1..).unwrap_or("").trim()),
        ),
        None if t.contains(':') || t.contains('：') || t.contains('时') => (None, Some(t)),
        None => (Some(t), None),
    };
    let date = match date_part {
        Some(d) => Some(date_text(d)?),
        None => None,
    };
    let (time, second) = match time_part {
        Some(s) if !s.is_empty() => {
            let (t, s) = time_text(s)?;
            (Some(t), s)
        }
        _ => (None, 0),
    };
    Ok(When {
        date,
        time,
        second,
        next_day,
    })
}

fn numbers(t: &str) -> Vec<&str> {
    t.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect()
}

fn date_text(t: &str) -> Result<Date, WhenError> {
    let t = t.trim();
    let seps_ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '年' | '月' | '日'));
    let parts = numbers(t);
    let [y, m, d] = parts.as_slice() else {
        return Err(WhenError::Shape);
    };
    if !seps_ok || y.len() > 4 || m.len() > 2 || d.len() > 2 {
        return Err(WhenError::Shape);
    }
    let mut year: i32 = y.parse().map_err(|_| WhenError::Shape)?;
    if y.len() == 2 {
        year += 2000;
    } else if y.len() != 4 {
        return Err(WhenError::Shape);
    }
    let month: u32 = m.parse().map_err(|_| WhenError::Shape)?;
    let day: u32 = d.parse().map_err(|_| WhenError::Shape)?;
    Date::from_ymd(year, month, day).ok_or(WhenError::NoSuchDate)
}

fn time_text(t: &str) -> Result<(LocalTime, u32), WhenError> {
    let t = t.trim();
    let ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ':' | '：' | '时' | '分' | '秒'));
    let parts = numbers(t);
    if !ok || !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() > 2) {
        return Err(WhenError::Shape);
    }
    let n = |i: usize| -> u32 { parts.get(i).and_then(|p| p.parse().ok()).unwrap_or(99) };
    let (h, m, s) = (n(0), n(1), if parts.len() == 3 { n(2) } else { 0 });
    if s >= 60 {
        return Err(WhenError::Shape);
    }
    LocalTime::from_hm(h as u16, m as u16)
        .map(|lt| (lt, s))
        .ok_or(WhenError::Shape)
}

/// Splits a cell holding several times (`08:20\n18:04`, `08:20、18:04`, `次日 00:30`) into
/// pieces, keeping `次日` with the time after it.
pub(crate) fn split_times(t: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut carry = String::new();
    for piece in
        t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；' | '|'))
    {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if piece == "次日" {
            carry = "次日".to_owned();
            continue;
        }
        out.push(format!("{carry}{piece}"));
        carry.clear();
    }
    out
}

/// Splits a list of names or labels (`王芳、李强`, `王芳,李强`).
pub(crate) fn split_list(t: &str) -> Vec<String> {
    t.split(|c: char| {
        matches!(c, ',' | '，' | '、' | ';' | '；' | '/' | '\n' | '\r') || c.is_whitespace()
    })
    .map(str::trim)
    .filter(|s| !s.is_empty())
    .map(str::to_owned)
    .collect()
}

/// The column letters of a 0-based index: 0 → A, 26 → AA.
pub(crate) fn letters(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Normalises a heading: no spaces, no `*` marks, ASCII brackets.
pub(crate) fn norm(t: &str) -> String {
    t.chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '＊')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(t: &str) -> Option<Date> {
        when_text(t).ok().and_then(|w| w.date)
    }

    #[test]
    fn dates_in_the_shapes_exports_write() {
        let mar1 = Date::from_ymd(2023, 3, 1);
        for t in [
            "2023-03-01",
            "2023/3/1",
            "2023.03.01",
            "2023年3月1日",
            "23-03-01 星期三",
            "2023/03/01 周三",
        ] {
            assert_eq!(d(t), mar1, "{t}");
        }
        let w = when_text("2023-03-01 08:20:53").ok();
        assert_eq!(w.and_then(|w| w.time), LocalTime::from_hm(8, 20));
        assert_eq!(w.map(|w| w.second), Some(53));
        assert_eq!(when_text("2023-02-30"), Err(WhenError::NoSuchDate));
        assert_eq!(when_text("迟到"), Err(WhenError::Shape));
        assert_eq!(when_text("25:10"), Err(WhenError::Shape));
        let n = when_text("次日 00:30").ok();
        assert_eq!(n.map(|w| w.next_day), Some(true));
    }

    #[test]
    fn excel_serials() {
        let w = from_serial(45016.5).ok();
        assert_eq!(w.and_then(|w| w.date), Date::from_ymd(2023, 3, 31));
        assert_eq!(w.and_then(|w| w.time), LocalTime::from_hm(12, 0));
        let t = from_serial(0.25).ok();
        assert_eq!(t.and_then(|w| w.time), LocalTime::from_hm(6, 0));
        assert_eq!(t.and_then(|w| w.date), None);
    }

    #[test]
    fn punches_in_one_cell() {
        assert_eq!(split_times("08:20\n18:04"), vec!["08:20", "18:04"]);
        assert_eq!(split_times("18:00 次日 00:30"), vec!["18:00", "次日00:30"]);
        assert_eq!(letters(0), "A");
        assert_eq!(letters(27), "AB");
    }
}
