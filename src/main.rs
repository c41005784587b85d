//! Entry point: parses the command line, then opens the game or runs a tool.

use std::process::ExitCode;

use community_coping::cli;

fn main() -> ExitCode {
    // `… | head`: a reader that stops early ends the program quietly
    cli::quiet_broken_pipe();
    let cli = match cli::parse() {
        Ok(c) => c,
        Err(code) => return code,
    };
    match cli.command {
        Some(command) => cli::run_tool(command),
        None => open_game(
            cli.scenario.as_deref(),
            cli::WindowChoice::of(cli.window, cli.fullscreen),
        ),
    }
}

#[cfg(feature = "app")]
fn open_game(dir: Option<&std::path::Path>, window: cli::WindowChoice) -> ExitCode {
    use community_coping::session::ScenarioSource;
    let source = match dir {
        Some(d) => ScenarioSource::Directory(d.to_path_buf()),
        None => ScenarioSource::BuiltIn("default".to_owned()),
    };
    match cli::content_or_report(dir) {
        Ok(content) => community_coping::app::run(content, source, window),
        Err(code) => code,
    }
}

#[cfg(not(feature = "app"))]
fn open_game(_dir: Option<&std::path::Path>, _window: cli::WindowChoice) -> ExitCode {
    eprintln!(
        "error: this build has no game window (built without the `app` feature); use a subcommand, see --help"
    );
    ExitCode::FAILURE
}
