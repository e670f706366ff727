/* Reads a dossier file and prints each grid worker's and grid leader's compliance totals, then
 * each grid worker's assessment (4.1): score, grade, award eligibility (5.2) and the top reasons
 * with their clause IDs. Uses the typed handles only: no JSON parser needed.
 *
 *   cc -std=c99 worker_report.c $(pkg-config --cflags --libs wangge) -o worker_report
 *   ./worker_report dossier.json [FROM TO]        (dates YYYY-MM-DD; default: the dossier's period)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wangge.h>

static char *read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long size;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
      (buf = malloc((size_t)size + 1)) != NULL) {
    *len_out = fread(buf, 1, (size_t)size, f);
    buf[*len_out] = '\0';
  }
  fclose(f);
  return buf;
}

static void print_error(const char *what, const wg_error *error) {
  size_t i;
  fprintf(stderr, "%s failed (%s): %s\n", what, wg_result_tag(wg_error_code(error)),
          wg_error_message(error));
  for (i = 0; i < wg_error_problem_count(error); i++) {
    const char *path = wg_error_problem_path(error, i);
    const char *record = wg_error_problem_record(error, i);
    fprintf(stderr, "  - %s", wg_error_problem_message(error, i));
    if (path != NULL) fprintf(stderr, " [at %s]", path);
    if (record != NULL) fprintf(stderr, " [record %s]", record);
    fputc('\n', stderr);
  }
}

#define TOP_REASONS 3

/* Each grid worker's score, grade and top reasons. The reason texts begin with their clause;
 * the clause is printed in its own column and not twice. */
static void print_assessment(const wg_assessment *assessment) {
  size_t i, j;
  printf("\n%-8s %-8s %7s  %-19s %-12s %s\n", "worker", "name", "score", "grade", "awards",
         "等次");
  for (i = 0; i < wg_assessment_worker_count(assessment); i++) {
    wg_worker_result w;
    if (wg_assessment_worker(assessment, i, &w, NULL) != WG_OK) continue;
    printf("%-8s %-8s %7s  %-19s %-12s %s", w.person, w.name, w.score, wg_grade_tag(w.grade),
           w.award_eligible ? "eligible" : "vetoed (5.2)", wg_grade_label_zh(w.grade));
    if (w.score_grade != w.grade) {
      printf("  (score alone: %s)", wg_grade_tag(w.score_grade));
    }
    putchar('\n');
    for (j = 0; j < w.reason_count && j < TOP_REASONS; j++) {
      wg_reason r;
      const char *text;
      size_t n;
      if (wg_assessment_reason(assessment, i, j, &r, NULL) != WG_OK) continue;
      text = r.text;
      n = strlen(r.clause);
      if (strncmp(text, r.clause, n) == 0 && text[n] == ' ') text += n + 1;
      printf("    %-6s %s\n", r.clause, text);
    }
    if (w.reason_count > TOP_REASONS) {
      printf("    (%u more)\n", (unsigned)(w.reason_count - TOP_REASONS));
    }
  }
  if (!wg_assessment_is_complete(assessment)) {
    printf("(some records were set aside: see the warnings of the JSON answer)\n");
  }
}

int main(int argc, char **argv) {
  wg_policy *policy = NULL;
  wg_report *report = NULL;
  wg_assessment *assessment = NULL;
  wg_error *error = NULL;
  char options[128];
  const char *opts = NULL;
  size_t len = 0, i;
  char *dossier;
  int status = 0;

  if (argc != 2 && argc != 4) {
    fprintf(stderr, "usage: %s DOSSIER_JSON [FROM TO]\n", argv[0]);
    return 2;
  }
  if (strcmp(wg_version(), WANGGE_VERSION) != 0) {
    fprintf(stderr, "header %s does not match library %s\n", WANGGE_VERSION, wg_version());
    return 2;
  }
  dossier = read_file(argv[1], &len);
  if (dossier == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  if (argc == 4) {
    snprintf(options, sizeof options, "{\"period\":{\"from\":\"%s\",\"to\":\"%s\"}}", argv[2],
             argv[3]);
    opts = options;
  }

  if (wg_policy_default(&policy, &error) != WG_OK) {
    print_error("loading the default policy", error);
    status = 1;
  } else if (wg_policy_evaluate_report(policy, dossier, len, opts, opts ? strlen(opts) : 0,
                                       &report, &error) != WG_OK) {
    print_error("evaluation", error);
    status = 1;
  } else {
    printf("%-8s %-8s %-12s %-6s %5s %6s %7s\n", "person", "name", "role", "comm.", "met",
           "missed", "excused");
    for (i = 0; i < wg_report_person_count(report); i++) {
      wg_person_totals t;
      if (wg_report_person_totals(report, i, &t, NULL) == WG_OK) {
        printf("%-8s %-8s %-12s %-6s %5u %6u %7u\n", t.person, t.name, t.role, t.community,
               (unsigned)t.met, (unsigned)t.missed, (unsigned)t.excused);
      }
    }
    if (!wg_report_is_complete(report)) {
      printf("(some records were set aside: see the warnings of the JSON report)\n");
    }
    if (wg_assessment_new(policy, dossier, len, opts, opts ? strlen(opts) : 0, &assessment,
                          &error) != WG_OK) {
      print_error("assessment", error);
      status = 1;
    } else {
      print_assessment(assessment);
    }
  }

  wg_error_free(error);
  wg_assessment_free(assessment);
  wg_report_free(report);
  wg_policy_free(policy);
  free(dossier);
  return status;
}
