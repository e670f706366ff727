//! The compliance report, clause by clause, at the boundaries.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{Value, json};
use wangge::compliance::{Excuse, Unit, WarningKind};
use wangge::{Dossier, ErrorKind, Options, Policy, Report, Status, evaluate};

const ALL_CHECKS: [&str; 5] = [
    "environment_sanitation",
    "infrastructure",
    "safety_hazards",
    "public_areas",
    "suspicious_persons",
];
const ALL_DOS: [&str; 5] = [
    "know_the_numbers",
    "gather_sentiment",
    "watch_opinion",
    "prevent_epidemics",
    "meet_needs",
];

/// One community, one grid, a leader and two workers; `w1` from 2023-01-01, `w2` from the 15th
/// of March. No records: tests add what they need.
fn base(from: &str, to: &str) -> Value {
    json!({
        "period": { "from": from, "to": to },
        "organisation": {
            "subdistrict": { "id": "xc", "name": "新城街道" },
            "communities": [{
                "id": "c1", "name": "测试社区", "party_secretary": "l1",
                "grids": [{ "id": "g1", "name": "一网格" }, { "id": "g2", "name": "二网格",
                            "must_visit_groups": ["people_in_difficulty"] }]
            }],
            "people": [
                { "id": "l1", "name": "网格长", "community": "c1", "role": "grid_leader" },
                { "id": "w1", "name": "甲", "community": "c1", "role": "grid_worker" },
                { "id": "w2", "name": "乙", "community": "c1", "role": "grid_worker" },
                { "id": "h1", "name": "楼长", "community": "c1", "role": "helper", "helper_kind": "building_head" }
            ],
            "assignments": [
                { "person": "w1", "grid": "g1", "from": "2023-01-01" },
                { "person": "w2", "grid": "g1", "from": "2023-03-15" }
            ]
        },
        "records": {}
    })
}

fn work(id: &str, person: &str, date: &str, sessions: &[(&str, &str)]) -> Value {
    json!({
        "id": id, "person": person, "date": date, "grid": "g1",
        "patrols": sessions.iter().map(|(s, e)| json!({"start": s, "end": e})).collect::<Vec<_>>(),
        "must_checks": ALL_CHECKS, "must_dos": ALL_DOS
    })
}

fn push(d: &mut Value, list: &str, item: Value) {
    let records = d["records"].as_object_mut().unwrap();
    records
        .entry(list)
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .unwrap()
        .push(item);
}

fn run(d: &Value) -> Report {
    run_with(&Policy::xincheng_2022(), d)
}

fn run_with(policy: &Policy, d: &Value) -> Report {
    let dossier = Dossier::from_json(&d.to_string()).unwrap();
    evaluate(policy, &dossier, &Options::default()).unwrap()
}

fn status_on(r: &Report, person: &str, obligation: &str, from: &str) -> Status {
    r.person(person)
        .unwrap()
        .findings_of(obligation)
        .find(|f| f.period.from.to_string() == from)
        .unwrap_or_else(|| panic!("no {obligation} finding for {person} on {from}"))
        .status
}

fn policy_with(edit: impl FnOnce(&mut Value)) -> Policy {
    let mut doc: Value = serde_json::from_str(&Policy::xincheng_2022().to_json()).unwrap();
    edit(&mut doc);
    Policy::from_json(&doc.to_string()).unwrap()
}

fn obligation_mut<'a>(doc: &'a mut Value, id: &str) -> &'a mut Value {
    doc["obligations"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|o| o["id"] == id)
        .unwrap()
}

#[test]
fn clause_2_2_2_patrol_of_119_minutes_is_missed_and_120_is_met() {
    let mut d = base("2023-04-17", "2023-04-18");
    push(
        &mut d,
        "work_records",
        work(
            "a",
            "w1",
            "2023-04-17",
            &[("08:30", "09:30"), ("14:00", "14:59")],
        ),
    );
    push(
        &mut d,
        "work_records",
        work(
            "b",
            "w1",
            "2023-04-18",
            &[("08:30", "09:30"), ("14:00", "15:00")],
        ),
    );
    let r = run(&d);
    let w1 = r.person("w1").unwrap();
    let f: Vec<_> = w1.findings_of("patrol-minutes-daily").collect();
    assert_eq!(f[0].status, Status::Missed);
    let s = f[0].shortfall.as_ref().unwrap();
    assert_eq!((s.unit, s.required, s.actual), (Unit::Minutes, 120, 119));
    assert_eq!(f[0].clause, "2.2.2");
    assert_eq!(f[0].evidence, ["a"]);
    assert_eq!(f[0].text.as_deref(), Some("巡查119分钟，不足120分钟"));
    assert_eq!(f[1].status, Status::Met);
    assert_eq!(f[1].evidence, ["b"]);
}

#[test]
fn clause_2_2_2_longest_session_policy_counts_only_one_round() {
    let policy = policy_with(|doc| {
        obligation_mut(doc, "patrol-minutes-daily")["requirement"]["summing"] =
            json!("longest_session");
    });
    let mut d = base("2023-04-18", "2023-04-18");
    push(
        &mut d,
        "work_records",
        work(
            "b",
            "w1",
            "2023-04-18",
            &[("08:30", "09:30"), ("14:00", "15:00")],
        ),
    );
    let r = run_with(&policy, &d);
    assert_eq!(
        status_on(&r, "w1", "patrol-minutes-daily", "2023-04-18"),
        Status::Missed
    );
}

#[test]
fn clause_2_2_2_make_up_sunday_2023_04_23_is_a_duty_day() {
    let d = base("2023-04-22", "2023-04-23");
    let r = run(&d);
    let w1 = r.person("w1").unwrap();
    let days: Vec<String> = w1
        .findings_of("presence-daily")
        .map(|f| f.period.from.to_string())
        .collect();
    // Saturday 2023-04-22 is a rest day; Sunday 2023-04-23 is worked for Labour Day.
    assert_eq!(days, ["2023-04-23"]);
    assert_eq!(
        status_on(&r, "w1", "presence-daily", "2023-04-23"),
        Status::Missed
    );
}

