//! Policy parsing and linting: any text either parses into a policy the linter can read, or is
//! refused with typed problems; nothing panics. The linter's answer is also serialised, as the
//! bindings do.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let answer = wangge::api::check_policy_json(text);
    assert!(answer.starts_with(r#"{"status":""#), "{answer}");
    if let Ok(policy) = wangge::Policy::from_json(text) {
        // A policy that parsed answers every call that takes only a policy.
        let _ = wangge::api::check_policy_under(&policy);
        let _ = wangge::api::grade_for_score_under(&policy, "87.5");
        let _ = wangge::api::is_working_day_under(&policy, "2023-04-23");
    }
});
