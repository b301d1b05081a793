//! `Osprey.Walkthrough` internal calls: the FCall of the walkthrough in
//! docs/internal-calls.md.

use crate::object::ObjectRef;

/// `static uint Walkthrough.Adler32Core(string s)`: Adler-32 (RFC 1950) of
/// the string's UTF-16 code units, low byte first. The managed wrapper has
/// rejected null; a null here (only possible from hand-written IL) gives
/// the checksum of nothing.
pub(super) extern "C" fn adler32(s: *mut u8) -> u32 {
    // SAFETY: `s` is null or an object reference managed code passed in.
    let Some(s) = (unsafe { ObjectRef::from_raw(s) }) else {
        return 1;
    };
    // SAFETY: the managed signature says `s` is a string; nothing runs
    // (no allocation, no collection) while the characters are read.
    let units = unsafe { s.string_chars() };
    let (mut a, mut b) = (1u32, 0u32);
    for unit in units {
        for byte in unit.to_le_bytes() {
            a = (a + u32::from(byte)) % 65521;
            b = (b + a) % 65521;
        }
    }
    (b << 16) | a
}
