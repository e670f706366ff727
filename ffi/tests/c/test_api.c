/* Tests of every call of libwangge from C: answers, errors with their details, ownership,
 * NULL pointers, invalid UTF-8 and oversized input.
 *
 * Usage: test_api CASES_DIR   (the shared tests/cases folder) */
#include "wangge.h"
#include "testutil.h"

static char cases[4096];

static char *case_file(const char *rel, size_t *len) {
  char path[8192];
  snprintf(path, sizeof path, "%s/%s", cases, rel);
  return read_file(path, len);
}

static int starts_with(const char *text, const char *prefix) {
  return text != NULL && strncmp(text, prefix, strlen(prefix)) == 0;
}

static void test_version(void) {
  CHECK(strcmp(wg_version(), WANGGE_VERSION) == 0);
  {
    char macro[64];
    snprintf(macro, sizeof macro, "%d.%d.%d", WANGGE_VERSION_MAJOR, WANGGE_VERSION_MINOR,
             WANGGE_VERSION_PATCH);
    CHECK(strcmp(macro, WANGGE_VERSION) == 0);
  }
}

static void test_result_tags(void) {
  CHECK(WG_OK == 0);
  CHECK(strcmp(wg_result_tag(WG_OK), "ok") == 0);
  CHECK(strcmp(wg_result_tag(WG_NULL_PARAMETER), "null_parameter") == 0);
  CHECK(strcmp(wg_result_tag(WG_INVALID_TIME), "invalid_time") == 0);
  CHECK(strcmp(wg_result_tag(WG_TOO_LARGE), "too_large") == 0);
  CHECK(strcmp(wg_result_tag(9999), "unknown") == 0);
  /* The numbers are part of the ABI: never renumbered. */
  CHECK(WG_NULL_PARAMETER == 1 && WG_INVALID_UTF8 == 2 && WG_PANIC == 3 && WG_INTERNAL == 4);
  CHECK(WG_SYNTAX == 10 && WG_SHAPE == 11 && WG_INVALID_TIME == 12 && WG_OVERLAP == 13);
  CHECK(WG_DUPLICATE_ID == 14 && WG_UNKNOWN_REFERENCE == 15 && WG_OUTSIDE_CALENDAR == 16);
  CHECK(WG_INVALID_POLICY == 17 && WG_UNKNOWN_CLAUSE == 18 && WG_INVALID_ORGANISATION == 19);
  CHECK(WG_INVALID_PERIOD == 20 && WG_TOO_LARGE == 21 && WG_OUT_OF_ORDER == 22);
  CHECK(strcmp(wg_result_tag(WG_OUT_OF_ORDER), "out_of_order") == 0);
  CHECK(WG_MORE_PROBLEMS == 23 && strcmp(wg_result_tag(WG_MORE_PROBLEMS), "more_problems") == 0);
  CHECK(WG_MAX_PROBLEMS == 1000);
  CHECK(sizeof(wg_result) == 4);
  /* Grades too: stable numbers, 0 is never a grade. */
  CHECK(WG_GRADE_EXCELLENT == 1 && WG_GRADE_COMPETENT == 2);
  CHECK(WG_GRADE_BASICALLY_COMPETENT == 3 && WG_GRADE_INCOMPETENT == 4);
  CHECK(sizeof(wg_grade) == 4);
  CHECK(strcmp(wg_grade_tag(WG_GRADE_EXCELLENT), "excellent") == 0);
  CHECK(strcmp(wg_grade_tag(WG_GRADE_BASICALLY_COMPETENT), "basically_competent") == 0);
  CHECK(strcmp(wg_grade_tag(0), "unknown") == 0 && strcmp(wg_grade_tag(5), "unknown") == 0);
  CHECK(strcmp(wg_grade_label_zh(WG_GRADE_COMPETENT), "称职") == 0);
  CHECK(strcmp(wg_grade_label_zh(WG_GRADE_INCOMPETENT), "不称职") == 0);
  CHECK(wg_grade_label_zh(0) == NULL && wg_grade_label_zh(99) == NULL);
}

static void test_policy_handles(void) {
  wg_policy *policy = (wg_policy *)1;
  wg_error *error = (wg_error *)1;
  char *answer = NULL;
  char *text;
  size_t len;

  CHECK(wg_policy_default(&policy, &error) == WG_OK);
  CHECK(policy != NULL && error == NULL);
  CHECK(wg_policy_to_json(policy, &answer, NULL) == WG_OK);
  CHECK(starts_with(answer, "{\"status\":\"success\",\"value\":{\"id\":\"xincheng-2022\""));
  wg_string_free(answer);
  wg_policy_free(policy);

  text = case_file("../../core/data/xincheng-2022.policy.json", &len);
  CHECK(wg_policy_from_json(text, len, &policy, &error) == WG_OK);
  CHECK(policy != NULL && error == NULL);
  wg_policy_free(policy);
  /* Checking a document answers the linter's report; linting its handle answers the same. */
  CHECK(wg_policy_check(text, len, &answer, &error) == WG_OK);
  CHECK(strcmp(answer, "{\"status\":\"success\",\"value\":{\"policy\":\"xincheng-2022\","
                       "\"version\":\"1.0.0\",\"ok\":true,\"findings\":[]},"
                       "\"class\":\"internal\"}") == 0);
  {
    char *linted = NULL;
    CHECK(wg_policy_from_json(text, len, &policy, NULL) == WG_OK);
    CHECK(wg_policy_lint(policy, &linted, &error) == WG_OK && error == NULL);
    CHECK(linted != NULL && strcmp(linted, answer) == 0);
    wg_string_free(linted);
    wg_policy_free(policy);
  }
  wg_string_free(answer);
  free(text);

  /* A usable policy whose scheme the linter faults: WG_OK, with "ok":false and the findings. */
  text = case_file("../fixtures/broken-scheme.policy.json", &len);
  CHECK(wg_policy_check(text, len, &answer, &error) == WG_OK);
  CHECK(strstr(answer, "\"ok\":false") != NULL);
  CHECK(strstr(answer, "\"code\":\"band_gap\"") != NULL);
  wg_string_free(answer);
  free(text);

  /* A broken policy: every problem, each with its JSON path. */
  text = case_file("inputs/broken.policy.json", &len);
  CHECK(wg_policy_from_json(text, len, &policy, &error) == WG_INVALID_TIME);
  CHECK(policy == NULL && error != NULL);
  CHECK(wg_error_code(error) == WG_INVALID_TIME);
  CHECK(wg_error_problem_code(error, 0) == WG_INVALID_TIME);
  CHECK(wg_error_problem_count(error) > 1);
  CHECK(wg_error_problem_path(error, 0) != NULL);
  CHECK(strstr(wg_error_message(error), " at `") != NULL);
  CHECK(strstr(wg_error_message(error), "more)") != NULL);
  CHECK(starts_with(wg_error_json(error), "{\"status\":\"failure\",\"errors\":[{\"kind\":"));
  CHECK(wg_error_problem_message(error, 99) == NULL);
  CHECK(wg_error_problem_path(error, 99) == NULL);
  CHECK(wg_error_problem_code(error, 99) == WG_NULL_PARAMETER);
  wg_error_free(error);
  CHECK(wg_policy_check(text, len, &answer, &error) == WG_INVALID_TIME);
  CHECK(answer == NULL && error != NULL);
  wg_error_free(error);
  free(text);

  /* Frees take NULL. */
  wg_policy_free(NULL);
  wg_error_free(NULL);
  wg_string_free(NULL);
  wg_report_free(NULL);
  wg_assessment_free(NULL);
}

