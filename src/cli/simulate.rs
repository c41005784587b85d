//! `community-coping simulate`: many bot games in parallel, summarised.
//! The same arguments always print the same bytes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Format, content_or_report};
use crate::bots::{Lesson, Lessons};
use crate::content::Content;
use crate::rules::{BotKind, SeatKind, Setup};
use crate::session::{ScenarioSource, SessionError};
use crate::sim::{self, RunOptions, SaveError, SeatChoices, SimConfig, SimReport};

#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Scenario directory (default: the built-in scenario).
    dir: Option<PathBuf>,
    /// Number of games (1 to 10,000,000; memory stays flat, time grows with it).
    #[arg(long, default_value_t = 1000, value_parser = parse_games)]
    games: u64,
    /// Seats per game (1–6).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=6))]
    seats: u64,
    /// Seed of the first game; every game's seed derives from it.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Difficulty preset id (default: the scenario's default preset).
    #[arg(long)]
    difficulty: Option<String>,
    /// Which bot plays every seat.
    #[arg(long, value_enum, default_value_t = BotArg::Heuristic)]
    bot: BotArg,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Fix each seat's role, in seat order (role ids, comma-separated);
    /// default: the scenario's default_roles line-up.
    #[arg(long, value_name = "ROLE,...", value_delimiter = ',')]
    roles: Option<Vec<String>>,
    /// Fix each seat's home district, in seat order (district ids,
    /// comma-separated); default: drawn afresh for every game from its seed.
    #[arg(long, value_name = "DISTRICT,...", value_delimiter = ',')]
    homes: Option<Vec<String>>,
    /// Most actions a game may take before it is cut off (and reported as
    /// cut off, never as a win).
    #[arg(long, default_value_t = sim::MAX_ACTIONS, value_parser = clap::value_parser!(u32).range(1..=i64::from(sim::MAX_ACTIONS)))]
    max_actions: u32,
    /// Also save every game as a session file in this folder (created if
    /// missing), for trying exports, reports and replays on bot sessions.
    #[arg(long, value_name = "DIR")]
    journals: Option<PathBuf>,
    /// Switch lessons of link work off for the heuristic bots
    /// (comma-separated: share, conference, create, informal, trust).
    #[arg(long, value_name = "LESSON,...", value_delimiter = ',', value_parser = parse_lesson)]
    without: Vec<Lesson>,
    /// Also play the same games once per lesson switched off, and print
    /// what each lesson is worth (takes about seven times as long).
    #[arg(long)]
    lessons: bool,
}

fn parse_lesson(s: &str) -> Result<Lesson, String> {
    s.parse()
}

/// The largest `--games`: about half an hour of heuristic games on two cores.
const MAX_GAMES: u64 = 10_000_000;

