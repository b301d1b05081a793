namespace System
{
    // Searching in strings: IndexOf, LastIndexOf, IndexOfAny,
    // LastIndexOfAny, Contains, StartsWith and EndsWith.
    //
    // .NET compares strings in IndexOf(string), StartsWith(string) and
    // EndsWith(string) with the current culture's rules. Osprey compares
    // them ordinally (code unit by code unit; the IgnoreCase variants after
    // converting to upper case), which is what Mono's invariant culture
    // does for text without '\0', combining accents or precomposed
    // characters: Mono ignores '\0' and treats "e\u0301" as "\u00E9".
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (see String.Construction.cs).
    public sealed partial class String
    {
        private const string IndexMessage = "Index was out of range. Must be non-negative and less than the size of the collection.";
        private const string CountMessage = "Count must be positive and count must refer to a location within the string/array/collection.";

        public int IndexOf(char value)
        {
            return IndexOfChar(value, 0, _stringLength);
        }

        public int IndexOf(char value, int startIndex)
        {
            if ((uint)startIndex > (uint)_stringLength)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            return IndexOfChar(value, startIndex, _stringLength - startIndex);
        }

        public int IndexOf(char value, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_stringLength)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if ((uint)count > (uint)(_stringLength - startIndex))
                throw new ArgumentOutOfRangeException("count", CountMessage);
            return IndexOfChar(value, startIndex, count);
        }

        private unsafe int IndexOfChar(char value, int startIndex, int count)
        {
            fixed (char* p = &_firstChar)
            {
                int end = startIndex + count;
                for (int i = startIndex; i < end; i++)
                {
                    if (p[i] == value)
                        return i;
                }
            }
            return -1;
        }

        public int IndexOf(string value)
        {
            return IndexOf(value, 0, _stringLength, StringComparison.CurrentCulture);
        }

        public int IndexOf(string value, int startIndex)
        {
            return IndexOf(value, startIndex, StringComparison.CurrentCulture);
        }

        public int IndexOf(string value, int startIndex, int count)
        {
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0 || count > _stringLength - startIndex)
                throw new ArgumentOutOfRangeException("count", CountMessage);
            return IndexOf(value, startIndex, count, StringComparison.CurrentCulture);
        }

        public int IndexOf(string value, StringComparison comparisonType)
        {
            return IndexOf(value, 0, _stringLength, comparisonType);
        }

        public int IndexOf(string value, int startIndex, StringComparison comparisonType)
        {
            return IndexOf(value, startIndex, _stringLength - startIndex, comparisonType);
        }

        // The first index in [startIndex, startIndex + count) at which all
        // of `value` occurs within the range; startIndex for "".
        public unsafe int IndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0 || startIndex > _stringLength - count)
                throw new ArgumentOutOfRangeException("count", CountMessage);
            CheckComparison(comparisonType);
            bool ignoreCase = IgnoresCase(comparisonType);
            int last = startIndex + count - value._stringLength;
            if (!ignoreCase && value._stringLength > 0)
            {
                // Compare the rest only where the first character matches.
                char first = value[0];
                fixed (char* p = this)
                {
                    for (int i = startIndex; i <= last; i++)
                    {
                        if (p[i] == first && MatchesAt(this, i, value, false))
                            return i;
                    }
                }
                return -1;
            }
            for (int i = startIndex; i <= last; i++)
            {
                if (MatchesAt(this, i, value, ignoreCase))
                    return i;
            }
            return -1;
        }

        public int LastIndexOf(char value)
        {
            return LastIndexOfChar(value, _stringLength - 1, _stringLength);
        }

        public int LastIndexOf(char value, int startIndex)
        {
            return LastIndexOf(value, startIndex, startIndex + 1);
        }

        // The last index in [startIndex - count + 1, startIndex] holding
        // `value`.
        public int LastIndexOf(char value, int startIndex, int count)
        {
            if (_stringLength == 0)
                return -1;
            if ((uint)startIndex >= (uint)_stringLength)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if ((uint)count > (uint)startIndex + 1)
                throw new ArgumentOutOfRangeException("count", CountMessage);
            return LastIndexOfChar(value, startIndex, count);
        }

        private unsafe int LastIndexOfChar(char value, int startIndex, int count)
        {
            fixed (char* p = &_firstChar)
            {
                int end = startIndex - count;
                for (int i = startIndex; i > end; i--)
                {
                    if (p[i] == value)
                        return i;
                }
            }
            return -1;
        }

        public int LastIndexOf(string value)
        {
            return LastIndexOf(value, _stringLength - 1, _stringLength, StringComparison.CurrentCulture);
        }

        public int LastIndexOf(string value, int startIndex)
        {
            return LastIndexOf(value, startIndex, startIndex + 1, StringComparison.CurrentCulture);
        }

        public int LastIndexOf(string value, int startIndex, int count)
        {
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", CountMessage);
            return LastIndexOf(value, startIndex, count, StringComparison.CurrentCulture);
        }

        public int LastIndexOf(string value, StringComparison comparisonType)
        {
            return LastIndexOf(value, _stringLength - 1, _stringLength, comparisonType);
        }

        public int LastIndexOf(string value, int startIndex, StringComparison comparisonType)
        {
            return LastIndexOf(value, startIndex, startIndex + 1, comparisonType);
        }

        // The last index at which all of `value` occurs within
        // [startIndex - count + 1, startIndex]; startIndex for "".
        public int LastIndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            CheckComparison(comparisonType);
            if (_stringLength == 0 && (startIndex == -1 || startIndex == 0))
                return value._stringLength == 0 ? 0 : -1;
            if (startIndex < 0 || startIndex > _stringLength)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            // startIndex may be Length: the search starts at the last
            // character.
            if (startIndex == _stringLength)
            {
                startIndex--;
                if (count > 0)
                    count--;
            }
            if (count < 0 || startIndex - count + 1 < 0)
                throw new ArgumentOutOfRangeException("count", CountMessage);
            if (value._stringLength == 0)
                return startIndex;
            bool ignoreCase = IgnoresCase(comparisonType);
            int first = startIndex - count + 1;
            for (int i = startIndex - value._stringLength + 1; i >= first; i--)
            {
                if (MatchesAt(this, i, value, ignoreCase))
                    return i;
            }
            return -1;
        }

        public int IndexOfAny(char[] anyOf)
        {
            return IndexOfAny(anyOf, 0, _stringLength);
        }

        public int IndexOfAny(char[] anyOf, int startIndex)
        {
            return IndexOfAny(anyOf, startIndex, _stringLength - startIndex);
        }

        public unsafe int IndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null)
                throw new ArgumentNullException("anyOf");
            if ((uint)startIndex > (uint)_stringLength)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if ((uint)count > (uint)(_stringLength - startIndex))
                throw new ArgumentOutOfRangeException("count", CountMessage);
            fixed (char* p = &_firstChar)
            {
                int end = startIndex + count;
                for (int i = startIndex; i < end; i++)
                {
                    if (ArrayContains(anyOf, p[i]))
                        return i;
                }
            }
            return -1;
        }

        public int LastIndexOfAny(char[] anyOf)
        {
            return LastIndexOfAny(anyOf, _stringLength - 1, _stringLength);
        }

        public int LastIndexOfAny(char[] anyOf, int startIndex)
        {
            return LastIndexOfAny(anyOf, startIndex, startIndex + 1);
        }

        public unsafe int LastIndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null)
                throw new ArgumentNullException("anyOf");
            if (_stringLength == 0)
                return -1;
            if ((uint)startIndex >= (uint)_stringLength)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0 || count - 1 > startIndex)
                throw new ArgumentOutOfRangeException("count", CountMessage);
            fixed (char* p = &_firstChar)
            {
                int end = startIndex - count;
                for (int i = startIndex; i > end; i--)
                {
                    if (ArrayContains(anyOf, p[i]))
                        return i;
                }
            }
            return -1;
        }

        // Whether `chars` holds `c`.
        internal static bool ArrayContains(char[] chars, char c)
        {
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == c)
                    return true;
            }
            return false;
        }

        // Ordinal, as in .NET.
        public bool Contains(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return IndexOf(value, 0, _stringLength, StringComparison.Ordinal) >= 0;
        }

        public bool Contains(string value, StringComparison comparisonType)
        {
            return IndexOf(value, comparisonType) >= 0;
        }

        public bool Contains(char value)
        {
            return IndexOfChar(value, 0, _stringLength) >= 0;
        }

        public bool Contains(char value, StringComparison comparisonType)
        {
            return IndexOf(Number.CharToString(value), comparisonType) >= 0;
        }

        public bool StartsWith(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return StartsWith(value, StringComparison.CurrentCulture);
        }

        public bool StartsWith(string value, StringComparison comparisonType)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            CheckComparison(comparisonType);
            if (value._stringLength > _stringLength)
                return false;
            return MatchesAt(this, 0, value, IgnoresCase(comparisonType));
        }

        public bool StartsWith(char value)
        {
            return _stringLength != 0 && this[0] == value;
        }

        public bool EndsWith(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return EndsWith(value, StringComparison.CurrentCulture);
        }

        public bool EndsWith(string value, StringComparison comparisonType)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            CheckComparison(comparisonType);
            if (value._stringLength > _stringLength)
                return false;
            return MatchesAt(this, _stringLength - value._stringLength, value, IgnoresCase(comparisonType));
        }

        public bool EndsWith(char value)
        {
            return _stringLength != 0 && this[_stringLength - 1] == value;
        }

        private static bool IgnoresCase(StringComparison comparisonType)
        {
            return comparisonType == StringComparison.CurrentCultureIgnoreCase
                || comparisonType == StringComparison.InvariantCultureIgnoreCase
                || comparisonType == StringComparison.OrdinalIgnoreCase;
        }

        // Whether all of `value` occurs in `str` at `index`. The caller
        // guarantees that it fits.
        private static unsafe bool MatchesAt(string str, int index, string value, bool ignoreCase)
        {
            int length = value._stringLength;
            fixed (char* ps = str)
            fixed (char* pv = value)
            {
                char* s = ps + index;
                for (int i = 0; i < length; i++)
                {
                    if (s[i] != pv[i] && (!ignoreCase || Char.ToUpperInvariant(s[i]) != Char.ToUpperInvariant(pv[i])))
                        return false;
                }
            }
            return true;
        }
    }
}
