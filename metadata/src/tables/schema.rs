//! The column layout of every table (ECMA-335 II.22), as data.
//!
//! The columns themselves are declared once, with the row structs, in the
//! `rows!` table of `rows.rs`; this module gives them out by table.
//!
//! Widths of index columns depend on heap sizes and row counts and are
//! computed in [`super::Tables::parse`]; this module only says what each
//! column holds.

use super::{CodedIndexKind, TableId};

/// What a column holds; determines its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// A 2-byte constant.
    U16,
    /// A 4-byte constant.
    U32,
    /// A `#Strings` heap index (2 or 4 bytes).
    String,
    /// A `#GUID` heap index (2 or 4 bytes).
    Guid,
    /// A `#Blob` heap index (2 or 4 bytes).
    Blob,
    /// A row id of the given table (2 or 4 bytes); never null.
    Index(TableId),
    /// The first row of a run in the given table (`FieldList`, `MethodList`…);
    /// may be one past the last row. Goes through the matching `*Ptr` table if present.
    List(TableId),
    /// A coded index (2 or 4 bytes).
    Coded(CodedIndexKind),
}

/// One column: its name (as in ECMA-335) and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnDef {
    /// The column name used in the specification, e.g. `"FieldList"`.
    pub name: &'static str,
    /// What the column holds.
    pub kind: ColumnKind,
}

/// Most columns any table has (Assembly and AssemblyRef have 9).
pub const MAX_COLUMNS: usize = 9;

use TableId as T;

/// The columns of `table`, in file order. The list is declared once, beside
/// the typed row structs that decode it (the `rows!` table in `rows.rs`).
pub fn columns(table: TableId) -> &'static [ColumnDef] {
    super::rows::columns(table)
}

/// The key column of a table that ECMA-335 requires to be sorted (II.22),
/// or `None` if the table has no sort requirement.
///
/// The image's `Sorted` mask says which tables actually are sorted.
pub fn sort_key(table: TableId) -> Option<usize> {
    match table {
        T::ClassLayout => Some(2),
        T::Constant => Some(1),
        T::CustomAttribute => Some(0),
        T::DeclSecurity => Some(1),
        T::FieldLayout => Some(1),
        T::FieldMarshal => Some(0),
        T::FieldRva => Some(1),
        T::GenericParam => Some(2),
        T::GenericParamConstraint => Some(0),
        T::ImplMap => Some(1),
        T::InterfaceImpl => Some(0),
        T::MethodImpl => Some(0),
        T::MethodSemantics => Some(2),
        T::NestedClass => Some(0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_counts_fit() {
        for table in TableId::ALL {
            let cols = columns(table);
            assert!(!cols.is_empty() && cols.len() <= MAX_COLUMNS, "{table:?}");
            if let Some(key) = sort_key(table) {
                assert!(key < cols.len(), "{table:?}");
            }
        }
    }
}
