//! The command line: `touchline [FILE | DIR]`, `touchline --follow FILE`,
//! `touchline summary`, `touchline validate`, `touchline convert`,
//! `touchline tournaments` and `touchline tournament`, declared with clap's derive API so `--help`,
//! `--version` and usage errors (exit code 2) come for free.

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use touchline::import::DEFAULT_MAX_SIZE;
use touchline::model::Clock;
use touchline::replay::{Replay, SPEEDS};
use touchline::summary::Format;
use touchline::tui::keymap::{Keymap, Section};

/// Replay a football match in the terminal, event by event.
///
/// With no FILE it opens the bundled match, England 1-2 France from the 2022
/// World Cup quarter-final. Press ? in the viewer for the keys.
#[derive(Debug, Parser)]
#[command(name = "touchline", version)]
pub struct Cli {
    /// What to do; without one, the viewer opens.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Options for the viewer.
    #[command(flatten)]
    pub view: ViewArgs,

    /// Largest match file to read: bytes, or a size like 512KiB, 64MB, 1GiB
    ///
    /// KiB, MiB and GiB (or K, M, G) count in 1024s; kB, MB and GB in 1000s.
    #[arg(
        long,
        global = true,
        value_name = "BYTES",
        default_value = "256MiB",
        value_parser = parse_size
    )]
    pub max_size: u64,

    /// StatsBomb lineups file for a StatsBomb events FILE (found on its own
    /// when it sits beside the events as ID.json under lineups/, or as
    /// X_lineups.json next to X_events.json)
    #[arg(long, global = true, value_name = "FILE")]
    pub lineups: Option<PathBuf>,

    /// Print where the config file is read from and the default settings,
    /// as a config file to copy and edit
    #[arg(long)]
    pub print_config: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the state of the match at one point (default: the end), without
    /// the terminal UI
    Summary(SummaryArgs),
    /// Check match files: exit 0 if all load, 1 otherwise; errors and
    /// warnings name file:line:col
    Validate(ValidateArgs),
    /// Convert a StatsBomb events file (or any file touchline reads) into a
    /// match file (format 1)
    Convert(ConvertArgs),
    /// List the bundled tournaments: short name, name, matches and dates
    Tournaments,
    /// A tournament, bundled (by short name, see `touchline tournaments`)
    /// or from an openfootball file: with --table, its group tables and
    /// results up to a day
    Tournament(TournamentArgs),
}

/// `touchline tournament`.
#[derive(Debug, Args)]
pub struct TournamentArgs {
    /// A bundled tournament's short name (wc1930 … wc2026, cwc2025,
    /// euro2024) or an openfootball tournament file
    #[arg(value_name = "NAME|FILE")]
    pub tournament: String,

    /// Print the group tables and the results instead of opening the
    /// tournament
    #[arg(long)]
    pub table: bool,

    /// The day to stop at: the tables and results after every match
    /// played up to and including it [default: the end]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires = "table")]
    pub at: Option<chrono::NaiveDate>,

    /// Print one JSON object instead of text
    #[arg(long, requires = "table")]
    pub json: bool,
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("invalid date \"{text}\", expected a day like 2022-12-18"))
}

/// `touchline convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// File to convert: a StatsBomb events file or a match file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Where to write the match file [default: standard output]
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// `touchline [FILE]`: the viewer.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// Match file to replay, or a folder to list every match in it
    /// [default: the bundled England v France]
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Follow FILE while another program writes it: new events show as
    /// they land, and the viewer opens at the newest (LIVE)
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    pub follow: Option<PathBuf>,

    /// Where to start (default: kick-off)
    #[command(flatten)]
    pub point: PointArgs,

    /// Autoplay speed, in multiples of match time: 1, 2, 5, 10, 30 or 60
    /// [default: the config file's, else 1]
    #[arg(long, value_name = "N", value_parser = parse_speed)]
    pub speed: Option<u32>,

    /// Show what lies ahead on the timeline and progress bar from the start
    #[arg(long)]
    pub spoilers: bool,

    /// Leave the mouse to the terminal, for its own text selection, instead
    /// of clicking, dragging and scrolling in the viewer
    #[arg(long)]
    pub no_mouse: bool,
}

/// `touchline summary`.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// Match file [default: the bundled England v France]
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// The point to report on (default: the end)
    #[command(flatten)]
    pub point: PointArgs,

    /// How to write the report: text, markdown (for a forum or a chat) or
    /// json (one object, for scripts)
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: FormatArg,

    /// The same as --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl SummaryArgs {
    /// The form asked for, `--json` included.
    pub fn format(&self) -> Format {
        if self.json {
            return Format::Json;
        }
        match self.format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
        }
    }
}

/// `summary --format`'s values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A plain-text report.
    Text,
    /// One JSON object.
    Json,
    /// A Markdown report.
    Markdown,
}

