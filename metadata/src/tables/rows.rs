//! Typed rows of every table (ECMA-335 II.22).
//!
//! Each `*Row` struct is decoded on demand by [`Tables::row`]. Decoding
//! validates what can be checked without the heaps: coded index tags, that
//! non-nullable index columns are not null, and that every coded or simple
//! index is within the target table. List columns (`FieldList`, …) are
//! returned raw; use the range helpers on [`crate::Image`] to iterate them.
//! Heap indexes are returned as-is and checked when resolved.
//!
//! Flags are returned as raw integers; see [`crate::flags`] for their bits.

use super::coded::*;
use super::schema::{self, ColumnDef, ColumnKind};
use super::{read_column, Table, TableId, Tables};
use crate::error::{MetadataError, Result};
use crate::heaps::{BlobIndex, GuidIndex, StringIndex};

/// Sealing: only this crate's row types implement [`TableRow`].
mod sealed {
    pub trait Sealed {}
}

/// A typed row of one table.
pub trait TableRow: Sized + sealed::Sealed {
    /// The table whose rows this type decodes.
    const TABLE: TableId;

    /// Decodes the row under the cursor.
    fn decode(reader: &mut RowReader<'_, '_>) -> Result<Self>;
}

/// Cursor over the columns of one row, used by [`TableRow::decode`].
pub struct RowReader<'r, 'a> {
    tables: &'r Tables<'a>,
    table: Table<'a>,
    rid: u32,
    bytes: &'a [u8],
    col: usize,
}

impl<'r, 'a> RowReader<'r, 'a> {
    pub(super) fn new(tables: &'r Tables<'a>, table: Table<'a>, rid: u32, bytes: &'a [u8]) -> Self {
        RowReader {
            tables,
            table,
            rid,
            bytes,
            col: 0,
        }
    }

    /// Reads the next column as `T`.
    fn read<T: FromColumn>(&mut self) -> Result<T> {
        let defs = schema::columns(self.table.id);
        let Some(def) = defs.get(self.col).copied() else {
            debug_assert!(false, "{:?} has no column {}", self.table.id, self.col);
            return Err(MetadataError::RowOutOfRange {
                table: self.table.id,
                rid: self.rid,
                row_count: self.table.row_count,
            });
        };
        let raw = read_column(self.bytes, self.table.columns[self.col]);
        self.col += 1;
        T::from_column(self, def, raw)
    }

    /// Checks that all columns were consumed (debug builds only).
    fn finish(&self) {
        debug_assert_eq!(
            self.col,
            schema::columns(self.table.id).len(),
            "{:?} row decoder does not match the schema",
            self.table.id
        );
    }

    fn check_index(&self, def: ColumnDef, target: TableId, index: u32) -> Result<u32> {
        let target_rows = self.tables.row_count(target);
        if index == 0 {
            Err(MetadataError::NullIndex {
                table: self.table.id,
                rid: self.rid,
                column: def.name,
            })
        } else if index > target_rows {
            Err(MetadataError::IndexOutOfRange {
                table: self.table.id,
                rid: self.rid,
                column: def.name,
                target,
                index,
                target_rows,
            })
        } else {
            Ok(index)
        }
    }
}

/// Conversion of a raw column value to a row field's Rust type.
trait FromColumn: Sized {
    fn from_column(r: &RowReader<'_, '_>, def: ColumnDef, raw: u32) -> Result<Self>;
}

impl FromColumn for u16 {
    fn from_column(_: &RowReader<'_, '_>, def: ColumnDef, raw: u32) -> Result<Self> {
        debug_assert_eq!(def.kind, ColumnKind::U16, "{}", def.name);
        Ok(raw as u16)
    }
}

/// `Constant.Type`: one byte followed by a padding byte.
impl FromColumn for u8 {
    fn from_column(_: &RowReader<'_, '_>, def: ColumnDef, raw: u32) -> Result<Self> {
        debug_assert_eq!(def.kind, ColumnKind::U16, "{}", def.name);
        Ok(raw as u8)
    }
}

/// 4-byte constants, simple indexes (checked) and list columns (raw).
impl FromColumn for u32 {
    fn from_column(r: &RowReader<'_, '_>, def: ColumnDef, raw: u32) -> Result<Self> {
        match def.kind {
            ColumnKind::U32 | ColumnKind::List(_) => Ok(raw),
            ColumnKind::Index(target) => r.check_index(def, target, raw),
            other => {
                debug_assert!(false, "{}: {other:?} read as u32", def.name);
                Ok(raw)
            }
        }
    }
}

