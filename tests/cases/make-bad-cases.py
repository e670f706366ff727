#!/usr/bin/env python3
"""Writes the bad-input catalogue: tests/cases/bad-*.case.json and their inputs under
inputs/bad/, each a small change to a valid document (inputs/boundary.dossier.json, the
default policy), so every case has one thing wrong and the expected answer names it.

Run it from anywhere, then `WANGGE_BLESS=1 cargo test -p wangge --test cases`, read every new
`bad-*.expected.json` (kind and path) and commit. Cases too big for git (a million records, a
document over 64 MiB) are generated at test time in core/tests/limits.rs instead.
"""
import copy
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BASE = json.loads((HERE / "inputs/boundary.dossier.json").read_text())
POLICY = json.loads((ROOT / "core/data/xincheng-2022.policy.json").read_text())
OUT = HERE / "inputs/bad"

for old in list(HERE.glob("bad-*.case.json")) + list(HERE.glob("bad-*.expected.json")):
    old.unlink()
OUT.mkdir(parents=True, exist_ok=True)
for old in OUT.iterdir():
    old.unlink()

count = 0


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def case(name, call="evaluate", dossier=None, policy=None, options=None, **extra):
    """Writes bad-NAME.case.json; documents given as dict/list are dumped, str written as is."""
    global count
    count += 1
    spec = {"call": call}
    for field, value, suffix in (
        ("dossier", dossier, "dossier.json"),
        ("policy", policy, "policy.json"),
        ("options", options, "options.json"),
    ):
        if value is None:
            continue
        text = value if isinstance(value, str) else dump(value)
        path = OUT / f"{name}.{suffix}"
        path.write_text(text, encoding="utf-8")
        spec[field] = f"inputs/bad/{path.name}"
    spec.update(extra)
    (HERE / f"bad-{name}.case.json").write_text(dump(spec))


def dossier(edit):
    d = copy.deepcopy(BASE)
    edit(d)
    return d


def policy(edit):
    p = copy.deepcopy(POLICY)
    edit(p)
    return p


def rec(d, kind, i=0):
    return d["records"][kind][i]


def org(d):
    return d["organisation"]


BASE_TEXT = dump(BASE)

# --- syntax -------------------------------------------------------------------------------
case("syntax-empty-document", dossier="")
case("syntax-only-whitespace", dossier=" \n\t ")
case("syntax-trailing-comma", dossier=BASE_TEXT.replace('"c1",\n', '"c1",,\n', 1))
case("syntax-single-quotes", dossier=BASE_TEXT.replace('"period"', "'period'", 1))
case("syntax-unclosed-string", dossier=BASE_TEXT[: BASE_TEXT.index('"wr-119"') + 5])
case("syntax-trailing-text", dossier=BASE_TEXT + "{}\n")
case("syntax-nan-number", dossier=BASE_TEXT.replace('"无异常"', "NaN"))
case("syntax-byte-order-mark", dossier="\ufeff" + BASE_TEXT)
case("syntax-policy-truncated", call="check_policy", policy=dump(POLICY)[:5000])

# --- wrong types and missing fields ---------------------------------------------------------
case("type-document-is-an-array", dossier="[]\n")
case("type-period-is-a-string", dossier=dossier(lambda d: d.update(period="2023-04")))
case("type-organisation-is-null", dossier=dossier(lambda d: d.update(organisation=None)))
case("type-record-id-is-a-number", dossier=dossier(lambda d: rec(d, "work_records").update(id=42)))
case("type-patrols-is-an-object",
     dossier=dossier(lambda d: rec(d, "work_records").update(patrols={"start": "08:30"})))
case("type-date-is-a-number", dossier=dossier(lambda d: rec(d, "meetings").update(date=20230417)))
case("type-unknown-role", dossier=dossier(lambda d: org(d)["people"][1].update(role="captain")))
case("type-unknown-must-check",
     dossier=dossier(lambda d: rec(d, "work_records").update(must_checks=["weather"])))
case("missing-field-record-person",
     dossier=dossier(lambda d: rec(d, "work_records").pop("person")))
case("missing-field-period", dossier=dossier(lambda d: d.pop("period")))
case("type-policy-minimum-is-text", call="check_policy", policy=policy(
    lambda p: p["obligations"][0]["requirement"].update(minimum="one")))

