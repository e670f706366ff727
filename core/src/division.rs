//! Grid divisions (划分原则, 1.2): each community divides its areas (buildings, courtyards) into
//! grids as it sees fit, may adjust the division, and reports it to the subdistrict's
//! grid-governance leading group (街道网格化治理工作领导小组).
//!
//! A [`Division`] is dated: it is in force from its `effective_from` until the day before the
//! community's next division. Validation (part of [`crate::Dossier::validate`]) checks that
//! every area that exists on a division's dates is in exactly one of its grids. [`filing`]
//! compares two divisions and lists what moved, for the leading group.
//!
//! ```
//! use wangge::division::filing;
//!
//! let dossier = wangge::sample::confidentiality_2023();
//! let f = filing(&dossier.organisation, "c1", Some("div-2022"), "div-2023").unwrap();
//! assert_eq!(f.clause, "1.2");
//! assert!(f.moves.iter().any(|m| m.area == "b4" && m.to_grid.as_deref() == Some("g3")));
//! ```

use crate::error::{Error, ErrorKind, Problem};
use crate::organisation::Checker;
use crate::organisation::Organisation;
use crate::time::{Date, DateRange};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The body a division is filed with (1.2), as the measures name it.
pub const LEADING_GROUP: &str = "街道网格化治理工作领导小组";

/// An area of a community (a building, a courtyard) that a division places in a grid (1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable ID, unique in the community.
    pub id: String,
    /// Name, such as 3号楼.
    pub name: String,
    /// First day the area exists (a new building); always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day the area exists (a demolished building); still when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

/// A dated division of a community's areas into grids (1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Division {
    /// Stable ID.
    pub id: String,
    /// The community divided.
    pub community: String,
    /// First day in force; in force until the day before the community's next division.
    pub effective_from: Date,
    /// Each grid with the areas it holds.
    pub grids: Vec<GridAreas>,
    /// The day the division was reported to the leading group (1.2 报至街道网格化治理工作领导小组);
    /// absent while not reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_on: Option<Date>,
}

/// The areas one grid holds under a division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GridAreas {
    /// The grid.
    pub grid: String,
    /// Its areas (IDs of the community's `areas`).
    pub areas: Vec<String>,
}

impl Division {
    /// The grid holding `area` under this division (the first, should a broken division hold
    /// it twice).
    pub fn grid_of(&self, area: &str) -> Option<&str> {
        self.grids
            .iter()
            .find(|g| g.areas.iter().any(|a| a == area))
            .map(|g| g.grid.as_str())
    }

    /// Every area's grid under this division (the first grid naming it): one pass, for loops
    /// over many areas where [`Division::grid_of`] per area would be quadratic.
    pub fn grid_by_area(&self) -> std::collections::BTreeMap<&str, &str> {
        let mut map = std::collections::BTreeMap::new();
        for g in &self.grids {
            for a in &g.areas {
                map.entry(a.as_str()).or_insert(g.grid.as_str());
            }
        }
        map
    }
}

impl Division {
    /// Every area of this division with the grid holding it (the first, should a broken
    /// division hold it twice): built once, so looking up n areas takes n·log n.
    pub fn placement(&self) -> BTreeMap<&str, &str> {
        let mut placed = BTreeMap::new();
        for g in &self.grids {
            for a in &g.areas {
                placed.entry(a.as_str()).or_insert(g.grid.as_str());
            }
        }
        placed
    }
}

impl Area {
    fn exists_during(&self, span: &DateRange) -> bool {
        self.from.is_none_or(|f| f <= span.to) && self.to.is_none_or(|t| span.from <= t)
    }
}

fn far() -> Date {
    Date::from_ymd(9999, 12, 31).unwrap_or_else(|| Date::from(chrono::NaiveDate::MAX))
}

/// The divisions of `community`, oldest first, each with the dates it is in force.
pub fn divisions_of<'a>(org: &'a Organisation, community: &str) -> Vec<(&'a Division, DateRange)> {
    let mut list: Vec<&Division> = org
        .divisions
        .iter()
        .filter(|d| d.community == community)
        .collect();
    list.sort_by_key(|d| d.effective_from);
    let mut out = Vec::with_capacity(list.len());
    let mut iter = list.iter().peekable();
    while let Some(d) = iter.next() {
        let to = match iter.peek() {
            Some(next) => next
                .effective_from
                .add_days(-1)
                .unwrap_or(next.effective_from),
            None => far(),
        };
        out.push((*d, DateRange::new(d.effective_from, to)));
    }
    out
}

