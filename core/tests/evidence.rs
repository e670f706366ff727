//! Evidence rules by clause: urgent reports (2.1.4, 2.1.7, 2.1.8), problem lifecycles (2.2.2),
//! ledgers (2.1.2), proxy cases (2.1.8) and the metrics of the assessment (4.1).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use wangge::evidence::{
    self, FindingKind, LedgerEntry, LedgerKind, ProblemCategory, ProblemFound, ProblemReport,
    ProblemStep, ProxyCase, ProxyOutcome, ProxyService, Ratio, ReportChannel, StepKind,
};
use wangge::records::{MustVisit, Visit, WorkRecord};
use wangge::{Date, DateRange, Dossier, ErrorKind, LocalTime, Options, Policy, Records, Status};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}
fn t(s: &str) -> LocalTime {
    LocalTime::parse(s).unwrap()
}

/// The sample organisation with no records, for 2023.
fn empty() -> Dossier {
    let mut dossier = wangge::sample::community_2023();
    dossier.records = Records::default();
    dossier
}

fn problem(id: &str, category: ProblemCategory, date: &str, at: &str) -> ProblemFound {
    ProblemFound {
        id: id.into(),
        person: "w1".into(),
        grid: "g1".into(),
        date: d(date),
        found_at: t(at),
        category,
        other_category: None,
        text: "test".into(),
        steps: Vec::new(),
        reports: Vec::new(),
    }
}

fn report(channel: ReportChannel, date: &str, at: &str) -> ProblemReport {
    ProblemReport {
        channel,
        date: d(date),
        time: t(at),
    }
}

fn both(date: &str, at: &str) -> Vec<ProblemReport> {
    vec![
        report(ReportChannel::Community, date, at),
        report(ReportChannel::GridGroup, date, at),
    ]
}

fn step(kind: StepKind, date: &str, at: &str) -> ProblemStep {
    ProblemStep {
        step: kind,
        date: d(date),
        time: t(at),
        actor: "w1".into(),
        to: None,
        department: (kind == StepKind::Coordinated).then(|| "消防救援大队".into()),
        note: None,
    }
}

fn run(dossier: &Dossier) -> evidence::EvidenceReport {
    dossier.validate().unwrap();
    evidence::evaluate(&Policy::xincheng_2022(), dossier, dossier.period).unwrap()
}

fn at_once() -> i64 {
    Policy::xincheng_2022()
        .document()
        .evidence
        .at_once_minutes
        .value
}

#[test]
fn clause_2_1_4_report_exactly_at_the_at_once_deadline_is_on_time() {
    assert_eq!(at_once(), 30, "the default reads 第一时间 as 30 minutes");
    let mut dossier = empty();
    let mut p = problem("p1", ProblemCategory::FireSafety, "2023-05-10", "09:00");
    p.reports = both("2023-05-10", "09:30");
    dossier.records.problems.push(p);
    let r = run(&dossier);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let m = &r.person("w1").unwrap().problems;
    assert_eq!(
        (m.reports_due, m.reports_on_time, m.reports_late),
        (1, 1, 0)
    );
}

#[test]
fn clause_2_1_4_report_one_minute_over_the_at_once_deadline_is_late() {
    let mut dossier = empty();
    let mut p = problem("p1", ProblemCategory::Instability, "2023-05-10", "23:50");
    // Across midnight: 31 minutes on the community channel, 30 on the grid group.
    p.reports = vec![
        report(ReportChannel::Community, "2023-05-11", "00:21"),
        report(ReportChannel::GridGroup, "2023-05-11", "00:20"),
    ];
    dossier.records.problems.push(p);
    let r = run(&dossier);
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    let f = &r.findings[0];
    assert_eq!(f.kind, FindingKind::LateReport);
    assert_eq!(f.clause, "2.1.4");
    assert_eq!(f.channel, Some(ReportChannel::Community));
    assert_eq!((f.limit, f.actual), (30, Some(31)));
    assert_eq!(r.person("w1").unwrap().problems.reports_late, 1);
}

#[test]
fn clause_2_1_4_both_channels_are_required() {
    let mut dossier = empty();
    let mut p = problem("p1", ProblemCategory::Emergency, "2023-05-10", "09:00");
    p.reports = vec![report(ReportChannel::Community, "2023-05-10", "09:05")];
    dossier.records.problems.push(p);
    let r = run(&dossier);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].kind, FindingKind::MissingReport);
    assert_eq!(r.findings[0].channel, Some(ReportChannel::GridGroup));
    assert_eq!(r.findings[0].clause, "2.1.4");
}

