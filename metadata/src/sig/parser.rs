//! The signature decoder.

use super::element_type as et;
use super::sig_kind;
use super::types::*;
use super::MAX_DEPTH;
use crate::compressed;
use crate::error::{MetadataError, Result, SigError};
use crate::tables::TypeDefOrRef;
use crate::Primitive;

/// Cursor over one blob, tracking nesting depth.
struct SigReader<'a> {
    data: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> SigReader<'a> {
    fn new(data: &'a [u8]) -> Self {
        SigReader {
            data,
            pos: 0,
            depth: 0,
        }
    }

    fn error(&self, error: SigError) -> MetadataError {
        MetadataError::Signature {
            position: self.pos,
            error,
        }
    }

    fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    fn peek(&self) -> Result<u8> {
        self.data
            .get(self.pos)
            .copied()
            .ok_or_else(|| self.error(SigError::UnexpectedEnd))
    }

    fn u8(&mut self) -> Result<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Ok(b)
    }

    fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or(&[])
    }

    fn compressed_error(&self, e: MetadataError) -> MetadataError {
        match e {
            MetadataError::BadCompressedInteger {
                first_byte,
                truncated: false,
            } => self.error(SigError::BadCompressedInteger { first_byte }),
            _ => self.error(SigError::UnexpectedEnd),
        }
    }

    fn compressed_u32(&mut self) -> Result<u32> {
        let (value, len) =
            compressed::decode_u32(self.rest()).map_err(|e| self.compressed_error(e))?;
        self.pos += len;
        Ok(value)
    }

    fn compressed_i32(&mut self) -> Result<i32> {
        let (value, len) =
            compressed::decode_i32(self.rest()).map_err(|e| self.compressed_error(e))?;
        self.pos += len;
        Ok(value)
    }

    /// A count of items that each take at least one byte.
    fn count(&mut self) -> Result<u32> {
        let count = self.compressed_u32()?;
        let remaining = self.remaining();
        if count as usize > remaining {
            return Err(self.error(SigError::CountTooLarge { count, remaining }));
        }
        Ok(count)
    }

    /// `TypeDefOrRefOrSpecEncoded` (II.23.2.8).
    fn type_def_or_ref(&mut self) -> Result<TypeDefOrRef> {
        let start = self.pos;
        let raw = self.compressed_u32()?;
        let rid = raw >> 2;
        let fail = |e| MetadataError::Signature {
            position: start,
            error: e,
        };
        if rid == 0 {
            return Err(fail(SigError::NullTypeReference));
        }
        match raw & 3 {
            0 => Ok(TypeDefOrRef::TypeDef(rid)),
            1 => Ok(TypeDefOrRef::TypeRef(rid)),
            2 => Ok(TypeDefOrRef::TypeSpec(rid)),
            _ => Err(fail(SigError::BadTypeDefOrRefTag { raw })),
        }
    }

    /// A type, with leading custom modifiers, `pinned` and `byref` folded into the tree.
    fn ty(&mut self) -> Result<TypeSig> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(SigError::TooDeep));
        }
        self.depth += 1;
        let result = self.ty_inner();
        self.depth -= 1;
        result
    }

    fn boxed(&mut self) -> Result<Box<TypeSig>> {
        self.ty().map(Box::new)
    }

    fn ty_inner(&mut self) -> Result<TypeSig> {
        let start = self.pos;
        let b = self.u8()?;
        if let Some(p) = Primitive::from_element_type(b) {
            return Ok(TypeSig::Prim(p));
        }
        Ok(match b {
            et::VOID => TypeSig::Void,
            et::STRING => TypeSig::String,
            et::OBJECT => TypeSig::Object,
            et::TYPEDBYREF => TypeSig::TypedByRef,
            et::CLASS => TypeSig::Class(self.type_def_or_ref()?),
            et::VALUETYPE => TypeSig::ValueType(self.type_def_or_ref()?),
            et::PTR => TypeSig::Ptr(self.boxed()?),
            et::BYREF => TypeSig::ByRef(self.boxed()?),
            et::SZARRAY => TypeSig::SzArray(self.boxed()?),
            et::PINNED => TypeSig::Pinned(self.boxed()?),
            et::VAR => TypeSig::Var(self.compressed_u32()?),
            et::MVAR => TypeSig::MVar(self.compressed_u32()?),
            et::CMOD_REQD | et::CMOD_OPT => {
                let modifier = self.type_def_or_ref()?;
                TypeSig::Modified {
                    required: b == et::CMOD_REQD,
                    modifier,
                    inner: self.boxed()?,
                }
            }
            et::ARRAY => self.array()?,
            et::GENERICINST => self.generic_inst()?,
            et::FNPTR => {
                let first = self.u8()?;
                TypeSig::FnPtr(Box::new(self.method_sig(first)?))
            }
            _ => {
                return Err(MetadataError::Signature {
                    position: start,
                    error: SigError::BadElementType { byte: b },
                })
            }
        })
    }

    /// `ARRAY Type Rank NumSizes Size* NumLoBounds LoBound*` (after `ARRAY`).
    fn array(&mut self) -> Result<TypeSig> {
        let elem = self.boxed()?;
        let rank = self.compressed_u32()?;
        let num_sizes = self.count()?;
        let mut sizes = Vec::new();
        for _ in 0..num_sizes {
            sizes.push(self.compressed_u32()?);
        }
        let num_lo_bounds = self.count()?;
        let mut lo_bounds = Vec::new();
        for _ in 0..num_lo_bounds {
            lo_bounds.push(self.compressed_i32()?);
        }
        Ok(TypeSig::Array {
            elem,
            rank,
            sizes,
            lo_bounds,
        })
    }

    /// `GENERICINST (CLASS | VALUETYPE) TypeDefOrRef GenArgCount Type*` (after `GENERICINST`).
    fn generic_inst(&mut self) -> Result<TypeSig> {
        let start = self.pos;
        let is_value_type = match self.u8()? {
            et::CLASS => false,
            et::VALUETYPE => true,
            byte => {
                return Err(MetadataError::Signature {
                    position: start,
                    error: SigError::BadElementType { byte },
                })
            }
        };
        let generic = self.type_def_or_ref()?;
        let args = self.types()?;
        Ok(TypeSig::GenericInst {
            is_value_type,
            generic,
            args,
        })
    }

    /// A count followed by that many types.
    fn types(&mut self) -> Result<Vec<TypeSig>> {
        let count = self.count()?;
        let mut out = Vec::new();
        for _ in 0..count {
            out.push(self.ty()?);
        }
        Ok(out)
    }

    /// A method signature whose first byte (`first`) was already read.
    fn method_sig(&mut self, first: u8) -> Result<MethodSig> {
        let bad = || MetadataError::Signature {
            position: self.pos.saturating_sub(1),
            error: SigError::BadCallingConvention {
                expected: "method",
                byte: first,
            },
        };
        let call_conv = CallingConvention::from_nibble(first & 0x0F).ok_or_else(bad)?;
        if first & 0x80 != 0 {
            return Err(bad());
        }
        let generic_param_count = if first & sig_kind::GENERIC != 0 {
            self.compressed_u32()?
        } else {
            0
        };
        let param_count = self.count()?;
        let ret = self.ty()?;
        let mut params = Vec::new();
        let mut sentinel = None;
        while params.len() < param_count as usize {
            if self.peek()? == et::SENTINEL {
                let vararg = matches!(call_conv, CallingConvention::VarArg | CallingConvention::C);
                if sentinel.is_some() || !vararg {
                    return Err(self.error(SigError::UnexpectedSentinel));
                }
                sentinel = Some(params.len());
                self.pos += 1;
                continue;
            }
            params.push(self.ty()?);
        }
        Ok(MethodSig {
            has_this: first & sig_kind::HASTHIS != 0,
            explicit_this: first & sig_kind::EXPLICITTHIS != 0,
            call_conv,
            generic_param_count,
            ret,
            params,
            sentinel,
        })
    }

    /// Reads the first byte and checks it against `expected` (flag bits in `allowed_flags` ignored).
    fn expect_kind(&mut self, kind: u8, allowed_flags: u8, what: &'static str) -> Result<u8> {
        let b = self.u8()?;
        if b & !allowed_flags != kind {
            return Err(MetadataError::Signature {
                position: 0,
                error: SigError::BadCallingConvention {
                    expected: what,
                    byte: b,
                },
            });
        }
        Ok(b)
    }

    fn field_sig_after_kind(&mut self) -> Result<FieldSig> {
        Ok(FieldSig { ty: self.ty()? })
    }

    fn local_sig_after_kind(&mut self) -> Result<LocalSig> {
        Ok(LocalSig {
            locals: self.types()?,
        })
    }
}

