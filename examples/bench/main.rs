//! Benchmarks that print figures (never assertions): parsing next to evaluation for one
//! worker-year and for a city-year, worker-years per second, scaling, peak memory with the batch
//! API, and the direct-Rust time that `scripts/bench.sh` sets beside the C ABI and WASM times.
//!
//! ```text
//! cargo run --release --bin bench                  # everything (1k, 10k, 100k workers)
//! cargo run --release --bin bench -- --quick       # 1k and 10k only
//! cargo run --release --bin bench -- --generate 10 6 > city.jsonl   # the generator alone
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

const WORKERS_PER_COMMUNITY: usize = 6;

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

fn one_worker_year(policy: &Policy) {
    let text = wangge::sample::community_2023().to_json().replace('\n', "");
    let workers = 6.0;
    let runs = 15;
    let parse = median(runs, || {
        let _ = wangge::Dossier::from_json(&text);
    });
    let dossier = wangge::Dossier::from_json(&text).ok();
    let options = wangge::Options::default();
    let evaluate = median(runs, || {
        if let Some(d) = &dossier {
            let _ = wangge::evaluate(policy, d, &options);
        }
    });
    let assess = median(runs, || {
        if let Some(d) = &dossier {
            let _ = wangge::assessment::assess(policy, d, &options);
        }
    });
    let api = median(runs, || {
        let _ = wangge::api::assess_under(policy, &text, None).map(|a| wangge::to_json(&a));
    });
    println!(
        "## one worker-year (the sample community of 6 workers, 2023; {} bytes)",
        text.len()
    );
    println!(
        "parse only                 {:>9.3} ms per worker-year",
        secs(parse) * 1e3 / workers
    );
    println!(
        "compliance evaluation      {:>9.3} ms per worker-year",
        secs(evaluate) * 1e3 / workers
    );
    println!(
        "assessment (all rules)     {:>9.3} ms per worker-year",
        secs(assess) * 1e3 / workers
    );
    println!(
        "evaluation / parse         {:>9.2}×   (target ≤ 0.25×)",
        secs(evaluate) / secs(parse)
    );
    println!(
        "assessment / parse         {:>9.2}×",
        secs(assess) / secs(parse)
    );
    println!(
        "direct Rust assess_under   {:>9.3} ms per community call (parse + assess + answer JSON)",
        secs(api) * 1e3
    );
}

struct CityRun {
    workers: usize,
    parse: Duration,
    full: Duration,
    parallel: Option<Duration>,
    failures: usize,
}

fn city(policy: &Policy, workers: usize, with_parse: bool, with_parallel: bool) -> CityRun {
    let communities = workers.div_ceil(WORKERS_PER_COMMUNITY);
    let lines: Vec<String> = City::new(communities, WORKERS_PER_COMMUNITY).collect();
    let parse = if with_parse {
        let t = Instant::now();
        for l in &lines {
            let _ = wangge::Dossier::from_json(l);
        }
        t.elapsed()
    } else {
        Duration::ZERO
    };
    let t = Instant::now();
    let mut failures = 0;
    for a in wangge::batch::assess_lines(policy, &lines, None) {
        if !a.answer.starts_with("{\"status\":\"success\"") {
            failures += 1;
        }
    }
    let full = t.elapsed();
    let parallel = with_parallel.then(|| {
        let t = Instant::now();
        for chunk in lines.chunks(64) {
            let _ = wangge::batch::assess_chunk_parallel(policy, chunk, 1, None);
        }
        t.elapsed()
    });
    CityRun {
        workers: communities * WORKERS_PER_COMMUNITY,
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
    let communities = workers.div_ceil(WORKERS_PER_COMMUNITY);
    let mut answered = 0usize;
    let t = Instant::now();
    for a in
        wangge::batch::assess_lines(&policy, City::new(communities, WORKERS_PER_COMMUNITY), None)
    {
        answered += usize::from(!a.answer.is_empty());
    }
    println!(
        "{} {} {:.3} {}",
        communities * WORKERS_PER_COMMUNITY,
        answered,
        secs(t.elapsed()),
        peak_kib().unwrap_or(0)
    );
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
        Some("--generate") => {
            let n: usize = args
                .get(1)
                .and_then(|n| n.parse().ok())
                .ok_or("--generate N M")?;
            let m: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(6);
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
    println!("# wangge benchmarks");
    println!(
        "machine: {} cores; build: release",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!();
    one_worker_year(&policy);

    println!();
    println!("## city-year (communities of {WORKERS_PER_COMMUNITY} workers, one dossier per line)");
    let c = city(&policy, 10_000, true, true);
    println!("workers                    {:>9}", c.workers);
    println!("parse only                 {:>9.2} s", secs(c.parse));
    println!("parse + assess (1 core)    {:>9.2} s", secs(c.full));
    println!(
        "city-year / parse-only     {:>9.2}×   (target ≤ 1.25×)",
        secs(c.full) / secs(c.parse)
    );
    println!(
        "worker-years per second    {:>9.0} (1 core)",
        c.workers as f64 / secs(c.full)
    );
    if let Some(p) = c.parallel {
        println!(
            "parse + assess (all cores) {:>9.2} s, {:.0} worker-years per second",
            secs(p),
            c.workers as f64 / secs(p)
        );
    }
    println!("lines that failed          {:>9}", c.failures);

    println!();
    println!("## scaling and peak memory (batch API, each size in its own process)");
    println!("| workers | communities | seconds | µs per worker-year | peak RSS (MiB) |");
    println!("|---:|---:|---:|---:|---:|");
    let sizes: &[usize] = if quick {
        &[1_000, 10_000]
    } else {
        &[1_000, 10_000, 100_000]
    };
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    for n in sizes {
        let out = std::process::Command::new(&exe)
            .args(["--child-batch", &n.to_string()])
            .output()
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&out.stdout);
        let f: Vec<&str> = text.split_whitespace().collect();
        let (workers, seconds, kib) = (
            f.first().and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0),
            f.get(2).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0),
            f.get(3).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0),
        );
        println!(
            "| {workers:.0} | {:.0} | {seconds:.1} | {:.0} | {:.1} |",
            workers / WORKERS_PER_COMMUNITY as f64,
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
