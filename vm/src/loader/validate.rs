//! Metadata validation at load time (docs/type-loader.md, "Validation").
//!
//! The loader trusts nothing it reads. Structural limits of the metadata
//! reader (`osprey_metadata`) keep every row and heap access in bounds; the
//! checks here keep the *meaning* of the metadata consistent, as CoreCLR's
//! class loader does, before anything is built from it:
//!
//! * **Cycles and depth.** A TypeRef whose resolution scope leads back to
//!   itself, a nested-class chain that never reaches a top-level type, and
//!   type loads nested deeper than [`MAX_LOAD_DEPTH`] (an inheritance or
//!   interface chain, or a value type containing itself through its fields)
//!   are errors, never unbounded recursion.
//! * **Parents.** Only `System.Object`, interfaces and `<Module>` lack a base
//!   type; a sealed type cannot be derived from.
//! * **Kinds.** Interfaces have no instance fields, and the kind of a type
//!   (value type or class, decided by its parent) must agree with every
//!   signature that names it (`ELEMENT_TYPE_VALUETYPE` vs `CLASS`).
//! * **Sizes.** Instance sizes and field offsets stay within the CLR's limit
//!   ([`osprey_metadata::layout::MAX_INSTANCE_SIZE`], enforced by the shared
//!   layout code); the JIT bounds frames.
//!
//! Each check is a method called from one place in `build.rs` or
//! `resolve.rs`, so the loader's main paths stay readable.

use osprey_metadata::flags::{field_attributes as fa, type_attributes as ta};
use osprey_metadata::layout::MAX_INSTANCE_SIZE;
use osprey_metadata::sig::TypeSig;
use osprey_metadata::tables::TypeDefOrRef;

use super::assembly::AssemblyId;
use super::types::{mt_flags, TypeDefId, TypeHandle};
use super::{LoadError, LoadResult, Loader};

/// The deepest chain of TypeRef resolution scopes (nested type references)
/// or of enclosing classes the loader follows. The metadata reader's names
/// stop at the same depth.
pub(crate) const MAX_NESTING: usize = 64;

/// The most type loads that may be in progress at once: each one waits for
/// its parent, interfaces and value-type fields, so this bounds inheritance
/// and containment depth, and with it the loader's recursion: a nested load
/// takes about 5 KiB of stack (3000 fit in a 16 MiB thread), so 256 stay
/// under 1.5 MiB. Past it, a TypeLoadException (mono has no such limit;
/// real class hierarchies are a few dozen deep at most).
pub(crate) const MAX_LOAD_DEPTH: usize = 256;

impl Loader {
    /// Called before TypeRef `rid` of `assembly` is resolved: fails if its
    /// resolution is already under way (a scope cycle) or the chain of
    /// nested references is too deep. Pair with [`Loader::leave_type_ref`].
    pub(super) fn enter_type_ref(&mut self, assembly: AssemblyId, rid: u32) -> LoadResult<()> {
        let bad = |reason: &str| LoadError::Malformed {
            assembly: self.assembly(assembly).name.clone(),
            reason: format!("TypeRef 0x{rid:06x} {reason}"),
        };
        if self.type_refs_resolving.contains(&(assembly, rid)) {
            return Err(bad("is its own resolution scope (a cycle)"));
        }
        if self.type_refs_resolving.len() >= MAX_NESTING {
            return Err(bad(&format!(
                "is nested in more than {MAX_NESTING} enclosing type references"
            )));
        }
        self.type_refs_resolving.push((assembly, rid));
        Ok(())
    }

    /// Ends what [`Loader::enter_type_ref`] began.
    pub(super) fn leave_type_ref(&mut self) {
        self.type_refs_resolving.pop();
    }

    /// Fails if starting another type load now would nest loads deeper than
    /// [`MAX_LOAD_DEPTH`].
    pub(super) fn check_load_depth(&self, id: TypeDefId) -> LoadResult<()> {
        if self.in_progress.len() + self.layout_in_progress.len() >= MAX_LOAD_DEPTH {
            return Err(LoadError::InvalidType {
                name: self.type_def_name(id),
                reason: format!(
                    "loading it needs more than {MAX_LOAD_DEPTH} types loaded first \
                     (its base types, interfaces or value-type fields nest too deeply)"
                ),
            });
        }
        Ok(())
    }

