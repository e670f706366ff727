//! A dossier: the organisation and its records for a period — the input of every evaluation.

use crate::error::{Error, ErrorKind, Problem};
use crate::organisation::Organisation;
use crate::organisation::{At, Checker, all_distinct, key_of};
use crate::records::Records;
use crate::time::{Date, DateRange, LocalTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The organisation and its records for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// The period the records cover.
    pub period: DateRange,
    /// The subdistrict, communities, grids and people.
    pub organisation: Organisation,
    /// The records.
    #[serde(default)]
    pub records: Records,
}

impl Dossier {
    /// Refuses a dossier larger than the limits (`crate::limits`): the records it holds, and
    /// the area placements its divisions ask to check.
    pub(crate) fn check_size(&self) -> Result<(), Error> {
        crate::limits::check_record_count(self.records.count())?;
        let org = &self.organisation;
        let mut areas: BTreeMap<&str, usize> = BTreeMap::new();
        for c in &org.communities {
            areas.entry(c.id.as_str()).or_insert(c.areas.len());
        }
        let total = org.divisions.iter().fold(0usize, |sum, div| {
            sum.saturating_add(areas.get(div.community.as_str()).copied().unwrap_or(0))
        });
        crate::limits::check_division_areas(total)
    }

    /// Puts records in their canonical order (by date, then ID; see
    /// [`Records::canonicalise`]), so that the same records listed in any order give the same
    /// bytes from every call. The organisation — communities, grids, people and assignments —
    /// keeps the order of the roster it was given, so that a problem found under a policy (an
    /// overlap of assignments, 1.1) names the assignment as listed. [`Dossier::from_json`]
    /// does it after validation (the paths of its problems name the records as listed; the
    /// paths of later warnings index the canonical order, and name the record too); call it on
    /// a dossier built in code before evaluating it for the same guarantee.
    pub fn canonicalise(&mut self) {
        self.records.canonicalise();
    }

    /// The dossier as JSON.
    pub fn to_json(&self) -> String {
        crate::to_json_pretty(self)
    }

    /// Checks references, IDs, intervals and overlaps; every problem at once.
    pub fn validate(&self) -> Result<(), Error> {
        let mut problems = Vec::new();
        if !self.period.is_valid() {
            problems.push(
                Problem::new(
                    ErrorKind::InvalidTime,
                    format!(
                        "period ends on `{}` before it starts on `{}`",
                        self.period.to, self.period.from
                    ),
                )
                .at("period.to")
                .on(self.period.to),
            );
        }
        problems.extend(self.organisation.validate("organisation"));
        let index = self.organisation.index();

        // Record IDs are gathered and sorted once; only a dossier with an ID used twice is
        // checked again, ID by ID, for its problems in document order.
        let mut ck = Checker::gathering(&index, problems.clone());
        self.check_records(&mut ck);
        if !ck.ids_all_distinct() {
            ck = Checker::new(&index, problems);
            self.check_records(&mut ck);
        }
        Error::check(ck.problems)
    }

    /// Every record family's checks, in document order.
    fn check_records<'a>(&'a self, ck: &mut Checker<'_, 'a>) {
        let r = &self.records;
        check_work_records(r, ck);
        crate::records::evidence::validate_records(r, &self.period, ck);
        check_meetings(r, ck);
        check_patrols_and_services(r, ck);
        check_studies(r, ck);
        check_shifts_handovers_and_leave(r, ck);
        crate::records::attendance::validate_records(
            &r.clock_events,
            &r.spot_checks,
            &r.conduct_incidents,
            ck,
        );
        crate::duties::validate_records(&r.activities, &r.assigned_tasks, ck);
        check_leave_overlaps(r, ck);
    }
}

