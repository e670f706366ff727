//! A built-in sample community: deterministic synthetic records for the whole of 2023.
//!
//! One community (幸福社区) of 新城街道 with three grids, a grid leader, six grid workers and three
//! helpers. The data is made up, but shaped like a real year: patrols that fall short now and
//! then (one worker often), a week without group study, leave around the Spring Festival, a
//! worker who joins on 2023-03-15 and one who leaves on 2023-09-28 and hands over late. Nothing
//! here is random: the same call gives the same dossier, byte for byte.

mod attendance;

use crate::calendar::Calendar;
use crate::dossier::Dossier;
use crate::organisation::{
    Assignment, Community, Grid, HelperKind, Organisation, Person, Role, Subdistrict,
};
use crate::records::attendance::LeaveKind;
use crate::records::{
    DutyShift, GroupStudy, Handover, Leave, Meeting, MeetingKind, MustCheck, MustDo, MustVisit,
    NotebookReview, PatrolSession, Records, RedGridService, SecurityPatrol, SelfStudy, Visit,
    WorkRecord,
};
use crate::time::{Date, DateRange, LocalTime, PeriodKind};

mod evidence;

/// A worker's habits: per-mille chances of falling short.
#[derive(Clone, Copy)]
struct Habit {
    id: &'static str,
    name: &'static str,
    grid: &'static str,
    short_patrol: u64,
    absent: u64,
    skip_check: u64,
    skip_study: u64,
    skip_red_grid: u64,
}

const WORKERS: [Habit; 6] = [
    Habit {
        id: "w1",
        name: "王芳",
        grid: "g1",
        short_patrol: 5,
        absent: 0,
        skip_check: 5,
        skip_study: 0,
        skip_red_grid: 0,
    },
    Habit {
        id: "w2",
        name: "李强",
        grid: "g1",
        short_patrol: 40,
        absent: 5,
        skip_check: 20,
        skip_study: 40,
        skip_red_grid: 0,
    },
    Habit {
        id: "w3",
        name: "张丽",
        grid: "g2",
        short_patrol: 90,
        absent: 10,
        skip_check: 60,
        skip_study: 80,
        skip_red_grid: 100,
    },
    Habit {
        id: "w4",
        name: "刘洋",
        grid: "g2",
        short_patrol: 300,
        absent: 60,
        skip_check: 200,
        skip_study: 300,
        skip_red_grid: 250,
    },
    Habit {
        id: "w5",
        name: "陈静",
        grid: "g3",
        short_patrol: 60,
        absent: 10,
        skip_check: 40,
        skip_study: 60,
        skip_red_grid: 0,
    },
    Habit {
        id: "w6",
        name: "杨帆",
        grid: "g3",
        short_patrol: 30,
        absent: 5,
        skip_check: 30,
        skip_study: 30,
        skip_red_grid: 0,
    },
];

const LEADER: &str = "l1";
const COMMUNITY: &str = "c1";

/// A deterministic number in 0..1000 for (`a`, `b`, `salt`): splitmix64, no randomness.
fn roll(a: u64, b: u64, salt: u64) -> u64 {
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b.wrapping_mul(0xBF58_476D_1CE4_E5B9))
        .wrapping_add(salt.wrapping_mul(0x94D0_49BB_1331_11EB));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) % 1000
}

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).unwrap_or_else(|| Date::from(chrono::NaiveDate::MIN))
}

fn hm(h: u16, m: u16) -> LocalTime {
    LocalTime::from_hm(h, m).unwrap_or(LocalTime::MIDNIGHT)
}

