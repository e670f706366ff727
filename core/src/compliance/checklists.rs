//! Checklists and visits (2.2.1, 2.2.2, 2.2.3): the must-checks and must-dos ticked on the day's
//! work records, and the must-visit groups living in each grid held, visited there.

use super::*;

impl<'a> Context<'a> {
    /// The must-checks of the day, each ticked on a work record of the day.
    pub(super) fn judge_must_checks(
        &self,
        f: &mut Finding,
        records: &[&WorkRecord],
        items: &[MustCheck],
    ) {
        let ticked = |i: &&MustCheck| records.iter().any(|w| w.must_checks.contains(i));
        let missing: Vec<_> = items.iter().filter(|i| !ticked(i)).collect();
        if !missing.is_empty() {
            let zh: Vec<&str> = missing.iter().map(|m| m.label_zh()).collect();
            let codes: Vec<String> = missing.iter().map(snake).collect();
            self.checklist_miss(f, items.len(), zh, codes, Unit::Items);
        }
    }

    /// The must-dos of the day, each ticked on a work record of the day.
    pub(super) fn judge_must_dos(
        &self,
        f: &mut Finding,
        records: &[&WorkRecord],
        items: &[MustDo],
    ) {
        let ticked = |i: &&MustDo| records.iter().any(|w| w.must_dos.contains(i));
        let missing: Vec<_> = items.iter().filter(|i| !ticked(i)).collect();
        if !missing.is_empty() {
            let zh: Vec<&str> = missing.iter().map(|m| m.label_zh()).collect();
            let codes: Vec<String> = missing.iter().map(snake).collect();
            self.checklist_miss(f, items.len(), zh, codes, Unit::Items);
        }
    }

    /// The must-visit groups of the instance, each visited in the grid it lives in.
    pub(super) fn judge_must_visits(
        &self,
        f: &mut Finding,
        p: &Person,
        range: DateRange,
        work: Option<&Vec<Vec<&'a WorkRecord>>>,
        groups: &[MustVisit],
    ) {
        // Groups living in each grid the person held during the instance, each to be
        // visited in that grid (a worker on several grids visits each one's, 兼任).
        let mut present: BTreeMap<&str, BTreeSet<MustVisit>> = BTreeMap::new();
        for d in range.days() {
            for g in self.index.grids_on(&p.id, d) {
                let here = present.entry(g).or_default();
                // The ledgers say who lives in the grid (2.1.2); without ledgers, the
                // grid's `must_visit_groups`; without those, every group.
                match (
                    self.ledgers.as_ref(),
                    self.index
                        .grid(g)
                        .and_then(|g| g.must_visit_groups.as_ref()),
                ) {
                    (Some(by_grid), _) => here.extend(
                        by_grid
                            .get(g)
                            .into_iter()
                            .flatten()
                            .filter(|l| l.entry.active_on(d))
                            .flat_map(|l| l.groups.iter().copied()),
                    ),
                    (None, Some(list)) => here.extend(list.iter().copied()),
                    (None, None) => here.extend(groups.iter().copied()),
                }
            }
        }
        let required: Vec<(&str, MustVisit)> = present
            .iter()
            .flat_map(|(g, there)| {
                groups
                    .iter()
                    .filter(|m| there.contains(m))
                    .map(move |m| (*g, *m))
            })
            .collect();
        let mut visited = BTreeSet::new();
        for d in range.days() {
            for w in self.work_on(work, d) {
                let mut used = false;
                for v in &w.visits {
                    if required.contains(&(w.grid.as_str(), v.group)) {
                        visited.insert((w.grid.as_str(), v.group));
                        used = true;
                    }
                }
                if used {
                    f.evidence.push(w.id.clone());
                }
            }
        }
        let missing: Vec<&(&str, MustVisit)> =
            required.iter().filter(|k| !visited.contains(*k)).collect();
        if !missing.is_empty() {
            let several = present.len() > 1;
            let zh: Vec<String> = missing
                .iter()
                .map(|(g, m)| {
                    if several {
                        let name = self.index.grid(g).map_or(*g, |x| x.name.as_str());
                        format!("{name}的{}", m.label_zh())
                    } else {
                        m.label_zh().to_owned()
                    }
                })
                .collect();
            let codes: Vec<String> = missing
                .iter()
                .map(|(g, m)| {
                    if several {
                        format!("{}@{g}", snake(*m))
                    } else {
                        snake(*m)
                    }
                })
                .collect();
            let zh: Vec<&str> = zh.iter().map(String::as_str).collect();
            self.checklist_miss(f, required.len(), zh, codes, Unit::Groups);
        }
    }

    pub(super) fn checklist_miss(
        &self,
        f: &mut Finding,
        required: usize,
        zh: Vec<&str>,
        codes: Vec<String>,
        unit: Unit,
    ) {
        let n = i64::try_from(required).unwrap_or(i64::MAX);
        let m = i64::try_from(codes.len()).unwrap_or(0);
        let what_zh = if unit == Unit::Groups {
            "未走访"
        } else {
            "未完成"
        };
        let what_en = if unit == Unit::Groups {
            "not visited"
        } else {
            "not done"
        };
        let en = format!("{what_en}: {}", codes.join(", "));
        self.miss(
            f,
            Shortfall {
                unit,
                required: n,
                actual: n - m,
                missing: codes,
            },
            format!("{what_zh}：{}", zh.join("、")),
            en,
        );
    }
}
