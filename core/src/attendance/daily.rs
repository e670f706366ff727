//! The daily class of each worker on each day (3.3, 3.6.1): from the community's working hours,
//! the clock events, leave and duty shifts.

use super::policy::{AttendancePolicy, Session, WorkingHours};
use super::records::{ClockDirection, ClockEvent, LeaveKind};
use super::{Anomaly, AnomalyKind, AttendanceDay, DayClass};
use crate::records::{DutyShift, Leave};
use crate::time::{Date, LocalTime};

/// A span of presence from a clock-in to its clock-out (or to the end of the day when the
/// clock-out is missing).
pub(crate) type Span = (LocalTime, LocalTime);

/// What the clock shows of one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SessionResult {
    /// The session.
    pub session: Session,
    /// Some presence overlaps the session.
    pub attended: bool,
    /// Minutes after the start of the first arrival (0 when on time or not attended).
    pub late: u32,
    /// Minutes before the end of the last departure.
    pub early: u32,
}

/// What the clock shows of one day, kept for the spot checks (3.4).
#[derive(Debug, Clone)]
pub(crate) struct ClockDay {
    /// Spans of presence, including an open one to the end of the day.
    pub spans: Vec<Span>,
    /// The sessions of the day's working hours (empty on a rest day).
    pub sessions: Vec<SessionResult>,
    /// IDs of the day's clock events, by time.
    pub events: Vec<String>,
}

impl ClockDay {
    /// True when the clock shows the person present at `t`.
    pub(crate) fn present_at(&self, t: LocalTime) -> bool {
        self.spans.iter().any(|(a, b)| *a <= t && t <= *b)
    }

    /// The session an observation at `t` is about: the one containing `t`, else the last one
    /// started before `t`, else the first.
    pub(crate) fn session_at(&self, t: LocalTime) -> Option<&SessionResult> {
        self.sessions
            .iter()
            .find(|s| s.session.contains(t))
            .or_else(|| self.sessions.iter().rev().find(|s| s.session.start <= t))
            .or_else(|| self.sessions.first())
    }
}

/// Pairs a day's clock events (sorted by time, clock-in first at equal times) into spans.
/// Returns the closed spans, the open clock-in if the day ends without its clock-out, and
/// reports each event that cannot be paired.
pub(crate) fn pair<'a>(
    events: &[&'a ClockEvent],
    anomalies: &mut Vec<Anomaly>,
) -> (Vec<Span>, Option<&'a ClockEvent>) {
    let mut spans = Vec::new();
    let mut open: Option<&ClockEvent> = None;
    for e in events {
        match (e.direction, open) {
            (ClockDirection::In, None) => open = Some(e),
            (ClockDirection::In, Some(first)) => anomalies.push(Anomaly::of_event(
                AnomalyKind::ClockInTwice,
                e,
                format!(
                    "`{}` clocked in at `{}` on `{}` without clocking out after the clock-in at `{}` (`{}`); the earlier clock-in is kept",
                    e.person, e.time, e.date, first.time, first.id
                ),
            )),
            (ClockDirection::Out, Some(i)) => {
                spans.push((i.time, e.time));
                open = None;
            }
            (ClockDirection::Out, None) => anomalies.push(Anomaly::of_event(
                AnomalyKind::ClockOutWithoutIn,
                e,
                format!(
                    "`{}` clocked out at `{}` on `{}` with no clock-in before it; the clock-out is not used",
                    e.person, e.time, e.date
                ),
            )),
        }
    }
    if let Some(i) = open {
        anomalies.push(Anomaly::of_event(
            AnomalyKind::MissingClockOut,
            i,
            format!(
                "`{}` clocked in at `{}` on `{}` and never clocked out; the day is classed as incomplete",
                i.person, i.time, i.date
            ),
        ));
    }
    (spans, open)
}

fn session_result(spans: &[Span], session: Session) -> SessionResult {
    let over: Vec<&Span> = spans
        .iter()
        .filter(|(a, b)| *a < session.end && *b > session.start)
        .collect();
    let first_in = over.iter().map(|(a, _)| *a).min();
    let last_out = over.iter().map(|(_, b)| *b).max();
    match (first_in, last_out) {
        (Some(a), Some(b)) => SessionResult {
            session,
            attended: true,
            late: a.minutes().saturating_sub(session.start.minutes()),
            early: session.end.minutes().saturating_sub(b.minutes()),
        },
        _ => SessionResult {
            session,
            attended: false,
            late: 0,
            early: 0,
        },
    }
}

/// Everything known of one person's day.
pub(crate) struct DayInput<'a> {
    pub person: &'a str,
    pub community: &'a str,
    pub date: Date,
    pub working: bool,
    pub hours: Option<&'a WorkingHours>,
    pub leave: Option<&'a Leave>,
    pub duty: Option<&'a DutyShift>,
    pub events: Vec<&'a ClockEvent>,
    /// Whether the day carries its clauses, working hours, community and evidence IDs.
    pub detail: super::DayDetail,
}

