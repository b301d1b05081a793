//! Debug information for stack traces: the source file and line of a frame.
//!
//! The command line reads the `.mdb` file mcs writes beside an assembly
//! (`mcs -debug`; `osprey run x.cs` compiles that way) and hands its bytes
//! to [`Runtime::load_symbols`]. A trace frame of a method the file
//! describes then reads as mono prints it with `--debug`:
//!
//! ```text
//!   at Program.Validate (System.Int32 qty) [0x00008] in /path/x.cs:15
//! ```
//!
//! where the IL offset is the sequence point (the compiler's row at or
//! before the instruction running) and the line is that row's. Debug
//! information is a convenience: a missing, stale (another build's module
//! version id) or corrupt file is ignored, and the frames print without
//! file and line, as before.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use osprey_metadata::mdb::{MdbError, SourceLocation, SymbolFile};
use osprey_metadata::tables::ModuleRow;

use crate::loader::{AssemblyId, MethodHandle};
use crate::runtime::Runtime;

/// The symbol files of a runtime's assemblies.
#[derive(Default)]
pub(crate) struct Symbols {
    files: RwLock<HashMap<AssemblyId, Arc<SymbolFile>>>,
}

/// Why a symbol file was not attached to its assembly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SymbolsError {
    /// The file could not be read as a Mono symbol file.
    Format(MdbError),
    /// The file describes another build of the assembly.
    Stale,
}

impl std::fmt::Display for SymbolsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SymbolsError::Format(e) => write!(f, "{e}"),
            SymbolsError::Stale => f.write_str("the symbol file describes another build"),
        }
    }
}

impl std::error::Error for SymbolsError {}

impl Symbols {
    /// Where IL offset `il` of `method` is in the source, if its assembly
    /// has debug information covering it.
    pub(crate) fn location(&self, method: MethodHandle, il: u32) -> Option<SourceLocation> {
        let file = self
            .files
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(&method.assembly)
            .cloned()?;
        file.location(0x0600_0000 | method.rid, il)
    }
}

impl Runtime {
    /// Attaches the debug information in `mdb` (the bytes of the `.mdb`
    /// file beside the assembly) to `assembly`, for stack traces. A file
    /// that cannot be read or belongs to another build is refused (the
    /// caller ignores the error: traces then have no file and line).
    pub fn load_symbols(&self, assembly: AssemblyId, mdb: Vec<u8>) -> Result<(), SymbolsError> {
        let file = SymbolFile::parse(mdb).map_err(SymbolsError::Format)?;
        let mvid = {
            let asm = self.loader().assembly(assembly);
            let img = asm.image();
            img.row::<ModuleRow>(1)
                .ok()
                .and_then(|m| img.guid(m.mvid).ok().flatten())
                .map(|g| g.0)
        };
        if mvid != Some(file.guid()) {
            return Err(SymbolsError::Stale);
        }
        self.symbols
            .files
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(assembly, Arc::new(file));
        Ok(())
    }
}
