//! Intrinsics: calls compiled inline ([`CallTarget::Intrinsic`]).
//!
//! The `Interlocked` operations become single lock-prefixed instructions on
//! the location the first argument points to: `lock xadd` (Add, Increment,
//! Decrement; the result is the new value), `xchg` (Exchange; implicitly
//! locked), `lock cmpxchg` (CompareExchange; the result is the old value),
//! an aligned 64-bit load (Read) and `mfence` (MemoryBarrier). A store of
//! an object reference (Exchange, CompareExchange on `ref object`) is
//! followed by the write barrier, like any reference store. Only RAX, RCX,
//! RDX, R8 and R11 are used (scratch in fastcall64); nothing calls out.
//!
//! The `Math` forms work on XMM0: `sqrtsd`, `roundsd` (Floor, Ceiling,
//! Round, Truncate; the host offers them only with SSE4.1) and Abs as a
//! shift left and right by one, which clears the sign bit.
//!
//! [`CallTarget::Intrinsic`]: crate::host::CallTarget::Intrinsic

use dynasmrt::{dynasm, DynasmApi};

use super::{reg, Emitter, Entry};
use crate::host::Intrinsic;

impl Emitter<'_, '_> {
    /// Emits `kind` on the popped arguments `args`, leaving the result (if
    /// any) in RAX for the caller to push.
    pub(crate) fn intrinsic(&mut self, kind: Intrinsic, args: &[Entry]) {
        use Intrinsic as I;
        if let Some((single, round)) = kind.float_op() {
            self.float_intrinsic(kind, single, round, args[0]);
            return;
        }
        // The location first: only the last argument can be in RAX, and
        // RAX is written only once every argument is loaded.
        if let Some(location) = args.first() {
            self.load_gpr(*location, reg::RCX);
        }
        match kind {
            I::AddI4 | I::IncrementI4 | I::DecrementI4 => {
                match kind {
                    I::AddI4 => self.load_gpr(args[1], reg::RDX),
                    I::IncrementI4 => dynasm!(self.ops ; .arch x64 ; mov edx, 1),
                    _ => dynasm!(self.ops ; .arch x64 ; mov edx, -1),
                }
                dynasm!(self.ops
                    ; .arch x64
                    ; mov eax, edx
                    ; lock xadd [rcx], eax
                    ; add eax, edx
                );
            }
            I::AddI8 | I::IncrementI8 | I::DecrementI8 => {
                match kind {
                    I::AddI8 => self.load_gpr64(args[1], reg::RDX, true),
                    I::IncrementI8 => dynasm!(self.ops ; .arch x64 ; mov rdx, 1),
                    _ => dynasm!(self.ops ; .arch x64 ; mov rdx, -1),
                }
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, rdx
                    ; lock xadd [rcx], rax
                    ; add rax, rdx
                );
            }
            I::ExchangeI4 => {
                self.load_gpr(args[1], reg::RAX);
                dynasm!(self.ops ; .arch x64 ; xchg [rcx], eax);
            }
            I::ExchangeI8 => {
                self.load_gpr64(args[1], reg::RAX, true);
                dynasm!(self.ops ; .arch x64 ; xchg [rcx], rax);
            }
            I::ExchangeRef => {
                self.load_gpr(args[1], reg::RAX);
                dynasm!(self.ops ; .arch x64 ; xchg [rcx], rax ; mov r8, rax);
                self.write_barrier(reg::RCX, 0);
                dynasm!(self.ops ; .arch x64 ; mov rax, r8);
            }
            I::CompareExchangeI4 => {
                self.load_gpr(args[1], reg::RDX);
                self.load_gpr(args[2], reg::RAX);
                dynasm!(self.ops ; .arch x64 ; lock cmpxchg [rcx], edx);
            }
            I::CompareExchangeI8 => {
                self.load_gpr64(args[1], reg::RDX, true);
                self.load_gpr64(args[2], reg::RAX, true);
                dynasm!(self.ops ; .arch x64 ; lock cmpxchg [rcx], rdx);
            }
            I::CompareExchangeRef => {
                self.load_gpr(args[1], reg::RDX);
                self.load_gpr(args[2], reg::RAX);
                // The card is marked whether or not the store happened: a
                // clean card marked dirty costs a scan, nothing more.
                dynasm!(self.ops ; .arch x64 ; lock cmpxchg [rcx], rdx ; mov r8, rax);
                self.write_barrier(reg::RCX, 0);
                dynasm!(self.ops ; .arch x64 ; mov rax, r8);
            }
            I::ReadI8 => {
                dynasm!(self.ops ; .arch x64 ; mov rax, [rcx]);
            }
            I::MemoryBarrier => {
                dynasm!(self.ops ; .arch x64 ; mfence);
            }
            I::SqrtR8
            | I::AbsR8
            | I::AbsR4
            | I::FloorR8
            | I::CeilingR8
            | I::RoundR8
            | I::TruncateR8 => unreachable!("float_op() covers the Math forms, emitted above"),
        }
    }

    /// A `Math` intrinsic on the float `arg`, the result in XMM0.
    fn float_intrinsic(&mut self, kind: Intrinsic, single: bool, round: Option<i8>, arg: Entry) {
        let want = if single {
            crate::types::StackKind::R4
        } else {
            crate::types::StackKind::R8
        };
        self.load_xmm_as(arg, 0, want);
        match (kind, round) {
            (_, Some(mode)) => dynasm!(self.ops ; .arch x64 ; roundsd xmm0, xmm0, mode),
            (Intrinsic::SqrtR8, None) => dynasm!(self.ops ; .arch x64 ; sqrtsd xmm0, xmm0),
            // The sign bit shifted out and a zero shifted back in.
            (Intrinsic::AbsR4, None) => {
                dynasm!(self.ops ; .arch x64 ; pslld xmm0, 1 ; psrld xmm0, 1)
            }
            _ => dynasm!(self.ops ; .arch x64 ; psllq xmm0, 1 ; psrlq xmm0, 1),
        }
    }
}
