//! Disclosure (信息保密, 2.2.5): collected information is given outside only with the approval
//! of both the community Party organisation and the relevant functional department.
//!
//! [`disclose`] decides a [`DisclosureRequest`] on its date — the host's date: the library has no
//! clock, so the host must pass the true day the request is decided, and the audit entry records
//! the date it was given. The decision is taken **leaf by leaf**: every path asked (a field, a
//! list, `records`, `organisation`, or `""` for the whole dossier) is expanded to the fields it
//! contains, and every one of them must be covered by
//!
//! - a valid approval of the Party organisation of the community whose data is asked, and
//! - for every rule of relevance (`confidentiality.relevant_departments` of the policy) that the
//!   data given matches — for a ledger, the kind of each entry given — a valid approval of one of
//!   the rule's departments.
//!
//! An approval is **bound**: it names the request it is for, the fields it approves and the
//! purpose, and counts for nothing else; it must be dated on or before the request's date and not
//! expired; the requesting body cannot approve its own request. Otherwise the request is refused,
//! and the reasons name what is missing in terms the requester already has — the paths asked and
//! the bodies whose approval is needed — never the class or kind of a record. A record asked that
//! is not among the community's records (unknown, or another community's) is refused the same
//! way, never failed, so record IDs cannot be probed without an audit entry.
//!
//! Every decision, grant or refusal, yields an [`AuditEntry`] citing 2.2.5; a grant also yields the
//! redacted copy: the community's data, only the fields asked, and in every record list only the
//! records asked.
//!
//! Every disclosure needs both approvals, whatever the class of the fields asked: the public
//! fields are given to the public by the public notice (2.2.4), not by disclosure.

use super::classes::{Class, FieldClass, dossier_class, dossier_fields, is_under};
use super::scope::Visible;
use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};
use crate::policy::confidentiality::{ConfidentialityPolicy, RelevantDepartment};
use crate::records::ledger::LedgerKind;
use crate::time::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// A request to give data outside (2.2.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DisclosureRequest {
    /// Stable ID of the request; every approval names it.
    pub id: String,
    /// Who asks: a body outside the community. It cannot approve its own request.
    pub requester: ApprovalBody,
    /// What for; every approval names it.
    pub purpose: String,
    /// The day the request is decided, given by the host (the library has no clock): approvals
    /// must be valid on it, and the audit entry records it.
    pub date: Date,
    /// The community whose data is asked.
    pub community: String,
    /// The fields asked, as dossier paths (`records.ledger_entries[].subject`); a path naming a
    /// list or object (`records.ledger_entries[]`, `records`, `organisation`, or `""` for the
    /// whole dossier) asks for every field under it, and each of them needs its approvals.
    pub fields: Vec<String>,
    /// The records asked, by ID; every record of the lists named when empty. Only these
    /// records are given, in every record list, whatever the depth of the path asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<String>,
    /// The approvals obtained (批准同意).
    #[serde(default)]
    pub approvals: Vec<Approval>,
}

/// One approval of a disclosure, bound to one request, its fields and its purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Stable ID, unique in the request.
    pub id: String,
    /// Who approved.
    pub body: ApprovalBody,
    /// The request approved (its `id`): the approval counts for no other request.
    pub request: String,
    /// The fields approved, as dossier paths (a list or object approves every field under
    /// it): the approval counts for no other field.
    pub fields: Vec<String>,
    /// The purpose approved: the approval counts only for a request with this purpose.
    pub purpose: String,
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

/// A body that asks or approves.
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
    /// Both approvals are there for every field asked: the copy is given.
    Granted,
    /// Something is missing: nothing is given.
    Refused,
}

/// Why (part of) a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// Some field asked has no valid approval of the community's Party organisation.
    MissingPartyApproval,
    /// Some field asked has no valid approval of a relevant functional department.
    MissingDepartmentApproval,
    /// The policy names no department relevant to some field asked.
    NoRelevantDepartment,
    /// An approval expired before the request's date.
    ExpiredApproval,
    /// An approval dated after the request's date.
    ApprovalNotYetGiven,
    /// An approval from a body that cannot approve this data (another community's Party
    /// organisation, a department not relevant, an unknown department, another body).
    WrongBody,
    /// An approval that names another request.
    ApprovalForAnotherRequest,
    /// An approval that names another purpose.
    ApprovalForAnotherPurpose,
    /// An approval given by the body that asks.
    SelfApproval,
    /// A record asked is not among the records of the community that can be given (whether
    /// it does not exist or belongs elsewhere is not said).
    RecordNotAvailable,
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
    /// The paths asked concerned, as the request wrote them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// The record asked concerned, as the request wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
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
    /// The paths asked it is for, as the request wrote them.
    pub data: Vec<String>,
    /// Departments any one of which may approve.
    pub departments: Vec<String>,
    /// The approvals that met it (none when unmet).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub met_by: Vec<String>,
}

