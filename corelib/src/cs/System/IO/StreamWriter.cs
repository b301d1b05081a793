using System.Text;

namespace System.IO
{
    // Writes characters to a stream of bytes in an encoding (UTF-8 without
    // a byte-order mark unless told otherwise). Characters are buffered
    // until Flush, Close/Dispose, or a full buffer (AutoFlush: after every
    // write).
    public class StreamWriter : TextWriter
    {
        private const int DefaultBufferSize = 1024;

        public static readonly new StreamWriter Null = new StreamWriter(Stream.Null, new UTF8Encoding(false), 128, true);

        private Stream _stream;
        private readonly Encoding _encoding;
        private readonly Encoder _encoder;
        private readonly char[] _chars;
        private int _charPos;
        private byte[] _bytes;
        private bool _autoFlush;
        private bool _preambleDone;
        private readonly bool _leaveOpen;

        public StreamWriter(Stream stream)
            : this(stream, new UTF8Encoding(false), DefaultBufferSize, false)
        {
        }

        public StreamWriter(Stream stream, Encoding encoding)
            : this(stream, encoding, DefaultBufferSize, false)
        {
        }

        public StreamWriter(Stream stream, Encoding encoding, int bufferSize)
            : this(stream, encoding, bufferSize, false)
        {
        }

        public StreamWriter(Stream stream, Encoding encoding, int bufferSize, bool leaveOpen)
        {
            if (stream == null)
                throw new ArgumentNullException("stream");
            if (encoding == null)
                throw new ArgumentNullException("encoding");
            if (!stream.CanWrite)
                throw new ArgumentException("Stream was not writable.");
            if (bufferSize <= 0)
                throw new ArgumentOutOfRangeException("bufferSize", "Positive number required.");
            _stream = stream;
            _encoding = encoding;
            _encoder = encoding.GetEncoder();
            _chars = new char[bufferSize];
            _leaveOpen = leaveOpen;
            // No byte-order mark in the middle of an existing file.
            if (stream.CanSeek && stream.Position > 0)
                _preambleDone = true;
        }

        public StreamWriter(string path)
            : this(path, false, new UTF8Encoding(false), DefaultBufferSize)
        {
        }

        public StreamWriter(string path, bool append)
            : this(path, append, new UTF8Encoding(false), DefaultBufferSize)
        {
        }

        public StreamWriter(string path, bool append, Encoding encoding)
            : this(path, append, encoding, DefaultBufferSize)
        {
        }

        public StreamWriter(string path, bool append, Encoding encoding, int bufferSize)
            : this(OpenForWriting(path, append), encoding, bufferSize, false)
        {
        }

        private static Stream OpenForWriting(string path, bool append)
        {
            FileSystem.CheckPath(path, "path");
            return new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, 4096);
        }

        public virtual bool AutoFlush
        {
            get { return _autoFlush; }
            set
            {
                _autoFlush = value;
                if (value)
                    Flush();
            }
        }

        public virtual Stream BaseStream
        {
            get { return _stream; }
        }

        public override Encoding Encoding
        {
            get { return _encoding; }
        }

        public override void Write(char value)
        {
            EnsureOpen();
            if (_charPos == _chars.Length)
                FlushChars(false);
            _chars[_charPos++] = value;
            if (_autoFlush)
                FlushChars(false);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            if (index < 0)
                throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (buffer.Length - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            EnsureOpen();
            while (count > 0)
            {
                if (_charPos == _chars.Length)
                    FlushChars(false);
                int n = _chars.Length - _charPos;
                if (n > count)
                    n = count;
                Array.Copy(buffer, index, _chars, _charPos, n);
                _charPos += n;
                index += n;
                count -= n;
            }
            if (_autoFlush)
                FlushChars(false);
        }

        public override void Write(string value)
        {
            if (value == null)
                return;
            EnsureOpen();
            int index = 0;
            int count = value.Length;
            while (count > 0)
            {
                if (_charPos == _chars.Length)
                    FlushChars(false);
                int n = _chars.Length - _charPos;
                if (n > count)
                    n = count;
                value.CopyTo(index, _chars, _charPos, n);
                _charPos += n;
                index += n;
                count -= n;
            }
            if (_autoFlush)
                FlushChars(false);
        }

        public override void Flush()
        {
            EnsureOpen();
            FlushChars(true);
            _stream.Flush();
        }

        public override void Close()
        {
            Dispose(true);
        }

        protected override void Dispose(bool disposing)
        {
            if (_stream == null)
                return;
            try
            {
                FlushChars(true);
                _stream.Flush();
            }
            finally
            {
                if (!_leaveOpen)
                    _stream.Close();
                _stream = null;
            }
        }

        // Encodes the buffered characters and writes the bytes to the stream
        // (the encoding's preamble first, once). `flush`: the input may end
        // here (a high surrogate left at the end is encoded as it is).
        private void FlushChars(bool flush)
        {
            if (!_preambleDone)
            {
                _preambleDone = true;
                byte[] preamble = _encoding.GetPreamble();
                if (preamble.Length > 0)
                    _stream.Write(preamble, 0, preamble.Length);
            }
            if (_charPos == 0 && !flush)
                return;
            int needed = _encoder.GetByteCount(_chars, 0, _charPos, flush);
            if (_bytes == null || _bytes.Length < needed)
                _bytes = new byte[needed < 256 ? 256 : needed];
            int n = _encoder.GetBytes(_chars, 0, _charPos, _bytes, 0, flush);
            _charPos = 0;
            if (n > 0)
                _stream.Write(_bytes, 0, n);
        }

        private void EnsureOpen()
        {
            if (_stream == null)
                throw new ObjectDisposedException(null, "Cannot write to a closed TextWriter.");
        }
    }
}
