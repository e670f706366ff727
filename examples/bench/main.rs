//! Benchmarks that print figures (never assertions): per worker-year at 6, 20, 50 and 100 workers
//! per community — the serde_json `IgnoredAny` floor of the same bytes, parse only, evaluation,
//! assessment and the whole call, interleaved in one process, with their spread — then a
//! city-year, worker-years per second, scaling and peak memory with the batch API, and the
//! direct-Rust time that `scripts/bench.sh` sets beside the C ABI and WASM times.
//!
//! ```text
//! cargo run --release --bin bench                  # everything (sizes, city-year, 100k workers)
//! cargo run --release --bin bench -- --quick       # the per-size table only, 3 rounds (CI)
//! cargo run --release --bin bench -- --quick --rounds 9   # the same, 9 rounds
//! cargo run --release --bin bench -- --city 10000   # the city-year alone (streamed)
//! cargo run --release --bin bench -- --generate 10 50 > city.jsonl  # the generator alone
//! valgrind --tool=callgrind target/release/bench --phase parse 6 3   # instructions of 3 parses
//! ```
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a benchmark prints its figures"
)]

mod generate;

use generate::City;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use wangge::Policy;

/// Community sizes of the per-worker table (a city community has 10–60 grid workers).
const SIZES: [usize; 4] = [6, 20, 50, 100];

/// Workers per community of the city-year and of the scaling runs.
const CITY_COMMUNITY: usize = 50;

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// Peak resident memory of this process in KiB (VmHWM), where the OS tells it.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times.get(runs / 2).copied().unwrap_or_default()
}

fn time(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    secs(t.elapsed())
}

/// Minimum, median and maximum.
#[derive(Clone, Copy)]
struct Spread {
    min: f64,
    median: f64,
    max: f64,
}

impl Spread {
    fn of(values: &[f64]) -> Spread {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        Spread {
            min: v.first().copied().unwrap_or(0.0),
            median: v.get(v.len() / 2).copied().unwrap_or(0.0),
            max: v.last().copied().unwrap_or(0.0),
        }
    }

    /// `median (min–max)` of times in seconds, shown in µs per worker-year.
    fn us(self, workers: f64) -> String {
        let u = |x: f64| x * 1e6 / workers;
        format!(
            "{:.0} ({:.0}–{:.0})",
            u(self.median),
            u(self.min),
            u(self.max)
        )
    }

    /// `median (min–max)` of ratios.
    fn ratio(self) -> String {
        format!("{:.2}× ({:.2}–{:.2})", self.median, self.min, self.max)
    }
}

/// The figures of one community size: per round (interleaved), seconds of each step for the
/// whole community.
struct SizeRun {
    workers: usize,
    bytes: usize,
    floor: Vec<f64>,
    parse: Vec<f64>,
    evaluate: Vec<f64>,
    assess: Vec<f64>,
    whole: Vec<f64>,
}

impl SizeRun {
    /// The ratio of the fastest rounds: on a loaded machine the least disturbed estimate.
    fn of_minima(num: &[f64], den: &[f64]) -> String {
        format!(
            "{:.2}×",
            Spread::of(num).min / Spread::of(den).min.max(1e-12)
        )
    }

    fn ratios(&self, num: &[f64], den: &[f64]) -> Spread {
        let r: Vec<f64> = num.iter().zip(den).map(|(n, d)| n / d.max(1e-12)).collect();
        Spread::of(&r)
    }
}

/// One community-year of `workers` workers, `rounds` interleaved rounds of: the floor (serde_json
/// reading the same bytes into `IgnoredAny`), parse only, compliance evaluation, the assessment
/// of the parsed dossier, and the whole call (parse + assess + answer JSON, as the bindings make
/// it).
fn size_run(policy: &Policy, workers: usize, rounds: usize) -> Result<SizeRun, String> {
    let text = City::new(1, workers)
        .next()
        .ok_or("the generator gave no community")?;
    let options = wangge::Options::default();
    let dossier = wangge::Dossier::from_json(&text).map_err(|e| format!("{workers}: {e}"))?;
    let people = dossier
        .organisation
        .people
        .iter()
        .filter(|p| p.role == wangge::Role::GridWorker)
        .count();
    if people != workers {
        return Err(format!("asked for {workers} workers, generated {people}"));
    }
    let answer =
        wangge::api::Answer::from_result(wangge::api::assess_under(policy, &text, None)).to_json();
    if !answer.starts_with("{\"status\":\"success\"") {
        return Err(format!("{workers}: the generated community is refused"));
    }
    let mut run = SizeRun {
        workers,
        bytes: text.len(),
        floor: Vec::new(),
        parse: Vec::new(),
        evaluate: Vec::new(),
        assess: Vec::new(),
        whole: Vec::new(),
    };
    for _ in 0..rounds {
        run.floor.push(time(|| {
            let _ = serde_json::from_str::<serde::de::IgnoredAny>(&text);
        }));
        run.parse.push(time(|| {
            let _ = wangge::Dossier::from_json(&text);
        }));
        run.evaluate.push(time(|| {
            let _ = wangge::evaluate(policy, &dossier, &options);
        }));
        run.assess.push(time(|| {
            let _ = wangge::assessment::assess(policy, &dossier, &options);
        }));
        run.whole.push(time(|| {
            let _ =
                wangge::api::Answer::from_result(wangge::api::assess_under(policy, &text, None))
                    .to_json();
        }));
    }
    Ok(run)
}

