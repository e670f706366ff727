//! Before a subdistrict changes its measures: two policies over the same records.
//!
//! - [`diff`] lists what changed from policy A to policy B — parameters (old → new, with their
//!   clause and note), obligations added, retired or changed (with their effective dates),
//!   scoring components, bands, exceptions, bonus items and deductions — each citing its
//!   clause, in Chinese and English.
//! - [`compare`] assesses one dossier under both and answers, for every grid worker, the score
//!   and grade under each, the consequences of 5.1 and 5.2 under each and, for those whose grade
//!   changes, the reasons that differ with their points; per community the grade distribution
//!   (4.2) under each and how many move up or down. The scores and grades are those of
//!   [`assess`] itself, not recomputed.
//! - [`sweep`] sets one numeric value of a policy, named by its JSON path, to each of a list of
//!   values and answers the distribution and the people whose grade differs from the policy's
//!   own at each value.
//!
//! Canonical order: a diff lists sections in a fixed order (parameters, calendar, evidence,
//! attendance, confidentiality, obligations, the scheme's scalars, components, bonus items and
//! deductions, bands, exceptions), the items of a list in policy B's order, then those only A has
//! in A's order. A comparison lists workers by the size of their change: first those graded
//! under one policy only, then by the number of grades moved (larger first), then by the score
//! change in points (larger first, when scores are comparable), then by person ID. Communities
//! keep the organisation's order.

use crate::assessment::lint::{Severity, check_policy};
use crate::assessment::{Assessment, Consequence, Distribution, Grade, RuleKind, assess};
use crate::compliance::Options;
use crate::decimal::Decimal;
use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Problem};
use crate::lang::Lang;
use crate::policy::PolicyRef;
use crate::policy::{Policy, PolicyDocument};
use crate::time::{Date, DateRange};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

// ------------------------------------------------------------------------------------- diff

/// The part of a policy a change is in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Policy-wide open values (`parameters`).
    Parameter,
    /// Additions to the working-day calendar (`calendar`).
    Calendar,
    /// Open values of the evidence rules (`evidence`).
    Evidence,
    /// Working hours and attendance values (`attendance`).
    Attendance,
    /// Confidentiality and disclosure values (`confidentiality`).
    Confidentiality,
    /// An obligation (`obligations`).
    Obligation,
    /// A value of the scoring scheme itself: scale, decimals, parts, quota (`assessment`).
    Scheme,
    /// A scored component (`assessment.components`).
    Component,
    /// A bonus item or deduction (`assessment.adjustments`).
    Adjustment,
    /// A grade band (`assessment.bands`).
    Band,
    /// A labelled exception (`assessment.exceptions`).
    Exception,
}

impl Section {
    fn label_zh(self) -> &'static str {
        match self {
            Section::Parameter => "参数",
            Section::Calendar => "工作日历",
            Section::Evidence => "证据规则取值",
            Section::Attendance => "考勤规则取值",
            Section::Confidentiality => "保密规则取值",
            Section::Obligation => "职责",
            Section::Scheme => "考核方案",
            Section::Component => "考核计分项",
            Section::Adjustment => "加减分项",
            Section::Band => "等次分数段",
            Section::Exception => "等次例外规定",
        }
    }
    fn label_en(self) -> &'static str {
        match self {
            Section::Parameter => "parameter",
            Section::Calendar => "calendar",
            Section::Evidence => "evidence value",
            Section::Attendance => "attendance value",
            Section::Confidentiality => "confidentiality value",
            Section::Obligation => "obligation",
            Section::Scheme => "scoring scheme",
            Section::Component => "scored component",
            Section::Adjustment => "bonus or deduction",
            Section::Band => "grade band",
            Section::Exception => "exception",
        }
    }
}

/// What happened to an item.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only policy B has it.
    Added,
    /// Only policy A has it.
    Removed,
    /// An obligation policy B ends (its `effective_to` set or moved earlier).
    Retired,
    /// Both have it, with different values.
    Changed,
}

/// One value that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FieldChange {
    /// JSON path in the policy document (policy B's, or A's for a value only A has).
    pub path: String,
    /// The value under A as compact JSON; absent when A has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// The value under B as compact JSON; absent when B has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

/// One changed item of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Change {
    /// The part of the policy.
    pub section: Section,
    /// Added, removed, retired or changed.
    pub kind: ChangeKind,
    /// The item: its ID (a band: its grade; a value: its JSON path).
    pub id: String,
    /// The clause it rests on.
    pub clause: String,
    /// For an obligation serving a duty of another clause (the 防疫情 tick serves 2.1.10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serves: Option<String>,
    /// JSON path of the item in the policy document (B's; A's when removed).
    pub path: String,
    /// Chinese title of the item, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_zh: Option<String>,
    /// First day in force under B (obligations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<Date>,
    /// Last day in force under B (obligations; a retired one ends here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<Date>,
    /// The values that differ (for an added or removed item: the item itself).
    pub fields: Vec<FieldChange>,
    /// The item's note (why; says when it is a local choice), B's or else A's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The change in Chinese.
    pub text_zh: String,
    /// The change in English.
    pub text_en: String,
}

/// The answer of [`diff`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PolicyDiff {
    /// Policy A (the one in force).
    pub a: PolicyRef,
    /// Policy B (the proposal).
    pub b: PolicyRef,
    /// True when both scoring schemes have the same scale, so scores can be compared; false
    /// when they differ (or one has no scheme): compare by grade only.
    pub scores_comparable: bool,
    /// Every change, in canonical order (see the module).
    pub changes: Vec<Change>,
}

