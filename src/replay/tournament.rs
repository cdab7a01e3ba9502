//! The tournament engine: pure functions of a [`Tournament`], a cursor and
//! the spoilers flag that give what a tournament screen draws: the
//! matches by day and round, the group tables as they stood at the
//! cursor, and the knockout bracket filled in up to it.
//!
//! The cursor is the index (in kick-off order) of the last match reached,
//! `None` before the first. Nothing in a view depends on a match after
//! the cursor unless spoilers are shown, with one allowance: a match not
//! yet reached is listed, without its result, once its pairing is public.
//! A pairing is public from the start when neither team has played before
//! (the draw of a group stage, the first round of a knockout); otherwise
//! once each team's previous match is reached, and when that was a group
//! match, once the whole group stage is (a best third place, a group
//! winner, depend on every group). So a replay or a play-off appears only
//! after the draw that caused it, and a knockout tie only once both its
//! teams are through.

pub mod bracket;
pub mod table;

pub use bracket::{Bracket, BracketRound, Tie};
pub use table::{GroupResult, Row, Rules, TieBreak};

use std::collections::HashMap;
use std::ops::Range;

use chrono::{FixedOffset, NaiveDate, NaiveTime};

use crate::model::Side;
use crate::model::tournament::{FixtureTeam, Scores, Tournament};

/// The index of the last match reached, in kick-off order; `None` before
/// the first.
pub type Cursor = Option<usize>;

/// What part of a tournament a match belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// A group match, or a match of a final pool (1950's "Final Round"),
    /// with the group's name.
    Group(String),
    /// A play-off between teams level in a group (1954, 1958), with the
    /// group's name.
    GroupPlayOff(String),
    /// A qualifying match before the tournament proper.
    Qualification,
    /// A knockout tie.
    Knockout {
        /// The round, without any "Replays" (a replay belongs to the round
        /// of the match it replays).
        round: String,
        /// The match for third place.
        third_place: bool,
        /// A replay of a drawn tie.
        replay: bool,
    },
}

/// A match as a view lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixtureView {
    /// Its index in the tournament, to open it.
    pub index: usize,
    /// The day, local to the ground.
    pub date: NaiveDate,
    /// The kick-off time, local to the ground.
    pub time: Option<NaiveTime>,
    /// The ground's offset from UTC, when known.
    pub utc_offset: Option<FixedOffset>,
    /// The round as the source names it.
    pub round: String,
    /// The group, for a group match.
    pub group: Option<String>,
    /// What part of the tournament it belongs to.
    pub stage: Stage,
    /// Where it is played.
    pub ground: Option<String>,
    /// The side named first.
    pub home: FixtureTeam,
    /// The side named second.
    pub away: FixtureTeam,
    /// Whether the cursor has reached it.
    pub reached: bool,
    /// Its result, when shown (reached, or spoilers shown).
    pub result: Option<Outcome>,
}

/// A shown result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The scores the source states; none for a match not played.
    pub scores: Scores,
    /// Who won or went through, when the scores say.
    pub winner: Option<Side>,
    /// A status word from the source, such as "canceled".
    pub status: Option<String>,
}

/// One day's matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Day {
    /// The day.
    pub date: NaiveDate,
    /// Positions in [`TournamentView::fixtures`].
    pub fixtures: Range<usize>,
}

/// One round's matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundView {
    /// The round as the source names it.
    pub name: String,
    /// Positions in [`TournamentView::fixtures`], in kick-off order.
    pub fixtures: Vec<usize>,
}

/// A group's table at the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupTable {
    /// "Group B", "Final Round".
    pub name: String,
    /// The teams in the order the rules give.
    pub rows: Vec<Row>,
    /// Positions in [`TournamentView::fixtures`] of the group's matches.
    pub fixtures: Vec<usize>,
    /// Positions of play-offs between teams level in the group.
    pub play_offs: Vec<usize>,
}

/// Everything a tournament screen draws at one cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TournamentView {
    /// The tournament's name.
    pub name: String,
    /// The cursor the view is for.
    pub cursor: Cursor,
    /// Whether results after the cursor are shown.
    pub spoilers: bool,
    /// The matches listed: every match reached, and those ahead whose
    /// pairing is public (every match, with spoilers), in kick-off order.
    pub fixtures: Vec<FixtureView>,
    /// The listed matches by day.
    pub days: Vec<Day>,
    /// The listed matches by round, rounds in order of their first match.
    pub rounds: Vec<RoundView>,
    /// The group tables as they stood at the cursor: by group stage, then
    /// by name.
    pub tables: Vec<GroupTable>,
    /// The knockout rounds.
    pub bracket: Bracket,
}

