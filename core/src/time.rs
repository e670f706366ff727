//! Dates (`YYYY-MM-DD`), local times (`HH:MM`), date ranges and the periods obligations recur in.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Prefix of deserialisation messages that should be classed as [`crate::ErrorKind::InvalidTime`].
pub(crate) const TIME_ERROR_MARK: &str = "\u{1}time:";

/// An impossible date or time read while [`defer`] is on: the text read and why it is refused.
pub(crate) struct Deferred {
    /// The string as read (unescaped).
    pub(crate) text: String,
    /// Why it is refused (`` `2023-04-31` is not a date that exists ``).
    pub(crate) message: String,
}

std::thread_local! {
    /// The impossible dates and times read by the parse under way, when it collects them.
    static DEFERRED: std::cell::Cell<Option<Vec<Deferred>>> = const { std::cell::Cell::new(None) };
}

/// Starts collecting impossible dates and times instead of failing on the first (see
/// `crate::json::parse_json`): every one of a document is then reported at once, each at its
/// path. Returns the collection of an enclosing parse, to give back to [`undefer`].
pub(crate) fn defer() -> Option<Vec<Deferred>> {
    DEFERRED.with(|c| c.replace(Some(Vec::new())))
}

/// Stops collecting: the impossible dates and times read since [`defer`], in reading order
/// (document order), with the enclosing parse's collection put back.
pub(crate) fn undefer(outer: Option<Vec<Deferred>>) -> Vec<Deferred> {
    DEFERRED.with(|c| c.replace(outer)).unwrap_or_default()
}

/// The value parsed from `text`, or, when it is impossible: while collecting, `stand_in` (the
/// document is refused after the parse, with every such value); otherwise the error.
pub(crate) fn read_or_defer<T, E: serde::de::Error>(
    text: &str,
    parsed: Result<T, String>,
    stand_in: T,
) -> Result<T, E> {
    match parsed {
        Ok(value) => Ok(value),
        Err(message) => {
            let mut list = DEFERRED.with(|c| c.take());
            let collected = match list.as_mut() {
                Some(l) => {
                    l.push(Deferred {
                        text: text.to_owned(),
                        message: message.clone(),
                    });
                    true
                }
                None => false,
            };
            DEFERRED.with(|c| c.set(list));
            if collected {
                Ok(stand_in)
            } else {
                Err(E::custom(format!("{TIME_ERROR_MARK}{message}")))
            }
        }
    }
}

/// A calendar date, written `YYYY-MM-DD` in documents. Impossible dates (2023-02-29) are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

impl Date {
    /// The date of `year`-`month`-`day`, or `None` when it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
    pub fn parse(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shape_ok {
            return Err(format!("`{text}` is not a date of the form YYYY-MM-DD"));
        }
        // Fixed positions, digits checked above: no format string to interpret (it was ~5% of a
        // parse). `chrono_parse` below is the reference it is property-tested against.
        let digit = |i: usize| bytes.get(i).map_or(0, |b| u32::from(b.wrapping_sub(b'0')));
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
        let month = digit(5) * 10 + digit(6);
        let day = digit(8) * 10 + digit(9);
        i32::try_from(year)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
            .map(Date)
            .ok_or_else(|| format!("`{text}` is not a date that exists"))
    }

    /// The former parse through chrono's format string, kept as the reference of the
    /// property tests of [`Date::parse`].
    #[cfg(test)]
    fn chrono_parse(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shape_ok {
            return Err(format!("`{text}` is not a date of the form YYYY-MM-DD"));
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Date)
            .map_err(|_| format!("`{text}` is not a date that exists"))
    }

