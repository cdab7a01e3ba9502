//! The report in Markdown (CommonMark, with a GitHub-style table), for a
//! forum post, a chat or a wiki: headings, a scorers table, the cards and
//! changes as lists, and the key moments with their quotes as block
//! quotes.
//!
//! Everything taken from the match file is escaped, so a player called
//! `*[click](x)*` shows as those characters and never as a link.

use std::fmt::Write as _;

use super::{
    attribution, card_name, clock_label, competition_line, facts_line, key_moments, moment_heading,
    phase_line, score_line,
};
use crate::model::{Event, GoalMethod, Side};
use crate::replay::State;

/// The state as a Markdown report (see the module notes).
pub fn markdown(state: &State<'_>) -> String {
    let info = &state.replay().game().info;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&info.title()));
    let about: Vec<String> = [competition_line(info), facts_line(info)]
        .into_iter()
        .flatten()
        .map(|line| inline(&line))
        .collect();
    if !about.is_empty() {
        // Two trailing spaces: a line break within the paragraph.
        let _ = writeln!(out, "{}\n", about.join("  \n"));
    }
    let _ = writeln!(
        out,
        "**{}** · {}",
        inline(&score_line(state)),
        inline(&phase_line(state))
    );

    write_goals(&mut out, state);
    write_cards(&mut out, state);
    write_substitutions(&mut out, state);
    write_key_moments(&mut out, state);

    while out.ends_with("\n\n") {
        out.pop();
    }
    out.push_str("\n---\n\n");
    let mut footer = format!("Moment {} of {}", state.step(), state.replay().steps());
    if let Some(source) = &info.source {
        let _ = write!(footer, " · Source: {source}");
    }
    let _ = writeln!(out, "*{}*", inline(&footer));
    out
}

fn team_name(state: &State<'_>, side: Option<Side>) -> String {
    side.map_or_else(String::new, |side| {
        inline(&state.replay().game().info.team(side).name)
    })
}

fn write_goals(out: &mut String, state: &State<'_>) {
    let _ = writeln!(out, "\n## Goals\n");
    let mut goals: Vec<(Side, _)> = Side::BOTH
        .into_iter()
        .flat_map(|side| state.scorers(side).into_iter().map(move |s| (side, s)))
        .collect();
    if goals.is_empty() {
        let _ = writeln!(out, "None yet.");
        return;
    }
    goals.sort_by_key(|(_, scorer)| scorer.step);
    let _ = writeln!(out, "| Minute | Team | Scorer | How |");
    let _ = writeln!(out, "|---|---|---|---|");
    for (side, scorer) in goals {
        let clock = scorer
            .clock
            .map(|c| c.display().to_string())
            .unwrap_or_default();
        let how = match scorer.method {
            GoalMethod::OpenPlay => "",
            GoalMethod::Header => "header",
            GoalMethod::Penalty => "penalty",
            GoalMethod::FreeKick => "free kick",
            GoalMethod::OwnGoal => "own goal",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {how} |",
            inline(&clock),
            team_name(state, Some(side)),
            inline(scorer.player),
        );
    }
}

fn write_cards(out: &mut String, state: &State<'_>) {
    let cards = state.cards();
    if cards.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Cards\n");
    for card in cards {
        let clock = card
            .event
            .clock
            .map(|c| format!("{} ", c.display()))
            .unwrap_or_default();
        let team = team_name(state, card.side);
        let team = if team.is_empty() {
            team
        } else {
            format!(" ({team})")
        };
        let _ = writeln!(
            out,
            "- {}{}{team}: {}",
            inline(&clock),
            inline(card.player),
            card_name(card.card)
        );
    }
    let sent_off: Vec<String> = Side::BOTH
        .into_iter()
        .flat_map(|side| state.sent_off(side))
        .map(inline)
        .collect();
    if !sent_off.is_empty() {
        let _ = writeln!(out, "\nSent off: {}.", sent_off.join(", "));
    }
}

fn write_substitutions(out: &mut String, state: &State<'_>) {
    let subs = state.substitutions();
    if subs.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Substitutions\n");
    for sub in subs {
        let clock = sub
            .event
            .clock
            .map(|c| format!("{} ", c.display()))
            .unwrap_or_default();
        let on = sub.player_in.unwrap_or("?");
        let change = match sub.player_out {
            Some(off) => format!("{on} on for {off}"),
            None => format!("{on} on"),
        };
        let team = team_name(state, sub.event.team);
        let team = if team.is_empty() {
            team
        } else {
            format!(" ({team})")
        };
        let _ = writeln!(out, "- {}{}{team}", inline(&clock), inline(&change));
    }
}

