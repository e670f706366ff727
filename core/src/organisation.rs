//! The organisation (1, 1.1, 3.1): subdistrict → communities → grids, people and their roles, and
//! who is assigned to which grid when; its [`Index`], and the one `Checker` the validation of
//! the organisation, its divisions and every record family writes to (the index, the IDs seen,
//! the problems found).

use crate::error::{ErrorKind, Problem};
use crate::records::musts::MustVisit;
use crate::time::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// The subdistrict (街道) and everything under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The subdistrict.
    pub subdistrict: Subdistrict,
    /// Its communities (社区), each with its grids.
    pub communities: Vec<Community>,
    /// Everyone who holds a role (1.1).
    pub people: Vec<Person>,
    /// Who works in which grid from when to when.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    /// Dated divisions of each community's areas into grids (1.2); see [`crate::division`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<crate::division::Division>,
}

/// The subdistrict (街道).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subdistrict {
    /// Stable ID.
    pub id: String,
    /// Name, such as 新城街道.
    pub name: String,
}

/// A community (社区) and its grids (1.1, 1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Community {
    /// Stable ID.
    pub id: String,
    /// Name.
    pub name: String,
    /// The community Party secretary (社区党组织书记), who is the grid leader (1.1).
    pub party_secretary: String,
    /// The community's responsible person (社区负责人) named in spot-check criticisms (3.4);
    /// when absent, the Party secretary. A local choice: the measures do not define it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_person: Option<String>,
    /// The grids (网格) of the community.
    pub grids: Vec<Grid>,
    /// The areas (buildings, courtyards) the community divides into grids (1.2); a division
    /// must place each area that exists on its dates in exactly one grid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<crate::division::Area>,
}

/// A grid (网格): one management area of a community (1.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    /// Stable ID, unique in the subdistrict.
    pub id: String,
    /// Name.
    pub name: String,
    /// Must-visit groups (五必访, 2.2.2) living in the grid: the fallback for dossiers that keep
    /// no ledgers. When the dossier has ledger entries, the ledgers decide (2.1.2, see
    /// `evidence::ledger_must_visit_groups`) and this field is not used. When neither is
    /// given, every group the policy's must-visit obligation names is taken as present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub must_visit_groups: Option<Vec<MustVisit>>,
    /// Reference to the grid map (网格示意图) posted on the public notice (2.2.4): a file name
    /// or URL, never the map itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_ref: Option<String>,
}

/// A person with a role in grid work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable ID.
    pub id: String,
    /// Name.
    pub name: String,
    /// The community the person works in.
    pub community: String,
    /// Role in grid work (1.1).
    pub role: Role,
    /// For helpers only: what kind of helper (1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper_kind: Option<HelperKind>,
    /// Contact phone (联系电话) published on the public notice (2.2.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Reference to the photo (照片) published on the public notice (2.2.4): a file name or URL,
    /// never the image itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// Services offered (服务内容), as published on the public notice (2.2.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<String>,
    /// Management duties (管理职责), as published on the public notice (2.2.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duties: Option<String>,
}

/// Roles of 1.1.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 网格长: the community Party secretary.
    GridLeader,
    /// 网格员: two-committee member, community cadre or other grid staff.
    GridWorker,
    /// 协助人员: assists grid workers, holds no grid-worker duties.
    Helper,
}

impl Role {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Role::GridLeader => "网格长",
            Role::GridWorker => "网格员",
            Role::Helper => "协助人员",
        }
    }
}

/// Kinds of helper named in 1.1 (a minimum list: the text ends in 等).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum HelperKind {
    /// 楼长.
    BuildingHead,
    /// 单元长.
    UnitHead,
    /// 在职党员.
    EmployedPartyMember,
    /// 有工作能力的退休党员.
    RetiredPartyMember,
    /// 片区民（辅）警.
    AreaPolice,
    /// 物业企业党员.
    PropertyCompanyPartyMember,
    /// 辖区志愿者.
    Volunteer,
    /// Another kind (the list ends in 等).
    Other,
}

