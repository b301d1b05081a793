//! The VM's layers hold: no module of `vm/src` names a module of a layer
//! above its own (`crate::<module>` in code, comments aside). The layers
//! are stated in `vm/src/lib.rs` and docs/architecture.md; this test is
//! their executable form, so a change that makes an import point up fails
//! here, naming the file, the line and both layers.

use std::path::{Path, PathBuf};

/// The layers, bottom to top, and the top-level modules of each. A module
/// may use its own layer and every layer below.
const LAYERS: &[(&str, &[&str])] = &[
    ("type system", &["typesystem"]),
    ("object model", &["object"]),
    ("code heap", &["codeheap"]),
    ("loader", &["loader"]),
    ("collector", &["gc"]),
    (
        "threads",
        &[
            "thread",
            "frames",
            "rooted",
            "stackwalk",
            "heap",
            "sync",
            "error",
        ],
    ),
    ("execution", &["runtime", "eh", "fcall", "interop", "stubs"]),
    ("front ends", &["bench", "cli"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read vm/src") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `vm/src` belongs to (`None` for lib.rs).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_string())
}

/// Every `crate::<name>` path in the code of `line` (not in a comment).
fn crate_paths(line: &str) -> Vec<&str> {
    let code = match line.find("//") {
        Some(at) => &line[..at],
        None => line,
    };
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        found.push(&after[..end]);
        rest = &after[end..];
    }
    found
}

#[test]
fn every_module_is_in_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut unplaced: Vec<String> = files
        .iter()
        .filter_map(|f| module_of(&src, f))
        .filter(|m| layer_of(m).is_none())
        .collect();
    unplaced.sort();
    unplaced.dedup();
    assert!(
        unplaced.is_empty(),
        "modules of vm/src in no layer (add them to LAYERS here, in vm/src/lib.rs and in docs/architecture.md): {unplaced:?}"
    );
}

#[test]
fn imports_point_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut upward = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let Some(own) = layer_of(&module) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read a source file");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for target in crate_paths(line) {
                if target.is_empty() {
                    // `use crate::{a, b}`: this checker reads one module per
                    // path; name each module in its own `use`.
                    upward.push(format!(
                        "{}:{}: a grouped `crate::{{..}}` import (write one `use crate::<module>::..` per module)",
                        file.strip_prefix(&src).unwrap().display(),
                        n + 1
                    ));
                }
                if let Some(theirs) = layer_of(target) {
                    if theirs > own {
                        upward.push(format!(
                            "{}:{}: {module} ({}) uses crate::{target} ({})",
                            file.strip_prefix(&src).unwrap().display(),
                            n + 1,
                            LAYERS[own].0,
                            LAYERS[theirs].0
                        ));
                    }
                }
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that point up the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_checker_sees_an_upward_import() {
    // The parser finds paths in code and ignores comments.
    assert_eq!(
        crate_paths("use crate::runtime::Runtime; // crate::cli"),
        ["runtime"]
    );
    assert_eq!(
        crate_paths("    let x = crate::gc::Gc::new(crate::object::A);"),
        ["gc", "object"]
    );
    assert_eq!(crate_paths("use crate::{gc, thread};"), [""]);
    assert!(layer_of("gc") < layer_of("thread"));
    assert!(layer_of("thread") < layer_of("runtime"));
    assert!(layer_of("typesystem") < layer_of("loader"));
}
