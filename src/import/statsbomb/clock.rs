//! StatsBomb's clock and periods as fans read them: elapsed `minute` and
//! `second` become the displayed minute with stoppage time, and the
//! period-relative `timestamp` orders events within a second.

use crate::model::{Clock, Period};

pub(super) fn period_of(n: i64) -> Option<Period> {
    match n {
        1 => Some(Period::First),
        2 => Some(Period::Second),
        3 => Some(Period::ExtraFirst),
        4 => Some(Period::ExtraSecond),
        5 => Some(Period::Shootout),
        _ => None,
    }
}

/// Elapsed minute at which a period starts and at which it nominally ends.
pub(super) fn bounds(period: Period) -> (u16, u16) {
    match period {
        Period::First => (0, 45),
        Period::Second => (45, 90),
        Period::ExtraFirst => (90, 105),
        Period::ExtraSecond => (105, 120),
        Period::Shootout => (120, 120),
    }
}

/// Elapsed time as fans read it: elapsed 22:10 is the 23rd minute, and
/// from the period's nominal end on it is stoppage time (elapsed 45:30 in
/// the first half is 45+1'). `None` when the minute lies outside the
/// period or past what a clock can show (60 added minutes).
pub(super) fn clock_at(period: Period, minute: i64, second: Option<i64>) -> Option<Clock> {
    let (start, end) = bounds(period);
    let minute = u16::try_from(minute).ok()?;
    if minute < start {
        return None;
    }
    let second = second
        .and_then(|s| u8::try_from(s).ok())
        .filter(|&s| s < 60);
    let clock = if minute >= end {
        let added = minute - end + 1;
        if added > 60 {
            return None;
        }
        Clock {
            minute: end,
            added,
            second,
        }
    } else {
        Clock {
            minute: minute + 1,
            added: 0,
            second,
        }
    };
    Some(clock)
}

/// "HH:MM:SS.mmm" (the fraction optional) in milliseconds.
pub(super) fn timestamp_ms(text: &str) -> Option<u64> {
    let (hms, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut parts = hms.split(':');
    let mut total = 0u64;
    for _ in 0..3 {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        total = total * 60 + part.parse::<u64>().ok()?;
    }
    if parts.next().is_some() {
        return None;
    }
    let mut millis = 0;
    for (i, b) in fraction.bytes().take(3).enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        millis += u64::from(b - b'0') * [100, 10, 1][i];
    }
    Some(total * 1000 + millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(period: Period, minute: i64, second: i64) -> Option<String> {
        clock_at(period, minute, Some(second)).map(|c| c.to_string())
    }

    #[test]
    fn elapsed_time_reads_as_fans_count_it() {
        assert_eq!(clock(Period::First, 22, 10).as_deref(), Some("23:10"));
        assert_eq!(clock(Period::First, 0, 0).as_deref(), Some("1:00"));
        assert_eq!(clock(Period::First, 44, 29).as_deref(), Some("45:29"));
        assert_eq!(clock(Period::First, 45, 5).as_deref(), Some("45+1:05"));
        assert_eq!(clock(Period::First, 46, 0).as_deref(), Some("45+2:00"));
        assert_eq!(clock(Period::Second, 45, 0).as_deref(), Some("46:00"));
        assert_eq!(clock(Period::Second, 90, 30).as_deref(), Some("90+1:30"));
        assert_eq!(clock(Period::ExtraFirst, 90, 0).as_deref(), Some("91:00"));
        assert_eq!(
            clock(Period::ExtraFirst, 105, 0).as_deref(),
            Some("105+1:00")
        );
        assert_eq!(
            clock(Period::ExtraSecond, 121, 59).as_deref(),
            Some("120+2:59")
        );
    }

    #[test]
    fn minutes_outside_their_period_have_no_clock() {
        assert_eq!(clock(Period::Second, 44, 51), None);
        assert_eq!(clock(Period::First, -1, 0), None);
        assert_eq!(clock(Period::First, 106, 0), None);
        // A second out of range is dropped, the minute kept.
        assert_eq!(clock_at(Period::First, 3, Some(75)), Some(Clock::minute(4)));
    }

    #[test]
    fn timestamps_parse_to_milliseconds() {
        assert_eq!(timestamp_ms("00:44:51.456"), Some(2_691_456));
        assert_eq!(timestamp_ms("01:02:03"), Some(3_723_000));
        assert_eq!(timestamp_ms("00:00:00.5"), Some(500));
        for bad in [
            "",
            "12:00",
            "aa:bb:cc",
            "00:00:00.x",
            "00:00:00:00",
            "-1:00:00",
        ] {
            assert_eq!(timestamp_ms(bad), None, "{bad:?}");
        }
    }
}
