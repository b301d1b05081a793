using System.Text;

namespace System.IO
{
    // Reads characters from a stream of bytes in an encoding (UTF-8 unless
    // told otherwise; a byte-order mark at the start picks UTF-8 or UTF-16
    // when detection is on, the default).
    public class StreamReader : TextReader
    {
        private const int DefaultBufferSize = 4096;

        private Stream _stream;
        private Encoding _encoding;
        private Decoder _decoder;
        private readonly byte[] _bytes;
        private char[] _chars;
        private int _charPos;
        private int _charLen;
        private bool _detectEncoding;
        private bool _checkPreamble;
        private bool _endOfStream;
        private readonly bool _leaveOpen;

        public StreamReader(Stream stream)
            : this(stream, new UTF8Encoding(false), true, DefaultBufferSize, false)
        {
        }

        public StreamReader(Stream stream, bool detectEncodingFromByteOrderMarks)
            : this(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks, DefaultBufferSize, false)
        {
        }

        public StreamReader(Stream stream, Encoding encoding)
            : this(stream, encoding, true, DefaultBufferSize, false)
        {
        }

        public StreamReader(Stream stream, Encoding encoding, bool detectEncodingFromByteOrderMarks)
            : this(stream, encoding, detectEncodingFromByteOrderMarks, DefaultBufferSize, false)
        {
        }

        public StreamReader(Stream stream, Encoding encoding, bool detectEncodingFromByteOrderMarks, int bufferSize)
            : this(stream, encoding, detectEncodingFromByteOrderMarks, bufferSize, false)
        {
        }

        public StreamReader(Stream stream, Encoding encoding, bool detectEncodingFromByteOrderMarks, int bufferSize, bool leaveOpen)
        {
            if (stream == null)
                throw new ArgumentNullException("stream");
            if (encoding == null)
                throw new ArgumentNullException("encoding");
            if (!stream.CanRead)
                throw new ArgumentException("Stream was not readable.");
            if (bufferSize <= 0)
                throw new ArgumentOutOfRangeException("bufferSize", "Positive number required.");
            _stream = stream;
            _encoding = encoding;
            _decoder = encoding.GetDecoder();
            _bytes = new byte[bufferSize < 128 ? 128 : bufferSize];
            _chars = new char[encoding.GetMaxCharCount(_bytes.Length)];
            _detectEncoding = detectEncodingFromByteOrderMarks;
            _checkPreamble = encoding.GetPreamble().Length > 0;
            _leaveOpen = leaveOpen;
        }

        public StreamReader(string path)
            : this(path, new UTF8Encoding(false), true, DefaultBufferSize)
        {
        }

        public StreamReader(string path, bool detectEncodingFromByteOrderMarks)
            : this(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks, DefaultBufferSize)
        {
        }

        public StreamReader(string path, Encoding encoding)
            : this(path, encoding, true, DefaultBufferSize)
        {
        }

        public StreamReader(string path, Encoding encoding, bool detectEncodingFromByteOrderMarks)
            : this(path, encoding, detectEncodingFromByteOrderMarks, DefaultBufferSize)
        {
        }

        public StreamReader(string path, Encoding encoding, bool detectEncodingFromByteOrderMarks, int bufferSize)
            : this(OpenForReading(path), encoding, detectEncodingFromByteOrderMarks, bufferSize, false)
        {
        }

        private static Stream OpenForReading(string path)
        {
            FileSystem.CheckPath(path, "path");
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, DefaultBufferSize);
        }

        public virtual Stream BaseStream
        {
            get { return _stream; }
        }

        public virtual Encoding CurrentEncoding
        {
            get { return _encoding; }
        }

        public bool EndOfStream
        {
            get
            {
                EnsureOpen();
                return _charPos >= _charLen && Fill() == 0;
            }
        }

        public override void Close()
        {
            Dispose(true);
        }

        protected override void Dispose(bool disposing)
        {
            if (_stream != null && !_leaveOpen)
                _stream.Close();
            _stream = null;
        }

        public void DiscardBufferedData()
        {
            _charPos = _charLen = 0;
            _decoder = _encoding.GetDecoder();
            _endOfStream = false;
        }

