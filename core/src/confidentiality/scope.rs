//! Access scope (2.2.5, 1): what a viewer may see of a dossier. A grid worker sees the grids
//! assigned to them on the days asked, a grid leader their community, the subdistrict all.
//!
//! A person sees records only of their days in scope: the days asked (`from`–`to`) and, for a
//! grid worker, the days they were assigned to the record's grid — a worker who left a grid sees
//! none of its later records, nor those before they joined. A record of one day is in scope when
//! its day is; a leave, when its days meet the scope; a ledger entry or a proxy case, when it was
//! opened on or before a day in scope (and, for a closed case, closed on or after one): standing
//! records are kept whole, so a worker sees the current state of an entry of their time.
//!
//! Asking beyond one's scope is not an error: [`view`] always filters, and the answer states the
//! scope it applied, so a platform or portal shows only what it was given. Records of other
//! grids and communities, and the residents in them, are removed.
//!
//! | record | kept for a grid worker | for a grid leader |
//! |---|---|---|
//! | work records, problems, proxy cases, ledgers, security patrols, red-grid services, handovers | of their grids | of their community |
//! | meetings, group studies | of their community | of their community |
//! | self-study, notebook reviews, duty shifts, leave, clock events, conduct, spot-check observations | their own | of their community's people |
//!
//! The organisation of the visible communities stays whole — grid names, map references,
//! buildings and divisions are public or internal — except that the must-visit groups of a grid
//! whose records are not visible are removed (they say which special groups live there).
//!
//! A helper (1.1) holds no grid-worker duties: they see their community's organisation and
//! their own records, no grid's records.

use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};
use crate::organisation::Role;
use crate::time::{Date, DateRange};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Who is looking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Viewer {
    /// A person of the organisation, on a day or over days (`to` absent: the day `from`).
    Person {
        /// The person.
        person: String,
        /// First day.
        from: Date,
        /// Last day; `from` when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Date>,
    },
    /// The subdistrict (its grid-governance leading group): sees everything.
    Subdistrict,
}

/// The scope a view applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Scope {
    /// The clause the scope serves: `2.2.5`.
    pub clause: String,
    /// Why this scope: the viewer's role.
    pub basis: ScopeBasis,
    /// Communities visible.
    pub communities: Vec<String>,
    /// Grids whose records are visible (the organisation may name more).
    pub grids: Vec<String>,
    /// True when personal records (leave, attendance, conduct, study) are limited to the
    /// viewer's own.
    pub own_personal_records_only: bool,
}

/// The role a scope rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScopeBasis {
    /// The subdistrict: everything.
    Subdistrict,
    /// A grid leader: their community.
    GridLeader,
    /// A grid worker: the grids assigned to them on the days asked.
    GridWorker,
    /// A helper: no grid.
    Helper,
}

/// A dossier as one viewer may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct View {
    /// The scope applied.
    pub scope: Scope,
    /// The dossier, filtered to the scope.
    pub dossier: Dossier,
}

/// What is visible, by ID.
#[derive(Debug, Clone, Default)]
pub(crate) struct Visible {
    all: bool,
    communities: BTreeSet<String>,
    grids: BTreeSet<String>,
    /// People whose personal records are visible; `None`: everyone of the visible communities.
    people: Option<BTreeSet<String>>,
    /// The days in scope; `None`: every day.
    days: Option<DateRange>,
    /// For a grid worker: the days in scope of each grid (assignment ∩ days asked).
    grid_days: Option<BTreeMap<String, Vec<DateRange>>>,
}

/// True when a record spanning `first`..=`last` (`None`: ongoing) meets `range`.
fn meets(first: Date, last: Option<Date>, range: &DateRange) -> bool {
    first <= range.to && last.is_none_or(|l| range.from <= l)
}

