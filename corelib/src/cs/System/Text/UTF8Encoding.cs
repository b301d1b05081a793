namespace System.Text
{
    // UTF-8. Decoding replaces each maximal invalid subsequence with one
    // U+FFFD (the Unicode standard's recommendation, which .NET Core
    // follows); encoding replaces an unpaired surrogate with U+FFFD's bytes.
    public class UTF8Encoding : Encoding
    {
        private readonly bool _emitIdentifier;
        private readonly bool _throwOnInvalid;

        public UTF8Encoding()
            : this(false, false)
        {
        }

        public UTF8Encoding(bool encoderShouldEmitUTF8Identifier)
            : this(encoderShouldEmitUTF8Identifier, false)
        {
        }

        public UTF8Encoding(bool encoderShouldEmitUTF8Identifier, bool throwOnInvalidBytes)
            : base(65001)
        {
            _emitIdentifier = encoderShouldEmitUTF8Identifier;
            _throwOnInvalid = throwOnInvalidBytes;
        }

        public override string WebName
        {
            get { return "utf-8"; }
        }

        public override string EncodingName
        {
            get { return "Unicode (UTF-8)"; }
        }

        public override byte[] GetPreamble()
        {
            if (!_emitIdentifier)
                return new byte[0];
            return new byte[] { 0xEF, 0xBB, 0xBF };
        }

        public override int GetMaxByteCount(int charCount)
        {
            if (charCount < 0)
                throw new ArgumentOutOfRangeException("charCount", "Non-negative number required.");
            return (charCount + 1) * 3;
        }

        public override int GetMaxCharCount(int byteCount)
        {
            if (byteCount < 0)
                throw new ArgumentOutOfRangeException("byteCount", "Non-negative number required.");
            return byteCount + 1;
        }

        public override int GetByteCount(char[] chars, int index, int count)
        {
            CheckRange(chars, "chars", index, count);
            char pending = '\0';
            return Encode(chars, index, count, null, 0, ref pending, true);
        }

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            CheckRange(chars, "chars", charIndex, charCount);
            if (bytes == null)
                throw new ArgumentNullException("bytes");
            char pending = '\0';
            int needed = Encode(chars, charIndex, charCount, null, 0, ref pending, true);
            if (byteIndex < 0 || bytes.Length - byteIndex < needed)
                throw new ArgumentException("The output byte buffer is too small to contain the encoded data.", "bytes");
            pending = '\0';
            return Encode(chars, charIndex, charCount, bytes, byteIndex, ref pending, true);
        }

        public override int GetCharCount(byte[] bytes, int index, int count)
        {
            CheckRange(bytes, "bytes", index, count);
            DecoderState state = new DecoderState();
            return Decode(bytes, index, count, null, 0, ref state, true);
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            CheckRange(bytes, "bytes", byteIndex, byteCount);
            if (chars == null)
                throw new ArgumentNullException("chars");
            DecoderState state = new DecoderState();
            int needed = Decode(bytes, byteIndex, byteCount, null, 0, ref state, true);
            if (charIndex < 0 || chars.Length - charIndex < needed)
                throw new ArgumentException("The output char buffer is too small to contain the decoded characters.", "chars");
            state = new DecoderState();
            return Decode(bytes, byteIndex, byteCount, chars, charIndex, ref state, true);
        }

        public override Decoder GetDecoder()
        {
            return new UTF8Decoder(this);
        }

        public override Encoder GetEncoder()
        {
            return new UTF8Encoder();
        }

        public override bool Equals(object value)
        {
            UTF8Encoding other = value as UTF8Encoding;
            return other != null && other._emitIdentifier == _emitIdentifier && other._throwOnInvalid == _throwOnInvalid;
        }

        public override int GetHashCode()
        {
            return 65001 + (_emitIdentifier ? 1 : 0);
        }

        // Encodes chars[index..index+count) after a high surrogate left
        // `pending` by the previous call; writes to `bytes` when it is not
        // null. Returns the number of bytes. Unless `flush`, a high
        // surrogate at the end is kept in `pending` for the next call.
        internal static int Encode(char[] chars, int index, int count, byte[] bytes, int at, ref char pending, bool flush)
        {
            int start = at;
            int end = index + count;
            int i = index;
            while (i < end || (pending != '\0' && flush))
            {
                int cp;
                if (pending != '\0')
                {
                    if (i < end && chars[i] >= '\uDC00' && chars[i] <= '\uDFFF')
                    {
                        cp = 0x10000 + ((pending - 0xD800) << 10) + (chars[i] - 0xDC00);
                        i++;
                    }
                    else
                    {
                        cp = 0xFFFD;
                    }
                    pending = '\0';
                }
                else
                {
                    char c = chars[i++];
                    if (c >= '\uD800' && c <= '\uDBFF')
                    {
                        if (i < end)
                        {
                            char d = chars[i];
                            if (d >= '\uDC00' && d <= '\uDFFF')
                            {
                                cp = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                                i++;
                            }
                            else
                            {
                                cp = 0xFFFD;
                            }
                        }
                        else if (flush)
                        {
                            cp = 0xFFFD;
                        }
                        else
                        {
                            pending = c;
                            break;
                        }
                    }
                    else if (c >= '\uDC00' && c <= '\uDFFF')
                    {
                        cp = 0xFFFD;
                    }
                    else
                    {
                        cp = c;
                    }
                }
                at = Put(cp, bytes, at);
            }
            return at - start;
        }

        private static int Put(int cp, byte[] bytes, int at)
        {
            if (cp < 0x80)
            {
                if (bytes != null)
                    bytes[at] = (byte)cp;
                return at + 1;
            }
            if (cp < 0x800)
            {
                if (bytes != null)
                {
                    bytes[at] = (byte)(0xC0 | (cp >> 6));
                    bytes[at + 1] = (byte)(0x80 | (cp & 0x3F));
                }
                return at + 2;
            }
            if (cp < 0x10000)
            {
                if (bytes != null)
                {
                    bytes[at] = (byte)(0xE0 | (cp >> 12));
                    bytes[at + 1] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    bytes[at + 2] = (byte)(0x80 | (cp & 0x3F));
                }
                return at + 3;
            }
            if (bytes != null)
            {
                bytes[at] = (byte)(0xF0 | (cp >> 18));
                bytes[at + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                bytes[at + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                bytes[at + 3] = (byte)(0x80 | (cp & 0x3F));
            }
            return at + 4;
        }

        // The state of a decoder between calls: the code point of an
        // incomplete sequence, how many continuation bytes it still needs
        // and the range its next byte must fall in (WHATWG's UTF-8 decoder).
        internal struct DecoderState
        {
            internal int CodePoint;
            internal int Needed;
            internal int Lower;
            internal int Upper;
        }

        // Decodes bytes[index..index+count) after `state`; writes to `chars`
        // when it is not null. Returns the number of chars. Unless `flush`,
        // an incomplete sequence at the end stays in `state`.
        internal static int Decode(byte[] bytes, int index, int count, char[] chars, int at, ref DecoderState state, bool flush)
        {
            int start = at;
            int end = index + count;
            int i = index;
            while (i < end)
            {
                int b = bytes[i];
                if (state.Needed == 0)
                {
                    i++;
                    if (b < 0x80)
                    {
                        at = PutChar(b, chars, at);
                    }
                    else if (b >= 0xC2 && b <= 0xDF)
                    {
                        state.Needed = 1;
                        state.CodePoint = b & 0x1F;
                        state.Lower = 0x80;
                        state.Upper = 0xBF;
                    }
                    else if (b >= 0xE0 && b <= 0xEF)
                    {
                        state.Needed = 2;
                        state.CodePoint = b & 0xF;
                        state.Lower = b == 0xE0 ? 0xA0 : 0x80;
                        state.Upper = b == 0xED ? 0x9F : 0xBF;
                    }
                    else if (b >= 0xF0 && b <= 0xF4)
                    {
                        state.Needed = 3;
                        state.CodePoint = b & 0x7;
                        state.Lower = b == 0xF0 ? 0x90 : 0x80;
                        state.Upper = b == 0xF4 ? 0x8F : 0xBF;
                    }
                    else
                    {
                        at = PutChar(0xFFFD, chars, at);
                    }
                    continue;
                }
                if (b < state.Lower || b > state.Upper)
                {
                    // The sequence so far is invalid; this byte starts anew.
                    state = new DecoderState();
                    at = PutChar(0xFFFD, chars, at);
                    continue;
                }
                i++;
                state.Lower = 0x80;
                state.Upper = 0xBF;
                state.CodePoint = (state.CodePoint << 6) | (b & 0x3F);
                state.Needed--;
                if (state.Needed == 0)
                {
                    at = PutChar(state.CodePoint, chars, at);
                    state.CodePoint = 0;
                }
            }
            if (flush && state.Needed != 0)
            {
                state = new DecoderState();
                at = PutChar(0xFFFD, chars, at);
            }
            return at - start;
        }

        private static int PutChar(int cp, char[] chars, int at)
        {
            if (cp < 0x10000)
            {
                if (chars != null)
                    chars[at] = (char)cp;
                return at + 1;
            }
            if (chars != null)
            {
                cp -= 0x10000;
                chars[at] = (char)(0xD800 + (cp >> 10));
                chars[at + 1] = (char)(0xDC00 + (cp & 0x3FF));
            }
            return at + 2;
        }

        private sealed class UTF8Decoder : Decoder
        {
            private DecoderState _state;

            internal UTF8Decoder(UTF8Encoding encoding)
            {
            }

            public override int GetCharCount(byte[] bytes, int index, int count)
            {
                CheckRange(bytes, "bytes", index, count);
                DecoderState copy = _state;
                return Decode(bytes, index, count, null, 0, ref copy, false);
            }

            public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
            {
                CheckRange(bytes, "bytes", byteIndex, byteCount);
                if (chars == null)
                    throw new ArgumentNullException("chars");
                DecoderState copy = _state;
                int needed = Decode(bytes, byteIndex, byteCount, null, 0, ref copy, false);
                if (charIndex < 0 || chars.Length - charIndex < needed)
                    throw new ArgumentException("The output char buffer is too small to contain the decoded characters.", "chars");
                return Decode(bytes, byteIndex, byteCount, chars, charIndex, ref _state, false);
            }

            public override void Reset()
            {
                _state = new DecoderState();
            }
        }

        private sealed class UTF8Encoder : Encoder
        {
            private char _pending;

            public override int GetByteCount(char[] chars, int index, int count, bool flush)
            {
                CheckRange(chars, "chars", index, count);
                char copy = _pending;
                return Encode(chars, index, count, null, 0, ref copy, flush);
            }

            public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex, bool flush)
            {
                CheckRange(chars, "chars", charIndex, charCount);
                if (bytes == null)
                    throw new ArgumentNullException("bytes");
                return Encode(chars, charIndex, charCount, bytes, byteIndex, ref _pending, flush);
            }

            public override void Reset()
            {
                _pending = '\0';
            }
        }
    }
}
