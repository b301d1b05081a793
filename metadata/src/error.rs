//! The error type of the crate.
//!
//! Every fallible operation returns [`MetadataError`]. Variants are grouped by
//! layer (PE container, metadata root and streams, heaps, tables, signatures,
//! method bodies, IL) and carry enough context (offsets, RVAs, table and row
//! ids) to locate the problem in the file without a debugger.

use std::fmt;

use crate::il::Opcode;
use crate::tables::{CodedIndexKind, TableId};

/// Convenience alias used throughout the crate.
pub type Result<T, E = MetadataError> = std::result::Result<T, E>;

/// Identifies one of the four metadata heaps (used in error messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeapKind {
    /// The `#Strings` heap (identifiers, UTF-8).
    Strings,
    /// The `#US` heap (user strings, UTF-16).
    UserStrings,
    /// The `#Blob` heap (signatures, constants, custom attribute values…).
    Blob,
    /// The `#GUID` heap.
    Guid,
}

impl fmt::Display for HeapKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HeapKind::Strings => "#Strings",
            HeapKind::UserStrings => "#US",
            HeapKind::Blob => "#Blob",
            HeapKind::Guid => "#GUID",
        })
    }
}

/// What went wrong while decoding a signature blob (see [`MetadataError::Signature`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SigError {
    /// The blob ended in the middle of an item.
    UnexpectedEnd,
    /// A compressed integer starts with the invalid prefix `111xxxxx`.
    BadCompressedInteger {
        /// The first byte of the integer.
        first_byte: u8,
    },
    /// A byte that is not a valid `ELEMENT_TYPE_*` at this position.
    BadElementType {
        /// The offending byte.
        byte: u8,
    },
    /// The first byte does not start the kind of signature that was expected.
    BadCallingConvention {
        /// What the caller asked for (`"method"`, `"field"`…).
        expected: &'static str,
        /// The byte found.
        byte: u8,
    },
    /// A `TypeDefOrRefOrSpecEncoded` value with the invalid tag 3.
    BadTypeDefOrRefTag {
        /// The raw encoded value.
        raw: u32,
    },
    /// A `TypeDefOrRefOrSpecEncoded` value with a null row id.
    NullTypeReference,
    /// Nesting deeper than [`crate::sig::MAX_DEPTH`] (probably a malicious blob).
    TooDeep,
    /// An element count larger than the bytes left in the blob.
    CountTooLarge {
        /// The claimed count.
        count: u32,
        /// Bytes left after the count.
        remaining: usize,
    },
    /// `ELEMENT_TYPE_SENTINEL` outside the parameter list of a vararg signature,
    /// or twice in one signature.
    UnexpectedSentinel,
}

impl fmt::Display for SigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SigError::UnexpectedEnd => f.write_str("unexpected end of blob"),
            SigError::BadCompressedInteger { first_byte } => {
                write!(f, "invalid compressed integer prefix 0x{first_byte:02X}")
            }
            SigError::BadElementType { byte } => write!(f, "unexpected element type 0x{byte:02X}"),
            SigError::BadCallingConvention { expected, byte } => {
                write!(
                    f,
                    "expected a {expected} signature, found leading byte 0x{byte:02X}"
                )
            }
            SigError::BadTypeDefOrRefTag { raw } => {
                write!(
                    f,
                    "TypeDefOrRefOrSpecEncoded value 0x{raw:X} has invalid tag 3"
                )
            }
            SigError::NullTypeReference => f.write_str("null type reference"),
            SigError::TooDeep => write!(f, "nesting deeper than {} levels", crate::sig::MAX_DEPTH),
            SigError::CountTooLarge { count, remaining } => {
                write!(
                    f,
                    "count {count} exceeds the {remaining} bytes left in the blob"
                )
            }
            SigError::UnexpectedSentinel => f.write_str("unexpected ELEMENT_TYPE_SENTINEL"),
        }
    }
}

