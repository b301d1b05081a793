namespace System.IO
{
    // A file opened through the kernel's FileService, with a buffer for
    // reads and writes (4096 bytes unless asked otherwise). The kernel closes
    // whatever a process leaves open when it ends; FileStream has no
    // finalizer, so unflushed data of a stream never closed is lost, as it
    // is when .NET Core exits.
    public class FileStream : Stream
    {
        private const int DefaultBufferSize = 4096;

        private int _handle;
        private readonly string _name;
        private readonly FileAccess _access;
        private readonly byte[] _buffer;
        // Read buffer: _buffer[_readPos.._readLen) not yet consumed.
        private int _readPos;
        private int _readLen;
        // Write buffer: _buffer[0.._writePos) not yet written.
        private int _writePos;
        // Append mode: the position may not move before this.
        private readonly long _appendStart = -1;

        public FileStream(string path, FileMode mode)
            : this(path, mode, mode == FileMode.Append ? FileAccess.Write : FileAccess.ReadWrite, FileShare.Read, DefaultBufferSize)
        {
        }

        public FileStream(string path, FileMode mode, FileAccess access)
            : this(path, mode, access, FileShare.Read, DefaultBufferSize)
        {
        }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share)
            : this(path, mode, access, share, DefaultBufferSize)
        {
        }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize)
        {
            FileSystem.CheckPath(path, "path");
            if (mode < FileMode.CreateNew || mode > FileMode.Append)
                throw new ArgumentOutOfRangeException("mode", "Enum value was out of legal range.");
            if (access < FileAccess.Read || access > FileAccess.ReadWrite)
                throw new ArgumentOutOfRangeException("access", "Enum value was out of legal range.");
            if (bufferSize <= 0)
                throw new ArgumentOutOfRangeException("bufferSize", "Positive number required.");
            if ((access & FileAccess.Write) == 0 && (mode == FileMode.Truncate || mode == FileMode.CreateNew || mode == FileMode.Create || mode == FileMode.Append))
                throw new ArgumentException(String.Concat("Combining FileMode: ", mode.ToString(), " with FileAccess: ", access.ToString(), " is invalid."), "access");
            if (mode == FileMode.Append && (access & FileAccess.Read) != 0)
                throw new ArgumentException("Append access can be requested only in write-only mode.", "mode");
            _name = path;
            _access = access;
            _handle = FileSystem.Open(path, mode, access);
            _buffer = new byte[bufferSize < 8 ? 8 : bufferSize];
            if (mode == FileMode.Append)
                _appendStart = FileSystem.Seek(_handle, 0, SeekOrigin.End, _name);
        }

        public override bool CanRead
        {
            get { return _handle != 0 && (_access & FileAccess.Read) != 0; }
        }

        public override bool CanWrite
        {
            get { return _handle != 0 && (_access & FileAccess.Write) != 0; }
        }

        public override bool CanSeek
        {
            get { return _handle != 0; }
        }

        public virtual string Name
        {
            get { return _name; }
        }

        public virtual bool IsAsync
        {
            get { return false; }
        }

        public override long Length
        {
            get
            {
                EnsureOpen();
                FlushWrites();
                return FileSystem.GetLength(_handle, _name);
            }
        }

        public override long Position
        {
            get
            {
                EnsureOpen();
                return FileSystem.Seek(_handle, 0, SeekOrigin.Current, _name) - (_readLen - _readPos) + _writePos;
            }
            set
            {
                if (value < 0)
                    throw new ArgumentOutOfRangeException("value", "Non-negative number required.");
                Seek(value, SeekOrigin.Begin);
            }
        }

        public override void Flush()
        {
            EnsureOpen();
            FlushWrites();
        }

        public virtual void Flush(bool flushToDisk)
        {
            Flush();
        }

        public override int Read(byte[] array, int offset, int count)
        {
            CheckBuffer(array, offset, count);
            EnsureOpen();
            if ((_access & FileAccess.Read) == 0)
                throw new NotSupportedException("Stream does not support reading.");
            FlushWrites();
            int available = _readLen - _readPos;
            if (available == 0)
            {
                if (count >= _buffer.Length)
                    return FileSystem.Read(_handle, array, offset, count, _name);
                _readPos = 0;
                _readLen = FileSystem.Read(_handle, _buffer, 0, _buffer.Length, _name);
                available = _readLen;
                if (available == 0)
                    return 0;
            }
            int n = available < count ? available : count;
            Array.Copy(_buffer, _readPos, array, offset, n);
            _readPos += n;
            return n;
        }

        public override int ReadByte()
        {
            EnsureOpen();
            if (_readPos < _readLen)
                return _buffer[_readPos++];
            byte[] one = new byte[1];
            return Read(one, 0, 1) == 0 ? -1 : one[0];
        }

        public override void Write(byte[] array, int offset, int count)
        {
            CheckBuffer(array, offset, count);
            EnsureOpen();
            if ((_access & FileAccess.Write) == 0)
                throw new NotSupportedException("Stream does not support writing.");
            DiscardReads();
            if (_writePos + count > _buffer.Length)
            {
                FlushWrites();
                if (count >= _buffer.Length)
                {
                    FileSystem.Write(_handle, array, offset, count, _name);
                    return;
                }
            }
            Array.Copy(array, offset, _buffer, _writePos, count);
            _writePos += count;
        }

        public override void WriteByte(byte value)
        {
            EnsureOpen();
            if (_writePos > 0 && _writePos < _buffer.Length)
            {
                _buffer[_writePos++] = value;
                return;
            }
            byte[] one = new byte[1];
            one[0] = value;
            Write(one, 0, 1);
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            EnsureOpen();
            if (origin < SeekOrigin.Begin || origin > SeekOrigin.End)
                throw new ArgumentException("Invalid seek origin.");
            FlushWrites();
            if (origin == SeekOrigin.Current)
                offset -= _readLen - _readPos;
            DiscardBuffer();
            long target = origin == SeekOrigin.Begin ? offset : -1;
            if (_appendStart >= 0)
            {
                long now = FileSystem.Seek(_handle, 0, SeekOrigin.Current, _name);
                long end = origin == SeekOrigin.End ? FileSystem.GetLength(_handle, _name) : 0;
                long wanted = origin == SeekOrigin.Begin ? offset : origin == SeekOrigin.Current ? now + offset : end + offset;
                if (wanted < _appendStart)
                    throw new IOException("Unable seek backward to overwrite data that previously existed in a file opened in Append mode.");
                target = wanted;
                return FileSystem.Seek(_handle, target, SeekOrigin.Begin, _name);
            }
            return FileSystem.Seek(_handle, offset, origin, _name);
        }

        public override void SetLength(long value)
        {
            if (value < 0)
                throw new ArgumentOutOfRangeException("value", "Non-negative number required.");
            EnsureOpen();
            if ((_access & FileAccess.Write) == 0)
                throw new NotSupportedException("Stream does not support writing.");
            FlushWrites();
            long position = FileSystem.Seek(_handle, 0, SeekOrigin.Current, _name) - (_readLen - _readPos);
            DiscardBuffer();
            FileSystem.SetLength(_handle, value, _name);
            if (position > value)
                position = value;
            FileSystem.Seek(_handle, position, SeekOrigin.Begin, _name);
        }

        protected override void Dispose(bool disposing)
        {
            if (_handle == 0)
                return;
            try
            {
                FlushWrites();
            }
            finally
            {
                FileSystem.Close(_handle);
                _handle = 0;
            }
        }

        private void FlushWrites()
        {
            if (_writePos > 0)
            {
                int n = _writePos;
                _writePos = 0;
                FileSystem.Write(_handle, _buffer, 0, n, _name);
            }
        }

        // Gives back what was read ahead, so the kernel's position is the
        // stream's.
        private void DiscardReads()
        {
            if (_readLen - _readPos > 0)
                FileSystem.Seek(_handle, _readPos - _readLen, SeekOrigin.Current, _name);
            _readPos = _readLen = 0;
        }

        private void DiscardBuffer()
        {
            _readPos = _readLen = 0;
        }

        private void EnsureOpen()
        {
            if (_handle == 0)
                throw new ObjectDisposedException(null, "Cannot access a closed file.");
        }
    }
}
