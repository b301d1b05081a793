//! Files and directory listings: the version-independent implementation
//! behind `FileService` (ABI v5).
//!
//! An open file is a [`FileObject`] in the opening process's handle table;
//! a directory listing is a [`DirectoryListing`] there, a snapshot of the
//! directory's entry names taken when it was opened. Paths are UTF-8 and
//! relative ones are resolved against the OS process's working directory.
//!
//! OS errors become the v5 status codes with .NET's distinctions in mind:
//! a missing file whose directory exists is `FileNotFound`, a missing
//! directory on the path is `PathNotFound`, permissions (and a directory
//! where a file is expected) are `AccessDenied`.

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::Mutex;

use crate::process::lock;
use crate::Status;

/// How `Open` treats an existing or missing file: .NET's `FileMode`, with
/// its numeric values (they cross the ABI as a `u32`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OpenMode {
    /// 1: create; `AlreadyExists` if the file exists.
    CreateNew,
    /// 2: create, or truncate an existing file.
    Create,
    /// 3: open an existing file; `FileNotFound` if there is none.
    Open,
    /// 4: open, or create if missing.
    OpenOrCreate,
    /// 5: open an existing file and truncate it to zero bytes.
    Truncate,
    /// 6: open or create, positioned at the end; writes only.
    Append,
}

impl OpenMode {
    /// Decodes the ABI value; `None` for an unknown one.
    pub(crate) fn from_raw(raw: u32) -> Option<OpenMode> {
        Some(match raw {
            1 => OpenMode::CreateNew,
            2 => OpenMode::Create,
            3 => OpenMode::Open,
            4 => OpenMode::OpenOrCreate,
            5 => OpenMode::Truncate,
            6 => OpenMode::Append,
            _ => return None,
        })
    }
}

/// Read and/or write access to an open file: .NET's `FileAccess` values
/// (1 read, 2 write, 3 both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Access {
    pub(crate) read: bool,
    pub(crate) write: bool,
}

impl Access {
    /// Decodes the ABI value; `None` for an unknown one.
    pub(crate) fn from_raw(raw: u32) -> Option<Access> {
        match raw {
            1 => Some(Access {
                read: true,
                write: false,
            }),
            2 => Some(Access {
                read: false,
                write: true,
            }),
            3 => Some(Access {
                read: true,
                write: true,
            }),
            _ => None,
        }
    }
}

/// What a path names (`FileService::GetPathKind`), as a `u32` on the ABI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum PathKind {
    /// 0: nothing (or the path cannot be examined).
    Missing = 0,
    /// 1: a regular file.
    File = 1,
    /// 2: a directory.
    Directory = 2,
    /// 3: something else (a device, a socket, a FIFO).
    Other = 3,
}

/// The status for an OS error about `path`.
fn status_of(error: &std::io::Error, path: &str) -> Status {
    match error.raw_os_error() {
        Some(libc::ENOENT) => {
            if parent_is_directory(path) {
                Status::FileNotFound
            } else {
                Status::PathNotFound
            }
        }
        Some(libc::ENOTDIR) => Status::PathNotFound,
        Some(libc::EACCES | libc::EPERM | libc::EROFS | libc::EISDIR) => Status::AccessDenied,
        Some(libc::EEXIST) => Status::AlreadyExists,
        Some(libc::ENOTEMPTY) => Status::DirectoryNotEmpty,
        Some(libc::ENOMEM) => Status::OutOfMemory,
        Some(libc::EINVAL) => Status::InvalidArgument,
        _ => match error.kind() {
            ErrorKind::OutOfMemory => Status::OutOfMemory,
            _ => Status::IoError,
        },
    }
}

/// Whether the directory that would hold `path` exists.
fn parent_is_directory(path: &str) -> bool {
    let parent = match Path::new(path).parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    parent.is_dir()
}

/// An open file.
pub(crate) struct FileObject {
    file: Mutex<File>,
    access: Access,
}

impl FileObject {
    /// Opens `path` as `mode` with `access`. `InvalidArgument` for the
    /// combinations .NET rejects (a mode that creates or truncates without
    /// write access; `Append` with read access).
    pub(crate) fn open(path: &str, mode: OpenMode, access: Access) -> Result<FileObject, Status> {
        let writes_only = matches!(
            mode,
            OpenMode::CreateNew | OpenMode::Create | OpenMode::Truncate | OpenMode::Append
        );
        if (writes_only && !access.write) || (mode == OpenMode::Append && access.read) {
            return Err(Status::InvalidArgument);
        }
        if path.is_empty() || path.contains('\0') {
            return Err(Status::InvalidArgument);
        }
        let mut options = OpenOptions::new();
        options.read(access.read).write(access.write);
        match mode {
            OpenMode::CreateNew => {
                options.create_new(true);
            }
            OpenMode::Create => {
                options.create(true).truncate(true);
            }
            OpenMode::Open => {}
            OpenMode::OpenOrCreate => {
                // std refuses `create` without write access; the OS does not.
                options.custom_flags(libc::O_CREAT);
            }
            OpenMode::Truncate => {
                options.truncate(true);
            }
            OpenMode::Append => {
                options.create(true).append(true);
            }
        }
        let file = options.open(path).map_err(|e| status_of(&e, path))?;
        // Opening a directory read-only succeeds on Linux; .NET refuses it
        // as an access violation.
        let meta = file.metadata().map_err(|e| status_of(&e, path))?;
        if meta.is_dir() {
            return Err(Status::AccessDenied);
        }
        Ok(FileObject {
            file: Mutex::new(file),
            access,
        })
    }