impl HelperKind {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            HelperKind::BuildingHead => "楼长",
            HelperKind::UnitHead => "单元长",
            HelperKind::EmployedPartyMember => "在职党员",
            HelperKind::RetiredPartyMember => "有工作能力的退休党员",
            HelperKind::AreaPolice => "片区民（辅）警",
            HelperKind::PropertyCompanyPartyMember => "物业企业党员",
            HelperKind::Volunteer => "志愿者",
            HelperKind::Other => "其他",
        }
    }
}

/// A person assigned to a grid from `from` to `to` (inclusive; open-ended when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// The person.
    pub person: String,
    /// The grid.
    pub grid: String,
    /// First day in the grid.
    pub from: Date,
    /// Last day in the grid; absent while the assignment runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

impl Assignment {
    /// True when the assignment covers `date`.
    pub fn covers(&self, date: Date) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

/// Lookups over a validated organisation.
#[derive(Debug, Clone)]
pub struct Index<'a> {
    /// People by ID, sorted (the first of a repeated ID only): looked up by binary search,
    /// once or more a record, so a flat list rather than a tree.
    people: Vec<(&'a str, &'a Person)>,
    grid_community: BTreeMap<&'a str, &'a str>,
    grids: BTreeMap<&'a str, &'a Grid>,
    communities: BTreeMap<&'a str, &'a Community>,
    /// Each person's assignments, in document order.
    assignments: BTreeMap<&'a str, Vec<&'a Assignment>>,
}

impl<'a> Index<'a> {
    /// The person with this ID.
    pub fn person(&self, id: &str) -> Option<&'a Person> {
        self.person_entry(id).map(|(_, p)| p)
    }

    /// The person with this ID, with the ID as the organisation holds it.
    fn person_entry(&self, id: &str) -> Option<(&'a str, &'a Person)> {
        self.people
            .binary_search_by(|(k, _)| (*k).cmp(id))
            .ok()
            .and_then(|i| self.people.get(i))
            .copied()
    }

    /// The grid with this ID.
    pub fn grid(&self, id: &str) -> Option<&'a Grid> {
        self.grids.get(id).copied()
    }

    /// The community with this ID.
    pub fn community(&self, id: &str) -> Option<&'a Community> {
        self.communities.get(id).copied()
    }

    /// The community a grid belongs to.
    pub fn community_of_grid(&self, grid: &str) -> Option<&'a str> {
        self.grid_community.get(grid).copied()
    }

    /// The grids `person` is assigned to on `date`.
    pub fn grids_on<'s>(
        &'s self,
        person: &'s str,
        date: Date,
    ) -> impl Iterator<Item = &'a str> + 's {
        self.assignments
            .get(person)
            .into_iter()
            .flatten()
            .filter(move |a| a.covers(date))
            .map(|a| a.grid.as_str())
    }

    /// True when `person` is assigned to some grid on `date`.
    pub fn is_assigned(&self, person: &str, date: Date) -> bool {
        self.grids_on(person, date).next().is_some()
    }

    /// The assignments of `person`.
    pub fn assignments_of(&self, person: &str) -> impl Iterator<Item = &'a Assignment> + '_ {
        self.assignments.get(person).into_iter().flatten().copied()
    }
}

impl Organisation {
    /// Checks the organisation against 1.1 and its own references; every problem at once.
    pub fn validate(&self, path: &str) -> Vec<Problem> {
        let index = self.index();
        let mut ck = Checker::new(&index, Vec::new());
        self.check_ids(path, &mut ck);
        self.check_communities(path, &mut ck);
        self.check_people(path, &mut ck);
        self.check_assignments(path, &mut ck);
        // Two assignments of one person to one grid at once are an overlap under any policy;
        // more grids at once than the policy allows: see `check_grids_per_worker`.
        ck.problems
            .extend(self.concurrent_assignments(path, 1, true));
        crate::division::validate(self, path, &mut ck);
        ck.problems
    }