#[test]
fn clause_2_1_4_a_report_not_yet_due_at_the_period_end_is_no_finding() {
    let mut dossier = empty();
    dossier.records.problems.push(problem(
        "p1",
        ProblemCategory::Emergency,
        "2023-12-31",
        "23:45",
    ));
    let r = run(&dossier);
    assert!(r.findings.is_empty());
    assert_eq!(r.person("w1").unwrap().problems.reports_due, 0);
    // A month earlier, the same silence is a finding on both channels.
    let mut dossier = empty();
    dossier.records.problems.push(problem(
        "p1",
        ProblemCategory::Emergency,
        "2023-11-30",
        "23:45",
    ));
    assert_eq!(run(&dossier).findings.len(), 2);
}

#[test]
fn clause_2_1_7_promptly_is_its_own_parameter_and_inclusive() {
    let policy = Policy::xincheng_2022();
    let promptly = policy.document().evidence.promptly_minutes.value;
    assert_ne!(promptly, at_once(), "及时 is not 第一时间");
    let mut dossier = empty();
    let mut on_time = problem("p1", ProblemCategory::AirPollution, "2023-05-10", "09:00");
    on_time.reports = both("2023-05-11", "09:00"); // exactly 1440 minutes
    let mut late = problem("p2", ProblemCategory::WaterPollution, "2023-05-10", "09:00");
    late.reports = both("2023-05-11", "09:01");
    dossier.records.problems.extend([on_time, late]);
    let r = run(&dossier);
    assert_eq!(r.findings.len(), 2, "{:?}", r.findings);
    assert!(
        r.findings
            .iter()
            .all(|f| f.record == "p2" && f.clause == "2.1.7")
    );
    assert!(r.findings.iter().all(|f| f.actual == Some(1441)));
}

#[test]
fn clause_2_1_8_wage_arrears_reports_cite_2_1_8() {
    let mut dossier = empty();
    let mut p = problem(
        "p1",
        ProblemCategory::WageArrearsRisk,
        "2023-05-10",
        "09:00",
    );
    p.reports = both("2023-05-12", "09:00");
    dossier.records.problems.push(p);
    let r = run(&dossier);
    assert_eq!(r.findings.len(), 2);
    assert!(r.findings.iter().all(|f| f.clause == "2.1.8"));
}

#[test]
fn clause_2_1_4_which_categories_are_urgent_is_policy_data() {
    // A dispute (mediated in the grid) has no deadline by default; a policy can make it urgent.
    let mut dossier = empty();
    dossier.records.problems.push(problem(
        "p1",
        ProblemCategory::Dispute,
        "2023-05-10",
        "09:00",
    ));
    assert!(run(&dossier).findings.is_empty());
    let mut doc = Policy::xincheng_2022().document().clone();
    doc.evidence
        .at_once_categories
        .value
        .push(ProblemCategory::Dispute);
    let policy = Policy::from_document(doc).unwrap();
    let r = evidence::evaluate(&policy, &dossier, dossier.period).unwrap();
    assert_eq!(r.findings.len(), 2);
}

#[test]
fn clause_2_2_2_resolution_without_escalation_is_an_error_naming_the_record() {
    let mut dossier = empty();
    let mut p = problem("p-bad", ProblemCategory::FireSafety, "2023-05-10", "09:00");
    p.steps = vec![step(StepKind::Resolved, "2023-05-11", "10:00")];
    dossier.records.problems.push(p);
    let err = dossier.validate().unwrap_err();
    let problem = &err.problems()[0];
    assert_eq!(problem.kind, ErrorKind::OutOfOrder);
    assert_eq!(problem.record.as_deref(), Some("p-bad"));
    assert_eq!(
        problem.path.as_deref(),
        Some("records.problems[0].steps[0].step")
    );
    assert!(
        problem.message.contains("escalation"),
        "{}",
        problem.message
    );
}