static void test_evaluate(void) {
  wg_policy *policy = NULL;
  wg_error *error = NULL;
  wg_report *report = NULL;
  wg_person_totals totals;
  char *answer = NULL;
  size_t len, olen, i;
  char *dossier = case_file("inputs/boundary.dossier.json", &len);
  char *options = case_file("inputs/boundary.options.json", &olen);
  const char *period = "{\"period\":{\"from\":\"2030-01-01\",\"to\":\"2030-01-31\"}}";

  CHECK(wg_policy_default(&policy, NULL) == WG_OK);
  CHECK(wg_policy_evaluate(policy, dossier, len, options, olen, &answer, &error) == WG_OK);
  CHECK(error == NULL);
  CHECK(starts_with(answer, "{\"status\":\"success\",\"value\":{\"policy\":"));
  CHECK(strstr(answer, "\"lang\":\"en\"") != NULL);
  wg_string_free(answer);

  /* NULL options: the defaults. */
  CHECK(wg_policy_evaluate(policy, dossier, len, NULL, 0, &answer, NULL) == WG_OK);
  CHECK(strstr(answer, "\"lang\":\"zh\"") != NULL);
  wg_string_free(answer);

  /* A period outside the dossier. */
  CHECK(wg_policy_evaluate(policy, dossier, len, period, strlen(period), &answer, &error) ==
        WG_INVALID_PERIOD);
  CHECK(answer == NULL && error != NULL);
  wg_error_free(error);

  /* The report handle. */
  CHECK(wg_policy_evaluate_report(policy, dossier, len, NULL, 0, &report, &error) == WG_OK);
  CHECK(report != NULL && wg_report_person_count(report) > 0);
  for (i = 0; i < wg_report_person_count(report); i++) {
    CHECK(wg_report_person_totals(report, i, &totals, NULL) == WG_OK);
    CHECK(totals.person != NULL && totals.name != NULL && totals.community != NULL);
    CHECK(strcmp(totals.role, "grid_leader") == 0 || strcmp(totals.role, "grid_worker") == 0);
  }
  CHECK(wg_report_person_totals(report, 9999, &totals, &error) == WG_SHAPE);
  CHECK(strstr(wg_error_message(error), "`9999`") != NULL);
  wg_error_free(error);
  wg_report_free(report);
  free(dossier);
  free(options);

  /* A bad record: the path and record ID of the Rust error. */
  dossier = case_file("inputs/overlapping-patrols.dossier.json", &len);
  CHECK(wg_policy_evaluate(policy, dossier, len, NULL, 0, &answer, &error) == WG_OVERLAP);
  CHECK(wg_error_problem_path(error, 0) != NULL);
  CHECK(strstr(wg_error_problem_path(error, 0), "records.work_records[") != NULL);
  CHECK(wg_error_problem_record(error, 0) != NULL);
  CHECK(strstr(wg_error_message(error), "(record `") != NULL);
  wg_error_free(error);
  free(dossier);
  wg_policy_free(policy);
}

static void test_typed_calls(void) {
  wg_policy *policy = NULL;
  wg_error *error = NULL;
  char *text = NULL;
  bool working = false;

  CHECK(wg_policy_default(&policy, NULL) == WG_OK);
  CHECK(wg_policy_is_working_day(policy, "2023-04-23", &working, &error) == WG_OK);
  CHECK(working == true && error == NULL); /* make-up working Sunday */
  CHECK(wg_policy_is_working_day(policy, "2023-05-01", &working, NULL) == WG_OK);
  CHECK(working == false); /* Labour Day */
  CHECK(wg_policy_is_working_day(policy, "2023-02-29", &working, &error) == WG_INVALID_TIME);
  CHECK(strstr(wg_error_message(error), "2023-02-29") != NULL);
  wg_error_free(error);
  CHECK(wg_policy_is_working_day(policy, "2031-05-06", &working, &error) == WG_OUTSIDE_CALENDAR);
  wg_error_free(error);

  CHECK(wg_clause_text("2.2.2", &text, &error) == WG_OK);
  CHECK(strstr(text, "保证每天巡查两小时以上") != NULL);
  wg_string_free(text);
  CHECK(wg_clause_to_json("2.2.2", &text, NULL) == WG_OK);
  CHECK(strstr(text, "\"id\":\"2.2.2\"") != NULL);
  wg_string_free(text);
  CHECK(wg_clause_text("2.2.9", &text, &error) == WG_UNKNOWN_CLAUSE);
  CHECK(text == NULL);
  CHECK(strcmp(wg_error_message(error), "`2.2.9` is not a clause of the measures") == 0);
  wg_error_free(error);
  wg_policy_free(policy);
}

