//! CSV cells for the printable tables (the monthly attendance report, the annual table).
//!
//! A text cell is written so that a spreadsheet cannot read it as a formula: a cell starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote and
//! quoted, as OWASP advises against CSV injection (a name such as `=HYPERLINK("http://x","y")`
//! is shown as text, never run). A numeric cell (a count, a score) is written as it is: a
//! negative number is data, not a formula.

/// A text cell: neutralised when it could be read as a formula, quoted when it holds a comma,
/// a quote or a line break (RFC 4180).
pub fn text_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else {
        number_cell(s)
    }
}

/// A numeric cell (written by the library from a number): quoted only when RFC 4180 needs it.
pub fn number_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_is_neutralised_and_a_plain_name_is_kept() {
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        for lead in ["+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(text_cell(lead).starts_with("\"'"), "{lead}");
        }
        assert_eq!(text_cell("网格员甲"), "网格员甲");
        assert_eq!(text_cell("a,b"), "\"a,b\"");
        assert_eq!(number_cell("-2.5"), "-2.5");
    }
}