/// A tournament with its structure worked out once: what stage each match
/// belongs to, when its pairing becomes public, and the table rules. None
/// of it depends on a result. A screen keeps one and asks it for a view
/// at each cursor.
#[derive(Clone, Debug)]
pub struct Schedule {
    tournament: Tournament,
    stages: Vec<Stage>,
    /// Per match: `None` when its pairing is public from the start, else
    /// the match that must be reached first.
    public_after: Vec<Option<usize>>,
    /// Per group, the group stage it is played in (0 for the first):
    /// tables list by stage, then by name.
    group_stage: HashMap<String, usize>,
    rules: Rules,
}

/// The view of `tournament` at `cursor`; see [`Schedule::view`].
pub fn view(tournament: &Tournament, cursor: Cursor, spoilers: bool) -> TournamentView {
    Schedule::new(tournament.clone()).view(cursor, spoilers)
}

/// The cursor at the end of `date`: the last match played on or before
/// it, `None` when the first match is later.
pub fn cursor_at_date(tournament: &Tournament, date: NaiveDate) -> Cursor {
    tournament.fixtures.iter().rposition(|f| f.date <= date)
}

/// The cursor at the last match of the tournament.
pub fn last_cursor(tournament: &Tournament) -> Cursor {
    tournament.fixtures.len().checked_sub(1)
}

impl Schedule {
    /// Works out the structure of `tournament`.
    pub fn new(tournament: Tournament) -> Self {
        let stages = stages(&tournament);
        let group_stages = group_stages(&stages);
        let public_after = public_after(&tournament, &stages, &group_stages);
        let group_stage = group_stages
            .iter()
            .enumerate()
            .flat_map(|(n, stage)| stage.names.iter().map(move |name| ((*name).to_owned(), n)))
            .collect();
        let rules = Rules::of(tournament.competition, tournament.year);
        Self {
            tournament,
            stages,
            public_after,
            group_stage,
            rules,
        }
    }

    /// The tournament.
    pub fn tournament(&self) -> &Tournament {
        &self.tournament
    }

    /// The table rules in force.
    pub fn rules(&self) -> Rules {
        self.rules
    }

    /// What part of the tournament the match at `index` belongs to.
    pub fn stage(&self, index: usize) -> Option<&Stage> {
        self.stages.get(index)
    }

    /// Whether the match at `index` is listed at `cursor`.
    pub fn listed(&self, index: usize, cursor: Cursor, spoilers: bool) -> bool {
        spoilers
            || reached(index, cursor)
            || match self.public_after.get(index) {
                Some(None) => true,
                Some(Some(after)) => reached(*after, cursor),
                None => false,
            }
    }

    /// The cursor one day on: the last match of the next day with a match.
    pub fn next_day(&self, cursor: Cursor) -> Cursor {
        let fixtures = &self.tournament.fixtures;
        let from = cursor.map_or(0, |k| k + 1);
        let date = fixtures.get(from)?.date;
        let end = fixtures[from..]
            .iter()
            .position(|f| f.date != date)
            .map_or(fixtures.len(), |n| from + n);
        Some(end - 1)
    }

    /// The cursor one day back: the last match of the day before the
    /// cursor's day, `None` from the first day.
    pub fn prev_day(&self, cursor: Cursor) -> Cursor {
        let fixtures = &self.tournament.fixtures;
        let k = cursor?;
        let date = fixtures.get(k)?.date;
        fixtures[..k].iter().rposition(|f| f.date != date)
    }

    /// Everything a screen draws at `cursor`.
    pub fn view(&self, cursor: Cursor, spoilers: bool) -> TournamentView {
        let t = &self.tournament;
        let fixtures: Vec<FixtureView> = (0..t.fixtures.len())
            .filter(|&i| self.listed(i, cursor, spoilers))
            .map(|i| self.fixture_view(i, cursor, spoilers))
            .collect();
        TournamentView {
            name: t.name.clone(),
            cursor,
            spoilers,
            days: days(&fixtures),
            rounds: rounds(&fixtures),
            tables: tables(&fixtures, self.rules, &self.group_stage),
            bracket: bracket::build(&fixtures),
            fixtures,
        }
    }

