//! The mapping from StatsBomb events to touchline's match model: each
//! record's place in the match, pitch coordinates and the kind of event it
//! becomes. See the parent module for the decisions it makes.

use std::collections::HashMap;

use super::commentary::{self, Scoreline};
use super::item::{Item, prepare};
use super::lineups::Lineups;
use super::raw::{self, Array, Coords, Field, Named};
use super::report::{Tally, check_field_types, note};
use super::sides::Sides;
use crate::import::{Diagnostic, ImportReport, Interner, LoadError};
use crate::model::{
    Card, Detail, Event, FinalResult, GoalMethod, KickOutcome, Match, MatchInfo, Period, Point,
    Possession, Score, ShotOutcome, Side, Text,
};
use crate::text::sanitize_line;

/// What a StatsBomb file becomes.
pub struct Converted {
    /// The match.
    pub game: Match,
    /// What was read, used, merged and skipped.
    pub report: ImportReport,
    /// Problems that did not stop the import, for `validate`.
    pub warnings: Vec<Diagnostic>,
}

/// Converts parsed events (and, when given, lineups) into a match.
pub fn convert(
    name: &str,
    array: &Array<raw::Event<'_>>,
    lineups: Option<&Lineups<'_>>,
) -> Result<Converted, LoadError> {
    let mut tally = Tally::default();
    if let (n, Some(first)) = array.not_objects {
        Tally::add(&mut tally.skipped, "not a JSON object", first, n);
    }

    let mut items = Vec::with_capacity(array.items.len());
    for (pos, raw) in &array.items {
        match prepare(raw, *pos) {
            Ok(item) => items.push(item),
            Err(reason) => tally.skip(reason, *pos),
        }
    }
    // Real files are not always in order; the key matches the order the
    // match-file loader keeps (period, then clock), so a converted file
    // loads in exactly this order.
    items.sort_by_key(|i| (i.period, i.clock, i.timestamp, i.index, i.pos));

    let sides = Sides::find(&items, lineups).ok_or_else(|| {
        LoadError::Refused(Diagnostic {
            file: name.to_owned(),
            position: None,
            message: "no event names a team, expected StatsBomb events (a JSON array of event objects with \"team\")".to_owned(),
        })
    })?;
    let mut warnings = Vec::new();
    if sides.home_tactics.is_none() {
        warnings.push(note(
            name,
            "no \"Starting XI\" event: the home side is the first team named, and no one is known to have started",
        ));
    }
    let names = lineups.map(Lineups::display_names).unwrap_or_default();
    let teams = sides.teams(lineups, &names, &mut warnings, name);
    // Events share one copy of each player's name.
    let names: HashMap<i64, Text> = names
        .into_iter()
        .map(|(id, n)| (id, Text::from(n)))
        .collect();

    let mut builder = Builder {
        items: &items,
        sides: &sides,
        names: &names,
        team_names: [teams.0.name.clone(), teams.1.name.clone()],
        events: Vec::with_capacity(items.len() + items.len() / 50),
        score: Score::default(),
        shootout: None,
        seen_start: [false; 5],
        seen_end: [false; 5],
        last_period: items
            .iter()
            .map(|i| i.period)
            .max()
            .unwrap_or(Period::First),
        partners: partners(&items, &sides),
        key_passes: key_passes(&items, &names),
        actions: Interner::default(),
        loaded: 0,
        tally,
        dropped: Tally::default(),
    };
    for i in 0..items.len() {
        builder.convert(i);
    }
    check_field_types(&items, &mut builder.dropped);

    let Builder {
        events,
        score,
        shootout,
        loaded,
        tally,
        dropped,
        ..
    } = builder;
    warnings.extend(tally.warnings(name, "skipped"));
    warnings.extend(dropped.warnings(name, "ignored part of"));
    let mut info = MatchInfo::between(teams.0, teams.1);
    info.result = Some(FinalResult {
        home: score.home,
        away: score.away,
        shootout,
    });
    info.source = Some(format!(
        "StatsBomb event data ({})",
        sanitize_line(file_name(name))
    ));
    Ok(Converted {
        game: Match {
            format: 1,
            info,
            events,
        },
        report: ImportReport {
            format: "StatsBomb events",
            events_read: array.items.len() + array.not_objects.0,
            events_loaded: loaded,
            merged: tally.merged_list(),
            skipped: tally.skipped_list(),
        },
        warnings,
    })
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// For each event, the index of the event it pairs with at the same
/// moment: an "Own Goal Against" with its "Own Goal For", a penalty foul
/// with the foul won, a penalty with the goalkeeper who faced it.
fn partners(items: &[Item<'_, '_>], sides: &Sides<'_, '_>) -> HashMap<usize, usize> {
    let mut pairs = HashMap::new();
    let mut taken = vec![false; items.len()];
    for (i, item) in items.iter().enumerate() {
        let wanted = match item.kind {
            "Own Goal Against" => "Own Goal For",
            "Foul Committed" if item.raw.foul_committed.get().is_some_and(is_penalty_foul) => {
                "Foul Won"
            }
            "Shot" if is_penalty_shot(item) => "Goal Keeper",
            _ => continue,
        };
        let side = sides.side(&item.raw.team);
        let fits = |j: usize| {
            let other = &items[j];
            !taken[j]
                && other.kind == wanted
                && (wanted != "Foul Won"
                    || other
                        .raw
                        .foul_won
                        .get()
                        .is_some_and(|f| f.penalty.copied() == Some(true)))
                && (side.is_none() || sides.side(&other.raw.team) != side)
        };
        // Events at one moment are next to each other once sorted.
        let before = (0..i).rev().take_while(|&j| items[j].same_moment(item));
        let after = (i + 1..items.len()).take_while(|&j| items[j].same_moment(item));
        if let Some(j) = after.chain(before).find(|&j| fits(j)) {
            taken[j] = true;
            pairs.insert(i, j);
            pairs.insert(j, i);
        }
    }
    pairs
}

fn is_penalty_foul(foul: &raw::Foul<'_>) -> bool {
    foul.penalty.copied() == Some(true)
}

fn is_penalty_shot(item: &Item<'_, '_>) -> bool {
    item.period != Period::Shootout
        && item
            .raw
            .shot
            .get()
            .is_some_and(|s| s.kind.get().and_then(Named::name) == Some("Penalty"))
}

/// The passer of each key pass that led to a goal, by the pass's id.
fn key_passes<'r>(items: &[Item<'r, '_>], names: &HashMap<i64, Text>) -> HashMap<&'r str, Text> {
    let wanted: Vec<&str> = items
        .iter()
        .filter(|i| i.kind == "Shot" && i.period != Period::Shootout)
        .filter_map(|i| i.raw.shot.get())
        .filter(|s| s.outcome.get().and_then(Named::name) == Some("Goal"))
        .filter_map(|s| s.key_pass_id.str())
        .collect();
    let mut found = HashMap::new();
    if wanted.is_empty() {
        return found;
    }
    for item in items {
        let Some(id) = item.raw.id.str() else {
            continue;
        };
        if wanted.contains(&id)
            && let Some(player) = player_name(&item.raw.player, names)
        {
            found.insert(id, player);
        }
    }
    found
}

fn player_name(player: &Field<Named<'_>>, names: &HashMap<i64, Text>) -> Option<Text> {
    let player = player.get()?;
    if let Some(name) = player.id.copied().and_then(|id| names.get(&id)) {
        return Some(name.clone());
    }
    player.name().map(|n| Text::from(&*sanitize_line(n)))
}

/// The side in possession during a record and how long the record lasted,
/// when it has both and lies outside a shoot-out (whose kicks are no
/// possession of the ball). A record of no duration adds nothing, so it
/// carries none.
fn possession(item: &Item<'_, '_>, sides: &Sides<'_, '_>) -> Option<Possession> {
    if item.period == Period::Shootout {
        return None;
    }
    let seconds = item
        .raw
        .duration
        .copied()
        .filter(|d| *d > 0.0 && *d <= 3600.0)?;
    Some(Possession {
        team: sides.side(&item.raw.possession_team)?,
        seconds: seconds as f32,
    })
}

/// Where on touchline's pitch: x from the home goal line (0) to the away
/// one (100), y from the top touchline (0) to the bottom one (100).
/// StatsBomb draws every event in the acting team's direction (attacking
/// towards x = 120 on a 120 x 80 pitch), so an away event is turned round.
fn point(side: Side, at: Coords) -> Point {
    let (x, y) = match side {
        Side::Home => (at.x, at.y),
        Side::Away => (120.0 - at.x, 80.0 - at.y),
    };
    // Two decimals are finer than StatsBomb's own 0.1 of 120 and keep the
    // written match file short.
    let scale =
        |v: f64, size: f64| ((v * 100.0 / size * 100.0).round() / 100.0).clamp(0.0, 100.0) as f32;
    Point {
        x: scale(x, 120.0),
        y: scale(y, 80.0),
    }
}

struct Builder<'b, 'r, 'a> {
    items: &'b [Item<'r, 'a>],
    sides: &'b Sides<'r, 'a>,
    names: &'b HashMap<i64, Text>,
    team_names: [String; 2],
    events: Vec<Event>,
    score: Score,
    shootout: Option<Score>,
    seen_start: [bool; 5],
    seen_end: [bool; 5],
    last_period: Period,
    partners: HashMap<usize, usize>,
    key_passes: HashMap<&'r str, Text>,
    /// One copy of each action name ("Pass" comes thousands of times).
    actions: Interner,
    loaded: usize,
    tally: Tally,
    dropped: Tally,
}

