//! The organisation (1, 1.1, 3.1): subdistrict → communities → grids, people and their roles, and
//! who is assigned to which grid when.

use crate::error::{ErrorKind, Problem};
use crate::records::MustVisit;
use crate::time::{Date, DateRange};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
            HelperKind::RetiredPartyMember => "退休党员",
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
    people: BTreeMap<&'a str, &'a Person>,
    grid_community: BTreeMap<&'a str, &'a str>,
    grids: BTreeMap<&'a str, &'a Grid>,
    communities: BTreeMap<&'a str, &'a Community>,
    /// Each person's assignments, in the order listed: looked up by person in log n, never by
    /// scanning every assignment.
    by_person: BTreeMap<&'a str, Vec<&'a Assignment>>,
}

impl<'a> Index<'a> {
    /// The person with this ID.
    pub fn person(&self, id: &str) -> Option<&'a Person> {
        self.people.get(id).copied()
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
        self.by_person
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
    pub fn assignments_of(&self, person: &'a str) -> impl Iterator<Item = &'a Assignment> + 'a {
        self.by_person
            .get(person)
            .cloned()
            .unwrap_or_default()
            .into_iter()
    }
}

impl Organisation {
    /// Checks the organisation against 1.1 and its own references; every problem at once.
    pub fn validate(&self, path: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        let mut unique = |id: &str, at: String, problems: &mut Vec<Problem>| {
            if id.is_empty() {
                problems.push(Problem::new(ErrorKind::Shape, "an ID is empty").at(at));
            } else if !ids.insert(id.to_owned()) {
                problems.push(
                    Problem::new(ErrorKind::DuplicateId, format!("ID `{id}` is used twice"))
                        .at(at)
                        .record(id),
                );
            }
        };
        unique(
            &self.subdistrict.id,
            format!("{path}.subdistrict.id"),
            &mut problems,
        );
        for (i, c) in self.communities.iter().enumerate() {
            unique(&c.id, format!("{path}.communities[{i}].id"), &mut problems);
            for (j, g) in c.grids.iter().enumerate() {
                unique(
                    &g.id,
                    format!("{path}.communities[{i}].grids[{j}].id"),
                    &mut problems,
                );
            }
        }
        for (i, p) in self.people.iter().enumerate() {
            unique(&p.id, format!("{path}.people[{i}].id"), &mut problems);
        }

        let index = self.index();
        for (i, c) in self.communities.iter().enumerate() {
            let here = format!("{path}.communities[{i}]");
            match index.person(&c.party_secretary) {
                None => problems.push(unknown("person", &c.party_secretary, &here, "party_secretary")),
                Some(p) if p.role != Role::GridLeader || p.community != c.id => problems.push(
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
                if index.person(r).is_none() {
                    problems.push(unknown("person", r, &here, "responsible_person"));
                }
            }
        }
        for (i, p) in self.people.iter().enumerate() {
            let here = format!("{path}.people[{i}]");
            match index.community(&p.community) {
                None => problems.push(unknown("community", &p.community, &here, "community")),
                Some(c) if p.role == Role::GridLeader && c.party_secretary != p.id => problems.push(
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
                (Role::Helper, None) => problems.push(
                    Problem::new(
                        ErrorKind::InvalidOrganisation,
                        format!("helper `{}` has no `helper_kind` (1.1)", p.id),
                    )
                    .at(format!("{here}.helper_kind"))
                    .record(&p.id),
                ),
                (Role::GridLeader | Role::GridWorker, Some(_)) => problems.push(
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
        for (i, a) in self.assignments.iter().enumerate() {
            let here = format!("{path}.assignments[{i}]");
            let person = index.person(&a.person);
            if person.is_none() {
                problems.push(unknown("person", &a.person, &here, "person"));
            }
            match index.community_of_grid(&a.grid) {
                None => problems.push(unknown("grid", &a.grid, &here, "grid")),
                Some(c) => {
                    if let Some(p) = person {
                        if p.community != c {
                            problems.push(
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
                    problems.push(
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
        // One person, one grid at a time: overlapping assignments are an error. Each person's
        // assignments sorted by start (n·log n): an assignment overlaps an earlier one exactly
        // when it starts on or before the latest end seen so far; each is reported once, against
        // the earlier assignment reaching furthest.
        let mut by_person: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, a) in self.assignments.iter().enumerate() {
            by_person.entry(a.person.as_str()).or_default().push(i);
        }
        let mut overlapping = Vec::new();
        for list in by_person.values_mut() {
            list.sort_by_key(|&i| self.assignments.get(i).map(|a| (a.from, i)));
            let mut reach: Option<&Assignment> = None;
            for &j in list.iter() {
                let Some(b) = self.assignments.get(j) else {
                    continue;
                };
                if b.to.is_some_and(|to| to < b.from) {
                    continue; // inverted: reported above, never overlaps
                }
                if let Some(a) = reach.filter(|a| overlaps(a, b)) {
                    overlapping.push((j, a, b));
                }
                if reach.is_none_or(|a| end_of(b) > end_of(a)) {
                    reach = Some(b);
                }
            }
        }
        overlapping.sort_by_key(|(j, _, _)| *j);
        for (j, a, b) in overlapping {
            problems.push(
                Problem::new(
                    ErrorKind::Overlap,
                    format!(
                        "assignments of `{}` overlap (grids `{}` and `{}`)",
                        a.person, a.grid, b.grid
                    ),
                )
                .at(format!("{path}.assignments[{j}]"))
                .record(&a.person),
            );
        }
        problems.extend(crate::division::validate(self, &index, path));
        problems
    }

    /// Lookups by ID (first occurrence wins; validation reports duplicates).
    pub fn index(&self) -> Index<'_> {
        let mut people = BTreeMap::new();
        for p in &self.people {
            people.entry(p.id.as_str()).or_insert(p);
        }
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
        let mut by_person: BTreeMap<&str, Vec<&Assignment>> = BTreeMap::new();
        for a in &self.assignments {
            by_person.entry(a.person.as_str()).or_default().push(a);
        }
        Index {
            by_person,
            people,
            grid_community,
            grids,
            communities,
        }
    }
}

/// The last day of an assignment, 9999-12-31 while it runs.
fn end_of(a: &Assignment) -> Option<Date> {
    a.to.or(Date::from_ymd(9999, 12, 31))
}

fn overlaps(a: &Assignment, b: &Assignment) -> bool {
    let far = Date::from_ymd(9999, 12, 31);
    let ra = DateRange::new(a.from, a.to.or(far).unwrap_or(a.from));
    let rb = DateRange::new(b.from, b.to.or(far).unwrap_or(b.from));
    ra.is_valid() && rb.is_valid() && ra.intersect(&rb).is_some()
}

pub(crate) fn unknown(what: &str, id: &str, here: &str, field: &str) -> Problem {
    Problem::new(
        ErrorKind::UnknownReference,
        format!("no {what} has the ID `{id}`"),
    )
    .at(format!("{here}.{field}"))
    .record(id)
}