        public override int Peek()
        {
            EnsureOpen();
            if (_charPos >= _charLen && Fill() == 0)
                return -1;
            return _chars[_charPos];
        }

        public override int Read()
        {
            EnsureOpen();
            if (_charPos >= _charLen && Fill() == 0)
                return -1;
            return _chars[_charPos++];
        }

        public override int Read(char[] buffer, int index, int count)
        {
            CheckBuffer(buffer, index, count);
            EnsureOpen();
            if (_charPos >= _charLen && Fill() == 0)
                return 0;
            int n = _charLen - _charPos;
            if (n > count)
                n = count;
            Array.Copy(_chars, _charPos, buffer, index, n);
            _charPos += n;
            return n;
        }

        public override string ReadToEnd()
        {
            EnsureOpen();
            StringBuilder sb = new StringBuilder();
            do
            {
                sb.Append(_chars, _charPos, _charLen - _charPos);
                _charPos = _charLen;
            }
            while (Fill() != 0);
            return sb.ToString();
        }

        public override string ReadLine()
        {
            EnsureOpen();
            if (_charPos >= _charLen && Fill() == 0)
                return null;
            StringBuilder sb = null;
            while (true)
            {
                for (int i = _charPos; i < _charLen; i++)
                {
                    char c = _chars[i];
                    if (c == '\r' || c == '\n')
                    {
                        string line;
                        if (sb == null)
                        {
                            line = new string(_chars, _charPos, i - _charPos);
                        }
                        else
                        {
                            sb.Append(_chars, _charPos, i - _charPos);
                            line = sb.ToString();
                        }
                        _charPos = i + 1;
                        if (c == '\r' && (_charPos < _charLen || Fill() > 0) && _chars[_charPos] == '\n')
                            _charPos++;
                        return line;
                    }
                }
                if (sb == null)
                    sb = new StringBuilder();
                sb.Append(_chars, _charPos, _charLen - _charPos);
                _charPos = _charLen;
                if (Fill() == 0)
                    return sb.ToString();
            }
        }

        // Decodes the next bytes into the character buffer (which must be
        // consumed); the number of characters, 0 at the end of the stream.
        private int Fill()
        {
            _charPos = _charLen = 0;
            while (!_endOfStream)
            {
                int n = _stream.Read(_bytes, 0, _bytes.Length);
                if (n == 0)
                {
                    _endOfStream = true;
                    break;
                }
                int start = 0;
                if (_detectEncoding || _checkPreamble)
                    start = DetectPreamble(n);
                _charLen = _decoder.GetChars(_bytes, start, n - start, _chars, 0);
                if (_charLen > 0)
                    return _charLen;
            }
            return 0;
        }

        // At the first read: skips a byte-order mark (switching the
        // encoding to the one it names when detection is on). Returns where
        // the text starts.
        private int DetectPreamble(int n)
        {
            _detectEncoding = false;
            _checkPreamble = false;
            if (n >= 3 && _bytes[0] == 0xEF && _bytes[1] == 0xBB && _bytes[2] == 0xBF)
            {
                if (!(_encoding is UTF8Encoding))
                    SwitchEncoding(new UTF8Encoding(false));
                return 3;
            }
            if (n >= 2 && _bytes[0] == 0xFF && _bytes[1] == 0xFE)
            {
                SwitchEncoding(new UnicodeEncoding(false, true));
                return 2;
            }
            if (n >= 2 && _bytes[0] == 0xFE && _bytes[1] == 0xFF)
            {
                SwitchEncoding(new UnicodeEncoding(true, true));
                return 2;
            }
            return 0;
        }

        private void SwitchEncoding(Encoding encoding)
        {
            _encoding = encoding;
            _decoder = encoding.GetDecoder();
            int max = encoding.GetMaxCharCount(_bytes.Length);
            if (_chars.Length < max)
                _chars = new char[max];
        }

        private void EnsureOpen()
        {
            if (_stream == null)
                throw new ObjectDisposedException(null, "Cannot read from a closed TextReader.");
        }
    }
}
