//! Walks every table, signature, method body and IL instruction of the
//! given assemblies and prints what was decoded (and any errors).
//!
//! Usage: `cargo run --release -p osprey-metadata --example walk -- FILE...`

use std::time::Instant;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: walk FILE...");
        std::process::exit(2);
    }
    let mut failed = false;
    for path in paths {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let start = Instant::now();
        let report = osprey_metadata::walk::walk_bytes(&bytes);
        println!("{path}: {:?} in {:?}", report.stats, start.elapsed());
        for e in &report.errors {
            println!("  error: {e}");
        }
        if report.error_count > report.errors.len() {
            println!("  ... {} errors in total", report.error_count);
        }
        failed |= report.error_count > 0;
    }
    std::process::exit(i32::from(failed));
}