/// The division of `community` in force on `date`, if any.
pub fn division_on<'a>(org: &'a Organisation, community: &str, date: Date) -> Option<&'a Division> {
    divisions_of(org, community)
        .into_iter()
        .find(|(_, span)| span.contains(date))
        .map(|(d, _)| d)
}

/// Checks areas and divisions (1.2): every area in exactly one grid at any time; every problem
/// at once, each naming the area, the grid and the date.
pub(crate) fn validate<'a>(org: &'a Organisation, path: &str, ck: &mut Checker<'_, 'a>) {
    check_areas(org, path, ck);
    check_divisions(org, path, ck);
    check_placement(org, path, ck);
}

/// The areas of each community: IDs unique in it, and dates in order.
fn check_areas<'a>(org: &'a Organisation, path: &str, ck: &mut Checker<'_, 'a>) {
    for (i, c) in org.communities.iter().enumerate() {
        let mut ids = BTreeSet::new();
        for (j, a) in c.areas.iter().enumerate() {
            let here = format!("{path}.communities[{i}].areas[{j}]");
            if a.id.is_empty() {
                ck.push(Problem::new(ErrorKind::Shape, "an area ID is empty").at(&here));
            } else if !ids.insert(a.id.as_str()) {
                ck.push(
                    Problem::new(
                        ErrorKind::DuplicateId,
                        format!("area ID `{}` is used twice in community `{}`", a.id, c.id),
                    )
                    .at(format!("{here}.id"))
                    .record(&a.id),
                );
            }
            if let (Some(from), Some(to)) = (a.from, a.to) {
                if to < from {
                    ck.push(
                        Problem::new(
                            ErrorKind::InvalidTime,
                            format!(
                                "area `{}` ends on `{to}` before it starts on `{from}`",
                                a.id
                            ),
                        )
                        .at(format!("{here}.to"))
                        .record(&a.id)
                        .on(to),
                    );
                }
            }
        }
    }
}

/// Each division: a unique ID, one a community and day, and its grids (see [`check_grids`]).
fn check_divisions<'a>(org: &'a Organisation, path: &str, ck: &mut Checker<'_, 'a>) {
    let mut ids = BTreeSet::new();
    let mut dates = BTreeMap::new();
    for (i, d) in org.divisions.iter().enumerate() {
        let here = format!("{path}.divisions[{i}]");
        if d.id.is_empty() {
            ck.push(Problem::new(ErrorKind::Shape, "a division ID is empty").at(&here));
        } else if !ids.insert(d.id.as_str()) {
            ck.push(
                Problem::new(
                    ErrorKind::DuplicateId,
                    format!("division ID `{}` is used twice", d.id),
                )
                .at(format!("{here}.id"))
                .record(&d.id),
            );
        }
        if let Some(other) = dates.insert((d.community.as_str(), d.effective_from), d.id.as_str()) {
            ck.push(
                Problem::new(
                    ErrorKind::Overlap,
                    format!(
                        "divisions `{other}` and `{}` of community `{}` both take effect on `{}` (1.2)",
                        d.id, d.community, d.effective_from
                    ),
                )
                .at(format!("{here}.effective_from"))
                .record(&d.id)
                .on(d.effective_from),
            );
        }
        if ck.index.community(&d.community).is_none() {
            ck.community(&d.community, &here);
            continue;
        }
        check_grids(d, &here, ck);
    }
}