impl FromColumn for StringIndex {
    fn from_column(_: &RowReader<'_, '_>, def: ColumnDef, raw: u32) -> Result<Self> {
        debug_assert_eq!(def.kind, ColumnKind::String, "{}", def.name);
        Ok(StringIndex(raw))
    }
}

impl FromColumn for BlobIndex {
    fn from_column(_: &RowReader<'_, '_>, def: ColumnDef, raw: u32) -> Result<Self> {
        debug_assert_eq!(def.kind, ColumnKind::Blob, "{}", def.name);
        Ok(BlobIndex(raw))
    }
}

impl FromColumn for GuidIndex {
    fn from_column(_: &RowReader<'_, '_>, def: ColumnDef, raw: u32) -> Result<Self> {
        debug_assert_eq!(def.kind, ColumnKind::Guid, "{}", def.name);
        Ok(GuidIndex(raw))
    }
}

/// Nullable coded index columns.
impl<C: CodedIndex> FromColumn for Option<C> {
    fn from_column(r: &RowReader<'_, '_>, def: ColumnDef, raw: u32) -> Result<Self> {
        debug_assert_eq!(def.kind, ColumnKind::Coded(C::KIND), "{}", def.name);
        match C::decode(raw)? {
            None => Ok(None),
            Some(c) => r.check_index(def, c.table(), c.rid()).map(|_| Some(c)),
        }
    }
}

macro_rules! impl_coded_column {
    ($($t:ty),+) => {$(
        /// Non-nullable coded index columns.
        impl FromColumn for $t {
            fn from_column(r: &RowReader<'_, '_>, def: ColumnDef, raw: u32) -> Result<Self> {
                Option::<$t>::from_column(r, def, raw)?.ok_or(MetadataError::NullIndex {
                    table: r.table.id,
                    rid: r.rid,
                    column: def.name,
                })
            }
        }
    )+};
}

impl_coded_column!(
    TypeDefOrRef,
    HasConstant,
    HasCustomAttribute,
    HasFieldMarshal,
    HasDeclSecurity,
    MemberRefParent,
    HasSemantics,
    MethodDefOrRef,
    MemberForwarded,
    Implementation,
    CustomAttributeType,
    ResolutionScope,
    TypeOrMethodDef
);

