namespace System.IO
{
    // A stream over a byte array that grows as it is written (unless it was
    // created over a caller's array).
    public class MemoryStream : Stream
    {
        private byte[] _buffer;
        private readonly int _origin;
        private int _position;
        private int _length;
        private int _capacity;
        private readonly bool _expandable;
        private readonly bool _writable;
        private readonly bool _exposable;
        private bool _open;

        public MemoryStream()
            : this(0)
        {
        }

        public MemoryStream(int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "Capacity must be positive.");
            _buffer = new byte[capacity];
            _capacity = capacity;
            _expandable = true;
            _writable = true;
            _exposable = true;
            _open = true;
        }

        public MemoryStream(byte[] buffer)
            : this(buffer, true)
        {
        }

        public MemoryStream(byte[] buffer, bool writable)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            _buffer = buffer;
            _length = _capacity = buffer.Length;
            _writable = writable;
            _open = true;
        }

        public MemoryStream(byte[] buffer, int index, int count)
            : this(buffer, index, count, true, false)
        {
        }

        public MemoryStream(byte[] buffer, int index, int count, bool writable)
            : this(buffer, index, count, writable, false)
        {
        }

        public MemoryStream(byte[] buffer, int index, int count, bool writable, bool publiclyVisible)
        {
            CheckBuffer(buffer, index, count);
            _buffer = buffer;
            _origin = _position = index;
            _length = _capacity = index + count;
            _writable = writable;
            _exposable = publiclyVisible;
            _open = true;
        }

        public override bool CanRead
        {
            get { return _open; }
        }

        public override bool CanSeek
        {
            get { return _open; }
        }

        public override bool CanWrite
        {
            get { return _open && _writable; }
        }

        public virtual int Capacity
        {
            get
            {
                EnsureOpen();
                return _capacity - _origin;
            }
            set
            {
                EnsureOpen();
                if (value < _length - _origin)
                    throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (!_expandable && value != Capacity)
                    throw new NotSupportedException("Memory stream is not expandable.");
                if (_expandable && value != _capacity)
                {
                    byte[] grown = new byte[value];
                    if (_length > 0)
                        Array.Copy(_buffer, 0, grown, 0, _length);
                    _buffer = grown;
                    _capacity = value;
                }
            }
        }

        public override long Length
        {
            get
            {
                EnsureOpen();
                return _length - _origin;
            }
        }

        public override long Position
        {
            get
            {
                EnsureOpen();
                return _position - _origin;
            }
            set
            {
                EnsureOpen();
                if (value < 0)
                    throw new ArgumentOutOfRangeException("value", "Non-negative number required.");
                if (value > int.MaxValue - _origin)
                    throw new ArgumentOutOfRangeException("value", "Stream length must be non-negative and less than 2^31 - 1 - origin.");
                _position = _origin + (int)value;
            }
        }

        public override void Flush()
        {
        }

        public virtual byte[] GetBuffer()
        {
            if (!_exposable)
                throw new UnauthorizedAccessException("MemoryStream's internal buffer cannot be accessed.");
            return _buffer;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            CheckBuffer(buffer, offset, count);
            EnsureOpen();
            int n = _length - _position;
            if (n > count)
                n = count;
            if (n <= 0)
                return 0;
            Array.Copy(_buffer, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override int ReadByte()
        {
            EnsureOpen();
            if (_position >= _length)
                return -1;
            return _buffer[_position++];
        }

        public override long Seek(long offset, SeekOrigin loc)
        {
            EnsureOpen();
            long baseline;
            switch (loc)
            {
                case SeekOrigin.Begin:
                    baseline = _origin;
                    break;
                case SeekOrigin.Current:
                    baseline = _position;
                    break;
                case SeekOrigin.End:
                    baseline = _length;
                    break;
                default:
                    throw new ArgumentException("Invalid seek origin.");
            }
            long target = baseline + offset;
            if (target < _origin)
                throw new IOException("An attempt was made to move the position before the beginning of the stream.");
            if (target > int.MaxValue)
                throw new ArgumentOutOfRangeException("offset", "Stream length must be non-negative and less than 2^31 - 1 - origin.");
            _position = (int)target;
            return _position - _origin;
        }

        public override void SetLength(long value)
        {
            EnsureWritable();
            if (value < 0 || value > int.MaxValue - _origin)
                throw new ArgumentOutOfRangeException("value", "Stream length must be non-negative and less than 2^31 - 1 - origin.");
            int newLength = _origin + (int)value;
            EnsureCapacity(newLength);
            if (newLength > _length)
                Array.Clear(_buffer, _length, newLength - _length);
            _length = newLength;
            if (_position > newLength)
                _position = newLength;
        }

        public virtual byte[] ToArray()
        {
            byte[] copy = new byte[_length - _origin];
            if (copy.Length > 0)
                Array.Copy(_buffer, _origin, copy, 0, copy.Length);
            return copy;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            CheckBuffer(buffer, offset, count);
            EnsureWritable();
            int end = _position + count;
            if (end < 0)
                throw new IOException("Stream was too long.");
            if (end > _length)
            {
                EnsureCapacity(end);
                if (_position > _length)
                    Array.Clear(_buffer, _length, _position - _length);
                _length = end;
            }
            Array.Copy(buffer, offset, _buffer, _position, count);
            _position = end;
        }

        public override void WriteByte(byte value)
        {
            EnsureWritable();
            if (_position >= _length)
            {
                EnsureCapacity(_position + 1);
                if (_position > _length)
                    Array.Clear(_buffer, _length, _position - _length);
                _length = _position + 1;
            }
            _buffer[_position++] = value;
        }

        public virtual void WriteTo(Stream stream)
        {
            if (stream == null)
                throw new ArgumentNullException("stream");
            EnsureOpen();
            stream.Write(_buffer, _origin, _length - _origin);
        }

        protected override void Dispose(bool disposing)
        {
            _open = false;
        }

        private void EnsureCapacity(int needed)
        {
            if (needed <= _capacity)
                return;
            if (!_expandable)
                throw new NotSupportedException("Memory stream is not expandable.");
            int grown = _capacity < 256 ? 256 : _capacity * 2;
            if (grown < needed || grown < 0)
                grown = needed;
            Capacity = grown;
        }

        private void EnsureOpen()
        {
            if (!_open)
                throw new ObjectDisposedException(null, "Cannot access a closed Stream.");
        }

        private void EnsureWritable()
        {
            EnsureOpen();
            if (!_writable)
                throw new NotSupportedException("Stream does not support writing.");
        }
    }
}
