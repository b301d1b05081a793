//! Blob-level target: the signature decoders, the method body decoder and the
//! IL decoder on raw bytes (much faster per input than the whole-image target).
#![no_main]

use libfuzzer_sys::fuzz_target;
use osprey_metadata::il::Instructions;
use osprey_metadata::{sig, MethodBody};

fuzz_target!(|data: &[u8]| {
    let _ = sig::parse_method_sig(data);
    let _ = sig::parse_field_sig(data);
    let _ = sig::parse_property_sig(data);
    let _ = sig::parse_local_sig(data);
    let _ = sig::parse_type_spec(data);
    let _ = sig::parse_method_spec(data);
    let _ = sig::parse_standalone_sig(data);
    if let Ok(body) = MethodBody::parse(data, 0x2000) {
        for insn in Instructions::new(body.code) {
            if insn.is_err() {
                break;
            }
        }
    }
    for insn in Instructions::new(data) {
        if insn.is_err() {
            break;
        }
    }
});
