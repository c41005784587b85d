//! Validating a deck whose residents file repeats one record thousands of
//! times (every repeat is a "duplicate id" diagnostic, ~750 bytes a record,
//! 10,000 records ≈ 7.5 MB). Validation must stay linear in the file size and
//! the number of diagnostics. Run with `cargo bench --bench validate`; prints
//! the figures.

use std::time::Instant;

use community_coping::content::{Sources, load};

const FILES: [&str; 6] = [
    "scenario.ron",
    "map.ron",
    "residents.ron",
    "connections.ron",
    "roles.ron",
    "events.ron",
];

/// A residents file of `n` records, all with the same id.
fn residents(n: usize) -> String {
    let padding = "町の人は、最近見かけないと話している。".repeat(8);
    let record = format!(
        "    Resident(id: \"r-dup\", district: \"a\", name: {{\"ja\": \"住民\", \"en\": \"Resident\"}}, age: Forties, household: LivingAlone,\n        notice: {{\"ja\": \"{padding}\", \"en\": \"Rarely seen\"}}, worry: Health, worry_text: {{\"ja\": \"悩み\", \"en\": \"Worry\"}}, needs: [Worry(Health)]),\n"
    );
    let mut text = String::from("Residents(residents: [\n");
    for _ in 0..n {
        text.push_str(&record);
    }
    text.push_str("])\n");
    text
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
    let base: Vec<(String, String)> = FILES
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(format!("{dir}/{f}")).expect("fixture file");
            ((*f).to_owned(), text)
        })
        .collect();
    println!("records   bytes        diagnostics  time");
    for n in [1_000, 5_000, 10_000] {
        let files: Vec<(&str, String)> = base
            .iter()
            .map(|(name, text)| {
                let text = if name == "residents.ron" {
                    residents(n)
                } else {
                    text.clone()
                };
                (name.as_str(), text)
            })
            .collect();
        let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let bytes: usize = refs.iter().map(|(_, t)| t.len()).sum();
        let started = Instant::now();
        let sources = Sources::in_memory("bench", &refs);
        let diagnostics = match load(&sources) {
            Ok(l) => l.warnings.len(),
            Err(e) => e.0.len(),
        };
        let took = started.elapsed();
        println!(
            "{n:>7}   {bytes:>10}   {diagnostics:>11}  {:>8.1} ms",
            took.as_secs_f64() * 1000.0
        );
    }
}
