//! Scanning a folder for the match list: every match file and StatsBomb
//! events file below it is described from its first bytes, the open-data
//! match lists give StatsBomb files their date and competition, what
//! cannot be read is kept with the reason, and the description always
//! agrees with what loading the file shows (teams, home and away, result).

use std::path::{Path, PathBuf};

use touchline::import::{self, LoadOptions};
use touchline::library::{self, Catalog, Entry, Format, Origin};
use touchline::replay::Replay;
use touchline::tui::picker::final_result;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/statsbomb");

fn write(root: &Path, relative: &str, text: &str) -> PathBuf {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn scan(root: &Path) -> Catalog {
    library::scan(root, LoadOptions::default()).expect("the folder can be listed")
}

fn entry<'a>(catalog: &'a Catalog, path: &Path) -> &'a Entry {
    catalog
        .entries
        .iter()
        .find(|e| e.origin == Origin::File(path.to_path_buf()))
        .unwrap_or_else(|| panic!("{} not listed: {catalog:#?}", path.display()))
}

/// Every listed file loads to the teams, sides and result the list gave.
fn assert_agrees_with_loading(catalog: &Catalog) {
    for entry in &catalog.entries {
        let loaded = match &entry.origin {
            Origin::Bundled => import::bundled(),
            Origin::File(path) => {
                import::load_path(path, LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
            }
            Origin::Fixture { path, index } => {
                import::openfootball::load_fixture(path, *index, LoadOptions::default())
                    .unwrap_or_else(|e| panic!("{e}"))
            }
        };
        let info = &loaded.game.info;
        assert_eq!(
            (entry.home.as_str(), entry.away.as_str()),
            (info.home.name.as_str(), info.away.name.as_str()),
            "{:?}",
            entry.origin
        );
        if let Some(result) = entry.result {
            assert_eq!(
                final_result(&Replay::new(loaded.game)),
                result,
                "{:?}",
                entry.origin
            );
        }
    }
}

#[test]
fn a_mixed_folder_is_listed_with_reasons_for_what_cannot_be() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let bundled = write(root, "cups/wc.json", import::BUNDLED_MATCH);
    let events = std::fs::read_to_string(format!("{FIXTURES}/cup_final_events.json")).unwrap();
    let lineups = std::fs::read_to_string(format!("{FIXTURES}/cup_final_lineups.json")).unwrap();
    let statsbomb = write(root, "sb/7_final_events.json", &events);
    write(root, "sb/7_final_lineups.json", &lineups);
    write(
        root,
        "broken/half.json",
        "{\"match\": {\"home\": {\"name\": \"A\"",
    );
    write(root, "broken/format.json", r#"{"format": 3, "match": {}}"#);
    write(root, "config/settings.json", r#"{"theme": "dark"}"#);
    write(root, "notes.txt", "not JSON, not looked at");
    write(root, ".hidden/secret.json", import::BUNDLED_MATCH);
    let catalog = scan(root);

    // The bundled match twice: the copy in the folder, and the built-in one.
    assert_eq!(catalog.entries.len(), 3, "{catalog:#?}");
    assert!(catalog.entries.iter().any(|e| e.origin == Origin::Bundled));
    let copy = entry(&catalog, &bundled);
    assert_eq!(copy.title(), "England v France");
    assert_eq!(
        copy.competition.as_deref(),
        Some("FIFA World Cup 2022 · Quarter-final")
    );
    assert_eq!(
        copy.date.map(|d| d.to_string()).as_deref(),
        Some("2022-12-10")
    );
    let sb = entry(&catalog, &statsbomb);
    assert_eq!(sb.format, Format::StatsBomb);
    assert_eq!(
        (sb.date, sb.competition.as_deref()),
        (None, None),
        "unknown"
    );
    assert_eq!(catalog.companions, 1, "the lineups file");
    assert_eq!(catalog.ignored, 1, "the settings file");
    let reasons: Vec<(String, String)> = catalog
        .unreadable
        .iter()
        .map(|u| {
            (
                library::display_relative(&u.path, root),
                u.reason.to_string(),
            )
        })
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(reasons[0].0, "broken/format.json");
    assert!(reasons[0].1.contains("expected 1"), "{reasons:?}");
    assert!(reasons[1].1.starts_with("line 1, column"), "{reasons:?}");
    // Newest first, the undated StatsBomb file last.
    assert_eq!(catalog.entries.last().unwrap().format, Format::StatsBomb);
    assert_agrees_with_loading(&catalog);
}

#[test]
fn the_open_data_layout_gives_statsbomb_files_their_date_and_result() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let events = std::fs::read_to_string(format!("{FIXTURES}/cup_final_events.json")).unwrap();
    let listed = write(root, "data/events/303.json", &events);
    let unlisted = write(root, "data/events/404.json", &events);
    write(
        root,
        "data/lineups/303.json",
        &std::fs::read_to_string(format!("{FIXTURES}/cup_final_lineups.json")).unwrap(),
    );
    // What the importer makes of the fixture decides the true result.
    let loaded = import::load_path(&listed, LoadOptions::default()).unwrap();
    let info = loaded.game.info.clone();
    let result = final_result(&Replay::new(loaded.game));
    // The list names the sides the other way round from the events (the
    // turning round itself is checked in the library's unit tests).
    let list = serde_json::json!([{
        "match_id": 303,
        "match_date": "2021-05-29",
        "competition": {"competition_name": "Champions League"},
        "season": {"season_name": "2020/2021"},
        "competition_stage": {"name": "Final"},
        "home_team": {"home_team_name": info.away.name},
        "away_team": {"away_team_name": info.home.name},
        "home_score": result.away,
        "away_score": result.home,
    }]);
    write(root, "data/matches/16/4.json", &list.to_string());
    let catalog = scan(root);
    let e = entry(&catalog, &listed);
    assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2021-05-29"));
    assert_eq!(
        e.competition.as_deref(),
        Some("Champions League 2020/2021 · Final")
    );
    // The fixture's final is drawn and went to penalties, which match
    // lists do not give: the result is left to loading the match.
    assert!(result.shootout.is_some());
    assert_eq!(e.result, None);
    let other = entry(&catalog, &unlisted);
    assert_eq!((other.date, other.result), (None, None));
    assert_eq!(catalog.companions, 2, "the lineups file and the match list");
    assert!(catalog.unreadable.is_empty(), "{:?}", catalog.unreadable);
    assert_agrees_with_loading(&catalog);
}

#[test]
fn a_folder_that_cannot_be_listed_is_an_error_and_an_empty_one_lists_the_bundled_match() {
    assert!(library::scan(Path::new("/no/such/folder"), LoadOptions::default()).is_err());
    let dir = tempfile::tempdir().unwrap();
    let catalog = scan(dir.path());
    assert_eq!(catalog.entries, [Entry::bundled()]);
}

#[test]
fn files_over_the_size_limit_are_listed_as_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.json", import::BUNDLED_MATCH);
    let catalog = library::scan(dir.path(), LoadOptions { max_size: 1000 }).unwrap();
    assert_eq!(catalog.unreadable.len(), 1);
    assert!(
        catalog.unreadable[0]
            .reason
            .to_string()
            .contains("--max-size")
    );
}

