//! Builds the seed corpora for the fuzz targets in `fuzz/` (see the
//! README's "Robustness" section): the bundled match, the project's own
//! StatsBomb fixtures and, from a directory of real StatsBomb files, short
//! slices of their event arrays (whole real files are 3 MB, too slow for a
//! fuzzer to mutate usefully). The corpora are written at run time and are
//! never committed, since the real files are not the project's to copy.
//!
//! ```text
//! cargo run --example fuzz_seeds -- fuzz/corpus /work/shared/data/statsbomb
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

/// Events per slice of a real file: enough for both teams' line-ups, a
/// period and a goal or two, small enough for tens of thousands of runs
/// a minute.
const SLICE: usize = 60;

/// Files up to this size are seeds as they are.
const SMALL: usize = 64 * 1024;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(out), real) = (
        args.next().map(PathBuf::from),
        args.next().map(PathBuf::from),
    ) else {
        eprintln!("usage: fuzz_seeds OUT_DIR [STATSBOMB_DIR]");
        return ExitCode::from(2);
    };
    match build(&out, real.as_deref()) {
        Ok((load, statsbomb)) => {
            eprintln!(
                "wrote {load} seeds to {0}/load and {statsbomb} to {0}/statsbomb",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One StatsBomb match: its events file and its lineups' text.
struct Pair {
    name: String,
    bytes: Vec<u8>,
    lineups: Option<String>,
}

fn build(out: &Path, real: Option<&Path>) -> Result<(usize, usize), String> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/statsbomb");
    let load_dir = out.join("load");
    let sb_dir = out.join("statsbomb");
    for dir in [&load_dir, &sb_dir] {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut load = Seeds::new(load_dir);
    let mut sb = Seeds::new(sb_dir);
    load.add("bundled", touchline::import::BUNDLED_MATCH.as_bytes())?;

    let mut pairs = vec![
        read_pair(&fixtures, "cup_final")?,
        read_pair(&fixtures, "messy")?,
    ];
    if let Some(dir) = real {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix("_events.json").map(str::to_owned))
            .collect();
        names.sort();
        for name in names {
            pairs.push(read_pair(dir, &name)?);
        }
    }
    for pair in &pairs {
        // Small files (the fixtures, with their byte-order marks and CRLF
        // line ends) go in as they are; real ones in slices.
        let seeds = if pair.bytes.len() <= SMALL {
            vec![pair.bytes.clone()]
        } else {
            let text = String::from_utf8_lossy(&pair.bytes);
            let events: Vec<Value> = serde_json::from_str(text.trim_start_matches('\u{feff}'))
                .map_err(|e| format!("{}: {e}", pair.name))?;
            slices(&events)
                .iter()
                .map(|slice| serde_json::to_vec(slice).map_err(|e| e.to_string()))
                .collect::<Result<_, _>>()?
        };
        for (i, events) in seeds.into_iter().enumerate() {
            load.add(&format!("{}-{i}", pair.name), &events)?;
            let mut with_lineups = events;
            if let Some(lineups) = &pair.lineups {
                with_lineups.push(0);
                with_lineups.extend_from_slice(lineups.as_bytes());
            }
            sb.add(&format!("{}-{i}", pair.name), &with_lineups)?;
        }
    }
    Ok((load.count, sb.count))
}

fn read_pair(dir: &Path, name: &str) -> Result<Pair, String> {
    let events_path = dir.join(format!("{name}_events.json"));
    let bytes = fs::read(&events_path).map_err(|e| format!("{}: {e}", events_path.display()))?;
    let lineups = fs::read_to_string(dir.join(format!("{name}_lineups.json"))).ok();
    Ok(Pair {
        name: name.to_owned(),
        bytes,
        lineups,
    })
}

/// The whole array when it is short; else its opening (line-ups, kick-off)
/// and, for each goal, the opening's first two events (the Starting XIs,
/// which decide home and away) followed by the events around the goal.
fn slices(events: &[Value]) -> Vec<Vec<Value>> {
    if events.len() <= SLICE {
        return vec![events.to_vec()];
    }
    let mut out = vec![events[..SLICE].to_vec()];
    let goals = events.iter().enumerate().filter(|(_, e)| {
        e.pointer("/shot/outcome/name").and_then(Value::as_str) == Some("Goal")
            || e.pointer("/type/name").and_then(Value::as_str) == Some("Own Goal Against")
    });
    for (at, _) in goals {
        let start = at.saturating_sub(SLICE / 2).max(2);
        let end = (start + SLICE).min(events.len());
        let mut slice = events[..2].to_vec();
        slice.extend_from_slice(&events[start..end]);
        out.push(slice);
    }
    out
}

/// A corpus directory being filled.
struct Seeds {
    dir: PathBuf,
    count: usize,
}

impl Seeds {
    fn new(dir: PathBuf) -> Self {
        Self { dir, count: 0 }
    }

    fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        let path = self.dir.join(format!("seed-{name}"));
        fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        self.count += 1;
        Ok(())
    }
}
