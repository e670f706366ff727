//! Dossier checks of the evidence records: references, IDs, the order and times of each
//! problem's lifecycle (2.2.2) and reports (2.1.4), ledger (2.1.2) and proxy-case (2.1.8) dates.

use super::Records;
use super::ledger::{LedgerEntry, LedgerKind};
use super::problem::{ProblemCategory, ProblemFound, StepKind, minutes_between};
use super::proxy::{ProxyCase, ProxyService};
use crate::error::{ErrorKind, Problem};
use crate::organisation::{At, Checker};
use crate::policy::evidence::snake;
use crate::time::DateRange;

/// Every problem with the evidence records of `r`, a dossier's records for `period`: problems,
/// then proxy cases, then ledger entries.
pub(crate) fn validate_records<'a>(r: &'a Records, period: &DateRange, ck: &mut Checker<'_, 'a>) {
    for (i, p) in r.problems.iter().enumerate() {
        check_problem(p, &At::new("records.problems", i), ck);
    }
    for (i, c) in r.proxy_cases.iter().enumerate() {
        check_proxy_case(c, &At::new("records.proxy_cases", i), ck);
    }
    for (i, e) in r.ledger_entries.iter().enumerate() {
        check_ledger_entry(e, &At::new("records.ledger_entries", i), period, ck);
    }
}

/// A problem found at `here`: its references, then its steps (2.2.2), then its reports (2.1.4).
fn check_problem<'a>(p: &'a ProblemFound, here: &At, ck: &mut Checker<'_, 'a>) {
    ck.id(&p.id, here);
    ck.person(&p.person, here, "person");
    ck.grid(&p.grid, here);
    if p.category != ProblemCategory::Other && p.other_category.is_some() {
        ck.push(
            Problem::new(
                ErrorKind::Shape,
                "`other_category` is only for problems of category `other`",
            )
            .at(format!("{here}.other_category"))
            .record(&p.id),
        );
    }
    check_steps(p, here, ck);
    check_reports(p, here, ck);
}

/// The steps of a problem at `here` (2.2.2): each one's people, its place in the order of
/// steps, its time after the one before, and the department of a coordination.
fn check_steps<'a>(p: &'a ProblemFound, here: &At, ck: &mut Checker<'_, 'a>) {
    let (mut last_date, mut last_time) = (p.date, p.found_at);
    let mut previous: Option<StepKind> = None;
    for (j, s) in p.steps.iter().enumerate() {
        let at = format!("{here}.steps[{j}]");
        ck.person(&s.actor, &at, "actor");
        if let Some(to) = &s.to {
            ck.person(to, &at, "to");
        }
        if !s.step.may_follow(previous) {
            let message = out_of_order(previous, s.step);
            ck.push(
                Problem::new(ErrorKind::OutOfOrder, message)
                    .at(format!("{at}.step"))
                    .record(&p.id)
                    .on(s.date),
            );
        }
        if minutes_between(last_date, last_time, s.date, s.time) < 0 {
            ck.push(
                Problem::new(
                    ErrorKind::InvalidTime,
                    format!(
                        "step `{}` at `{} {}` is before `{last_date} {last_time}`",
                        snake(s.step),
                        s.date,
                        s.time
                    ),
                )
                .at(format!("{at}.time"))
                .record(&p.id)
                .on(s.date),
            );
        }
        if s.step == StepKind::Coordinated
            && s.department.as_deref().is_none_or(|x| x.trim().is_empty())
        {
            ck.push(
                Problem::new(
                    ErrorKind::Shape,
                    "a `coordinated` step names no department (2.2.2)",
                )
                .at(format!("{at}.department"))
                .record(&p.id),
            );
        }
        previous = Some(s.step);
        (last_date, last_time) = (s.date, s.time);
    }
}

/// The reports of a problem at `here` (2.1.4): none before the problem was found.
fn check_reports<'a>(p: &'a ProblemFound, here: &At, ck: &mut Checker<'_, 'a>) {
    for (j, rep) in p.reports.iter().enumerate() {
        if minutes_between(p.date, p.found_at, rep.date, rep.time) < 0 {
            ck.push(
                Problem::new(
                    ErrorKind::InvalidTime,
                    format!(
                        "report at `{} {}` is before the problem was found at `{} {}`",
                        rep.date, rep.time, p.date, p.found_at
                    ),
                )
                .at(format!("{here}.reports[{j}].time"))
                .record(&p.id)
                .on(rep.date),
            );
        }
    }
}

