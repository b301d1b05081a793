//! Exhaustive validation: decode everything in an image.
//!
//! [`walk`] visits every row of every table (each column decoded, each heap
//! index resolved, each coded or simple index checked against its target
//! table), every member list, every signature blob by its owning column,
//! every method body and every IL instruction (branch targets on
//! instruction boundaries, tokens naming existing rows of the right tables),
//! and runs the loader lookups. It is used by the test suite and the fuzzer,
//! and is handy as an `osprey verify`-style check.
//!
//! The walk keeps going after an error so that one corrupt row does not hide
//! the rest; the work is linear in the size of the image (bodies and blobs
//! shared by several rows are decoded once, and lookups that would need a
//! linear scan per owner are only sampled).

use std::collections::HashSet;

use crate::error::{MetadataError, Result};
use crate::il::{Instructions, Opcode, Operand, OperandKind};
use crate::image::Image;
use crate::sig;
use crate::tables::schema::{self, ColumnKind};
use crate::tables::*;
use crate::token::Token;

/// Errors kept in a [`WalkReport`] (the rest are only counted).
pub const MAX_REPORTED_ERRORS: usize = 64;

/// Owners looked up per table when the keyed table is not marked sorted
/// (each lookup is then a linear scan).
const UNSORTED_LOOKUP_SAMPLE: u32 = 64;

/// What a walk decoded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WalkStats {
    /// Table rows decoded.
    pub rows: u64,
    /// Heap indexes resolved.
    pub heap_refs: u64,
    /// Coded and simple table indexes checked.
    pub table_refs: u64,
    /// Signature blobs decoded.
    pub signatures: u64,
    /// Method bodies decoded.
    pub method_bodies: u64,
    /// IL instructions decoded.
    pub instructions: u64,
    /// Exception clauses decoded.
    pub exception_clauses: u64,
}

/// The result of [`walk`]: statistics and the errors found.
#[derive(Debug, Clone, Default)]
pub struct WalkReport {
    /// What was decoded.
    pub stats: WalkStats,
    /// The first [`MAX_REPORTED_ERRORS`] errors, with context.
    pub errors: Vec<MetadataError>,
    /// Total number of errors.
    pub error_count: usize,
}

impl WalkReport {
    /// The first error, if any.
    pub fn first_error(&self) -> Option<&MetadataError> {
        self.errors.first()
    }
}

/// Parses `bytes` and walks the image; a parse failure is reported as the only error.
pub fn walk_bytes(bytes: &[u8]) -> WalkReport {
    match Image::parse(bytes) {
        Ok(image) => walk(&image),
        Err(e) => WalkReport {
            stats: WalkStats::default(),
            errors: vec![e],
            error_count: 1,
        },
    }
}

/// Walks everything in `image`, continuing after errors.
pub fn walk(image: &Image<'_>) -> WalkReport {
    let mut w = Walker {
        image,
        report: WalkReport::default(),
        bodies: HashSet::new(),
        blobs: HashSet::new(),
    };
    w.tables();
    w.sort_order();
    w.lists();
    w.signatures();
    w.bodies();
    w.lookups();
    w.misc();
    w.report
}

/// Walks everything in `image` and returns the first error, if any.
pub fn check(image: &Image<'_>) -> Result<WalkStats> {
    let report = walk(image);
    match report.errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(report.stats),
    }
}

/// Which decoder a blob was checked with (blobs are deduplicated per kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum BlobKind {
    Field,
    Method,
    MemberRef,
    StandAlone,
    TypeSpec,
    MethodSpec,
    Property,
}

struct Walker<'i, 'a> {
    image: &'i Image<'a>,
    report: WalkReport,
    bodies: HashSet<u32>,
    blobs: HashSet<(BlobKind, u32)>,
}

