//! What the JIT's integration tests share: the runtime layout of a mock
//! runtime (addresses and offsets no real runtime uses).

use osprey_jit::*;

/// The layout the mock hosts of the tests answer with.
pub fn runtime_layout() -> RuntimeLayout {
    RuntimeLayout {
        trap_flag_address: 0x1_0000,
        array_length_offset: 8,
        array_data_offset: 16,
        md_array_bounds_offset: 16,
        string_data_offset: 12,
        method_table_vtable_offset: 24,
        method_table_element_type_offset: 32,
        method_table_dictionaries_offset: 56,
        method_desc_dictionary_offset: 64,
        thread_pending_offset: 20,
        thread_frame_head_offset: 8,
        thread_gc_mode_offset: 16,
        thread_helper_site_offsets: [40, 48, 56],
        thread_stack_limit_offset: 72,
        delegate: DelegateLayout {
            target: 8,
            method_ptr: 16,
            invocation_list: 32,
            invocation_count: 40,
        },
        transition_frame: TransitionFrameLayout {
            size: 64,
            prev: 0,
            kind: 8,
            method: 16,
            return_address: 24,
            rsp: 32,
            rbp: 40,
            regs: 48,
            pinvoke_kind: 1,
        },
        thread_last_error_offset: 100,
        last_error_entries: [0x7900_0000, 0x7900_0010],
        thread_alloc_offsets: [24, 32],
        thread_statics_offsets: [112, 120],
        inline_allocation: true,
        write_barrier: Some(osprey_jit::WriteBarrier {
            heap_base: 0x7000_0000_0000,
            heap_size: 1 << 32,
            card_table: 0x6000_0000_0000,
            card_shift: 9,
        }),
    }
}
