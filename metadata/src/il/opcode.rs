//! The ECMA-335 Partition III opcode table.

/// The kind of inline operand that follows an opcode (III.1.9, `opcode.def` names in comments).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperandKind {
    /// No operand (`InlineNone`).
    None,
    /// Signed 8-bit integer (`ShortInlineI`), e.g. `ldc.i4.s`.
    Int8,
    /// Unsigned 8-bit integer, e.g. `unaligned.` and `no.`.
    UInt8,
    /// 32-bit integer (`InlineI`).
    Int32,
    /// 64-bit integer (`InlineI8`).
    Int64,
    /// 32-bit float (`ShortInlineR`).
    Float32,
    /// 64-bit float (`InlineR`).
    Float64,
    /// 8-bit argument or local index (`ShortInlineVar`).
    ShortVar,
    /// 16-bit argument or local index (`InlineVar`).
    Var,
    /// 8-bit relative branch (`ShortInlineBrTarget`).
    ShortBranch,
    /// 32-bit relative branch (`InlineBrTarget`).
    Branch,
    /// Jump table (`InlineSwitch`).
    Switch,
    /// Method token (`InlineMethod`).
    Method,
    /// Field token (`InlineField`).
    Field,
    /// Type token (`InlineType`).
    Type,
    /// Type, field or method token (`InlineTok`, for `ldtoken`).
    Tok,
    /// User string token (`InlineString`).
    String,
    /// StandAloneSig token (`InlineSig`, for `calli`).
    Sig,
}

impl OperandKind {
    /// Size of the operand in bytes (for `Switch`, the size of the count only).
    pub fn size(self) -> usize {
        match self {
            OperandKind::None => 0,
            OperandKind::Int8
            | OperandKind::UInt8
            | OperandKind::ShortVar
            | OperandKind::ShortBranch => 1,
            OperandKind::Var => 2,
            OperandKind::Int64 | OperandKind::Float64 => 8,
            _ => 4,
        }
    }

    /// Whether the operand is a metadata token.
    pub fn is_token(self) -> bool {
        matches!(
            self,
            OperandKind::Method
                | OperandKind::Field
                | OperandKind::Type
                | OperandKind::Tok
                | OperandKind::String
                | OperandKind::Sig
        )
    }
}

macro_rules! opcodes {
    (
        one_byte { $($name1:ident = $byte1:literal, $str1:literal, $kind1:ident;)+ }
        two_byte { $($name2:ident = $byte2:literal, $str2:literal, $kind2:ident;)+ }
    ) => {
        /// Every ECMA-335 Partition III opcode. The discriminant is the
        /// encoding: `0x00..=0xE0` for one-byte opcodes, `0xFE00..=0xFE1E` for
        /// two-byte ones.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum Opcode {
            $(
                #[doc = concat!("`", $str1, "`")]
                $name1 = $byte1,
            )+
            $(
                #[doc = concat!("`", $str2, "`")]
                $name2 = 0xFE00 | $byte2,
            )+
        }

        impl Opcode {
            /// Every opcode, one-byte ones first.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name1,)+ $(Opcode::$name2,)+];

            /// The one-byte opcode encoded as `byte`, if any (`0xFE` is a prefix, not an opcode).
            pub fn from_byte(byte: u8) -> Option<Opcode> {
                match byte {
                    $($byte1 => Some(Opcode::$name1),)+
                    _ => None,
                }
            }

            /// The two-byte opcode encoded as `0xFE byte`, if any.
            pub fn from_fe_byte(byte: u8) -> Option<Opcode> {
                match byte {
                    $($byte2 => Some(Opcode::$name2),)+
                    _ => None,
                }
            }

            /// The official name, e.g. `"ldarg.0"` or `"conv.ovf.i4.un"`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Opcode::$name1 => $str1,)+
                    $(Opcode::$name2 => $str2,)+
                }
            }

            /// The kind of inline operand.
            pub fn operand_kind(self) -> OperandKind {
                match self {
                    $(Opcode::$name1 => OperandKind::$kind1,)+
                    $(Opcode::$name2 => OperandKind::$kind2,)+
                }
            }
        }
    };
}

