//! `community-coping report SESSIONS_DIR`: the facilitator's cross-session
//! report as HTML or CSV, on standard output or written atomically to a
//! file (never over an existing one without `--force`). Files that cannot
//! be included are listed in the report and warned about on stderr.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{LoadFailure, load_scenario};
use crate::i18n::Texts;
use crate::report::{Report, render_csv, render_html};
use crate::session::{SessionError, write_atomic};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Folder holding the session files (*.ccsession).
    #[arg(value_name = "SESSIONS_DIR")]
    sessions_dir: PathBuf,
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    format: ReportFormat,
    /// File to write (default: standard output).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Replace the --out file if it exists.
    #[arg(long)]
    force: bool,
    /// Open every session with this scenario folder instead of the deck it names.
    #[arg(long, value_name = "DIR")]
    scenario: Option<PathBuf>,
    /// Replace seat names (and their parts typed into notes) with 参加者A/B/… (Participant A/B/…).
    #[arg(long, visible_alias = "pseudonymize")]
    pseudonymise: bool,
    /// Language of the report.
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Html,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    Ja,
    En,
}

pub(super) fn run(args: &ReportArgs) -> ExitCode {
    match report(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn report(args: &ReportArgs) -> Result<(), String> {
    let dir = &args.sessions_dir;
    if !dir.is_dir() {
        return Err(format!(
            "the sessions folder {} does not exist or is not a folder: give the folder that holds the .ccsession files",
            dir.display()
        ));
    }
    if let Some(s) = &args.scenario {
        check_scenario(s)?;
    }
    if let Some(out) = &args.out {
        check_out(out, args.force)?;
    }
    let texts = Texts::load(match args.lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    });
    let report = if args.pseudonymise {
        Report::over_dir_pseudonymised(dir, args.scenario.as_deref(), texts.language())
    } else {
        Report::over_dir(dir, args.scenario.as_deref())
    };
    let text = match args.format {
        ReportFormat::Html => render_html(&report, &texts),
        ReportFormat::Csv => render_csv(&report, &texts),
    };
    match &args.out {
        Some(out) => write_atomic(out, text.as_bytes(), !args.force).map_err(|e| match e {
            SessionError::AlreadyExists { path } => already_exists(&path),
            SessionError::Write { path, source } | SessionError::CreateDir { path, source } => {
                format!(
                    "could not write {}: {source}. Check that the folder exists and is writable, or choose another --out",
                    path.display()
                )
            }
            other => other.to_string(),
        })?,
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                Ok(()) => {}
                // the reader stopped early (`| head`): not an error
                Err(e) if super::out::reader_gone(&e) => return Ok(()),
                Err(e) => {
                    return Err(format!(
                        "could not write the report to standard output: {e}"
                    ));
                }
            }
        }
    }
    for s in &report.skipped {
        eprintln!("warning: not included: {}", s.message);
    }
    let whither = args
        .out
        .as_ref()
        .map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    if report.sessions.is_empty() && report.skipped.is_empty() {
        eprintln!(
            "warning: no session files (*.ccsession) in {}: the report is empty",
            dir.display()
        );
    }
    eprintln!(
        "report of {} session(s) written to {whither}; {} file(s) not included",
        report.sessions.len(),
        report.skipped.len()
    );
    Ok(())
}

fn check_scenario(dir: &Path) -> Result<(), String> {
    match load_scenario(Some(dir)) {
        Ok(_) => Ok(()),
        Err(LoadFailure::NotADirectory(p)) => Err(format!(
            "scenario directory {} not found: give the folder that holds scenario.ron",
            p.display()
        )),
        Err(LoadFailure::Invalid(diags)) => Err(format!(
            "the scenario at {} has {} error(s): run `community-coping validate {}` and fix them first",
            dir.display(),
            diags.iter().filter(|d| d.is_error()).count(),
            dir.display()
        )),
    }
}

fn check_out(out: &Path, force: bool) -> Result<(), String> {
    if out.is_dir() {
        return Err(format!(
            "--out {} is a folder: give a file name, such as {}",
            out.display(),
            out.join("report.html").display()
        ));
    }
    if out.exists() && !force {
        return Err(already_exists(out));
    }
    Ok(())
}

fn already_exists(path: &Path) -> String {
    format!(
        "{} already exists: pass --force to replace it, or choose another --out",
        path.display()
    )
}