#[test]
fn clause_3_6_6_a_saturday_duty_shift_owes_the_shift_duties_not_the_daily_grid_duties() {
    // 2023-04-15 is a Saturday: w1 is rostered at the service centre, with no work record.
    let mut d = base("2023-04-15", "2023-04-16");
    push(
        &mut d,
        "duty_shifts",
        json!({"id": "ds", "person": "w1", "community": "c1",
        "date": "2023-04-15", "handed_over_to": "w2"}),
    );
    let r = run(&d);
    let w1 = r.person("w1").unwrap();
    // No daily-duty miss: in grid, patrol, checklists, work record (2.2.2, 2.2.6).
    for o in [
        "presence-daily",
        "patrol-minutes-daily",
        "must-checks-daily",
        "must-dos-daily",
        "epidemic-must-do-daily",
        "work-record-daily",
    ] {
        assert_eq!(w1.findings_of(o).count(), 0, "{o}");
    }
    assert_eq!(w1.totals.missed, 1);
    // The shift itself is judged (3.6.6): no log, so missed.
    let shift = w1.findings_of("duty-shift-complete").next().unwrap();
    assert_eq!(
        (shift.status, shift.clause.as_str()),
        (Status::Missed, "3.6.6")
    );
    assert_eq!(shift.shortfall.as_ref().unwrap().missing, ["log"]);

    // A policy that wants the daily duties on a rostered rest day says so.
    let with_daily = policy_with(|doc| {
        doc["parameters"]["daily_duty_days"]["value"] = json!("working_days_and_duty_days");
    });
    let r = run_with(&with_daily, &d);
    assert_eq!(
        status_on(&r, "w1", "patrol-minutes-daily", "2023-04-15"),
        Status::Missed
    );
    assert_eq!(
        r.person("w1")
            .unwrap()
            .findings_of("patrol-minutes-daily")
            .count(),
        1
    );
    push(
        &mut d,
        "work_records",
        work("a", "w1", "2023-04-15", &[("09:00", "11:00")]),
    );
    let r = run_with(&with_daily, &d);
    assert_eq!(
        status_on(&r, "w1", "patrol-minutes-daily", "2023-04-15"),
        Status::Met
    );
}

#[test]
fn clause_2_2_2_checklists_name_the_missing_items() {
    let mut d = base("2023-04-18", "2023-04-18");
    let mut w = work("a", "w1", "2023-04-18", &[("08:00", "10:00")]);
    w["must_checks"] = json!(["environment_sanitation", "infrastructure", "safety_hazards"]);
    push(&mut d, "work_records", w);
    let r = run(&d);
    let f = r
        .person("w1")
        .unwrap()
        .findings_of("must-checks-daily")
        .next()
        .unwrap();
    assert_eq!(f.status, Status::Missed);
    let s = f.shortfall.as_ref().unwrap();
    assert_eq!(s.missing, ["public_areas", "suspicious_persons"]);
    assert_eq!((s.required, s.actual), (5, 3));
    assert_eq!(f.text.as_deref(), Some("未完成：公共区域、可疑人员"));
    assert_eq!(
        status_on(&r, "w1", "must-dos-daily", "2023-04-18"),
        Status::Met
    );
}

#[test]
fn clause_2_2_2_must_visits_ask_only_groups_living_in_the_grid() {
    let mut d = base("2023-04-01", "2023-04-30");
    // w1 moves to grid g2 (only people in difficulty live there) for April.
    d["organisation"]["assignments"][0]["to"] = json!("2023-03-31");
    d["organisation"]["assignments"]
        .as_array_mut()
        .unwrap()
        .push(json!({"person": "w1", "grid": "g2", "from": "2023-04-01"}));
    let mut w = work("a", "w1", "2023-04-10", &[("08:00", "10:00")]);
    w["grid"] = json!("g2");
    w["visits"] = json!([{ "group": "people_in_difficulty" }]);
    push(&mut d, "work_records", w);
    let r = run(&d);
    let f = r
        .person("w1")
        .unwrap()
        .findings_of("must-visits-monthly")
        .next()
        .unwrap();
    assert_eq!(f.status, Status::Met, "{f:?}");
    assert_eq!(f.evidence, ["a"]);
    // In g1 all five groups live: one visit is not enough.
    let w2 = r
        .person("w2")
        .unwrap()
        .findings_of("must-visits-monthly")
        .next()
        .unwrap();
    assert_eq!(w2.status, Status::Missed);
    assert_eq!(w2.shortfall.as_ref().unwrap().unit, Unit::Groups);
    assert_eq!(w2.shortfall.as_ref().unwrap().missing.len(), 5);
}

#[test]
fn clause_2_2_2_red_grid_service_once_a_month() {
    let mut d = base("2023-04-01", "2023-05-31");
    push(
        &mut d,
        "red_grid_services",
        json!({"id": "rg", "organiser": "w1", "grid": "g1",
        "date": "2023-04-30", "participants": ["h1"]}),
    );
    let r = run(&d);
    assert_eq!(
        status_on(&r, "w1", "red-grid-monthly", "2023-04-01"),
        Status::Met
    );
    assert_eq!(
        status_on(&r, "w1", "red-grid-monthly", "2023-05-01"),
        Status::Missed
    );
}

#[test]
fn clause_2_2_3_weekly_meeting_still_due_in_the_week_of_a_holiday_monday() {
    // 2023-05-01 (Monday) to 05-03 are Labour Day; 05-04 and 05-05 are worked, and so is
    // Saturday 05-06 (make-up day).
    let mut d = base("2023-05-01", "2023-05-14");
    push(
        &mut d,
        "meetings",
        json!({"id": "wm", "kind": "weekly", "community": "c1", "date": "2023-05-04"}),
    );
    let r = run(&d);
    let c = r.community("c1").unwrap();
    let weeks: Vec<_> = c
        .findings
        .iter()
        .filter(|f| f.obligation == "weekly-meeting")
        .collect();
    assert_eq!(weeks.len(), 2);
    assert_eq!(weeks[0].status, Status::Met);
    assert_eq!(weeks[0].evidence, ["wm"]);
    assert_eq!(weeks[0].text.as_deref(), Some("例会日逢节假日，改期召开"));
    assert_eq!(weeks[0].clause, "2.2.3");
    assert_eq!(weeks[1].status, Status::Missed);
    // No morning meeting is due on the holiday itself, one is on the make-up Saturday.
    let mornings: Vec<String> = c
        .findings
        .iter()
        .filter(|f| f.obligation == "morning-meeting-daily")
        .map(|f| f.period.from.to_string())
        .collect();
    assert_eq!(mornings[..3], ["2023-05-04", "2023-05-05", "2023-05-06"]);
}