    /// Reads at most `buf.len()` bytes at the current position; 0 at the end.
    pub(crate) fn read(&self, buf: &mut [u8]) -> Result<usize, Status> {
        if !self.access.read {
            return Err(Status::AccessDenied);
        }
        let mut file = lock(&self.file);
        loop {
            match file.read(buf) {
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(status_of(&e, "")),
            }
        }
    }

    /// Writes all of `data` at the current position (at the end in append
    /// mode).
    pub(crate) fn write(&self, data: &[u8]) -> Result<(), Status> {
        if !self.access.write {
            return Err(Status::AccessDenied);
        }
        lock(&self.file)
            .write_all(data)
            .map_err(|e| status_of(&e, ""))
    }

    /// Moves the position: `origin` 0 from the start, 1 from the current
    /// position, 2 from the end (.NET's `SeekOrigin`). Returns the new
    /// position; `InvalidArgument` for an unknown origin or a position
    /// before the start.
    pub(crate) fn seek(&self, offset: i64, origin: u32) -> Result<u64, Status> {
        let from = match origin {
            0 => SeekFrom::Start(u64::try_from(offset).map_err(|_| Status::InvalidArgument)?),
            1 => SeekFrom::Current(offset),
            2 => SeekFrom::End(offset),
            _ => return Err(Status::InvalidArgument),
        };
        lock(&self.file).seek(from).map_err(|e| status_of(&e, ""))
    }

    /// The file's length in bytes.
    pub(crate) fn length(&self) -> Result<u64, Status> {
        lock(&self.file)
            .metadata()
            .map(|m| m.len())
            .map_err(|e| status_of(&e, ""))
    }

    /// Truncates or extends (with zeros) the file to `length` bytes; the
    /// position does not move.
    pub(crate) fn set_length(&self, length: u64) -> Result<(), Status> {
        if !self.access.write {
            return Err(Status::AccessDenied);
        }
        lock(&self.file)
            .set_len(length)
            .map_err(|e| status_of(&e, ""))
    }
}

/// The entry names of a directory, read when it was opened and handed out
/// one at a time.
pub(crate) struct DirectoryListing {
    names: Mutex<VecDeque<String>>,
}

impl DirectoryListing {
    /// Lists `path` (names only, without `.` and `..`, in the order the OS
    /// returns them). Names that are not UTF-8 are converted lossily.
    pub(crate) fn open(path: &str) -> Result<DirectoryListing, Status> {
        if path.is_empty() || path.contains('\0') {
            return Err(Status::InvalidArgument);
        }
        let entries = std::fs::read_dir(path).map_err(|e| match status_of(&e, path) {
            // A missing directory is a missing part of the path.
            Status::FileNotFound => Status::PathNotFound,
            other => other,
        })?;
        let mut names = VecDeque::new();
        for entry in entries {
            let entry = entry.map_err(|e| status_of(&e, path))?;
            names.try_reserve(1).map_err(|_| Status::OutOfMemory)?;
            names.push_back(entry.file_name().to_string_lossy().into_owned());
        }
        Ok(DirectoryListing {
            names: Mutex::new(names),
        })
    }

    /// Runs `f` on the next name without consuming it; `f` returns whether
    /// to consume it. `None` when every name has been consumed.
    pub(crate) fn with_next<R>(&self, f: impl FnOnce(&str) -> (bool, R)) -> Option<R> {
        let mut names = lock(&self.names);
        let (consume, result) = f(names.front()?);
        if consume {
            names.pop_front();
        }
        Some(result)
    }
}

/// What `path` names; [`PathKind::Missing`] if nothing or it cannot be
/// examined (as .NET's `File.Exists` answers false on errors).
pub(crate) fn path_kind(path: &str) -> PathKind {
    if path.is_empty() || path.contains('\0') {
        return PathKind::Missing;
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => PathKind::File,
        Ok(m) if m.is_dir() => PathKind::Directory,
        Ok(_) => PathKind::Other,
        Err(_) => PathKind::Missing,
    }
}

