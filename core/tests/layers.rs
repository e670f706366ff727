//! The layers of the core (docs/architecture.md): no module imports from a layer above its own.
//!
//! Reads every file of `core/src`, outside comments and its `#[cfg(test)]` module, and takes each
//! `crate::…` path (in `use` lines and inline) and each `super::…` path to a sibling file. The
//! layer of every module is in [`LAYERS`]; a file missing from it fails too, so a new module is
//! placed on purpose.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layers, lowest first.
const NAMES: [&str; 5] = ["primitives", "documents", "rules", "assessment", "api"];

/// Every module of the crate and its layer (an index into [`NAMES`]).
const LAYERS: &[(&str, usize)] = &[
    // primitives: values and errors every layer uses.
    ("time", 0),
    ("decimal", 0),
    ("calendar", 0),
    ("clause", 0),
    ("error", 0),
    ("error::kind", 0),
    ("lang", 0),
    ("json", 0),
    ("error_zh", 0),
    ("csv", 0),
    // documents: the organisation, every record kind, the policy document with its sections,
    // their validation, the limits on their size, the classes of their fields, and the
    // built-in sample documents.
    ("organisation", 1),
    ("division", 1),
    ("duties", 1),
    ("records", 1),
    ("records::attendance", 1),
    ("records::musts", 1),
    ("records::evidence", 1),
    ("records::ledger", 1),
    ("records::problem", 1),
    ("records::proxy", 1),
    ("dossier", 1),
    ("people_message", 1),
    ("reading", 1),
    ("policy", 1),
    ("policy::assessment", 1),
    ("policy::attendance", 1),
    ("policy::choice", 1),
    ("policy::confidentiality", 1),
    ("policy::evidence", 1),
    ("limits", 1),
    ("confidentiality::classes", 1),
    ("sample", 1),
    ("sample::attendance", 1),
    ("sample::evidence", 1),
    ("strategies", 1),
    ("scope", 1),
    // rules: each family reads documents and judges them.
    ("compliance", 2),
    ("compliance::checklists", 2),
    ("compliance::duty", 2),
    ("compliance::meetings", 2),
    ("compliance::presence", 2),
    ("compliance::records", 2),
    ("compliance::study", 2),
    ("attendance", 2),
    ("attendance::daily", 2),
    ("attendance::spot", 2),
    ("attendance::table", 2),
    ("evidence", 2),
    ("confidentiality", 2),
    ("confidentiality::answer_class", 2),
    ("confidentiality::disclosure", 2),
    ("confidentiality::notice", 2),
    ("confidentiality::scope", 2),
    // assessment: grades from the rules' findings.
    ("assessment", 3),
    ("assessment::facts", 3),
    ("assessment::lint", 3),
    ("assessment::table", 3),
    ("reform", 3),
    // api: the neutral boundary and what lists it.
    ("api", 4),
    ("api::call", 4),
    ("batch", 4),
    ("schema", 4),
    ("lib", 4),
];

/// Items of `lib.rs` itself (not re-exports) that every layer may use.
const ROOT_PRIMITIVES: &[&str] = &["to_json", "to_json_pretty", "VERSION"];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `attendance/mod.rs` → `attendance`, `records/problem.rs` → `records::problem`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let parts: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| *p != "mod")
        .collect();
    parts.join("::")
}

/// The code of a file: without its test module and without comments.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(at) => &l[..at],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a path after `crate::` names: its longest prefix that is a module, or the root.
fn target(path: &[&str]) -> String {
    for n in (1..=path.len()).rev() {
        let m = path[..n].join("::");
        if layer_of(&m).is_some() {
            return m;
        }
    }
    match path.first() {
        Some(item) if ROOT_PRIMITIVES.contains(item) => "time".to_owned(),
        _ => "lib".to_owned(),
    }
}

/// Every module each module imports, with the line it does so on.
fn imports() -> BTreeMap<String, Vec<(String, usize)>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut out = BTreeMap::new();
    for file in all {
        let module = module_of(&src, &file);
        let text = std::fs::read_to_string(&file).unwrap();
        let mut found = Vec::new();
        for (n, line) in code(&text).lines().enumerate() {
            for (prefix, base) in [("crate::", None), ("super::", module.rsplit_once("::"))] {
                if prefix == "super::" && base.is_none() {
                    continue;
                }
                let mut rest = line;
                while let Some(at) = rest.find(prefix) {
                    let before = rest[..at].chars().last();
                    rest = &rest[at + prefix.len()..];
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                        continue;
                    }
                    let path: Vec<&str> = rest
                        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                        .next()
                        .unwrap_or("")
                        .split("::")
                        .filter(|s| !s.is_empty())
                        .collect();
                    let mut full: Vec<&str> =
                        base.map(|(parent, _)| vec![parent]).unwrap_or_default();
                    full.extend(path);
                    if !full.is_empty() {
                        found.push((target(&full), n + 1));
                    }
                }
            }
        }
        out.insert(module, found);
    }
    out
}

#[test]
fn every_module_has_a_layer() {
    let missing: Vec<String> = imports()
        .into_keys()
        .filter(|m| layer_of(m).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a layer (add them to LAYERS and to docs/architecture.md): {missing:?}"
    );
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let mut upward = Vec::new();
    for (module, found) in imports() {
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for (target, line) in found {
            let theirs = layer_of(&target).unwrap_or(4);
            if theirs > own {
                upward.push(format!(
                    "{module} ({}) line {line} imports {target} ({})",
                    NAMES[own], NAMES[theirs]
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports running up a layer:\n{}",
        upward.join("\n")
    );
}

/// The test can fail: an import from the rules into a document is caught.
#[test]
fn an_import_from_a_rule_into_a_document_is_caught() {
    let line = "use crate::compliance::Options;";
    let path: Vec<&str> = line
        .trim_start_matches("use crate::")
        .trim_end_matches(';')
        .split("::")
        .collect();
    let target = target(&path);
    assert_eq!(target, "compliance");
    assert!(layer_of(&target) > layer_of("dossier"));
}

/// The table and docs/architecture.md name the same modules.
#[test]
fn the_architecture_document_lists_every_module() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/architecture.md"),
    )
    .unwrap();
    for (module, _) in LAYERS {
        assert!(
            doc.contains(&format!("`{module}`")),
            "docs/architecture.md does not name `{module}`"
        );
    }
}