/* Grades for a score: the band edges of the default policy, bad text, a band gap. */
static void test_grade_for_score(void) {
  wg_policy *policy = NULL, *gappy = NULL;
  wg_error *error = NULL;
  wg_grade grade = 0;
  char *text, *long_score;
  size_t len;

  CHECK(wg_policy_default(&policy, NULL) == WG_OK);
  CHECK(wg_policy_grade_for_score(policy, "90", &grade, &error) == WG_OK);
  CHECK(grade == WG_GRADE_EXCELLENT && error == NULL);
  CHECK(wg_policy_grade_for_score(policy, "89.99", &grade, NULL) == WG_OK);
  CHECK(grade == WG_GRADE_COMPETENT);
  CHECK(wg_policy_grade_for_score(policy, "90.00", &grade, NULL) == WG_OK);
  CHECK(grade == WG_GRADE_EXCELLENT);
  CHECK(wg_policy_grade_for_score(policy, "100", &grade, NULL) == WG_OK);
  CHECK(grade == WG_GRADE_EXCELLENT);
  CHECK(wg_policy_grade_for_score(policy, "75", &grade, NULL) == WG_OK);
  CHECK(grade == WG_GRADE_COMPETENT);
  CHECK(wg_policy_grade_for_score(policy, "74.99", &grade, NULL) == WG_OK);
  CHECK(grade == WG_GRADE_BASICALLY_COMPETENT);
  CHECK(wg_policy_grade_for_score(policy, "60", &grade, NULL) == WG_OK);
  CHECK(grade == WG_GRADE_BASICALLY_COMPETENT);
  CHECK(wg_policy_grade_for_score(policy, "59.99", &grade, NULL) == WG_OK);
  CHECK(grade == WG_GRADE_INCOMPETENT);
  CHECK(wg_policy_grade_for_score(policy, "-5", &grade, NULL) == WG_OK);
  CHECK(grade == WG_GRADE_INCOMPETENT);

  /* Not a decimal number: WG_SHAPE, the text quoted, the out-parameter untouched. */
  grade = WG_GRADE_EXCELLENT;
  CHECK(wg_policy_grade_for_score(policy, "9O", &grade, &error) == WG_SHAPE);
  CHECK(grade == WG_GRADE_EXCELLENT);
  CHECK(strstr(wg_error_message(error), "`9O`") != NULL);
  wg_error_free(error);
  CHECK(wg_policy_grade_for_score(policy, "", &grade, &error) == WG_SHAPE);
  wg_error_free(error);
  CHECK(wg_policy_grade_for_score(policy, "8\xff", &grade, &error) == WG_INVALID_UTF8);
  wg_error_free(error);
  long_score = malloc(WG_MAX_SHORT_TEXT_BYTES + 2);
  memset(long_score, '9', WG_MAX_SHORT_TEXT_BYTES + 1);
  long_score[WG_MAX_SHORT_TEXT_BYTES + 1] = '\0';
  CHECK(wg_policy_grade_for_score(policy, long_score, &grade, &error) == WG_TOO_LARGE);
  wg_error_free(error);
  free(long_score);

  /* A policy whose bands leave 60 to 70 uncovered: no grade for 65, and it says where. */
  text = case_file("../fixtures/broken-scheme.policy.json", &len);
  CHECK(wg_policy_from_json(text, len, &gappy, NULL) == WG_OK);
  CHECK(wg_policy_grade_for_score(gappy, "65", &grade, &error) == WG_INVALID_POLICY);
  CHECK(strstr(wg_error_message(error), "`65`") != NULL);
  CHECK(wg_error_problem_path(error, 0) != NULL &&
        strcmp(wg_error_problem_path(error, 0), "assessment.bands") == 0);
  wg_error_free(error);
  CHECK(wg_policy_grade_for_score(gappy, "70", &grade, NULL) == WG_OK);
  CHECK(grade == WG_GRADE_BASICALLY_COMPETENT);
  wg_policy_free(gappy);
  free(text);
  wg_policy_free(policy);
}

/* The assessment as JSON and through the typed handle, which must agree with it. */
static void test_assess(void) {
  wg_policy *policy = NULL;
  wg_error *error = NULL;
  wg_assessment *assessment = NULL;
  wg_worker_result worker;
  wg_reason reason;
  char *answer = NULL, *english = NULL;
  size_t len, i, j;
  char *dossier = case_file("inputs/boundary.dossier.json", &len);
  const char *en = "{\"lang\":\"en\"}";

  CHECK(wg_policy_default(&policy, NULL) == WG_OK);
  CHECK(wg_policy_assess(policy, dossier, len, NULL, 0, &answer, &error) == WG_OK);
  CHECK(error == NULL);
  CHECK(starts_with(answer, "{\"status\":\"success\",\"value\":{\"policy\":"));
  CHECK(strstr(answer, "\"lang\":\"zh\"") != NULL);
  CHECK(wg_policy_assess(policy, dossier, len, en, strlen(en), &english, NULL) == WG_OK);
  CHECK(strstr(english, "\"lang\":\"en\"") != NULL);
  wg_string_free(english);

  CHECK(wg_assessment_new(policy, dossier, len, NULL, 0, &assessment, &error) == WG_OK);
  CHECK(assessment != NULL && error == NULL);
  CHECK(wg_assessment_worker_count(assessment) == 2);
  CHECK(wg_assessment_is_complete(assessment) == (strstr(answer, "\"complete\":true") != NULL));
  for (i = 0; i < wg_assessment_worker_count(assessment); i++) {
    char head[1024];
    CHECK(wg_assessment_worker(assessment, i, &worker, NULL) == WG_OK);
    CHECK(worker.grade >= WG_GRADE_EXCELLENT && worker.grade <= WG_GRADE_INCOMPETENT);
    /* The handle's fields are the JSON answer's, in the JSON's order. */
    snprintf(head, sizeof head,
             "{\"person\":\"%s\",\"name\":\"%s\",\"community\":\"%s\",\"score\":\"%s\","
             "\"score_grade\":\"%s\",\"grade\":\"%s\",\"grade_zh\":\"%s\"",
             worker.person, worker.name, worker.community, worker.score,
             wg_grade_tag(worker.score_grade), wg_grade_tag(worker.grade),
             wg_grade_label_zh(worker.grade));
    CHECK(strstr(answer, head) != NULL);
    CHECK(strstr(answer, worker.award_eligible ? "\"award_eligible\":true"
                                                : "\"award_eligible\":false") != NULL);
    CHECK(worker.reason_count > 0);
    for (j = 0; j < worker.reason_count; j++) {
      char rule[1024];
      CHECK(wg_assessment_reason(assessment, i, j, &reason, NULL) == WG_OK);
      CHECK(reason.kind != NULL && reason.id != NULL && reason.clause != NULL);
      snprintf(rule, sizeof rule, "{\"kind\":\"%s\",\"id\":\"%s\",\"clause\":\"%s\"", reason.kind,
               reason.id, reason.clause);
      CHECK(strstr(answer, rule) != NULL);
      CHECK(strstr(reason.text, reason.clause) != NULL);
    }
    CHECK(wg_assessment_reason(assessment, i, worker.reason_count, &reason, &error) == WG_SHAPE);
    wg_error_free(error);
  }
  /* Both workers of the boundary dossier fall short: 不称职 (w1 found no problem, so 4.1's
     points are not earned). The period is two weeks, not a year: 5.2's one-vote veto takes the
     year's award eligibility only on an annual result. */
  CHECK(wg_assessment_worker(assessment, 0, &worker, NULL) == WG_OK);
  CHECK(strcmp(worker.person, "w1") == 0 && strcmp(worker.score, "0") == 0);
  CHECK(worker.grade == WG_GRADE_INCOMPETENT && worker.award_eligible);
  CHECK(wg_assessment_reason(assessment, 0, 0, &reason, NULL) == WG_OK);
  CHECK(strcmp(reason.kind, "component") == 0 && strcmp(reason.id, "patrol") == 0);
  CHECK(strcmp(reason.clause, "2.2.2") == 0 && reason.evidence_count == 13);
  CHECK(reason.overridden_by == NULL);
  CHECK(wg_assessment_worker(assessment, 2, &worker, &error) == WG_SHAPE);
  CHECK(strstr(wg_error_message(error), "`2`") != NULL);
  wg_error_free(error);
  CHECK(wg_assessment_reason(assessment, 7, 0, &reason, &error) == WG_SHAPE);
  wg_error_free(error);
  wg_assessment_free(assessment);
  wg_string_free(answer);
  free(dossier);

  /* Failures: a bad record, and a period outside the dossier. */
  dossier = case_file("inputs/overlapping-patrols.dossier.json", &len);
  CHECK(wg_policy_assess(policy, dossier, len, NULL, 0, &answer, &error) == WG_OVERLAP);
  CHECK(answer == NULL && wg_error_problem_record(error, 0) != NULL);
  wg_error_free(error);
  assessment = (wg_assessment *)1;
  CHECK(wg_assessment_new(policy, dossier, len, NULL, 0, &assessment, &error) == WG_OVERLAP);
  CHECK(assessment == NULL);
  wg_error_free(error);
  free(dossier);
  wg_policy_free(policy);
}

