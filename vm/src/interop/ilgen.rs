//! A small CIL assembler for the IL stubs: opcodes, labels with 32-bit
//! branches, locals, one try/finally, and a private token space.
//!
//! Tokens in a stub's IL index the stub's own table ([`StubToken`]): their
//! table byte is [`STUB_TOKEN_TABLE`], which no metadata table uses, and
//! the stub's JIT host (`interop::stub`) resolves them.

use osprey_jit::{CallInfo, EhClause, EhKind, JitType, LocalVar};

use crate::loader::MethodHandle;

/// The table byte of stub tokens.
pub(crate) const STUB_TOKEN_TABLE: u8 = 0x7E;

/// What a stub token stands for.
#[derive(Clone, Debug)]
pub(crate) enum StubToken {
    /// A corelib (or any) method, called as its `CallOpcode` says.
    Method(MethodHandle),
    /// The native call itself: a ready-made call description.
    Native(Box<CallInfo>),
    /// The signature of a `calli` through a C function pointer.
    Signature(Box<osprey_jit::CallSiteSig>),
    /// A type (of `box`, `unbox`, `ldobj`, `stobj`).
    Type(crate::loader::TypeHandle),
}

/// A forward or backward branch target.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Label(usize);

/// An IL method body being assembled.
#[derive(Default)]
pub(crate) struct IlBuilder {
    code: Vec<u8>,
    labels: Vec<Option<u32>>,
    /// (position of the rel32, label, offset of the next instruction).
    fixups: Vec<(usize, Label, u32)>,
    /// The locals.
    pub locals: Vec<LocalVar>,
    /// The token table.
    pub tokens: Vec<StubToken>,
    /// Exception clauses.
    pub eh: Vec<EhClause>,
}

impl IlBuilder {
    fn op(&mut self, bytes: &[u8]) {
        self.code.extend_from_slice(bytes);
    }

    fn op_u16(&mut self, bytes: &[u8], v: u16) {
        self.op(bytes);
        self.code.extend_from_slice(&v.to_le_bytes());
    }

    /// The current IL offset.
    pub(crate) fn offset(&self) -> u32 {
        self.code.len() as u32
    }

    /// Declares a local; returns its index.
    pub(crate) fn local(&mut self, ty: JitType, pinned: bool) -> u16 {
        self.locals.push(LocalVar { ty, pinned });
        (self.locals.len() - 1) as u16
    }

    /// A token for `t`.
    pub(crate) fn token(&mut self, t: StubToken) -> u32 {
        self.tokens.push(t);
        (u32::from(STUB_TOKEN_TABLE) << 24) | self.tokens.len() as u32
    }