    /// The IDs of the subdistrict, communities, grids and people: each used once.
    fn check_ids<'a>(&'a self, path: &str, ck: &mut Checker<'_, 'a>) {
        ck.organisation_id(&self.subdistrict.id, &format_args!("{path}.subdistrict.id"));
        for (i, c) in self.communities.iter().enumerate() {
            ck.organisation_id(&c.id, &format_args!("{path}.communities[{i}].id"));
            for (j, g) in c.grids.iter().enumerate() {
                ck.organisation_id(
                    &g.id,
                    &format_args!("{path}.communities[{i}].grids[{j}].id"),
                );
            }
        }
        for (i, p) in self.people.iter().enumerate() {
            ck.organisation_id(&p.id, &format_args!("{path}.people[{i}].id"));
        }
    }

    /// Each community's Party secretary is its grid leader (1.1); its responsible person exists.
    fn check_communities<'a>(&'a self, path: &str, ck: &mut Checker<'_, 'a>) {
        for (i, c) in self.communities.iter().enumerate() {
            let here = format!("{path}.communities[{i}]");
            match ck.index.person(&c.party_secretary) {
                None => ck.person(&c.party_secretary, &here, "party_secretary"),
                Some(p) if p.role != Role::GridLeader || p.community != c.id => ck.push(
                    Problem::new(
                        ErrorKind::InvalidOrganisation,
                        format!(
                            "the Party secretary `{}` of community `{}` must be its grid leader (1.1)",
                            p.id, c.id
                        ),
                    )
                    .at(format!("{here}.party_secretary"))
                    .record(&c.id),
                ),
                Some(_) => {}
            }
            if let Some(r) = &c.responsible_person {
                ck.person(r, &here, "responsible_person");
            }
        }
    }

    /// Each person's community exists and holds them as its role says (1.1); a helper has a
    /// kind, and only a helper.
    fn check_people<'a>(&'a self, path: &str, ck: &mut Checker<'_, 'a>) {
        for (i, p) in self.people.iter().enumerate() {
            let here = format!("{path}.people[{i}]");
            match ck.index.community(&p.community) {
                None => ck.community(&p.community, &here),
                Some(c) if p.role == Role::GridLeader && c.party_secretary != p.id => ck.push(
                    Problem::new(
                        ErrorKind::InvalidOrganisation,
                        format!(
                            "`{}` is a grid leader but not the Party secretary of community `{}` (1.1)",
                            p.id, c.id
                        ),
                    )
                    .at(format!("{here}.role"))
                    .record(&p.id),
                ),
                Some(_) => {}
            }
            match (p.role, p.helper_kind) {
                (Role::Helper, None) => ck.push(
                    Problem::new(
                        ErrorKind::InvalidOrganisation,
                        format!("helper `{}` has no `helper_kind` (1.1)", p.id),
                    )
                    .at(format!("{here}.helper_kind"))
                    .record(&p.id),
                ),
                (Role::GridLeader | Role::GridWorker, Some(_)) => ck.push(
                    Problem::new(
                        ErrorKind::InvalidOrganisation,
                        format!("`{}` is not a helper but has a `helper_kind`", p.id),
                    )
                    .at(format!("{here}.helper_kind"))
                    .record(&p.id),
                ),
                _ => {}
            }
        }
    }

    /// Each assignment names a person and a grid of their community, from a first to a last day.
    fn check_assignments<'a>(&'a self, path: &str, ck: &mut Checker<'_, 'a>) {
        for (i, a) in self.assignments.iter().enumerate() {
            let here = format!("{path}.assignments[{i}]");
            let person = ck.index.person(&a.person);
            if person.is_none() {
                ck.person(&a.person, &here, "person");
            }
            match ck.index.community_of_grid(&a.grid) {
                None => ck.grid(&a.grid, &here),
                Some(c) => {
                    if let Some(p) = person {
                        if p.community != c {
                            ck.push(
                                Problem::new(
                                    ErrorKind::InvalidOrganisation,
                                    format!(
                                        "`{}` of community `{}` is assigned to grid `{}` of community `{c}`",
                                        p.id, p.community, a.grid
                                    ),
                                )
                                .at(format!("{here}.grid")),
                            );
                        }
                    }
                }
            }
            if let Some(to) = a.to {
                if to < a.from {
                    ck.push(
                        Problem::new(
                            ErrorKind::InvalidTime,
                            format!("assignment ends on `{to}` before it starts on `{}`", a.from),
                        )
                        .at(format!("{here}.to"))
                        .on(to),
                    );
                }
            }
        }
    }

    /// Checks that no grid worker holds more than `max` grids on any day (1.1; the policy's
    /// `grids_per_worker`): with `max` 1, a second, overlapping assignment is an `overlap`.
    /// Sorts and sweeps each person's assignments: n·log n.
    pub fn check_grids_per_worker(&self, max: u32, path: &str) -> Vec<Problem> {
        self.concurrent_assignments(path, max, false)
    }

    /// Assignments of one person that run at once: more than `max` of them (`same_grid`:
    /// counting only those to the same grid).
    fn concurrent_assignments(&self, path: &str, max: u32, same_grid: bool) -> Vec<Problem> {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        let far = Date::from_ymd(9999, 12, 31);
        // (person, grid or "") → (first day, last day, index) of each assignment.
        type Spans = Vec<(Date, Date, usize)>;
        let mut by_key: BTreeMap<(&str, &str), Spans> = BTreeMap::new();
        for (i, a) in self.assignments.iter().enumerate() {
            let to = a.to.or(far).unwrap_or(a.from);
            if to < a.from {
                continue;
            }
            let grid = if same_grid { a.grid.as_str() } else { "" };
            by_key
                .entry((a.person.as_str(), grid))
                .or_default()
                .push((a.from, to, i));
        }
        let mut problems = Vec::new();
        let limit = usize::try_from(max).unwrap_or(usize::MAX);
        for ((person, _), mut list) in by_key {
            list.sort();
            // Assignments still running, by their last day.
            let mut open: BinaryHeap<Reverse<(Date, usize)>> = BinaryHeap::new();
            for (from, to, j) in list {
                while open.peek().is_some_and(|Reverse((end, _))| *end < from) {
                    open.pop();
                }
                if open.len() >= limit {
                    let other = open
                        .peek()
                        .and_then(|Reverse((_, i))| self.assignments.get(*i))
                        .map_or("", |a| a.grid.as_str());
                    let grid = self.assignments.get(j).map_or("", |a| a.grid.as_str());
                    let message = if limit == 1 {
                        format!("assignments of `{person}` overlap (grids `{other}` and `{grid}`)")
                    } else {
                        format!(
                            "`{person}` holds more than {limit} grids at once from `{from}` (grid `{grid}`); the policy's `grids_per_worker` is {limit}"
                        )
                    };
                    problems.push((
                        j,
                        Problem::new(ErrorKind::Overlap, message)
                            .at(format!("{path}.assignments[{j}]"))
                            .record(person)
                            .on(from),
                    ));
                }
                open.push(Reverse((to, j)));
            }
        }
        problems.sort_by_key(|(j, _)| *j);
        problems.into_iter().map(|(_, p)| p).collect()
    }

    /// Lookups by ID (first occurrence wins; validation reports duplicates).
    pub fn index(&self) -> Index<'_> {
        let mut people: Vec<(&str, &Person)> =
            self.people.iter().map(|p| (p.id.as_str(), p)).collect();
        // A stable sort keeps a repeated ID's first person first, and `dedup` keeps it.
        people.sort_by_key(|(id, _)| *id);
        people.dedup_by_key(|(id, _)| *id);
        let mut grids = BTreeMap::new();
        let mut grid_community = BTreeMap::new();
        let mut communities = BTreeMap::new();
        for c in &self.communities {
            communities.entry(c.id.as_str()).or_insert(c);
            for g in &c.grids {
                grids.entry(g.id.as_str()).or_insert(g);
                grid_community.entry(g.id.as_str()).or_insert(c.id.as_str());
            }
        }
        let mut assignments: BTreeMap<&str, Vec<&Assignment>> = BTreeMap::new();
        for a in &self.assignments {
            assignments.entry(a.person.as_str()).or_default().push(a);
        }
        Index {
            assignments,
            people,
            grid_community,
            grids,
            communities,
        }
    }
}