/// Decodes a method signature (MethodDefSig, MethodRefSig or StandAloneMethodSig).
pub fn parse_method_sig(blob: &[u8]) -> Result<MethodSig> {
    let mut r = SigReader::new(blob);
    let first = r.u8()?;
    if matches!(
        first & 0x0F,
        sig_kind::FIELD | sig_kind::LOCAL_SIG | sig_kind::PROPERTY | sig_kind::GENERICINST
    ) {
        return Err(MetadataError::Signature {
            position: 0,
            error: SigError::BadCallingConvention {
                expected: "method",
                byte: first,
            },
        });
    }
    r.method_sig(first)
}

/// Decodes a field signature (`FIELD CustomMod* Type`).
pub fn parse_field_sig(blob: &[u8]) -> Result<FieldSig> {
    let mut r = SigReader::new(blob);
    r.expect_kind(sig_kind::FIELD, 0, "field")?;
    r.field_sig_after_kind()
}

/// Decodes a property signature (`PROPERTY [HASTHIS] ParamCount CustomMod* Type Param*`).
pub fn parse_property_sig(blob: &[u8]) -> Result<PropertySig> {
    let mut r = SigReader::new(blob);
    let first = r.expect_kind(sig_kind::PROPERTY, sig_kind::HASTHIS, "property")?;
    let count = r.count()?;
    let ty = r.ty()?;
    let mut params = Vec::new();
    for _ in 0..count {
        params.push(r.ty()?);
    }
    Ok(PropertySig {
        has_this: first & sig_kind::HASTHIS != 0,
        ty,
        params,
    })
}

