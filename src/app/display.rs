//! A clear line instead of a panic when there is no display to open a window
//! on (winit panics inside Bevy's window plugin before any of our code runs).

/// What is missing, when the game cannot open a window here; `None` when a
/// display is available (or the platform always has one).
pub(super) fn missing_display() -> Option<&'static str> {
    missing_display_in(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// [`missing_display`] with the environment given, for tests.
fn missing_display_in(set: impl Fn(&str) -> bool) -> Option<&'static str> {
    // Windows and macOS always have a window system; X11 and Wayland are
    // found through these variables.
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return None;
    }
    if set("DISPLAY") || set("WAYLAND_DISPLAY") {
        None
    } else {
        Some(
            "error: no display to open the game window on (neither DISPLAY nor WAYLAND_DISPLAY is set); \
             run it from a desktop session, or on a server under a virtual display: \
             `xvfb-run -s \"-screen 0 1920x1080x24\" community-coping` (the tools such as \
             `community-coping validate` need no display)",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::missing_display_in;

    #[test]
    fn a_machine_without_display_variables_is_told_what_to_do() {
        if cfg!(any(target_os = "windows", target_os = "macos")) {
            return;
        }
        let line = missing_display_in(|_| false).expect("no display");
        assert!(line.contains("DISPLAY") && line.contains("xvfb-run"));
        assert!(!line.contains('\n'), "one line");
        assert!(missing_display_in(|v| v == "DISPLAY").is_none());
        assert!(missing_display_in(|v| v == "WAYLAND_DISPLAY").is_none());
    }
}
