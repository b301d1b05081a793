namespace System.Text
{
    // Converts between characters (UTF-16) and bytes. Osprey has the
    // encodings programs use most: UTF-8 (the default everywhere), ASCII
    // and UTF-16 little-endian ("Unicode"). Invalid input is replaced (with
    // U+FFFD when decoding, '?' or U+FFFD when encoding), never an error.
    public abstract class Encoding : ICloneable
    {
        private static Encoding s_utf8;
        private static Encoding s_ascii;
        private static Encoding s_unicode;
        private static Encoding s_bigEndianUnicode;

        private readonly int _codePage;

        protected Encoding()
        {
        }

        protected Encoding(int codePage)
        {
            _codePage = codePage;
        }

        // UTF-8 with a byte-order mark in its preamble (what StreamWriter
        // writes only when asked to).
        public static Encoding UTF8
        {
            get
            {
                if (s_utf8 == null)
                    s_utf8 = new UTF8Encoding(true);
                return s_utf8;
            }
        }

        public static Encoding ASCII
        {
            get
            {
                if (s_ascii == null)
                    s_ascii = new ASCIIEncoding();
                return s_ascii;
            }
        }

        public static Encoding Unicode
        {
            get
            {
                if (s_unicode == null)
                    s_unicode = new UnicodeEncoding(false, true);
                return s_unicode;
            }
        }

        public static Encoding BigEndianUnicode
        {
            get
            {
                if (s_bigEndianUnicode == null)
                    s_bigEndianUnicode = new UnicodeEncoding(true, true);
                return s_bigEndianUnicode;
            }
        }

        // UTF-8 without a byte-order mark, as .NET Core's Encoding.Default.
        public static Encoding Default
        {
            get { return new UTF8Encoding(false); }
        }

        public static Encoding GetEncoding(int codepage)
        {
            switch (codepage)
            {
                case 65001:
                    return UTF8;
                case 20127:
                    return ASCII;
                case 1200:
                    return Unicode;
                case 1201:
                    return BigEndianUnicode;
            }
            throw new NotSupportedException(String.Concat("No data is available for encoding ", codepage.ToString(), "."));
        }

        public static Encoding GetEncoding(string name)
        {
            if (name == null)
                throw new ArgumentNullException("name");
            string n = name.ToLowerInvariant();
            if (n == "utf-8" || n == "utf8")
                return UTF8;
            if (n == "us-ascii" || n == "ascii")
                return ASCII;
            if (n == "utf-16" || n == "unicode" || n == "utf-16le")
                return Unicode;
            if (n == "utf-16be" || n == "unicodefffe")
                return BigEndianUnicode;
            throw new ArgumentException(String.Concat("'", name, "' is not a supported encoding name."), "name");
        }

        public virtual int CodePage
        {
            get { return _codePage; }
        }

        public virtual string WebName
        {
            get { return ""; }
        }

        public virtual string EncodingName
        {
            get { return WebName; }
        }

        public virtual string BodyName
        {
            get { return WebName; }
        }

        public virtual string HeaderName
        {
            get { return WebName; }
        }

        public virtual bool IsSingleByte
        {
            get { return false; }
        }

        // The bytes a file in this encoding starts with (a byte-order mark),
        // or none.
        public virtual byte[] GetPreamble()
        {
            return new byte[0];
        }

        public virtual object Clone()
        {
            return MemberwiseClone();
        }

        // ----- Encoding ------------------------------------------------------

        public abstract int GetByteCount(char[] chars, int index, int count);

        public abstract int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex);

        public virtual int GetByteCount(char[] chars)
        {
            if (chars == null)
                throw new ArgumentNullException("chars");
            return GetByteCount(chars, 0, chars.Length);
        }

        public virtual int GetByteCount(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            return GetByteCount(s.ToCharArray(), 0, s.Length);
        }

        public virtual byte[] GetBytes(char[] chars)
        {
            if (chars == null)
                throw new ArgumentNullException("chars");
            return GetBytes(chars, 0, chars.Length);
        }

        public virtual byte[] GetBytes(char[] chars, int index, int count)
        {
            CheckRange(chars, "chars", index, count);
            byte[] bytes = new byte[GetByteCount(chars, index, count)];
            GetBytes(chars, index, count, bytes, 0);
            return bytes;
        }

        public virtual byte[] GetBytes(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            char[] chars = s.ToCharArray();
            return GetBytes(chars, 0, chars.Length);
        }

        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            return GetBytes(s.ToCharArray(), charIndex, charCount, bytes, byteIndex);
        }

        // ----- Decoding ------------------------------------------------------

        public abstract int GetCharCount(byte[] bytes, int index, int count);

        public abstract int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex);

        public virtual int GetCharCount(byte[] bytes)
        {
            if (bytes == null)
                throw new ArgumentNullException("bytes");
            return GetCharCount(bytes, 0, bytes.Length);
        }

        public virtual char[] GetChars(byte[] bytes)
        {
            if (bytes == null)
                throw new ArgumentNullException("bytes");
            return GetChars(bytes, 0, bytes.Length);
        }

        public virtual char[] GetChars(byte[] bytes, int index, int count)
        {
            CheckRange(bytes, "bytes", index, count);
            char[] chars = new char[GetCharCount(bytes, index, count)];
            GetChars(bytes, index, count, chars, 0);
            return chars;
        }

        public virtual string GetString(byte[] bytes)
        {
            if (bytes == null)
                throw new ArgumentNullException("bytes");
            return GetString(bytes, 0, bytes.Length);
        }

        public virtual string GetString(byte[] bytes, int index, int count)
        {
            char[] chars = GetChars(bytes, index, count);
            return new string(chars, 0, chars.Length);
        }

        public abstract int GetMaxByteCount(int charCount);

        public abstract int GetMaxCharCount(int byteCount);

        // A decoder that keeps an incomplete sequence from one call for the
        // next (what stream readers use).
        public virtual Decoder GetDecoder()
        {
            return new StatelessDecoder(this);
        }

        public virtual Encoder GetEncoder()
        {
            return new StatelessEncoder(this);
        }

        public override bool Equals(object value)
        {
            Encoding other = value as Encoding;
            return other != null && other.GetType() == GetType() && other.CodePage == CodePage;
        }

        public override int GetHashCode()
        {
            return CodePage;
        }

        internal static void CheckRange(Array array, string name, int index, int count)
        {
            if (array == null)
                throw new ArgumentNullException(name);
            if (index < 0 || count < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (array.Length - index < count)
                throw new ArgumentOutOfRangeException(name, "Index and count must refer to a location within the buffer.");
        }

        private sealed class StatelessDecoder : Decoder
        {
            private readonly Encoding _encoding;

            internal StatelessDecoder(Encoding encoding)
            {
                _encoding = encoding;
            }

            public override int GetCharCount(byte[] bytes, int index, int count)
            {
                return _encoding.GetCharCount(bytes, index, count);
            }

            public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
            {
                return _encoding.GetChars(bytes, byteIndex, byteCount, chars, charIndex);
            }
        }

        private sealed class StatelessEncoder : Encoder
        {
            private readonly Encoding _encoding;

            internal StatelessEncoder(Encoding encoding)
            {
                _encoding = encoding;
            }

            public override int GetByteCount(char[] chars, int index, int count, bool flush)
            {
                return _encoding.GetByteCount(chars, index, count);
            }

            public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex, bool flush)
            {
                return _encoding.GetBytes(chars, charIndex, charCount, bytes, byteIndex);
            }
        }
    }

    // Decodes a stream of bytes in pieces: a character split between two
    // calls comes out whole.
    public abstract class Decoder
    {
        protected Decoder()
        {
        }

        public abstract int GetCharCount(byte[] bytes, int index, int count);

        public abstract int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex);

        public virtual void Reset()
        {
        }
    }

    // Encodes characters in pieces: a surrogate pair split between two
    // calls is encoded whole (unless `flush` says the input ends).
    public abstract class Encoder
    {
        protected Encoder()
        {
        }

        public abstract int GetByteCount(char[] chars, int index, int count, bool flush);

        public abstract int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex, bool flush);

        public virtual void Reset()
        {
        }
    }
}
