//! The metadata tables stream (`#~`, or the uncompressed `#-`; ECMA-335 II.24.2.6).
//!
//! [`Tables::parse`] reads the stream header, computes every column's width
//! (heap index widths from `HeapSizes`, table and coded index widths from row
//! counts) and slices out each table. Rows are decoded on demand, either raw
//! ([`Table::column`]) or typed ([`Tables::row`], see [`rows`]).

pub mod coded;
pub mod rows;
pub mod schema;

pub use coded::{
    CodedIndex, CodedIndexKind, CustomAttributeType, HasConstant, HasCustomAttribute,
    HasDeclSecurity, HasFieldMarshal, HasSemantics, Implementation, MemberForwarded,
    MemberRefParent, MethodDefOrRef, ResolutionScope, TypeDefOrRef, TypeOrMethodDef,
};
pub use rows::*;
pub use schema::{ColumnDef, ColumnKind};

use crate::error::{MetadataError, Result};
use crate::reader::Reader;
use schema::MAX_COLUMNS;

macro_rules! table_ids {
    ($($(#[$doc:meta])* $name:ident = $value:literal,)+) => {
        /// The metadata tables of ECMA-335 II.22, numbered as in the `Valid` mask and in tokens.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        pub enum TableId {
            $($(#[$doc])* $name = $value,)+
        }

        impl TableId {
            /// All tables, in numeric order.
            pub const ALL: [TableId; TABLE_COUNT] = [$(TableId::$name,)+];

            /// The table with number `value`, if ECMA-335 defines one.
            pub fn from_u8(value: u8) -> Option<TableId> {
                match value {
                    $($value => Some(TableId::$name),)+
                    _ => None,
                }
            }

            /// The table's name as in ECMA-335 (e.g. `"TypeDef"`, `"FieldRVA"`).
            pub fn name(self) -> &'static str {
                match self {
                    $(TableId::$name => stringify!($name),)+
                }
            }
        }
    };
}

/// Number of tables defined by ECMA-335 (0x00 – 0x2C).
pub const TABLE_COUNT: usize = 45;

table_ids! {
    /// 0x00: the current module.
    Module = 0x00,
    /// 0x01: references to types in other modules or assemblies.
    TypeRef = 0x01,
    /// 0x02: type definitions.
    TypeDef = 0x02,
    /// 0x03: indirection for Field lists (uncompressed `#-` streams).
    FieldPtr = 0x03,
    /// 0x04: field definitions.
    Field = 0x04,
    /// 0x05: indirection for MethodDef lists.
    MethodPtr = 0x05,
    /// 0x06: method definitions.
    MethodDef = 0x06,
    /// 0x07: indirection for Param lists.
    ParamPtr = 0x07,
    /// 0x08: parameter definitions.
    Param = 0x08,
    /// 0x09: interfaces implemented by types.
    InterfaceImpl = 0x09,
    /// 0x0A: references to fields and methods.
    MemberRef = 0x0A,
    /// 0x0B: default values of fields, params and properties.
    Constant = 0x0B,
    /// 0x0C: custom attributes.
    CustomAttribute = 0x0C,
    /// 0x0D: marshalling descriptors.
    FieldMarshal = 0x0D,
    /// 0x0E: declarative security.
    DeclSecurity = 0x0E,
    /// 0x0F: explicit packing and size of types.
    ClassLayout = 0x0F,
    /// 0x10: explicit field offsets.
    FieldLayout = 0x10,
    /// 0x11: stand-alone signatures (locals, `calli`).
    StandAloneSig = 0x11,
    /// 0x12: events of a type.
    EventMap = 0x12,
    /// 0x13: indirection for Event lists.
    EventPtr = 0x13,
    /// 0x14: event definitions.
    Event = 0x14,
    /// 0x15: properties of a type.
    PropertyMap = 0x15,
    /// 0x16: indirection for Property lists.
    PropertyPtr = 0x16,
    /// 0x17: property definitions.
    Property = 0x17,
    /// 0x18: accessor methods of events and properties.
    MethodSemantics = 0x18,
    /// 0x19: explicit method overrides.
    MethodImpl = 0x19,
    /// 0x1A: references to other modules.
    ModuleRef = 0x1A,
    /// 0x1B: type specifications (signatures).
    TypeSpec = 0x1B,
    /// 0x1C: P/Invoke information.
    ImplMap = 0x1C,
    /// 0x1D: initial data of fields (`FieldRVA`).
    FieldRva = 0x1D,
    /// 0x1E: edit-and-continue log (`ENCLog`).
    EncLog = 0x1E,
    /// 0x1F: edit-and-continue map (`ENCMap`).
    EncMap = 0x1F,
    /// 0x20: the assembly manifest.
    Assembly = 0x20,
    /// 0x21: unused.
    AssemblyProcessor = 0x21,
    /// 0x22: unused (`AssemblyOS`).
    AssemblyOs = 0x22,
    /// 0x23: referenced assemblies.
    AssemblyRef = 0x23,
    /// 0x24: unused.
    AssemblyRefProcessor = 0x24,
    /// 0x25: unused (`AssemblyRefOS`).
    AssemblyRefOs = 0x25,
    /// 0x26: files of a multi-file assembly.
    File = 0x26,
    /// 0x27: types exported or forwarded by the assembly.
    ExportedType = 0x27,
    /// 0x28: managed resources.
    ManifestResource = 0x28,
    /// 0x29: nesting of types.
    NestedClass = 0x29,
    /// 0x2A: generic parameters.
    GenericParam = 0x2A,
    /// 0x2B: generic method instantiations.
    MethodSpec = 0x2B,
    /// 0x2C: constraints of generic parameters.
    GenericParamConstraint = 0x2C,
}

impl TableId {
    /// The `*Ptr` indirection table for tables whose runs are listed by other
    /// tables (Field, MethodDef, Param, Event, Property).
    pub fn ptr_table(self) -> Option<TableId> {
        match self {
            TableId::Field => Some(TableId::FieldPtr),
            TableId::MethodDef => Some(TableId::MethodPtr),
            TableId::Param => Some(TableId::ParamPtr),
            TableId::Event => Some(TableId::EventPtr),
            TableId::Property => Some(TableId::PropertyPtr),
            _ => None,
        }
    }

    /// The ECMA-335 spelling differs from the Rust name for a few tables.
    pub fn spec_name(self) -> &'static str {
        match self {
            TableId::FieldRva => "FieldRVA",
            TableId::EncLog => "ENCLog",
            TableId::EncMap => "ENCMap",
            TableId::AssemblyOs => "AssemblyOS",
            TableId::AssemblyRefOs => "AssemblyRefOS",
            other => other.name(),
        }
    }
}

/// `HeapSizes` bit: `#Strings` indexes are 4 bytes.
pub const HEAP_STRINGS_LARGE: u8 = 0x01;
/// `HeapSizes` bit: `#GUID` indexes are 4 bytes.
pub const HEAP_GUID_LARGE: u8 = 0x02;
/// `HeapSizes` bit: `#Blob` indexes are 4 bytes.
pub const HEAP_BLOB_LARGE: u8 = 0x04;
/// `HeapSizes` bit (uncompressed streams): 4 extra bytes follow the row counts.
pub const HEAP_EXTRA_DATA: u8 = 0x40;

/// The fixed header of the tables stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TablesHeader {
    /// Major schema version (2).
    pub major_version: u8,
    /// Minor schema version (0).
    pub minor_version: u8,
    /// `HeapSizes` bits ([`HEAP_STRINGS_LARGE`] etc.).
    pub heap_sizes: u8,
    /// Bit `n` set if table `n` is present.
    pub valid: u64,
    /// Bit `n` set if table `n` is sorted by its key column.
    pub sorted: u64,
    /// Whether this is the uncompressed `#-` stream (may have `*Ptr` tables).
    pub uncompressed: bool,
}