/* Attendance (3.3, 3.4, 3.6) and evidence (2.1.x) reports. */
static void test_attendance_and_evidence(void) {
  wg_policy *policy = NULL;
  wg_error *error = NULL;
  char *answer = NULL;
  size_t len;
  char *dossier;
  const char *period = "{\"period\":{\"from\":\"2030-01-01\",\"to\":\"2030-01-31\"}}";

  CHECK(wg_policy_default(&policy, NULL) == WG_OK);
  dossier = case_file("inputs/attendance-boundary.dossier.json", &len);
  CHECK(wg_policy_attendance(policy, dossier, len, NULL, 0, &answer, &error) == WG_OK);
  CHECK(error == NULL && starts_with(answer, "{\"status\":\"success\",\"value\":{"));
  wg_string_free(answer);
  CHECK(wg_policy_attendance(policy, dossier, len, period, strlen(period), &answer, &error) ==
        WG_INVALID_PERIOD);
  CHECK(answer == NULL);
  wg_error_free(error);
  free(dossier);

  dossier = case_file("inputs/evidence-boundary.dossier.json", &len);
  CHECK(wg_policy_evidence(policy, dossier, len, NULL, 0, &answer, &error) == WG_OK);
  CHECK(error == NULL && starts_with(answer, "{\"status\":\"success\",\"value\":{"));
  wg_string_free(answer);
  free(dossier);

  /* Steps of a problem out of their order: every problem, the first out_of_order. */
  dossier = case_file("inputs/evidence-bad-steps.dossier.json", &len);
  CHECK(wg_policy_evidence(policy, dossier, len, NULL, 0, &answer, &error) == WG_OUT_OF_ORDER);
  CHECK(answer == NULL && wg_error_problem_count(error) == 3);
  CHECK(wg_error_problem_code(error, 1) == WG_INVALID_TIME);
  CHECK(strcmp(wg_error_problem_record(error, 0), "pb-at-deadline") == 0);
  CHECK(strcmp(wg_error_problem_date(error, 0), "2023-04-19") == 0);
  wg_error_free(error);
  free(dossier);
  wg_policy_free(policy);
}

/* Runs CALL (which may write `error`), then checks it answered WG_NULL_PARAMETER naming NAME. */
#define EXPECT_NULL(call, name)                                                  \
  do {                                                                           \
    wg_result got_ = (call);                                                     \
    expect_null(got_, error, name);                                              \
    error = NULL;                                                                \
  } while (0)

/* Confidentiality (2.2.4, 2.2.5) and grid divisions (1.2), on the confidentiality sample. */

/* A request for the drug-user ledger entry le-1 of community c1, with the approvals given. */
static char *disclosure_request(const char *approvals) {
  const char *head =
      "{\"id\":\"req-c\",\"requester\":{\"kind\":\"other\",\"name\":\"新城区禁毒委员会办公室\"},"
      "\"purpose\":\"禁毒社区康复回访核查\","
      "\"date\":\"2023-05-20\",\"community\":\"c1\","
      "\"fields\":[\"records.ledger_entries[].id\",\"records.ledger_entries[].subject\"],"
      "\"records\":[\"le-1\"],\"approvals\":[";
  size_t len = strlen(head) + strlen(approvals) + 3;
  char *request = malloc(len);
  snprintf(request, len, "%s%s]}", head, approvals);
  return request;
}

static void test_disclosure(void) {
  /* Each approval is bound to the request, the fields it approves and the purpose. */
#define BOUND                                                                                      \
  "\"request\":\"req-c\",\"fields\":[\"records.ledger_entries[]\"],"                              \
  "\"purpose\":\"禁毒社区康复回访核查\","
  const char *party = "{\"id\":\"a1\",\"body\":{\"kind\":\"party_organisation\","
                      "\"community\":\"c1\"}," BOUND "\"approved_on\":\"2023-05-18\"}";
  const char *both = "{\"id\":\"a1\",\"body\":{\"kind\":\"party_organisation\","
                     "\"community\":\"c1\"}," BOUND "\"approved_on\":\"2023-05-18\"},"
                     "{\"id\":\"a2\",\"body\":{\"kind\":\"functional_department\","
                     "\"department\":\"public_security\"}," BOUND "\"approved_on\":\"2023-05-19\"}";
  const char *replayed = "{\"id\":\"a1\",\"body\":{\"kind\":\"party_organisation\","
                         "\"community\":\"c1\"},\"request\":\"req-old\","
                         "\"fields\":[\"records\"],\"purpose\":\"禁毒社区康复回访核查\","
                         "\"approved_on\":\"2023-05-18\"}";
#undef BOUND
  wg_policy *policy = NULL;
  wg_error *error = (wg_error *)1;
  char *answer = (char *)1;
  char *request;
  size_t len;
  char *dossier = case_file("inputs/confidentiality-2023.dossier.json", &len);

  CHECK(wg_policy_default(&policy, NULL) == WG_OK);
  /* Only the Party organisation's approval: refused, yet a successful answer with its audit
   * entry, naming the missing department and disclosing nothing. */
  request = disclosure_request(party);
  CHECK(wg_policy_disclose(policy, dossier, len, request, strlen(request), &answer, &error) ==
        WG_OK);
  CHECK(error == NULL);
  CHECK(starts_with(answer, "{\"status\":\"success\",\"value\":{\"audit\":{\"clause\":\"2.2.5\""));
  CHECK(strstr(answer, "\"decision\":\"refused\"") != NULL);
  CHECK(strstr(answer, "\"kind\":\"missing_department_approval\"") != NULL);
  CHECK(strstr(answer, "\"records_disclosed\":0") != NULL);
  CHECK(strstr(answer, "王某") == NULL); /* le-1's subject is not given out */
  wg_string_free(answer);
  free(request);

  /* Both approvals: granted, with le-1 alone and its subject in the copy. */
  request = disclosure_request(both);
  CHECK(wg_policy_disclose(policy, dossier, len, request, strlen(request), &answer, &error) ==
        WG_OK);
  CHECK(strstr(answer, "\"decision\":\"granted\"") != NULL);
  CHECK(strstr(answer, "\"records_disclosed\":1") != NULL);
  CHECK(strstr(answer, "王某，1号楼302") != NULL);
  CHECK(strstr(answer, "李某") == NULL && strstr(answer, "孙奶奶") == NULL);
  CHECK(strstr(answer, "\"reasons\":[]") != NULL);
  wg_string_free(answer);
  free(request);

  /* An approval given for another request counts for nothing here. */
  request = disclosure_request(replayed);
  CHECK(wg_policy_disclose(policy, dossier, len, request, strlen(request), &answer, &error) ==
        WG_OK);
  CHECK(strstr(answer, "\"decision\":\"refused\"") != NULL);
  CHECK(strstr(answer, "\"kind\":\"approval_for_another_request\"") != NULL);
  CHECK(strstr(answer, "王某") == NULL);
  wg_string_free(answer);
  free(request);

  /* A request that cannot be read fails, naming the field it does not know. */
  {
    const char *unknown = "{\"id\":\"r\",\"requester\":{\"kind\":\"other\",\"name\":\"x\"},"
                          "\"purpose\":\"y\","
                          "\"date\":\"2023-05-20\",\"community\":\"c1\","
                          "\"fields\":[\"records.no_such_thing[].id\"],\"approvals\":[]}";
    CHECK(wg_policy_disclose(policy, dossier, len, unknown, strlen(unknown), &answer, &error) !=
          WG_OK);
    CHECK(answer == NULL && error != NULL);
    CHECK(strstr(wg_error_message(error), "no_such_thing") != NULL);
    wg_error_free(error);
    CHECK(wg_policy_disclose(policy, dossier, len, "{", 1, &answer, &error) == WG_SYNTAX);
    CHECK(answer == NULL);
    wg_error_free(error);
  }
  free(dossier);
  wg_policy_free(policy);
}

