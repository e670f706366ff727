//! Parsing the JSON documents and requests, and naming the JSON path of a failure.
//!
//! `serde_json` reports where a parse failed as a line and column; [`parse_json`] turns that
//! position into the JSON path (`records.work_records[3].patrols[0].end`) a path-tracking parse
//! would give, by one forward reading of the text ([`Walk`]). Impossible dates and times, set
//! aside during the parse, are placed the same way.

use crate::error::{Error, ErrorKind, Problem};

/// Parses JSON text into `T`, naming the JSON path of the first problem.
///
/// The text is deserialised once, by `serde_json` alone. When it fails, the path is recovered
/// from the position `serde_json` reports (see [`path_at`]) rather than tracked during the parse:
/// a tracking deserialiser wraps every visitor of every document type, which made it the largest
/// part of the WebAssembly module, and the paths are only needed on failure.
///
/// Impossible dates and times do not stop the parse: each is read as text, set aside with a
/// stand-in value (see [`crate::time::read_or_defer`]), and after the parse the document is
/// refused with every one of them, each at its path, before any other problem of the parse.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    let outer = crate::time::defer();
    let parsed = parse_json_once(text);
    let deferred = crate::time::undefer(outer);
    if deferred.is_empty() {
        return parsed;
    }
    let mut problems = deferred_problems(text, &deferred);
    if let Err(e) = parsed {
        problems.extend(e.into_problems());
    }
    Err(Error::from_problems(problems))
}

