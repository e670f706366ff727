//! Data classes (2.2.4, 2.2.5): every field of every document is public, internal or
//! confidential.
//!
//! The class table is keyed by the definition names and property names of the committed JSON
//! Schemas (`schemas/*.schema.json`): `("LedgerEntry", Confidential, &["*"])` classes every field
//! of a ledger entry, `("Person", Public, &["name", "phone", …])` some fields of a person. A test
//! walks every committed schema and fails when a property has no class, so a field added without
//! a class fails the build's tests. A wildcard is allowed only for `confidential`: a field added
//! to a wholly confidential record is confidential too, the safe side.
//!
//! At run time, [`dossier_fields`] lists every field path of a dossier
//! (`records.ledger_entries[].subject`) with its class; disclosure requests name these paths.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// The class of a field.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// May be posted publicly: the fields of the public notice (2.2.4) — a worker's name, photo
    /// reference, phone, services and duties; grid and community names, map references, areas.
    Public,
    /// Work data of the organisation: IDs, dates, rosters, attendance, reports. Not for the
    /// public; given outside only as 2.2.5 allows.
    Internal,
    /// Information collected about residents (采集的信息, 2.2.5): special-group ledgers, names and
    /// addresses of residents, free text written in the field. Never public; given outside only
    /// with both approvals of 2.2.5.
    Confidential,
}

impl Class {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Class::Public => "可公开",
            Class::Internal => "内部",
            Class::Confidential => "保密",
        }
    }
}

/// One field of a document, by path, with its class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FieldClass {
    /// Path from the document's root: `.` between properties, `[]` for the items of a list,
    /// such as `records.ledger_entries[].subject`.
    pub path: String,
    /// Its class.
    pub class: Class,
}

use Class::{Confidential, Internal, Public};