# --- unknown fields -------------------------------------------------------------------------
case("unknown-field-top-level", dossier=dossier(lambda d: d.update(comment="x")))
case("unknown-field-in-organisation",
     dossier=dossier(lambda d: org(d)["communities"][0].update(population=5000)))
case("unknown-field-in-leave", dossier=dossier(lambda d: rec(d, "leave").update(reason="sick")))
case("unknown-record-list", dossier=dossier(lambda d: d["records"].update(diaries=[])))
case("unknown-field-in-options", dossier=BASE, options={"period": None, "language": "en"})
case("unknown-field-in-policy", call="check_policy", policy=policy(lambda p: p.update(owner="x")))

# --- impossible dates and times -------------------------------------------------------------
case("date-month-13", dossier=dossier(lambda d: rec(d, "meetings").update(date="2023-13-01")))
case("date-april-31", dossier=dossier(lambda d: rec(d, "leave").update(to="2023-04-31")))
case("date-not-iso", dossier=dossier(lambda d: rec(d, "work_records").update(date="17/04/2023")))
case("time-hour-25",
     dossier=dossier(lambda d: rec(d, "work_records")["patrols"][0].update(start="25:00")))
case("time-minute-60",
     dossier=dossier(lambda d: rec(d, "work_records")["patrols"][0].update(end="09:60")))
case("working-day-not-a-date", call="is_working_day", date="2023-4-1")


def several_dates_and_times(d):
    org(d)["assignments"][0].update(**{"from": "2023-02-29"})
    rec(d, "work_records").update(date="2023-04-31")
    rec(d, "work_records")["patrols"][1].update(end="14:60")
    rec(d, "meetings").update(date="2023-13-01")
    rec(d, "leave").update(to="2023-04-31")


# Every impossible date and time of a document at once, each at its path: one written with a
# JSON escape (`\u0032` is `2`), two with the same text, one last in its object.
case("dates-and-times-several", dossier=dump(dossier(several_dates_and_times)).replace(
    '"date": "2023-13-01"', '"date": "\\u0032023-13-01"', 1))

# --- inverted intervals ---------------------------------------------------------------------
case("inverted-period",
     dossier=dossier(lambda d: d.update(period={"from": "2023-04-30", "to": "2023-04-17"})))
case("inverted-leave", dossier=dossier(lambda d: rec(d, "leave").update(to="2023-04-23")))
case("zero-length-patrol", dossier=dossier(
    lambda d: rec(d, "work_records")["patrols"][0].update(start="09:30", end="09:30")))
case("inverted-assignment",
     dossier=dossier(lambda d: org(d)["assignments"][1].update(to="2023-04-01")))
case("options-inverted-period", dossier=BASE,
     options={"period": {"from": "2023-04-30", "to": "2023-04-17"}})
case("options-period-outside-dossier", dossier=BASE,
     options={"period": {"from": "2023-04-01", "to": "2023-04-30"}})

# --- overlaps -------------------------------------------------------------------------------
case("overlapping-leave", dossier=dossier(lambda d: d["records"]["leave"].append(
    {"id": "lv-2", "person": "w1", "from": "2023-04-25", "to": "2023-04-26",
     "approved_by": "l1"})))
case("two-work-records-one-day", dossier=dossier(lambda d: d["records"]["work_records"].append(
    {"id": "wr-again", "person": "w1", "date": "2023-04-17", "grid": "g1"})))

# --- duplicate IDs --------------------------------------------------------------------------
case("duplicate-id-across-kinds",
     dossier=dossier(lambda d: rec(d, "meetings").update(id="wr-120")))
case("duplicate-person-id", dossier=dossier(lambda d: org(d)["people"][2].update(id="w1")))
case("duplicate-grid-id", dossier=dossier(lambda d: org(d)["communities"][0]["grids"].append(
    {"id": "g1", "name": "重复网格"})))
case("empty-record-id", dossier=dossier(lambda d: rec(d, "duty_shifts").update(id="")))

# --- dangling references --------------------------------------------------------------------
case("unknown-grid", dossier=dossier(lambda d: rec(d, "work_records", 1).update(grid="g9")))
case("unknown-community-of-person",
     dossier=dossier(lambda d: org(d)["people"][1].update(community="c9")))
case("unknown-approver", dossier=dossier(lambda d: rec(d, "leave").update(approved_by="boss")))
case("unknown-party-secretary",
     dossier=dossier(lambda d: org(d)["communities"][0].update(party_secretary="l9")))
