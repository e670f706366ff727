//! Dossier parsing, evaluation, assessment, attendance and evidence under the default policy:
//! every call answers `success` or `failure`, and never panics.
//!
//! The first byte, when it is `{`, belongs to the dossier; otherwise its low bits pick options
//! (a period of a month, of the year, or an impossible one), so the period checks are reached.
#![no_main]

use libfuzzer_sys::fuzz_target;

const OPTIONS: [Option<&str>; 4] = [
    None,
    Some(r#"{"period":{"from":"2023-03-01","to":"2023-03-31"},"lang":"en"}"#),
    Some(r#"{"period":{"from":"2023-01-01","to":"2023-12-31"}}"#),
    Some(r#"{"period":{"from":"2023-03-31","to":"2023-03-01"}}"#),
];

fuzz_target!(|data: &[u8]| {
    let (options, data) = match data.split_first() {
        Some((&first, rest)) if first != b'{' => {
            (OPTIONS.get(usize::from(first % 4)).copied().flatten(), rest)
        }
        _ => (None, data),
    };
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for answer in [
        wangge::api::evaluate_json(None, text, options),
        wangge::api::assess_json(None, text, options),
        wangge::api::attendance_json(None, text, options),
        wangge::api::evidence_json(None, text, options),
    ] {
        assert!(answer.starts_with(r#"{"status":""#), "{answer}");
    }
});
