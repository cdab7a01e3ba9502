//! Where a match stands between two moments, and the words for it: the
//! one set of period and phase names that the viewer, the reports, the
//! share line and the importers' commentary all use.

use serde::Serialize;

use super::Period;

/// Where the match stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Phase {
    /// Before the first event.
    PreMatch,
    /// A period is being played.
    Playing(Period),
    /// A period has ended and another is to come.
    Break(Period),
    /// The final whistle has gone.
    FullTime,
}

impl Phase {
    /// Short scoreboard label: `1H`, `HT`, `FT`…
    pub const fn code(self) -> &'static str {
        match self {
            Phase::PreMatch => "KO",
            Phase::Playing(p) => p.code(),
            Phase::Break(Period::First) => "HT",
            Phase::Break(Period::Second) => "90'",
            Phase::Break(Period::ExtraFirst) => "ET HT",
            Phase::Break(Period::ExtraSecond) => "AET",
            Phase::Break(Period::Shootout) => "PSO",
            Phase::FullTime => "FT",
        }
    }

    /// The phase in words: "Before kick-off", "2nd half", "Half-time",
    /// "Extra-time interval", "Full time". A period's end is named by the
    /// phase it leads to.
    pub const fn label(self) -> &'static str {
        match self {
            Phase::PreMatch => "Before kick-off",
            Phase::Playing(period) => period.label(),
            Phase::Break(Period::First) => "Half-time",
            Phase::Break(Period::Second) => "End of normal time",
            Phase::Break(Period::ExtraFirst) => "Extra-time interval",
            Phase::Break(Period::ExtraSecond) => "End of extra time",
            Phase::Break(Period::Shootout) => "Shoot-out over",
            Phase::FullTime => "Full time",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phase_has_a_name_of_its_own() {
        let phases: Vec<Phase> = [Phase::PreMatch, Phase::FullTime]
            .into_iter()
            .chain(Period::ALL.into_iter().map(Phase::Playing))
            .chain(Period::ALL.into_iter().map(Phase::Break))
            .collect();
        for (i, a) in phases.iter().enumerate() {
            for b in &phases[i + 1..] {
                assert_ne!(a.label(), b.label(), "{a:?} and {b:?}");
            }
        }
        assert_eq!(
            Phase::Break(Period::ExtraFirst).label(),
            "Extra-time interval"
        );
        assert_eq!(
            Phase::Playing(Period::Shootout).label(),
            "Penalty shoot-out"
        );
    }
}
