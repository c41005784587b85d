//! Architecture rules that code review alone would miss: the rules and
//! content tree stays free of Bevy, wall clocks, thread RNGs and hash maps.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn offending(dirs: &[&str], words: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for d in dirs {
        rust_files(&root.join(d), &mut files);
    }
    assert!(!files.is_empty());
    let mut found = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for w in words {
                if code.contains(w) {
                    found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn the_engine_has_no_bevy_inside() {
    let found = offending(
        &["rules", "content", "bots", "sim", "cli", "guide"],
        &["bevy", "egui"],
    );
    assert!(
        found.is_empty(),
        "Bevy in the pure tree:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rules_use_no_wall_clock_thread_rng_or_hash_map() {
    let found = offending(
        &["rules", "content", "bots", "sim", "guide"],
        &[
            "HashMap",
            "HashSet",
            "SystemTime",
            "Instant",
            "thread_rng",
            "rand::rng()",
            "from_entropy",
            "from_os_rng",
        ],
    );
    assert!(
        found.is_empty(),
        "nondeterminism in the rules:\n{}",
        found.join("\n")
    );
}