/// Work records (2.1.1): references, one a person, day and grid, and patrol sessions that end
/// after they start and do not overlap.
fn check_work_records<'a>(r: &'a Records, ck: &mut Checker<'_, 'a>) {
    // One work record a person, day and grid; a worker holding several grids (兼任, when
    // the policy allows it) keeps one a grid (see `check_under`).
    let mut days: BTreeMap<(&str, Date, &str), &str> = BTreeMap::new();
    let mut by_day: BTreeMap<(&str, Date), Vec<usize>> = BTreeMap::new();
    for (i, w) in r.work_records.iter().enumerate() {
        let here = At::new("records.work_records", i);
        ck.id(&w.id, &here);
        ck.person(&w.person, &here, "person");
        ck.grid(&w.grid, &here);
        by_day
            .entry((w.person.as_str(), w.date))
            .or_default()
            .push(i);
        if let Some(other) =
            days.insert((w.person.as_str(), w.date, w.grid.as_str()), w.id.as_str())
        {
            ck.push(
                Problem::new(
                    ErrorKind::Overlap,
                    format!(
                        "`{}` has two work records on `{}` (`{other}` and `{}`)",
                        w.person, w.date, w.id
                    ),
                )
                .at(here.to_string())
                .record(&w.id)
                .on(w.date),
            );
        }
        for (j, s) in w.patrols.iter().enumerate() {
            if s.end <= s.start {
                ck.push(inverted(
                    s.start,
                    s.end,
                    format!("{here}.patrols[{j}]"),
                    &w.id,
                    w.date,
                ));
            }
        }
        let mut sorted: Vec<(usize, &crate::records::PatrolSession)> =
            w.patrols.iter().enumerate().collect();
        sorted.sort_by_key(|(_, s)| (s.start, s.end));
        for pair in sorted.windows(2) {
            if let [(_, a), (j, b)] = pair {
                if b.start < a.end && a.start < a.end && b.start < b.end {
                    ck.push(
                        Problem::new(
                            ErrorKind::Overlap,
                            format!(
                                "patrol sessions `{}`–`{}` and `{}`–`{}` of `{}` overlap",
                                a.start, a.end, b.start, b.end, w.person
                            ),
                        )
                        .at(format!("{here}.patrols[{j}]"))
                        .record(&w.id)
                        .on(w.date),
                    );
                }
            }
        }
    }
    check_grids_overlap(r, &by_day, ck);
}

/// A worker on several grids patrols one at a time: sessions of one day's records in
/// different grids must not overlap either.
fn check_grids_overlap<'a>(
    r: &'a Records,
    by_day: &BTreeMap<(&str, Date), Vec<usize>>,
    ck: &mut Checker<'_, 'a>,
) {
    for ((who, date), list) in by_day.iter().filter(|(_, l)| l.len() > 1) {
        let mut sessions: Vec<(&crate::records::PatrolSession, usize, usize)> = list
            .iter()
            .filter_map(|i| r.work_records.get(*i).map(|w| (*i, w)))
            .flat_map(|(i, w)| w.patrols.iter().enumerate().map(move |(j, s)| (s, i, j)))
            .filter(|(s, _, _)| s.start < s.end)
            .collect();
        sessions.sort_by_key(|(s, i, j)| (s.start, s.end, *i, *j));
        for pair in sessions.windows(2) {
            if let [(a, ia, _), (b, ib, jb)] = pair {
                if ia != ib && b.start < a.end {
                    let rid = r.work_records.get(*ib).map_or("", |w| w.id.as_str());
                    ck.push(
                        Problem::new(
                            ErrorKind::Overlap,
                            format!(
                                "patrol sessions `{}`–`{}` and `{}`–`{}` of `{who}` in two grids overlap",
                                a.start, a.end, b.start, b.end
                            ),
                        )
                        .at(format!("records.work_records[{ib}].patrols[{jb}]"))
                        .record(rid)
                        .on(*date),
                    );
                }
            }
        }
    }
}