opcodes! {
    one_byte {
        Nop = 0x00, "nop", None;
        Break = 0x01, "break", None;
        Ldarg0 = 0x02, "ldarg.0", None;
        Ldarg1 = 0x03, "ldarg.1", None;
        Ldarg2 = 0x04, "ldarg.2", None;
        Ldarg3 = 0x05, "ldarg.3", None;
        Ldloc0 = 0x06, "ldloc.0", None;
        Ldloc1 = 0x07, "ldloc.1", None;
        Ldloc2 = 0x08, "ldloc.2", None;
        Ldloc3 = 0x09, "ldloc.3", None;
        Stloc0 = 0x0A, "stloc.0", None;
        Stloc1 = 0x0B, "stloc.1", None;
        Stloc2 = 0x0C, "stloc.2", None;
        Stloc3 = 0x0D, "stloc.3", None;
        LdargS = 0x0E, "ldarg.s", ShortVar;
        LdargaS = 0x0F, "ldarga.s", ShortVar;
        StargS = 0x10, "starg.s", ShortVar;
        LdlocS = 0x11, "ldloc.s", ShortVar;
        LdlocaS = 0x12, "ldloca.s", ShortVar;
        StlocS = 0x13, "stloc.s", ShortVar;
        Ldnull = 0x14, "ldnull", None;
        LdcI4M1 = 0x15, "ldc.i4.m1", None;
        LdcI40 = 0x16, "ldc.i4.0", None;
        LdcI41 = 0x17, "ldc.i4.1", None;
        LdcI42 = 0x18, "ldc.i4.2", None;
        LdcI43 = 0x19, "ldc.i4.3", None;
        LdcI44 = 0x1A, "ldc.i4.4", None;
        LdcI45 = 0x1B, "ldc.i4.5", None;
        LdcI46 = 0x1C, "ldc.i4.6", None;
        LdcI47 = 0x1D, "ldc.i4.7", None;
        LdcI48 = 0x1E, "ldc.i4.8", None;
        LdcI4S = 0x1F, "ldc.i4.s", Int8;
        LdcI4 = 0x20, "ldc.i4", Int32;
        LdcI8 = 0x21, "ldc.i8", Int64;
        LdcR4 = 0x22, "ldc.r4", Float32;
        LdcR8 = 0x23, "ldc.r8", Float64;
        Dup = 0x25, "dup", None;
        Pop = 0x26, "pop", None;
        Jmp = 0x27, "jmp", Method;
        Call = 0x28, "call", Method;
        Calli = 0x29, "calli", Sig;
        Ret = 0x2A, "ret", None;
        BrS = 0x2B, "br.s", ShortBranch;
        BrfalseS = 0x2C, "brfalse.s", ShortBranch;
        BrtrueS = 0x2D, "brtrue.s", ShortBranch;
        BeqS = 0x2E, "beq.s", ShortBranch;
        BgeS = 0x2F, "bge.s", ShortBranch;
        BgtS = 0x30, "bgt.s", ShortBranch;
        BleS = 0x31, "ble.s", ShortBranch;
        BltS = 0x32, "blt.s", ShortBranch;
        BneUnS = 0x33, "bne.un.s", ShortBranch;
        BgeUnS = 0x34, "bge.un.s", ShortBranch;
        BgtUnS = 0x35, "bgt.un.s", ShortBranch;
        BleUnS = 0x36, "ble.un.s", ShortBranch;
        BltUnS = 0x37, "blt.un.s", ShortBranch;
        Br = 0x38, "br", Branch;
        Brfalse = 0x39, "brfalse", Branch;
        Brtrue = 0x3A, "brtrue", Branch;
        Beq = 0x3B, "beq", Branch;
        Bge = 0x3C, "bge", Branch;
        Bgt = 0x3D, "bgt", Branch;
        Ble = 0x3E, "ble", Branch;
        Blt = 0x3F, "blt", Branch;
        BneUn = 0x40, "bne.un", Branch;
        BgeUn = 0x41, "bge.un", Branch;
        BgtUn = 0x42, "bgt.un", Branch;
        BleUn = 0x43, "ble.un", Branch;
        BltUn = 0x44, "blt.un", Branch;
        Switch = 0x45, "switch", Switch;
        LdindI1 = 0x46, "ldind.i1", None;
        LdindU1 = 0x47, "ldind.u1", None;
        LdindI2 = 0x48, "ldind.i2", None;
        LdindU2 = 0x49, "ldind.u2", None;
        LdindI4 = 0x4A, "ldind.i4", None;
        LdindU4 = 0x4B, "ldind.u4", None;
        LdindI8 = 0x4C, "ldind.i8", None;
        LdindI = 0x4D, "ldind.i", None;
        LdindR4 = 0x4E, "ldind.r4", None;
        LdindR8 = 0x4F, "ldind.r8", None;
        LdindRef = 0x50, "ldind.ref", None;
        StindRef = 0x51, "stind.ref", None;
        StindI1 = 0x52, "stind.i1", None;
        StindI2 = 0x53, "stind.i2", None;
        StindI4 = 0x54, "stind.i4", None;
        StindI8 = 0x55, "stind.i8", None;
        StindR4 = 0x56, "stind.r4", None;
        StindR8 = 0x57, "stind.r8", None;
        Add = 0x58, "add", None;
        Sub = 0x59, "sub", None;
        Mul = 0x5A, "mul", None;
        Div = 0x5B, "div", None;
        DivUn = 0x5C, "div.un", None;
        Rem = 0x5D, "rem", None;
        RemUn = 0x5E, "rem.un", None;
        And = 0x5F, "and", None;
        Or = 0x60, "or", None;
        Xor = 0x61, "xor", None;
        Shl = 0x62, "shl", None;
        Shr = 0x63, "shr", None;
        ShrUn = 0x64, "shr.un", None;
        Neg = 0x65, "neg", None;
        Not = 0x66, "not", None;
        ConvI1 = 0x67, "conv.i1", None;
        ConvI2 = 0x68, "conv.i2", None;
        ConvI4 = 0x69, "conv.i4", None;
        ConvI8 = 0x6A, "conv.i8", None;
        ConvR4 = 0x6B, "conv.r4", None;
        ConvR8 = 0x6C, "conv.r8", None;
        ConvU4 = 0x6D, "conv.u4", None;
        ConvU8 = 0x6E, "conv.u8", None;
        Callvirt = 0x6F, "callvirt", Method;
        Cpobj = 0x70, "cpobj", Type;
        Ldobj = 0x71, "ldobj", Type;
        Ldstr = 0x72, "ldstr", String;
        Newobj = 0x73, "newobj", Method;
        Castclass = 0x74, "castclass", Type;
        Isinst = 0x75, "isinst", Type;
        ConvRUn = 0x76, "conv.r.un", None;
        Unbox = 0x79, "unbox", Type;
        Throw = 0x7A, "throw", None;
        Ldfld = 0x7B, "ldfld", Field;
        Ldflda = 0x7C, "ldflda", Field;
        Stfld = 0x7D, "stfld", Field;
        Ldsfld = 0x7E, "ldsfld", Field;
        Ldsflda = 0x7F, "ldsflda", Field;
        Stsfld = 0x80, "stsfld", Field;
        Stobj = 0x81, "stobj", Type;
        ConvOvfI1Un = 0x82, "conv.ovf.i1.un", None;
        ConvOvfI2Un = 0x83, "conv.ovf.i2.un", None;
        ConvOvfI4Un = 0x84, "conv.ovf.i4.un", None;
        ConvOvfI8Un = 0x85, "conv.ovf.i8.un", None;
        ConvOvfU1Un = 0x86, "conv.ovf.u1.un", None;
        ConvOvfU2Un = 0x87, "conv.ovf.u2.un", None;
        ConvOvfU4Un = 0x88, "conv.ovf.u4.un", None;
        ConvOvfU8Un = 0x89, "conv.ovf.u8.un", None;
        ConvOvfIUn = 0x8A, "conv.ovf.i.un", None;
        ConvOvfUUn = 0x8B, "conv.ovf.u.un", None;
        Box = 0x8C, "box", Type;
        Newarr = 0x8D, "newarr", Type;
        Ldlen = 0x8E, "ldlen", None;
        Ldelema = 0x8F, "ldelema", Type;
        LdelemI1 = 0x90, "ldelem.i1", None;
        LdelemU1 = 0x91, "ldelem.u1", None;
        LdelemI2 = 0x92, "ldelem.i2", None;
        LdelemU2 = 0x93, "ldelem.u2", None;
        LdelemI4 = 0x94, "ldelem.i4", None;
        LdelemU4 = 0x95, "ldelem.u4", None;
        LdelemI8 = 0x96, "ldelem.i8", None;
        LdelemI = 0x97, "ldelem.i", None;
        LdelemR4 = 0x98, "ldelem.r4", None;
        LdelemR8 = 0x99, "ldelem.r8", None;
        LdelemRef = 0x9A, "ldelem.ref", None;
        StelemI = 0x9B, "stelem.i", None;
        StelemI1 = 0x9C, "stelem.i1", None;
        StelemI2 = 0x9D, "stelem.i2", None;
        StelemI4 = 0x9E, "stelem.i4", None;
        StelemI8 = 0x9F, "stelem.i8", None;
        StelemR4 = 0xA0, "stelem.r4", None;
        StelemR8 = 0xA1, "stelem.r8", None;
        StelemRef = 0xA2, "stelem.ref", None;
        Ldelem = 0xA3, "ldelem", Type;
        Stelem = 0xA4, "stelem", Type;
        UnboxAny = 0xA5, "unbox.any", Type;
        ConvOvfI1 = 0xB3, "conv.ovf.i1", None;
        ConvOvfU1 = 0xB4, "conv.ovf.u1", None;
        ConvOvfI2 = 0xB5, "conv.ovf.i2", None;
        ConvOvfU2 = 0xB6, "conv.ovf.u2", None;
        ConvOvfI4 = 0xB7, "conv.ovf.i4", None;
        ConvOvfU4 = 0xB8, "conv.ovf.u4", None;
        ConvOvfI8 = 0xB9, "conv.ovf.i8", None;
        ConvOvfU8 = 0xBA, "conv.ovf.u8", None;
        Refanyval = 0xC2, "refanyval", Type;
        Ckfinite = 0xC3, "ckfinite", None;
        Mkrefany = 0xC6, "mkrefany", Type;
        Ldtoken = 0xD0, "ldtoken", Tok;
        ConvU2 = 0xD1, "conv.u2", None;
        ConvU1 = 0xD2, "conv.u1", None;
        ConvI = 0xD3, "conv.i", None;
        ConvOvfI = 0xD4, "conv.ovf.i", None;
        ConvOvfU = 0xD5, "conv.ovf.u", None;
        AddOvf = 0xD6, "add.ovf", None;
        AddOvfUn = 0xD7, "add.ovf.un", None;
        MulOvf = 0xD8, "mul.ovf", None;
        MulOvfUn = 0xD9, "mul.ovf.un", None;
        SubOvf = 0xDA, "sub.ovf", None;
        SubOvfUn = 0xDB, "sub.ovf.un", None;
        Endfinally = 0xDC, "endfinally", None;
        Leave = 0xDD, "leave", Branch;
        LeaveS = 0xDE, "leave.s", ShortBranch;
        StindI = 0xDF, "stind.i", None;
        ConvU = 0xE0, "conv.u", None;
    }
    two_byte {
        Arglist = 0x00, "arglist", None;
        Ceq = 0x01, "ceq", None;
        Cgt = 0x02, "cgt", None;
        CgtUn = 0x03, "cgt.un", None;
        Clt = 0x04, "clt", None;
        CltUn = 0x05, "clt.un", None;
        Ldftn = 0x06, "ldftn", Method;
        Ldvirtftn = 0x07, "ldvirtftn", Method;
        Ldarg = 0x09, "ldarg", Var;
        Ldarga = 0x0A, "ldarga", Var;
        Starg = 0x0B, "starg", Var;
        Ldloc = 0x0C, "ldloc", Var;
        Ldloca = 0x0D, "ldloca", Var;
        Stloc = 0x0E, "stloc", Var;
        Localloc = 0x0F, "localloc", None;
        Endfilter = 0x11, "endfilter", None;
        Unaligned = 0x12, "unaligned.", UInt8;
        Volatile = 0x13, "volatile.", None;
        Tail = 0x14, "tail.", None;
        Initobj = 0x15, "initobj", Type;
        Constrained = 0x16, "constrained.", Type;
        Cpblk = 0x17, "cpblk", None;
        Initblk = 0x18, "initblk", None;
        No = 0x19, "no.", UInt8;
        Rethrow = 0x1A, "rethrow", None;
        Sizeof = 0x1C, "sizeof", Type;
        Refanytype = 0x1D, "refanytype", None;
        Readonly = 0x1E, "readonly.", None;
    }
}

