//! Confidentiality (2.2.5), access scope, public notice (2.2.4) and grid divisions (1.2).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::Path;
use wangge::confidentiality::classes::{TABLE, class_of, schema_fields};
use wangge::confidentiality::{
    Class, Decision, DisclosureRequest, ReasonKind, Viewer, disclose, public_notice, view,
};
use wangge::division::filing;
use wangge::records::Visit;
use wangge::{Date, Dossier, ErrorKind, Policy, sample};

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

// ---------------------------------------------------------------- data classes (2.2.4, 2.2.5)

#[test]
fn clause_2_2_5_every_field_of_every_committed_schema_has_a_class() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let mut unclassed = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".schema.json") {
            continue;
        }
        files += 1;
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (field, def, prop) in schema_fields(&schema) {
            if class_of(&def, &prop).is_none() {
                unclassed.insert(format!(
                    "{} `{field}` ({def}.{prop})",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
            seen.insert((def, prop));
        }
    }
    assert!(files >= 20, "only {files} schemas found");
    assert!(
        unclassed.is_empty(),
        "fields without a class (add them to `confidentiality::classes::TABLE`):\n{}",
        unclassed.into_iter().collect::<Vec<_>>().join("\n")
    );
    // No stale entries, and a wildcard only on the safe side.
    for (def, class, props) in TABLE {
        for prop in *props {
            if *prop == "*" {
                assert_eq!(
                    *class,
                    Class::Confidential,
                    "`{def}.*` must be confidential"
                );
                assert!(
                    seen.iter().any(|(d, _)| d == def),
                    "stale class entry `{def}`"
                );
            } else {
                assert!(
                    seen.contains(&(def.to_string(), prop.to_string())),
                    "stale class entry `{def}.{prop}`"
                );
            }
        }
    }
}

#[test]
fn clause_2_2_4_the_notice_fields_are_public_and_resident_data_confidential() {
    for prop in ["name", "phone", "photo", "services", "duties"] {
        assert_eq!(class_of("Person", prop), Some(Class::Public), "{prop}");
    }
    assert_eq!(class_of("Grid", "map_ref"), Some(Class::Public));
    for prop in ["name", "phone", "photo", "services", "duties"] {
        assert_eq!(
            class_of("NoticeWorker", prop),
            Some(Class::Public),
            "{prop}"
        );
    }
    assert_eq!(
        class_of("LedgerEntry", "subject"),
        Some(Class::Confidential)
    );
    assert_eq!(class_of("LedgerEntry", "kind"), Some(Class::Confidential));
    assert_eq!(class_of("ProxyCase", "resident"), Some(Class::Confidential));
    assert_eq!(class_of("ProblemFound", "text"), Some(Class::Confidential));
    assert_eq!(class_of("Person", "id"), Some(Class::Internal));
}

// ---------------------------------------------------------------- disclosure (2.2.5)

fn request(approvals: Value) -> DisclosureRequest {
    serde_json::from_value(json!({
        "id": "req-1",
        "requester": {"kind": "other", "name": "新城区禁毒委员会办公室"},
        "purpose": "禁毒回访核查",
        "date": "2023-05-20",
        "community": "c1",
        "fields": ["records.ledger_entries[].subject", "records.ledger_entries[].kind"],
        "records": ["le-1"],
        "approvals": approvals,
    }))
    .unwrap()
}

/// An approval bound to `req-1`, its purpose and every record list.
fn party(id: &str, community: &str, on: &str) -> Value {
    json!({"id": id, "body": {"kind": "party_organisation", "community": community},
           "request": "req-1", "fields": ["records"], "purpose": "禁毒回访核查", "approved_on": on})
}

fn department(id: &str, dep: &str, on: &str) -> Value {
    json!({"id": id, "body": {"kind": "functional_department", "department": dep},
           "request": "req-1", "fields": ["records"], "purpose": "禁毒回访核查", "approved_on": on})
}

fn decide(approvals: Value) -> wangge::confidentiality::Disclosure {
    disclose(
        &Policy::xincheng_2022(),
        &sample::confidentiality_2023(),
        &request(approvals),
    )
    .unwrap()
}

fn kinds(d: &wangge::confidentiality::Disclosure) -> Vec<ReasonKind> {
    d.audit.reasons.iter().map(|r| r.kind).collect()
}

#[test]
fn clause_2_2_5_one_approval_is_refused_naming_the_other() {
    let only_party = decide(json!([party("a1", "c1", "2023-05-18")]));
    assert_eq!(only_party.audit.decision, Decision::Refused);
    assert_eq!(kinds(&only_party), [ReasonKind::MissingDepartmentApproval]);
    assert!(
        only_party.audit.reasons[0]
            .message
            .contains("public_security")
    );
    assert!(only_party.copy.is_none());
    assert_eq!(only_party.audit.records_disclosed, 0);
    assert_eq!(only_party.audit.clause, "2.2.5");

    let only_department = decide(json!([department("a2", "public_security", "2023-05-18")]));
    assert_eq!(only_department.audit.decision, Decision::Refused);
    assert_eq!(kinds(&only_department), [ReasonKind::MissingPartyApproval]);
    assert!(only_department.copy.is_none());

    let none = decide(json!([]));
    assert_eq!(
        kinds(&none),
        [
            ReasonKind::MissingPartyApproval,
            ReasonKind::MissingDepartmentApproval
        ]
    );
}

#[test]
fn clause_2_2_5_an_expired_approval_does_not_count() {
    // Explicit end date the day before the request.
    let mut late = department("a2", "public_security", "2023-04-01");
    late["valid_until"] = json!("2023-05-19");
    let d = decide(json!([party("a1", "c1", "2023-05-18"), late]));
    assert_eq!(d.audit.decision, Decision::Refused);
    assert_eq!(
        kinds(&d),
        [
            ReasonKind::ExpiredApproval,
            ReasonKind::MissingDepartmentApproval
        ]
    );
    assert_eq!(d.audit.reasons[0].date, Some(date("2023-05-19")));

    // No end date: valid for the policy's 30 days, inclusive.
    let edge = decide(json!([
        party("a1", "c1", "2023-04-20"),
        department("a2", "public_security", "2023-05-18")
    ]));
    assert_eq!(edge.audit.decision, Decision::Granted, "{:?}", edge.audit);
    let over = decide(json!([
        party("a1", "c1", "2023-04-19"),
        department("a2", "public_security", "2023-05-18")
    ]));
    assert_eq!(over.audit.decision, Decision::Refused);
    assert_eq!(
        kinds(&over),
        [
            ReasonKind::ExpiredApproval,
            ReasonKind::MissingPartyApproval
        ]
    );
}

#[test]
fn clause_2_2_5_approval_validity_is_policy_data() {
    let mut doc = Policy::xincheng_2022().document().clone();
    doc.confidentiality.approval_valid_days.value = 60;
    let policy = Policy::from_document(doc).unwrap();
    let d = disclose(
        &policy,
        &sample::confidentiality_2023(),
        &request(json!([
            party("a1", "c1", "2023-04-19"),
            department("a2", "public_security", "2023-05-18")
        ])),
    )
    .unwrap();
    assert_eq!(d.audit.decision, Decision::Granted);
}

#[test]
fn clause_2_2_5_an_approval_from_the_wrong_body_is_refused() {
    // Another community's Party organisation.
    let d = decide(json!([
        party("a1", "c2", "2023-05-18"),
        department("a2", "public_security", "2023-05-18")
    ]));
    assert_eq!(d.audit.decision, Decision::Refused);
    assert_eq!(
        kinds(&d),
        [ReasonKind::WrongBody, ReasonKind::MissingPartyApproval]
    );
    assert_eq!(d.audit.reasons[0].approval.as_deref(), Some("a1"));

    // A department not relevant to drug users' ledgers.
    let d = decide(json!([
        party("a1", "c1", "2023-05-18"),
        department("a2", "health", "2023-05-18")
    ]));
    assert_eq!(d.audit.decision, Decision::Refused);
    assert_eq!(
        kinds(&d),
        [ReasonKind::MissingDepartmentApproval, ReasonKind::WrongBody]
    );

    // Another body altogether.
    let d = decide(json!([
        party("a1", "c1", "2023-05-18"),
        {"id": "a3", "body": {"kind": "other", "name": "某物业公司"}, "request": "req-1",
         "fields": ["records"], "purpose": "禁毒回访核查", "approved_on": "2023-05-18"}
    ]));
    assert_eq!(d.audit.decision, Decision::Refused);
    assert!(kinds(&d).contains(&ReasonKind::WrongBody));

    // Dated after the request.
    let d = decide(json!([
        party("a1", "c1", "2023-05-21"),
        department("a2", "public_security", "2023-05-18")
    ]));
    assert_eq!(
        kinds(&d),
        [
            ReasonKind::ApprovalNotYetGiven,
            ReasonKind::MissingPartyApproval
        ]
    );
}

#[test]
fn clause_2_2_5_both_approvals_grant_a_copy_holding_only_what_was_asked() {
    let d = decide(json!([
        party("a1", "c1", "2023-05-18"),
        department("a2", "public_security", "2023-05-18")
    ]));
    assert_eq!(d.audit.decision, Decision::Granted);
    assert!(d.audit.reasons.is_empty(), "{:?}", d.audit.reasons);
    assert_eq!(d.audit.party_approvals, ["a1"]);
    assert_eq!(d.audit.department_requirements.len(), 1);
    assert_eq!(
        d.audit.department_requirements[0].data,
        [
            "records.ledger_entries[].kind",
            "records.ledger_entries[].subject"
        ]
    );
    assert_eq!(d.audit.department_requirements[0].met_by, ["a2"]);
    assert_eq!(d.audit.records_disclosed, 1);
    assert_eq!(d.audit.fields[0].class, Class::Confidential);
    let copy = d.copy.unwrap();
    assert_eq!(
        copy,
        json!({"records": {"ledger_entries": [{"kind": "drug_users", "subject": "王某，1号楼302"}]}})
    );
}

#[test]
fn clause_2_2_5_every_kind_of_ledger_asked_needs_its_own_department() {
    // All of c1's ledgers: drug users (police), community corrections (justice), elderly in
    // difficulty (civil affairs). Only c1's: c2's ledger never enters the copy.
    let mut r = request(json!([
        party("a1", "c1", "2023-05-18"),
        department("a2", "public_security", "2023-05-18"),
        department("a3", "justice", "2023-05-18")
    ]));
    r.records.clear();
    r.fields = vec!["records.ledger_entries[]".into()];
    let dossier = sample::confidentiality_2023();
    let d = disclose(&Policy::xincheng_2022(), &dossier, &r).unwrap();
    assert_eq!(d.audit.decision, Decision::Refused);
    assert_eq!(kinds(&d), [ReasonKind::MissingDepartmentApproval]);
    assert!(d.audit.reasons[0].message.contains("civil_affairs"));

    r.approvals
        .push(serde_json::from_value(department("a4", "civil_affairs", "2023-05-19")).unwrap());
    let d = disclose(&Policy::xincheng_2022(), &dossier, &r).unwrap();
    assert_eq!(d.audit.decision, Decision::Granted);
    assert_eq!(d.audit.records_disclosed, 3);
    let text = d.copy.unwrap().to_string();
    assert!(text.contains("李某") && !text.contains("和平里"), "{text}");
}

#[test]
fn clause_2_2_5_other_data_needs_the_fallback_department() {
    let mut r = request(json!([
        party("a1", "c1", "2023-05-18"),
        department("a2", "public_security", "2023-05-18")
    ]));
    r.records.clear();
    r.fields = vec!["records.proxy_cases[].resident".into()];
    let d = disclose(
        &Policy::xincheng_2022(),
        &sample::confidentiality_2023(),
        &r,
    )
    .unwrap();
    assert_eq!(d.audit.decision, Decision::Refused);
    assert!(
        d.audit.reasons[0]
            .message
            .contains("comprehensive_governance")
    );
}

#[test]
fn clause_2_2_5_a_request_naming_unknown_fields_or_a_community_is_an_error() {
    let mut r = request(json!([]));
    r.fields.push("records.ledger_entries[].address".into());
    r.community = "c9".into();
    let mut a: wangge::confidentiality::Approval =
        serde_json::from_value(party("a1", "c1", "2023-05-18")).unwrap();
    a.fields = vec!["records.nowhere".into()];
    r.approvals.push(a);
    let err = disclose(
        &Policy::xincheng_2022(),
        &sample::confidentiality_2023(),
        &r,
    )
    .unwrap_err();
    let found: Vec<(ErrorKind, Option<&str>)> = err
        .problems()
        .iter()
        .map(|p| (p.kind, p.path.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (ErrorKind::UnknownReference, Some("community")),
            (ErrorKind::UnknownReference, Some("fields[2]")),
            (ErrorKind::UnknownReference, Some("approvals[0].fields[0]")),
        ]
    );
}

#[test]
fn clause_2_2_5_an_unknown_record_is_refused_and_audited_like_another_communitys() {
    let approvals = json!([
        party("a1", "c1", "2023-05-18"),
        department("a2", "public_security", "2023-05-18")
    ]);
    let answer = |records: &[&str]| {
        let mut r = request(approvals.clone());
        r.records = records.iter().map(|s| (*s).to_owned()).collect();
        disclose(
            &Policy::xincheng_2022(),
            &sample::confidentiality_2023(),
            &r,
        )
        .unwrap()
    };
    // `le-99` exists nowhere; `le-4` is c2's (a severe-mental-disorder ledger).
    let unknown = answer(&["le-1", "le-99"]);
    let elsewhere = answer(&["le-1", "le-4"]);
    for (d, id) in [(&unknown, "le-99"), (&elsewhere, "le-4")] {
        assert_eq!(d.audit.decision, Decision::Refused);
        assert_eq!(kinds(d), [ReasonKind::RecordNotAvailable]);
        assert_eq!(d.audit.reasons[0].record.as_deref(), Some(id));
        assert!(d.copy.is_none());
        assert!(d.audit.records_asked.contains(&id.to_owned()));
    }
    // Both say the same thing: whether the record exists is not told.
    assert_eq!(
        unknown.audit.reasons[0].message.replace("le-99", "ID"),
        elsewhere.audit.reasons[0].message.replace("le-4", "ID")
    );
    assert!(!wangge::to_json(&elsewhere).contains("severe_mental_disorder"));
}

#[test]
fn clause_2_2_5_a_parent_path_is_decided_leaf_by_leaf() {
    // The attack of issue 14: `records` asked for `le-1`, approved by the Party organisation and
    // the comprehensive-governance centre only. The ledger's fields need the police.
    let dossier = sample::confidentiality_2023();
    for asked in ["records", "", "records.ledger_entries"] {
        let mut r = request(json!([
            party("a1", "c1", "2023-05-18"),
            department("a2", "comprehensive_governance", "2023-05-18")
        ]));
        r.fields = vec![asked.into()];
        for a in &mut r.approvals {
            a.fields = vec!["".into()];
        }
        let d = disclose(&Policy::xincheng_2022(), &dossier, &r).unwrap();
        assert_eq!(
            d.audit.decision,
            Decision::Refused,
            "{asked}: {:?}",
            d.audit
        );
        assert!(d.copy.is_none());
        assert_eq!(d.audit.records_disclosed, 0);
        let missing = d
            .audit
            .reasons
            .iter()
            .find(|r| r.kind == ReasonKind::MissingDepartmentApproval)
            .unwrap();
        assert!(missing.message.contains("public_security"), "{missing:?}");
        assert_eq!(missing.fields, [asked]);

        // With the police too: only `le-1`, in every list, whatever the depth asked.
        r.approvals.push(
            serde_json::from_value(department("a3", "public_security", "2023-05-18")).unwrap(),
        );
        r.approvals[2].fields = vec!["".into()];
        let d = disclose(&Policy::xincheng_2022(), &dossier, &r).unwrap();
        assert_eq!(
            d.audit.decision,
            Decision::Granted,
            "{asked}: {:?}",
            d.audit
        );
        assert_eq!(d.audit.records_disclosed, 1, "{asked}");
        let copy = d.copy.unwrap();
        let text = copy.to_string();
        assert!(text.contains("le-1") && !text.contains("le-3") && !text.contains("px-1"));
        assert!(!text.contains("李某"), "{text}");
    }
}

#[test]
fn clause_2_2_5_an_approval_covers_only_the_fields_it_names() {
    // The police approved only the subject: the kind asked beside it is not approved.
    let mut r = request(json!([
        party("a1", "c1", "2023-05-18"),
        department("a2", "public_security", "2023-05-18")
    ]));
    r.approvals[1].fields = vec!["records.ledger_entries[].subject".into()];
    let d = disclose(
        &Policy::xincheng_2022(),
        &sample::confidentiality_2023(),
        &r,
    )
    .unwrap();
    assert_eq!(d.audit.decision, Decision::Refused);
    assert_eq!(kinds(&d), [ReasonKind::MissingDepartmentApproval]);
    assert_eq!(d.audit.reasons[0].fields, ["records.ledger_entries[].kind"]);
}

#[test]
fn clause_2_2_5_an_approval_is_bound_to_its_request_and_purpose() {
    let mut other_request = department("a2", "public_security", "2023-05-18");
    other_request["request"] = json!("req-0");
    let d = decide(json!([party("a1", "c1", "2023-05-18"), other_request]));
    assert_eq!(
        kinds(&d),
        [
            ReasonKind::ApprovalForAnotherRequest,
            ReasonKind::MissingDepartmentApproval
        ]
    );
    assert_eq!(d.audit.decision, Decision::Refused);

    let mut other_purpose = department("a2", "public_security", "2023-05-18");
    other_purpose["purpose"] = json!("招商引资");
    let d = decide(json!([party("a1", "c1", "2023-05-18"), other_purpose]));
    assert_eq!(
        kinds(&d),
        [
            ReasonKind::ApprovalForAnotherPurpose,
            ReasonKind::MissingDepartmentApproval
        ]
    );
    assert!(!d.audit.reasons[0].message.contains("招商引资"));
}

#[test]
fn clause_2_2_5_the_requester_cannot_approve_its_own_request() {
    let approvals = json!([
        party("a1", "c1", "2023-05-18"),
        department("a2", "public_security", "2023-05-18")
    ]);
    for requester in [
        json!({"kind": "functional_department", "department": "public_security"}),
        json!({"kind": "other", "name": "新城公安派出所"}),
    ] {
        let mut r = request(approvals.clone());
        r.requester = serde_json::from_value(requester).unwrap();
        let d = disclose(
            &Policy::xincheng_2022(),
            &sample::confidentiality_2023(),
            &r,
        )
        .unwrap();
        assert_eq!(d.audit.decision, Decision::Refused);
        assert_eq!(
            kinds(&d),
            [
                ReasonKind::SelfApproval,
                ReasonKind::MissingDepartmentApproval
            ]
        );
        assert_eq!(d.audit.reasons[0].approval.as_deref(), Some("a2"));
    }
}

#[test]
fn clause_2_2_5_a_refusal_never_names_the_kind_of_a_record() {
    for approvals in [
        json!([]),
        json!([party("a1", "c1", "2023-05-18")]),
        json!([department("a2", "health", "2023-05-18")]),
    ] {
        let d = decide(approvals);
        assert_eq!(d.audit.decision, Decision::Refused);
        let text = wangge::to_json(&d);
        for secret in ["drug_users", "ledger_entries/", "王某"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}

#[test]
fn clause_2_2_5_disclose_json_answers_refusals_as_audited_successes() {
    let dossier = sample::confidentiality_2023().to_json();
    let r = serde_json::to_string(&request(json!([party("a1", "c1", "2023-05-18")]))).unwrap();
    let answer = wangge::api::disclose_json(None, &dossier, &r);
    assert!(
        answer.starts_with(r#"{"status":"success","value":{"audit":{"clause":"2.2.5""#),
        "{answer}"
    );
    assert!(answer.contains(r#""decision":"refused""#));
    assert!(!answer.contains("王某"));
}

// ---------------------------------------------------------------- access scope

fn person(id: &str, from: &str, to: Option<&str>) -> Viewer {
    Viewer::Person {
        person: id.into(),
        from: date(from),
        to: to.map(date),
    }
}

#[test]
fn clause_2_2_5_a_grid_worker_sees_only_their_grid() {
    let dossier = sample::confidentiality_2023();
    let v = view(&dossier, &person("w1", "2023-05-10", None)).unwrap();
    assert_eq!(v.scope.grids, ["g1"]);
    assert_eq!(v.scope.communities, ["c1"]);
    let r = &v.dossier.records;
    let ids: Vec<&str> = r.ledger_entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["le-1", "le-3"]);
    assert!(r.proxy_cases.is_empty(), "g2's proxy case is not w1's");
    assert!(r.leave.is_empty(), "w2's leave is not w1's");
    assert!(r.conduct_incidents.is_empty());
    assert_eq!(r.work_records.len(), 1);
    let text = v.dossier.to_json();
    assert!(!text.contains("李某") && !text.contains("和平"), "{text}");
    v.dossier.validate().unwrap();
}

#[test]
fn clause_2_2_5_a_viewer_asking_beyond_their_scope_gets_it_filtered() {
    let dossier = sample::confidentiality_2023();
    // w3 joins g3 on 2023-03-01: in February they see no grid's records at all.
    let v = view(&dossier, &person("w3", "2023-02-01", Some("2023-02-28"))).unwrap();
    assert!(v.scope.grids.is_empty());
    assert!(v.dossier.records.ledger_entries.is_empty());
    assert!(v.dossier.records.work_records.is_empty());
    // A helper sees no grid's records.
    let v = view(&dossier, &person("h1", "2023-05-10", None)).unwrap();
    assert!(v.scope.grids.is_empty());
    assert!(v.dossier.records.ledger_entries.is_empty());
    // A grid leader sees their community, not the other.
    let v = view(&dossier, &person("l2", "2023-05-10", None)).unwrap();
    assert_eq!(v.scope.grids, ["g4", "g5"]);
    let ids: Vec<&str> = v
        .dossier
        .records
        .ledger_entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["le-4"]);
    assert!(!v.dossier.to_json().contains("幸福"));
    v.dossier.validate().unwrap();
    // The subdistrict sees everything.
    let v = view(&dossier, &Viewer::Subdistrict).unwrap();
    assert_eq!(v.dossier, dossier);
    // An unknown person is an error, not an empty view.
    let err = view(&dossier, &person("x9", "2023-05-10", None)).unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::UnknownReference));
}

// ---------------------------------------------------------------- public notice (2.2.4)

#[test]
fn clause_2_2_4_the_notice_shows_each_worker_and_lists_what_is_missing() {
    let dossier = sample::confidentiality_2023();
    let n = public_notice(&dossier, "c1", date("2023-07-01")).unwrap();
    assert_eq!(n.board.community, "幸福社区");
    assert_eq!(n.board.grid_leader.as_ref().unwrap().name, "赵建国");
    let g3 = &n.board.grids[2];
    assert_eq!(g3.areas, ["4号楼", "5号楼", "6号楼"]);
    assert_eq!(g3.workers[0].name, "张敏");
    // The helper h1 is assigned to g1 but not posted.
    assert_eq!(n.board.grids[0].workers.len(), 1);
    let gaps: Vec<(Option<&str>, Option<&str>, &str)> = n
        .gaps
        .iter()
        .map(|g| (g.grid.as_deref(), g.person.as_deref(), g.missing.as_str()))
        .collect();
    assert_eq!(
        gaps,
        [
            (Some("g3"), None, "map_ref"),
            (Some("g3"), Some("w3"), "phone")
        ]
    );
    // Before the 2023 division, 4号楼 is in g2 and 6号楼 is not built.
    let n = public_notice(&dossier, "c1", date("2023-03-01")).unwrap();
    assert_eq!(n.board.grids[1].areas, ["3号楼", "4号楼"]);
    assert_eq!(n.board.grids[2].areas, ["5号楼"]);
}

fn markers() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[A-Z]{3}[0-9]{5}", 12).prop_map(|v| {
        v.into_iter()
            .map(|m| format!("SECRET{m}"))
            .collect::<Vec<_>>()
    })
}