static void test_view(void) {
  wg_error *error = NULL;
  char *answer = NULL;
  size_t len;
  char *dossier = case_file("inputs/confidentiality-2023.dossier.json", &len);
  const char *w1 = "{\"kind\":\"person\",\"person\":\"w1\",\"from\":\"2023-05-10\"}";
  const char *all = "{\"kind\":\"subdistrict\"}";
  const char *nobody = "{\"kind\":\"person\",\"person\":\"nobody\",\"from\":\"2023-05-10\"}";
  /* Records of grids other than w1's g1 (g2, and g4 of another community). */
  const char *elsewhere[] = {"\"le-2\"", "\"le-4\"", "\"px-1\"", "\"wr-w4-0510\"",
                             "李某", "赵某", "\"grid\":\"g4\""};
  size_t k;

  CHECK(wg_dossier_view(dossier, len, w1, strlen(w1), &answer, &error) == WG_OK);
  CHECK(error == NULL);
  CHECK(strstr(answer, "\"basis\":\"grid_worker\"") != NULL);
  CHECK(strstr(answer, "\"grids\":[\"g1\"]") != NULL);
  CHECK(strstr(answer, "\"le-1\"") != NULL); /* their own grid's ledger entry is there */
  for (k = 0; k < sizeof elsewhere / sizeof elsewhere[0]; k++) {
    if (strstr(answer, elsewhere[k]) != NULL) {
      fprintf(stderr, "w1's view holds `%s` of another grid\n", elsewhere[k]);
      failures++;
    }
  }
  wg_string_free(answer);

  CHECK(wg_dossier_view(dossier, len, all, strlen(all), &answer, &error) == WG_OK);
  CHECK(strstr(answer, "\"le-2\"") != NULL && strstr(answer, "\"le-4\"") != NULL);
  wg_string_free(answer);

  CHECK(wg_dossier_view(dossier, len, nobody, strlen(nobody), &answer, &error) ==
        WG_UNKNOWN_REFERENCE);
  CHECK(answer == NULL && wg_error_problem_record(error, 0) != NULL &&
        strcmp(wg_error_problem_record(error, 0), "nobody") == 0);
  wg_error_free(error);
  free(dossier);
}

static void test_public_notice_and_filing(void) {
  wg_error *error = NULL;
  char *answer = NULL;
  size_t len;
  char *dossier = case_file("inputs/confidentiality-2023.dossier.json", &len);
  const char *at;
  int subjects = 0;

  CHECK(wg_dossier_public_notice(dossier, len, "c1", "2023-07-01", &answer, &error) == WG_OK);
  CHECK(starts_with(answer, "{\"status\":\"success\",\"value\":{\"clause\":\"2.2.4\""));
  CHECK(strstr(answer, "王芳") != NULL && strstr(answer, "0431-8000-0011") != NULL);
  /* No ledger subject of the dossier, whatever it is, appears on the board. */
  for (at = strstr(dossier, "\"subject\""); at != NULL; at = strstr(at + 1, "\"subject\"")) {
    const char *start = strchr(at + 9, '"'), *end;
    char subject[256];
    if (start == NULL || (end = strchr(start + 1, '"')) == NULL) break;
    if ((size_t)(end - start - 1) >= sizeof subject) continue;
    memcpy(subject, start + 1, (size_t)(end - start - 1));
    subject[end - start - 1] = '\0';
    subjects++;
    if (strstr(answer, subject) != NULL) {
      fprintf(stderr, "the public notice holds the ledger subject `%s`\n", subject);
      failures++;
    }
  }
  CHECK(subjects >= 4);
  wg_string_free(answer);

  CHECK(wg_dossier_public_notice(dossier, len, "nowhere", "2023-07-01", &answer, &error) ==
        WG_UNKNOWN_REFERENCE);
  CHECK(answer == NULL);
  wg_error_free(error);
  CHECK(wg_dossier_public_notice(dossier, len, "c1", "2023-02-29", &answer, &error) ==
        WG_INVALID_TIME);
  wg_error_free(error);

  /* The filing of div-2023 replacing div-2022: b4 moved from g2 to g3, b6 was built. */
  CHECK(wg_dossier_grid_filing(dossier, len, "c1", "div-2022", "div-2023", &answer, &error) ==
        WG_OK);
  CHECK(strstr(answer, "\"addressee\":\"街道网格化治理工作领导小组\"") != NULL);
  CHECK(strstr(answer, "{\"area\":\"b4\",\"area_name\":\"4号楼\",\"from_grid\":\"g2\","
                       "\"to_grid\":\"g3\"") != NULL);
  CHECK(strstr(answer, "\"area\":\"b1\"") == NULL); /* b1 stayed in g1 */
  {
    /* With no division replaced (NULL), a first filing: every area listed as placed. */
    char *first = NULL;
    CHECK(wg_dossier_grid_filing(dossier, len, "c1", NULL, "div-2023", &first, &error) == WG_OK);
    CHECK(first != NULL && strstr(first, "\"from_division\"") == NULL);
    CHECK(first != NULL && strstr(first, "{\"area\":\"b1\",\"area_name\":\"1号楼\","
                                         "\"to_grid\":\"g1\"") != NULL);
    wg_string_free(first);
  }
  wg_string_free(answer);
  CHECK(wg_dossier_grid_filing(dossier, len, "c1", NULL, "div-1999", &answer, &error) ==
        WG_UNKNOWN_REFERENCE);
  CHECK(answer == NULL);
  wg_error_free(error);

  CHECK(wg_data_classes_to_json(&answer, &error) == WG_OK);
  CHECK(strstr(answer, "{\"path\":\"records.ledger_entries[].subject\","
                       "\"class\":\"confidential\"}") != NULL);
  wg_string_free(answer);
  free(dossier);
}

