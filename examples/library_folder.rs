//! Writes a folder of many matches, to try the match list (`touchline DIR`)
//! at scale: N match files (format 1) spread over competitions, seasons and
//! subfolders, each a synthetic match with its teams, date and result in
//! the header; and, with `--statsbomb DIR`, M StatsBomb events files copied
//! from DIR's `*_events.json` into the open-data layout (`data/events/ID.json`)
//! with a match list (`data/matches/11/90.json`) giving their dates.
//!
//! ```text
//! cargo run --release --example library_folder -- /tmp/library 3000
//! cargo run --release --example library_folder -- /tmp/library 2900 \
//!     --statsbomb ../shared/data/statsbomb 100
//! touchline /tmp/library
//! ```

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Duration, FixedOffset};
use touchline::model::{FinalResult, Team};
use touchline::replay::Replay;
use touchline::synth::synthesize;

const CLUBS: [&str; 20] = [
    "Riverside",
    "Hill Rovers",
    "Northby",
    "Southwick",
    "Eastmoor",
    "Westfield",
    "Ashford",
    "Brackley",
    "Castleton",
    "Dunmore",
    "Elmstead",
    "Fairhaven",
    "Greystone",
    "Harrow Vale",
    "Ironbridge",
    "Kingsmere",
    "Longford",
    "Millbrook",
    "Newhaven",
    "Oakridge",
];

const COMPETITIONS: [&str; 5] = [
    "County League",
    "County Cup",
    "Northern Premier",
    "Women's Super League",
    "Youth Cup",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || {
        eprintln!("usage: library_folder OUT_DIR N [--events E] [--statsbomb DIR M]");
        ExitCode::from(2)
    };
    let (Some(out), Some(n)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        return usage();
    };
    let mut events = 400usize;
    let mut statsbomb: Option<(PathBuf, usize)> = None;
    let mut rest = args[2..].iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--events" => match rest.next().and_then(|e| e.parse().ok()) {
                Some(e) => events = e,
                None => return usage(),
            },
            "--statsbomb" => match (rest.next(), rest.next().and_then(|m| m.parse().ok())) {
                (Some(dir), Some(m)) => statsbomb = Some((PathBuf::from(dir), m)),
                _ => return usage(),
            },
            _ => return usage(),
        }
    }
    let out = Path::new(out);
    let result = write_match_files(out, n, events).and_then(|()| match &statsbomb {
        Some((dir, m)) => write_statsbomb(out, dir, *m),
        None => Ok(()),
    });
    match result {
        Ok(()) => {
            eprintln!("wrote {n} match files under {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("library_folder: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_match_files(out: &Path, n: usize, events: usize) -> std::io::Result<()> {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2015-08-08T15:00:00+01:00").expect("a valid date");
    for i in 0..n {
        let mut game = synthesize(events, i as u64 + 1);
        let home = CLUBS[i % CLUBS.len()];
        let away = CLUBS[(i * 7 + 3) % CLUBS.len()];
        let away = if away == home {
            CLUBS[(i + 1) % CLUBS.len()]
        } else {
            away
        };
        rename(&mut game.info.home, home);
        rename(&mut game.info.away, away);
        let competition = COMPETITIONS[i % COMPETITIONS.len()];
        game.info.competition = Some(competition.to_owned());
        game.info.stage = Some(format!("Round {}", i / COMPETITIONS.len() % 38 + 1));
        game.info.kickoff = Some(start + Duration::days((i / 4) as i64));
        let end = Replay::new(game.clone());
        let score = end.at(end.full_time()).score();
        game.info.result = Some(FinalResult {
            home: score.home,
            away: score.away,
            shootout: None,
        });
        let season = 2015 + i / 1000;
        let dir = out
            .join(competition.to_lowercase().replace([' ', '\''], "-"))
            .join(format!("{season}-{}", season + 1));
        std::fs::create_dir_all(&dir)?;
        let file = std::fs::File::create(dir.join(format!("match-{i:05}.json")))?;
        let mut w = BufWriter::new(file);
        serde_json::to_writer(&mut w, &game)?;
        w.write_all(b"\n")?;
        w.flush()?;
    }
    Ok(())
}

fn rename(team: &mut Team, name: &str) {
    let old = std::mem::replace(&mut team.name, name.to_owned());
    team.code = Some(
        name.chars()
            .filter(|c| c.is_alphabetic())
            .take(3)
            .collect::<String>()
            .to_uppercase(),
    );
    for player in &mut team.players {
        player.name = player.name.replace(&old, name);
    }
}

/// Copies the real events files round-robin under new ids and writes the
/// season's match list naming them.
fn write_statsbomb(out: &Path, from: &Path, m: usize) -> std::io::Result<()> {
    let mut sources: Vec<PathBuf> = std::fs::read_dir(from)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("_events.json"))
        .collect();
    sources.sort();
    if sources.is_empty() {
        return Err(std::io::Error::other(format!(
            "no *_events.json in {}",
            from.display()
        )));
    }
    let events = out.join("data").join("events");
    let matches = out.join("data").join("matches").join("11");
    std::fs::create_dir_all(&events)?;
    std::fs::create_dir_all(&matches)?;
    let mut list = Vec::new();
    for i in 0..m {
        let id = 9_000_000 + i as u64;
        let source = &sources[i % sources.len()];
        std::fs::copy(source, events.join(format!("{id}.json")))?;
        // The lineups beside it, where the open data keeps them, so that
        // players go by the names fans use.
        let lineups = PathBuf::from(
            source
                .to_string_lossy()
                .replace("_events.json", "_lineups.json"),
        );
        if lineups.is_file() {
            let dir = out.join("data").join("lineups");
            std::fs::create_dir_all(&dir)?;
            std::fs::copy(&lineups, dir.join(format!("{id}.json")))?;
        }
        list.push(serde_json::json!({
            "match_id": id,
            "match_date": format!("2018-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
            "competition": {"competition_name": "La Liga"},
            "season": {"season_name": "2018/2019"},
            "competition_stage": {"name": "Regular Season"},
        }));
    }
    std::fs::write(
        matches.join("90.json"),
        serde_json::to_string_pretty(&list).map_err(std::io::Error::other)?,
    )
}
