//! Compiling `.cs` files with `mcs`, cached by content.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The cache directory: `$OSPREY_CACHE_DIR`, else `$XDG_CACHE_HOME/osprey`,
/// else `~/.cache/osprey`, else a directory under the system temp dir.
fn cache_dir() -> PathBuf {
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

/// Returns the path of `source` compiled to an `.exe`, compiling it with
/// `mcs` unless an up-to-date copy is cached. The cache key is the source's
/// content and file name (the file name becomes the assembly name).
pub(super) fn compile_cached(source: &Path) -> Result<PathBuf, String> {
    let text =
        std::fs::read(source).map_err(|e| format!("cannot read '{}': {e}", source.display()))?;
    let stem = source
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .unwrap_or("program");
    let mut key_input = text.clone();
    key_input.extend_from_slice(stem.as_bytes());
    let dir = cache_dir().join(format!("{:016x}", fnv1a(&key_input)));
    let exe = dir.join(format!("{stem}.exe"));
    if exe.is_file() {
        return Ok(exe);
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("cannot create the cache directory '{}': {e}", dir.display()))?;
    // Compile to a temporary name, then rename: concurrent runs never see a half-written file.
    let tmp = dir.join(format!("{stem}.{}.tmp", std::process::id()));
    // `-unsafe`: programs may use pointers and stackalloc, which Osprey runs.
    let output = Command::new("mcs")
        .arg("-unsafe")
        .arg(format!("-out:{}", tmp.display()))
        .arg(source)
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                "mcs (the Mono C# compiler) was not found; install it with: sudo apt-get install mono-mcs".to_string()
            } else {
                format!("cannot run mcs: {e}")
            }
        })?;
    if !output.status.success() {
        let _ = std::fs::remove_file(&tmp);
        let mut msg = String::from_utf8_lossy(&output.stdout).into_owned();
        msg.push_str(&String::from_utf8_lossy(&output.stderr));
        return Err(format!(
            "mcs could not compile '{}':\n{}",
            source.display(),
            msg.trim_end()
        ));
    }
    std::fs::rename(&tmp, &exe).map_err(|e| format!("cannot write '{}': {e}", exe.display()))?;
    Ok(exe)
}
