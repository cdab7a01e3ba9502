//! Import of the real StatsBomb matches against the reference the budget
//! is set by (issue 4): a bare serde_json parse of the same bytes into
//! typed structs that hold only the fields the viewer uses, borrowed where
//! possible. The import must take at most 1.3 times as long.
//!
//! The files are read from the directory named by `TOUCHLINE_STATSBOMB_DIR`,
//! else from `../shared/data/statsbomb` beside the project.
//!
//! `cargo bench --bench statsbomb_import`

use std::borrow::Cow;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;
use touchline::import;

const STEMS: [&str; 3] = [
    "3788741_turkey_italy",
    "15986_girona_barcelona",
    "15946_barcelona_alaves",
];

fn data_dir() -> PathBuf {
    std::env::var_os("TOUCHLINE_STATSBOMB_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/statsbomb")
        })
}

/// The reference: the fields the importer reads, typed, strict (a wrong
/// type fails the whole parse), everything else skipped by serde.
#[allow(dead_code)] // the fields are parsed, as the importer does, not read
mod bare {
    use super::*;

    #[derive(Deserialize)]
    pub struct Event<'a> {
        #[serde(borrow)]
        pub id: Option<Cow<'a, str>>,
        pub index: Option<i64>,
        pub period: Option<i64>,
        #[serde(borrow)]
        pub timestamp: Option<Cow<'a, str>>,
        pub minute: Option<i64>,
        pub second: Option<i64>,
        #[serde(rename = "type", borrow)]
        pub kind: Option<Named<'a>>,
        #[serde(borrow)]
        pub team: Option<Named<'a>>,
        #[serde(borrow)]
        pub player: Option<Named<'a>>,
        pub location: Option<Vec<f64>>,
        #[serde(borrow)]
        pub tactics: Option<Box<Tactics<'a>>>,
        pub pass: Option<EndOnly>,
        pub carry: Option<EndOnly>,
        #[serde(borrow)]
        pub shot: Option<Box<Shot<'a>>>,
        #[serde(borrow)]
        pub foul_committed: Option<Foul<'a>>,
        pub foul_won: Option<FoulWon>,
        #[serde(borrow)]
        pub bad_behaviour: Option<Booking<'a>>,
        #[serde(borrow)]
        pub substitution: Option<Substitution<'a>>,
    }

    #[derive(Deserialize)]
    pub struct Named<'a> {
        pub id: Option<i64>,
        #[serde(borrow)]
        pub name: Option<Cow<'a, str>>,
    }

    #[derive(Deserialize)]
    pub struct EndOnly {
        pub end_location: Option<Vec<f64>>,
    }

    #[derive(Deserialize)]
    pub struct Shot<'a> {
        pub statsbomb_xg: Option<f64>,
        #[serde(borrow)]
        pub outcome: Option<Named<'a>>,
        #[serde(rename = "type", borrow)]
        pub kind: Option<Named<'a>>,
        #[serde(borrow)]
        pub body_part: Option<Named<'a>>,
        #[serde(borrow)]
        pub key_pass_id: Option<Cow<'a, str>>,
        pub end_location: Option<Vec<f64>>,
    }

    #[derive(Deserialize)]
    pub struct Foul<'a> {
        #[serde(borrow)]
        pub card: Option<Named<'a>>,
        pub penalty: Option<bool>,
        #[serde(rename = "type", borrow)]
        pub kind: Option<Named<'a>>,
    }

    #[derive(Deserialize)]
    pub struct FoulWon {
        pub penalty: Option<bool>,
    }

    #[derive(Deserialize)]
    pub struct Booking<'a> {
        #[serde(borrow)]
        pub card: Option<Named<'a>>,
    }

    #[derive(Deserialize)]
    pub struct Substitution<'a> {
        #[serde(borrow)]
        pub replacement: Option<Named<'a>>,
    }

    #[derive(Deserialize)]
    pub struct Tactics<'a> {
        #[serde(borrow)]
        pub lineup: Option<Vec<TacticsEntry<'a>>>,
    }

    #[derive(Deserialize)]
    pub struct TacticsEntry<'a> {
        #[serde(borrow)]
        pub player: Option<Named<'a>>,
        #[serde(borrow)]
        pub position: Option<Named<'a>>,
        pub jersey_number: Option<i64>,
    }
}

fn import(c: &mut Criterion) {
    let dir = data_dir();
    let mut group = c.benchmark_group("statsbomb_import");
    group.measurement_time(Duration::from_secs(4));
    for stem in STEMS {
        let path = dir.join(format!("{stem}_events.json"));
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!(
                    "skipping {stem}: cannot read {} ({e}); set TOUCHLINE_STATSBOMB_DIR",
                    path.display()
                );
                continue;
            }
        };
        let text = std::str::from_utf8(&bytes).unwrap_or_default();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("bare_typed_parse", stem), text, |b, t| {
            b.iter(|| {
                let events: Vec<bare::Event<'_>> =
                    serde_json::from_str(black_box(t)).unwrap_or_default();
                black_box(events.len())
            })
        });
        group.bench_with_input(BenchmarkId::new("statsbomb_parse", stem), text, |b, t| {
            b.iter(|| black_box(import::statsbomb::parse(stem, black_box(t), None).is_ok()))
        });
        group.bench_with_input(BenchmarkId::new("parse_bytes", stem), &bytes, |b, bytes| {
            b.iter(|| black_box(import::parse_bytes(stem, black_box(bytes)).is_ok()))
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