case("unknown-grid-of-assignment",
     dossier=dossier(lambda d: org(d)["assignments"][0].update(grid="g9")))

# --- rules of the organisation (1.1) --------------------------------------------------------
case("grid-leader-not-party-secretary",
     dossier=dossier(lambda d: org(d)["people"][1].update(role="grid_leader")))
case("helper-without-kind", dossier=dossier(lambda d: org(d)["people"].append(
    {"id": "h1", "name": "楼长", "community": "c1", "role": "helper"})))

# --- who a duty binds (3.5, 2.1.0, 1.1) ------------------------------------------------------
def neighbour(d):
    """Adds a second community c2 with its Party secretary l2."""
    org(d)["communities"].append({"id": "c2", "name": "邻社区", "party_secretary": "l2",
                                  "grids": [{"id": "g9", "name": "邻网格"}]})
    org(d)["people"].append({"id": "l2", "name": "邻社区书记", "community": "c2",
                             "role": "grid_leader"})


case("reviewer-of-another-community", dossier=dossier(lambda d: (
    neighbour(d),
    d["records"].update(notebook_reviews=[{"id": "nr-1", "person": "w1", "reviewer": "l2",
                                           "date": "2023-04-28", "comment": "认真"}]))))
case("convener-of-another-community", dossier=dossier(lambda d: (
    neighbour(d),
    d["records"]["meetings"].append({"id": "dm-1", "kind": "dispatch", "community": "c1",
                                     "date": "2023-04-18", "chair": "l2"}))))
case("overlapping-assignment-one-grid-per-worker",
     dossier=dossier(lambda d: org(d)["communities"][0]["grids"].append(
         {"id": "g2", "name": "二网格"}) or org(d)["assignments"].append(
         {"person": "w1", "grid": "g2", "from": "2023-04-20"})))
case("policy-zero-grids-per-worker", call="check_policy", policy=policy(
    lambda p: p["parameters"]["grids_per_worker"].update(value=0)))

# --- years outside the calendar -------------------------------------------------------------
case("period-before-the-calendar", dossier=dossier(lambda d: (
    d.update(period={"from": "2019-04-17", "to": "2019-04-30"}),
    d.update(records={}))))
case("working-day-in-1999", call="is_working_day", date="1999-10-01")

# --- policy values --------------------------------------------------------------------------
case("policy-negative-minimum", call="check_policy", policy=policy(
    lambda p: p["obligations"][0]["requirement"].update(minimum=-1)))
case("policy-duplicate-obligation", call="check_policy", policy=policy(
    lambda p: p["obligations"].append(copy.deepcopy(p["obligations"][0]))))
case("policy-unknown-clause", call="check_policy", policy=policy(
    lambda p: p["obligations"][0].update(clause="9.9.9")))


# 3.3, 3.4: the local rule counting lateness as absence, and contradicted notices.
def late_rule(**value):
    return policy(lambda p: p["attendance"]["late_or_early_counts_as_absence"].update(value=value))


case("policy-late-rule-negative-minutes", call="check_policy",
     policy=late_rule(half_day_at_minutes=-30))
case("policy-late-rule-unknown-field", call="check_policy",
     policy=late_rule(at_minutes=30))
case("policy-late-rule-within-the-grace", call="check_policy",
     policy=late_rule(half_day_at_minutes=5))
case("policy-late-rule-whole-day-below-half-day", call="check_policy",
     policy=late_rule(half_day_at_minutes=30, whole_day_at_minutes=29))
case("policy-late-rule-impossible-date", call="check_policy",
     policy=late_rule(half_day_at_minutes=30, effective_from="2023-02-30"))
case("policy-late-rule-is-a-number", call="check_policy", policy=policy(
    lambda p: p["attendance"]["late_or_early_counts_as_absence"].update(value=30)))
case("policy-contradicted-notice-counts-unknown-value", call="check_policy", policy=policy(
    lambda p: p["attendance"]["contradicted_notice_counts"].update(value="sometimes")))
# --- the 2.1 duties' records (2.1.1, 2.1.3, 2.1.6, 2.1.9, 2.1.11) and 1.2 filing ------------
ACTIVITY = {"id": "act-1", "kind": "publicity", "person": "w1", "grid": "g1",
            "date": "2023-04-18", "note": "宣传惠民政策"}
TASK = {"id": "task-1", "community": "c1", "assignee": "w1", "assigned_by": "街道综合办",
        "assigned_on": "2023-04-18", "due_by": "2023-04-21", "task": "核查出租房屋"}