    /// The chrono date.
    pub fn naive(self) -> NaiveDate {
        self.0
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The quarter, 1–4.
    pub fn quarter(self) -> u32 {
        (self.0.month() - 1) / 3 + 1
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        self.0.weekday()
    }

    /// The next day, or `None` at the end of chrono's range.
    pub fn succ(self) -> Option<Date> {
        self.0.succ_opt().map(Date)
    }

    /// This date moved by `days` (negative moves back); `None` outside chrono's range.
    pub fn add_days(self, days: i64) -> Option<Date> {
        let magnitude = Days::new(days.unsigned_abs());
        if days >= 0 {
            self.0.checked_add_days(magnitude).map(Date)
        } else {
            self.0.checked_sub_days(magnitude).map(Date)
        }
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// The Monday of this date's week (weeks run Monday to Sunday, as in China's working week).
    pub fn week_start(self) -> Date {
        let back = i64::from(self.0.weekday().num_days_from_monday());
        self.add_days(-back).unwrap_or(self)
    }
}

impl From<NaiveDate> for Date {
    fn from(d: NaiveDate) -> Self {
        Date(d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_str(d, Date::parse, Date(NaiveDate::default()))
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

/// A local wall-clock time, written `HH:MM` (00:00–23:59) in documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime(u16);

impl LocalTime {
    /// Midnight, `00:00`.
    pub const MIDNIGHT: LocalTime = LocalTime(0);

    /// The time `hour`:`minute`, or `None` when it does not exist.
    pub const fn from_hm(hour: u16, minute: u16) -> Option<LocalTime> {
        if hour < 24 && minute < 60 {
            Some(LocalTime(hour * 60 + minute))
        } else {
            None
        }
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }

    /// Parses `HH:MM` strictly.
    pub fn parse(text: &str) -> Result<LocalTime, String> {
        let bad = || format!("`{text}` is not a local time of the form HH:MM (00:00 to 23:59)");
        let bytes = text.as_bytes();
        if bytes.len() != 5 || bytes.get(2) != Some(&b':') {
            return Err(bad());
        }
        let pair = |i: usize| match (bytes.get(i), bytes.get(i + 1)) {
            (Some(a @ b'0'..=b'9'), Some(b @ b'0'..=b'9')) => {
                Some(u16::from(a - b'0') * 10 + u16::from(b - b'0'))
            }
            _ => None,
        };
        let hour = pair(0).ok_or_else(bad)?;
        let minute = pair(3).ok_or_else(bad)?;
        LocalTime::from_hm(hour, minute).ok_or_else(bad)
    }
}

/// Reads a date or time from a string value without copying it where the deserialiser lends it
/// (serde's `Cow<str>` always copies): `parse` it, or [`read_or_defer`] when it is impossible.
/// Refuses other types as serde's `String` does ("expected a string"), so the messages of bad
/// input are the same.
fn read_str<'de, D: Deserializer<'de>, T>(
    d: D,
    parse: fn(&str) -> Result<T, String>,
    stand_in: T,
) -> Result<T, D::Error> {
    struct Text<T> {
        parse: fn(&str) -> Result<T, String>,
        stand_in: T,
    }
    impl<T> serde::de::Visitor<'_> for Text<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            read_or_defer(v, (self.parse)(v), self.stand_in)
        }
        fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<T, E> {
            match std::str::from_utf8(v) {
                Ok(s) => self.visit_str(s),
                Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(v), &self)),
            }
        }
    }
    d.deserialize_string(Text { parse, stand_in })
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for LocalTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_str(d, LocalTime::parse, LocalTime::MIDNIGHT)
    }
}

impl JsonSchema for LocalTime {
    fn schema_name() -> Cow<'static, str> {
        "LocalTime".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "description": "A local time, HH:MM, 00:00 to 23:59."
        })
    }
}

/// An inclusive range of dates, `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    /// First day, inclusive.
    pub from: Date,
    /// Last day, inclusive.
    pub to: Date,
}

impl DateRange {
    /// The range `from`..=`to` (not checked: see [`DateRange::is_valid`]).
    pub fn new(from: Date, to: Date) -> DateRange {
        DateRange { from, to }
    }

    /// The whole calendar year.
    pub fn year(year: i32) -> Option<DateRange> {
        Some(DateRange {
            from: Date::from_ymd(year, 1, 1)?,
            to: Date::from_ymd(year, 12, 31)?,
        })
    }

    /// True when `from` is not after `to`.
    pub fn is_valid(&self) -> bool {
        self.from <= self.to
    }

    /// True when `date` lies in the range.
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// The overlap of two ranges, if any.
    pub fn intersect(&self, other: &DateRange) -> Option<DateRange> {
        let r = DateRange {
            from: self.from.max(other.from),
            to: self.to.min(other.to),
        };
        r.is_valid().then_some(r)
    }

