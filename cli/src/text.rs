//! Building readable text for the terminal (`--format table`).

/// Text built line by line.
#[derive(Debug, Default)]
pub(crate) struct Text(String);

impl Text {
    /// Adds a line.
    pub(crate) fn line(&mut self, s: impl AsRef<str>) {
        self.0.push_str(s.as_ref());
        self.0.push('\n');
    }

    /// Adds an empty line.
    pub(crate) fn blank(&mut self) {
        self.0.push('\n');
    }

    /// The text's bytes.
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.0.into_bytes()
    }
}

/// `zh` or `en` text by the language.
pub(crate) fn pick(lang: wangge::Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        wangge::Lang::Zh => zh,
        wangge::Lang::En => en,
    }
}
