#![allow(clippy::print_stdout, clippy::unwrap_used)]
fn main() {
    let text = wangge::sample::community_2023().to_json();
    let policy = wangge::Policy::xincheng_2022();
    let t = std::time::Instant::now();
    for _ in 0..10 {
        let _ = wangge::Dossier::from_json(&text).unwrap();
    }
    println!("parse {:?}", t.elapsed() / 10);
    let d = wangge::Dossier::from_json(&text).unwrap();
    let o = wangge::Options::default();
    let t = std::time::Instant::now();
    for _ in 0..10 {
        let _ = wangge::evaluate(&policy, &d, &o).unwrap();
    }
    println!("evaluate {:?}", t.elapsed() / 10);
    let t = std::time::Instant::now();
    for _ in 0..10 {
        let _ = wangge::attendance::evaluate(&policy, &d, d.period).unwrap();
    }
    println!("attendance {:?}", t.elapsed() / 10);
    let t = std::time::Instant::now();
    for _ in 0..10 {
        let _ = wangge::evidence::evaluate(&policy, &d, d.period).unwrap();
    }
    println!("evidence {:?}", t.elapsed() / 10);
    let t = std::time::Instant::now();
    for _ in 0..10 {
        let _ = wangge::assessment::assess(&policy, &d, &o).unwrap();
    }
    println!("assess {:?}", t.elapsed() / 10);
    println!("bytes {}", text.len());
}
