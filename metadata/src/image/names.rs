//! Human-readable type names (for diagnostics and tests).

use super::Image;
use crate::error::Result;
use crate::tables::{ResolutionScope, TypeDefOrRef};

/// Deepest nesting followed when building names (guards against cycles).
const MAX_NESTING: usize = 64;

impl<'a> Image<'a> {
    /// Finds a TypeDef by namespace and name (linear scan; the type loader
    /// should build its own index). Nested types have an empty namespace.
    pub fn find_type_def(&self, namespace: &str, name: &str) -> Result<Option<u32>> {
        for rid in 1..=self.row_count(crate::tables::TableId::TypeDef) {
            let row = self.type_def(rid)?;
            if self.string(row.name)? == name && self.string(row.namespace)? == namespace {
                return Ok(Some(rid));
            }
        }
        Ok(None)
    }

    /// The full name of TypeDef `rid`, ILAsm style: `Namespace.Outer/Inner`.
    pub fn type_def_full_name(&self, rid: u32) -> Result<String> {
        let mut parts = Vec::new();
        let mut current = rid;
        for _ in 0..MAX_NESTING {
            let row = self.type_def(current)?;
            parts.push(qualified(
                self.string(row.namespace)?,
                self.string(row.name)?,
            ));
            match self.enclosing_class_of(current)? {
                Some(outer) => current = outer,
                None => break,
            }
        }
        parts.reverse();
        Ok(parts.join("/"))
    }

    /// The full name of TypeRef `rid`: `Namespace.Outer/Inner`.
    pub fn type_ref_full_name(&self, rid: u32) -> Result<String> {
        let mut parts = Vec::new();
        let mut current = rid;
        for _ in 0..MAX_NESTING {
            let row = self.type_ref(current)?;
            parts.push(qualified(
                self.string(row.namespace)?,
                self.string(row.name)?,
            ));
            match row.resolution_scope {
                Some(ResolutionScope::TypeRef(outer)) => current = outer,
                _ => break,
            }
        }
        parts.reverse();
        Ok(parts.join("/"))
    }

    /// The name of a TypeDef or TypeRef, or the decoded signature of a TypeSpec.
    pub fn type_name(&self, t: TypeDefOrRef) -> Result<String> {
        match t {
            TypeDefOrRef::TypeDef(rid) => self.type_def_full_name(rid),
            TypeDefOrRef::TypeRef(rid) => self.type_ref_full_name(rid),
            TypeDefOrRef::TypeSpec(rid) => Ok(self.type_spec_sig(rid)?.to_string()),
        }
    }
}

fn qualified(namespace: &str, name: &str) -> String {
    if namespace.is_empty() {
        name.to_owned()
    } else {
        format!("{namespace}.{name}")
    }
}
