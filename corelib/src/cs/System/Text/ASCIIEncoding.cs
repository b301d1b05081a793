namespace System.Text
{
    // 7-bit ASCII: characters above U+007F encode as '?' (a surrogate pair
    // as one '?'), bytes above 0x7F decode as '?'.
    public class ASCIIEncoding : Encoding
    {
        public ASCIIEncoding()
            : base(20127)
        {
        }

        public override string WebName
        {
            get { return "us-ascii"; }
        }

        public override string EncodingName
        {
            get { return "US-ASCII"; }
        }

        public override bool IsSingleByte
        {
            get { return true; }
        }

        public override int GetMaxByteCount(int charCount)
        {
            if (charCount < 0)
                throw new ArgumentOutOfRangeException("charCount", "Non-negative number required.");
            return charCount + 1;
        }

        public override int GetMaxCharCount(int byteCount)
        {
            if (byteCount < 0)
                throw new ArgumentOutOfRangeException("byteCount", "Non-negative number required.");
            return byteCount;
        }

        public override int GetByteCount(char[] chars, int index, int count)
        {
            CheckRange(chars, "chars", index, count);
            return Encode(chars, index, count, null, 0);
        }

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            CheckRange(chars, "chars", charIndex, charCount);
            if (bytes == null)
                throw new ArgumentNullException("bytes");
            if (byteIndex < 0 || bytes.Length - byteIndex < Encode(chars, charIndex, charCount, null, 0))
                throw new ArgumentException("The output byte buffer is too small to contain the encoded data.", "bytes");
            return Encode(chars, charIndex, charCount, bytes, byteIndex);
        }

        private static int Encode(char[] chars, int index, int count, byte[] bytes, int at)
        {
            int start = at;
            int end = index + count;
            for (int i = index; i < end; i++)
            {
                char c = chars[i];
                if (c >= '\uD800' && c <= '\uDBFF' && i + 1 < end && chars[i + 1] >= '\uDC00' && chars[i + 1] <= '\uDFFF')
                    i++;
                if (bytes != null)
                    bytes[at] = c < 0x80 ? (byte)c : (byte)'?';
                at++;
            }
            return at - start;
        }

        public override int GetCharCount(byte[] bytes, int index, int count)
        {
            CheckRange(bytes, "bytes", index, count);
            return count;
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            CheckRange(bytes, "bytes", byteIndex, byteCount);
            if (chars == null)
                throw new ArgumentNullException("chars");
            if (charIndex < 0 || chars.Length - charIndex < byteCount)
                throw new ArgumentException("The output char buffer is too small to contain the decoded characters.", "chars");
            for (int i = 0; i < byteCount; i++)
            {
                byte b = bytes[byteIndex + i];
                chars[charIndex + i] = b < 0x80 ? (char)b : '?';
            }
            return byteCount;
        }
    }
}