/// The problems of the impossible dates and times set aside by a parse of `text`, in document
/// order, each with its JSON path and its line and column as serde_json would have named them.
/// One pass over the text: the strings that are values (not keys) are matched in order with the
/// values set aside, which the parse read in the same order. (A string that is not a date or a
/// time but holds exactly the text of a refused one, earlier in the text, would take its place.)
fn deferred_problems(text: &str, deferred: &[crate::time::Deferred]) -> Vec<Problem> {
    let bytes = text.as_bytes();
    let mut problems = Vec::with_capacity(deferred.len());
    let mut walk = Walk::new(text);
    let mut due = deferred.iter().peekable();
    // Containers open (true for an object), whether a key is due, and the current line.
    let mut objects: Vec<bool> = Vec::new();
    let mut key_due = false;
    let (mut line, mut line_start) = (1usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let Some(next) = due.peek() else { break };
        match bytes.get(i).copied().unwrap_or(b' ') {
            b'{' => {
                objects.push(true);
                key_due = true;
            }
            b'[' => {
                objects.push(false);
                key_due = false;
            }
            b'}' | b']' => {
                objects.pop();
                key_due = false;
            }
            b',' => key_due = objects.last() == Some(&true),
            b':' => key_due = false,
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'"' => {
                let start = i;
                let mut escaped = false;
                i += 1;
                while let Some(&b) = bytes.get(i) {
                    match b {
                        b'"' => break,
                        b'\\' => {
                            escaped = true;
                            i += 1;
                        }
                        b'\n' => {
                            line += 1;
                            line_start = i + 1;
                        }
                        _ => {}
                    }
                    i += 1;
                }
                if !key_due {
                    let raw = text.get(start..=i).unwrap_or("");
                    let same = if escaped {
                        serde_json::from_str::<String>(raw).is_ok_and(|s| s == next.text)
                    } else {
                        raw.get(1..raw.len().saturating_sub(1)) == Some(next.text.as_str())
                    };
                    if same {
                        // Where serde_json names the failure: past the string's closing quote
                        // and the blanks after it, and past the bracket there if any (it closes
                        // the container before it places the error).
                        let (mut at, mut at_line, mut at_line_start) = (i + 1, line, line_start);
                        while let Some(&b) = bytes.get(at) {
                            match b {
                                b'\n' => {
                                    at_line += 1;
                                    at_line_start = at + 1;
                                }
                                b' ' | b'\t' | b'\r' => {}
                                b'}' | b']' => {
                                    at += 1;
                                    break;
                                }
                                _ => break,
                            }
                            at += 1;
                        }
                        let at = at.min(bytes.len());
                        walk.advance(at);
                        let column = at - at_line_start;
                        let message = format!("{} (line {at_line}, column {column})", next.message);
                        let problem = Problem::new(ErrorKind::InvalidTime, message);
                        let path = walk.path(Fault::Scalar);
                        problems.push(if path.is_empty() {
                            problem
                        } else {
                            problem.at(path)
                        });
                        due.next();
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    // Not found in the text (it cannot happen): still reported, without a path.
    problems.extend(due.map(|d| Problem::new(ErrorKind::InvalidTime, d.message.clone())));
    problems
}

/// One parse of `text` by serde_json, naming the path of the first problem.
fn parse_json_once<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    match T::deserialize(&mut de) {
        Ok(value) => {
            de.end().map_err(|e| {
                Problem::new(ErrorKind::Syntax, format!("trailing text: {}", lower(&e)))
            })?;
            Ok(value)
        }
        Err(inner) => Err(json_problem(text, &inner).into()),
    }
}

/// The problem of a failed parse of `text`: kind, message and the JSON path where it failed.
pub(crate) fn json_problem(text: &str, inner: &serde_json::Error) -> Problem {
    use serde_json::error::Category;
    let kind = match inner.classify() {
        // serde_json files its recursion limit (128 levels) under syntax: it is ours.
        Category::Syntax if inner.to_string().starts_with("recursion limit exceeded") => {
            ErrorKind::TooLarge
        }
        Category::Syntax | Category::Eof | Category::Io => ErrorKind::Syntax,
        Category::Data => classify_data(inner),
    };
    let message = inner.to_string();
    let fault = match inner.classify() {
        Category::Data if message.starts_with("duplicate field") => Fault::Member,
        // An enum in its `{"variant": ..}` form fails at its key as a whole.
        Category::Data if message.starts_with("unknown variant") => Fault::Variant,
        // A decimal (read with `deserialize_any`) given an object or an array fails once its
        // bracket is read; other scalars fail before it, on the peeked byte.
        Category::Data
            if (message.starts_with("invalid type: map")
                || message.starts_with("invalid type: sequence"))
                && message.contains("expected a decimal") =>
        {
            Fault::Scalar
        }
        // Our scalars (dates, times, decimals, clause IDs) fail after serde_json has read their
        // string, so the position may lie past the closing bracket of their container.
        Category::Data
            if message.starts_with(crate::time::TIME_ERROR_MARK)
                || message.starts_with(crate::clause::CLAUSE_ERROR_MARK)
                || message.contains("is not a decimal number") =>
        {
            Fault::Scalar
        }
        // Tagged enums are read whole, then fail: past their closing bracket too.
        Category::Data
            if !message.starts_with("missing field") && !message.starts_with("invalid length") =>
        {
            Fault::Buffered
        }
        Category::Data => Fault::Value,
        // serde_json names a syntax error in the middle of a scalar at the scalar's end, or at
        // the byte after it.
        _ if !STRUCTURAL.iter().any(|s| message.starts_with(s)) => Fault::Scalar,
        // A structural error names the byte it peeked at: the text read is what comes before.
        Category::Syntax if message.starts_with("trailing comma") => Fault::TrailingComma,
        // An object whose first key is not a string is an enum's `{"variant": ..}` form.
        Category::Syntax if message.starts_with("expected value") => Fault::Structure {
            peeked: true,
            variant: true,
            whole: false,
        },
        Category::Syntax => Fault::Structure {
            peeked: true,
            variant: false,
            whole: false,
        },
        // The text ends: inside a value, or after a whole one (a number or literal ends at the
        // end of the text; then the object is what was cut short).
        _ => Fault::Structure {
            peeked: false,
            variant: false,
            whole: message.starts_with("EOF while parsing an object"),
        },
    };
    let problem = Problem::new(kind, lower(inner));
    match offset_of(text, inner.line(), inner.column()).map(|at| path_at(text, at, fault)) {
        Some(path) if !path.is_empty() => problem.at(path),
        _ => problem,
    }
}

/// Messages of `serde_json`'s errors in the structure of the text (rather than in a scalar).
const STRUCTURAL: &[&str] = &[
    "EOF while parsing a list",
    "EOF while parsing an object",
    "EOF while parsing a value",
    "expected `:`",
    "expected `,` or `]`",
    "expected `,` or `}`",
    "expected value",
    "key must be a string",
    "trailing comma",
];

/// What a failure concerns, which decides the path it is reported at.
#[derive(Clone, Copy)]
enum Fault {
    /// The value being read, or just read (a wrong type, an impossible date, an unknown
    /// field's key).
    Value,
    /// The object holding the member just read (a duplicate field).
    Member,
    /// A scalar read whole (a string that is not a date): when the position is past a closing
    /// bracket, the scalar is the last member of what that bracket closed.
    Scalar,
    /// A value read whole before it was deserialised (a tagged enum): when the position is past
    /// a closing bracket, a member of what it closed when that member was an object or array.
    Buffered,
    /// The punctuation between values (a missing comma or colon, the text cut short).
    Structure {
        /// Whether the reported position includes the byte peeked at.
        peeked: bool,
        /// Whether an object's first key is concerned as an enum's variant name.
        variant: bool,
        /// Whether the last value was read whole before the text ended (an object cut short
        /// after a number or literal).
        whole: bool,
    },
    /// A comma before a closing bracket: the container's.
    TrailingComma,
    /// An unknown variant: a string's, or the key's of an enum in `{"variant": ..}` form.
    Variant,
}

/// The byte offset of `serde_json`'s 1-based `line` and its `column` (bytes read on that line).
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let start = if line == 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    Some((start + column).min(text.len()))
}

/// Where the reading of an open container stands.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    /// After `{`, `[` or `,`: the next key or element is due.
    Due,
    /// Inside a key (objects only).
    Key,
    /// After a key, before its colon (objects only).
    Colon,
    /// After the colon, before the value (objects only).
    Value,
    /// Inside a value.
    Reading,
    /// After a whole value.
    Read,
}

/// One open container of the text read so far: its key or index, and its stage.
struct Open {
    /// The member's key (objects) or `None` (arrays).
    key: Option<String>,
    /// The element's index (arrays).
    index: usize,
    /// Whether this is an array.
    array: bool,
    /// Where the reading stands.
    stage: Stage,
    /// Whether the value read last was an object or an array.
    nested: bool,
    /// Whether the object has a `kind` member: the tag of the documents' tagged enums.
    tagged: bool,
}

/// The JSON path (`records.work_records[0].date`) that a failure of `fault` is reported at when
/// `serde_json` stopped at byte `at` of `text`. The path is the one a path-tracking parse gives:
/// the value being read, its container for punctuation between values, `?` for a key due but
/// not read (the differential test `tests/parse_paths.rs` holds the two together).
fn path_at(text: &str, at: usize, fault: Fault) -> String {
    let bytes = text.as_bytes();
    let end = match fault {
        Fault::Structure { peeked: true, .. } | Fault::TrailingComma => at.saturating_sub(1),
        _ => at,
    }
    .min(bytes.len());
    // A scalar's failure is never inside a container opened after it.
    let end = match (fault, end.checked_sub(1).and_then(|e| bytes.get(e))) {
        (Fault::Scalar, Some(b'{' | b'[')) => end - 1,
        _ => end,
    };
    let mut walk = Walk::new(text);
    walk.advance(end);
    walk.path(fault)
}

/// A reading of a text from its start, for [`path_at`]: the containers open where it stands and
/// the one its last byte closed. It moves forward only, so paths at many growing positions take
/// one pass.
struct Walk<'a> {
    text: &'a str,
    /// The containers open, outermost first.
    open: Vec<Open>,
    /// The container closed by the last byte read, if that byte was a closing bracket.
    closed: Option<Open>,
    /// The next byte to read.
    i: usize,
}

impl<'a> Walk<'a> {
    fn new(text: &'a str) -> Self {
        Walk {
            text,
            open: Vec::new(),
            closed: None,
            i: 0,
        }
    }

    /// Reads on to byte `end` (exclusive).
    fn advance(&mut self, end: usize) {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        let open = &mut self.open;
        let closed = &mut self.closed;
        let mut i = self.i;
        // Marks the innermost container's current value as begun, and the value as read when
        // `whole`.
        fn value(open: &mut [Open], whole: bool) {
            if let Some(top) = open.last_mut() {
                top.stage = if whole { Stage::Read } else { Stage::Reading };
                top.nested = false;
            }
        }
        while i < end {
            let b = bytes.get(i).copied().unwrap_or(b' ');
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                *closed = None;
            }
            match b {
                b'{' | b'[' => {
                    value(open, false);
                    open.push(Open {
                        key: None,
                        index: 0,
                        array: b == b'[',
                        stage: Stage::Due,
                        nested: false,
                        tagged: false,
                    });
                }
                b'}' | b']' => {
                    *closed = open.pop();
                    value(open, true);
                    if let Some(top) = open.last_mut() {
                        top.nested = true;
                    }
                }
                b',' => {
                    if let Some(top) = open.last_mut() {
                        if top.array {
                            top.index += 1;
                        } else {
                            top.key = None;
                        }
                        top.stage = Stage::Due;
                    }
                }
                b':' => {
                    if let Some(top) = open.last_mut() {
                        top.stage = Stage::Value;
                    }
                }
                b'"' => {
                    let start = i;
                    i += 1;
                    while i < end && bytes.get(i) != Some(&b'"') {
                        i += if bytes.get(i) == Some(&b'\\') { 2 } else { 1 };
                    }
                    let whole = i < end;
                    match open.last_mut() {
                        Some(top) if !top.array && top.stage == Stage::Due => {
                            if whole {
                                let raw = text.get(start..=i).unwrap_or("\"\"");
                                let key = serde_json::from_str::<String>(raw).unwrap_or_default();
                                top.tagged |= key == "kind";
                                top.key = Some(key);
                                top.stage = Stage::Colon;
                            } else {
                                top.stage = Stage::Key;
                            }
                        }
                        _ => value(open, whole),
                    }
                }
                b' ' | b'\t' | b'\n' | b'\r' => {
                    if let Some(top) = open.last_mut() {
                        if top.stage == Stage::Reading {
                            top.stage = Stage::Read;
                        }
                    }
                }
                _ => value(open, false),
            }
            i += 1;
        }
        self.i = i;
    }

    /// The JSON path a failure of `fault` is reported at, where the reading stands.
    fn path(&self, fault: Fault) -> String {
        let mut path = String::new();
        let open = &self.open;
        let last = open.len().saturating_sub(1);
        for (depth, o) in open.iter().enumerate() {
            let segment = if depth < last {
                Some(true)
            } else {
                // The innermost container: is the failure its current member's or its own?
                match (fault, o.stage) {
                    (Fault::Member, _) | (Fault::Variant, Stage::Colon) => None,
                    (Fault::Variant, _) => Some(true),
                    (Fault::Scalar | Fault::Buffered, Stage::Due) => Some(!o.array),
                    (Fault::Scalar | Fault::Buffered, _) => Some(true),
                    (Fault::Value, Stage::Due) => Some(!o.array),
                    (Fault::Value, _) => Some(true),
                    (Fault::TrailingComma, _) => (!o.array).then_some(false),
                    (Fault::Structure { .. }, Stage::Due | Stage::Key) if o.array => {
                        matches!(fault, Fault::Structure { peeked: true, .. }).then_some(true)
                    }
                    (Fault::Structure { variant: true, .. }, Stage::Due) => None,
                    // The text ends inside a number or literal: that member's value failed.
                    (
                        Fault::Structure {
                            peeked: false,
                            whole: false,
                            ..
                        },
                        Stage::Reading,
                    ) => Some(true),
                    // A number or literal ends where serde_json peeked: it was read whole.
                    (
                        Fault::Structure { .. },
                        Stage::Due | Stage::Key | Stage::Read | Stage::Reading,
                    ) if !o.array => Some(false),
                    (Fault::Structure { .. }, Stage::Value) => Some(true),
                    (Fault::Structure { .. }, _) => None,
                }
            };
            match segment {
                None => {}
                Some(_) if o.array => {
                    path.push('[');
                    path.push_str(&o.index.to_string());
                    path.push(']');
                }
                Some(known) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    match (&o.key, known) {
                        (Some(key), true) => path.push_str(key),
                        _ => path.push('?'),
                    }
                }
            }
        }
        // Past a closing bracket, a value read whole fails as the last member of what it closed.
        if let Some(c) = self.closed.as_ref().filter(|c| c.stage == Stage::Read) {
            // A scalar read last failed itself. A value read whole failed in the last member of
            // the container closed, unless that container is itself a tagged enum (it has a `kind`
            // member), which fails as a whole. Not told apart (the text alone cannot): a tagged enum
            // that is not its object's last member and ends with a date, time or decimal reports
            // that member rather than the enum.
            let descend = match fault {
                Fault::Scalar => !c.nested || !c.tagged,
                Fault::Buffered | Fault::Variant => c.nested && !c.tagged,
                _ => false,
            };
            if descend && c.array {
                path.push('[');
                path.push_str(&c.index.to_string());
                path.push(']');
            } else if let (true, Some(key)) = (descend, &c.key) {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
        }
        path
    }
}

