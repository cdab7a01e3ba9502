//! The knockout bracket: the knockout rounds of the listed matches, each
//! a list of ties (a match and any replays of it), ordered so that the
//! two ties feeding a tie of the next round sit together, as a drawn
//! bracket needs. Which ties feed which is read from the teams, so it is
//! known only once the later tie is listed, which is never before both
//! its teams are through.

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

impl Tie {
    fn has(&self, team: &str) -> bool {
        self.home == team || self.away == team
    }
}

/// The bracket of the listed matches.
pub(super) fn build(fixtures: &[FixtureView]) -> Bracket {
    let mut rounds: Vec<BracketRound> = Vec::new();
    for (pos, f) in fixtures.iter().enumerate() {
        let Stage::Knockout {
            round, third_place, ..
        } = &f.stage
        else {
            continue;
        };
        let i = match rounds.iter().position(|r| r.name == *round) {
            Some(i) => i,
            None => {
                rounds.push(BracketRound {
                    name: round.clone(),
                    third_place: *third_place,
                    ties: Vec::new(),
                });
                rounds.len() - 1
            }
        };
        let winner = f
            .result
            .as_ref()
            .and_then(|r| r.winner)
            .map(|side| f.team(side).name.clone());
        let ties = &mut rounds[i].ties;
        // A replay joins the tie between the same two teams.
        match ties
            .iter_mut()
            .find(|t| t.has(&f.home.name) && t.has(&f.away.name))
        {
            Some(tie) => {
                tie.fixtures.push(pos);
                tie.winner = winner;
            }
            None => ties.push(Tie {
                fixtures: vec![pos],
                home: f.home.name.clone(),
                away: f.away.name.clone(),
                winner,
                feeders: [None, None],
            }),
        }
    }
    order_by_feeders(&mut rounds);
    Bracket { rounds }
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
        let next: Vec<(String, String)> = rounds[later]
            .ties
            .iter()
            .map(|t| (t.home.clone(), t.away.clone()))
            .collect();
        let ties = std::mem::take(&mut rounds[earlier].ties);
        let mut placed = vec![false; ties.len()];
        let mut order = Vec::with_capacity(ties.len());
        for (home, away) in &next {
            for team in [home, away] {
                if let Some(i) = (0..ties.len()).find(|&i| !placed[i] && ties[i].has(team)) {
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
        let previous: Vec<(String, String)> = rounds[earlier]
            .ties
            .iter()
            .map(|t| (t.home.clone(), t.away.clone()))
            .collect();
        for tie in &mut rounds[later].ties {
            let from = |team: &str| {
                previous
                    .iter()
                    .position(|(home, away)| home == team || away == team)
            };
            tie.feeders = [from(&tie.home), from(&tie.away)];
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
