//! What the subcommands share: the dossier, policy, period, language, format and output
//! arguments, reading files, writing the answer, and the failures with their exit codes.

use clap::ValueEnum;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use wangge::Lang;
use wangge::api::Answer;

/// Why the command stops without an answer.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core refused the input: its typed problems (exit 1).
    Refused {
        /// What was refused (`the dossier \`d.json\``, `the policy`, …).
        what: String,
        /// The core's error.
        error: wangge::Error,
        /// Give the core's failure answer (JSON) where the answer would go, not text.
        json: bool,
    },
    /// A file could not be read or written, or an answer holds nothing asked for (exit 1).
    Input(String),
    /// The arguments do not fit together (exit 2).
    Usage(String),
}

impl Failure {
    /// Prints the failure: the core's failure answer on standard output for `--format json`,
    /// otherwise readable text on standard error.
    #[expect(clippy::print_stderr, reason = "a command reports its failure")]
    pub(crate) fn report(self) {
        match self {
            Failure::Refused {
                error, json: true, ..
            } => {
                let answer = Answer::<bool>::Failure {
                    errors: error.problems().to_vec(),
                }
                .to_json();
                let _ = crate::to_stdout(format!("{answer}\n").as_bytes());
            }
            Failure::Refused { what, error, .. } => {
                let n = error.problems().len();
                eprintln!(
                    "error: {what} was refused: {n} problem{}",
                    if n == 1 { "" } else { "s" }
                );
                for p in error.problems() {
                    let date = p
                        .date
                        .as_deref()
                        .map(|d| format!(" (date {d})"))
                        .unwrap_or_default();
                    eprintln!("  - [{}] {p}{date}", p.kind.tag());
                }
            }
            Failure::Input(message) | Failure::Usage(message) => eprintln!("error: {message}"),
        }
    }
}

/// The output formats; each subcommand takes those that fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Readable text on the terminal.
    Table,
    /// The core's JSON answer (`{"status":"success","value":…}`), as the C and WASM bindings give it.
    Json,
    /// CSV with a UTF-8 byte-order mark, so that Excel shows Chinese correctly.
    Csv,
    /// An Excel workbook (needs `-o FILE`).
    Xlsx,
    /// A printable HTML page.
    Html,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }

    /// The format an output file's extension names, if any.
    fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "html" | "htm" => Some(Format::Html),
            "txt" => Some(Format::Table),
            _ => None,
        }
    }
}

/// The language of the answer's texts and of the headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangArg {
    /// Chinese (中文).
    Zh,
    /// English.
    En,
}