/// Every field of every committed schema, by definition name: (definition, class, properties).
/// `"*"` (confidential only) stands for every property of the definition.
pub const TABLE: &[(&str, Class, &[&str])] = &[
    (
        "Adjustment",
        Internal,
        &[
            "basis",
            "cap",
            "clause",
            "direction",
            "fact",
            "id",
            "note",
            "points_each",
            "title_en",
            "title_zh",
        ],
    ),
    (
        "AdjustmentApplied",
        Internal,
        &["clause", "count", "direction", "id", "points", "title"],
    ),
    (
        "Anomaly",
        Internal,
        &["clause", "date", "kind", "message", "person", "record"],
    ),
    (
        "Answer",
        Internal,
        &["class", "status", "value", "errors", "withheld"],
    ),
    (
        "Approval",
        Internal,
        &[
            "approved_on",
            "body",
            "fields",
            "id",
            "purpose",
            "reference",
            "request",
            "valid_until",
        ],
    ),
    (
        "ApprovalBody",
        Internal,
        &["community", "kind", "department", "name"],
    ),
    ("Area", Public, &["name"]),
    ("Area", Internal, &["from", "id", "to"]),
    (
        "AreaMove",
        Internal,
        &[
            "area",
            "area_name",
            "effective_from",
            "from_grid",
            "to_grid",
        ],
    ),
    ("AskedField", Internal, &["class", "path"]),
    (
        "Assessment",
        Internal,
        &[
            "clauses",
            "communities",
            "complete",
            "lang",
            "period",
            "policy",
            "workers",
        ],
    ),
    ("Assignment", Internal, &["from", "grid", "person", "to"]),
    (
        "AttendanceCounts",
        Internal,
        &[
            "absent_half_days",
            "classes",
            "conduct",
            "early_days",
            "early_minutes",
            "late_as_absent_half_days",
            "late_days",
            "late_minutes",
            "leave_days",
            "notices",
            "working_days",
        ],
    ),
    (
        "AttendanceDay",
        Internal,
        &[
            "absent_half_days",
            "class",
            "clauses",
            "community",
            "date",
            "early_counted_as_absence",
            "early_minutes",
            "evidence",
            "hours",
            "late_as_absent_half_days",
            "late_counted_as_absence",
            "late_minutes",
            "leave_kind",
            "person",
        ],
    ),
    (
        "AttendancePolicy",
        Internal,
        &[
            "contradicted_notice_counts",
            "early_leave_grace_minutes",
            "late_grace_minutes",
            "late_or_early_counts_as_absence",
            "responsible_person",
            "working_hours",
        ],
    ),
    (
        "AttendanceReport",
        Internal,
        &[
            "anomalies",
            "complete",
            "conduct",
            "days",
            "months",
            "notices",
            "people",
            "period",
            "policy",
        ],
    ),
    (
        "AuditEntry",
        Internal,
        &[
            "clause",
            "community",
            "date",
            "decision",
            "department_requirements",
            "fields",
            "party_approvals",
            "purpose",
            "reasons",
            "records_asked",
            "records_disclosed",
            "request",
            "requester",
        ],
    ),
    ("Band", Internal, &["grade", "max", "min"]),
    ("Board", Public, &["community", "grid_leader", "grids"]),
    ("Bound", Internal, &["inclusive", "value"]),
    (
        "CalendarExtension",
        Internal,
        &["extra_working_days", "extra_years", "local_closures"],
    ),
    ("Choice", Internal, &["clause", "note", "value"]),
    ("Choice10", Internal, &["clause", "note", "value"]),
    ("Choice11", Internal, &["clause", "note", "value"]),
    ("Choice12", Internal, &["clause", "note", "value"]),
    ("Choice2", Internal, &["clause", "note", "value"]),
    ("Choice3", Internal, &["clause", "note", "value"]),
    ("Choice4", Internal, &["clause", "note", "value"]),
    ("Choice5", Internal, &["clause", "note", "value"]),
    ("Choice6", Internal, &["clause", "note", "value"]),
    ("Choice7", Internal, &["clause", "note", "value"]),
    ("Choice8", Internal, &["clause", "note", "value"]),
    ("Choice9", Internal, &["clause", "note", "value"]),
    (
        "CitedClause",
        Internal,
        &["text_zh", "title_en", "title_zh"],
    ),
    (
        "Clause",
        Internal,
        &["id", "text_zh", "title_en", "title_zh"],
    ),
    (
        "ClockEvent",
        Internal,
        &["date", "direction", "id", "person", "source", "time"],
    ),
    ("Community", Public, &["name"]),
    (
        "Community",
        Internal,
        &[
            "areas",
            "grids",
            "id",
            "party_secretary",
            "responsible_person",
        ],
    ),
    (
        "CommunityReport",
        Internal,
        &[
            "community",
            "findings",
            "name",
            "obligations",
            "people_totals",
            "totals",
        ],
    ),
    (
        "CommunityRollup",
        Internal,
        &[
            "attendance_not_collected",
            "community",
            "distribution",
            "mean_score",
            "monthly_attendance_reports",
            "name",
            "own_duties",
            "own_duties_by_obligation",
            "workers",
        ],
    ),
    (
        "Component",
        Internal,
        &[
            "clause", "id", "measure", "note", "title_en", "title_zh", "weight",
        ],
    ),
    (
        "ComponentScore",
        Internal,
        &[
            "clause", "earned", "id", "lost", "out_of", "points", "title", "weight",
        ],
    ),
    ("Condition", Internal, &["at_least", "fact"]),
    (
        "ConductFinding",
        Internal,
        &["clause", "date", "kind", "person", "record", "text_zh"],
    ),
    (
        "ConductIncident",
        Internal,
        &[
            "date",
            "description",
            "id",
            "kind",
            "person",
            "reported_by",
            "time",
        ],
    ),
    (
        "ConfidentialityPolicy",
        Internal,
        &["approval_valid_days", "departments", "relevant_departments"],
    ),
    ("DateRange", Internal, &["from", "to"]),
    ("Department", Internal, &["id", "name_zh"]),
    (
        "DepartmentRequirement",
        Internal,
        &["data", "departments", "met_by"],
    ),
    ("Disclosure", Internal, &["audit"]),
    ("Disclosure", Confidential, &["copy"]),
    (
        "DisclosureRequest",
        Internal,
        &[
            "approvals",
            "community",
            "date",
            "fields",
            "id",
            "purpose",
            "records",
            "requester",
        ],
    ),
    (
        "Distribution",
        Internal,
        &[
            "basically_competent",
            "competent",
            "excellent",
            "incompetent",
        ],
    ),
    (
        "Division",
        Internal,
        &["community", "effective_from", "grids", "id", "reported_on"],
    ),
    ("Dossier", Internal, &["organisation", "period", "records"]),
    (
        "DutyShift",
        Internal,
        &["community", "date", "handed_over_to", "id", "person"],
    ),
    ("DutyShift", Confidential, &["log"]),
    ("Effect", Internal, &["grade", "kind"]),
    (
        "EvidenceFinding",
        Internal,
        &[
            "actual", "channel", "clause", "date", "grid", "kind", "limit", "person", "record",
            "unit", "urgency",
        ],
    ),
    (
        "EvidencePolicy",
        Internal,
        &[
            "at_once_categories",
            "at_once_minutes",
            "extra_categories",
            "extra_ledger_kinds",
            "ledger_max_age_days",
            "must_visit_ledgers",
            "pass_on_categories",
            "promptly_categories",
            "promptly_minutes",
        ],
    ),
    (
        "EvidenceReport",
        Internal,
        &["findings", "ledgers", "people", "period", "policy"],
    ),
    (
        "Exception",
        Internal,
        &[
            "basis", "clause", "id", "note", "priority", "then", "title_en", "title_zh", "when",
        ],
    ),
    (
        "ExtraCategory",
        Internal,
        &["clause", "id", "label_zh", "note", "urgency"],
    ),
    (
        "ExtraLedgerKind",
        Internal,
        &["id", "label_zh", "max_age_days", "must_visit", "note"],
    ),
    ("FieldClass", Internal, &["class", "path"]),
    (
        "Finding",
        Internal,
        &[
            "clause",
            "event",
            "evidence",
            "excuse",
            "obligation",
            "period",
            "shortfall",
            "status",
            "text",
        ],
    ),
    ("GradeGap", Internal, &["grade", "points"]),
    ("Grid", Public, &["map_ref", "name"]),
    ("Grid", Internal, &["id"]),
    ("Grid", Confidential, &["must_visit_groups"]),
    ("GridAreas", Internal, &["areas", "grid"]),
    (
        "GridFiling",
        Internal,
        &[
            "addressee",
            "clause",
            "community",
            "community_name",
            "division",
            "effective_from",
            "from_division",
            "grids_added",
            "grids_removed",
            "moves",
            "to_division",
        ],
    ),
    // how many of each special group live in a grid
    ("GridLedgers", Confidential, &["*"]),
    (
        "GroupStudy",
        Internal,
        &["attendees", "community", "date", "id", "topic"],
    ),
    (
        "Handover",
        Internal,
        &[
            "date",
            "grid",
            "id",
            "person",
            "residents_notified",
            "successor",
        ],
    ),
    ("Holiday", Internal, &["date", "name", "name_zh"]),
    (
        "LateAsAbsence",
        Internal,
        &[
            "effective_from",
            "half_day_at_minutes",
            "whole_day_at_minutes",
        ],
    ),
    (
        "Leave",
        Internal,
        &["approved_by", "from", "id", "kind", "person", "to"],
    ),
    // special-group ledgers (2.1.2): every field
    ("LedgerEntry", Confidential, &["*"]),
    ("LedgerMaxAge", Internal, &["days", "kind"]),
    (
        "LintFinding",
        Internal,
        &["code", "message", "path", "severity"],
    ),
    (
        "LintReport",
        Internal,
        &["findings", "ok", "policy", "version"],
    ),
    ("LocalChoice", Internal, &["clause", "field", "note"]),
    ("LocalDay", Internal, &["date", "reason"]),
    ("MakeUpWorkday", Internal, &["date", "for", "for_zh"]),
    (
        "Margin",
        Internal,
        &["above_worse", "largest_shortfall", "text", "to_better"],
    ),
    (
        "Measure",
        Internal,
        &[
            "kind",
            "obligations",
            "when_nothing_due",
            "zero_at",
            "denominator",
            "numerator",
        ],
    ),
    (
        "Meeting",
        Internal,
        &[
            "attendees",
            "chair",
            "community",
            "date",
            "external_participants",
            "id",
            "kind",
        ],
    ),
    (
        "MonthlyReport",
        Internal,
        &[
            "clause",
            "collected",
            "community",
            "month",
            "name",
            "period",
            "rows",
            "totals",
        ],
    ),
    ("MonthlyRow", Internal, &["counts", "name", "person"]),
    ("MustVisitLedgers", Internal, &["group", "ledgers"]),
    (
        "NotebookReview",
        Internal,
        &["comment", "date", "id", "person", "reviewer"],
    ),
    (
        "Notice",
        Internal,
        &[
            "clause",
            "community",
            "concerning",
            "contradicted_by",
            "counted",
            "date",
            "evidence",
            "fact",
            "id",
            "recipient",
            "recipient_role",
            "text_zh",
            "time",
        ],
    ),
    (
        "NoticeGap",
        Internal,
        &["clause", "grid", "missing", "person"],
    ),
    (
        "NoticeGrid",
        Public,
        &["areas", "map_ref", "name", "workers"],
    ),
    (
        "NoticeWorker",
        Public,
        &["duties", "name", "phone", "photo", "services"],
    ),
    (
        "Obligation",
        Internal,
        &[
            "binds",
            "clause",
            "effective_from",
            "effective_to",
            "id",
            "local_choices",
            "period",
            "requirement",
            "serves",
            "title_en",
            "title_zh",
        ],
    ),
    (
        "ObligationInfo",
        Internal,
        &["binds", "clause", "id", "period", "title"],
    ),
    (
        "ObligationTotals",
        Internal,
        &["clause", "excused", "met", "missed", "obligation"],
    ),
    ("Observation", Internal, &["finding", "note", "person"]),
    ("Options", Internal, &["class_at_most", "lang", "period"]),
    (
        "Organisation",
        Internal,
        &[
            "assignments",
            "communities",
            "divisions",
            "people",
            "subdistrict",
        ],
    ),
    (
        "Parameters",
        Internal,
        &["daily_duty_days", "grids_per_worker"],
    ),
    ("PartScore", Internal, &["period", "score", "weight"]),
    ("Parts", Internal, &["each", "weights"]),
    ("PatrolSession", Internal, &["end", "start"]),
    (
        "Person",
        Public,
        &["duties", "name", "phone", "photo", "services"],
    ),
    (
        "Person",
        Internal,
        &["community", "helper_kind", "id", "role"],
    ),
    (
        "PersonAttendance",
        Internal,
        &[
            "community",
            "conduct_by_clause",
            "counts",
            "name",
            "notices_as_responsible_person",
            "person",
        ],
    ),
    (
        "PersonEvidence",
        Internal,
        &["name", "person", "problems", "proxy", "role"],
    ),
    (
        "PersonReport",
        Internal,
        &[
            "community",
            "findings",
            "name",
            "obligations",
            "person",
            "role",
            "totals",
        ],
    ),
    (
        "PolicyDocument",
        Internal,
        &[
            "assessment",
            "attendance",
            "calendar",
            "confidentiality",
            "effective_from",
            "effective_to",
            "evidence",
            "id",
            "obligations",
            "parameters",
            "source",
            "version",
        ],
    ),
    ("PolicyRef", Internal, &["id", "version"]),
    (
        "Problem",
        Internal,
        &["date", "kind", "message", "message_zh", "path", "record"],
    ),
    (
        "ProblemFound",
        Internal,
        &[
            "category",
            "date",
            "found_at",
            "grid",
            "id",
            "other_category",
            "person",
            "reports",
            "steps",
        ],
    ),
    ("ProblemFound", Confidential, &["text"]),
    (
        "ProblemMetrics",
        Internal,
        &[
            "escalated",
            "feedback_given",
            "feedback_rate",
            "found",
            "median_minutes_to_solve",
            "on_spot_rate",
            "open",
            "reports_due",
            "reports_late",
            "reports_late_at_once",
            "reports_late_promptly",
            "reports_on_time",
            "resolution_rate",
            "resolved",
            "solved_on_spot",
            "solved_rate",
        ],
    ),
    ("ProblemReport", Internal, &["channel", "date", "time"]),
    (
        "ProblemStep",
        Internal,
        &["actor", "date", "department", "step", "time", "to"],
    ),
    ("ProblemStep", Confidential, &["note"]),
    // a resident's own affairs (2.1.8)
    ("ProxyCase", Confidential, &["*"]),
    (
        "ProxyMetrics",
        Internal,
        &["closed", "completed", "open_at_end", "opened"],
    ),
    ("PublicNotice", Public, &["board", "clause", "date"]),
    ("PublicNotice", Internal, &["gaps"]),
    ("Quota", Internal, &["max_share", "note", "scope"]),
    ("Ratio", Internal, &["denominator", "numerator"]),
    (
        "Reason",
        Internal,
        &[
            "approval", "clause", "date", "fields", "kind", "message", "record",
        ],
    ),
    (
        "Records",
        Internal,
        &[
            "activities",
            "assigned_tasks",
            "clock_events",
            "conduct_incidents",
            "duty_shifts",
            "group_studies",
            "handovers",
            "leave",
            "ledger_entries",
            "meetings",
            "notebook_reviews",
            "problems",
            "proxy_cases",
            "red_grid_services",
            "security_patrols",
            "self_studies",
            "spot_checks",
            "work_records",
        ],
    ),
    // 2.1.1, 2.1.3, 2.1.6, 2.1.9 activities: who took part and what was said are about residents
    (
        "Activity",
        Internal,
        &[
            "date",
            "grid",
            "id",
            "kind",
            "party_member_categories",
            "person",
        ],
    ),
    ("Activity", Confidential, &["note", "participants"]),
    // 2.1.11: the task's text may name residents
    (
        "AssignedTask",
        Internal,
        &[
            "assigned_by",
            "assigned_on",
            "assignee",
            "community",
            "done_on",
            "due_by",
            "id",
        ],
    ),
    ("AssignedTask", Confidential, &["task"]),
    (
        "RedGridService",
        Internal,
        &["date", "grid", "id", "organiser"],
    ),
    (
        "RedGridService",
        Confidential,
        &["description", "participants"],
    ),
    (
        "RelevantDepartment",
        Internal,
        &["departments", "ledger_kinds", "records"],
    ),
    (
        "Report",
        Internal,
        &[
            "clauses",
            "communities",
            "complete",
            "lang",
            "obligations",
            "people",
            "period",
            "policy",
            "warnings",
        ],
    ),
    (
        "Requirement",
        Internal,
        &[
            "kind",
            "minimum",
            "summing",
            "items",
            "groups",
            "record",
            "usual_weekday",
            "residents_notified",
            "within_days",
        ],
    ),
    (
        "RuleFired",
        Internal,
        &[
            "clause",
            "evidence_count",
            "id",
            "kind",
            "local_choice",
            "overridden_by",
            "text",
        ],
    ),
    (
        "Scheme",
        Internal,
        &[
            "adjustments",
            "bands",
            "components",
            "declared_weight_total",
            "exceptions",
            "note",
            "parts",
            "quota",
            "scale",
            "score_decimals",
        ],
    ),
    (
        "Scope",
        Internal,
        &[
            "basis",
            "clause",
            "communities",
            "grids",
            "own_personal_records_only",
        ],
    ),
    ("Season", Internal, &["from", "to"]),
    (
        "SecurityPatrol",
        Internal,
        &["areas", "date", "grid", "id", "people"],
    ),
    ("SelfStudy", Internal, &["date", "id", "person", "topic"]),
    ("Session", Internal, &["end", "start"]),
    (
        "Shortfall",
        Internal,
        &["actual", "missing", "required", "unit"],
    ),
    (
        "Source",
        Internal,
        &["document_number", "issued_by", "issued_on", "title"],
    ),
    (
        "SpotCheck",
        Internal,
        &["checker", "community", "date", "id", "observations", "time"],
    ),
    ("Subdistrict", Public, &["name"]),
    ("Subdistrict", Internal, &["id"]),
    ("Totals", Internal, &["excused", "met", "missed"]),
    ("View", Internal, &["scope"]),
    ("View", Confidential, &["dossier"]),
    ("Viewer", Internal, &["from", "kind", "person", "to"]),
    ("Visit", Internal, &["group"]),
    ("Visit", Confidential, &["note"]),
    ("Warning", Internal, &["kind", "message", "path", "record"]),
    (
        "WorkRecord",
        Internal,
        &[
            "date",
            "grid",
            "id",
            "must_checks",
            "must_dos",
            "patrols",
            "person",
            "visits",
        ],
    ),
    ("WorkRecord", Confidential, &["note"]),
    (
        "WorkerResult",
        Internal,
        &[
            "adjustments",
            "award_eligible",
            "community",
            "components",
            "consequences",
            "grade",
            "grade_zh",
            "margin",
            "name",
            "parts",
            "person",
            "rules",
            "score",
            "score_grade",
        ],
    ),
    (
        "WorkingHours",
        Internal,
        &[
            "afternoon",
            "communities",
            "effective_from",
            "effective_to",
            "id",
            "morning",
            "name_zh",
            "season",
        ],
    ),
    (
        "YearCalendar",
        Internal,
        &["holidays", "makeup_workdays", "year"],
    ),
    // Two policies over the same records (reform, #18): a policy diff quotes policy values
    // (internal, as the policy document); a comparison or sweep holds grades and scores of
    // named workers (internal, as an assessment's `WorkerResult`) — no resident data.
    (
        "PolicyDiff",
        Internal,
        &["a", "b", "changes", "scores_comparable"],
    ),
    (
        "Change",
        Internal,
        &[
            "clause",
            "effective_from",
            "effective_to",
            "fields",
            "id",
            "kind",
            "note",
            "path",
            "section",
            "serves",
            "text_en",
            "text_zh",
            "title_zh",
        ],
    ),
    ("FieldChange", Internal, &["new", "old", "path"]),
    (
        "Comparison",
        Internal,
        &[
            "a",
            "b",
            "communities",
            "complete",
            "distribution_a",
            "distribution_b",
            "down",
            "lang",
            "note",
            "period",
            "scores_comparable",
            "up",
            "workers",
        ],
    ),
    (
        "WorkerComparison",
        Internal,
        &[
            "award_eligible_a",
            "award_eligible_b",
            "community",
            "consequences_a",
            "consequences_b",
            "grade_a",
            "grade_b",
            "movement",
            "name",
            "person",
            "reasons",
            "score_a",
            "score_b",
            "score_change",
            "text",
        ],
    ),
    (
        "ReasonChange",
        Internal,
        &[
            "change",
            "clause",
            "id",
            "kind",
            "local_choice",
            "points_a",
            "points_b",
            "text_a",
            "text_b",
        ],
    ),
    (
        "CommunityComparison",
        Internal,
        &[
            "community",
            "distribution_a",
            "distribution_b",
            "down",
            "mean_score_a",
            "mean_score_b",
            "name",
            "up",
        ],
    ),
    (
        "Sweep",
        Internal,
        &[
            "base_distribution",
            "base_value",
            "clause",
            "linked_paths",
            "path",
            "period",
            "policy",
            "steps",
        ],
    ),
    (
        "SweepStep",
        Internal,
        &["communities", "distribution", "movers", "value"],
    ),
    ("SweepCommunity", Internal, &["community", "distribution"]),
    (
        "SweepMover",
        Internal,
        &[
            "community",
            "grade",
            "grade_base",
            "movement",
            "name",
            "person",
            "score",
            "score_base",
        ],
    ),
];