/// The audit entry of a decision (2.2.5): every decision, grant or refusal, has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AuditEntry {
    /// The clause: `2.2.5`.
    pub clause: String,
    /// The request.
    pub request: String,
    /// The day decided, as the host gave it (the library has no clock).
    pub date: Date,
    /// Who asked.
    pub requester: ApprovalBody,
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
    /// The Party organisation's approvals relied on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub party_approvals: Vec<String>,
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
        fields: Vec::new(),
        record: None,
    }
}

/// The fields of a dossier with no field under them, in schema order.
pub(crate) fn leaves() -> &'static [FieldClass] {
    static LEAVES: OnceLock<Vec<FieldClass>> = OnceLock::new();
    LEAVES.get_or_init(|| {
        let fields = dossier_fields();
        // Schema order lists a field before the fields under it: a field is a leaf when the
        // next one is not under it.
        let mut sorted: Vec<&FieldClass> = fields.iter().collect();
        sorted.sort_by(|a, b| a.path.cmp(&b.path));
        let mut out = Vec::new();
        for (i, f) in sorted.iter().enumerate() {
            let has_child = sorted
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|g| g.path.starts_with(f.path.as_str()))
                .any(|g| g.path != f.path && is_under(&g.path, &f.path));
            if !has_child {
                out.push((*f).clone());
            }
        }
        out
    })
}

/// The path a request's path stands for: `""` (the whole dossier) or a path without a
/// trailing `[]`.
fn norm(path: &str) -> &str {
    path.strip_suffix("[]").unwrap_or(path)
}

/// True when `path` lies under the asked path `asked` (`""`: the whole dossier).
fn covers(asked: &str, path: &str) -> bool {
    let asked = norm(asked);
    asked.is_empty() || is_under(path, asked)
}

/// True when `path` names a field of a dossier, a list or object of it, or the whole dossier.
fn is_dossier_path(path: &str) -> bool {
    path.is_empty() || dossier_class(path).is_some()
}

/// The leaves under an asked path.
fn expand(path: &str) -> impl Iterator<Item = &'static FieldClass> + '_ {
    leaves().iter().filter(move |l| covers(path, &l.path))
}

/// The part of the dossier a leaf lies in: a record list, `organisation` or `period`.
fn part_of(path: &str) -> &str {
    let mut segments = path.split('.');
    let first = segments.next().unwrap_or_default();
    let name = if first == "records" {
        segments.next().unwrap_or(first)
    } else {
        first
    };
    name.trim_end_matches("[]")
}

/// Checks a request's shape: IDs, paths, approvals' dates; every problem at once. Records are
/// not checked here: a record that cannot be given is a refusal, audited.
fn check(request: &DisclosureRequest, dossier: &Dossier) -> Result<(), Error> {
    let mut problems = Vec::new();
    check_asked(request, dossier, &mut problems);
    check_approvals(request, &mut problems);
    Error::check(problems)
}

/// What the request asks: its ID, requester and purpose, a community of the dossier, and fields
/// of a dossier.
fn check_asked(request: &DisclosureRequest, dossier: &Dossier, problems: &mut Vec<Problem>) {
    let requester = match &request.requester {
        ApprovalBody::PartyOrganisation { community } => community,
        ApprovalBody::FunctionalDepartment { department } => department,
        ApprovalBody::Other { name } => name,
    };
    for (field, value) in [
        ("id", &request.id),
        ("requester", requester),
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
        if !is_dossier_path(f) {
            problems.push(
                Problem::new(
                    ErrorKind::UnknownReference,
                    format!("`{f}` is not a field of a dossier"),
                )
                .at(format!("fields[{i}]")),
            );
        }
    }
}

