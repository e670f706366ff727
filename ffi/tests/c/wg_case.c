/* Performs one call of libwangge from files named on the command line and writes its answer
 * to stdout, exactly: the success answer, or the failure answer of wg_error_json. The test
 * script drives it over every shared case of tests/cases and compares with `cmp`.
 *
 * Usage:
 *   wg_case evaluate|assess|attendance|evidence DOSSIER_FILE [POLICY_FILE|-] [OPTIONS_FILE|-]
 *   wg_case grade_for_score SCORE [POLICY_FILE|-]
 *   wg_case check_policy POLICY_FILE
 *   wg_case is_working_day DATE [POLICY_FILE|-]
 *   wg_case clause_text ID
 *   wg_case disclose DOSSIER_FILE REQUEST_FILE [POLICY_FILE|-]
 *   wg_case view DOSSIER_FILE VIEWER_FILE
 *   wg_case public_notice DOSSIER_FILE COMMUNITY DATE
 *   wg_case grid_filing DOSSIER_FILE COMMUNITY FROM_DIVISION|- TO_DIVISION
 *   wg_case diff POLICY_A_FILE|- POLICY_B_FILE|-
 *   wg_case compare DOSSIER_FILE POLICY_A_FILE|- POLICY_B_FILE|- [OPTIONS_FILE|-]
 *   wg_case sweep DOSSIER_FILE POLICY_FILE|- PATH VALUES_JSON [OPTIONS_FILE|-] */
#include "wangge.h"
#define TESTUTIL_READ_ONLY
#include "testutil.h"

static int answer(wg_result code, char *success, wg_error *error) {
  if (code == WG_OK) {
    fputs(success, stdout);
  } else {
    fputs(wg_error_json(error), stdout);
  }
  wg_string_free(success);
  wg_error_free(error);
  return 0;
}

/* The policy of the case: its file, or the embedded default when absent or "-". */
static wg_result load_policy(const char *path, wg_policy **policy, wg_error **error) {
  char *text;
  size_t len;
  wg_result code;
  if (path == NULL || strcmp(path, "-") == 0) {
    return wg_policy_default(policy, error);
  }
  text = read_file(path, &len);
  code = wg_policy_from_json(text, len, policy, error);
  free(text);
  return code;
}

/* The calls taking a policy, a dossier and options, by the case's name. */
typedef wg_result (*dossier_call)(const wg_policy *, const char *, size_t, const char *, size_t,
                                  char **, wg_error **);

static dossier_call dossier_call_named(const char *call) {
  if (strcmp(call, "evaluate") == 0) return wg_policy_evaluate;
  if (strcmp(call, "assess") == 0) return wg_policy_assess;
  if (strcmp(call, "attendance") == 0) return wg_policy_attendance;
  if (strcmp(call, "evidence") == 0) return wg_policy_evidence;
  return NULL;
}

/* A typed answer written as the JSON answer the API gives for it: a grade or a working day
 * carries no resident data, so its class is internal. */
static int typed_answer(const char *value_json) {
  printf("{\"status\":\"success\",\"value\":%s,\"class\":\"internal\"}", value_json);
  return 0;
}