fn compact(v: &Value) -> String {
    crate::to_json(v)
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// Every differing leaf between two values: objects by key, arrays whole (an array of objects
/// with `id`s by ID).
fn leaf_diff(path: &str, a: Option<&Value>, b: Option<&Value>, out: &mut Vec<FieldChange>) {
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let mut keys: Vec<&String> = y.keys().collect();
            keys.extend(x.keys().filter(|k| !y.contains_key(*k)));
            for k in keys {
                leaf_diff(&join(path, k), x.get(k), y.get(k), out);
            }
        }
        (Some(x), Some(y)) if x == y => {}
        (None, None) => {}
        (x, y) => out.push(FieldChange {
            path: path.to_owned(),
            old: x.filter(|v| !v.is_null()).map(compact),
            new: y.filter(|v| !v.is_null()).map(compact),
        }),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn fields_text(fields: &[FieldChange], lang: Lang) -> String {
    let none = match lang {
        Lang::Zh => "无",
        Lang::En => "none",
    };
    // A long text (a note, a title) is named, not quoted: the whole is in `fields`.
    let long = |v: &Option<String>| v.as_ref().is_some_and(|t| t.chars().count() > 60);
    fields
        .iter()
        .map(|f| {
            if long(&f.old) || long(&f.new) {
                return match lang {
                    Lang::Zh => format!("{}: 文字已修改", f.path),
                    Lang::En => format!("{}: text changed", f.path),
                };
            }
            format!(
                "{}: {} → {}",
                f.path,
                f.old.as_deref().unwrap_or(none),
                f.new.as_deref().unwrap_or(none)
            )
        })
        .collect::<Vec<_>>()
        .join(match lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        })
}

struct Item<'a> {
    section: Section,
    kind: ChangeKind,
    id: String,
    path: String,
    old: Option<&'a Value>,
    new: Option<&'a Value>,
    fields: Vec<FieldChange>,
    fallback_clause: &'static str,
}

fn change_of(item: Item<'_>) -> Change {
    let pick = |key: &str| {
        item.new
            .and_then(|v| str_of(v, key))
            .or_else(|| item.old.and_then(|v| str_of(v, key)))
            .map(str::to_owned)
    };
    let clause = pick("clause").unwrap_or_else(|| item.fallback_clause.to_owned());
    // What the item serves is B's when B has the item (an item may stop serving another duty).
    let serves = match item.new {
        Some(v) => str_of(v, "serves").map(str::to_owned),
        None => item
            .old
            .and_then(|v| str_of(v, "serves"))
            .map(str::to_owned),
    }
    .filter(|s| *s != clause);
    let title_zh = pick("title_zh");
    let note = pick("note");
    let date = |key: &str| {
        item.new
            .and_then(|v| str_of(v, key))
            .and_then(|t| Date::parse(t).ok())
    };
    let (effective_from, effective_to) = if item.section == Section::Obligation {
        (date("effective_from"), date("effective_to"))
    } else {
        (None, None)
    };
    let cited_zh = match &serves {
        Some(s) => format!("{clause}，服务于{s}"),
        None => clause.clone(),
    };
    let cited_en = match &serves {
        Some(s) => format!("{clause}, serving {s}"),
        None => clause.clone(),
    };
    // A band is named by its grade.
    let band = (item.section == Section::Band)
        .then(|| serde_json::from_value::<Grade>(Value::String(item.id.clone())).ok())
        .flatten();
    let title_zh = title_zh.or_else(|| band.map(|g| g.label_zh().to_owned()));
    let name_zh = match &title_zh {
        Some(t) => format!(
            "{} {}（{}）“{}”",
            item.section.label_zh(),
            item.id,
            cited_zh,
            t
        ),
        None => format!("{} {}（{}）", item.section.label_zh(), item.id, cited_zh),
    };
    let title_en = item
        .new
        .and_then(|v| str_of(v, "title_en"))
        .or_else(|| item.old.and_then(|v| str_of(v, "title_en")))
        .or_else(|| band.map(|g| g.label_en()));
    let name_en = match title_en {
        Some(t) => format!(
            "{} {} ({}) \"{}\"",
            item.section.label_en(),
            item.id,
            cited_en,
            t
        ),
        None => format!("{} {} ({})", item.section.label_en(), item.id, cited_en),
    };
    let values_zh = fields_text(&item.fields, Lang::Zh);
    let values_en = fields_text(&item.fields, Lang::En);
    let (text_zh, text_en) = match item.kind {
        ChangeKind::Added => (format!("新增{name_zh}"), format!("added: {name_en}")),
        ChangeKind::Removed => (format!("删除{name_zh}"), format!("removed: {name_en}")),
        ChangeKind::Retired => {
            let to = effective_to.map(|d| d.to_string()).unwrap_or_default();
            (
                format!("废止{name_zh}：执行至{to}，此后不再考核（{values_zh}）"),
                format!(
                    "retired: {name_en}, in force until {to} and no longer checked after ({values_en})"
                ),
            )
        }
        ChangeKind::Changed => (
            format!("修改{name_zh}：{values_zh}"),
            format!("changed: {name_en}: {values_en}"),
        ),
    };
    Change {
        section: item.section,
        kind: item.kind,
        id: item.id,
        clause,
        serves,
        path: item.path,
        title_zh,
        effective_from,
        effective_to,
        fields: item.fields,
        note,
        text_zh,
        text_en,
    }
}

/// A keyed list (obligations, components, adjustments, bands, exceptions): items matched by
/// their key.
fn diff_list(
    section: Section,
    path: &str,
    key: &str,
    a: Option<&Value>,
    b: Option<&Value>,
    fallback_clause: &'static str,
    out: &mut Vec<Change>,
) {
    let empty = Vec::new();
    let xs = a.and_then(Value::as_array).unwrap_or(&empty);
    let ys = b.and_then(Value::as_array).unwrap_or(&empty);
    let key_of = |v: &Value| str_of(v, key).unwrap_or("").to_owned();
    let index_a: BTreeMap<String, (usize, &Value)> = xs
        .iter()
        .enumerate()
        .map(|(i, v)| (key_of(v), (i, v)))
        .collect();
    let index_b: BTreeMap<String, &Value> = ys.iter().map(|v| (key_of(v), v)).collect();
    for (i, y) in ys.iter().enumerate() {
        let id = key_of(y);
        let item_path = format!("{path}[{i}]");
        match index_a.get(&id) {
            None => out.push(change_of(Item {
                section,
                kind: ChangeKind::Added,
                id,
                path: item_path.clone(),
                old: None,
                new: Some(y),
                fields: vec![FieldChange {
                    path: item_path,
                    old: None,
                    new: Some(compact(y)),
                }],
                fallback_clause,
            })),
            Some((_, x)) => {
                let mut fields = Vec::new();
                leaf_diff(&item_path, Some(x), Some(y), &mut fields);
                if fields.is_empty() {
                    continue;
                }
                let retired = section == Section::Obligation && {
                    let to_a = str_of(x, "effective_to").and_then(|t| Date::parse(t).ok());
                    let to_b = str_of(y, "effective_to").and_then(|t| Date::parse(t).ok());
                    match (to_a, to_b) {
                        (None, Some(_)) => true,
                        (Some(p), Some(q)) => q < p,
                        _ => false,
                    }
                };
                out.push(change_of(Item {
                    section,
                    kind: if retired {
                        ChangeKind::Retired
                    } else {
                        ChangeKind::Changed
                    },
                    id,
                    path: item_path,
                    old: Some(x),
                    new: Some(y),
                    fields,
                    fallback_clause,
                }));
            }
        }
    }
    for (i, x) in xs.iter().enumerate() {
        let id = key_of(x);
        if index_b.contains_key(&id) {
            continue;
        }
        let item_path = format!("{path}[{i}]");
        out.push(change_of(Item {
            section,
            kind: ChangeKind::Removed,
            id,
            path: item_path.clone(),
            old: Some(x),
            new: None,
            fields: vec![FieldChange {
                path: item_path,
                old: Some(compact(x)),
                new: None,
            }],
            fallback_clause,
        }));
    }
}

