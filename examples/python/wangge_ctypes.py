#!/usr/bin/env python3
"""Calls libwangge from Python with ctypes (standard library only).

    python3 wangge_ctypes.py LIBWANGGE_SO DOSSIER_JSON [FROM TO]

Evaluates the dossier under the embedded default policy and prints each person's totals from
the JSON report, assesses it and prints each grid worker's score, grade (4.1) and first reason,
grades two scores at the band edge, asks whether 2023-04-23 (a make-up working Sunday) is a
working day, and shows an error with its JSON path and record ID. Exits non-zero if any call
does not answer as expected.
"""
import ctypes
import json
import sys

WG_OK = 0


class Wangge:
    """A thin wrapper over the C calls: every owned pointer is freed in a `finally`."""

    def __init__(self, path):
        lib = ctypes.CDLL(path)
        # Owned strings come back as void pointers so that Python does not copy and lose them.
        void_pp = ctypes.POINTER(ctypes.c_void_p)
        lib.wg_version.restype = ctypes.c_char_p
        lib.wg_result_tag.argtypes = [ctypes.c_uint32]
        lib.wg_result_tag.restype = ctypes.c_char_p
        lib.wg_policy_default.argtypes = [void_pp, void_pp]
        lib.wg_policy_default.restype = ctypes.c_uint32
        lib.wg_policy_free.argtypes = [ctypes.c_void_p]
        lib.wg_policy_evaluate.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p, ctypes.c_size_t,
            ctypes.c_char_p, ctypes.c_size_t,
            void_pp, void_pp,
        ]
        lib.wg_policy_evaluate.restype = ctypes.c_uint32
        lib.wg_policy_assess.argtypes = lib.wg_policy_evaluate.argtypes
        lib.wg_policy_assess.restype = ctypes.c_uint32
        lib.wg_policy_grade_for_score.argtypes = [
            ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_uint32), void_pp,
        ]
        lib.wg_policy_grade_for_score.restype = ctypes.c_uint32
        lib.wg_grade_tag.argtypes = [ctypes.c_uint32]
        lib.wg_grade_tag.restype = ctypes.c_char_p
        lib.wg_policy_is_working_day.argtypes = [
            ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_bool), void_pp,
        ]
        lib.wg_policy_is_working_day.restype = ctypes.c_uint32
        lib.wg_string_free.argtypes = [ctypes.c_void_p]
        lib.wg_error_json.argtypes = [ctypes.c_void_p]
        lib.wg_error_json.restype = ctypes.c_char_p
        lib.wg_error_free.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.policy = ctypes.c_void_p()
        error = ctypes.c_void_p()
        code = lib.wg_policy_default(ctypes.byref(self.policy), ctypes.byref(error))
        self._check(code, error)

    def close(self):
        self.lib.wg_policy_free(self.policy)
        self.policy = ctypes.c_void_p()

    def _check(self, code, error):
        """Raises WanggeError with the failure answer when `code` is not WG_OK."""
        if code == WG_OK:
            return
        try:
            answer = json.loads(self.lib.wg_error_json(error).decode("utf-8"))
        finally:
            self.lib.wg_error_free(error)
        raise WanggeError(self.lib.wg_result_tag(code).decode(), answer["errors"])

    def _dossier_call(self, call, dossier_text, options):
        """The value of a call taking a dossier and options and answering JSON."""
        dossier = dossier_text.encode("utf-8")
        opts = json.dumps(options).encode("utf-8") if options is not None else None
        answer = ctypes.c_void_p()
        error = ctypes.c_void_p()
        code = call(
            self.policy, dossier, len(dossier), opts, len(opts) if opts else 0,
            ctypes.byref(answer), ctypes.byref(error))
        self._check(code, error)
        try:
            return json.loads(ctypes.string_at(answer.value).decode("utf-8"))["value"]
        finally:
            self.lib.wg_string_free(answer)

    def evaluate(self, dossier_text, options=None):
        """The compliance report (a dict) of a dossier given as JSON text."""
        return self._dossier_call(self.lib.wg_policy_evaluate, dossier_text, options)

    def assess(self, dossier_text, options=None):
        """The assessment (a dict: workers with score, grade, rules...) of a dossier."""
        return self._dossier_call(self.lib.wg_policy_assess, dossier_text, options)

    def grade_for_score(self, score):
        """The grade word ("excellent", ...) of a score given as exact decimal text."""
        grade = ctypes.c_uint32()
        error = ctypes.c_void_p()
        code = self.lib.wg_policy_grade_for_score(
            self.policy, score.encode("ascii"), ctypes.byref(grade), ctypes.byref(error))
        self._check(code, error)
        return self.lib.wg_grade_tag(grade.value).decode()

    def is_working_day(self, date):
        working = ctypes.c_bool()
        error = ctypes.c_void_p()
        code = self.lib.wg_policy_is_working_day(
            self.policy, date.encode("ascii"), ctypes.byref(working), ctypes.byref(error))
        self._check(code, error)
        return working.value


class WanggeError(Exception):
    def __init__(self, tag, errors):
        super().__init__(f"{tag}: {errors[0]['message']}")
        self.tag = tag
        self.errors = errors


def main(argv):
    if len(argv) not in (3, 5):
        print(__doc__, file=sys.stderr)
        return 2
    wg = Wangge(argv[1])
    try:
        print("libwangge", wg.lib.wg_version().decode())
        with open(argv[2], encoding="utf-8") as f:
            dossier = f.read()
        options = {"period": {"from": argv[3], "to": argv[4]}} if len(argv) == 5 else None
        report = wg.evaluate(dossier, options)
        print(f"period {report['period']['from']}..{report['period']['to']}")
        for person in report["people"]:
            t = person["totals"]
            print(f"{person['person']:<4} {person['name']:<4} {person['role']:<12} "
                  f"met {t['met']:>4}  missed {t['missed']:>3}  excused {t['excused']:>3}")
        assessment = wg.assess(dossier, options)
        for w in assessment["workers"]:
            first = w["rules"][0]["text"] if w["rules"] else ""
            awards = "eligible" if w["award_eligible"] else "vetoed (5.2)"
            print(f"{w['person']:<4} {w['name']:<4} score {w['score']:>6}  "
                  f"{w['grade']:<19} {w['grade_zh']:<4} {awards:<12} {first}")
        assert len(assessment["workers"]) > 0
        assert wg.grade_for_score("90") == "excellent"
        assert wg.grade_for_score("89.99") == "competent"
        print('score "90" is excellent, "89.99" competent (exact decimals, no float at the edge)')
        try:
            wg.grade_for_score("9O")
            raise AssertionError("a score that is no number must fail")
        except WanggeError as e:
            assert e.tag == "shape", e.tag
        assert wg.is_working_day("2023-04-23") is True
        assert wg.is_working_day("2023-05-01") is False
        print("2023-04-23 is a working day (make-up Sunday); 2023-05-01 is not (Labour Day)")
        try:
            wg.evaluate('{"organisation": 1}')
            raise AssertionError("a bad dossier must fail")
        except WanggeError as e:
            print("a bad dossier answers", e.tag, "at", e.errors[0].get("path"))
            assert e.tag == "shape" and e.errors[0].get("path") == "organisation"
    finally:
        wg.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
