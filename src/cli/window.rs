//! How the game window opens: at the size of the display it is on (the
//! default), at a given size (`--window 1280x720`, a projector's size) or
//! full screen (`--fullscreen`).

use std::fmt;

/// Smallest and largest window sizes accepted (a phone-sized window cannot
/// show a turn; 8K is the largest display anyone projects).
const MIN: (u32, u32) = (640, 360);
const MAX: (u32, u32) = (7680, 4320);

/// A window size in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowSize {
    pub width: u32,
    pub height: u32,
}

impl fmt::Display for WindowSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

/// Parses `WxH` (`1280x720`; `×` and `X` work too), within the bounds above.
pub fn parse_window_size(text: &str) -> Result<WindowSize, String> {
    let bad = || {
        format!("\"{text}\" is not a window size: write width x height, e.g. 1280x720 or 1920x1080")
    };
    let (w, h) = text.trim().split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let width: u32 = w.trim().parse().map_err(|_| bad())?;
    let height: u32 = h.trim().parse().map_err(|_| bad())?;
    if !(MIN.0..=MAX.0).contains(&width) || !(MIN.1..=MAX.1).contains(&height) {
        return Err(format!(
            "{width}x{height} is outside the sizes the game can use ({}x{} to {}x{})",
            MIN.0, MIN.1, MAX.0, MAX.1
        ));
    }
    Ok(WindowSize { width, height })
}

/// How the game window opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WindowChoice {
    /// As large as the display it opens on (maximised).
    #[default]
    Display,
    /// A window of exactly this size.
    Size(WindowSize),
    /// Full screen on the display it opens on.
    Fullscreen,
}

impl WindowChoice {
    /// The choice the command line's `--window` and `--fullscreen` make.
    pub fn of(window: Option<WindowSize>, fullscreen: bool) -> Self {
        match (window, fullscreen) {
            (_, true) => WindowChoice::Fullscreen,
            (Some(size), false) => WindowChoice::Size(size),
            (None, false) => WindowChoice::Display,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_in_the_usual_spellings_and_stay_in_bounds() {
        let s = |w, h| WindowSize {
            width: w,
            height: h,
        };
        assert_eq!(parse_window_size("1280x720"), Ok(s(1280, 720)));
        assert_eq!(parse_window_size("1920X1080"), Ok(s(1920, 1080)));
        assert_eq!(parse_window_size(" 1920 × 1080 "), Ok(s(1920, 1080)));
        for bad in ["1280", "x720", "1280x", "wide", "1280x720x3", "-1x720"] {
            let e = parse_window_size(bad).unwrap_err();
            assert!(e.contains("e.g. 1280x720"), "{bad}: {e}");
        }
        for out in ["10x10", "100000x720", "1280x99999"] {
            assert!(parse_window_size(out).unwrap_err().contains("outside"));
        }
    }

    #[test]
    fn fullscreen_wins_and_no_flag_means_the_display() {
        let size = parse_window_size("1280x720").unwrap();
        assert_eq!(WindowChoice::of(None, false), WindowChoice::Display);
        assert_eq!(
            WindowChoice::of(Some(size), false),
            WindowChoice::Size(size)
        );
        assert_eq!(WindowChoice::of(None, true), WindowChoice::Fullscreen);
    }
}