fn per_size(policy: &Policy, rounds: usize) -> Result<(), String> {
    println!(
        "## per worker-year at {SIZES:?} workers per community (one community-year each, {rounds} \
         interleaved rounds; median (min–max))"
    );
    println!(
        "floor: serde_json reading the same bytes into `IgnoredAny`, in the same process, \
         interleaved with the rest"
    );
    println!();
    println!(
        "| workers | KB per worker-year | floor µs | parse µs | evaluation µs | assess µs | \
         whole call µs |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    let mut runs = Vec::new();
    for workers in SIZES {
        let r = size_run(policy, workers, rounds)?;
        let w = r.workers as f64;
        println!(
            "| {} | {:.0} | {} | {} | {} | {} | {} |",
            r.workers,
            r.bytes as f64 / 1024.0 / w,
            Spread::of(&r.floor).us(w),
            Spread::of(&r.parse).us(w),
            Spread::of(&r.evaluate).us(w),
            Spread::of(&r.assess).us(w),
            Spread::of(&r.whole).us(w)
        );
        runs.push(r);
    }
    println!();
    println!("ratios: median of the rounds' ratios (min–max); [ratio of the fastest rounds]");
    println!();
    println!(
        "| workers | parse / floor (≤ 3×) | assess / parse (≤ 1×) | evaluation / parse (≤ 0.25×) | \
         whole / floor (≤ 4×) | whole per worker / at 6 (≤ 1.2× at 100) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    let base = runs
        .first()
        .map(|r| Spread::of(&r.whole).median / r.workers as f64)
        .unwrap_or(1.0);
    for r in &runs {
        let per_worker: Vec<f64> = r
            .whole
            .iter()
            .map(|x| x / r.workers as f64 / base)
            .collect();
        let base_min = runs
            .first()
            .map(|b| Spread::of(&b.whole).min / b.workers as f64)
            .unwrap_or(1.0);
        println!(
            "| {} | {} [{}] | {} [{}] | {} [{}] | {} [{}] | {} [{:.2}×] |",
            r.workers,
            r.ratios(&r.parse, &r.floor).ratio(),
            SizeRun::of_minima(&r.parse, &r.floor),
            r.ratios(&r.assess, &r.parse).ratio(),
            SizeRun::of_minima(&r.assess, &r.parse),
            r.ratios(&r.evaluate, &r.parse).ratio(),
            SizeRun::of_minima(&r.evaluate, &r.parse),
            r.ratios(&r.whole, &r.floor).ratio(),
            SizeRun::of_minima(&r.whole, &r.floor),
            Spread::of(&per_worker).ratio(),
            Spread::of(&r.whole).min / r.workers as f64 / base_min.max(1e-12)
        );
    }
    Ok(())
}

struct CityRun {
    workers: usize,
    parse: f64,
    full: f64,
    parallel: f64,
    failures: usize,
}

/// A city-year of `workers` workers in communities of [`CITY_COMMUNITY`], streamed from the
/// generator (one community held at a time, a chunk of them for the parallel run): each line is
/// parsed only, then parsed and assessed through the batch API, interleaved line by line.
fn city(policy: &Policy, workers: usize) -> CityRun {
    let communities = workers.div_ceil(CITY_COMMUNITY);
    let (mut parse, mut full, mut failures) = (0.0, 0.0, 0);
    for line in City::new(communities, CITY_COMMUNITY) {
        parse += time(|| {
            let _ = wangge::Dossier::from_json(&line);
        });
        full += time(|| {
            for a in wangge::batch::assess_lines(policy, std::iter::once(&line), None) {
                if !a.answer.starts_with("{\"status\":\"success\"") {
                    failures += 1;
                }
            }
        });
    }
    let mut parallel = 0.0;
    let mut lines = City::new(communities, CITY_COMMUNITY).peekable();
    while lines.peek().is_some() {
        let chunk: Vec<String> = lines.by_ref().take(8).collect();
        parallel += time(|| {
            let _ = wangge::batch::assess_chunk_parallel(policy, &chunk, 1, None);
        });
    }
    CityRun {
        workers: communities * CITY_COMMUNITY,
        parse,
        full,
        parallel,
        failures,
    }
}

/// The batch alone in a child process, for its peak memory: streams lines from the generator,
/// holding one community at a time.
fn child_batch(workers: usize) {
    let policy = Policy::xincheng_2022();
    let communities = workers.div_ceil(CITY_COMMUNITY);
    let mut answered = 0usize;
    let t = Instant::now();
    for a in wangge::batch::assess_lines(&policy, City::new(communities, CITY_COMMUNITY), None) {
        answered += usize::from(a.answer.starts_with("{\"status\":\"success\""));
    }
    println!(
        "{} {} {:.3} {}",
        communities * CITY_COMMUNITY,
        answered,
        secs(t.elapsed()),
        peak_kib().unwrap_or(0)
    );
}

/// Prints the city-year of `workers` workers (communities of [`CITY_COMMUNITY`], streamed).
fn print_city(policy: &Policy, workers: usize) {
    println!(
        "## city-year (communities of {CITY_COMMUNITY} workers, one dossier per line, streamed)"
    );
    let c = city(policy, workers);
    println!("workers                    {:>9}", c.workers);
    println!("parse only                 {:>9.2} s", c.parse);
    println!("parse + assess (1 core)    {:>9.2} s", c.full);
    println!(
        "city-year / parse-only     {:>9.2}×   (target ≤ 1.25×)",
        c.full / c.parse
    );
    println!(
        "worker-years per second    {:>9.0} (1 core)",
        c.workers as f64 / c.full
    );
    println!(
        "parse + assess (all cores) {:>9.2} s, {:.0} worker-years per second",
        c.parallel,
        c.workers as f64 / c.parallel
    );
    println!("lines that failed          {:>9}", c.failures);
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--child-batch") => {
            let n = args
                .get(1)
                .and_then(|n| n.parse().ok())
                .ok_or("--child-batch N")?;
            child_batch(n);
            return Ok(());
        }
        Some("--phase") => {
            // One step, `runs` times, on one generated community: for instruction counts under
            // `valgrind --tool=callgrind` (which do not depend on the machine's load). `none`
            // generates and parses once only: subtract it.
            let phase = args.get(1).map(String::as_str).unwrap_or("none");
            let workers: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(6);
            let runs: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1);
            let text = City::new(1, workers).next().ok_or("no community")?;
            let policy = Policy::xincheng_2022();
            let options = wangge::Options::default();
            let dossier = wangge::Dossier::from_json(&text).map_err(|e| e.to_string())?;
            for _ in 0..runs {
                match phase {
                    "floor" => {
                        let _ = serde_json::from_str::<serde::de::IgnoredAny>(&text);
                    }
                    "parse" => {
                        let _ = wangge::Dossier::from_json(&text);
                    }
                    "assess" => {
                        let _ = wangge::assessment::assess(&policy, &dossier, &options);
                    }
                    "whole" => {
                        let _ = wangge::api::Answer::from_result(wangge::api::assess_under(
                            &policy, &text, None,
                        ))
                        .to_json();
                    }
                    _ => {}
                }
            }
            return Ok(());
        }
        Some("--call-file") => {
            // The same call the C ABI and WASM make: parse + assess + answer JSON, on a file.
            let path = args.get(1).ok_or("--call-file FILE RUNS")?;
            let runs: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(21);
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            let policy = Policy::xincheng_2022();
            let t = median(runs, || {
                let _ = wangge::api::Answer::from_result(wangge::api::assess_under(
                    &policy, &text, None,
                ))
                .to_json();
            });
            println!("{:.3}", secs(t) * 1e3);
            return Ok(());
        }
        Some("--city") => {
            let n = args
                .get(1)
                .and_then(|n| n.parse().ok())
                .ok_or("--city WORKERS")?;
            print_city(&Policy::xincheng_2022(), n);
            return Ok(());
        }
        Some("--generate") => {
            let n: usize = args
                .get(1)
                .and_then(|n| n.parse().ok())
                .ok_or("--generate N M")?;
            let m: usize = args
                .get(2)
                .and_then(|n| n.parse().ok())
                .unwrap_or(CITY_COMMUNITY);
            eprintln!("{}", generate::describe(n, m));
            for line in City::new(n, m) {
                println!("{line}");
            }
            return Ok(());
        }
        _ => {}
    }
    let quick = args.iter().any(|a| a == "--quick");
    let policy = Policy::xincheng_2022();
    println!("# wangge benchmarks{}", if quick { " (quick)" } else { "" });
    println!(
        "machine: {} cores; build: release; load average at start: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "unknown".into())
    );
    println!();
    let rounds = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(if quick { 3 } else { 11 });
    per_size(&policy, rounds)?;
    if quick {
        return Ok(());
    }

    println!();
    print_city(&policy, 10_000);

    println!();
    println!(
        "## scaling and peak memory (batch API, communities of {CITY_COMMUNITY}, streamed, each \
         size in its own process)"
    );
    println!(
        "| workers | communities | answered | seconds | µs per worker-year | peak RSS (MiB) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    for n in [1_000, 10_000, 100_000] {
        let out = std::process::Command::new(&exe)
            .args(["--child-batch", &n.to_string()])
            .output()
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&out.stdout);
        let f: Vec<f64> = text
            .split_whitespace()
            .map(|x| x.parse().unwrap_or(0.0))
            .collect();
        let at = |i: usize| f.get(i).copied().unwrap_or(0.0);
        let (workers, answered, seconds, kib) = (at(0), at(1), at(2), at(3));
        println!(
            "| {workers:.0} | {:.0} | {answered:.0} | {seconds:.1} | {:.0} | {:.1} |",
            workers / CITY_COMMUNITY as f64,
            seconds * 1e6 / workers.max(1.0),
            kib / 1024.0
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
