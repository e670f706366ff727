//! Attendance, spot checks and conduct (3.3, 3.4, 3.6.1–3.6.5), by clause, at the boundaries.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use wangge::attendance::{
    self, AnomalyKind, AttendanceCounts, AttendanceReport, ConductKind, DayClass, LeaveKind,
    NoticeRecipient, ObservedFinding, ResponsiblePerson,
};
use wangge::compliance::Excuse;
use wangge::{Date, DateRange, Dossier, ErrorKind, Options, Policy, Status, sample};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn boundary_text() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/cases/inputs/attendance-boundary.dossier.json"),
    )
    .unwrap()
}

fn boundary() -> Dossier {
    Dossier::from_json(&boundary_text()).unwrap()
}

fn report_of(policy: &Policy, dossier: &Dossier) -> AttendanceReport {
    attendance::evaluate(policy, dossier, dossier.period).unwrap()
}

fn boundary_report() -> AttendanceReport {
    report_of(&Policy::xincheng_2022(), &boundary())
}

fn class(r: &AttendanceReport, person: &str, date: &str) -> DayClass {
    r.day(person, d(date))
        .unwrap_or_else(|| panic!("no day {person} {date}"))
        .class
}

fn anomalies_of(r: &AttendanceReport, kind: AnomalyKind) -> Vec<&attendance::Anomaly> {
    r.anomalies.iter().filter(|a| a.kind == kind).collect()
}

#[test]
fn clause_3_6_1_arrival_at_the_grace_minute_is_on_time_one_more_is_late() {
    let r = boundary_report();
    // 08:35 is 5 minutes after 08:30: within the 5-minute grace.
    let on_time = r.day("w1", d("2023-04-17")).unwrap();
    assert_eq!(on_time.class, DayClass::Present);
    assert_eq!(on_time.late_minutes, 0);
    assert_eq!(on_time.clauses, ["3.3"]);
    // 08:36: late by 6 minutes, counted in full.
    let late = r.day("w1", d("2023-04-18")).unwrap();
    assert_eq!(late.class, DayClass::Late);
    assert_eq!(late.late_minutes, 6);
    assert_eq!(late.clauses, ["3.3", "3.6.1"]);
    assert_eq!(late.evidence, ["ck-0418-1", "ck-0418-2"]);
}

#[test]
fn clause_3_6_1_early_leave_has_no_grace_by_default() {
    let r = boundary_report();
    let day = r.day("w1", d("2023-04-24")).unwrap();
    assert_eq!(day.class, DayClass::LeftEarly);
    assert_eq!(day.early_minutes, 1);
}

#[test]
fn clause_3_6_1_lateness_stays_lateness_without_a_local_rule() {
    let r = boundary_report();
    // 29, 30 and 125 minutes late: late arrivals (3.6.1), never absence without reason (3.3).
    for (date, minutes) in [("2023-04-19", 29), ("2023-04-20", 30)] {
        let day = r.day("w1", d(date)).unwrap();
        assert_eq!(
            (day.class, day.late_minutes, day.absent_half_days),
            (DayClass::Late, minutes, 0),
            "{date}"
        );
        assert_eq!(day.late_as_absent_half_days, 0);
    }
    let d21 = r.day("w1", d("2023-04-21")).unwrap();
    assert_eq!(d21.absent_half_days, 0);
    assert_ne!(d21.class, DayClass::Absent);
    assert_ne!(d21.class, DayClass::HalfDayAbsent);
}

fn with_local_rule(half: u32, whole: Option<u32>, from: Option<&str>) -> Policy {
    let mut doc = Policy::xincheng_2022().document().clone();
    doc.attendance.late_or_early_counts_as_absence.value = Some(attendance::LateAsAbsence {
        half_day_at_minutes: half,
        whole_day_at_minutes: whole,
        effective_from: from.map(d),
    });
    Policy::from_document(doc).unwrap()
}