/// A section of single values: each differing leaf grouped under its nearest enclosing object
/// that names a clause (a `Choice`), else under the section.
fn diff_values(
    section: Section,
    path: &str,
    a: Option<&Value>,
    b: Option<&Value>,
    skip: &[&str],
    fallback_clause: &'static str,
    out: &mut Vec<Change>,
) {
    let mut fields = Vec::new();
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let mut keys: Vec<&String> = y.keys().collect();
            keys.extend(x.keys().filter(|k| !y.contains_key(*k)));
            for k in keys.into_iter().filter(|k| !skip.contains(&k.as_str())) {
                leaf_diff(&join(path, k), x.get(k), y.get(k), &mut fields);
            }
        }
        _ => leaf_diff(path, a, b, &mut fields),
    }
    // Group by the holder: the longest prefix whose value (in B, else A) has a `clause`.
    let mut groups: Vec<(String, Vec<FieldChange>)> = Vec::new();
    for f in fields {
        let holder = holder_of(path, &f.path, a, b);
        match groups.iter_mut().find(|(h, _)| *h == holder) {
            Some((_, list)) => list.push(f),
            None => groups.push((holder, vec![f])),
        }
    }
    for (holder, fields) in groups {
        let rel = holder
            .strip_prefix(path)
            .map(|r| r.trim_start_matches('.'))
            .unwrap_or("");
        let old = pointer(a, rel);
        let new = pointer(b, rel);
        let has_clause = |v: Option<&Value>| v.and_then(|v| str_of(v, "clause")).is_some();
        let (old, new) = if has_clause(old) || has_clause(new) {
            (old, new)
        } else {
            (None, None)
        };
        out.push(change_of(Item {
            section,
            kind: ChangeKind::Changed,
            id: holder.clone(),
            path: holder,
            old,
            new,
            fields,
            fallback_clause,
        }));
    }
}

fn pointer<'a>(root: Option<&'a Value>, rel: &str) -> Option<&'a Value> {
    let mut v = root?;
    if rel.is_empty() {
        return Some(v);
    }
    for k in rel.split('.') {
        v = v.get(k)?;
    }
    Some(v)
}

fn holder_of(base: &str, leaf: &str, a: Option<&Value>, b: Option<&Value>) -> String {
    let rel = leaf
        .strip_prefix(base)
        .map(|r| r.trim_start_matches('.'))
        .unwrap_or("");
    let parts: Vec<&str> = if rel.is_empty() {
        Vec::new()
    } else {
        rel.split('.').collect()
    };
    for n in (1..=parts.len()).rev() {
        let prefix = parts.get(..n).map(|p| p.join(".")).unwrap_or_default();
        let found = [b, a].into_iter().any(|root| {
            pointer(root, &prefix)
                .and_then(|v| str_of(v, "clause"))
                .is_some()
        });
        if found {
            return join(base, &prefix);
        }
    }
    leaf.to_owned()
}

/// What changed from policy A to policy B, each change citing its clause (module docs give the
/// order). Metadata (ID, version, source, the policy's own dates) is in `a` and `b`.
///
/// ```
/// use wangge::Policy;
/// let p = Policy::xincheng_2022();
/// let d = wangge::reform::diff(&p, &p);
/// assert!(d.changes.is_empty() && d.scores_comparable);
/// ```
pub fn diff(a: &Policy, b: &Policy) -> PolicyDiff {
    let (da, db) = (a.document(), b.document());
    let va = serde_json::to_value(da).unwrap_or(Value::Null);
    let vb = serde_json::to_value(db).unwrap_or(Value::Null);
    let mut changes = Vec::new();
    let sections: [(Section, &str, &'static str); 5] = [
        (Section::Parameter, "parameters", "2.2.2"),
        (Section::Calendar, "calendar", "2.2.2"),
        (Section::Evidence, "evidence", "2.2.2"),
        (Section::Attendance, "attendance", "3.3"),
        (Section::Confidentiality, "confidentiality", "2.2.5"),
    ];
    for (section, key, clause) in sections {
        diff_values(
            section,
            key,
            va.get(key),
            vb.get(key),
            &[],
            clause,
            &mut changes,
        );
    }
    diff_list(
        Section::Obligation,
        "obligations",
        "id",
        va.get("obligations"),
        vb.get("obligations"),
        "2.2.2",
        &mut changes,
    );
    let (sa, sb) = (va.get("assessment"), vb.get("assessment"));
    diff_values(
        Section::Scheme,
        "assessment",
        sa,
        sb,
        &["components", "adjustments", "bands", "exceptions"],
        "4.1",
        &mut changes,
    );
    for (section, key, id) in [
        (Section::Component, "components", "id"),
        (Section::Adjustment, "adjustments", "id"),
        (Section::Band, "bands", "grade"),
        (Section::Exception, "exceptions", "id"),
    ] {
        diff_list(
            section,
            &format!("assessment.{key}"),
            id,
            sa.and_then(|s| s.get(key)),
            sb.and_then(|s| s.get(key)),
            "4.1",
            &mut changes,
        );
    }
    PolicyDiff {
        a: policy_ref(da),
        b: policy_ref(db),
        scores_comparable: scales(a, b).is_none(),
        changes,
    }
}

fn policy_ref(d: &PolicyDocument) -> PolicyRef {
    PolicyRef {
        id: d.id.clone(),
        version: d.version.clone(),
    }
}

/// `None` when the two scales agree; else the two scales (absent for a policy with no scheme).
fn scales(a: &Policy, b: &Policy) -> Option<(Option<Decimal>, Option<Decimal>)> {
    let sa = a.document().assessment.as_ref().map(|s| s.scale);
    let sb = b.document().assessment.as_ref().map(|s| s.scale);
    match (sa, sb) {
        (Some(x), Some(y)) if x == y => None,
        other => Some(other),
    }
}

// -------------------------------------------------------------------------------- compare

/// Which way a worker's grade moves from A to B.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// A better grade under B.
    Up,
    /// A worse grade under B.
    Down,
    /// The same grade.
    Same,
    /// Graded under A only (nothing due under B).
    OnlyA,
    /// Graded under B only (nothing due under A).
    OnlyB,
}