impl<'a> Walker<'_, 'a> {
    /// Records `result`'s error (with lazily built context) and returns its value.
    fn ok<T>(&mut self, result: Result<T>, context: impl FnOnce() -> String) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.report.error_count += 1;
                if self.report.errors.len() < MAX_REPORTED_ERRORS {
                    self.report.errors.push(e.context(context()));
                }
                None
            }
        }
    }

    // ----- 1. every column of every row ------------------------------------------

    fn tables(&mut self) {
        let image = self.image;
        for id in TableId::ALL {
            let table = image.tables().table(id);
            let defs = schema::columns(id);
            for rid in 1..=table.row_count() {
                self.report.stats.rows += 1;
                for (col, def) in defs.iter().enumerate() {
                    let raw = table.column(rid, col);
                    let Some(raw) = self.ok(raw, || format!("{id:?} row {rid}")) else {
                        continue;
                    };
                    let result = self.column(def.kind, raw);
                    self.ok(result, || format!("{id:?} row {rid}, column {}", def.name));
                }
                let typed = decode_typed(image.tables(), id, rid);
                self.ok(typed, || "typed decode".to_owned());
            }
        }
    }

    fn column(&mut self, kind: ColumnKind, raw: u32) -> Result<()> {
        let image = self.image;
        let stats = &mut self.report.stats;
        match kind {
            ColumnKind::U16 | ColumnKind::U32 => {}
            ColumnKind::String => {
                stats.heap_refs += 1;
                image.strings().get(crate::heaps::StringIndex(raw))?;
            }
            ColumnKind::Blob => {
                stats.heap_refs += 1;
                image.blobs().get(crate::heaps::BlobIndex(raw))?;
            }
            ColumnKind::Guid => {
                stats.heap_refs += 1;
                image.guids().get(crate::heaps::GuidIndex(raw))?;
            }
            // Checked by the typed decoder (nullability) and by `lists`.
            ColumnKind::List(_) => {}
            ColumnKind::Index(target) => {
                stats.table_refs += 1;
                check_rid(image, target, raw)?;
            }
            ColumnKind::Coded(kind) => {
                stats.table_refs += 1;
                if let Some((target, rid)) = kind.decode(raw)? {
                    check_rid(image, target, rid)?;
                }
            }
        }
        Ok(())
    }

    // ----- 2. sorted tables --------------------------------------------------------

    fn sort_order(&mut self) {
        let tables = self.image.tables();
        for id in TableId::ALL {
            let Some(key) = schema::sort_key(id) else {
                continue;
            };
            if !tables.is_sorted(id) {
                continue;
            }
            let table = tables.table(id);
            let mut previous = 0;
            for rid in 1..=table.row_count() {
                let value = table.raw(rid, key);
                if value < previous {
                    self.ok::<()>(
                        Err(MetadataError::UnsortedTable { table: id, rid }),
                        String::new,
                    );
                    break;
                }
                previous = value;
            }
        }
    }

    // ----- 3. member lists ------------------------------------------------------------

    fn lists(&mut self) {
        let image = self.image;
        for rid in 1..=image.row_count(TableId::TypeDef) {
            let fields = image.field_range(rid);
            self.ok(fields, || format!("TypeDef row {rid} field list"));
            let methods = image.method_range(rid);
            self.ok(methods, || format!("TypeDef row {rid} method list"));
        }
        for rid in 1..=image.row_count(TableId::MethodDef) {
            let params = image.param_range(rid);
            self.ok(params, || format!("MethodDef row {rid} param list"));
        }
        for rid in 1..=image.row_count(TableId::EventMap) {
            let events = image.event_range(rid);
            self.ok(events, || format!("EventMap row {rid} event list"));
        }
        for rid in 1..=image.row_count(TableId::PropertyMap) {
            let properties = image.property_range(rid);
            self.ok(properties, || {
                format!("PropertyMap row {rid} property list")
            });
        }
    }

    // ----- 4. signatures by owning column ----------------------------------------------

    fn signatures(&mut self) {
        let image = self.image;
        let t = image.tables();
        for (rid, row) in t.rows::<FieldRow>() {
            if let Ok(row) = row {
                self.blob_sig(BlobKind::Field, row.signature.0, || {
                    format!("Field row {rid} signature")
                });
            }
        }
        for (rid, row) in t.rows::<MethodDefRow>() {
            if let Ok(row) = row {
                self.blob_sig(BlobKind::Method, row.signature.0, || {
                    format!("MethodDef row {rid} signature")
                });
            }
        }
        for (rid, row) in t.rows::<MemberRefRow>() {
            if let Ok(row) = row {
                self.blob_sig(BlobKind::MemberRef, row.signature.0, || {
                    format!("MemberRef row {rid} signature")
                });
            }
        }
        for (rid, row) in t.rows::<StandAloneSigRow>() {
            if let Ok(row) = row {
                self.blob_sig(BlobKind::StandAlone, row.signature.0, || {
                    format!("StandAloneSig row {rid}")
                });
            }
        }
        for (rid, row) in t.rows::<TypeSpecRow>() {
            if let Ok(row) = row {
                self.blob_sig(BlobKind::TypeSpec, row.signature.0, || {
                    format!("TypeSpec row {rid}")
                });
            }
        }
        for (rid, row) in t.rows::<MethodSpecRow>() {
            if let Ok(row) = row {
                self.blob_sig(BlobKind::MethodSpec, row.instantiation.0, || {
                    format!("MethodSpec row {rid}")
                });
            }
        }
        for (rid, row) in t.rows::<PropertyRow>() {
            if let Ok(row) = row {
                self.blob_sig(BlobKind::Property, row.signature.0, || {
                    format!("Property row {rid} signature")
                });
            }
        }
    }

    fn blob_sig(&mut self, kind: BlobKind, index: u32, context: impl FnOnce() -> String) {
        if !self.blobs.insert((kind, index)) {
            return;
        }
        self.report.stats.signatures += 1;
        let result = self.decode_sig(kind, index);
        self.ok(result, context);
    }

    fn decode_sig(&self, kind: BlobKind, index: u32) -> Result<()> {
        let image = self.image;
        let blob = image.blobs().get(crate::heaps::BlobIndex(index))?;
        let mut refs = Vec::new();
        let mut collect = |t: TypeDefOrRef| refs.push(t);
        match kind {
            BlobKind::Field => sig::parse_field_sig(blob)?
                .ty
                .for_each_type_ref(&mut collect),
            BlobKind::Method => sig::parse_method_sig(blob)?.for_each_type_ref(&mut collect),
            BlobKind::MemberRef => match sig::parse_member_ref_sig(blob)? {
                sig::MemberRefSig::Method(m) => m.for_each_type_ref(&mut collect),
                sig::MemberRefSig::Field(f) => f.ty.for_each_type_ref(&mut collect),
            },
            BlobKind::StandAlone => match sig::parse_standalone_sig(blob)? {
                sig::StandAloneSig::Locals(l) => l
                    .locals
                    .iter()
                    .for_each(|t| t.for_each_type_ref(&mut collect)),
                sig::StandAloneSig::Method(m) => m.for_each_type_ref(&mut collect),
                sig::StandAloneSig::Field(f) => f.ty.for_each_type_ref(&mut collect),
            },
            BlobKind::TypeSpec => sig::parse_type_spec(blob)?.for_each_type_ref(&mut collect),
            BlobKind::MethodSpec => sig::parse_method_spec(blob)?
                .args
                .iter()
                .for_each(|t| t.for_each_type_ref(&mut collect)),
            BlobKind::Property => {
                let p = sig::parse_property_sig(blob)?;
                p.ty.for_each_type_ref(&mut collect);
                p.params
                    .iter()
                    .for_each(|t| t.for_each_type_ref(&mut collect));
            }
        }
        for t in refs {
            image.check_token(t.token(), "type in signature")?;
        }
        Ok(())
    }

    // ----- 5. method bodies and IL ----------------------------------------------------

    fn bodies(&mut self) {
        let image = self.image;
        for (rid, row) in image.tables().rows::<MethodDefRow>() {
            let Ok(row) = row else { continue };
            if row.rva == 0 || !self.bodies.insert(row.rva) {
                continue;
            }
            let result = self.body(row.rva);
            self.ok(result, || format!("MethodDef row {rid} body"));
        }
    }

    fn body(&mut self, rva: u32) -> Result<()> {
        let image = self.image;
        let body = image.method_body(rva)?;
        self.report.stats.method_bodies += 1;
        if let Some(token) = body.local_var_sig {
            image.local_sig(token)?;
        }
        // Instruction starts, to check that branch targets and clauses hit boundaries.
        let mut starts = vec![false; body.code.len() + 1];
        let mut branch_targets = Vec::new();
        for insn in Instructions::new(body.code) {
            let (offset, insn) = insn?;
            self.report.stats.instructions += 1;
            if let Some(s) = starts.get_mut(offset as usize) {
                *s = true;
            }
            match &insn.operand {
                Operand::Branch(target) => branch_targets.push((offset, *target)),
                Operand::Switch(targets) => {
                    branch_targets.extend(targets.iter().map(|t| (offset, *t)))
                }
                Operand::Token(token) => check_operand_token(image, insn.opcode, *token)?,
                _ => {}
            }
        }
        if let Some(end) = starts.last_mut() {
            *end = true; // clause ranges may end at the end of the code
        }
        let is_start = |offset: u32| starts.get(offset as usize).copied().unwrap_or(false);
        for (offset, target) in branch_targets {
            if !is_start(target) {
                return Err(MetadataError::BranchOutOfRange {
                    offset,
                    target: i64::from(target),
                    code_size: body.code.len() as u32,
                });
            }
        }
        for clause in &body.exception_clauses {
            self.report.stats.exception_clauses += 1;
            let bounds = [
                clause.try_offset,
                clause.try_offset.saturating_add(clause.try_length),
                clause.handler_offset,
                clause.handler_offset.saturating_add(clause.handler_length),
            ];
            if let Some(&bad) = bounds.iter().find(|&&b| !is_start(b)) {
                return Err(MetadataError::BranchOutOfRange {
                    offset: bad,
                    target: i64::from(bad),
                    code_size: body.code.len() as u32,
                }
                .context("exception clause boundary is not an instruction boundary"));
            }
            match clause.kind {
                crate::body::ClauseKind::Catch(token) => check_token_in(
                    image,
                    token,
                    &[TableId::TypeDef, TableId::TypeRef, TableId::TypeSpec],
                    "catch type",
                )?,
                crate::body::ClauseKind::Filter { filter_offset } if !is_start(filter_offset) => {
                    return Err(MetadataError::BranchOutOfRange {
                        offset: filter_offset,
                        target: i64::from(filter_offset),
                        code_size: body.code.len() as u32,
                    }
                    .context("filter start is not an instruction boundary"))
                }
                _ => {}
            }
        }
        Ok(())
    }

    // ----- 6. loader lookups ------------------------------------------------------------

    fn lookups(&mut self) {
        let image = self.image;
        let t = image.tables();
        // All owners if every table searched is sorted (binary search),
        // else a sample (each lookup is a linear scan).
        let limit = |keyed: &[TableId], owners: TableId| {
            let owners = t.row_count(owners);
            let searchable = |k: TableId| schema::sort_key(k).is_some() && t.is_sorted(k);
            if keyed.iter().all(|&k| t.row_count(k) == 0 || searchable(k)) {
                owners
            } else {
                owners.min(UNSORTED_LOOKUP_SAMPLE)
            }
        };
        use TableId as T;
        let type_tables = [
            T::NestedClass,
            T::ClassLayout,
            T::InterfaceImpl,
            T::MethodImpl,
            T::GenericParam,
            T::CustomAttribute,
        ];
        for rid in 1..=limit(&type_tables, T::TypeDef) {
            let r = image.type_def_full_name(rid);
            self.ok(r, || format!("TypeDef row {rid} name"));
            let r = image.class_layout_of(rid);
            self.ok(r, || format!("TypeDef row {rid} class layout"));
            let r: Result<Vec<_>> = image.interface_impls_of(rid).collect();
            self.ok(r, || format!("TypeDef row {rid} interfaces"));
            let r: Result<Vec<_>> = image.method_impls_of(rid).collect();
            self.ok(r, || format!("TypeDef row {rid} method impls"));
            let r: Result<Vec<_>> = image
                .generic_params_of(TypeOrMethodDef::TypeDef(rid))
                .collect();
            self.ok(r, || format!("TypeDef row {rid} generic params"));
            let r = image
                .custom_attributes_of(Token::new(T::TypeDef, rid))
                .and_then(|it| it.collect::<Result<Vec<_>>>());
            self.ok(r, || format!("TypeDef row {rid} custom attributes"));
        }
        for rid in 1..=limit(&[T::FieldLayout, T::FieldRva, T::Constant], T::Field) {
            let r = image.field_offset_of(rid);
            self.ok(r, || format!("Field row {rid} layout"));
            let r = image.field_data_of(rid, 0);
            self.ok(r, || format!("Field row {rid} RVA"));
            let r = image.constant_of(HasConstant::Field(rid));
            self.ok(r, || format!("Field row {rid} constant"));
        }
        // `method_owner` scans MethodPtr linearly when it exists.
        for rid in 1..=limit(&[T::ImplMap, T::MethodPtr], T::MethodDef) {
            let r = image.pinvoke_import_of(rid);
            self.ok(r, || format!("MethodDef row {rid} P/Invoke import"));
            let r = image.method_owner(rid);
            self.ok(r, || format!("MethodDef row {rid} owner"));
        }
        for rid in 1..=limit(&[T::GenericParamConstraint], T::GenericParam) {
            let r: Result<Vec<_>> = image.generic_param_constraints_of(rid).collect();
            self.ok(r, || format!("GenericParam row {rid} constraints"));
        }
    }

    // ----- 7. header-level facts ----------------------------------------------------------

    fn misc(&mut self) {
        let image = self.image;
        if let Some(token) = image.entry_point() {
            let r = check_token_in(
                image,
                token,
                &[TableId::MethodDef, TableId::File],
                "entry point",
            );
            self.ok(r, || "CLI header".to_owned());
        }
        let r = image.assembly_name();
        self.ok(r, || "Assembly name".to_owned());
    }
}