/// Messages of our own deserialisers start with a marker naming their kind.
fn classify_data(err: &serde_json::Error) -> ErrorKind {
    let text = err.to_string();
    if text.starts_with(crate::time::TIME_ERROR_MARK) {
        ErrorKind::InvalidTime
    } else if text.starts_with(crate::clause::CLAUSE_ERROR_MARK) {
        ErrorKind::UnknownClause
    } else if text.contains("recursion limit") {
        ErrorKind::TooLarge
    } else {
        ErrorKind::Shape
    }
}

/// serde_json's message, without its ` at line L column C` tail, with a lowercase first letter.
fn lower(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) if err.line() > 0 => text.get(..at).unwrap_or(&text).to_owned(),
        _ => text,
    };
    let text = text
        .strip_prefix(crate::time::TIME_ERROR_MARK)
        .or_else(|| text.strip_prefix(crate::clause::CLAUSE_ERROR_MARK))
        .unwrap_or(&text)
        .to_owned();
    // Lowercase the first letter of a sentence, not of an acronym such as `EOF`.
    let mut chars = text.chars();
    let base = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text,
    };
    if err.line() > 0 {
        format!("{base} (line {}, column {})", err.line(), err.column())
    } else {
        base
    }
}

/// The JSON Schema of `T` as a JSON value (draft 2020-12), as `schemas/` holds it: read by the
/// field classes (`confidentiality::classes`) below the answers that [`crate::schema`] lists.
pub(crate) fn schema_value<T: schemars::JsonSchema>() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    generator.into_root_schema_for::<T>().to_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str, fault: Fault) -> String {
        path_at(text, text.len(), fault)
    }

    #[test]
    fn a_value_being_read_is_named_by_its_key_and_index() {
        assert_eq!(path(r#"{"a": [1, {"b": "#, Fault::Value), "a[1].b");
        assert_eq!(path(r#"{"a": [1, 2"#, Fault::Scalar), "a[1]");
    }

    #[test]
    fn a_key_due_but_not_read_is_a_question_mark() {
        assert_eq!(
            path(
                r#"{"a": {"#,
                Fault::Structure {
                    peeked: false,
                    variant: false,
                    whole: false
                }
            ),
            "a.?"
        );
    }

    #[test]
    fn a_duplicate_field_is_its_object() {
        assert_eq!(path(r#"{"a": {"b": 1, "b""#, Fault::Member), "a");
    }

    #[test]
    fn offsets_count_lines_from_one() {
        assert_eq!(offset_of("ab\ncd", 2, 1), Some(4));
        assert_eq!(offset_of("ab", 0, 1), None);
    }

    #[test]
    fn a_parse_failure_names_its_path_and_kind() {
        let err = parse_json::<std::collections::BTreeMap<String, Vec<u32>>>(r#"{"a": [1, "x"]}"#)
            .err()
            .unwrap_or_else(|| Error::from(Problem::new(ErrorKind::Syntax, "parsed")));
        let p = err.problems().first().cloned();
        assert_eq!(p.as_ref().map(|p| p.kind), Some(ErrorKind::Shape));
        assert_eq!(p.and_then(|p| p.path).as_deref(), Some("a[1]"));
    }
}
