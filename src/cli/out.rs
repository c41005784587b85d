//! Standard output for the tools: when its reader stops early
//! (`community-coping validate DIR | head -3`), the program ends quietly
//! with success instead of panicking on the broken pipe; any other failure
//! to print is one error line and exit status 1.

use std::io;

/// The OS error codes of a reader gone away: EPIPE on Unix; on Windows
/// ERROR_BROKEN_PIPE and ERROR_NO_DATA ("the pipe is being closed").
#[cfg(unix)]
const PIPE_GONE: [i32; 1] = [32];
#[cfg(windows)]
const PIPE_GONE: [i32; 2] = [109, 232];
#[cfg(not(any(unix, windows)))]
const PIPE_GONE: [i32; 0] = [];

/// The text `print!` and `println!` panic with when standard output fails.
const PRINT_FAILED: &str = "failed printing to stdout: ";

/// Installs, once at start-up, the handling of a failed print to standard
/// output for every subcommand (and `--help`): `print!`/`println!` panic
/// with the I/O error when standard output fails; this hook catches that
/// one panic before anything is shown and exits — quietly with status 0
/// when the reader has gone, with one error line and status 1 otherwise.
/// Any other panic is left to the default hook.
pub fn quiet_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        match message.strip_prefix(PRINT_FAILED) {
            Some(cause) if is_pipe_gone(cause) => std::process::exit(0),
            Some(cause) => {
                eprintln!(
                    "error: could not write to standard output: {cause}. Check where the output goes (a full disk, a closed terminal)"
                );
                std::process::exit(1)
            }
            None => default(info),
        }
    }));
}

/// Whether `cause`, an I/O error as `print!` shows it, says the reader went away.
fn is_pipe_gone(cause: &str) -> bool {
    PIPE_GONE
        .iter()
        .any(|code| cause == io::Error::from_raw_os_error(*code).to_string())
}

/// Whether a write error means the reader went away (so stop quietly).
pub(super) fn reader_gone(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
        || e.raw_os_error().is_some_and(|c| PIPE_GONE.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pipe_codes_are_broken_pipes() {
        for code in PIPE_GONE {
            let e = io::Error::from_raw_os_error(code);
            assert!(reader_gone(&e));
            assert!(is_pipe_gone(&e.to_string()), "{e}");
        }
        let full = io::Error::new(io::ErrorKind::StorageFull, "disk full");
        assert!(!reader_gone(&full));
        assert!(!is_pipe_gone(&full.to_string()));
    }
}
