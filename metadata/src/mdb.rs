//! Mono's debug symbol files (`.mdb`, written beside an assembly by
//! `mcs -debug`): where each method's IL offsets are in the source.
//!
//! The format is Mono's symbol file version 50.0
//! (`Mono.CompilerServices.SymbolWriter`, `mono/metadata/debug-mono-symfile.c`):
//!
//! ```text
//! 0   magic u64 0x45e82623fd7fa614, major i32 (50), minor i32
//! 16  guid [16]: the module version id of the assembly it describes
//! 32  offset table, 20 × i32: total size, data section offset and size,
//!     compile units (count, table offset, size), sources (count, table
//!     offset, size), methods (count, table offset, size), type count,
//!     anonymous scopes (count, offset, size), line table base, range and
//!     opcode base, flags
//! method table:  per method, sorted by token: token, data offset, line table offset (i32 each)
//! source table:  per source file: index, data offset (i32 each); the data
//!                starts with the file name (7-bit length prefix, UTF-8)
//! line table:    a DWARF-like program per method, rows of (IL offset, line,
//!                source file), ending with an extended end-of-sequence
//! ```
//!
//! Input is untrusted (a stale or corrupt file beside an assembly): every
//! read is bounds-checked, every program is bounded by the file's size, and
//! a malformed file is an [`MdbError`], never a panic.

use std::fmt;

/// `OffsetTable.Magic`.
const MAGIC: u64 = 0x45e8_2623_fd7f_a614;
/// The only major version Mono reads (frozen since Mono 2.0).
const MAJOR_VERSION: i32 = 50;
/// The line number of rows the compiler hides (`#line hidden`).
const HIDDEN_LINE: i32 = 0x00fe_efee;

const DW_LNS_COPY: u8 = 1;
const DW_LNS_ADVANCE_PC: u8 = 2;
const DW_LNS_ADVANCE_LINE: u8 = 3;
const DW_LNS_SET_FILE: u8 = 4;
const DW_LNS_CONST_ADD_PC: u8 = 8;
const DW_LNE_END_SEQUENCE: u8 = 1;
const DW_LNE_MONO_NEGATE_IS_HIDDEN: u8 = 0x40;
const DW_LNE_MONO_EXTENSIONS_END: u8 = 0x7f;

/// Why a symbol file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MdbError {
    /// The file ends before a structure it declares.
    Truncated {
        /// What was being read.
        what: &'static str,
        /// Where.
        offset: usize,
    },
    /// The file does not start with Mono's symbol file magic.
    BadMagic,
    /// A symbol file version this reader does not know.
    UnsupportedVersion {
        /// The file's major version.
        major: i32,
        /// The file's minor version.
        minor: i32,
    },
    /// A count, offset or table parameter is out of range.
    BadHeader(&'static str),
    /// A line table holds an opcode the format does not define.
    BadOpcode {
        /// The opcode.
        opcode: u8,
        /// Where.
        offset: usize,
    },
    /// A source file name is not UTF-8.
    BadFileName {
        /// Where the name starts.
        offset: usize,
    },
}

impl fmt::Display for MdbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MdbError::Truncated { what, offset } => {
                write!(f, "truncated symbol file: {what} at offset {offset:#x}")
            }
            MdbError::BadMagic => f.write_str("not a Mono symbol file (bad magic)"),
            MdbError::UnsupportedVersion { major, minor } => {
                write!(
                    f,
                    "unsupported symbol file version {major}.{minor} (expected 50.x)"
                )
            }
            MdbError::BadHeader(what) => write!(f, "bad symbol file header: {what}"),
            MdbError::BadOpcode { opcode, offset } => {
                write!(f, "bad line table opcode {opcode:#x} at offset {offset:#x}")
            }
            MdbError::BadFileName { offset } => {
                write!(f, "source file name at offset {offset:#x} is not UTF-8")
            }
        }
    }
}

impl std::error::Error for MdbError {}

/// One row of a method's line table.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct LineRow {
    /// IL offset where the row starts.
    pub il_offset: u32,
    /// Source line (1-based; [`HIDDEN_LINE`] for hidden rows).
    pub line: i32,
    /// Index of the source file (1-based, into the source table).
    pub file: u32,
    /// The compiler marked the row hidden (no source position of its own).
    pub hidden: bool,
}

/// Where an IL offset of a method is in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLocation {
    /// The sequence point: the IL offset of the last visible row at or
    /// before the offset looked up (what mono's traces show with `--debug`).
    pub il_offset: u32,
    /// The source file, as the compiler recorded it (an absolute path for mcs).
    pub file: String,
    /// The line.
    pub line: u32,
}