macro_rules! rows {
    ($(
        $(#[$doc:meta])*
        $row:ident = $table:ident {
            $( $(#[$fdoc:meta])* $field:ident : $ty:ty, )+
        }
    )+) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $row {
            $( $(#[$fdoc])* pub $field: $ty, )+
        }

        impl sealed::Sealed for $row {}

        impl TableRow for $row {
            const TABLE: TableId = TableId::$table;

            fn decode(r: &mut RowReader<'_, '_>) -> Result<Self> {
                let row = $row { $( $field: r.read()?, )+ };
                r.finish();
                Ok(row)
            }
        }
    )+};
}

rows! {
    /// Module (0x00, II.22.30): the single row describing this module.
    ModuleRow = Module {
        /// Reserved, 0.
        generation: u16,
        /// The module's file name.
        name: StringIndex,
        /// Module version id.
        mvid: GuidIndex,
        /// Reserved (edit-and-continue), usually 0.
        enc_id: GuidIndex,
        /// Reserved (edit-and-continue), usually 0.
        enc_base_id: GuidIndex,
    }

    /// TypeRef (0x01, II.22.38): a reference to a type defined elsewhere.
    TypeRefRow = TypeRef {
        /// Where to resolve the type; `None` means look it up in the ExportedType table.
        resolution_scope: Option<ResolutionScope>,
        /// Type name.
        name: StringIndex,
        /// Namespace (empty for nested types).
        namespace: StringIndex,
    }

    /// TypeDef (0x02, II.22.37): a type definition.
    TypeDefRow = TypeDef {
        /// `TypeAttributes` (see [`crate::flags::type_attributes`]).
        flags: u32,
        /// Type name.
        name: StringIndex,
        /// Namespace (empty for nested types).
        namespace: StringIndex,
        /// Base type; `None` for interfaces, `System.Object` and `<Module>`.
        extends: Option<TypeDefOrRef>,
        /// First Field (or FieldPtr) of the type's run; see [`crate::Image::field_range`].
        field_list: u32,
        /// First MethodDef (or MethodPtr) of the type's run; see [`crate::Image::method_range`].
        method_list: u32,
    }

    /// FieldPtr (0x03): indirection used by uncompressed (`#-`) metadata.
    FieldPtrRow = FieldPtr {
        /// The Field row.
        field: u32,
    }

    /// Field (0x04, II.22.15): a field definition.
    FieldRow = Field {
        /// `FieldAttributes` (see [`crate::flags::field_attributes`]).
        flags: u16,
        /// Field name.
        name: StringIndex,
        /// Field signature (see [`crate::sig::parse_field_sig`]).
        signature: BlobIndex,
    }

    /// MethodPtr (0x05): indirection used by uncompressed (`#-`) metadata.
    MethodPtrRow = MethodPtr {
        /// The MethodDef row.
        method: u32,
    }

    /// MethodDef (0x06, II.22.26): a method definition.
    MethodDefRow = MethodDef {
        /// RVA of the method body, 0 if none (abstract, runtime, P/Invoke).
        rva: u32,
        /// `MethodImplAttributes` (see [`crate::flags::method_impl_attributes`]).
        impl_flags: u16,
        /// `MethodAttributes` (see [`crate::flags::method_attributes`]).
        flags: u16,
        /// Method name.
        name: StringIndex,
        /// Method signature (see [`crate::sig::parse_method_sig`]).
        signature: BlobIndex,
        /// First Param (or ParamPtr) of the method's run; see [`crate::Image::param_range`].
        param_list: u32,
    }

    /// ParamPtr (0x07): indirection used by uncompressed (`#-`) metadata.
    ParamPtrRow = ParamPtr {
        /// The Param row.
        param: u32,
    }

    /// Param (0x08, II.22.33): a parameter (sequence 0 is the return value).
    ParamRow = Param {
        /// `ParamAttributes` (see [`crate::flags::param_attributes`]).
        flags: u16,
        /// 0 for the return value, 1.. for parameters.
        sequence: u16,
        /// Parameter name.
        name: StringIndex,
    }

    /// InterfaceImpl (0x09, II.22.23): a type implements an interface.
    InterfaceImplRow = InterfaceImpl {
        /// The implementing TypeDef row.
        class: u32,
        /// The interface.
        interface: TypeDefOrRef,
    }

    /// MemberRef (0x0A, II.22.25): a reference to a field or method.
    MemberRefRow = MemberRef {
        /// Where the member is defined.
        class: MemberRefParent,
        /// Member name.
        name: StringIndex,
        /// Method or field signature (see [`crate::sig::parse_member_ref_sig`]).
        signature: BlobIndex,
    }

    /// Constant (0x0B, II.22.9): a compile-time constant value.
    ConstantRow = Constant {
        /// The `ELEMENT_TYPE_*` of the value (the padding byte is dropped).
        ty: u8,
        /// The field, param or property that has the value.
        parent: HasConstant,
        /// The value, little-endian (UTF-16 for strings).
        value: BlobIndex,
    }

    /// CustomAttribute (0x0C, II.22.10).
    CustomAttributeRow = CustomAttribute {
        /// The entity the attribute is applied to.
        parent: HasCustomAttribute,
        /// The attribute's constructor (the spec's `Type` column).
        constructor: CustomAttributeType,
        /// The encoded arguments (II.23.3).
        value: BlobIndex,
    }

    /// FieldMarshal (0x0D, II.22.17): marshalling descriptor of a field or param.
    FieldMarshalRow = FieldMarshal {
        /// The field or param.
        parent: HasFieldMarshal,
        /// The native type descriptor (II.23.4).
        native_type: BlobIndex,
    }

    /// DeclSecurity (0x0E, II.22.11): declarative security.
    DeclSecurityRow = DeclSecurity {
        /// `System.Security.SecurityAction` value.
        action: u16,
        /// The type, method or assembly.
        parent: HasDeclSecurity,
        /// The serialized permission set.
        permission_set: BlobIndex,
    }

    /// ClassLayout (0x0F, II.22.8): explicit packing and size of a type.
    ClassLayoutRow = ClassLayout {
        /// Packing (0, 1, 2, 4, 8, …, 128); 0 means default.
        packing_size: u16,
        /// Total size in bytes; 0 means computed.
        class_size: u32,
        /// The TypeDef row.
        parent: u32,
    }

    /// FieldLayout (0x10, II.22.16): explicit offset of a field.
    FieldLayoutRow = FieldLayout {
        /// Byte offset within the instance.
        offset: u32,
        /// The Field row.
        field: u32,
    }

    /// StandAloneSig (0x11, II.22.36): a signature not owned by a member.
    StandAloneSigRow = StandAloneSig {
        /// Local variables or `calli` method signature (see [`crate::sig::parse_standalone_sig`]).
        signature: BlobIndex,
    }

    /// EventMap (0x12, II.22.12): the events of a type.
    EventMapRow = EventMap {
        /// The TypeDef row.
        parent: u32,
        /// First Event (or EventPtr) of the run.
        event_list: u32,
    }

    /// EventPtr (0x13): indirection used by uncompressed (`#-`) metadata.
    EventPtrRow = EventPtr {
        /// The Event row.
        event: u32,
    }

    /// Event (0x14, II.22.13).
    EventRow = Event {
        /// `EventAttributes`.
        flags: u16,
        /// Event name.
        name: StringIndex,
        /// The delegate type (may be null).
        event_type: Option<TypeDefOrRef>,
    }

    /// PropertyMap (0x15, II.22.35): the properties of a type.
    PropertyMapRow = PropertyMap {
        /// The TypeDef row.
        parent: u32,
        /// First Property (or PropertyPtr) of the run.
        property_list: u32,
    }

    /// PropertyPtr (0x16): indirection used by uncompressed (`#-`) metadata.
    PropertyPtrRow = PropertyPtr {
        /// The Property row.
        property: u32,
    }

    /// Property (0x17, II.22.34).
    PropertyRow = Property {
        /// `PropertyAttributes`.
        flags: u16,
        /// Property name.
        name: StringIndex,
        /// Property signature (the spec's `Type` column; see [`crate::sig::parse_property_sig`]).
        signature: BlobIndex,
    }

    /// MethodSemantics (0x18, II.22.28): links accessors to events and properties.
    MethodSemanticsRow = MethodSemantics {
        /// `MethodSemanticsAttributes` (see [`crate::flags::method_semantics`]).
        semantics: u16,
        /// The accessor MethodDef row.
        method: u32,
        /// The event or property.
        association: HasSemantics,
    }

    /// MethodImpl (0x19, II.22.27): an explicit override.
    MethodImplRow = MethodImpl {
        /// The TypeDef row the override belongs to.
        class: u32,
        /// The implementing method.
        method_body: MethodDefOrRef,
        /// The overridden (declared) method.
        method_declaration: MethodDefOrRef,
    }

    /// ModuleRef (0x1A, II.22.31): a reference to a module (also P/Invoke libraries).
    ModuleRefRow = ModuleRef {
        /// Module (or native library) name.
        name: StringIndex,
    }

    /// TypeSpec (0x1B, II.22.39): a constructed type.
    TypeSpecRow = TypeSpec {
        /// The type signature (see [`crate::sig::parse_type_spec`]).
        signature: BlobIndex,
    }

    /// ImplMap (0x1C, II.22.22): P/Invoke information of a method.
    ImplMapRow = ImplMap {
        /// `PInvokeAttributes` (see [`crate::flags::pinvoke_attributes`]).
        mapping_flags: u16,
        /// The method (or field).
        member_forwarded: MemberForwarded,
        /// The entry point name.
        import_name: StringIndex,
        /// The ModuleRef row naming the library.
        import_scope: u32,
    }

    /// FieldRVA (0x1D, II.22.18): initial data of a static field.
    FieldRvaRow = FieldRva {
        /// RVA of the data.
        rva: u32,
        /// The Field row.
        field: u32,
    }

    /// ENCLog (0x1E): edit-and-continue log.
    EncLogRow = EncLog {
        /// The token edited.
        token: u32,
        /// The edit operation.
        func_code: u32,
    }

    /// ENCMap (0x1F): edit-and-continue map.
    EncMapRow = EncMap {
        /// The token mapped.
        token: u32,
    }

    /// Assembly (0x20, II.22.2): the assembly manifest.
    AssemblyRow = Assembly {
        /// `AssemblyHashAlgorithm`.
        hash_alg_id: u32,
        /// Version: major.
        major_version: u16,
        /// Version: minor.
        minor_version: u16,
        /// Version: build.
        build_number: u16,
        /// Version: revision.
        revision_number: u16,
        /// `AssemblyFlags`.
        flags: u32,
        /// The public key (empty if not strong-named).
        public_key: BlobIndex,
        /// Simple name.
        name: StringIndex,
        /// Culture (empty for neutral).
        culture: StringIndex,
    }

    /// AssemblyProcessor (0x21, II.22.4): unused.
    AssemblyProcessorRow = AssemblyProcessor {
        /// Processor id.
        processor: u32,
    }

    /// AssemblyOS (0x22, II.22.3): unused.
    AssemblyOsRow = AssemblyOs {
        /// Platform id.
        os_platform_id: u32,
        /// OS major version.
        os_major_version: u32,
        /// OS minor version.
        os_minor_version: u32,
    }

    /// AssemblyRef (0x23, II.22.5): a referenced assembly.
    AssemblyRefRow = AssemblyRef {
        /// Version: major.
        major_version: u16,
        /// Version: minor.
        minor_version: u16,
        /// Version: build.
        build_number: u16,
        /// Version: revision.
        revision_number: u16,
        /// `AssemblyFlags` (bit 0: the blob is a full public key).
        flags: u32,
        /// Public key or its 8-byte token.
        public_key_or_token: BlobIndex,
        /// Simple name.
        name: StringIndex,
        /// Culture.
        culture: StringIndex,
        /// Hash of the referenced assembly (usually empty).
        hash_value: BlobIndex,
    }

    /// AssemblyRefProcessor (0x24, II.22.7): unused.
    AssemblyRefProcessorRow = AssemblyRefProcessor {
        /// Processor id.
        processor: u32,
        /// The AssemblyRef row.
        assembly_ref: u32,
    }

    /// AssemblyRefOS (0x25, II.22.6): unused.
    AssemblyRefOsRow = AssemblyRefOs {
        /// Platform id.
        os_platform_id: u32,
        /// OS major version.
        os_major_version: u32,
        /// OS minor version.
        os_minor_version: u32,
        /// The AssemblyRef row.
        assembly_ref: u32,
    }

    /// File (0x26, II.22.19): a file of a multi-file assembly.
    FileRow = File {
        /// `FileAttributes`.
        flags: u32,
        /// File name.
        name: StringIndex,
        /// Hash of the file.
        hash_value: BlobIndex,
    }

    /// ExportedType (0x27, II.22.14): a type exported or forwarded by the assembly.
    ExportedTypeRow = ExportedType {
        /// `TypeAttributes`.
        flags: u32,
        /// Hint: the TypeDef row in the target module.
        type_def_id: u32,
        /// Type name.
        name: StringIndex,
        /// Namespace.
        namespace: StringIndex,
        /// Where the type lives.
        implementation: Implementation,
    }

    /// ManifestResource (0x28, II.22.24): a managed resource.
    ManifestResourceRow = ManifestResource {
        /// Offset in the resources directory (when in this file).
        offset: u32,
        /// `ManifestResourceAttributes`.
        flags: u32,
        /// Resource name.
        name: StringIndex,
        /// Where the resource lives; `None` for this file.
        implementation: Option<Implementation>,
    }

    /// NestedClass (0x29, II.22.32): nesting of types.
    NestedClassRow = NestedClass {
        /// The nested TypeDef row.
        nested_class: u32,
        /// The enclosing TypeDef row.
        enclosing_class: u32,
    }

    /// GenericParam (0x2A, II.22.20).
    GenericParamRow = GenericParam {
        /// Position (0-based).
        number: u16,
        /// `GenericParamAttributes` (see [`crate::flags::generic_param_attributes`]).
        flags: u16,
        /// The generic type or method.
        owner: TypeOrMethodDef,
        /// Parameter name.
        name: StringIndex,
    }

    /// MethodSpec (0x2B, II.22.29): an instantiated generic method.
    MethodSpecRow = MethodSpec {
        /// The generic method.
        method: MethodDefOrRef,
        /// The type arguments (see [`crate::sig::parse_method_spec`]).
        instantiation: BlobIndex,
    }

    /// GenericParamConstraint (0x2C, II.22.21).
    GenericParamConstraintRow = GenericParamConstraint {
        /// The GenericParam row.
        owner: u32,
        /// The constraint type.
        constraint: TypeDefOrRef,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::stream_with;
    use super::*;

    fn decode_all(tables: &Tables<'_>) -> Vec<Result<()>> {
        macro_rules! each {
            ($($row:ty),+) => { vec![$(tables.row::<$row>(1).map(|_| ())),+] };
        }
        each!(
            ModuleRow,
            TypeRefRow,
            TypeDefRow,
            FieldPtrRow,
            FieldRow,
            MethodPtrRow,
            MethodDefRow,
            ParamPtrRow,
            ParamRow,
            InterfaceImplRow,
            MemberRefRow,
            ConstantRow,
            CustomAttributeRow,
            FieldMarshalRow,
            DeclSecurityRow,
            ClassLayoutRow,
            FieldLayoutRow,
            StandAloneSigRow,
            EventMapRow,
            EventPtrRow,
            EventRow,
            PropertyMapRow,
            PropertyPtrRow,
            PropertyRow,
            MethodSemanticsRow,
            MethodImplRow,
            ModuleRefRow,
            TypeSpecRow,
            ImplMapRow,
            FieldRvaRow,
            EncLogRow,
            EncMapRow,
            AssemblyRow,
            AssemblyProcessorRow,
            AssemblyOsRow,
            AssemblyRefRow,
            AssemblyRefProcessorRow,
            AssemblyRefOsRow,
            FileRow,
            ExportedTypeRow,
            ManifestResourceRow,
            NestedClassRow,
            GenericParamRow,
            MethodSpecRow,
            GenericParamConstraintRow
        )
    }

    /// Every row type decodes a row of its table; the debug assertions in
    /// `RowReader` check that the decoders match the schema column by column.
    #[test]
    fn every_row_type_matches_schema() {
        // One row in every table, all bytes 0x00: non-null columns fail, which is fine.
        let counts: Vec<_> = TableId::ALL.iter().map(|t| (*t, 1)).collect();
        let s = stream_with(&counts, 0, 0);
        let tables = Tables::parse(&s, false).unwrap_err();
        // Ptr entries of 0 are rejected at parse time.
        assert!(matches!(
            tables,
            MetadataError::IndexOutOfRange {
                table: TableId::FieldPtr,
                ..
            }
        ));
        let counts: Vec<_> = TableId::ALL
            .iter()
            .filter(|t| {
                !matches!(
                    t,
                    TableId::FieldPtr
                        | TableId::MethodPtr
                        | TableId::ParamPtr
                        | TableId::EventPtr
                        | TableId::PropertyPtr
                )
            })
            .map(|t| (*t, 1))
            .collect();
        let s = stream_with(&counts, 0, 0);
        let tables = Tables::parse(&s, false).unwrap();
        assert_eq!(decode_all(&tables).len(), 45);
        // Bytes 0x01 everywhere: non-zero values, mostly out of range.
        let s = stream_with(&counts, 0x07, 0x01);
        let tables = Tables::parse(&s, false).unwrap();
        assert_eq!(decode_all(&tables).len(), 45);
    }

    #[test]
    fn typed_decode_checks_indexes() {
        let s = stream_with(&[(TableId::TypeDef, 2), (TableId::InterfaceImpl, 1)], 0, 0);
        let mut s = s;
        // Header: 24 bytes + 2 row counts = 32. TypeDef rows are 14 bytes each.
        let typedef_start = 32;
        // Row 1: Extends = TypeDef(2) -> raw (2 << 2) | 0 = 8.
        s[typedef_start + 8] = 8;
        // Row 2: Extends = TypeRef(1) -> out of range (no TypeRef rows).
        s[typedef_start + 14 + 8] = (1 << 2) | 1;
        let interface_start = typedef_start + 28;
        s[interface_start] = 1; // Class = 1
        s[interface_start + 2] = (5 << 2) | 2; // TypeSpec(5)
        let tables = Tables::parse(&s, false).unwrap();
        let row = tables.row::<TypeDefRow>(1).unwrap();
        assert_eq!(row.extends, Some(TypeDefOrRef::TypeDef(2)));
        assert!(matches!(
            tables.row::<TypeDefRow>(2),
            Err(MetadataError::IndexOutOfRange {
                target: TableId::TypeRef,
                index: 1,
                ..
            })
        ));
        assert!(matches!(
            tables.row::<TypeDefRow>(3),
            Err(MetadataError::RowOutOfRange { .. })
        ));
        assert!(matches!(
            tables.row::<InterfaceImplRow>(1),
            Err(MetadataError::IndexOutOfRange { .. })
        ));
    }
}
