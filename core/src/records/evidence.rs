//! Dossier checks of the evidence records: references, IDs, the order and times of each
//! problem's lifecycle (2.2.2) and reports (2.1.4), ledger (2.1.2) and proxy-case (2.1.8) dates.

use super::ledger::LedgerKind;
use super::problem::{ProblemCategory, StepKind, minutes_between};
use super::proxy::ProxyService;
use crate::dossier::Dossier;
use crate::error::{ErrorKind, Problem};
use crate::records::check::Checker;

/// Every problem with the evidence records of `d`.
pub(crate) fn validate_records(d: &Dossier, ck: &mut Checker<'_, '_>) {
    let r = &d.records;
    for (i, p) in r.problems.iter().enumerate() {
        let here = format!("records.problems[{i}]");
        ck.id(&p.id, format!("{here}.id"));
        ck.person(&p.person, &here, "person");
        ck.grid(&p.grid, &here);
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
        let (mut last_date, mut last_time) = (p.date, p.found_at);
        let mut previous: Option<StepKind> = None;
        for (j, s) in p.steps.iter().enumerate() {
            let at = format!("{here}.steps[{j}]");
            ck.person(&s.actor, &at, "actor");
            if let Some(to) = &s.to {
                ck.person(to, &at, "to");
            }
            if !s.step.may_follow(previous) {
                let message = match (previous, s.step) {
                    (Some(prev), StepKind::Resolved) | (Some(prev), StepKind::Coordinated)
                        if prev != StepKind::Escalated && prev != StepKind::Coordinated =>
                    {
                        format!(
                            "step `{}` follows `{}`: it needs an escalation first (2.2.2)",
                            crate::policy::evidence::snake(s.step),
                            crate::policy::evidence::snake(prev)
                        )
                    }
                    (None, StepKind::Resolved | StepKind::Coordinated) => format!(
                        "step `{}` without an escalation first (2.2.2)",
                        crate::policy::evidence::snake(s.step)
                    ),
                    (None, _) => format!(
                        "step `{}` cannot be the first step (2.2.2)",
                        crate::policy::evidence::snake(s.step)
                    ),
                    (Some(prev), _) => format!(
                        "step `{}` cannot follow `{}` (2.2.2)",
                        crate::policy::evidence::snake(s.step),
                        crate::policy::evidence::snake(prev)
                    ),
                };
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
                            crate::policy::evidence::snake(s.step),
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
    for (i, c) in r.proxy_cases.iter().enumerate() {
        let here = format!("records.proxy_cases[{i}]");
        ck.id(&c.id, format!("{here}.id"));
        ck.person(&c.person, &here, "person");
        ck.grid(&c.grid, &here);
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
    for (i, e) in r.ledger_entries.iter().enumerate() {
        let here = format!("records.ledger_entries[{i}]");
        ck.id(&e.id, format!("{here}.id"));
        ck.grid(&e.grid, &here);
        if let Some(by) = &e.updated_by {
            ck.person(by, &here, "updated_by");
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
        if e.last_updated > d.period.to {
            ck.push(
                Problem::new(
                    ErrorKind::InvalidTime,
                    format!(
                        "ledger entry updated on `{}`, after the dossier's period ends on `{}`",
                        e.last_updated, d.period.to
                    ),
                )
                .at(format!("{here}.last_updated"))
                .record(&e.id)
                .on(e.last_updated),
            );
        }
    }
}
