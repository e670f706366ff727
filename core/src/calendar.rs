//! The working-day calendar: weekends, China's statutory holidays and make-up working days.
//!
//! The national data (2022–2026) is embedded from `data/cn-2022-2026.json`, a copy of
//! `shared/calendar/cn-2022-2026.json` (source: the State Council General Office's annual holiday
//! notices 国务院办公厅关于部分节假日安排的通知, as compiled in the PyPI package
//! chinese-calendar 1.11.0, MIT). A policy may add further years, local closures and extra
//! working days ([`CalendarExtension`]). A date in a year the calendar does not know is an
//! error, never a guess.

use crate::error::{Error, ErrorKind, Problem};
use crate::time::Date;
use chrono::Weekday;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

const NATIONAL: &str = include_str!("../data/cn-2022-2026.json");

/// A statutory holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The day off.
    pub date: Date,
    /// English name of the holiday.
    #[serde(default)]
    pub name: String,
    /// Chinese name of the holiday (元旦, 春节, ...).
    pub name_zh: String,
}

/// A make-up working day (调休上班): a Saturday or Sunday worked in exchange for a holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MakeUpWorkday {
    /// The weekend day that is worked.
    pub date: Date,
    /// English name of the holiday it makes up for.
    #[serde(default, rename = "for")]
    pub for_holiday: String,
    /// Chinese name of the holiday it makes up for.
    pub for_zh: String,
}

/// The holidays and make-up days of one year, for years the national data lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearCalendar {
    /// The year these dates cover; every date must fall in it.
    pub year: i32,
    /// Statutory holidays of the year.
    #[serde(default)]
    pub holidays: Vec<Holiday>,
    /// Make-up working days of the year.
    #[serde(default)]
    pub makeup_workdays: Vec<MakeUpWorkday>,
}

/// A day the subdistrict closes although the national calendar works (a local choice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalDay {
    /// The date.
    pub date: Date,
    /// Why (shown in reports).
    pub reason: String,
}

/// What a policy adds to the national calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarExtension {
    /// Further years (2027 onwards, or earlier ones), each complete.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_years: Vec<YearCalendar>,
    /// Days off decided locally (typhoon closure, local festival).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_closures: Vec<LocalDay>,
    /// Rest days worked by local decision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_working_days: Vec<LocalDay>,
}

#[derive(Deserialize)]
struct National {
    #[allow(dead_code, reason = "kept in the embedded file for readers")]
    source: String,
    years: Vec<i32>,
    holidays: Vec<Holiday>,
    makeup_workdays: Vec<MakeUpWorkday>,
}

/// What kind of day a date is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayKind {
    /// Monday to Friday, no holiday.
    Weekday,
    /// Saturday or Sunday, no make-up.
    Weekend,
    /// A statutory holiday.
    Holiday {
        /// Chinese name of the holiday.
        name_zh: String,
    },
    /// A weekend day worked to make up for a holiday.
    MakeUpWorkday {
        /// Chinese name of the holiday made up for.
        for_zh: String,
    },
    /// A local closure from the policy.
    LocalClosure {
        /// The reason given.
        reason: String,
    },
    /// A rest day worked by local decision.
    ExtraWorkingDay {
        /// The reason given.
        reason: String,
    },
}

impl DayKind {
    /// True for days people work.
    pub fn is_working(&self) -> bool {
        matches!(
            self,
            DayKind::Weekday | DayKind::MakeUpWorkday { .. } | DayKind::ExtraWorkingDay { .. }
        )
    }

    /// Chinese label.
    pub fn label_zh(&self) -> &'static str {
        match self {
            DayKind::Weekday => "工作日",
            DayKind::Weekend => "周末",
            DayKind::Holiday { .. } => "法定节假日",
            DayKind::MakeUpWorkday { .. } => "调休上班",
            DayKind::LocalClosure { .. } => "本地休息日",
            DayKind::ExtraWorkingDay { .. } => "本地加班日",
        }
    }
}

/// The working-day calendar in force under a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeSet<i32>,
    holidays: BTreeMap<Date, String>,
    makeup: BTreeMap<Date, String>,
    closures: BTreeMap<Date, String>,
    extra: BTreeMap<Date, String>,
}

