//! Arithmetic, comparisons, branches and conversions.

use crate::flags::{float_cond, int_cond, FlagCond};
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{reg, Emitter, Entry, Loc};
use crate::host::ThrowKind;
use crate::import::Instr;
use crate::ops::{BinOp, Cond, ConvOp};
use crate::types::{JitType, StackKind};

/// The right-hand operand of an integer instruction.
enum Rhs {
    Imm(i32),
    Mem(i32),
    Rcx,
}

impl Emitter<'_, '_> {
    // ----- binary operators -------------------------------------------------

    pub(crate) fn binary(&mut self, op: BinOp, instr: &Instr) {
        let out = instr.out.expect("binary ops push a value");
        let b = self.pop();
        let a = self.pop();
        if out.is_float() {
            self.float_binary(op, a, b, out);
            return;
        }
        let wide = out.is_64();
        if op.is_shift() {
            self.shift(op, a, b, wide);
            return;
        }
        match op {
            BinOp::Div | BinOp::DivUn | BinOp::Rem | BinOp::RemUn => {
                self.divide(op, a, b, out);
                return;
            }
            BinOp::MulOvfUn => {
                self.mul_ovf_un(a, b, out);
                return;
            }
            _ => {}
        }
        let rhs = self.int_operands(a, b, wide);
        macro_rules! arith {
            ($mn:ident) => {
                match (rhs, wide) {
                    (Rhs::Imm(v), true) => dynasm!(self.ops ; .arch x64 ; $mn rax, v),
                    (Rhs::Imm(v), false) => dynasm!(self.ops ; .arch x64 ; $mn eax, v),
                    (Rhs::Mem(o), true) => dynasm!(self.ops ; .arch x64 ; $mn rax, [rbp + o]),
                    (Rhs::Mem(o), false) => dynasm!(self.ops ; .arch x64 ; $mn eax, [rbp + o]),
                    (Rhs::Rcx, true) => dynasm!(self.ops ; .arch x64 ; $mn rax, rcx),
                    (Rhs::Rcx, false) => dynasm!(self.ops ; .arch x64 ; $mn eax, ecx),
                }
            };
        }
        match op {
            BinOp::Add | BinOp::AddOvf | BinOp::AddOvfUn => arith!(add),
            BinOp::Sub | BinOp::SubOvf | BinOp::SubOvfUn => arith!(sub),
            BinOp::And => arith!(and),
            BinOp::Or => arith!(or),
            BinOp::Xor => arith!(xor),
            BinOp::Mul | BinOp::MulOvf => match (rhs, wide) {
                (Rhs::Imm(v), true) => dynasm!(self.ops ; .arch x64 ; imul rax, rax, v),
                (Rhs::Imm(v), false) => dynasm!(self.ops ; .arch x64 ; imul eax, eax, v),
                (Rhs::Mem(o), true) => dynasm!(self.ops ; .arch x64 ; imul rax, [rbp + o]),
                (Rhs::Mem(o), false) => dynasm!(self.ops ; .arch x64 ; imul eax, [rbp + o]),
                (Rhs::Rcx, true) => dynasm!(self.ops ; .arch x64 ; imul rax, rcx),
                (Rhs::Rcx, false) => dynasm!(self.ops ; .arch x64 ; imul eax, ecx),
            },
            _ => unreachable!("handled above"),
        }
        match op {
            BinOp::AddOvf | BinOp::SubOvf | BinOp::MulOvf => {
                let l = self.throw_label(ThrowKind::Overflow);
                dynasm!(self.ops ; .arch x64 ; jo =>l);
            }
            BinOp::AddOvfUn | BinOp::SubOvfUn => {
                let l = self.throw_label(ThrowKind::Overflow);
                dynasm!(self.ops ; .arch x64 ; jc =>l);
            }
            _ => {}
        }
        self.push(out, Loc::Reg);
    }