#[test]
fn clause_2_2_3_joint_meeting_on_a_quarters_last_day_counts_for_that_quarter() {
    let mut d = base("2023-01-01", "2023-06-30");
    push(
        &mut d,
        "meetings",
        json!({"id": "jm", "kind": "quarterly_joint", "community": "c1", "date": "2023-03-31"}),
    );
    let r = run(&d);
    let c = r.community("c1").unwrap();
    let q: Vec<_> = c
        .findings
        .iter()
        .filter(|f| f.obligation == "joint-meeting-quarterly")
        .collect();
    assert_eq!(q[0].period.to.to_string(), "2023-03-31");
    assert_eq!(q[0].status, Status::Met);
    assert_eq!(q[1].period.from.to_string(), "2023-04-01");
    assert_eq!(q[1].status, Status::Missed);
}

#[test]
fn clause_2_1_0_dispatch_meeting_counts_when_convened_by_the_grid_leader_not_by_a_helper() {
    let mut d = base("2023-01-01", "2023-02-28");
    push(
        &mut d,
        "meetings",
        json!({"id": "dm", "kind": "dispatch", "community": "c1",
        "date": "2023-01-31", "chair": "l1"}),
    );
    let r = run(&d);
    assert_eq!(
        status_on(&r, "l1", "dispatch-meeting-monthly", "2023-01-01"),
        Status::Met
    );
    assert_eq!(
        status_on(&r, "l1", "dispatch-meeting-monthly", "2023-02-01"),
        Status::Missed
    );
    // 2.1.0: a meeting convened by a helper does not count, with a warning naming it.
    d["records"]["meetings"][0]["chair"] = json!("h1");
    let r2 = run(&d);
    assert_eq!(
        status_on(&r2, "l1", "dispatch-meeting-monthly", "2023-01-01"),
        Status::Missed
    );
    let w = &r2.warnings[0];
    assert_eq!(
        (w.kind, w.record.as_str(), w.path.as_str()),
        (
            WarningKind::NotConvenedByGridLeader,
            "dm",
            "records.meetings[0].chair"
        )
    );
    // The grid leader is not bound by the grid workers' daily duties.
    assert_eq!(
        r.person("l1")
            .unwrap()
            .findings_of("presence-daily")
            .count(),
        0
    );
    // Helpers hold no grid-worker duties (1.1).
    assert!(r.person("h1").is_none());
}

#[test]
fn clause_2_1_4_security_patrol_each_week() {
    let mut d = base("2023-04-17", "2023-04-30");
    push(
        &mut d,
        "security_patrols",
        json!({"id": "sp", "date": "2023-04-23", "grid": "g1", "people": ["w1", "w1"]}),
    );
    let r = run(&d);
    assert_eq!(
        status_on(&r, "w1", "security-patrol-weekly", "2023-04-17"),
        Status::Met
    );
    assert_eq!(
        status_on(&r, "w1", "security-patrol-weekly", "2023-04-24"),
        Status::Missed
    );
}

#[test]
fn clause_2_2_1_handover_due_within_the_policy_deadline_inclusive() {
    let leave_on = |handover: &str| {
        let mut d = base("2023-06-01", "2023-06-30");
        d["organisation"]["assignments"][0]["to"] = json!("2023-06-09");
        push(
            &mut d,
            "handovers",
            json!({"id": "ho", "person": "w1", "grid": "g1",
            "date": handover, "residents_notified": true}),
        );
        let r = run(&d);
        r.person("w1")
            .unwrap()
            .findings_of("handover-on-leaving")
            .next()
            .unwrap()
            .clone()
    };
    // The default deadline is 3 days after the last day (2023-06-09).
    assert_eq!(leave_on("2023-06-12").status, Status::Met);
    let late = leave_on("2023-06-13");
    assert_eq!(late.status, Status::Missed);
    assert_eq!(late.clause, "2.2.1");

    // Leaving on the period's last day: the handover is not yet due.
    let mut d = base("2023-06-01", "2023-06-30");
    d["organisation"]["assignments"][0]["to"] = json!("2023-06-30");
    let r = run(&d);
    let f = r
        .person("w1")
        .unwrap()
        .findings_of("handover-on-leaving")
        .next()
        .unwrap();
    assert_eq!(f.excuse, Some(Excuse::NotYetDue));
}

#[test]
fn clause_2_2_6_work_record_each_working_day() {
    let mut d = base("2023-04-17", "2023-04-18");
    push(&mut d, "work_records", work("a", "w1", "2023-04-17", &[]));
    let r = run(&d);
    assert_eq!(
        status_on(&r, "w1", "work-record-daily", "2023-04-17"),
        Status::Met
    );
    assert_eq!(
        status_on(&r, "w1", "work-record-daily", "2023-04-18"),
        Status::Missed
    );
    // A record without patrol or visit is not presence in the grid (2.2.2).
    assert_eq!(
        status_on(&r, "w1", "presence-daily", "2023-04-17"),
        Status::Missed
    );
}

#[test]
fn clause_3_5_group_study_attendance_self_study_and_notebook_review() {
    let mut d = base("2023-04-17", "2023-04-30");
    push(
        &mut d,
        "group_studies",
        json!({"id": "gs", "community": "c1", "date": "2023-04-19", "attendees": ["w2"]}),
    );
    push(
        &mut d,
        "self_studies",
        json!({"id": "ss", "person": "w1", "date": "2023-04-20"}),
    );
    push(
        &mut d,
        "notebook_reviews",
        json!({"id": "nr", "person": "w1", "reviewer": "l1",
        "date": "2023-04-28", "comment": "认真"}),
    );
    let r = run(&d);
    let c = r.community("c1").unwrap();
    let gs: Vec<_> = c
        .findings
        .iter()
        .filter(|f| f.obligation == "group-study-weekly")
        .collect();
    assert_eq!((gs[0].status, gs[1].status), (Status::Met, Status::Missed));
    assert_eq!(gs[0].clause, "3.5");
    assert_eq!(
        status_on(&r, "w1", "group-study-attendance-weekly", "2023-04-17"),
        Status::Missed
    );
    assert_eq!(
        status_on(&r, "w2", "group-study-attendance-weekly", "2023-04-17"),
        Status::Met
    );
    assert_eq!(
        status_on(&r, "w1", "self-study-weekly", "2023-04-17"),
        Status::Met
    );
    // The notebook review is the secretary's duty (3.5, 1.1): no worker finding.
    assert_eq!(
        r.person("w1")
            .unwrap()
            .findings_of("notebook-review-monthly")
            .count(),
        0
    );
    // w1 was reviewed by the secretary, w2 was not: the finding is the secretary's.
    let review = r
        .person("l1")
        .unwrap()
        .findings_of("notebook-review-monthly")
        .next()
        .unwrap();
    assert_eq!(review.status, Status::Missed);
    assert_eq!(review.clause, "3.5");
    assert_eq!(review.evidence, ["nr"]);
    let short = review.shortfall.as_ref().unwrap();
    assert_eq!(
        (short.unit, short.required, short.actual),
        (Unit::Workers, 2, 1)
    );
    assert_eq!(short.missing, ["w2"]);
}

