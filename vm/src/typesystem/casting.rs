//! Casting rules (ECMA-335 I.8.7): when a value of one type may be stored
//! where another is expected, by inheritance, interfaces, variance and
//! array covariance. Used by the cast helpers, interface dispatch and the
//! checks of generic constraints.

use super::types::{Primitive, TypeHandle, TypeKind};

/// Whether a value of type `from` can be stored where `to` is expected
/// (ECMA-335 I.8.7, for the runtime type of an object: the same type, a
/// base class, an implemented interface (also by variance), `System.Object`,
/// an array whose elements are compatible (I.8.7.1), and a delegate type
/// converting by variance).
pub fn is_assignable(from: TypeHandle, to: TypeHandle) -> bool {
    if from == to || from.is_subclass_of(to) {
        return true;
    }
    if to.is_interface() {
        return from.interfaces.iter().any(|&i| {
            i == to || is_variant_convertible(i, to) || is_array_covariant_interface(from, i, to)
        });
    }
    if is_variant_convertible(from, to) {
        return true;
    }
    // Every reference type is an object, interfaces included (whose
    // parent is null, so `is_subclass_of` does not see it): this makes
    // `ICloneable[]` an `object[]`.
    if is_system_object(to) && !from.is_value_type() {
        return true;
    }
    match (from.kind, to.kind, from.element, to.element) {
        (TypeKind::SzArray, TypeKind::SzArray, Some(fe), Some(te))
        | (TypeKind::MdArray(_), TypeKind::MdArray(_), Some(fe), Some(te))
            if from.kind == to.kind =>
        {
            array_element_compatible(fe, te)
        }
        _ => false,
    }
}

/// `System.Object`: the only class without a parent.
fn is_system_object(t: TypeHandle) -> bool {
    t.kind == TypeKind::Class && t.parent().is_none()
}

/// Whether an array of `from` elements is an array of `to` elements
/// (ECMA-335 I.8.7.1, array-element-compatible-with): reference elements
/// by assignment compatibility (covariance, at any depth: `string[][]` is
/// an `object[][]`), value elements when they are the same type or
/// primitives and enums of the same reduced type (`int[]` is a `uint[]`
/// and an `E[]` for `enum E : int`; `bool[]` is not a `byte[]`, nor
/// `char[]` a `ushort[]`), as CoreCLR and mono do.
fn array_element_compatible(from: TypeHandle, to: TypeHandle) -> bool {
    if from == to {
        return true;
    }
    if from.is_value_type() || to.is_value_type() {
        return matches!((reduced_type(from), reduced_type(to)), (Some(a), Some(b)) if a == b);
    }
    is_assignable(from, to)
}

/// The reduced type of a primitive or enum element (ECMA-335 I.8.7):
/// unsigned integers as the signed ones of their size; native integers as
/// 64-bit ones (x86-64: CoreCLR and mono treat `IntPtr[]` as a `long[]`);
/// `bool`, `char` and the floats as themselves. `None` for other types.
fn reduced_type(t: TypeHandle) -> Option<Primitive> {
    use Primitive as P;
    let (TypeKind::Primitive(p) | TypeKind::Enum(p)) = t.kind else {
        return None;
    };
    Some(match p {
        P::U1 => P::I1,
        P::U2 => P::I2,
        P::U4 => P::I4,
        P::U8 | P::I | P::U => P::I8,
        other => other,
    })
}

/// Array covariance through the collection interfaces (ECMA-335 I.8.7.1):
/// the array type `array` implements `own` (`IList<string>` for
/// `string[]`), and so also `to` (`IList<object>`) when `to` is the same
/// interface over a reference type the element type is assignable to.
pub fn is_array_covariant_interface(array: TypeHandle, own: TypeHandle, to: TypeHandle) -> bool {
    let (Some(e), [target]) = (array.element, to.instantiation.as_slice()) else {
        return false;
    };
    array.kind == TypeKind::SzArray
        && own.def == to.def
        && own.instantiation.as_slice() == [e]
        && !e.is_value_type()
        && !target.is_value_type()
        && is_assignable(e, *target)
}

/// Whether `from` converts to `to` by the variance of their common generic
/// interface or delegate definition (ECMA-335 II.9.11): each type argument
/// is the same, or, for an `out` parameter, a reference type assignable to
/// the target's, or, for an `in` parameter, one the target's is assignable
/// to. Variance never applies to value-type arguments.
pub fn is_variant_convertible(from: TypeHandle, to: TypeHandle) -> bool {
    use super::types::Variance;
    if from == to {
        return true;
    }
    if from.def != to.def
        || to.variance.iter().all(|v| *v == Variance::None)
        || from.instantiation.len() != to.instantiation.len()
    {
        return false;
    }
    from.instantiation
        .iter()
        .zip(&to.instantiation)
        .zip(&to.variance)
        .all(|((&f, &t), v)| {
            let refs = !f.is_value_type() && !t.is_value_type();
            f == t
                || match v {
                    Variance::None => false,
                    Variance::Covariant => refs && is_assignable(f, t),
                    Variance::Contravariant => refs && is_assignable(t, f),
                }
        })
}
