//! Tiered compilation in the baseline tier: the call counter.
//!
//! ```text
//!   mov rax, cell
//!   sub dword [rax], 1
//!   jnz counted
//!   mov rdi, r15 ; mov rsi, method ; call TierUp   ; the count reached zero
//! counted:
//! ```
//!
//! at the end of the prologue (everything is homed and zeroed, so the
//! helper, which compiles the method with the optimizing tier, may
//! collect). The count passes zero once: the method's later calls go
//! through its precode to the optimized code.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::Emitter;
use crate::host::Helper;

impl Emitter<'_, '_> {
    /// The call counter's decrement and test (if the method has one).
    pub(crate) fn count_call(&mut self) {
        let Some(c) = self.method.call_counter else {
            return;
        };
        let counted = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD c.cell as i64
            ; sub DWORD [rax], 1
            ; jnz =>counted
            ; mov rdi, r15
            ; mov rsi, QWORD c.method.0 as i64
        );
        self.call_helper(Helper::TierUp);
        dynasm!(self.ops ; .arch x64 ; =>counted);
    }
}