/// A parsed symbol file. Line tables are decoded when asked for.
#[derive(Clone, Debug)]
pub struct SymbolFile {
    bytes: Vec<u8>,
    guid: [u8; 16],
    line_base: i32,
    line_range: i32,
    opcode_base: u8,
    source_count: u32,
    source_table: usize,
    /// (method token, line table offset), sorted by token.
    methods: Vec<(u32, usize)>,
}

/// Bounds-checked little-endian reads.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn at(bytes: &'a [u8], pos: usize) -> Self {
        Reader { bytes, pos }
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], MdbError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|e| *e <= self.bytes.len())
            .ok_or(MdbError::Truncated {
                what,
                offset: self.pos,
            })?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, MdbError> {
        Ok(self.take(1, what)?[0])
    }

    fn i32(&mut self, what: &'static str) -> Result<i32, MdbError> {
        let b = self.take(4, what)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self, what: &'static str) -> Result<u64, MdbError> {
        let b = self.take(8, what)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    /// `BinaryReader.Read7BitEncodedInt`: at most 5 bytes, the bits of an
    /// `int` (so negative values take 5 bytes).
    fn leb128(&mut self, what: &'static str) -> Result<i32, MdbError> {
        let mut value: u32 = 0;
        for i in 0..5 {
            let b = self.u8(what)?;
            value |= u32::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(value as i32);
            }
        }
        Err(MdbError::BadHeader(
            "a 7-bit encoded integer longer than 5 bytes",
        ))
    }
}

/// An offset read from the file, checked to lie inside it.
fn offset(value: i32, len: usize, what: &'static str) -> Result<usize, MdbError> {
    usize::try_from(value)
        .ok()
        .filter(|o| *o <= len)
        .ok_or(MdbError::BadHeader(what))
}

impl SymbolFile {
    /// Parses the header and the method index of a symbol file.
    pub fn parse(bytes: Vec<u8>) -> Result<SymbolFile, MdbError> {
        let len = bytes.len();
        let mut r = Reader::at(&bytes, 0);
        if r.u64("the magic number")? != MAGIC {
            return Err(MdbError::BadMagic);
        }
        let major = r.i32("the version")?;
        let minor = r.i32("the version")?;
        if major != MAJOR_VERSION {
            return Err(MdbError::UnsupportedVersion { major, minor });
        }
        let mut guid = [0u8; 16];
        guid.copy_from_slice(r.take(16, "the guid")?);
        let mut table = [0i32; 20];
        for v in &mut table {
            *v = r.i32("the offset table")?;
        }
        let [_total, _data, _data_size, _units, _unit_table, _unit_size, source_count, source_table, _source_size, method_count, method_table, _method_size, _types, _scopes, _scope_table, _scope_size, line_base, line_range, opcode_base, _flags] =
            table;
        if !(1..=255).contains(&line_range) || !(1..=255).contains(&opcode_base) {
            return Err(MdbError::BadHeader("line table parameters"));
        }
        let source_count =
            u32::try_from(source_count).map_err(|_| MdbError::BadHeader("source count"))?;
        let source_table = offset(source_table, len, "source table offset")?;
        if (source_count as usize).saturating_mul(8) > len - source_table {
            return Err(MdbError::BadHeader("source table extends past the file"));
        }
        let method_count =
            usize::try_from(method_count).map_err(|_| MdbError::BadHeader("method count"))?;
        let method_table = offset(method_table, len, "method table offset")?;
        if method_count.saturating_mul(12) > len - method_table {
            return Err(MdbError::BadHeader("method table extends past the file"));
        }
        let mut methods = Vec::with_capacity(method_count);
        let mut r = Reader::at(&bytes, method_table);
        for _ in 0..method_count {
            let token = r.i32("a method entry")? as u32;
            let _data = r.i32("a method entry")?;
            let lines = offset(r.i32("a method entry")?, len, "line table offset")?;
            methods.push((token, lines));
        }
        methods.sort_unstable_by_key(|m| m.0);
        Ok(SymbolFile {
            line_base,
            line_range,
            opcode_base: opcode_base as u8,
            source_count,
            source_table,
            methods,
            guid,
            bytes,
        })
    }

    /// The module version id of the assembly the file describes (the
    /// Module row's Mvid, as stored in the `#GUID` heap).
    pub fn guid(&self) -> [u8; 16] {
        self.guid
    }

