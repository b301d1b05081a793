//! Finding native libraries and their entry points (lazy binding).
//!
//! The runtime never calls the dynamic loader itself: it chooses file names
//! the way .NET does on Linux and asks the kernel
//! (`NativeLibraryService`, ABI v3) to load them.
//!
//! For `[DllImport("name")]`:
//!
//! 1. the candidates: a name holding a `/` is a path, tried as given (and
//!    with `.so` appended if it has no `.so`); otherwise `lib<name>.so`,
//!    `<name>.so`, `<name>` and `lib<name>`, skipping a `lib` or `.so` the
//!    name already has (`"m"`, `"libm"`, `"libm.so"` all find
//!    `libm.so`, and `"libm.so.6"` is tried as given first);
//! 2. each candidate in the directory of the assembly that declares the
//!    P/Invoke, then by the system loader's search (`LD_LIBRARY_PATH`, the
//!    `ld.so` cache, the default directories);
//! 3. if none loads, the glibc library the name stands for (`"c"`, `"libc"`
//!    → `libc.so.6`; `m`, `dl`, `pthread`, `rt` likewise), as Mono's
//!    `dllmap` does: on Debian `libc.so` is a linker script, not a library;
//! 4. `"__Internal"` names the main program (Mono's convention).
//!
//! A library that loads is kept for the runtime's life (the kernel closes
//! it when the process ends). The symbol is the `EntryPoint` as given:
//! Linux has no `A`/`W` variants, so `ExactSpelling` changes nothing.

use std::collections::HashMap;
use std::sync::Mutex;

use osprey_kernel::client::Os;
use osprey_kernel::Handle;

use crate::loader::AssemblyId;
use crate::runtime::RuntimeError;
use crate::typesystem::ExceptionKind;

/// The libraries a runtime has loaded, by (search directory, name).
#[derive(Default)]
pub(crate) struct Libraries {
    loaded: Mutex<HashMap<(Option<String>, String), Handle>>,
    /// The directory each assembly was loaded from (searched first).
    directories: Mutex<HashMap<AssemblyId, String>>,
}

/// The glibc sonames of the libraries C programs name without a version.
const GLIBC_SONAMES: &[(&str, &str)] = &[
    ("c", "libc.so.6"),
    ("m", "libm.so.6"),
    ("dl", "libdl.so.2"),
    ("pthread", "libpthread.so.0"),
    ("rt", "librt.so.1"),
];

/// The file names to try for `name`, in order.
pub(crate) fn candidates(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    if name.contains('/') {
        add(name.to_string());
        if !name.contains(".so") {
            add(format!("{name}.so"));
        }
        return out;
    }
    let has_lib = name.starts_with("lib");
    let has_so = name.ends_with(".so") || name.contains(".so.");
    if has_so {
        add(name.to_string());
        if !has_lib {
            add(format!("lib{name}"));
        }
        return out;
    }
    if has_lib {
        add(format!("{name}.so"));
        add(name.to_string());
    } else {
        add(format!("lib{name}.so"));
        add(format!("{name}.so"));
        add(name.to_string());
        add(format!("lib{name}"));
    }
    out
}

/// The glibc soname `name` stands for, if any.
fn glibc_soname(name: &str) -> Option<&'static str> {
    let base = name.strip_prefix("lib").unwrap_or(name);
    let base = base.strip_suffix(".so").unwrap_or(base);
    GLIBC_SONAMES
        .iter()
        .find(|(short, _)| *short == base)
        .map(|(_, so)| *so)
}

impl Libraries {
    /// Records the directory `assembly` was loaded from.
    pub(crate) fn set_directory(&self, assembly: AssemblyId, directory: String) {
        self.directories
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(assembly, directory);
    }

    /// Loads (or finds loaded) the library `name` as seen from `assembly`.
    /// `DllNotFoundException` names the library and every loader message.
    pub(crate) fn load(
        &self,
        os: &Os,
        assembly: AssemblyId,
        name: &str,
    ) -> Result<Handle, RuntimeError> {
        let dir = self
            .directories
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&assembly)
            .cloned();
        let key = (dir.clone(), name.to_string());
        let mut loaded = self.loaded.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(h) = loaded.get(&key) {
            return Ok(*h);
        }
        let mut tried: Vec<String> = Vec::new();
        let mut attempt = |file: &str| -> Option<Handle> {
            match os.load_library(file) {
                Ok(h) => Some(h),
                Err(e) => {
                    let why = if e.message.is_empty() {
                        format!("{file}: {}", e.status.description())
                    } else {
                        e.message
                    };
                    if !tried.contains(&why) {
                        tried.push(why);
                    }
                    None
                }
            }
        };
        let mut found = None;
        if name == "__Internal" {
            found = attempt("");
        } else {
            'search: for c in candidates(name) {
                if !c.contains('/') {
                    if let Some(d) = &dir {
                        if let Some(h) = attempt(&format!("{d}/{c}")) {
                            found = Some(h);
                            break 'search;
                        }
                    }
                }
                if let Some(h) = attempt(&c) {
                    found = Some(h);
                    break 'search;
                }
            }
            if found.is_none() {
                if let Some(so) = glibc_soname(name) {
                    found = attempt(so);
                }
            }
        }
        match found {
            Some(h) => {
                loaded.insert(key, h);
                Ok(h)
            }
            None => Err(RuntimeError::managed(
                ExceptionKind::DllNotFound,
                Some(format!(
                    "Unable to load shared library '{name}' or one of its dependencies: {}",
                    tried.join("; ")
                )),
            )),
        }
    }

    /// The address of `entry` in library `lib` (loaded as `name`);
    /// `EntryPointNotFoundException` names both.
    pub(crate) fn symbol(
        &self,
        os: &Os,
        lib: Handle,
        name: &str,
        entry: &str,
    ) -> Result<usize, RuntimeError> {
        os.library_symbol(lib, entry).map_err(|_| {
            RuntimeError::managed(
                ExceptionKind::EntryPointNotFound,
                Some(format!(
                    "Unable to find an entry point named '{entry}' in shared library '{name}'."
                )),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_probed_as_dotnet_does_on_linux() {
        assert_eq!(candidates("m"), ["libm.so", "m.so", "m", "libm"]);
        assert_eq!(candidates("libm"), ["libm.so", "libm"]);
        assert_eq!(candidates("libm.so.6"), ["libm.so.6"]);
        assert_eq!(candidates("m.so"), ["m.so", "libm.so"]);
        assert_eq!(candidates("/opt/x/libfoo.so"), ["/opt/x/libfoo.so"]);
        assert_eq!(candidates("./foo"), ["./foo", "./foo.so"]);
        assert_eq!(glibc_soname("c"), Some("libc.so.6"));
        assert_eq!(glibc_soname("libc"), Some("libc.so.6"));
        assert_eq!(glibc_soname("libm.so"), Some("libm.so.6"));
        assert_eq!(glibc_soname("foo"), None);
    }
}