impl Visible {
    /// Everything of one community, as its grid leader sees it.
    pub(crate) fn community(dossier: &Dossier, community: &str) -> Visible {
        Visible {
            all: false,
            communities: BTreeSet::from([community.to_owned()]),
            grids: dossier
                .organisation
                .communities
                .iter()
                .filter(|c| c.id == community)
                .flat_map(|c| c.grids.iter().map(|g| g.id.clone()))
                .collect(),
            people: None,
            days: None,
            grid_days: None,
        }
    }

    fn in_days(&self, first: Date, last: Option<Date>) -> bool {
        self.all || self.days.is_none_or(|d| meets(first, last, &d))
    }

    /// A record of grid `g` spanning `first`..=`last`.
    fn grid_record_ok(&self, g: &str, first: Date, last: Option<Date>) -> bool {
        if self.all {
            return true;
        }
        self.grid_ok(g)
            && self.in_days(first, last)
            && self.grid_days.as_ref().is_none_or(|m| {
                m.get(g)
                    .is_some_and(|v| v.iter().any(|r| meets(first, last, r)))
            })
    }

    fn community_ok(&self, c: &str) -> bool {
        self.all || self.communities.contains(c)
    }

    fn grid_ok(&self, g: &str) -> bool {
        self.all || self.grids.contains(g)
    }

    fn person_ok(&self, p: &str, community_of: &BTreeMap<&str, &str>) -> bool {
        if self.all {
            return true;
        }
        match &self.people {
            Some(people) => people.contains(p),
            None => community_of
                .get(p)
                .is_some_and(|c| self.communities.contains(*c)),
        }
    }

    /// The dossier holding only what is visible.
    pub(crate) fn filter(&self, dossier: &Dossier) -> Dossier {
        if self.all {
            return dossier.clone();
        }
        let org = &dossier.organisation;
        // Built once: looking each record's person up in the list would be quadratic.
        let community_of: BTreeMap<&str, &str> = org
            .people
            .iter()
            .map(|x| (x.id.as_str(), x.community.as_str()))
            .collect();
        let person_ok = |p: &str, first: Date, last: Option<Date>| {
            self.person_ok(p, &community_of) && self.in_days(first, last)
        };
        let community_day_ok = |c: &str, d: Date| self.community_ok(c) && self.in_days(d, Some(d));
        let grid_day_ok = |g: &str, d: Date| self.grid_record_ok(g, d, Some(d));
        let mut out = dossier.clone();
        let o = &mut out.organisation;
        o.communities.retain(|c| self.community_ok(&c.id));
        // The community's grids and divisions stay (names, map references and buildings are
        // public); what a grid's ledgers say lives there does not.
        for g in o.communities.iter_mut().flat_map(|c| c.grids.iter_mut()) {
            if !self.grid_ok(&g.id) {
                g.must_visit_groups = None;
            }
        }
        o.people.retain(|p| self.community_ok(&p.community));
        o.assignments.retain(|a| self.grid_ok(&a.grid));
        o.divisions.retain(|d| self.community_ok(&d.community));
        let r = &mut out.records;
        r.work_records.retain(|x| grid_day_ok(&x.grid, x.date));
        r.problems.retain(|x| grid_day_ok(&x.grid, x.date));
        r.proxy_cases
            .retain(|x| self.grid_record_ok(&x.grid, x.opened, x.closed));
        r.ledger_entries
            .retain(|x| self.grid_record_ok(&x.grid, x.opened, None));
        r.meetings
            .retain(|x| community_day_ok(&x.community, x.date));
        r.security_patrols.retain(|x| grid_day_ok(&x.grid, x.date));
        r.red_grid_services.retain(|x| grid_day_ok(&x.grid, x.date));
        r.group_studies
            .retain(|x| community_day_ok(&x.community, x.date));
        r.self_studies
            .retain(|x| person_ok(&x.person, x.date, Some(x.date)));
        r.notebook_reviews
            .retain(|x| person_ok(&x.person, x.date, Some(x.date)));
        r.duty_shifts.retain(|x| {
            self.community_ok(&x.community) && person_ok(&x.person, x.date, Some(x.date))
        });
        r.handovers.retain(|x| grid_day_ok(&x.grid, x.date));
        r.leave.retain(|x| person_ok(&x.person, x.from, Some(x.to)));
        r.clock_events
            .retain(|x| person_ok(&x.person, x.date, Some(x.date)));
        r.conduct_incidents
            .retain(|x| person_ok(&x.person, x.date, Some(x.date)));
        r.spot_checks
            .retain(|x| community_day_ok(&x.community, x.date));
        for s in &mut r.spot_checks {
            s.observations
                .retain(|o| self.person_ok(&o.person, &community_of));
        }
        out
    }
}