/// The sample with every confidential text replaced by a marker, and extra ledger entries.
fn dossier_full_of_secrets(m: &[String], extra: &[(usize, usize)]) -> Dossier {
    let mut d = sample::confidentiality_2023();
    let mut k = 0;
    let mut next = || {
        k += 1;
        m[k % m.len()].clone()
    };
    let r = &mut d.records;
    for e in &mut r.ledger_entries {
        e.subject = next();
    }
    for c in &mut r.proxy_cases {
        c.resident = next();
    }
    for p in &mut r.problems {
        p.text = next();
        for s in &mut p.steps {
            s.note = Some(next());
        }
    }
    for w in &mut r.work_records {
        w.note = Some(next());
        w.visits.push(Visit {
            group: wangge::records::MustVisit::SpecialGroups,
            note: Some(next()),
        });
    }
    for s in &mut r.duty_shifts {
        s.log = Some(next());
    }
    let kinds = wangge::evidence::LedgerKind::NAMED;
    let grids = ["g1", "g2", "g3", "g4", "g5"];
    for (i, (kind, grid)) in extra.iter().enumerate() {
        let mut e = r.ledger_entries[0].clone();
        e.id = format!("le-x{i}");
        e.kind = kinds[kind % kinds.len()];
        e.grid = grids[grid % grids.len()].into();
        e.subject = next();
        r.ledger_entries.push(e);
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// 2.2.4: whatever residents' data a dossier holds, none of it ever reaches the public
    /// notice of any community on any day.
    #[test]
    fn clause_2_2_4_no_confidential_data_ever_appears_in_the_public_notice(
        m in markers(),
        extra in prop::collection::vec((0usize..10, 0usize..5), 0..20),
        day in 0i64..365,
        community in prop::sample::select(vec!["c1", "c2"]),
    ) {
        let dossier = dossier_full_of_secrets(&m, &extra);
        dossier.validate().unwrap();
        let on = date("2023-01-01").add_days(day).unwrap();
        let notice = public_notice(&dossier, community, on).unwrap();
        let text = wangge::to_json(&notice);
        prop_assert!(!text.contains("SECRET"), "{}", text);
        for e in &dossier.records.ledger_entries {
            prop_assert!(!text.contains(&e.subject));
        }
        let answer = wangge::api::public_notice_json(&dossier.to_json(), community, &on.to_string());
        prop_assert!(!answer.contains("SECRET"));
    }
}

// ---------------------------------------------------------------- grid divisions (1.2)

fn with_division(grids: Value) -> Result<Dossier, wangge::Error> {
    let mut d = serde_json::to_value(sample::confidentiality_2023()).unwrap();
    d["organisation"]["divisions"].as_array_mut().unwrap().push(
        json!({"id": "div-bad", "community": "c1", "effective_from": "2023-09-01", "grids": grids}),
    );
    Dossier::from_json(&d.to_string())
}

#[test]
fn clause_1_2_an_area_in_two_grids_is_an_error_naming_area_and_date() {
    let err = with_division(json!([
        {"grid": "g1", "areas": ["b1", "b2"]},
        {"grid": "g2", "areas": ["b2", "b3"]},
        {"grid": "g3", "areas": ["b4", "b5", "b6"]}
    ]))
    .unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.kind, ErrorKind::Overlap);
    assert_eq!(p.record.as_deref(), Some("b2"));
    assert_eq!(p.date.as_deref(), Some("2023-09-01"));
    assert!(p.message.contains("(1.2)"), "{}", p.message);
    assert_eq!(err.problems().len(), 1);
}

