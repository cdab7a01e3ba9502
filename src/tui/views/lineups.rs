//! The line-ups view: each side's starting eleven with shirt numbers and
//! positions, then the substitutes, marked with what has happened to them
//! up to the cursor: who came on when and for whom, who went off, cards,
//! players sent off. A file without a team sheet gets one built from the
//! names seen in its events so far, and the view says so.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{fit, framed, put};
use crate::model::{Card, Detail, Side};
use crate::replay::{Replay, State};
use crate::text;
use crate::tui::theme::Theme;

/// The line-ups after `step` events.
#[derive(Clone, Copy, Debug)]
pub struct LineupsWidget<'a> {
    replay: &'a Replay,
    step: usize,
    theme: &'a Theme,
}

impl<'a> LineupsWidget<'a> {
    /// The line-ups after `step` events.
    pub fn new(replay: &'a Replay, step: usize, theme: &'a Theme) -> Self {
        Self {
            replay,
            step: step.min(replay.steps()),
            theme,
        }
    }
}

/// One player on a side's sheet, with what has happened to them so far.
#[derive(Clone, Debug, Default, PartialEq)]
struct Entry<'a> {
    number: Option<u32>,
    position: Option<&'a str>,
    name: &'a str,
    starter: bool,
    /// Came on: the minute and who went off.
    on: Option<(String, Option<&'a str>)>,
    /// Went off: the minute.
    off: Option<String>,
    cards: Vec<Card>,
    sent_off: bool,
}

/// A side's sheet.
#[derive(Clone, Debug, Default, PartialEq)]
struct Sheet<'a> {
    starters: Vec<Entry<'a>>,
    substitutes: Vec<Entry<'a>>,
    /// Built from the events because the file has no team sheet.
    from_events: bool,
}

impl<'a> Sheet<'a> {
    fn entries(&self) -> impl Iterator<Item = &Entry<'a>> {
        self.starters.iter().chain(&self.substitutes)
    }

    /// Where `name` is in [`Sheet::entries`]: the same name (ignoring
    /// case), else the one player with that surname, so "H. Kane" in an
    /// event still finds "Harry Kane" on the sheet.
    fn position(&self, name: &str) -> Option<usize> {
        let lower = name.to_lowercase();
        let exact = self
            .entries()
            .position(|e| e.name == name || e.name.to_lowercase() == lower);
        exact.or_else(|| {
            let surname = text::surname(name).to_lowercase();
            let mut matches = self
                .entries()
                .enumerate()
                .filter(|(_, e)| text::surname(e.name).to_lowercase() == surname)
                .map(|(i, _)| i);
            match (matches.next(), matches.next()) {
                (Some(i), None) => Some(i),
                _ => None,
            }
        })
    }

    /// The entry at an index of [`Sheet::entries`].
    fn at_mut(&mut self, i: usize) -> &mut Entry<'a> {
        match i.checked_sub(self.starters.len()) {
            None => &mut self.starters[i],
            Some(j) => &mut self.substitutes[j],
        }
    }

    fn find(&mut self, name: &str) -> Option<&mut Entry<'a>> {
        let i = self.position(name)?;
        Some(self.at_mut(i))
    }

    /// The entry for `name`, added to the substitutes when missing.
    fn find_or_add(&mut self, name: &'a str) -> &mut Entry<'a> {
        let i = self.position(name).unwrap_or_else(|| {
            self.substitutes.push(Entry {
                name,
                ..Entry::default()
            });
            self.starters.len() + self.substitutes.len() - 1
        });
        self.at_mut(i)
    }
}