impl Calendar {
    /// The national calendar, 2022–2026, with nothing added.
    pub fn national() -> Calendar {
        static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        CAL.get_or_init(|| {
            #[expect(
                clippy::expect_used,
                reason = "embedded at build time and parsed by a unit test"
            )]
            let n: National = serde_json::from_str(NATIONAL).expect("embedded calendar parses");
            Calendar {
                years: n.years.into_iter().collect(),
                holidays: n
                    .holidays
                    .into_iter()
                    .map(|h| (h.date, h.name_zh))
                    .collect(),
                makeup: n
                    .makeup_workdays
                    .into_iter()
                    .map(|m| (m.date, m.for_zh))
                    .collect(),
                closures: BTreeMap::new(),
                extra: BTreeMap::new(),
            }
        })
        .clone()
    }

    /// The national calendar with a policy's additions; every inconsistency is reported.
    pub fn with_extension(ext: &CalendarExtension, path: &str) -> Result<Calendar, Error> {
        let mut cal = Calendar::national();
        let mut problems = Vec::new();
        for (i, y) in ext.extra_years.iter().enumerate() {
            let here = format!("{path}.extra_years[{i}]");
            if !cal.years.insert(y.year) {
                problems.push(
                    Problem::new(
                        ErrorKind::InvalidPolicy,
                        format!("year `{}` is already in the calendar", y.year),
                    )
                    .at(here.clone()),
                );
            }
            for (j, h) in y.holidays.iter().enumerate() {
                if h.date.year() != y.year {
                    problems.push(outside_year(
                        &h.date,
                        y.year,
                        format!("{here}.holidays[{j}]"),
                    ));
                }
                cal.holidays.insert(h.date, h.name_zh.clone());
            }
            for (j, m) in y.makeup_workdays.iter().enumerate() {
                if m.date.year() != y.year {
                    problems.push(outside_year(
                        &m.date,
                        y.year,
                        format!("{here}.makeup_workdays[{j}]"),
                    ));
                }
                cal.makeup.insert(m.date, m.for_zh.clone());
            }
        }
        for (i, c) in ext.local_closures.iter().enumerate() {
            cal.closures.insert(c.date, c.reason.clone());
            if !cal.years.contains(&c.date.year()) {
                problems.push(unknown_year(c.date).at(format!("{path}.local_closures[{i}].date")));
            }
        }
        for (i, c) in ext.extra_working_days.iter().enumerate() {
            if cal.closures.contains_key(&c.date) {
                problems.push(
                    Problem::new(
                        ErrorKind::InvalidPolicy,
                        format!(
                            "`{}` is both a local closure and an extra working day",
                            c.date
                        ),
                    )
                    .at(format!("{path}.extra_working_days[{i}].date"))
                    .on(c.date),
                );
            }
            if !cal.years.contains(&c.date.year()) {
                problems
                    .push(unknown_year(c.date).at(format!("{path}.extra_working_days[{i}].date")));
            }
            cal.extra.insert(c.date, c.reason.clone());
        }
        Error::check(problems)?;
        Ok(cal)
    }

    /// The years this calendar knows.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    /// True when the calendar knows `year`.
    pub fn knows_year(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// What kind of day `date` is. Local decisions come first, then the national calendar.
    ///
    /// ```
    /// use wangge::{calendar::Calendar, Date};
    /// let cal = Calendar::national();
    /// // 2023-04-23 is a Sunday worked to make up for Labour Day.
    /// assert!(cal.is_working_day(Date::parse("2023-04-23").unwrap()).unwrap());
    /// // 2023-05-01 is Labour Day.
    /// assert!(!cal.is_working_day(Date::parse("2023-05-01").unwrap()).unwrap());
    /// // 2031 is not in the calendar: an error, not a guess.
    /// assert!(cal.is_working_day(Date::parse("2031-05-06").unwrap()).is_err());
    /// ```
    pub fn day_kind(&self, date: Date) -> Result<DayKind, Error> {
        if !self.years.contains(&date.year()) {
            return Err(unknown_year(date).into());
        }
        if let Some(reason) = self.closures.get(&date) {
            return Ok(DayKind::LocalClosure {
                reason: reason.clone(),
            });
        }
        if let Some(reason) = self.extra.get(&date) {
            return Ok(DayKind::ExtraWorkingDay {
                reason: reason.clone(),
            });
        }
        if let Some(name) = self.holidays.get(&date) {
            return Ok(DayKind::Holiday {
                name_zh: name.clone(),
            });
        }
        if let Some(name) = self.makeup.get(&date) {
            return Ok(DayKind::MakeUpWorkday {
                for_zh: name.clone(),
            });
        }
        Ok(match date.weekday() {
            Weekday::Sat | Weekday::Sun => DayKind::Weekend,
            _ => DayKind::Weekday,
        })
    }

    /// True when people work on `date`; an error for a year the calendar does not know.
    pub fn is_working_day(&self, date: Date) -> Result<bool, Error> {
        self.day_kind(date).map(|k| k.is_working())
    }
}