/// The grids of division `d` at `here`: each of its community, listed once, holding areas of
/// the community, each area in one grid.
fn check_grids<'a>(d: &'a Division, here: &str, ck: &mut Checker<'_, 'a>) {
    let Some(community) = ck.index.community(&d.community) else {
        return;
    };
    let areas: BTreeSet<&str> = community.areas.iter().map(|a| a.id.as_str()).collect();
    let mut placed: BTreeMap<&str, &str> = BTreeMap::new();
    let mut grids = BTreeSet::new();
    for (j, g) in d.grids.iter().enumerate() {
        let at = format!("{here}.grids[{j}]");
        match ck.index.community_of_grid(&g.grid) {
            None => ck.grid(&g.grid, &at),
            Some(c) if c != d.community => ck.push(
                Problem::new(
                    ErrorKind::InvalidOrganisation,
                    format!(
                        "division `{}` of community `{}` names grid `{}` of community `{c}` (1.2)",
                        d.id, d.community, g.grid
                    ),
                )
                .at(format!("{at}.grid"))
                .record(&d.id),
            ),
            Some(_) => {}
        }
        if !grids.insert(g.grid.as_str()) {
            ck.push(
                Problem::new(
                    ErrorKind::DuplicateId,
                    format!("division `{}` lists grid `{}` twice", d.id, g.grid),
                )
                .at(format!("{at}.grid"))
                .record(&d.id),
            );
        }
        for (k, a) in g.areas.iter().enumerate() {
            let at = format!("{at}.areas[{k}]");
            if !areas.contains(a.as_str()) {
                ck.push(
                    Problem::new(
                        ErrorKind::UnknownReference,
                        format!("community `{}` has no area `{a}`", d.community),
                    )
                    .at(at)
                    .record(a),
                );
                continue;
            }
            match placed.insert(a.as_str(), g.grid.as_str()) {
                Some(first) if first == g.grid => ck.push(
                    Problem::new(
                        ErrorKind::DuplicateId,
                        format!("area `{a}` is listed twice in grid `{first}`"),
                    )
                    .at(at)
                    .record(a)
                    .on(d.effective_from),
                ),
                Some(first) => ck.push(
                    Problem::new(
                        ErrorKind::Overlap,
                        format!(
                            "area `{a}` is in two grids, `{first}` and `{}`, from `{}` (1.2)",
                            g.grid, d.effective_from
                        ),
                    )
                    .at(at)
                    .record(a)
                    .on(d.effective_from),
                ),
                None => {}
            }
        }
    }
}

/// Every area that exists while a division is in force is in one of its grids (1.2).
fn check_placement<'a>(org: &'a Organisation, path: &str, ck: &mut Checker<'_, 'a>) {
    // Every area that exists while a division is in force is in one of its grids. The divisions
    // are grouped by community and each division's areas indexed once (n·log n).
    let mut by_community: BTreeMap<&str, Vec<(usize, &Division)>> = BTreeMap::new();
    for (i, d) in org.divisions.iter().enumerate() {
        by_community
            .entry(d.community.as_str())
            .or_default()
            .push((i, d));
    }
    let mut seen = BTreeSet::new();
    for c in &org.communities {
        if !seen.insert(c.id.as_str()) {
            continue; // a duplicate community ID, reported by the organisation
        }
        let Some(list) = by_community.get_mut(c.id.as_str()) else {
            continue;
        };
        list.sort_by_key(|(_, d)| d.effective_from);
        for (n, (i, d)) in list.iter().enumerate() {
            let to = match list.get(n + 1) {
                Some((_, next)) => next
                    .effective_from
                    .add_days(-1)
                    .unwrap_or(next.effective_from),
                None => far(),
            };
            let span = DateRange::new(d.effective_from, to);
            let at = format!("{path}.divisions[{i}].grids");
            let placed = d.placement();
            let mut unplaced = 0usize;
            for a in c.areas.iter().filter(|a| a.exists_during(&span)) {
                if !placed.contains_key(a.id.as_str()) {
                    unplaced += 1;
                    if unplaced > crate::limits::MAX_UNPLACED_AREAS_LISTED {
                        continue;
                    }
                    let on = a.from.map_or(span.from, |f| f.max(span.from));
                    ck.push(
                        Problem::new(
                            ErrorKind::InvalidOrganisation,
                            format!(
                                "area `{}` of community `{}` is in no grid of division `{}` on `{on}` (1.2)",
                                a.id, c.id, d.id
                            ),
                        )
                        .at(&at)
                        .record(&a.id)
                        .on(on),
                    );
                }
            }
            let more = unplaced.saturating_sub(crate::limits::MAX_UNPLACED_AREAS_LISTED);
            if more > 0 {
                ck.push(
                    Problem::new(
                        ErrorKind::InvalidOrganisation,
                        format!(
                            "and {more} more areas of community `{}` are in no grid of division `{}` (1.2)",
                            c.id, d.id
                        ),
                    )
                    .at(&at)
                    .record(&d.id)
                    .on(span.from),
                );
            }
        }
    }
}

