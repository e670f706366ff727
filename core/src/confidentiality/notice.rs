//! The public notice (服务公示, 2.2.4): the board posted at service centres, gathering places and
//! buildings — a grid map marking each worker's area, with each worker's photo, name, phone,
//! services and duties.
//!
//! [`public_notice`] builds the board for a community on a date from public fields only (see
//! [`super::classes`]): community and grid names, map references, area names, and the grid
//! workers' and grid leader's name, photo reference, phone, services and duties. Helpers (1.1)
//! are not posted. What the board lacks (a phone, a map) is listed apart, as gaps for the
//! community's staff, citing 2.2.4.

use crate::division::division_on;
use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};
use crate::organisation::{Person, Role};
use crate::time::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The public notice of a community (2.2.4): the board, and what it lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PublicNotice {
    /// The clause: `2.2.4`.
    pub clause: String,
    /// The day the board shows.
    pub date: Date,
    /// What is posted.
    pub board: Board,
    /// What the board lacks, for the community's staff (not posted).
    pub gaps: Vec<NoticeGap>,
}

/// The board (网格示意图与网格员信息): public fields only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Board {
    /// The community's name.
    pub community: String,
    /// The grid leader (网格长), the community Party secretary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid_leader: Option<NoticeWorker>,
    /// Each grid with its map, its areas and its workers.
    pub grids: Vec<NoticeGrid>,
}

/// One grid on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NoticeGrid {
    /// The grid's name.
    pub name: String,
    /// Reference to the grid map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_ref: Option<String>,
    /// Names of the areas (buildings) in the grid under the division in force (1.2).
    pub areas: Vec<String>,
    /// The grid workers responsible for it on the date.
    pub workers: Vec<NoticeWorker>,
}

/// A worker as posted (2.2.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NoticeWorker {
    /// Name (姓名).
    pub name: String,
    /// Photo reference (照片).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// Phone (联系电话).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Services (服务内容).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<String>,
    /// Duties (管理职责).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duties: Option<String>,
}

/// Something the board must show but the dossier does not give (2.2.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NoticeGap {
    /// The clause: `2.2.4`.
    pub clause: String,
    /// The grid concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid: Option<String>,
    /// The person concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// What is missing: `photo`, `phone`, `services`, `duties`, `map_ref`, `areas`, `worker`.
    pub missing: String,
}

fn gap(grid: Option<&str>, person: Option<&str>, missing: &str) -> NoticeGap {
    NoticeGap {
        clause: "2.2.4".into(),
        grid: grid.map(str::to_owned),
        person: person.map(str::to_owned),
        missing: missing.into(),
    }
}

fn posted(p: &Person, grid: Option<&str>, gaps: &mut Vec<NoticeGap>) -> NoticeWorker {
    for (field, value) in [
        ("photo", &p.photo),
        ("phone", &p.phone),
        ("services", &p.services),
        ("duties", &p.duties),
    ] {
        if value.is_none() {
            gaps.push(gap(grid, Some(&p.id), field));
        }
    }
    NoticeWorker {
        name: p.name.clone(),
        photo: p.photo.clone(),
        phone: p.phone.clone(),
        services: p.services.clone(),
        duties: p.duties.clone(),
    }
}

/// The public notice (2.2.4) of `community` on `date`, from public fields only.
///
/// Errors: an unknown community.
///
/// ```
/// use wangge::confidentiality::public_notice;
///
/// let dossier = wangge::sample::confidentiality_2023();
/// let notice = public_notice(&dossier, "c1", wangge::Date::parse("2023-07-01").unwrap()).unwrap();
/// assert_eq!(notice.clause, "2.2.4");
/// assert_eq!(notice.board.grids[0].workers[0].name, "王芳");
/// assert!(!wangge::to_json(&notice).contains("王某")); // a ledger's subject never shows
/// ```
pub fn public_notice(
    dossier: &Dossier,
    community: &str,
    date: Date,
) -> Result<PublicNotice, Error> {
    let org = &dossier.organisation;
    let c = org
        .communities
        .iter()
        .find(|c| c.id == community)
        .ok_or_else(|| {
            Problem::new(
                ErrorKind::UnknownReference,
                format!("no community has the ID `{community}`"),
            )
            .at("community")
            .record(community)
        })?;
    // Indexes built once: a lookup per area, grid or assignment would be quadratic.
    let people: std::collections::BTreeMap<&str, &Person> =
        org.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let person = |id: &str| people.get(id).copied();
    let areas_by_id: std::collections::BTreeMap<&str, &crate::division::Area> =
        c.areas.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut assignments_by_grid: std::collections::BTreeMap<
        &str,
        Vec<&crate::organisation::Assignment>,
    > = std::collections::BTreeMap::new();
    for a in org.assignments.iter().filter(|a| a.covers(date)) {
        assignments_by_grid
            .entry(a.grid.as_str())
            .or_default()
            .push(a);
    }
    let mut gaps = Vec::new();
    let grid_leader = person(&c.party_secretary)
        .filter(|p| p.role == Role::GridLeader)
        .map(|p| posted(p, None, &mut gaps));
    let division = division_on(org, community, date);
    if division.is_none() {
        gaps.push(gap(None, None, "areas"));
    }
    let division_grids: std::collections::BTreeMap<&str, &Vec<String>> = division
        .map(|d| {
            let mut m = std::collections::BTreeMap::new();
            for x in &d.grids {
                m.entry(x.grid.as_str()).or_insert(&x.areas);
            }
            m
        })
        .unwrap_or_default();
    let mut grids = Vec::new();
    for g in &c.grids {
        if g.map_ref.is_none() {
            gaps.push(gap(Some(&g.id), None, "map_ref"));
        }
        let areas = division_grids
            .get(g.id.as_str())
            .map(|x| {
                x.iter()
                    .filter_map(|a| areas_by_id.get(a.as_str()).copied())
                    .filter(|a| a.from.is_none_or(|f| f <= date) && a.to.is_none_or(|t| date <= t))
                    .map(|a| a.name.clone())
                    .collect()
            })
            .unwrap_or_default();
        let mut workers = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for a in assignments_by_grid.get(g.id.as_str()).into_iter().flatten() {
            if let Some(p) = person(&a.person) {
                if p.role == Role::GridWorker && seen.insert(p.id.as_str()) {
                    workers.push(posted(p, Some(&g.id), &mut gaps));
                }
            }
        }
        if workers.is_empty() {
            gaps.push(gap(Some(&g.id), None, "worker"));
        }
        grids.push(NoticeGrid {
            name: g.name.clone(),
            map_ref: g.map_ref.clone(),
            areas,
            workers,
        });
    }
    Ok(PublicNotice {
        clause: "2.2.4".into(),
        date,
        board: Board {
            community: c.name.clone(),
            grid_leader,
            grids,
        },
        gaps,
    })
}
