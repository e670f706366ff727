//! Disclosure (信息保密, 2.2.5): collected information is given outside only with the approval
//! of both the community Party organisation and the relevant functional department.
//!
//! [`disclose`] decides a [`DisclosureRequest`] on its date. It is granted only when the request
//! carries an approval of the Party organisation of the community whose data is asked, and, for
//! every rule of relevance (`confidentiality.relevant_departments` of the policy) that the data
//! matches, an approval of one of the rule's departments — each dated on or before the
//! request's date and not expired. Otherwise it is refused, and the reasons name what is
//! missing: an approval, an expired approval, an approval from the wrong body. Every decision,
//! grant or refusal, yields an [`AuditEntry`] citing 2.2.5; a grant also yields the redacted copy:
//! the community's data, only the fields asked, only the records asked.
//!
//! Every disclosure needs both approvals, whatever the class of the fields asked: the public
//! fields are given to the public by the public notice (2.2.4), not by disclosure.

use super::classes::{Class, dossier_class, is_under};
use super::policy::{ConfidentialityPolicy, RelevantDepartment};
use super::scope::Visible;
use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};
use crate::evidence::LedgerKind;
use crate::evidence::policy::snake;
use crate::time::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

/// A request to give data outside (2.2.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DisclosureRequest {
    /// Stable ID of the request.
    pub id: String,
    /// Who asks (a body outside the community).
    pub requester: String,
    /// What for.
    pub purpose: String,
    /// The day the request is decided: approvals must be valid on it.
    pub date: Date,
    /// The community whose data is asked.
    pub community: String,
    /// The fields asked, as dossier paths (`records.ledger_entries[].subject`); a path naming a
    /// list or object (`records.ledger_entries[]`) asks for everything under it.
    pub fields: Vec<String>,
    /// The records asked, by ID; every record of the lists named when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<String>,
    /// The approvals obtained (批准同意).
    #[serde(default)]
    pub approvals: Vec<Approval>,
}

/// One approval of a disclosure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Stable ID, unique in the request.
    pub id: String,
    /// Who approved.
    pub body: ApprovalBody,
    /// The day it was given.
    pub approved_on: Date,
    /// The last day it is valid; when absent, `approved_on` plus the policy's
    /// `confidentiality.approval_valid_days`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// The approval's document number or reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// The body that gave an approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ApprovalBody {
    /// A community Party organisation (社区党组织).
    PartyOrganisation {
        /// The community.
        community: String,
    },
    /// A functional department (职能部门) of the policy.
    FunctionalDepartment {
        /// The department's ID in the policy.
        department: String,
    },
    /// Any other body (a subdistrict office, a company…): not a body 2.2.5 names.
    Other {
        /// Its name.
        name: String,
    },
}

/// Granted or refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Both approvals are there: the copy is given.
    Granted,
    /// Something is missing: nothing is given.
    Refused,
}

/// Why (part of) a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// No valid approval of the community's Party organisation.
    MissingPartyApproval,
    /// No valid approval of a relevant functional department.
    MissingDepartmentApproval,
    /// The policy names no department relevant to some data asked.
    NoRelevantDepartment,
    /// An approval expired before the request's date.
    ExpiredApproval,
    /// An approval dated after the request's date.
    ApprovalNotYetGiven,
    /// An approval from a body that cannot approve this data (another community's Party
    /// organisation, a department not relevant, an unknown department, another body).
    WrongBody,
}

/// One reason of a decision, citing 2.2.5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Reason {
    /// What kind of reason.
    pub kind: ReasonKind,
    /// The clause: `2.2.5`.
    pub clause: String,
    /// Lowercase description, values in backticks.
    pub message: String,
    /// The approval concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<String>,
    /// The date concerned (an expiry, an approval's date), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// A field asked, with its class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AskedField {
    /// The dossier path.
    pub path: String,
    /// Its class (the highest under it, for a list or object).
    pub class: Class,
}

/// One department requirement of a request and whether it was met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DepartmentRequirement {
    /// The data it is for: a record list or `organisation`, with the ledger kind for ledgers
    /// (`ledger_entries/drug_users`).
    pub data: Vec<String>,
    /// Departments any one of which may approve.
    pub departments: Vec<String>,
    /// The approval that met it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met_by: Option<String>,
}