/// How a reason differs between A and B.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReasonChangeKind {
    /// The rule fires under B only.
    OnlyB,
    /// The rule fires under A only.
    OnlyA,
    /// It fires under both, saying different things.
    Changed,
}

/// A reason (a rule that fired) that differs between A and B, with its points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReasonChange {
    /// Kind of rule.
    pub kind: RuleKind,
    /// Rule ID.
    pub id: String,
    /// Its clause.
    pub clause: String,
    /// Under A only, B only, or both differently.
    pub change: ReasonChangeKind,
    /// Points under A: lost on a component (negative), added or taken by a bonus or deduction,
    /// rounded as A's scheme rounds scores; absent for exceptions, quota and consequences, and
    /// when the rule does not fire under A.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_a: Option<Decimal>,
    /// Points under B, as `points_a`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_b: Option<Decimal>,
    /// The reason under A, as `assess` says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_a: Option<String>,
    /// The reason under B, as `assess` says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_b: Option<String>,
    /// The policy value it rests on when a local choice (本地规定), B's or else A's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_choice: Option<String>,
}

/// One worker under both policies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WorkerComparison {
    /// Person ID.
    pub person: String,
    /// Name.
    pub name: String,
    /// Community.
    pub community: String,
    /// Score under A (as `assess` gives it); absent when not graded under A.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_a: Option<Decimal>,
    /// Score under B (as `assess` gives it); absent when not graded under B.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_b: Option<Decimal>,
    /// B's score minus A's; absent when the scales differ (scores not comparable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_change: Option<Decimal>,
    /// Final grade under A.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade_a: Option<Grade>,
    /// Final grade under B.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade_b: Option<Grade>,
    /// Up, down, same, or graded under one only.
    pub movement: Movement,
    /// Consequences under A (5.1, 5.2).
    pub consequences_a: Vec<Consequence>,
    /// Consequences under B (5.1, 5.2).
    pub consequences_b: Vec<Consequence>,
    /// Award eligibility under A (false under 5.2's veto for a year).
    pub award_eligible_a: bool,
    /// Award eligibility under B.
    pub award_eligible_b: bool,
    /// For a worker whose grade changes: the reasons that differ, with their points, in the
    /// order `assess` lists B's reasons, then those under A only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<ReasonChange>,
    /// The change in words, in the answer's language; for a worker whose grade changes, with
    /// what decides the grade under B (the assessment's margin: the band, the gap to the next).
    pub text: String,
}

/// A community's distributions under both policies (4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CommunityComparison {
    /// Community ID.
    pub community: String,
    /// Name.
    pub name: String,
    /// Grades under A.
    pub distribution_a: Distribution,
    /// Grades under B.
    pub distribution_b: Distribution,
    /// Mean score under A.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_score_a: Option<Decimal>,
    /// Mean score under B.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_score_b: Option<Decimal>,
    /// Workers with a better grade under B.
    pub up: u32,
    /// Workers with a worse grade under B.
    pub down: u32,
}

/// The answer of [`compare`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Comparison {
    /// Policy A (the one in force).
    pub a: PolicyRef,
    /// Policy B (the proposal).
    pub b: PolicyRef,
    /// Period assessed.
    pub period: DateRange,
    /// Language of texts.
    pub lang: Lang,
    /// False when records were set aside under either policy.
    pub complete: bool,
    /// True when both schemes have the same scale; false: compare by grade only.
    pub scores_comparable: bool,
    /// Says, when the scores are not comparable, why (the two scales).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Grades of every worker under A.
    pub distribution_a: Distribution,
    /// Grades of every worker under B.
    pub distribution_b: Distribution,
    /// Workers with a better grade under B.
    pub up: u32,
    /// Workers with a worse grade under B.
    pub down: u32,
    /// Every worker graded under either, largest change first (module docs give the order).
    pub workers: Vec<WorkerComparison>,
    /// Every community, in organisation order.
    pub communities: Vec<CommunityComparison>,
}

fn rule_points(w: &crate::assessment::WorkerResult, kind: RuleKind, id: &str) -> Option<Decimal> {
    match kind {
        RuleKind::Component => w
            .components
            .iter()
            .find(|c| c.id == id)
            .map(|c| Decimal::ZERO.minus(c.lost)),
        RuleKind::Adjustment => w.adjustments.iter().find(|a| a.id == id).map(|a| {
            if a.direction == crate::assessment::Direction::Deduction {
                Decimal::ZERO.minus(a.points)
            } else {
                a.points
            }
        }),
        _ => None,
    }
}

/// The rules of a worker keyed by kind, ID and occurrence (5.1 fires twice).
fn keyed(w: &crate::assessment::WorkerResult) -> Vec<((RuleKind, String, usize), usize)> {
    let mut seen: BTreeMap<(u8, String), usize> = BTreeMap::new();
    w.rules
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let n = seen.entry((r.kind as u8, r.id.clone())).or_insert(0);
            let key = (r.kind, r.id.clone(), *n);
            *n += 1;
            (key, i)
        })
        .collect()
}