/// `touchline validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Match files to check
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// A point in the match, by clock or by step; at most one of the two.
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct PointArgs {
    /// The moment after every event up to and including this match clock,
    /// e.g. 54, 45+2 or 90+8:15
    #[arg(long, value_name = "CLOCK")]
    pub at: Option<Clock>,

    /// The moment after the first N events (0: before the first one)
    #[arg(long, value_name = "N")]
    pub step: Option<usize>,
}

impl PointArgs {
    /// The step this point names in `replay`: `Ok(None)` when no point was
    /// given, `Err` with a message for a step past the end.
    pub fn resolve(&self, replay: &Replay) -> Result<Option<usize>, String> {
        if let Some(clock) = self.at {
            return Ok(Some(replay.step_at_clock(clock)));
        }
        match self.step {
            Some(step) if step > replay.steps() => Err(format!(
                "--step {step} is past the end: the match has {} events, so N goes from 0 to {}",
                replay.steps(),
                replay.steps()
            )),
            other => Ok(other),
        }
    }
}

impl Cli {
    /// The command line, with the viewer's keys as `keymap` has them in
    /// `--help`.
    pub fn command_with(keymap: &Keymap) -> clap::Command {
        Self::command().after_help(keys_help(keymap))
    }

    /// Parses the process's arguments, exiting with a usage error (code 2)
    /// when they do not make sense; `--help` lists the keys of `keymap`.
    ///
    /// A subcommand ignores the viewer's FILE and options, so giving both
    /// (`touchline final.json summary`) is refused rather than silently
    /// reporting on another match. clap's `args_conflicts_with_subcommands`
    /// would also refuse the global `--max-size`, hence the check here.
    pub fn parse_checked(keymap: &Keymap) -> Self {
        let mut command = Self::command_with(keymap);
        let matches = command.get_matches_mut();
        let cli = Self::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        if let Some((name, _)) = matches.subcommand() {
            let given: Vec<&str> = [
                ("file", "FILE"),
                ("follow", "--follow"),
                ("at", "--at"),
                ("step", "--step"),
                ("speed", "--speed"),
                ("spoilers", "--spoilers"),
            ]
            .into_iter()
            .filter(|(id, _)| matches.value_source(id) == Some(ValueSource::CommandLine))
            .map(|(_, shown)| shown)
            .collect();
            if !given.is_empty() {
                command
                    .error(
                        clap::error::ErrorKind::ArgumentConflict,
                        format!(
                            "{} cannot come before `{name}`: put `{name}` first and its own arguments after it (see `touchline {name} --help`)",
                            given.join(", ")
                        ),
                    )
                    .exit();
            }
        }
        cli
    }
}

/// The viewer's keys for `--help`, from the same table that handles them.
fn keys_help(keymap: &Keymap) -> String {
    let rows: Vec<(String, &str)> = keymap
        .bindings(Section::Replay)
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            (keys.join(" "), b.description)
        })
        .collect();
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut help = String::from("Keys in the viewer:\n");
    for (keys, description) in rows {
        help.push_str(&format!("  {keys:width$}  {description}\n"));
    }
    help
}

fn parse_speed(text: &str) -> Result<u32, String> {
    let offered = || {
        let list: Vec<String> = SPEEDS.iter().map(u32::to_string).collect();
        format!("expected one of {}", list.join(", "))
    };
    let speed: u32 = text.trim().parse().map_err(|_| offered())?;
    if SPEEDS.contains(&speed) {
        Ok(speed)
    } else {
        Err(offered())
    }
}

/// Bytes with an optional unit: `1000`, `64kB`, `512KiB`, `256MiB`, `2G`.
/// Units with an `i` and the bare letters are powers of 1024 (as `dd`
/// reads them); `kB`, `MB`, `GB` are powers of 1000. Case is ignored.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, unit) = trimmed.split_at(split);
    let expected =
        || format!("invalid size \"{text}\", expected bytes like 1000000, 512KiB, 64MB or 1GiB");
    let number: u64 = digits.parse().map_err(|_| expected())?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "kb" => 1_000,
        "m" | "mib" => 1 << 20,
        "mb" => 1_000_000,
        "g" | "gib" => 1 << 30,
        "gb" => 1_000_000_000,
        _ => return Err(expected()),
    };
    number.checked_mul(multiplier).ok_or_else(|| {
        format!(
            "size \"{text}\" is too large, expected at most {}",
            u64::MAX
        )
    })
}

