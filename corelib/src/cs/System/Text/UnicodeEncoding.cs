namespace System.Text
{
    // UTF-16, little-endian ("Unicode") or big-endian. Code units pass
    // through unchanged (as .NET does, unpaired surrogates included); an odd
    // trailing byte decodes as U+FFFD.
    public class UnicodeEncoding : Encoding
    {
        private readonly bool _bigEndian;
        private readonly bool _byteOrderMark;

        public UnicodeEncoding()
            : this(false, true)
        {
        }

        public UnicodeEncoding(bool bigEndian, bool byteOrderMark)
            : base(bigEndian ? 1201 : 1200)
        {
            _bigEndian = bigEndian;
            _byteOrderMark = byteOrderMark;
        }

        public override string WebName
        {
            get { return _bigEndian ? "utf-16BE" : "utf-16"; }
        }

        public override string EncodingName
        {
            get { return _bigEndian ? "Unicode (Big-Endian)" : "Unicode"; }
        }

        public override byte[] GetPreamble()
        {
            if (!_byteOrderMark)
                return new byte[0];
            return _bigEndian ? new byte[] { 0xFE, 0xFF } : new byte[] { 0xFF, 0xFE };
        }

        public override int GetMaxByteCount(int charCount)
        {
            if (charCount < 0)
                throw new ArgumentOutOfRangeException("charCount", "Non-negative number required.");
            return (charCount + 1) * 2;
        }

        public override int GetMaxCharCount(int byteCount)
        {
            if (byteCount < 0)
                throw new ArgumentOutOfRangeException("byteCount", "Non-negative number required.");
            return byteCount / 2 + 2;
        }

        public override int GetByteCount(char[] chars, int index, int count)
        {
            CheckRange(chars, "chars", index, count);
            return count * 2;
        }

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            CheckRange(chars, "chars", charIndex, charCount);
            if (bytes == null)
                throw new ArgumentNullException("bytes");
            if (byteIndex < 0 || bytes.Length - byteIndex < charCount * 2)
                throw new ArgumentException("The output byte buffer is too small to contain the encoded data.", "bytes");
            for (int i = 0; i < charCount; i++)
            {
                char c = chars[charIndex + i];
                int at = byteIndex + 2 * i;
                bytes[at + (_bigEndian ? 1 : 0)] = (byte)c;
                bytes[at + (_bigEndian ? 0 : 1)] = (byte)(c >> 8);
            }
            return charCount * 2;
        }

        public override int GetCharCount(byte[] bytes, int index, int count)
        {
            CheckRange(bytes, "bytes", index, count);
            return (count + 1) / 2;
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            CheckRange(bytes, "bytes", byteIndex, byteCount);
            if (chars == null)
                throw new ArgumentNullException("chars");
            int n = (byteCount + 1) / 2;
            if (charIndex < 0 || chars.Length - charIndex < n)
                throw new ArgumentException("The output char buffer is too small to contain the decoded characters.", "chars");
            for (int i = 0; i < byteCount / 2; i++)
            {
                int at = byteIndex + 2 * i;
                int lo = bytes[at + (_bigEndian ? 1 : 0)];
                int hi = bytes[at + (_bigEndian ? 0 : 1)];
                chars[charIndex + i] = (char)(lo | (hi << 8));
            }
            if ((byteCount & 1) != 0)
                chars[charIndex + n - 1] = '\uFFFD';
            return n;
        }

        public override Decoder GetDecoder()
        {
            return new UnicodeDecoder(_bigEndian);
        }

        public override bool Equals(object value)
        {
            UnicodeEncoding other = value as UnicodeEncoding;
            return other != null && other._bigEndian == _bigEndian && other._byteOrderMark == _byteOrderMark;
        }

        public override int GetHashCode()
        {
            return CodePage + (_byteOrderMark ? 4 : 0);
        }

        // Keeps an odd byte for the next call.
        private sealed class UnicodeDecoder : Decoder
        {
            private readonly bool _bigEndian;
            private int _pending = -1;

            internal UnicodeDecoder(bool bigEndian)
            {
                _bigEndian = bigEndian;
            }

            public override int GetCharCount(byte[] bytes, int index, int count)
            {
                CheckRange(bytes, "bytes", index, count);
                return (count + (_pending >= 0 ? 1 : 0)) / 2;
            }

            public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
            {
                CheckRange(bytes, "bytes", byteIndex, byteCount);
                if (chars == null)
                    throw new ArgumentNullException("chars");
                int written = 0;
                for (int i = 0; i < byteCount; i++)
                {
                    int b = bytes[byteIndex + i];
                    if (_pending < 0)
                    {
                        _pending = b;
                        continue;
                    }
                    int lo = _bigEndian ? b : _pending;
                    int hi = _bigEndian ? _pending : b;
                    chars[charIndex + written++] = (char)(lo | (hi << 8));
                    _pending = -1;
                }
                return written;
            }

            public override void Reset()
            {
                _pending = -1;
            }
        }
    }
}