/// What each record family's validation writes to: problems, in the order found.
pub(crate) struct Checker<'c, 'a> {
    /// The organisation the records refer to.
    pub(crate) index: &'c Index<'a>,
    /// Record IDs, borrowed from the dossier (no copy per record): see [`RecordIds`].
    ids: RecordIds<'a>,
    /// IDs of the organisation (subdistrict, communities, grids, people) seen so far.
    organisation_ids: BTreeSet<&'a str>,
    /// The person last found by [`Checker::person`] (exports usually list a person's records
    /// together, so most lookups are the one before; only the speed depends on it).
    last_person: Option<&'a str>,
    /// The grid last found by [`Checker::grid`].
    last_grid: Option<&'a str>,
    /// Every problem found, in order.
    pub(crate) problems: Vec<Problem>,
}

/// How a [`Checker`] finds a record ID used twice.
enum RecordIds<'a> {
    /// Each ID against those seen so far, as it comes: the problem lands where the second use
    /// is, among the others in document order.
    AsTheyCome(BTreeSet<&'a str>),
    /// Every ID gathered, then sorted once ([`Checker::ids_all_distinct`]): a valid dossier's
    /// tens of thousands of IDs cost a sort of pointers, not a tree. A dossier with a duplicate
    /// is checked again with [`RecordIds::AsTheyCome`], for its problems in order.
    Gathered(Vec<(u64, &'a str)>),
}

/// The JSON path of the `index`-th item of a list (`records.leave[3]`), written out only when a
/// problem names it: a valid dossier's thousands of records cost no path text at all.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At {
    list: &'static str,
    index: usize,
}

impl At {
    /// The item `index` of the list at `list`.
    pub(crate) fn new(list: &'static str, index: usize) -> Self {
        At { list, index }
    }
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.list, self.index)
    }
}