    fn fixture_view(&self, i: usize, cursor: Cursor, spoilers: bool) -> FixtureView {
        let f = &self.tournament.fixtures[i];
        let reached = reached(i, cursor);
        FixtureView {
            index: i,
            date: f.date,
            time: f.time,
            utc_offset: f.utc_offset,
            round: f.round.clone(),
            group: f.group.clone(),
            stage: self.stages[i].clone(),
            ground: f.ground.clone(),
            home: f.home.clone(),
            away: f.away.clone(),
            reached,
            result: (reached || spoilers).then(|| Outcome {
                scores: f.score,
                winner: f.winner(),
                status: f.status.clone(),
            }),
        }
    }
}

fn reached(index: usize, cursor: Cursor) -> bool {
    cursor.is_some_and(|k| index <= k)
}

/// Each match's stage. A round without groups in which a team plays more
/// than once is a pool (1950's final round), and so a group.
fn stages(t: &Tournament) -> Vec<Stage> {
    let mut appearances: HashMap<(&str, &str), usize> = HashMap::new();
    for f in &t.fixtures {
        if f.group.is_none() {
            for team in [&f.home.name, &f.away.name] {
                *appearances
                    .entry((f.round.as_str(), team.as_str()))
                    .or_default() += 1;
            }
        }
    }
    t.fixtures
        .iter()
        .map(|f| {
            if let Some(group) = &f.group {
                return Stage::Group(group.clone());
            }
            let lower = f.round.to_lowercase();
            if lower.contains("qualif") {
                return Stage::Qualification;
            }
            let play_off = ["play-off", "playoff", "play off"]
                .iter()
                .find_map(|word| lower.find(word));
            if let Some(at) = play_off
                && lower.starts_with("group")
            {
                let group = f.round[..at].trim().trim_end_matches(',').trim();
                return Stage::GroupPlayOff(group.to_owned());
            }
            let replay = lower.contains("replay");
            let pool = [&f.home.name, &f.away.name].iter().any(|team| {
                appearances
                    .get(&(f.round.as_str(), team.as_str()))
                    .is_some_and(|&n| n > 1)
            });
            if pool && !replay {
                return Stage::Group(f.round.clone());
            }
            let round = if replay {
                let at = lower.find("replay").unwrap_or(lower.len());
                f.round[..at].trim().trim_end_matches(',').trim().to_owned()
            } else {
                f.round.clone()
            };
            Stage::Knockout {
                round,
                third_place: lower.contains("third") || lower.contains("3rd"),
                replay,
            }
        })
        .collect()
}

/// Groups played side by side: one group stage, ending with its last match.
struct GroupStage<'s> {
    names: Vec<&'s str>,
    last: usize,
}

/// The group stages in the order they begin.
fn group_stages(stages: &[Stage]) -> Vec<GroupStage<'_>> {
    let mut spans: Vec<(&str, usize, usize)> = Vec::new();
    for (i, stage) in stages.iter().enumerate() {
        if let Stage::Group(name) = stage {
            match spans.iter_mut().find(|(g, _, _)| g == name) {
                Some(span) => span.2 = i,
                None => spans.push((name, i, i)),
            }
        }
    }
    // Spans are in order of their first match already.
    let mut merged: Vec<GroupStage<'_>> = Vec::new();
    for (name, first, last) in spans {
        match merged.last_mut() {
            Some(stage) if first <= stage.last => {
                stage.names.push(name);
                stage.last = stage.last.max(last);
            }
            _ => merged.push(GroupStage {
                names: vec![name],
                last,
            }),
        }
    }
    merged
}