/// Position and width of one column within a row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ColumnLayout {
    offset: u8,
    width: u8,
}

/// One table: its rows' bytes and column layout. Cheap to copy.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    id: TableId,
    row_count: u32,
    row_size: usize,
    data: &'a [u8],
    columns: [ColumnLayout; MAX_COLUMNS],
}

impl<'a> Table<'a> {
    /// Which table this is.
    pub fn id(&self) -> TableId {
        self.id
    }

    /// Number of rows (row ids run from 1 to this).
    pub fn row_count(&self) -> u32 {
        self.row_count
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.row_count == 0
    }

    /// Size of one row in bytes.
    pub fn row_size(&self) -> usize {
        self.row_size
    }

    /// The bytes of all rows.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The column definitions (names and kinds).
    pub fn column_defs(&self) -> &'static [ColumnDef] {
        schema::columns(self.id)
    }

    /// Width in bytes of column `col` (2 or 4, or 0 if there is no such column).
    pub fn column_width(&self, col: usize) -> usize {
        self.columns.get(col).map_or(0, |c| usize::from(c.width))
    }

    /// The bytes of row `rid` (1-based).
    pub fn row_bytes(&self, rid: u32) -> Result<&'a [u8]> {
        let out_of_range = || MetadataError::RowOutOfRange {
            table: self.id,
            rid,
            row_count: self.row_count,
        };
        if rid == 0 || rid > self.row_count {
            return Err(out_of_range());
        }
        // rid <= row_count and row_count * row_size was checked at parse time.
        let start = (rid as usize - 1) * self.row_size;
        self.data
            .get(start..start + self.row_size)
            .ok_or_else(out_of_range)
    }

    /// The raw value of column `col` of row `rid`.
    pub fn column(&self, rid: u32, col: usize) -> Result<u32> {
        let row = self.row_bytes(rid)?;
        let layout = self.columns.get(col).copied().unwrap_or_default();
        Ok(read_column(row, layout))
    }

    /// Like [`Table::column`] for a row id known to be in range (0 otherwise).
    pub(crate) fn raw(&self, rid: u32, col: usize) -> u32 {
        self.column(rid, col).unwrap_or(0)
    }
}

