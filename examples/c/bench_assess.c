/* Times wg_policy_assess (parse + assess + answer JSON through the C ABI) on one dossier file,
 * for scripts/bench.sh to set beside the same call made directly from Rust.
 * Usage: bench_assess DOSSIER.json RUNS   -> prints the median milliseconds per call. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "wangge.h"

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s DOSSIER.json RUNS\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)len);
  if (!text || fread(text, 1, (size_t)len, f) != (size_t)len) { fclose(f); return 1; }
  fclose(f);
  int runs = atoi(argv[2]);
  if (runs < 1) runs = 1;
  double *ms = calloc((size_t)runs, sizeof *ms);
  struct wg_policy *policy = NULL;
  if (wg_policy_default(&policy, NULL) != WG_OK) return 1;
  for (int i = 0; i < runs; i++) {
    struct timespec a, b;
    char *answer = NULL;
    clock_gettime(CLOCK_MONOTONIC, &a);
    wg_result r = wg_policy_assess(policy, text, (size_t)len, NULL, 0, &answer, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (r != WG_OK) { fprintf(stderr, "assess failed: %u\n", (unsigned)r); return 1; }
    wg_string_free(answer);
    ms[i] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
  }
  qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
  printf("%.3f\n", ms[runs / 2]);
  wg_policy_free(policy);
  free(ms);
  free(text);
  return 0;
}
