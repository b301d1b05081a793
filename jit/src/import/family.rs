//! The opcode families the importer's dispatch ([`Importer::import_one`])
//! routes instructions to, as CoreCLR's importer groups its opcode switch.
//! Each family is imported by one function in its own module.
//!
//! [`Importer::import_one`]: super::Importer

use osprey_metadata::il::Opcode;

/// What an instruction is, for the importer's dispatch.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Family {
    /// `nop`, `break`.
    Nop,
    /// Loads and stores of arguments and locals, `dup`, `pop`
    /// ([`variables`](super::variables)).
    Variable,
    /// `ldc.*`, `ldnull`, `ldstr` ([`constants`](super::constants)).
    Constant,
    /// Binary operators, `neg`, `not`, comparisons, `ckfinite`
    /// ([`arith`](super::arith)).
    Arithmetic,
    /// `conv.*` ([`arith`](super::arith)).
    Conversion,
    /// Branches, `switch`, `ret` ([`branches`](super::branches)).
    Branch,
    /// `call`, `callvirt`, `calli`, `ldftn`, `ldvirtftn` ([`calls`](super::calls)).
    Call,
    /// Instance and static field access ([`objects`](super::objects)).
    Field,
    /// `newobj`, casts, boxing, `ldtoken`, `sizeof` ([`objects`](super::objects)).
    Object,
    /// `ldlen`, element loads and addresses, `newarr` ([`arrays`](super::arrays)).
    Array,
    /// `stelem.*`, `stelem` ([`arrays`](super::arrays)).
    StoreElement,
    /// Loads and stores through addresses, block operations, `localloc`
    /// ([`indirect`](super::indirect)).
    Indirect,
    /// `stind.*` ([`indirect`](super::indirect)).
    StoreIndirect,
    /// `leave`, `endfinally`, `endfilter`, `rethrow`, `throw` ([`eh`](super::eh)).
    ExceptionHandling,
    /// What the importer does not handle (`jmp`, `arglist`, `mkrefany`,
    /// `refanyval`, `refanytype`, ...). Prefixes never reach the dispatch
    /// ([`prefixes`](super::prefixes) reads them first).
    Unsupported,
}

impl Family {
    /// The family of `op`.
    pub(super) fn of(op: Opcode) -> Family {
        Family::of_value_op(op)
            .or_else(|| Family::of_object_op(op))
            .unwrap_or(Family::Unsupported)
    }