static void expect_null(wg_result got, wg_error *error, const char *name) {
  CHECK(got == WG_NULL_PARAMETER);
  CHECK(error != NULL && wg_error_code(error) == WG_NULL_PARAMETER);
  if (error != NULL && strstr(wg_error_message(error), name) == NULL) {
    fprintf(stderr, "message `%s` does not name `%s`\n", wg_error_message(error), name);
    failures++;
  }
  CHECK(error != NULL && strstr(wg_error_json(error), "\"kind\":\"null_parameter\"") != NULL);
  wg_error_free(error);
}

static void test_null_pointers(void) {
  wg_policy *policy = NULL, *other = (wg_policy *)1;
  wg_error *error = NULL;
  wg_report *report = NULL;
  wg_assessment *assessment = NULL;
  char *answer = NULL;
  bool working = false;
  wg_grade grade = 0;
  wg_person_totals totals;
  wg_worker_result worker;
  wg_reason reason;

  CHECK(wg_policy_default(&policy, NULL) == WG_OK);
  EXPECT_NULL(wg_policy_default(NULL, &error), "policy_out");
  EXPECT_NULL(wg_policy_from_json(NULL, 10, &other, &error), "json");
  CHECK(other == NULL);
  EXPECT_NULL(wg_policy_from_json("{}", 2, NULL, &error), "policy_out");
  EXPECT_NULL(wg_policy_check(NULL, 0, &answer, &error), "json");
  EXPECT_NULL(wg_policy_check("{}", 2, NULL, &error), "answer_out");
  EXPECT_NULL(wg_policy_to_json(NULL, &answer, &error), "policy");
  EXPECT_NULL(wg_policy_evaluate(NULL, "{}", 2, NULL, 0, &answer, &error), "policy");
  EXPECT_NULL(wg_policy_evaluate(policy, NULL, 0, NULL, 0, &answer, &error), "dossier_json");
  EXPECT_NULL(wg_policy_evaluate(policy, "{}", 2, NULL, 0, NULL, &error), "answer_out");
  EXPECT_NULL(wg_policy_evaluate_report(policy, "{}", 2, NULL, 0, NULL, &error), "report_out");
  EXPECT_NULL(wg_policy_is_working_day(NULL, "2023-01-01", &working, &error), "policy");
  EXPECT_NULL(wg_policy_is_working_day(policy, NULL, &working, &error), "date");
  EXPECT_NULL(wg_policy_is_working_day(policy, "2023-01-01", NULL, &error), "working_day_out");
  EXPECT_NULL(wg_clause_text(NULL, &answer, &error), "id");
  EXPECT_NULL(wg_clause_text("2.2.2", NULL, &error), "text_out");
  EXPECT_NULL(wg_clause_to_json(NULL, &answer, &error), "id");
  EXPECT_NULL(wg_report_person_totals(NULL, 0, &totals, &error), "report");
  EXPECT_NULL(wg_policy_lint(NULL, &answer, &error), "policy");
  EXPECT_NULL(wg_policy_lint(policy, NULL, &error), "answer_out");
  EXPECT_NULL(wg_policy_grade_for_score(NULL, "90", &grade, &error), "policy");
  EXPECT_NULL(wg_policy_grade_for_score(policy, NULL, &grade, &error), "score");
  EXPECT_NULL(wg_policy_grade_for_score(policy, "90", NULL, &error), "grade_out");
  CHECK(grade == 0);
  EXPECT_NULL(wg_policy_assess(NULL, "{}", 2, NULL, 0, &answer, &error), "policy");
  EXPECT_NULL(wg_policy_assess(policy, NULL, 0, NULL, 0, &answer, &error), "dossier_json");
  EXPECT_NULL(wg_policy_assess(policy, "{}", 2, NULL, 0, NULL, &error), "answer_out");
  EXPECT_NULL(wg_policy_attendance(NULL, "{}", 2, NULL, 0, &answer, &error), "policy");
  EXPECT_NULL(wg_policy_attendance(policy, NULL, 0, NULL, 0, &answer, &error), "dossier_json");
  EXPECT_NULL(wg_policy_attendance(policy, "{}", 2, NULL, 0, NULL, &error), "answer_out");
  EXPECT_NULL(wg_policy_evidence(NULL, "{}", 2, NULL, 0, &answer, &error), "policy");
  EXPECT_NULL(wg_policy_evidence(policy, NULL, 0, NULL, 0, &answer, &error), "dossier_json");
  EXPECT_NULL(wg_policy_evidence(policy, "{}", 2, NULL, 0, NULL, &error), "answer_out");
  EXPECT_NULL(wg_policy_diff(NULL, policy, &answer, &error), "policy_a");
  EXPECT_NULL(wg_policy_diff(policy, NULL, &answer, &error), "policy_b");
  EXPECT_NULL(wg_policy_diff(policy, policy, NULL, &error), "answer_out");
  EXPECT_NULL(wg_policy_compare(NULL, policy, "{}", 2, NULL, 0, &answer, &error), "policy_a");
  EXPECT_NULL(wg_policy_compare(policy, NULL, "{}", 2, NULL, 0, &answer, &error), "policy_b");
  EXPECT_NULL(wg_policy_compare(policy, policy, NULL, 0, NULL, 0, &answer, &error), "dossier_json");
  EXPECT_NULL(wg_policy_sweep(NULL, "p", "[]", 2, "{}", 2, NULL, 0, &answer, &error), "policy");
  EXPECT_NULL(wg_policy_sweep(policy, NULL, "[]", 2, "{}", 2, NULL, 0, &answer, &error), "path");
  EXPECT_NULL(wg_policy_sweep(policy, "p", NULL, 0, "{}", 2, NULL, 0, &answer, &error), "values_json");
  EXPECT_NULL(wg_policy_sweep(policy, "p", "[]", 2, NULL, 0, NULL, 0, &answer, &error), "dossier_json");
  EXPECT_NULL(wg_assessment_new(NULL, "{}", 2, NULL, 0, &assessment, &error), "policy");
  EXPECT_NULL(wg_assessment_new(policy, NULL, 0, NULL, 0, &assessment, &error), "dossier_json");
  EXPECT_NULL(wg_assessment_new(policy, "{}", 2, NULL, 0, NULL, &error), "assessment_out");
  CHECK(assessment == NULL);
  EXPECT_NULL(wg_assessment_worker(NULL, 0, &worker, &error), "assessment");
  EXPECT_NULL(wg_assessment_reason(NULL, 0, 0, &reason, &error), "assessment");
  CHECK(wg_assessment_worker_count(NULL) == 0 && wg_assessment_is_complete(NULL) == false);
  CHECK(wg_policy_evaluate_report(policy, NULL, 0, NULL, 0, &report, NULL) ==
        WG_NULL_PARAMETER);
  CHECK(report == NULL);
  /* A NULL error_out is fine: the code still says what went wrong. */
  CHECK(wg_policy_evaluate(policy, NULL, 0, NULL, 0, &answer, NULL) == WG_NULL_PARAMETER);
  CHECK(answer == NULL);
  /* Accessors of a NULL error or report. */
  CHECK(wg_error_code(NULL) == WG_NULL_PARAMETER);
  CHECK(wg_error_message(NULL) == NULL && wg_error_json(NULL) == NULL);
  CHECK(wg_error_problem_count(NULL) == 0 && wg_error_problem_date(NULL, 0) == NULL);
  CHECK(wg_error_problem_record(NULL, 0) == NULL);
  CHECK(wg_report_person_count(NULL) == 0 && wg_report_is_complete(NULL) == false);

  /* Confidentiality and divisions. */
  answer = (char *)1;
  EXPECT_NULL(wg_policy_disclose(NULL, "{}", 2, "{}", 2, &answer, &error), "policy");
  CHECK(answer == NULL);
  EXPECT_NULL(wg_policy_disclose(policy, NULL, 0, "{}", 2, &answer, &error), "dossier_json");
  EXPECT_NULL(wg_policy_disclose(policy, "{}", 2, NULL, 0, &answer, &error), "request_json");
  EXPECT_NULL(wg_policy_disclose(policy, "{}", 2, "{}", 2, NULL, &error), "answer_out");
  EXPECT_NULL(wg_dossier_view(NULL, 0, "{}", 2, &answer, &error), "dossier_json");
  EXPECT_NULL(wg_dossier_view("{}", 2, NULL, 0, &answer, &error), "viewer_json");
  EXPECT_NULL(wg_dossier_view("{}", 2, "{}", 2, NULL, &error), "answer_out");
  EXPECT_NULL(wg_dossier_public_notice(NULL, 0, "c1", "2023-07-01", &answer, &error),
              "dossier_json");
  EXPECT_NULL(wg_dossier_public_notice("{}", 2, NULL, "2023-07-01", &answer, &error),
              "community");
  EXPECT_NULL(wg_dossier_public_notice("{}", 2, "c1", NULL, &answer, &error), "date");
  EXPECT_NULL(wg_dossier_public_notice("{}", 2, "c1", "2023-07-01", NULL, &error), "answer_out");
  EXPECT_NULL(wg_dossier_grid_filing(NULL, 0, "c1", NULL, "d", &answer, &error), "dossier_json");
  EXPECT_NULL(wg_dossier_grid_filing("{}", 2, NULL, NULL, "d", &answer, &error), "community");
  EXPECT_NULL(wg_dossier_grid_filing("{}", 2, "c1", NULL, NULL, &answer, &error), "to_division");
  EXPECT_NULL(wg_dossier_grid_filing("{}", 2, "c1", NULL, "d", NULL, &error), "answer_out");
  EXPECT_NULL(wg_data_classes_to_json(NULL, &error), "answer_out");
  CHECK(answer == NULL);
  wg_policy_free(policy);
}

