//! [`Image`]: the entry point, tying together the PE container, the heaps
//! and the tables of one managed module.

mod lists;
mod lookups;
mod names;

pub use lists::RidList;
pub use lookups::{Constant, CustomAttribute, KeyedRows, PInvokeImport};

use crate::body::MethodBody;
use crate::error::{MetadataError, Result};
use crate::heaps::{
    BlobHeap, BlobIndex, Guid, GuidHeap, GuidIndex, StringHeap, StringIndex, UserString,
    UserStringHeap, UserStringIndex,
};
use crate::pe::{CliFlags, CliHeader, PeImage};
use crate::root::MetadataRoot;
use crate::sig;
use crate::tables::*;
use crate::token::Token;

/// A parsed managed module: a zero-copy view over the bytes of a PE file.
///
/// Parsing reads only headers (PE, CLI header, metadata root, stream
/// headers, tables header); rows, heap entries, signatures and method bodies
/// are decoded on demand.
#[derive(Debug, Clone)]
pub struct Image<'a> {
    pe: PeImage<'a>,
    metadata: &'a [u8],
    root: MetadataRoot<'a>,
    strings: StringHeap<'a>,
    user_strings: UserStringHeap<'a>,
    blobs: BlobHeap<'a>,
    guids: GuidHeap<'a>,
    tables: Tables<'a>,
}

macro_rules! row_accessors {
    ($($method:ident => $row:ident,)+) => {
        /// Typed row access by table (`rid` is 1-based).
        impl<'a> Image<'a> {
            $(
                #[doc = concat!("Decodes row `rid` of the ", stringify!($row), " table ([`", stringify!($row), "`]).")]
                pub fn $method(&self, rid: u32) -> Result<$row> {
                    self.tables.row::<$row>(rid)
                }
            )+
        }
    };
}

row_accessors! {
    module => ModuleRow,
    type_ref => TypeRefRow,
    type_def => TypeDefRow,
    field_ptr => FieldPtrRow,
    field => FieldRow,
    method_ptr => MethodPtrRow,
    method_def => MethodDefRow,
    param_ptr => ParamPtrRow,
    param => ParamRow,
    interface_impl => InterfaceImplRow,
    member_ref => MemberRefRow,
    constant => ConstantRow,
    custom_attribute => CustomAttributeRow,
    field_marshal => FieldMarshalRow,
    decl_security => DeclSecurityRow,
    class_layout => ClassLayoutRow,
    field_layout => FieldLayoutRow,
    stand_alone_sig => StandAloneSigRow,
    event_map => EventMapRow,
    event_ptr => EventPtrRow,
    event => EventRow,
    property_map => PropertyMapRow,
    property_ptr => PropertyPtrRow,
    property => PropertyRow,
    method_semantics => MethodSemanticsRow,
    method_impl => MethodImplRow,
    module_ref => ModuleRefRow,
    type_spec => TypeSpecRow,
    impl_map => ImplMapRow,
    field_rva => FieldRvaRow,
    enc_log => EncLogRow,
    enc_map => EncMapRow,
    assembly => AssemblyRow,
    assembly_processor => AssemblyProcessorRow,
    assembly_os => AssemblyOsRow,
    assembly_ref => AssemblyRefRow,
    assembly_ref_processor => AssemblyRefProcessorRow,
    assembly_ref_os => AssemblyRefOsRow,
    file => FileRow,
    exported_type => ExportedTypeRow,
    manifest_resource => ManifestResourceRow,
    nested_class => NestedClassRow,
    generic_param => GenericParamRow,
    method_spec => MethodSpecRow,
    generic_param_constraint => GenericParamConstraintRow,
}