/// What became of one raw event.
enum Outcome {
    Loaded,
    Merged(&'static str),
    Skipped(&'static str),
}

impl<'r> Builder<'_, 'r, '_> {
    fn convert(&mut self, i: usize) {
        let first = self.events.len();
        let outcome = self.event(i);
        let item = &self.items[i];
        // The time goes to the first event a record gives, so a record that
        // gives two (a carded foul) counts once.
        if let Some(event) = self.events.get_mut(first) {
            event.possession = possession(item, self.sides);
        }
        match outcome {
            Outcome::Loaded => self.loaded += 1,
            Outcome::Merged(reason) => self.tally.merge(reason, item.pos),
            Outcome::Skipped(reason) => self.tally.skip(reason, item.pos),
        }
    }

    fn team_name(&self, side: Side) -> &str {
        &self.team_names[side.index()]
    }

    fn scoreline(&self) -> Scoreline<'_> {
        Scoreline {
            teams: [&self.team_names[0], &self.team_names[1]],
            score: self.score,
        }
    }

    fn push(&mut self, item: &Item<'_, '_>, detail: Detail) -> &mut Event {
        self.events.push(Event {
            id: None,
            period: item.period,
            clock: item.clock,
            team: None,
            player: None,
            text: None,
            quotes: Vec::new(),
            location: None,
            possession: None,
            detail,
        });
        let last = self.events.len() - 1;
        &mut self.events[last]
    }

    fn event(&mut self, i: usize) -> Outcome {
        let item = &self.items[i];
        let raw = item.raw;
        let side = self.sides.side(&raw.team);
        match item.kind {
            "Starting XI" => Outcome::Merged("Starting XI (read into the team sheets)"),
            "Half Start" | "Half End" => self.period_marker(item),
            "Shot" => self.shot(i, side),
            "Own Goal Against" => self.own_goal(i, side),
            "Own Goal For" => match self.partners.get(&i) {
                Some(_) => Outcome::Merged("Own Goal For (counted with its Own Goal Against)"),
                None => Outcome::Skipped("Own Goal For without a matching Own Goal Against"),
            },
            "Substitution" => self.substitution(item, side),
            "Foul Committed" => self.foul(i, side),
            "Foul Won" => {
                self.play(item, side);
                let penalty = raw
                    .foul_won
                    .get()
                    .is_some_and(|f| f.penalty.copied() == Some(true));
                if penalty && !self.partners.contains_key(&i) {
                    // A penalty recorded only from the fouled side.
                    if let Some(side) = side {
                        let fouled = player_name(&raw.player, self.names);
                        self.penalty_awarded(item, side, None, fouled);
                    }
                }
                Outcome::Loaded
            }
            "Bad Behaviour" => {
                match raw.bad_behaviour.get().and_then(|b| card_of(&b.card)) {
                    Some(card) if self.card(item, side, card, Some("Bad behaviour")) => {}
                    _ => self.play(item, side),
                }
                Outcome::Loaded
            }
            _ => {
                self.play(item, side);
                Outcome::Loaded
            }
        }
    }

    /// Both teams record each period's start and end; one of each is kept.
    fn period_marker(&mut self, item: &Item<'_, '_>) -> Outcome {
        let p = item.period as usize;
        let start = item.kind == "Half Start";
        let seen = if start {
            &mut self.seen_start[p]
        } else {
            &mut self.seen_end[p]
        };
        if std::mem::replace(seen, true) {
            return Outcome::Merged(if start {
                "Half Start of the other team (one per period is kept)"
            } else {
                "Half End of the other team (one per period is kept)"
            });
        }
        let text = if start {
            commentary::period_start(item.period)
        } else {
            let last = item.period >= self.last_period;
            commentary::period_end(item.period, last, &self.scoreline(), self.shootout)
        };
        let event = self.push(
            item,
            if start {
                Detail::PeriodStart
            } else {
                Detail::PeriodEnd
            },
        );
        event.text = Some(text.into());
        Outcome::Loaded
    }

    fn play(&mut self, item: &Item<'_, '_>, side: Option<Side>) {
        let raw = item.raw;
        let end = raw
            .pass
            .get()
            .and_then(|p| p.end_location.copied())
            .or_else(|| raw.carry.get().and_then(|c| c.end_location.copied()))
            .or_else(|| raw.shot.get().and_then(|s| s.end_location.copied()));
        let player = player_name(&raw.player, self.names);
        let action = match raw.pass.get() {
            Some(pass) => pass_action(pass),
            // "Ball Receipt*" and the like: the star is StatsBomb's mark of
            // an event it derives, not part of the name.
            None => sanitize_line(item.kind.trim_end_matches('*')).into_owned(),
        };
        let action = self.actions.name(&action);
        let event = self.push(
            item,
            Detail::Play {
                action: Some(action),
                end_location: side.zip(end).map(|(s, at)| point(s, at)),
            },
        );
        event.team = side;
        event.player = player;
        event.location = side.zip(raw.location.copied()).map(|(s, at)| point(s, at));
    }

    fn shot(&mut self, i: usize, side: Option<Side>) -> Outcome {
        let item = &self.items[i];
        let raw = item.raw;
        let Some(side) = side else {
            return Outcome::Skipped("Shot without a team of the match");
        };
        let shot = raw.shot.get();
        let outcome = shot.and_then(|s| s.outcome.get()).and_then(Named::name);
        // xG is a probability; anything else is a broken value.
        let xg = shot
            .and_then(|s| s.xg.copied())
            .filter(|x| (0.0..=1.0).contains(x))
            .map(|x| x as f32);
        let player = player_name(&raw.player, self.names);
        let location = raw.location.copied().map(|at| point(side, at));
        let team = self.team_name(side).to_owned();

        let (detail, text) = if item.period == Period::Shootout {
            let Some(player) = player.as_deref() else {
                return Outcome::Skipped("shoot-out kick without a player");
            };
            let kick = match outcome {
                Some("Goal") => KickOutcome::Scored,
                Some("Saved" | "Saved To Post" | "Saved Off Target" | "Blocked") => {
                    KickOutcome::Saved
                }
                Some("Off T" | "Wayward" | "Post") => KickOutcome::Missed,
                _ => return Outcome::Skipped("shoot-out kick without a known outcome"),
            };
            let tally = self.shootout.get_or_insert_with(Score::default);
            if kick == KickOutcome::Scored {
                match side {
                    Side::Home => tally.home += 1,
                    Side::Away => tally.away += 1,
                }
            }
            let text = commentary::shootout_kick(player, &team, kick, *tally);
            (Detail::ShootoutKick { outcome: kick }, text)
        } else if outcome == Some("Goal") {
            let Some(player) = player.as_deref() else {
                return Outcome::Skipped("goal without a player");
            };
            let kind = shot.and_then(|s| s.kind.get()).and_then(Named::name);
            let body = shot.and_then(|s| s.body_part.get()).and_then(Named::name);
            let method = match (kind, body) {
                (Some("Penalty"), _) => GoalMethod::Penalty,
                (Some("Free Kick"), _) => GoalMethod::FreeKick,
                (_, Some("Head")) => GoalMethod::Header,
                _ => GoalMethod::OpenPlay,
            };
            let assist = shot
                .and_then(|s| s.key_pass_id.str())
                .and_then(|id| self.key_passes.get(id))
                .filter(|a| ***a != *player)
                .cloned();
            match side {
                Side::Home => self.score.home += 1,
                Side::Away => self.score.away += 1,
            }
            let text = commentary::goal(
                player,
                &team,
                method,
                body.map(|b| sanitize_line(b)).as_deref(),
                assist.as_deref(),
                &self.scoreline(),
            );
            (Detail::Goal { method, assist, xg }, text)
        } else if is_penalty_shot(item) {
            let Some(player) = player.as_deref() else {
                return Outcome::Skipped("missed penalty without a player");
            };
            let outcome = match outcome {
                // A penalty has no outfield blocker: a block is a save.
                Some("Saved" | "Saved To Post" | "Blocked") => Some(ShotOutcome::Saved),
                // StatsBomb's save of a shot that was going wide: not on
                // target, so not a save in the statistics.
                Some("Off T" | "Wayward" | "Saved Off Target") => Some(ShotOutcome::OffTarget),
                Some("Post") => Some(ShotOutcome::Woodwork),
                _ => None,
            };
            let keeper = self
                .partners
                .get(&i)
                .and_then(|&j| player_name(&self.items[j].raw.player, self.names));
            let text = commentary::penalty_miss(player, &team, outcome, keeper.as_deref());
            (
                Detail::PenaltyMiss {
                    outcome,
                    keeper,
                    xg,
                },
                text,
            )
        } else {
            let outcome = match outcome {
                Some("Saved" | "Saved To Post") => Some(ShotOutcome::Saved),
                Some("Off T" | "Wayward" | "Saved Off Target") => Some(ShotOutcome::OffTarget),
                Some("Post") => Some(ShotOutcome::Woodwork),
                Some("Blocked") => Some(ShotOutcome::Blocked),
                _ => None,
            };
            let text = commentary::chance(player.as_deref(), &team, outcome, xg);
            (Detail::Chance { outcome, xg }, text)
        };
        let event = self.push(item, detail);
        event.team = Some(side);
        event.player = player;
        event.location = location;
        event.text = Some(text.into());
        Outcome::Loaded
    }

    /// The "Own Goal Against" names the defender; the goal counts for the
    /// side of its "Own Goal For" (or, alone, for the defender's opponents).
    fn own_goal(&mut self, i: usize, side: Option<Side>) -> Outcome {
        let item = &self.items[i];
        let raw = item.raw;
        let partner_side = self
            .partners
            .get(&i)
            .and_then(|&j| self.sides.side(&self.items[j].raw.team));
        let Some(credited) = partner_side.or(side.map(Side::opponent)) else {
            return Outcome::Skipped("Own Goal Against without a team of the match");
        };
        let Some(player) = player_name(&raw.player, self.names) else {
            return Outcome::Skipped("Own Goal Against without a player");
        };
        match credited {
            Side::Home => self.score.home += 1,
            Side::Away => self.score.away += 1,
        }
        let defender_side = side.unwrap_or(credited.opponent());
        let text = commentary::own_goal(
            &player,
            Some(self.team_name(defender_side)),
            &self.scoreline(),
        );
        let event = self.push(
            item,
            Detail::Goal {
                method: GoalMethod::OwnGoal,
                assist: None,
                xg: None,
            },
        );
        event.team = Some(credited);
        event.player = Some(player);
        event.location = raw.location.copied().map(|at| point(defender_side, at));
        event.text = Some(text.into());
        Outcome::Loaded
    }

    fn substitution(&mut self, item: &Item<'_, '_>, side: Option<Side>) -> Outcome {
        let Some(side) = side else {
            return Outcome::Skipped("Substitution without a team of the match");
        };
        let raw = item.raw;
        let player_out = player_name(&raw.player, self.names);
        let player_in = raw
            .substitution
            .get()
            .and_then(|s| player_name(&s.replacement, self.names));
        let text = commentary::substitution(
            self.team_name(side),
            player_in.as_deref(),
            player_out.as_deref(),
        );
        let event = self.push(
            item,
            Detail::Substitution {
                player_in,
                player_out,
            },
        );
        event.team = Some(side);
        event.text = Some(text.into());
        Outcome::Loaded
    }

    /// Every foul stays a play (so fouls can be counted without crowding
    /// the key moments), except one that gave a penalty: the penalty is
    /// that foul, and the statistics count it once. A card adds its own
    /// event.
    fn foul(&mut self, i: usize, side: Option<Side>) -> Outcome {
        let item = &self.items[i];
        let raw = item.raw;
        let foul = raw.foul_committed.get();
        let penalty = foul.is_some_and(is_penalty_foul);
        if !penalty || side.is_none() {
            self.play(item, side);
        }
        if penalty {
            match side {
                Some(side) => {
                    let fouler = player_name(&raw.player, self.names);
                    let fouled = self
                        .partners
                        .get(&i)
                        .and_then(|&j| player_name(&self.items[j].raw.player, self.names));
                    self.penalty_awarded(item, side.opponent(), fouler, fouled);
                }
                None => self
                    .dropped
                    .skip("penalty of a foul without a team of the match", item.pos),
            }
        }
        if let Some(card) = foul.and_then(|f| card_of(&f.card)) {
            let reason = foul
                .and_then(|f| f.kind.get())
                .and_then(Named::name)
                .unwrap_or("Foul");
            self.card(item, side, card, Some(reason));
        }
        Outcome::Loaded
    }

    fn penalty_awarded(
        &mut self,
        item: &Item<'_, '_>,
        to: Side,
        fouler: Option<Text>,
        fouled: Option<Text>,
    ) {
        let text =
            commentary::penalty_awarded(self.team_name(to), fouler.as_deref(), fouled.as_deref());
        // The foul is drawn from the fouling side's view; the fouled side
        // attacks the other way.
        let location = self
            .sides
            .side(&item.raw.team)
            .or(Some(to))
            .zip(item.raw.location.copied())
            .map(|(s, at)| point(s, at));
        let event = self.push(item, Detail::PenaltyAwarded { fouled, fouler });
        event.team = Some(to);
        event.location = location;
        event.text = Some(text.into());
    }

    /// Adds a card; false (and counted) when it cannot name a player of a
    /// side.
    fn card(
        &mut self,
        item: &Item<'_, '_>,
        side: Option<Side>,
        card: Card,
        reason: Option<&str>,
    ) -> bool {
        let player = player_name(&item.raw.player, self.names);
        let (Some(side), Some(player)) = (side, player) else {
            self.dropped
                .skip("card without a player of a team of the match", item.pos);
            return false;
        };
        let text = commentary::card(card, &player, self.team_name(side));
        let location = item.raw.location.copied().map(|at| point(side, at));
        let event = self.push(
            item,
            Detail::Card {
                card,
                reason: reason.map(|r| Text::from(&*sanitize_line(r))),
            },
        );
        event.team = Some(side);
        event.player = Some(player);
        event.location = location;
        event.text = Some(text.into());
        true
    }
}

/// "Yellow Card", "Second Yellow" (which sends off) and "Red Card".
fn card_of(card: &Field<Named<'_>>) -> Option<Card> {
    match card.get()?.name()? {
        "Yellow Card" => Some(Card::Yellow),
        "Second Yellow" => Some(Card::SecondYellow),
        "Red Card" => Some(Card::Red),
        _ => None,
    }
}

/// Names a pass the way the statistics read it (`PlayCount::of_action`):
/// "Pass", "Pass (incomplete)", "Pass (offside)", "Corner", "Corner
/// (incomplete)", so a converted match file keeps the pass figures.
fn pass_action(pass: &raw::Pass<'_>) -> String {
    let corner = pass
        .kind
        .get()
        .and_then(Named::name)
        .is_some_and(|k| k == "Corner");
    let base = if corner { "Corner" } else { "Pass" };
    match pass.outcome.get().and_then(Named::name) {
        None => base.to_owned(),
        Some("Pass Offside") => format!("{base} (offside)"),
        Some(_) => format!("{base} (incomplete)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn away_locations_are_turned_round() {
        let at = Coords { x: 12.0, y: 20.0 };
        assert_eq!(point(Side::Home, at), Point { x: 10.0, y: 25.0 });
        assert_eq!(point(Side::Away, at), Point { x: 90.0, y: 75.0 });
        let off = Coords { x: -5.0, y: 95.0 };
        assert_eq!(point(Side::Home, off), Point { x: 0.0, y: 100.0 });
    }
}
