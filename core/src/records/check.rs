//! One checker for the validation of every record family: the organisation's index, the record
//! IDs seen (unique across the dossier), and the problems found so far.

use crate::error::{ErrorKind, Problem};
use crate::organisation::Index;
use std::collections::BTreeSet;

/// What each record family's validation writes to: problems, in the order found.
pub(crate) struct Checker<'c, 'a> {
    /// The organisation the records refer to.
    pub(crate) index: &'c Index<'a>,
    /// Record IDs seen so far.
    ids: BTreeSet<String>,
    /// IDs of the organisation (subdistrict, communities, grids, people) seen so far.
    organisation_ids: BTreeSet<String>,
    /// Every problem found, in order.
    pub(crate) problems: Vec<Problem>,
}

impl<'c, 'a> Checker<'c, 'a> {
    /// A checker over `index`, after the `problems` found before the records.
    pub(crate) fn new(index: &'c Index<'a>, problems: Vec<Problem>) -> Self {
        Checker {
            index,
            ids: BTreeSet::new(),
            organisation_ids: BTreeSet::new(),
            problems,
        }
    }

    /// A record ID at `path`: not empty, and used once in the whole dossier.
    pub(crate) fn id(&mut self, id: &str, path: String) {
        if let Some(problem) = fresh(&mut self.ids, id, path, "a record ID", "record ID") {
            self.push(problem);
        }
    }

    /// An ID of the organisation at `path` (its subdistrict, a community, a grid or a person):
    /// not empty, and used once in the whole organisation (1.1).
    pub(crate) fn organisation_id(&mut self, id: &str, path: String) {
        if let Some(problem) = fresh(&mut self.organisation_ids, id, path, "an ID", "ID") {
            self.push(problem);
        }
    }

    /// A person named at `here.field` who must exist.
    pub(crate) fn person(&mut self, pid: &str, here: &str, field: &str) {
        if self.index.person(pid).is_none() {
            self.push(unknown("person", pid, here, field));
        }
    }

    /// A grid named at `here.grid` that must exist.
    pub(crate) fn grid(&mut self, gid: &str, here: &str) {
        if self.index.grid(gid).is_none() {
            self.push(unknown("grid", gid, here, "grid"));
        }
    }

    /// A community named at `here.community` that must exist.
    pub(crate) fn community(&mut self, cid: &str, here: &str) {
        if self.index.community(cid).is_none() {
            self.push(unknown("community", cid, here, "community"));
        }
    }

    /// A problem found.
    pub(crate) fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }
}

/// The problem with an ID at `path` that is empty (`an ID is empty`) or already in `seen`
/// (`ID … is used twice`), if any; else it is now seen.
fn fresh(
    seen: &mut BTreeSet<String>,
    id: &str,
    path: String,
    empty: &str,
    named: &str,
) -> Option<Problem> {
    if id.is_empty() {
        Some(Problem::new(ErrorKind::Shape, format!("{empty} is empty")).at(path))
    } else if !seen.insert(id.to_owned()) {
        Some(
            Problem::new(
                ErrorKind::DuplicateId,
                format!("{named} `{id}` is used twice"),
            )
            .at(path)
            .record(id),
        )
    } else {
        None
    }
}

/// A reference at `here.field` to a `what` (person, grid, community) that does not exist.
fn unknown(what: &str, id: &str, here: &str, field: &str) -> Problem {
    Problem::new(
        ErrorKind::UnknownReference,
        format!("no {what} has the ID `{id}`"),
    )
    .at(format!("{here}.{field}"))
    .record(id)
}
