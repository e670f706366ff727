//! Facts: the counts per person and period that a scheme's components, adjustments and
//! exceptions name. Each fact has a polarity (more is better, or worse), which the linter uses
//! to check that more compliance never lowers a score.

use crate::compliance::Report;
use crate::policy::{Binds, Policy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Counts per fact name.
pub type Facts = BTreeMap<String, i64>;

/// Whether more of a fact is better or worse for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// More is better (duties met, problems solved).
    Good,
    /// More is worse (duties missed, notices, incidents).
    Bad,
    /// Neither (duties excused, counts due).
    Neutral,
}

/// A fact a scheme may name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FactInfo {
    /// Name, such as `patrol-minutes-daily.missed`.
    pub name: String,
    /// The clause it comes from.
    pub clause: String,
    /// Whether more is better.
    pub polarity: Polarity,
    /// What it counts.
    pub description: String,
}

/// Every fact available under `policy`.
pub fn catalogue(policy: &Policy) -> Vec<FactInfo> {
    let mut out = Vec::new();
    let mut add = |name: String, clause: &str, polarity: Polarity, description: String| {
        out.push(FactInfo {
            name,
            clause: clause.to_owned(),
            polarity,
            description,
        });
    };
    for o in &policy.document().obligations {
        if o.binds == Binds::Community {
            continue;
        }
        add(
            format!("{}.met", o.id),
            &o.clause,
            Polarity::Good,
            format!("instances of `{}` met", o.id),
        );
        add(
            format!("{}.missed", o.id),
            &o.clause,
            Polarity::Bad,
            format!("instances of `{}` missed", o.id),
        );
        add(
            format!("{}.excused", o.id),
            &o.clause,
            Polarity::Neutral,
            format!("instances of `{}` excused", o.id),
        );
    }
    add(
        "compliance.met".into(),
        "4.1",
        Polarity::Good,
        "all duties met".into(),
    );
    add(
        "compliance.missed".into(),
        "4.1",
        Polarity::Bad,
        "all duties missed".into(),
    );
    add(
        "compliance.due".into(),
        "4.1",
        Polarity::Neutral,
        "all duties due (met + missed)".into(),
    );
    out
}

/// The compliance facts of each person in a report.
pub fn from_compliance(report: &Report) -> BTreeMap<String, Facts> {
    let mut out = BTreeMap::new();
    for p in &report.people {
        let mut facts = Facts::new();
        for o in &p.obligations {
            facts.insert(format!("{}.met", o.obligation), i64::from(o.totals.met));
            facts.insert(
                format!("{}.missed", o.obligation),
                i64::from(o.totals.missed),
            );
            facts.insert(
                format!("{}.excused", o.obligation),
                i64::from(o.totals.excused),
            );
        }
        facts.insert("compliance.met".into(), i64::from(p.totals.met));
        facts.insert("compliance.missed".into(), i64::from(p.totals.missed));
        facts.insert("compliance.due".into(), i64::from(p.totals.due()));
        out.insert(p.person.clone(), facts);
    }
    out
}
