//! proptest strategies that generate organisations and dossiers, for property-testing a policy
//! (feature `proptest`).
//!
//! A subdistrict writing its own policy can state what it expects of the policy as properties
//! ("a worker with no missed duty scores 100", "more missed patrols never raise the score") and
//! let proptest look for a dossier that breaks one. The strategies here generate *valid*
//! documents (every ID unique, every reference resolved, no overlap, within the calendar), and
//! [`invalid_dossier`] generates documents with one known defect and the error kind expected.
//!
//! ```
//! use proptest::prelude::*;
//! use proptest::test_runner::{Config, TestRunner};
//! use wangge::{Options, Policy, evaluate, strategies};
//!
//! let policy = Policy::xincheng_2022();
//! let mut runner = TestRunner::new(Config { cases: 4, ..Config::default() });
//! runner
//!     .run(&strategies::dossier(), |dossier| {
//!         prop_assert!(evaluate(&policy, &dossier, &Options::default()).is_ok());
//!         Ok(())
//!     })
//!     .unwrap();
//! ```
//!
//! The generated month is one of 2023; each community has a grid leader (its Party secretary)
//! and grid workers assigned to its grids; each worker gets daily work records with patrols,
//! must-checks, must-dos and visits, clock-ins and clock-outs, possibly leave, problems found
//! and spot checks. Generators build the JSON a community would send and read it with
//! [`Dossier::from_json`], so they exercise the same path as real input.

use crate::dossier::Dossier;
use crate::error::ErrorKind;
use crate::organisation::Organisation;
use proptest::prelude::*;
use proptest::sample::subsequence;
use serde_json::{Value, json};

const DAYS_IN_2023: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MUST_CHECKS: [&str; 5] = [
    "environment_sanitation",
    "infrastructure",
    "safety_hazards",
    "public_areas",
    "suspicious_persons",
];
const MUST_DOS: [&str; 5] = [
    "know_the_numbers",
    "gather_sentiment",
    "watch_opinion",
    "prevent_epidemics",
    "meet_needs",
];
const MUST_VISITS: [&str; 5] = [
    "people_in_difficulty",
    "floating_population",
    "empty_nest_elderly",
    "model_figures",
    "special_groups",
];
const SPOT_FINDINGS: [&str; 5] = [
    "present",
    "late",
    "left_early",
    "absent",
    "other_irregularity",
];

/// The shape of an organisation: for each community, how many grids and how many workers.
fn shape() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((1usize..=3, 1usize..=4), 1..=2)
}

fn org_json(shape: &[(usize, usize)]) -> Value {
    let mut communities = Vec::new();
    let mut people = Vec::new();
    let mut assignments = Vec::new();
    for (c, &(grids, workers)) in shape.iter().enumerate() {
        let leader = format!("l{c}");
        communities.push(json!({
            "id": format!("c{c}"), "name": format!("社区{c}"), "party_secretary": leader,
            "grids": (0..grids)
                .map(|g| json!({"id": format!("g{c}-{g}"), "name": format!("网格{c}-{g}")}))
                .collect::<Vec<_>>(),
        }));
        people.push(
            json!({"id": leader, "name": "网格长", "community": format!("c{c}"),
                           "role": "grid_leader"}),
        );
        for w in 0..workers {
            let id = format!("w{c}-{w}");
            people.push(
                json!({"id": id, "name": "网格员", "community": format!("c{c}"),
                               "role": "grid_worker"}),
            );
            assignments.push(json!({"person": id, "grid": format!("g{c}-{}", w % grids),
                                    "from": "2022-06-02"}));
        }
    }
    json!({
        "subdistrict": {"id": "xc", "name": "新城街道"},
        "communities": communities, "people": people, "assignments": assignments,
    })
}

/// A valid organisation (1.1): one or two communities, each with one to three grids, its Party
/// secretary as grid leader and one to four grid workers assigned to its grids.
pub fn organisation() -> impl Strategy<Value = Organisation> {
    shape().prop_filter_map("a valid organisation", |s| {
        serde_json::from_value(org_json(&s)).ok()
    })
}

