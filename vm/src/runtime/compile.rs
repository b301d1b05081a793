//! Compiling methods: the prestub worker.
//!
//! The first call of a method goes through its precode to the prestub, which
//! calls [`prestub_worker`]. The worker compiles the method (under the loader
//! lock: one compilation at a time per runtime), publishes the code, records
//! it in the descriptor and rewrites the precode into a jump to the code, so
//! later calls through the precode cost one extra jump and callers compiled
//! afterwards call the code directly.

use std::sync::atomic::Ordering;

use osprey_jit::{ClassInitCheck, EhClause, EhKind, JitType, LocalVar, MethodInput};
use osprey_metadata::TableId;

use super::helpers::{guard, method_from_raw};
use super::jitiface::JitContext;
use super::{Runtime, RuntimeError};
use std::sync::Arc;

use crate::codeheap::{CodeKind, MethodCode};
use crate::loader::sharing::{DictionaryOwner, LookupKind};
use crate::loader::{Loader, MethodDesc, MethodHandle, MethodKind};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// Called by the prestub with the method in R10: compiles it and returns its
/// code address, or 0 after raising the failure (a managed exception such as
/// MissingMethodException, dispatched at the call site, or a fatal error).
pub(crate) extern "C" fn prestub_worker(thread: &mut Thread, md: *const MethodDesc) -> usize {
    guard(thread, 0, |thread| {
        let method = method_from_raw(md);
        // The callee's arguments wait in the prestub's frame: describe them
        // for the collector before anything else happens.
        let gc = &thread.runtime().heaps.gc;
        let frame = thread.frame_head;
        gc.set_prestub_args(frame, prestub_arg_roots(thread.runtime(), method));
        let result = thread.runtime().ensure_compiled(method);
        gc.set_prestub_args(frame, Vec::new());
        match result {
            Ok(code) => code,
            Err(e) => {
                thread.raise(e);
                0
            }
        }
    })
}

/// Which of `method`'s ABI arguments hold references or managed pointers
/// (what the prestub frame reports while the method is being prepared).
fn prestub_arg_roots(rt: &Runtime, method: MethodHandle) -> Vec<crate::gc::ArgRoot> {
    use crate::gc::ArgRoot;
    let mut loader = rt.loader();
    let ctx = method.generic_context();
    let mut types = Vec::new();
    if !method.is_static() {
        types.push(if method.owner.is_value_type() {
            JitType::ByRef
        } else {
            JitType::Ref
        });
    }
    for p in &method.sig.params {
        // A parameter type that cannot load fails the compilation anyway.
        types.push(
            loader
                .jit_type_of_sig(method.assembly, p, &ctx)
                .unwrap_or(JitType::I),
        );
    }
    let ret = loader
        .jit_type_of_sig(method.assembly, &method.sig.ret, &ctx)
        .unwrap_or(JitType::Void);
    drop(loader);
    let struct_size = |t: JitType| match t {
        // SAFETY: `JitType::Struct` handles come from this runtime's loader (`jit_type_of_sig`).
        JitType::Struct(h) => unsafe { crate::loader::TypeHandle::from_jit(h) }
            .value_layout
            .as_ref()
            .map(|l| l.size)
            .unwrap_or(0),
        _ => 0,
    };
    let mut roots = Vec::new();
    // A struct returned through a buffer takes the first argument (a
    // pointer to the caller's frame: nothing to report).
    let first = u32::from(struct_size(ret) > 8);
    for (i, t) in types.into_iter().enumerate() {
        let index = first + i as u32;
        match t {
            JitType::Ref => roots.push(ArgRoot {
                index,
                offset: 0,
                interior: false,
            }),
            JitType::ByRef => roots.push(ArgRoot {
                index,
                offset: 0,
                interior: true,
            }),
            JitType::Struct(h) if struct_size(t) <= 8 => {
                // SAFETY: `JitType::Struct` handles come from this runtime's loader (`jit_type_of_sig`).
                let th = unsafe { crate::loader::TypeHandle::from_jit(h) };
                if let Some(l) = th.value_layout.as_ref() {
                    for &off in &l.gc_refs {
                        roots.push(ArgRoot {
                            index,
                            offset: off,
                            interior: false,
                        });
                    }
                }
            }
            // Larger structs are passed as pointers to the caller's copy,
            // which the caller's frame reports.
            _ => {}
        }
    }
    roots
}