/// The reasons that differ; points rounded as each scheme rounds its scores (`places_a`,
/// `places_b`), as the reasons' own texts say them.
fn reasons(
    a: &crate::assessment::WorkerResult,
    b: &crate::assessment::WorkerResult,
    places_a: u32,
    places_b: u32,
) -> Vec<ReasonChange> {
    let ka = keyed(a);
    let kb = keyed(b);
    // Each side's rules indexed once by key, so matching is n·log n, not a scan per rule; the
    // lists keep each side's rule order for the answer.
    let index =
        |list: &[((RuleKind, String, usize), usize)]| -> BTreeMap<(u8, String, usize), usize> {
            list.iter()
                .map(|((kind, id, n), i)| ((*kind as u8, id.clone(), *n), *i))
                .collect()
        };
    let (ia_of, ib_of) = (index(&ka), index(&kb));
    let find = |of: &BTreeMap<(u8, String, usize), usize>,
                (kind, id, n): &(RuleKind, String, usize)| {
        of.get(&(*kind as u8, id.clone(), *n)).copied()
    };
    let mut out = Vec::new();
    for (key, ib) in &kb {
        let Some(rb) = b.rules.get(*ib) else { continue };
        let ra = find(&ia_of, key).and_then(|i| a.rules.get(i));
        if ra.is_some_and(|ra| ra.text == rb.text) {
            continue;
        }
        out.push(ReasonChange {
            kind: rb.kind,
            id: rb.id.clone(),
            clause: rb.clause.clone(),
            change: if ra.is_some() {
                ReasonChangeKind::Changed
            } else {
                ReasonChangeKind::OnlyB
            },
            points_a: ra
                .and_then(|r| rule_points(a, r.kind, &r.id))
                .map(|p| p.round(places_a)),
            points_b: rule_points(b, rb.kind, &rb.id).map(|p| p.round(places_b)),
            text_a: ra.map(|r| r.text.clone()),
            text_b: Some(rb.text.clone()),
            local_choice: rb
                .local_choice
                .clone()
                .or_else(|| ra.and_then(|r| r.local_choice.clone())),
        });
    }
    for (key, ia) in &ka {
        if find(&ib_of, key).is_some() {
            continue;
        }
        let Some(ra) = a.rules.get(*ia) else { continue };
        out.push(ReasonChange {
            kind: ra.kind,
            id: ra.id.clone(),
            clause: ra.clause.clone(),
            change: ReasonChangeKind::OnlyA,
            points_a: rule_points(a, ra.kind, &ra.id).map(|p| p.round(places_a)),
            points_b: None,
            text_a: Some(ra.text.clone()),
            text_b: None,
            local_choice: ra.local_choice.clone(),
        });
    }
    out
}

fn grade_label(g: Option<Grade>, lang: Lang) -> &'static str {
    match (g, lang) {
        (Some(g), Lang::Zh) => g.label_zh(),
        (Some(g), Lang::En) => g.label_en(),
        (None, Lang::Zh) => "未参评",
        (None, Lang::En) => "not graded",
    }
}

fn worker_text(w: &WorkerComparison, lang: Lang) -> String {
    let score = |s: Option<Decimal>| s.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let (ga, gb) = (grade_label(w.grade_a, lang), grade_label(w.grade_b, lang));
    let lost_award = w.award_eligible_a && !w.award_eligible_b;
    let gained_award = !w.award_eligible_a && w.award_eligible_b;
    let mut text = match (lang, w.movement) {
        (Lang::Zh, Movement::Same) => format!(
            "等次不变（{ga}），得分{}→{}",
            score(w.score_a),
            score(w.score_b)
        ),
        (Lang::Zh, _) => format!(
            "等次{ga}→{gb}，得分{}→{}",
            score(w.score_a),
            score(w.score_b)
        ),
        (Lang::En, Movement::Same) => format!(
            "grade unchanged ({ga}), score {} → {}",
            score(w.score_a),
            score(w.score_b)
        ),
        (Lang::En, _) => format!(
            "grade {ga} → {gb}, score {} → {}",
            score(w.score_a),
            score(w.score_b)
        ),
    };
    let has = |list: &[Consequence], c: Consequence| list.contains(&c);
    let priority_lost = has(&w.consequences_a, Consequence::PriorityForAwards)
        && !has(&w.consequences_b, Consequence::PriorityForAwards);
    let priority_gained = !has(&w.consequences_a, Consequence::PriorityForAwards)
        && has(&w.consequences_b, Consequence::PriorityForAwards);
    let veto_new = !has(&w.consequences_a, Consequence::NoAwardEligibility)
        && has(&w.consequences_b, Consequence::NoAwardEligibility);
    let veto_gone = has(&w.consequences_a, Consequence::NoAwardEligibility)
        && !has(&w.consequences_b, Consequence::NoAwardEligibility);
    let mut extra = Vec::new();
    match lang {
        Lang::Zh => {
            if priority_lost {
                extra.push("不再享有5.1评先选优优先考虑");
            }
            if priority_gained {
                extra.push("获得5.1评先选优优先考虑");
            }
            if veto_new {
                extra.push(if lost_award {
                    "适用5.2一票否决，失去年度评先资格"
                } else {
                    "适用5.2一票否决（本期非全年）"
                });
            }
            if veto_gone {
                extra.push(if gained_award {
                    "不再适用5.2一票否决，恢复年度评先资格"
                } else {
                    "不再适用5.2一票否决"
                });
            }
        }
        Lang::En => {
            if priority_lost {
                extra.push("loses 5.1's priority for awards");
            }
            if priority_gained {
                extra.push("gains 5.1's priority for awards");
            }
            if veto_new {
                extra.push(if lost_award {
                    "falls under 5.2's one-vote veto and loses the year's award eligibility"
                } else {
                    "falls under 5.2's one-vote veto (the period is not a year)"
                });
            }
            if veto_gone {
                extra.push(if gained_award {
                    "no longer under 5.2's veto and regains award eligibility"
                } else {
                    "no longer under 5.2's veto"
                });
            }
        }
    }
    if !extra.is_empty() {
        let sep = match lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        };
        text.push_str(sep);
        text.push_str(&extra.join(sep));
    }
    text
}