/// Deletes the file `path`. A missing file is `FileNotFound` (the managed
/// caller decides whether that is an error); a directory is `AccessDenied`.
pub(crate) fn delete_file(path: &str) -> Result<(), Status> {
    if path.is_empty() || path.contains('\0') {
        return Err(Status::InvalidArgument);
    }
    if Path::new(path).is_dir() {
        return Err(Status::AccessDenied);
    }
    std::fs::remove_file(path).map_err(|e| status_of(&e, path))
}

/// Creates the directory `path` (one level: its parent must exist).
pub(crate) fn create_directory(path: &str) -> Result<(), Status> {
    if path.is_empty() || path.contains('\0') {
        return Err(Status::InvalidArgument);
    }
    std::fs::create_dir(path).map_err(|e| status_of(&e, path))
}

/// Deletes the empty directory `path`.
pub(crate) fn delete_directory(path: &str) -> Result<(), Status> {
    if path.is_empty() || path.contains('\0') {
        return Err(Status::InvalidArgument);
    }
    std::fs::remove_dir(path).map_err(|e| match status_of(&e, path) {
        Status::FileNotFound => Status::PathNotFound,
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(tag: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("osprey-kernel-file-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn missing_files_and_missing_directories_are_told_apart() {
        let dir = temp_dir("missing");
        let file = dir.join("nope.txt");
        let deep = dir.join("no-dir").join("nope.txt");
        let read = Access::from_raw(1).unwrap();
        assert_eq!(
            FileObject::open(file.to_str().unwrap(), OpenMode::Open, read).err(),
            Some(Status::FileNotFound)
        );
        assert_eq!(
            FileObject::open(deep.to_str().unwrap(), OpenMode::Open, read).err(),
            Some(Status::PathNotFound)
        );
        assert_eq!(
            FileObject::open(dir.to_str().unwrap(), OpenMode::Open, read).err(),
            Some(Status::AccessDenied)
        );
        assert_eq!(
            DirectoryListing::open(dir.join("no-dir").to_str().unwrap()).err(),
            Some(Status::PathNotFound)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn modes_follow_dotnet() {
        let dir = temp_dir("modes");
        let path = dir.join("f.bin");
        let p = path.to_str().unwrap();
        let rw = Access::from_raw(3).unwrap();
        let w = Access::from_raw(2).unwrap();
        let r = Access::from_raw(1).unwrap();
        assert_eq!(
            FileObject::open(p, OpenMode::Create, r).err(),
            Some(Status::InvalidArgument)
        );
        let f = FileObject::open(p, OpenMode::CreateNew, rw).unwrap();
        f.write(b"hello").unwrap();
        assert_eq!(f.length().unwrap(), 5);
        assert_eq!(f.seek(1, 0).unwrap(), 1);
        let mut buf = [0u8; 8];
        assert_eq!(f.read(&mut buf).unwrap(), 4);
        assert_eq!(&buf[..4], b"ello");
        assert_eq!(f.read(&mut buf).unwrap(), 0);
        drop(f);
        assert_eq!(
            FileObject::open(p, OpenMode::CreateNew, rw).err(),
            Some(Status::AlreadyExists)
        );
        let a = FileObject::open(p, OpenMode::Append, w).unwrap();
        a.write(b"!").unwrap();
        assert_eq!(a.length().unwrap(), 6);
        assert_eq!(a.read(&mut buf).err(), Some(Status::AccessDenied));
        drop(a);
        let t = FileObject::open(p, OpenMode::Truncate, w).unwrap();
        assert_eq!(t.length().unwrap(), 0);
        drop(t);
        let oc = dir.join("oc.txt");
        FileObject::open(oc.to_str().unwrap(), OpenMode::OpenOrCreate, r).unwrap();
        assert_eq!(path_kind(oc.to_str().unwrap()), PathKind::File);
        assert_eq!(path_kind(dir.to_str().unwrap()), PathKind::Directory);
        delete_file(oc.to_str().unwrap()).unwrap();
        assert_eq!(path_kind(oc.to_str().unwrap()), PathKind::Missing);
        assert_eq!(
            delete_file(oc.to_str().unwrap()).err(),
            Some(Status::FileNotFound)
        );
        let sub = dir.join("sub");
        create_directory(sub.to_str().unwrap()).unwrap();
        assert_eq!(
            create_directory(sub.to_str().unwrap()).err(),
            Some(Status::AlreadyExists)
        );
        assert_eq!(
            delete_directory(dir.to_str().unwrap()).err(),
            Some(Status::DirectoryNotEmpty)
        );
        let listing = DirectoryListing::open(dir.to_str().unwrap()).unwrap();
        let mut names = Vec::new();
        while let Some(n) = listing.with_next(|n| (true, n.to_owned())) {
            names.push(n);
        }
        names.sort();
        assert_eq!(names, ["f.bin", "sub"]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
