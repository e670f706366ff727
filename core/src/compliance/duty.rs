//! Duty shifts and handover (2.2.4, 2.2.6): each duty shift with its log and its handover to the
//! next person; a worker leaving a grid hands over its work (residents told) within the policy's
//! days.

use super::*;

impl<'a> Context<'a> {
    pub(super) fn duty_shift_findings(&self, o: &Obligation, p: &Person) -> Vec<Finding> {
        let force = self.policy.obligation_force(o);
        let mut out = Vec::new();
        for s in self
            .dossier
            .records
            .duty_shifts
            .iter()
            .filter(|s| s.person == p.id)
        {
            if !self.period.contains(s.date) || !force.contains(s.date) {
                continue;
            }
            let mut f = self.finding(o, DateRange::new(s.date, s.date));
            f.event = Some(s.id.clone());
            f.evidence.push(s.id.clone());
            let mut missing = Vec::new();
            if s.log.as_deref().is_none_or(|l| l.trim().is_empty()) {
                missing.push(("log", "值班记录"));
            }
            if s.handed_over_to.is_none() {
                missing.push(("handover", "交接班"));
            }
            if !missing.is_empty() {
                let zh: Vec<&str> = missing.iter().map(|m| m.1).collect();
                let codes: Vec<String> = missing.iter().map(|m| m.0.to_owned()).collect();
                self.checklist_miss(&mut f, 2, zh, codes, Unit::Items);
            }
            out.push(f);
        }
        out
    }

    pub(super) fn handover_findings(
        &self,
        o: &Obligation,
        p: &Person,
        within_days: i64,
        notify: bool,
    ) -> Vec<Finding> {
        let force = self.policy.obligation_force(o);
        let mut out = Vec::new();
        for a in self.index.assignments_of(&p.id) {
            let Some(last) = a.to else { continue };
            if !self.period.contains(last) || !force.contains(last) {
                continue;
            }
            let mut f = self.finding(o, DateRange::new(last, last));
            f.event = Some(format!("{}@{}", p.id, a.grid));
            let deadline = last.add_days(within_days).unwrap_or(last);
            let ok = |h: &&Handover| {
                h.person == p.id
                    && h.grid == a.grid
                    && a.from <= h.date
                    && h.date <= deadline
                    && (!notify || h.residents_notified)
            };
            let done = self.dossier.records.handovers.iter().find(ok);
            match done {
                Some(h) => f.evidence.push(h.id.clone()),
                None if deadline > self.period.to => {
                    self.excuse(&mut f, Excuse::NotYetDue, Vec::new());
                }
                None => {
                    let partial = self
                        .dossier
                        .records
                        .handovers
                        .iter()
                        .find(|h| h.person == p.id && h.grid == a.grid);
                    if let Some(h) = partial {
                        f.evidence.push(h.id.clone());
                    }
                    self.miss(
                        &mut f,
                        Shortfall {
                            unit: Unit::Records,
                            required: 1,
                            actual: 0,
                            missing: Vec::new(),
                        },
                        format!("离开网格{}后{within_days}日内无工作交接（含通知居民）记录", a.grid),
                        format!(
                            "no handover of grid `{}` (with residents told) within {within_days} days of leaving",
                            a.grid
                        ),
                    );
                }
            }
            out.push(f);
        }
        out
    }
}