fn organisation() -> Organisation {
    let person = |id: &str, name: &str, role: Role, helper_kind: Option<HelperKind>| Person {
        id: id.into(),
        name: name.into(),
        community: COMMUNITY.into(),
        role,
        helper_kind,
        phone: None,
        photo: None,
        services: None,
        duties: None,
    };
    let mut people = vec![person(LEADER, "赵建国", Role::GridLeader, None)];
    for w in WORKERS {
        people.push(person(w.id, w.name, Role::GridWorker, None));
    }
    people.push(person(
        "h1",
        "孙大爷",
        Role::Helper,
        Some(HelperKind::BuildingHead),
    ));
    people.push(person(
        "h2",
        "周警官",
        Role::Helper,
        Some(HelperKind::AreaPolice),
    ));
    people.push(person(
        "h3",
        "吴老师",
        Role::Helper,
        Some(HelperKind::RetiredPartyMember),
    ));

    let start = date(2022, 6, 2);
    let mut assignments: Vec<Assignment> = WORKERS
        .iter()
        .filter(|w| w.id != "w5" && w.id != "w6")
        .map(|w| Assignment {
            person: w.id.into(),
            grid: w.grid.into(),
            from: start,
            to: None,
        })
        .collect();
    assignments.push(Assignment {
        person: "w5".into(),
        grid: "g3".into(),
        from: start,
        to: Some(date(2023, 9, 28)),
    });
    assignments.push(Assignment {
        person: "w6".into(),
        grid: "g3".into(),
        from: date(2023, 3, 15),
        to: None,
    });
    assignments.push(Assignment {
        person: "h1".into(),
        grid: "g1".into(),
        from: start,
        to: None,
    });

    Organisation {
        subdistrict: Subdistrict {
            id: "xincheng".into(),
            name: "新城街道".into(),
        },
        communities: vec![Community {
            id: COMMUNITY.into(),
            name: "幸福社区".into(),
            party_secretary: LEADER.into(),
            responsible_person: None,
            grids: vec![
                Grid {
                    id: "g1".into(),
                    name: "幸福一网格".into(),
                    must_visit_groups: None,
                    map_ref: None,
                },
                Grid {
                    id: "g2".into(),
                    name: "幸福二网格".into(),
                    must_visit_groups: None,
                    map_ref: None,
                },
                Grid {
                    id: "g3".into(),
                    name: "幸福三网格".into(),
                    // No model figure lives in grid 3.
                    must_visit_groups: Some(vec![
                        MustVisit::PeopleInDifficulty,
                        MustVisit::FloatingPopulation,
                        MustVisit::EmptyNestElderly,
                        MustVisit::SpecialGroups,
                    ]),
                    map_ref: None,
                },
            ],
            areas: Vec::new(),
        }],
        people,
        assignments,
        divisions: Vec::new(),
    }
}

fn leave() -> Vec<Leave> {
    let l = |id: &str, person: &str, from: Date, to: Date, kind: LeaveKind| Leave {
        id: id.into(),
        person: person.into(),
        from,
        to,
        approved_by: LEADER.into(),
        kind,
    };
    vec![
        // Annual leave joined to the Spring Festival holiday: a whole week away.
        l(
            "lv-w2-1",
            "w2",
            date(2023, 1, 30),
            date(2023, 2, 3),
            LeaveKind::Annual,
        ),
        l(
            "lv-w3-1",
            "w3",
            date(2023, 7, 10),
            date(2023, 7, 14),
            LeaveKind::Sick,
        ),
        l(
            "lv-w1-1",
            "w1",
            date(2023, 10, 9),
            date(2023, 10, 10),
            LeaveKind::Personal,
        ),
        // A week's training at the district: official business (公出, 3.3).
        l(
            "lv-w6-1",
            "w6",
            date(2023, 12, 18),
            date(2023, 12, 22),
            LeaveKind::OfficialBusiness,
        ),
    ]
}