#[test]
fn clause_2_2_2_steps_out_of_order_and_times_going_backwards_are_errors() {
    let mut dossier = empty();
    let mut a = problem("p-a", ProblemCategory::Dispute, "2023-05-10", "09:00");
    a.steps = vec![
        step(StepKind::SolvedOnSpot, "2023-05-10", "09:10"),
        step(StepKind::Escalated, "2023-05-10", "09:20"),
    ];
    let mut b = problem("p-b", ProblemCategory::Dispute, "2023-05-10", "09:00");
    b.steps = vec![
        step(StepKind::Escalated, "2023-05-10", "09:20"),
        step(StepKind::Coordinated, "2023-05-10", "09:19"),
    ];
    let mut c = problem("p-c", ProblemCategory::Dispute, "2023-05-10", "09:00");
    c.steps = vec![step(StepKind::SolvedOnSpot, "2023-05-10", "08:59")];
    c.reports = vec![report(ReportChannel::Community, "2023-05-09", "10:00")];
    dossier.records.problems.extend([a, b, c]);
    let err = dossier.validate().unwrap_err();
    let got: Vec<(ErrorKind, Option<&str>)> = err
        .problems()
        .iter()
        .map(|p| (p.kind, p.record.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ErrorKind::OutOfOrder, Some("p-a")),
            (ErrorKind::InvalidTime, Some("p-b")),
            (ErrorKind::InvalidTime, Some("p-c")),
            (ErrorKind::InvalidTime, Some("p-c")),
        ]
    );
}

#[test]
fn clause_2_2_2_a_full_lifecycle_is_accepted() {
    let mut dossier = empty();
    let mut p = problem("p1", ProblemCategory::FireSafety, "2023-05-10", "09:00");
    p.steps = vec![
        step(StepKind::Escalated, "2023-05-10", "09:00"),
        step(StepKind::Coordinated, "2023-05-10", "11:00"),
        step(StepKind::Coordinated, "2023-05-11", "11:00"),
        step(StepKind::Resolved, "2023-05-12", "09:00"),
        step(StepKind::FeedbackGiven, "2023-05-12", "10:00"),
    ];
    p.reports = both("2023-05-10", "09:10");
    dossier.records.problems.push(p);
    let m = run(&dossier).person("w1").unwrap().problems.clone();
    assert_eq!(
        (m.found, m.escalated, m.resolved, m.feedback_given, m.open),
        (1, 1, 1, 1, 0)
    );
    assert_eq!(m.median_minutes_to_solve, Ratio::new(2 * 1440, 1));
}

#[test]
fn unknown_category_is_a_shape_error_with_its_path() {
    let mut dossier = empty();
    dossier.records.problems.push(problem(
        "p1",
        ProblemCategory::Dispute,
        "2023-05-10",
        "09:00",
    ));
    let text = dossier
        .to_json()
        .replace("\"dispute\"", "\"alien_landing\"");
    let err = Dossier::from_json(&text).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::Shape));
    assert_eq!(
        err.problems()[0].path.as_deref(),
        Some("records.problems[0].category")
    );
}

#[test]
fn added_category_must_be_defined_by_the_policy() {
    let mut dossier = empty();
    let mut p = problem("p1", ProblemCategory::Other, "2023-05-10", "09:00");
    p.other_category = Some("elevator_fault".into());
    dossier.records.problems.push(p);
    dossier.validate().unwrap();
    let err = evidence::evaluate(&Policy::xincheng_2022(), &dossier, dossier.period).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::UnknownReference));
    assert_eq!(err.problems()[0].record.as_deref(), Some("p1"));
    // Defined with an at-once deadline, it is checked like the named ones.
    let mut doc = Policy::xincheng_2022().document().clone();
    doc.evidence
        .extra_categories
        .push(wangge::evidence::policy::ExtraCategory {
            id: "elevator_fault".into(),
            label_zh: "电梯故障".into(),
            clause: "2.1.5".into(),
            urgency: wangge::evidence::Urgency::AtOnce,
            note: "local choice: the 2.1.5 list ends in 等; elevators trap people".into(),
        });
    let policy = Policy::from_document(doc).unwrap();
    let r = evidence::evaluate(&policy, &dossier, dossier.period).unwrap();
    assert_eq!(r.findings_citing("2.1.4").count(), 2);
}

fn ledger(id: &str, kind: LedgerKind, last_updated: &str) -> LedgerEntry {
    LedgerEntry {
        id: id.into(),
        grid: "g1".into(),
        kind,
        other_kind: None,
        subject: "住户".into(),
        opened: d("2022-06-02"),
        closed: None,
        last_updated: d(last_updated),
        updated_by: Some("w1".into()),
    }
}