#[test]
fn clause_1_2_an_area_in_no_grid_is_an_error_naming_area_and_date() {
    let err = with_division(json!([
        {"grid": "g1", "areas": ["b1", "b2"]},
        {"grid": "g2", "areas": ["b3"]},
        {"grid": "g3", "areas": ["b4", "b6"]}
    ]))
    .unwrap_err();
    let found: Vec<(ErrorKind, Option<&str>, Option<&str>)> = err
        .problems()
        .iter()
        .map(|p| (p.kind, p.record.as_deref(), p.date.as_deref()))
        .collect();
    assert_eq!(
        found,
        [(
            ErrorKind::InvalidOrganisation,
            Some("b5"),
            Some("2023-09-01")
        )]
    );
    // A new building must be placed from the day it exists.
    let mut d = serde_json::to_value(sample::confidentiality_2023()).unwrap();
    d["organisation"]["communities"][0]["areas"][5]["from"] = json!("2023-01-01");
    let err = Dossier::from_json(&d.to_string()).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(
        (p.record.as_deref(), p.date.as_deref()),
        (Some("b6"), Some("2023-01-01"))
    );
    assert!(p.message.contains("div-2022"));
}

#[test]
fn clause_1_2_a_change_of_division_is_filed_with_what_moved() {
    let dossier = sample::confidentiality_2023();
    let f = filing(&dossier.organisation, "c1", Some("div-2022"), "div-2023").unwrap();
    assert_eq!(f.clause, "1.2");
    assert_eq!(f.addressee, "街道网格化治理工作领导小组");
    assert_eq!(f.effective_from, date("2023-06-01"));
    let moves: Vec<(&str, Option<&str>, Option<&str>)> = f
        .moves
        .iter()
        .map(|m| {
            (
                m.area.as_str(),
                m.from_grid.as_deref(),
                m.to_grid.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [("b4", Some("g2"), Some("g3")), ("b6", None, Some("g3"))]
    );
    assert!(f.grids_added.is_empty() && f.grids_removed.is_empty());
    // The first division is filed with every area placed.
    let first = filing(&dossier.organisation, "c2", None, "div-c2-2022").unwrap();
    assert_eq!(first.moves.len(), 3);
    assert!(first.moves.iter().all(|m| m.from_grid.is_none()));
    // Wrong order, wrong community, unknown division: errors.
    let err = filing(&dossier.organisation, "c1", Some("div-2023"), "div-2022").unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::InvalidTime));
    let err = filing(&dossier.organisation, "c1", None, "div-c2-2022").unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::InvalidOrganisation));
    let err = filing(&dossier.organisation, "c1", None, "div-9").unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::UnknownReference));
}