static void test_invalid_utf8_and_oversize(void) {
  wg_policy *policy = NULL, *other = NULL;
  wg_error *error = NULL;
  char *answer = NULL;
  bool working = false;
  const char bad[] = "{\"organisation\":\"\xff\xfe\"}";
  const char bad_date[] = "2023-\xc3\x28-01";
  char *long_id;

  CHECK(wg_policy_default(&policy, NULL) == WG_OK);
  CHECK(wg_policy_evaluate(policy, bad, strlen(bad), NULL, 0, &answer, &error) ==
        WG_INVALID_UTF8);
  CHECK(strcmp(wg_error_message(error), "`dossier_json` is not valid UTF-8 (at byte 17)") == 0);
  wg_error_free(error);
  CHECK(wg_policy_evaluate(policy, "{}", 2, bad, strlen(bad), &answer, &error) ==
        WG_INVALID_UTF8);
  CHECK(strstr(wg_error_message(error), "options_json") != NULL);
  wg_error_free(error);
  CHECK(wg_policy_from_json(bad, strlen(bad), &other, &error) == WG_INVALID_UTF8);
  CHECK(other == NULL);
  wg_error_free(error);
  CHECK(wg_policy_is_working_day(policy, bad_date, &working, &error) == WG_INVALID_UTF8);
  wg_error_free(error);

  /* Oversized: the length is refused before a byte is read, so a short buffer is safe. */
  CHECK(wg_policy_evaluate(policy, "{}", (size_t)WG_MAX_DOCUMENT_BYTES + 1, NULL, 0, &answer,
                           &error) == WG_TOO_LARGE);
  CHECK(strstr(wg_error_json(error), "\"kind\":\"too_large\"") != NULL);
  wg_error_free(error);
  CHECK(wg_policy_evaluate(policy, "{}", SIZE_MAX, NULL, 0, &answer, &error) == WG_TOO_LARGE);
  wg_error_free(error);
  CHECK(wg_policy_check("{}", SIZE_MAX, &answer, &error) == WG_TOO_LARGE);
  wg_error_free(error);
  CHECK(wg_policy_assess(policy, "{}", SIZE_MAX, NULL, 0, &answer, &error) == WG_TOO_LARGE);
  wg_error_free(error);
  CHECK(wg_policy_assess(policy, bad, strlen(bad), NULL, 0, &answer, &error) == WG_INVALID_UTF8);
  wg_error_free(error);
  CHECK(wg_policy_attendance(policy, "{}", 2, bad, strlen(bad), &answer, &error) ==
        WG_INVALID_UTF8);
  CHECK(strstr(wg_error_message(error), "options_json") != NULL);
  wg_error_free(error);
  CHECK(wg_policy_evidence(policy, "", 0, NULL, 0, &answer, &error) == WG_SYNTAX);
  wg_error_free(error);
  long_id = malloc(WG_MAX_SHORT_TEXT_BYTES + 2);
  memset(long_id, '2', WG_MAX_SHORT_TEXT_BYTES + 1);
  long_id[WG_MAX_SHORT_TEXT_BYTES + 1] = '\0';
  CHECK(wg_clause_text(long_id, &answer, &error) == WG_TOO_LARGE);
  wg_error_free(error);
  long_id[WG_MAX_SHORT_TEXT_BYTES] = '\0'; /* exactly at the limit: read, then unknown */
  CHECK(wg_clause_text(long_id, &answer, &error) == WG_UNKNOWN_CLAUSE);
  wg_error_free(error);
  free(long_id);

  /* The same for the confidentiality calls: every argument is checked, none read past. */
  CHECK(wg_policy_disclose(policy, bad, strlen(bad), "{}", 2, &answer, &error) ==
        WG_INVALID_UTF8);
  CHECK(strstr(wg_error_message(error), "dossier_json") != NULL);
  wg_error_free(error);
  CHECK(wg_policy_disclose(policy, "{}", 2, bad, strlen(bad), &answer, &error) ==
        WG_INVALID_UTF8);
  CHECK(strstr(wg_error_message(error), "request_json") != NULL);
  wg_error_free(error);
  CHECK(wg_policy_disclose(policy, "{}", 2, "{}", SIZE_MAX, &answer, &error) == WG_TOO_LARGE);
  wg_error_free(error);
  CHECK(wg_dossier_view("{}", 2, bad, strlen(bad), &answer, &error) == WG_INVALID_UTF8);
  CHECK(strstr(wg_error_message(error), "viewer_json") != NULL);
  wg_error_free(error);
  CHECK(wg_dossier_view("{}", SIZE_MAX, "{}", 2, &answer, &error) == WG_TOO_LARGE);
  wg_error_free(error);
  CHECK(wg_dossier_view("{\"period\":", 11, "{}", 2, &answer, &error) == WG_SYNTAX);
  wg_error_free(error);
  CHECK(wg_dossier_public_notice("{}", 2, bad_date, "2023-07-01", &answer, &error) ==
        WG_INVALID_UTF8);
  CHECK(strstr(wg_error_message(error), "community") != NULL);
  wg_error_free(error);
  CHECK(wg_dossier_public_notice("{}", 2, "c1", bad_date, &answer, &error) == WG_INVALID_UTF8);
  wg_error_free(error);
  CHECK(wg_dossier_public_notice("{}", SIZE_MAX, "c1", "2023-07-01", &answer, &error) ==
        WG_TOO_LARGE);
  wg_error_free(error);
  CHECK(wg_dossier_grid_filing("{}", 2, "c1", bad_date, "d", &answer, &error) ==
        WG_INVALID_UTF8);
  CHECK(strstr(wg_error_message(error), "from_division") != NULL);
  wg_error_free(error);
  long_id = malloc(WG_MAX_SHORT_TEXT_BYTES + 2);
  memset(long_id, 'd', WG_MAX_SHORT_TEXT_BYTES + 1);
  long_id[WG_MAX_SHORT_TEXT_BYTES + 1] = '\0';
  CHECK(wg_dossier_grid_filing("{}", 2, "c1", NULL, long_id, &answer, &error) == WG_TOO_LARGE);
  wg_error_free(error);
  CHECK(wg_dossier_public_notice("{}", 2, long_id, "2023-07-01", &answer, &error) ==
        WG_TOO_LARGE);
  wg_error_free(error);
  free(long_id);
  CHECK(answer == NULL);

  /* Not JSON, empty, and deeply nested input. */
  CHECK(wg_policy_evaluate(policy, "", 0, NULL, 0, &answer, &error) == WG_SYNTAX);
  wg_error_free(error);
  {
    size_t depth = 100000, k;
    char *deep = malloc(depth);
    for (k = 0; k < depth; k++) deep[k] = '[';
    wg_result got = wg_policy_evaluate(policy, deep, depth, NULL, 0, &answer, &error);
    CHECK(got != WG_OK && got != WG_PANIC && answer == NULL);
    wg_error_free(error);
    free(deep);
  }
  /* A NUL byte inside the JSON text is just an invalid character. */
  CHECK(wg_policy_evaluate(policy, "{\0}", 3, NULL, 0, &answer, &error) == WG_SYNTAX);
  wg_error_free(error);
  wg_policy_free(policy);
}

