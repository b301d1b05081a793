//! The one table of the types that typed CIL memory opcodes move.

use osprey_metadata::il::Opcode;

use crate::types::JitType;

/// The type of the value a typed indirect (`ldind.*`, `stind.*`) or array
/// element (`ldelem.*`, `stelem.*`) opcode loads or stores; `Ref` for the
/// `.ref` forms. The `ldind.u*` and `ldelem.u*` loads zero-extend, so they
/// name the unsigned type; the stores have no unsigned forms (ECMA-335
/// III.3.42, III.3.62, III.4.7, III.4.26).
pub(crate) fn access_type(op: Opcode) -> JitType {
    use Opcode as O;
    match op {
        O::LdindI1 | O::StindI1 | O::LdelemI1 | O::StelemI1 => JitType::I1,
        O::LdindU1 | O::LdelemU1 => JitType::U1,
        O::LdindI2 | O::StindI2 | O::LdelemI2 | O::StelemI2 => JitType::I2,
        O::LdindU2 | O::LdelemU2 => JitType::U2,
        O::LdindI4 | O::StindI4 | O::LdelemI4 | O::StelemI4 => JitType::I4,
        O::LdindU4 | O::LdelemU4 => JitType::U4,
        O::LdindI8 | O::StindI8 | O::LdelemI8 | O::StelemI8 => JitType::I8,
        O::LdindI | O::StindI | O::LdelemI | O::StelemI => JitType::I,
        O::LdindR4 | O::StindR4 | O::LdelemR4 | O::StelemR4 => JitType::R4,
        O::LdindR8 | O::StindR8 | O::LdelemR8 | O::StelemR8 => JitType::R8,
        _ => JitType::Ref,
    }
}