#[test]
fn clause_3_3_a_local_rule_counts_lateness_as_absence_at_its_threshold_inclusive() {
    let r = report_of(&with_local_rule(30, Some(120), None), &boundary());
    // 29 minutes late: still lateness.
    let d19 = r.day("w1", d("2023-04-19")).unwrap();
    assert_eq!(
        (d19.class, d19.late_minutes, d19.late_as_absent_half_days),
        (DayClass::Late, 29, 0)
    );
    // 30 minutes late: counted as half a day by the local rule; the class still says 迟到, and
    // the absence without reason (3.3) stays 0.
    let d20 = r.day("w1", d("2023-04-20")).unwrap();
    assert_eq!(
        (
            d20.class,
            d20.late_minutes,
            d20.late_counted_as_absence,
            d20.late_as_absent_half_days,
            d20.absent_half_days
        ),
        (DayClass::Late, 0, 30, 1, 0)
    );
    assert_eq!(
        d20.conversion_text(wangge::Lang::Zh).unwrap(),
        "2023-04-20 迟到30分钟，按本地规定计旷工半天"
    );
    assert_eq!(
        d20.conversion_text(wangge::Lang::En).unwrap(),
        "2023-04-20 30 minutes late, counted as half a day of absence by local rule"
    );
    // 125 minutes late (at least 120): the whole day, by the local rule.
    let d21 = r.day("w1", d("2023-04-21")).unwrap();
    assert_eq!((d21.late_as_absent_half_days, d21.absent_half_days), (2, 0));
    assert!(
        d21.conversion_text(wangge::Lang::Zh)
            .unwrap()
            .ends_with("按本地规定计旷工一天")
    );
}

#[test]
fn clause_3_3_a_local_rule_applies_from_its_effective_date() {
    let r = report_of(&with_local_rule(30, None, Some("2023-04-21")), &boundary());
    // Before the rule is in force, 30 minutes late is lateness only.
    assert_eq!(
        r.day("w1", d("2023-04-20"))
            .unwrap()
            .late_as_absent_half_days,
        0
    );
    // From its first day on, 125 minutes late in the morning is half a day (no whole-day rule).
    assert_eq!(
        r.day("w1", d("2023-04-21"))
            .unwrap()
            .late_as_absent_half_days,
        1
    );
}

#[test]
fn clause_3_3_grace_and_thresholds_are_policy_data() {
    let mut doc = Policy::xincheng_2022().document().clone();
    doc.attendance.late_grace_minutes.value = 6;
    let policy = Policy::from_document(doc).unwrap();
    let r = report_of(&policy, &boundary());
    assert_eq!(class(&r, "w1", "2023-04-18"), DayClass::Present);
    let r = report_of(&with_local_rule(31, None, None), &boundary());
    assert_eq!(
        r.day("w1", d("2023-04-20"))
            .unwrap()
            .late_as_absent_half_days,
        0
    );
}

#[test]
fn clause_3_3_a_session_with_no_clock_event_is_absence_without_reason() {
    let r = boundary_report();
    // Sunday 23 April is a make-up working day with no clock event: absent, both halves.
    let day = r.day("w1", d("2023-04-23")).unwrap();
    assert_eq!((day.class, day.absent_half_days), (DayClass::Absent, 2));
}

#[test]
fn clause_3_3_schedule_switches_to_summer_hours_on_1_may() {
    let r = boundary_report();
    // Friday 28 April: winter hours, the afternoon starts at 14:00; back at 14:20 is late.
    let winter = r.day("w1", d("2023-04-28")).unwrap();
    assert_eq!(winter.hours.as_deref(), Some("winter"));
    assert_eq!((winter.class, winter.late_minutes), (DayClass::Late, 20));
    // Thursday 4 May, first working day after the holiday: summer hours, 14:30; 14:20 is early.
    let summer = r.day("w1", d("2023-05-04")).unwrap();
    assert_eq!(summer.hours.as_deref(), Some("summer"));
    assert_eq!(summer.class, DayClass::Present);
}