/// What one worker did on one day of the month, as generated.
#[derive(Debug, Clone)]
struct Day {
    /// Patrol lengths in minutes, one per morning/afternoon slot (0 = no patrol).
    patrols: [u32; 2],
    checks: Vec<&'static str>,
    dos: Vec<&'static str>,
    visits: Vec<&'static str>,
    clock: Option<(u32, u32)>,
    problem: Option<bool>,
}

fn day() -> impl Strategy<Value = Option<Day>> {
    let day = (
        [0u32..=180, 0u32..=180],
        subsequence(MUST_CHECKS.to_vec(), 0..=5),
        subsequence(MUST_DOS.to_vec(), 0..=5),
        subsequence(MUST_VISITS.to_vec(), 0..=2),
        prop::option::weighted(0.9, (0u32..=60, 0u32..=60)),
        prop::option::weighted(0.2, any::<bool>()),
    )
        .prop_map(|(patrols, checks, dos, visits, clock, problem)| Day {
            patrols,
            checks,
            dos,
            visits,
            clock,
            problem,
        });
    prop::option::weighted(0.85, day)
}

fn hm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn ymd(month: u32, day: u32) -> String {
    format!("2023-{month:02}-{day:02}")
}

/// Builds the dossier JSON of a month from an organisation shape and generated days.
fn dossier_json(
    month: u32,
    shape: &[(usize, usize)],
    days: &[Vec<Option<Day>>],
    leave: &[Option<(u32, u32)>],
    spot: Option<(u32, Vec<usize>)>,
) -> Value {
    let last = DAYS_IN_2023.get(month as usize - 1).copied().unwrap_or(28);
    let org = org_json(shape);
    let workers: Vec<(String, String, String, String)> = shape
        .iter()
        .enumerate()
        .flat_map(|(c, &(grids, workers))| {
            (0..workers).map(move |w| {
                (
                    format!("w{c}-{w}"),
                    format!("g{c}-{}", w % grids),
                    format!("c{c}"),
                    format!("l{c}"),
                )
            })
        })
        .collect();
    let mut work = Vec::new();
    let mut clock = Vec::new();
    let mut problems = Vec::new();
    let mut leaves = Vec::new();
    for (i, (person, grid, _, leader)) in workers.iter().enumerate() {
        if let Some(Some((from, len))) = leave.get(i) {
            let from = (*from).clamp(1, last);
            let to = (from + len).min(last);
            leaves.push(json!({"id": format!("lv-{person}"), "person": person,
                "from": ymd(month, from), "to": ymd(month, to), "approved_by": leader,
                "kind": "personal"}));
        }
        for (d, generated) in days.get(i).into_iter().flatten().enumerate() {
            let Some(g) = generated else { continue };
            let date = ymd(month, d as u32 + 1);
            if d as u32 >= last {
                break;
            }
            let patrols: Vec<Value> = g
                .patrols
                .iter()
                .zip([9 * 60, 14 * 60])
                .filter(|(len, _)| **len > 0)
                .map(|(len, start)| json!({"start": hm(start), "end": hm(start + len)}))
                .collect();
            work.push(
                json!({"id": format!("wr-{person}-{date}"), "person": person,
                "date": date, "grid": grid, "patrols": patrols, "must_checks": g.checks,
                "must_dos": g.dos,
                "visits": g.visits.iter().map(|v| json!({"group": v})).collect::<Vec<_>>()}),
            );
            if let Some((early, late)) = g.clock {
                clock.push(
                    json!({"id": format!("ck-{person}-{date}-in"), "person": person,
                    "date": date, "time": hm(8 * 60 + early), "direction": "in",
                    "source": "machine"}),
                );
                clock.push(
                    json!({"id": format!("ck-{person}-{date}-out"), "person": person,
                    "date": date, "time": hm(17 * 60 + late), "direction": "out",
                    "source": "machine"}),
                );
            }
            if let Some(on_spot) = g.problem {
                let steps = if on_spot {
                    vec![
                        json!({"step": "solved_on_spot", "date": date, "time": "10:00",
                                "actor": person}),
                    ]
                } else {
                    Vec::new()
                };
                problems.push(
                    json!({"id": format!("pb-{person}-{date}"), "person": person,
                    "grid": grid, "date": date, "found_at": "09:30",
                    "category": "exposed_garbage", "text": "巡查中发现", "steps": steps,
                    "reports": [{"channel": "grid_group", "date": date, "time": "09:45"}]}),
                );
            }
        }
    }
    let mut spot_checks = Vec::new();
    if let Some((day, findings)) = spot {
        let day = day.clamp(1, last);
        for (c, _) in shape.iter().enumerate() {
            let observations: Vec<Value> = workers
                .iter()
                .zip(findings.iter().cycle())
                .filter(|(w, _)| w.2 == format!("c{c}"))
                .map(|(w, f)| {
                    let finding = SPOT_FINDINGS.get(*f % SPOT_FINDINGS.len());
                    if finding == Some(&"other_irregularity") {
                        json!({"person": w.0, "finding": finding, "note": "工作时间玩手机"})
                    } else {
                        json!({"person": w.0, "finding": finding})
                    }
                })
                .collect();
            spot_checks.push(
                json!({"id": format!("sc-c{c}"), "community": format!("c{c}"),
                "date": ymd(month, day), "time": "10:30", "checker": "街道 检查组",
                "observations": observations}),
            );
        }
    }
    json!({
        "period": {"from": ymd(month, 1), "to": ymd(month, last)},
        "organisation": org,
        "records": {"work_records": work, "clock_events": clock, "problems": problems,
                    "leave": leaves, "spot_checks": spot_checks},
    })
}

