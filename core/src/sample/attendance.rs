//! The sample community's attendance for 2023 (3.3, 3.4, 3.6): clock events shaped by each
//! worker's habits, leave for the days a worker stayed away with a reason, two spot checks with
//! findings, and one conduct incident.
//!
//! Shape of the year, deterministic like the rest of the sample:
//! - clock events follow the default policy's working hours (summer from 1 May); 王芳 (w1)
//!   clocks twice a day on the machine, the others four times on the phone app; 刘洋 (w4) is
//!   often late, 张丽 (w3) now and then leaves early;
//! - a day without a work record becomes sick leave for w3 and w5, personal leave for w2 and
//!   w6, and stays an absence without reason (旷工) for w4;
//! - 2023-03-22: 李强 (w2) forgets to clock out in the evening (an incomplete day);
//! - spot check `sc-2023-03-14` at 09:10 finds w4 late (the clock agrees: in at 09:12);
//! - spot check `sc-2023-06-20` at 16:40 finds w3 gone early (the clock agrees: out at 16:30)
//!   and w6 absent although w6's phone clocked in and out (a contradiction, reported);
//! - 2023-08-16: w4 drinks at noon (3.6.4).

use super::{COMMUNITY, LEADER, WORKERS, hm, roll};
use crate::organisation::Organisation;
use crate::policy::attendance::AttendancePolicy;
use crate::records::attendance::{
    ClockDirection, ClockEvent, ClockSource, ConductIncident, ConductKind, LeaveKind, Observation,
    ObservedFinding, SpotCheck,
};
use crate::records::{Leave, Records};
use crate::time::{Date, LocalTime};
use std::collections::BTreeSet;

/// Per-mille chances of arriving late and of leaving early, by worker.
fn habits(id: &str) -> (u64, u64) {
    match id {
        "w2" => (30, 10),
        "w3" => (20, 40),
        "w4" => (120, 60),
        "w5" => (10, 10),
        "w6" => (20, 0),
        _ => (0, 0),
    }
}

fn shift(t: LocalTime, minutes: i64) -> LocalTime {
    let m = i64::from(t.minutes()) + minutes;
    let m = m.clamp(0, 23 * 60 + 59);
    let (h, mm) = (m / 60, m % 60);
    hm(
        u16::try_from(h).unwrap_or(0),
        u16::try_from(mm).unwrap_or(0),
    )
}

fn d(y: i32, m: u32, day: u32) -> Date {
    super::date(y, m, day)
}

/// Adds the attendance records to `r` (after the work records and leave are made).
pub(super) fn add(r: &mut Records, org: &Organisation, working: &[Date]) {
    let policy = AttendancePolicy::default();
    let index = org.index();
    let worked: BTreeSet<(String, Date)> = r
        .work_records
        .iter()
        .map(|w| (w.person.clone(), w.date))
        .collect();
    let on_leave = |leave: &[Leave], p: &str, day: Date| {
        leave
            .iter()
            .any(|l| l.person == p && l.from <= day && day <= l.to)
    };
    let mut new_leave = Vec::new();
    for (n, day) in working.iter().enumerate() {
        let n64 = n as u64;
        let Ok(hours) = policy.hours_on(COMMUNITY, *day) else {
            continue;
        };
        let (m, a) = (hours.morning, hours.afternoon);
        for (wi, w) in WORKERS.iter().enumerate() {
            let wi64 = wi as u64;
            if !index.is_assigned(w.id, *day) || on_leave(&r.leave, w.id, *day) {
                continue;
            }
            if !worked.contains(&(w.id.to_owned(), *day)) {
                let kind = match w.id {
                    "w3" | "w5" => Some(LeaveKind::Sick),
                    "w2" | "w6" => Some(LeaveKind::Personal),
                    _ => None,
                };
                if let Some(kind) = kind {
                    new_leave.push(Leave {
                        id: format!("lv-{}-{day}", w.id),
                        person: w.id.into(),
                        from: *day,
                        to: *day,
                        approved_by: LEADER.into(),
                        kind,
                    });
                }
                continue;
            }
            let (late_rate, early_rate) = habits(w.id);
            let jitter = |salt: u64, span: u64| (roll(wi64, n64, salt) % span) as i64;
            let mut in1 = shift(m.start, -jitter(20, 15));
            if roll(wi64, n64, 21) < late_rate {
                in1 = shift(m.start, 6 + jitter(22, 20));
            }
            let out1 = shift(m.end, jitter(23, 10));
            let in2 = shift(a.start, -jitter(24, 15));
            let mut out2 = shift(a.end, jitter(25, 20));
            if roll(wi64, n64, 26) < early_rate {
                out2 = shift(a.end, -(5 + jitter(27, 20)));
            }
            // The days the spot checks rely on.
            if w.id == "w4" && *day == d(2023, 3, 14) {
                in1 = hm(9, 12);
            }
            if w.id == "w3" && *day == d(2023, 6, 20) {
                out2 = hm(16, 30);
            }
            let mut punches = if w.id == "w1" {
                vec![(in1, ClockDirection::In), (out2, ClockDirection::Out)]
            } else {
                vec![
                    (in1, ClockDirection::In),
                    (out1, ClockDirection::Out),
                    (in2, ClockDirection::In),
                    (out2, ClockDirection::Out),
                ]
            };
            // 李强 forgets to clock out one evening.
            if w.id == "w2" && *day == d(2023, 3, 22) {
                punches.pop();
            }
            let source = if w.id == "w1" {
                ClockSource::Machine
            } else {
                ClockSource::App
            };
            for (k, (time, direction)) in punches.into_iter().enumerate() {
                r.clock_events.push(ClockEvent {
                    id: format!("ck-{}-{day}-{}", w.id, k + 1),
                    person: w.id.into(),
                    date: *day,
                    time,
                    direction,
                    source,
                });
            }
        }
    }
    r.leave.extend(new_leave);

    let observe = |person: &str, finding: ObservedFinding| Observation {
        person: person.into(),
        finding,
        note: None,
    };
    r.spot_checks.push(SpotCheck {
        id: "sc-2023-03-14".into(),
        community: COMMUNITY.into(),
        date: d(2023, 3, 14),
        time: hm(9, 10),
        checker: "街道党工委 孟主任".into(),
        observations: vec![
            observe("w1", ObservedFinding::Present),
            observe("w2", ObservedFinding::Present),
            observe("w4", ObservedFinding::Late),
        ],
    });
    r.spot_checks.push(SpotCheck {
        id: "sc-2023-06-20".into(),
        community: COMMUNITY.into(),
        date: d(2023, 6, 20),
        time: hm(16, 40),
        checker: "街道党工委 孟主任".into(),
        observations: vec![
            observe("w3", ObservedFinding::LeftEarly),
            observe("w5", ObservedFinding::Present),
            Observation {
                person: "w6".into(),
                finding: ObservedFinding::Absent,
                note: Some("办公室及网格内均未见本人".into()),
            },
        ],
    });
    r.conduct_incidents.push(ConductIncident {
        id: "cd-w4-2023-08-16".into(),
        person: "w4".into(),
        date: d(2023, 8, 16),
        time: Some(hm(12, 40)),
        kind: ConductKind::DrinkingAtNoon,
        reported_by: Some("赵建国".into()),
        description: "午间与朋友聚餐饮酒，下午到岗时有酒气".into(),
    });
}