impl Opcode {
    /// The encoding: the byte for one-byte opcodes, `0xFExx` for two-byte ones.
    pub fn value(self) -> u16 {
        self as u16
    }

    /// Size of the opcode itself (1 or 2 bytes).
    pub fn size(self) -> usize {
        if self.value() >= 0xFE00 {
            2
        } else {
            1
        }
    }

    /// Whether this is a prefix (`unaligned.`, `volatile.`, `tail.`,
    /// `constrained.`, `readonly.`, `no.`) that modifies the next instruction.
    pub fn is_prefix(self) -> bool {
        matches!(
            self,
            Opcode::Unaligned
                | Opcode::Volatile
                | Opcode::Tail
                | Opcode::Constrained
                | Opcode::Readonly
                | Opcode::No
        )
    }
}

impl std::fmt::Display for Opcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        // ECMA-335 (6th edition) defines 191 one-byte and 28 two-byte opcodes;
        // cross-checked against Mono's System.Reflection.Emit.OpCodes (which
        // lacks only `no.`).
        assert_eq!(Opcode::ALL.len(), 219);
        let mut names = std::collections::HashSet::new();
        for &op in Opcode::ALL {
            assert!(names.insert(op.name()), "duplicate name {}", op.name());
            let decoded = if op.size() == 2 {
                Opcode::from_fe_byte(op.value() as u8)
            } else {
                Opcode::from_byte(op.value() as u8)
            };
            assert_eq!(decoded, Some(op));
        }
        assert_eq!(Opcode::from_byte(0xFE), None);
        assert_eq!(Opcode::from_byte(0x24), None);
        assert_eq!(Opcode::from_fe_byte(0x08), None);
        assert_eq!(Opcode::ConvOvfI4Un.name(), "conv.ovf.i4.un");
        assert_eq!(Opcode::StelemRef.name(), "stelem.ref");
        assert_eq!(Opcode::Constrained.operand_kind(), OperandKind::Type);
        assert!(Opcode::Tail.is_prefix());
    }
}