/* Batches (JSON Lines): each line answered in order, a bad line does not stop the batch, the
 * callback can stop it, and the answers equal the single call's. */
struct batch_seen {
  int lines;
  int failures;
  int stop_after;
  char *first;
};

static int on_line(void *user_data, size_t line, const char *answer, size_t len) {
  struct batch_seen *seen = user_data;
  seen->lines++;
  CHECK(line == (size_t)seen->lines);
  CHECK(strlen(answer) == len);
  if (starts_with(answer, "{\"status\":\"failure\"")) seen->failures++;
  if (seen->first == NULL) {
    seen->first = malloc(len + 1);
    memcpy(seen->first, answer, len + 1);
  }
  return seen->stop_after != 0 && seen->lines >= seen->stop_after;
}

static void test_assess_lines(void) {
  size_t len = 0;
  char *dossier = case_file("inputs/boundary.dossier.json", &len);
  /* One dossier per line: the file's newlines become spaces. */
  for (size_t i = 0; i < len; i++) {
    if (dossier[i] == '\n' || dossier[i] == '\r') dossier[i] = ' ';
  }
  const char *bad = "{\"period\":1}";
  size_t total = 2 * len + strlen(bad) + 4;
  char *text = malloc(total);
  size_t n = (size_t)snprintf(text, total, "%.*s\n%s\n%.*s\n", (int)len, dossier, bad, (int)len, dossier);
  struct wg_policy *policy = NULL;
  CHECK(wg_policy_default(&policy, NULL) == WG_OK);

  struct batch_seen seen = {0, 0, 0, NULL};
  size_t answered = 0;
  CHECK(wg_policy_assess_lines(policy, text, n, NULL, 0, on_line, &seen, &answered, NULL) == WG_OK);
  CHECK(answered == 3 && seen.lines == 3 && seen.failures == 1);
  char *single = NULL;
  CHECK(wg_policy_assess(policy, dossier, len, NULL, 0, &single, NULL) == WG_OK);
  CHECK(seen.first != NULL && single != NULL && strcmp(seen.first, single) == 0);
  wg_string_free(single);
  free(seen.first);

  struct batch_seen stop = {0, 0, 1, NULL};
  CHECK(wg_policy_assess_lines(policy, text, n, NULL, 0, on_line, &stop, &answered, NULL) == WG_OK);
  CHECK(answered == 1 && stop.lines == 1);
  free(stop.first);

  struct wg_error *error = NULL;
  CHECK(wg_policy_assess_lines(policy, text, n, NULL, 0, NULL, NULL, NULL, &error) == WG_NULL_PARAMETER);
  wg_error_free(error);
  CHECK(wg_policy_assess_lines(NULL, text, n, NULL, 0, on_line, &seen, NULL, NULL) == WG_NULL_PARAMETER);
  CHECK(wg_policy_assess_lines(policy, text, n, "{", 1, on_line, &seen, NULL, NULL) == WG_SYNTAX);
  wg_policy_free(policy);
  free(text);
  free(dossier);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s CASES_DIR\n", argv[0]);
    return 2;
  }
  snprintf(cases, sizeof cases, "%s", argv[1]);
  test_version();
  test_result_tags();
  test_policy_handles();
  test_evaluate();
  test_typed_calls();
  test_grade_for_score();
  test_assess();
  test_attendance_and_evidence();
  test_null_pointers();
  test_invalid_utf8_and_oversize();
  test_disclosure();
  test_view();
  test_public_notice_and_filing();
  test_assess_lines();
  if (failures != 0) {
    fprintf(stderr, "test_api: %d failures\n", failures);
    return 1;
  }
  printf("test_api: ok\n");
  return 0;
}
