//! Batches: assess many communities, one dossier per line (JSON Lines), holding one community's
//! records at a time.
//!
//! The caller reads the lines (the core does no I/O) and gets one answer per line, in order. A
//! bad line gives a failure answer for that line and the batch goes on. With the `parallel`
//! feature, [`assess_chunk_parallel`] uses every core for a chunk of lines, keeping the order;
//! memory then grows with the chunk, not with the city.

use crate::api::{Answer, assess_under};
use crate::assessment::Assessment;
use crate::error::{Error, ErrorKind, Problem};
use crate::policy::Policy;

/// One line's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineAnswer {
    /// The line number, from 1.
    pub line: usize,
    /// The tagged answer (`{"status":"success","value":{...}}` or a failure), compact JSON.
    pub answer: String,
}

/// Assesses one line; blank lines are answered as `shape` failures naming the line.
pub fn assess_line(
    policy: &Policy,
    line: &str,
    options_json: Option<&str>,
) -> Result<Assessment, Error> {
    if line.trim().is_empty() {
        return Err(
            Problem::new(ErrorKind::Shape, "the line is empty: one dossier per line").into(),
        );
    }
    assess_under(policy, line, options_json)
}

/// Assesses every line lazily, in order: only the line being assessed is held.
///
/// ```
/// use wangge::{batch, Policy};
/// let one = wangge::sample::community_2023().to_json().replace('\n', "");
/// let text = format!("{one}\n{{\"period\":1}}\n");
/// let answers: Vec<_> = batch::assess_lines(&Policy::xincheng_2022(), text.lines(), None).collect();
/// assert_eq!(answers.len(), 2);
/// assert!(answers[0].answer.starts_with(r#"{"status":"success""#));
/// assert!(answers[1].answer.starts_with(r#"{"status":"failure""#));
/// ```
pub fn assess_lines<'a, I, S>(
    policy: &'a Policy,
    lines: I,
    options_json: Option<&'a str>,
) -> impl Iterator<Item = LineAnswer> + 'a
where
    I: IntoIterator<Item = S> + 'a,
    S: AsRef<str>,
{
    lines
        .into_iter()
        .enumerate()
        .map(move |(i, line)| LineAnswer {
            line: i + 1,
            answer: Answer::from_result(assess_line(policy, line.as_ref(), options_json)).to_json(),
        })
}

/// Assesses a chunk of lines on every core, answers in line order (`first_line` numbers the
/// first). Native builds with the `parallel` feature only.
#[cfg(feature = "parallel")]
pub fn assess_chunk_parallel<S: AsRef<str> + Sync>(
    policy: &Policy,
    chunk: &[S],
    first_line: usize,
    options_json: Option<&str>,
) -> Vec<LineAnswer> {
    use rayon::prelude::*;
    chunk
        .par_iter()
        .enumerate()
        .map(|(i, line)| LineAnswer {
            line: first_line + i,
            answer: Answer::from_result(assess_line(policy, line.as_ref(), options_json)).to_json(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_answered_in_order_and_a_bad_line_does_not_stop_the_batch() {
        let policy = Policy::xincheng_2022();
        let lines = [
            "",
            "{",
            "{\"period\":{\"from\":\"2023-01-01\",\"to\":\"2023-01-02\"}}",
        ];
        let answers: Vec<LineAnswer> = assess_lines(&policy, lines, None).collect();
        assert_eq!(
            answers.iter().map(|a| a.line).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert!(answers[0].answer.contains("one dossier per line"));
        assert!(answers[1].answer.contains("\"kind\":\"syntax\""));
        assert!(answers[2].answer.contains("missing field `organisation`"));
    }
}
