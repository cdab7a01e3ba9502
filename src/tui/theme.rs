//! Colours and emphasis: how many colours the terminal has, the team
//! colours fitted to it, and every style the widgets use, so no widget
//! names a colour of its own.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{ColorSpec, Palette};
use crate::model::{Card, MatchInfo, Rgb, Side, Team};

/// How much colour the terminal shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorMode {
    /// No colour at all (`NO_COLOR`): emphasis by bold and reverse video.
    None,
    /// The 16 ANSI colours; team colours are mapped to the nearest one.
    Basic,
    /// 24-bit colour: team colours as the match file gives them.
    #[default]
    TrueColor,
}

impl ColorMode {
    /// Reads the environment: `NO_COLOR` set and non-empty gives
    /// [`ColorMode::None`], `COLORTERM` of `truecolor` or `24bit` gives
    /// [`ColorMode::TrueColor`], anything else [`ColorMode::Basic`].
    pub fn detect() -> Self {
        let no_color = std::env::var_os("NO_COLOR");
        let colorterm = std::env::var_os("COLORTERM");
        // Only emptiness matters for NO_COLOR, so a value that is not
        // UTF-8 still counts as set.
        let no_color = no_color.map(|v| if v.is_empty() { "" } else { "1" });
        Self::from_env(no_color, colorterm.as_deref().and_then(|v| v.to_str()))
    }

    /// [`ColorMode::detect`] on given values of `NO_COLOR` and `COLORTERM`,
    /// so the rule can be tested without touching the environment.
    pub fn from_env(no_color: Option<&str>, colorterm: Option<&str>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return ColorMode::None;
        }
        match colorterm.map(str::to_ascii_lowercase).as_deref() {
            Some("truecolor" | "24bit") => ColorMode::TrueColor,
            _ => ColorMode::Basic,
        }
    }
}

/// The 16 ANSI colours with the RGB values xterm gives them, to find the
/// nearest one to a team colour, in the order of [`crate::config::Ansi`].
const ANSI: [(Color, Rgb); 16] = [
    (Color::Black, Rgb(0, 0, 0)),
    (Color::Red, Rgb(205, 0, 0)),
    (Color::Green, Rgb(0, 205, 0)),
    (Color::Yellow, Rgb(205, 205, 0)),
    (Color::Blue, Rgb(0, 0, 238)),
    (Color::Magenta, Rgb(205, 0, 205)),
    (Color::Cyan, Rgb(0, 205, 205)),
    (Color::Gray, Rgb(229, 229, 229)),
    (Color::DarkGray, Rgb(127, 127, 127)),
    (Color::LightRed, Rgb(255, 0, 0)),
    (Color::LightGreen, Rgb(0, 255, 0)),
    (Color::LightYellow, Rgb(255, 255, 0)),
    (Color::LightBlue, Rgb(92, 92, 255)),
    (Color::LightMagenta, Rgb(255, 0, 255)),
    (Color::LightCyan, Rgb(0, 255, 255)),
    (Color::White, Rgb(255, 255, 255)),
];

/// Relative luminance, 0 (black) to 1 (white), as WCAG defines it.
fn luminance(Rgb(r, g, b): Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    Rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// A team colour as a foreground that reads on dark and light
/// backgrounds alike. We cannot know the terminal's background, so near
/// white and near black are replaced by the terminal's own text colour
/// (which is readable by construction), and dark colours are lightened
/// until they stand out on a dark background without vanishing on a
/// light one.
pub fn team_color(color: Option<Rgb>, mode: ColorMode) -> Color {
    let Some(rgb) = color else {
        return Color::Reset;
    };
    let lum = luminance(rgb);
    if mode == ColorMode::None || lum > 0.75 {
        return Color::Reset;
    }
    let spread = rgb.0.max(rgb.1).max(rgb.2) - rgb.0.min(rgb.1).min(rgb.2);
    if lum < 0.02 && spread < 24 {
        // Black or charcoal: no hue to keep.
        return Color::Reset;
    }
    let mut fitted = rgb;
    let mut t = 0.0;
    while luminance(fitted) < 0.12 && t < 1.0 {
        t += 0.05;
        fitted = mix(rgb, Rgb(255, 255, 255), t);
    }
    match mode {
        ColorMode::TrueColor => Color::Rgb(fitted.0, fitted.1, fitted.2),
        ColorMode::Basic => nearest_ansi(fitted),
        ColorMode::None => Color::Reset,
    }
}

/// The ANSI colour nearest to `rgb`, leaving out black and white (which
/// may be the background) and grey (which would not read as a team).
fn nearest_ansi(rgb: Rgb) -> Color {
    let distance = |a: Rgb, b: Rgb| {
        let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2);
        d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
    };
    ANSI.iter()
        .filter(|(c, _)| {
            !matches!(
                c,
                Color::Black | Color::White | Color::Gray | Color::DarkGray
            )
        })
        .min_by_key(|(_, value)| distance(rgb, *value))
        .map_or(Color::Reset, |(c, _)| *c)
}