/// The JSON text of a valid dossier of one month of 2023 (see the module docs).
pub fn dossier_json_text() -> impl Strategy<Value = String> {
    (1u32..=12, shape())
        .prop_flat_map(|(month, shape)| {
            let workers: usize = shape.iter().map(|&(_, w)| w).sum();
            (
                Just(month),
                Just(shape),
                prop::collection::vec(prop::collection::vec(day(), 31), workers),
                prop::collection::vec(prop::option::weighted(0.3, (1u32..=28, 0u32..=3)), workers),
                prop::option::weighted(0.5, (1u32..=28, prop::collection::vec(0usize..5, 1..=4))),
            )
        })
        .prop_map(|(month, shape, days, leave, spot)| {
            dossier_json(month, &shape, &days, &leave, spot).to_string()
        })
}

/// A valid dossier of one month of 2023: organisation, work records, clock events, leave,
/// problems found and spot checks.
pub fn dossier() -> impl Strategy<Value = Dossier> {
    dossier_json_text().prop_filter_map("a valid dossier", |t| Dossier::from_json(&t).ok())
}

/// Adds the records of duties that bind the community or its Party secretary (2.1.0, 3.5) to
/// a generated dossier, chosen by `seeds`: group studies on some weeks with some of the
/// community's workers attending, a dispatch meeting convened by the grid leader or by a
/// worker, and notebook reviews by the secretary or by a fellow worker.
fn add_community_duties(doc: &mut Value, seeds: &[u8]) -> Option<()> {
    let seed = |i: usize| seeds.get(i % seeds.len().max(1)).copied().unwrap_or(0);
    let from: String = doc.pointer("/period/from")?.as_str()?.to_owned();
    let to: String = doc.pointer("/period/to")?.as_str()?.to_owned();
    let month = from.get(..8)?.to_owned(); // "2023-MM-"
    let last: u32 = to.get(8..)?.parse().ok()?;
    let day = |d: u32| format!("{month}{:02}", d.clamp(1, last));
    let communities: Vec<String> = doc
        .pointer("/organisation/communities")?
        .as_array()?
        .iter()
        .filter_map(|c| c.get("id")?.as_str().map(str::to_owned))
        .collect();
    let people = doc.pointer("/organisation/people")?.as_array()?.clone();
    let (mut studies, mut meetings, mut reviews) = (Vec::new(), Vec::new(), Vec::new());
    for (c, community) in communities.iter().enumerate() {
        let of = |role: &str| -> Vec<String> {
            people
                .iter()
                .filter(|p| p["community"] == community.as_str() && p["role"] == role)
                .filter_map(|p| p["id"].as_str().map(str::to_owned))
                .collect()
        };
        let (leader, workers) = (of("grid_leader").first()?.clone(), of("grid_worker"));
        let base = c * 40;
        for week in 0..5u32 {
            let s = seed(base + week as usize);
            if s % 3 == 0 {
                continue;
            }
            let on = day(1 + 7 * week + u32::from(s % 5));
            let mask = seed(base + 8 + week as usize);
            let attendees: Vec<&String> = workers
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << (i % 8)) != 0)
                .map(|(_, w)| w)
                .collect();
            studies.push(
                json!({"id": format!("gs-{community}-{week}"), "community": community,
                "date": on, "attendees": attendees}),
            );
        }
        if seed(base + 20) % 2 == 0 {
            let chair = if seed(base + 21) % 2 == 0 {
                &leader
            } else {
                workers.first()?
            };
            meetings.push(json!({"id": format!("dm-{community}"), "kind": "dispatch",
                "community": community, "date": day(u32::from(seed(base + 22)) % last + 1),
                "chair": chair}));
        }
        for (i, w) in workers.iter().enumerate() {
            let s = seed(base + 24 + i);
            let reviewer = match s % 3 {
                0 => continue,
                1 => &leader,
                _ => workers.get((i + 1) % workers.len()).unwrap_or(&leader),
            };
            reviews.push(
                json!({"id": format!("nr-{w}"), "person": w, "reviewer": reviewer,
                "date": day(28), "comment": "本月学习认真"}),
            );
        }
    }
    let records = doc.pointer_mut("/records")?.as_object_mut()?;
    records.insert("group_studies".into(), Value::Array(studies));
    records.insert("meetings".into(), Value::Array(meetings));
    records.insert("notebook_reviews".into(), Value::Array(reviews));
    Some(())
}