#[test]
fn clause_1_2_the_embedded_sample_is_valid_and_the_case_input_is_fresh() {
    let dossier = sample::confidentiality_2023();
    dossier.validate().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/cases/inputs/confidentiality-2023.dossier.json");
    let text = dossier.to_json() + "\n";
    if std::env::var_os("WANGGE_BLESS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some(text.as_str()),
        "stale: run `WANGGE_BLESS=1 cargo test -p wangge --test confidentiality`"
    );
}

// ---------------------------------------------------------------- disclosure property (2.2.5)

/// Every (leaf path, record ID) a copy holds: the record is the item of a list directly under
/// `records` the value lies in.
fn held(
    value: &Value,
    path: &str,
    record: Option<&str>,
    out: &mut BTreeSet<(String, Option<String>)>,
) {
    match value {
        Value::Array(items) => {
            let is_list = path
                .strip_prefix("records.")
                .is_some_and(|r| !r.contains(['.', '[']));
            for item in items {
                let id = if is_list {
                    item.get("id").and_then(Value::as_str)
                } else {
                    record
                };
                held(item, &format!("{path}[]"), id, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                held(v, &child, record, out);
            }
        }
        _ => {
            out.insert((path.to_owned(), record.map(str::to_owned)));
        }
    }
}

fn path_pool() -> Vec<String> {
    let mut pool: Vec<String> = ["", "records", "organisation", "records.ledger_entries"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    pool.extend(
        wangge::confidentiality::classes::dossier_fields()
            .iter()
            .map(|f| f.path.clone())
            .filter(|p| !p.contains('{')),
    );
    pool
}

const BODIES: &[(&str, &str)] = &[
    ("party_organisation", "c1"),
    ("party_organisation", "c2"),
    ("functional_department", "public_security"),
    ("functional_department", "justice"),
    ("functional_department", "civil_affairs"),
    ("functional_department", "comprehensive_governance"),
];
const RECORDS: &[&str] = &[
    "le-1",
    "le-3",
    "pb-1",
    "wr-w1-0510",
    "mt-c1-0508",
    "ds-w1-0506",
    "lv-w2-1",
];

fn disclosure_request(
    fields: &[String],
    records: &[String],
    approvals: &[(usize, Vec<String>)],
) -> DisclosureRequest {
    let approvals: Vec<Value> = approvals
        .iter()
        .enumerate()
        .map(|(i, (b, f))| {
            let (kind, who) = BODIES[*b % BODIES.len()];
            let body = if kind == "party_organisation" {
                json!({"kind": kind, "community": who})
            } else {
                json!({"kind": kind, "department": who})
            };
            json!({"id": format!("a{i}"), "body": body, "request": "req-p", "fields": f,
                   "purpose": "核查", "approved_on": "2023-05-18"})
        })
        .collect();
    serde_json::from_value(json!({
        "id": "req-p", "requester": {"kind": "other", "name": "区禁毒办"}, "purpose": "核查",
        "date": "2023-05-20", "community": "c1", "fields": fields, "records": records,
        "approvals": approvals,
    }))
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Issue 14, item 1: a granted copy never holds a field or record that a request for it
    /// alone, with the same approvals, would be refused.
    #[test]
    fn clause_2_2_5_a_copy_holds_nothing_a_request_for_it_alone_would_refuse(
        fields in proptest::collection::vec(0usize..10_000, 1..4),
        records in proptest::collection::vec(0usize..RECORDS.len(), 0..3),
        approvals in proptest::collection::vec(
            (0usize..BODIES.len(), proptest::collection::vec(0usize..10_000, 1..3)), 0..6),
    ) {
        let pool = path_pool();
        let pick = |i: &usize| pool[i % pool.len()].clone();
        let fields: Vec<String> = fields.iter().map(pick).collect();
        let records: Vec<String> = records.iter().map(|i| RECORDS[*i].to_owned()).collect();
        // The community's Party organisation approves everything and half the other approvals
        // too, so that grants happen often.
        let approvals: Vec<(usize, Vec<String>)> = std::iter::once((0, vec![String::new()]))
            .chain(approvals.iter().enumerate().map(|(n, (b, f))| {
                (*b, if n % 2 == 0 { vec![String::new()] } else { f.iter().map(pick).collect() })
            }))
            .collect();
        let policy = Policy::xincheng_2022();
        let dossier = sample::confidentiality_2023();
        let d = disclose(&policy, &dossier, &disclosure_request(&fields, &records, &approvals)).unwrap();
        if let Some(copy) = &d.copy {
            let mut out = BTreeSet::new();
            held(copy, "", None, &mut out);
            for (path, record) in out {
                let alone: Vec<String> = match &record {
                    Some(id) => vec![id.clone()],
                    None => records.clone(),
                };
                let single = disclose(&policy, &dossier, &disclosure_request(std::slice::from_ref(&path), &alone, &approvals)).unwrap();
                prop_assert_eq!(single.audit.decision, Decision::Granted,
                    "{} of {:?} given by {:?} but refused alone: {:?}", path, record, fields, single.audit.reasons);
            }
        }
    }
}

#[test]
fn clause_2_2_5_a_worker_who_left_a_grid_sees_none_of_its_later_records() {
    let mut dossier = sample::confidentiality_2023();
    let a = dossier
        .organisation
        .assignments
        .iter_mut()
        .find(|a| a.person == "w1" && a.grid == "g1")
        .unwrap();
    a.to = Some(date("2023-05-09"));
    let may = person("w1", "2023-05-01", Some("2023-05-31"));
    let seen = view(&dossier, &may).unwrap();
    assert_eq!(seen.scope.grids, ["g1"]);
    let r = &seen.dossier.records;
    // The work record and problem of 2023-05-10 in g1 came after w1 left.
    assert!(r.work_records.is_empty() && r.problems.is_empty(), "{r:?}");
    // Ledger entries opened while w1 was there stay; the meeting of 2023-05-08 too.
    assert_eq!(r.ledger_entries.len(), 2);
    assert_eq!(r.meetings.len(), 1);
    // The day before leaving, the same records of that day are visible: boundary 05-09/05-10.
    let mut stayed = sample::confidentiality_2023();
    stayed
        .organisation
        .assignments
        .iter_mut()
        .find(|a| a.person == "w1" && a.grid == "g1")
        .unwrap()
        .to = Some(date("2023-05-10"));
    let seen = view(&stayed, &may).unwrap();
    assert_eq!(seen.dossier.records.work_records.len(), 1);
    // A grid leader asking for one day sees that day's records only.
    let leader = view(&dossier, &person("l1", "2023-05-08", None)).unwrap();
    assert_eq!(leader.dossier.records.meetings.len(), 1);
    assert!(leader.dossier.records.work_records.is_empty());
}

// ---------------------------------------------------------------- policy linter (2.2.5)

fn lint_codes(
    edit: impl FnOnce(&mut wangge::confidentiality::ConfidentialityPolicy),
) -> Vec<String> {
    let mut doc = Policy::xincheng_2022().document().clone();
    edit(&mut doc.confidentiality);
    let policy = Policy::from_document(doc).unwrap();
    wangge::assessment::lint::check_policy(&policy)
        .findings
        .iter()
        .map(|f| format!("{:?}:{:?}", f.severity, f.code))
        .collect()
}

#[test]
fn clause_2_2_5_the_linter_flags_a_ledger_kind_left_to_the_fallback_department() {
    assert!(lint_codes(|_| {}).is_empty());
    let codes = lint_codes(|c| {
        // Drug users and floating population no longer need the police.
        c.relevant_departments.value.remove(0);
    });
    assert_eq!(
        codes,
        [
            "Error:LedgerNeedsOnlyFallback",
            "Error:LedgerNeedsOnlyFallback"
        ]
    );
}

#[test]
fn clause_2_2_5_the_linter_flags_a_department_that_approves_every_ledger() {
    let codes = lint_codes(|c| {
        for r in &mut c.relevant_departments.value {
            if r.records.is_some() {
                r.departments.push("comprehensive_governance".into());
            }
        }
    });
    assert_eq!(codes, ["Error:DepartmentApprovesEverything"]);
    // One catch-all ledger rule is the same weakness.
    let codes = lint_codes(|c| {
        c.relevant_departments.value.insert(
            0,
            serde_json::from_value(
                json!({"records": "ledger_entries", "departments": ["civil_affairs"]}),
            )
            .unwrap(),
        );
    });
    assert_eq!(codes, ["Error:DepartmentApprovesEverything"]);
}

#[test]
fn clause_2_2_5_the_linter_flags_an_absurd_approval_validity() {
    assert_eq!(
        lint_codes(|c| c.approval_valid_days.value = 1_000_000_000_000),
        ["Error:ApprovalValidityAbsurd"]
    );
    assert_eq!(
        lint_codes(|c| c.approval_valid_days.value = 367),
        ["Warning:ApprovalValidityAbsurd"]
    );
    assert!(lint_codes(|c| c.approval_valid_days.value = 366).is_empty());
}

// ---------------------------------------------------------------- the class of an answer

fn stated_class(answer: &str) -> String {
    let v: Value = serde_json::from_str(answer).unwrap();
    v["class"].as_str().unwrap_or("none").to_owned()
}

#[test]
fn clause_2_2_5_an_answer_carrying_a_confidential_value_says_confidential() {
    let m: Vec<String> = (0..12).map(|i| format!("SECRETMARK{i:05}")).collect();
    let dossier = dossier_full_of_secrets(&m, &[(0, 0), (3, 1)]).to_json();
    let granted = {
        let r = request(json!([
            party("a1", "c1", "2023-05-18"),
            department("a2", "public_security", "2023-05-18")
        ]));
        serde_json::to_string(&r).unwrap()
    };
    let period = r#"{"period":{"from":"2023-05-01","to":"2023-05-31"}}"#;
    let answers = [
        (
            "evaluate",
            wangge::api::evaluate_json(None, &dossier, Some(period)),
        ),
        ("assess", wangge::api::assess_json(None, &dossier, None)),
        (
            "evidence",
            wangge::api::evidence_json(None, &dossier, Some(period)),
        ),
        (
            "attendance",
            wangge::api::attendance_json(None, &dossier, Some(period)),
        ),
        (
            "view",
            wangge::api::view_json(&dossier, r#"{"kind":"subdistrict"}"#),
        ),
        (
            "view w1",
            wangge::api::view_json(
                &dossier,
                r#"{"kind":"person","person":"w1","from":"2023-05-10"}"#,
            ),
        ),
        (
            "notice",
            wangge::api::public_notice_json(&dossier, "c1", "2023-07-01"),
        ),
        (
            "filing",
            wangge::api::grid_filing_json(&dossier, "c1", Some("div-2022"), "div-2023"),
        ),
        (
            "disclose",
            wangge::api::disclose_json(None, &dossier, &granted),
        ),
    ];
    let mut carrying = 0;
    for (call, answer) in &answers {
        assert!(
            answer.starts_with(r#"{"status":"success""#),
            "{call}: {answer:.300}"
        );
        let class = stated_class(answer);
        if m.iter().any(|s| answer.contains(s.as_str())) {
            carrying += 1;
            assert_eq!(
                class, "confidential",
                "{call} carries a confidential value as {class}"
            );
        }
    }
    assert!(carrying >= 3, "the test must see confidential values");
    assert_eq!(stated_class(&answers[6].1), "internal");
}

#[test]
fn clause_2_2_5_an_error_names_the_path_never_the_confidential_value() {
    let mut v: Value = serde_json::to_value(sample::confidentiality_2023()).unwrap();
    v["records"]["ledger_entries"][0]["opened"] = json!("王某某");
    let answer = wangge::api::view_json(&v.to_string(), r#"{"kind":"subdistrict"}"#);
    assert!(!answer.contains("王某某"), "{answer}");
    let e = &serde_json::from_str::<Value>(&answer).unwrap()["errors"][0];
    assert_eq!(e["path"], "records.ledger_entries[0].opened", "{e}");
    // A ledger subject that breaks a rule (too long) is not quoted either.
    let mut v: Value = serde_json::to_value(sample::confidentiality_2023()).unwrap();
    v["records"]["ledger_entries"][0]["last_updated"] = json!("2021-01-01");
    let answer = wangge::api::view_json(&v.to_string(), r#"{"kind":"subdistrict"}"#);
    assert!(answer.contains("failure"), "{answer:.300}");
    assert!(!answer.contains("王某"), "{answer}");
    // An internal field's value is still quoted, to help the host fix it.
    let mut v: Value = serde_json::to_value(sample::confidentiality_2023()).unwrap();
    v["records"]["work_records"][0]["date"] = json!("17/04/2023");
    let answer = wangge::api::view_json(&v.to_string(), r#"{"kind":"subdistrict"}"#);
    assert!(answer.contains("17/04/2023"), "{answer}");
}

/// A `wangge::api` call over a dossier: policy, dossier, options → answer text.
type DossierCall = fn(Option<&str>, &str, Option<&str>) -> String;

#[test]
fn clause_2_2_5_class_at_most_withholds_resident_data_from_every_report() {
    let m: Vec<String> = (0..12).map(|i| format!("SECRETMARK{i:05}")).collect();
    let dossier = dossier_full_of_secrets(&m, &[(0, 0), (3, 1)]).to_json();
    for at_most in ["internal", "public"] {
        let options = format!(
            r#"{{"period":{{"from":"2023-05-01","to":"2023-05-31"}},"class_at_most":"{at_most}"}}"#
        );
        let whole = r#"{"period":{"from":"2023-05-01","to":"2023-05-31"}}"#;
        let calls: [(&str, DossierCall); 4] = [
            ("evaluate", wangge::api::evaluate_json),
            ("assess", wangge::api::assess_json),
            ("evidence", wangge::api::evidence_json),
            ("attendance", wangge::api::attendance_json),
        ];
        for (call, f) in calls {
            let answer = f(None, &dossier, Some(&options));
            assert!(
                answer.starts_with(r#"{"status":"success""#),
                "{call}: {answer:.300}"
            );
            assert!(
                !m.iter().any(|s| answer.contains(s.as_str())),
                "{call} under {at_most} quotes a confidential value"
            );
            let class = stated_class(&answer);
            assert!(
                class == at_most || (at_most == "internal" && class == "public"),
                "{call} under {at_most} says {class}"
            );
            let v: Value = serde_json::from_str(&answer).unwrap();
            let full: Value = serde_json::from_str(&f(None, &dossier, Some(whole))).unwrap();
            if stated_class(&full.to_string()) == "confidential" {
                // What was withheld is listed; the rest of the answer is still there.
                assert!(
                    v["withheld"].as_array().is_some_and(|w| !w.is_empty()),
                    "{call}: {answer:.400}"
                );
            }
            if call == "evidence" && at_most == "internal" {
                // No must-visit group or ledger count of a grid (2.2.5): the whole ledger
                // list is withheld, the people's problem counts are kept.
                assert!(
                    !v["value"].to_string().contains("must_visit_groups"),
                    "{answer:.400}"
                );
                assert_eq!(v["value"]["ledgers"], json!([]), "{answer:.400}");
                assert_eq!(
                    v["value"]["people"].as_array().map(Vec::len),
                    full["value"]["people"].as_array().map(Vec::len)
                );
                assert!(
                    v["withheld"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|p| p.as_str().is_some_and(|p| p.starts_with("ledgers[]"))),
                    "{answer:.400}"
                );
            }
        }
    }
    // Without the option the answer is whole, byte for byte the plain call.
    let whole = r#"{"period":{"from":"2023-05-01","to":"2023-05-31"}}"#;
    let plain = wangge::api::evidence_json(None, &dossier, Some(whole));
    assert_eq!(stated_class(&plain), "confidential");
    assert!(!plain.contains("withheld"));
}