impl LangArg {
    /// The language's code in an options document.
    fn code(self) -> &'static str {
        match self {
            LangArg::Zh => "zh",
            LangArg::En => "en",
        }
    }

    pub(crate) fn lang(self) -> Lang {
        match self {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// The policy, period and language of a call.
#[derive(Debug, clap::Args)]
pub(crate) struct CallArgs {
    /// The policy document (JSON); the embedded default `xincheng-2022` when absent
    #[arg(long, value_name = "FILE")]
    pub(crate) policy: Option<PathBuf>,
    /// First day of the period (YYYY-MM-DD); the dossier's period when absent
    #[arg(long, value_name = "DATE", requires = "to")]
    pub(crate) from: Option<String>,
    /// Last day of the period (YYYY-MM-DD), inclusive
    #[arg(long, value_name = "DATE", requires = "from")]
    pub(crate) to: Option<String>,
    /// Language of the texts and headings
    #[arg(long, value_enum, default_value = "zh")]
    pub(crate) lang: LangArg,
}

impl CallArgs {
    /// The policy document's text, `None` for the default.
    pub(crate) fn policy_text(&self) -> Result<Option<String>, Failure> {
        self.policy.as_deref().map(read_text).transpose()
    }

    /// The policy, checked.
    pub(crate) fn policy(&self, json: bool) -> Result<wangge::Policy, Failure> {
        let text = self.policy_text()?;
        wangge::api::policy_or_default(text.as_deref()).map_err(|error| Failure::Refused {
            what: match &self.policy {
                Some(p) => format!("the policy `{}`", p.display()),
                None => "the default policy".to_owned(),
            },
            error,
            json,
        })
    }

    /// The options document the core reads (`{"period":{…},"lang":"zh"}`), checked by the
    /// core first so that an impossible date is named as the period's, not the dossier's.
    pub(crate) fn options_json(&self, json: bool) -> Result<String, Failure> {
        let mut options = serde_json::Map::new();
        if let (Some(from), Some(to)) = (&self.from, &self.to) {
            options.insert(
                "period".into(),
                serde_json::json!({ "from": from, "to": to }),
            );
        }
        options.insert(
            "lang".into(),
            serde_json::Value::String(self.lang.code().to_owned()),
        );
        let text = serde_json::Value::Object(options).to_string();
        let what = format!(
            "the period `--from {} --to {}`",
            self.from.as_deref().unwrap_or_default(),
            self.to.as_deref().unwrap_or_default()
        );
        let parsed = wangge::api::parse_options(Some(&text)).map_err(refused(&what, json))?;
        if let Some(period) = parsed.period.filter(|p| !p.is_valid()) {
            let problem = wangge::Problem::new(
                wangge::ErrorKind::InvalidPeriod,
                format!(
                    "period ends on `{}` before it starts on `{}`",
                    period.to, period.from
                ),
            )
            .at("period");
            return Err(refused(&what, json)(problem.into()));
        }
        Ok(text)
    }
}

/// The `--format` values a subcommand takes (`allowed`), each with its help, for clap.
pub(crate) fn format_parser(allowed: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(allowed.iter().filter_map(ValueEnum::to_possible_value)).map(
        move |name| {
            allowed
                .iter()
                .copied()
                .find(|f| f.name() == name)
                .unwrap_or(Format::Table)
        },
    )
}

/// The output file.
#[derive(Debug, clap::Args)]
pub(crate) struct OutputArgs {
    /// Write to FILE instead of standard output (needed for xlsx)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

impl OutputArgs {
    /// The format asked for (`--format`) or implied by the output file, checked against those
    /// the subcommand takes (`allowed`).
    pub(crate) fn format(
        &self,
        asked: Option<Format>,
        allowed: &[Format],
    ) -> Result<Format, Failure> {
        let format = asked
            .or_else(|| self.output.as_deref().and_then(Format::of_path))
            .unwrap_or(Format::Table);
        if !allowed.contains(&format) {
            let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
            return Err(Failure::Usage(format!(
                "this subcommand writes {}, not {} (give --format)",
                names.join(", "),
                format.name()
            )));
        }
        if format == Format::Xlsx && self.output.is_none() {
            return Err(Failure::Usage(
                "an Excel workbook is written to a file: give `-o FILE.xlsx`".into(),
            ));
        }
        Ok(format)
    }

    /// Writes the answer, or with `--format json` and `-o FILE` the core's failure answer, to
    /// the output file (where a script looks for the answer), saying so on standard error.
    pub(crate) fn deliver(&self, answer: Result<Vec<u8>, Failure>) -> Result<(), Failure> {
        match (answer, &self.output) {
            (Ok(bytes), _) => self.write(&bytes),
            (
                Err(Failure::Refused {
                    what,
                    error,
                    json: true,
                }),
                Some(path),
            ) => {
                let mut text = Answer::<bool>::Failure {
                    errors: error.problems().to_vec(),
                }
                .to_json();
                text.push('\n');
                write_file(path, text.as_bytes())?;
                Err(Failure::Input(format!(
                    "{what} was refused: the failure answer is in `{}`",
                    path.display()
                )))
            }
            (Err(failure), _) => Err(failure),
        }
    }

    /// Writes the answer: to the output file, or to standard output.
    pub(crate) fn write(&self, bytes: &[u8]) -> Result<(), Failure> {
        match &self.output {
            Some(path) => write_file(path, bytes),
            None => crate::to_stdout(bytes),
        }
    }
}

/// The bytes of a CSV table as written: a UTF-8 byte-order mark first, so that Excel opens
/// Chinese text correctly.
pub(crate) fn csv_bytes(table: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(table.len() + 3);
    out.extend_from_slice("\u{feff}".as_bytes());
    out.extend_from_slice(table.as_bytes());
    out
}

/// A file's text (`-`: standard input); a leading byte-order mark, as Windows editors write
/// one, is dropped.
pub(crate) fn read_text(path: &Path) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result.map_err(|e| Failure::Input(format!("cannot read `{}`: {e}", path.display())))?;
    match text.strip_prefix('\u{feff}') {
        Some(rest) => Ok(rest.to_owned()),
        None => Ok(text),
    }
}

/// Writes a whole file (`-`: standard output).
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if path == Path::new("-") {
        return crate::to_stdout(bytes);
    }
    std::fs::write(path, bytes)
        .map_err(|e| Failure::Input(format!("cannot write `{}`: {e}", path.display())))
}

/// Whether standard error is a terminal (progress bars only then).
pub(crate) fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// The failure of a call the core refused: `what` names the input.
pub(crate) fn refused(what: &str, json: bool) -> impl FnOnce(wangge::Error) -> Failure + '_ {
    move |error| Failure::Refused {
        what: what.to_owned(),
        error,
        json,
    }
}
