//! The sample community's evidence for 2023: problems with their lifecycles and reports
//! (2.1.4, 2.1.7, 2.1.8, 2.2.2), proxy cases (2.1.8) and ledgers (2.1.2).
//!
//! Shaped like a real year: most problems are solved on the spot, the rest escalated to the grid
//! leader, passed to a department and resolved days later; a few still open at year end. Which
//! problems must be reported, and how fast, is read from the default policy, so the sample stays
//! in step with it. 刘洋 (w4) reports late more often than the others and often forgets the
//! residents' feedback; two hand-made cases sit on the deadlines (exactly at "at once": on time;
//! one minute past "promptly": late). Ledgers are mostly current, with a couple of stale entries
//! and one exactly at its limit.

use super::{LEADER, WORKERS, date, hm, roll};
use crate::organisation::Index;
use crate::policy::Policy;
use crate::records::Records;
use crate::records::ledger::{LedgerEntry, LedgerKind};
use crate::records::problem::{
    ProblemCategory, ProblemFound, ProblemReport, ProblemStep, ReportChannel, StepKind,
};
use crate::records::proxy::{ProxyCase, ProxyOutcome, ProxyService};
use crate::time::{Date, LocalTime};

const CATEGORIES: [ProblemCategory; 16] = [
    ProblemCategory::ExposedGarbage,
    ProblemCategory::ExposedGarbage,
    ProblemCategory::StreetOccupation,
    ProblemCategory::StreetOccupation,
    ProblemCategory::DamagedInfrastructure,
    ProblemCategory::Nuisance,
    ProblemCategory::Dispute,
    ProblemCategory::Dispute,
    ProblemCategory::Petition,
    ProblemCategory::FireSafety,
    ProblemCategory::GasSafety,
    ProblemCategory::PublicSecurityHazard,
    ProblemCategory::AirPollution,
    ProblemCategory::WageArrearsRisk,
    ProblemCategory::TrafficSafety,
    ProblemCategory::Other,
];

fn department(c: ProblemCategory) -> &'static str {
    use ProblemCategory::*;
    match c {
        ExposedGarbage | StreetOccupation => "城市管理综合执法局",
        DamagedInfrastructure => "住房和城乡建设局",
        FireSafety => "消防救援大队",
        GasSafety => "燃气公司",
        PublicSecurityHazard | TrafficSafety | Nuisance => "新城派出所",
        AirPollution | WaterPollution | SolidOrHazardousWaste => "生态环境局",
        WageArrearsRisk => "人社局劳动保障监察大队",
        Petition => "街道信访办",
        Dispute => "司法所人民调解委员会",
        _ => "街道综合办",
    }
}

/// A moment `minutes` after (`d`, `t`).
fn after(d: Date, t: LocalTime, minutes: u64) -> (Date, LocalTime) {
    let total = u64::from(t.minutes()) + minutes;
    let days = i64::try_from(total / 1440).unwrap_or(0);
    let rest = total % 1440;
    let time = LocalTime::from_hm((rest / 60) as u16, (rest % 60) as u16).unwrap_or(t);
    (d.add_days(days).unwrap_or(d), time)
}