/// Builds a side's sheet as it stands after the state's step.
fn sheet<'a>(state: &State<'a>, side: Side) -> Sheet<'a> {
    let replay = state.replay();
    let team = replay.game().info.team(side);
    let mut sheet = Sheet::default();
    if team.players.is_empty() {
        sheet.from_events = true;
        for event in state.events().iter().filter(|e| e.team == Some(side)) {
            let names = match &event.detail {
                // Who came on is added below, as a substitute.
                Detail::Substitution { player_out, .. } => [player_out.as_deref(), None],
                _ => [event.player.as_deref(), None],
            };
            for name in names.into_iter().flatten() {
                if sheet.position(name).is_none() {
                    sheet.starters.push(Entry {
                        name,
                        starter: true,
                        ..Entry::default()
                    });
                }
            }
        }
    } else {
        for player in &team.players {
            let entry = Entry {
                number: Some(player.number),
                position: player.position.as_deref(),
                name: &player.name,
                starter: player.starter,
                ..Entry::default()
            };
            if player.starter {
                sheet.starters.push(entry);
            } else {
                sheet.substitutes.push(entry);
            }
        }
    }

    for sub in state.substitutions() {
        if sub.event.team.is_some_and(|t| t != side) {
            continue;
        }
        let minute = sub
            .event
            .clock
            .map(|c| c.display().to_string())
            .unwrap_or_default();
        let known_here = |sheet: &Sheet<'_>, name: Option<&str>| {
            name.is_some_and(|n| sheet.position(n).is_some())
        };
        // A substitution without a side belongs to the sheet that knows
        // one of its players.
        if sub.event.team.is_none()
            && !known_here(&sheet, sub.player_in)
            && !known_here(&sheet, sub.player_out)
        {
            continue;
        }
        if let Some(name) = sub.player_out
            && let Some(entry) = sheet.find(name)
        {
            entry.off = Some(minute.clone());
        }
        if let Some(name) = sub.player_in {
            sheet.find_or_add(name).on = Some((minute, sub.player_out));
        }
    }
    for card in state.cards().into_iter().filter(|c| c.side == Some(side)) {
        sheet.find_or_add(card.player).cards.push(card.card);
    }
    for name in state.sent_off(side) {
        sheet.find_or_add(name).sent_off = true;
    }
    sheet
}

/// A short position code for the column: "GK", "CB"; long names such as
/// "Left Center Back" become their initials.
fn position_code(position: &str) -> String {
    let words: Vec<&str> = position.split_whitespace().collect();
    match words.as_slice() {
        [] => String::new(),
        [one] if text::width(one) <= 4 => (*one).to_owned(),
        [one] => match one.to_ascii_lowercase().as_str() {
            "goalkeeper" => "GK".to_owned(),
            "striker" => "ST".to_owned(),
            _ => text::truncate(one, 4).into_owned(),
        },
        many => many
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .take(4)
            .collect(),
    }
}

impl LineupsWidget<'_> {
    /// One player's line, cut to `width` with the name giving way first
    /// so the marks stay readable.
    fn entry_line(&self, entry: &Entry<'_>, position_width: usize, width: usize) -> Line<'static> {
        let theme = self.theme;
        let mut prefix = vec![Span::styled(
            entry
                .number
                .map_or_else(|| "  ".to_owned(), |n| format!("{n:>2}")),
            theme.dim(),
        )];
        if position_width > 0 {
            // A substitute's position on the sheet is where they played
            // once on: showing it before they come on would give away that
            // they will.
            let played = entry.starter || entry.on.is_some();
            let code = entry
                .position
                .filter(|_| played)
                .map(position_code)
                .unwrap_or_default();
            prefix.push(Span::styled(
                format!(" {code:<position_width$}"),
                theme.dim(),
            ));
        }
        prefix.push(Span::raw(" "));

        let mut marks: Vec<Span<'static>> = Vec::new();
        for &card in &entry.cards {
            marks.push(Span::raw(" "));
            marks.push(Span::styled("▮", theme.card(card)));
        }
        if let Some((minute, replaced)) = &entry.on {
            marks.push(Span::styled(format!(" ↑ {minute}"), theme.goal()));
            if let Some(name) = replaced {
                marks.push(Span::styled(
                    format!(" for {}", text::surname(name)),
                    theme.dim(),
                ));
            }
        }
        if let Some(minute) = &entry.off {
            marks.push(Span::styled(format!(" ↓ {minute}"), theme.error()));
        }
        if entry.sent_off {
            marks.push(Span::styled(" sent off", theme.error()));
        }

        let used: usize = prefix.iter().chain(&marks).map(Span::width).sum();
        let name_room = width.saturating_sub(used).max(4);
        let name = text::truncate(entry.name, name_room).into_owned();
        let gone = entry.off.is_some() || entry.sent_off;
        let unused = !entry.starter && entry.on.is_none();
        let name_style = if entry.sent_off {
            theme.text().add_modifier(Modifier::CROSSED_OUT)
        } else if gone || unused {
            theme.dim()
        } else {
            theme.text()
        };
        let mut spans = prefix;
        spans.push(Span::styled(name, name_style));
        spans.extend(marks);
        fit(Line::from(spans), width)
    }

    /// A side's column as lines of at most `width` columns.
    fn column(&self, state: &State<'_>, side: Side, width: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
        let team = self.replay.game().info.team(side);
        let sheet = sheet(state, side);
        let position_width = sheet
            .entries()
            .filter_map(|e| e.position)
            .map(|p| text::width(&position_code(p)))
            .max()
            .unwrap_or(0);
        let mut lines = vec![Line::from(vec![
            Span::styled(team.short_code(), theme.team(side)),
            Span::raw(" "),
            Span::styled(team.name.clone(), theme.team(side)),
        ])];
        let heading =
            |text: &str| Line::styled(text.to_owned(), theme.dim().add_modifier(Modifier::BOLD));
        if sheet.from_events {
            lines.push(Line::styled("No team sheet in this file:", theme.dim()));
            lines.push(Line::styled(
                "players as seen in the events so far",
                theme.dim(),
            ));
            if sheet.starters.is_empty() {
                lines.push(Line::styled("(none yet)", theme.dim()));
            }
        } else {
            lines.push(heading("Starting XI"));
        }
        for entry in &sheet.starters {
            lines.push(self.entry_line(entry, position_width, width));
        }
        if !sheet.substitutes.is_empty() {
            lines.push(heading("Substitutes"));
            for entry in &sheet.substitutes {
                lines.push(self.entry_line(entry, position_width, width));
            }
        }
        if let Some(manager) = &team.manager {
            lines.push(Line::from(vec![
                Span::styled("Manager ", theme.dim()),
                Span::styled(manager.clone(), theme.text()),
            ]));
        }
        lines.into_iter().map(|l| fit(l, width)).collect()
    }

    /// Draws `lines` into `area`, the last row saying how many did not fit.
    fn draw_lines(&self, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
        let rows = usize::from(area.height);
        let width = usize::from(area.width);
        let cut = lines.len() > rows;
        let shown = if cut {
            rows.saturating_sub(1)
        } else {
            lines.len()
        };
        let hidden = lines.len() - shown;
        for (i, line) in lines.into_iter().take(shown).enumerate() {
            put(buf, area, area.x, area.y + i as u16, &line);
        }
        if cut && rows > 0 {
            let more = Line::styled(format!("… {hidden} more"), self.theme.dim());
            put(buf, area, area.x, area.y + shown as u16, &fit(more, width));
        }
    }
}

