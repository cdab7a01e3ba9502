//! Autoplay: how long to dwell on a moment before moving to the next, at a
//! chosen multiple of match time. Pure arithmetic on clocks; the terminal
//! loop supplies the wall-clock time.

use std::time::Duration;

use super::Replay;

/// The speeds a fan can pick, as multiples of match time.
pub const SPEEDS: [u32; 6] = [1, 2, 5, 10, 30, 60];

/// The longest wait between two moments, however long the quiet spell.
pub const MAX_WAIT: Duration = Duration::from_secs(3);

/// The shortest wait, so moments that share a clock can still be read.
pub const MIN_WAIT: Duration = Duration::from_millis(150);

/// Whether the replay is running and how fast.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Playback {
    /// Advancing on its own.
    pub playing: bool,
    speed_index: usize,
}

impl Playback {
    /// Paused at the given speed (rounded to the nearest offered one).
    pub fn at_speed(speed: u32) -> Self {
        let speed_index = SPEEDS
            .iter()
            .position(|&s| s >= speed)
            .unwrap_or(SPEEDS.len() - 1);
        Self {
            playing: false,
            speed_index,
        }
    }

    /// The current multiple of match time.
    pub fn speed(&self) -> u32 {
        SPEEDS[self.speed_index]
    }

    /// One speed up; stays at the top.
    pub fn faster(&mut self) {
        self.speed_index = (self.speed_index + 1).min(SPEEDS.len() - 1);
    }

    /// One speed down; stays at 1x.
    pub fn slower(&mut self) {
        self.speed_index = self.speed_index.saturating_sub(1);
    }

    /// How long to stay on step `from` before moving to step `to`: the
    /// match time between them at this speed, at least [`MIN_WAIT`] and at
    /// most [`MAX_WAIT`]. Moments in different periods (a half-time
    /// break), or without clocks, get the longest wait; moments that share
    /// a clock without seconds get a second each, so they can be read.
    pub fn wait(&self, replay: &Replay, from: usize, to: usize) -> Duration {
        let events = &replay.game().events;
        let (Some(a), Some(b)) = (
            from.checked_sub(1).and_then(|i| events.get(i)),
            to.checked_sub(1).and_then(|i| events.get(i)),
        ) else {
            return MAX_WAIT;
        };
        let (Some(ca), Some(cb)) = (a.clock, b.clock) else {
            return MAX_WAIT;
        };
        if a.period != b.period {
            return MAX_WAIT;
        }
        let gap = cb.seconds().saturating_sub(ca.seconds());
        if gap == 0 && cb.second.is_none() {
            return Duration::from_secs(1).min(MAX_WAIT);
        }
        let wall = Duration::from_secs_f64(f64::from(gap) / f64::from(self.speed()));
        wall.clamp(MIN_WAIT, MAX_WAIT)
    }
}
