//! A clear message instead of a panic when there is no GPU or Vulkan driver.

use std::io::Write;

/// The start of the panic message Bevy's renderer gives when wgpu finds no adapter.
const GPU_NOT_FOUND: &str = "Unable to find a GPU";

/// Exit status used when no GPU can be found.
const EXIT_NO_GPU: i32 = 1;

/// Wraps the current panic hook: Bevy's "Unable to find a GPU" panic becomes
/// a one-line hint and a non-zero exit; every other panic is reported as before.
pub(super) fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("");
        if message.contains(GPU_NOT_FOUND) {
            let _ = writeln!(
                std::io::stderr(),
                "error: no GPU with a Vulkan driver was found; install one \
                 (on Debian/Ubuntu: `sudo apt install mesa-vulkan-drivers libvulkan1`) and try again"
            );
            std::process::exit(EXIT_NO_GPU);
        }
        previous(info);
    }));
}