impl Runtime {
    /// Compiles `method` if needed and returns its code address.
    pub(crate) fn ensure_compiled(&self, method: MethodHandle) -> Result<usize, RuntimeError> {
        let code = method.code.load(Ordering::Acquire);
        if code != 0 {
            return Ok(code);
        }
        if let Some(code) = self.tiers.baseline_code(method) {
            return Ok(code);
        }
        let mut loader = self.loader();
        // Another thread may have compiled it while we waited for the lock.
        let code = method.code.load(Ordering::Acquire);
        if code != 0 {
            return Ok(code);
        }
        if let Some(code) = self.tiers.baseline_code(method) {
            return Ok(code);
        }
        if method.is_generic_definition() || method.owner.is_generic_definition() {
            return Err(RuntimeError::managed(
                ExceptionKind::InvalidOperation,
                Some(format!(
                    "{} belongs to an open generic type or method definition and cannot run without type arguments",
                    method.full_name()
                )),
            ));
        }
        match method.kind {
            MethodKind::Il => {}
            // The P/Invoke's IL stub (or its MarshalDirectiveException).
            MethodKind::PInvoke { .. } => {
                let addr = crate::interop::stub::compile(self, &mut loader, method)?;
                method.code.store(addr, Ordering::Release);
                self.set_entry(method, addr);
                return Ok(addr);
            }
            MethodKind::FCall { .. } => {
                return Err(RuntimeError::managed(
                    ExceptionKind::NotSupported,
                    Some(format!(
                        "the internal call {} cannot be called indirectly (through a delegate, a vtable or from native code)",
                        method.full_name()
                    )),
                ))
            }
            MethodKind::Abstract => {
                return Err(RuntimeError::managed(
                    ExceptionKind::EntryPointNotFound,
                    Some(format!("{} is abstract", method.full_name())),
                ))
            }
            MethodKind::Unimplemented => {
                let what = super::binding::unimplemented_message(&loader, method);
                return Err(RuntimeError::managed(ExceptionKind::MissingMethod, Some(what)));
            }
        }
        let shared = if self.share_generic_code {
            loader.shared_form(method)?
        } else {
            None
        };
        if let Some(canonical) = shared {
            // Shared code is not verified as such (its `__Canon` stands for
            // every type argument): each instantiation is, before it runs it.
            self.verify_instantiation(&mut loader, method)?;
            if let Some(code) = self.compile_shared(&mut loader, canonical)? {
                let entry = self.shared_entry(method, canonical, code)?;
                method.code.store(entry, Ordering::Release);
                self.set_entry(method, entry);
                return Ok(entry);
            }
        }
        self.compile(&mut loader, method, None)
    }

