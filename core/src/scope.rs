//! The documents of one evaluated period, checked and indexed once (#15).
//!
//! Every rule family — compliance (chapter 2), attendance (chapter 3) and evidence — reads the
//! same facts about a period: which days are working days (the calendar of the policy), who is
//! a grid worker of which community, who is assigned to a grid on which day (1.1), who is on
//! leave (3.3) and who holds a duty shift (2.2.6). A [`Scope`] holds them, built once per call:
//! [`crate::assessment::assess`] builds one and each family reads it, so the dossier is checked
//! once, the period once (one check, one message), and no family scans the people or the
//! records of a community for each worker or each day.
//!
//! Each table is indexed by person and by day of the period, so a lookup costs `log n` in the
//! number of people and nothing in the number of days: the cost per worker does not grow with
//! the size of the community.

use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};
use crate::organisation::{Index, Person, Role};
use crate::policy::Policy;
use crate::records::{DutyShift, Leave};
use crate::time::{Date, DateRange};
use std::collections::BTreeMap;

/// What one day of the period is for one person.
#[derive(Debug, Clone, Copy, Default)]
pub struct PersonDay<'a> {
    /// Assigned to a grid that day (1.1).
    pub assigned: bool,
    /// The first leave record (in dossier order) covering the day (3.3).
    pub leave: Option<&'a Leave>,
    /// The first duty shift (in dossier order) of the person that day (2.2.6).
    pub duty: Option<&'a DutyShift>,
}

/// The documents of one period, checked and indexed once for every rule family.
#[derive(Debug, Clone)]
pub struct Scope<'a> {
    policy: &'a Policy,
    dossier: &'a Dossier,
    period: DateRange,
    index: Index<'a>,
    /// Whether each day of the period is a working day, by offset from its first day.
    working: Vec<bool>,
    /// The grid workers, in organisation order.
    workers: Vec<&'a Person>,
    /// Each community's grid workers, in organisation order.
    workers_of: BTreeMap<&'a str, Vec<&'a Person>>,
    /// Each person's days, by offset in the period.
    days: BTreeMap<&'a str, Vec<PersonDay<'a>>>,
}

impl<'a> Scope<'a> {
    /// Checks `dossier` under `policy` (what the policy decides about it, `Dossier::check_under`)
    /// and `period` (valid, within the dossier's period, known to the calendar, the policy in
    /// force), then indexes the period.
    ///
    /// Errors: the dossier's problems under the policy; `invalid_period`; a year the calendar
    /// does not know.
    pub fn new(policy: &'a Policy, dossier: &'a Dossier, period: DateRange) -> Result<Self, Error> {
        dossier.check_under(policy)?;
        Self::checked(policy, dossier, period)
    }

    /// The same dossier under the same policy for another period (a part of an assessment,
    /// 4.1): the dossier is not checked again.
    pub fn narrow(&self, period: DateRange) -> Result<Self, Error> {
        Self::checked(self.policy, self.dossier, period)
    }

    fn checked(policy: &'a Policy, dossier: &'a Dossier, period: DateRange) -> Result<Self, Error> {
        check_period(policy, dossier, period)?;
        let calendar = policy.calendar();
        let mut working = Vec::new();
        for day in period.days() {
            working.push(calendar.is_working_day(day)?);
        }
        let index = dossier.organisation.index();
        let mut workers = Vec::new();
        let mut workers_of: BTreeMap<&'a str, Vec<&'a Person>> = BTreeMap::new();
        for p in &dossier.organisation.people {
            if p.role == Role::GridWorker {
                workers.push(p);
                workers_of.entry(p.community.as_str()).or_default().push(p);
            }
        }
        let mut days: BTreeMap<&'a str, Vec<PersonDay<'a>>> = BTreeMap::new();
        let length = working.len();
        for p in &dossier.organisation.people {
            let mut list = vec![PersonDay::default(); length];
            for a in index.assignments_of(&p.id) {
                let Some(within) =
                    DateRange::new(a.from, a.to.unwrap_or(period.to)).intersect(&period)
                else {
                    continue;
                };
                for d in within.days() {
                    if let Some(day) = offset(period, d).and_then(|i| list.get_mut(i)) {
                        day.assigned = true;
                    }
                }
            }
            days.insert(p.id.as_str(), list);
        }
        let r = &dossier.records;
        for l in &r.leave {
            let Some(list) = days.get_mut(l.person.as_str()) else {
                continue;
            };
            let Some(within) = DateRange::new(l.from, l.to).intersect(&period) else {
                continue;
            };
            for d in within.days() {
                if let Some(day) = offset(period, d).and_then(|i| list.get_mut(i)) {
                    day.leave.get_or_insert(l);
                }
            }
        }
        for s in &r.duty_shifts {
            if let Some(day) = days
                .get_mut(s.person.as_str())
                .and_then(|list| offset(period, s.date).and_then(|i| list.get_mut(i)))
            {
                day.duty.get_or_insert(s);
            }
        }
        Ok(Scope {
            policy,
            dossier,
            period,
            index,
            working,
            workers,
            workers_of,
            days,
        })
    }