    /// Loads `a` into RAX and returns how to address `b`. Mixed I4/native-int
    /// operands are sign-extended to 64 bits.
    fn int_operands(&mut self, a: Entry, b: Entry, wide: bool) -> Rhs {
        let b_needs_widening = wide && b.kind == StackKind::I4;
        let rhs = match b.loc {
            // imm32 is sign-extended in 64-bit operations, as an I4 operand must be.
            Loc::Imm(v) if i32::try_from(v).is_ok() => Rhs::Imm(v as i32),
            Loc::Slot if !b_needs_widening => Rhs::Mem(self.slot(b.depth, b.kind)),
            Loc::Var { offset, ty } if !b_needs_widening && var_is_plain(ty, wide) => {
                Rhs::Mem(offset)
            }
            _ => {
                self.load_gpr64_maybe(b, reg::RCX, wide);
                Rhs::Rcx
            }
        };
        self.load_gpr64_maybe(a, reg::RAX, wide);
        rhs
    }

    /// Loads an integer operand; widens an I4 to 64 bits for wide operations.
    fn load_gpr64_maybe(&mut self, e: Entry, r: u8, wide: bool) {
        if wide {
            self.load_gpr64(e, r, true);
        } else {
            self.load_gpr(e, r);
        }
    }

    fn shift(&mut self, op: BinOp, a: Entry, b: Entry, wide: bool) {
        if let Loc::Imm(v) = b.loc {
            let n = (v as i8) & if wide { 63 } else { 31 };
            self.load_gpr(a, reg::RAX);
            match (op, wide) {
                (BinOp::Shl, true) => dynasm!(self.ops ; .arch x64 ; shl rax, n),
                (BinOp::Shl, false) => dynasm!(self.ops ; .arch x64 ; shl eax, n),
                (BinOp::Shr, true) => dynasm!(self.ops ; .arch x64 ; sar rax, n),
                (BinOp::Shr, false) => dynasm!(self.ops ; .arch x64 ; sar eax, n),
                (_, true) => dynasm!(self.ops ; .arch x64 ; shr rax, n),
                (_, false) => dynasm!(self.ops ; .arch x64 ; shr eax, n),
            }
        } else {
            self.load_gpr(b, reg::RCX);
            self.load_gpr(a, reg::RAX);
            match (op, wide) {
                (BinOp::Shl, true) => dynasm!(self.ops ; .arch x64 ; shl rax, cl),
                (BinOp::Shl, false) => dynasm!(self.ops ; .arch x64 ; shl eax, cl),
                (BinOp::Shr, true) => dynasm!(self.ops ; .arch x64 ; sar rax, cl),
                (BinOp::Shr, false) => dynasm!(self.ops ; .arch x64 ; sar eax, cl),
                (_, true) => dynasm!(self.ops ; .arch x64 ; shr rax, cl),
                (_, false) => dynasm!(self.ops ; .arch x64 ; shr eax, cl),
            }
        }
        let kind = a.kind;
        self.push(kind, Loc::Reg);
    }