impl Widget for LineupsWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl Widget for &LineupsWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = framed("Line-ups", self.theme, area, buf);
        if inner.is_empty() {
            return;
        }
        let state = self.replay.at(self.step);
        if inner.width >= 40 {
            // Side by side, a rule between them.
            let half = (inner.width - 3) / 2;
            let left = Rect {
                x: inner.x + 1,
                width: half - 1,
                ..inner
            };
            let right = Rect {
                x: inner.x + half + 3,
                width: inner.width - half - 3,
                ..inner
            };
            for y in inner.top()..inner.bottom() {
                put(
                    buf,
                    inner,
                    inner.x + half + 1,
                    y,
                    &Line::styled("│", self.theme.border()),
                );
            }
            self.draw_lines(
                self.column(&state, Side::Home, usize::from(left.width)),
                left,
                buf,
            );
            self.draw_lines(
                self.column(&state, Side::Away, usize::from(right.width)),
                right,
                buf,
            );
        } else {
            let width = usize::from(inner.width);
            let mut lines = self.column(&state, Side::Home, width);
            lines.push(Line::default());
            lines.extend(self.column(&state, Side::Away, width));
            self.draw_lines(lines, inner, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Clock, Event, Match, MatchInfo, Team};
    use crate::tui::views::test_support::{bundled, render, theme};

    fn names<'a>(entries: &[Entry<'a>]) -> Vec<&'a str> {
        entries.iter().map(|e| e.name).collect()
    }

    #[test]
    fn the_bundled_sheet_marks_substitutions_cards_only_up_to_the_cursor() {
        let replay = bundled();
        let before = sheet(
            &replay.at(replay.step_at_clock(Clock::minute(78))),
            Side::Home,
        );
        assert_eq!(before.starters.len(), 11);
        assert!(before.entries().all(|e| e.on.is_none() && e.off.is_none()));
        assert!(before.entries().all(|e| e.cards.is_empty()));

        let end = sheet(&replay.at(replay.steps()), Side::Home);
        let henderson = end
            .starters
            .iter()
            .find(|e| e.name == "Jordan Henderson")
            .unwrap();
        assert_eq!(henderson.off.as_deref(), Some("79'"));
        let mount = end
            .substitutes
            .iter()
            .find(|e| e.name == "Mason Mount")
            .unwrap();
        assert_eq!(mount.on, Some(("79'".to_owned(), Some("Jordan Henderson"))));
        let maguire = end
            .starters
            .iter()
            .find(|e| e.name == "Harry Maguire")
            .unwrap();
        assert_eq!(maguire.cards, [Card::Yellow]);
        assert_eq!(
            end.starters.len(),
            11,
            "no one was added: {:?}",
            names(&end.substitutes)
        );

        let france = sheet(&replay.at(replay.steps()), Side::Away);
        let booked: usize = france.entries().map(|e| e.cards.len()).sum();
        assert_eq!(booked, 3);
        assert!(france.entries().all(|e| !e.sent_off));
    }

    #[test]
    fn the_bundled_screen_reads_like_a_team_sheet() {
        let replay = bundled();
        let theme = theme(&replay);
        let screen = render(LineupsWidget::new(&replay, replay.steps(), &theme), 120, 40);
        for expected in [
            "ENG England",
            "FRA France",
            "Starting XI",
            "Substitutes",
            " 1 GK Jordan Pickford",
            "19 CM Mason Mount ↑ 79' for Henderson",
            "Jordan Henderson ↓ 79'",
            "Harry Maguire ▮",
            "Manager Gareth Southgate",
        ] {
            assert!(screen.contains(expected), "{expected:?} missing:\n{screen}");
        }
        // Before they come on, substitutes show no position: it would tell
        // that they are going to play.
        let before = replay.step_at_clock(Clock::minute(60));
        let screen = render(LineupsWidget::new(&replay, before, &theme), 120, 40);
        assert!(screen.contains("19    Mason Mount  "), "{screen}");
        assert!(!screen.contains("↑"), "{screen}");
    }

    fn event(minute: u16, side: Side, player: &str, detail: Detail) -> Event {
        let mut e = Event::new(Clock::minute(minute), detail);
        e.team = Some(side);
        e.player = Some(player.into());
        e
    }

    #[test]
    fn without_a_team_sheet_the_events_give_the_names_and_the_view_says_so() {
        let mut game = Match::new(MatchInfo::between(
            Team::named("Alpha"),
            Team::named("Beta"),
        ));
        let note = Detail::Note { unknown_kind: None };
        let card = |card| Detail::Card { card, reason: None };
        game.events = vec![
            event(3, Side::Home, "Ann Able", note.clone()),
            event(5, Side::Away, "Bea Bold", note.clone()),
            event(9, Side::Home, "Cat Cole", card(Card::Yellow)),
            event(20, Side::Home, "Cat Cole", card(Card::Yellow)),
            Event {
                team: Some(Side::Home),
                ..Event::new(
                    Clock::minute(60),
                    Detail::Substitution {
                        player_in: Some("Dot Dunn".into()),
                        player_out: Some("Ann Able".into()),
                    },
                )
            },
        ];
        let replay = Replay::new(game);
        let early = sheet(&replay.at(2), Side::Home);
        assert!(early.from_events);
        assert_eq!(names(&early.starters), ["Ann Able"]);
        let end = sheet(&replay.at(replay.steps()), Side::Home);
        assert_eq!(names(&end.starters), ["Ann Able", "Cat Cole"]);
        assert_eq!(names(&end.substitutes), ["Dot Dunn"]);
        assert!(end.starters[1].sent_off);
        assert_eq!(end.starters[1].cards, [Card::Yellow, Card::Yellow]);
        assert_eq!(end.starters[0].off.as_deref(), Some("60'"));
        let theme = theme(&replay);
        let screen = render(LineupsWidget::new(&replay, replay.steps(), &theme), 100, 20);
        assert!(screen.contains("No team sheet in this file"), "{screen}");
        assert!(screen.contains("Cat Cole ▮ ▮ sent off"), "{screen}");
        assert!(screen.contains("Dot Dunn ↑ 60' for Able"), "{screen}");
        let start = render(LineupsWidget::new(&replay, 0, &theme), 100, 20);
        assert!(start.contains("(none yet)"), "{start}");
    }

    #[test]
    fn surnames_find_players_written_differently() {
        let mut sheet = Sheet {
            starters: vec![
                Entry {
                    name: "Harry Kane",
                    ..Entry::default()
                },
                Entry {
                    name: "Kyle Walker",
                    ..Entry::default()
                },
            ],
            ..Sheet::default()
        };
        assert_eq!(sheet.find("H. Kane").map(|e| e.name), Some("Harry Kane"));
        assert_eq!(sheet.find("harry kane").map(|e| e.name), Some("Harry Kane"));
        assert!(sheet.find("Someone Else").is_none());
        sheet.find_or_add("Someone Else").sent_off = true;
        assert_eq!(names(&sheet.substitutes), ["Someone Else"]);
        assert!(sheet.substitutes[0].sent_off);
    }

    #[test]
    fn long_positions_become_codes() {
        assert_eq!(position_code("GK"), "GK");
        assert_eq!(position_code("Left Center Back"), "LCB");
        assert_eq!(position_code("Goalkeeper"), "GK");
        assert_eq!(position_code("Striker"), "ST");
        assert_eq!(position_code("Center Attacking Midfield"), "CAM");
        assert_eq!(position_code(""), "");
    }
}