/// The sample community's dossier for 2023.
///
/// ```
/// let d = wangge::sample::community_2023();
/// assert_eq!(d.organisation.communities.len(), 1);
/// assert_eq!(d.organisation.people.iter().filter(|p| p.role == wangge::Role::GridWorker).count(), 6);
/// ```
pub fn community_2023() -> Dossier {
    let organisation = organisation();
    let period = DateRange::new(date(2023, 1, 1), date(2023, 12, 31));
    let cal = Calendar::national();
    let index = organisation.index();
    let leave = leave();
    let on_leave = |p: &str, d: Date| {
        leave
            .iter()
            .any(|l| l.person == p && l.from <= d && d <= l.to)
    };
    let working: Vec<Date> = period
        .days()
        .filter(|d| cal.is_working_day(*d).unwrap_or(false))
        .collect();

    let mut r = Records {
        leave: leave.clone(),
        ..Records::default()
    };

    // Daily work records (2.2.2, 2.2.6) and duty shifts (3.6.6).
    for (n, day) in working.iter().enumerate() {
        let n64 = n as u64;
        for (wi, w) in WORKERS.iter().enumerate() {
            let wi64 = wi as u64;
            if !index.is_assigned(w.id, *day) || on_leave(w.id, *day) {
                continue;
            }
            if roll(wi64, n64, 1) < w.absent {
                continue;
            }
            let short = roll(wi64, n64, 2) < w.short_patrol;
            let second_end = if short {
                hm(15, 5 + (roll(wi64, n64, 3) % 40) as u16)
            } else {
                hm(16, (roll(wi64, n64, 3) % 30) as u16)
            };
            let mut patrols = vec![
                PatrolSession {
                    start: hm(8, 30),
                    end: hm(9, 30),
                },
                PatrolSession {
                    start: hm(15, 0),
                    end: second_end,
                },
            ];
            // Boundary days the tests rely on: 119 and 120 minutes.
            if w.id == "w2" && *day == date(2023, 3, 7) {
                patrols = vec![
                    PatrolSession {
                        start: hm(8, 30),
                        end: hm(9, 30),
                    },
                    PatrolSession {
                        start: hm(15, 0),
                        end: hm(15, 59),
                    },
                ];
            }
            if w.id == "w2" && *day == date(2023, 3, 8) {
                patrols = vec![
                    PatrolSession {
                        start: hm(8, 30),
                        end: hm(9, 30),
                    },
                    PatrolSession {
                        start: hm(15, 0),
                        end: hm(16, 0),
                    },
                ];
            }
            let mut must_checks = MustCheck::ALL.to_vec();
            if roll(wi64, n64, 4) < w.skip_check {
                must_checks.retain(|c| *c != MustCheck::SuspiciousPersons);
            }
            let mut must_dos = MustDo::ALL.to_vec();
            if roll(wi64, n64, 5) < w.skip_check / 2 {
                must_dos.retain(|c| *c != MustDo::WatchOpinion);
            }
            let group = MustVisit::ALL
                .get((n + wi) % MustVisit::ALL.len())
                .copied()
                .unwrap_or(MustVisit::PeopleInDifficulty);
            let grid_has = index
                .grid(w.grid)
                .and_then(|g| g.must_visit_groups.as_ref())
                .is_none_or(|l| l.contains(&group));
            let visits = if grid_has && roll(wi64, n64, 6) >= w.skip_check {
                vec![Visit { group, note: None }]
            } else {
                Vec::new()
            };
            r.work_records.push(WorkRecord {
                id: format!("wr-{}-{day}", w.id),
                person: w.id.into(),
                date: *day,
                grid: w.grid.into(),
                patrols,
                must_checks,
                must_dos,
                visits,
                note: None,
            });
        }
        // One duty shift a working day, in turn.
        let on_duty: Vec<&Habit> = WORKERS
            .iter()
            .filter(|w| index.is_assigned(w.id, *day) && !on_leave(w.id, *day))
            .collect();
        if let Some(w) = on_duty.get(n % on_duty.len().max(1)) {
            let next = on_duty.get((n + 1) % on_duty.len().max(1)).map(|x| x.id);
            let wi = WORKERS.iter().position(|x| x.id == w.id).unwrap_or(0) as u64;
            r.duty_shifts.push(DutyShift {
                id: format!("ds-{day}"),
                person: w.id.into(),
                community: COMMUNITY.into(),
                date: *day,
                log: (roll(wi, n64, 7) >= w.skip_check / 2).then(|| "接听来电，无异常".into()),
                handed_over_to: next.map(str::to_owned),
            });
        }
    }

    // Problems with their lifecycles, proxy cases and ledgers (2.1.2, 2.1.4–2.1.8, 2.2.2).
    evidence::add(&mut r, &working, &index, &on_leave);

    // Meetings (2.1.0, 2.2.3).
    for (n, day) in working.iter().enumerate() {
        // The morning meeting is skipped on a handful of days.
        if roll(99, n as u64, 10) >= 8 {
            r.meetings
                .push(meeting("mm", MeetingKind::Morning, *day, &organisation));
        }
    }
    for week in PeriodKind::Week.instances(period) {
        let Some(first) = working.iter().find(|d| week.contains(**d)) else {
            continue;
        };
        r.meetings
            .push(meeting("wm", MeetingKind::Weekly, *first, &organisation));
        // Group study on the week's third working day (or its last); one week none (3.5).
        let days: Vec<&Date> = working.iter().filter(|d| week.contains(**d)).collect();
        let study_day = days
            .get(2)
            .or(days.last())
            .copied()
            .copied()
            .unwrap_or(*first);
        // No group study in the week of 2023-06-12 (3.5).
        let held = week.from != date(2023, 6, 12);
        let attendees = WORKERS
            .iter()
            .enumerate()
            .filter(|(wi, w)| {
                index.is_assigned(w.id, study_day)
                    && !on_leave(w.id, study_day)
                    && roll(*wi as u64, week.from.naive().ordinal0() as u64, 11) >= w.skip_study
            })
            .map(|(_, w)| w.id.to_owned())
            .collect();
        if held {
            r.group_studies.push(GroupStudy {
                id: format!("gs-{study_day}"),
                community: COMMUNITY.into(),
                date: study_day,
                attendees,
                topic: Some("学习党的二十大精神".into()),
            });
        }
        for (wi, w) in WORKERS.iter().enumerate() {
            let Some(d) = days
                .iter()
                .rev()
                .find(|d| index.is_assigned(w.id, ***d) && !on_leave(w.id, ***d))
            else {
                continue;
            };
            if roll(wi as u64, week.from.naive().ordinal0() as u64, 12) >= w.skip_study {
                r.self_studies.push(SelfStudy {
                    id: format!("ss-{}-{d}", w.id),
                    person: w.id.into(),
                    date: **d,
                    topic: None,
                });
            }
        }
        // Security patrol (2.1.4) per grid, by the grid's workers present.
        for grid in ["g1", "g2", "g3"] {
            let people: Vec<String> = WORKERS
                .iter()
                .enumerate()
                .filter(|(wi, w)| {
                    w.grid == grid
                        && index.is_assigned(w.id, study_day)
                        && !on_leave(w.id, study_day)
                        && roll(*wi as u64, week.from.naive().ordinal0() as u64, 13)
                            >= w.skip_study / 2
                })
                .map(|(_, w)| w.id.to_owned())
                .collect();
            if !people.is_empty() {
                r.security_patrols.push(SecurityPatrol {
                    id: format!("sp-{grid}-{study_day}"),
                    date: study_day,
                    grid: grid.into(),
                    people,
                    areas: Some("背街小巷、沿街商铺".into()),
                });
            }
        }
    }
    for month in PeriodKind::Month.instances(period) {
        let days: Vec<&Date> = working.iter().filter(|d| month.contains(**d)).collect();
        if let Some(d) = days.get(3) {
            r.meetings
                .push(meeting("dm", MeetingKind::Dispatch, **d, &organisation));
        }
        for (wi, w) in WORKERS.iter().enumerate() {
            let m = u64::from(month.from.month());
            let mid = days
                .iter()
                .find(|d| {
                    d.naive().day0() >= 14 && index.is_assigned(w.id, ***d) && !on_leave(w.id, ***d)
                })
                .or_else(|| days.iter().rev().find(|d| index.is_assigned(w.id, ***d)));
            let Some(d) = mid else { continue };
            if roll(wi as u64, m, 14) >= w.skip_red_grid {
                r.red_grid_services.push(RedGridService {
                    id: format!("rg-{}-{d}", w.id),
                    organiser: w.id.into(),
                    grid: w.grid.into(),
                    date: **d,
                    participants: if w.grid == "g1" {
                        vec!["h1".into()]
                    } else {
                        Vec::new()
                    },
                    description: Some("组织党员、楼栋长为居民义务理发、测血压".into()),
                });
            }
            if let Some(last) = days.iter().rev().find(|d| index.is_assigned(w.id, ***d)) {
                r.notebook_reviews.push(NotebookReview {
                    id: format!("nr-{}-{last}", w.id),
                    person: w.id.into(),
                    reviewer: LEADER.into(),
                    date: **last,
                    comment: "本月工作扎实，学习笔记认真".into(),
                });
            }
        }
    }
    for quarter in PeriodKind::Quarter.instances(period) {
        if let Some(d) = working.iter().filter(|d| quarter.contains(**d)).nth(20) {
            let mut m = meeting("jm", MeetingKind::QuarterlyJoint, *d, &organisation);
            m.external_participants = vec!["新城街道".into(), "包联单位".into(), "物业公司".into()];
            r.meetings.push(m);
        }
    }
    // The leaver hands over eleven days late (2.2.1).
    r.handovers.push(Handover {
        id: "ho-w5-g3".into(),
        person: "w5".into(),
        grid: "g3".into(),
        date: date(2023, 10, 9),
        successor: Some("w6".into()),
        residents_notified: true,
    });

    attendance::add(&mut r, &organisation, &working);

    Dossier {
        period,
        organisation,
        records: r,
    }
}