/// The audit entry of a decision (2.2.5): every decision, grant or refusal, has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AuditEntry {
    /// The clause: `2.2.5`.
    pub clause: String,
    /// The request.
    pub request: String,
    /// The day decided.
    pub date: Date,
    /// Who asked.
    pub requester: String,
    /// What for.
    pub purpose: String,
    /// Whose data.
    pub community: String,
    /// The fields asked, with their classes.
    pub fields: Vec<AskedField>,
    /// The records asked by ID (empty: every record of the lists named).
    pub records_asked: Vec<String>,
    /// Records in the copy given (0 when refused).
    pub records_disclosed: u64,
    /// Granted or refused.
    pub decision: Decision,
    /// The Party organisation's approval relied on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_approval: Option<String>,
    /// The departments required and the approvals that met them.
    pub department_requirements: Vec<DepartmentRequirement>,
    /// Every reason: what is missing, and every approval that could not count.
    pub reasons: Vec<Reason>,
}

/// A decision: its audit entry and, when granted, the redacted copy of the dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Disclosure {
    /// The audit entry.
    pub audit: AuditEntry,
    /// The copy given: only the community's data, only the fields and records granted. Absent
    /// when refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<Value>,
}

fn reason(kind: ReasonKind, message: String) -> Reason {
    Reason {
        kind,
        clause: "2.2.5".into(),
        message,
        approval: None,
        date: None,
    }
}

