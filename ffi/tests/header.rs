//! The committed header `include/wangge.h` is what the pinned cbindgen generates from this
//! crate, with the version macros of `Cargo.toml`. `WANGGE_BLESS=1` rewrites it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

fn generate() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).unwrap();
    config.after_includes = Some(format!(
        "\n#define WANGGE_VERSION_MAJOR {}\n#define WANGGE_VERSION_MINOR {}\n\
         #define WANGGE_VERSION_PATCH {}\n#define WANGGE_VERSION \"{}\"",
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_PATCH"),
        env!("CARGO_PKG_VERSION"),
    ));
    let mut text = Vec::new();
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut text);
    String::from_utf8(text).unwrap()
}

#[test]
fn committed_header_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../include/wangge.h");
    let want = generate();
    if std::env::var_os("WANGGE_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "include/wangge.h is stale: run `WANGGE_BLESS=1 cargo test -p wangge-ffi --test header`"
    );
}

#[test]
fn header_version_macros_match_cargo_toml() {
    let header = generate();
    let version = env!("CARGO_PKG_VERSION");
    assert!(header.contains(&format!("#define WANGGE_VERSION \"{version}\"")));
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml"))
            .unwrap();
    assert!(manifest.contains(&format!("version = \"{version}\"")));
}