/// Compares two assessments of the same dossier (A's and B's), as [`compare`] does. The
/// scores and grades are those of the assessments, never recomputed.
pub fn compare_assessments(
    a: &Policy,
    b: &Policy,
    under_a: &Assessment,
    under_b: &Assessment,
    lang: Lang,
) -> Comparison {
    let not_comparable = scales(a, b);
    let comparable = not_comparable.is_none();
    let note = not_comparable.map(|(x, y)| {
        let s = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
        match lang {
            Lang::Zh => format!(
                "两个方案满分不同（{}分与{}分），得分不可比较，只比较等次（4.1）",
                s(x),
                s(y)
            ),
            Lang::En => format!(
                "the two schemes have different scales ({} and {} points): scores are not comparable, only grades (4.1)",
                s(x),
                s(y)
            ),
        }
    });
    let by_b: BTreeMap<&str, &crate::assessment::WorkerResult> = under_b
        .workers
        .iter()
        .map(|w| (w.person.as_str(), w))
        .collect();
    let by_a: BTreeMap<&str, &crate::assessment::WorkerResult> = under_a
        .workers
        .iter()
        .map(|w| (w.person.as_str(), w))
        .collect();
    let mut workers = Vec::new();
    let pairs = under_a
        .workers
        .iter()
        .map(|wa| (Some(wa), by_b.get(wa.person.as_str()).copied()))
        .chain(
            under_b
                .workers
                .iter()
                .filter(|wb| !by_a.contains_key(wb.person.as_str()))
                .map(|wb| (None, Some(wb))),
        );
    for (wa, wb) in pairs {
        let Some(any) = wa.or(wb) else { continue };
        let (ga, gb) = (wa.map(|w| w.grade), wb.map(|w| w.grade));
        let movement = match (ga, gb) {
            (Some(x), Some(y)) if y.rank() < x.rank() => Movement::Up,
            (Some(x), Some(y)) if y.rank() > x.rank() => Movement::Down,
            (Some(_), Some(_)) => Movement::Same,
            (Some(_), None) => Movement::OnlyA,
            _ => Movement::OnlyB,
        };
        let places = |p: &Policy| {
            p.document()
                .assessment
                .as_ref()
                .map_or(2, |s| s.score_decimals)
        };
        let reasons = match (wa, wb, movement) {
            (Some(x), Some(y), Movement::Up | Movement::Down) => {
                reasons(x, y, places(a), places(b))
            }
            _ => Vec::new(),
        };
        let mut w = WorkerComparison {
            person: any.person.clone(),
            name: any.name.clone(),
            community: any.community.clone(),
            score_a: wa.map(|w| w.score),
            score_b: wb.map(|w| w.score),
            score_change: match (wa, wb, comparable) {
                (Some(x), Some(y), true) => Some(y.score.minus(x.score)),
                _ => None,
            },
            grade_a: ga,
            grade_b: gb,
            movement,
            consequences_a: wa.map(|w| w.consequences.clone()).unwrap_or_default(),
            consequences_b: wb.map(|w| w.consequences.clone()).unwrap_or_default(),
            award_eligible_a: wa.is_none_or(|w| w.award_eligible),
            award_eligible_b: wb.is_none_or(|w| w.award_eligible),
            reasons,
            text: String::new(),
        };
        w.text = worker_text(&w, lang);
        if let (Some(y), Movement::Up | Movement::Down) = (wb, movement) {
            // What decides the grade under B, as `assess` says it (its margin).
            w.text.push_str(&match lang {
                Lang::Zh => format!("（乙：{}）", y.margin.text),
                Lang::En => format!(" (B: {})", y.margin.text),
            });
        }
        workers.push(w);
    }
    workers.sort_by_key(sort_key);

    let mut communities = Vec::new();
    for ca in &under_a.communities {
        let cb = under_b
            .communities
            .iter()
            .find(|c| c.community == ca.community);
        let (mut up, mut down) = (0, 0);
        for w in workers.iter().filter(|w| w.community == ca.community) {
            match w.movement {
                Movement::Up => up += 1,
                Movement::Down => down += 1,
                _ => {}
            }
        }
        communities.push(CommunityComparison {
            community: ca.community.clone(),
            name: ca.name.clone(),
            distribution_a: ca.distribution,
            distribution_b: cb.map(|c| c.distribution).unwrap_or_default(),
            mean_score_a: ca.mean_score,
            mean_score_b: cb.and_then(|c| c.mean_score),
            up,
            down,
        });
    }
    let total = |list: &[crate::assessment::CommunityRollup]| {
        let mut d = Distribution::default();
        for c in list {
            d.excellent += c.distribution.excellent;
            d.competent += c.distribution.competent;
            d.basically_competent += c.distribution.basically_competent;
            d.incompetent += c.distribution.incompetent;
        }
        d
    };
    Comparison {
        a: under_a.policy.clone(),
        b: under_b.policy.clone(),
        period: under_a.period,
        lang,
        complete: under_a.complete && under_b.complete,
        scores_comparable: comparable,
        note,
        distribution_a: total(&under_a.communities),
        distribution_b: total(&under_b.communities),
        up: communities.iter().map(|c| c.up).sum(),
        down: communities.iter().map(|c| c.down).sum(),
        workers,
        communities,
    }
}

/// The order of workers: graded under one only first, then grades moved (more first), then the
/// score change in points (larger first), then person ID.
fn sort_key(
    w: &WorkerComparison,
) -> (u8, std::cmp::Reverse<usize>, std::cmp::Reverse<i64>, String) {
    let one_only = u8::from(!matches!(w.movement, Movement::OnlyA | Movement::OnlyB));
    let grades = match (w.grade_a, w.grade_b) {
        (Some(x), Some(y)) => x.rank().abs_diff(y.rank()),
        _ => 0,
    };
    let points = w.score_change.map_or(0, |d| d.units().saturating_abs());
    (
        one_only,
        std::cmp::Reverse(grades),
        std::cmp::Reverse(points),
        w.person.clone(),
    )
}