/// The dossier as `viewer` may see it, with the scope applied (2.2.5).
///
/// Errors: an unknown person, or days that end before they start.
///
/// ```
/// use wangge::confidentiality::{view, Viewer};
///
/// let dossier = wangge::sample::confidentiality_2023();
/// let w1 = Viewer::Person { person: "w1".into(), from: wangge::Date::parse("2023-05-10").unwrap(), to: None };
/// let seen = view(&dossier, &w1).unwrap();
/// assert_eq!(seen.scope.grids, ["g1"]);
/// assert!(seen.dossier.records.ledger_entries.iter().all(|e| e.grid == "g1"));
/// ```
pub fn view(dossier: &Dossier, viewer: &Viewer) -> Result<View, Error> {
    let (visible, basis) = match viewer {
        Viewer::Subdistrict => (
            Visible {
                all: true,
                ..Visible::default()
            },
            ScopeBasis::Subdistrict,
        ),
        Viewer::Person { person, from, to } => {
            let to = to.unwrap_or(*from);
            if to < *from {
                return Err(Problem::new(
                    ErrorKind::InvalidTime,
                    format!("the days asked end on `{to}` before they start on `{from}`"),
                )
                .at("to")
                .on(to)
                .into());
            }
            let days = DateRange::new(*from, to);
            let org = &dossier.organisation;
            let p = org.people.iter().find(|p| p.id == *person).ok_or_else(|| {
                Problem::new(
                    ErrorKind::UnknownReference,
                    format!("no person has the ID `{person}`"),
                )
                .at("person")
                .record(person)
            })?;
            let mut grid_days: BTreeMap<String, Vec<DateRange>> = BTreeMap::new();
            for a in org.assignments.iter().filter(|a| a.person == p.id) {
                let assigned = DateRange::new(a.from, a.to.unwrap_or(days.to));
                if let Some(both) = assigned.intersect(&days) {
                    grid_days.entry(a.grid.clone()).or_default().push(both);
                }
            }
            match p.role {
                Role::GridLeader => (
                    Visible {
                        days: Some(days),
                        ..Visible::community(dossier, &p.community)
                    },
                    ScopeBasis::GridLeader,
                ),
                Role::GridWorker => (
                    Visible {
                        all: false,
                        communities: BTreeSet::from([p.community.clone()]),
                        grids: grid_days.keys().cloned().collect(),
                        people: Some(BTreeSet::from([p.id.clone()])),
                        days: Some(days),
                        grid_days: Some(grid_days),
                    },
                    ScopeBasis::GridWorker,
                ),
                Role::Helper => (
                    Visible {
                        all: false,
                        communities: BTreeSet::from([p.community.clone()]),
                        grids: BTreeSet::new(),
                        people: Some(BTreeSet::from([p.id.clone()])),
                        days: Some(days),
                        grid_days: None,
                    },
                    ScopeBasis::Helper,
                ),
            }
        }
    };
    let filtered = visible.filter(dossier);
    let scope = Scope {
        clause: "2.2.5".into(),
        basis,
        communities: filtered
            .organisation
            .communities
            .iter()
            .map(|c| c.id.clone())
            .collect(),
        grids: filtered
            .organisation
            .communities
            .iter()
            .flat_map(|c| c.grids.iter().map(|g| g.id.clone()))
            .filter(|g| visible.grid_ok(g))
            .collect(),
        own_personal_records_only: visible.people.is_some() && !visible.all,
    };
    Ok(View {
        scope,
        dossier: filtered,
    })
}