/// Checks a request against the dossier: IDs, paths and records; every problem at once.
fn check(request: &DisclosureRequest, dossier: &Dossier) -> Result<(), Error> {
    let mut problems = Vec::new();
    for (field, value) in [
        ("id", &request.id),
        ("requester", &request.requester),
        ("purpose", &request.purpose),
    ] {
        if value.trim().is_empty() {
            problems.push(
                Problem::new(
                    ErrorKind::Shape,
                    format!("the request's `{field}` is empty"),
                )
                .at(field),
            );
        }
    }
    if !dossier
        .organisation
        .communities
        .iter()
        .any(|c| c.id == request.community)
    {
        problems.push(
            Problem::new(
                ErrorKind::UnknownReference,
                format!("no community has the ID `{}`", request.community),
            )
            .at("community")
            .record(&request.community),
        );
    }
    if request.fields.is_empty() {
        problems.push(Problem::new(ErrorKind::Shape, "the request asks for no field").at("fields"));
    }
    for (i, f) in request.fields.iter().enumerate() {
        if dossier_class(f).is_none() {
            problems.push(
                Problem::new(
                    ErrorKind::UnknownReference,
                    format!("`{f}` is not a field of a dossier"),
                )
                .at(format!("fields[{i}]")),
            );
        }
    }
    let ids = record_ids(dossier);
    for (i, id) in request.records.iter().enumerate() {
        if !ids.contains(id.as_str()) {
            problems.push(
                Problem::new(
                    ErrorKind::UnknownReference,
                    format!("no record has the ID `{id}`"),
                )
                .at(format!("records[{i}]"))
                .record(id),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for (i, a) in request.approvals.iter().enumerate() {
        if !seen.insert(a.id.as_str()) {
            problems.push(
                Problem::new(
                    ErrorKind::DuplicateId,
                    format!("approval ID `{}` is used twice", a.id),
                )
                .at(format!("approvals[{i}].id"))
                .record(&a.id),
            );
        }
        if let Some(until) = a.valid_until {
            if until < a.approved_on {
                problems.push(
                    Problem::new(
                        ErrorKind::InvalidTime,
                        format!(
                            "approval `{}` is valid until `{until}`, before it was given on `{}`",
                            a.id, a.approved_on
                        ),
                    )
                    .at(format!("approvals[{i}].valid_until"))
                    .record(&a.id)
                    .on(until),
                );
            }
        }
    }
    Error::check(problems)
}

fn record_ids(dossier: &Dossier) -> BTreeSet<&str> {
    let r = &dossier.records;
    let mut ids = BTreeSet::new();
    ids.extend(r.work_records.iter().map(|x| x.id.as_str()));
    ids.extend(r.problems.iter().map(|x| x.id.as_str()));
    ids.extend(r.proxy_cases.iter().map(|x| x.id.as_str()));
    ids.extend(r.ledger_entries.iter().map(|x| x.id.as_str()));
    ids.extend(r.meetings.iter().map(|x| x.id.as_str()));
    ids.extend(r.security_patrols.iter().map(|x| x.id.as_str()));
    ids.extend(r.red_grid_services.iter().map(|x| x.id.as_str()));
    ids.extend(r.group_studies.iter().map(|x| x.id.as_str()));
    ids.extend(r.self_studies.iter().map(|x| x.id.as_str()));
    ids.extend(r.notebook_reviews.iter().map(|x| x.id.as_str()));
    ids.extend(r.duty_shifts.iter().map(|x| x.id.as_str()));
    ids.extend(r.handovers.iter().map(|x| x.id.as_str()));
    ids.extend(r.leave.iter().map(|x| x.id.as_str()));
    ids.extend(r.clock_events.iter().map(|x| x.id.as_str()));
    ids.extend(r.spot_checks.iter().map(|x| x.id.as_str()));
    ids.extend(r.conduct_incidents.iter().map(|x| x.id.as_str()));
    ids
}

/// The part of the dossier a path lies in: a record list, or its first segment.
fn part_of(path: &str) -> String {
    let mut segments = path.split('.');
    let first = segments.next().unwrap_or_default();
    let name = if first == "records" {
        segments.next().unwrap_or(first)
    } else {
        first
    };
    name.trim_end_matches("[]").to_owned()
}

/// The last day an approval is valid.
fn valid_until(a: &Approval, policy: &ConfidentialityPolicy) -> Date {
    a.valid_until.unwrap_or_else(|| {
        a.approved_on
            .add_days(policy.approval_valid_days.value)
            .unwrap_or(a.approved_on)
    })
}

/// Decides a disclosure request on its date (2.2.5): the audit entry, and the copy when granted.
///
/// Errors (not refusals): a request naming an unknown community, field or record, duplicate
/// approval IDs, an approval valid until a day before it was given.
///
/// ```
/// use wangge::confidentiality::{disclose, Decision, DisclosureRequest};
///
/// let dossier = wangge::sample::confidentiality_2023();
/// let request: DisclosureRequest = serde_json::from_str(r#"{
///   "id": "req-1", "requester": "新城公安派出所", "purpose": "禁毒回访",
///   "date": "2023-05-20", "community": "c1",
///   "fields": ["records.ledger_entries[].subject"], "records": ["le-1"],
///   "approvals": [
///     {"id": "a1", "body": {"kind": "party_organisation", "community": "c1"}, "approved_on": "2023-05-18"}
///   ]}"#).unwrap();
/// let d = disclose(&wangge::Policy::xincheng_2022(), &dossier, &request).unwrap();
/// assert_eq!(d.audit.decision, Decision::Refused);
/// assert_eq!(d.audit.clause, "2.2.5");
/// assert!(d.copy.is_none());
/// ```
pub fn disclose(
    policy: &crate::Policy,
    dossier: &Dossier,
    request: &DisclosureRequest,
) -> Result<Disclosure, Error> {
    check(request, dossier)?;
    let conf = &policy.document().confidentiality;
    let date = request.date;
    let community_data = Visible::community(dossier, &request.community).filter(dossier);
    let asked_ids: BTreeSet<&str> = request.records.iter().map(String::as_str).collect();
    let mut reasons = Vec::new();

    // Validity of each approval on the request's date.
    let mut valid = Vec::new();
    for a in &request.approvals {
        let until = valid_until(a, conf);
        if a.approved_on > date {
            reasons.push(Reason {
                approval: Some(a.id.clone()),
                date: Some(a.approved_on),
                ..reason(
                    ReasonKind::ApprovalNotYetGiven,
                    format!(
                        "approval `{}` is dated `{}`, after the request's date `{date}`",
                        a.id, a.approved_on
                    ),
                )
            });
        } else if until < date {
            reasons.push(Reason {
                approval: Some(a.id.clone()),
                date: Some(until),
                ..reason(
                    ReasonKind::ExpiredApproval,
                    format!(
                        "approval `{}` given on `{}` expired after `{until}`, before the request's date `{date}`",
                        a.id, a.approved_on
                    ),
                )
            });
        } else {
            valid.push(a);
        }
    }

    // The community Party organisation.
    let mut party_approval = None;
    for a in &valid {
        match &a.body {
            ApprovalBody::PartyOrganisation { community } if *community == request.community => {
                party_approval.get_or_insert_with(|| a.id.clone());
            }
            ApprovalBody::PartyOrganisation { community } => reasons.push(Reason {
                approval: Some(a.id.clone()),
                ..reason(
                    ReasonKind::WrongBody,
                    format!(
                        "approval `{}` is from the Party organisation of community `{community}`, not of `{}` whose data is asked",
                        a.id, request.community
                    ),
                )
            }),
            ApprovalBody::Other { name } => reasons.push(Reason {
                approval: Some(a.id.clone()),
                ..reason(
                    ReasonKind::WrongBody,
                    format!(
                        "approval `{}` is from `{name}`, neither a community Party organisation nor a functional department",
                        a.id
                    ),
                )
            }),
            ApprovalBody::FunctionalDepartment { .. } => {}
        }
    }
    if party_approval.is_none() {
        reasons.push(reason(
            ReasonKind::MissingPartyApproval,
            format!(
                "no valid approval of the Party organisation of community `{}` on `{date}`",
                request.community
            ),
        ));
    }

    // The relevant departments: one requirement per matching rule.
    let mut data: Vec<(String, Option<LedgerKind>)> = Vec::new();
    let parts: BTreeSet<String> = request.fields.iter().map(|f| part_of(f)).collect();
    for part in &parts {
        if part == "ledger_entries" {
            let kinds: BTreeSet<LedgerKind> = community_data
                .records
                .ledger_entries
                .iter()
                .filter(|e| asked_ids.is_empty() || asked_ids.contains(e.id.as_str()))
                .map(|e| e.kind)
                .collect();
            data.extend(kinds.into_iter().map(|k| (part.clone(), Some(k))));
        } else {
            data.push((part.clone(), None));
        }
    }
    let rules = &conf.relevant_departments.value;
    let matches = |r: &RelevantDepartment, part: &str, kind: Option<LedgerKind>| {
        r.records.as_deref() == Some(part)
            && (r.ledger_kinds.is_empty() || kind.is_some_and(|k| r.ledger_kinds.contains(&k)))
    };
    let mut needed: Vec<(usize, Vec<String>)> = Vec::new();
    let mut need = |i: usize, label: String| match needed.iter_mut().find(|(j, _)| *j == i) {
        Some((_, labels)) => labels.push(label),
        None => needed.push((i, vec![label])),
    };
    let fallback: Vec<usize> = (0..rules.len())
        .filter(|i| rules.get(*i).is_some_and(|r| r.records.is_none()))
        .collect();
    for (part, kind) in &data {
        let label = match kind {
            Some(k) => format!("{part}/{}", snake(k)),
            None => part.clone(),
        };
        let specific: Vec<usize> = (0..rules.len())
            .filter(|i| rules.get(*i).is_some_and(|r| matches(r, part, *kind)))
            .collect();
        let chosen = if specific.is_empty() {
            &fallback
        } else {
            &specific
        };
        if chosen.is_empty() {
            reasons.push(reason(
                ReasonKind::NoRelevantDepartment,
                format!("the policy names no functional department relevant to `{label}`"),
            ));
        }
        for i in chosen {
            need(*i, label.clone());
        }
    }
    if data.is_empty() {
        for i in &fallback {
            need(*i, "organisation".into());
        }
    }
    let mut requirements = Vec::new();
    let mut used = BTreeSet::new();
    for (i, labels) in &needed {
        let Some(rule) = rules.get(*i) else { continue };
        let met_by = valid.iter().find_map(|a| match &a.body {
            ApprovalBody::FunctionalDepartment { department }
                if rule.departments.contains(department) =>
            {
                Some(a.id.clone())
            }
            _ => None,
        });
        match &met_by {
            Some(id) => {
                used.insert(id.clone());
            }
            None => reasons.push(reason(
                ReasonKind::MissingDepartmentApproval,
                format!(
                    "no valid approval of {} for `{}` on `{date}`",
                    rule.departments
                        .iter()
                        .map(|d| match conf.department(d) {
                            Some(dep) => format!("`{}` ({})", d, dep.name_zh),
                            None => format!("`{d}`"),
                        })
                        .collect::<Vec<_>>()
                        .join(" or "),
                    labels.join("`, `")
                ),
            )),
        }
        requirements.push(DepartmentRequirement {
            data: labels.clone(),
            departments: rule.departments.clone(),
            met_by,
        });
    }
    for a in &valid {
        if let ApprovalBody::FunctionalDepartment { department } = &a.body {
            if used.contains(&a.id) {
                continue;
            }
            let message = if conf.department(department).is_none() {
                format!(
                    "approval `{}` is from `{department}`, which is not a functional department of the policy",
                    a.id
                )
            } else if requirements
                .iter()
                .any(|r| r.departments.contains(department))
            {
                continue; // relevant, but another approval of the same rule was relied on
            } else {
                format!(
                    "approval `{}` is from department `{department}`, which is not relevant to the data asked",
                    a.id
                )
            };
            reasons.push(Reason {
                approval: Some(a.id.clone()),
                ..reason(ReasonKind::WrongBody, message)
            });
        }
    }

    let granted = party_approval.is_some()
        && requirements.iter().all(|r| r.met_by.is_some())
        && !reasons
            .iter()
            .any(|r| r.kind == ReasonKind::NoRelevantDepartment);
    let copy = if granted {
        let value = serde_json::to_value(&community_data).map_err(|e| {
            Problem::new(
                ErrorKind::Shape,
                format!("the dossier cannot be copied: {e}"),
            )
        })?;
        Some(redact(&value, &request.fields, &request.records))
    } else {
        None
    };
    let records_disclosed = copy.as_ref().map_or(0, count_records);
    Ok(Disclosure {
        audit: AuditEntry {
            clause: "2.2.5".into(),
            request: request.id.clone(),
            date,
            requester: request.requester.clone(),
            purpose: request.purpose.clone(),
            community: request.community.clone(),
            fields: request
                .fields
                .iter()
                .map(|f| AskedField {
                    path: f.clone(),
                    class: dossier_class(f).unwrap_or(Class::Confidential),
                })
                .collect(),
            records_asked: request.records.clone(),
            records_disclosed,
            decision: if granted {
                Decision::Granted
            } else {
                Decision::Refused
            },
            party_approval,
            department_requirements: requirements,
            reasons,
        },
        copy,
    })
}

fn count_records(copy: &Value) -> u64 {
    copy.get("records")
        .and_then(Value::as_object)
        .map_or(0, |lists| {
            lists
                .values()
                .filter_map(Value::as_array)
                .map(|l| l.len() as u64)
                .sum()
        })
}

/// A copy of a document (a dossier or a report, as JSON) holding only `fields` (paths as in
/// [`DisclosureRequest::fields`]) and, in the lists under `records`, only the records whose `id`
/// is in `records` (all when empty). Objects and lists on the way to a field are kept, empty if
/// nothing under them is granted.
pub fn redact(document: &Value, fields: &[String], records: &[String]) -> Value {
    let ids: BTreeSet<&str> = records.iter().map(String::as_str).collect();
    prune(document, "", fields, &ids).unwrap_or(Value::Object(serde_json::Map::new()))
}

fn prune(value: &Value, path: &str, fields: &[String], ids: &BTreeSet<&str>) -> Option<Value> {
    let asked = |p: &str| {
        fields
            .iter()
            .any(|f| f == p || f.strip_suffix("[]") == Some(p))
    };
    let on_the_way = |p: &str| p.is_empty() || fields.iter().any(|f| is_under(f, p));
    let is_record_list = |p: &str| {
        p.strip_prefix("records.")
            .is_some_and(|rest| !rest.contains('.'))
    };
    match value {
        Value::Array(items) => {
            let kept: Vec<Value> = items
                .iter()
                .filter(|item| {
                    ids.is_empty()
                        || !is_record_list(path)
                        || item
                            .get("id")
                            .and_then(Value::as_str)
                            .is_some_and(|id| ids.contains(id))
                })
                .filter_map(|item| {
                    if asked(path) {
                        Some(item.clone())
                    } else {
                        prune(item, &format!("{path}[]"), fields, ids)
                    }
                })
                .collect();
            (asked(path) || on_the_way(path)).then_some(Value::Array(kept))
        }
        _ if asked(path) => Some(value.clone()),
        Value::Object(map) => {
            if !on_the_way(path) {
                return None;
            }
            let kept: serde_json::Map<String, Value> = map
                .iter()
                .filter_map(|(k, v)| {
                    let child = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    prune(v, &child, fields, ids).map(|v| (k.clone(), v))
                })
                .collect();
            Some(Value::Object(kept))
        }
        _ => None,
    }
}
