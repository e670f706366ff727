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

print(f"{count} bad-input cases written")
