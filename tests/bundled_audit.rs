//! The spoiler audit: reads a match's moments in order and fails on any
//! text that speaks of what has not happened yet. The future is derived
//! from the file's own events, so the audit works on any match file: the
//! bundled England v France, the README's example, the project's
//! StatsBomb fixtures and, with `TOUCHLINE_STATSBOMB_DIR`, the real
//! matches as imported.
//!
//! At each moment every text a fan can read there (commentary, quotes with
//! who said them, a review's decision, a card's reason; before kick-off the
//! match facts) is checked for:
//! - a player still to make his first appearance in the events: named by
//!   his full name or an unambiguous surname before any event names him,
//!   unless the team sheet lists him as a starter (a starter's name is
//!   public from kick-off; a substitute's tells who will come on);
//! - a score line the match reaches only later ("1-2", either way round);
//! - words for a phase not reached yet: half-time before the first half
//!   ends, extra time before normal time ends, a shoot-out before a period
//!   that could lead to one ends, full time, the last shot or the final
//!   whistle before the final whistle;
//! - words for the result before the final whistle ("won", "lose",
//!   "defeat", "winner", "through to", "knocked out"...).
//!
//! And the team sheet is checked once: the substitutes it lists must not be
//! exactly the ones who come on. (That only those who come on have a
//! position is no spoiler: the Line-ups view shows a substitute's position
//! once he is on.)

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use touchline::import::{self, LoadOptions};
use touchline::model::{Detail, Match, Period, Side};
use touchline::replay::Replay;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Accents off, case kept: "Tchouaméni" and "Tchouameni" are one name.
fn fold(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// Whether `needle` occurs in `hay` as whole words (no letter or digit
/// joined on either side).
fn has_words(hay: &str, needle: &str) -> bool {
    let joined = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(needle).any(|(at, _)| {
        !joined(hay[..at].chars().next_back()) && !joined(hay[at + needle.len()..].chars().next())
    })
}

/// Every text a fan reads at an event, with where it sits.
fn texts_of(event: &touchline::model::Event) -> Vec<(&'static str, String)> {
    let mut texts = Vec::new();
    if let Some(text) = &event.text {
        texts.push(("commentary", text.to_string()));
    }
    for quote in &event.quotes {
        texts.push(("quote", quote.text.clone()));
        texts.push(("quote's speaker", quote.speaker.clone()));
        texts.extend(quote.role.clone().map(|r| ("quote's role", r)));
        texts.extend(quote.source.clone().map(|s| ("quote's source", s)));
    }
    match &event.detail {
        Detail::Var {
            decision: Some(d), ..
        } => texts.push(("review decision", d.to_string())),
        Detail::Card {
            reason: Some(r), ..
        } => texts.push(("card reason", r.to_string())),
        _ => {}
    }
    texts
}

/// The players an event names in its own fields.
fn named_in(event: &touchline::model::Event) -> Vec<&str> {
    let fields = match &event.detail {
        Detail::Goal { assist, .. } => [assist, &None],
        Detail::PenaltyAwarded { fouled, fouler } => [fouled, fouler],
        Detail::PenaltyMiss { keeper, .. } => [keeper, &None],
        Detail::Substitution {
            player_in,
            player_out,
        } => [player_in, player_out],
        Detail::Foul { fouled } => [fouled, &None],
        _ => [&None, &None],
    };
    event
        .player
        .as_deref()
        .into_iter()
        .chain(fields.into_iter().filter_map(|f| f.as_deref()))
        .collect()
}

/// Phrases for the end of the match and for its result, allowed from the
/// final whistle on.
const AT_THE_END: &[&str] = &[
    "full time",
    "full-time",
    "fulltime",
    "final whistle",
    "last shot",
    "last kick",
    "last chance",
    "last attempt",
    "last action",
    "last attack",
    "final push",
    "won",
    "lost",
    "lose",
    "loses",
    "defeat",
    "defeated",
    "beaten",
    "victory",
    "victorious",
    "winner",
    "winners",
    "winning goal",
    "decisive",
    "eliminated",
    "knocked out",
    "crash out",
    "crashed out",
    "through to",
    "go through",
    "goes through",
    "went through",
    "progressed",
    "qualified",
    "semis",
];

/// After "won" or "lost", words that make it a duel or a ball, not a match.
const NOT_A_RESULT: &[&str] = &["a ", "an ", "possession", "the ball"];

/// What the audit found: one line per spoiler.
fn audit(game: &Match) -> Vec<String> {
    let mut found = Vec::new();
    let replay = Replay::new(game.clone());
    let events = &game.events;
    let n = events.len();

    // Players: the first event naming each, and the starters.
    let mut first_named: HashMap<String, usize> = HashMap::new();
    for (i, event) in events.iter().enumerate() {
        for name in named_in(event) {
            first_named.entry(name.to_owned()).or_insert(i);
        }
    }
    let sheet: Vec<_> = Side::BOTH
        .iter()
        .flat_map(|&s| game.info.team(s).players.iter())
        .collect();
    let starters: HashSet<&str> = sheet
        .iter()
        .filter(|p| p.starter)
        .map(|p| p.name.as_str())
        .collect();
    // Keys a text may name a player by: the full name, and the surname
    // when no other player has it.
    let mut everyone: Vec<String> = first_named.keys().cloned().collect();
    everyone.extend(sheet.iter().map(|p| p.name.clone()));
    everyone.sort();
    everyone.dedup();
    let mut surname_count: HashMap<String, usize> = HashMap::new();
    for name in &everyone {
        *surname_count
            .entry(fold(touchline::text::surname(name)))
            .or_default() += 1;
    }
    let keys = |name: &str| {
        let mut keys = vec![fold(name)];
        let surname = fold(touchline::text::surname(name));
        if surname_count.get(&surname) == Some(&1) && surname.chars().count() >= 3 {
            keys.push(surname);
        }
        keys
    };

    // Scores, both ways round, reached at each step.
    let score_at = |step: usize| {
        let state = replay.at(step);
        let mut lines = Vec::new();
        let s = state.score();
        lines.push((s.home, s.away));
        if let Some(t) = state.shootout() {
            lines.push((t.home, t.away));
        }
        lines
    };
    let mut reached_by: Vec<HashSet<String>> = Vec::with_capacity(n + 1);
    let mut seen = HashSet::new();
    for step in 0..=n {
        for (h, a) in score_at(step) {
            seen.insert(format!("{h}-{a}"));
            seen.insert(format!("{a}-{h}"));
        }
        reached_by.push(seen.clone());
    }
    let all_scores = reached_by.last().cloned().unwrap_or_default();

    // Phases: the first step at which each is reached.
    let end_of = |period: Period| {
        events
            .iter()
            .position(|e| e.period == period && matches!(e.detail, Detail::PeriodEnd))
            .map(|i| i + 1)
    };
    let never = n + 2;
    let half_time = end_of(Period::First).unwrap_or(never);
    let normal_time = end_of(Period::Second).unwrap_or(never);
    let shootout_possible = normal_time.min(end_of(Period::ExtraSecond).unwrap_or(never));
    let final_whistle = events
        .iter()
        .rposition(|e| matches!(e.detail, Detail::PeriodEnd))
        .map_or(n, |i| i + 1);
    let phases: [(&[&str], usize, &str); 4] = [
        (
            &["half-time", "half time", "halftime", "interval"],
            half_time,
            "the first half ends",
        ),
        (
            &["extra time", "extra-time"],
            normal_time,
            "normal time ends",
        ),
        (
            &["shoot-out", "shootout", "shoot out"],
            shootout_possible,
            "a shoot-out can follow",
        ),
        (AT_THE_END, final_whistle, "the final whistle"),
    ];

    // Step 0 is before kick-off: the match facts are read there.
    let info = &game.info;
    let facts: Vec<(&'static str, String)> = [
        ("competition", info.competition.clone()),
        ("stage", info.stage.clone()),
        ("venue", info.venue.clone()),
        ("referee", info.referee.clone()),
        ("source", info.source.clone()),
    ]
    .into_iter()
    .filter_map(|(what, text)| Some((what, text?)))
    .collect();

    for step in 0..=n {
        let (texts, at) = match step {
            0 => (facts.clone(), "before kick-off".to_owned()),
            _ => {
                let event = &events[step - 1];
                let clock = event
                    .clock
                    .map_or_else(|| event.period.to_string(), |c| c.display().to_string());
                (
                    texts_of(event),
                    format!("{clock} {}", event.detail.kind_name()),
                )
            }
        };
        for (what, text) in texts {
            let folded = fold(&text);
            let lower = folded.to_lowercase();
            let mut say = |why: String| found.push(format!("{at} ({what}): {why}: {text:?}"));

            for (name, &first) in &first_named {
                if first < step || starters.contains(name.as_str()) {
                    continue;
                }
                if let Some(key) = keys(name).into_iter().find(|k| has_words(&folded, k)) {
                    say(format!(
                        "names {key}, whom no event names before {}",
                        events[first]
                            .clock
                            .map_or_else(String::new, |c| c.display().to_string())
                    ));
                }
            }

            for line in all_scores.difference(&reached_by[step]) {
                let spaced = line.replace('-', " - ");
                let dashed = [line.clone(), line.replace('-', "–"), spaced];
                if dashed.iter().any(|l| has_words(&folded, l)) {
                    say(format!("the score {line}, reached only later"));
                }
            }

            for (words, from, until) in phases {
                if step >= from {
                    continue;
                }
                for word in words {
                    let result_word = matches!(*word, "won" | "lost");
                    let hits = lower.match_indices(word).any(|(at, _)| {
                        let joined = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                        let rest = &lower[at + word.len()..];
                        let duel = result_word
                            && NOT_A_RESULT
                                .iter()
                                .any(|w| rest.trim_start().starts_with(w));
                        !(joined(lower[..at].chars().next_back())
                            || joined(rest.chars().next())
                            || duel)
                    });
                    if hits {
                        say(format!("\"{word}\" before {until}"));
                    }
                }
            }
        }
    }

    for side in Side::BOTH {
        let team = info.team(side);
        let bench: Vec<_> = team.players.iter().filter(|p| !p.starter).collect();
        if bench.is_empty() {
            continue;
        }
        let comes_on = |name: &str| {
            events.iter().any(|e| {
                e.team == Some(side)
                    && matches!(&e.detail, Detail::Substitution { player_in: Some(p), .. } if &**p == name)
            })
        };
        let (used, unused): (Vec<_>, Vec<_>) = bench.iter().partition(|p| comes_on(&p.name));
        let names = |ps: &[&&touchline::model::Player]| {
            ps.iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !used.is_empty() && unused.is_empty() {
            found.push(format!(
                "team sheet: {}'s substitutes are exactly those who come on: {}",
                team.name,
                names(&used)
            ));
        }
    }
    found
}

fn assert_clean(what: &str, game: &Match) {
    let found = audit(game);
    assert!(
        found.is_empty(),
        "{what} speaks of the future {} times:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_bundled_match_never_speaks_of_what_is_still_to_come() {
    let loaded = import::bundled();
    assert_clean("the bundled match", &loaded.game);
}

/// The README's example match files, as a reader would copy them.
#[test]
fn the_readme_examples_never_speak_of_what_is_still_to_come() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let mut checked = 0;
    for block in readme.split("```json").skip(1) {
        let json = block.split("```").next().unwrap_or_default();
        if !json.contains("\"events\"") {
            continue;
        }
        let loaded = import::parse_bytes("readme.json", json.as_bytes())
            .unwrap_or_else(|e| panic!("a README example does not load: {e}\n{json}"));
        assert_clean("the README's example", &loaded.game);
        checked += 1;
    }
    assert!(checked >= 1, "no example match file found in README.md");
}

/// The commentary the StatsBomb importer writes must be as careful.
#[test]
fn imported_statsbomb_fixtures_never_speak_of_what_is_still_to_come() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/statsbomb");
    for name in ["cup_final_events.json", "messy_events.json"] {
        let path = fixtures.join(name);
        let loaded = import::load_path(&path, LoadOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_clean(name, &loaded.game);
    }
}

#[test]
fn the_real_statsbomb_matches_never_speak_of_what_is_still_to_come() {
    const ENV: &str = "TOUCHLINE_STATSBOMB_DIR";
    let Some(dir) = std::env::var_os(ENV).map(PathBuf::from) else {
        eprintln!("notice: {ENV} is not set, so the real StatsBomb matches are not audited");
        return;
    };
    for stem in [
        "3788741_turkey_italy",
        "15986_girona_barcelona",
        "15946_barcelona_alaves",
    ] {
        let path = dir.join(format!("{stem}_events.json"));
        let loaded = import::load_path(&path, LoadOptions::default())
            .unwrap_or_else(|e| panic!("{ENV}={}: {stem}: {e}", dir.display()));
        assert_clean(stem, &loaded.game);
    }
}

/// The audit itself: a match file with one spoiler of each kind is caught
/// on every one, and the same texts where they belong pass.
#[test]
fn the_audit_catches_each_kind_of_spoiler() {
    let file = |kick_off: &str, goal: &str, sheet_bench: &str, end: &str| {
        format!(
            r#"{{
  "match": {{
    "home": {{"name": "Riverside", "players": [
      {{"number": 1, "name": "Ann Keeper"}},
      {{"number": 9, "name": "Bea Striker"}}{sheet_bench}
    ]}},
    "away": {{"name": "Hill Rovers"}}
  }},
  "events": [
    {{"kind": "period_start", "clock": "1", "text": "{kick_off}"}},
    {{"kind": "goal", "clock": "12", "team": "away", "player": "Sam Ode", "text": "{goal}"}},
    {{"kind": "period_end", "clock": "45+1"}},
    {{"kind": "period_start", "clock": "46"}},
    {{"kind": "substitution", "clock": "60", "team": "home",
      "player_in": "Cat Sub", "player_out": "Bea Striker"}},
    {{"kind": "goal", "clock": "70", "team": "home", "player": "Cat Sub"}},
    {{"kind": "goal", "clock": "80", "team": "home", "player": "Ann Keeper"}},
    {{"kind": "period_end", "clock": "90+3", "text": "{end}"}}
  ]
}}"#
        )
    };
    let audit_of = |text: String| {
        let loaded = import::parse_bytes("t.json", text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        audit(&loaded.game)
    };
    let bench = r#", {"number": 12, "name": "Cat Sub", "starter": false, "position": "ST"}"#;
    let full_bench = r#", {"number": 12, "name": "Cat Sub", "starter": false}, {"number": 13, "name": "Dan Spare", "starter": false}"#;

    let found = audit_of(file(
        "Keep an eye on Sub from the bench.",
        "Ode scores: 0-1, but this ends 2-1 after extra time.",
        bench,
        "Riverside win.",
    ));
    let expect = [
        "1' period_start (commentary): names Sub",
        "12' goal (commentary): the score 2-1",
        "12' goal (commentary): \"extra time\" before normal time ends",
        "12' goal (commentary): \"full time\"",
        "team sheet: Riverside's substitutes are exactly those who come on: Cat Sub",
    ];
    let found_text = found.join("\n");
    for e in &expect[..3] {
        assert!(found_text.contains(e), "{e:?} not found in:\n{found_text}");
    }
    assert!(!found_text.contains(expect[3]), "{found_text}");
    assert!(found_text.contains(expect[4]), "{found_text}");
    assert_eq!(found.len(), 4, "{found_text}");

    let found = audit_of(file(
        "Half-time talk already? It is the last shot, and the home side lost.",
        "Ode scores. 0-1.",
        full_bench,
        "Full time: 2-1. Riverside won it, with Sub's goal and Keeper's.",
    ));
    let found_text = found.join("\n");
    for e in [
        "\"half-time\" before the first half ends",
        "\"last shot\" before the final whistle",
        "\"lost\" before the final whistle",
    ] {
        assert!(found_text.contains(e), "{e:?} not found in:\n{found_text}");
    }
    assert_eq!(found.len(), 3, "{found_text}");

    // Duels won and lost are no result; a starter may be named early.
    let clean = audit_of(file(
        "Striker won a header and lost the ball; Keeper is ready.",
        "Ode scores, 0-1.",
        full_bench,
        "Full time, 2-1: Riverside won, Sub and Keeper scoring.",
    ));
    assert_eq!(clean, Vec::<String>::new());
}