    /// The policy.
    pub fn policy(&self) -> &'a Policy {
        self.policy
    }

    /// The dossier.
    pub fn dossier(&self) -> &'a Dossier {
        self.dossier
    }

    /// The period.
    pub fn period(&self) -> DateRange {
        self.period
    }

    /// The organisation's lookups.
    pub fn index(&self) -> &Index<'a> {
        &self.index
    }

    /// The position of `date` in the period (0 for its first day), if it lies in it.
    pub fn offset(&self, date: Date) -> Option<usize> {
        offset(self.period, date)
    }

    /// The number of days of the period.
    pub fn day_count(&self) -> usize {
        self.working.len()
    }

    /// True when `date` is a working day of the period (false outside it).
    pub fn is_working(&self, date: Date) -> bool {
        self.offset(date)
            .and_then(|i| self.working.get(i))
            .copied()
            .unwrap_or(false)
    }

    /// The grid workers, in organisation order.
    pub fn workers(&self) -> &[&'a Person] {
        &self.workers
    }

    /// The grid workers of `community`, in organisation order.
    pub fn workers_of(&self, community: &str) -> &[&'a Person] {
        self.workers_of
            .get(community)
            .map_or(&[][..], |v| v.as_slice())
    }

    /// Every day of the period for `person`, by offset.
    pub fn days_of(&self, person: &str) -> Option<&[PersonDay<'a>]> {
        self.days.get(person).map(Vec::as_slice)
    }

    /// What `date` is for `person`, if both are in the scope.
    pub fn day(&self, person: &str, date: Date) -> Option<&PersonDay<'a>> {
        self.days
            .get(person)
            .and_then(|v| self.offset(date).and_then(|i| v.get(i)))
    }

    /// True when `person` is assigned to a grid on `date` (1.1).
    pub fn is_assigned(&self, person: &str, date: Date) -> bool {
        self.day(person, date).is_some_and(|d| d.assigned)
    }

    /// The leave (the first in dossier order) covering `date` for `person` (3.3).
    pub fn leave_on(&self, person: &str, date: Date) -> Option<&'a Leave> {
        self.day(person, date).and_then(|d| d.leave)
    }

    /// The duty shift (the first in dossier order) of `person` on `date` (2.2.6).
    pub fn duty_on(&self, person: &str, date: Date) -> Option<&'a DutyShift> {
        self.day(person, date).and_then(|d| d.duty)
    }
}

fn offset(period: DateRange, date: Date) -> Option<usize> {
    usize::try_from(period.from.days_until(date))
        .ok()
        .filter(|_| date <= period.to)
}