#[test]
fn clause_3_3_make_up_working_days_are_working_days_and_holidays_are_not() {
    let r = boundary_report();
    // Sunday 23 April makes up for Labour Day: no clock event, so absent without reason.
    assert_eq!(class(&r, "w1", "2023-04-23"), DayClass::Absent);
    // Saturday 6 May makes up for Labour Day too.
    assert_eq!(class(&r, "w1", "2023-05-06"), DayClass::Present);
    // An ordinary Saturday and the Labour Day holiday are not classed.
    assert!(r.day("w1", d("2023-04-22")).is_none());
    assert!(r.day("w1", d("2023-05-01")).is_none());
}

#[test]
fn clause_3_3_leave_official_business_and_rest_day_duty_are_their_own_classes() {
    let r = boundary_report();
    let ob = r.day("w1", d("2023-04-27")).unwrap();
    assert_eq!(ob.class, DayClass::OfficialBusiness);
    assert_eq!(ob.evidence, ["lv-w1-0427"]);
    let sick = r.day("w1", d("2023-05-05")).unwrap();
    assert_eq!(
        (sick.class, sick.leave_kind),
        (DayClass::OnLeave, Some(LeaveKind::Sick))
    );
    let duty = r.day("w1", d("2023-04-30")).unwrap();
    assert_eq!(duty.class, DayClass::RestDayDuty);
    assert!(duty.clauses.contains(&"3.6.6".to_owned()));
    assert_eq!(duty.evidence[0], "ds-0430");
}

#[test]
fn clause_3_3_bad_clock_sequences_are_reported_naming_the_record() {
    let r = boundary_report();
    // Clock-out before clock-in on 25 April.
    let out = anomalies_of(&r, AnomalyKind::ClockOutWithoutIn);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].record, "ck-0425-1");
    let open = anomalies_of(&r, AnomalyKind::MissingClockOut);
    assert_eq!(open[0].record, "ck-0425-2");
    assert_eq!(class(&r, "w1", "2023-04-25"), DayClass::Incomplete);
    // Two clock-ins without a clock-out on 26 April: the earlier is kept.
    let twice = anomalies_of(&r, AnomalyKind::ClockInTwice);
    assert_eq!(twice[0].record, "ck-0426-2");
    assert_eq!(class(&r, "w1", "2023-04-26"), DayClass::Present);
    // Leave on a rest day.
    let rest = anomalies_of(&r, AnomalyKind::LeaveOnRestDaysOnly);
    assert_eq!(rest[0].record, "lv-w2-0422");
    assert!(!r.complete);
}

#[test]
fn clause_3_3_invalid_times_and_overlapping_leave_are_typed_errors() {
    let text = boundary_text().replace(
        r#""time": "08:36", "direction": "in""#,
        r#""time": "25:36", "direction": "in""#,
    );
    let err = Dossier::from_json(&text).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::InvalidTime));
    assert_eq!(
        err.problems()[0].path.as_deref(),
        Some("records.clock_events[2].time")
    );

    let text = boundary_text().replace(
        r#""from": "2023-05-05", "to": "2023-05-05""#,
        r#""from": "2023-04-27", "to": "2023-05-05""#,
    );
    let err = Dossier::from_json(&text).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::Overlap));
    assert_eq!(err.problems()[0].record.as_deref(), Some("lv-w1-0505"));

    let text = boundary_text().replace(
        r#""person": "w3", "finding""#,
        r#""person": "w1", "finding""#,
    );
    let err = Dossier::from_json(&text).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::UnknownReference));
}