/// When each match's pairing becomes public (see the module's notes).
fn public_after(t: &Tournament, stages: &[Stage], groups: &[GroupStage<'_>]) -> Vec<Option<usize>> {
    let stage_end: HashMap<&str, usize> = groups
        .iter()
        .flat_map(|stage| stage.names.iter().map(move |name| (*name, stage.last)))
        .collect();
    let group_of = |i: usize| match &stages[i] {
        Stage::Group(name) => Some(name.as_str()),
        _ => None,
    };
    /// A team's latest match, with its group, and its latest match in
    /// any other group than that one: enough to find, in one pass, the
    /// previous match outside the group of the match at hand.
    #[derive(Clone, Copy, Default)]
    struct Seen<'s> {
        last: Option<(usize, Option<&'s str>)>,
        other: Option<usize>,
    }
    let mut seen: HashMap<&str, Seen<'_>> = HashMap::new();
    let mut out = Vec::with_capacity(t.fixtures.len());
    for (i, f) in t.fixtures.iter().enumerate() {
        let own = group_of(i);
        let teams = [f.home.name.as_str(), f.away.name.as_str()];
        let mut after: Option<usize> = None;
        for team in teams {
            let s = seen.get(team).copied().unwrap_or_default();
            let previous = match s.last {
                None => None,
                Some((j, group)) if own.is_none() || group != own => Some(j),
                Some(_) => s.other,
            };
            if let Some(j) = previous {
                let needed = group_of(j)
                    .and_then(|g| stage_end.get(g).copied())
                    .unwrap_or(j);
                after = after.max(Some(needed));
            }
        }
        for team in teams {
            let s = seen.entry(team).or_default();
            match s.last {
                Some((j, group)) if group != own => {
                    s.other = Some(j);
                    s.last = Some((i, own));
                }
                _ => s.last = Some((i, own)),
            }
        }
        out.push(after);
    }
    out
}

fn days(fixtures: &[FixtureView]) -> Vec<Day> {
    let mut days: Vec<Day> = Vec::new();
    for (pos, f) in fixtures.iter().enumerate() {
        match days.last_mut() {
            Some(day) if day.date == f.date => day.fixtures.end = pos + 1,
            _ => days.push(Day {
                date: f.date,
                fixtures: pos..pos + 1,
            }),
        }
    }
    days
}

fn rounds(fixtures: &[FixtureView]) -> Vec<RoundView> {
    let mut rounds: Vec<RoundView> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for (pos, f) in fixtures.iter().enumerate() {
        let i = *at.entry(&f.round).or_insert_with(|| {
            rounds.push(RoundView {
                name: f.round.clone(),
                fixtures: Vec::new(),
            });
            rounds.len() - 1
        });
        rounds[i].fixtures.push(pos);
    }
    rounds
}

/// The tables from the listed matches: the teams named in them, the
/// results of those reached.
fn tables<'f>(
    fixtures: &'f [FixtureView],
    rules: Rules,
    group_stage: &HashMap<String, usize>,
) -> Vec<GroupTable> {
    /// A group as its matches are read: name, teams, matches, results.
    #[derive(Default)]
    struct Gathered {
        name: String,
        teams: Vec<String>,
        positions: Vec<usize>,
        results: Vec<GroupResult>,
    }
    let mut groups: Vec<Gathered> = Vec::new();
    let mut group_at: HashMap<&str, usize> = HashMap::new();
    let mut team_at: HashMap<(usize, &str), usize> = HashMap::new();
    for (pos, f) in fixtures.iter().enumerate() {
        let Stage::Group(name) = &f.stage else {
            continue;
        };
        let i = *group_at.entry(name).or_insert_with(|| {
            groups.push(Gathered {
                name: name.clone(),
                ..Gathered::default()
            });
            groups.len() - 1
        });
        let Gathered {
            teams,
            positions,
            results,
            ..
        } = &mut groups[i];
        positions.push(pos);
        let mut slot = |team: &'f FixtureTeam| {
            *team_at.entry((i, team.name.as_str())).or_insert_with(|| {
                teams.push(team.name.clone());
                teams.len() - 1
            })
        };
        let (home, away) = (slot(&f.home), slot(&f.away));
        let score = f
            .result
            .as_ref()
            .filter(|_| f.reached)
            .and_then(|r| r.scores.result());
        if let Some(score) = score {
            results.push(GroupResult { home, away, score });
        }
    }
    let mut play_offs: HashMap<&str, Vec<usize>> = HashMap::new();
    for (pos, f) in fixtures.iter().enumerate() {
        if let Stage::GroupPlayOff(group) = &f.stage {
            play_offs.entry(group).or_default().push(pos);
        }
    }
    groups.sort_by(|a, b| {
        let stage = |g: &Gathered| group_stage.get(&g.name).copied();
        stage(a).cmp(&stage(b)).then_with(|| a.name.cmp(&b.name))
    });
    groups
        .into_iter()
        .map(
            |Gathered {
                 name,
                 teams,
                 positions,
                 results,
             }| {
                let play_offs = play_offs.remove(name.as_str()).unwrap_or_default();
                GroupTable {
                    rows: table::standings(&teams, &results, rules),
                    name,
                    fixtures: positions,
                    play_offs,
                }
            },
        )
        .collect()
}

#[cfg(test)]
mod tests;