    /// `div`, `div.un`, `rem`, `rem.un` on integers, with the CLR's checks:
    /// DivideByZeroException for a zero divisor, OverflowException for
    /// `MinValue / -1` (and `MinValue % -1`, as CoreCLR and Mono do on x64).
    fn divide(&mut self, op: BinOp, a: Entry, b: Entry, out: StackKind) {
        let wide = out.is_64();
        let signed = matches!(op, BinOp::Div | BinOp::Rem);
        self.load_gpr64_maybe(b, reg::RCX, wide);
        self.load_gpr64_maybe(a, reg::RAX, wide);
        let dbz = self.throw_label(ThrowKind::DivideByZero);
        if wide {
            dynasm!(self.ops ; .arch x64 ; test rcx, rcx ; jz =>dbz);
        } else {
            dynasm!(self.ops ; .arch x64 ; test ecx, ecx ; jz =>dbz);
        }
        if signed {
            let ovf = self.throw_label(ThrowKind::Overflow);
            let go = self.ops.new_dynamic_label();
            if wide {
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp rcx, -1
                    ; jne =>go
                    ; mov rdx, QWORD i64::MIN
                    ; cmp rax, rdx
                    ; je =>ovf
                    ; =>go
                    ; cqo
                    ; idiv rcx
                );
            } else {
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp ecx, -1
                    ; jne =>go
                    ; cmp eax, i32::MIN
                    ; je =>ovf
                    ; =>go
                    ; cdq
                    ; idiv ecx
                );
            }
        } else if wide {
            dynasm!(self.ops ; .arch x64 ; xor edx, edx ; div rcx);
        } else {
            dynasm!(self.ops ; .arch x64 ; xor edx, edx ; div ecx);
        }
        if matches!(op, BinOp::Rem | BinOp::RemUn) {
            dynasm!(self.ops ; .arch x64 ; mov rax, rdx);
        }
        self.push(out, Loc::Reg);
    }

    fn mul_ovf_un(&mut self, a: Entry, b: Entry, out: StackKind) {
        let wide = out.is_64();
        self.load_gpr64_maybe(b, reg::RCX, wide);
        self.load_gpr64_maybe(a, reg::RAX, wide);
        let ovf = self.throw_label(ThrowKind::Overflow);
        if wide {
            dynasm!(self.ops ; .arch x64 ; mul rcx ; jc =>ovf);
        } else {
            dynasm!(self.ops ; .arch x64 ; mul ecx ; jc =>ovf);
        }
        self.push(out, Loc::Reg);
    }

    fn float_binary(&mut self, op: BinOp, a: Entry, b: Entry, out: StackKind) {
        self.load_xmm_as(b, 1, out);
        self.load_xmm_as(a, 0, out);
        let single = out == StackKind::R4;
        match (op, single) {
            (BinOp::Add, true) => dynasm!(self.ops ; .arch x64 ; addss xmm0, xmm1),
            (BinOp::Add, false) => dynasm!(self.ops ; .arch x64 ; addsd xmm0, xmm1),
            (BinOp::Sub, true) => dynasm!(self.ops ; .arch x64 ; subss xmm0, xmm1),
            (BinOp::Sub, false) => dynasm!(self.ops ; .arch x64 ; subsd xmm0, xmm1),
            (BinOp::Mul, true) => dynasm!(self.ops ; .arch x64 ; mulss xmm0, xmm1),
            (BinOp::Mul, false) => dynasm!(self.ops ; .arch x64 ; mulsd xmm0, xmm1),
            (BinOp::Div, true) => dynasm!(self.ops ; .arch x64 ; divss xmm0, xmm1),
            (BinOp::Div, false) => dynasm!(self.ops ; .arch x64 ; divsd xmm0, xmm1),
            (BinOp::Rem, _) => {
                // fmod/fmodf from the platform's libm (the C library is part of
                // the process image, like the kernel layer's libc calls).
                let f = if single { fmodf_addr() } else { fmod_addr() };
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD f as i64 ; call rax);
            }
            _ => unreachable!("the importer rejects integer-only operators on floats"),
        }
        self.push(out, Loc::Reg);
    }

    pub(crate) fn neg(&mut self) {
        let a = self.pop();
        if a.kind.is_float() {
            self.load_xmm(a, 0);
            if a.kind == StackKind::R4 {
                dynasm!(self.ops ; .arch x64 ; mov eax, 0x8000_0000u32 as i32 ; movd xmm1, eax ; xorps xmm0, xmm1);
            } else {
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD i64::MIN ; movq xmm1, rax ; xorpd xmm0, xmm1);
            }
        } else {
            self.load_gpr(a, reg::RAX);
            if a.kind.is_64() {
                dynasm!(self.ops ; .arch x64 ; neg rax);
            } else {
                dynasm!(self.ops ; .arch x64 ; neg eax);
            }
        }
        self.push(a.kind, Loc::Reg);
    }

    pub(crate) fn not(&mut self) {
        let a = self.pop();
        self.load_gpr(a, reg::RAX);
        if a.kind.is_64() {
            dynasm!(self.ops ; .arch x64 ; not rax);
        } else {
            dynasm!(self.ops ; .arch x64 ; not eax);
        }
        self.push(a.kind, Loc::Reg);
    }

    // ----- comparisons and branches ------------------------------------------------

    /// Emits the comparison of `a` with `b` and returns the condition to test
    /// (for floats, possibly after swapping operands; see `float_cond`).
    fn emit_compare(&mut self, a: Entry, b: Entry, cond: Cond) -> FlagCond {
        if a.kind.is_float() || b.kind.is_float() {
            let width = if a.kind == StackKind::R4 && b.kind == StackKind::R4 {
                StackKind::R4
            } else {
                StackKind::R8
            };
            let (swap, fc) = float_cond(cond);
            let (x, y) = if swap { (b, a) } else { (a, b) };
            self.load_xmm_as(y, 1, width);
            self.load_xmm_as(x, 0, width);
            if width == StackKind::R4 {
                dynasm!(self.ops ; .arch x64 ; ucomiss xmm0, xmm1);
            } else {
                dynasm!(self.ops ; .arch x64 ; ucomisd xmm0, xmm1);
            }
            fc
        } else {
            let wide = a.kind.is_64() || b.kind.is_64();
            let rhs = self.int_operands(a, b, wide);
            match (rhs, wide) {
                (Rhs::Imm(v), true) => dynasm!(self.ops ; .arch x64 ; cmp rax, v),
                (Rhs::Imm(v), false) => dynasm!(self.ops ; .arch x64 ; cmp eax, v),
                (Rhs::Mem(o), true) => dynasm!(self.ops ; .arch x64 ; cmp rax, [rbp + o]),
                (Rhs::Mem(o), false) => dynasm!(self.ops ; .arch x64 ; cmp eax, [rbp + o]),
                (Rhs::Rcx, true) => dynasm!(self.ops ; .arch x64 ; cmp rax, rcx),
                (Rhs::Rcx, false) => dynasm!(self.ops ; .arch x64 ; cmp eax, ecx),
            }
            int_cond(cond)
        }
    }

    pub(crate) fn compare(&mut self, cond: Cond) {
        let b = self.pop();
        let a = self.pop();
        let fc = self.emit_compare(a, b, cond);
        match fc {
            FlagCond::E => dynasm!(self.ops ; .arch x64 ; sete al),
            FlagCond::Ne => dynasm!(self.ops ; .arch x64 ; setne al),
            FlagCond::L => dynasm!(self.ops ; .arch x64 ; setl al),
            FlagCond::Le => dynasm!(self.ops ; .arch x64 ; setle al),
            FlagCond::G => dynasm!(self.ops ; .arch x64 ; setg al),
            FlagCond::Ge => dynasm!(self.ops ; .arch x64 ; setge al),
            FlagCond::B => dynasm!(self.ops ; .arch x64 ; setb al),
            FlagCond::Be => dynasm!(self.ops ; .arch x64 ; setbe al),
            FlagCond::A => dynasm!(self.ops ; .arch x64 ; seta al),
            FlagCond::Ae => dynasm!(self.ops ; .arch x64 ; setae al),
            FlagCond::OrderedEq => {
                dynasm!(self.ops ; .arch x64 ; sete al ; setnp cl ; and al, cl)
            }
            FlagCond::UnorderedNe => {
                dynasm!(self.ops ; .arch x64 ; setne al ; setp cl ; or al, cl)
            }
        }
        dynasm!(self.ops ; .arch x64 ; movzx eax, al);
        self.push(StackKind::I4, Loc::Reg);
    }

    pub(crate) fn br_bool(&mut self, nonzero: bool, target: u32, backward: bool) {
        let mut v = self.pop();
        self.materialize_all();
        self.retype_for(target);
        if backward {
            v = self.spill_entry(v);
            self.poll();
        }
        let l = self.label_for(target);
        let width = if v.kind.is_64() { 8 } else { 4 };
        let mem = match v.loc {
            Loc::Slot => Some(self.slot(v.depth, v.kind)),
            Loc::Var { offset, ty } if ty.primitive_size() == Some(width) => Some(offset),
            _ => None,
        };
        match (mem, width) {
            (Some(off), 8) => dynasm!(self.ops ; .arch x64 ; cmp QWORD [rbp + off], 0),
            (Some(off), _) => dynasm!(self.ops ; .arch x64 ; cmp DWORD [rbp + off], 0),
            (None, _) => {
                self.load_gpr(v, reg::RAX);
                if width == 8 {
                    dynasm!(self.ops ; .arch x64 ; test rax, rax);
                } else {
                    dynasm!(self.ops ; .arch x64 ; test eax, eax);
                }
            }
        }
        if nonzero {
            dynasm!(self.ops ; .arch x64 ; jne =>l);
        } else {
            dynasm!(self.ops ; .arch x64 ; je =>l);
        }
    }

    pub(crate) fn br_cmp(&mut self, cond: Cond, target: u32, backward: bool) {
        let mut b = self.pop();
        let mut a = self.pop();
        self.materialize_all();
        self.retype_for(target);
        if backward {
            a = self.spill_entry(a);
            b = self.spill_entry(b);
            self.poll();
        }
        let fc = self.emit_compare(a, b, cond);
        let l = self.label_for(target);
        self.jcc(fc, l);
    }

    fn jcc(&mut self, fc: FlagCond, l: dynasmrt::DynamicLabel) {
        match fc {
            FlagCond::E => dynasm!(self.ops ; .arch x64 ; je =>l),
            FlagCond::Ne => dynasm!(self.ops ; .arch x64 ; jne =>l),
            FlagCond::L => dynasm!(self.ops ; .arch x64 ; jl =>l),
            FlagCond::Le => dynasm!(self.ops ; .arch x64 ; jle =>l),
            FlagCond::G => dynasm!(self.ops ; .arch x64 ; jg =>l),
            FlagCond::Ge => dynasm!(self.ops ; .arch x64 ; jge =>l),
            FlagCond::B => dynasm!(self.ops ; .arch x64 ; jb =>l),
            FlagCond::Be => dynasm!(self.ops ; .arch x64 ; jbe =>l),
            FlagCond::A => dynasm!(self.ops ; .arch x64 ; ja =>l),
            FlagCond::Ae => dynasm!(self.ops ; .arch x64 ; jae =>l),
            FlagCond::OrderedEq => {
                let skip = self.ops.new_dynamic_label();
                dynasm!(self.ops ; .arch x64 ; jp =>skip ; je =>l ; =>skip);
            }
            FlagCond::UnorderedNe => dynasm!(self.ops ; .arch x64 ; jp =>l ; jne =>l),
        }
    }

    pub(crate) fn switch(&mut self, targets: Vec<u32>, backward: bool) {
        let mut v = self.pop();
        self.materialize_all();
        for &t in &targets {
            self.retype_for(t);
        }
        if backward {
            v = self.spill_entry(v);
            self.poll();
        }
        let table = self.ops.new_dynamic_label();
        let fallthrough = self.ops.new_dynamic_label();
        self.load_gpr(v, reg::RAX);
        let n = targets.len() as i32;
        dynasm!(self.ops
            ; .arch x64
            ; cmp eax, n
            ; jae =>fallthrough
            ; lea rcx, [=>table]
            ; lea rcx, [rcx + rax * 8]
            ; jmp rcx
            ; =>fallthrough
        );
        self.switch_tables.push((table, targets));
    }

    // ----- conversions ----------------------------------------------------------------

    pub(crate) fn conv(&mut self, c: ConvOp) {
        let v = self.pop();
        let to_kind = c.to.stack_kind();
        if v.kind.is_float() {
            self.conv_from_float(v, c);
            return;
        }
        if c.to.is_float() {
            // Integer to float.
            let single = c.to == JitType::R4;
            if c.unsigned_source && v.kind.is_64() {
                self.load_gpr(v, reg::RAX);
                self.u64_to_float(single);
            } else {
                // Signed source, or an unsigned 32-bit one (zero-extended, then signed 64-bit convert).
                self.load_gpr64(v, reg::RAX, !c.unsigned_source);
                if single {
                    dynasm!(self.ops ; .arch x64 ; cvtsi2ss xmm0, rax);
                } else {
                    dynasm!(self.ops ; .arch x64 ; cvtsi2sd xmm0, rax);
                }
            }
            self.push(to_kind, Loc::Reg);
            return;
        }
        // Integer to integer. Load as 64 bits. With overflow checking the
        // source's signedness is the `.un` suffix; without it, an int32 is
        // zero-extended to unsigned targets (conv.u8, conv.u) and
        // sign-extended otherwise (ECMA-335 III.3.27).
        if c.overflow {
            let source_signed = !c.unsigned_source;
            self.load_gpr64(v, reg::RAX, source_signed);
            self.range_check(c.to, source_signed);
        } else {
            let extend_signed = !matches!(c.to, JitType::U8 | JitType::U);
            self.load_gpr64(v, reg::RAX, extend_signed);
        }
        self.truncate_to(c.to);
        self.push(to_kind, Loc::Reg);
    }

    /// Truncates/extends RAX (a 64-bit value) to the target integer type.
    fn truncate_to(&mut self, to: JitType) {
        match to {
            JitType::I1 => dynasm!(self.ops ; .arch x64 ; movsx eax, al),
            JitType::U1 | JitType::Bool => dynasm!(self.ops ; .arch x64 ; movzx eax, al),
            JitType::I2 => dynasm!(self.ops ; .arch x64 ; movsx eax, ax),
            JitType::U2 | JitType::Char => dynasm!(self.ops ; .arch x64 ; movzx eax, ax),
            // I4/U4: the low 32 bits are the value; I8/U8/I/U: all 64 bits.
            _ => {}
        }
    }

    /// Throws OverflowException unless RAX (signed or unsigned 64-bit per
    /// `signed`) fits in `to`.
    fn range_check(&mut self, to: JitType, signed: bool) {
        let (lo, hi): (i128, i128) = match to {
            JitType::I1 => (i8::MIN as i128, i8::MAX as i128),
            JitType::U1 | JitType::Bool => (0, u8::MAX as i128),
            JitType::I2 => (i16::MIN as i128, i16::MAX as i128),
            JitType::U2 | JitType::Char => (0, u16::MAX as i128),
            JitType::I4 => (i32::MIN as i128, i32::MAX as i128),
            JitType::U4 => (0, u32::MAX as i128),
            JitType::I8 | JitType::I => (i64::MIN as i128, i64::MAX as i128),
            _ => (0, u64::MAX as i128),
        };
        let ovf = self.throw_label(ThrowKind::Overflow);
        if signed {
            // Value range: i64.
            if lo > i64::MIN as i128 {
                dynasm!(self.ops ; .arch x64 ; mov rcx, QWORD lo as i64 ; cmp rax, rcx ; jl =>ovf);
            }
            if hi < i64::MAX as i128 {
                dynasm!(self.ops ; .arch x64 ; mov rcx, QWORD hi as i64 ; cmp rax, rcx ; jg =>ovf);
            }
        } else if hi < u64::MAX as i128 {
            // Value range: u64; only the upper bound matters.
            dynasm!(self.ops ; .arch x64 ; mov rcx, QWORD hi as i64 ; cmp rax, rcx ; ja =>ovf);
        }
    }

    /// Converts the unsigned 64-bit integer in RAX to a float in XMM0.
    fn u64_to_float(&mut self, single: bool) {
        let big = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        dynasm!(self.ops ; .arch x64 ; test rax, rax ; js =>big);
        if single {
            dynasm!(self.ops ; .arch x64 ; cvtsi2ss xmm0, rax ; jmp =>done ; =>big
                ; mov rcx, rax ; shr rcx, 1 ; and eax, 1 ; or rcx, rax
                ; cvtsi2ss xmm0, rcx ; addss xmm0, xmm0 ; =>done);
        } else {
            dynasm!(self.ops ; .arch x64 ; cvtsi2sd xmm0, rax ; jmp =>done ; =>big
                ; mov rcx, rax ; shr rcx, 1 ; and eax, 1 ; or rcx, rax
                ; cvtsi2sd xmm0, rcx ; addsd xmm0, xmm0 ; =>done);
        }
    }

    fn conv_from_float(&mut self, v: Entry, c: ConvOp) {
        match c.to {
            JitType::R4 | JitType::R8 => {
                self.load_xmm_as(v, 0, c.to.stack_kind());
                self.push(c.to.stack_kind(), Loc::Reg);
                return;
            }
            _ => {}
        }
        // Work in double precision.
        self.load_xmm_as(v, 0, StackKind::R8);
        if c.overflow {
            // NaN or out of range throws: check lo - 1 < x < hi + 1 in double.
            let (lo, hi): (f64, f64) = crate::x64::overflow_bounds(c.to);
            let ovf = self.throw_label(ThrowKind::Overflow);
            dynasm!(self.ops
                ; .arch x64
                ; mov rax, QWORD lo.to_bits() as i64
                ; movq xmm1, rax
                ; ucomisd xmm0, xmm1
                ; jbe =>ovf          // x <= lo-1, or NaN
                ; mov rax, QWORD hi.to_bits() as i64
                ; movq xmm1, rax
                ; ucomisd xmm0, xmm1
                ; jae =>ovf          // x >= hi+1
            );
        }
        match c.to {
            JitType::U8 | JitType::U => {
                // Mono's `mono_fconv_u8`: `v < 2^63 ? (long)v : 2^63 +
                // (long)(v - 2^63)`. Values >= 2^63 need the subtract-and-flip
                // sequence; so does NaN (the comparison is false), which
                // makes it 0 as on mono, not 2^63.
                let small = self.ops.new_dynamic_label();
                let done = self.ops.new_dynamic_label();
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, QWORD 9223372036854775808.0f64.to_bits() as i64
                    ; movq xmm1, rax
                    ; ucomisd xmm1, xmm0
                    ; ja =>small         // 2^63 > v, ordered
                    ; subsd xmm0, xmm1
                    ; cvttsd2si rax, xmm0
                    ; btc rax, 63
                    ; jmp =>done
                    ; =>small
                    ; cvttsd2si rax, xmm0
                    ; =>done
                );
            }
            JitType::I8 | JitType::I | JitType::U4 => {
                dynasm!(self.ops ; .arch x64 ; cvttsd2si rax, xmm0)
            }
            _ => {
                dynasm!(self.ops ; .arch x64 ; cvttsd2si eax, xmm0);
                self.truncate_to(c.to);
            }
        }
        self.push(c.to.stack_kind(), Loc::Reg);
    }
}

/// Whether a deferred variable of type `ty` can be used directly as a memory
/// operand of width `wide` (its declared width equals the operation's).
fn var_is_plain(ty: JitType, wide: bool) -> bool {
    match ty.primitive_size() {
        Some(8) => wide,
        Some(4) => !wide && !ty.is_float(),
        _ => false,
    }
}

fn fmod_addr() -> usize {
    extern "C" {
        fn fmod(x: f64, y: f64) -> f64;
    }
    fmod as *const () as usize
}

fn fmodf_addr() -> usize {
    extern "C" {
        fn fmodf(x: f32, y: f32) -> f32;
    }
    fmodf as *const () as usize
}
