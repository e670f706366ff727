//! Presence and patrol (2.2.2): each working day a grid worker is present in each grid they hold
//! (a patrol or a visit on record there), and patrols it for at least the policy's minutes
//! (两小时以上, 2.2.2), summed over the day's sessions or the longest one as the policy says.

use super::*;

impl<'a> Context<'a> {
    /// The work records of the period (2.2.2) by person and day; one by someone who is not a grid
    /// worker, or outside their assignment, is a warning and not used.
    pub(super) fn load_work_records(&mut self) {
        let r = &self.dossier.records;
        for (i, w) in r.work_records.iter().enumerate() {
            let path = At::new("records.work_records", i);
            if !self.in_period(w.date, &w.id, &path) {
                continue;
            }
            let is_worker = self
                .index
                .person(&w.person)
                .is_some_and(|p| p.role == Role::GridWorker);
            if !is_worker {
                self.warnings.push(Warning {
                    kind: WarningKind::NotAGridWorker,
                    message: format!(
                        "work record `{}` is by `{}`, who is not a grid worker, and is not used",
                        w.id, w.person
                    ),
                    record: w.id.clone(),
                    path: path.to_string(),
                });
                continue;
            }
            if !self.index.grids_on(&w.person, w.date).any(|g| g == w.grid) {
                self.warnings.push(Warning {
                    kind: WarningKind::OutsideAssignment,
                    message: format!(
                        "work record `{}` puts `{}` in grid `{}` on `{}`, outside their assignment, and is not used",
                        w.id, w.person, w.grid, w.date
                    ),
                    record: w.id.clone(),
                    path: path.to_string(),
                });
                continue;
            }
            if let Some(i) = self.offset(w.date) {
                let len = self.scope.day_count();
                let days = self
                    .work
                    .entry(w.person.as_str())
                    .or_insert_with(|| vec![Vec::new(); len]);
                if let Some(slot) = days.get_mut(i) {
                    slot.push(w);
                    slot.sort_by(|a, b| a.grid.cmp(&b.grid));
                }
            }
            self.push_dated(&w.person, CountedRecord::WorkRecord, w.date, &w.id);
        }
    }

    /// 2.2.2 (到网格内开展工作): present in the grid — in each grid held (兼任) — by a patrol or a visit.
    pub(super) fn judge_presence(
        &self,
        f: &mut Finding,
        p: &Person,
        day: Date,
        records: &[&WorkRecord],
    ) {
        let worked = |w: &&WorkRecord| !w.patrols.is_empty() || !w.visits.is_empty();
        let mut grids: Vec<&str> = self.index.grids_on(&p.id, day).collect();
        grids.sort_unstable();
        grids.dedup();
        if grids.len() > 1 {
            // 兼任 (2.2.2 with the policy's `grids_per_worker`): present in each grid.
            let absent: Vec<&str> = grids
                .iter()
                .copied()
                .filter(|g| !records.iter().any(|w| w.grid == *g && worked(w)))
                .collect();
            if !absent.is_empty() {
                let n = i64::try_from(grids.len()).unwrap_or(i64::MAX);
                let m = i64::try_from(absent.len()).unwrap_or(0);
                let names: Vec<&str> = absent
                    .iter()
                    .map(|g| self.index.grid(g).map_or(*g, |x| x.name.as_str()))
                    .collect();
                self.miss(
                    f,
                    Shortfall {
                        unit: Unit::Grids,
                        required: n,
                        actual: n - m,
                        missing: absent.iter().map(|g| (*g).to_owned()).collect(),
                    },
                    format!(
                        "兼任{n}个网格，无在{}内工作的记录（无巡查、无走访）",
                        names.join("、")
                    ),
                    format!(
                        "holds {n} grids; no record of work in {} (no patrol, no visit)",
                        absent.join(", ")
                    ),
                );
            }
            return;
        }
        let present = records.iter().any(worked);
        if !present {
            self.miss(
                f,
                Shortfall {
                    unit: Unit::Records,
                    required: 1,
                    actual: 0,
                    missing: Vec::new(),
                },
                "无在网格内工作的记录（无巡查、无走访）".into(),
                "no record of work in the grid (no patrol, no visit)".into(),
            );
        }
    }

    /// 2.2.2 (每天巡查两小时以上): the day's patrol minutes against the policy's minimum.
    pub(super) fn judge_patrol_minutes(
        &self,
        f: &mut Finding,
        records: &[&WorkRecord],
        minimum: i64,
        summing: PatrolSumming,
    ) {
        // Across the day's records: a worker on several grids sums them all (兼任).
        let lengths = records
            .iter()
            .flat_map(|w| w.patrols.iter())
            .map(|s| i64::from(s.minutes()));
        let minutes = match summing {
            PatrolSumming::SummedOverDay => lengths.sum(),
            PatrolSumming::LongestSession => lengths.max().unwrap_or(0),
        };
        if minutes < minimum {
            let grids = records.len();
            let (zh, en) = if grids > 1 {
                (
                    format!("{grids}个网格合计巡查{minutes}分钟，不足{minimum}分钟"),
                    format!("{minutes} of {minimum} minutes, summed over {grids} grids"),
                )
            } else {
                (
                    format!("巡查{minutes}分钟，不足{minimum}分钟"),
                    format!("{minutes} of {minimum} minutes"),
                )
            };
            self.miss(
                f,
                Shortfall {
                    unit: Unit::Minutes,
                    required: minimum,
                    actual: minutes,
                    missing: Vec::new(),
                },
                zh,
                en,
            );
        }
    }
}