/// The approvals: unique IDs, fields of a dossier, and dates in order.
fn check_approvals(request: &DisclosureRequest, problems: &mut Vec<Problem>) {
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
        if a.fields.is_empty() {
            problems.push(
                Problem::new(ErrorKind::Shape, "the approval approves no field")
                    .at(format!("approvals[{i}].fields"))
                    .record(&a.id),
            );
        }
        for (j, f) in a.fields.iter().enumerate() {
            if !is_dossier_path(f) {
                problems.push(
                    Problem::new(
                        ErrorKind::UnknownReference,
                        format!("`{f}` is not a field of a dossier"),
                    )
                    .at(format!("approvals[{i}].fields[{j}]"))
                    .record(&a.id),
                );
            }
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
}

/// Every record ID of a dossier.
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

/// The last day an approval is valid. A validity beyond any date (the linter flags it) counts
/// as the day given only: the safe side.
fn valid_until(a: &Approval, policy: &ConfidentialityPolicy) -> Date {
    a.valid_until.unwrap_or_else(|| {
        a.approved_on
            .add_days(policy.approval_valid_days.value)
            .unwrap_or(a.approved_on)
    })
}

/// True when a body is the one that asks: the same body, or a body named `Other` with the
/// name or ID of the department or community that approves.
fn same_body(asker: &ApprovalBody, approver: &ApprovalBody, conf: &ConfidentialityPolicy) -> bool {
    if asker == approver {
        return true;
    }
    let names = |b: &ApprovalBody| -> Vec<String> {
        match b {
            ApprovalBody::Other { name } => vec![name.trim().to_owned()],
            ApprovalBody::FunctionalDepartment { department } => {
                let mut v = vec![department.clone()];
                if let Some(d) = conf.department(department) {
                    v.push(d.name_zh.clone());
                }
                v
            }
            ApprovalBody::PartyOrganisation { .. } => Vec::new(),
        }
    };
    let a = names(asker);
    names(approver).iter().any(|n| a.contains(n))
}

/// The asked paths, as written, under which some of `leaves` lie.
fn asked_paths(request: &DisclosureRequest, leaves: &BTreeSet<&str>) -> Vec<String> {
    request
        .fields
        .iter()
        .filter(|f| leaves.iter().any(|l| covers(f, l)))
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Decides a disclosure request on its date (2.2.5): the audit entry, and the copy when granted.
///
/// Errors (not refusals): a request naming an unknown community or field, duplicate approval
/// IDs, an approval approving no field or valid until a day before it was given. A record that
/// cannot be given is a refusal.
///
/// ```
/// use wangge::confidentiality::{disclose, Decision, DisclosureRequest};
///
/// let dossier = wangge::sample::confidentiality_2023();
/// let request: DisclosureRequest = serde_json::from_str(r#"{
///   "id": "req-1", "requester": {"kind": "other", "name": "区禁毒办"}, "purpose": "禁毒回访",
///   "date": "2023-05-20", "community": "c1",
///   "fields": ["records.ledger_entries[].subject"], "records": ["le-1"],
///   "approvals": [
///     {"id": "a1", "body": {"kind": "party_organisation", "community": "c1"},
///      "request": "req-1", "fields": ["records.ledger_entries[].subject"], "purpose": "禁毒回访",
///      "approved_on": "2023-05-18"}
///   ]}"#).unwrap();
/// let d = disclose(&wangge::Policy::xincheng_2022(), &dossier, &request).unwrap();
/// assert_eq!(d.audit.decision, Decision::Refused);
/// assert_eq!(d.audit.clause, "2.2.5");
/// assert!(d.copy.is_none());
/// ```
pub fn disclose(
    policy: &crate::policy::Policy,
    dossier: &Dossier,
    request: &DisclosureRequest,
) -> Result<Disclosure, Error> {
    check(request, dossier)?;
    let conf = &policy.document().confidentiality;
    let date = request.date;
    let community_data = Visible::community(dossier, &request.community).filter(dossier);
    let asked_ids: BTreeSet<&str> = request.records.iter().map(String::as_str).collect();
    let mut reasons = Vec::new();

    // Records that cannot be given: unknown, or another community's — said the same way.
    unavailable_records(request, &community_data, &asked_ids, &mut reasons);

    // The leaves asked.
    let asked: BTreeSet<&str> = request
        .fields
        .iter()
        .flat_map(|f| expand(f))
        .map(|l| l.path.as_str())
        .collect();

    // Validity and binding of each approval; the leaves each valid one covers.
    let valid = valid_approvals(request, conf, &asked, &mut reasons);

    // The community Party organisation: every leaf asked.
    let party_approvals = party_approvals(request, &valid, &asked, &mut reasons);

    // The relevant departments: each rule matching a leaf, for ledgers per kind given.
    let needed = needed_rules(
        request,
        conf,
        &community_data,
        &asked_ids,
        &asked,
        &mut reasons,
    );
    let requirements = department_requirements(request, conf, &valid, &needed, &mut reasons);

    let granted = !reasons.iter().any(|r| {
        matches!(
            r.kind,
            ReasonKind::MissingPartyApproval
                | ReasonKind::MissingDepartmentApproval
                | ReasonKind::NoRelevantDepartment
                | ReasonKind::RecordNotAvailable
        )
    });
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
                    class: if f.is_empty() {
                        Class::Confidential
                    } else {
                        dossier_class(f).unwrap_or(Class::Confidential)
                    },
                })
                .collect(),
            records_asked: request.records.clone(),
            records_disclosed,
            decision: if granted {
                Decision::Granted
            } else {
                Decision::Refused
            },
            party_approvals,
            department_requirements: requirements,
            reasons,
        },
        copy,
    })
}