/// What went wrong while decoding a method body (see [`MetadataError::MethodBody`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyError {
    /// The RVA is not backed by file data.
    NotMapped,
    /// The low two bits of the first byte are neither tiny (2) nor fat (3).
    UnknownFormat {
        /// The first header byte.
        first_byte: u8,
    },
    /// The fat header's size field is not 3 (dwords).
    BadFatHeaderSize {
        /// The size in dwords.
        dwords: u8,
    },
    /// The header itself is cut off.
    HeaderTruncated {
        /// Bytes needed for the header.
        needed: usize,
        /// Bytes available at the RVA.
        available: usize,
    },
    /// The header claims more code than the section holds.
    CodeTruncated {
        /// Code size from the header.
        claimed: u32,
        /// Bytes remaining after the header.
        remaining: usize,
    },
    /// The local variable signature token does not name a `StandAloneSig` row.
    BadLocalVarSigToken {
        /// The raw token.
        token: u32,
    },
    /// An extra data section is cut off.
    SectionTruncated {
        /// Offset of the section from the start of the body.
        offset: usize,
        /// Bytes the section claims (or needs for its header).
        needed: usize,
        /// Bytes available.
        available: usize,
    },
    /// An exception clause with flags other than 0 (catch), 1 (filter), 2 (finally), 4 (fault).
    BadClauseFlags {
        /// Index of the clause in the body.
        index: usize,
        /// The flags.
        flags: u32,
    },
    /// An exception clause whose protected or handler range lies outside the code.
    ClauseOutOfRange {
        /// Index of the clause in the body.
        index: usize,
        /// Which range (`"try"`, `"handler"`, `"filter"`).
        range: &'static str,
        /// Start of the range.
        start: u32,
        /// Length of the range.
        length: u32,
        /// Code size of the method.
        code_size: u32,
    },
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::NotMapped => f.write_str("RVA is not inside any section's file data"),
            BodyError::UnknownFormat { first_byte } => {
                write!(f, "unknown header format (first byte 0x{first_byte:02X})")
            }
            BodyError::BadFatHeaderSize { dwords } => {
                write!(f, "fat header size is {dwords} dwords, expected 3")
            }
            BodyError::HeaderTruncated { needed, available } => {
                write!(f, "header needs {needed} bytes, {available} remain")
            }
            BodyError::CodeTruncated { claimed, remaining } => {
                write!(f, "header claims {claimed} bytes of code, {remaining} remain")
            }
            BodyError::BadLocalVarSigToken { token } => {
                write!(f, "local variable signature token 0x{token:08X} is not a StandAloneSig token")
            }
            BodyError::SectionTruncated { offset, needed, available } => write!(
                f,
                "extra data section at body offset 0x{offset:X} needs {needed} bytes, {available} remain"
            ),
            BodyError::BadClauseFlags { index, flags } => {
                write!(f, "exception clause {index} has invalid flags 0x{flags:X}")
            }
            BodyError::ClauseOutOfRange { index, range, start, length, code_size } => write!(
                f,
                "exception clause {index}: {range} range 0x{start:X}+0x{length:X} exceeds code size 0x{code_size:X}"
            ),
        }
    }
}