/// The colour to draw `spec` with in `mode` (`None` in
/// [`ColorMode::None`]).
fn resolve(spec: ColorSpec, mode: ColorMode) -> Option<Color> {
    match (spec, mode) {
        (_, ColorMode::None) => None,
        (ColorSpec::Named(color), _) => Some(ANSI[color.index()].0),
        (ColorSpec::Rgb(Rgb(r, g, b)), ColorMode::TrueColor) => Some(Color::Rgb(r, g, b)),
        (ColorSpec::Rgb(rgb), ColorMode::Basic) => Some(nearest_of_all(rgb)),
    }
}

/// The nearest of all 16 terminal colours, for a colour the fan chose.
fn nearest_of_all(rgb: Rgb) -> Color {
    let distance = |b: Rgb| {
        let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2);
        d(rgb.0, b.0) + d(rgb.1, b.1) + d(rgb.2, b.2)
    };
    ANSI.iter()
        .min_by_key(|(_, value)| distance(*value))
        .map_or(Color::Reset, |(c, _)| *c)
}

/// Every style the screen uses, built once for a colour mode and a match.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// The colour mode the styles were built for.
    pub mode: ColorMode,
    teams: [Color; 2],
    accent: Color,
    dim: Color,
    highlight: Option<Color>,
    goal: Color,
}

impl Theme {
    /// Styles without team colours, for screens about no one match (the
    /// match list), with `palette`'s other colours.
    pub fn plain(mode: ColorMode, palette: &Palette) -> Self {
        let nobody = MatchInfo::between(Team::named(""), Team::named(""));
        let palette = Palette {
            teams: Vec::new(),
            ..palette.clone()
        };
        Self::with_palette(mode, &nobody, &palette)
    }

    /// Styles for `info`'s two teams in `mode`.
    pub fn new(mode: ColorMode, info: &MatchInfo) -> Self {
        Self::with_palette(mode, info, &Palette::default())
    }

    /// Styles for `info`'s two teams in `mode`, with the colours of
    /// `palette` where it gives them. In [`ColorMode::None`] no colour is
    /// used whatever the palette says.
    pub fn with_palette(mode: ColorMode, info: &MatchInfo, palette: &Palette) -> Self {
        let pick = |chosen: Option<ColorSpec>, default: Color| {
            chosen.and_then(|c| resolve(c, mode)).unwrap_or(default)
        };
        let team = |side: Side| {
            let team = info.team(side);
            team_color(palette.team(&team.name).or(team.color), mode)
        };
        Self {
            mode,
            teams: [team(Side::Home), team(Side::Away)],
            accent: pick(palette.accent, Color::Cyan),
            dim: pick(palette.dim, Color::DarkGray),
            highlight: palette.highlight.and_then(|c| resolve(c, mode)),
            goal: pick(palette.goal, Color::LightGreen),
        }
    }

    fn colored(&self) -> bool {
        self.mode != ColorMode::None
    }