/// Decodes a local variables signature (`LOCAL_SIG Count Type+`).
pub fn parse_local_sig(blob: &[u8]) -> Result<LocalSig> {
    let mut r = SigReader::new(blob);
    r.expect_kind(sig_kind::LOCAL_SIG, 0, "local variables")?;
    r.local_sig_after_kind()
}

/// Decodes a TypeSpec blob (a single type).
pub fn parse_type_spec(blob: &[u8]) -> Result<TypeSig> {
    parse_type(blob)
}

/// Decodes a single type at the start of `blob`.
pub fn parse_type(blob: &[u8]) -> Result<TypeSig> {
    SigReader::new(blob).ty()
}

/// Decodes a MethodSpec instantiation (`GENERICINST GenArgCount Type+`).
pub fn parse_method_spec(blob: &[u8]) -> Result<MethodSpecSig> {
    let mut r = SigReader::new(blob);
    r.expect_kind(sig_kind::GENERICINST, 0, "generic method instantiation")?;
    Ok(MethodSpecSig { args: r.types()? })
}

/// Decodes a StandAloneSig blob: local variables, a `calli` method
/// signature, or (rarely) a field signature.
pub fn parse_standalone_sig(blob: &[u8]) -> Result<StandAloneSig> {
    let mut r = SigReader::new(blob);
    match r.peek()? {
        sig_kind::LOCAL_SIG => {
            r.pos += 1;
            Ok(StandAloneSig::Locals(r.local_sig_after_kind()?))
        }
        sig_kind::FIELD => {
            r.pos += 1;
            Ok(StandAloneSig::Field(r.field_sig_after_kind()?))
        }
        _ => parse_method_sig(blob).map(StandAloneSig::Method),
    }
}