/// The error type of every operation in this crate.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MetadataError {
    // ----- PE container -------------------------------------------------
    /// The `object` crate rejected the PE container.
    Pe {
        /// The reason given by the PE parser.
        reason: String,
    },
    /// The PE file has no CLI header (data directory 14 is empty): not a managed image.
    NotManaged,
    /// The CLI header is malformed.
    BadCliHeader {
        /// What is wrong.
        reason: &'static str,
    },
    /// An RVA range is not entirely inside the file data of one section.
    RvaNotMapped {
        /// The start of the range.
        rva: u32,
        /// Its length in bytes.
        len: usize,
    },

    // ----- generic structure decoding -------------------------------------
    /// A fixed-layout structure is cut off.
    Truncated {
        /// The structure being read (e.g. `"metadata root"`).
        what: &'static str,
        /// Offset inside that structure where the read started.
        offset: usize,
        /// Bytes needed.
        needed: usize,
        /// Bytes available from `offset`.
        available: usize,
    },

    // ----- metadata root and streams ---------------------------------------
    /// The metadata root does not start with `BSJB`.
    BadMetadataSignature {
        /// The four bytes found, as a little-endian u32.
        found: u32,
    },
    /// The metadata root's version string is not NUL-terminated UTF-8.
    BadVersionString,
    /// A stream header's name is not NUL-terminated ASCII within 32 bytes.
    BadStreamName {
        /// Index of the stream header.
        index: usize,
    },
    /// A stream's data lies outside the metadata block.
    StreamOutOfBounds {
        /// The stream name.
        name: String,
        /// Offset from the metadata root.
        offset: u32,
        /// Declared size.
        size: u32,
        /// Size of the metadata block.
        metadata_size: usize,
    },
    /// The image has neither a `#~` nor a `#-` stream.
    NoTableStream,

    // ----- heaps -------------------------------------------------------------
    /// A heap index points past the end of its heap.
    HeapIndexOutOfRange {
        /// Which heap.
        heap: HeapKind,
        /// The index.
        index: u32,
        /// The heap's size in bytes.
        heap_size: usize,
    },
    /// A `#Strings` entry has no terminating NUL.
    UnterminatedString {
        /// The string index.
        index: u32,
    },
    /// A `#Strings` entry is not valid UTF-8.
    InvalidUtf8 {
        /// The string index.
        index: u32,
    },
    /// A `#Blob` or `#US` entry's length prefix is invalid or runs past the heap.
    BadHeapEntry {
        /// Which heap.
        heap: HeapKind,
        /// The index of the entry.
        index: u32,
        /// What is wrong.
        reason: &'static str,
    },
    /// A compressed integer (II.23.2) is malformed.
    BadCompressedInteger {
        /// The first byte (prefix `111xxxxx` is invalid), or the truncated data's first byte.
        first_byte: u8,
        /// Whether the data ended before the integer did.
        truncated: bool,
    },

    // ----- tables --------------------------------------------------------------
    /// The `#~` stream marks a table that ECMA-335 does not define as present.
    UnsupportedTable {
        /// The table number (bit position in the `Valid` mask).
        number: u8,
    },
    /// A table declares more rows than a 24-bit row id can address.
    TooManyRows {
        /// The table.
        table: TableId,
        /// The declared row count.
        rows: u32,
    },
    /// A row id is 0 or greater than the table's row count.
    RowOutOfRange {
        /// The table.
        table: TableId,
        /// The requested row id.
        rid: u32,
        /// Rows in the table.
        row_count: u32,
    },
    /// A coded index has a tag with no table assigned.
    BadCodedIndexTag {
        /// The coded index kind.
        kind: CodedIndexKind,
        /// The raw column value.
        raw: u32,
    },
    /// A column that must not be null is null.
    NullIndex {
        /// The table holding the column.
        table: TableId,
        /// The row.
        rid: u32,
        /// The column name.
        column: &'static str,
    },
    /// A column's index points past the end of the table it refers to.
    IndexOutOfRange {
        /// The table holding the column.
        table: TableId,
        /// The row.
        rid: u32,
        /// The column name.
        column: &'static str,
        /// The table pointed to.
        target: TableId,
        /// The index value.
        index: u32,
        /// Rows in the target table.
        target_rows: u32,
    },
    /// A list column (`FieldList`, `MethodList`, `ParamList`, …) is out of order or out of range.
    BadList {
        /// The owning table.
        table: TableId,
        /// The owning row.
        rid: u32,
        /// First index of the run.
        start: u32,
        /// One past the last index of the run.
        end: u32,
        /// Rows in the listed table (the run may end at `limit + 1`).
        limit: u32,
    },
    /// A table whose `Sorted` bit is set is not sorted by its key column.
    UnsortedTable {
        /// The table.
        table: TableId,
        /// The first row whose key is smaller than its predecessor's.
        rid: u32,
    },
    /// A token names a table that does not exist or a row outside the table.
    BadToken {
        /// The raw token.
        token: u32,
        /// What the token was used for.
        context: &'static str,
    },

    // ----- signatures ------------------------------------------------------------
    /// A signature blob is malformed.
    Signature {
        /// Byte offset inside the blob.
        position: usize,
        /// What is wrong.
        error: SigError,
    },

    // ----- method bodies -----------------------------------------------------------
    /// A method body is malformed.
    MethodBody {
        /// RVA of the body.
        rva: u32,
        /// What is wrong.
        error: BodyError,
    },

    // ----- IL ------------------------------------------------------------------------
    /// An IL byte (or `0xFE`-prefixed byte) that is no ECMA-335 opcode.
    UnknownOpcode {
        /// IL offset of the instruction.
        offset: u32,
        /// The unknown byte (the second byte for `0xFE` prefixed opcodes).
        byte: u8,
        /// Whether the byte followed a `0xFE` prefix.
        prefixed: bool,
    },
    /// An instruction's operand runs past the end of the code.
    TruncatedOperand {
        /// IL offset of the instruction.
        offset: u32,
        /// The opcode.
        opcode: Opcode,
    },
    /// A branch or switch target lies outside the method's code.
    BranchOutOfRange {
        /// IL offset of the branching instruction.
        offset: u32,
        /// The computed target (may be negative).
        target: i64,
        /// Size of the code in bytes.
        code_size: u32,
    },

    // ----- context wrapper -------------------------------------------------------------
    /// Another error, with a description of what was being read (used by [`crate::walk`]).
    Context {
        /// What was being decoded, e.g. `"MethodDef row 12 signature"`.
        context: String,
        /// The underlying error.
        error: Box<MetadataError>,
    },
}

impl MetadataError {
    /// Wraps `self` with a description of what was being decoded.
    pub fn context(self, context: impl Into<String>) -> MetadataError {
        MetadataError::Context {
            context: context.into(),
            error: Box::new(self),
        }
    }