/// Classes one day; `None` when there is nothing to class (a rest day without duty).
pub(crate) fn classify(
    policy: &AttendancePolicy,
    input: &DayInput<'_>,
    anomalies: &mut Vec<Anomaly>,
) -> Option<(AttendanceDay, ClockDay)> {
    let mut events = input.events.clone();
    events.sort_by(|a, b| (a.time, a.direction, &a.id).cmp(&(b.time, b.direction, &b.id)));
    let event_ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
    let full = input.detail == super::DayDetail::Full;
    let mut day = AttendanceDay {
        person: input.person.to_owned(),
        community: if full {
            input.community.to_owned()
        } else {
            String::new()
        },
        date: input.date,
        class: DayClass::Present,
        clauses: if full {
            vec!["3.3".to_owned()]
        } else {
            Vec::new()
        },
        hours: input.hours.filter(|_| full).map(|h| h.id.clone()),
        leave_kind: None,
        late_minutes: 0,
        early_minutes: 0,
        absent_half_days: 0,
        late_as_absent_half_days: 0,
        late_counted_as_absence: 0,
        early_counted_as_absence: 0,
        evidence: Vec::new(),
    };

    if !input.working {
        let Some(duty) = input.duty else {
            if let Some(first) = events.first() {
                anomalies.push(Anomaly::of_event(
                    AnomalyKind::ClockOnRestDay,
                    first,
                    format!(
                        "`{}` has clock events on the rest day `{}` ({}) but no duty shift; they are not counted",
                        input.person,
                        input.date,
                        event_ids.join(", ")
                    ),
                ));
            }
            return None;
        };
        let (spans, _) = pair(&events, anomalies);
        day.class = DayClass::RestDayDuty;
        day.hours = None;
        if full {
            day.clauses.push("3.6.6".to_owned());
            day.evidence.push(duty.id.clone());
            day.evidence.extend(event_ids.iter().cloned());
        }
        let clock = ClockDay {
            spans,
            sessions: Vec::new(),
            events: event_ids,
        };
        return Some((day, clock));
    }

    if let Some(leave) = input.leave {
        day.leave_kind = Some(leave.kind);
        day.class = if leave.kind == LeaveKind::OfficialBusiness {
            DayClass::OfficialBusiness
        } else {
            DayClass::OnLeave
        };
        if full {
            day.evidence.push(leave.id.clone());
        }
        if let Some(first) = events.first() {
            anomalies.push(Anomaly::of_event(
                AnomalyKind::ClockOnLeaveDay,
                first,
                format!(
                    "`{}` has clock events on `{}` ({}) while on leave `{}` ({}); the day stays classed as leave",
                    input.person,
                    input.date,
                    event_ids.join(", "),
                    leave.id,
                    leave.kind.label_zh()
                ),
            ));
        }
        let clock = ClockDay {
            spans: Vec::new(),
            sessions: Vec::new(),
            events: event_ids,
        };
        return Some((day, clock));
    }

    let (mut spans, open) = pair(&events, anomalies);
    let sessions: Vec<SessionResult> = input
        .hours
        .map(|h| {
            h.sessions()
                .iter()
                .map(|s| session_result(&spans, *s))
                .collect()
        })
        .unwrap_or_default();
    if full {
        day.evidence.extend(event_ids.iter().cloned());
        if let Some(duty) = input.duty {
            day.evidence.push(duty.id.clone());
        }
    }
    if let Some(open) = open {
        // Present from the clock-in on, departure unknown: not resolved here.
        spans.push((open.time, LocalTime::from_hm(23, 59).unwrap_or(open.time)));
        day.class = DayClass::Incomplete;
        let clock = ClockDay {
            spans,
            sessions,
            events: event_ids,
        };
        return Some((day, clock));
    }

    // 3.3: absence without reason is a session with no presence at all. 3.6.1: lateness and
    // early leave stay lateness and early leave, unless a local rule counts them as absence.
    let grace_late = policy.late_grace_minutes.value;
    let grace_early = policy.early_leave_grace_minutes.value;
    let rule = policy
        .late_or_early_counts_as_absence
        .value
        .filter(|r| r.in_force(input.date));
    let mut absent_half = 0u32;
    let mut converted_half = 0u32;
    let (mut late, mut early) = (0u32, 0u32);
    let (mut late_conv, mut early_conv) = (0u32, 0u32);
    for r in &sessions {
        if !r.attended {
            absent_half += 1;
            continue;
        }
        let l = if r.late > grace_late { r.late } else { 0 };
        let e = if r.early > grace_early { r.early } else { 0 };
        if rule.is_some_and(|x| l + e >= x.half_day_at_minutes) {
            converted_half += 1;
            late_conv += l;
            early_conv += e;
        } else {
            late += l;
            early += e;
        }
    }
    let day_total = late + early + late_conv + early_conv;
    if absent_half < 2
        && day_total > 0
        && rule
            .and_then(|x| x.whole_day_at_minutes)
            .is_some_and(|w| day_total >= w)
    {
        converted_half = 2 - absent_half;
        late_conv += late;
        early_conv += early;
        late = 0;
        early = 0;
    }
    day.absent_half_days = absent_half;
    day.late_minutes = late;
    day.early_minutes = early;
    day.late_as_absent_half_days = converted_half;
    day.late_counted_as_absence = late_conv;
    day.early_counted_as_absence = early_conv;
    let was_late = late + late_conv > 0;
    let left_early = early + early_conv > 0;
    day.class = match (absent_half, was_late, left_early) {
        (2.., _, _) => DayClass::Absent,
        (1, _, _) => DayClass::HalfDayAbsent,
        (_, true, true) => DayClass::LateAndLeftEarly,
        (_, true, false) => DayClass::Late,
        (_, false, true) => DayClass::LeftEarly,
        (_, false, false) => DayClass::Present,
    };
    if full && (was_late || left_early) {
        day.clauses.push("3.6.1".to_owned());
    }
    let clock = ClockDay {
        spans,
        sessions,
        events: event_ids,
    };
    Some((day, clock))
}
