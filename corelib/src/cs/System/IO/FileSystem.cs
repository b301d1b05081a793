using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.IO
{
    // The file system as the kernel's FileService offers it (ABI v3):
    // QCalls (qcall/src/file.rs) that return a result or a negated kernel
    // status, and the exceptions .NET throws for each status, with .NET's
    // messages. Files are handles in the calling kernel process's table; a
    // process started without file access (osprey run --no-file-access)
    // gets UnauthorizedAccessException from every operation.
    internal static class FileSystem
    {
        // Kernel status codes (kernel/src/status.rs; docs/kernel.md).
        internal const int InvalidArgument = 1;
        internal const int InvalidUtf8 = 2;
        internal const int NoProcess = 5;
        internal const int InvalidHandle = 6;
        internal const int OutOfMemory = 9;
        internal const int AccessDenied = 19;
        internal const int NotPermitted = 20;
        internal const int FileNotFound = 21;
        internal const int PathNotFound = 22;
        internal const int AlreadyExists = 23;
        internal const int DirectoryNotEmpty = 24;
        internal const int IoError = 25;

        // What GetPathKind answers.
        internal const int KindMissing = 0;
        internal const int KindFile = 1;
        internal const int KindDirectory = 2;

        // The exception for a kernel status about `path`.
        internal static Exception ExceptionFor(int status, string path)
        {
            switch (status)
            {
                case FileNotFound:
                    return new FileNotFoundException(String.Concat("Could not find file '", path, "'."), path);
                case PathNotFound:
                    return new DirectoryNotFoundException(String.Concat("Could not find a part of the path '", path, "'."));
                case AccessDenied:
                    return new UnauthorizedAccessException(String.Concat("Access to the path '", path, "' is denied."));
                case NotPermitted:
                    return new UnauthorizedAccessException(String.Concat("Access to the path '", path, "' is denied: the process was started without file-system access."));
                case AlreadyExists:
                    return new IOException(String.Concat("The file '", path, "' already exists."));
                case DirectoryNotEmpty:
                    return new IOException(String.Concat("Directory not empty : '", path, "'"));
                case OutOfMemory:
                    return new OutOfMemoryException();
                case InvalidArgument:
                case InvalidUtf8:
                    return new ArgumentException(String.Concat("The path '", path, "' is not valid."), "path");
                case InvalidHandle:
                    return new ObjectDisposedException(null, "Cannot access a closed file.");
            }
            return new IOException(String.Concat("I/O error on '", path, "' (kernel status ", status.ToString(), ")."));
        }

        // The checks .NET makes on a path argument.
        internal static void CheckPath(string path, string paramName)
        {
            if (path == null)
                throw new ArgumentNullException(paramName);
            if (path.Length == 0)
                throw new ArgumentException("Empty path name is not legal.", paramName);
            if (path.IndexOf('\0') >= 0)
                throw new ArgumentException("Illegal characters in path.", paramName);
        }

        internal static int Open(string path, FileMode mode, FileAccess access)
        {
            long r = OpenCore(path, (int)mode, (int)access);
            if (r < 0)
                throw ExceptionFor((int)-r, path);
            return (int)r;
        }

        internal static unsafe int Read(int handle, byte[] buffer, int offset, int count, string path)
        {
            if (count == 0)
                return 0;
            int n;
            fixed (byte* p = buffer)
                n = ReadCore(handle, p + offset, count);
            if (n < 0)
                throw ExceptionFor(-n, path);
            return n;
        }

        internal static unsafe void Write(int handle, byte[] buffer, int offset, int count, string path)
        {
            if (count == 0)
                return;
            int r;
            fixed (byte* p = buffer)
                r = WriteCore(handle, p + offset, count);
            if (r < 0)
                throw ExceptionFor(-r, path);
        }

        internal static long Seek(int handle, long offset, SeekOrigin origin, string path)
        {
            long r = SeekCore(handle, offset, (int)origin);
            if (r < 0)
            {
                if (r == -InvalidArgument)
                    throw new IOException("An attempt was made to move the position before the beginning of the stream.");
                throw ExceptionFor((int)-r, path);
            }
            return r;
        }

        internal static long GetLength(int handle, string path)
        {
            long r = GetLengthCore(handle);
            if (r < 0)
                throw ExceptionFor((int)-r, path);
            return r;
        }

        internal static void SetLength(int handle, long length, string path)
        {
            int r = SetLengthCore(handle, length);
            if (r < 0)
                throw ExceptionFor(-r, path);
        }

        internal static void Close(int handle)
        {
            CloseCore(handle);
        }

        // KindMissing, KindFile, KindDirectory (3: something else); a
        // missing or unexaminable path is KindMissing. Throws only for a
        // process without file access.
        internal static int GetPathKind(string path)
        {
            int r = GetPathKindCore(path);
            if (r == -NotPermitted)
                throw ExceptionFor(NotPermitted, path);
            return r < 0 ? KindMissing : r;
        }

        // Deletes a file; false (nothing thrown) if there was none.
        internal static bool DeleteFile(string path)
        {
            int r = DeleteFileCore(path);
            if (r == -FileNotFound)
                return false;
            if (r < 0)
                throw ExceptionFor(-r, path);
            return true;
        }

        // Creates one directory; false if something exists at the path.
        internal static bool CreateDirectory(string path)
        {
            int r = CreateDirectoryCore(path);
            if (r == -AlreadyExists)
                return false;
            if (r < 0)
                throw ExceptionFor(-r, path);
            return true;
        }

        internal static void DeleteDirectory(string path)
        {
            int r = DeleteDirectoryCore(path);
            if (r < 0)
                throw ExceptionFor(-r, path);
        }

        // The names in a directory, in the order the OS lists them.
        internal static string[] ListDirectory(string path)
        {
            string joined = null;
            int r = ListDirectoryCore(path, new StringHandleOnStack(ref joined));
            if (r < 0)
                throw ExceptionFor(-r, path);
            return SplitNulTerminated(joined);
        }

        // "a\0b\0" -> { "a", "b" }: how QCalls return lists of strings.
        internal static string[] SplitNulTerminated(string joined)
        {
            if (String.IsNullOrEmpty(joined))
                return new string[0];
            int count = 0;
            for (int i = 0; i < joined.Length; i++)
            {
                if (joined[i] == '\0')
                    count++;
            }
            string[] items = new string[count];
            int start = 0;
            int k = 0;
            for (int i = 0; i < joined.Length; i++)
            {
                if (joined[i] == '\0')
                {
                    items[k++] = joined.Substring(start, i - start);
                    start = i + 1;
                }
            }
            return items;
        }

        [DllImport("QCall", EntryPoint = "File_Open")]
        private static extern long OpenCore(string path, int mode, int access);

        [DllImport("QCall", EntryPoint = "File_Read")]
        private static extern unsafe int ReadCore(int handle, byte* buffer, int count);

        [DllImport("QCall", EntryPoint = "File_Write")]
        private static extern unsafe int WriteCore(int handle, byte* buffer, int count);

        [DllImport("QCall", EntryPoint = "File_Seek")]
        private static extern long SeekCore(int handle, long offset, int origin);

        [DllImport("QCall", EntryPoint = "File_GetLength")]
        private static extern long GetLengthCore(int handle);

        [DllImport("QCall", EntryPoint = "File_SetLength")]
        private static extern int SetLengthCore(int handle, long length);

        [DllImport("QCall", EntryPoint = "File_Close")]
        private static extern int CloseCore(int handle);

        [DllImport("QCall", EntryPoint = "File_GetPathKind")]
        private static extern int GetPathKindCore(string path);

        [DllImport("QCall", EntryPoint = "File_DeleteFile")]
        private static extern int DeleteFileCore(string path);

        [DllImport("QCall", EntryPoint = "File_CreateDirectory")]
        private static extern int CreateDirectoryCore(string path);

        [DllImport("QCall", EntryPoint = "File_DeleteDirectory")]
        private static extern int DeleteDirectoryCore(string path);

        [DllImport("QCall", EntryPoint = "File_ListDirectory")]
        private static extern int ListDirectoryCore(string path, StringHandleOnStack names);
    }
}