def with_record(list_name, record, **change):
    def edit(d):
        r = copy.deepcopy(record)
        r.update(change)
        d["records"][list_name] = [r]
    return dossier(edit)


def second_community(d):
    org(d)["communities"].append({"id": "c2", "name": "另一社区", "party_secretary": "l2",
                                  "grids": [{"id": "g2", "name": "二网格"}]})
    org(d)["people"].append({"id": "l2", "name": "书记乙", "community": "c2",
                             "role": "grid_leader"})


case("unknown-activity-kind", dossier=with_record("activities", ACTIVITY, kind="parade"))
case("unknown-party-member-category", dossier=with_record(
    "activities", ACTIVITY, kind="party_member_management",
    party_member_categories=["honorary"]))
case("party-member-category-on-publicity", dossier=with_record(
    "activities", ACTIVITY, party_member_categories=["floating"]))
case("unknown-grid-of-activity", dossier=with_record("activities", ACTIVITY, grid="g9"))
case("task-due-before-assigned", dossier=with_record("assigned_tasks", TASK, due_by="2023-04-17"))
case("task-done-before-assigned",
     dossier=with_record("assigned_tasks", TASK, done_on="2023-04-10"))
case("task-assignee-of-another-community", dossier=dossier(lambda d: (
    second_community(d), d["records"].update(assigned_tasks=[dict(TASK, community="c2")]))))
case("task-unknown-assignee", dossier=with_record("assigned_tasks", TASK, assignee="w9"))
case("division-reported-on-not-a-date", dossier=dossier(lambda d: (
    org(d)["communities"][0].update(areas=[{"id": "b1", "name": "1号楼"}]),
    org(d).update(divisions=[{"id": "div-1", "community": "c1", "effective_from": "2023-01-01",
                              "reported_on": "2023-02-30",
                              "grids": [{"grid": "g1", "areas": ["b1"]}]}]))))

# --- deep nesting (serde_json's recursion limit is 128) -------------------------------------
case("deep-nesting-dossier", dossier="[" * 200 + "]" * 200 + "\n")
case("deep-nesting-policy-field", call="check_policy",
     policy='{"id":' + '{"a":' * 200 + "1" + "}" * 200 + "}\n")
# A requirement is read whole before its `kind` is known, so nesting inside it is followed down
# to serde_json's recursion limit.
DEEP = dump(policy(lambda p: p["obligations"][0]["requirement"].update(deep="@")))
case("deep-nesting-policy-requirement", call="check_policy",
     policy=DEEP.replace('"@"', "[" * 200 + "]" * 200))
case("deep-nesting-options", dossier=BASE, options='{"period":' + "[" * 150 + "]" * 150 + "}")

# --- huge strings ---------------------------------------------------------------------------
HUGE = "网" * 40_000  # 120,000 bytes of UTF-8
case("huge-string-unknown-person",
     dossier=dossier(lambda d: rec(d, "meetings").update(chair=HUGE)))
case("huge-string-in-a-date", dossier=dossier(lambda d: rec(d, "meetings").update(date=HUGE)))
case("huge-number", dossier=dossier(lambda d: rec(d, "meetings").update(date=10**400)))
case("grade-of-a-huge-score", call="grade_for_score", score="9" * 1000)

# --- bounded answers (issue 14) -------------------------------------------------------------
# An answer over the size limit (people × days of the period > 250,000 person-days) is refused
# before it is built: 143 people over 2022–2026 are 261,118 person-days.
def many_workers(d):
    d["period"] = {"from": "2022-01-01", "to": "2026-12-31"}
    for i in range(140):
        org(d)["people"].append({"id": f"x{i}", "name": f"网格员{i}", "community": "c1",
                                 "role": "grid_worker"})
        org(d)["assignments"].append({"person": f"x{i}", "grid": "g1", "from": "2022-01-01"})
case("answer-too-large", dossier=dossier(many_workers))
case("answer-too-large-attendance", call="attendance", dossier=dossier(many_workers))
# A list of problems stops at 1,000 with a last `more_problems` problem: 1,002 identical
# assignments of w1 overlap 1,001 times.
case("more-problems-than-listed", dossier=dossier(
    lambda d: org(d)["assignments"].extend([dict(org(d)["assignments"][0]) for _ in range(1001)])))

print(f"{count} bad-input cases written")