fn parse_games(s: &str) -> Result<u64, String> {
    match s.parse::<u64>() {
        Ok(n) if (1..=MAX_GAMES).contains(&n) => Ok(n),
        _ => Err(format!(
            "--games takes a whole number from 1 to {MAX_GAMES}; for more, run again with other --seed values"
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BotArg {
    Heuristic,
    Random,
}

pub(super) fn run(args: &SimulateArgs) -> ExitCode {
    let content = match content_or_report(args.dir.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let difficulty = match &args.difficulty {
        Some(d) if content.difficulty(d).is_none() => {
            let known: Vec<&str> = content
                .difficulties()
                .iter()
                .map(|d| d.id.as_str())
                .collect();
            eprintln!(
                "error: unknown difficulty \"{d}\": use one of {}",
                known.join(", ")
            );
            return ExitCode::FAILURE;
        }
        Some(d) => d.clone(),
        None => content.default_difficulty().id.clone(),
    };
    let config = SimConfig {
        games: usize::try_from(args.games).unwrap_or(usize::MAX),
        seats: usize::try_from(args.seats).unwrap_or(4),
        seed: args.seed,
        difficulty,
        bot: match args.bot {
            BotArg::Heuristic => BotKind::Heuristic,
            BotArg::Random => BotKind::Random,
        },
        keep_journals: false,
    };
    let options = RunOptions {
        seating: SeatChoices {
            roles: args.roles.clone(),
            homes: args.homes.clone(),
        },
        max_actions: args.max_actions,
        lessons: Lessons::without(&args.without),
    };
    let report = match &args.journals {
        None => sim::simulate(&content, &config, &options).map_err(|e| e.to_string()),
        Some(dir) => run_saving(&content, &config, &options, args.dir.as_deref(), dir),
    };
    let report = report.and_then(|mut r| {
        if args.lessons {
            let table = sim::lesson_table(&content, &config, &options, &r);
            r.lessons = Some(table.map_err(|e| e.to_string())?);
        }
        Ok(r)
    });
    let report = match report {
        Ok(r) => r,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: cannot write the report: {e}");
                return ExitCode::FAILURE;
            }
        },
        Format::Text => print!("{}", text_report(&content, &config, &options, &report)),
    }
    ExitCode::SUCCESS
}

/// Plays the run saving every game as a session in `dir`; says on stderr
/// where they went, so stdout stays the same as a plain run's.
fn run_saving(
    content: &std::sync::Arc<Content>,
    config: &SimConfig,
    options: &RunOptions,
    scenario: Option<&Path>,
    dir: &Path,
) -> Result<SimReport, String> {
    prepare_dir(dir)?;
    let source = match scenario {
        // absolute, so the sessions still find their deck from another folder
        Some(d) => ScenarioSource::Directory(std::fs::canonicalize(d).unwrap_or_else(|_| d.into())),
        None => ScenarioSource::BuiltIn("default".to_owned()),
    };
    let report =
        sim::simulate_saving(content, config, options, source, dir).map_err(|e| match e {
            SaveError::Session(SessionError::AlreadyExists { path }) => format!(
                "{} already exists (the same run was saved there in the same second): give --journals an empty folder",
                path.display()
            ),
            SaveError::Session(SessionError::Write { path, source }) => format!(
                "could not save the session {}: {source}. Check that the disk is not full and the folder is writable",
                path.display()
            ),
            other => other.to_string(),
        })?;
    eprintln!("saved {} session(s) in {}", report.games, dir.display());
    Ok(report)
}

/// Creates the journals folder and checks that files can be written there,
/// before any game is played.
fn prepare_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "--journals {} is a file, not a folder: give a folder for the session files",
            dir.display()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        format!(
            "cannot create the folder {} for --journals: {e}. Choose a writable location",
            dir.display()
        )
    })?;
    let probe = dir.join(format!(".write-test-{}", std::process::id()));
    std::fs::write(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|e| {
            format!(
                "cannot write in the folder {} for --journals: {e}. Choose a writable folder",
                dir.display()
            )
        })
}

