//! A deterministic generator of synthetic dossiers: N communities of M grid workers each, a full
//! year (2023) of records per community, one dossier per line.
//!
//! Each community is built from the built-in sample community (six workers with different
//! habits, three grids, a year of work records, meetings, study, attendance, problems, ledgers):
//! M workers are ⌈M/6⌉ units of the sample merged into one community, every ID of a unit after
//! the first renamed; when M is not a multiple of six, the last unit keeps only its first workers
//! (the others, their assignments, their records and the grids left without a worker are dropped),
//! so a community has exactly M workers. Communities differ: each drops a deterministic 3% of its work records, and
//! each has its own ID and name. To keep generation cheap next to what it measures, the text of
//! at most [`POOL`] distinct communities is built and the rest reuse it with their own ID.
#![allow(
    clippy::indexing_slicing,
    reason = "serde_json's Value index answers Null for a missing key; it does not panic"
)]

use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Distinct community texts built before reuse.
pub(crate) const POOL: usize = 16;

/// Record lists held by the community as a body: kept once, attendees merged.
const COMMUNITY_LISTS: [&str; 3] = ["meetings", "group_studies", "spot_checks"];

fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z ^ (z >> 31)
}

/// Renames every string equal to a key of `names`, everywhere in `v`.
fn rename(v: &mut Value, names: &BTreeMap<String, String>) {
    match v {
        Value::String(s) => {
            if let Some(n) = names.get(s.as_str()) {
                *s = n.clone();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| rename(x, names)),
        Value::Object(map) => map.values_mut().for_each(|x| rename(x, names)),
        _ => {}
    }
}

fn unit(base: &Value, u: usize) -> Value {
    let mut v = base.clone();
    if u == 0 {
        return v;
    }
    let mut names = BTreeMap::new();
    for i in 1..=6 {
        names.insert(format!("w{i}"), format!("w{}", 6 * u + i));
    }
    for i in 1..=3 {
        names.insert(format!("g{i}"), format!("g{}", 3 * u + i));
        names.insert(format!("h{i}"), format!("h{}", 3 * u + i));
    }
    rename(&mut v, &names);
    if let Some(records) = v.get_mut("records").and_then(Value::as_object_mut) {
        for (list, items) in records.iter_mut() {
            if COMMUNITY_LISTS.contains(&list.as_str()) {
                continue;
            }
            for item in items.as_array_mut().into_iter().flatten() {
                if let Some(Value::String(id)) = item.get_mut("id") {
                    *id = format!("u{u}-{id}");
                }
            }
        }
    }
    v
}

fn array<'a>(v: &'a mut Value, path: &[&str]) -> Option<&'a mut Vec<Value>> {
    let mut cur = v;
    for p in path {
        cur = cur.get_mut(*p)?;
    }
    cur.as_array_mut()
}

/// True when `v` holds, anywhere, a string of `names`.
fn mentions(v: &Value, names: &BTreeSet<String>) -> bool {
    match v {
        Value::String(s) => names.contains(s.as_str()),
        Value::Array(items) => items.iter().any(|x| mentions(x, names)),
        Value::Object(map) => map.values().any(|x| mentions(x, names)),
        _ => false,
    }
}