fn write_key_moments(out: &mut String, state: &State<'_>) {
    let _ = writeln!(out, "\n## Key moments\n");
    let moments = key_moments(state);
    if moments.is_empty() {
        let _ = writeln!(out, "None yet.");
        return;
    }
    for (step, event) in moments {
        write_moment(out, state, step, event);
    }
}

/// One list item: the heading in bold, then the commentary and quotes as
/// paragraphs inside the item (indented two spaces).
fn write_moment(out: &mut String, state: &State<'_>, step: usize, event: &Event) {
    let mut clock = clock_label(event);
    if !clock.is_empty() {
        clock.push(' ');
    }
    let _ = writeln!(
        out,
        "- **{}{}**",
        inline(&clock),
        inline(&moment_heading(state, step, event))
    );
    if let Some(commentary) = &event.text {
        let _ = writeln!(out);
        for line in commentary.lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "  {}", block_line(line));
        }
    }
    for quote in &event.quotes {
        let _ = writeln!(out);
        for line in quote.text.lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "  > {}", block_line(line));
        }
        let _ = writeln!(out, "  >\n  > — {}", inline(&attribution(quote)));
    }
    let _ = writeln!(out);
}

/// Characters that mean something to CommonMark or GitHub's extensions
/// wherever they stand: emphasis, code, links (and so images, `!` being
/// harmless without a `[`), raw HTML and entities, tables, strikethrough,
/// and a heading's closing `#`s.
const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#'];

/// Text escaped for use inside a line: every character with a meaning
/// backslash-escaped (CommonMark allows that for any ASCII punctuation),
/// line breaks turned into spaces.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::sanitize_line(text).chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line that starts a paragraph of its own: [`inline`], and a leading
/// list marker, heading, rule or numbered item made literal too.
fn block_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let escaped = inline(trimmed);
    let starts_block = matches!(trimmed.chars().next(), Some('-' | '+' | '=' | '#' | '>')) || {
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && matches!(trimmed[digits..].chars().next(), Some('.' | ')'))
    };
    if !starts_block {
        return escaped;
    }
    match trimmed.chars().next() {
        // `#` and `>` are escaped by `inline` already.
        Some('#' | '>') => escaped,
        Some('-' | '+' | '=') => format!("\\{escaped}"),
        _ => {
            let digits = escaped.chars().take_while(char::is_ascii_digit).count();
            format!("{}\\{}", &escaped[..digits], &escaped[digits..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import;
    use crate::model::Clock;
    use crate::replay::Replay;

    #[test]
    fn names_cannot_become_markup() {
        assert_eq!(inline("*[x](y)*"), r"\*\[x\](y)\*");
        assert_eq!(inline("<img src=x>"), r"\<img src=x\>");
        assert_eq!(inline("a | b"), r"a \| b");
        assert_eq!(inline("&amp; `c`"), r"\&amp; \`c\`");
        assert_eq!(inline("line\nbreak"), "line␊break");
        assert_eq!(inline("Tchouaméni 17'"), "Tchouaméni 17'");
    }

    #[test]
    fn lines_cannot_start_blocks() {
        assert_eq!(block_line("- not a list"), r"\- not a list");
        assert_eq!(block_line("1. not a list"), r"1\. not a list");
        assert_eq!(block_line("# not a heading"), r"\# not a heading");
        assert_eq!(block_line("> not a quote"), r"\> not a quote");
        assert_eq!(block_line("=== not a rule"), r"\=== not a rule");
        assert_eq!(block_line("1-2 is a score"), "1-2 is a score");
    }

    #[test]
    fn the_report_at_54_stops_at_54() {
        let replay = Replay::new(import::bundled().game);
        let report = markdown(&replay.at(replay.step_at_clock(Clock::minute(54))));
        assert!(report.starts_with("# England v France\n"), "{report}");
        assert!(
            report.contains("**England 1-1 France** · 2nd half, 54'"),
            "{report}"
        );
        assert!(
            report.contains("| 54' | England | Harry Kane | penalty |"),
            "{report}"
        );
        assert!(!report.contains("Giroud"), "{report}");
        assert!(!report.contains("Southgate"), "{report}");
    }
}
