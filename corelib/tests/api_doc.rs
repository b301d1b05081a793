//! docs/api.md is generated from corelib.dll: this fails when it is out of
//! date (a corelib change added, removed or changed a public member) and
//! says which command regenerates it.

#[path = "../tools/api_doc.rs"]
mod api_doc;

#[test]
fn docs_api_md_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/api.md");
    let expected = api_doc::render(osprey_corelib::CORELIB_DLL).expect("corelib.dll renders");
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "docs/api.md is out of date (first difference at line {}: docs/api.md has {:?}, corelib gives {:?}).\n\
             Regenerate it with:\n    {}",
            first + 1,
            actual.lines().nth(first).unwrap_or("<end of file>"),
            expected.lines().nth(first).unwrap_or("<end of file>"),
            api_doc::REGENERATE
        );
    }
}

#[test]
fn the_api_lists_what_programs_use() {
    let text = api_doc::render(osprey_corelib::CORELIB_DLL).unwrap();
    for needle in [
        "### System.Console",
        "public static class Console",
        "public static void WriteLine(string value);",
        "### System.String",
        "public sealed class String",
        "public int Length { get; }",
        "public char this[int index] { get; }",
        "public Exception(string message);",
        "public const int MaxValue = 2147483647;",
        "public static uint Adler32(string s);",
    ] {
        assert!(
            text.contains(needle),
            "docs/api.md should contain {needle:?}"
        );
    }
    // Internal and private members never appear.
    assert!(!text.contains("Adler32Core"), "a private extern is listed");
    assert!(!text.contains("internal "), "an internal member is listed");
}