/// Assesses `dossier` under policies A and B and compares: every worker's score and grade
/// under each, the consequences (5.1, 5.2) under each, for those whose grade changes the
/// reasons that differ with their points, and per community the distributions (4.2) under
/// each. Errors are those of [`assess`] under A, then under B.
///
/// ```
/// use wangge::{sample, Options, Policy};
/// let p = Policy::xincheng_2022();
/// let c = wangge::reform::compare(&p, &p, &sample::community_2023(), &Options::default()).unwrap();
/// assert_eq!((c.up, c.down), (0, 0));
/// assert_eq!(c.distribution_a, c.distribution_b);
/// ```
pub fn compare(
    a: &Policy,
    b: &Policy,
    dossier: &Dossier,
    options: &Options,
) -> Result<Comparison, Error> {
    let under_a = assess(a, dossier, options)?;
    let under_b = assess(b, dossier, options)?;
    Ok(compare_assessments(a, b, &under_a, &under_b, options.lang))
}

// ---------------------------------------------------------------------------------- sweep

/// A worker whose grade at a swept value differs from the grade under the policy as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SweepMover {
    /// Person ID.
    pub person: String,
    /// Name.
    pub name: String,
    /// Community.
    pub community: String,
    /// Score under the policy as given.
    pub score_base: Decimal,
    /// Score at this value.
    pub score: Decimal,
    /// Grade under the policy as given.
    pub grade_base: Grade,
    /// Grade at this value.
    pub grade: Grade,
    /// Up or down from the policy as given.
    pub movement: Movement,
}

/// A community's grades at one swept value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SweepCommunity {
    /// Community ID.
    pub community: String,
    /// Grades.
    pub distribution: Distribution,
}

/// The answer at one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SweepStep {
    /// The value set at the path.
    pub value: Decimal,
    /// Grades of every worker.
    pub distribution: Distribution,
    /// Grades per community, in organisation order.
    pub communities: Vec<SweepCommunity>,
    /// Workers whose grade differs from the grade under the policy as given, in the order of
    /// [`compare`].
    pub movers: Vec<SweepMover>,
}

/// The answer of [`sweep`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Sweep {
    /// The policy swept.
    pub policy: PolicyRef,
    /// The JSON path of the value swept.
    pub path: String,
    /// The clause the value rests on (of the nearest enclosing item that names one).
    pub clause: String,
    /// Other paths set to the same value: the neighbouring band's bound holding the same
    /// cut-off (a grade boundary is one value).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked_paths: Vec<String>,
    /// The value in the policy as given.
    pub base_value: Decimal,
    /// Period assessed.
    pub period: DateRange,
    /// Grades of every worker under the policy as given.
    pub base_distribution: Distribution,
    /// One step per value, in the order given.
    pub steps: Vec<SweepStep>,
}

enum Seg {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, rest) = match part.find('[') {
            Some(i) => part.split_at(i),
            None => (part, ""),
        };
        if name.is_empty() && out.is_empty() {
            return None;
        }
        if !name.is_empty() {
            out.push(Seg::Key(name.to_owned()));
        }
        let mut rest = rest;
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            let (n, tail) = r.split_at(end);
            out.push(Seg::Index(n.parse().ok()?));
            rest = tail.get(1..).unwrap_or("");
        }
        if !rest.is_empty() {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

fn slot<'a>(root: &'a mut Value, segs: &[Seg]) -> Option<&'a mut Value> {
    let mut v = root;
    for s in segs {
        v = match s {
            Seg::Key(k) => v.as_object_mut()?.get_mut(k)?,
            Seg::Index(i) => v.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(v)
}

fn clause_at(root: &Value, segs: &[Seg]) -> String {
    let mut v = root;
    let mut clause = "4.1".to_owned();
    for s in segs {
        let next = match s {
            Seg::Key(k) => v.get(k),
            Seg::Index(i) => v.get(*i),
        };
        let Some(next) = next else { break };
        if let Some(c) = str_of(next, "clause") {
            clause = c.to_owned();
        }
        v = next;
    }
    clause
}

/// For a band's bound (`assessment.bands[i].min.value` or `.max.value`): the bounds of the
/// other bands that hold the same value on the other side — the cut-off between two grades is
/// one value, the 优秀 band's lower bound and the 称职 band's upper bound — as (band index,
/// `"min"` or `"max"`).
fn linked_bounds(doc: &Value, segs: &[Seg]) -> Vec<(usize, &'static str)> {
    let [
        Seg::Key(a),
        Seg::Key(b),
        Seg::Index(i),
        Seg::Key(side),
        Seg::Key(v),
    ] = segs
    else {
        return Vec::new();
    };
    if a != "assessment" || b != "bands" || v != "value" {
        return Vec::new();
    }
    let other: &'static str = match side.as_str() {
        "min" => "max",
        "max" => "min",
        _ => return Vec::new(),
    };
    let bands = doc
        .get("assessment")
        .and_then(|s| s.get("bands"))
        .and_then(Value::as_array);
    let Some(bands) = bands else {
        return Vec::new();
    };
    let Some(old) = bands
        .get(*i)
        .and_then(|band| band.get(side.as_str()))
        .and_then(|bound| bound.get("value"))
    else {
        return Vec::new();
    };
    bands
        .iter()
        .enumerate()
        .filter(|(j, band)| {
            j != i && band.get(other).and_then(|bound| bound.get("value")) == Some(old)
        })
        .map(|(j, _)| (j, other))
        .collect()
}

/// The JSON paths a sweep of `path` sets besides `path` itself: the bound of the neighbouring
/// band holding the same cut-off (see [`policy_with`]).
pub fn linked_paths(policy: &Policy, path: &str) -> Vec<String> {
    let doc = serde_json::to_value(policy.document()).unwrap_or(Value::Null);
    let segs = parse_path(path).unwrap_or_default();
    linked_bounds(&doc, &segs)
        .into_iter()
        .map(|(j, side)| format!("assessment.bands[{j}].{side}.value"))
        .collect()
}

