//! Lookups the type loader needs: rows of sorted tables keyed by an owner
//! (custom attributes, constants, layouts, P/Invoke info, generic params…).
//!
//! Lookups use binary search when the table's `Sorted` bit is set and a
//! linear scan otherwise.

use std::marker::PhantomData;

use super::Image;
use crate::error::{MetadataError, Result};
use crate::tables::*;
use crate::token::Token;

/// Rows of a table whose key column matches, decoded lazily.
///
/// Yields `Ok((rid, row))` per match.
pub struct KeyedRows<'i, 'a, R> {
    tables: &'i Tables<'a>,
    matches: KeyMatches<'a>,
    _row: PhantomData<R>,
}

impl<R: TableRow> Iterator for KeyedRows<'_, '_, R> {
    type Item = Result<(u32, R)>;

    fn next(&mut self) -> Option<Self::Item> {
        let rid = self.matches.next()?;
        Some(self.tables.row::<R>(rid).map(|row| (rid, row)))
    }
}

/// A custom attribute, undecoded: its constructor and value blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomAttribute<'a> {
    /// The CustomAttribute row.
    pub rid: u32,
    /// The attribute's constructor (MethodDef or MemberRef).
    pub constructor: CustomAttributeType,
    /// The encoded arguments (II.23.3, starting with the prolog `01 00`).
    pub value: &'a [u8],
}

/// A constant value, undecoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Constant<'a> {
    /// The `ELEMENT_TYPE_*` of the value (`CLASS` for a null reference).
    pub ty: u8,
    /// The little-endian value bytes (UTF-16LE for strings).
    pub value: &'a [u8],
}

/// P/Invoke information of a method: `[DllImport(module, EntryPoint = import_name)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PInvokeImport<'a> {
    /// `PInvokeAttributes` (see [`crate::flags::pinvoke_attributes`]).
    pub flags: u16,
    /// The entry point name.
    pub import_name: &'a str,
    /// The library name (ModuleRef), e.g. `"QCall"` or `"libc"`.
    pub module_name: &'a str,
}

impl<'a> Image<'a> {
    /// All rows of `R`'s table whose column `col` equals `key`.
    fn keyed<R: TableRow>(&self, col: usize, key: u32) -> KeyedRows<'_, 'a, R> {
        KeyedRows {
            tables: self.tables(),
            matches: self.tables().find_by_key(R::TABLE, col, key),
            _row: PhantomData,
        }
    }

    /// The first row of `R`'s table whose column `col` equals `key`.
    fn keyed_first<R: TableRow>(&self, col: usize, key: u32) -> Result<Option<R>> {
        self.keyed::<R>(col, key)
            .next()
            .transpose()
            .map(|r| r.map(|(_, row)| row))
    }

    /// The TypeDef enclosing TypeDef `type_rid`, if it is nested.
    pub fn enclosing_class_of(&self, type_rid: u32) -> Result<Option<u32>> {
        Ok(self
            .keyed_first::<NestedClassRow>(0, type_rid)?
            .map(|r| r.enclosing_class))
    }

    /// The TypeDefs directly nested in TypeDef `type_rid` (linear scan).
    pub fn nested_types_of(&self, type_rid: u32) -> Result<Vec<u32>> {
        let mut out = Vec::new();
        for (_, row) in self.tables().rows::<NestedClassRow>() {
            let row = row?;
            if row.enclosing_class == type_rid {
                out.push(row.nested_class);
            }
        }
        Ok(out)
    }

    /// The ClassLayout row (packing size, class size) of TypeDef `type_rid`.
    pub fn class_layout_of(&self, type_rid: u32) -> Result<Option<ClassLayoutRow>> {
        self.keyed_first::<ClassLayoutRow>(2, type_rid)
    }

    /// The explicit offset (FieldLayout) of Field `field_rid`.
    pub fn field_offset_of(&self, field_rid: u32) -> Result<Option<u32>> {
        Ok(self
            .keyed_first::<FieldLayoutRow>(1, field_rid)?
            .map(|r| r.offset))
    }

    /// The RVA of the initial data (FieldRVA) of Field `field_rid`.
    pub fn field_rva_of(&self, field_rid: u32) -> Result<Option<u32>> {
        Ok(self
            .keyed_first::<FieldRvaRow>(1, field_rid)?
            .map(|r| r.rva))
    }