fn unknown_year(date: Date) -> Problem {
    Problem::new(
        ErrorKind::OutsideCalendar,
        format!(
            "`{date}` is in {}, a year the working-day calendar does not know",
            date.year()
        ),
    )
    .on(date)
}

fn outside_year(date: &Date, year: i32, path: String) -> Problem {
    Problem::new(
        ErrorKind::InvalidPolicy,
        format!("`{date}` is not in the year `{year}` it is listed under"),
    )
    .at(path)
    .on(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn national_calendar_knows_2022_to_2026() {
        let cal = Calendar::national();
        assert_eq!(
            cal.years().collect::<Vec<_>>(),
            [2022, 2023, 2024, 2025, 2026]
        );
    }

    #[test]
    fn make_up_saturday_is_a_working_day() {
        let cal = Calendar::national();
        // 2023-04-23 (Sunday) and 2023-05-06 (Saturday) make up for Labour Day 2023.
        assert_eq!(
            cal.day_kind(d("2023-05-06")).unwrap(),
            DayKind::MakeUpWorkday {
                for_zh: "劳动节".into()
            }
        );
        assert!(cal.is_working_day(d("2023-05-06")).unwrap());
        assert!(!cal.is_working_day(d("2023-05-13")).unwrap());
    }

    #[test]
    fn holiday_monday_is_not_a_working_day() {
        let cal = Calendar::national();
        assert!(!cal.is_working_day(d("2023-05-01")).unwrap());
        assert!(cal.is_working_day(d("2023-05-04")).unwrap());
    }

    #[test]
    fn unknown_year_is_an_error() {
        let err = Calendar::national()
            .is_working_day(d("2021-12-31"))
            .unwrap_err();
        assert_eq!(err.kind(), Some(ErrorKind::OutsideCalendar));
        assert_eq!(err.problems()[0].date.as_deref(), Some("2021-12-31"));
    }

    #[test]
    fn policy_adds_a_year_and_local_days() {
        let ext = CalendarExtension {
            extra_years: vec![YearCalendar {
                year: 2027,
                holidays: vec![Holiday {
                    date: d("2027-01-01"),
                    name: String::new(),
                    name_zh: "元旦".into(),
                }],
                makeup_workdays: vec![],
            }],
            local_closures: vec![LocalDay {
                date: d("2023-07-20"),
                reason: "台风停工".into(),
            }],
            extra_working_days: vec![LocalDay {
                date: d("2023-07-22"),
                reason: "防汛值守".into(),
            }],
        };
        let cal = Calendar::with_extension(&ext, "calendar").unwrap();
        assert!(!cal.is_working_day(d("2027-01-01")).unwrap());
        assert!(cal.is_working_day(d("2027-01-04")).unwrap());
        assert!(!cal.is_working_day(d("2023-07-20")).unwrap());
        assert!(cal.is_working_day(d("2023-07-22")).unwrap());
    }

    #[test]
    fn extra_year_with_a_misplaced_date_is_refused() {
        let ext = CalendarExtension {
            extra_years: vec![YearCalendar {
                year: 2027,
                holidays: vec![Holiday {
                    date: d("2028-01-01"),
                    name: String::new(),
                    name_zh: "元旦".into(),
                }],
                makeup_workdays: vec![],
            }],
            ..Default::default()
        };
        let err = Calendar::with_extension(&ext, "calendar").unwrap_err();
        assert_eq!(
            err.problems()[0].path.as_deref(),
            Some("calendar.extra_years[0].holidays[0]")
        );
    }
}