/// Reads a 2- or 4-byte little-endian column value (0 if out of bounds, which
/// cannot happen for layouts computed by [`Tables::parse`]).
fn read_column(row: &[u8], layout: ColumnLayout) -> u32 {
    let offset = usize::from(layout.offset);
    match layout.width {
        2 => crate::reader::le_u16_at(row, offset).map_or(0, u32::from),
        4 => crate::reader::le_u32_at(row, offset).unwrap_or(0),
        _ => 0,
    }
}

/// The parsed tables stream.
#[derive(Debug, Clone)]
pub struct Tables<'a> {
    header: TablesHeader,
    tables: [Table<'a>; TABLE_COUNT],
}

impl<'a> Tables<'a> {
    /// Parses a `#~` (`uncompressed == false`) or `#-` stream.
    pub fn parse(stream: &'a [u8], uncompressed: bool) -> Result<Self> {
        let mut r = Reader::new(stream, "tables stream");
        let _reserved = r.u32()?;
        let major_version = r.u8()?;
        let minor_version = r.u8()?;
        let heap_sizes = r.u8()?;
        let _reserved = r.u8()?;
        let valid = r.u64()?;
        let sorted = r.u64()?;
        let header = TablesHeader {
            major_version,
            minor_version,
            heap_sizes,
            valid,
            sorted,
            uncompressed,
        };

        let mut row_counts = [0u32; TABLE_COUNT];
        for bit in 0..64u8 {
            if valid & (1u64 << bit) == 0 {
                continue;
            }
            let table =
                TableId::from_u8(bit).ok_or(MetadataError::UnsupportedTable { number: bit })?;
            let rows = r.u32()?;
            if rows > 0x00FF_FFFF {
                return Err(MetadataError::TooManyRows { table, rows });
            }
            row_counts[table as usize] = rows;
        }
        if heap_sizes & HEAP_EXTRA_DATA != 0 {
            r.skip(4)?;
        }

        let widths = Widths {
            heap_sizes,
            row_counts: &row_counts,
        };
        let empty = Table {
            id: TableId::Module,
            row_count: 0,
            row_size: 0,
            data: &[],
            columns: [ColumnLayout::default(); MAX_COLUMNS],
        };
        let mut tables = [empty; TABLE_COUNT];
        for id in TableId::ALL {
            let mut columns = [ColumnLayout::default(); MAX_COLUMNS];
            let mut offset = 0u8;
            for (layout, def) in columns.iter_mut().zip(schema::columns(id)) {
                let width = widths.of(def.kind);
                *layout = ColumnLayout { offset, width };
                offset += width; // at most 9 columns of 4 bytes
            }
            let row_count = row_counts[id as usize];
            let row_size = usize::from(offset);
            let size =
                (row_count as usize)
                    .checked_mul(row_size)
                    .ok_or(MetadataError::Truncated {
                        what: "tables stream",
                        offset: r.position(),
                        needed: usize::MAX,
                        available: r.remaining(),
                    })?;
            let data = r.bytes(size)?;
            tables[id as usize] = Table {
                id,
                row_count,
                row_size,
                data,
                columns,
            };
        }
        let tables = Tables { header, tables };
        tables.check_ptr_tables()?;
        Ok(tables)
    }