#[test]
fn clause_2_1_2_ledger_exactly_at_its_limit_is_current_one_day_over_is_stale() {
    let policy = Policy::xincheng_2022();
    let limit = policy
        .document()
        .evidence
        .ledger_limit(LedgerKind::FloatingPopulation, None)
        .unwrap();
    assert_eq!(limit, 30);
    let mut dossier = empty();
    dossier.records.ledger_entries = vec![
        ledger("at-limit", LedgerKind::FloatingPopulation, "2023-12-01"), // 30 days
        ledger("over", LedgerKind::FloatingPopulation, "2023-11-30"),     // 31 days
        ledger("slow-kind", LedgerKind::Veterans, "2023-11-30"),          // 31 of 180
    ];
    let r = run(&dossier);
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    let f = &r.findings[0];
    assert_eq!(
        (f.kind, f.clause.as_str()),
        (FindingKind::StaleLedgerEntry, "2.1.2")
    );
    assert_eq!(
        (f.record.as_str(), f.limit, f.actual),
        ("over", 30, Some(31))
    );
    assert_eq!(r.ledgers[0].stale, 1);
    // The staleness limit is judged as of the evaluated period's end.
    let june = DateRange::new(d("2023-06-01"), d("2023-06-30"));
    let r = evidence::evaluate(&policy, &dossier, june).unwrap();
    assert!(r.findings.is_empty());
    assert_eq!(r.ledgers[0].updated_later, 3);
}

#[test]
fn clause_2_1_2_ledger_updated_before_it_opened_is_an_error() {
    let mut dossier = empty();
    let mut e = ledger("lg1", LedgerKind::Disabled, "2022-01-01");
    e.opened = d("2022-06-02");
    dossier.records.ledger_entries.push(e);
    let err = dossier.validate().unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::InvalidTime));
    assert_eq!(err.problems()[0].record.as_deref(), Some("lg1"));
}

#[test]
fn clause_2_2_2_must_visit_groups_come_from_the_ledgers() {
    let policy = Policy::xincheng_2022();
    let mut dossier = empty();
    // Grid g1 keeps only a floating-population ledger: only that group must be visited.
    dossier.records.ledger_entries =
        vec![ledger("lg1", LedgerKind::FloatingPopulation, "2023-12-20")];
    let groups =
        evidence::ledger_must_visit_groups(&policy, &dossier, "g1", d("2023-05-10")).unwrap();
    assert_eq!(
        groups.into_iter().collect::<Vec<_>>(),
        vec![MustVisit::FloatingPopulation]
    );
    dossier.records.work_records.push(WorkRecord {
        id: "wr1".into(),
        person: "w1".into(),
        date: d("2023-05-10"),
        grid: "g1".into(),
        patrols: Vec::new(),
        must_checks: Vec::new(),
        must_dos: Vec::new(),
        visits: vec![Visit {
            group: MustVisit::FloatingPopulation,
            note: None,
        }],
        note: None,
    });
    let options = Options {
        period: Some(DateRange::new(d("2023-05-01"), d("2023-05-31"))),
        ..Options::default()
    };
    let report = wangge::evaluate(&policy, &dossier, &options).unwrap();
    let visits: Vec<_> = report
        .person("w1")
        .unwrap()
        .findings
        .iter()
        .filter(|f| f.clause == "2.2.2" && f.obligation.contains("visit"))
        .collect();
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0].status, Status::Met, "{:?}", visits[0]);
    // Without ledgers, every group is required again (g1 names none): missed.
    dossier.records.ledger_entries.clear();
    let report = wangge::evaluate(&policy, &dossier, &options).unwrap();
    let missed = report
        .person("w1")
        .unwrap()
        .findings
        .iter()
        .filter(|f| f.obligation.contains("visit"))
        .all(|f| f.status == Status::Missed);
    assert!(missed);
}

#[test]
fn clause_2_1_8_proxy_cases_are_counted_and_checked() {
    let case = |id: &str, opened: &str, closed: Option<&str>, outcome| ProxyCase {
        id: id.into(),
        person: "w1".into(),
        grid: "g1".into(),
        service: ProxyService::MinimumLivingAllowance,
        other_service: None,
        resident: "3号楼住户".into(),
        opened: d(opened),
        closed: closed.map(d),
        outcome,
    };
    let mut dossier = empty();
    dossier.records.proxy_cases = vec![
        case(
            "px1",
            "2023-03-01",
            Some("2023-03-20"),
            Some(ProxyOutcome::Completed),
        ),
        case("px2", "2023-11-01", None, None),
    ];
    let p = run(&dossier).person("w1").unwrap().proxy.clone();
    assert_eq!(
        (p.opened, p.closed, p.completed, p.open_at_end),
        (2, 1, 1, 1)
    );
    dossier.records.proxy_cases = vec![
        case(
            "px3",
            "2023-03-20",
            Some("2023-03-01"),
            Some(ProxyOutcome::Completed),
        ),
        case("px4", "2023-03-20", Some("2023-03-21"), None),
    ];
    let err = dossier.validate().unwrap_err();
    let got: Vec<(ErrorKind, Option<&str>)> = err
        .problems()
        .iter()
        .map(|p| (p.kind, p.record.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ErrorKind::InvalidTime, Some("px3")),
            (ErrorKind::Shape, Some("px4"))
        ]
    );
}