/// The policy with the value at `path` set to `value`: a typed error when the path names no
/// numeric value, or the policy then fails to load or fails the linter. A grade band's bound
/// moves with the neighbouring band's bound that holds the same value (the 优秀 cut-off is the
/// 称职 band's upper bound too), so the bands stay adjoining ([`linked_paths`]).
pub fn policy_with(policy: &Policy, path: &str, value: Decimal) -> Result<Policy, Error> {
    let no_number = || {
        Error::from(
            Problem::new(
                ErrorKind::InvalidPolicy,
                format!("`{path}` names no numeric value of the policy"),
            )
            .at(path),
        )
    };
    let segs = parse_path(path).ok_or_else(no_number)?;
    let mut doc = serde_json::to_value(policy.document()).map_err(|_| no_number())?;
    let linked = linked_bounds(&doc, &segs);
    let target = slot(&mut doc, &segs).ok_or_else(no_number)?;
    let new_value = match target {
        Value::String(s) if Decimal::parse(s).is_ok() => Value::String(value.to_string()),
        Value::Number(n) if n.is_i64() || n.is_u64() => {
            let units = value.units();
            let one = Decimal::from_int(1).units();
            if units % one != 0 {
                return Err(Problem::new(
                    ErrorKind::InvalidPolicy,
                    format!("`{path}` is a whole number; `{value}` has a fraction"),
                )
                .at(path)
                .into());
            }
            Value::from(units / one)
        }
        _ => return Err(no_number()),
    };
    *target = new_value.clone();
    for (j, key) in linked {
        let segs = [
            Seg::Key("assessment".into()),
            Seg::Key("bands".into()),
            Seg::Index(j),
            Seg::Key(key.into()),
            Seg::Key("value".into()),
        ];
        if let Some(v) = slot(&mut doc, &segs) {
            *v = new_value.clone();
        }
    }
    let document: PolicyDocument = serde_json::from_value(doc).map_err(|e| {
        Error::from(
            Problem::new(
                ErrorKind::InvalidPolicy,
                format!("with `{path}` = {value} the policy does not load: {e}"),
            )
            .at(path),
        )
    })?;
    let changed = Policy::from_document(document).map_err(|e| {
        let problems = e
            .problems()
            .iter()
            .map(|p| {
                Problem::new(p.kind, format!("with `{path}` = {value}: {}", p.message)).at(path)
            })
            .collect();
        Error::from_problems(problems)
    })?;
    let lint = check_policy(&changed);
    let errors: Vec<Problem> = lint
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            Problem::new(
                ErrorKind::InvalidPolicy,
                format!(
                    "with `{path}` = {value} the policy fails the linter: `{}` at `{}`: {}",
                    serde_json::to_value(f.code)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    f.path,
                    f.message
                ),
            )
            .at(path)
        })
        .collect();
    if !errors.is_empty() {
        return Err(Error::from_problems(errors));
    }
    Ok(changed)
}

/// Sets the numeric value at `path` of `policy` (a JSON path in the policy document, such as
/// `assessment.bands[0].min.value` for the 优秀 cut-off or
/// `assessment.adjustments[0].points_each` for a deduction's points) to each of `values` and
/// assesses `dossier` at each: the distribution, per community and in all, and the workers
/// whose grade differs from their grade under the policy as given.
///
/// Each value is assessed whole (`assess` at that value: the score, exceptions, quota and
/// consequences are the assessment's own steps), so the answer at each value is exactly what
/// `assess` gives there. At most [`crate::limits::MAX_SWEEP_VALUES`] values; every value is
/// checked before any assessment (a path naming no number, a value the policy refuses or the
/// linter finds an error in: a typed error at the path, quoting the linter's finding).
pub fn sweep(
    policy: &Policy,
    path: &str,
    values: &[Decimal],
    dossier: &Dossier,
    options: &Options,
) -> Result<Sweep, Error> {
    if values.len() > crate::limits::MAX_SWEEP_VALUES {
        return Err(Problem::new(
            ErrorKind::TooLarge,
            format!(
                "{} values to sweep, more than {}",
                values.len(),
                crate::limits::MAX_SWEEP_VALUES
            ),
        )
        .at("values")
        .into());
    }
    let doc = serde_json::to_value(policy.document()).unwrap_or(Value::Null);
    let segs = parse_path(path).unwrap_or_default();
    let base_value = slot(&mut doc.clone(), &segs)
        .and_then(|v| match v {
            Value::String(s) => Decimal::parse(s).ok(),
            Value::Number(n) => n
                .as_i64()
                .and_then(|i| i32::try_from(i).ok())
                .map(Decimal::from_int),
            _ => None,
        })
        .ok_or_else(|| {
            Error::from(
                Problem::new(
                    ErrorKind::InvalidPolicy,
                    format!("`{path}` names no numeric value of the policy"),
                )
                .at(path),
            )
        })?;
    let policies: Vec<Policy> = values
        .iter()
        .map(|v| policy_with(policy, path, *v))
        .collect::<Result<_, _>>()?;
    let base = assess(policy, dossier, options)?;
    let mut steps = Vec::new();
    for (value, p) in values.iter().zip(&policies) {
        let at = assess(p, dossier, options)?;
        let c = compare_assessments(policy, p, &base, &at, options.lang);
        let movers = c
            .workers
            .iter()
            .filter(|w| matches!(w.movement, Movement::Up | Movement::Down))
            .filter_map(|w| {
                Some(SweepMover {
                    person: w.person.clone(),
                    name: w.name.clone(),
                    community: w.community.clone(),
                    score_base: w.score_a?,
                    score: w.score_b?,
                    grade_base: w.grade_a?,
                    grade: w.grade_b?,
                    movement: w.movement,
                })
            })
            .collect();
        steps.push(SweepStep {
            value: *value,
            distribution: c.distribution_b,
            communities: at
                .communities
                .iter()
                .map(|r| SweepCommunity {
                    community: r.community.clone(),
                    distribution: r.distribution,
                })
                .collect(),
            movers,
        });
    }
    let base_distribution = {
        let mut d = Distribution::default();
        for c in &base.communities {
            d.excellent += c.distribution.excellent;
            d.competent += c.distribution.competent;
            d.basically_competent += c.distribution.basically_competent;
            d.incompetent += c.distribution.incompetent;
        }
        d
    };
    Ok(Sweep {
        policy: base.policy.clone(),
        path: path.to_owned(),
        clause: clause_at(&doc, &segs),
        linked_paths: linked_paths(policy, path),
        base_value,
        period: base.period,
        base_distribution,
        steps,
    })
}
