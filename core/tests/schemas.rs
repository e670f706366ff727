//! The committed JSON Schemas in `schemas/` are what the types generate.
//! `WANGGE_BLESS=1` rewrites them.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

#[test]
fn committed_schemas_are_fresh() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let bless = std::env::var_os("WANGGE_BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut stale = Vec::new();
    for (name, text) in wangge::schema::all() {
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas {stale:?}: run `WANGGE_BLESS=1 cargo test -p wangge --test schemas`"
    );
}

#[test]
fn policy_schema_names_every_clause_and_forbids_unknown_fields() {
    let (_, text) = wangge::schema::all().into_iter().next().unwrap();
    assert!(text.contains("\"2.2.2\""));
    assert!(text.contains("\"additionalProperties\": false"));
}