    /// Checks that every `*Ptr` entry names an existing row, so that member
    /// runs can be iterated without further checks.
    fn check_ptr_tables(&self) -> Result<()> {
        for target in [
            TableId::Field,
            TableId::MethodDef,
            TableId::Param,
            TableId::Event,
            TableId::Property,
        ] {
            let Some(ptr_id) = target.ptr_table() else {
                continue;
            };
            let ptr = self.table(ptr_id);
            let target_rows = self.row_count(target);
            for rid in 1..=ptr.row_count() {
                let index = ptr.raw(rid, 0);
                if index == 0 || index > target_rows {
                    return Err(MetadataError::IndexOutOfRange {
                        table: ptr_id,
                        rid,
                        column: schema::columns(ptr_id)[0].name,
                        target,
                        index,
                        target_rows,
                    });
                }
            }
        }
        Ok(())
    }

    /// The stream header.
    pub fn header(&self) -> &TablesHeader {
        &self.header
    }

    /// The table `id` (empty if not present).
    pub fn table(&self, id: TableId) -> Table<'a> {
        self.tables[id as usize]
    }

    /// Number of rows of table `id`.
    pub fn row_count(&self, id: TableId) -> u32 {
        self.tables[id as usize].row_count
    }

    /// Whether the `Sorted` mask marks table `id` as sorted.
    pub fn is_sorted(&self, id: TableId) -> bool {
        self.header.sorted & (1u64 << (id as u8)) != 0
    }

    /// Decodes row `rid` of the table of `R`.
    pub fn row<R: TableRow>(&self, rid: u32) -> Result<R> {
        let table = self.table(R::TABLE);
        let bytes = table.row_bytes(rid)?;
        let mut reader = RowReader::new(self, table, rid, bytes);
        R::decode(&mut reader)
    }

    /// Iterates over all rows of the table of `R`, yielding `(rid, row)`.
    pub fn rows<R: TableRow>(&self) -> impl Iterator<Item = (u32, Result<R>)> + '_ {
        (1..=self.row_count(R::TABLE)).map(move |rid| (rid, self.row::<R>(rid)))
    }

    /// The rows of table `id` whose column `col` equals `key`: by binary
    /// search if the `Sorted` mask marks the table sorted, else by a lazy
    /// linear scan.
    pub fn find_by_key(&self, id: TableId, col: usize, key: u32) -> KeyMatches<'a> {
        let table = self.table(id);
        if self.is_sorted(id) {
            let range = self.equal_range(id, col, key);
            KeyMatches {
                table,
                col,
                key,
                next: range.start,
                end: range.end,
                scan: false,
            }
        } else {
            KeyMatches {
                table,
                col,
                key,
                next: 1,
                end: table.row_count() + 1,
                scan: true,
            }
        }
    }

    /// Binary search for the contiguous run of rows whose column `col` equals
    /// `key`, assuming the table is sorted by that column. (If it is not, the
    /// result is some run of matching rows or empty, never a panic.)
    pub fn equal_range(&self, id: TableId, col: usize, key: u32) -> std::ops::Range<u32> {
        let table = self.table(id);
        let lower = partition_point(table, col, |v| v < key);
        let upper = partition_point(table, col, |v| v <= key);
        lower..upper.max(lower)
    }
}

/// First rid in `1..=n` (or `n + 1`) for which `pred(column)` is false.
fn partition_point(table: Table<'_>, col: usize, pred: impl Fn(u32) -> bool) -> u32 {
    let (mut lo, mut hi) = (1u32, table.row_count() + 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(table.raw(mid, col)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Iterator over the row ids matching a key; see [`Tables::find_by_key`].
#[derive(Debug, Clone)]
pub struct KeyMatches<'a> {
    table: Table<'a>,
    col: usize,
    key: u32,
    next: u32,
    end: u32,
    scan: bool,
}

impl Iterator for KeyMatches<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        while self.next < self.end {
            let rid = self.next;
            self.next += 1;
            if !self.scan || self.table.raw(rid, self.col) == self.key {
                return Some(rid);
            }
        }
        None
    }
}

/// Computes column widths from heap sizes and row counts.
struct Widths<'r> {
    heap_sizes: u8,
    row_counts: &'r [u32; TABLE_COUNT],
}

