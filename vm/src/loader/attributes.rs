//! Reading custom attributes (only whether one is present, for now).

use osprey_metadata::tables::{CustomAttributeType, MemberRefParent};
use osprey_metadata::{Image, Token};

/// The full name of the type whose constructor a custom attribute row names.
fn attribute_type_name(img: &Image<'_>, ctor: CustomAttributeType) -> Option<String> {
    let owner = match ctor {
        CustomAttributeType::MethodDef(rid) => {
            let t = img.method_owner(rid).ok()??;
            return img.type_def_full_name(t).ok();
        }
        CustomAttributeType::MemberRef(rid) => img.member_ref(rid).ok()?.class,
    };
    match owner {
        MemberRefParent::TypeRef(rid) => img.type_ref_full_name(rid).ok(),
        MemberRefParent::TypeDef(rid) => img.type_def_full_name(rid).ok(),
        _ => None,
    }
}

/// Whether `token` carries an attribute of type `full_name`
/// (`System.Runtime.InteropServices.SuppressGCTransitionAttribute`).
/// Malformed attribute rows count as absent.
pub fn has_attribute(img: &Image<'_>, token: Token, full_name: &str) -> bool {
    let Ok(attrs) = img.custom_attributes_of(token) else {
        return false;
    };
    attrs
        .flatten()
        .any(|a| attribute_type_name(img, a.constructor).as_deref() == Some(full_name))
}
