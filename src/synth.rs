//! Synthetic matches of any size, with the mix of real event data: mostly
//! passes and carries with locations, some shots with xG, a few goals,
//! cards, substitutions, reviews and quotes. Used by the benchmarks and by
//! `examples/synth.rs`; reproducible for a given seed.

use crate::model::{
    Card, Clock, Detail, Event, GoalMethod, Match, MatchInfo, Player, Point, Quote, Rgb,
    ShotOutcome, Side, Team,
};

/// A small xorshift generator: reproducible files without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f32 {
        (self.below(10_000) as f32) / 10_000.0
    }
    fn point(&mut self) -> Point {
        Point {
            x: (self.unit() * 1000.0).round() / 10.0,
            y: (self.unit() * 1000.0).round() / 10.0,
        }
    }
}

const ACTIONS: [&str; 8] = [
    "Pass",
    "Ball Receipt",
    "Carry",
    "Pressure",
    "Duel",
    "Clearance",
    "Interception",
    "Dribble",
];

fn team(name: &str, code: &str, color: Rgb, rng: &mut Rng) -> Team {
    let players = (1..=16)
        .map(|n| Player {
            number: n,
            name: format!("{name} Player {n}"),
            position: None,
            starter: n <= 11,
        })
        .collect();
    let _ = rng.next();
    Team {
        name: name.to_owned(),
        code: Some(code.to_owned()),
        color: Some(color),
        manager: Some(format!("{name} Manager")),
        players,
    }
}

/// A match of about `n` events (a few reviews may be dropped so that each
/// follows the goal it overturns).
pub fn synthesize(n: usize, seed: u64) -> Match {
    let mut rng = Rng(seed.max(1));
    let home = team("Northby", "NOR", Rgb(200, 30, 40), &mut rng);
    let away = team("Southwick", "SOU", Rgb(40, 90, 220), &mut rng);
    let mut game = Match::new(MatchInfo::between(home, away));
    game.info.competition = Some("Synthetic League".into());
    let total_seconds = 96 * 60;
    let mut goals = 0usize;
    for i in 0..n {
        let elapsed = (i as u64 * total_seconds) / n.max(1) as u64;
        let (minute, second) = ((elapsed / 60) as u16 + 1, (elapsed % 60) as u8);
        let clock = if minute > 90 {
            Clock {
                minute: 90,
                added: minute - 90,
                second: Some(second),
            }
        } else {
            Clock {
                minute,
                added: 0,
                second: Some(second),
            }
        };
        let side = if rng.below(2) == 0 {
            Side::Home
        } else {
            Side::Away
        };
        let player = format!(
            "{} Player {}",
            if side == Side::Home {
                "Northby"
            } else {
                "Southwick"
            },
            1 + rng.below(11)
        );
        let roll = rng.below(10_000);
        let detail = match roll {
            0..=19 => {
                goals += 1;
                Detail::Goal {
                    method: GoalMethod::OpenPlay,
                    assist: None,
                    xg: Some(rng.unit() * 0.6),
                }
            }
            20..=299 => Detail::Chance {
                outcome: Some(ShotOutcome::Saved),
                xg: Some(rng.unit() * 0.3),
            },
            300..=339 => Detail::Card {
                card: Card::Yellow,
                reason: Some("Foul".into()),
            },
            340..=359 => Detail::Substitution {
                player_in: Some(player.clone().into()),
                player_out: Some("Someone Else".into()),
            },
            360..=364 if goals > 0 => Detail::Var {
                decision: Some("Goal ruled out for offside".into()),
                overturns: Some(format!("g{}", goals - 1).into()),
            },
            365..=399 => Detail::Note { unknown_kind: None },
            _ => Detail::Play {
                action: Some(ACTIONS[rng.below(8) as usize].into()),
                end_location: Some(rng.point()),
            },
        };
        let mut event = Event::new(clock, detail);
        if let Detail::Goal { .. } = event.detail {
            event.id = Some(format!("g{}", goals - 1).into());
        }
        let is_play = matches!(
            event.detail,
            Detail::Play { .. } | Detail::Var { .. } | Detail::Note { .. }
        );
        if !matches!(event.detail, Detail::Var { .. } | Detail::Note { .. }) {
            event.team = Some(side);
            event.player = Some(player.into());
        }
        event.location = Some(rng.point());
        if !is_play || matches!(event.detail, Detail::Note { .. }) {
            event.text = Some(
                format!("Moment {i}: something worth a line of commentary happens here.").into(),
            );
        }
        if rng.below(2_000) == 0 {
            event.quotes.push(Quote {
                speaker: "A. Pundit".into(),
                role: Some("Summariser".into()),
                text: "You won't see a better move than that all season.".into(),
                source: None,
            });
        }
        game.events.push(event);
    }
    // Reviews name goals by id; a review that lands before its goal in the
    // final order would be refused by the loader, so drop any such one.
    let mut seen = std::collections::HashSet::new();
    game.events.retain(|e| {
        if let Some(id) = &e.id {
            seen.insert(id.clone());
        }
        match &e.detail {
            Detail::Var {
                overturns: Some(t), ..
            } => seen.contains(t),
            _ => true,
        }
    });
    game
}
