//! The slow path of runtime lookups in shared generic code
//! ([`osprey_jit::Helper::GenericLookup`]): computes what a dictionary slot
//! holds for one exact instantiation and stores it there (docs/generics.md).

use super::helpers::{constrained_target, guard, method_from_raw, run_class_constructor};
use super::RuntimeError;
use crate::loader::sharing::{DictionaryOwner, LookupDesc, LookupKind};
use crate::loader::{GenericContext, TypeHandle};
use crate::thread::Thread;

/// `fn(thread, context, descriptor) -> value`: `context` is the method
/// table (class dictionaries) or method descriptor (method dictionaries)
/// the shared code runs for.
pub(super) extern "C" fn generic_lookup(
    thread: &mut Thread,
    context: usize,
    descriptor: *const LookupDesc,
) -> usize {
    guard(thread, 0, |thread| {
        // SAFETY: the JIT embeds descriptors the loader made
        // (`Loader::dictionary_slot`), which live as long as the runtime.
        let desc = unsafe { &*descriptor };
        match lookup(thread, context, desc) {
            Ok(v) => v,
            Err(e) => {
                thread.raise(e);
                0
            }
        }
    })
}

/// The exact instantiation a lookup is for: its generic context, the type
/// whose static constructor `ClassInit` runs, and the dictionary cell.
struct Exact {
    ctx: GenericContext,
    class: TypeHandle,
    cell: &'static std::sync::atomic::AtomicPtr<usize>,
}

fn exact_owner(context: usize, owner: DictionaryOwner) -> Result<Exact, RuntimeError> {
    match owner {
        DictionaryOwner::Type(canonical) => {
            // `this`'s type may derive from the class whose code runs:
            // walk up to the class at its depth.
            // SAFETY: the context of a class dictionary is a method table
            // the shared code read from `this` or got from its stub.
            let mut t = unsafe { TypeHandle::from_address(context) };
            while t.hierarchy_depth > canonical.hierarchy_depth {
                t = t
                    .parent()
                    .expect("a class deeper than its ancestor has a parent");
            }
            if t.def != canonical.def {
                return Err(RuntimeError::Internal(format!(
                    "generic lookup for {} reached {}",
                    canonical.name, t.name
                )));
            }
            // SAFETY: (of the lifetime) types live as long as their runtime,
            // which outlives every lookup its code makes.
            let cell = unsafe { &*(&t.dictionary as *const std::sync::atomic::AtomicPtr<usize>) };
            Ok(Exact {
                ctx: t.generic_context(),
                class: t,
                cell,
            })
        }
        DictionaryOwner::Method(_) => {
            let m = method_from_raw(context as *const crate::loader::MethodDesc);
            // SAFETY: (of the lifetime) as above, for method descriptors.
            let cell = unsafe { &*(&m.dictionary as *const std::sync::atomic::AtomicPtr<usize>) };
            Ok(Exact {
                ctx: m.generic_context(),
                class: m.owner,
                cell,
            })
        }
    }
}

fn lookup(thread: &mut Thread, context: usize, desc: &LookupDesc) -> Result<usize, RuntimeError> {
    let exact = exact_owner(context, desc.owner)?;
    let rt = thread.runtime();
    let (asm, token, ctx) = (desc.assembly, desc.token, &exact.ctx);
    // A value that runs a static constructor is cached only once the
    // constructor has finished: until then every access must check (and,
    // on another thread, wait).
    let (value, cache) = match desc.kind {
        LookupKind::StaticAddress => {
            let (owner, field) = rt.loader().resolve_field_token(asm, token, ctx)?;
            run_class_constructor(thread, owner)?;
            (
                owner.statics.address(field.offset),
                owner.class_init.is_done(),
            )
        }
        LookupKind::ClassInit => {
            run_class_constructor(thread, exact.class)?;
            (1, exact.class.class_init.is_done())
        }
        kind => {
            let mut loader = rt.loader();
            let v = match kind {
                LookupKind::Type => {
                    loader.resolve_type_token(asm, token, ctx)?.method_table() as usize
                }
                LookupKind::ArrayOf => {
                    let e = loader.resolve_type_token(asm, token, ctx)?;
                    loader.load_sz_array(e)?.method_table() as usize
                }
                LookupKind::MethodEntry => {
                    loader.resolve_method_token(asm, token, ctx)?.entry_point()
                }
                LookupKind::MethodPointer => loader.resolve_method_token(asm, token, ctx)?.precode,
                LookupKind::MethodDesc => {
                    loader.resolve_method_token(asm, token, ctx)?.as_ptr() as usize
                }
                LookupKind::MethodOwner => loader
                    .resolve_method_token(asm, token, ctx)?
                    .owner
                    .method_table() as usize,
                LookupKind::ConstrainedEntry => {
                    let constrained = desc.constrained.expect("made with a constrained token");
                    let t = loader.resolve_type_token(asm, constrained, ctx)?;
                    let m = loader.resolve_method_token(asm, token, ctx)?;
                    constrained_target(t, m)
                        .ok_or_else(|| {
                            RuntimeError::Internal(format!(
                                "{} no longer implements {} itself",
                                t.name,
                                m.full_name()
                            ))
                        })?
                        .entry_point()
                }
                LookupKind::StaticAddress | LookupKind::ClassInit => unreachable!("handled above"),
            };
            (v, true)
        }
    };
    if cache {
        let mut loader = rt.loader();
        let len = loader.dictionary_len(desc.owner);
        loader.store_in_dictionary(exact.cell, desc.slot, len, value);
    }
    Ok(value)
}
