//! The attendance section of a policy (3.3, 3.4, 3.6.1): the community's working hours and every
//! open value of attendance — grace minutes, an optional local rule counting long lateness or
//! early leave as absence (none in the Xincheng default: the measures keep 迟到, 早退 and 无故缺勤
//! apart), whether a notice the clock records contradict counts, and who the community's
//! responsible person is.
//!
//! None of these numbers is in the measures: 3.3 says only that workers keep "the working hours
//! the community sets" (本社区规定的作息制度). Each is a [`Choice`] with the clause it interprets
//! and a note saying it is a local choice.

use crate::error::{ErrorKind, Problem};
use crate::policy::choice::{Choice, check_choice};
use crate::time::{Date, LocalTime};
use chrono::Datelike;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

/// The attendance section of a policy document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendancePolicy {
    /// The communities' working hours (作息制度, 3.3): effective-dated, seasonal schedules, each
    /// for every community or for the communities it names.
    pub working_hours: Choice<Vec<WorkingHours>>,
    /// Minutes after a session's start within which arrival still counts as on time
    /// (inclusive: arriving exactly this many minutes after the start is on time) (3.6.1).
    pub late_grace_minutes: Choice<u32>,
    /// Minutes before a session's end within which leaving still counts as on time
    /// (inclusive) (3.6.1).
    pub early_leave_grace_minutes: Choice<u32>,
    /// The local rule counting long lateness or early leave as absence without reason
    /// (迟到、早退超过N分钟按旷工半天计) (3.3, 3.6.1), or `null` for none. The measures keep
    /// 迟到, 早退 (3.6.1) and 无故缺勤 (3.3) apart; without this rule a late arrival is only
    /// ever a late arrival, however late.
    pub late_or_early_counts_as_absence: Choice<Option<LateAsAbsence>>,
    /// Whether a notice of criticism (3.4) that the clock records contradict counts against
    /// the worker until it is settled (its reason line says it is contradicted either way).
    pub contradicted_notice_counts: Choice<bool>,
    /// Who the community's responsible person (社区负责人) named in spot-check criticisms is
    /// (3.4).
    pub responsible_person: Choice<ResponsiblePerson>,
}

/// A local rule converting long lateness or early leave into absence without reason (3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LateAsAbsence {
    /// Lateness and early leave beyond the grace in one session adding up to at least this
    /// many minutes (inclusive) count that session as half a day of absence (按旷工半天计).
    pub half_day_at_minutes: u32,
    /// Lateness and early leave beyond the grace over one day adding up to at least this many
    /// minutes (inclusive) count the whole day as absence (按旷工一天计); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_day_at_minutes: Option<u32>,
    /// First day the rule is in force; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<Date>,
}

impl LateAsAbsence {
    /// True when the rule is in force on `date`.
    pub fn in_force(&self, date: Date) -> bool {
        self.effective_from.is_none_or(|f| f <= date)
    }
}

/// Who receives the community's notice of criticism after a spot check (3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResponsiblePerson {
    /// The community's `responsible_person` when the organisation names one, otherwise its
    /// Party secretary.
    NamedElsePartySecretary,
    /// Always the community's Party secretary.
    PartySecretary,
}

impl ResponsiblePerson {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ResponsiblePerson::NamedElsePartySecretary => {
                "社区指定的负责人，未指定时为社区党组织书记"
            }
            ResponsiblePerson::PartySecretary => "社区党组织书记",
        }
    }
}

/// One schedule of working hours: a morning and an afternoon session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingHours {
    /// Stable ID, unique in the policy, such as `summer`.
    pub id: String,
    /// Chinese name, such as 夏季作息.
    pub name_zh: String,
    /// The communities it is for; every community when empty. A schedule naming a community
    /// wins over one naming none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communities: Vec<String>,
    /// The part of each year it is for; the whole year when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season: Option<Season>,
    /// First day in force; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<Date>,
    /// Last day in force; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<Date>,
    /// The morning session (上午).
    pub morning: Session,
    /// The afternoon session (下午).
    pub afternoon: Session,
}

impl WorkingHours {
    /// True when this schedule is in force on `date` (season and effective dates).
    pub fn in_force(&self, date: Date) -> bool {
        self.effective_from.is_none_or(|f| f <= date)
            && self.effective_to.is_none_or(|t| date <= t)
            && self.season.is_none_or(|s| s.contains(date))
    }