/// Adds the evidence records of 2023 to `r`.
pub(super) fn add(
    r: &mut Records,
    working: &[Date],
    index: &Index<'_>,
    on_leave: &dyn Fn(&str, Date) -> bool,
) {
    let policy = Policy::xincheng_2022();
    let ev = &policy.document().evidence;
    let year_end = date(2023, 12, 31);
    let step = |step, (date, time): (Date, LocalTime), actor: &str| ProblemStep {
        step,
        date,
        time,
        actor: actor.into(),
        to: None,
        department: None,
        note: None,
    };

    // Problems found on patrol (2.2.2), with their lifecycle and reports.
    for (n, day) in working.iter().enumerate() {
        let n64 = n as u64;
        for (wi, w) in WORKERS.iter().enumerate() {
            let wi64 = wi as u64;
            if !index.is_assigned(w.id, *day) || on_leave(w.id, *day) || roll(wi64, n64, 8) >= 100 {
                continue;
            }
            let category = CATEGORIES
                .get((roll(wi64, n64, 9) % CATEGORIES.len() as u64) as usize)
                .copied()
                .unwrap_or(ProblemCategory::Other);
            // On the morning or the afternoon patrol: 08:35–09:24 or 15:05–15:54.
            let start = if roll(wi64, n64, 20) % 2 == 0 {
                hm(8, 35)
            } else {
                hm(15, 5)
            };
            let found_at = after(*day, start, roll(wi64, n64, 21) % 50).1;
            let found = (*day, found_at);
            let minor = matches!(
                category,
                ProblemCategory::ExposedGarbage
                    | ProblemCategory::StreetOccupation
                    | ProblemCategory::Nuisance
                    | ProblemCategory::Dispute
                    | ProblemCategory::Other
            );
            let on_spot = roll(wi64, n64, 22) < if minor { 700 } else { 150 };
            let mut steps = Vec::new();
            if on_spot {
                let solved = after(found.0, found.1, 5 + roll(wi64, n64, 23) % 40);
                steps.push(step(StepKind::SolvedOnSpot, solved, w.id));
                if roll(wi64, n64, 24) >= 400 + w.skip_check {
                    steps.push(step(
                        StepKind::FeedbackGiven,
                        after(solved.0, solved.1, 10),
                        w.id,
                    ));
                }
            } else {
                let escalated = after(found.0, found.1, 10 + roll(wi64, n64, 25) % 50);
                let mut e = step(StepKind::Escalated, escalated, w.id);
                e.to = Some(LEADER.into());
                steps.push(e);
                // The department is brought in two hours later, or on one of the next two
                // days during office hours (09:00–16:59).
                let later = roll(wi64, n64, 26);
                let coordinated = match later % 3 {
                    0 => after(escalated.0, escalated.1, 120),
                    days => (
                        escalated
                            .0
                            .add_days(i64::try_from(days).unwrap_or(1))
                            .unwrap_or(escalated.0),
                        after(escalated.0, hm(9, 0), (later / 3) % 480).1,
                    ),
                };
                let mut c = step(StepKind::Coordinated, coordinated, LEADER);
                c.department = Some(department(category).into());
                steps.push(c);
                // A few wait on their department at year end.
                if roll(wi64, n64, 27) >= 60 {
                    let resolved = after(
                        coordinated.0,
                        coordinated.1,
                        1440 * (1 + roll(wi64, n64, 28) % 10),
                    );
                    steps.push(step(StepKind::Resolved, resolved, LEADER));
                    if roll(wi64, n64, 29) >= w.skip_check * 2 {
                        steps.push(step(
                            StepKind::FeedbackGiven,
                            after(resolved.0, resolved.1, 1440),
                            w.id,
                        ));
                    }
                }
            }
            // The dossier is as of the year's end: later steps are not known yet.
            steps.retain(|s| s.date <= year_end);
            let mut reports = Vec::new();
            if let Some(deadline) = ev.deadline(category, None) {
                let limit = u64::try_from(deadline.minutes).unwrap_or(0);
                // Passed on (2.1.7 及时反映): on one channel, whichever came first to hand.
                let channels: Vec<ReportChannel> = if deadline.urgency.every_channel() {
                    ReportChannel::ALL.to_vec()
                } else if roll(wi64, n64, 38) % 2 == 0 {
                    vec![ReportChannel::Community]
                } else {
                    vec![ReportChannel::GridGroup]
                };
                for (ci, channel) in channels.into_iter().enumerate() {
                    let salt = 30 + ci as u64;
                    let late_chance = w.short_patrol / 2 + 10;
                    if roll(wi64, n64, salt + 10) < w.skip_check / 4 {
                        continue; // forgotten on this channel
                    }
                    // On time: within two thirds of the deadline and three hours, so a report
                    // is made the same working afternoon; late: up to 90 minutes past it.
                    let delay = if roll(wi64, n64, salt) < late_chance {
                        limit + 1 + roll(wi64, n64, salt + 20) % 90
                    } else {
                        1 + roll(wi64, n64, salt + 20) % (limit * 2 / 3).clamp(1, 180)
                    };
                    let (date, time) = after(found.0, found.1, delay);
                    reports.push(ProblemReport {
                        channel,
                        date,
                        time,
                    });
                }
            }
            r.problems.push(ProblemFound {
                id: format!("pb-{}-{day}", w.id),
                person: w.id.into(),
                grid: w.grid.into(),
                date: *day,
                found_at,
                category,
                other_category: None,
                text: format!("{}：巡查中发现", category.label_zh()),
                steps,
                reports,
            });
        }
    }
    // Two hand-made cases on the deadlines.
    let gas_day = date(2023, 7, 18);
    let gas_at = hm(9, 10);
    let at_once = u64::try_from(ev.at_once_minutes.value).unwrap_or(0);
    let gas_report = after(gas_day, gas_at, at_once);
    let mut escalated = step(StepKind::Escalated, after(gas_day, gas_at, 12), "w3");
    escalated.to = Some(LEADER.into());
    let mut coordinated = step(StepKind::Coordinated, after(gas_day, gas_at, 40), LEADER);
    coordinated.department = Some("燃气公司".into());
    r.problems.push(ProblemFound {
        id: "pb-w3-gas-leak".into(),
        person: "w3".into(),
        grid: "g2".into(),
        date: gas_day,
        found_at: gas_at,
        category: ProblemCategory::GasSafety,
        other_category: None,
        text: "5号楼3单元楼道燃气泄漏气味，已疏散住户；上报恰在第一时间时限".into(),
        steps: vec![
            escalated,
            coordinated,
            step(StepKind::Resolved, after(gas_day, gas_at, 180), LEADER),
            step(StepKind::FeedbackGiven, after(gas_day, gas_at, 240), "w3"),
        ],
        reports: ReportChannel::ALL
            .into_iter()
            .map(|channel| ProblemReport {
                channel,
                date: gas_report.0,
                time: gas_report.1,
            })
            .collect(),
    });
    let wage_day = date(2023, 8, 9);
    let wage_at = hm(15, 20);
    let promptly = u64::try_from(ev.promptly_minutes.value).unwrap_or(0);
    let mut escalated = step(StepKind::Escalated, after(wage_day, wage_at, 30), "w5");
    escalated.to = Some(LEADER.into());
    let mut coordinated = step(
        StepKind::Coordinated,
        after(wage_day, wage_at, 1500),
        LEADER,
    );
    coordinated.department = Some(department(ProblemCategory::WageArrearsRisk).into());
    r.problems.push(ProblemFound {
        id: "pb-w5-wage-arrears".into(),
        person: "w5".into(),
        grid: "g3".into(),
        date: wage_day,
        found_at: wage_at,
        category: ProblemCategory::WageArrearsRisk,
        other_category: None,
        text: "沿街装修公司两个月未发工资，工人聚集；网格群上报晚了一分钟".into(),
        steps: vec![
            escalated,
            coordinated,
            step(
                StepKind::Resolved,
                after(wage_day, wage_at, 1440 * 12),
                LEADER,
            ),
        ],
        reports: vec![
            ProblemReport {
                channel: ReportChannel::Community,
                date: wage_day,
                time: hm(16, 0),
            },
            {
                let (date, time) = after(wage_day, wage_at, promptly + 1);
                ProblemReport {
                    channel: ReportChannel::GridGroup,
                    date,
                    time,
                }
            },
        ],
    });

    // Proxy services (2.1.8): about one case a month per worker.
    let services = [
        ProxyService::MinimumLivingAllowance,
        ProxyService::EntitledGroupBenefits,
        ProxyService::HardshipAid,
        ProxyService::AdministrativeApproval,
        ProxyService::Employment,
        ProxyService::SocialInsurance,
        ProxyService::SocialInsurance,
        ProxyService::Other,
    ];
    for (n, day) in working.iter().enumerate().filter(|(n, _)| n % 20 == 7) {
        let n64 = n as u64;
        for (wi, w) in WORKERS.iter().enumerate() {
            let wi64 = wi as u64;
            if !index.is_assigned(w.id, *day) || on_leave(w.id, *day) || roll(wi64, n64, 40) >= 700
            {
                continue;
            }
            let service = services
                .get((roll(wi64, n64, 41) % services.len() as u64) as usize)
                .copied()
                .unwrap_or(ProxyService::Other);
            let days = 3 + roll(wi64, n64, 42) % 38;
            let closed = day
                .add_days(i64::try_from(days).unwrap_or(0))
                .filter(|d| *d <= year_end);
            let outcome = closed.map(|_| match roll(wi64, n64, 43) {
                0..800 => ProxyOutcome::Completed,
                800..880 => ProxyOutcome::Refused,
                880..930 => ProxyOutcome::Withdrawn,
                _ => ProxyOutcome::Referred,
            });
            r.proxy_cases.push(ProxyCase {
                id: format!("px-{}-{day}", w.id),
                person: w.id.into(),
                grid: w.grid.into(),
                service,
                other_service: (service == ProxyService::Other).then(|| "老年人优待证办理".into()),
                resident: format!("{}号楼住户", 1 + roll(wi64, n64, 44) % 12),
                opened: *day,
                closed,
                outcome,
            });
        }
    }

    // Ledgers (2.1.2): (grid, kind, entries, updater before and after w5 left).
    let ledgers: [(&str, LedgerKind, u64, &str); 27] = [
        ("g1", LedgerKind::EntitledGroups, 2, "w1"),
        ("g1", LedgerKind::LeftBehindChildren, 3, "w1"),
        ("g1", LedgerKind::ElderlyInDifficulty, 5, "w2"),
        ("g1", LedgerKind::Disabled, 2, "w2"),
        ("g1", LedgerKind::Veterans, 2, "w1"),
        ("g1", LedgerKind::FloatingPopulation, 8, "w2"),
        ("g1", LedgerKind::ReleasedPrisoners, 1, "w1"),
        ("g1", LedgerKind::Other, 1, "w1"),
        ("g2", LedgerKind::EntitledGroups, 1, "w3"),
        ("g2", LedgerKind::ElderlyInDifficulty, 6, "w3"),
        ("g2", LedgerKind::Disabled, 3, "w4"),
        ("g2", LedgerKind::Veterans, 1, "w3"),
        ("g2", LedgerKind::FloatingPopulation, 12, "w4"),
        ("g2", LedgerKind::SevereMentalDisorder, 1, "w3"),
        ("g2", LedgerKind::DrugUsers, 1, "w4"),
        ("g2", LedgerKind::CommunityCorrections, 1, "w3"),
        ("g2", LedgerKind::Other, 2, "w3"),
        ("g3", LedgerKind::LeftBehindChildren, 2, "w6"),
        ("g3", LedgerKind::ElderlyInDifficulty, 4, "w6"),
        ("g3", LedgerKind::Disabled, 1, "w6"),
        ("g3", LedgerKind::Veterans, 1, "w6"),
        ("g3", LedgerKind::FloatingPopulation, 6, "w6"),
        ("g3", LedgerKind::SevereMentalDisorder, 1, "w6"),
        ("g3", LedgerKind::DrugUsers, 1, "w6"),
        ("g3", LedgerKind::CommunityCorrections, 1, "w6"),
        ("g3", LedgerKind::ReleasedPrisoners, 1, "w6"),
        ("g3", LedgerKind::EntitledGroups, 1, "w6"),
    ];
    for (li, (grid, kind, count, updater)) in ledgers.into_iter().enumerate() {
        let other_kind = (kind == LedgerKind::Other).then(|| "model_figures".to_owned());
        let limit = ev.ledger_limit(kind, other_kind.as_deref()).unwrap_or(30);
        let label = other_kind
            .as_deref()
            .and_then(|o| ev.extra_ledger_kind(o))
            .map_or(kind.label_zh(), |e| e.label_zh.as_str());
        for k in 0..count {
            let li64 = li as u64;
            // Current: updated within the first two-thirds of the limit before year end.
            let back = roll(li64, k, 50) % u64::try_from(limit * 2 / 3).unwrap_or(1).max(1);
            let mut last_updated = year_end
                .add_days(-i64::try_from(back).unwrap_or(0))
                .unwrap_or(year_end);
            let mut opened = date(2022, 6, 2);
            let mut closed = None;
            // Floating population comes and goes: the later entries join or leave in 2023.
            if kind == LedgerKind::FloatingPopulation && k >= 2 {
                opened = date(2023, 1 + (roll(li64, k, 51) % 6) as u32, 10);
                if k % 3 == 0 {
                    let c = date(2023, 7 + (roll(li64, k, 52) % 5) as u32, 20);
                    closed = Some(c);
                    last_updated = c;
                }
            }
            r.ledger_entries.push(LedgerEntry {
                id: format!(
                    "lg-{grid}-{}-{}",
                    crate::policy::evidence::snake(kind),
                    k + 1
                ),
                grid: grid.into(),
                kind,
                other_kind: other_kind.clone(),
                subject: format!("{label}{}号", k + 1),
                opened,
                closed,
                last_updated: last_updated.max(opened),
                updated_by: Some(updater.into()),
            });
        }
    }
    // Hand-made: two stale entries and one exactly at its limit, as of the year's end.
    for e in r.ledger_entries.iter_mut() {
        match e.id.as_str() {
            // 72 days old against 30: stale.
            "lg-g2-floating_population-1" => e.last_updated = date(2023, 10, 20),
            // 46 days old against 30: stale.
            "lg-g3-drug_users-1" => e.last_updated = date(2023, 11, 15),
            // Exactly 30 days old against 30: current.
            "lg-g1-floating_population-1" => e.last_updated = date(2023, 12, 1),
            _ => {}
        }
    }
}
