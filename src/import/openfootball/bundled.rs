//! The openfootball tournaments compiled into the binary (CC0, see
//! `assets/openfootball/`), by short name: `wc1930` … `wc2026`,
//! `cwc2025`, `euro2024`. Each is parsed only when asked for.

use super::super::diagnostic::LoadError;
use crate::model::tournament::Tournament;

/// A tournament compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// The short name it goes by on the command line: "wc2022".
    pub short_name: &'static str,
    /// Its path under `assets/openfootball/`, as openfootball lays it out.
    pub path: &'static str,
    /// The file's text, as openfootball publishes it.
    pub text: &'static str,
}

impl Bundled {
    /// Parses the tournament; its short name set.
    pub fn load(&self) -> Result<Tournament, LoadError> {
        let mut tournament = super::parse(self.path, self.text)?;
        tournament.short_name = Some(self.short_name.to_owned());
        Ok(tournament)
    }
}

macro_rules! bundle {
    ($short:literal, $path:literal) => {
        Bundled {
            short_name: $short,
            path: $path,
            text: include_str!(concat!("../../../assets/openfootball/", $path)),
        }
    };
}

/// Every bundled tournament, in the order they were played.
pub const BUNDLED: &[Bundled] = &[
    bundle!("wc1930", "worldcup/1930/worldcup.json"),
    bundle!("wc1934", "worldcup/1934/worldcup.json"),
    bundle!("wc1938", "worldcup/1938/worldcup.json"),
    bundle!("wc1950", "worldcup/1950/worldcup.json"),
    bundle!("wc1954", "worldcup/1954/worldcup.json"),
    bundle!("wc1958", "worldcup/1958/worldcup.json"),
    bundle!("wc1962", "worldcup/1962/worldcup.json"),
    bundle!("wc1966", "worldcup/1966/worldcup.json"),
    bundle!("wc1970", "worldcup/1970/worldcup.json"),
    bundle!("wc1974", "worldcup/1974/worldcup.json"),
    bundle!("wc1978", "worldcup/1978/worldcup.json"),
    bundle!("wc1982", "worldcup/1982/worldcup.json"),
    bundle!("wc1986", "worldcup/1986/worldcup.json"),
    bundle!("wc1990", "worldcup/1990/worldcup.json"),
    bundle!("wc1994", "worldcup/1994/worldcup.json"),
    bundle!("wc1998", "worldcup/1998/worldcup.json"),
    bundle!("wc2002", "worldcup/2002/worldcup.json"),
    bundle!("wc2006", "worldcup/2006/worldcup.json"),
    bundle!("wc2010", "worldcup/2010/worldcup.json"),
    bundle!("wc2014", "worldcup/2014/worldcup.json"),
    bundle!("wc2018", "worldcup/2018/worldcup.json"),
    bundle!("wc2022", "worldcup/2022/worldcup.json"),
    bundle!("cwc2025", "worldcup/2025/clubworldcup.json"),
    bundle!("wc2026", "worldcup/2026/worldcup.json"),
    bundle!("euro2024", "euro/2024/euro.json"),
];

/// The bundled tournament called `short_name` (case ignored).
pub fn find(short_name: &str) -> Option<&'static Bundled> {
    BUNDLED
        .iter()
        .find(|b| b.short_name.eq_ignore_ascii_case(short_name.trim()))
}

/// The short names, for messages: "wc1930, wc1934, …".
pub fn names() -> String {
    BUNDLED
        .iter()
        .map(|b| b.short_name)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_tournament_parses_under_its_short_name() {
        assert_eq!(BUNDLED.len(), 25);
        for b in BUNDLED {
            let t = b.load().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(t.short_name.as_deref(), Some(b.short_name));
            assert!(!t.fixtures.is_empty(), "{}", b.short_name);
            let year = t.year.unwrap();
            assert!(
                b.short_name.ends_with(&year.to_string()),
                "{}",
                b.short_name
            );
        }
        assert_eq!(find("WC2022").map(|b| b.short_name), Some("wc2022"));
        assert!(find("wc2023").is_none());
        assert!(names().starts_with("wc1930, wc1934"));
    }
}
