// docs/api.md's text, generated from corelib.dll (osprey_metadata::api).
// Shared, as a `#[path]` module, by examples/api_doc.rs (which writes the
// file) and tests/api_doc.rs (which fails when the file is out of date).

/// The one command that rewrites docs/api.md.
pub const REGENERATE: &str = "cargo run --release -p osprey-corelib --example api_doc";

/// The text of docs/api.md for the corelib.dll `dll`.
pub fn render(dll: &[u8]) -> Result<String, String> {
    let img = osprey_metadata::Image::parse(dll).map_err(|e| format!("corelib.dll: {e}"))?;
    let preamble = format!(
        "# Osprey's corelib: the public API\n\
         \n\
         <!-- Generated from corelib.dll; do not edit. Regenerate with `{REGENERATE}`\n\
         (corelib/tests/api_doc.rs fails when this file is out of date). -->\n\
         \n\
         Every public type of Osprey's core library and its public and protected\n\
         members, as C# declarations. A program compiled against Mono's mscorlib\n\
         binds to these by namespace, type name, member name and signature; a\n\
         member it uses that is not here raises `MissingMethodException` (or\n\
         `MissingFieldException`, `TypeLoadException`) where the program uses it,\n\
         saying that it is not implemented in Osprey's corelib. The user's guide\n\
         ([user-guide.md](user-guide.md)) says which areas are covered and what\n\
         behaves differently from .NET.\n"
    );
    osprey_metadata::api::markdown(&img, &preamble).map_err(|e| format!("corelib.dll: {e}"))
}