/// The class of `property` of the schema definition `definition`, if the table has one.
pub fn class_of(definition: &str, property: &str) -> Option<Class> {
    TABLE
        .iter()
        .filter(|(d, _, _)| *d == definition)
        .find(|(_, _, props)| props.iter().any(|p| *p == property || *p == "*"))
        .map(|(_, c, _)| *c)
}

/// Every property path of a JSON Schema, with the definition and property it comes from:
/// `(path, definition, property)`. The root's definition is its `title`. References into
/// `$defs` are followed (a definition already on the way is not entered again).
pub fn schema_fields(schema: &Value) -> Vec<(String, String, String)> {
    let empty = Map::new();
    let defs = schema
        .get("$defs")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let root = schema
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    walk(schema, defs, &root, "", &mut out, &mut stack);
    out
}

fn join(path: &str, property: &str) -> String {
    if path.is_empty() {
        property.to_owned()
    } else {
        format!("{path}.{property}")
    }
}

fn walk(
    node: &Value,
    defs: &Map<String, Value>,
    owner: &str,
    path: &str,
    out: &mut Vec<(String, String, String)>,
    stack: &mut Vec<String>,
) {
    let Some(object) = node.as_object() else {
        return;
    };
    if let Some(target) = object.get("$ref").and_then(Value::as_str) {
        if let Some(name) = target.strip_prefix("#/$defs/") {
            if !stack.iter().any(|s| s == name) {
                if let Some(def) = defs.get(name) {
                    stack.push(name.to_owned());
                    walk(def, defs, name, path, out, stack);
                    stack.pop();
                }
            }
        }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(list) = object.get(key).and_then(Value::as_array) {
            for sub in list {
                walk(sub, defs, owner, path, out, stack);
            }
        }
    }
    if let Some(props) = object.get("properties").and_then(Value::as_object) {
        for (name, sub) in props {
            let child = join(path, name);
            out.push((child.clone(), owner.to_owned(), name.clone()));
            walk(sub, defs, owner, &child, out, stack);
        }
    }
    if let Some(items) = object.get("items") {
        walk(items, defs, owner, &format!("{path}[]"), out, stack);
    }
    if let Some(extra) = object.get("additionalProperties") {
        if extra.is_object() {
            walk(extra, defs, owner, &format!("{path}{{}}"), out, stack);
        }
    }
}