// The default above is written as text for --help; keep it equal to the
// library's.
const _: () = assert!(DEFAULT_MAX_SIZE == 256 << 20);

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes_take_decimal_and_binary_units() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("256MiB"), Ok(DEFAULT_MAX_SIZE));
        assert_eq!(parse_size("512k"), Ok(512 * 1024));
        assert_eq!(parse_size("64MB"), Ok(64_000_000));
        assert_eq!(parse_size("1gib"), Ok(1 << 30));
        assert_eq!(parse_size("2 GB"), Ok(2_000_000_000));
    }

    #[test]
    fn sizes_refuse_words_negatives_and_overflow() {
        for bad in [
            "",
            "MiB",
            "-5",
            "12 parsecs",
            "1.5G",
            "99999999999999999999",
        ] {
            assert!(parse_size(bad).is_err(), "{bad:?} was accepted");
        }
        assert!(
            parse_size("99999999999G")
                .unwrap_err()
                .contains("too large")
        );
    }

    #[test]
    fn speeds_are_the_ones_the_viewer_offers() {
        assert_eq!(parse_speed("10"), Ok(10));
        assert!(
            parse_speed("3")
                .unwrap_err()
                .contains("1, 2, 5, 10, 30, 60")
        );
        assert!(parse_speed("fast").is_err());
    }

    #[test]
    fn a_file_and_viewer_flags_parse_without_a_subcommand() {
        let cli =
            Cli::try_parse_from(["touchline", "m.json", "--speed", "5", "--spoilers"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.view.file, Some(PathBuf::from("m.json")));
        assert_eq!(cli.view.speed, Some(5));
        assert!(cli.view.spoilers);
    }

    #[test]
    fn summary_takes_at_or_step_but_not_both() {
        let cli = Cli::try_parse_from(["touchline", "summary", "--at", "45+2", "--json"]).unwrap();
        let Some(Command::Summary(args)) = cli.command else {
            panic!("not a summary: {cli:?}");
        };
        assert_eq!(args.point.at, Some(Clock::stoppage(45, 2)));
        assert_eq!(args.format(), Format::Json);
        let both = Cli::try_parse_from(["touchline", "summary", "--at", "54", "--step", "3"]);
        assert!(both.is_err());
    }

    #[test]
    fn summary_formats_and_the_json_alias() {
        let format = |args: &[&str]| {
            let cli = Cli::try_parse_from(args).map_err(|e| e.kind())?;
            match cli.command {
                Some(Command::Summary(args)) => Ok(args.format()),
                other => panic!("not a summary: {other:?}"),
            }
        };
        assert_eq!(format(&["touchline", "summary"]), Ok(Format::Text));
        assert_eq!(
            format(&["touchline", "summary", "--format", "markdown"]),
            Ok(Format::Markdown)
        );
        assert_eq!(
            format(&["touchline", "summary", "--format", "json"]),
            Ok(Format::Json)
        );
        assert_eq!(
            format(&["touchline", "summary", "--json"]),
            Ok(Format::Json)
        );
        assert_eq!(
            format(&["touchline", "summary", "--format", "html"]),
            Err(clap::error::ErrorKind::InvalidValue)
        );
        assert_eq!(
            format(&["touchline", "summary", "--json", "--format", "text"]),
            Err(clap::error::ErrorKind::ArgumentConflict)
        );
    }

    #[test]
    fn help_lists_the_keys_in_force() {
        use touchline::tui::Global;
        use touchline::tui::keymap::Key;
        let mut keymap = Keymap::default();
        keymap
            .rebind(Section::Replay, Global::Quit, &[Key::Ctrl('q')])
            .unwrap();
        let help = Cli::command_with(&keymap).render_long_help().to_string();
        let row = help
            .lines()
            .find(|l| l.ends_with("  Quit"))
            .expect("a quit row");
        assert_eq!(row.split_whitespace().next(), Some("Ctrl-Q"), "{help}");
        assert!(help.contains("Copy this moment to share"), "{help}");
    }

    #[test]
    fn tournament_takes_a_name_a_day_and_json_with_table() {
        let cli = Cli::try_parse_from([
            "touchline",
            "tournament",
            "wc2022",
            "--table",
            "--at",
            "2022-12-01",
            "--json",
        ])
        .unwrap();
        let Some(Command::Tournament(args)) = cli.command else {
            panic!("not a tournament: {cli:?}");
        };
        assert_eq!(args.tournament, "wc2022");
        assert_eq!(args.at, chrono::NaiveDate::from_ymd_opt(2022, 12, 1));
        assert!(args.table && args.json);
        let error = |args: &[&str]| Cli::try_parse_from(args).unwrap_err().kind();
        assert_eq!(
            error(&["touchline", "tournament", "wc2022", "--json"]),
            clap::error::ErrorKind::MissingRequiredArgument
        );
        assert_eq!(
            error(&[
                "touchline",
                "tournament",
                "wc2022",
                "--table",
                "--at",
                "1 Dec"
            ]),
            clap::error::ErrorKind::ValueValidation
        );
        assert!(matches!(
            Cli::try_parse_from(["touchline", "tournaments"])
                .unwrap()
                .command,
            Some(Command::Tournaments)
        ));
    }

    #[test]
    fn max_size_is_accepted_after_a_subcommand() {
        let cli =
            Cli::try_parse_from(["touchline", "validate", "a.json", "--max-size", "1KiB"]).unwrap();
        assert_eq!(cli.max_size, 1024);
    }
}