/// The one check of an evaluated period: valid, within the dossier's period, every year of it
/// known to the calendar, and the policy in force in some of it.
fn check_period(policy: &Policy, dossier: &Dossier, period: DateRange) -> Result<(), Error> {
    if !period.is_valid() {
        return Err(Problem::new(
            ErrorKind::InvalidPeriod,
            format!(
                "period ends on `{}` before it starts on `{}`",
                period.to, period.from
            ),
        )
        .at("period")
        .into());
    }
    if dossier.period.intersect(&period) != Some(period) {
        return Err(Problem::new(
            ErrorKind::InvalidPeriod,
            format!(
                "period `{period}` is not within the dossier's period `{}`",
                dossier.period
            ),
        )
        .at("period")
        .into());
    }
    for year in period.from.year()..=period.to.year() {
        if !policy.calendar().knows_year(year) {
            let date = if period.from.year() == year {
                period.from
            } else {
                Date::from_ymd(year, 1, 1).unwrap_or(period.to)
            };
            policy.calendar().day_kind(date)?;
        }
    }
    let doc = policy.document();
    let force = DateRange::new(
        doc.effective_from,
        doc.effective_to
            .or(Date::from_ymd(9999, 12, 31))
            .unwrap_or(doc.effective_from),
    );
    if force.intersect(&period).is_none() {
        return Err(Problem::new(
            ErrorKind::InvalidPeriod,
            format!(
                "policy `{}` is not in force in `{period}` (in force from `{}`)",
                doc.id, doc.effective_from
            ),
        )
        .at("period")
        .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn range(from: &str, to: &str) -> DateRange {
        DateRange::new(
            Date::parse(from).expect("date"),
            Date::parse(to).expect("date"),
        )
    }

    /// Day by day, the scope says what the documents say: assignment to a grid (1.1), the
    /// first leave covering the day (3.3), the first duty shift (2.2.6), and the working days
    /// of the calendar — over the whole year, and over a month narrowed from it (its first
    /// and last day, and nothing past them).
    #[test]
    fn clause_1_1_3_3_2_2_6_a_scope_answers_as_the_documents_do_day_by_day() {
        let policy = Policy::xincheng_2022();
        let dossier = sample::community_2023();
        let year = Scope::new(&policy, &dossier, dossier.period).expect("scope");
        let february = year
            .narrow(range("2023-02-01", "2023-02-28"))
            .expect("february");
        for scope in [&year, &february] {
            same_as_the_documents(&policy, &dossier, scope);
        }
        let day = |text: &str| Date::parse(text).expect("date");
        // A make-up Saturday is a working day; a Spring Festival weekday is not.
        assert!(year.is_working(day("2023-01-28")));
        assert!(!year.is_working(day("2023-01-23")));
        // A month's last day is in it; the next day is not.
        assert_eq!(february.offset(day("2023-02-28")), Some(27));
        assert_eq!(february.offset(day("2023-03-01")), None);
        let worker = &february.workers()[0].id;
        assert!(february.day(worker, day("2023-02-28")).is_some());
        assert!(february.day(worker, day("2023-03-01")).is_none());
        assert!(year.day(worker, day("2023-03-01")).is_some());
    }

    fn same_as_the_documents(policy: &Policy, dossier: &Dossier, scope: &Scope<'_>) {
        let index = dossier.organisation.index();
        assert!(scope.days_of("nobody").is_none());
        for p in &dossier.organisation.people {
            for d in scope.period().days() {
                assert_eq!(scope.is_assigned(&p.id, d), index.is_assigned(&p.id, d));
                let leave = dossier
                    .records
                    .leave
                    .iter()
                    .find(|l| l.person == p.id && l.from <= d && d <= l.to);
                assert_eq!(
                    scope.leave_on(&p.id, d).map(|l| &l.id),
                    leave.map(|l| &l.id)
                );
                let duty = dossier
                    .records
                    .duty_shifts
                    .iter()
                    .find(|s| s.person == p.id && s.date == d);
                assert_eq!(scope.duty_on(&p.id, d).map(|s| &s.id), duty.map(|s| &s.id));
                assert_eq!(
                    scope.is_working(d),
                    policy.calendar().is_working_day(d).unwrap_or(false)
                );
            }
        }
        // Outside the period nothing is assigned or working.
        let after = scope.period().to.add_days(1).expect("date");
        assert!(!scope.is_working(after));
        assert!(
            scope
                .workers()
                .iter()
                .all(|p| !scope.is_assigned(&p.id, after))
        );
    }

    /// The one period check of every rule family (3.3, 4.1): inverted, outside the dossier.
    #[test]
    fn clause_4_1_the_period_is_checked_once_with_one_message() {
        let policy = Policy::xincheng_2022();
        let dossier = sample::community_2023();
        let inverted = range("2023-04-30", "2023-04-17");
        let err = Scope::new(&policy, &dossier, inverted).expect_err("inverted");
        assert_eq!(err.problems()[0].kind, ErrorKind::InvalidPeriod);
        assert!(err.problems()[0].message.contains("before it starts"));
        let outside = range("2022-12-01", "2023-01-31");
        let err = Scope::new(&policy, &dossier, outside).expect_err("outside");
        assert!(
            err.problems()[0]
                .message
                .contains("not within the dossier's period")
        );
        let scope = Scope::new(&policy, &dossier, dossier.period).expect("scope");
        assert!(scope.narrow(outside).is_err());
        let march = range("2023-03-01", "2023-03-31");
        let part = scope.narrow(march).expect("march");
        assert_eq!(part.period(), march);
        assert_eq!(part.offset(march.to), Some(30));
        assert_eq!(part.offset(march.to.add_days(1).expect("date")), None);
    }
}