/// Decodes a MemberRef signature: a method or a field signature.
pub fn parse_member_ref_sig(blob: &[u8]) -> Result<MemberRefSig> {
    match blob.first() {
        Some(&sig_kind::FIELD) => parse_field_sig(blob).map(MemberRefSig::Field),
        _ => parse_method_sig(blob).map(MemberRefSig::Method),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_sigs() {
        // instance void (int32, string)
        let sig = parse_method_sig(&[0x20, 2, et::VOID, et::I4, et::STRING]).unwrap();
        assert!(sig.has_this);
        assert_eq!(sig.call_conv, CallingConvention::Default);
        assert_eq!(
            sig.params,
            vec![TypeSig::Prim(Primitive::I4), TypeSig::String]
        );
        assert_eq!(sig.to_string(), "instance void *(int32, string)");
        // generic <2> !!0 (!!1[])
        let sig = parse_method_sig(&[0x10, 2, 1, et::MVAR, 0, et::SZARRAY, et::MVAR, 1]).unwrap();
        assert_eq!(sig.generic_param_count, 2);
        assert_eq!(sig.ret, TypeSig::MVar(0));
        assert_eq!(sig.params[0].to_string(), "!!1[]");
        // vararg void (int32, ..., float64)
        let sig = parse_method_sig(&[0x05, 2, et::VOID, et::I4, et::SENTINEL, et::R8]).unwrap();
        assert_eq!(sig.call_conv, CallingConvention::VarArg);
        assert_eq!(sig.sentinel, Some(1));
        assert_eq!(
            sig.params,
            vec![TypeSig::Prim(Primitive::I4), TypeSig::Prim(Primitive::R8)]
        );
        // Sentinel in a default signature is an error.
        assert!(parse_method_sig(&[0x00, 2, et::VOID, et::I4, et::SENTINEL, et::R8]).is_err());
        // Field signature is not a method signature.
        assert!(parse_method_sig(&[0x06, et::I4]).is_err());
    }

    #[test]
    fn types() {
        // class TypeRef(1)
        assert_eq!(
            parse_type(&[et::CLASS, 0x05]).unwrap(),
            TypeSig::Class(TypeDefOrRef::TypeRef(1))
        );
        // int32[0...3, 2...]
        let t = parse_type(&[et::ARRAY, et::I4, 2, 1, 4, 2, 0, 4]).unwrap();
        assert_eq!(
            t,
            TypeSig::Array {
                elem: Box::new(TypeSig::Prim(Primitive::I4)),
                rank: 2,
                sizes: vec![4],
                lo_bounds: vec![0, 2]
            }
        );
        assert_eq!(t.to_string(), "int32[0...3,2...]");
        // List<int32> with List = TypeRef(2)
        let t = parse_type(&[et::GENERICINST, et::CLASS, 0x09, 1, et::I4]).unwrap();
        assert_eq!(t.to_string(), "class 0x01000002<int32>");
        // int32 modopt(TypeRef 1)
        let t = parse_type(&[et::CMOD_OPT, 0x05, et::I4]).unwrap();
        assert_eq!(t.strip_modifiers(), &TypeSig::Prim(Primitive::I4));
        // method int32 *(int32)
        let t = parse_type(&[et::FNPTR, 0x00, 1, et::I4, et::I4]).unwrap();
        assert_eq!(t.to_string(), "method int32 *(int32)");
    }

    #[test]
    fn locals_and_others() {
        let l = parse_local_sig(&[
            0x07,
            3,
            et::PINNED,
            et::BYREF,
            et::U1,
            et::TYPEDBYREF,
            et::I4,
        ])
        .unwrap();
        assert!(l.locals[0].is_pinned());
        assert_eq!(l.locals[0].to_string(), "uint8& pinned");
        assert_eq!(l.locals[1], TypeSig::TypedByRef);
        let p = parse_property_sig(&[0x28, 1, et::I4, et::STRING]).unwrap();
        assert!(p.has_this);
        assert_eq!(p.params, vec![TypeSig::String]);
        let m = parse_method_spec(&[0x0A, 2, et::I4, et::OBJECT]).unwrap();
        assert_eq!(m.args.len(), 2);
        assert!(matches!(
            parse_standalone_sig(&[0x07, 0]).unwrap(),
            StandAloneSig::Locals(_)
        ));
        assert!(matches!(
            parse_standalone_sig(&[0x00, 0, et::VOID]).unwrap(),
            StandAloneSig::Method(_)
        ));
        assert!(matches!(
            parse_member_ref_sig(&[0x06, et::I4]).unwrap(),
            MemberRefSig::Field(_)
        ));
    }

    #[test]
    fn malicious_blobs() {
        // Count larger than the blob.
        assert!(matches!(
            parse_local_sig(&[0x07, 0x7F, et::I4]),
            Err(MetadataError::Signature {
                error: SigError::CountTooLarge {
                    count: 127,
                    remaining: 1
                },
                ..
            })
        ));
        // Deep nesting.
        let mut deep = vec![et::SZARRAY; 10_000];
        deep.push(et::I4);
        assert!(matches!(
            parse_type(&deep),
            Err(MetadataError::Signature {
                error: SigError::TooDeep,
                ..
            })
        ));
        let mut ok = vec![et::PTR; MAX_DEPTH - 1];
        ok.push(et::I4);
        assert!(parse_type(&ok).is_ok());
        // Bad tag / null token / unknown element / truncation.
        assert!(parse_type(&[et::CLASS, 0x07]).is_err());
        assert!(parse_type(&[et::CLASS, 0x00]).is_err());
        assert!(parse_type(&[0x99]).is_err());
        assert!(parse_type(&[]).is_err());
        assert!(parse_type(&[et::GENERICINST, et::CLASS]).is_err());
        assert!(parse_method_sig(&[0x20, 0xC0]).is_err());
    }
}
