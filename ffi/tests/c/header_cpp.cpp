// The header compiles as C++ and its calls link from C++ (extern "C").
#include "wangge.h"

#include <cstdio>
#include <cstring>

int main() {
  wg_policy *policy = nullptr;
  if (wg_policy_default(&policy, nullptr) != WG_OK) return 1;
  bool working = false;
  wg_result code = wg_policy_is_working_day(policy, "2023-04-23", &working, nullptr);
  wg_policy_free(policy);
  if (code != WG_OK || !working || std::strcmp(wg_version(), WANGGE_VERSION) != 0) return 1;
  std::printf("header_cpp: ok\n");
  return 0;
}