    /// Every date of the range, in order.
    pub fn days(&self) -> impl Iterator<Item = Date> + '_ {
        let to = self.to;
        std::iter::successors(Some(self.from), move |d| d.succ().filter(|n| *n <= to))
            .take_while(move |d| *d <= to)
    }

    /// Number of days in the range (0 when inverted).
    pub fn len_days(&self) -> i64 {
        (self.from.days_until(self.to) + 1).max(0)
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}

/// How often an obligation recurs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Each day the person is on duty (see the policy's `daily_duty_days`).
    WorkingDay,
    /// Each week, Monday to Sunday.
    Week,
    /// Each calendar month.
    Month,
    /// Each calendar quarter.
    Quarter,
    /// Each calendar year.
    Year,
    /// Each occurrence of an event (a duty shift, leaving a grid).
    EachEvent,
}

impl PeriodKind {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            PeriodKind::WorkingDay => "每个工作日",
            PeriodKind::Week => "每周",
            PeriodKind::Month => "每月",
            PeriodKind::Quarter => "每季度",
            PeriodKind::Year => "每年",
            PeriodKind::EachEvent => "每次",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            PeriodKind::WorkingDay => "each working day",
            PeriodKind::Week => "each week",
            PeriodKind::Month => "each month",
            PeriodKind::Quarter => "each quarter",
            PeriodKind::Year => "each year",
            PeriodKind::EachEvent => "each occurrence",
        }
    }

    /// The calendar instances of this period that overlap `range`, each clipped to `range`.
    /// Daily instances are every day; callers keep the duty days. `EachEvent` has none.
    pub fn instances(self, range: DateRange) -> Vec<DateRange> {
        let mut out = Vec::new();
        if !range.is_valid() || self == PeriodKind::EachEvent {
            return out;
        }
        let mut start = range.from;
        loop {
            let natural_end = match self {
                PeriodKind::WorkingDay | PeriodKind::EachEvent => Some(start),
                PeriodKind::Week => start.week_start().add_days(6),
                PeriodKind::Month => month_end(start),
                PeriodKind::Quarter => quarter_end(start),
                PeriodKind::Year => Date::from_ymd(start.year(), 12, 31),
            };
            let Some(natural_end) = natural_end else {
                break;
            };
            let end = natural_end.min(range.to);
            out.push(DateRange::new(start, end));
            match end.succ() {
                Some(next) if next <= range.to => start = next,
                _ => break,
            }
        }
        out
    }
}

/// The last day of `date`'s month.
pub fn month_end(date: Date) -> Option<Date> {
    let (y, m) = (date.year(), date.month());
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    Date::from_ymd(ny, nm, 1)?.add_days(-1)
}

