//! ABI v5: `FileService` (per-process file handles, file-system access
//! chosen at process creation), `ConsoleService::Read` and the new
//! `ProcessService` entries, called through the resolved v5 table as the
//! VM does.

mod common;

use std::path::PathBuf;
use std::sync::mpsc;

use common::*;
use osprey_kernel::host::{self, ProcessConfig};
use osprey_kernel::{AbiV5, ConsoleMode, FileSystemAccess, Handle, Status};

fn v5() -> &'static AbiV5 {
    osprey_kernel::resolve_v5().expect("v5 is exported")
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("osprey-kernel-v5-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn open(path: &str, mode: u32, access: u32) -> Result<Handle, Status> {
    let mut h = Handle::NULL;
    // SAFETY: the path is valid for its length; `h` is a valid out-pointer.
    unsafe { (v5().file_service_open)(path.as_ptr(), path.len(), mode, access, &mut h) }
        .into_result()?;
    Ok(h)
}

fn write_file(h: Handle, data: &[u8]) -> Status {
    // SAFETY: `data` is valid for its length.
    unsafe { (v5().file_service_write)(h, data.as_ptr(), data.len()) }
}

fn read_file(h: Handle, n: usize) -> Result<Vec<u8>, Status> {
    let mut buf = vec![0u8; n];
    let mut got = 0usize;
    // SAFETY: `buf` is valid for `n` bytes; `got` a valid out-pointer.
    unsafe { (v5().file_service_read)(h, buf.as_mut_ptr(), n, &mut got) }.into_result()?;
    buf.truncate(got);
    Ok(buf)
}

fn close(h: Handle) -> Status {
    // SAFETY: no pointers.
    unsafe { (v5().file_service_close)(h) }
}

fn path_kind(path: &str) -> Result<u32, Status> {
    let mut kind = 0u32;
    // SAFETY: valid path and out-pointer.
    unsafe { (v5().file_service_get_path_kind)(path.as_ptr(), path.len(), &mut kind) }
        .into_result()?;
    Ok(kind)
}

fn console_read(n: usize) -> Result<Vec<u8>, Status> {
    let mut buf = vec![0u8; n];
    let mut got = 0usize;
    // SAFETY: `buf` is valid for `n` bytes; `got` a valid out-pointer.
    unsafe { (v5().console_service_read)(buf.as_mut_ptr(), n, &mut got) }.into_result()?;
    buf.truncate(got);
    Ok(buf)
}

/// Runs `main` in a captured process with `config`'s settings and returns
/// its exit code (asserting it did not panic).
fn run(config: ProcessConfig, main: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let exit = host::spawn(config, main).unwrap().join();
    assert!(
        !matches!(exit.reason, osprey_kernel::ExitReason::Panicked(_)),
        "{:?}",
        exit.reason
    );
    exit.exit_code
}

#[test]
fn v5_extends_the_published_tables() {
    let t = v5();
    assert_eq!(t.v4.v3.v2.v1.version, 5);
    assert_eq!(t.v4.v3.v2.v1.size as usize, core::mem::size_of::<AbiV5>());
    assert_eq!(osprey_kernel::ABI_VERSION_LATEST, 5);
    // v1, v2, v3 and v4 are still exported, unchanged.
    assert_eq!(osprey_kernel::resolve(1).unwrap().version, 1);
    assert_eq!(osprey_kernel::resolve_v2().unwrap().v1.version, 2);
    assert_eq!(osprey_kernel::resolve_v3().unwrap().v2.v1.version, 3);
    assert_eq!(osprey_kernel::resolve_v4().unwrap().v3.v2.v1.version, 4);
}

