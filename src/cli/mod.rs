//! The command line: no subcommand opens the game; `validate`, `simulate`
//! and `ideas add` are the designer's tools. Errors are one line and a non-zero exit.

mod export;
mod ideas;
mod out;
mod report;
mod simulate;
mod validate;
mod window;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};

use crate::content::{self, Content, Loaded};

pub use out::quiet_broken_pipe;
pub use window::{WindowChoice, WindowSize, parse_window_size};

/// Community Coping — a cooperative game about isolation and connection in a town.
#[derive(Debug, Parser)]
#[command(name = "community-coping", version, about)]
pub struct Cli {
    /// Scenario directory to play (default: the built-in scenario).
    #[arg(long, value_name = "DIR", global = false)]
    pub scenario: Option<PathBuf>,
    /// Open the game window at this size, e.g. 1280x720 (a projector's size); default: as large as the display.
    #[arg(long, value_name = "WxH", value_parser = parse_window_size, conflicts_with = "fullscreen")]
    pub window: Option<WindowSize>,
    /// Open the game full screen on the display it starts on.
    #[arg(long)]
    pub fullscreen: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Tools besides the game.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a scenario deck and report every problem with file, line and column.
    Validate {
        /// Scenario directory (default: the built-in scenario).
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Play many bot games and report the win rate and where the town collapses.
    Simulate(simulate::SimulateArgs),
    /// Export a session as a printable page (html), Markdown, CSV or JSON.
    Export(export::ExportArgs),
    /// Sum up a folder of sessions: outcomes, win rates, districts, connections, notes (html or csv).
    Report(report::ReportArgs),
    /// Resource ideas (創る): add a debrief workshop's draft ideas to a deck.
    Ideas {
        #[command(subcommand)]
        command: ideas::IdeasCommand,
    },
}

/// Output format of the tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Parses the command line; on bad arguments prints one line and exits 2.
pub fn parse() -> Result<Cli, ExitCode> {
    match Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return Err(ExitCode::SUCCESS);
            }
            let text = e.to_string();
            let first = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("error: invalid arguments");
            eprintln!("{first} (see `community-coping --help`)");
            Err(ExitCode::from(2))
        }
    }
}

/// Runs a tool subcommand.
pub fn run_tool(command: Command) -> ExitCode {
    match command {
        Command::Validate { dir, format } => validate::run(dir.as_deref(), format),
        Command::Simulate(args) => simulate::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Ideas { command } => ideas::run(&command),
    }
}

/// Loads the scenario in `dir`, or the built-in one.
pub fn load_scenario(dir: Option<&Path>) -> Result<Loaded, LoadFailure> {
    match dir {
        None => content::load(&content::default_sources()).map_err(|e| LoadFailure::Invalid(e.0)),
        Some(d) if !d.is_dir() => Err(LoadFailure::NotADirectory(d.to_path_buf())),
        Some(d) => content::load_dir(d).map_err(|e| LoadFailure::Invalid(e.0)),
    }
}

/// Why a scenario could not be loaded.
#[derive(Debug)]
pub enum LoadFailure {
    NotADirectory(PathBuf),
    Invalid(Vec<content::Diagnostic>),
}

impl LoadFailure {
    /// Prints the failure for a person at a terminal.
    pub fn report(&self) {
        match self {
            LoadFailure::NotADirectory(p) => eprintln!(
                "error: scenario directory `{}` not found: give the folder that holds scenario.ron",
                p.display()
            ),
            LoadFailure::Invalid(diags) => {
                for d in diags {
                    eprint!("{}", d.render());
                }
                let n = diags.iter().filter(|d| d.is_error()).count();
                eprintln!(
                    "error: the scenario has {n} error(s); fix them and run `community-coping validate` again"
                );
            }
        }
    }
}

/// Loads a scenario for playing or simulating, printing problems on failure.
pub fn content_or_report(dir: Option<&Path>) -> Result<Arc<Content>, ExitCode> {
    match load_scenario(dir) {
        Ok(l) => Ok(Arc::new(l.content)),
        Err(f) => {
            f.report();
            Err(ExitCode::FAILURE)
        }
    }
}