impl<'a> Image<'a> {
    /// Parses the PE headers, CLI header, metadata root, stream headers and
    /// tables header of `bytes`.
    pub fn parse(bytes: &'a [u8]) -> Result<Self> {
        let pe = PeImage::parse(bytes)?;
        let dir = pe.cli_header().metadata;
        let metadata = pe.rva_slice(dir.rva, dir.size as usize)?;
        let root = MetadataRoot::parse(metadata)?;
        // The first stream of each name wins.
        let stream = |name: &str| root.stream(name).map_or(&[][..], |s| s.data);
        let table_stream = root
            .streams
            .iter()
            .find(|s| s.name == "#~" || s.name == "#-")
            .ok_or(MetadataError::NoTableStream)?;
        let tables = Tables::parse(table_stream.data, table_stream.name == "#-")?;
        Ok(Image {
            strings: StringHeap::new(stream("#Strings")),
            user_strings: UserStringHeap::new(stream("#US")),
            blobs: BlobHeap::new(stream("#Blob")),
            guids: GuidHeap::new(stream("#GUID")),
            pe,
            metadata,
            root,
            tables,
        })
    }

    // ----- containers -----------------------------------------------------

    /// The PE layer (sections, RVA mapping).
    pub fn pe(&self) -> &PeImage<'a> {
        &self.pe
    }

    /// The whole file.
    pub fn bytes(&self) -> &'a [u8] {
        self.pe.bytes()
    }

    /// The CLI header.
    pub fn cli_header(&self) -> &CliHeader {
        self.pe.cli_header()
    }

    /// The metadata block (from the `BSJB` signature).
    pub fn metadata(&self) -> &'a [u8] {
        self.metadata
    }

    /// The metadata root (version string, stream headers).
    pub fn metadata_root(&self) -> &MetadataRoot<'a> {
        &self.root
    }

    /// The runtime version string of the metadata root, e.g. `"v4.0.30319"`.
    pub fn runtime_version(&self) -> &'a str {
        self.root.version
    }

    /// `len` bytes at `rva` (method bodies, field initial data, resources).
    pub fn rva_slice(&self, rva: u32, len: usize) -> Result<&'a [u8]> {
        self.pe.rva_slice(rva, len)
    }

    /// The entry point method (or File) token, if the image has a managed entry point.
    pub fn entry_point(&self) -> Option<Token> {
        let header = self.cli_header();
        if header.flags.contains(CliFlags::NATIVE_ENTRYPOINT) || header.entry_point == 0 {
            None
        } else {
            Some(Token::from_raw(header.entry_point))
        }
    }

    // ----- heaps ------------------------------------------------------------

    /// The `#Strings` heap.
    pub fn strings(&self) -> &StringHeap<'a> {
        &self.strings
    }

    /// The `#US` heap.
    pub fn user_strings(&self) -> &UserStringHeap<'a> {
        &self.user_strings
    }

    /// The `#Blob` heap.
    pub fn blobs(&self) -> &BlobHeap<'a> {
        &self.blobs
    }

    /// The `#GUID` heap.
    pub fn guids(&self) -> &GuidHeap<'a> {
        &self.guids
    }

    /// Shorthand for `self.strings().get(index)`.
    pub fn string(&self, index: StringIndex) -> Result<&'a str> {
        self.strings.get(index)
    }

    /// Shorthand for `self.blobs().get(index)`.
    pub fn blob(&self, index: BlobIndex) -> Result<&'a [u8]> {
        self.blobs.get(index)
    }

    /// Shorthand for `self.guids().get(index)`.
    pub fn guid(&self, index: GuidIndex) -> Result<Option<Guid>> {
        self.guids.get(index)
    }

    /// Shorthand for `self.user_strings().get(index)`.
    pub fn user_string(&self, index: UserStringIndex) -> Result<UserString<'a>> {
        self.user_strings.get(index)
    }

    /// The string of an `ldstr` token.
    pub fn ldstr(&self, token: Token) -> Result<UserString<'a>> {
        let index = token.user_string().ok_or(MetadataError::BadToken {
            token: token.raw(),
            context: "ldstr",
        })?;
        self.user_strings.get(index)
    }

    // ----- tables -------------------------------------------------------------

    /// The tables stream.
    pub fn tables(&self) -> &Tables<'a> {
        &self.tables
    }

    /// Number of rows in table `id`.
    pub fn row_count(&self, id: TableId) -> u32 {
        self.tables.row_count(id)
    }

    /// Decodes row `rid` of the table of `R` (generic form of [`Image::type_def`] etc.).
    pub fn row<R: TableRow>(&self, rid: u32) -> Result<R> {
        self.tables.row(rid)
    }

    /// Checks that `token` names an existing row (or, for `0x70` tokens, a
    /// valid `#US` entry).
    pub fn check_token(&self, token: Token, context: &'static str) -> Result<()> {
        let bad = || MetadataError::BadToken {
            token: token.raw(),
            context,
        };
        if let Some(index) = token.user_string() {
            return self.user_strings.get(index).map(|_| ()).map_err(|_| bad());
        }
        let table = token.table().ok_or_else(bad)?;
        if token.rid() == 0 || token.rid() > self.row_count(table) {
            return Err(bad());
        }
        Ok(())
    }

    /// The assembly's simple name, or `None` for a module without a manifest.
    pub fn assembly_name(&self) -> Result<Option<&'a str>> {
        if self.row_count(TableId::Assembly) == 0 {
            return Ok(None);
        }
        let row = self.assembly(1)?;
        self.string(row.name).map(Some)
    }

    // ----- method bodies and signatures ---------------------------------------

    /// Decodes the method body at `rva`. The local variable signature token,
    /// if any, is checked to name an existing StandAloneSig row.
    pub fn method_body(&self, rva: u32) -> Result<MethodBody<'a>> {
        let data = self
            .pe
            .rva_data(rva)
            .map_err(|_| MetadataError::MethodBody {
                rva,
                error: crate::error::BodyError::NotMapped,
            })?;
        let body = MethodBody::parse(data, rva)?;
        if let Some(token) = body.local_var_sig {
            self.check_token(token, "local variable signature")?;
        }
        Ok(body)
    }

    /// The body of MethodDef `rid`, or `None` if its RVA is 0 (abstract,
    /// runtime-implemented, internal call or P/Invoke).
    pub fn method_body_of(&self, method_rid: u32) -> Result<Option<MethodBody<'a>>> {
        let row = self.method_def(method_rid)?;
        if row.rva == 0 {
            return Ok(None);
        }
        self.method_body(row.rva).map(Some)
    }

    /// The signature of MethodDef `rid`.
    pub fn method_def_sig(&self, method_rid: u32) -> Result<sig::MethodSig> {
        sig::parse_method_sig(self.blob(self.method_def(method_rid)?.signature)?)
    }

    /// The signature of Field `rid`.
    pub fn field_sig(&self, field_rid: u32) -> Result<sig::FieldSig> {
        sig::parse_field_sig(self.blob(self.field(field_rid)?.signature)?)
    }

    /// The signature of MemberRef `rid`.
    pub fn member_ref_sig(&self, member_ref_rid: u32) -> Result<sig::MemberRefSig> {
        sig::parse_member_ref_sig(self.blob(self.member_ref(member_ref_rid)?.signature)?)
    }

    /// The local variables of a method body (from its `local_var_sig` token).
    pub fn local_sig(&self, token: Token) -> Result<sig::LocalSig> {
        if token.table() != Some(TableId::StandAloneSig) {
            return Err(MetadataError::BadToken {
                token: token.raw(),
                context: "local variable signature",
            });
        }
        sig::parse_local_sig(self.blob(self.stand_alone_sig(token.rid())?.signature)?)
    }

    /// The type signature of TypeSpec `rid`.
    pub fn type_spec_sig(&self, type_spec_rid: u32) -> Result<sig::TypeSig> {
        sig::parse_type_spec(self.blob(self.type_spec(type_spec_rid)?.signature)?)
    }

    /// The instantiation of MethodSpec `rid`.
    pub fn method_spec_sig(&self, method_spec_rid: u32) -> Result<sig::MethodSpecSig> {
        sig::parse_method_spec(self.blob(self.method_spec(method_spec_rid)?.instantiation)?)
    }
}
