/* One policy handle shared by 4 threads at once, without locking: every thread evaluates and
 * assesses the same dossier, grades a score and asks working days, and every answer equals the
 * one computed alone.
 *
 * Usage: test_threads DOSSIER_FILE [OPTIONS_FILE] */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include "wangge.h"
#include "testutil.h"

#define THREADS 4
#define ROUNDS 3

static const wg_policy *shared_policy;
static const char *dossier;
static size_t dossier_len;
static const char *options;
static size_t options_len;
static const char *expected;
static const char *expected_assessment;

static void *work(void *arg) {
  int round;
  long bad = 0;
  (void)arg;
  for (round = 0; round < ROUNDS; round++) {
    char *answer = NULL;
    bool working = false;
    if (wg_policy_evaluate(shared_policy, dossier, dossier_len, options, options_len, &answer,
                           NULL) != WG_OK ||
        strcmp(answer, expected) != 0) {
      bad++;
    }
    wg_string_free(answer);
    answer = NULL;
    if (wg_policy_assess(shared_policy, dossier, dossier_len, options, options_len, &answer,
                         NULL) != WG_OK ||
        strcmp(answer, expected_assessment) != 0) {
      bad++;
    }
    wg_string_free(answer);
    {
      wg_grade grade = 0;
      if (wg_policy_grade_for_score(shared_policy, "89.99", &grade, NULL) != WG_OK ||
          grade != WG_GRADE_COMPETENT) {
        bad++;
      }
    }
    if (wg_policy_is_working_day(shared_policy, "2023-04-23", &working, NULL) != WG_OK ||
        !working) {
      bad++;
    }
  }
  return (void *)bad;
}

int main(int argc, char **argv) {
  pthread_t threads[THREADS];
  wg_policy *policy = NULL;
  char *alone = NULL, *assessed_alone = NULL;
  char *text, *opts = NULL;
  int i;
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: %s DOSSIER_FILE [OPTIONS_FILE]\n", argv[0]);
    return 2;
  }
  text = read_file(argv[1], &dossier_len);
  dossier = text;
  if (argc == 3) opts = read_file(argv[2], &options_len);
  options = opts;
  CHECK(wg_policy_default(&policy, NULL) == WG_OK);
  shared_policy = policy;
  CHECK(wg_policy_evaluate(policy, dossier, dossier_len, options, options_len, &alone,
                           NULL) == WG_OK);
  expected = alone;
  CHECK(wg_policy_assess(policy, dossier, dossier_len, options, options_len, &assessed_alone,
                         NULL) == WG_OK);
  expected_assessment = assessed_alone;
  for (i = 0; i < THREADS; i++) {
    CHECK(pthread_create(&threads[i], NULL, work, NULL) == 0);
  }
  for (i = 0; i < THREADS; i++) {
    void *bad = NULL;
    CHECK(pthread_join(threads[i], &bad) == 0);
    CHECK(bad == NULL);
  }
  wg_string_free(alone);
  wg_string_free(assessed_alone);
  wg_policy_free(policy);
  free(text);
  free(opts);
  if (failures != 0) {
    fprintf(stderr, "test_threads: %d failures\n", failures);
    return 1;
  }
  printf("test_threads: ok (%d threads x %d rounds on one policy handle)\n", THREADS, ROUNDS);
  return 0;
}