#[test]
fn clause_3_5_a_review_by_the_secretary_counts_and_one_by_a_fellow_worker_does_not() {
    let mut d = base("2023-04-01", "2023-04-30");
    d["organisation"]["assignments"][1]["from"] = json!("2023-01-01");
    push(
        &mut d,
        "notebook_reviews",
        json!({"id": "by-secretary", "person": "w1", "reviewer": "l1",
        "date": "2023-04-28", "comment": "认真"}),
    );
    push(
        &mut d,
        "notebook_reviews",
        json!({"id": "by-fellow", "person": "w2", "reviewer": "w1",
        "date": "2023-04-28", "comment": "不错"}),
    );
    let r = run(&d);
    let review = r
        .person("l1")
        .unwrap()
        .findings_of("notebook-review-monthly")
        .next()
        .unwrap();
    assert_eq!(review.status, Status::Missed);
    assert_eq!(review.evidence, ["by-secretary"]);
    assert_eq!(review.shortfall.as_ref().unwrap().missing, ["w2"]);
    assert!(review.text.as_deref().unwrap().contains("乙（w2）"));
    let w = r.warnings.iter().find(|w| w.record == "by-fellow").unwrap();
    assert_eq!(w.kind, WarningKind::NotReviewedBySecretary);
    // Paths index the canonical order (date, then record ID): `by-fellow` sorts first.
    assert_eq!(w.path, "records.notebook_reviews[0].reviewer");
    assert!(!r.complete);
    // Neither worker is charged.
    for p in ["w1", "w2"] {
        assert!(
            r.person(p)
                .unwrap()
                .findings
                .iter()
                .all(|f| f.clause != "3.5" || f.obligation != "notebook-review-monthly")
        );
    }

    // Both reviewed by the secretary: met.
    d["records"]["notebook_reviews"][1]["reviewer"] = json!("l1");
    let r = run(&d);
    assert_eq!(
        status_on(&r, "l1", "notebook-review-monthly", "2023-04-01"),
        Status::Met
    );
}

#[test]
fn clause_3_5_a_reviewer_of_another_community_is_an_error() {
    let mut d = base("2023-04-01", "2023-04-30");
    d["organisation"]["communities"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "c2", "name": "邻社区", "party_secretary": "l2", "grids": []}));
    d["organisation"]["people"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "l2", "name": "邻书记", "community": "c2", "role": "grid_leader"}));
    push(
        &mut d,
        "notebook_reviews",
        json!({"id": "nr", "person": "w1", "reviewer": "l2",
        "date": "2023-04-28", "comment": "认真"}),
    );
    push(
        &mut d,
        "meetings",
        json!({"id": "dm", "kind": "dispatch", "community": "c1",
        "date": "2023-04-03", "chair": "l2"}),
    );
    let err = Dossier::from_json(&d.to_string()).unwrap_err();
    let got: Vec<_> = err
        .problems()
        .iter()
        .map(|p| (p.kind, p.path.clone().unwrap(), p.record.clone().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (
                ErrorKind::UnknownReference,
                "records.meetings[0].chair".to_owned(),
                "dm".to_owned()
            ),
            (
                ErrorKind::UnknownReference,
                "records.notebook_reviews[0].reviewer".to_owned(),
                "nr".to_owned()
            ),
        ]
    );
}

#[test]
fn clause_3_5_a_week_without_group_study_excuses_attendance_and_the_community_misses() {
    let mut d = base("2023-04-17", "2023-04-30");
    push(
        &mut d,
        "group_studies",
        json!({"id": "gs", "community": "c1", "date": "2023-04-19", "attendees": ["w1"]}),
    );
    let r = run(&d);
    // Week of the 17th: held, w1 attended.
    assert_eq!(
        status_on(&r, "w1", "group-study-attendance-weekly", "2023-04-17"),
        Status::Met
    );
    // Week of the 24th: none held — the community misses 3.5, the worker is excused.
    let week = r
        .person("w1")
        .unwrap()
        .findings_of("group-study-attendance-weekly")
        .find(|f| f.period.from.to_string() == "2023-04-24")
        .unwrap();
    assert_eq!(
        (week.status, week.excuse),
        (Status::Excused, Some(Excuse::NotHeld))
    );
    assert_eq!(week.clause, "3.5");
    let c = r.community("c1").unwrap();
    let held: Vec<_> = c
        .findings
        .iter()
        .filter(|f| f.obligation == "group-study-weekly")
        .map(|f| f.status)
        .collect();
    assert_eq!(held, [Status::Met, Status::Missed]);
    assert_eq!(
        r.person("w1")
            .unwrap()
            .totals_of("group-study-attendance-weekly")
            .missed,
        0
    );
}

#[test]
fn clause_3_5_a_review_without_comment_is_refused() {
    let mut d = base("2023-04-17", "2023-04-30");
    push(
        &mut d,
        "notebook_reviews",
        json!({"id": "nr", "person": "w1", "reviewer": "l1",
        "date": "2023-04-28", "comment": " "}),
    );
    let err = Dossier::from_json(&d.to_string()).unwrap_err();
    assert_eq!(
        err.problems()[0].path.as_deref(),
        Some("records.notebook_reviews[0].comment")
    );
}

#[test]
fn clause_3_6_6_each_duty_shift_logged_and_handed_over() {
    let mut d = base("2023-04-17", "2023-04-18");
    push(
        &mut d,
        "duty_shifts",
        json!({"id": "ok", "person": "w1", "community": "c1",
        "date": "2023-04-17", "log": "无异常", "handed_over_to": "w2"}),
    );
    push(
        &mut d,
        "duty_shifts",
        json!({"id": "bad", "person": "w1", "community": "c1", "date": "2023-04-18"}),
    );
    let r = run(&d);
    let f: Vec<_> = r
        .person("w1")
        .unwrap()
        .findings_of("duty-shift-complete")
        .collect();
    assert_eq!(f[0].status, Status::Met);
    assert_eq!(f[1].status, Status::Missed);
    assert_eq!(f[1].event.as_deref(), Some("bad"));
    assert_eq!(
        f[1].shortfall.as_ref().unwrap().missing,
        ["log", "handover"]
    );
}