#[test]
fn clause_4_1_metrics_are_exact_fractions_and_an_exact_median() {
    let mut dossier = empty();
    let mut a = problem("a", ProblemCategory::Dispute, "2023-05-10", "09:00");
    a.steps = vec![step(StepKind::SolvedOnSpot, "2023-05-10", "09:15")];
    let mut b = problem("b", ProblemCategory::Dispute, "2023-05-11", "09:00");
    b.steps = vec![
        step(StepKind::SolvedOnSpot, "2023-05-11", "09:20"),
        step(StepKind::FeedbackGiven, "2023-05-11", "09:30"),
    ];
    let mut c = problem("c", ProblemCategory::Dispute, "2023-05-12", "09:00");
    c.steps = vec![step(StepKind::Escalated, "2023-05-12", "09:30")];
    dossier.records.problems.extend([a, b, c]);
    let m = run(&dossier).person("w1").unwrap().problems.clone();
    assert_eq!(
        (m.found, m.solved_on_spot, m.escalated, m.resolved, m.open),
        (3, 2, 1, 0, 1)
    );
    assert_eq!(m.solved_rate, Ratio::new(2, 3));
    assert_eq!(m.resolution_rate, Ratio::new(0, 1));
    assert_eq!(m.feedback_rate, Ratio::new(1, 2));
    // 15 and 20 minutes: the median is 35/2, not a rounded float.
    assert_eq!(m.median_minutes_to_solve, Ratio::new(35, 2));
}

#[test]
fn clause_2_1_4_policy_deadlines_are_checked() {
    let mut doc = Policy::xincheng_2022().document().clone();
    doc.evidence.at_once_minutes.value = 2000;
    doc.evidence
        .ledger_max_age_days
        .value
        .retain(|l| l.kind != LedgerKind::DrugUsers);
    doc.evidence
        .promptly_categories
        .value
        .push(ProblemCategory::Emergency);
    let err = Policy::from_document(doc).unwrap_err();
    let paths: Vec<&str> = err
        .problems()
        .iter()
        .filter_map(|p| p.path.as_deref())
        .collect();
    assert!(
        paths.contains(&"evidence.at_once_minutes.value"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"evidence.ledger_max_age_days.value"),
        "{paths:?}"
    );
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("evidence.promptly_categories")),
        "{paths:?}"
    );
}

#[test]
fn sample_year_has_late_reports_stale_ledgers_and_metrics_by_clause() {
    let dossier = wangge::sample::community_2023();
    let r = run(&dossier);
    assert!(r.findings_citing("2.1.4").count() >= 3);
    assert_eq!(r.findings_citing("2.1.2").count(), 2);
    let wage: Vec<_> = r.findings_citing("2.1.8").collect();
    assert_eq!(wage.len(), 1);
    assert_eq!((wage[0].limit, wage[0].actual), (1440, Some(1441)));
    // The gas leak reported exactly at the at-once deadline is on time.
    assert!(r.findings.iter().all(|f| f.record != "pb-w3-gas-leak"));
    for w in ["w1", "w2", "w3", "w4", "w5", "w6"] {
        assert!(r.person(w).unwrap().problems.found > 0, "{w}");
    }
    // Grid 3 keeps no model-figure ledger, so that group is not required there.
    let g3 = r.ledgers.iter().find(|g| g.grid == "g3").unwrap();
    assert!(!g3.must_visit_groups.contains(&MustVisit::ModelFigures));
}