/// Meetings (2.1.0, 2.2.3): references, and a dispatch meeting convened by a person of its
/// community.
fn check_meetings<'a>(r: &'a Records, ck: &mut Checker<'_, 'a>) {
    for (i, m) in r.meetings.iter().enumerate() {
        let here = At::new("records.meetings", i);
        ck.id(&m.id, &here);
        ck.community(&m.community, &here);
        if let Some(c) = &m.chair {
            ck.person(c, &here, "chair");
            // 2.1.0: the dispatch meeting is the community's own, convened by one of its
            // people (its grid leader; anyone else is a warning when evaluated).
            if m.kind == crate::records::MeetingKind::Dispatch {
                if let (Some(p), Some(_)) = (ck.index.person(c), ck.index.community(&m.community)) {
                    if p.community != m.community {
                        ck.push(not_of_community(
                            "convener",
                            c,
                            &m.community,
                            format!("{here}.chair"),
                            &m.id,
                        ));
                    }
                }
            }
        }
        for (j, a) in m.attendees.iter().enumerate() {
            ck.person(a, &here, &format_args!("attendees[{j}]"));
        }
    }
}

/// Security patrols and red-grid services: references, and a patrol names someone.
fn check_patrols_and_services<'a>(r: &'a Records, ck: &mut Checker<'_, 'a>) {
    for (i, s) in r.security_patrols.iter().enumerate() {
        let here = At::new("records.security_patrols", i);
        ck.id(&s.id, &here);
        ck.grid(&s.grid, &here);
        if s.people.is_empty() {
            ck.push(
                Problem::new(ErrorKind::Shape, "a security patrol names no one")
                    .at(format!("{here}.people"))
                    .record(&s.id),
            );
        }
        for (j, p) in s.people.iter().enumerate() {
            ck.person(p, &here, &format_args!("people[{j}]"));
        }
    }
    for (i, s) in r.red_grid_services.iter().enumerate() {
        let here = At::new("records.red_grid_services", i);
        ck.id(&s.id, &here);
        ck.person(&s.organiser, &here, "organiser");
        ck.grid(&s.grid, &here);
    }
}

/// Group and self studies and notebook reviews (3.5): references, a reviewer of the
/// worker's community, and a comment.
fn check_studies<'a>(r: &'a Records, ck: &mut Checker<'_, 'a>) {
    for (i, s) in r.group_studies.iter().enumerate() {
        let here = At::new("records.group_studies", i);
        ck.id(&s.id, &here);
        ck.community(&s.community, &here);
        for (j, p) in s.attendees.iter().enumerate() {
            ck.person(p, &here, &format_args!("attendees[{j}]"));
        }
    }
    for (i, s) in r.self_studies.iter().enumerate() {
        let here = At::new("records.self_studies", i);
        ck.id(&s.id, &here);
        ck.person(&s.person, &here, "person");
    }
    for (i, s) in r.notebook_reviews.iter().enumerate() {
        let here = At::new("records.notebook_reviews", i);
        ck.id(&s.id, &here);
        ck.person(&s.person, &here, "person");
        ck.person(&s.reviewer, &here, "reviewer");
        // 3.5: the reviewer is the worker's community secretary — at least a person of
        // that community (anyone else of it is a warning when evaluated).
        if let (Some(w), Some(r)) = (ck.index.person(&s.person), ck.index.person(&s.reviewer)) {
            if w.community != r.community {
                ck.push(not_of_community(
                    "reviewer",
                    &s.reviewer,
                    &w.community,
                    format!("{here}.reviewer"),
                    &s.id,
                ));
            }
        }
        if s.comment.trim().is_empty() {
            ck.push(
                Problem::new(
                    ErrorKind::Shape,
                    "a notebook review has no comment (点评, 3.5)",
                )
                .at(format!("{here}.comment"))
                .record(&s.id),
            );
        }
    }
}