/// Each record asked that is not among the community's records that can be given.
fn unavailable_records(
    request: &DisclosureRequest,
    community_data: &Dossier,
    asked_ids: &BTreeSet<&str>,
    reasons: &mut Vec<Reason>,
) {
    let available = record_ids(community_data);
    for id in asked_ids {
        if !available.contains(id) {
            reasons.push(Reason {
                record: Some((*id).to_owned()),
                ..reason(
                    ReasonKind::RecordNotAvailable,
                    format!(
                        "record `{id}` is not among the records of community `{}` that can be given",
                        request.community
                    ),
                )
            });
        }
    }
}

/// The approvals that are valid and bind this request, each with the leaves asked it covers;
/// a reason for each other one.
fn valid_approvals<'r>(
    request: &'r DisclosureRequest,
    conf: &ConfidentialityPolicy,
    asked: &BTreeSet<&'static str>,
    reasons: &mut Vec<Reason>,
) -> Vec<(&'r Approval, BTreeSet<&'static str>)> {
    let mut valid: Vec<(&Approval, BTreeSet<&str>)> = Vec::new();
    for a in &request.approvals {
        match rejection(request, a, conf) {
            Some(r) => reasons.push(Reason {
                approval: Some(a.id.clone()),
                ..r
            }),
            None => {
                let covered: BTreeSet<&str> = asked
                    .iter()
                    .filter(|l| a.fields.iter().any(|f| covers(f, l)))
                    .copied()
                    .collect();
                valid.push((a, covered));
            }
        }
    }
    valid
}

/// Why approval `a` does not serve `request`: not yet given, expired, of another request or
/// purpose, or given by the body that asks.
fn rejection(
    request: &DisclosureRequest,
    a: &Approval,
    conf: &ConfidentialityPolicy,
) -> Option<Reason> {
    let date = request.date;
    let until = valid_until(a, conf);
    if a.approved_on > date {
        Some(Reason {
            date: Some(a.approved_on),
            ..reason(
                ReasonKind::ApprovalNotYetGiven,
                format!(
                    "approval `{}` is dated `{}`, after the request's date `{date}`",
                    a.id, a.approved_on
                ),
            )
        })
    } else if until < date {
        Some(Reason {
            date: Some(until),
            ..reason(
                ReasonKind::ExpiredApproval,
                format!(
                    "approval `{}` given on `{}` expired after `{until}`, before the request's date `{date}`",
                    a.id, a.approved_on
                ),
            )
        })
    } else if a.request != request.id {
        Some(reason(
            ReasonKind::ApprovalForAnotherRequest,
            format!(
                "approval `{}` approves request `{}`, not `{}`",
                a.id, a.request, request.id
            ),
        ))
    } else if a.purpose != request.purpose {
        Some(reason(
            ReasonKind::ApprovalForAnotherPurpose,
            format!(
                "approval `{}` approves another purpose than the request's",
                a.id
            ),
        ))
    } else if same_body(&request.requester, &a.body, conf) {
        Some(reason(
            ReasonKind::SelfApproval,
            format!(
                "approval `{}` is given by the body that asks: a body cannot approve its own request",
                a.id
            ),
        ))
    } else {
        None
    }
}