impl<'c, 'a> Checker<'c, 'a> {
    /// A checker over `index`, after the `problems` found before the records; a record ID used
    /// twice is a problem where its second use is.
    pub(crate) fn new(index: &'c Index<'a>, problems: Vec<Problem>) -> Self {
        Self::with_ids(index, problems, RecordIds::AsTheyCome(BTreeSet::new()))
    }

    /// A checker that gathers record IDs and finds a duplicate only when asked
    /// ([`Checker::ids_all_distinct`]); an empty ID is still a problem where it is.
    pub(crate) fn gathering(index: &'c Index<'a>, problems: Vec<Problem>) -> Self {
        Self::with_ids(index, problems, RecordIds::Gathered(Vec::new()))
    }

    fn with_ids(index: &'c Index<'a>, problems: Vec<Problem>, ids: RecordIds<'a>) -> Self {
        Checker {
            index,
            ids,
            organisation_ids: BTreeSet::new(),
            last_person: None,
            last_grid: None,
            problems,
        }
    }

    /// A record's ID, at `here.id`: not empty, and used once in the whole dossier.
    pub(crate) fn id(&mut self, id: &'a str, here: &(impl Display + ?Sized)) {
        let seen = match &mut self.ids {
            RecordIds::AsTheyCome(seen) => Some(seen),
            RecordIds::Gathered(all) => {
                if !id.is_empty() {
                    all.push((key_of(id), id));
                }
                None
            }
        };
        if let Some(problem) = fresh(seen, id, "a record ID", "record ID") {
            self.push(problem.at(format!("{here}.id")));
        }
    }