    /// The families of instructions on values and control flow: variables,
    /// constants, arithmetic, conversions, branches.
    fn of_value_op(op: Opcode) -> Option<Family> {
        use Opcode as O;
        Some(match op {
            O::Nop | O::Break => Family::Nop,
            O::Ldarg0
            | O::Ldarg1
            | O::Ldarg2
            | O::Ldarg3
            | O::LdargS
            | O::Ldarg
            | O::LdargaS
            | O::Ldarga
            | O::StargS
            | O::Starg
            | O::Ldloc0
            | O::Ldloc1
            | O::Ldloc2
            | O::Ldloc3
            | O::LdlocS
            | O::Ldloc
            | O::LdlocaS
            | O::Ldloca
            | O::Stloc0
            | O::Stloc1
            | O::Stloc2
            | O::Stloc3
            | O::StlocS
            | O::Stloc
            | O::Dup
            | O::Pop => Family::Variable,
            O::LdcI4M1
            | O::LdcI40
            | O::LdcI41
            | O::LdcI42
            | O::LdcI43
            | O::LdcI44
            | O::LdcI45
            | O::LdcI46
            | O::LdcI47
            | O::LdcI48
            | O::LdcI4S
            | O::LdcI4
            | O::LdcI8
            | O::LdcR4
            | O::LdcR8
            | O::Ldnull
            | O::Ldstr => Family::Constant,
            O::Add
            | O::Sub
            | O::Mul
            | O::Div
            | O::DivUn
            | O::Rem
            | O::RemUn
            | O::And
            | O::Or
            | O::Xor
            | O::Shl
            | O::Shr
            | O::ShrUn
            | O::AddOvf
            | O::AddOvfUn
            | O::SubOvf
            | O::SubOvfUn
            | O::MulOvf
            | O::MulOvfUn
            | O::Neg
            | O::Not
            | O::Ceq
            | O::Cgt
            | O::CgtUn
            | O::Clt
            | O::CltUn
            | O::Ckfinite => Family::Arithmetic,
            O::ConvI1
            | O::ConvI2
            | O::ConvI4
            | O::ConvI8
            | O::ConvU1
            | O::ConvU2
            | O::ConvU4
            | O::ConvU8
            | O::ConvI
            | O::ConvU
            | O::ConvR4
            | O::ConvR8
            | O::ConvRUn
            | O::ConvOvfI1
            | O::ConvOvfI2
            | O::ConvOvfI4
            | O::ConvOvfI8
            | O::ConvOvfU1
            | O::ConvOvfU2
            | O::ConvOvfU4
            | O::ConvOvfU8
            | O::ConvOvfI
            | O::ConvOvfU
            | O::ConvOvfI1Un
            | O::ConvOvfI2Un
            | O::ConvOvfI4Un
            | O::ConvOvfI8Un
            | O::ConvOvfU1Un
            | O::ConvOvfU2Un
            | O::ConvOvfU4Un
            | O::ConvOvfU8Un
            | O::ConvOvfIUn
            | O::ConvOvfUUn => Family::Conversion,
            O::Br
            | O::BrS
            | O::Brtrue
            | O::BrtrueS
            | O::Brfalse
            | O::BrfalseS
            | O::Beq
            | O::BeqS
            | O::Bge
            | O::BgeS
            | O::BgeUn
            | O::BgeUnS
            | O::Bgt
            | O::BgtS
            | O::BgtUn
            | O::BgtUnS
            | O::Ble
            | O::BleS
            | O::BleUn
            | O::BleUnS
            | O::Blt
            | O::BltS
            | O::BltUn
            | O::BltUnS
            | O::BneUn
            | O::BneUnS
            | O::Switch
            | O::Ret => Family::Branch,
            _ => return None,
        })
    }

    /// The families of instructions on the object model and memory: calls,
    /// fields, objects, arrays, indirect access, exception handling.
    fn of_object_op(op: Opcode) -> Option<Family> {
        use Opcode as O;
        Some(match op {
            O::Call | O::Callvirt | O::Calli | O::Ldftn | O::Ldvirtftn => Family::Call,
            O::Ldfld | O::Ldflda | O::Stfld | O::Ldsfld | O::Ldsflda | O::Stsfld => Family::Field,
            O::Newobj
            | O::Castclass
            | O::Isinst
            | O::Box
            | O::Unbox
            | O::UnboxAny
            | O::Ldtoken
            | O::Sizeof => Family::Object,
            O::Ldlen
            | O::LdelemI1
            | O::LdelemU1
            | O::LdelemI2
            | O::LdelemU2
            | O::LdelemI4
            | O::LdelemU4
            | O::LdelemI8
            | O::LdelemI
            | O::LdelemR4
            | O::LdelemR8
            | O::LdelemRef
            | O::Ldelem
            | O::Ldelema
            | O::Newarr => Family::Array,
            O::StelemI1
            | O::StelemI2
            | O::StelemI4
            | O::StelemI8
            | O::StelemI
            | O::StelemR4
            | O::StelemR8
            | O::StelemRef
            | O::Stelem => Family::StoreElement,
            O::LdindI1
            | O::LdindU1
            | O::LdindI2
            | O::LdindU2
            | O::LdindI4
            | O::LdindU4
            | O::LdindI8
            | O::LdindI
            | O::LdindR4
            | O::LdindR8
            | O::LdindRef
            | O::Ldobj
            | O::Stobj
            | O::Initobj
            | O::Cpobj
            | O::Cpblk
            | O::Initblk
            | O::Localloc => Family::Indirect,
            O::StindI1
            | O::StindI2
            | O::StindI4
            | O::StindI8
            | O::StindI
            | O::StindR4
            | O::StindR8
            | O::StindRef => Family::StoreIndirect,
            O::Leave | O::LeaveS | O::Endfinally | O::Endfilter | O::Rethrow | O::Throw => {
                Family::ExceptionHandling
            }
            _ => return None,
        })
    }
}
