//! Compiling `.cs` files with `mcs`, cached by content.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What a `.cs` file is compiled against.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub(super) enum Reference {
    /// Mono's mscorlib (mcs's default): what ordinary programs use. The
    /// runtime resolves the references to Osprey's corelib by type name.
    #[default]
    Mscorlib,
    /// Osprey's own corelib (`mcs -nostdlib -noconfig -r:corelib.dll`): the
    /// program can call what only corelib has, such as a newly added
    /// internal call's public wrapper or `Osprey.TransitionProbe`.
    Corelib,
}

/// The cache directory: `$OSPREY_CACHE_DIR`, else `$XDG_CACHE_HOME/osprey`,
/// else `~/.cache/osprey`, else a directory under the system temp dir.
pub(super) fn cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("OSPREY_CACHE_DIR") {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return PathBuf::from(d).join("osprey");
    }
    if let Some(h) = std::env::var_os("HOME") {
        return PathBuf::from(h).join(".cache").join("osprey");
    }
    std::env::temp_dir().join("osprey-cache")
}

/// FNV-1a, 64-bit: a stable hash for cache keys.
fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Writes `bytes` to `path` unless it already exists, through a temporary
/// file and a rename: concurrent runs never see a half-written file.
fn write_once(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if path.is_file() {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create the cache directory '{}': {e}", dir.display()))?;
    let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| format!("cannot write '{}': {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write '{}': {e}", path.display())
    })
}

/// The embedded corelib.dll, written to the cache (once per corelib
/// version: the directory is keyed by the bytes' hash); returns its path.
/// This is the file programs are compiled against with
/// [`Reference::Corelib`].
pub(super) fn corelib_path() -> Result<PathBuf, String> {
    let bytes = osprey_corelib::CORELIB_DLL;
    let path = cache_dir()
        .join(format!("corelib-{:016x}", fnv1a(bytes)))
        .join("corelib.dll");
    write_once(&path, bytes)?;
    Ok(path)
}

/// Returns the path of `source` compiled to an `.exe` against `reference`,
/// compiling it with `mcs -debug` unless an up-to-date copy is cached (the
/// debug information, `<exe>.mdb` beside it, gives stack traces their file
/// and line). The cache key is the source's content, its absolute path
/// (the debug information records it, and the file name becomes the
/// assembly name), and for [`Reference::Corelib`] corelib's content.
pub(super) fn compile_cached(source: &Path, reference: Reference) -> Result<PathBuf, String> {
    let text =
        std::fs::read(source).map_err(|e| format!("cannot read '{}': {e}", source.display()))?;
    let stem = source
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .unwrap_or("program");
    let corelib = match reference {
        Reference::Mscorlib => None,
        Reference::Corelib => Some(corelib_path()?),
    };
    let mut key_input = text.clone();
    key_input.extend_from_slice(stem.as_bytes());
    // The path the debug information names (mcs records it absolute).
    let absolute = std::fs::canonicalize(source).unwrap_or_else(|_| source.to_path_buf());
    key_input.extend_from_slice(b"\0debug\0");
    key_input.extend_from_slice(absolute.to_string_lossy().as_bytes());
    if let Some(path) = &corelib {
        // The corelib directory's name is the hash of its bytes.
        key_input.extend_from_slice(b"\0against-corelib\0");
        key_input.extend_from_slice(path.to_string_lossy().as_bytes());
    }
    let dir = cache_dir().join(format!("{:016x}", fnv1a(&key_input)));
    let exe = dir.join(format!("{stem}.exe"));
    if exe.is_file() {
        return Ok(exe);
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("cannot create the cache directory '{}': {e}", dir.display()))?;
    // Compile to a temporary name, then rename: concurrent runs never see a half-written file.
    let tmp = dir.join(format!("{stem}.{}.tmp", std::process::id()));
    // `-unsafe`: programs may use pointers and stackalloc, which Osprey runs;
    // `-debug`: the .mdb file for file and line in stack traces.
    let mut mcs = Command::new("mcs");
    mcs.arg("-unsafe").arg("-debug");
    if let Some(path) = &corelib {
        mcs.arg("-nostdlib")
            .arg("-noconfig")
            .arg(format!("-r:{}", path.display()));
    }
    let output = mcs
        .arg(format!("-out:{}", tmp.display()))
        .arg(&absolute)
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                "mcs (the Mono C# compiler) was not found; install it with: sudo apt-get install mono-mcs".to_string()
            } else {
                format!("cannot run mcs: {e}")
            }
        })?;
    let tmp_mdb = dir.join(format!("{stem}.{}.tmp.mdb", std::process::id()));
    if !output.status.success() {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(&tmp_mdb);
        let mut msg = String::from_utf8_lossy(&output.stdout).into_owned();
        msg.push_str(&String::from_utf8_lossy(&output.stderr));
        let against = if corelib.is_some() {
            " against Osprey's corelib"
        } else {
            ""
        };
        return Err(format!(
            "mcs could not compile '{}'{against}:\n{}",
            source.display(),
            msg.trim_end()
        ));
    }
    // The debug information first: an exe in the cache has its .mdb.
    let mdb = dir.join(format!("{stem}.exe.mdb"));
    if std::fs::rename(&tmp_mdb, &mdb).is_err() {
        // Without debug information traces only lose their lines.
        let _ = std::fs::remove_file(&tmp_mdb);
    }
    std::fs::rename(&tmp, &exe).map_err(|e| format!("cannot write '{}': {e}", exe.display()))?;
    Ok(exe)
}