/// Checks that `rid` names a row of `target`.
fn check_rid(image: &Image<'_>, target: TableId, rid: u32) -> Result<()> {
    let row_count = image.row_count(target);
    if rid == 0 || rid > row_count {
        return Err(MetadataError::RowOutOfRange {
            table: target,
            rid,
            row_count,
        });
    }
    Ok(())
}

/// Checks that `token` names an existing row of one of `tables`.
fn check_token_in(
    image: &Image<'_>,
    token: Token,
    tables: &[TableId],
    context: &'static str,
) -> Result<()> {
    match token.table() {
        Some(t) if tables.contains(&t) => image.check_token(token, context),
        _ => Err(MetadataError::BadToken {
            token: token.raw(),
            context,
        }),
    }
}

/// Checks an IL token operand against the tables its operand kind allows.
fn check_operand_token(image: &Image<'_>, opcode: Opcode, token: Token) -> Result<()> {
    use TableId as T;
    let tables: &[TableId] = match opcode.operand_kind() {
        OperandKind::Method => &[T::MethodDef, T::MemberRef, T::MethodSpec],
        OperandKind::Field => &[T::Field, T::MemberRef],
        OperandKind::Type => &[T::TypeDef, T::TypeRef, T::TypeSpec],
        OperandKind::Tok => &[
            T::TypeDef,
            T::TypeRef,
            T::TypeSpec,
            T::MethodDef,
            T::MemberRef,
            T::MethodSpec,
            T::Field,
        ],
        OperandKind::Sig => &[T::StandAloneSig],
        OperandKind::String => {
            return match token.user_string() {
                Some(_) => image.check_token(token, "ldstr operand"),
                None => Err(MetadataError::BadToken {
                    token: token.raw(),
                    context: "ldstr operand",
                }),
            };
        }
        _ => return Ok(()),
    };
    check_token_in(image, token, tables, opcode.name())
}

