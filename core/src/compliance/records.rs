//! Counted records (2.1.1, 2.1.3, 2.1.6, 2.1.9, 2.1.11, 1.2): activities, security patrols and
//! red-grid services counted against a minimum per period; tasks assigned from above done by
//! their due date; changes of a community's grid division filed with the leading group.

use super::*;

impl<'a> Context<'a> {
    /// The security patrols and red-grid services of the period, by person.
    pub(super) fn load_patrols_and_services(&mut self) {
        let r = &self.dossier.records;
        for (i, s) in r.security_patrols.iter().enumerate() {
            if !self.in_period(s.date, &s.id, &At::new("records.security_patrols", i)) {
                continue;
            }
            let unique: BTreeSet<&str> = s.people.iter().map(String::as_str).collect();
            for p in unique {
                self.push_dated(p, CountedRecord::SecurityPatrol, s.date, &s.id);
            }
        }
        for (i, s) in r.red_grid_services.iter().enumerate() {
            if self.in_period(s.date, &s.id, &At::new("records.red_grid_services", i)) {
                self.push_dated(&s.organiser, CountedRecord::RedGridService, s.date, &s.id);
            }
        }
    }

    /// Indexes the activities of 2.1.1, 2.1.3, 2.1.6 and 2.1.9 by the person who carried them
    /// out; one outside the period is a warning and not used.
    pub(super) fn load_activities(&mut self) {
        use crate::duties::ActivityKind;
        let r = &self.dossier.records;
        for (i, a) in r.activities.iter().enumerate() {
            if !self.in_period(a.date, &a.id, &At::new("records.activities", i)) {
                continue;
            }
            let kind = match a.kind {
                ActivityKind::PartyMemberManagement => CountedRecord::PartyMemberActivity,
                ActivityKind::Publicity => CountedRecord::PublicityActivity,
                ActivityKind::EmergencyTask => CountedRecord::EmergencyTaskActivity,
                ActivityKind::ResidentMobilisation => CountedRecord::ResidentMobilisationActivity,
            };
            self.push_dated(&a.person, kind, a.date, &a.id);
        }
    }

    /// A count of dated records in the instance against the policy's minimum.
    pub(super) fn judge_record_count(
        &self,
        f: &mut Finding,
        p: &Person,
        range: DateRange,
        record: CountedRecord,
        minimum: i64,
        usual_weekday: Option<crate::policy::WeekdayName>,
    ) {
        let subject = if record.is_community_record() {
            p.community.as_str()
        } else {
            p.id.as_str()
        };
        f.evidence.clear();
        // 3.5: with no group study held, there was nothing to attend.
        if let Some(held) = record.held_by_community() {
            if self.count_in(&p.community, held, range).is_empty() {
                self.excuse(f, Excuse::NotHeld, Vec::new());
                return;
            }
        }
        let found = self.count_in(subject, record, range);
        self.judge_count(f, &found, minimum, usual_weekday, range);
    }

    pub(super) fn judge_count(
        &self,
        f: &mut Finding,
        found: &[(Date, &str)],
        minimum: i64,
        usual: Option<crate::policy::WeekdayName>,
        range: DateRange,
    ) {
        f.evidence = found.iter().map(|(_, id)| (*id).to_owned()).collect();
        let n = i64::try_from(found.len()).unwrap_or(i64::MAX);
        if n < minimum {
            self.miss(
                f,
                Shortfall {
                    unit: Unit::Records,
                    required: minimum,
                    actual: n,
                    missing: Vec::new(),
                },
                format!("记录{n}次，应至少{minimum}次"),
                format!("{n} of {minimum} records"),
            );
            return;
        }
        if let Some(usual) = usual {
            let on_usual = found.iter().any(|(d, _)| d.weekday() == usual.weekday());
            if !on_usual {
                let usual_day = range.days().find(|d| d.weekday() == usual.weekday());
                let usual_off = usual_day.is_some_and(|d| !self.is_working(d));
                f.text = Some(match (self.lang, usual_off) {
                    (Lang::Zh, true) => "例会日逢节假日，改期召开".into(),
                    (Lang::Zh, false) => "未在惯常的例会日召开".into(),
                    (Lang::En, true) => {
                        "the usual day was not a working day; held on another day".into()
                    }
                    (Lang::En, false) => "held on another day than the usual one".into(),
                });
            }
        }
    }

    /// 2.1.11: each task assigned to `p` and due in the period is met when done by its due
    /// date (inclusive), missed when done later or not done by the period's end.
    pub(super) fn assigned_task_findings(&self, o: &Obligation, p: &Person) -> Vec<Finding> {
        let force = self.policy.obligation_force(o);
        let mut tasks: Vec<&crate::duties::AssignedTask> = self
            .tasks_of
            .get(p.id.as_str())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|t| self.period.contains(t.due_by))
            .filter(|t| force.contains(t.due_by))
            .collect();
        tasks.sort_by(|a, b| (a.due_by, &a.id).cmp(&(b.due_by, &b.id)));
        let mut out = Vec::new();
        for t in tasks {
            let mut f = self.finding(o, DateRange::new(t.assigned_on, t.due_by));
            f.event = Some(t.id.clone());
            f.evidence.push(t.id.clone());
            let done = t.done_on.filter(|d| *d <= self.period.to);
            match done {
                Some(d) if d <= t.due_by => {}
                Some(d) => {
                    let days = t.due_by.days_until(d);
                    self.miss(
                        &mut f,
                        Shortfall {
                            unit: Unit::Records,
                            required: 1,
                            actual: 0,
                            missing: Vec::new(),
                        },
                        format!(
                            "上级交办任务{}限{}完成，{}才完成，逾期{days}日",
                            t.id, t.due_by, d
                        ),
                        format!(
                            "task `{}` assigned from above was due by {} and done on {d}, {days} days late",
                            t.id, t.due_by
                        ),
                    );
                }
                None => self.miss(
                    &mut f,
                    Shortfall {
                        unit: Unit::Records,
                        required: 1,
                        actual: 0,
                        missing: Vec::new(),
                    },
                    format!("上级交办任务{}限{}完成，期末仍未完成", t.id, t.due_by),
                    format!(
                        "task `{}` assigned from above was due by {} and not done by the period's end",
                        t.id, t.due_by
                    ),
                ),
            }
            out.push(f);
        }
        out
    }

    /// 1.2: each division of `community` in force from a day in the period that changes an
    /// earlier one is met when reported to the leading group (`reported_on`) by the period's end.
    pub(super) fn division_filing_findings(&self, o: &Obligation, community: &str) -> Vec<Finding> {
        let force = self.policy.obligation_force(o);
        let list = crate::division::divisions_of(&self.dossier.organisation, community);
        let mut out = Vec::new();
        for (k, (d, _)) in list.iter().enumerate() {
            let from = d.effective_from;
            if k == 0 || !self.period.contains(from) || !force.contains(from) {
                continue;
            }
            let mut f = self.finding(o, DateRange::new(from, from));
            f.event = Some(d.id.clone());
            f.evidence.push(d.id.clone());
            if d.reported_on.is_none_or(|r| r > self.period.to) {
                self.miss(
                    &mut f,
                    Shortfall {
                        unit: Unit::Records,
                        required: 1,
                        actual: 0,
                        missing: Vec::new(),
                    },
                    format!(
                        "网格划分{}自{}调整，未报至{}",
                        d.id,
                        from,
                        crate::division::LEADING_GROUP
                    ),
                    format!(
                        "grid division `{}` changed from {from} and was not reported to the leading group",
                        d.id
                    ),
                );
            }
            out.push(f);
        }
        out
    }
}
