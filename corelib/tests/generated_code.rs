//! The checked-in output of corelib/tools/gen_convertible.py (the Convert
//! overloads and the primitives' IConvertible regions) is what the script
//! generates: a hand edit of generated code, or a change to the script
//! without rerunning it, fails here.

use std::process::Command;

#[test]
fn convertible_code_is_up_to_date() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/gen_convertible.py");
    let out = Command::new("python3")
        .arg(script)
        .arg("--check")
        .output()
        .expect("python3 runs (the generator needs it)");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
