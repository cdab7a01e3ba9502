//! Loading synthetic match files of 10k, 100k and 1M events (written once
//! into a temporary directory by `touchline::synth`, as `examples/synth.rs`
//! writes them): the cost must grow linearly with the file.
//!
//! `cargo bench --bench load`

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use touchline::import::{self, LoadOptions};
use touchline::synth::synthesize;

fn synthetic_file(n: usize) -> (PathBuf, u64) {
    let path = std::env::temp_dir().join(format!("touchline-bench-{n}.json"));
    if !path.exists() {
        let json = serde_json::to_vec(&synthesize(n, 42)).expect("a synthetic match serializes");
        std::fs::write(&path, json).expect("the temporary directory is writable");
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    (path, size)
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for n in [10_000usize, 100_000, 1_000_000] {
        let (path, size) = synthetic_file(n);
        group.throughput(Throughput::Bytes(size));
        group.bench_with_input(BenchmarkId::new("match_file", n), &path, |b, path| {
            // Freeing the events is not part of loading them.
            b.iter_with_large_drop(|| black_box(import::load_path(path, LoadOptions::default())))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
