// The header compiles as C++ and its calls link from C++ (extern "C").
#include "wangge.h"

#include <cstdio>
#include <cstring>

int main() {
  wg_policy *policy = nullptr;
  if (wg_policy_default(&policy, nullptr) != WG_OK) return 1;
  bool working = false;
  wg_result code = wg_policy_is_working_day(policy, "2023-04-23", &working, nullptr);
  // In C++ wg_grade is the enum itself (a uint32_t in C); the tag takes its number.
  wg_grade grade = WG_GRADE_INCOMPETENT;
  wg_result graded = wg_policy_grade_for_score(policy, "90", &grade, nullptr);
  wg_policy_free(policy);
  if (code != WG_OK || !working || std::strcmp(wg_version(), WANGGE_VERSION) != 0) return 1;
  if (graded != WG_OK || grade != WG_GRADE_EXCELLENT) return 1;
  if (std::strcmp(wg_grade_tag(grade), "excellent") != 0) return 1;
  std::printf("header_cpp: ok\n");
  return 0;
}