    /// The rows of the line table of the method with this MethodDef token
    /// (empty when the file has none for it).
    pub fn lines(&self, method_token: u32) -> Result<Vec<LineRow>, MdbError> {
        let Ok(i) = self.methods.binary_search_by_key(&method_token, |m| m.0) else {
            return Ok(Vec::new());
        };
        let (_, start) = self.methods[i];
        let max_increment = (255 - i32::from(self.opcode_base)) / self.line_range;
        let mut r = Reader::at(&self.bytes, start);
        let (mut il, mut line, mut file, mut hidden) = (0i64, 1i64, 1i64, false);
        let mut rows = Vec::new();
        let mut row = |il: i64, line: i64, file: i64, hidden: bool| {
            // Rows outside the ranges IL offsets and lines can take are
            // corrupt; skip them rather than invent positions.
            if let (Ok(il_offset), Ok(line), Ok(file)) =
                (u32::try_from(il), i32::try_from(line), u32::try_from(file))
            {
                rows.push(LineRow {
                    il_offset,
                    line,
                    file,
                    hidden,
                });
            }
        };
        // Every opcode consumes at least one byte: the program cannot run
        // longer than the rest of the file.
        while r.pos < self.bytes.len() {
            let at = r.pos;
            let opcode = r.u8("a line table")?;
            match opcode {
                0 => {
                    let size = usize::from(r.u8("a line table")?);
                    let end = r.pos + size;
                    let ext = r.u8("a line table")?;
                    if ext == DW_LNE_END_SEQUENCE {
                        return Ok(rows);
                    } else if ext == DW_LNE_MONO_NEGATE_IS_HIDDEN {
                        hidden = !hidden;
                    } else if !(DW_LNE_MONO_NEGATE_IS_HIDDEN..=DW_LNE_MONO_EXTENSIONS_END)
                        .contains(&ext)
                    {
                        return Err(MdbError::BadOpcode {
                            opcode: ext,
                            offset: at,
                        });
                    }
                    r.pos = end.max(r.pos);
                }
                DW_LNS_COPY => row(il, line, file, hidden),
                DW_LNS_ADVANCE_PC => il += i64::from(r.leb128("a line table")?),
                DW_LNS_ADVANCE_LINE => line += i64::from(r.leb128("a line table")?),
                DW_LNS_SET_FILE => file = i64::from(r.leb128("a line table")?),
                DW_LNS_CONST_ADD_PC => il += i64::from(max_increment),
                op if op < self.opcode_base => {
                    return Err(MdbError::BadOpcode { opcode, offset: at })
                }
                op => {
                    let special = i32::from(op - self.opcode_base);
                    il += i64::from(special / self.line_range);
                    line += i64::from(self.line_base + special % self.line_range);
                    row(il, line, file, hidden);
                }
            }
        }
        Err(MdbError::Truncated {
            what: "a line table (no end of sequence)",
            offset: r.pos,
        })
    }

    /// The name of source file `index` (1-based).
    pub fn source_file(&self, index: u32) -> Result<String, MdbError> {
        if index == 0 || index > self.source_count {
            return Err(MdbError::BadHeader("source file index"));
        }
        let mut r = Reader::at(&self.bytes, self.source_table + 8 * (index as usize - 1));
        let _index = r.i32("a source entry")?;
        let data = offset(
            r.i32("a source entry")?,
            self.bytes.len(),
            "source data offset",
        )?;
        let mut r = Reader::at(&self.bytes, data);
        let len = usize::try_from(r.leb128("a source file name")?)
            .map_err(|_| MdbError::BadHeader("source file name length"))?;
        let name = r.take(len, "a source file name")?;
        String::from_utf8(name.to_vec()).map_err(|_| MdbError::BadFileName { offset: data })
    }