impl Widths<'_> {
    fn of(&self, kind: ColumnKind) -> u8 {
        let heap = |bit: u8| if self.heap_sizes & bit != 0 { 4 } else { 2 };
        match kind {
            ColumnKind::U16 => 2,
            ColumnKind::U32 => 4,
            ColumnKind::String => heap(HEAP_STRINGS_LARGE),
            ColumnKind::Guid => heap(HEAP_GUID_LARGE),
            ColumnKind::Blob => heap(HEAP_BLOB_LARGE),
            ColumnKind::Index(t) | ColumnKind::List(t) => {
                if self.row_counts[t as usize] < (1 << 16) {
                    2
                } else {
                    4
                }
            }
            ColumnKind::Coded(kind) => {
                let max_rows = kind
                    .tables()
                    .iter()
                    .flatten()
                    .map(|t| self.row_counts[*t as usize])
                    .max()
                    .unwrap_or(0);
                if max_rows < (1 << (16 - kind.tag_bits())) {
                    2
                } else {
                    4
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_ids() {
        for (i, id) in TableId::ALL.iter().enumerate() {
            assert_eq!(*id as usize, i);
            assert_eq!(TableId::from_u8(i as u8), Some(*id));
        }
        assert_eq!(TableId::from_u8(0x2D), None);
        assert_eq!(TableId::FieldRva.spec_name(), "FieldRVA");
        assert_eq!(TableId::TypeDef.name(), "TypeDef");
    }

    /// Builds a `#~` stream with the given row counts, every row byte set to `fill`.
    pub(crate) fn stream_with(counts: &[(TableId, u32)], heap_sizes: u8, fill: u8) -> Vec<u8> {
        let mut valid = 0u64;
        for (t, _) in counts {
            valid |= 1 << (*t as u8);
        }
        let mut s = vec![0, 0, 0, 0, 2, 0, heap_sizes, 1];
        s.extend_from_slice(&valid.to_le_bytes());
        s.extend_from_slice(&0u64.to_le_bytes());
        let mut sorted: Vec<_> = counts.to_vec();
        sorted.sort();
        for (_, n) in &sorted {
            s.extend_from_slice(&n.to_le_bytes());
        }
        s.resize(s.len() + 1_000_000, fill);
        s
    }

    #[test]
    fn widths_follow_row_counts() {
        let s = stream_with(&[(TableId::TypeDef, 1), (TableId::Field, 70_000)], 0, 0);
        let t = Tables::parse(&s, false).unwrap();
        let typedef = t.table(TableId::TypeDef);
        // Flags 4, Name 2, Namespace 2, Extends 2, FieldList 4, MethodList 2.
        assert_eq!(typedef.row_size(), 16);
        assert_eq!(typedef.column_width(4), 4);
        // HasConstant has 2 tag bits: 70000 >= 2^14.
        assert_eq!(t.table(TableId::Constant).column_width(1), 4);
        let s = stream_with(
            &[(TableId::TypeDef, 1)],
            HEAP_STRINGS_LARGE | HEAP_BLOB_LARGE,
            0,
        );
        let t = Tables::parse(&s, false).unwrap();
        assert_eq!(t.table(TableId::TypeDef).row_size(), 18);
        assert_eq!(t.table(TableId::Field).row_size(), 10);
    }

    #[test]
    fn rejects_bad_headers() {
        let mut s = stream_with(&[(TableId::TypeDef, 1)], 0, 0);
        s[8 + 5] = 0x80; // valid bit 0x2F
        assert_eq!(
            Tables::parse(&s, false).unwrap_err(),
            MetadataError::UnsupportedTable { number: 0x2F }
        );
        let s = stream_with(&[(TableId::TypeDef, 0x0100_0000)], 0, 0);
        assert!(matches!(
            Tables::parse(&s, false),
            Err(MetadataError::TooManyRows { .. })
        ));
        let s = stream_with(&[(TableId::TypeDef, 0x00FF_FFFF)], 0, 0);
        assert!(matches!(
            Tables::parse(&s, false),
            Err(MetadataError::Truncated { .. })
        ));
        let s = stream_with(&[(TableId::FieldPtr, 1)], 0, 1);
        assert!(matches!(
            Tables::parse(&s, false),
            Err(MetadataError::IndexOutOfRange { .. })
        ));
    }
}