    /// A new label (placed later with [`IlBuilder::mark`]).
    pub(crate) fn label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() - 1)
    }

    /// Places `l` here.
    pub(crate) fn mark(&mut self, l: Label) {
        self.labels[l.0] = Some(self.offset());
    }

    fn branch(&mut self, opcode: u8, l: Label) {
        self.code.push(opcode);
        let at = self.code.len();
        self.code.extend_from_slice(&[0; 4]);
        let next = self.offset();
        self.fixups.push((at, l, next));
    }

    /// `ldarg n`.
    pub(crate) fn ldarg(&mut self, n: u16) {
        self.op_u16(&[0xFE, 0x09], n);
    }

    /// `ldloc n`.
    pub(crate) fn ldloc(&mut self, n: u16) {
        self.op_u16(&[0xFE, 0x0C], n);
    }

    /// `ldloca n`.
    pub(crate) fn ldloca(&mut self, n: u16) {
        self.op_u16(&[0xFE, 0x0D], n);
    }

    /// `stloc n`.
    pub(crate) fn stloc(&mut self, n: u16) {
        self.op_u16(&[0xFE, 0x0E], n);
    }

    /// `ldc.i4 v`.
    pub(crate) fn ldc_i4(&mut self, v: i32) {
        self.code.push(0x20);
        self.code.extend_from_slice(&v.to_le_bytes());
    }

    /// `ldc.i8 v; conv.i`: a native-int constant (a type handle, an address).
    pub(crate) fn ldc_native(&mut self, v: usize) {
        self.code.push(0x21);
        self.code.extend_from_slice(&(v as i64).to_le_bytes());
        self.conv_i();
    }

    /// `dup`.
    pub(crate) fn dup(&mut self) {
        self.op(&[0x25]);
    }

    /// `add`.
    pub(crate) fn add(&mut self) {
        self.op(&[0x58]);
    }

    /// `cgt.un`.
    pub(crate) fn cgt_un(&mut self) {
        self.op(&[0xFE, 0x03]);
    }

    /// `conv.i`.
    pub(crate) fn conv_i(&mut self) {
        self.op(&[0xD3]);
    }

    /// `conv.u`.
    pub(crate) fn conv_u(&mut self) {
        self.op(&[0xE0]);
    }

    /// `conv.u1`.
    pub(crate) fn conv_u1(&mut self) {
        self.op(&[0xD2]);
    }

    /// `ldind.u1`.
    pub(crate) fn ldind_u1(&mut self) {
        self.op(&[0x47]);
    }

    /// `ldind.i`.
    pub(crate) fn ldind_i(&mut self) {
        self.op(&[0x4D]);
    }

    /// `calli token`.
    pub(crate) fn calli(&mut self, token: u32) {
        self.code.push(0x29);
        self.code.extend_from_slice(&token.to_le_bytes());
    }

    /// `ldobj token`.
    pub(crate) fn ldobj(&mut self, token: u32) {
        self.code.push(0x71);
        self.code.extend_from_slice(&token.to_le_bytes());
    }

    /// `stobj token`.
    pub(crate) fn stobj(&mut self, token: u32) {
        self.code.push(0x81);
        self.code.extend_from_slice(&token.to_le_bytes());
    }

    /// `box token`.
    pub(crate) fn box_value(&mut self, token: u32) {
        self.code.push(0x8C);
        self.code.extend_from_slice(&token.to_le_bytes());
    }

    /// `unbox token` (the address of the boxed value).
    pub(crate) fn unbox(&mut self, token: u32) {
        self.code.push(0x79);
        self.code.extend_from_slice(&token.to_le_bytes());
    }

    /// `stind.i1`.
    pub(crate) fn stind_i1(&mut self) {
        self.op(&[0x52]);
    }

    /// `call token`.
    pub(crate) fn call(&mut self, token: u32) {
        self.code.push(0x28);
        self.code.extend_from_slice(&token.to_le_bytes());
    }

    /// `newobj token`.
    pub(crate) fn newobj(&mut self, token: u32) {
        self.code.push(0x73);
        self.code.extend_from_slice(&token.to_le_bytes());
    }

    /// `ret`.
    pub(crate) fn ret(&mut self) {
        self.op(&[0x2A]);
    }

    /// `brtrue l`.
    pub(crate) fn brtrue(&mut self, l: Label) {
        self.branch(0x3A, l);
    }

    /// `bgt.un l`.
    pub(crate) fn bgt_un(&mut self, l: Label) {
        self.branch(0x42, l);
    }

    /// `localloc`.
    pub(crate) fn localloc(&mut self) {
        self.op(&[0xFE, 0x0F]);
    }

    /// `brfalse l`.
    pub(crate) fn brfalse(&mut self, l: Label) {
        self.branch(0x39, l);
    }

    /// `leave l`.
    pub(crate) fn leave(&mut self, l: Label) {
        self.branch(0xDD, l);
    }

    /// `endfinally`.
    pub(crate) fn endfinally(&mut self) {
        self.op(&[0xDC]);
    }

    /// A finally clause: protected `[try_start, handler_start)`, handler
    /// `[handler_start, handler_end)`.
    pub(crate) fn finally(&mut self, try_start: u32, handler_start: u32, handler_end: u32) {
        self.eh.push(EhClause {
            kind: EhKind::Finally,
            try_start,
            try_end: handler_start,
            handler_start,
            handler_end,
        });
    }

    /// Resolves the branches and returns the code.
    pub(crate) fn finish(mut self) -> (Vec<u8>, Vec<LocalVar>, Vec<StubToken>, Vec<EhClause>) {
        for (at, l, next) in std::mem::take(&mut self.fixups) {
            let target = self.labels[l.0].expect("every label used is placed");
            let rel = target as i32 - next as i32;
            self.code[at..at + 4].copy_from_slice(&rel.to_le_bytes());
        }
        (self.code, self.locals, self.tokens, self.eh)
    }
}