#[test]
fn a_worker_who_joins_on_the_15th_is_excused_before_and_due_after() {
    let d = base("2023-03-01", "2023-03-31");
    let r = run(&d);
    assert_eq!(
        status_on(&r, "w2", "presence-daily", "2023-03-14"),
        Status::Excused
    );
    let f = r
        .person("w2")
        .unwrap()
        .findings_of("presence-daily")
        .find(|f| f.period.from.to_string() == "2023-03-14")
        .unwrap();
    assert_eq!(f.excuse, Some(Excuse::NotAssigned));
    assert_eq!(
        status_on(&r, "w2", "presence-daily", "2023-03-15"),
        Status::Missed
    );
    // The month is due: the worker is in the grid for part of it.
    assert_eq!(
        status_on(&r, "w2", "red-grid-monthly", "2023-03-01"),
        Status::Missed
    );
    // The week of 2023-03-13 is due too (joined on its Wednesday).
    assert_eq!(
        status_on(&r, "w2", "self-study-weekly", "2023-03-13"),
        Status::Missed
    );
    assert_eq!(
        status_on(&r, "w2", "self-study-weekly", "2023-03-06"),
        Status::Excused
    );
}

#[test]
fn approved_leave_excuses_the_days_and_a_week_wholly_on_leave() {
    let mut d = base("2023-04-17", "2023-04-30");
    push(
        &mut d,
        "leave",
        json!({"id": "lv", "person": "w1", "from": "2023-04-24", "to": "2023-04-28", "approved_by": "l1"}),
    );
    let r = run(&d);
    let w1 = r.person("w1").unwrap();
    let f = w1
        .findings_of("presence-daily")
        .find(|f| f.period.from.to_string() == "2023-04-24")
        .unwrap();
    assert_eq!((f.status, f.excuse), (Status::Excused, Some(Excuse::Leave)));
    assert_eq!(f.evidence, ["lv"]);
    // The make-up Sunday 2023-04-23 is not on leave: due.
    assert_eq!(
        status_on(&r, "w1", "presence-daily", "2023-04-23"),
        Status::Missed
    );
    // The week of 04-24 has working days only on leave (04-29/30 are a weekend).
    assert_eq!(
        status_on(&r, "w1", "self-study-weekly", "2023-04-24"),
        Status::Excused
    );
}

#[test]
fn leap_day_2024_02_29_is_a_working_day() {
    let mut d = base("2024-02-28", "2024-03-01");
    push(
        &mut d,
        "work_records",
        work("leap", "w1", "2024-02-29", &[("08:00", "10:00")]),
    );
    let r = run(&d);
    assert_eq!(
        status_on(&r, "w1", "patrol-minutes-daily", "2024-02-29"),
        Status::Met
    );
    assert_eq!(
        r.person("w1")
            .unwrap()
            .findings_of("presence-daily")
            .count(),
        3
    );
}

#[test]
fn clause_2_1_10_a_later_version_retires_the_epidemic_duty_without_code() {
    let v2 = policy_with(|doc| {
        doc["version"] = json!("2.0.0");
        obligation_mut(doc, "epidemic-must-do-daily")["effective_to"] = json!("2023-04-17");
    });
    let mut d = base("2023-04-17", "2023-04-18");
    push(
        &mut d,
        "work_records",
        work("a", "w1", "2023-04-17", &[("08:00", "10:00")]),
    );
    let r = run_with(&v2, &d);
    let days: Vec<String> = r
        .person("w1")
        .unwrap()
        .findings_of("epidemic-must-do-daily")
        .map(|f| f.period.from.to_string())
        .collect();
    assert_eq!(days, ["2023-04-17"]);
    assert_eq!(
        r.person("w1")
            .unwrap()
            .findings_of("must-dos-daily")
            .count(),
        2
    );
}

#[test]
fn records_outside_the_period_or_assignment_are_set_aside_with_a_warning() {
    let mut d = base("2023-04-17", "2023-04-18");
    push(
        &mut d,
        "work_records",
        work("early", "w1", "2023-04-14", &[("08:00", "10:00")]),
    );
    push(
        &mut d,
        "work_records",
        work("not-yet", "w2", "2023-03-14", &[("08:00", "10:00")]),
    );
    d["period"]["from"] = json!("2023-03-14");
    let dossier = Dossier::from_json(&d.to_string()).unwrap();
    let options = Options {
        period: Some(wangge::DateRange::new(
            wangge::Date::parse("2023-04-17").unwrap(),
            wangge::Date::parse("2023-04-18").unwrap(),
        )),
        ..Options::default()
    };
    let r = evaluate(&Policy::xincheng_2022(), &dossier, &options).unwrap();
    assert!(!r.complete);
    let kinds: Vec<_> = r
        .warnings
        .iter()
        .map(|w| (w.kind, w.record.as_str()))
        .collect();
    // In canonical order (by date, then ID), not the order listed.
    assert_eq!(
        kinds,
        [
            (WarningKind::OutsidePeriod, "not-yet"),
            (WarningKind::OutsidePeriod, "early")
        ]
    );

    let mut d = base("2023-03-14", "2023-03-14");
    push(
        &mut d,
        "work_records",
        work("not-yet", "w2", "2023-03-14", &[("08:00", "10:00")]),
    );
    let r = run(&d);
    assert_eq!(r.warnings[0].kind, WarningKind::OutsideAssignment);
    assert_eq!(r.warnings[0].path, "records.work_records[0]");
}

#[test]
fn a_period_outside_the_dossier_or_the_calendar_is_an_error() {
    let d = base("2023-04-17", "2023-04-18");
    let dossier = Dossier::from_json(&d.to_string()).unwrap();
    let options = Options {
        period: Some(wangge::DateRange::new(
            wangge::Date::parse("2023-04-17").unwrap(),
            wangge::Date::parse("2023-04-19").unwrap(),
        )),
        ..Options::default()
    };
    let err = evaluate(&Policy::xincheng_2022(), &dossier, &options).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::InvalidPeriod));

    let d = base("2021-12-30", "2022-01-02");
    let dossier = Dossier::from_json(&d.to_string()).unwrap();
    let err = evaluate(&Policy::xincheng_2022(), &dossier, &Options::default()).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::OutsideCalendar));
    assert_eq!(err.problems()[0].date.as_deref(), Some("2021-12-30"));
}

