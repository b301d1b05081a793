//! Property tests: encoders and decoders agree, and no decoder panics on
//! arbitrary input.

mod common;

use osprey_metadata::il::Instructions;
use osprey_metadata::tables::{CodedIndex, HasCustomAttribute, Tables, TypeDefOrRef};
use osprey_metadata::{compressed, sig, MethodBody, TableId, Token};
use proptest::prelude::*;

proptest! {
    #[test]
    fn compressed_unsigned_round_trips(value in 0u32..=compressed::MAX_UNSIGNED, tail in proptest::collection::vec(any::<u8>(), 0..4)) {
        let mut bytes = Vec::new();
        compressed::encode_u32(value, &mut bytes).unwrap();
        let len = bytes.len();
        bytes.extend_from_slice(&tail);
        prop_assert_eq!(compressed::decode_u32(&bytes).unwrap(), (value, len));
    }

    #[test]
    fn compressed_signed_round_trips(value in compressed::MIN_SIGNED..=compressed::MAX_SIGNED) {
        let mut bytes = Vec::new();
        compressed::encode_i32(value, &mut bytes).unwrap();
        prop_assert_eq!(compressed::decode_i32(&bytes).unwrap(), (value, bytes.len()));
    }

    #[test]
    fn compressed_decoders_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..6)) {
        let _ = compressed::decode_u32(&bytes);
        let _ = compressed::decode_i32(&bytes);
    }

    #[test]
    fn tokens_and_coded_indexes_round_trip(rid in 1u32..0x0100_0000, tag in 0usize..3) {
        let table = [TableId::TypeDef, TableId::TypeRef, TableId::TypeSpec][tag];
        let token = Token::new(table, rid);
        prop_assert_eq!(Token::from_raw(token.raw()), token);
        prop_assert_eq!(token.rid(), rid);
        let coded = TypeDefOrRef::from_token(token).unwrap();
        prop_assert_eq!(TypeDefOrRef::decode(coded.encode()).unwrap(), Some(coded));
        let hca = HasCustomAttribute::from_token(token).unwrap();
        prop_assert_eq!(HasCustomAttribute::decode(hca.encode()).unwrap(), Some(hca));
    }

    #[test]
    fn signature_parsers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let _ = sig::parse_method_sig(&bytes);
        let _ = sig::parse_field_sig(&bytes);
        let _ = sig::parse_property_sig(&bytes);
        let _ = sig::parse_local_sig(&bytes);
        let _ = sig::parse_type_spec(&bytes);
        let _ = sig::parse_method_spec(&bytes);
        let _ = sig::parse_standalone_sig(&bytes);
        let _ = sig::parse_member_ref_sig(&bytes);
    }

    /// Signature-shaped input (valid leading bytes, element types) reaches deeper paths.
    #[test]
    fn signature_parsers_never_panic_on_plausible_input(
        head in prop::sample::select(vec![0x00u8, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x10, 0x20, 0x28]),
        body in proptest::collection::vec(prop::sample::select(vec![
            0x00u8, 0x01, 0x02, 0x08, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x1B,
            0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x41, 0x45, 0x80, 0xC0, 0xFF, 0x03, 0x05,
        ]), 0..48),
    ) {
        let mut bytes = vec![head];
        bytes.extend_from_slice(&body);
        let _ = sig::parse_method_sig(&bytes);
        let _ = sig::parse_standalone_sig(&bytes);
        let _ = sig::parse_type(&body);
    }

    #[test]
    fn method_bodies_and_il_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(body) = MethodBody::parse(&bytes, 0x2000) {
            prop_assert!(body.code.len() <= bytes.len());
            let mut decoded = 0usize;
            for insn in Instructions::new(body.code) {
                match insn {
                    Ok((offset, insn)) => {
                        prop_assert_eq!(offset as usize, decoded);
                        decoded += insn.size as usize;
                    }
                    Err(_) => break,
                }
            }
        }
        // Raw bytes as IL too.
        let total: usize = Instructions::new(&bytes).map_while(Result::ok).map(|(_, i)| i.size as usize).sum();
        prop_assert!(total <= bytes.len());
    }

    #[test]
    fn tables_stream_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(tables) = Tables::parse(&bytes, false) {
            for id in TableId::ALL {
                let table = tables.table(id);
                for rid in 1..=table.row_count().min(8) {
                    for col in 0..table.column_defs().len() {
                        let _ = table.column(rid, col);
                    }
                }
            }
        }
    }

    /// A handful of random overwrites anywhere in the metadata of a real
    /// assembly never make the full walk panic.
    #[test]
    fn mutated_assembly_walk_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let original = common::samples(false);
        let image = osprey_metadata::Image::parse(original).unwrap();
        let start = image.metadata().as_ptr() as usize - original.as_ptr() as usize;
        let len = image.metadata().len();
        let mut bytes = original.to_vec();
        for (index, value) in edits {
            bytes[start + index.index(len)] = value;
        }
        prop_assert!(common::walk_catching(&bytes).is_ok());
    }
}
