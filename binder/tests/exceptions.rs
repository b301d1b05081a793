//! Every exception kind the runtime raises names a corelib class that
//! derives from `System.Exception` (so raising one never fails for want of
//! its type), read from the corelib.dll the build embeds.

use osprey_binder::ExceptionKind;
use osprey_metadata::tables::TypeDefOrRef;
use osprey_metadata::Image;

#[test]
fn every_exception_kind_is_a_corelib_exception_class() {
    let img = Image::parse(osprey_corelib::CORELIB_DLL).expect("corelib parses");
    let exception = img
        .find_type_def("System", "Exception")
        .unwrap()
        .expect("corelib defines System.Exception");
    let mut missing = Vec::new();
    for kind in ExceptionKind::ALL {
        let Some(mut rid) = img.find_type_def(kind.namespace(), kind.name()).unwrap() else {
            missing.push(format!("{}: not defined", kind.full_name()));
            continue;
        };
        // Corelib's exceptions derive from corelib types only.
        let mut depth = 0;
        while rid != exception {
            match img.type_def(rid).unwrap().extends {
                Some(TypeDefOrRef::TypeDef(base)) if depth < 16 => rid = base,
                _ => {
                    missing.push(format!("{}: not an exception", kind.full_name()));
                    break;
                }
            }
            depth += 1;
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// docs/exceptions.md lists every kind with its type and message; the
/// table must be the code's, row for row.
#[test]
fn the_documented_table_is_the_code() {
    let doc = include_str!("../../docs/exceptions.md");
    let header = "| kind | corelib type | message when none is given |\n| --- | --- | --- |\n";
    let start = doc.find(header).expect("the table's header") + header.len();
    let documented: Vec<&str> = doc[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .collect();
    let expected: Vec<String> = ExceptionKind::ALL
        .iter()
        .map(|k| {
            format!(
                "| `{k:?}` | `{}` | {} |",
                k.full_name(),
                k.default_message()
            )
        })
        .collect();
    assert_eq!(
        documented,
        expected,
        "docs/exceptions.md's table of exception kinds differs from binder/src/exceptions.rs; expected:\n{}",
        expected.join("\n")
    );
}