    /// What can be checked of TypeDef `id` before anything else is loaded:
    /// its enclosing classes end at a top-level type, only `System.Object`,
    /// interfaces and `<Module>` lack a base type, and interfaces declare no
    /// instance fields.
    pub(super) fn validate_type_def(&self, id: TypeDefId) -> LoadResult<()> {
        let asm = self.assembly(id.assembly);
        let img = asm.image();
        let bad = |e| self.bad_image(id.assembly, e);
        let invalid = |reason: String| LoadError::InvalidType {
            name: self.type_def_name(id),
            reason,
        };
        let mut outer = id.rid;
        let mut depth = 0;
        while let Some(o) = img.enclosing_class_of(outer).map_err(bad)? {
            depth += 1;
            if depth > MAX_NESTING || o == id.rid {
                return Err(invalid(format!(
                    "its enclosing classes do not end at a top-level type within {MAX_NESTING} levels"
                )));
            }
            outer = o;
        }
        let row = img.type_def(id.rid).map_err(bad)?;
        let is_interface = row.flags & ta::INTERFACE != 0;
        let is_object = id.assembly == AssemblyId::CORELIB
            && img.string(row.namespace).map_err(bad)? == "System"
            && img.string(row.name).map_err(bad)? == "Object";
        // TypeDef 1 is `<Module>`, the holder of global members.
        if row.extends.is_none() && !is_interface && !is_object && id.rid != 1 {
            return Err(invalid(
                "it has no base type (only System.Object and interfaces have none)".into(),
            ));
        }
        for frid in img.field_range(id.rid).map_err(bad)? {
            let f = img.field(frid).map_err(bad)?;
            if is_interface && f.flags & fa::STATIC == 0 {
                return Err(invalid(format!(
                    "the interface declares the instance field '{}' (interfaces cannot have instance fields)",
                    img.string(f.name).map_err(bad)?
                )));
            }
            // A managed pointer may point into a stack frame: it must never
            // be stored where it could outlive the frame.
            if let TypeSig::ByRef(_) = img.field_sig(frid).map_err(bad)?.ty.strip_modifiers() {
                return Err(invalid(format!(
                    "its field '{}' is a managed pointer (only locals and arguments may be)",
                    img.string(f.name).map_err(bad)?
                )));
            }
        }
        Ok(())
    }

    /// Where the static field after one of `size` bytes at `offset` goes in
    /// TypeDef `id`'s static storage, which is bounded like an instance
    /// ([`MAX_INSTANCE_SIZE`]).
    pub(super) fn next_static_offset(
        &self,
        id: TypeDefId,
        offset: u32,
        size: u32,
    ) -> LoadResult<u32> {
        let next = u64::from(offset) + u64::from(size).next_multiple_of(8);
        if next > MAX_INSTANCE_SIZE {
            return Err(LoadError::InvalidType {
                name: self.type_def_name(id),
                reason: format!(
                    "its static fields would take more than {MAX_INSTANCE_SIZE} bytes, the limit of an instance"
                ),
            });
        }
        Ok(next as u32)
    }

    /// Checks the base type `parent` of TypeDef `id`, once loaded: it must
    /// not be sealed (value types, delegates and static classes are).
    pub(super) fn validate_parent(&self, id: TypeDefId, parent: TypeHandle) -> LoadResult<()> {
        if self.is_sealed(parent) {
            return Err(LoadError::InvalidType {
                name: self.type_def_name(id),
                reason: format!("its base type {} is sealed", parent.name),
            });
        }
        Ok(())
    }

    /// Whether a type is sealed (`sealed` in its TypeDef; arrays are not).
    pub(crate) fn is_sealed(&self, t: TypeHandle) -> bool {
        let Some(def) = t.def else { return false };
        self.assembly(def.assembly)
            .image()
            .type_def(def.rid)
            .is_ok_and(|row| row.flags & ta::SEALED != 0)
    }

