//! What the runtime knows about an enum's named constants (for `Enum.ToString`).

use std::sync::Arc;

use osprey_metadata::tables::HasConstant;

use super::{Runtime, RuntimeError};
use crate::loader::{attributes, Primitive, TypeHandle, TypeKind};
use crate::object::ObjectRef;
use crate::typesystem::ExceptionKind;

/// An enum type's named constants, sorted by value.
pub(crate) struct EnumInfo {
    /// The values, as `Enum.ToUInt64` converts them (sign-extended when the
    /// underlying type is signed), ascending.
    pub values: Vec<u64>,
    /// The names, interned, in the same order.
    pub names: Vec<ObjectRef>,
    /// `[Flags]`.
    pub flags: bool,
    /// The underlying type is signed.
    pub signed: bool,
    /// Size in bytes of the underlying type.
    pub size: usize,
}

// SAFETY: the names are interned strings on the frozen heap: never moved,
// never freed while the runtime lives, never written after creation, so
// any thread of the runtime may read them.
unsafe impl Send for EnumInfo {}
// SAFETY: as above.
unsafe impl Sync for EnumInfo {}

impl EnumInfo {
    /// Reads a value of the enum at `p` and converts it like `values`.
    pub(crate) fn read(&self, p: *const u8) -> u64 {
        // SAFETY: the caller passes a pointer to a value of this enum
        // (`size` bytes, the underlying type's), possibly unaligned.
        unsafe {
            match (self.size, self.signed) {
                (1, true) => p.cast::<i8>().read_unaligned() as i64 as u64,
                (1, false) => u64::from(p.read_unaligned()),
                (2, true) => p.cast::<i16>().read_unaligned() as i64 as u64,
                (2, false) => u64::from(p.cast::<u16>().read_unaligned()),
                (4, true) => p.cast::<i32>().read_unaligned() as i64 as u64,
                (4, false) => u64::from(p.cast::<u32>().read_unaligned()),
                _ => p.cast::<u64>().read_unaligned(),
            }
        }
    }
}

/// Size and signedness of an enum's underlying primitive.
fn shape(p: Primitive) -> (usize, bool) {
    match p {
        Primitive::I1 => (1, true),
        Primitive::U1 | Primitive::Boolean => (1, false),
        Primitive::I2 => (2, true),
        Primitive::U2 | Primitive::Char => (2, false),
        Primitive::I4 => (4, true),
        Primitive::U4 | Primitive::R4 => (4, false),
        Primitive::I8 | Primitive::I => (8, true),
        Primitive::U8 | Primitive::U | Primitive::R8 => (8, false),
    }
}

impl Runtime {
    /// The named constants of enum type `t` (computed once per type).
    pub(crate) fn enum_info(&self, t: TypeHandle) -> Result<Arc<EnumInfo>, RuntimeError> {
        if let Some(info) = self.enums.lock().unwrap_or_else(|p| p.into_inner()).get(&t) {
            return Ok(info.clone());
        }
        let (TypeKind::Enum(p), Some(def)) = (t.kind, t.def) else {
            return Err(RuntimeError::managed(
                ExceptionKind::Argument,
                Some(format!("Type provided must be an Enum. ({})", t.name)),
            ));
        };
        let (size, signed) = shape(p);
        let loader = self.loader();
        let asm = loader.assembly(def.assembly);
        let img = asm.image();
        let mut entries: Vec<(u64, String)> = Vec::new();
        for f in t.static_fields.iter().filter(|f| f.is_literal) {
            let c = img
                .constant_of(HasConstant::Field(f.rid))
                .map_err(|e| loader.bad_image(def.assembly, e))?;
            let Some(c) = c else { continue };
            let mut raw = [0u8; 8];
            let n = c.value.len().min(size);
            raw[..n].copy_from_slice(&c.value[..n]);
            let info = EnumInfo {
                values: Vec::new(),
                names: Vec::new(),
                flags: false,
                signed,
                size,
            };
            entries.push((info.read(raw.as_ptr()), f.name.clone()));
        }
        entries.sort_by_key(|(v, _)| *v);
        let flags = attributes::has_attribute(
            img,
            osprey_metadata::Token::new(osprey_metadata::TableId::TypeDef, def.rid),
            "System.FlagsAttribute",
        );
        let mut names = Vec::with_capacity(entries.len());
        for (_, name) in &entries {
            names.push(self.intern_text(name)?);
        }
        drop(loader);
        let info = Arc::new(EnumInfo {
            values: entries.into_iter().map(|(v, _)| v).collect(),
            names,
            flags,
            signed,
            size,
        });
        self.enums
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(t, info.clone());
        Ok(info)
    }
}