/// A filing for the subdistrict's grid-governance leading group (1.2): a community's new
/// division and what moved since the previous one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GridFiling {
    /// The clause asking for it: `1.2`.
    pub clause: String,
    /// Who it is filed with: 街道网格化治理工作领导小组.
    pub addressee: String,
    /// The community.
    pub community: String,
    /// The community's name.
    pub community_name: String,
    /// The division replaced; absent for a community's first division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_division: Option<String>,
    /// The new division.
    pub to_division: String,
    /// The day the new division takes effect.
    pub effective_from: Date,
    /// Every area whose grid changes, by area ID.
    pub moves: Vec<AreaMove>,
    /// Grids the new division uses and the old one did not.
    pub grids_added: Vec<String>,
    /// Grids the old division used and the new one does not.
    pub grids_removed: Vec<String>,
    /// The new division in full: each grid with its areas.
    pub division: Vec<GridAreas>,
}

/// One area that changes grid (1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AreaMove {
    /// The area.
    pub area: String,
    /// Its name.
    pub area_name: String,
    /// The grid it leaves; absent when it was in no grid (a first division, a new building).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_grid: Option<String>,
    /// The grid it joins; absent when it leaves every grid (a demolished building).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_grid: Option<String>,
    /// The day the move takes effect.
    pub effective_from: Date,
}

/// The filing (1.2) of `community`'s division `to`, compared with division `from` (the
/// community's first division when `None`, every area then listed as placed).
///
/// Errors: an unknown community or division, a division of another community, or `from` not
/// older than `to`.
pub fn filing(
    org: &Organisation,
    community: &str,
    from: Option<&str>,
    to: &str,
) -> Result<GridFiling, Error> {
    let index = org.index();
    let c = index.community(community).ok_or_else(|| {
        Problem::new(
            ErrorKind::UnknownReference,
            format!("no community has the ID `{community}`"),
        )
        .at("community")
        .record(community)
    })?;
    let find = |id: &str, field: &str| -> Result<&Division, Error> {
        let d = org.divisions.iter().find(|d| d.id == id).ok_or_else(|| {
            Problem::new(
                ErrorKind::UnknownReference,
                format!("no division has the ID `{id}`"),
            )
            .at(field)
            .record(id)
        })?;
        if d.community != community {
            return Err(Problem::new(
                ErrorKind::InvalidOrganisation,
                format!(
                    "division `{id}` divides community `{}`, not `{community}`",
                    d.community
                ),
            )
            .at(field)
            .record(id)
            .into());
        }
        Ok(d)
    };
    let new = find(to, "to")?;
    let old = match from {
        Some(id) => Some(find(id, "from")?),
        None => None,
    };
    if let Some(old) = old {
        if old.effective_from >= new.effective_from {
            return Err(Problem::new(
                ErrorKind::InvalidTime,
                format!(
                    "division `{}` takes effect on `{}`, not before `{}` of `{}`",
                    old.id, old.effective_from, new.effective_from, new.id
                ),
            )
            .at("from")
            .record(&old.id)
            .on(old.effective_from)
            .into());
        }
    }
    let old_grids = old.map(Division::grid_by_area).unwrap_or_default();
    let new_grids = new.grid_by_area();
    let mut moves = Vec::new();
    for a in &c.areas {
        let before = old_grids.get(a.id.as_str()).copied();
        let after = new_grids.get(a.id.as_str()).copied();
        if before != after {
            moves.push(AreaMove {
                area: a.id.clone(),
                area_name: a.name.clone(),
                from_grid: before.map(str::to_owned),
                to_grid: after.map(str::to_owned),
                effective_from: new.effective_from,
            });
        }
    }
    let grids = |d: Option<&Division>| -> BTreeSet<String> {
        d.map(|d| d.grids.iter().map(|g| g.grid.clone()).collect())
            .unwrap_or_default()
    };
    let (before, after) = (grids(old), grids(Some(new)));
    Ok(GridFiling {
        clause: "1.2".into(),
        addressee: LEADING_GROUP.into(),
        community: c.id.clone(),
        community_name: c.name.clone(),
        from_division: old.map(|d| d.id.clone()),
        to_division: new.id.clone(),
        effective_from: new.effective_from,
        moves,
        grids_added: after.difference(&before).cloned().collect(),
        grids_removed: before.difference(&after).cloned().collect(),
        division: new.grids.clone(),
    })
}