#[test]
fn clause_3_4_two_notices_per_adverse_finding() {
    let r = boundary_report();
    assert_eq!(r.notices.len(), 8);
    for n in &r.notices {
        assert_eq!(n.clause, "3.4");
        assert!(n.evidence[0].starts_with("sc-"));
        assert!(n.text_zh.contains("第3.4条"));
    }
    let of_check: Vec<_> = r
        .notices
        .iter()
        .filter(|n| n.evidence[0] == "sc-0420")
        .collect();
    assert_eq!(of_check.len(), 4);
    for worker in ["w1", "w2"] {
        let pair: Vec<_> = of_check.iter().filter(|n| n.concerning == worker).collect();
        assert_eq!(pair.len(), 2);
        assert!(
            pair.iter()
                .any(|n| n.recipient == worker && n.recipient_role == NoticeRecipient::Worker)
        );
        // Community c1 names no responsible person: its Party secretary.
        assert!(
            pair.iter()
                .any(|n| n.recipient == "l1"
                    && n.recipient_role == NoticeRecipient::ResponsiblePerson)
        );
        assert!(
            pair.iter()
                .all(|n| n.fact == ObservedFinding::Late && n.date == d("2023-04-20"))
        );
    }
    // One notice for w1 as a worker (sc-0420); the two to l1 are as responsible person.
    assert_eq!(r.person("w1").unwrap().counts.notices, 1);
}

#[test]
fn clause_3_4_the_named_responsible_person_receives_the_community_notice() {
    let r = boundary_report();
    let head: Vec<_> = r
        .notices
        .iter()
        .filter(|n| n.community == "c2" && n.recipient_role == NoticeRecipient::ResponsiblePerson)
        .collect();
    assert_eq!(head.len(), 1);
    assert_eq!(head[0].recipient, "r2");
    assert_eq!(r.person("r2").unwrap().notices_as_responsible_person, 1);

    let mut doc = Policy::xincheng_2022().document().clone();
    doc.attendance.responsible_person.value = ResponsiblePerson::PartySecretary;
    let r = report_of(&Policy::from_document(doc).unwrap(), &boundary());
    let head = r
        .notices
        .iter()
        .find(|n| n.community == "c2" && n.recipient_role == NoticeRecipient::ResponsiblePerson)
        .unwrap();
    assert_eq!(head.recipient, "l2");
}

#[test]
fn clause_3_4_spot_check_on_a_holiday_gives_no_notice() {
    let r = boundary_report();
    assert!(r.notices.iter().all(|n| n.date != d("2023-05-01")));
    let a = anomalies_of(&r, AnomalyKind::SpotCheckOnRestDay);
    assert_eq!(a.len(), 1);
    assert_eq!(
        (a[0].record.as_str(), a[0].clause.as_str()),
        ("sc-0501", "3.4")
    );
}

#[test]
fn clause_3_4_absence_on_approved_leave_is_not_criticised() {
    let r = boundary_report();
    assert!(
        r.notices
            .iter()
            .all(|n| !n.evidence.contains(&"sc-0427".to_owned()))
    );
    let a = anomalies_of(&r, AnomalyKind::ObservationOnLeaveDay);
    assert_eq!(a[0].record, "sc-0427");
}

#[test]
fn clause_3_4_observation_contradicting_the_clock_is_reported_not_resolved() {
    let r = boundary_report();
    // w2 was seen absent at 08:40 although clocked in at 08:00.
    let n: Vec<_> = r
        .notices
        .iter()
        .filter(|n| n.evidence[0] == "sc-0417")
        .collect();
    assert_eq!(n.len(), 2);
    assert!(
        n.iter()
            .all(|n| n.contradicted_by == ["ck-w2-0417-1", "ck-w2-0417-2"])
    );
    // r2 was seen present with no clock event at all; w1 present agrees with the clock.
    let c = anomalies_of(&r, AnomalyKind::ObservationContradictsClock);
    let who: Vec<_> = c.iter().map(|a| a.person.as_deref().unwrap()).collect();
    assert_eq!(who, ["w2", "r2"]);
    // The day itself stays as the clock shows it.
    assert_eq!(class(&r, "w2", "2023-04-17"), DayClass::Present);
}