    /// Whether the gathered record IDs are all distinct (always, for a checker that checks them
    /// as they come). Sorted by a fixed hash first and then by the text, so that a crafted set
    /// of IDs with equal hashes costs what a plain sort does (n·log n comparisons), never more.
    pub(crate) fn ids_all_distinct(&mut self) -> bool {
        match &mut self.ids {
            RecordIds::AsTheyCome(_) => true,
            RecordIds::Gathered(all) => all_distinct(all),
        }
    }

    /// An ID of the organisation at `path` (its subdistrict, a community, a grid or a person):
    /// not empty, and used once in the whole organisation (1.1).
    pub(crate) fn organisation_id(&mut self, id: &'a str, path: &(impl Display + ?Sized)) {
        if let Some(problem) = fresh(Some(&mut self.organisation_ids), id, "an ID", "ID") {
            self.push(problem.at(path.to_string()));
        }
    }

    /// A person named at `here.field` who must exist.
    pub(crate) fn person(
        &mut self,
        pid: &str,
        here: &(impl Display + ?Sized),
        field: &(impl Display + ?Sized),
    ) {
        if self.last_person == Some(pid) {
            return;
        }
        match self.index.person_entry(pid) {
            Some((known, _)) => self.last_person = Some(known),
            None => self.push(unknown("person", pid, here, field)),
        }
    }

    /// A grid named at `here.grid` that must exist.
    pub(crate) fn grid(&mut self, gid: &str, here: &(impl Display + ?Sized)) {
        if self.last_grid == Some(gid) {
            return;
        }
        match self.index.grids.get_key_value(gid) {
            Some((known, _)) => self.last_grid = Some(known),
            None => self.push(unknown("grid", gid, here, "grid")),
        }
    }

    /// A community named at `here.community` that must exist.
    pub(crate) fn community(&mut self, cid: &str, here: &(impl Display + ?Sized)) {
        if self.index.community(cid).is_none() {
            self.push(unknown("community", cid, here, "community"));
        }
    }

    /// A problem found.
    pub(crate) fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }
}

/// The problem with an ID that is empty (`an ID is empty`) or already in `seen`, if given (`ID …
/// is used twice`), if any, without its path; else it is now seen.
fn fresh<'a>(
    seen: Option<&mut BTreeSet<&'a str>>,
    id: &'a str,
    empty: &str,
    named: &str,
) -> Option<Problem> {
    if id.is_empty() {
        Some(Problem::new(ErrorKind::Shape, format!("{empty} is empty")))
    } else if seen.is_some_and(|seen| !seen.insert(id)) {
        Some(
            Problem::new(
                ErrorKind::DuplicateId,
                format!("{named} `{id}` is used twice"),
            )
            .record(id),
        )
    } else {
        None
    }
}

/// The fixed hash a gathered record ID is sorted by first (std's `DefaultHasher` with its fixed
/// keys: no randomness; its algorithm may change between Rust releases, which changes only the
/// order of the sort, never a result, since only equality is read; equal hashes fall back to
/// comparing the text).
pub(crate) fn key_of(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(id)
}

/// Whether no two items are equal, by sorting them (n·log n, no tree).
pub(crate) fn all_distinct<T: Ord>(items: &mut [T]) -> bool {
    items.sort_unstable();
    items.windows(2).all(|w| match w {
        [a, b] => a != b,
        _ => true,
    })
}

/// A reference at `here.field` to a `what` (person, grid, community) that does not exist.
fn unknown(
    what: &str,
    id: &str,
    here: &(impl Display + ?Sized),
    field: &(impl Display + ?Sized),
) -> Problem {
    Problem::new(
        ErrorKind::UnknownReference,
        format!("no {what} has the ID `{id}`"),
    )
    .at(format!("{here}.{field}"))
    .record(id)
}