/// Keeps the first `keep` workers of unit `u` (its workers are `w{6u+1}`..`w{6u+6}`): drops the
/// others, their assignments, every record naming them, and the grids left without a worker with
/// every record naming those; drops them from the attendee lists of community records.
fn trim(v: &mut Value, u: usize, keep: usize) {
    if keep >= 6 {
        return;
    }
    let gone: BTreeSet<String> = (keep + 1..=6).map(|i| format!("w{}", 6 * u + i)).collect();
    let assignments: Vec<Value> = v["organisation"]["assignments"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let grid_of = |a: &Value| a["grid"].as_str().map(str::to_owned);
    let kept_grids: BTreeSet<String> = assignments
        .iter()
        .filter(|a| !mentions(a, &gone))
        .filter_map(grid_of)
        .collect();
    let mut names = gone;
    names.extend(
        assignments
            .iter()
            .filter_map(grid_of)
            .filter(|g| !kept_grids.contains(g)),
    );
    for path in [
        &["organisation", "people"][..],
        &["organisation", "assignments"][..],
    ] {
        if let Some(list) = array(v, path) {
            list.retain(|x| !mentions(x, &names));
        }
    }
    if let Some(communities) = array(v, &["organisation", "communities"]) {
        for c in communities {
            if let Some(grids) = c.get_mut("grids").and_then(Value::as_array_mut) {
                grids.retain(|g| !mentions(g, &names));
            }
        }
    }
    if let Some(records) = v.get_mut("records").and_then(Value::as_object_mut) {
        for (list, items) in records.iter_mut() {
            let Some(items) = items.as_array_mut() else {
                continue;
            };
            if COMMUNITY_LISTS.contains(&list.as_str()) {
                for item in items.iter_mut() {
                    if let Some(a) = item.get_mut("attendees").and_then(Value::as_array_mut) {
                        a.retain(|x| !mentions(x, &names));
                    }
                }
            } else {
                items.retain(|x| !mentions(x, &names));
            }
        }
    }
}

/// One community of exactly `workers` workers (⌈workers/6⌉ units, the last one trimmed),
/// variant `variant`.
fn community(base: &Value, workers: usize, variant: usize) -> Value {
    let units = workers.div_ceil(6).max(1);
    let keep_last = workers.saturating_sub(6 * (units - 1)).max(1);
    let mut out = unit(base, 0);
    if units == 1 {
        trim(&mut out, 0, keep_last);
    }
    for u in 1..units {
        let mut more = unit(base, u);
        if u + 1 == units {
            trim(&mut more, u, keep_last);
        }
        let people: Vec<Value> = array(&mut more, &["organisation", "people"])
            .map(|p| p.drain(..).filter(|x| x["role"] != "grid_leader").collect())
            .unwrap_or_default();
        if let Some(p) = array(&mut out, &["organisation", "people"]) {
            p.extend(people);
        }
        let grids = array(&mut more, &["organisation", "communities"])
            .and_then(|c| c.first_mut())
            .and_then(|c| c.get_mut("grids"))
            .and_then(Value::as_array_mut)
            .map(std::mem::take)
            .unwrap_or_default();
        if let Some(g) = array(&mut out, &["organisation", "communities"])
            .and_then(|c| c.first_mut())
            .and_then(|c| c.get_mut("grids"))
            .and_then(Value::as_array_mut)
        {
            g.extend(grids);
        }
        let assignments = array(&mut more, &["organisation", "assignments"])
            .map(std::mem::take)
            .unwrap_or_default();
        if let Some(a) = array(&mut out, &["organisation", "assignments"]) {
            a.extend(assignments);
        }
        let lists: Map<String, Value> = more
            .get_mut("records")
            .and_then(Value::as_object_mut)
            .map(std::mem::take)
            .unwrap_or_default();
        for (list, items) in lists {
            let Value::Array(items) = items else { continue };
            if COMMUNITY_LISTS.contains(&list.as_str()) {
                merge_attendees(&mut out, &list, items);
            } else if let Some(target) = array(&mut out, &["records", &list]) {
                target.extend(items);
            }
        }
    }
    // Each variant drops a deterministic 3% of the work records: communities differ.
    if let Some(work) = array(&mut out, &["records", "work_records"]) {
        let mut i = 0u64;
        work.retain(|_| {
            i += 1;
            mix(variant as u64 + 1, i) % 100 >= 3
        });
    }
    out
}

fn merge_attendees(out: &mut Value, list: &str, items: Vec<Value>) {
    let Some(target) = array(out, &["records", list]) else {
        return;
    };
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    for (i, t) in target.iter().enumerate() {
        if let Some(id) = t["id"].as_str() {
            by_id.insert(id.to_owned(), i);
        }
    }
    for item in items {
        let (Some(id), Some(extra)) = (item["id"].as_str(), item["attendees"].as_array()) else {
            continue;
        };
        if let Some(t) = by_id.get(id).and_then(|i| target.get_mut(*i)) {
            if let Some(a) = t.get_mut("attendees").and_then(Value::as_array_mut) {
                a.extend(extra.iter().cloned());
            }
        }
    }
}

/// Lines of a city: `communities` communities of `workers` workers each (at least one), each a
/// compact JSON dossier.
pub(crate) struct City {
    pool: Vec<String>,
    communities: usize,
    next: usize,
}

impl City {
    /// Builds the pool of distinct community texts.
    pub(crate) fn new(communities: usize, workers: usize) -> City {
        let base: Value = serde_json::from_str(&wangge::sample::community_2023().to_json())
            .unwrap_or(Value::Null);
        let pool = (0..POOL.min(communities.max(1)))
            .map(|variant| {
                let v = community(&base, workers.max(1), variant);
                serde_json::to_string(&v).unwrap_or_default()
            })
            .collect();
        City {
            pool,
            communities,
            next: 0,
        }
    }

    /// Workers per community (at least one).
    pub(crate) fn workers_per_community(workers: usize) -> usize {
        workers.max(1)
    }
}

impl Iterator for City {
    type Item = String;
    fn next(&mut self) -> Option<String> {
        if self.next >= self.communities {
            return None;
        }
        let k = self.next;
        self.next += 1;
        let text = self.pool.get(k % self.pool.len().max(1))?;
        Some(
            text.replacen("\"id\":\"c1\"", &format!("\"id\":\"c{k}\""), 1)
                .replace("\"community\":\"c1\"", &format!("\"community\":\"c{k}\"")),
        )
    }
}

/// A one-line JSON of the sizes, for the record.
pub(crate) fn describe(communities: usize, workers: usize) -> Value {
    json!({ "communities": communities, "workers_per_community": City::workers_per_community(workers) })
}