    /// True when the schedule is for `community` (names it, or names none).
    pub fn is_for(&self, community: &str) -> bool {
        self.communities.is_empty() || self.communities.iter().any(|c| c == community)
    }

    /// The two sessions, morning first.
    pub fn sessions(&self) -> [Session; 2] {
        [self.morning, self.afternoon]
    }
}

/// A working session, `start` to `end` the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Start, `HH:MM`.
    pub start: LocalTime,
    /// End, `HH:MM`, after `start`.
    pub end: LocalTime,
}

impl Session {
    /// True when `t` lies in the session, both ends included.
    pub fn contains(&self, t: LocalTime) -> bool {
        self.start <= t && t <= self.end
    }
}

/// A part of each year, `from` to `to` inclusive; it may run over the new year (`10-01` to
/// `04-30`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Season {
    /// First day, `MM-DD`.
    pub from: MonthDay,
    /// Last day, `MM-DD`.
    pub to: MonthDay,
}

impl Season {
    /// True when `date` falls in the season.
    pub fn contains(&self, date: Date) -> bool {
        let d = MonthDay {
            month: date.month(),
            day: date.naive().day(),
        };
        if self.from <= self.to {
            self.from <= d && d <= self.to
        } else {
            d >= self.from || d <= self.to
        }
    }
}

/// A day of the year, written `MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    month: u32,
    day: u32,
}

impl MonthDay {
    /// `month`-`day`, or `None` when no year has it (02-29 is allowed).
    pub fn new(month: u32, day: u32) -> Option<MonthDay> {
        Date::from_ymd(2024, month, day).map(|_| MonthDay { month, day })
    }

    /// Parses `MM-DD` strictly.
    pub fn parse(text: &str) -> Result<MonthDay, String> {
        let bad = || format!("`{text}` is not a day of the year of the form MM-DD");
        let bytes = text.as_bytes();
        if bytes.len() != 5
            || bytes.get(2) != Some(&b'-')
            || !bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 2 || b.is_ascii_digit())
        {
            return Err(bad());
        }
        let month = text
            .get(0..2)
            .and_then(|s| s.parse().ok())
            .ok_or_else(bad)?;
        let day = text
            .get(3..5)
            .and_then(|s| s.parse().ok())
            .ok_or_else(bad)?;
        MonthDay::new(month, day).ok_or_else(bad)
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl Serialize for MonthDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(d)?;
        let stand_in = MonthDay { month: 1, day: 1 };
        crate::time::read_or_defer(&text, MonthDay::parse(&text), stand_in)
    }
}

impl JsonSchema for MonthDay {
    fn schema_name() -> Cow<'static, str> {
        "MonthDay".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            "description": "A day of the year, MM-DD."
        })
    }
}

impl AttendancePolicy {
    /// Every problem with this section (empty when valid); `at` is its JSON path.
    pub fn validate(&self, at: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.check_choices(at, &mut problems);
        self.check_absence_rule(at, &mut problems);
        self.check_working_hours(at, &mut problems);
        problems
    }

    /// Each local choice names its clause and says why (a note).
    fn check_choices(&self, at: &str, problems: &mut Vec<Problem>) {
        let choices = [
            (
                &self.working_hours.clause,
                &self.working_hours.note,
                "working_hours",
            ),
            (
                &self.late_grace_minutes.clause,
                &self.late_grace_minutes.note,
                "late_grace_minutes",
            ),
            (
                &self.early_leave_grace_minutes.clause,
                &self.early_leave_grace_minutes.note,
                "early_leave_grace_minutes",
            ),
            (
                &self.late_or_early_counts_as_absence.clause,
                &self.late_or_early_counts_as_absence.note,
                "late_or_early_counts_as_absence",
            ),
            (
                &self.contradicted_notice_counts.clause,
                &self.contradicted_notice_counts.note,
                "contradicted_notice_counts",
            ),
            (
                &self.responsible_person.clause,
                &self.responsible_person.note,
                "responsible_person",
            ),
        ];
        for (clause, note, field) in choices {
            check_choice(clause, note, &format!("{at}.{field}"), problems);
        }
    }

