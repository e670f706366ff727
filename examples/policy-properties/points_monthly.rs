//! Property-testing a subdistrict's own policy with `wangge::strategies` (feature `proptest`):
//! the points-based monthly policy `examples/policies/points-monthly.policy.json`.
//!
//! A policy author states what the scheme must do, in their own words, and proptest looks for a
//! generated dossier (a month of 2023, one or two communities) that breaks it:
//!
//! - a worker with no missed duty and no deduction scores the full 100 points;
//! - more missed patrols never raise anyone's score;
//! - a worker's score never leaves the scale of 0 to 100.
//!
//! Run it with `cargo test -p wangge-examples --test points_monthly`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use std::collections::BTreeMap;
use wangge::assessment::assess;
use wangge::decimal::Decimal;
use wangge::{Dossier, Options, Policy, Status, evaluate, strategies};

fn points_policy() -> Policy {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/policies/points-monthly.policy.json"
    );
    Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn scores(policy: &Policy, d: &Dossier) -> BTreeMap<String, Decimal> {
    assess(policy, d, &Options::default())
        .unwrap()
        .workers
        .into_iter()
        .map(|w| (w.person, w.score))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_worker_with_no_missed_duty_and_no_deduction_scores_100(d in strategies::dossier()) {
        let policy = points_policy();
        let report = evaluate(&policy, &d, &Options::default()).unwrap();
        let assessment = assess(&policy, &d, &Options::default()).unwrap();
        for w in &assessment.workers {
            let person = report.person(&w.person).unwrap();
            let missed = person.findings.iter().any(|f| f.status == Status::Missed);
            if !missed && w.adjustments.is_empty() {
                prop_assert_eq!(w.score, Decimal::parse("100").unwrap(), "{}", w.person);
            }
        }
    }

    #[test]
    fn more_missed_patrols_never_raise_a_score(d in strategies::dossier(), every in 1usize..=4) {
        let policy = points_policy();
        let mut fewer = d.clone();
        // Drop every patrol of every `every`-th work record: more days fall short of 2.2.2.
        for w in fewer.records.work_records.iter_mut().step_by(every) {
            w.patrols.clear();
        }
        let before = scores(&policy, &d);
        for (person, after) in scores(&policy, &fewer) {
            prop_assert!(after <= before[&person], "{person}: {} then {after}", before[&person]);
        }
    }

    #[test]
    fn a_score_never_leaves_the_scale(d in strategies::dossier()) {
        for (person, score) in scores(&points_policy(), &d) {
            prop_assert!(score >= Decimal::parse("0").unwrap(), "{person}: {score}");
            prop_assert!(score <= Decimal::parse("100").unwrap(), "{person}: {score}");
        }
    }
}
