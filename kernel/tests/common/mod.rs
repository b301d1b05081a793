//! Helpers shared by the integration tests: safe wrappers that call the
//! kernel the way the VM does, through the resolved v1 export table.

#![allow(dead_code)]

use osprey_kernel::host::ProcessConfig;
use osprey_kernel::{AbiV1, ConsoleMode, Handle, ProcessId, Protection, Status, StrRef};

/// The v1 table.
pub fn abi() -> &'static AbiV1 {
    osprey_kernel::resolve(1).expect("v1 is exported")
}

/// A captured-console configuration.
pub fn captured(name: &str, args: &[&str]) -> ProcessConfig {
    ProcessConfig {
        name: name.into(),
        args: args.iter().map(|s| s.to_string()).collect(),
        console: ConsoleMode::Capture,
        ..ProcessConfig::default()
    }
}

pub fn write(stream: u32, text: &str) -> Status {
    // SAFETY: `text` is valid for its length.
    unsafe { (abi().console_service_write)(stream, text.as_ptr(), text.len()) }
}

pub fn print(text: &str) -> Status {
    // SAFETY: `text` is valid for its length.
    unsafe { (abi().debug_service_print)(text.as_ptr(), text.len()) }
}

pub fn pid() -> ProcessId {
    // SAFETY: no arguments.
    unsafe { (abi().process_service_get_current_process_id)() }
}

pub fn arg_count() -> u32 {
    // SAFETY: no arguments.
    unsafe { (abi().process_service_get_startup_arg_count)() }
}

/// Reads a startup argument the way a VM would: ask for the length, then
/// copy.
pub fn arg(index: u32) -> Result<String, Status> {
    let mut len = 0usize;
    // SAFETY: null buffer with length 0; `len` is a valid out-pointer.
    let st = unsafe {
        (abi().process_service_get_startup_arg)(index, core::ptr::null_mut(), 0, &mut len)
    };
    if st != Status::BufferTooSmall && st != Status::Ok {
        return Err(st);
    }
    let mut buf = vec![0u8; len];
    // SAFETY: `buf` is valid for `len` bytes.
    let st = unsafe {
        (abi().process_service_get_startup_arg)(index, buf.as_mut_ptr(), buf.len(), &mut len)
    };
    st.into_result()?;
    assert_eq!(len, buf.len());
    Ok(String::from_utf8(buf).expect("kernel returns UTF-8"))
}

pub fn terminate(code: i32) -> Status {
    // SAFETY: no pointers.
    unsafe { (abi().process_service_terminate)(code) }
}

pub fn page_size() -> usize {
    // SAFETY: no arguments.
    unsafe { (abi().page_table_service_get_page_size)() as usize }
}

pub fn bytes_in_use() -> u64 {
    // SAFETY: no arguments.
    unsafe { (abi().page_table_service_bytes_in_use)() }
}

pub fn allocate(bytes: usize, prot: Protection) -> Result<*mut u8, Status> {
    let mut p = core::ptr::null_mut();
    // SAFETY: `p` is a valid out-pointer.
    unsafe { (abi().page_table_service_allocate)(bytes, prot as u32, &mut p) }.into_result()?;
    Ok(p)
}

pub fn reserve(bytes: usize) -> Result<*mut u8, Status> {
    let mut p = core::ptr::null_mut();
    // SAFETY: `p` is a valid out-pointer.
    unsafe { (abi().page_table_service_reserve)(bytes, &mut p) }.into_result()?;
    Ok(p)
}

pub fn commit(ptr: *mut u8, bytes: usize, prot: Protection) -> Status {
    // SAFETY: the kernel checks the range against the caller's regions.
    unsafe { (abi().page_table_service_commit)(ptr, bytes, prot as u32) }
}

pub fn decommit(ptr: *mut u8, bytes: usize) -> Status {
    // SAFETY: the kernel checks the range against the caller's regions.
    unsafe { (abi().page_table_service_decommit)(ptr, bytes) }
}

pub fn free(ptr: *mut u8, bytes: usize) -> Status {
    // SAFETY: the kernel checks the range against the caller's regions.
    unsafe { (abi().page_table_service_free)(ptr, bytes) }
}

pub fn protect(ptr: *mut u8, bytes: usize, prot: Protection) -> Status {
    // SAFETY: the kernel checks the range against the caller's regions.
    unsafe { (abi().page_table_service_protect)(ptr, bytes, prot as u32) }
}

/// `ProcessHandle::Create` with a Rust closure as the entry.
pub fn create_child(
    name: &str,
    args: &[&str],
    main: impl FnOnce() -> i32 + Send + 'static,
) -> Result<Handle, Status> {
    unsafe extern "C" fn trampoline(context: *mut core::ffi::c_void) -> i32 {
        // SAFETY: `context` is the Box leaked below, handed back exactly once.
        let main = unsafe { Box::from_raw(context as *mut Box<dyn FnOnce() -> i32 + Send>) };
        main()
    }
    let refs: Vec<StrRef> = args.iter().map(|a| StrRef::new(a)).collect();
    let boxed: Box<Box<dyn FnOnce() -> i32 + Send>> = Box::new(Box::new(main));
    let context = Box::into_raw(boxed) as *mut core::ffi::c_void;
    let mut handle = Handle::NULL;
    // SAFETY: all pointers are valid for their lengths; the trampoline takes
    // ownership of `context` when called.
    let st = unsafe {
        (abi().process_handle_create)(
            name.as_ptr(),
            name.len(),
            refs.as_ptr(),
            refs.len(),
            0,
            Some(trampoline),
            context,
            &mut handle,
        )
    };
    if st != Status::Ok {
        // SAFETY: the entry was not registered, so we still own `context`.
        drop(unsafe { Box::from_raw(context as *mut Box<dyn FnOnce() -> i32 + Send>) });
        return Err(st);
    }
    Ok(handle)
}

pub fn start(h: Handle) -> Status {
    // SAFETY: no pointers.
    unsafe { (abi().process_handle_start)(h) }
}

pub fn join(h: Handle) -> Result<i32, Status> {
    let mut code = 0;
    // SAFETY: valid out-pointer.
    unsafe { (abi().process_handle_join)(h, &mut code) }.into_result()?;
    Ok(code)
}

pub fn exit_code(h: Handle) -> Result<i32, Status> {
    let mut code = 0;
    // SAFETY: valid out-pointer.
    unsafe { (abi().process_handle_get_exit_code)(h, &mut code) }.into_result()?;
    Ok(code)
}

pub fn child_pid(h: Handle) -> Result<ProcessId, Status> {
    let mut id = ProcessId::NONE;
    // SAFETY: valid out-pointer.
    unsafe { (abi().process_handle_get_process_id)(h, &mut id) }.into_result()?;
    Ok(id)
}

pub fn dispose(h: Handle) -> Status {
    // SAFETY: no pointers.
    unsafe { (abi().process_handle_dispose)(h) }
}