    /// Lateness counted as absence (3.3): half a day after the grace minutes, a whole day not
    /// before half a day.
    fn check_absence_rule(&self, at: &str, problems: &mut Vec<Problem>) {
        let invalid =
            |msg: String, path: String| Problem::new(ErrorKind::InvalidPolicy, msg).at(path);
        if let Some(rule) = &self.late_or_early_counts_as_absence.value {
            let here = format!("{at}.late_or_early_counts_as_absence.value");
            let half = rule.half_day_at_minutes;
            if half == 0
                || half <= self.late_grace_minutes.value
                || half <= self.early_leave_grace_minutes.value
            {
                problems.push(invalid(
                    format!(
                        "lateness counted as half a day of absence at `{half}` minutes must be more than the grace minutes (3.3)"
                    ),
                    format!("{here}.half_day_at_minutes"),
                ));
            }
            if let Some(whole) = rule.whole_day_at_minutes {
                if whole < half {
                    problems.push(invalid(
                        format!("lateness counted as a whole day of absence at `{whole}` minutes is less than half a day at `{half}` (3.3)"),
                        format!("{here}.whole_day_at_minutes"),
                    ));
                }
            }
        }
    }

    /// The working hours (3.3): at least one schedule, unique IDs, sessions and dates in order.
    fn check_working_hours(&self, at: &str, problems: &mut Vec<Problem>) {
        let invalid =
            |msg: String, path: String| Problem::new(ErrorKind::InvalidPolicy, msg).at(path);
        if self.working_hours.value.is_empty() {
            problems.push(invalid(
                "no working hours are given (3.3)".into(),
                format!("{at}.working_hours.value"),
            ));
        }
        let mut ids = BTreeSet::new();
        for (i, w) in self.working_hours.value.iter().enumerate() {
            let here = format!("{at}.working_hours.value[{i}]");
            if w.id.trim().is_empty() {
                problems.push(invalid(
                    "a working-hours `id` is empty".into(),
                    format!("{here}.id"),
                ));
            } else if !ids.insert(w.id.as_str()) {
                problems.push(
                    Problem::new(
                        ErrorKind::DuplicateId,
                        format!("working-hours ID `{}` is used twice", w.id),
                    )
                    .at(format!("{here}.id"))
                    .record(&w.id),
                );
            }
            let ordered = w.morning.start < w.morning.end
                && w.morning.end <= w.afternoon.start
                && w.afternoon.start < w.afternoon.end;
            if !ordered {
                problems.push(
                    Problem::new(
                        ErrorKind::InvalidTime,
                        format!(
                            "working hours `{}` are not in order: morning `{}`–`{}`, afternoon `{}`–`{}`",
                            w.id, w.morning.start, w.morning.end, w.afternoon.start, w.afternoon.end
                        ),
                    )
                    .at(here.clone())
                    .record(&w.id),
                );
            }
            if let (Some(from), Some(to)) = (w.effective_from, w.effective_to) {
                if to < from {
                    problems.push(
                        Problem::new(
                            ErrorKind::InvalidTime,
                            format!(
                                "working hours `{}` end on `{to}` before they start on `{from}`",
                                w.id
                            ),
                        )
                        .at(format!("{here}.effective_to"))
                        .record(&w.id)
                        .on(to),
                    );
                }
            }
        }
    }

    /// The working hours of `community` on `date`: a schedule naming the community wins over
    /// one naming none; none or two at the same level is a policy error.
    pub fn hours_on(&self, community: &str, date: Date) -> Result<&WorkingHours, Problem> {
        // The first two candidates are all it takes (asked once a worker and day: no list).
        let list = &self.working_hours.value;
        let mut specific = list
            .iter()
            .filter(|w| w.communities.iter().any(|c| c == community) && w.in_force(date));
        let candidates = match specific.next() {
            Some(first) => [Some(first), specific.next()],
            None => {
                let mut general = list
                    .iter()
                    .filter(|w| w.communities.is_empty() && w.in_force(date));
                [general.next(), general.next()]
            }
        };
        match candidates {
            [Some(one), None] => Ok(one),
            [None, _] => Err(Problem::new(
                ErrorKind::InvalidPolicy,
                format!("no working hours (3.3) cover community `{community}` on `{date}`"),
            )
            .at("attendance.working_hours")
            .on(date)),
            [Some(a), Some(b)] => Err(Problem::new(
                ErrorKind::InvalidPolicy,
                format!(
                    "working hours `{}` and `{}` both cover community `{community}` on `{date}` (3.3)",
                    a.id, b.id
                ),
            )
            .at("attendance.working_hours")
            .on(date)),
        }
    }
}
