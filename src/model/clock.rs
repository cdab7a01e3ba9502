//! The match clock as fans read it, and the periods of a match.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment on the match clock: the displayed minute, the stoppage minute on
/// top of it and, when known, the second within that minute.
///
/// `"17"` is the 17th minute, `"45+2"` the second minute of first-half
/// stoppage time and `"90+8:15"` fifteen seconds into the eighth added minute.
/// The number before the `+` is the displayed minute, never elapsed time: the
/// 17th minute covers elapsed time 16:00 to 16:59.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Clock {
    /// Displayed minute (1 to 120; 0 is accepted for data that counts from 0).
    pub minute: u16,
    /// Stoppage minute on top of [`Clock::minute`], 0 when in normal time.
    pub added: u16,
    /// Second within the displayed minute, when the source knows it.
    pub second: Option<u8>,
}

/// Why a clock string was refused; the loader adds the position.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid clock \"{0}\", expected a minute like \"17\", \"45+2\", \"17:42\" or \"90+8:15\"")]
pub struct ClockError(pub String);

impl Clock {
    /// The largest displayed minute a clock may carry (end of extra time).
    pub const MAX_MINUTE: u16 = 120;

    /// A clock at the start of a displayed minute, without stoppage time.
    pub const fn minute(minute: u16) -> Self {
        Self {
            minute,
            added: 0,
            second: None,
        }
    }

    /// A clock in stoppage time: `Clock::stoppage(90, 4)` is 90+4'.
    pub const fn stoppage(minute: u16, added: u16) -> Self {
        Self {
            minute,
            added,
            second: None,
        }
    }

    /// Seconds of play since the start of the match that this clock stands
    /// for, counting stoppage time as if it ran on; used to space autoplay
    /// and to place moments on the progress bar. Two clocks are only
    /// comparable this way within one period.
    pub fn seconds(self) -> u32 {
        let minutes = u32::from(self.minute.saturating_sub(1)) + u32::from(self.added);
        minutes * 60 + u32::from(self.second.unwrap_or(0))
    }

    /// The period a clock belongs to when the file does not say: 1 to 45
    /// (and 45+n) is the first half, up to 90 the second, then the two
    /// halves of extra time.
    pub fn default_period(self) -> Period {
        match self.minute {
            0..=45 => Period::First,
            46..=90 => Period::Second,
            91..=105 => Period::ExtraFirst,
            _ => Period::ExtraSecond,
        }
    }

    /// The clock as broadcasts write it: `54'`, `45+2'`.
    pub fn display(self) -> ClockDisplay {
        ClockDisplay(self)
    }
}

/// [`Clock`] written the way scorers lists write it, with a trailing `'`.
#[derive(Clone, Copy, Debug)]
pub struct ClockDisplay(Clock);

impl fmt::Display for ClockDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        if c.added > 0 {
            write!(f, "{}+{}'", c.minute, c.added)
        } else {
            write!(f, "{}'", c.minute)
        }
    }
}

/// The file form: `17`, `45+2`, `17:42`, `90+8:15`.
impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.minute)?;
        if self.added > 0 {
            write!(f, "+{}", self.added)?;
        }
        if let Some(s) = self.second {
            write!(f, ":{s:02}")?;
        }
        Ok(())
    }
}

fn parse_number(s: &str, max: u16) -> Option<u16> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&n| n <= max)
}

impl FromStr for Clock {
    type Err = ClockError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || ClockError(text.to_owned());
        let trimmed = text.trim().trim_end_matches('\'');
        let (minutes, second) = match trimmed.split_once(':') {
            Some((m, s)) if s.len() == 2 => (m, Some(parse_number(s, 59).ok_or_else(err)?)),
            Some(_) => return Err(err()),
            None => (trimmed, None),
        };
        let (minute, added) = match minutes.split_once('+') {
            Some((m, a)) => (m, parse_number(a, 60).ok_or_else(err)?),
            None => (minutes, 0),
        };
        let minute = parse_number(minute, Self::MAX_MINUTE).ok_or_else(err)?;
        Ok(Self {
            minute,
            added,
            // Checked above to be at most 59.
            second: second.map(|s| s as u8),
        })
    }
}

impl Serialize for Clock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Clock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::parse_str(deserializer, |text| {
            text.parse().map_err(|e: ClockError| e.to_string())
        })
    }
}