fn meeting(prefix: &str, kind: MeetingKind, day: Date, org: &Organisation) -> Meeting {
    let index = org.index();
    Meeting {
        id: format!("{prefix}-{day}"),
        kind,
        community: COMMUNITY.into(),
        date: day,
        chair: Some(LEADER.into()),
        attendees: WORKERS
            .iter()
            .filter(|w| index.is_assigned(w.id, day))
            .map(|w| w.id.to_owned())
            .collect(),
        external_participants: Vec::new(),
    }
}

use chrono::Datelike as _;

const CONFIDENTIALITY_2023: &str = include_str!("../../data/confidentiality-2023.dossier.json");

/// A small subdistrict for confidentiality, public notice and grid divisions (2.2.4, 2.2.5,
/// 1.2): two communities with their areas and dated divisions, workers with phones and photo
/// references, and one record of each confidential kind (special-group ledgers, proxy cases,
/// problems and notes naming residents). Made-up data.
///
/// ```
/// let dossier = wangge::sample::confidentiality_2023();
/// assert_eq!(dossier.organisation.communities.len(), 2);
/// ```
pub fn confidentiality_2023() -> Dossier {
    #[expect(
        clippy::expect_used,
        reason = "embedded at build time; a unit test parses and validates it"
    )]
    Dossier::from_json(CONFIDENTIALITY_2023).expect("the embedded confidentiality sample is valid")
}