    /// Where IL offset `il` of the method with this token is, as mono's
    /// traces show it with `--debug`: the sequence point is the last visible
    /// row at or before `il`; its line is the last row's line at or before
    /// the sequence point that is not a hidden line. `None` when the method
    /// has no rows at or before `il`, or the file is damaged there.
    pub fn location(&self, method_token: u32, il: u32) -> Option<SourceLocation> {
        let rows = self.lines(method_token).ok()?;
        let seq = rows
            .iter()
            .filter(|r| !r.hidden && r.il_offset <= il)
            .map(|r| r.il_offset)
            .max()?;
        let (line, file) = rows
            .iter()
            .filter(|r| r.il_offset <= seq && r.line != HIDDEN_LINE)
            .max_by_key(|r| r.il_offset)
            .map(|r| (r.line, r.file))?;
        Some(SourceLocation {
            il_offset: seq,
            file: self.source_file(file).ok()?,
            line: u32::try_from(line).ok().filter(|l| *l > 0)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A symbol file with one source and one method whose line table is `program`.
    fn file(program: &[u8]) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&MAGIC.to_le_bytes());
        b.extend_from_slice(&50i32.to_le_bytes());
        b.extend_from_slice(&0i32.to_le_bytes());
        b.extend_from_slice(&[7u8; 16]);
        let table_at = b.len();
        b.extend_from_slice(&[0u8; 80]);
        let name_at = b.len();
        b.push(4);
        b.extend_from_slice(b"a.cs");
        let lines_at = b.len();
        b.extend_from_slice(program);
        let methods_at = b.len();
        for v in [0x0600_0001u32, 0, lines_at as u32] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        let sources_at = b.len();
        for v in [1u32, name_at as u32] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        let mut t = [0i32; 20];
        t[6] = 1;
        t[7] = sources_at as i32;
        t[9] = 1;
        t[10] = methods_at as i32;
        t[16] = -1;
        t[17] = 8;
        t[18] = 9;
        for (i, v) in t.iter().enumerate() {
            b[table_at + 4 * i..table_at + 4 * i + 4].copy_from_slice(&v.to_le_bytes());
        }
        b
    }

    /// Special opcode for (IL advance, line advance) with mcs's parameters.
    fn special(il: i32, line: i32) -> u8 {
        (line - -1 + 8 * il + 9) as u8
    }

    #[test]
    fn decodes_rows_and_looks_up_sequence_points() {
        // line 3 at IL 0, line 4 at IL 1, (advance_line 10) line 14 at IL 6, end.
        let program = [
            DW_LNS_ADVANCE_LINE,
            2,
            DW_LNS_COPY,
            special(1, 1),
            DW_LNS_ADVANCE_LINE,
            10,
            DW_LNS_ADVANCE_PC,
            5,
            DW_LNS_COPY,
            0,
            1,
            DW_LNE_END_SEQUENCE,
        ];
        let f = SymbolFile::parse(file(&program)).unwrap();
        assert_eq!(f.guid(), [7u8; 16]);
        let rows = f.lines(0x0600_0001).unwrap();
        let pairs: Vec<(u32, i32)> = rows.iter().map(|r| (r.il_offset, r.line)).collect();
        assert_eq!(pairs, [(0, 3), (1, 4), (6, 14)]);
        let at = |il| {
            f.location(0x0600_0001, il)
                .map(|l| (l.il_offset, l.line, l.file))
        };
        assert_eq!(at(0), Some((0, 3, "a.cs".to_string())));
        assert_eq!(at(5), Some((1, 4, "a.cs".to_string())));
        assert_eq!(at(40), Some((6, 14, "a.cs".to_string())));
        assert_eq!(f.location(0x0600_0002, 0), None, "a method without rows");
    }

    #[test]
    fn hidden_rows_are_not_sequence_points() {
        let program = [
            DW_LNS_COPY, // IL 0, line 1
            0,
            1,
            DW_LNE_MONO_NEGATE_IS_HIDDEN,
            special(4, 0), // IL 4, hidden
            0,
            1,
            DW_LNE_END_SEQUENCE,
        ];
        let f = SymbolFile::parse(file(&program)).unwrap();
        let l = f.location(0x0600_0001, 6).unwrap();
        assert_eq!((l.il_offset, l.line), (0, 1));
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        let good = file(&[DW_LNS_COPY, 0, 1, DW_LNE_END_SEQUENCE]);
        assert_eq!(
            SymbolFile::parse(Vec::new()).unwrap_err(),
            MdbError::Truncated {
                what: "the magic number",
                offset: 0
            }
        );
        let mut bad = good.clone();
        bad[0] ^= 1;
        assert_eq!(SymbolFile::parse(bad).unwrap_err(), MdbError::BadMagic);
        let mut v51 = good.clone();
        v51[8] = 51;
        assert!(matches!(
            SymbolFile::parse(v51),
            Err(MdbError::UnsupportedVersion { major: 51, .. })
        ));
        // Every truncation and every single-byte change parses or fails cleanly,
        // and lookups on whatever parsed never panic.
        for len in 0..good.len() {
            if let Ok(f) = SymbolFile::parse(good[..len].to_vec()) {
                let _ = f.location(0x0600_0001, 3);
            }
        }
        for i in 0..good.len() {
            for v in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut b = good.clone();
                b[i] = v;
                if let Ok(f) = SymbolFile::parse(b) {
                    let _ = f.lines(0x0600_0001);
                    let _ = f.location(0x0600_0001, 3);
                    let _ = f.source_file(1);
                }
            }
        }
    }
}
