// Build-time check of the FCall list (vm/src/fcall/mod.rs) against the
// internal calls corelib declares: a registration whose class, method or
// signature does not match a `[MethodImpl(MethodImplOptions.InternalCall)]
// extern` of corelib would leave that method unbound until a program
// calls it; this makes it a build error instead, naming the registration's
// line and what corelib declares.
//
// Used by vm/build.rs and by vm/tests/fcall_registrations.rs, as a
// `#[path]` module next to `names` (vm/src/loader/names.rs, the one
// printer of signature text: the runtime binds FCalls with the same text).

use osprey_metadata::flags::method_impl_attributes as mia;
use osprey_metadata::{Image, TableId};

/// One `FCall { class, method, sig, .. }` entry of the FCALLS table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registration {
    /// The declaring type's full name.
    pub class: String,
    /// The method's name.
    pub method: String,
    /// The registered signature text.
    pub sig: String,
    /// The 1-based line of the entry's `FCall {` in the source.
    pub line: usize,
}

/// Reads the registrations of the `FCALLS` table from the source text of
/// vm/src/fcall/mod.rs (struct literals with string fields `class`,
/// `method` and `sig`).
pub fn registrations(source: &str) -> Result<Vec<Registration>, String> {
    let start = source
        .find("pub static FCALLS")
        .ok_or("vm/src/fcall/mod.rs: no `pub static FCALLS` table")?;
    let body = &source[start..];
    let end = body
        .find("\n];")
        .ok_or("vm/src/fcall/mod.rs: the FCALLS table has no end (`];` at the start of a line)")?;
    let table = &body[..end];
    let first_line = source[..start].lines().count() + 1;
    let mut out = Vec::new();
    let mut current: Option<(usize, [Option<String>; 3])> = None;
    for (i, line) in table.lines().enumerate() {
        let line_no = first_line + i;
        let t = line.trim();
        if t.starts_with("FCall {") {
            if let Some((at, _)) = current {
                return Err(format!(
                    "vm/src/fcall/mod.rs:{at}: an FCall entry without its closing `}},`"
                ));
            }
            current = Some((line_no, [None, None, None]));
            continue;
        }
        let Some((at, fields)) = current.as_mut() else {
            continue;
        };
        for (k, key) in ["class:", "method:", "sig:"].iter().enumerate() {
            if let Some(rest) = t.strip_prefix(key) {
                let value = rest
                    .trim()
                    .trim_end_matches(',')
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .ok_or(format!(
                        "vm/src/fcall/mod.rs:{line_no}: `{key}` must be a string literal on one line"
                    ))?;
                fields[k] = Some(value.to_string());
            }
        }
        if t.starts_with("},") || t == "}" {
            let at = *at;
            let [class, method, sig] = std::mem::take(fields);
            match (class, method, sig) {
                (Some(class), Some(method), Some(sig)) => out.push(Registration {
                    class,
                    method,
                    sig,
                    line: at,
                }),
                _ => {
                    return Err(format!(
                        "vm/src/fcall/mod.rs:{at}: an FCall entry needs `class`, `method` and `sig`"
                    ))
                }
            }
            current = None;
        }
    }
    Ok(out)
}

/// A method corelib declares: (class, method, signature text, is it an
/// internal call).
type Declared = (String, String, String, bool);

/// Every method of corelib with its signature text.
fn declared(corelib: &[u8]) -> Result<Vec<Declared>, String> {
    let img = Image::parse(corelib).map_err(|e| format!("cannot read corelib.dll: {e}"))?;
    let err = |e: osprey_metadata::MetadataError| format!("corelib.dll: {e}");
    let mut out = Vec::new();
    for rid in 1..=img.row_count(TableId::TypeDef) {
        let class = img.type_def_full_name(rid).map_err(err)?.replace('/', "+");
        for m in img.method_range(rid).map_err(err)? {
            let row = img.method_def(m).map_err(err)?;
            let sig = img.method_def_sig(m).map_err(err)?;
            out.push((
                class.clone(),
                img.string(row.name).map_err(err)?.to_string(),
                crate::names::method_sig_text(&img, &sig),
                row.impl_flags & mia::INTERNAL_CALL != 0,
            ));
        }
    }
    Ok(out)
}

/// Every problem with the registrations, one line each (empty: all match
/// corelib). `Image` is only borrowed while checking.
pub fn check(regs: &[Registration], corelib: &[u8]) -> Result<Vec<String>, String> {
    let declared = declared(corelib)?;
    let mut problems = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for r in regs {
        let key = (r.class.as_str(), r.method.as_str(), r.sig.as_str());
        if let Some(first) = seen.insert(key, r.line) {
            problems.push(format!(
                "vm/src/fcall/mod.rs:{}: the FCall {}::{} \"{}\" is registered twice (first at line {first})",
                r.line, r.class, r.method, r.sig
            ));
            continue;
        }
        let same_name: Vec<&Declared> = declared
            .iter()
            .filter(|(c, m, _, _)| *c == r.class && *m == r.method)
            .collect();
        let Some(exact) = same_name.iter().find(|d| d.2 == r.sig) else {
            let internal: Vec<String> = same_name
                .iter()
                .filter(|d| d.3)
                .map(|d| format!("\"{}\"", d.2))
                .collect();
            problems.push(if same_name.is_empty() {
                format!(
                    "vm/src/fcall/mod.rs:{}: the FCall {}::{} is registered, but corelib declares no method {}::{}",
                    r.line, r.class, r.method, r.class, r.method
                )
            } else if internal.is_empty() {
                format!(
                    "vm/src/fcall/mod.rs:{}: the FCall {}::{} \"{}\" is registered, but no {}::{} of corelib is an internal call",
                    r.line, r.class, r.method, r.sig, r.class, r.method
                )
            } else {
                format!(
                    "vm/src/fcall/mod.rs:{}: the FCall {}::{} is registered with sig \"{}\", but corelib declares it as {} (docs/internal-calls.md: the sig grammar)",
                    r.line,
                    r.class,
                    r.method,
                    r.sig,
                    internal.join(" or ")
                )
            });
            continue;
        };
        if !exact.3 {
            problems.push(format!(
                "vm/src/fcall/mod.rs:{}: the FCall {}::{} \"{}\" is registered, but corelib's method is not an internal call (declare it `[MethodImpl(MethodImplOptions.InternalCall)] extern`)",
                r.line, r.class, r.method, r.sig
            ));
        }
    }
    Ok(problems)
}