/// Every field path of a dossier with its class, in schema order (an unclassed field, which a
/// test forbids, would count as confidential).
pub fn dossier_fields() -> &'static [FieldClass] {
    static FIELDS: OnceLock<Vec<FieldClass>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let schema = crate::json::schema_value::<crate::dossier::Dossier>();
        let mut seen = std::collections::BTreeSet::new();
        schema_fields(&schema)
            .into_iter()
            .filter(|(path, _, _)| seen.insert(path.clone()))
            .map(|(path, def, prop)| FieldClass {
                path,
                class: class_of(&def, &prop).unwrap_or(Confidential),
            })
            .collect()
    })
}

/// The class of a dossier path (`records.ledger_entries[].subject`), or `None` when a dossier
/// has no such field. A path naming a whole list or object (`records.ledger_entries[]`) has the
/// highest class of the fields under it.
pub fn dossier_class(path: &str) -> Option<Class> {
    let fields = dossier_fields();
    let own = fields.iter().find(|f| f.path == path).map(|f| f.class);
    let path = path.strip_suffix("[]").unwrap_or(path);
    let below = fields
        .iter()
        .filter(|f| is_under(&f.path, path))
        .map(|f| f.class)
        .max();
    match (own, below) {
        (None, None) => None,
        (a, b) => a.max(b),
    }
}

