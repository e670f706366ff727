#!/usr/bin/env python3
"""Writes the shared cases of 迟到, 早退 and 无故缺勤 (3.3, 3.4, 3.6.1, 4.2) and their inputs:
inputs/attendance-late-early.dossier.json and three policy variants of the default policy, each
scoring a constant 100, with only the attendance exceptions, so that only attendance moves a
score or a grade.

The dossier (March–April 2023, one community): every worker clocks 08:30–17:30 on every working
day of March, except
  wa  29, 30 and 31 minutes late on 6, 7 and 8 March (the half-day boundary of a local rule);
  wb  9 early leaves (17:20), wc 10 early leaves, wd 10 late arrivals (08:40): 3.6.1;
  we  found absent by a spot check at 09:00 on 15 March while the clock shows them in (3.4);
  wf  no clock event on 6 March, no afternoon on 7 March: absence without reason (3.3).
April has no clock record at all: attendance not taken that month (未采集, 4.2).

Run it from anywhere, then `WANGGE_BLESS=1 cargo test -p wangge --test cases`, read every changed
expected answer, commit.
"""
import copy
import datetime
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
POLICY = json.loads((ROOT / "core/data/xincheng-2022.policy.json").read_text())


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def write(path, doc):
    (HERE / path).write_text(dump(doc), encoding="utf-8")


# Working days of March 2023 (no holiday, no make-up day in it).
march = [datetime.date(2023, 3, d) for d in range(1, 32)]
working = [d for d in march if d.weekday() < 5]
assert len(working) == 23

WORKERS = ["wa", "wb", "wc", "wd", "we", "wf"]
NAMES = {"wa": "迟到甲", "wb": "早退乙", "wc": "早退丙", "wd": "迟到丁", "we": "抽查戊", "wf": "缺勤己"}
events = []


def clock(person, day, time, direction):
    events.append({
        "id": f"ck-{person}-{day:%m%d}-{direction}",
        "person": person,
        "date": day.isoformat(),
        "time": time,
        "direction": direction,
        "source": "machine",
    })


for p in WORKERS:
    for i, day in enumerate(working):
        arrive, leave = "08:30", "17:30"
        if p == "wa" and day.day in (6, 7, 8):
            arrive = {6: "08:59", 7: "09:00", 8: "09:01"}[day.day]
        if p == "wb" and i < 9:
            leave = "17:20"
        if p == "wc" and i < 10:
            leave = "17:20"
        if p == "wd" and i < 10:
            arrive = "08:40"
        if p == "wf" and day.day == 6:
            continue
        if p == "wf" and day.day == 7:
            clock(p, day, "08:30", "in")
            clock(p, day, "12:00", "out")
            continue
        clock(p, day, arrive, "in")
        clock(p, day, leave, "out")

dossier = {
    "period": {"from": "2023-03-01", "to": "2023-04-30"},
    "organisation": {
        "subdistrict": {"id": "xc", "name": "新城街道"},
        "communities": [{"id": "c1", "name": "考勤社区", "party_secretary": "l1",
                         "grids": [{"id": "g1", "name": "一网格"}]}],
        "people": [{"id": "l1", "name": "书记", "community": "c1", "role": "grid_leader"}]
        + [{"id": p, "name": NAMES[p], "community": "c1", "role": "grid_worker"} for p in WORKERS],
        "assignments": [{"person": p, "grid": "g1", "from": "2023-01-01"} for p in WORKERS],
    },
    "records": {
        "clock_events": events,
        "spot_checks": [{
            "id": "sc-0315", "community": "c1", "date": "2023-03-15", "time": "09:00",
            "checker": "街道 孟主任",
            "observations": [{"person": "we", "finding": "absent"}],
        }],
    },
}
write("inputs/attendance-late-early.dossier.json", dossier)


def variant(edit):
    p = copy.deepcopy(POLICY)
    a = p["assessment"]
    a["declared_weight_total"] = "100"
    a["components"] = [{"id": "base", "clause": "4.1", "title_zh": "基础分", "title_en": "base",
                        "weight": "100", "measure": {"kind": "constant"}}]
    # Only the attendance exceptions: the dossier keeps no other record, on purpose.
    a["exceptions"] = [e for e in a["exceptions"] if e["when"]["fact"].startswith("attendance.")]
    edit(p)
    return p


RULE = {"half_day_at_minutes": 30, "whole_day_at_minutes": 120, "effective_from": "2023-01-01"}


def local_rule(p):
    p["attendance"]["late_or_early_counts_as_absence"]["value"] = RULE
    p["attendance"]["late_or_early_counts_as_absence"]["note"] = (
        "local choice (a test variant): 迟到、早退合计30分钟以上按旷工半天计，120分钟以上按旷工一天计")


def notice_not_counted(p):
    p["attendance"]["contradicted_notice_counts"]["value"] = False
    p["attendance"]["contradicted_notice_counts"]["note"] = (
        "local choice (a test variant): a notice the clock records contradict does not count until settled")


write("inputs/attendance-constant.policy.json", variant(lambda p: None))
write("inputs/attendance-local-rule.policy.json", variant(local_rule))
write("inputs/attendance-notice-not-counted.policy.json", variant(notice_not_counted))
write("inputs/en.options.json", {"lang": "en"})

D = "inputs/attendance-late-early.dossier.json"
cases = {
    "attendance-3.3-3.6.1-late-early-absent": {"call": "attendance", "dossier": D},
    "attendance-3.3-late-counted-as-absence-by-local-rule": {
        "call": "attendance", "dossier": D, "policy": "inputs/attendance-local-rule.policy.json"},
    "assess-3.6.1-late-early-absent": {
        "call": "assess", "dossier": D, "policy": "inputs/attendance-constant.policy.json"},
    "assess-3.3-late-counted-as-absence-by-local-rule": {
        "call": "assess", "dossier": D, "policy": "inputs/attendance-local-rule.policy.json"},
    "assess-3.3-late-counted-as-absence-by-local-rule-en": {
        "call": "assess", "dossier": D, "policy": "inputs/attendance-local-rule.policy.json",
        "options": "inputs/en.options.json"},
    "assess-3.4-contradicted-notice-not-counted": {
        "call": "assess", "dossier": D,
        "policy": "inputs/attendance-notice-not-counted.policy.json"},
}
for name, spec in cases.items():
    write(f"{name}.case.json", spec)