    fn fg(&self, color: Color) -> Style {
        if self.colored() {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// A team's name and code: its colour, bold.
    pub fn team(&self, side: Side) -> Style {
        self.fg(self.teams[side.index()])
            .add_modifier(Modifier::BOLD)
    }

    /// [`Theme::team`] for an event's side, plain when it has none.
    pub fn team_or_plain(&self, side: Option<Side>) -> Style {
        side.map_or_else(Style::new, |side| self.team(side))
    }

    /// A team's colour for small marks (scorers, markers), not bold.
    pub fn team_mark(&self, side: Option<Side>) -> Style {
        match side {
            Some(side) => self.fg(self.teams[side.index()]),
            None => Style::new(),
        }
    }

    /// Ordinary text.
    pub fn text(&self) -> Style {
        Style::new()
    }

    /// Secondary text: labels, hints, what is less important.
    pub fn dim(&self) -> Style {
        if self.colored() {
            Style::new().fg(self.dim)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Headings and the big score.
    pub fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Frames around panels.
    pub fn border(&self) -> Style {
        self.dim()
    }

    /// Panel titles.
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The timeline row of the current moment.
    pub fn current(&self) -> Style {
        if let Some(color) = self.highlight {
            return Style::new().bg(color).add_modifier(Modifier::BOLD);
        }
        match self.mode {
            ColorMode::None => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ColorMode::Basic => Style::new()
                .bg(Color::DarkGray)
                .add_modifier(Modifier::BOLD),
            ColorMode::TrueColor => Style::new()
                .bg(Color::Rgb(58, 62, 74))
                .add_modifier(Modifier::BOLD),
        }
    }

    /// A goal's symbol and word.
    pub fn goal(&self) -> Style {
        self.fg(self.goal).add_modifier(Modifier::BOLD)
    }

    /// A card's symbol in its own colour.
    pub fn card(&self, card: Card) -> Style {
        match card {
            Card::Yellow => self.fg(Color::Yellow),
            Card::SecondYellow | Card::Red => self.fg(Color::LightRed),
        }
        .add_modifier(Modifier::BOLD)
    }

    /// A goal struck off by a review.
    pub fn struck_off(&self) -> Style {
        self.dim().add_modifier(Modifier::CROSSED_OUT)
    }

    /// The visible marker next to a struck-off goal.
    pub fn var_marker(&self) -> Style {
        self.fg(Color::LightMagenta).add_modifier(Modifier::BOLD)
    }

    /// Quotes.
    pub fn quote(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// The played part of the progress bar.
    pub fn played(&self) -> Style {
        if self.colored() {
            Style::new().fg(self.accent)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The cursor on the progress bar.
    pub fn cursor(&self) -> Style {
        if self.colored() {
            Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// Keys in the footer and help screen.
    pub fn key(&self) -> Style {
        if self.colored() {
            Style::new().fg(self.accent).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Warnings and refused input.
    pub fn error(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    /// "LIVE" while following a file, at its newest moment.
    pub fn live(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    /// The play/pause state.
    pub fn playing(&self) -> Style {
        self.fg(self.goal).add_modifier(Modifier::BOLD)
    }

    /// A search hit's mark and the search in the footer.
    pub fn hit(&self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::BOLD)
    }

    /// A bookmark, on the timeline and the progress bar.
    pub fn bookmark(&self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_and_must_be_non_empty() {
        assert_eq!(
            ColorMode::from_env(Some("1"), Some("truecolor")),
            ColorMode::None
        );
        assert_eq!(
            ColorMode::from_env(Some(""), Some("truecolor")),
            ColorMode::TrueColor
        );
        assert_eq!(
            ColorMode::from_env(None, Some("24bit")),
            ColorMode::TrueColor
        );
        assert_eq!(
            ColorMode::from_env(None, Some("TrueColor")),
            ColorMode::TrueColor
        );
        assert_eq!(ColorMode::from_env(None, None), ColorMode::Basic);
        assert_eq!(ColorMode::from_env(None, Some("yes")), ColorMode::Basic);
    }

    #[test]
    fn white_and_black_kits_use_the_terminals_own_text_colour() {
        for mode in [ColorMode::Basic, ColorMode::TrueColor] {
            assert_eq!(team_color(Some(Rgb(255, 255, 255)), mode), Color::Reset);
            assert_eq!(team_color(Some(Rgb(250, 250, 240)), mode), Color::Reset);
            assert_eq!(team_color(Some(Rgb(0, 0, 0)), mode), Color::Reset);
        }
    }

    #[test]
    fn dark_kits_are_lightened_but_keep_their_hue() {
        let Color::Rgb(r, g, b) = team_color(Some(Rgb(0, 20, 70)), ColorMode::TrueColor) else {
            panic!("expected an RGB colour");
        };
        assert!(luminance(Rgb(r, g, b)) >= 0.12);
        assert!(b > r && b > g, "navy should stay blue, got {r},{g},{b}");
    }

    #[test]
    fn basic_mode_maps_to_the_nearest_ansi_colour() {
        assert_eq!(
            team_color(Some(Rgb(0x2F, 0x6B, 0xE0)), ColorMode::Basic),
            Color::LightBlue
        );
        assert_eq!(
            team_color(Some(Rgb(200, 16, 46)), ColorMode::Basic),
            Color::Red
        );
        assert_eq!(
            team_color(Some(Rgb(200, 16, 46)), ColorMode::None),
            Color::Reset
        );
    }

    #[test]
    fn named_colours_are_the_terminal_s_own() {
        use crate::config::Ansi;
        for (i, ansi) in Ansi::ALL.into_iter().enumerate() {
            assert_eq!(ansi.index(), i);
        }
        let spec = |name| ColorSpec::parse(name).unwrap();
        assert_eq!(resolve(spec("cyan"), ColorMode::Basic), Some(Color::Cyan));
        assert_eq!(
            resolve(spec("Dark-Grey"), ColorMode::TrueColor),
            Some(Color::DarkGray)
        );
        assert_eq!(
            resolve(spec("LightBlue"), ColorMode::Basic),
            Some(Color::LightBlue)
        );
        assert_eq!(resolve(spec("white"), ColorMode::None), None);
    }

    #[test]
    fn the_default_palette_written_out_changes_nothing() {
        let info = crate::import::bundled().game.info;
        let palette = Palette {
            accent: Some(Palette::DEFAULTS[0].1),
            dim: Some(Palette::DEFAULTS[1].1),
            highlight: Some(Palette::DEFAULTS[2].1),
            goal: Some(Palette::DEFAULTS[3].1),
            teams: Vec::new(),
        };
        for mode in [ColorMode::None, ColorMode::Basic, ColorMode::TrueColor] {
            let own = Theme::new(mode, &info);
            let written = Theme::with_palette(mode, &info, &palette);
            for (a, b) in [
                (own.current(), written.current()),
                (own.key(), written.key()),
                (own.dim(), written.dim()),
                (own.goal(), written.goal()),
                (own.played(), written.played()),
            ] {
                if mode == ColorMode::None {
                    assert_eq!(b.fg, None);
                    assert_eq!(b.bg, None);
                } else {
                    assert_eq!(a, b, "{mode:?}");
                }
            }
        }
    }

    #[test]
    fn a_palette_recolours_and_no_color_still_wins() {
        let mut info = crate::import::bundled().game.info;
        info.away.color = None;
        let palette = Palette {
            accent: ColorSpec::parse("magenta"),
            teams: vec![("FRANCE".to_owned(), Rgb(0x21, 0x30, 0x4D))],
            ..Palette::default()
        };
        let theme = Theme::with_palette(ColorMode::TrueColor, &info, &palette);
        assert_eq!(theme.key().fg, Some(Color::Magenta));
        assert!(matches!(theme.team(Side::Away).fg, Some(Color::Rgb(..))));
        let basic = Theme::with_palette(ColorMode::Basic, &info, &palette);
        assert_eq!(basic.team(Side::Away).fg, Some(Color::LightBlue));
        let plain = Theme::with_palette(ColorMode::None, &info, &palette);
        assert_eq!(plain.key().fg, None);
        assert_eq!(plain.team(Side::Away).fg, None);
    }

    #[test]
    fn no_colour_mode_styles_carry_no_colour() {
        let info = crate::import::bundled().game.info;
        let theme = Theme::new(ColorMode::None, &info);
        for style in [
            theme.team(Side::Away),
            theme.dim(),
            theme.current(),
            theme.goal(),
            theme.card(Card::Red),
            theme.played(),
            theme.cursor(),
            theme.key(),
            theme.error(),
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
    }
}