#[test]
fn bad_organisation_is_reported_all_at_once() {
    let mut d = base("2023-04-17", "2023-04-18");
    d["organisation"]["people"][1]["role"] = json!("grid_leader");
    d["organisation"]["people"][3]
        .as_object_mut()
        .unwrap()
        .remove("helper_kind");
    d["organisation"]["assignments"][0]["grid"] = json!("g9");
    let err = Dossier::from_json(&d.to_string()).unwrap_err();
    let kinds: Vec<_> = err.problems().iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ErrorKind::InvalidOrganisation,
            ErrorKind::InvalidOrganisation,
            ErrorKind::UnknownReference
        ]
    );
}

#[test]
fn overlapping_leave_and_two_records_on_one_day_are_errors() {
    let mut d = base("2023-04-17", "2023-04-18");
    push(
        &mut d,
        "leave",
        json!({"id": "a", "person": "w1", "from": "2023-04-17", "to": "2023-04-18", "approved_by": "l1"}),
    );
    push(
        &mut d,
        "leave",
        json!({"id": "b", "person": "w1", "from": "2023-04-18", "to": "2023-04-19", "approved_by": "l1"}),
    );
    push(&mut d, "work_records", work("x", "w1", "2023-04-17", &[]));
    push(&mut d, "work_records", work("y", "w1", "2023-04-17", &[]));
    let err = Dossier::from_json(&d.to_string()).unwrap_err();
    let records: Vec<_> = err
        .problems()
        .iter()
        .map(|p| (p.kind, p.record.clone().unwrap()))
        .collect();
    assert_eq!(
        records,
        [
            (ErrorKind::Overlap, "y".to_owned()),
            (ErrorKind::Overlap, "b".to_owned())
        ]
    );
}

/// Record IDs are gathered and sorted once; a dossier with an ID used twice is checked again
/// record by record, so each second use is reported where it is, among the other problems in
/// document order, exactly as a check ID by ID would.
#[test]
fn a_record_id_used_twice_is_reported_where_it_is_among_the_other_problems() {
    let mut d = base("2023-04-17", "2023-04-18");
    push(&mut d, "work_records", work("x", "w1", "2023-04-17", &[]));
    push(&mut d, "work_records", work("x", "w1", "2023-04-18", &[]));
    push(
        &mut d,
        "work_records",
        work("z", "nobody", "2023-04-18", &[]),
    );
    push(
        &mut d,
        "leave",
        json!({"id": "x", "person": "w2", "from": "2023-04-17", "to": "2023-04-17", "approved_by": "l1"}),
    );
    let err = Dossier::from_json(&d.to_string()).unwrap_err();
    let found: Vec<_> = err
        .problems()
        .iter()
        .map(|p| (p.kind, p.path.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        [
            (
                ErrorKind::DuplicateId,
                "records.work_records[1].id".to_owned()
            ),
            (
                ErrorKind::UnknownReference,
                "records.work_records[2].person".to_owned()
            ),
            (ErrorKind::DuplicateId, "records.leave[0].id".to_owned()),
        ]
    );
    // The same records with distinct IDs and known people: valid.
    let mut d = base("2023-04-17", "2023-04-18");
    push(&mut d, "work_records", work("x", "w1", "2023-04-17", &[]));
    push(&mut d, "work_records", work("y", "w1", "2023-04-18", &[]));
    Dossier::from_json(&d.to_string()).unwrap();
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let d = wangge::sample::community_2023();
    let a = wangge::to_json(&evaluate(&Policy::xincheng_2022(), &d, &Options::default()).unwrap());
    let b = wangge::to_json(&evaluate(&Policy::xincheng_2022(), &d, &Options::default()).unwrap());
    assert_eq!(a, b);
}

#[test]
fn the_sample_dossier_is_valid_and_shows_realistic_misses() {
    let d = wangge::sample::community_2023();
    d.validate().unwrap();
    let r = evaluate(&Policy::xincheng_2022(), &d, &Options::default()).unwrap();
    assert!(r.complete);
    let missed = |p: &str, o: &str| r.person(p).unwrap().totals_of(o).missed;
    // The diligent worker misses far less than the careless one.
    assert!(missed("w1", "patrol-minutes-daily") < missed("w4", "patrol-minutes-daily"));
    // The week without group study (2023-06-12) is missed by the community.
    let c = r.community("c1").unwrap();
    assert!(
        c.findings
            .iter()
            .any(|f| f.obligation == "group-study-weekly"
                && f.status == Status::Missed
                && f.period.from.to_string() == "2023-06-12")
    );
    // The boundary days of the sample: 119 minutes missed, 120 met.
    assert_eq!(
        status_on(&r, "w2", "patrol-minutes-daily", "2023-03-07"),
        Status::Missed
    );
    assert_eq!(
        status_on(&r, "w2", "patrol-minutes-daily", "2023-03-08"),
        Status::Met
    );
    // Every obligation of the policy appears in the report with its clause.
    for o in Policy::xincheng_2022().document().obligations.iter() {
        assert!(r.clauses.contains_key(&o.clause), "{}", o.clause);
    }
}

fn task(id: &str, due_by: &str, done_on: Option<&str>) -> Value {
    let mut t = json!({ "id": id, "community": "c1", "assignee": "w1",
        "assigned_by": "街道综合办", "assigned_on": "2023-04-03", "due_by": due_by,
        "task": "核查出租房屋" });
    if let Some(d) = done_on {
        t["done_on"] = json!(d);
    }
    t
}

#[test]
fn clause_2_1_11_a_task_done_on_its_due_date_is_met_the_day_after_missed() {
    let mut d = base("2023-04-01", "2023-04-30");
    push(
        &mut d,
        "assigned_tasks",
        task("on-due", "2023-04-10", Some("2023-04-10")),
    );
    push(
        &mut d,
        "assigned_tasks",
        task("day-after", "2023-04-10", Some("2023-04-11")),
    );
    push(
        &mut d,
        "assigned_tasks",
        task("not-done", "2023-04-20", None),
    );
    push(
        &mut d,
        "assigned_tasks",
        task("due-later", "2023-05-20", None),
    );
    push(
        &mut d,
        "assigned_tasks",
        task("done-after-end", "2023-04-28", Some("2023-05-02")),
    );
    let r = run(&d);
    let got: Vec<(String, Status)> = r
        .person("w1")
        .unwrap()
        .findings_of("assigned-tasks-on-time")
        .map(|f| (f.event.clone().unwrap(), f.status))
        .collect();
    assert_eq!(
        got,
        vec![
            ("day-after".into(), Status::Missed),
            ("on-due".into(), Status::Met),
            ("not-done".into(), Status::Missed),
            ("done-after-end".into(), Status::Missed),
        ]
    );
    let f = r
        .person("w1")
        .unwrap()
        .findings_of("assigned-tasks-on-time")
        .next()
        .unwrap();
    assert_eq!(f.clause, "2.1.11");
    assert!(f.text.as_deref().unwrap().contains("逾期1日"));
}

fn divided(reported_on: Option<&str>) -> Value {
    let mut d = base("2023-04-01", "2023-04-30");
    d["organisation"]["communities"][0]["areas"] =
        json!([{ "id": "b1", "name": "1号楼" }, { "id": "b2", "name": "2号楼" }]);
    let mut changed = json!({ "id": "div-2", "community": "c1", "effective_from": "2023-04-15",
        "grids": [{ "grid": "g1", "areas": ["b1"] }, { "grid": "g2", "areas": ["b2"] }] });
    if let Some(r) = reported_on {
        changed["reported_on"] = json!(r);
    }
    d["organisation"]["divisions"] = json!([
        { "id": "div-1", "community": "c1", "effective_from": "2022-06-02",
          "grids": [{ "grid": "g1", "areas": ["b1", "b2"] }] },
        changed
    ]);
    d
}

#[test]
fn clause_1_2_a_changed_division_must_be_reported_to_the_leading_group() {
    let status = |d: &Value| {
        let r = run(d);
        let c = r.community("c1").unwrap();
        let found: Vec<_> = c
            .findings
            .iter()
            .filter(|f| f.obligation == "division-changes-filed")
            .collect();
        assert_eq!(
            found.len(),
            1,
            "only the change is judged, not the first division"
        );
        assert_eq!(found[0].clause, "1.2");
        assert_eq!(found[0].event.as_deref(), Some("div-2"));
        found[0].status
    };
    assert_eq!(status(&divided(Some("2023-04-16"))), Status::Met);
    assert_eq!(status(&divided(None)), Status::Missed);
    // Reported only after the period: not yet reported as of its end.
    assert_eq!(status(&divided(Some("2023-05-03"))), Status::Missed);
}

#[test]
fn clause_2_1_3_activity_frequencies_are_policy_data_absent_by_default() {
    let mut d = base("2023-04-01", "2023-04-30");
    push(
        &mut d,
        "activities",
        json!({ "id": "a1", "kind": "publicity", "person": "w1",
        "grid": "g1", "date": "2023-04-12", "participants": ["居民甲"], "note": "宣传" }),
    );
    push(
        &mut d,
        "activities",
        json!({ "id": "a-out", "kind": "publicity", "person": "w1",
        "grid": "g1", "date": "2023-05-12" }),
    );
    let r = run(&d);
    // The measures give no frequency: the default asks none.
    let text = Policy::xincheng_2022().to_json();
    for record in [
        "party_member_activity",
        "publicity_activity",
        "emergency_task_activity",
        "resident_mobilisation_activity",
    ] {
        assert!(!text.contains(record), "{record}");
    }
    assert!(
        r.warnings
            .iter()
            .any(|w| w.kind == WarningKind::OutsidePeriod && w.record == "a-out")
    );
    // A policy may ask for one a month.
    let mut v: Value = serde_json::from_str(&Policy::xincheng_2022().to_json()).unwrap();
    v["obligations"].as_array_mut().unwrap().push(json!({
        "id": "publicity-monthly", "clause": "2.1.3", "title_zh": "每月宣传活动",
        "title_en": "A publicity activity each month", "binds": "grid_worker",
        "period": "month",
        "requirement": { "kind": "record_count", "record": "publicity_activity", "minimum": 1 },
        "local_choices": [{ "field": "requirement.minimum", "clause": "2.1.3",
            "note": "local choice: the measures give no frequency" }]
    }));
    let policy = Policy::from_json(&v.to_string()).unwrap();
    let r = run_with(&policy, &d);
    assert_eq!(
        status_on(&r, "w1", "publicity-monthly", "2023-04-01"),
        Status::Met
    );
    assert_eq!(
        status_on(&r, "w2", "publicity-monthly", "2023-04-01"),
        Status::Missed
    );
}

/// `w1` holds g1 and g2 at once (兼任) from 2023-04-01.
fn two_grids(from: &str, to: &str) -> Value {
    let mut d = base(from, to);
    d["organisation"]["assignments"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "person": "w1", "grid": "g2", "from": "2023-04-01" }));
    d
}