    /// Checks that the type a `valuetype`/`class` signature element names
    /// (already loaded as `t`) is of that kind.
    pub(super) fn check_sig_kind(&self, sig: &TypeSig, t: TypeHandle) -> LoadResult<()> {
        let says_value_type = match sig.strip_modifiers() {
            TypeSig::ValueType(_) => true,
            TypeSig::Class(_) => false,
            TypeSig::GenericInst { is_value_type, .. } => *is_value_type,
            _ => return Ok(()),
        };
        // Arrays are never named by `valuetype`/`class` tokens that resolve
        // to them; what matters is the flag.
        let is_value_type = t.mt.has(mt_flags::VALUE_TYPE);
        if says_value_type != is_value_type {
            return Err(kind_mismatch(&t.name, says_value_type));
        }
        Ok(())
    }

    /// Checks, without loading the type, that a `valuetype`/`class`
    /// signature element names a type of that kind (generic instantiations
    /// and other elements pass).
    pub(super) fn check_sig_kind_unloaded(
        &mut self,
        assembly: AssemblyId,
        sig: &TypeSig,
    ) -> LoadResult<()> {
        let (t, says_value_type) = match sig.strip_modifiers() {
            TypeSig::ValueType(t) => (*t, true),
            TypeSig::Class(t) => (*t, false),
            _ => return Ok(()),
        };
        if matches!(t, TypeDefOrRef::TypeSpec(_)) {
            return Ok(());
        }
        // A type that cannot be found is not checked here: as in the CLR, a
        // reference to it fails where it is used, not where it is named.
        let Ok(id) = self.resolve_type_def_id(assembly, t) else {
            return Ok(());
        };
        let Ok(is_value_type) = self.type_def_is_value_type(id) else {
            return Ok(());
        };
        if is_value_type != says_value_type {
            return Err(kind_mismatch(&self.type_def_name(id), says_value_type));
        }
        Ok(())
    }

    /// Checks, without loading it, that TypeDef `id` is a value type: what a
    /// `valuetype` field signature needs before its layout is computed.
    pub(super) fn check_value_type_def(&mut self, id: TypeDefId) -> LoadResult<()> {
        if self.type_def_is_value_type(id)? {
            Ok(())
        } else {
            Err(kind_mismatch(&self.type_def_name(id), true))
        }
    }

    /// Whether TypeDef `id` is a value type, decided as `build.rs` decides
    /// (its parent is `System.ValueType` or `System.Enum`, and it is not
    /// `System.Enum` itself), without loading it or its parent.
    fn type_def_is_value_type(&mut self, id: TypeDefId) -> LoadResult<bool> {
        let asm = self.assembly(id.assembly);
        let img = asm.image();
        let row = img
            .type_def(id.rid)
            .map_err(|e| self.bad_image(id.assembly, e))?;
        if row.flags & ta::INTERFACE != 0 {
            return Ok(false);
        }
        let Some(extends) = row.extends else {
            return Ok(false);
        };
        if matches!(extends, TypeDefOrRef::TypeSpec(_)) {
            return Ok(false);
        }
        let parent = self.resolve_type_def_id(id.assembly, extends)?;
        if parent.assembly != AssemblyId::CORELIB {
            return Ok(false);
        }
        let corelib = self.assembly(AssemblyId::CORELIB);
        let prow = corelib
            .image()
            .type_def(parent.rid)
            .map_err(|e| self.bad_image(AssemblyId::CORELIB, e))?;
        let cimg = corelib.image();
        let pname = (
            cimg.string(prow.namespace).unwrap_or(""),
            cimg.string(prow.name).unwrap_or(""),
        );
        let is_enum_itself = id.assembly == AssemblyId::CORELIB
            && img.string(row.namespace).unwrap_or("") == "System"
            && img.string(row.name).unwrap_or("") == "Enum";
        Ok(matches!(pname, ("System", "ValueType") | ("System", "Enum")) && !is_enum_itself)
    }
}

/// A signature names `name` as a value type (`says_value_type`) or a class,
/// and it is the other.
fn kind_mismatch(name: &str, says_value_type: bool) -> LoadError {
    let (said, is) = if says_value_type {
        ("a value type (ELEMENT_TYPE_VALUETYPE)", "a class")
    } else {
        ("a class (ELEMENT_TYPE_CLASS)", "a value type")
    };
    LoadError::InvalidType {
        name: name.to_string(),
        reason: format!("a signature names it as {said}, but it is {is}"),
    }
}
