//! The documentation stands alone: `cargo test --release --test docs`.
//!
//! * every page in docs/ is listed in the index (docs/README.md);
//! * every relative link in docs/*.md and README.md names a file of the
//!   repository, and every `#anchor` into a page names one of its headings;
//! * no doc or source file cites the contracts file that used to live outside
//!   the repository, or a path on the machine that wrote it (the contracts
//!   are docs/design.md);
//! * every picture in docs/diagrams/ has its graphviz source beside it and
//!   is shown by some page (`docs/diagrams/build.sh --check`, run by
//!   `.ci/run`, checks that the pictures are up to date).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The markdown files directly in docs/.
fn doc_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = fs::read_dir(repo_root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    pages.sort();
    pages
}

/// `text` without its fenced code blocks (headings and links in them are
/// examples, not structure).
fn without_code_blocks(text: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// GitHub's anchor for a heading: lower case, punctuation other than `-`
/// and `_` dropped, spaces turned into `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a page's headings (a repeated heading's anchor gets
/// `-1`, `-2`, ... as on GitHub).
fn anchors(page: &Path) -> HashSet<String> {
    let mut set = HashSet::new();
    for line in without_code_blocks(&read(page)).lines() {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let heading = heading.trim_start_matches('#');
        if !heading.starts_with(' ') {
            continue;
        }
        let base = slug(heading);
        let mut name = base.clone();
        let mut n = 0;
        while !set.insert(name.clone()) {
            n += 1;
            name = format!("{base}-{n}");
        }
    }
    set
}

/// The targets of the inline links and images of a markdown text.
fn link_targets(text: &str) -> Vec<String> {
    let text = without_code_blocks(text);
    let mut targets = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        if let Some(end) = rest.find(')') {
            let target = &rest[..end];
            if !target.contains(char::is_whitespace) {
                targets.push(target.to_string());
            }
        }
    }
    targets
}

#[test]
fn every_page_is_in_the_index() {
    let index = read(&repo_root().join("docs/README.md"));
    let missing: Vec<String> = doc_pages()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|name| name != "README.md" && !index.contains(&format!("]({name})")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/README.md does not list {missing:?} (one table row each, with a one-line description)"
    );
}

#[test]
fn relative_links_and_anchors_resolve() {
    let mut files = doc_pages();
    files.push(repo_root().join("README.md"));
    let mut broken = Vec::new();
    for file in &files {
        let dir = file.parent().unwrap();
        for target in link_targets(&read(file)) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (path, anchor) = match target.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (target.as_str(), None),
            };
            let resolved = if path.is_empty() {
                file.clone()
            } else {
                dir.join(path)
            };
            if !resolved.exists() {
                broken.push(format!("{}: {target} (no such file)", file.display()));
                continue;
            }
            if let Some(anchor) = anchor {
                if resolved.extension().is_some_and(|x| x == "md")
                    && !anchors(&resolved).contains(anchor)
                {
                    broken.push(format!("{}: {target} (no such heading)", file.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// Files whose text is checked for citations of the old contracts file and
/// machine paths: docs, READMEs and the sources of every crate.
fn checked_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                checked_files(&path, out);
            }
        } else if [".md", ".rs", ".cs", ".toml", ".sh", ".dot", ".py"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            out.push(path);
        }
    }
}

#[test]
fn nothing_cites_paths_outside_the_repository() {
    let mut files = Vec::new();
    checked_files(&repo_root(), &mut files);
    // Spelled in pieces, so that this file does not match itself.
    let forbidden = [
        ["DESIGN", "-NOTES"].concat(),
        ["design", " notes"].concat(),
        ["/wo", "rk/"].concat(),
        ["/sha", "red/"].concat(),
        ["/ho", "me/"].concat(),
    ];
    let mut hits = Vec::new();
    for file in &files {
        let text = read(file);
        for (n, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            for f in &forbidden {
                if lower.contains(&f.to_lowercase()) {
                    hits.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "cite docs/design.md (or a docs/ page) instead of the old contracts file, and no machine path:\n{}",
        hits.join("\n")
    );
}

#[test]
fn every_picture_has_a_source_and_a_page() {
    let dir = repo_root().join("docs/diagrams");
    let pages: String = doc_pages().iter().map(|p| read(p)).collect();
    let mut problems = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension() != Some(std::ffi::OsStr::new("svg")) {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !path.with_extension("dot").exists() {
            problems.push(format!("{name} has no .dot source beside it"));
        }
        let embedded = pages
            .lines()
            .any(|l| l.contains("![") && l.contains(&format!("diagrams/{name})")));
        if !embedded {
            problems.push(format!("no page shows {name}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