#[test]
fn clause_3_6_conduct_incidents_cite_their_clause() {
    let r = boundary_report();
    let clauses: Vec<_> = r.conduct.iter().map(|c| c.clause.as_str()).collect();
    assert_eq!(clauses, ["3.6.2", "3.6.4"]);
    assert_eq!(r.person("w1").unwrap().counts.conduct, 2);
    assert_eq!(r.person("w1").unwrap().conduct_by_clause["3.6.4"], 1);
    for (kind, clause) in [
        (ConductKind::ImproperDress, "3.6.1"),
        (ConductKind::VisitingOtherPosts, "3.6.2"),
        (ConductKind::FoulLanguage, "3.6.3"),
        (ConductKind::DrinkDriving, "3.6.4"),
        (ConductKind::Gambling, "3.6.5"),
        (ConductKind::EntertainmentVenueInWorkingTime, "3.6.5"),
    ] {
        assert_eq!(kind.clause(), clause, "{kind:?}");
    }
}

fn recount(r: &AttendanceReport, person: &str, range: DateRange) -> AttendanceCounts {
    let mut c = AttendanceCounts::default();
    for day in r
        .days
        .iter()
        .filter(|x| x.person == person && range.contains(x.date))
    {
        c.add_day(day);
    }
    c
}

#[test]
fn clause_3_3_monthly_totals_equal_the_sum_of_the_days() {
    let dossier = sample::community_2023();
    let r = report_of(&Policy::xincheng_2022(), &dossier);
    assert_eq!(r.months.len(), 12);
    for m in &r.months {
        let mut total = AttendanceCounts::default();
        for row in &m.rows {
            let mut days = recount(&r, &row.person, m.period);
            days.notices = row.counts.notices;
            days.conduct = row.counts.conduct;
            assert_eq!(row.counts, days, "{} {}", m.month, row.person);
            let sum: u32 = row.counts.classes.values().sum();
            let n = r
                .days
                .iter()
                .filter(|x| x.person == row.person && m.period.contains(x.date))
                .count();
            assert_eq!(sum as usize, n);
            total.merge(&row.counts);
        }
        assert_eq!(m.totals, total, "{}", m.month);
    }
    // The year per person is the sum of the months.
    for p in &r.people {
        let mut year = AttendanceCounts::default();
        for m in &r.months {
            if let Some(row) = m.rows.iter().find(|x| x.person == p.person) {
                year.merge(&row.counts);
            }
        }
        assert_eq!(p.counts, year, "{}", p.person);
    }
}

#[test]
fn clause_3_3_monthly_report_prints_as_csv_and_html() {
    let r = boundary_report();
    let m = r.month("c1", "2023-04").unwrap();
    let csv = m.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("社区,月份,编号,姓名,应出勤天数,正常出勤天数,迟到次数,迟到分钟"));
    assert_eq!(lines.len(), 2 + m.rows.len());
    assert!(lines.last().unwrap().contains(",合计,"));
    let html = m.to_html();
    assert!(html.contains("<caption>边界社区 2023-04 网格员出勤记录"));
    // 3.3 and 3.6.1: absence, lateness and early leave are separate columns.
    assert!(
        lines[0].contains(",早退次数,早退分钟,无故缺勤（旷工）天数,迟到早退按本地规定计旷工天数,")
    );
    assert!(html.contains("<th>无故缺勤（旷工）天数</th>"));
    // w1 in April: only 04-23 (a make-up working day with no clock event) is absence: 1 day.
    // The 30- and 125-minute late arrivals are lateness, not absence.
    let w1 = m.rows.iter().find(|x| x.person == "w1").unwrap();
    assert_eq!(w1.counts.absent_days_text(), "1");
    assert_eq!(w1.counts.late_as_absent_days_text(), "0");
    // With a local rule, 04-20 (half) and 04-21 (whole) are counted as absence in their own
    // column; the absence column stays 1.
    let r = report_of(&with_local_rule(30, Some(120), None), &boundary());
    let m = r.month("c1", "2023-04").unwrap();
    let w1 = m.rows.iter().find(|x| x.person == "w1").unwrap();
    assert_eq!(w1.counts.absent_days_text(), "1");
    assert_eq!(w1.counts.late_as_absent_days_text(), "1.5");
}