/// The own class of a dossier field at a concrete path (`records.ledger_entries[3].subject`):
/// indices are dropped, and a path with no field of its own (an item of a list) takes its
/// nearest ancestor's class; `None` outside a dossier.
pub fn class_at(path: &str) -> Option<Class> {
    let mut norm = String::with_capacity(path.len());
    let mut in_index = false;
    for ch in path.chars() {
        match ch {
            '[' => {
                in_index = true;
                norm.push('[');
            }
            ']' => {
                in_index = false;
                norm.push(']');
            }
            _ if in_index => {}
            c => norm.push(c),
        }
    }
    let fields = dossier_fields();
    let mut p = norm.as_str();
    loop {
        if let Some(f) = fields.iter().find(|f| f.path == p) {
            return Some(f.class);
        }
        p = match p.strip_suffix("[]") {
            Some(rest) => rest,
            None => match p.rfind('.') {
                Some(i) => p.get(..i)?,
                None => return None,
            },
        };
    }
}

/// A problem of a dossier with its message replaced when it concerns a confidential field:
/// the path, record and kind stay, the value is not quoted (2.2.5).
pub fn withhold_value(problem: crate::error::Problem) -> crate::error::Problem {
    if problem.kind == crate::error::ErrorKind::Syntax {
        return problem; // a syntax error quotes no value, only where the text breaks
    }
    match problem.path.as_deref().and_then(class_at) {
        Some(Class::Confidential) => crate::error::Problem {
            message:
                "the value of this confidential field is not valid here; it is not quoted (2.2.5)"
                    .into(),
            ..problem
        },
        _ => problem,
    }
}

/// True when `path` is `ancestor` or lies under it.
pub(crate) fn is_under(path: &str, ancestor: &str) -> bool {
    path == ancestor
        || path
            .strip_prefix(ancestor)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// True for `organisation` and for the name of a record list (`ledger_entries`, …).
pub(crate) fn is_dossier_part(name: &str) -> bool {
    name == "organisation"
        || dossier_fields()
            .iter()
            .any(|f| f.path.strip_prefix("records.") == Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_2_2_5_ledger_subjects_are_confidential_and_worker_phones_public() {
        assert_eq!(
            dossier_class("records.ledger_entries[].subject"),
            Some(Confidential)
        );
        assert_eq!(dossier_class("records.ledger_entries"), Some(Confidential));
        assert_eq!(dossier_class("organisation.people[].phone"), Some(Public));
        assert_eq!(dossier_class("organisation.people[].id"), Some(Internal));
        assert_eq!(dossier_class("records.no_such_list"), None);
        assert!(is_dossier_part("ledger_entries"));
        assert!(!is_dossier_part("ledger"));
    }
}
