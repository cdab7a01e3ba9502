//! StatsBomb's match lists: in the open data, `matches/COMP/SEASON.json`
//! lists a season's matches with their date, competition, stage, teams and
//! result, which the events files themselves do not carry.

use chrono::NaiveDate;
use serde_json::Value;

use super::{Entry, competition_label};
use crate::model::FinalResult;
use crate::text::sanitize_line;

/// One match of a match list, as far as the list of matches needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchListEntry {
    /// The id its events file is named by.
    pub match_id: u64,
    /// The day it was played.
    pub date: Option<NaiveDate>,
    /// "La Liga 2018/2019" and the stage when it is not the regular season.
    pub competition: Option<String>,
    /// Home team's name.
    pub home: Option<String>,
    /// Away team's name.
    pub away: Option<String>,
    /// Goals for the home team, then the away team.
    pub score: Option<(u32, u32)>,
    /// Whether it is a league match ("Regular Season"), where a draw is
    /// the result; a knockout draw may have gone to penalties, which the
    /// list does not give.
    pub league: bool,
}

fn str_at<'a>(value: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut at = value;
    for key in path {
        at = at.get(key)?;
    }
    at.as_str().map(str::trim).filter(|s| !s.is_empty())
}

impl MatchListEntry {
    /// Reads one element of a match list; `None` when it has no id.
    pub fn from_value(value: &Value) -> Option<Self> {
        let match_id = value.get("match_id")?.as_u64()?;
        let date = str_at(value, &["match_date"])
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let competition = str_at(value, &["competition", "competition_name"]);
        let season = str_at(value, &["season", "season_name"]);
        let stage = str_at(value, &["competition_stage", "name"]);
        let league = stage.is_some_and(|s| s.eq_ignore_ascii_case("Regular Season"));
        let stage = stage.filter(|_| !league);
        let name = match (competition, season) {
            (Some(c), Some(s)) => Some(format!("{c} {s}")),
            (c, s) => c.or(s).map(str::to_owned),
        };
        let goals = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
        };
        let clean = |s: &str| sanitize_line(s).into_owned();
        Some(Self {
            match_id,
            date,
            competition: competition_label(name.as_deref(), stage),
            home: str_at(value, &["home_team", "home_team_name"]).map(clean),
            away: str_at(value, &["away_team", "away_team_name"]).map(clean),
            score: goals("home_score").zip(goals("away_score")),
            league,
        })
    }

    /// Adds what the events file lacks to its entry. The result is turned
    /// round when the list's home side is the entry's away side (the
    /// importer takes home from the events, not from the list); when the
    /// names match neither way, the result is left unknown.
    pub fn fill(&self, entry: &mut Entry) {
        entry.date = entry.date.or(self.date);
        if entry.competition.is_none() {
            entry.competition.clone_from(&self.competition);
        }
        let Some((home, away)) = self.score else {
            return;
        };
        if home == away && !self.league {
            // Perhaps settled on penalties: loading the match will tell.
            return;
        }
        let (list_home, list_away) = (self.home.as_deref(), self.away.as_deref());
        let result = |home, away| FinalResult {
            home,
            away,
            shootout: None,
        };
        if list_home == Some(&entry.home) && list_away == Some(&entry.away) {
            entry.result = Some(result(home, away));
        } else if list_home == Some(&entry.away) && list_away == Some(&entry.home) {
            entry.result = Some(result(away, home));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Format, Origin};

    fn listed() -> MatchListEntry {
        let value: Value = serde_json::from_str(
            r#"{"match_id": 15986, "match_date": "2018-09-23",
                "competition": {"competition_name": "La Liga"},
                "season": {"season_name": "2018/2019"},
                "competition_stage": {"name": "Regular Season"},
                "home_team": {"home_team_name": "Girona"},
                "away_team": {"away_team_name": "Barcelona"},
                "home_score": 2, "away_score": 2}"#,
        )
        .unwrap();
        MatchListEntry::from_value(&value).unwrap()
    }

    fn events_entry(home: &str, away: &str) -> Entry {
        Entry {
            origin: Origin::File("events/15986.json".into()),
            format: Format::StatsBomb,
            date: None,
            competition: None,
            home: home.to_owned(),
            away: away.to_owned(),
            result: None,
        }
    }

    #[test]
    fn a_listed_match_gives_date_competition_and_result() {
        let meta = listed();
        assert_eq!(meta.competition.as_deref(), Some("La Liga 2018/2019"));
        let mut entry = events_entry("Girona", "Barcelona");
        meta.fill(&mut entry);
        assert_eq!(entry.date, NaiveDate::from_ymd_opt(2018, 9, 23));
        assert_eq!(entry.result.map(|r| (r.home, r.away)), Some((2, 2)));
    }

    #[test]
    fn the_result_follows_the_events_home_side() {
        let mut meta = listed();
        meta.score = Some((1, 3));
        let mut entry = events_entry("Barcelona", "Girona");
        meta.fill(&mut entry);
        assert_eq!(entry.result.map(|r| (r.home, r.away)), Some((3, 1)));
        let mut knockout = listed();
        knockout.league = false;
        let mut drawn = events_entry("Girona", "Barcelona");
        knockout.fill(&mut drawn);
        assert_eq!(drawn.result, None, "a knockout draw may have had penalties");
        let mut stranger = events_entry("Real", "Betis");
        meta.fill(&mut stranger);
        assert_eq!(stranger.result, None, "names that match neither way");
        assert!(stranger.date.is_some());
    }
}