/// The approvals of the community Party organisation that cover a leaf asked (a reason for
/// one of another body, and for the leaves none covers).
fn party_approvals(
    request: &DisclosureRequest,
    valid: &[(&Approval, BTreeSet<&str>)],
    asked: &BTreeSet<&str>,
    reasons: &mut Vec<Reason>,
) -> Vec<String> {
    let date = request.date;
    let mut party_approvals = Vec::new();
    let mut party_covered: BTreeSet<&str> = BTreeSet::new();
    for (a, covered) in valid {
        match &a.body {
            ApprovalBody::PartyOrganisation { community } if *community == request.community => {
                if !covered.is_empty() {
                    party_approvals.push(a.id.clone());
                }
                party_covered.extend(covered.iter().copied());
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
    let party_missing: BTreeSet<&str> = asked.difference(&party_covered).copied().collect();
    if !party_missing.is_empty() {
        let fields = asked_paths(request, &party_missing);
        reasons.push(Reason {
            message: format!(
                "no valid approval of the Party organisation of community `{}` covers `{}` on `{date}`",
                request.community,
                fields.join("`, `")
            ),
            fields,
            ..reason(ReasonKind::MissingPartyApproval, String::new())
        });
    }
    party_approvals
}

/// The rules of relevant departments each leaf asked needs (rule index → the leaves), for
/// ledgers per kind given; a reason for the leaves no rule names.
fn needed_rules(
    request: &DisclosureRequest,
    conf: &ConfidentialityPolicy,
    community_data: &Dossier,
    asked_ids: &BTreeSet<&str>,
    asked: &BTreeSet<&'static str>,
    reasons: &mut Vec<Reason>,
) -> BTreeMap<usize, BTreeSet<&'static str>> {
    let kinds: BTreeSet<LedgerKind> = community_data
        .records
        .ledger_entries
        .iter()
        .filter(|e| asked_ids.is_empty() || asked_ids.contains(e.id.as_str()))
        .map(|e| e.kind)
        .collect();
    let rules = &conf.relevant_departments.value;
    let matches = |r: &RelevantDepartment, part: &str, kind: Option<LedgerKind>| {
        r.records.as_deref() == Some(part)
            && (r.ledger_kinds.is_empty() || kind.is_some_and(|k| r.ledger_kinds.contains(&k)))
    };
    let fallback: Vec<usize> = (0..rules.len())
        .filter(|i| rules.get(*i).is_some_and(|r| r.records.is_none()))
        .collect();
    let mut by_part: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for l in asked {
        by_part.entry(part_of(l)).or_default().insert(l);
    }
    // Rule index → the leaves that need it.
    let mut needed: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    let mut unruled: BTreeSet<&str> = BTreeSet::new();
    for (part, part_leaves) in &by_part {
        let part_kinds: Vec<Option<LedgerKind>> = if *part == "ledger_entries" && !kinds.is_empty()
        {
            kinds.iter().copied().map(Some).collect()
        } else {
            vec![None]
        };
        for kind in part_kinds {
            let specific: Vec<usize> = (0..rules.len())
                .filter(|i| rules.get(*i).is_some_and(|r| matches(r, part, kind)))
                .collect();
            let chosen = if specific.is_empty() {
                &fallback
            } else {
                &specific
            };
            if chosen.is_empty() {
                unruled.extend(part_leaves.iter().copied());
            }
            for i in chosen {
                needed
                    .entry(*i)
                    .or_default()
                    .extend(part_leaves.iter().copied());
            }
        }
    }
    if !unruled.is_empty() {
        let fields = asked_paths(request, &unruled);
        reasons.push(Reason {
            message: format!(
                "the policy names no functional department relevant to `{}`",
                fields.join("`, `")
            ),
            fields,
            ..reason(ReasonKind::NoRelevantDepartment, String::new())
        });
    }
    needed
}

/// Each relevant department's requirement with the valid approvals meeting it (a reason for
/// each one not met), then a reason for each department approval that serves none.
fn department_requirements(
    request: &DisclosureRequest,
    conf: &ConfidentialityPolicy,
    valid: &[(&Approval, BTreeSet<&str>)],
    needed: &BTreeMap<usize, BTreeSet<&str>>,
    reasons: &mut Vec<Reason>,
) -> Vec<DepartmentRequirement> {
    let date = request.date;
    let rules = &conf.relevant_departments.value;
    let mut requirements = Vec::new();
    let mut used = BTreeSet::new();
    for (i, need) in needed {
        let Some(rule) = rules.get(*i) else { continue };
        let mut met_by = Vec::new();
        let mut covered: BTreeSet<&str> = BTreeSet::new();
        for (a, cov) in valid {
            if let ApprovalBody::FunctionalDepartment { department } = &a.body {
                if rule.departments.contains(department) && cov.iter().any(|l| need.contains(l)) {
                    met_by.push(a.id.clone());
                    used.insert(a.id.clone());
                    covered.extend(cov.iter().copied());
                }
            }
        }
        let missing: BTreeSet<&str> = need.difference(&covered).copied().collect();
        if !missing.is_empty() {
            let fields = asked_paths(request, &missing);
            reasons.push(Reason {
                message: format!(
                    "no valid approval of {} covers `{}` on `{date}`",
                    rule.departments
                        .iter()
                        .map(|d| match conf.department(d) {
                            Some(dep) => format!("`{}` ({})", d, dep.name_zh),
                            None => format!("`{d}`"),
                        })
                        .collect::<Vec<_>>()
                        .join(" or "),
                    fields.join("`, `")
                ),
                fields,
                ..reason(ReasonKind::MissingDepartmentApproval, String::new())
            });
            met_by.clear();
        }
        requirements.push(DepartmentRequirement {
            data: asked_paths(request, need),
            departments: rule.departments.clone(),
            met_by,
        });
    }
    for (a, _) in valid {
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
                continue; // relevant, but approves no field asked: nothing to say
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
    requirements
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
/// [`DisclosureRequest::fields`]; `""` is the whole document) and, in every list directly under
/// `records`, only the records whose `id` is in `records` (all when empty) — whatever the depth
/// of the path asked. Objects and lists on the way to a field are kept, empty if nothing under
/// them is granted. Linear in the document: each distinct path is matched against `fields`
/// once.
pub fn redact(document: &Value, fields: &[String], records: &[String]) -> Value {
    let ids: BTreeSet<&str> = records.iter().map(String::as_str).collect();
    let mut pruner = Pruner {
        fields,
        ids: &ids,
        seen: BTreeMap::new(),
    };
    pruner
        .prune(document, "")
        .unwrap_or(Value::Object(serde_json::Map::new()))
}

struct Pruner<'a> {
    fields: &'a [String],
    ids: &'a BTreeSet<&'a str>,
    /// Path → (asked, on the way).
    seen: BTreeMap<String, (bool, bool)>,
}

impl Pruner<'_> {
    fn status(&mut self, path: &str) -> (bool, bool) {
        if let Some(s) = self.seen.get(path) {
            return *s;
        }
        let asked = self.fields.iter().any(|f| covers(f, path));
        let on_the_way = path.is_empty() || self.fields.iter().any(|f| is_under(norm(f), path));
        self.seen.insert(path.to_owned(), (asked, on_the_way));
        (asked, on_the_way)
    }

    fn prune(&mut self, value: &Value, path: &str) -> Option<Value> {
        let (asked, on_the_way) = self.status(path);
        if !asked && !on_the_way {
            return None;
        }
        match value {
            Value::Array(items) => {
                let is_record_list = path
                    .strip_prefix("records.")
                    .is_some_and(|rest| !rest.contains('.') && !rest.contains('['));
                let child = format!("{path}[]");
                let ids = self.ids;
                let kept: Vec<Value> = items
                    .iter()
                    .filter(|item| {
                        ids.is_empty()
                            || !is_record_list
                            || item
                                .get("id")
                                .and_then(Value::as_str)
                                .is_some_and(|id| ids.contains(id))
                    })
                    .filter_map(|item| self.prune(item, &child))
                    .collect();
                Some(Value::Array(kept))
            }
            Value::Object(map) => {
                let kept: serde_json::Map<String, Value> = map
                    .iter()
                    .filter_map(|(k, v)| {
                        let child = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        self.prune(v, &child).map(|v| (k.clone(), v))
                    })
                    .collect();
                Some(Value::Object(kept))
            }
            _ => asked.then(|| value.clone()),
        }
    }
}