/// Decodes row `rid` of table `id` with its typed decoder.
fn decode_typed(tables: &Tables<'_>, id: TableId, rid: u32) -> Result<()> {
    macro_rules! dispatch {
        ($($table:ident => $row:ty,)+) => {
            match id {
                $(TableId::$table => tables.row::<$row>(rid).map(|_| ()),)+
            }
        };
    }
    dispatch! {
        Module => ModuleRow,
        TypeRef => TypeRefRow,
        TypeDef => TypeDefRow,
        FieldPtr => FieldPtrRow,
        Field => FieldRow,
        MethodPtr => MethodPtrRow,
        MethodDef => MethodDefRow,
        ParamPtr => ParamPtrRow,
        Param => ParamRow,
        InterfaceImpl => InterfaceImplRow,
        MemberRef => MemberRefRow,
        Constant => ConstantRow,
        CustomAttribute => CustomAttributeRow,
        FieldMarshal => FieldMarshalRow,
        DeclSecurity => DeclSecurityRow,
        ClassLayout => ClassLayoutRow,
        FieldLayout => FieldLayoutRow,
        StandAloneSig => StandAloneSigRow,
        EventMap => EventMapRow,
        EventPtr => EventPtrRow,
        Event => EventRow,
        PropertyMap => PropertyMapRow,
        PropertyPtr => PropertyPtrRow,
        Property => PropertyRow,
        MethodSemantics => MethodSemanticsRow,
        MethodImpl => MethodImplRow,
        ModuleRef => ModuleRefRow,
        TypeSpec => TypeSpecRow,
        ImplMap => ImplMapRow,
        FieldRva => FieldRvaRow,
        EncLog => EncLogRow,
        EncMap => EncMapRow,
        Assembly => AssemblyRow,
        AssemblyProcessor => AssemblyProcessorRow,
        AssemblyOs => AssemblyOsRow,
        AssemblyRef => AssemblyRefRow,
        AssemblyRefProcessor => AssemblyRefProcessorRow,
        AssemblyRefOs => AssemblyRefOsRow,
        File => FileRow,
        ExportedType => ExportedTypeRow,
        ManifestResource => ManifestResourceRow,
        NestedClass => NestedClassRow,
        GenericParam => GenericParamRow,
        MethodSpec => MethodSpecRow,
        GenericParamConstraint => GenericParamConstraintRow,
    }
}