int main(int argc, char **argv) {
  const char *call = argc > 1 ? argv[1] : "";
  wg_policy *policy = NULL;
  wg_error *error = NULL;
  char *out = NULL;
  wg_result code;

  if (dossier_call_named(call) != NULL && argc >= 3) {
    size_t len, olen = 0;
    char *dossier = read_file(argv[2], &len);
    char *options = NULL;
    if (argc > 4 && strcmp(argv[4], "-") != 0) options = read_file(argv[4], &olen);
    code = load_policy(argc > 3 ? argv[3] : NULL, &policy, &error);
    if (code == WG_OK) {
      code = dossier_call_named(call)(policy, dossier, len, options, olen, &out, &error);
    }
    free(dossier);
    free(options);
  } else if (strcmp(call, "grade_for_score") == 0 && argc >= 3) {
    code = load_policy(argc > 3 ? argv[3] : NULL, &policy, &error);
    if (code == WG_OK) {
      wg_grade grade = 0;
      code = wg_policy_grade_for_score(policy, argv[2], &grade, &error);
      if (code == WG_OK) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "\"%s\"", wg_grade_tag(grade));
        wg_policy_free(policy);
        return typed_answer(quoted);
      }
    }
  } else if (strcmp(call, "check_policy") == 0 && argc == 3) {
    size_t len;
    char *text = read_file(argv[2], &len);
    code = wg_policy_check(text, len, &out, &error);
    free(text);
  } else if (strcmp(call, "is_working_day") == 0 && argc >= 3) {
    code = load_policy(argc > 3 ? argv[3] : NULL, &policy, &error);
    if (code == WG_OK) {
      bool working = false;
      code = wg_policy_is_working_day(policy, argv[2], &working, &error);
      if (code == WG_OK) {
        wg_policy_free(policy);
        return typed_answer(working ? "true" : "false");
      }
    }
  } else if (strcmp(call, "clause_text") == 0 && argc == 3) {
    code = wg_clause_to_json(argv[2], &out, &error);
  } else if (strcmp(call, "disclose") == 0 && argc >= 4) {
    size_t len, rlen;
    char *dossier = read_file(argv[2], &len);
    char *request = read_file(argv[3], &rlen);
    code = load_policy(argc > 4 ? argv[4] : NULL, &policy, &error);
    if (code == WG_OK) {
      code = wg_policy_disclose(policy, dossier, len, request, rlen, &out, &error);
    }
    free(dossier);
    free(request);
  } else if (strcmp(call, "view") == 0 && argc == 4) {
    size_t len, vlen;
    char *dossier = read_file(argv[2], &len);
    char *viewer = read_file(argv[3], &vlen);
    code = wg_dossier_view(dossier, len, viewer, vlen, &out, &error);
    free(dossier);
    free(viewer);
  } else if (strcmp(call, "public_notice") == 0 && argc == 5) {
    size_t len;
    char *dossier = read_file(argv[2], &len);
    code = wg_dossier_public_notice(dossier, len, argv[3], argv[4], &out, &error);
    free(dossier);
  } else if (strcmp(call, "grid_filing") == 0 && argc == 6) {
    size_t len;
    char *dossier = read_file(argv[2], &len);
    const char *from = strcmp(argv[4], "-") == 0 ? NULL : argv[4];
    code = wg_dossier_grid_filing(dossier, len, argv[3], from, argv[5], &out, &error);
    free(dossier);
  } else if (strcmp(call, "diff") == 0 && argc == 4) {
    wg_policy *policy_b = NULL;
    code = load_policy(argv[2], &policy, &error);
    if (code == WG_OK) code = load_policy(argv[3], &policy_b, &error);
    if (code == WG_OK) code = wg_policy_diff(policy, policy_b, &out, &error);
    wg_policy_free(policy_b);
  } else if (strcmp(call, "compare") == 0 && argc >= 5) {
    wg_policy *policy_b = NULL;
    size_t len, olen = 0;
    char *dossier = read_file(argv[2], &len);
    char *options = NULL;
    if (argc > 5 && strcmp(argv[5], "-") != 0) options = read_file(argv[5], &olen);
    code = load_policy(argv[3], &policy, &error);
    if (code == WG_OK) code = load_policy(argv[4], &policy_b, &error);
    if (code == WG_OK) {
      code = wg_policy_compare(policy, policy_b, dossier, len, options, olen, &out, &error);
    }
    wg_policy_free(policy_b);
    free(dossier);
    free(options);
  } else if (strcmp(call, "sweep") == 0 && argc >= 6) {
    size_t len, olen = 0;
    char *dossier = read_file(argv[2], &len);
    char *options = NULL;
    if (argc > 6 && strcmp(argv[6], "-") != 0) options = read_file(argv[6], &olen);
    code = load_policy(argv[3], &policy, &error);
    if (code == WG_OK) {
      code = wg_policy_sweep(policy, argv[4], argv[5], strlen(argv[5]), dossier, len, options,
                             olen, &out, &error);
    }
    free(dossier);
    free(options);
  } else {
    fprintf(stderr, "usage: see the head of wg_case.c\n");
    return 2;
  }
  wg_policy_free(policy);
  return answer(code, out, error);
}