/// Duty shifts, handovers and leave: references, and leave that ends after it starts.
fn check_shifts_handovers_and_leave<'a>(r: &'a Records, ck: &mut Checker<'_, 'a>) {
    for (i, s) in r.duty_shifts.iter().enumerate() {
        let here = At::new("records.duty_shifts", i);
        ck.id(&s.id, &here);
        ck.person(&s.person, &here, "person");
        ck.community(&s.community, &here);
        if let Some(to) = &s.handed_over_to {
            ck.person(to, &here, "handed_over_to");
        }
    }
    for (i, h) in r.handovers.iter().enumerate() {
        let here = At::new("records.handovers", i);
        ck.id(&h.id, &here);
        ck.person(&h.person, &here, "person");
        ck.grid(&h.grid, &here);
        if let Some(s) = &h.successor {
            ck.person(s, &here, "successor");
        }
    }
    for (i, l) in r.leave.iter().enumerate() {
        let here = At::new("records.leave", i);
        ck.id(&l.id, &here);
        ck.person(&l.person, &here, "person");
        ck.person(&l.approved_by, &here, "approved_by");
        if l.to < l.from {
            ck.push(
                Problem::new(
                    ErrorKind::InvalidTime,
                    format!("leave ends on `{}` before it starts on `{}`", l.to, l.from),
                )
                .at(format!("{here}.to"))
                .record(&l.id)
                .on(l.to),
            );
        }
    }
}

/// Leave of one person does not overlap.
fn check_leave_overlaps<'a>(r: &'a Records, ck: &mut Checker<'_, 'a>) {
    let mut by_person: BTreeMap<&str, Vec<(usize, &crate::records::Leave)>> = BTreeMap::new();
    for (i, l) in r.leave.iter().enumerate() {
        by_person.entry(l.person.as_str()).or_default().push((i, l));
    }
    for list in by_person.values_mut() {
        list.sort_by_key(|(_, l)| (l.from, l.to));
        for pair in list.windows(2) {
            if let [(_, a), (j, b)] = pair {
                if b.from <= a.to {
                    ck.push(
                        Problem::new(
                            ErrorKind::Overlap,
                            format!("leave `{}` and `{}` of `{}` overlap", a.id, b.id, a.person),
                        )
                        .at(format!("records.leave[{j}]"))
                        .record(&b.id)
                        .on(b.from),
                    );
                }
            }
        }
    }
}

impl Dossier {
    /// Checks what the policy decides about the dossier (see `Dossier::check_under`): at most
    /// `max` grids a worker (the policy's `grids_per_worker`); the problems without their
    /// messages for people.
    pub(crate) fn check_under_policy(&self, max: u32) -> Result<(), Error> {
        let mut problems = self
            .organisation
            .check_grids_per_worker(max, "organisation");
        // One work record a person and day, checked by a sort first (a valid dossier's
        // thousands of records); the records are walked in order only to report a second one.
        let one_a_day = || {
            let mut person_days: Vec<(u64, &str, Date)> = self
                .records
                .work_records
                .iter()
                .map(|w| (key_of(&w.person), w.person.as_str(), w.date))
                .collect();
            all_distinct(&mut person_days)
        };
        if max <= 1 && !one_a_day() {
            let mut days: BTreeMap<(&str, Date), &str> = BTreeMap::new();
            for (i, w) in self.records.work_records.iter().enumerate() {
                if let Some(other) = days.insert((w.person.as_str(), w.date), w.id.as_str()) {
                    problems.push(
                        Problem::new(
                            ErrorKind::Overlap,
                            format!(
                                "`{}` has two work records on `{}` (`{other}` and `{}`), and the policy allows one grid per worker",
                                w.person, w.date, w.id
                            ),
                        )
                        .at(format!("records.work_records[{i}]"))
                        .record(&w.id)
                        .on(w.date),
                    );
                }
            }
        }
        Error::check(problems)
    }
}

fn not_of_community(what: &str, pid: &str, community: &str, path: String, id: &str) -> Problem {
    Problem::new(
        ErrorKind::UnknownReference,
        format!("{what} `{pid}` is not a person of community `{community}`"),
    )
    .at(path)
    .record(id)
}

fn inverted(start: LocalTime, end: LocalTime, path: String, id: &str, date: Date) -> Problem {
    Problem::new(
        ErrorKind::InvalidTime,
        format!("patrol session ends at `{end}`, not after its start `{start}`"),
    )
    .at(format!("{path}.end"))
    .record(id)
    .on(date)
}
