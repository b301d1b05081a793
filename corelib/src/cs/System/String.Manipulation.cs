namespace System
{
    // Making new strings from old: Substring, Insert, Remove, Replace,
    // PadLeft/PadRight, Trim, ToUpper/ToLower and Join. A method that would
    // return a copy of its string unchanged returns the string itself.
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (see String.Construction.cs).
    public sealed partial class String
    {
        public string Substring(int startIndex)
        {
            return Substring(startIndex, _stringLength - startIndex);
        }

        public string Substring(int startIndex, int length)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "startIndex cannot be larger than length of string.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex > _stringLength - length)
                throw new ArgumentOutOfRangeException("length", "Index and length must refer to a location within the string.");
            if (length == 0)
                return Empty;
            if (startIndex == 0 && length == _stringLength)
                return this;
            return InternalSubString(this, startIndex, length);
        }

        // str[startIndex .. startIndex + length) as a new string. The
        // caller has checked the range.
        internal static unsafe string InternalSubString(string str, int startIndex, int length)
        {
            string result = FastAllocateString(length);
            fixed (char* dest = result)
            fixed (char* src = str)
            {
                for (int i = 0; i < length; i++)
                    dest[i] = src[startIndex + i];
            }
            return result;
        }

        public unsafe string Insert(int startIndex, string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if ((uint)startIndex > (uint)_stringLength)
                throw new ArgumentOutOfRangeException("startIndex");
            int oldLength = _stringLength;
            int insertLength = value._stringLength;
            if (oldLength == 0)
                return value;
            if (insertLength == 0)
                return this;
            string result = FastAllocateString(CheckedLength((long)oldLength + insertLength));
            fixed (char* src = &_firstChar)
            fixed (char* ins = value)
            fixed (char* dest = result)
            {
                for (int i = 0; i < startIndex; i++)
                    dest[i] = src[i];
                for (int i = 0; i < insertLength; i++)
                    dest[startIndex + i] = ins[i];
                for (int i = startIndex; i < oldLength; i++)
                    dest[insertLength + i] = src[i];
            }
            return result;
        }

        // Everything but the `count` characters from `startIndex`.
        public unsafe string Remove(int startIndex, int count)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (count > _stringLength - startIndex)
                throw new ArgumentOutOfRangeException("count", "Index and count must refer to a location within the string.");
            if (count == 0)
                return this;
            int newLength = _stringLength - count;
            if (newLength == 0)
                return Empty;
            string result = FastAllocateString(newLength);
            fixed (char* src = &_firstChar)
            fixed (char* dest = result)
            {
                for (int i = 0; i < startIndex; i++)
                    dest[i] = src[i];
                for (int i = startIndex; i < newLength; i++)
                    dest[i] = src[i + count];
            }
            return result;
        }

        // The characters before `startIndex`.
        public string Remove(int startIndex)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (startIndex >= _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", "startIndex must be less than length of string.");
            return Substring(0, startIndex);
        }

        public unsafe string Replace(char oldChar, char newChar)
        {
            if (oldChar == newChar)
                return this;
            int first = IndexOfChar(oldChar, 0, _stringLength);
            if (first < 0)
                return this;
            int length = _stringLength;
            string result = FastAllocateString(length);
            fixed (char* src = &_firstChar)
            fixed (char* dest = result)
            {
                for (int i = 0; i < length; i++)
                {
                    char c = src[i];
                    dest[i] = c == oldChar ? newChar : c;
                }
            }
            return result;
        }

        // Every occurrence of `oldValue` (found from left to right, not
        // overlapping) replaced by `newValue` (null means "").
        public unsafe string Replace(string oldValue, string newValue)
        {
            if (oldValue == null)
                throw new ArgumentNullException("oldValue");
            if (oldValue._stringLength == 0)
                throw new ArgumentException("String cannot be of zero length.", "oldValue");
            if (newValue == null)
                newValue = Empty;

            // Count the matches to size the result.
            int oldLength = oldValue._stringLength;
            int matches = 0;
            int i = 0;
            while (i <= _stringLength - oldLength)
            {
                if (MatchesAt(this, i, oldValue, false))
                {
                    matches++;
                    i += oldLength;
                }
                else
                {
                    i++;
                }
            }
            if (matches == 0)
                return this;

            long newTotal = (long)_stringLength + (long)matches * (newValue._stringLength - oldLength);
            string result = FastAllocateString(CheckedLength(newTotal));
            fixed (char* src = &_firstChar)
            fixed (char* rep = newValue)
            fixed (char* dest = result)
            {
                int d = 0;
                i = 0;
                while (i < _stringLength)
                {
                    if (i <= _stringLength - oldLength && MatchesAt(this, i, oldValue, false))
                    {
                        for (int k = 0; k < newValue._stringLength; k++)
                            dest[d++] = rep[k];
                        i += oldLength;
                    }
                    else
                    {
                        dest[d++] = src[i++];
                    }
                }
            }
            return result;
        }

        public string PadLeft(int totalWidth)
        {
            return PadLeft(totalWidth, ' ');
        }

        public unsafe string PadLeft(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0)
                throw new ArgumentOutOfRangeException("totalWidth", "Non-negative number required.");
            int oldLength = _stringLength;
            int count = totalWidth - oldLength;
            if (count <= 0)
                return this;
            string result = FastAllocateString(totalWidth);
            fixed (char* src = &_firstChar)
            fixed (char* dest = result)
            {
                for (int i = 0; i < count; i++)
                    dest[i] = paddingChar;
                for (int i = 0; i < oldLength; i++)
                    dest[count + i] = src[i];
            }
            return result;
        }

        public string PadRight(int totalWidth)
        {
            return PadRight(totalWidth, ' ');
        }

        public unsafe string PadRight(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0)
                throw new ArgumentOutOfRangeException("totalWidth", "Non-negative number required.");
            int oldLength = _stringLength;
            int count = totalWidth - oldLength;
            if (count <= 0)
                return this;
            string result = FastAllocateString(totalWidth);
            fixed (char* src = &_firstChar)
            fixed (char* dest = result)
            {
                for (int i = 0; i < oldLength; i++)
                    dest[i] = src[i];
                for (int i = oldLength; i < totalWidth; i++)
                    dest[i] = paddingChar;
            }
            return result;
        }

        // Trimming. Without characters to trim (no argument, null or an
        // empty array), white space (Char.IsWhiteSpace) is trimmed.
        private const int TrimHead = 0;
        private const int TrimTail = 1;
        private const int TrimBoth = 2;

        public string Trim()
        {
            return TrimChars(null, TrimBoth);
        }

        public string Trim(char trimChar)
        {
            return TrimChar(trimChar, TrimBoth);
        }

        public string Trim(params char[] trimChars)
        {
            return TrimChars(trimChars, TrimBoth);
        }

        public string TrimStart()
        {
            return TrimChars(null, TrimHead);
        }

        public string TrimStart(char trimChar)
        {
            return TrimChar(trimChar, TrimHead);
        }

        public string TrimStart(params char[] trimChars)
        {
            return TrimChars(trimChars, TrimHead);
        }

        public string TrimEnd()
        {
            return TrimChars(null, TrimTail);
        }

        public string TrimEnd(char trimChar)
        {
            return TrimChar(trimChar, TrimTail);
        }

        public string TrimEnd(params char[] trimChars)
        {
            return TrimChars(trimChars, TrimTail);
        }

        private string TrimChars(char[] trimChars, int trimType)
        {
            bool whiteSpace = trimChars == null || trimChars.Length == 0;
            int start = 0;
            int end = _stringLength - 1;
            if (trimType != TrimTail)
            {
                while (start < _stringLength && IsTrimmed(this[start], trimChars, whiteSpace))
                    start++;
            }
            if (trimType != TrimHead)
            {
                while (end >= start && IsTrimmed(this[end], trimChars, whiteSpace))
                    end--;
            }
            return TrimResult(start, end);
        }

        private string TrimChar(char trimChar, int trimType)
        {
            int start = 0;
            int end = _stringLength - 1;
            if (trimType != TrimTail)
            {
                while (start < _stringLength && this[start] == trimChar)
                    start++;
            }
            if (trimType != TrimHead)
            {
                while (end >= start && this[end] == trimChar)
                    end--;
            }
            return TrimResult(start, end);
        }

        private static bool IsTrimmed(char c, char[] trimChars, bool whiteSpace)
        {
            if (whiteSpace)
                return Char.IsWhiteSpace(c);
            return ArrayContains(trimChars, c);
        }

        // The characters [start, end].
        private string TrimResult(int start, int end)
        {
            int length = end - start + 1;
            if (length == _stringLength)
                return this;
            if (length == 0)
                return Empty;
            return InternalSubString(this, start, length);
        }

        // Case conversion. Osprey's current culture is the invariant
        // culture, so ToUpper and ToUpperInvariant agree.
        public string ToUpper()
        {
            return ChangeCase(true);
        }

        public string ToUpperInvariant()
        {
            return ChangeCase(true);
        }

        public string ToLower()
        {
            return ChangeCase(false);
        }

        public string ToLowerInvariant()
        {
            return ChangeCase(false);
        }

        private unsafe string ChangeCase(bool toUpper)
        {
            int length = _stringLength;
            fixed (char* src = &_firstChar)
            {
                // Nothing to do up to the first character that changes.
                int first = 0;
                while (first < length && ConvertCase(src[first], toUpper) == src[first])
                    first++;
                if (first == length)
                    return this;

                string result = FastAllocateString(length);
                fixed (char* dest = result)
                {
                    for (int i = 0; i < first; i++)
                        dest[i] = src[i];
                    for (int i = first; i < length; i++)
                        dest[i] = ConvertCase(src[i], toUpper);
                }
                return result;
            }
        }

        private static char ConvertCase(char c, bool toUpper)
        {
            return toUpper ? Char.ToUpperInvariant(c) : Char.ToLowerInvariant(c);
        }

        // Joining: the values with `separator` between them; null values
        // count as empty.
        public static string Join(string separator, params string[] value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return JoinCore(separator, value, 0, value.Length);
        }

        public static string Join(string separator, string[] value, int startIndex, int count)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (startIndex > value.Length - count)
                throw new ArgumentOutOfRangeException("startIndex", "Index and count must refer to a location within the buffer.");
            return JoinCore(separator, value, startIndex, count);
        }

        public static string Join(char separator, params string[] value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return JoinCore(Number.CharToString(separator), value, 0, value.Length);
        }

        public static string Join(char separator, string[] value, int startIndex, int count)
        {
            return Join(Number.CharToString(separator), value, startIndex, count);
        }

        // Each value's ToString().
        public static string Join(string separator, params object[] values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            string[] strings = new string[values.Length];
            for (int i = 0; i < values.Length; i++)
                strings[i] = values[i] == null ? null : values[i].ToString();
            return JoinCore(separator, strings, 0, strings.Length);
        }

        public static string Join(char separator, params object[] values)
        {
            return Join(Number.CharToString(separator), values);
        }

        private static unsafe string JoinCore(string separator, string[] value, int startIndex, int count)
        {
            if (count == 0)
                return Empty;
            if (separator == null)
                separator = Empty;
            if (count == 1)
                return value[startIndex] ?? Empty;

            long total = (long)separator._stringLength * (count - 1);
            for (int i = 0; i < count; i++)
            {
                string s = value[startIndex + i];
                if (s != null)
                    total += s._stringLength;
            }
            if (total == 0)
                return Empty;
            string result = FastAllocateString(CheckedLength(total));
            int position = 0;
            for (int i = 0; i < count; i++)
            {
                if (i != 0)
                {
                    FillString(result, position, separator);
                    position += separator._stringLength;
                }
                string s = value[startIndex + i];
                if (s != null)
                {
                    FillString(result, position, s);
                    position += s._stringLength;
                }
            }
            return result;
        }
    }
}
