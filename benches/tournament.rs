//! Opening a bundled tournament: parsing its openfootball file, working out
//! its structure and building the view a tournament screen draws (tables
//! and bracket) at the final cursor, where every match counts; and opening
//! one of its matches in the viewer. The budget for opening any bundled
//! tournament and drawing its screen is 20 ms from process start.
//!
//! `cargo bench --bench tournament`

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use touchline::import::openfootball::{bundled, fixture_match};
use touchline::replay::Replay;
use touchline::replay::tournament::{Schedule, last_cursor, view};

fn tournament(c: &mut Criterion) {
    let mut group = c.benchmark_group("tournament");
    // The largest (2026: 104 matches, 42 KB), a goal-rich one with a
    // shoot-out final (2022), the rounds layout with team objects (Euro).
    for short in ["wc2026", "wc2022", "euro2024"] {
        let b = bundled::find(short).expect("a bundled tournament");
        group.bench_with_input(BenchmarkId::new("parse", short), b, |bench, b| {
            bench.iter(|| black_box(b.load()))
        });
        let t = b.load().expect("the bundled file parses");
        let end = last_cursor(&t);
        group.bench_with_input(BenchmarkId::new("view_at_end", short), &t, |bench, t| {
            bench.iter(|| black_box(view(t, end, false)))
        });
        let schedule = Schedule::new(t.clone());
        group.bench_with_input(
            BenchmarkId::new("view_at_end_scheduled", short),
            &schedule,
            |bench, schedule| bench.iter(|| black_box(schedule.view(end, false))),
        );
        group.bench_with_input(BenchmarkId::new("open", short), b, |bench, b| {
            bench.iter(|| {
                let t = b.load().expect("the bundled file parses");
                black_box(view(&t, last_cursor(&t), false));
            })
        });
        let last = t.fixtures.len() - 1;
        group.bench_with_input(BenchmarkId::new("open_final", short), &t, |bench, t| {
            bench.iter(|| black_box(Replay::new(fixture_match(t, last).expect("a final"))))
        });
    }
    group.bench_function("parse_all", |bench| {
        bench.iter(|| {
            for b in bundled::BUNDLED {
                black_box(b.load().expect("the bundled file parses"));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, tournament);
criterion_main!(benches);