#[test]
fn clause_3_3_official_business_and_leave_excuse_daily_duties_absence_does_not() {
    let policy = Policy::xincheng_2022();
    let dossier = boundary();
    let report = wangge::evaluate(&policy, &dossier, &Options::default()).unwrap();
    let w1 = report.person("w1").unwrap();
    let on = |date: &str| {
        w1.findings_of("presence-daily")
            .find(|f| f.period.from == d(date))
            .unwrap()
    };
    assert_eq!(on("2023-04-27").excuse, Some(Excuse::OfficialBusiness));
    assert_eq!(on("2023-05-05").excuse, Some(Excuse::Leave));
    assert_eq!(on("2023-05-08").status, Status::Missed);
}

#[test]
fn clause_3_3_attendance_section_may_be_omitted_and_then_is_the_xincheng_one() {
    let policy = Policy::xincheng_2022();
    let mut value: serde_json::Value = serde_json::from_str(&policy.to_json()).unwrap();
    value.as_object_mut().unwrap().remove("attendance");
    let again = Policy::from_json(&value.to_string()).unwrap();
    assert_eq!(again.document().attendance, policy.document().attendance);
    assert_eq!(again.document().attendance.late_grace_minutes.value, 5);
}

#[test]
fn clause_3_3_inconsistent_attendance_policy_is_refused() {
    let mut doc = Policy::xincheng_2022().document().clone();
    doc.attendance.late_or_early_counts_as_absence.value = Some(attendance::LateAsAbsence {
        half_day_at_minutes: 5,
        whole_day_at_minutes: Some(4),
        effective_from: None,
    });
    doc.attendance.working_hours.value[0].morning.end =
        doc.attendance.working_hours.value[0].morning.start;
    doc.attendance.working_hours.clause = "3.9".into();
    let err = Policy::from_document(doc).unwrap_err();
    let kinds: Vec<ErrorKind> = err.problems().iter().map(|p| p.kind).collect();
    assert!(kinds.contains(&ErrorKind::InvalidPolicy), "{kinds:?}");
    assert!(kinds.contains(&ErrorKind::InvalidTime), "{kinds:?}");
    assert!(kinds.contains(&ErrorKind::UnknownClause), "{kinds:?}");
}

#[test]
fn clause_3_3_working_hours_that_leave_a_day_uncovered_are_an_error() {
    let mut doc = Policy::xincheng_2022().document().clone();
    doc.attendance.working_hours.value.truncate(1); // summer only
    let policy = Policy::from_document(doc).unwrap();
    let err = attendance::evaluate(&policy, &boundary(), boundary().period).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::InvalidPolicy));
    assert_eq!(err.problems()[0].date.as_deref(), Some("2023-04-17"));
}

#[test]
fn clause_3_4_sample_spot_checks_give_six_notices_and_one_contradiction() {
    let dossier = sample::community_2023();
    let r = report_of(&Policy::xincheng_2022(), &dossier);
    assert_eq!(r.notices.len(), 6, "{:#?}", r.notices);
    let contradicted: Vec<_> = r
        .notices
        .iter()
        .filter(|n| !n.contradicted_by.is_empty())
        .collect();
    assert_eq!(contradicted.len(), 2);
    assert!(contradicted.iter().all(|n| n.concerning == "w6"));
    assert_eq!(r.conduct.len(), 1);
    assert_eq!(r.conduct[0].clause, "3.6.4");
    // Only the announced anomalies: the missing clock-out and the contradiction.
    let kinds: Vec<AnomalyKind> = r.anomalies.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            AnomalyKind::MissingClockOut,
            AnomalyKind::ObservationContradictsClock
        ]
    );
    // w4 has absences without reason; w1 none.
    assert!(r.person("w4").unwrap().counts.absent_half_days > 0);
    assert_eq!(r.person("w1").unwrap().counts.absent_half_days, 0);
}

fn late_early() -> Dossier {
    Dossier::from_json(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../tests/cases/inputs/attendance-late-early.dossier.json"),
        )
        .unwrap(),
    )
    .unwrap()
}