fn in_grid(id: &str, grid: &str, date: &str, sessions: &[(&str, &str)], visits: &[&str]) -> Value {
    let mut w = work(id, "w1", date, sessions);
    w["grid"] = json!(grid);
    w["visits"] = json!(
        visits
            .iter()
            .map(|v| json!({ "group": v }))
            .collect::<Vec<_>>()
    );
    w
}

fn allowing_two_grids() -> Policy {
    policy_with(|doc| {
        doc["parameters"]["grids_per_worker"]["value"] = json!(2);
        doc["parameters"]["grids_per_worker"]["note"] =
            json!("local choice of this test: a worker may hold two grids (兼任)");
    })
}

#[test]
fn clause_1_1_a_second_overlapping_assignment_is_refused_under_the_default_policy() {
    let d = two_grids("2023-04-17", "2023-04-17");
    let dossier = Dossier::from_json(&d.to_string()).unwrap();
    let err = evaluate(&Policy::xincheng_2022(), &dossier, &Options::default()).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.kind, ErrorKind::Overlap);
    assert_eq!(p.path.as_deref(), Some("organisation.assignments[2]"));
    assert_eq!(p.record.as_deref(), Some("w1"));
    assert!(p.message.contains("grids `g1` and `g2`"), "{}", p.message);
    // Every call under a policy refuses it, not only the compliance report.
    let text = d.to_string();
    for answer in [
        wangge::api::assess_json(None, &text, None),
        wangge::api::attendance_json(None, &text, None),
        wangge::api::evidence_json(None, &text, None),
    ] {
        assert!(answer.contains(r#""kind":"overlap""#), "{answer}");
    }
    // A policy allowing two grids accepts it, and refuses a third.
    assert!(evaluate(&allowing_two_grids(), &dossier, &Options::default()).is_ok());
    let mut three = base("2023-04-17", "2023-04-17");
    three["organisation"]["communities"][0]["grids"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "g3", "name": "三网格" }));
    for g in ["g2", "g3"] {
        three["organisation"]["assignments"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "person": "w1", "grid": g, "from": "2023-04-01" }));
    }
    let dossier = Dossier::from_json(&three.to_string()).unwrap();
    let err = evaluate(&allowing_two_grids(), &dossier, &Options::default()).unwrap_err();
    assert_eq!(
        err.problems()[0].path.as_deref(),
        Some("organisation.assignments[3]")
    );
    // Two assignments to the same grid at once are an overlap under any policy.
    let mut same = base("2023-04-17", "2023-04-17");
    same["organisation"]["assignments"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "person": "w1", "grid": "g1", "from": "2023-04-01" }));
    let err = Dossier::from_json(&same.to_string()).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::Overlap));
}

