//! Seeks on synthetic matches of 10k, 100k and 1M events: each must stay
//! flat as the match grows (O(log n)), and building the index linear.

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use touchline::model::Clock;
use touchline::replay::Replay;
use touchline::synth::synthesize;

fn seeks(c: &mut Criterion) {
    let mut group = c.benchmark_group("seek");
    for n in [10_000usize, 100_000, 1_000_000] {
        let replay = Replay::new(synthesize(n, 42));
        let mid = replay.steps() / 2;
        group.bench_with_input(BenchmarkId::new("score_at_step", n), &replay, |b, r| {
            let mut step = 0usize;
            b.iter(|| {
                // Walk through the match so no single answer is cached.
                step = (step + 7919) % (r.steps() + 1);
                black_box(r.at(step).score())
            })
        });
        group.bench_with_input(BenchmarkId::new("jump_to_clock", n), &replay, |b, r| {
            let clock: Clock = "54".parse().unwrap_or(Clock::minute(54));
            b.iter(|| black_box(r.step_at_clock(black_box(clock))))
        });
        group.bench_with_input(BenchmarkId::new("next_goal", n), &replay, |b, r| {
            b.iter(|| black_box(r.next_goal(black_box(mid))))
        });
        group.bench_with_input(BenchmarkId::new("next_key", n), &replay, |b, r| {
            b.iter(|| black_box(r.next_key(black_box(mid))))
        });
    }
    group.finish();
}

fn indexing(c: &mut Criterion) {
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    for n in [10_000usize, 100_000, 1_000_000] {
        let game = synthesize(n, 42);
        group.bench_with_input(BenchmarkId::new("replay_new", n), &game, |b, g| {
            // The copy of the match that the replay takes, and freeing
            // it, stay outside the timing: only the indexing is measured.
            b.iter_batched(|| g.clone(), Replay::new, BatchSize::LargeInput)
        });
    }
    group.finish();
}

criterion_group!(benches, seeks, indexing);
criterion_main!(benches);