#[test]
fn clause_3_3_a_month_without_clock_records_is_not_collected_and_not_classed() {
    let dossier = late_early();
    let r = report_of(&Policy::xincheng_2022(), &dossier);
    let march = r.month("c1", "2023-03").unwrap();
    let april = r.month("c1", "2023-04").unwrap();
    assert!(march.collected);
    assert_eq!(march.rows.len(), 6);
    // April: no clock record at all: no day classed absent, no row, and an anomaly naming it.
    assert!(!april.collected);
    assert!(april.rows.is_empty());
    assert!(r.days.iter().all(|d| d.date < self::d("2023-04-01")));
    let not_taken = anomalies_of(&r, AnomalyKind::NoClockRecords);
    assert_eq!(not_taken.len(), 1);
    assert_eq!(not_taken[0].date, Some(self::d("2023-04-01")));
    assert!(april.to_html().contains("本月无打卡记录，未采集"));
}

#[test]
fn clause_3_4_a_contradicted_notice_counts_unless_the_policy_says_otherwise() {
    let dossier = late_early();
    let r = report_of(&Policy::xincheng_2022(), &dossier);
    let n = r
        .notices
        .iter()
        .find(|n| n.recipient_role == NoticeRecipient::Worker)
        .unwrap();
    assert!(!n.contradicted_by.is_empty());
    assert!(n.counted);
    assert!(n.text_zh.contains("与打卡记录不符，待核实"));
    assert_eq!(r.person("we").unwrap().counts.notices, 1);

    let mut doc = Policy::xincheng_2022().document().clone();
    doc.attendance.contradicted_notice_counts.value = false;
    let r = report_of(&Policy::from_document(doc).unwrap(), &dossier);
    assert!(r.notices.iter().all(|n| !n.counted));
    assert_eq!(r.person("we").unwrap().counts.notices, 0);
    assert_eq!(
        r.person("l1").map(|p| p.notices_as_responsible_person),
        None
    );
}

#[test]
fn clause_3_6_1_late_and_early_counts_stay_apart_from_absence_in_the_month() {
    let r = report_of(&Policy::xincheng_2022(), &late_early());
    let m = r.month("c1", "2023-03").unwrap();
    let row = |p: &str| &m.rows.iter().find(|x| x.person == p).unwrap().counts;
    assert_eq!((row("wa").late_days, row("wa").absent_half_days), (3, 0));
    assert_eq!((row("wb").early_days, row("wb").absent_half_days), (9, 0));
    assert_eq!((row("wc").early_days, row("wc").absent_half_days), (10, 0));
    assert_eq!((row("wd").late_days, row("wd").absent_half_days), (10, 0));
    assert_eq!((row("wf").late_days, row("wf").absent_half_days), (0, 3));
}

/// 3.3: an office's clock export may list events person by person or day by day; the days
/// classed, the anomalies and the counts do not depend on it. Here the sample's events are dealt
/// out one person at a time, round by round (each person's own events keep their order), so no
/// two events in a row are the same person's.
#[test]
fn clause_3_3_the_report_is_the_same_whatever_the_order_of_people_in_the_clock_export() {
    let policy = Policy::xincheng_2022();
    let dossier = sample::community_2023();
    let grouped = report_of(&policy, &dossier);

    let mut queues: std::collections::BTreeMap<String, std::collections::VecDeque<_>> =
        std::collections::BTreeMap::new();
    for e in &dossier.records.clock_events {
        queues
            .entry(e.person.clone())
            .or_default()
            .push_back(e.clone());
    }
    let mut dealt = Vec::new();
    while queues.values().any(|q| !q.is_empty()) {
        for q in queues.values_mut() {
            dealt.extend(q.pop_front());
        }
    }
    assert_eq!(dealt.len(), dossier.records.clock_events.len());
    let mut interleaved = dossier.clone();
    interleaved.records.clock_events = dealt;
    let changes = |d: &Dossier| {
        d.records
            .clock_events
            .windows(2)
            .filter(|w| w[0].person != w[1].person)
            .count()
    };
    assert!(changes(&interleaved) > 2 * changes(&dossier));

    assert_eq!(report_of(&policy, &interleaved), grouped);
}
