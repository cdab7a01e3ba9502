//! The knockout bracket: the knockout rounds of the listed matches, each
//! a list of ties (a match and any replays of it), ordered so that the
//! two ties feeding a tie of the next round sit together, as a drawn
//! bracket needs. Which ties feed which is read from the teams, so it is
//! known only once the later tie is listed, which is never before both
//! its teams are through.

use std::collections::HashMap;

use super::{FixtureView, Stage};

/// The knockout rounds, in the order they begin.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bracket {
    /// The rounds.
    pub rounds: Vec<BracketRound>,
}

/// One knockout round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BracketRound {
    /// "Quarter-finals", "Final".
    pub name: String,
    /// The match for third place, which no later round follows from.
    pub third_place: bool,
    /// The ties, ordered so that feeders sit together.
    pub ties: Vec<Tie>,
}

/// A tie: one pairing, played once or, after a draw, replayed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tie {
    /// Positions in [`super::TournamentView::fixtures`]: the match, then
    /// any replays.
    pub fixtures: Vec<usize>,
    /// The side named first in the first match.
    pub home: String,
    /// The side named second.
    pub away: String,
    /// Who went through, once the deciding result is shown.
    pub winner: Option<String>,
    /// For each side (home, away), the tie of the previous round (an index
    /// into its `ties`) that the side came through, when there is one.
    pub feeders: [Option<usize>; 2],
}

/// The bracket of the listed matches.
pub(super) fn build(fixtures: &[FixtureView]) -> Bracket {
    let mut rounds: Vec<BracketRound> = Vec::new();
    let mut round_at: HashMap<&str, usize> = HashMap::new();
    // A replay joins the tie between the same two teams in its round.
    let mut tie_at: HashMap<(usize, &str, &str), usize> = HashMap::new();
    for (pos, f) in fixtures.iter().enumerate() {
        let Stage::Knockout {
            round, third_place, ..
        } = &f.stage
        else {
            continue;
        };
        let i = *round_at.entry(round).or_insert_with(|| {
            rounds.push(BracketRound {
                name: round.clone(),
                third_place: *third_place,
                ties: Vec::new(),
            });
            rounds.len() - 1
        });
        let winner = f
            .result
            .as_ref()
            .and_then(|r| r.winner)
            .map(|side| f.team(side).name.clone());
        let (a, b) = (f.home.name.as_str(), f.away.name.as_str());
        let pair = if a <= b { (i, a, b) } else { (i, b, a) };
        let ties = &mut rounds[i].ties;
        match tie_at.get(&pair) {
            Some(&t) => {
                ties[t].fixtures.push(pos);
                ties[t].winner = winner;
            }
            None => {
                tie_at.insert(pair, ties.len());
                ties.push(Tie {
                    fixtures: vec![pos],
                    home: f.home.name.clone(),
                    away: f.away.name.clone(),
                    winner,
                    feeders: [None, None],
                });
            }
        }
    }
    order_by_feeders(&mut rounds);
    Bracket { rounds }
}

/// Each team's tie in a round (the first, should a team appear twice).
fn ties_by_team(ties: &[Tie]) -> HashMap<String, usize> {
    let mut by_team = HashMap::new();
    for (i, tie) in ties.iter().enumerate() {
        for team in [&tie.home, &tie.away] {
            by_team.entry(team.clone()).or_insert(i);
        }
    }
    by_team
}

/// From the last round back: each round's ties in the order of the ties
/// they feed, the rest after them in kick-off order; then each tie's
/// feeders found in the round before.
fn order_by_feeders(rounds: &mut [BracketRound]) {
    let main: Vec<usize> = (0..rounds.len())
        .filter(|&i| !rounds[i].third_place)
        .collect();
    for pair in main.windows(2).rev() {
        let (earlier, later) = (pair[0], pair[1]);
        let ties = std::mem::take(&mut rounds[earlier].ties);
        let by_team = ties_by_team(&ties);
        let mut placed = vec![false; ties.len()];
        let mut order = Vec::with_capacity(ties.len());
        for next in &rounds[later].ties {
            for team in [&next.home, &next.away] {
                if let Some(&i) = by_team.get(team)
                    && !placed[i]
                {
                    placed[i] = true;
                    order.push(i);
                }
            }
        }
        order.extend((0..ties.len()).filter(|&i| !placed[i]));
        let mut ties: Vec<Option<Tie>> = ties.into_iter().map(Some).collect();
        rounds[earlier].ties = order.into_iter().filter_map(|i| ties[i].take()).collect();
    }
    for pair in main.windows(2) {
        let (earlier, later) = (pair[0], pair[1]);
        let by_team = ties_by_team(&rounds[earlier].ties);
        for tie in &mut rounds[later].ties {
            tie.feeders = [
                by_team.get(&tie.home).copied(),
                by_team.get(&tie.away).copied(),
            ];
        }
    }
}

impl FixtureView {
    /// The team playing as `side`.
    pub fn team(&self, side: crate::model::Side) -> &crate::model::tournament::FixtureTeam {
        match side {
            crate::model::Side::Home => &self.home,
            crate::model::Side::Away => &self.away,
        }
    }
}