/// A period of play. Ordered as they are played.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// First half.
    First,
    /// Second half.
    Second,
    /// First half of extra time.
    ExtraFirst,
    /// Second half of extra time.
    ExtraSecond,
    /// Penalty shoot-out.
    Shootout,
}

impl Period {
    /// Every period, in the order they are played.
    pub const ALL: [Period; 5] = [
        Period::First,
        Period::Second,
        Period::ExtraFirst,
        Period::ExtraSecond,
        Period::Shootout,
    ];

    /// The code the match file uses: `1H`, `2H`, `ET1`, `ET2`, `PSO`.
    pub const fn code(self) -> &'static str {
        match self {
            Period::First => "1H",
            Period::Second => "2H",
            Period::ExtraFirst => "ET1",
            Period::ExtraSecond => "ET2",
            Period::Shootout => "PSO",
        }
    }

    /// The period in words while it is played: "1st half", "Penalty
    /// shoot-out".
    pub const fn label(self) -> &'static str {
        match self {
            Period::First => "1st half",
            Period::Second => "2nd half",
            Period::ExtraFirst => "Extra time 1",
            Period::ExtraSecond => "Extra time 2",
            Period::Shootout => "Penalty shoot-out",
        }
    }

    /// The moment the period begins, in words: "Kick-off", "Second half".
    pub const fn start_label(self) -> &'static str {
        match self {
            Period::First => "Kick-off",
            Period::Second => "Second half",
            Period::ExtraFirst => "Extra time",
            Period::ExtraSecond => "Extra time, second half",
            Period::Shootout => "Penalty shoot-out",
        }
    }

    /// Nominal length in minutes (0 for a shoot-out).
    pub const fn nominal_minutes(self) -> u16 {
        match self {
            Period::First | Period::Second => 45,
            Period::ExtraFirst | Period::ExtraSecond => 15,
            Period::Shootout => 0,
        }
    }

    /// Displayed minute at which the period starts.
    pub const fn first_minute(self) -> u16 {
        match self {
            Period::First => 1,
            Period::Second => 46,
            Period::ExtraFirst => 91,
            Period::ExtraSecond => 106,
            Period::Shootout => 121,
        }
    }

    /// Whether extra time has been reached.
    pub const fn is_extra_time(self) -> bool {
        matches!(self, Period::ExtraFirst | Period::ExtraSecond)
    }

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::parse_str(deserializer, |text| {
            Period::from_code(text).ok_or_else(|| {
                format!(
                    "unknown period \"{text}\", expected \"1H\", \"2H\", \"ET1\", \"ET2\" or \"PSO\""
                )
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form_the_spec_names() {
        assert_eq!("17".parse(), Ok(Clock::minute(17)));
        assert_eq!("45+2".parse(), Ok(Clock::stoppage(45, 2)));
        assert_eq!(
            "17:42".parse(),
            Ok(Clock {
                minute: 17,
                added: 0,
                second: Some(42)
            })
        );
        assert_eq!(
            "90+8:15".parse(),
            Ok(Clock {
                minute: 90,
                added: 8,
                second: Some(15)
            })
        );
    }

    #[test]
    fn refuses_words_and_out_of_range_numbers() {
        for bad in [
            "ninety", "", "+3", "45+", "17:4", "17:60", "121", "-1", "1e2", "45++2",
        ] {
            assert!(bad.parse::<Clock>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn display_round_trips_through_the_file_form() {
        for text in ["17", "45+2", "17:42", "90+8:05", "120+3"] {
            let clock: Clock = text.parse().unwrap();
            assert_eq!(clock.to_string(), text);
        }
    }

    #[test]
    fn displays_minutes_as_broadcasts_do() {
        assert_eq!(Clock::minute(54).display().to_string(), "54'");
        assert_eq!(Clock::stoppage(45, 2).display().to_string(), "45+2'");
    }

    #[test]
    fn default_period_follows_the_minute() {
        assert_eq!(Clock::stoppage(45, 5).default_period(), Period::First);
        assert_eq!(Clock::minute(46).default_period(), Period::Second);
        assert_eq!(Clock::stoppage(90, 11).default_period(), Period::Second);
        assert_eq!(Clock::minute(105).default_period(), Period::ExtraFirst);
        assert_eq!(
            Clock::stoppage(120, 3).default_period(),
            Period::ExtraSecond
        );
    }
}