#[test]
fn clause_1_1_two_work_records_on_one_day_in_two_grids_are_refused_under_the_default_policy() {
    let mut d = base("2023-04-17", "2023-04-17");
    push(
        &mut d,
        "work_records",
        in_grid("a", "g1", "2023-04-17", &[], &[]),
    );
    push(
        &mut d,
        "work_records",
        in_grid("b", "g2", "2023-04-17", &[], &[]),
    );
    let dossier = Dossier::from_json(&d.to_string()).unwrap();
    let err = evaluate(&Policy::xincheng_2022(), &dossier, &Options::default()).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(
        (p.kind, p.record.as_deref(), p.path.as_deref()),
        (
            ErrorKind::Overlap,
            Some("b"),
            Some("records.work_records[1]")
        )
    );
}

#[test]
fn clause_2_2_2_a_worker_on_two_grids_meets_120_minutes_with_60_in_each() {
    let mut d = two_grids("2023-04-17", "2023-04-18");
    // The 17th: 60 + 60 minutes in two grids.
    push(
        &mut d,
        "work_records",
        in_grid("a1", "g1", "2023-04-17", &[("08:30", "09:30")], &[]),
    );
    push(
        &mut d,
        "work_records",
        in_grid(
            "a2",
            "g2",
            "2023-04-17",
            &[("14:00", "15:00")],
            &["people_in_difficulty"],
        ),
    );
    // The 18th: 60 + 59 minutes.
    push(
        &mut d,
        "work_records",
        in_grid("b1", "g1", "2023-04-18", &[("08:30", "09:30")], &[]),
    );
    push(
        &mut d,
        "work_records",
        in_grid("b2", "g2", "2023-04-18", &[("14:00", "14:59")], &[]),
    );
    let r = run_with(&allowing_two_grids(), &d);
    assert!(r.complete, "{:?}", r.warnings);
    let w1 = r.person("w1").unwrap();
    let day = |o: &str, date: &str| {
        w1.findings_of(o)
            .find(|f| f.period.from.to_string() == date)
            .unwrap()
            .clone()
    };
    let met = day("patrol-minutes-daily", "2023-04-17");
    assert_eq!(met.status, Status::Met);
    assert_eq!(met.evidence, ["a1", "a2"]);
    let short = day("patrol-minutes-daily", "2023-04-18");
    assert_eq!(short.status, Status::Missed);
    assert_eq!(short.shortfall.unwrap().actual, 119);
    assert_eq!(day("presence-daily", "2023-04-17").status, Status::Met);
    // The checklists are ticked across the day's records; one work record a day suffices.
    assert_eq!(day("must-checks-daily", "2023-04-17").status, Status::Met);
    assert_eq!(day("work-record-daily", "2023-04-17").status, Status::Met);

    // Presence in each grid: a day with a record in g1 only misses g2.
    let mut one = two_grids("2023-04-17", "2023-04-17");
    push(
        &mut one,
        "work_records",
        in_grid("c1", "g1", "2023-04-17", &[("08:00", "10:00")], &[]),
    );
    let r = run_with(&allowing_two_grids(), &one);
    let w1 = r.person("w1").unwrap();
    let f = w1.findings_of("presence-daily").next().unwrap();
    assert_eq!((f.status, f.clause.as_str()), (Status::Missed, "2.2.2"));
    let s = f.shortfall.as_ref().unwrap();
    assert_eq!((s.unit, s.required, s.actual), (Unit::Grids, 2, 1));
    assert_eq!(s.missing, ["g2"]);
    assert!(f.text.as_deref().unwrap().contains("二网格"));
    // 120 minutes in g1 alone still meets the minutes.
    assert_eq!(
        w1.findings_of("patrol-minutes-daily")
            .next()
            .unwrap()
            .status,
        Status::Met
    );
}

#[test]
fn clause_2_2_2_a_worker_on_two_grids_visits_each_grids_groups_there() {
    let mut d = two_grids("2023-04-01", "2023-04-30");
    // g2 has only people in difficulty; they are visited in g1's record, which does not count.
    push(
        &mut d,
        "work_records",
        in_grid(
            "v1",
            "g1",
            "2023-04-17",
            &[("08:00", "10:00")],
            &[
                "people_in_difficulty",
                "floating_population",
                "empty_nest_elderly",
                "model_figures",
                "special_groups",
            ],
        ),
    );
    let r = run_with(&allowing_two_grids(), &d);
    let f = r
        .person("w1")
        .unwrap()
        .findings_of("must-visits-monthly")
        .next()
        .unwrap()
        .clone();
    assert_eq!(f.status, Status::Missed);
    let s = f.shortfall.unwrap();
    assert_eq!((s.required, s.actual), (6, 5));
    assert_eq!(s.missing, ["people_in_difficulty@g2"]);
    assert_eq!(f.text.as_deref(), Some("未走访：二网格的困难人群"));

    push(
        &mut d,
        "work_records",
        in_grid(
            "v2",
            "g2",
            "2023-04-18",
            &[("08:00", "10:00")],
            &["people_in_difficulty"],
        ),
    );
    let r = run_with(&allowing_two_grids(), &d);
    assert_eq!(
        status_on(&r, "w1", "must-visits-monthly", "2023-04-01"),
        Status::Met
    );
}

#[test]
fn clause_2_2_2_patrols_in_two_grids_at_the_same_time_overlap() {
    let mut d = two_grids("2023-04-17", "2023-04-17");
    push(
        &mut d,
        "work_records",
        in_grid("a", "g1", "2023-04-17", &[("08:00", "10:00")], &[]),
    );
    push(
        &mut d,
        "work_records",
        in_grid("b", "g2", "2023-04-17", &[("09:30", "11:00")], &[]),
    );
    let err = Dossier::from_json(&d.to_string()).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(
        (p.kind, p.path.as_deref(), p.record.as_deref()),
        (
            ErrorKind::Overlap,
            Some("records.work_records[1].patrols[0]"),
            Some("b")
        )
    );
}
