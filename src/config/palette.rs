//! The colours a config file may set, as plain data: a terminal colour by
//! name or an exact `#RRGGBB`. The terminal UI's theme turns them into
//! the styles it draws with.

use crate::model::Rgb;

/// The 16 terminal colours, in the order of the xterm colour table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ansi {
    /// Black.
    Black,
    /// Red.
    Red,
    /// Green.
    Green,
    /// Yellow.
    Yellow,
    /// Blue.
    Blue,
    /// Magenta.
    Magenta,
    /// Cyan.
    Cyan,
    /// Grey.
    Gray,
    /// Dark grey.
    DarkGray,
    /// Light red.
    LightRed,
    /// Light green.
    LightGreen,
    /// Light yellow.
    LightYellow,
    /// Light blue.
    LightBlue,
    /// Light magenta.
    LightMagenta,
    /// Light cyan.
    LightCyan,
    /// White.
    White,
}

impl Ansi {
    /// Every terminal colour, in table order.
    pub const ALL: [Ansi; 16] = [
        Ansi::Black,
        Ansi::Red,
        Ansi::Green,
        Ansi::Yellow,
        Ansi::Blue,
        Ansi::Magenta,
        Ansi::Cyan,
        Ansi::Gray,
        Ansi::DarkGray,
        Ansi::LightRed,
        Ansi::LightGreen,
        Ansi::LightYellow,
        Ansi::LightBlue,
        Ansi::LightMagenta,
        Ansi::LightCyan,
        Ansi::White,
    ];

    /// The colour's place in the table (0 to 15).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The name a config file gives it: `dark_gray`.
    pub fn name(self) -> &'static str {
        COLOR_NAMES[self.index()]
    }
}

/// The names a config file may give the 16 terminal colours, in table
/// order.
pub const COLOR_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark_gray",
    "light_red",
    "light_green",
    "light_yellow",
    "light_blue",
    "light_magenta",
    "light_cyan",
    "white",
];

/// A colour a config file names: one of the 16 terminal colours, which
/// every colour terminal shows as it is, or `#RRGGBB`, shown as it is in
/// 24-bit colour and as the nearest of the 16 otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorSpec {
    /// A terminal colour by name.
    Named(Ansi),
    /// An exact colour.
    Rgb(Rgb),
}

impl ColorSpec {
    /// Reads `cyan`, `dark_gray` (or `dark-gray`, `DarkGray`) or
    /// `#3A3E4A`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        if text.starts_with('#') {
            return Rgb::from_hex(text).map(ColorSpec::Rgb);
        }
        let squashed: String = text
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let squashed = squashed.replace("grey", "gray");
        COLOR_NAMES
            .iter()
            .position(|name| name.replace('_', "") == squashed)
            .map(|i| ColorSpec::Named(Ansi::ALL[i]))
    }
}

impl std::fmt::Display for ColorSpec {
    /// The form [`ColorSpec::parse`] reads.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColorSpec::Rgb(Rgb(r, g, b)) => write!(f, "#{r:02X}{g:02X}{b:02X}"),
            ColorSpec::Named(color) => f.write_str(color.name()),
        }
    }
}

/// The colours a fan may change, each `None` for touchline's own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Palette {
    /// Keys in the footer and help, and the played part of the progress
    /// bar (cyan).
    pub accent: Option<ColorSpec>,
    /// Secondary text and panel frames (dark grey).
    pub dim: Option<ColorSpec>,
    /// The background of the current moment on the timeline.
    pub highlight: Option<ColorSpec>,
    /// Goals, and the play sign while autoplay runs (light green).
    pub goal: Option<ColorSpec>,
    /// Shirt colours by team name (any case), for files that give none,
    /// as StatsBomb files do, or to change those they give.
    pub teams: Vec<(String, Rgb)>,
}

impl Palette {
    /// Touchline's own colours, as a config file writes them.
    pub const DEFAULTS: [(&'static str, ColorSpec); 4] = [
        ("accent", ColorSpec::Named(Ansi::Cyan)),
        ("dim", ColorSpec::Named(Ansi::DarkGray)),
        ("highlight", ColorSpec::Rgb(Rgb(58, 62, 74))),
        ("goal", ColorSpec::Named(Ansi::LightGreen)),
    ];

    /// The shirt colour the palette gives the team called `name`.
    pub fn team(&self, name: &str) -> Option<Rgb> {
        self.teams
            .iter()
            .find(|(team, _)| team.to_lowercase() == name.to_lowercase())
            .map(|(_, rgb)| *rgb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_specs_read_names_and_hex_and_write_them_back() {
        assert_eq!(ColorSpec::parse("cyan"), Some(ColorSpec::Named(Ansi::Cyan)));
        assert_eq!(
            ColorSpec::parse("Dark-Grey"),
            Some(ColorSpec::Named(Ansi::DarkGray))
        );
        assert_eq!(
            ColorSpec::parse("LightBlue"),
            Some(ColorSpec::Named(Ansi::LightBlue))
        );
        assert_eq!(
            ColorSpec::parse("#3a3e4A"),
            Some(ColorSpec::Rgb(Rgb(58, 62, 74)))
        );
        for bad in ["", "#12345", "#GGGGGG", "teal", "#1234567"] {
            assert_eq!(ColorSpec::parse(bad), None, "{bad:?}");
        }
        for name in COLOR_NAMES {
            let spec = ColorSpec::parse(name).unwrap();
            assert_eq!(spec.to_string(), name);
        }
    }
}