/// The real StatsBomb matches, when `TOUCHLINE_STATSBOMB_DIR` names them:
/// each is listed with the teams the importer makes home and away.
#[test]
fn real_statsbomb_files_are_listed_as_they_load() {
    let Some(dir) = std::env::var_os("TOUCHLINE_STATSBOMB_DIR") else {
        eprintln!("TOUCHLINE_STATSBOMB_DIR not set: real StatsBomb files not listed");
        return;
    };
    let dir = PathBuf::from(dir);
    assert!(
        dir.is_dir(),
        "TOUCHLINE_STATSBOMB_DIR={} is not a directory",
        dir.display()
    );
    let catalog = scan(&dir);
    let statsbomb = catalog
        .entries
        .iter()
        .filter(|e| e.format == Format::StatsBomb)
        .count();
    assert!(statsbomb >= 3, "{catalog:#?}");
    assert!(catalog.unreadable.is_empty(), "{:?}", catalog.unreadable);
    assert_agrees_with_loading(&catalog);
}

#[test]
fn an_openfootball_file_is_listed_as_its_matches_and_each_opens() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = import::openfootball::bundled::find("euro2024")
        .unwrap()
        .text;
    let path = write(root, "euro/2024/euro.json", text);
    let catalog = scan(root);
    let matches: Vec<&Entry> = catalog
        .entries
        .iter()
        .filter(|e| e.format == Format::OpenFootball)
        .collect();
    assert_eq!(matches.len(), 51);
    assert!(catalog.unreadable.is_empty(), "{:?}", catalog.unreadable);
    // Newest first: the final, then the semi-finals.
    assert_eq!(matches[0].title(), "Spain v England");
    assert_eq!(matches[0].competition.as_deref(), Some("Euro 2024 · Final"));
    assert_eq!(matches[0].location(root), "euro/2024/euro.json (match 51)");
    let opener = matches.last().unwrap();
    assert_eq!(opener.title(), "Germany v Scotland");
    assert_eq!(
        opener.origin,
        Origin::Fixture {
            path: path.clone(),
            index: 0
        }
    );
    assert_agrees_with_loading(&catalog);
}