/// A proxy case at `here` (2.1.8): its references, its service, and its dates and outcome.
fn check_proxy_case<'a>(c: &'a ProxyCase, here: &At, ck: &mut Checker<'_, 'a>) {
    ck.id(&c.id, here);
    ck.person(&c.person, here, "person");
    ck.grid(&c.grid, here);
    if (c.service == ProxyService::Other)
        != c.other_service
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty())
    {
        ck.push(
            Problem::new(
                ErrorKind::Shape,
                "`other_service` is required for service `other`, and only there",
            )
            .at(format!("{here}.other_service"))
            .record(&c.id),
        );
    }
    if let Some(closed) = c.closed {
        if closed < c.opened {
            ck.push(
                Problem::new(
                    ErrorKind::InvalidTime,
                    format!(
                        "case closed on `{closed}` before it opened on `{}`",
                        c.opened
                    ),
                )
                .at(format!("{here}.closed"))
                .record(&c.id)
                .on(closed),
            );
        }
    }
    if c.closed.is_some() != c.outcome.is_some() {
        ck.push(
            Problem::new(
                ErrorKind::Shape,
                "a proxy case has an `outcome` exactly when it is `closed`",
            )
            .at(format!("{here}.outcome"))
            .record(&c.id),
        );
    }
}

/// A ledger entry at `here` (2.1.2): its references, its kind, and its dates, none after the
/// dossier's `period`.
fn check_ledger_entry<'a>(
    e: &'a LedgerEntry,
    here: &At,
    period: &DateRange,
    ck: &mut Checker<'_, 'a>,
) {
    ck.id(&e.id, here);
    ck.grid(&e.grid, here);
    if let Some(by) = &e.updated_by {
        ck.person(by, here, "updated_by");
    }
    if (e.kind == LedgerKind::Other) != e.other_kind.is_some() {
        ck.push(
            Problem::new(
                ErrorKind::Shape,
                "`other_kind` is required for ledger kind `other`, and only there",
            )
            .at(format!("{here}.other_kind"))
            .record(&e.id),
        );
    }
    if e.last_updated < e.opened {
        ck.push(
            Problem::new(
                ErrorKind::InvalidTime,
                format!(
                    "ledger entry updated on `{}` before it was opened on `{}`",
                    e.last_updated, e.opened
                ),
            )
            .at(format!("{here}.last_updated"))
            .record(&e.id)
            .on(e.last_updated),
        );
    }
    if let Some(closed) = e.closed {
        if closed < e.opened {
            ck.push(
                Problem::new(
                    ErrorKind::InvalidTime,
                    format!(
                        "ledger entry closed on `{closed}` before it opened on `{}`",
                        e.opened
                    ),
                )
                .at(format!("{here}.closed"))
                .record(&e.id)
                .on(closed),
            );
        }
    }
    if e.last_updated > period.to {
        ck.push(
            Problem::new(
                ErrorKind::InvalidTime,
                format!(
                    "ledger entry updated on `{}`, after the dossier's period ends on `{}`",
                    e.last_updated, period.to
                ),
            )
            .at(format!("{here}.last_updated"))
            .record(&e.id)
            .on(e.last_updated),
        );
    }
}

/// Why step `step` may not follow `previous` (2.2.2).
fn out_of_order(previous: Option<StepKind>, step: StepKind) -> String {
    match (previous, step) {
        (Some(prev), StepKind::Resolved) | (Some(prev), StepKind::Coordinated)
            if prev != StepKind::Escalated && prev != StepKind::Coordinated =>
        {
            format!(
                "step `{}` follows `{}`: it needs an escalation first (2.2.2)",
                snake(step),
                snake(prev)
            )
        }
        (None, StepKind::Resolved | StepKind::Coordinated) => {
            format!("step `{}` without an escalation first (2.2.2)", snake(step))
        }
        (None, _) => format!("step `{}` cannot be the first step (2.2.2)", snake(step)),
        (Some(prev), _) => format!(
            "step `{}` cannot follow `{}` (2.2.2)",
            snake(step),
            snake(prev)
        ),
    }
}