    /// The shared code of `canonical` (compiled on first use), or `None`
    /// when shared code cannot express it (then each instantiation gets
    /// its own code, see [`JitHost`]'s `NeedsExactCode`).
    fn compile_shared(
        &self,
        loader: &mut Loader,
        canonical: MethodHandle,
    ) -> Result<Option<usize>, RuntimeError> {
        let code = canonical.code.load(Ordering::Acquire);
        if code != 0 {
            return Ok(Some(code));
        }
        if loader.is_unshareable(canonical) {
            return Ok(None);
        }
        let source = generic_context_source(canonical);
        match self.compile(loader, canonical, Some(source)) {
            Ok(code) => Ok(Some(code)),
            Err(RuntimeError::Compile {
                error:
                    osprey_jit::JitError::Resolve {
                        error:
                            osprey_jit::HostError {
                                kind: osprey_jit::HostErrorKind::NeedsExactCode,
                                ..
                            },
                        ..
                    },
                ..
            })
            | Err(RuntimeError::NeedsExactCode) => {
                loader.mark_unshareable(canonical);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// What callers of `method` enter to run the shared code `code` of its
    /// canonical form: the code itself when the generic context comes from
    /// `this`, else an instantiating stub that passes the exact method
    /// table or method descriptor in R8.
    fn shared_entry(
        &self,
        method: MethodHandle,
        canonical: MethodHandle,
        code: usize,
    ) -> Result<usize, RuntimeError> {
        use osprey_jit::GenericContextKind as K;
        let context = match generic_context_source(canonical).kind {
            K::This => return Ok(code),
            K::MethodTable => method.owner.method_table() as usize,
            K::MethodDesc => method.as_ptr() as usize,
        };
        Ok(self.code.alloc_instantiating_stub(context, code)?)
    }

    /// Compiles `method` (shared code when `shared` says where its generic
    /// context comes from), publishes the code and patches the precode.
    fn compile(
        &self,
        loader: &mut Loader,
        method: MethodHandle,
        shared: Option<osprey_jit::GenericContextSource>,
    ) -> Result<usize, RuntimeError> {
        let owner = shared.map(|s| match s.kind {
            osprey_jit::GenericContextKind::MethodDesc => DictionaryOwner::Method(method),
            _ => DictionaryOwner::Type(method.owner),
        });
        let input_data = method_input(loader, method, owner)?;
        let mut input = input_data.input();
        input.generic_context = shared;
        use super::tiering::JitMode;
        // Tiered: the first compilation counts calls (unless the method is
        // shared generic code, for now, or a type initializer, which runs
        // once).
        let tiered =
            self.options.jit.mode == JitMode::Tiered && shared.is_none() && method.name != ".cctor";
        if tiered {
            input.call_counter = Some(osprey_jit::CallCounter {
                cell: self
                    .tiers
                    .new_counter(&self.code, method, self.options.jit.tier_calls)?,
                method: method.to_jit(),
            });
        }
        let base = self.code.method_base();
        let started = std::time::Instant::now();
        let dump_import = self
            .options
            .import_dump
            .as_ref()
            .is_some_and(|d| d.selects(loader, method));
        let (compiled, imported) = {
            let mut ctx = JitContext {
                rt: self,
                loader,
                method,
                ctx: method.generic_context(),
                shared: owner,
                verify_level: owner.map(|_| osprey_jit::verify::VerifyLevel::Trusted),
            };
            if dump_import {
                // The listing is the importer's output the baseline tier
                // compiles from (the import is shared by both tiers).
                let (m, imported) = osprey_jit::compile_keeping_import(&mut ctx, &input, base)
                    .map_err(|error| RuntimeError::Compile {
                        method: method.full_name(),
                        error,
                    })?;
                let compiled = osprey_jit::Compiled {
                    method: m,
                    tier: osprey_jit::Tier::Baseline,
                    declined: None,
                };
                (compiled, Some(imported))
            } else {
                let tier = match self.options.jit.mode {
                    JitMode::Optimizing if self.tiers.bisect_allows() => {
                        osprey_jit::TierRequest::Optimizing
                    }
                    JitMode::Tiered if self.tiers.bisect_allows() => {
                        osprey_jit::TierRequest::OptimizingIfLoops
                    }
                    _ => osprey_jit::TierRequest::Baseline,
                };
                let compiled =
                    osprey_jit::compile_tier(&mut ctx, &input, base, tier).map_err(|error| {
                        RuntimeError::Compile {
                            method: method.full_name(),
                            error,
                        }
                    })?;
                if self.options.jit_log && compiled.tier == osprey_jit::Tier::Optimizing {
                    let _ = self.os.stderr(&format!(
                        "jit: {} optimized at {base:#x}+{:#x}\n",
                        method.full_name(),
                        compiled.method.code.len()
                    ));
                }
                if let Some(why) = &compiled.declined {
                    self.jit_stats.record_decline(why);
                    if self.options.jit_log {
                        let _ = self.os.stderr(&format!(
                            "jit: {} stays in the baseline tier: {why}\n",
                            method.full_name()
                        ));
                    }
                }
                (compiled, None)
            }
        };
        if let Some(imported) = imported {
            let text = super::importdump::listing(
                self,
                loader,
                method,
                shared.is_some(),
                &input,
                &imported,
            );
            let _ = self.os.stderr(&text);
        }
        let tier0 =
            tiered && compiled.tier == osprey_jit::Tier::Baseline && compiled.declined.is_none();
        let optimized = compiled.tier == osprey_jit::Tier::Optimizing;
        let compiled = compiled.method;
        self.jit_stats.record_tier(
            shared.is_some(),
            optimized,
            input.il.len(),
            compiled.code.len(),
            started.elapsed().as_nanos() as u64,
        );
        let kind = super::jitdump::CodeKindShown {
            shared: shared.is_some(),
            tier: if optimized {
                osprey_jit::Tier::Optimizing
            } else {
                osprey_jit::Tier::Baseline
            },
        };
        let addr = self.publish_compiled(loader, method, base, &compiled, kind, input.il)?;
        if tier0 {
            // Callers go through the precode (the descriptor shows no code)
            // until the optimized code replaces this.
            self.tiers.set_baseline_code(method, addr);
        } else {
            method.code.store(addr, Ordering::Release);
        }
        self.set_entry(method, addr);
        Ok(addr)
    }

    /// Tiers `method` up: its call counter reached zero. Compiles it with
    /// the optimizing tier and redirects its precode there; when that tier
    /// declines, the baseline code becomes final. `on` says which thread
    /// compiles (for `OSPREY_JIT_LOG`).
    pub(crate) fn tier_up(&self, method: MethodHandle, on: TierUpOn) -> Result<(), RuntimeError> {
        let mut loader = self.loader();
        let Some(baseline) = self.tiers.baseline_code(method) else {
            return Ok(()); // already done
        };
        let input_data = method_input(&mut loader, method, None)?;
        let input = input_data.input();
        let base = self.code.method_base();
        let started = std::time::Instant::now();
        let result = {
            let mut ctx = JitContext {
                rt: self,
                loader: &mut loader,
                method,
                ctx: method.generic_context(),
                shared: None,
                // The baseline compilation verified it already.
                verify_level: Some(osprey_jit::verify::VerifyLevel::Trusted),
            };
            osprey_jit::compile_optimized(&mut ctx, &input, base)
        };
        let addr = match result {
            Ok(compiled) => {
                self.jit_stats.record_tier(
                    false,
                    true,
                    input.il.len(),
                    compiled.code.len(),
                    started.elapsed().as_nanos() as u64,
                );
                if self.options.jit_log {
                    let _ = self.os.stderr(&format!(
                        "jit: {} tiered up{} at {base:#x}+{:#x}\n",
                        method.full_name(),
                        match on {
                            TierUpOn::CallingThread => "",
                            TierUpOn::TierUpThread => " in the background",
                        },
                        compiled.code.len()
                    ));
                }
                let kind = super::jitdump::CodeKindShown {
                    shared: false,
                    tier: osprey_jit::Tier::Optimizing,
                };
                self.publish_compiled(&mut loader, method, base, &compiled, kind, input.il)?
            }
            Err(why) => {
                self.jit_stats.record_decline(&why);
                if self.options.jit_log {
                    let _ = self.os.stderr(&format!(
                        "jit: {} stays in the baseline tier: {why}\n",
                        method.full_name()
                    ));
                }
                baseline
            }
        };
        method.code.store(addr, Ordering::Release);
        self.set_entry(method, addr);
        self.tiers.promoted(method);
        Ok(())
    }
}

/// The thread that compiles a method's optimized code in tiered mode.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum TierUpOn {
    /// The thread whose call reached the count (`OSPREY_TIER_BACKGROUND=0`,
    /// or no tier-up thread could be started).
    CallingThread,
    /// The tier-up thread (runtime/tier_worker.rs).
    TierUpThread,
}

/// `Helper::TierUp`: a baseline method's call counter reached zero. Queues
/// the method for the tier-up thread (runtime/tier_worker.rs), or tiers it
/// up here when compilation in the background is off.
pub(crate) extern "C" fn tier_up_worker(thread: &mut Thread, md: *const MethodDesc) {
    guard(thread, (), |thread| {
        let method = method_from_raw(md);
        let rt = thread.runtime();
        if !rt.queue_tier_up(method) {
            rt.tier_up_or_warn(method, TierUpOn::CallingThread);
        }
    })
}

impl Runtime {
    /// [`Runtime::tier_up`], with a failure reported as a warning: the
    /// baseline code goes on running, and the failure is the optimizing
    /// tier's own (a bad heap, a full code heap).
    pub(crate) fn tier_up_or_warn(&self, method: MethodHandle, on: TierUpOn) {
        if let Err(e) = self.tier_up(method, on) {
            let _ = self.os.stderr(&format!(
                "warning: {} could not be tiered up: {e}\n",
                method.full_name()
            ));
        }
    }
}

impl Runtime {
    /// Points `method`'s precode, and the optimized call sites that call
    /// it directly, at `code`.
    fn set_entry(&self, method: MethodHandle, code: usize) {
        self.code.patch_precode(method.precode, code);
        self.direct_calls.retarget(method.precode, code);
    }

    /// Publishes code the JIT compiled at `base` from `il` as `method`'s
    /// (with its GC info, code map and clauses, so stack walks see it),
    /// printing it for `--jit-dump`; returns its address. (The caller
    /// holds the loader lock, which keeps `base` free.) Used for methods'
    /// IL and for the IL stubs of P/Invokes and delegates.
    pub(crate) fn publish_compiled(
        &self,
        loader: &mut Loader,
        method: MethodHandle,
        base: usize,
        compiled: &osprey_jit::CompiledMethod,
        kind: super::jitdump::CodeKindShown,
        il: &[u8],
    ) -> Result<usize, RuntimeError> {
        let info = MethodCode {
            method,
            start: base,
            len: compiled.code.len(),
            gc_info: compiled.gc_info.clone(),
            code_map: compiled.code_map.clone(),
            eh: compiled.eh.clone(),
            sp_slot: compiled.sp_slot,
        };
        let addr = self
            .code
            .publish(base, &compiled.code, CodeKind::Method(Arc::new(info)))?;
        self.direct_calls
            .record(addr, &compiled.call_sites, |target| {
                loader.method_of_precode(target).is_some()
            });
        if let Some(dump) = &self.options.jit_dump {
            if dump.selects(loader, method) {
                let text = super::jitdump::listing(self, loader, method, kind, il, compiled, addr);
                let _ = self.os.stderr(&text);
            }
        }
        Ok(addr)
    }
}

/// Where the shared code of the canonical method `m` finds its generic
/// context: `this` (instance methods of shared classes), the method table
/// an instantiating stub passes (their static methods), or the method
/// descriptor one passes (shared generic methods).
pub(crate) fn generic_context_source(m: MethodHandle) -> osprey_jit::GenericContextSource {
    use osprey_jit::{GenericContextKind as K, GenericContextSource};
    let kind = if !m.instantiation.is_empty() {
        K::MethodDesc
    } else if m.is_static() {
        K::MethodTable
    } else {
        K::This
    };
    GenericContextSource {
        kind,
        dictionary_index: m.owner.hierarchy_depth,
    }
}

/// The JIT's description of a method, with the IL borrowed from its assembly.
pub(super) struct InputData {
    assembly: std::sync::Arc<crate::loader::Assembly>,
    rva: u32,
    class_init_lookup: Option<osprey_jit::RuntimeLookup>,
    args: Vec<JitType>,
    locals: Vec<LocalVar>,
    ret: JitType,
    class_init: Option<ClassInitCheck>,
    eh: Vec<EhClause>,
}

impl InputData {
    pub(super) fn input(&self) -> MethodInput<'_> {
        let body = self
            .assembly
            .image()
            .method_body(self.rva)
            .expect("method_input parsed this body already");
        MethodInput {
            il: body.code,
            args: self.args.clone(),
            locals: self.locals.clone(),
            ret: self.ret,
            class_init: self.class_init,
            class_init_lookup: self.class_init_lookup,
            eh: self.eh.clone(),
            generic_context: None,
            call_counter: None,
        }
    }
}

/// The signatures of `method`'s local variables (none without a body).
pub(super) fn local_sigs(
    loader: &Loader,
    method: MethodHandle,
) -> Result<Vec<osprey_metadata::sig::TypeSig>, crate::loader::LoadError> {
    let asm = loader.assembly(method.assembly);
    let body = asm
        .image()
        .method_body(method.rva)
        .map_err(|e| loader.bad_image(method.assembly, e))?;
    let Some(tok) = body.local_var_sig else {
        return Ok(Vec::new());
    };
    if tok.table() != Some(TableId::StandAloneSig) {
        return Err(loader.bad_image(
            method.assembly,
            osprey_metadata::MetadataError::BadToken {
                token: tok.raw(),
                context: "the local variable signature of a method body",
            },
        ));
    }
    let sig = asm
        .image()
        .local_sig(tok)
        .map_err(|e| loader.bad_image(method.assembly, e))?;
    Ok(sig.locals)
}

/// Resolves what the JIT needs to know about `method`'s signature and
/// locals. For shared code (`shared` names its dictionary owner), the
/// precise static-constructor check becomes a lookup, and exception
/// clauses must not depend on the instantiation.
pub(super) fn method_input(
    loader: &mut Loader,
    method: MethodHandle,
    shared: Option<DictionaryOwner>,
) -> Result<InputData, RuntimeError> {
    let asm = loader.assembly(method.assembly);
    let body = asm
        .image()
        .method_body(method.rva)
        .map_err(|e| loader.bad_image(method.assembly, e))?;
    let ctx = method.generic_context();
    let mut args = Vec::new();
    if !method.is_static() {
        args.push(if method.owner.is_value_type() {
            JitType::ByRef
        } else {
            JitType::Ref
        });
    }
    for p in &method.sig.params {
        args.push(loader.jit_type_of_sig(method.assembly, p, &ctx)?);
    }
    let ret = loader.jit_type_of_sig(method.assembly, &method.sig.ret, &ctx)?;
    let mut locals = Vec::new();
    for l in &local_sigs(loader, method)? {
        let ty = match loader.jit_type_of_sig(method.assembly, l, &ctx) {
            // A local of a type no assembly defines (see missing.rs).
            Err(crate::loader::LoadError::TypeNotFound { .. }) => super::missing::PLACEHOLDER,
            ty => ty?,
        };
        locals.push(LocalVar {
            ty,
            pinned: l.is_pinned(),
        });
    }
    // Precise static-constructor semantics: static methods and instance
    // constructors trigger the class's .cctor (not the .cctor itself).
    let owner = method.owner;
    let triggers = (method.is_static() || method.name == ".ctor") && method.name != ".cctor";
    let precise = triggers && !owner.class_init.before_field_init;
    let (class_init, class_init_lookup) = match shared {
        // The exact class's constructor: a lookup of the dictionary the
        // code already reaches, filled once the constructor has run.
        Some(owner_of_dict) if precise && owner.class_init.cctor.is_some() => {
            let (slot, descriptor) = loader.dictionary_slot(
                owner_of_dict,
                LookupKind::ClassInit,
                method.assembly,
                osprey_metadata::Token::new(TableId::MethodDef, method.rid),
                None,
            );
            (None, Some(osprey_jit::RuntimeLookup { slot, descriptor }))
        }
        Some(_) => (None, None),
        None => (
            (precise && !owner.class_init.is_done()).then(|| ClassInitCheck {
                flag_address: owner.class_init.flag_address(),
                handle: owner.to_jit(),
            }),
            None,
        ),
    };
    let mut eh = Vec::with_capacity(body.exception_clauses.len());
    for c in &body.exception_clauses {
        use osprey_metadata::body::ClauseKind;
        let kind = match c.kind {
            ClauseKind::Catch(token) => {
                let t = loader.resolve_type_token(method.assembly, token, &ctx)?;
                if shared.is_some() && t.mentions_canon {
                    // The exception dispatcher matches exact types.
                    return Err(RuntimeError::NeedsExactCode);
                }
                EhKind::Catch(t.to_jit())
            }
            ClauseKind::Filter { filter_offset } => EhKind::Filter {
                filter_start: filter_offset,
            },
            ClauseKind::Finally => EhKind::Finally,
            ClauseKind::Fault => EhKind::Fault,
        };
        // An overflowing end cannot fall on an instruction boundary: the
        // JIT rejects the clause with a clear error.
        let end = |start: u32, len: u32| start.saturating_add(len);
        eh.push(EhClause {
            kind,
            try_start: c.try_offset,
            try_end: end(c.try_offset, c.try_length),
            handler_start: c.handler_offset,
            handler_end: end(c.handler_offset, c.handler_length),
        });
    }
    Ok(InputData {
        assembly: asm.clone(),
        rva: method.rva,
        args,
        locals,
        ret,
        class_init,
        class_init_lookup,
        eh,
    })
}