#[test]
fn clause_2_1_7_passed_on_categories_have_the_promptly_deadline_on_any_channel() {
    // 2.1.7 及时发现、收集、反映: street occupation, nuisance, exposed garbage, damaged
    // infrastructure are passed on within 及时, on either channel.
    let promptly = Policy::xincheng_2022()
        .document()
        .evidence
        .promptly_minutes
        .value;
    assert_eq!(promptly, 1440);
    let mut dossier = empty();
    let mut on_time = problem(
        "p1",
        ProblemCategory::StreetOccupation,
        "2023-05-10",
        "09:00",
    );
    on_time.reports = vec![report(ReportChannel::GridGroup, "2023-05-11", "09:00")]; // 1440
    let mut late = problem("p2", ProblemCategory::Nuisance, "2023-05-10", "09:00");
    late.reports = vec![report(ReportChannel::Community, "2023-05-11", "09:01")]; // 1441
    let silent = problem("p3", ProblemCategory::ExposedGarbage, "2023-05-10", "09:00");
    let mut early = problem(
        "p4",
        ProblemCategory::DamagedInfrastructure,
        "2023-05-10",
        "09:00",
    );
    early.reports = both("2023-05-10", "09:10");
    dossier
        .records
        .problems
        .extend([on_time, late, silent, early]);
    let r = run(&dossier);
    let got: Vec<_> = r
        .findings
        .iter()
        .map(|f| {
            (
                f.record.as_str(),
                f.kind,
                f.clause.as_str(),
                f.channel,
                f.actual,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("p2", FindingKind::LateReport, "2.1.7", None, Some(1441)),
            ("p3", FindingKind::MissingReport, "2.1.7", None, None),
        ]
    );
    assert!(
        r.findings
            .iter()
            .all(|f| f.urgency == Some(evidence::Urgency::PassOn))
    );
    let m = &r.person("w1").unwrap().problems;
    assert_eq!(
        (
            m.reports_due,
            m.reports_on_time,
            m.reports_late_promptly,
            m.reports_late_at_once
        ),
        (4, 2, 2, 0)
    );
}

#[test]
fn clause_2_1_4_and_2_1_7_late_reports_are_counted_apart() {
    // 第一时间 (2.1.4) at 30 and 31 minutes; 及时 (2.1.8) at 1440 and 1441 minutes.
    let mut dossier = empty();
    let mut a = problem("a30", ProblemCategory::FireSafety, "2023-05-10", "09:00");
    a.reports = both("2023-05-10", "09:30");
    let mut b = problem("a31", ProblemCategory::FireSafety, "2023-05-10", "10:00");
    b.reports = both("2023-05-10", "10:31");
    let mut c = problem(
        "p1440",
        ProblemCategory::WageArrearsRisk,
        "2023-05-10",
        "09:00",
    );
    c.reports = both("2023-05-11", "09:00");
    let mut e = problem(
        "p1441",
        ProblemCategory::WageArrearsRisk,
        "2023-05-10",
        "10:00",
    );
    e.reports = both("2023-05-11", "10:01");
    dossier.records.problems.extend([a, b, c, e]);
    let r = run(&dossier);
    let m = &r.person("w1").unwrap().problems;
    assert_eq!(
        (
            m.reports_due,
            m.reports_late,
            m.reports_late_at_once,
            m.reports_late_promptly
        ),
        (4, 2, 1, 1)
    );
    let facts = {
        let mut out = std::collections::BTreeMap::new();
        wangge::assessment::facts::add_evidence(&mut out, &r);
        out.remove("w1").unwrap()
    };
    assert_eq!(facts["problems.reports_late_at_once"], 1);
    assert_eq!(facts["problems.reports_late_promptly"], 1);
}

#[test]
fn sample_times_are_plausible_no_midnight_artifact() {
    // Every time in the sample lies within a working day's waking hours (07:00–21:59); none is
    // the 00:00 a minute overflow used to produce.
    let dossier = wangge::sample::community_2023();
    let json = serde_json::to_value(&dossier).unwrap();
    let mut times = Vec::new();
    fn walk(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    walk(x, format!("{path}.{k}"), out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::String(s)
                if s.len() == 5 && s.as_bytes()[2] == b':' && LocalTime::parse(s).is_ok() =>
            {
                out.push((path, s.clone()));
            }
            _ => {}
        }
    }
    walk(&json, String::new(), &mut times);
    assert!(times.len() > 1000, "{}", times.len());
    let bad: Vec<_> = times
        .iter()
        .filter(|(_, s)| s.as_str() < "07:00" || s.as_str() > "21:59")
        .collect();
    assert!(
        bad.is_empty(),
        "{} implausible: {:?}",
        bad.len(),
        &bad[..bad.len().min(10)]
    );
    // And each problem's steps and reports come after it was found.
    for p in &dossier.records.problems {
        let found = (p.date, p.found_at);
        assert!(
            p.steps.iter().all(|s| (s.date, s.time) >= found),
            "{}",
            p.id
        );
        assert!(
            p.reports.iter().all(|x| (x.date, x.time) > found),
            "{}",
            p.id
        );
    }
}