fn quarter_end(date: Date) -> Option<Date> {
    let last_month = date.quarter() * 3;
    month_end(Date::from_ymd(date.year(), last_month, 1)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_are_strict() {
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2023-1-05").is_err());
        assert!(Date::parse("+2023-01-05").is_err());
        assert_eq!(d("2023-04-23").to_string(), "2023-04-23");
    }

    #[test]
    fn times_are_strict() {
        assert_eq!(LocalTime::parse("08:30").unwrap().minutes(), 510);
        assert!(LocalTime::parse("24:00").is_err());
        assert!(LocalTime::parse("8:30").is_err());
        assert!(LocalTime::parse("08:60").is_err());
        assert!(LocalTime::parse("０8:30").is_err());
    }

    /// The former `LocalTime::parse`, the reference of the property test below.
    fn old_time_parse(text: &str) -> Result<LocalTime, String> {
        fn parse_digits(text: &str) -> Option<u16> {
            if text.bytes().all(|b| b.is_ascii_digit()) {
                text.parse().ok()
            } else {
                None
            }
        }
        let bad = || format!("`{text}` is not a local time of the form HH:MM (00:00 to 23:59)");
        let bytes = text.as_bytes();
        if bytes.len() != 5 || bytes.get(2) != Some(&b':') {
            return Err(bad());
        }
        let hour = text.get(0..2).and_then(parse_digits).ok_or_else(bad)?;
        let minute = text.get(3..5).and_then(parse_digits).ok_or_else(bad)?;
        LocalTime::from_hm(hour, minute).ok_or_else(bad)
    }

    proptest::proptest! {
        #[test]
        fn fixed_format_dates_match_chrono_on_any_text(s in "\\PC{0,12}") {
            proptest::prop_assert_eq!(Date::parse(&s), Date::chrono_parse(&s));
        }

        #[test]
        fn fixed_format_dates_match_chrono_on_date_shapes(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            proptest::prop_assert_eq!(Date::parse(&s), Date::chrono_parse(&s));
        }

        #[test]
        fn fixed_format_dates_match_chrono_near_real_dates(
            y in 0u32..10_000, m in 0u32..14, d in 0u32..33, sep in "[-/. 0]",
        ) {
            let s = format!("{y:04}-{m:02}-{d:02}");
            proptest::prop_assert_eq!(Date::parse(&s), Date::chrono_parse(&s));
            let t = s.replacen('-', &sep, 1);
            proptest::prop_assert_eq!(Date::parse(&t), Date::chrono_parse(&t));
        }

        #[test]
        fn fixed_format_times_match_the_former_parse(s in "([0-9]{2}:[0-9]{2}|\\PC{0,6})") {
            proptest::prop_assert_eq!(LocalTime::parse(&s), old_time_parse(&s));
        }

        #[test]
        fn fixed_format_times_match_near_real_times(h in 0u32..100, m in 0u32..100) {
            let s = format!("{h:02}:{m:02}");
            proptest::prop_assert_eq!(LocalTime::parse(&s), old_time_parse(&s));
        }
    }

    #[test]
    fn dates_and_times_deserialise_borrowed_or_owned_with_the_same_messages() {
        // Escaped text reaches the visitor owned, plain text borrowed: the same value.
        let plain: Date = serde_json::from_str("\"2023-04-23\"").unwrap();
        let escaped: Date = serde_json::from_str("\"2023\\u002d04-23\"").unwrap();
        assert_eq!(plain, escaped);
        let t: LocalTime = serde_json::from_value(serde_json::json!("08:30")).unwrap();
        assert_eq!(t.minutes(), 510);
        // Other types are refused as serde's `String` refuses them.
        let e = serde_json::from_str::<Date>("5").unwrap_err().to_string();
        assert_eq!(
            e,
            "invalid type: integer `5`, expected a string at line 1 column 1"
        );
        let e = serde_json::from_str::<LocalTime>("null")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "invalid type: null, expected a string at line 1 column 4"
        );
        let e = serde_json::from_str::<Date>("\"2023-02-29\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`2023-02-29` is not a date that exists"), "{e}");
    }

    #[test]
    fn month_instances_end_on_the_months_last_day() {
        let r = DateRange::new(d("2024-01-15"), d("2024-03-31"));
        let months = PeriodKind::Month.instances(r);
        assert_eq!(months.len(), 3);
        assert_eq!(months[0], DateRange::new(d("2024-01-15"), d("2024-01-31")));
        assert_eq!(months[1], DateRange::new(d("2024-02-01"), d("2024-02-29")));
        assert_eq!(months[2].to, d("2024-03-31"));
    }

    #[test]
    fn quarter_instances_end_on_quarter_ends() {
        let qs = PeriodKind::Quarter.instances(DateRange::year(2023).unwrap());
        let ends: Vec<String> = qs.iter().map(|q| q.to.to_string()).collect();
        assert_eq!(
            ends,
            ["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"]
        );
    }

    #[test]
    fn weeks_run_monday_to_sunday_and_are_clipped() {
        let weeks = PeriodKind::Week.instances(DateRange::year(2023).unwrap());
        // 2023-01-01 is a Sunday: the first week is that one day.
        assert_eq!(weeks[0], DateRange::new(d("2023-01-01"), d("2023-01-01")));
        assert_eq!(weeks[1], DateRange::new(d("2023-01-02"), d("2023-01-08")));
        assert_eq!(weeks.last().unwrap().to, d("2023-12-31"));
    }
}
