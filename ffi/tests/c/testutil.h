/* Helpers shared by the C tests of libwangge: CHECK and reading a whole file. */
#ifndef WANGGE_TESTUTIL_H
#define WANGGE_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TESTUTIL_READ_ONLY
static int failures = 0;

#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
      failures++;                                                                \
    }                                                                            \
  } while (0)
#endif

/* Reads a whole file; the caller frees the buffer. Exits on failure. */
static char *read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long size;
  if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  buf = malloc((size_t)size + 1);
  if (buf == NULL || fread(buf, 1, (size_t)size, f) != (size_t)size) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  fclose(f);
  buf[size] = '\0';
  *len_out = (size_t)size;
  return buf;
}

#endif