#[test]
fn write_read_seek_append_and_delete_a_file() {
    let dir = temp_dir("rw");
    let path = dir.join("data.txt").to_str().unwrap().to_owned();
    let code = run(captured("files", &[]), move || {
        let h = open(&path, 1, 3).unwrap(); // CreateNew, ReadWrite
        assert_eq!(write_file(h, b"hello, world"), Status::Ok);
        let mut pos = 0u64;
        assert_eq!(
            // SAFETY: valid out-pointer.
            unsafe { (v5().file_service_seek)(h, 7, 0, &mut pos) },
            Status::Ok
        );
        assert_eq!(pos, 7);
        assert_eq!(read_file(h, 100).unwrap(), b"world");
        assert_eq!(read_file(h, 100).unwrap(), b"");
        let mut len = 0u64;
        assert_eq!(
            // SAFETY: valid out-pointer.
            unsafe { (v5().file_service_get_length)(h, &mut len) },
            Status::Ok
        );
        assert_eq!(len, 12);
        // SAFETY: no pointers.
        assert_eq!(unsafe { (v5().file_service_set_length)(h, 5) }, Status::Ok);
        assert_eq!(close(h), Status::Ok);
        assert_eq!(
            close(h),
            Status::InvalidHandle,
            "a closed handle stays invalid"
        );
        assert_eq!(open(&path, 1, 3), Err(Status::AlreadyExists));
        let a = open(&path, 6, 2).unwrap(); // Append, Write
        assert_eq!(write_file(a, b"!"), Status::Ok);
        assert_eq!(read_file(a, 1), Err(Status::AccessDenied));
        assert_eq!(close(a), Status::Ok);
        let r = open(&path, 3, 1).unwrap(); // Open, Read
        assert_eq!(read_file(r, 100).unwrap(), b"hello!");
        assert_eq!(write_file(r, b"x"), Status::AccessDenied);
        assert_eq!(close(r), Status::Ok);
        assert_eq!(path_kind(&path), Ok(1));
        // SAFETY: the path is valid for its length.
        let st = unsafe { (v5().file_service_delete_file)(path.as_ptr(), path.len()) };
        assert_eq!(st, Status::Ok);
        assert_eq!(path_kind(&path), Ok(0));
        assert_eq!(open(&path, 3, 1), Err(Status::FileNotFound));
        0
    });
    assert_eq!(code, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_arguments_are_statuses() {
    let code = run(captured("bad", &[]), || {
        assert_eq!(open("", 3, 1), Err(Status::InvalidArgument));
        assert_eq!(open("/tmp", 0, 1), Err(Status::InvalidArgument));
        assert_eq!(open("/tmp", 3, 9), Err(Status::InvalidArgument));
        assert_eq!(
            open("/tmp/x", 2, 1),
            Err(Status::InvalidArgument),
            "Create needs write"
        );
        assert_eq!(open("/tmp", 3, 1), Err(Status::AccessDenied), "a directory");
        assert_eq!(
            open("/nonexistent-osprey-dir/x", 3, 1),
            Err(Status::PathNotFound)
        );
        let bad = [0xffu8, 0xfe];
        let mut h = Handle::NULL;
        // SAFETY: `bad` is valid for its length.
        let st = unsafe { (v5().file_service_open)(bad.as_ptr(), bad.len(), 3, 1, &mut h) };
        assert_eq!(st, Status::InvalidUtf8);
        // SAFETY: a null out-pointer is rejected before anything else.
        let st =
            unsafe { (v5().file_service_open)(b"/tmp".as_ptr(), 4, 3, 1, core::ptr::null_mut()) };
        assert_eq!(st, Status::InvalidArgument);
        assert_eq!(read_file(Handle(12345), 4), Err(Status::InvalidHandle));
        assert_eq!(close(Handle(0)), Status::InvalidHandle);
        0
    });
    assert_eq!(code, 0);
}

/// A file handle is a capability of the process that opened it: the same
/// value means nothing in another process, and closing a handle of another
/// kind (an event) is refused.
#[test]
fn file_handles_are_per_process() {
    let dir = temp_dir("perproc");
    let path = dir.join("owned.txt").to_str().unwrap().to_owned();
    let (tx, rx) = mpsc::channel::<Handle>();
    let owner_path = path.clone();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let owner = host::spawn(captured("owner", &[]), move || {
        let h = open(&owner_path, 2, 3).unwrap();
        assert_eq!(write_file(h, b"mine"), Status::Ok);
        tx.send(h).unwrap();
        done_rx.recv().unwrap();
        assert_eq!(read_file(h, 4).unwrap(), b"", "still open, at the end");
        0
    })
    .unwrap();
    let foreign = rx.recv().unwrap();
    let code = run(captured("thief", &[]), move || {
        assert_eq!(read_file(foreign, 4), Err(Status::InvalidHandle));
        assert_eq!(write_file(foreign, b"x"), Status::InvalidHandle);
        assert_eq!(close(foreign), Status::InvalidHandle);
        0
    });
    assert_eq!(code, 0);
    done_tx.send(()).unwrap();
    assert_eq!(owner.join().exit_code, 0);
    assert_eq!(std::fs::read(&path).unwrap(), b"mine");
    let code = run(captured("kinds", &[]), || {
        let mut event = Handle::NULL;
        // SAFETY: valid out-pointer.
        let st =
            unsafe { (osprey_kernel::resolve_v2().unwrap().event_handle_create)(0, 0, &mut event) };
        assert_eq!(st, Status::Ok);
        assert_eq!(close(event), Status::InvalidHandle, "not a file");
        assert_eq!(read_file(event, 1), Err(Status::InvalidHandle));
        0
    });
    assert_eq!(code, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A process started without file access reaches nothing, and neither do
/// its children.
#[test]
fn a_process_without_file_access_gets_not_permitted() {
    let dir = temp_dir("denied");
    let path = dir.join("secret.txt");
    std::fs::write(&path, b"secret").unwrap();
    let p = path.to_str().unwrap().to_owned();
    let d = dir.to_str().unwrap().to_owned();
    let config = ProcessConfig {
        file_access: FileSystemAccess::Denied,
        ..captured("denied", &[])
    };
    let code = run(config, move || {
        assert_eq!(open(&p, 3, 1), Err(Status::NotPermitted));
        assert_eq!(open(&p, 2, 2), Err(Status::NotPermitted));
        assert_eq!(path_kind(&p), Err(Status::NotPermitted));
        // SAFETY: valid paths and out-pointer.
        unsafe {
            assert_eq!(
                (v5().file_service_delete_file)(p.as_ptr(), p.len()),
                Status::NotPermitted
            );
            assert_eq!(
                (v5().file_service_create_directory)(d.as_ptr(), d.len()),
                Status::NotPermitted
            );
            let mut h = Handle::NULL;
            assert_eq!(
                (v5().file_service_open_directory)(d.as_ptr(), d.len(), &mut h),
                Status::NotPermitted
            );
        }
        let child_path = p.clone();
        let child = create_child("child", &[], move || {
            i32::from(open(&child_path, 3, 1) == Err(Status::NotPermitted))
        })
        .unwrap();
        assert_eq!(start(child), Status::Ok);
        assert_eq!(join(child), Ok(1), "the child inherits the denial");
        0
    });
    assert_eq!(code, 0);
    assert_eq!(std::fs::read(&path).unwrap(), b"secret", "untouched");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn directories_are_listed_created_and_deleted() {
    let dir = temp_dir("dirs");
    let d = dir.to_str().unwrap().to_owned();
    let code = run(captured("dirs", &[]), move || {
        let sub = format!("{d}/sub");
        // SAFETY: valid paths and out-pointers throughout.
        unsafe {
            assert_eq!(
                (v5().file_service_create_directory)(sub.as_ptr(), sub.len()),
                Status::Ok
            );
            assert_eq!(
                (v5().file_service_create_directory)(sub.as_ptr(), sub.len()),
                Status::AlreadyExists
            );
        }
        assert_eq!(path_kind(&sub), Ok(2));
        let f = open(&format!("{d}/a.txt"), 2, 2).unwrap();
        assert_eq!(close(f), Status::Ok);
        let mut h = Handle::NULL;
        // SAFETY: valid path and out-pointer.
        let st = unsafe { (v5().file_service_open_directory)(d.as_ptr(), d.len(), &mut h) };
        assert_eq!(st, Status::Ok);
        let mut names = Vec::new();
        loop {
            let mut len = 0usize;
            // SAFETY: a null buffer of length 0 asks for the length.
            let st = unsafe {
                (v5().file_service_read_directory)(h, core::ptr::null_mut(), 0, &mut len)
            };
            if st == Status::NotFound {
                break;
            }
            assert_eq!(
                st,
                Status::BufferTooSmall,
                "the name is kept for the next call"
            );
            let mut buf = vec![0u8; len];
            // SAFETY: `buf` is valid for `len` bytes.
            let st =
                unsafe { (v5().file_service_read_directory)(h, buf.as_mut_ptr(), len, &mut len) };
            assert_eq!(st, Status::Ok);
            names.push(String::from_utf8(buf).unwrap());
        }
        names.sort();
        assert_eq!(names, ["a.txt", "sub"]);
        assert_eq!(close(h), Status::Ok);
        // SAFETY: valid paths.
        unsafe {
            assert_eq!(
                (v5().file_service_delete_directory)(d.as_ptr(), d.len()),
                Status::DirectoryNotEmpty
            );
            assert_eq!(
                (v5().file_service_delete_directory)(sub.as_ptr(), sub.len()),
                Status::Ok
            );
            assert_eq!(
                (v5().file_service_delete_directory)(sub.as_ptr(), sub.len()),
                Status::PathNotFound
            );
            let missing = format!("{d}/missing");
            let mut h = Handle::NULL;
            assert_eq!(
                (v5().file_service_open_directory)(missing.as_ptr(), missing.len(), &mut h),
                Status::PathNotFound
            );
        }
        0
    });
    assert_eq!(code, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Handles a process leaves open are released when it ends (the file is
/// closed: its data is on disk and another process can delete it).
#[test]
fn open_files_are_closed_when_the_process_ends() {
    let dir = temp_dir("leak");
    let path = dir.join("left-open.txt").to_str().unwrap().to_owned();
    let p = path.clone();
    let code = run(captured("leaker", &[]), move || {
        let h = open(&p, 2, 2).unwrap();
        assert_eq!(write_file(h, b"kept"), Status::Ok);
        0
    });
    assert_eq!(code, 0);
    assert_eq!(std::fs::read(&path).unwrap(), b"kept");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn captured_standard_input_is_read_to_its_end() {
    let config = ProcessConfig {
        stdin: b"first line\nsecond\n".to_vec(),
        ..captured("stdin", &[])
    };
    let exit = host::spawn(config, || {
        assert_eq!(write(1, "prompt> "), Status::Ok);
        assert_eq!(console_read(6).unwrap(), b"first ");
        assert_eq!(console_read(100).unwrap(), b"line\nsecond\n");
        assert_eq!(console_read(100).unwrap(), b"", "end of input");
        assert_eq!(console_read(100).unwrap(), b"", "and it stays ended");
        assert_eq!(console_read(0).unwrap(), b"");
        let mut got = 0usize;
        // SAFETY: a null buffer with a non-zero length is rejected.
        let st = unsafe { (v5().console_service_read)(core::ptr::null_mut(), 4, &mut got) };
        assert_eq!(st, Status::InvalidArgument);
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
    assert_eq!(exit.stdout, b"prompt> ");
    // A process with no input given reads an empty one.
    let code = run(captured("no-stdin", &[]), || {
        i32::from(console_read(10).unwrap().is_empty())
    });
    assert_eq!(code, 1);
}

#[test]
fn a_thread_bound_to_no_process_gets_no_process() {
    let mut got = 0usize;
    let mut buf = [0u8; 4];
    // SAFETY: valid buffer and out-pointer.
    let st = unsafe { (v5().console_service_read)(buf.as_mut_ptr(), 4, &mut got) };
    assert_eq!(st, Status::NoProcess);
    assert_eq!(open("/tmp", 3, 1), Err(Status::NoProcess));
    assert_eq!(
        // SAFETY: no arguments.
        unsafe { (v5().process_service_get_environment_variable_count)() },
        0
    );
}

fn sized(entry: unsafe extern "C" fn(*mut u8, usize, *mut usize) -> Status) -> String {
    let mut len = 0usize;
    // SAFETY: a null buffer of length 0 asks for the length.
    let st = unsafe { entry(core::ptr::null_mut(), 0, &mut len) };
    assert!(
        st == Status::BufferTooSmall || (st == Status::Ok && len == 0),
        "{st:?}"
    );
    let mut buf = vec![0u8; len];
    assert_eq!(
        // SAFETY: `buf` is valid for `len` bytes.
        unsafe { entry(buf.as_mut_ptr(), len, &mut len) },
        Status::Ok
    );
    String::from_utf8(buf).unwrap()
}

#[test]
fn clock_machine_and_environment() {
    let mut nanos = 0i64;
    assert_eq!(
        // SAFETY: valid out-pointer.
        unsafe { (v5().process_service_get_utc_time)(&mut nanos) },
        Status::Ok
    );
    let std_nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as i64;
    assert!(
        (std_nanos - nanos).abs() < 5_000_000_000,
        "{nanos} vs {std_nanos}"
    );
    let mut offset = 0i32;
    // SAFETY: valid out-pointer.
    let st = unsafe { (v5().process_service_get_utc_offset)(nanos / 1_000_000_000, &mut offset) };
    assert_eq!(st, Status::Ok);
    assert!(offset.abs() <= 14 * 3600);
    // SAFETY: a null out-pointer is rejected.
    let st = unsafe { (v5().process_service_get_utc_time)(core::ptr::null_mut()) };
    assert_eq!(st, Status::InvalidArgument);
    // SAFETY: no arguments.
    assert!(unsafe { (v5().v4.process_service_get_processor_count)() } >= 1);
    assert!(!sized(v5().process_service_get_machine_name).is_empty());
    assert!(sized(v5().process_service_get_os_version).starts_with("Linux "));

    std::env::set_var("OSPREY_KERNEL_V3_TEST", "a=b");
    let exit = host::spawn(
        ProcessConfig {
            name: "/path/to/prog.exe".into(),
            console: ConsoleMode::Capture,
            ..ProcessConfig::default()
        },
        || {
            assert_eq!(
                sized(v5().process_service_get_process_name),
                "/path/to/prog.exe"
            );
            // SAFETY: no arguments.
            let count = unsafe { (v5().process_service_get_environment_variable_count)() };
            let mut found = false;
            for i in 0..count {
                let mut len = 0usize;
                // SAFETY: as in `sized`.
                let st = unsafe {
                    (v5().process_service_get_environment_variable_at)(
                        i,
                        core::ptr::null_mut(),
                        0,
                        &mut len,
                    )
                };
                assert!(st == Status::BufferTooSmall || st == Status::Ok);
                let mut buf = vec![0u8; len];
                // SAFETY: `buf` is valid for `len` bytes.
                let st = unsafe {
                    (v5().process_service_get_environment_variable_at)(
                        i,
                        buf.as_mut_ptr(),
                        len,
                        &mut len,
                    )
                };
                assert_eq!(st, Status::Ok);
                found |= buf == b"OSPREY_KERNEL_V3_TEST=a=b";
            }
            let mut len = 0usize;
            // SAFETY: as in `sized`.
            let st = unsafe {
                (v5().process_service_get_environment_variable_at)(
                    count,
                    core::ptr::null_mut(),
                    0,
                    &mut len,
                )
            };
            assert_eq!(st, Status::IndexOutOfRange);
            i32::from(found)
        },
    )
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 1, "{:?}", exit.reason);
}
