//! `wangge batch`: grades many communities, one dossier per line (JSON Lines in, JSON Lines
//! out), on every core (`wangge::batch`, feature `parallel`), holding one chunk of lines at a
//! time.

use crate::common::{CallArgs, Failure, stderr_is_terminal};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use wangge::api::Answer;
use wangge::{ErrorKind, Problem};

/// Grade many communities: JSON Lines in, JSON Lines out, on every core
///
/// Grade many communities: one dossier per line in, one answer per line out, in the same
/// order, on every core.
#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "Examples:
  # every community of the city, one dossier per line
  wangge batch city.jsonl -o grades.jsonl
  # a half-year, from standard input to standard output
  cat city.jsonl | wangge batch --from 2023-01-01 --to 2023-06-30 > half.jsonl
  # on one core
  RAYON_NUM_THREADS=1 wangge batch city.jsonl -o grades.jsonl

Each output line is the core's answer to the input line of the same number:
{\"status\":\"success\",\"value\":{…},\"class\":…} or
{\"status\":\"failure\",\"errors\":[…]}. A bad or blank line is answered with
its failure and the batch goes on. A progress bar shows on standard error after
two seconds, only when it is a terminal. Exit code 1 when at least one line was
refused (every line is still answered).
",
    crate::exit_codes!()
))]
pub(crate) struct Args {
    /// JSON Lines: one dossier per line; `-` or absent reads standard input
    #[arg(value_name = "INPUT")]
    input: Option<PathBuf>,
    #[command(flatten)]
    call: CallArgs,
    /// Write the answers to FILE instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Lines assessed at once per core: enough to keep every core busy, few enough that memory
/// grows with the chunk, not with the city.
const LINES_PER_CORE: usize = 4;

/// The progress bar shows only after this long.
const QUIET_FOR: Duration = Duration::from_secs(2);

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let policy = args.call.policy(false)?;
    let options = args.call.options_json(false)?;
    let (reader, size): (Box<dyn Read>, Option<u64>) = match args.input.as_deref() {
        None => (Box::new(std::io::stdin().lock()), None),
        Some(p) if p == Path::new("-") => (Box::new(std::io::stdin().lock()), None),
        Some(p) => {
            let file = File::open(p)
                .map_err(|e| Failure::Input(format!("cannot read `{}`: {e}", p.display())))?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(file), size)
        }
    };
    let input_name = args.input.as_deref().map_or_else(
        || "standard input".to_owned(),
        |p| format!("`{}`", p.display()),
    );
    let mut reader = BufReader::new(reader);
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            File::create(p)
                .map_err(|e| Failure::Input(format!("cannot write `{}`: {e}", p.display())))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let write_error = |e: std::io::Error| Failure::Input(format!("cannot write the answers: {e}"));

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk_size = cores * LINES_PER_CORE;
    let progress = Progress::new(size);
    let mut refused = 0usize;
    let mut line_no = 0usize;
    let mut done = false;
    while !done {
        // Read a chunk: valid lines to assess, a line that is not UTF-8 answered at once.
        let mut chunk: Vec<(Result<String, String>, u64)> = Vec::with_capacity(chunk_size);
        while chunk.len() < chunk_size {
            let mut bytes = Vec::new();
            let n = reader.read_until(b'\n', &mut bytes).map_err(|e| {
                Failure::Input(format!(
                    "cannot read {input_name} after line {line_no}: {e}"
                ))
            })?;
            if n == 0 {
                done = true;
                break;
            }
            line_no += 1;
            while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                bytes.pop();
            }
            let line = String::from_utf8(bytes).map_err(|_| {
                Answer::<bool>::Failure {
                    errors: vec![Problem::new(
                        ErrorKind::Shape,
                        format!("line {line_no} is not UTF-8 text"),
                    )],
                }
                .to_json()
            });
            chunk.push((line, n as u64));
        }
        let lines: Vec<&str> = chunk
            .iter()
            .filter_map(|(l, _)| l.as_ref().ok().map(String::as_str))
            .collect();
        let mut answers =
            wangge::batch::assess_chunk_parallel(&policy, &lines, 1, Some(&options)).into_iter();
        for (line, size) in &chunk {
            let answer = match line {
                Ok(_) => answers.next().map(|a| a.answer).unwrap_or_default(),
                Err(failure) => failure.clone(),
            };
            if answer.starts_with("{\"status\":\"failure\"") {
                refused += 1;
            }
            out.write_all(answer.as_bytes()).map_err(write_error)?;
            out.write_all(b"\n").map_err(write_error)?;
            progress.answered(*size);
        }
    }
    out.flush().map_err(write_error)?;
    progress.finish();
    if refused == 0 {
        Ok(())
    } else {
        Err(Failure::Input(format!(
            "{refused} of {line_no} lines of {input_name} were refused (their answers say why)"
        )))
    }
}

/// A progress bar on standard error: hidden for the first seconds and whenever standard error
/// is not a terminal.
struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
    shown: std::cell::Cell<bool>,
    lines: std::cell::Cell<u64>,
}

impl Progress {
    fn new(size: Option<u64>) -> Progress {
        let bar = match size {
            Some(len) => {
                let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
                if let Ok(style) = ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {msg}, ETA {eta}",
                ) {
                    bar.set_style(style.progress_chars("=> "));
                }
                bar
            }
            None => {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
                if let Ok(style) = ProgressStyle::with_template("{elapsed_precise} {spinner} {msg}")
                {
                    bar.set_style(style);
                }
                bar
            }
        };
        Progress {
            bar,
            started: Instant::now(),
            terminal: stderr_is_terminal(),
            shown: std::cell::Cell::new(false),
            lines: std::cell::Cell::new(0),
        }
    }

    fn show_when_due(&self) {
        if self.terminal && !self.shown.get() && self.started.elapsed() >= QUIET_FOR {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown.set(true);
        }
    }

    /// One more line answered, of `bytes` bytes of the input.
    fn answered(&self, bytes: u64) {
        self.bar.inc(bytes);
        let lines = self.lines.get() + 1;
        self.lines.set(lines);
        self.bar.set_message(format!("{lines} answered"));
        if self.bar.length().is_none() {
            self.bar.tick();
        }
        self.show_when_due();
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
