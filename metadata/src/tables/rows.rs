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

/// The one table of every ECMA-335 table's columns: each entry declares a
/// row struct, its table, and per field the Rust type it decodes to and the
/// column (name as in the specification and [`ColumnKind`], in file order).
/// It generates the `*Row` structs, their [`TableRow`] decoders and
/// [`columns`], the schema that [`Tables::parse`] computes widths from.
macro_rules! rows {
    ($(
        $(#[$doc:meta])*
        $row:ident = $table:ident {
            $( $(#[$fdoc:meta])* $field:ident : $ty:ty = ($name:literal, $kind:expr), )+
        }
    )+) => {
        $(
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
        )+

        /// The columns of `table`, in file order (re-exported as
        /// [`schema::columns`]).
        pub(super) fn columns(table: TableId) -> &'static [ColumnDef] {
            use CodedIndexKind as C;
            use ColumnKind::*;
            use TableId as T;
            match table {
                $( TableId::$table => &[ $( ColumnDef { name: $name, kind: $kind }, )+ ], )+
            }
        }
    };
}

rows! {
    /// Module (0x00, II.22.30): the single row describing this module.
    ModuleRow = Module {
        /// Reserved, 0.
        generation: u16 = ("Generation", U16),
        /// The module's file name.
        name: StringIndex = ("Name", String),
        /// Module version id.
        mvid: GuidIndex = ("Mvid", Guid),
        /// Reserved (edit-and-continue), usually 0.
        enc_id: GuidIndex = ("EncId", Guid),
        /// Reserved (edit-and-continue), usually 0.
        enc_base_id: GuidIndex = ("EncBaseId", Guid),
    }

    /// TypeRef (0x01, II.22.38): a reference to a type defined elsewhere.
    TypeRefRow = TypeRef {
        /// Where to resolve the type; `None` means look it up in the ExportedType table.
        resolution_scope: Option<ResolutionScope> = ("ResolutionScope", Coded(C::ResolutionScope)),
        /// Type name.
        name: StringIndex = ("TypeName", String),
        /// Namespace (empty for nested types).
        namespace: StringIndex = ("TypeNamespace", String),
    }

    /// TypeDef (0x02, II.22.37): a type definition.
    TypeDefRow = TypeDef {
        /// `TypeAttributes` (see [`crate::flags::type_attributes`]).
        flags: u32 = ("Flags", U32),
        /// Type name.
        name: StringIndex = ("TypeName", String),
        /// Namespace (empty for nested types).
        namespace: StringIndex = ("TypeNamespace", String),
        /// Base type; `None` for interfaces, `System.Object` and `<Module>`.
        extends: Option<TypeDefOrRef> = ("Extends", Coded(C::TypeDefOrRef)),
        /// First Field (or FieldPtr) of the type's run; see [`crate::Image::field_range`].
        field_list: u32 = ("FieldList", List(T::Field)),
        /// First MethodDef (or MethodPtr) of the type's run; see [`crate::Image::method_range`].
        method_list: u32 = ("MethodList", List(T::MethodDef)),
    }

    /// FieldPtr (0x03): indirection used by uncompressed (`#-`) metadata.
    FieldPtrRow = FieldPtr {
        /// The Field row.
        field: u32 = ("Field", Index(T::Field)),
    }

    /// Field (0x04, II.22.15): a field definition.
    FieldRow = Field {
        /// `FieldAttributes` (see [`crate::flags::field_attributes`]).
        flags: u16 = ("Flags", U16),
        /// Field name.
        name: StringIndex = ("Name", String),
        /// Field signature (see [`crate::sig::parse_field_sig`]).
        signature: BlobIndex = ("Signature", Blob),
    }

    /// MethodPtr (0x05): indirection used by uncompressed (`#-`) metadata.
    MethodPtrRow = MethodPtr {
        /// The MethodDef row.
        method: u32 = ("Method", Index(T::MethodDef)),
    }

    /// MethodDef (0x06, II.22.26): a method definition.
    MethodDefRow = MethodDef {
        /// RVA of the method body, 0 if none (abstract, runtime, P/Invoke).
        rva: u32 = ("RVA", U32),
        /// `MethodImplAttributes` (see [`crate::flags::method_impl_attributes`]).
        impl_flags: u16 = ("ImplFlags", U16),
        /// `MethodAttributes` (see [`crate::flags::method_attributes`]).
        flags: u16 = ("Flags", U16),
        /// Method name.
        name: StringIndex = ("Name", String),
        /// Method signature (see [`crate::sig::parse_method_sig`]).
        signature: BlobIndex = ("Signature", Blob),
        /// First Param (or ParamPtr) of the method's run; see [`crate::Image::param_range`].
        param_list: u32 = ("ParamList", List(T::Param)),
    }

    /// ParamPtr (0x07): indirection used by uncompressed (`#-`) metadata.
    ParamPtrRow = ParamPtr {
        /// The Param row.
        param: u32 = ("Param", Index(T::Param)),
    }

    /// Param (0x08, II.22.33): a parameter (sequence 0 is the return value).
    ParamRow = Param {
        /// `ParamAttributes` (see [`crate::flags::param_attributes`]).
        flags: u16 = ("Flags", U16),
        /// 0 for the return value, 1.. for parameters.
        sequence: u16 = ("Sequence", U16),
        /// Parameter name.
        name: StringIndex = ("Name", String),
    }

    /// InterfaceImpl (0x09, II.22.23): a type implements an interface.
    InterfaceImplRow = InterfaceImpl {
        /// The implementing TypeDef row.
        class: u32 = ("Class", Index(T::TypeDef)),
        /// The interface.
        interface: TypeDefOrRef = ("Interface", Coded(C::TypeDefOrRef)),
    }

    /// MemberRef (0x0A, II.22.25): a reference to a field or method.
    MemberRefRow = MemberRef {
        /// Where the member is defined.
        class: MemberRefParent = ("Class", Coded(C::MemberRefParent)),
        /// Member name.
        name: StringIndex = ("Name", String),
        /// Method or field signature (see [`crate::sig::parse_member_ref_sig`]).
        signature: BlobIndex = ("Signature", Blob),
    }

    /// Constant (0x0B, II.22.9): a compile-time constant value.
    ConstantRow = Constant {
        /// The `ELEMENT_TYPE_*` of the value (the padding byte is dropped).
        ty: u8 = ("Type", U16),
        /// The field, param or property that has the value.
        parent: HasConstant = ("Parent", Coded(C::HasConstant)),
        /// The value, little-endian (UTF-16 for strings).
        value: BlobIndex = ("Value", Blob),
    }

    /// CustomAttribute (0x0C, II.22.10).
    CustomAttributeRow = CustomAttribute {
        /// The entity the attribute is applied to.
        parent: HasCustomAttribute = ("Parent", Coded(C::HasCustomAttribute)),
        /// The attribute's constructor (the spec's `Type` column).
        constructor: CustomAttributeType = ("Type", Coded(C::CustomAttributeType)),
        /// The encoded arguments (II.23.3).
        value: BlobIndex = ("Value", Blob),
    }

    /// FieldMarshal (0x0D, II.22.17): marshalling descriptor of a field or param.
    FieldMarshalRow = FieldMarshal {
        /// The field or param.
        parent: HasFieldMarshal = ("Parent", Coded(C::HasFieldMarshal)),
        /// The native type descriptor (II.23.4).
        native_type: BlobIndex = ("NativeType", Blob),
    }

    /// DeclSecurity (0x0E, II.22.11): declarative security.
    DeclSecurityRow = DeclSecurity {
        /// `System.Security.SecurityAction` value.
        action: u16 = ("Action", U16),
        /// The type, method or assembly.
        parent: HasDeclSecurity = ("Parent", Coded(C::HasDeclSecurity)),
        /// The serialized permission set.
        permission_set: BlobIndex = ("PermissionSet", Blob),
    }

    /// ClassLayout (0x0F, II.22.8): explicit packing and size of a type.
    ClassLayoutRow = ClassLayout {
        /// Packing (0, 1, 2, 4, 8, …, 128); 0 means default.
        packing_size: u16 = ("PackingSize", U16),
        /// Total size in bytes; 0 means computed.
        class_size: u32 = ("ClassSize", U32),
        /// The TypeDef row.
        parent: u32 = ("Parent", Index(T::TypeDef)),
    }

    /// FieldLayout (0x10, II.22.16): explicit offset of a field.
    FieldLayoutRow = FieldLayout {
        /// Byte offset within the instance.
        offset: u32 = ("Offset", U32),
        /// The Field row.
        field: u32 = ("Field", Index(T::Field)),
    }

    /// StandAloneSig (0x11, II.22.36): a signature not owned by a member.
    StandAloneSigRow = StandAloneSig {
        /// Local variables or `calli` method signature (see [`crate::sig::parse_standalone_sig`]).
        signature: BlobIndex = ("Signature", Blob),
    }

    /// EventMap (0x12, II.22.12): the events of a type.
    EventMapRow = EventMap {
        /// The TypeDef row.
        parent: u32 = ("Parent", Index(T::TypeDef)),
        /// First Event (or EventPtr) of the run.
        event_list: u32 = ("EventList", List(T::Event)),
    }

    /// EventPtr (0x13): indirection used by uncompressed (`#-`) metadata.
    EventPtrRow = EventPtr {
        /// The Event row.
        event: u32 = ("Event", Index(T::Event)),
    }

    /// Event (0x14, II.22.13).
    EventRow = Event {
        /// `EventAttributes`.
        flags: u16 = ("EventFlags", U16),
        /// Event name.
        name: StringIndex = ("Name", String),
        /// The delegate type (may be null).
        event_type: Option<TypeDefOrRef> = ("EventType", Coded(C::TypeDefOrRef)),
    }

    /// PropertyMap (0x15, II.22.35): the properties of a type.
    PropertyMapRow = PropertyMap {
        /// The TypeDef row.
        parent: u32 = ("Parent", Index(T::TypeDef)),
        /// First Property (or PropertyPtr) of the run.
        property_list: u32 = ("PropertyList", List(T::Property)),
    }

    /// PropertyPtr (0x16): indirection used by uncompressed (`#-`) metadata.
    PropertyPtrRow = PropertyPtr {
        /// The Property row.
        property: u32 = ("Property", Index(T::Property)),
    }

    /// Property (0x17, II.22.34).
    PropertyRow = Property {
        /// `PropertyAttributes`.
        flags: u16 = ("Flags", U16),
        /// Property name.
        name: StringIndex = ("Name", String),
        /// Property signature (the spec's `Type` column; see [`crate::sig::parse_property_sig`]).
        signature: BlobIndex = ("Type", Blob),
    }

    /// MethodSemantics (0x18, II.22.28): links accessors to events and properties.
    MethodSemanticsRow = MethodSemantics {
        /// `MethodSemanticsAttributes` (see [`crate::flags::method_semantics`]).
        semantics: u16 = ("Semantics", U16),
        /// The accessor MethodDef row.
        method: u32 = ("Method", Index(T::MethodDef)),
        /// The event or property.
        association: HasSemantics = ("Association", Coded(C::HasSemantics)),
    }

    /// MethodImpl (0x19, II.22.27): an explicit override.
    MethodImplRow = MethodImpl {
        /// The TypeDef row the override belongs to.
        class: u32 = ("Class", Index(T::TypeDef)),
        /// The implementing method.
        method_body: MethodDefOrRef = ("MethodBody", Coded(C::MethodDefOrRef)),
        /// The overridden (declared) method.
        method_declaration: MethodDefOrRef = ("MethodDeclaration", Coded(C::MethodDefOrRef)),
    }

    /// ModuleRef (0x1A, II.22.31): a reference to a module (also P/Invoke libraries).
    ModuleRefRow = ModuleRef {
        /// Module (or native library) name.
        name: StringIndex = ("Name", String),
    }

    /// TypeSpec (0x1B, II.22.39): a constructed type.
    TypeSpecRow = TypeSpec {
        /// The type signature (see [`crate::sig::parse_type_spec`]).
        signature: BlobIndex = ("Signature", Blob),
    }

    /// ImplMap (0x1C, II.22.22): P/Invoke information of a method.
    ImplMapRow = ImplMap {
        /// `PInvokeAttributes` (see [`crate::flags::pinvoke_attributes`]).
        mapping_flags: u16 = ("MappingFlags", U16),
        /// The method (or field).
        member_forwarded: MemberForwarded = ("MemberForwarded", Coded(C::MemberForwarded)),
        /// The entry point name.
        import_name: StringIndex = ("ImportName", String),
        /// The ModuleRef row naming the library.
        import_scope: u32 = ("ImportScope", Index(T::ModuleRef)),
    }

    /// FieldRVA (0x1D, II.22.18): initial data of a static field.
    FieldRvaRow = FieldRva {
        /// RVA of the data.
        rva: u32 = ("RVA", U32),
        /// The Field row.
        field: u32 = ("Field", Index(T::Field)),
    }

    /// ENCLog (0x1E): edit-and-continue log.
    EncLogRow = EncLog {
        /// The token edited.
        token: u32 = ("Token", U32),
        /// The edit operation.
        func_code: u32 = ("FuncCode", U32),
    }

    /// ENCMap (0x1F): edit-and-continue map.
    EncMapRow = EncMap {
        /// The token mapped.
        token: u32 = ("Token", U32),
    }

    /// Assembly (0x20, II.22.2): the assembly manifest.
    AssemblyRow = Assembly {
        /// `AssemblyHashAlgorithm`.
        hash_alg_id: u32 = ("HashAlgId", U32),
        /// Version: major.
        major_version: u16 = ("MajorVersion", U16),
        /// Version: minor.
        minor_version: u16 = ("MinorVersion", U16),
        /// Version: build.
        build_number: u16 = ("BuildNumber", U16),
        /// Version: revision.
        revision_number: u16 = ("RevisionNumber", U16),
        /// `AssemblyFlags`.
        flags: u32 = ("Flags", U32),
        /// The public key (empty if not strong-named).
        public_key: BlobIndex = ("PublicKey", Blob),
        /// Simple name.
        name: StringIndex = ("Name", String),
        /// Culture (empty for neutral).
        culture: StringIndex = ("Culture", String),
    }

    /// AssemblyProcessor (0x21, II.22.4): unused.
    AssemblyProcessorRow = AssemblyProcessor {
        /// Processor id.
        processor: u32 = ("Processor", U32),
    }

    /// AssemblyOS (0x22, II.22.3): unused.
    AssemblyOsRow = AssemblyOs {
        /// Platform id.
        os_platform_id: u32 = ("OSPlatformID", U32),
        /// OS major version.
        os_major_version: u32 = ("OSMajorVersion", U32),
        /// OS minor version.
        os_minor_version: u32 = ("OSMinorVersion", U32),
    }

    /// AssemblyRef (0x23, II.22.5): a referenced assembly.
    AssemblyRefRow = AssemblyRef {
        /// Version: major.
        major_version: u16 = ("MajorVersion", U16),
        /// Version: minor.
        minor_version: u16 = ("MinorVersion", U16),
        /// Version: build.
        build_number: u16 = ("BuildNumber", U16),
        /// Version: revision.
        revision_number: u16 = ("RevisionNumber", U16),
        /// `AssemblyFlags` (bit 0: the blob is a full public key).
        flags: u32 = ("Flags", U32),
        /// Public key or its 8-byte token.
        public_key_or_token: BlobIndex = ("PublicKeyOrToken", Blob),
        /// Simple name.
        name: StringIndex = ("Name", String),
        /// Culture.
        culture: StringIndex = ("Culture", String),
        /// Hash of the referenced assembly (usually empty).
        hash_value: BlobIndex = ("HashValue", Blob),
    }

    /// AssemblyRefProcessor (0x24, II.22.7): unused.
    AssemblyRefProcessorRow = AssemblyRefProcessor {
        /// Processor id.
        processor: u32 = ("Processor", U32),
        /// The AssemblyRef row.
        assembly_ref: u32 = ("AssemblyRef", Index(T::AssemblyRef)),
    }

    /// AssemblyRefOS (0x25, II.22.6): unused.
    AssemblyRefOsRow = AssemblyRefOs {
        /// Platform id.
        os_platform_id: u32 = ("OSPlatformID", U32),
        /// OS major version.
        os_major_version: u32 = ("OSMajorVersion", U32),
        /// OS minor version.
        os_minor_version: u32 = ("OSMinorVersion", U32),
        /// The AssemblyRef row.
        assembly_ref: u32 = ("AssemblyRef", Index(T::AssemblyRef)),
    }

    /// File (0x26, II.22.19): a file of a multi-file assembly.
    FileRow = File {
        /// `FileAttributes`.
        flags: u32 = ("Flags", U32),
        /// File name.
        name: StringIndex = ("Name", String),
        /// Hash of the file.
        hash_value: BlobIndex = ("HashValue", Blob),
    }

    /// ExportedType (0x27, II.22.14): a type exported or forwarded by the assembly.
    ExportedTypeRow = ExportedType {
        /// `TypeAttributes`.
        flags: u32 = ("Flags", U32),
        /// Hint: the TypeDef row in the target module.
        type_def_id: u32 = ("TypeDefId", U32),
        /// Type name.
        name: StringIndex = ("TypeName", String),
        /// Namespace.
        namespace: StringIndex = ("TypeNamespace", String),
        /// Where the type lives.
        implementation: Implementation = ("Implementation", Coded(C::Implementation)),
    }

    /// ManifestResource (0x28, II.22.24): a managed resource.
    ManifestResourceRow = ManifestResource {
        /// Offset in the resources directory (when in this file).
        offset: u32 = ("Offset", U32),
        /// `ManifestResourceAttributes`.
        flags: u32 = ("Flags", U32),
        /// Resource name.
        name: StringIndex = ("Name", String),
        /// Where the resource lives; `None` for this file.
        implementation: Option<Implementation> = ("Implementation", Coded(C::Implementation)),
    }

    /// NestedClass (0x29, II.22.32): nesting of types.
    NestedClassRow = NestedClass {
        /// The nested TypeDef row.
        nested_class: u32 = ("NestedClass", Index(T::TypeDef)),
        /// The enclosing TypeDef row.
        enclosing_class: u32 = ("EnclosingClass", Index(T::TypeDef)),
    }

    /// GenericParam (0x2A, II.22.20).
    GenericParamRow = GenericParam {
        /// Position (0-based).
        number: u16 = ("Number", U16),
        /// `GenericParamAttributes` (see [`crate::flags::generic_param_attributes`]).
        flags: u16 = ("Flags", U16),
        /// The generic type or method.
        owner: TypeOrMethodDef = ("Owner", Coded(C::TypeOrMethodDef)),
        /// Parameter name.
        name: StringIndex = ("Name", String),
    }

    /// MethodSpec (0x2B, II.22.29): an instantiated generic method.
    MethodSpecRow = MethodSpec {
        /// The generic method.
        method: MethodDefOrRef = ("Method", Coded(C::MethodDefOrRef)),
        /// The type arguments (see [`crate::sig::parse_method_spec`]).
        instantiation: BlobIndex = ("Instantiation", Blob),
    }

    /// GenericParamConstraint (0x2C, II.22.21).
    GenericParamConstraintRow = GenericParamConstraint {
        /// The GenericParam row.
        owner: u32 = ("Owner", Index(T::GenericParam)),
        /// The constraint type.
        constraint: TypeDefOrRef = ("Constraint", Coded(C::TypeDefOrRef)),
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