/// A valid dossier of one month of 2023 as [`dossier`] makes, with the records of the duties
/// that bind the community or its Party secretary (2.1.0, 3.5): group studies and their
/// attendance, a dispatch meeting, notebook reviews — some by the secretary, some convened or
/// made by a grid worker instead (which do not count).
pub fn dossier_with_community_duties() -> impl Strategy<Value = Dossier> {
    (dossier_json_text(), prop::collection::vec(any::<u8>(), 80)).prop_filter_map(
        "a valid dossier with community duties",
        |(text, seeds)| {
            let mut doc: Value = serde_json::from_str(&text).ok()?;
            add_community_duties(&mut doc, &seeds)?;
            Dossier::from_json(&doc.to_string()).ok()
        },
    )
}

/// The JSON text of a dossier with exactly one defect, and the kind of error it must give: a
/// dangling reference, a duplicate ID, an inverted or overlapping patrol, an impossible date,
/// an unknown field.
pub fn invalid_dossier() -> impl Strategy<Value = (String, ErrorKind)> {
    (dossier_json_text(), 0usize..6).prop_filter_map(
        "a dossier with a work record to break",
        |(text, defect)| {
            let mut doc: Value = serde_json::from_str(&text).ok()?;
            let record = doc.pointer_mut("/records/work_records/0")?.as_object_mut()?;
            let kind = match defect {
                0 => {
                    record.insert("person".into(), json!("nobody"));
                    ErrorKind::UnknownReference
                }
                1 => {
                    record.insert("patrols".into(), json!([{"start": "10:00", "end": "09:00"}]));
                    ErrorKind::InvalidTime
                }
                2 => {
                    record.insert(
                        "patrols".into(),
                        json!([{"start": "09:00", "end": "10:00"}, {"start": "09:30", "end": "11:00"}]),
                    );
                    ErrorKind::Overlap
                }
                3 => {
                    record.insert("date".into(), json!("2023-02-30"));
                    ErrorKind::InvalidTime
                }
                4 => {
                    record.insert("minutes".into(), json!(120));
                    ErrorKind::Shape
                }
                _ => {
                    let id = record.get("id")?.clone();
                    let meetings = json!([{"id": id, "kind": "morning", "community": "c0",
                                           "date": doc.pointer("/period/from")?}]);
                    doc.pointer_mut("/records")?
                        .as_object_mut()?
                        .insert("meetings".into(), meetings);
                    ErrorKind::DuplicateId
                }
            };
            Some((doc.to_string(), kind))
        },
    )
}