fn text_report(content: &Content, c: &SimConfig, o: &RunOptions, r: &SimReport) -> String {
    let mut s = String::new();
    let bot = match c.bot {
        BotKind::Heuristic => "heuristic",
        BotKind::Random => "random",
    };
    let _ = writeln!(
        s,
        "scenario \"{}\" ({}), difficulty {}, {} seats, {bot} bots, seed {}",
        content.id(),
        content.content_hash(),
        c.difficulty,
        c.seats,
        c.seed
    );
    let roles = match &o.seating.roles {
        Some(roles) => roles.join(", "),
        None => Setup::standard(content, c.seats, SeatKind::Human, &c.difficulty, c.seed)
            .seats
            .iter()
            .map(|seat| seat.role.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let homes = match &o.seating.homes {
        Some(homes) => homes.join(", "),
        None => "drawn for every game from its seed".to_owned(),
    };
    let _ = writeln!(s, "roles: {roles}; homes: {homes}");
    let off = o.lessons.off();
    if !off.is_empty() {
        let off: Vec<&str> = off.iter().map(|l| l.key()).collect();
        let _ = writeln!(s, "lessons switched off: {}", off.join(", "));
    }
    let _ = writeln!(s, "games:          {}", r.games);
    let _ = writeln!(
        s,
        "wins:           {} ({:.1} %, 95 % interval {:.1}–{:.1} %)",
        r.wins,
        r.win_rate * 100.0,
        r.win_rate_ci95.0 * 100.0,
        r.win_rate_ci95.1 * 100.0
    );
    let _ = writeln!(
        s,
        "mean connected: {:.2} residents per game",
        r.mean_resolved
    );
    let _ = writeln!(
        s,
        "refused:        {} (games stopped because the rules refused a bot's action: a bot bug)",
        r.refused
    );
    if let Some(f) = &r.first_refusal {
        let _ = writeln!(
            s,
            "  first: game {} (0-based), seat {}: {} ({})",
            f.game,
            f.seat + 1,
            f.action,
            f.error
        );
    }
    let _ = writeln!(
        s,
        "cut off:        {} (games still going after {} actions)",
        r.cut_off, o.max_actions
    );
    if content.link_work() {
        link_work(&mut s, r);
    }
    if let Some(rows) = &r.lessons {
        lesson_rows(&mut s, rows);
    }
    let collapses: usize = r.collapse_years.values().sum();
    let _ = writeln!(s, "collapses by year ({collapses}):");
    for year in content.start_year()..=content.end_year() {
        let n = r.collapse_years.get(&year).copied().unwrap_or(0);
        let _ = writeln!(s, "  {year}  {:>7}  {}", n, bar(n, r.games));
    }
    let _ = writeln!(s, "collapses by district:");
    for d in content.districts() {
        let n = r.collapse_districts.get(&d.key).copied().unwrap_or(0);
        let share = if collapses == 0 {
            0.0
        } else {
            n as f64 * 100.0 / collapses as f64
        };
        let _ = writeln!(
            s,
            "  {:<12} {:>7}  {:>5.1} %  {}",
            d.key,
            n,
            share,
            d.name.get("ja")
        );
    }
    s
}

/// The link-work lines.
fn link_work(s: &mut String, r: &SimReport) {
    let _ = writeln!(
        s,
        "ties:           {:.2} per connection, {:.1} % informal",
        r.mean_ties_per_connected,
        r.informal_share * 100.0
    );
    let _ = writeln!(
        s,
        "per game:       {:.2} resources founded, {:.2} case conferences, {:.2} refusals, {:.2} drifted back, {:.2} referred by clinics",
        r.created_resources, r.joint_prescriptions, r.refusals, r.relapses, r.referrals
    );
}

/// What each lesson is worth, over the same games.
fn lesson_rows(s: &mut String, rows: &[sim::LessonRow]) {
    let _ = writeln!(s, "lessons (the same games without each):");
    let _ = writeln!(
        s,
        "  {:<20} {:>8} {:>8} {:>8}",
        "without", "with", "without", "diff"
    );
    for row in rows {
        let _ = writeln!(
            s,
            "  {:<20} {:>6.1} % {:>6.1} % {:>+6.1}",
            row.without.join("+"),
            row.win_rate_with * 100.0,
            row.win_rate_without * 100.0,
            row.difference * 100.0
        );
    }
}

fn bar(n: usize, total: usize) -> String {
    if total == 0 {
        return String::new();
    }
    "#".repeat((n * 50).div_ceil(total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::default_content;
    use crate::sim::RefusalReport;

    #[test]
    fn refused_and_cut_off_games_are_printed() {
        let c = default_content().unwrap();
        let config = SimConfig {
            games: 10,
            seats: 2,
            seed: 1,
            difficulty: "standard".into(),
            bot: BotKind::Random,
            keep_journals: false,
        };
        let report = SimReport {
            games: 10,
            wins: 3,
            win_rate: 0.3,
            win_rate_ci95: sim::wilson(3, 10),
            collapse_years: [(2022, 2)].into(),
            collapse_districts: [("river".to_owned(), 2)].into(),
            mean_resolved: 1.0,
            refused: 4,
            first_refusal: Some(RefusalReport {
                game: 5,
                seat: 1,
                action: "EndTurn".into(),
                error: "the game is over".into(),
            }),
            cut_off: 1,
            mean_ties_per_connected: 2.5,
            informal_share: 0.4,
            created_resources: 1.0,
            joint_prescriptions: 0.5,
            refusals: 0.25,
            relapses: 2.0,
            referrals: 3.0,
            lessons: Some(vec![sim::LessonRow {
                without: vec!["share".into(), "conference".into()],
                win_rate_with: 0.3,
                win_rate_without: 0.1,
                difference: 0.2,
            }]),
        };
        let out = text_report(&c, &config, &RunOptions::default(), &report);
        assert!(out.contains("wins:           3 (30.0 %"), "{out}");
        assert!(out.contains("refused:        4 (games stopped"), "{out}");
        assert!(
            out.contains("  first: game 5 (0-based), seat 2: EndTurn (the game is over)"),
            "{out}"
        );
        assert!(
            out.contains("cut off:        1 (games still going after 100000 actions)"),
            "{out}"
        );
        // the default deck has link work: its counts, then the lesson table
        assert!(
            out.contains("ties:           2.50 per connection, 40.0 % informal"),
            "{out}"
        );
        assert!(
            out.contains("per game:       1.00 resources founded, 0.50 case conferences, 0.25 refusals, 2.00 drifted back, 3.00 referred by clinics"),
            "{out}"
        );
        assert!(
            out.contains("  share+conference       30.0 %   10.0 %  +20.0"),
            "{out}"
        );
    }
}
