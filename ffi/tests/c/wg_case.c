/* Runs one call document through libwangge's generic entry point `wg_call` and writes its
 * answer to stdout, exactly: the success answer, or the failure answer of wg_error_json. The
 * test script (scripts/test-ffi.sh) makes a call document of every shared case of tests/cases
 * (each input file's name replaced by its text), drives this over them and compares with `cmp`.
 * The driver knows no call: the core reads the document (wangge::api::Call).
 *
 * Usage: wg_case CALL_DOCUMENT_FILE */
#include "wangge.h"
#define TESTUTIL_READ_ONLY
#include "testutil.h"

int main(int argc, char **argv) {
  char *doc;
  char *out = NULL;
  wg_error *error = NULL;
  size_t len;
  wg_result code;
  if (argc != 2) {
    fprintf(stderr, "usage: wg_case CALL_DOCUMENT_FILE\n");
    return 2;
  }
  doc = read_file(argv[1], &len);
  code = wg_call(doc, len, &out, &error);
  free(doc);
  fputs(code == WG_OK ? out : wg_error_json(error), stdout);
  wg_string_free(out);
  wg_error_free(error);
  return 0;
}