    /// The initial data of Field `field_rid`: `size` bytes at its FieldRVA
    /// (the size comes from the field's type, e.g. its ClassLayout).
    pub fn field_data_of(&self, field_rid: u32, size: usize) -> Result<Option<&'a [u8]>> {
        match self.field_rva_of(field_rid)? {
            Some(rva) => self.rva_slice(rva, size).map(Some),
            None => Ok(None),
        }
    }

    /// The ImplMap row of a method or field.
    pub fn impl_map_of(&self, member: MemberForwarded) -> Result<Option<ImplMapRow>> {
        self.keyed_first::<ImplMapRow>(1, member.encode())
    }

    /// The P/Invoke import (entry point and library names) of MethodDef `method_rid`.
    pub fn pinvoke_import_of(&self, method_rid: u32) -> Result<Option<PInvokeImport<'a>>> {
        let Some(row) = self.impl_map_of(MemberForwarded::MethodDef(method_rid))? else {
            return Ok(None);
        };
        let module = self.module_ref(row.import_scope)?;
        Ok(Some(PInvokeImport {
            flags: row.mapping_flags,
            import_name: self.string(row.import_name)?,
            module_name: self.string(module.name)?,
        }))
    }

    /// The InterfaceImpl rows of TypeDef `type_rid`.
    pub fn interface_impls_of(&self, type_rid: u32) -> KeyedRows<'_, 'a, InterfaceImplRow> {
        self.keyed(0, type_rid)
    }

    /// The MethodImpl rows (explicit overrides) of TypeDef `type_rid`.
    pub fn method_impls_of(&self, type_rid: u32) -> KeyedRows<'_, 'a, MethodImplRow> {
        self.keyed(0, type_rid)
    }

    /// The GenericParam rows of a generic type or method, in table order
    /// (which is by `number` when the table is sorted).
    pub fn generic_params_of(&self, owner: TypeOrMethodDef) -> KeyedRows<'_, 'a, GenericParamRow> {
        self.keyed(2, owner.encode())
    }

    /// The GenericParamConstraint rows of GenericParam `param_rid`.
    pub fn generic_param_constraints_of(
        &self,
        param_rid: u32,
    ) -> KeyedRows<'_, 'a, GenericParamConstraintRow> {
        self.keyed(0, param_rid)
    }

    /// The MethodSemantics rows of an event or property (its accessors).
    pub fn method_semantics_of(
        &self,
        owner: HasSemantics,
    ) -> KeyedRows<'_, 'a, MethodSemanticsRow> {
        self.keyed(2, owner.encode())
    }

    /// The DeclSecurity rows of a type, method or assembly.
    pub fn decl_security_of(&self, owner: HasDeclSecurity) -> KeyedRows<'_, 'a, DeclSecurityRow> {
        self.keyed(1, owner.encode())
    }

    /// The marshalling descriptor blob of a field or param.
    pub fn field_marshal_of(&self, owner: HasFieldMarshal) -> Result<Option<&'a [u8]>> {
        match self.keyed_first::<FieldMarshalRow>(0, owner.encode())? {
            Some(row) => self.blob(row.native_type).map(Some),
            None => Ok(None),
        }
    }

    /// The constant value of a field, param or property.
    pub fn constant_of(&self, owner: HasConstant) -> Result<Option<Constant<'a>>> {
        match self.keyed_first::<ConstantRow>(1, owner.encode())? {
            Some(row) => Ok(Some(Constant {
                ty: row.ty,
                value: self.blob(row.value)?,
            })),
            None => Ok(None),
        }
    }

    /// The custom attributes applied to `token`, undecoded.
    ///
    /// Fails if `token`'s table cannot carry custom attributes.
    pub fn custom_attributes_of(
        &self,
        token: Token,
    ) -> Result<impl Iterator<Item = Result<CustomAttribute<'a>>> + '_> {
        let owner = HasCustomAttribute::from_token(token).ok_or(MetadataError::BadToken {
            token: token.raw(),
            context: "custom attribute owner",
        })?;
        Ok(self
            .keyed::<CustomAttributeRow>(0, owner.encode())
            .map(move |r| {
                let (rid, row) = r?;
                Ok(CustomAttribute {
                    rid,
                    constructor: row.constructor,
                    value: self.blob(row.value)?,
                })
            }))
    }
}
