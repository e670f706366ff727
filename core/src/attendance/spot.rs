//! Spot checks (抽查, 3.4): each adverse finding on a working day yields two notices of
//! criticism (通报批评) — one for the worker, one for the community's responsible person. An
//! observation the clock records contradict is reported, and the notice says so.

use super::daily::ClockDay;
use super::policy::ResponsiblePerson;
use super::records::{ObservedFinding, SpotCheck};
use super::{Anomaly, AnomalyKind, Notice, NoticeRecipient};
use crate::organisation::Community;
use crate::scope::Scope;

/// What the evaluation knows when it reads a spot check.
pub(crate) struct SpotContext<'a> {
    pub scope: &'a Scope<'a>,
    pub responsible: ResponsiblePerson,
    /// The policy's `contradicted_notice_counts` (3.4).
    pub contradicted_counts: bool,
    pub clock: &'a super::ClockDays<'a>,
}

/// The community's responsible person (社区负责人) under the policy's choice (3.4).
pub(crate) fn responsible_of(c: &Community, choice: ResponsiblePerson) -> &str {
    match choice {
        ResponsiblePerson::NamedElsePartySecretary => c
            .responsible_person
            .as_deref()
            .unwrap_or(&c.party_secretary),
        ResponsiblePerson::PartySecretary => &c.party_secretary,
    }
}

/// The notices and anomalies of one spot check.
pub(crate) fn read_check(
    ctx: &SpotContext<'_>,
    check: &SpotCheck,
    notices: &mut Vec<Notice>,
    anomalies: &mut Vec<Anomaly>,
) {
    let anomaly = |kind: AnomalyKind, person: Option<&str>, message: String| Anomaly {
        kind,
        clause: "3.4".to_owned(),
        message,
        record: check.id.clone(),
        date: Some(check.date),
        person: person.map(str::to_owned),
    };
    if !ctx.scope.is_working(check.date) {
        anomalies.push(anomaly(
            AnomalyKind::SpotCheckOnRestDay,
            None,
            format!(
                "spot check `{}` is dated `{}`, a rest day with no working hours: no notice is issued",
                check.id, check.date
            ),
        ));
        return;
    }
    let Some(community) = ctx.scope.index().community(&check.community) else {
        return; // refused by dossier validation
    };
    let head = responsible_of(community, ctx.responsible);
    for o in &check.observations {
        let p = o.person.as_str();
        let name = |id: &str| {
            ctx.scope
                .index()
                .person(id)
                .map(|x| x.name.clone())
                .unwrap_or_default()
        };
        if !ctx.scope.is_assigned(p, check.date) {
            anomalies.push(anomaly(
                AnomalyKind::NotAssigned,
                Some(p),
                format!(
                    "spot check `{}` observes `{p}`, who is not assigned to a grid on `{}`: not used",
                    check.id, check.date
                ),
            ));
            continue;
        }
        if let Some(leave) = ctx.scope.leave_on(p, check.date) {
            anomalies.push(anomaly(
                AnomalyKind::ObservationOnLeaveDay,
                Some(p),
                format!(
                    "spot check `{}` finds `{p}` {} on `{}`, a day of approved leave `{}` ({}): not an absence without reason, no notice",
                    check.id,
                    o.finding.label_zh(),
                    check.date,
                    leave.id,
                    leave.kind.label_zh()
                ),
            ));
            continue;
        }
        let clock = ctx.clock.get(p).and_then(|days| days.get(&check.date));
        let contradicted_by = contradiction(clock, o.finding, check);
        if let Some(ids) = &contradicted_by {
            let shown = if ids.is_empty() {
                "no clock event".to_owned()
            } else {
                ids.join(", ")
            };
            anomalies.push(anomaly(
                AnomalyKind::ObservationContradictsClock,
                Some(p),
                format!(
                    "spot check `{}` at `{}` finds `{p}` {}, but the clock records say otherwise ({shown}); both are kept",
                    check.id,
                    check.time,
                    o.finding.label_zh()
                ),
            ));
        }
        if !o.finding.is_adverse() {
            continue;
        }
        let mut evidence = vec![check.id.clone()];
        if let Some(c) = clock {
            evidence.extend(c.events.iter().cloned());
        }
        let note = o
            .note
            .as_deref()
            .map(|n| format!("（{n}）"))
            .unwrap_or_default();
        let fact = format!(
            "{} {} 街道党工委抽查（{}，检查人：{}）发现网格员{}（{p}）{}{note}",
            check.date,
            check.time,
            check.id,
            check.checker,
            name(p),
            o.finding.label_zh()
        );
        let contradicted = contradicted_by.is_some();
        let pending = if !contradicted {
            ""
        } else if ctx.contradicted_counts {
            "（与打卡记录不符，待核实；按本地规定在核实前计入）"
        } else {
            "（与打卡记录不符，待核实；按本地规定在核实前不计入）"
        };
        for (recipient, role) in [
            (p, NoticeRecipient::Worker),
            (head, NoticeRecipient::ResponsiblePerson),
        ] {
            let text_zh = match role {
                NoticeRecipient::Worker => format!(
                    "{fact}。依据《新城街道网格员工作管理办法》第3.4条，对当事人{}（{p}）通报批评。{pending}",
                    name(p)
                ),
                NoticeRecipient::ResponsiblePerson => format!(
                    "{fact}。依据《新城街道网格员工作管理办法》第3.4条，对社区负责人{}（{recipient}）通报批评。{pending}",
                    name(recipient)
                ),
            };
            notices.push(Notice {
                id: format!("{}-{p}-{}", check.id, role.suffix()),
                clause: "3.4".to_owned(),
                date: check.date,
                time: check.time,
                community: check.community.clone(),
                recipient: recipient.to_owned(),
                recipient_role: role,
                concerning: p.to_owned(),
                fact: o.finding,
                text_zh,
                evidence: evidence.clone(),
                contradicted_by: contradicted_by.clone().unwrap_or_default(),
                counted: !contradicted || ctx.contradicted_counts,
            });
        }
    }
}

/// `Some(event IDs)` when the clock records contradict the observation.
fn contradiction(
    clock: Option<&ClockDay>,
    finding: ObservedFinding,
    check: &SpotCheck,
) -> Option<Vec<String>> {
    let t = check.time;
    let ids = || clock.map(|c| c.events.clone()).unwrap_or_default();
    let present = clock.is_some_and(|c| c.present_at(t));
    let contradicted = match finding {
        ObservedFinding::Present => !present,
        ObservedFinding::Absent | ObservedFinding::LeftEarly => present,
        ObservedFinding::Late => {
            present
                || clock
                    .and_then(|c| c.session_at(t))
                    .is_some_and(|s| s.attended && s.late == 0)
        }
        ObservedFinding::OtherIrregularity => false,
    };
    contradicted.then(ids)
}