    /// The innermost error, looking through [`MetadataError::Context`] wrappers.
    pub fn root_cause(&self) -> &MetadataError {
        let mut e = self;
        while let MetadataError::Context { error, .. } = e {
            e = error;
        }
        e
    }
}

impl fmt::Display for MetadataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use MetadataError::*;
        match self {
            Pe { reason } => write!(f, "invalid PE file: {reason}"),
            NotManaged => f.write_str("not a managed image: the PE file has no CLI header"),
            BadCliHeader { reason } => write!(f, "invalid CLI header: {reason}"),
            RvaNotMapped { rva, len } => {
                write!(f, "RVA range 0x{rva:X}+0x{len:X} is not backed by section data")
            }
            Truncated { what, offset, needed, available } => write!(
                f,
                "{what} truncated: need {needed} bytes at offset 0x{offset:X}, {available} available"
            ),
            BadMetadataSignature { found } => {
                write!(f, "metadata root signature is 0x{found:08X}, expected 0x424A5342 (\"BSJB\")")
            }
            BadVersionString => f.write_str("metadata root version string is not NUL-terminated UTF-8"),
            BadStreamName { index } => {
                write!(f, "stream header {index}: name is not NUL-terminated ASCII within 32 bytes")
            }
            StreamOutOfBounds { name, offset, size, metadata_size } => write!(
                f,
                "stream {name:?} at 0x{offset:X}+0x{size:X} exceeds the metadata block (0x{metadata_size:X} bytes)"
            ),
            NoTableStream => f.write_str("metadata has no #~ or #- table stream"),
            HeapIndexOutOfRange { heap, index, heap_size } => {
                write!(f, "{heap} index 0x{index:X} is outside the heap (0x{heap_size:X} bytes)")
            }
            UnterminatedString { index } => {
                write!(f, "#Strings entry at 0x{index:X} has no terminating NUL")
            }
            InvalidUtf8 { index } => write!(f, "#Strings entry at 0x{index:X} is not valid UTF-8"),
            BadHeapEntry { heap, index, reason } => write!(f, "{heap} entry at 0x{index:X}: {reason}"),
            BadCompressedInteger { first_byte, truncated } => {
                if *truncated {
                    write!(f, "compressed integer starting with 0x{first_byte:02X} is truncated")
                } else {
                    write!(f, "invalid compressed integer prefix 0x{first_byte:02X}")
                }
            }
            UnsupportedTable { number } => {
                write!(f, "table stream marks unknown table 0x{number:02X} as present")
            }
            TooManyRows { table, rows } => {
                write!(f, "{table:?} table declares {rows} rows (more than 2^24 - 1)")
            }
            RowOutOfRange { table, rid, row_count } => {
                write!(f, "{table:?} row {rid} does not exist (table has {row_count} rows)")
            }
            BadCodedIndexTag { kind, raw } => {
                write!(f, "{kind:?} coded index 0x{raw:X} has an invalid tag")
            }
            NullIndex { table, rid, column } => {
                write!(f, "{table:?} row {rid}: column {column} must not be null")
            }
            IndexOutOfRange { table, rid, column, target, index, target_rows } => write!(
                f,
                "{table:?} row {rid}: column {column} points to {target:?} row {index}, but that table has {target_rows} rows"
            ),
            BadList { table, rid, start, end, limit } => write!(
                f,
                "{table:?} row {rid}: member list run {start}..{end} is invalid (list table has {limit} rows)"
            ),
            UnsortedTable { table, rid } => {
                write!(f, "{table:?} table is marked sorted but row {rid} is out of order")
            }
            BadToken { token, context } => write!(f, "{context}: invalid token 0x{token:08X}"),
            Signature { position, error } => write!(f, "signature blob, byte {position}: {error}"),
            MethodBody { rva, error } => write!(f, "method body at RVA 0x{rva:X}: {error}"),
            UnknownOpcode { offset, byte, prefixed } => {
                if *prefixed {
                    write!(f, "IL_{offset:04X}: unknown opcode 0xFE 0x{byte:02X}")
                } else {
                    write!(f, "IL_{offset:04X}: unknown opcode 0x{byte:02X}")
                }
            }
            TruncatedOperand { offset, opcode } => {
                write!(f, "IL_{offset:04X}: operand of {} runs past the end of the code", opcode.name())
            }
            BranchOutOfRange { offset, target, code_size } => write!(
                f,
                "IL_{offset:04X}: branch target {target} is outside the code (0x{code_size:X} bytes)"
            ),
            Context { context, error } => write!(f, "{context}: {error}"),
        }
    }
}

/// `source()` is `None` for every variant: [`MetadataError::Context`] already
/// prints its inner error, and returning it again would duplicate the text in
/// error-chain reporters.
impl std::error::Error for MetadataError {}
