namespace System
{
    // Comparing strings: ordinal (code unit by code unit) and with the
    // rules of the invariant culture, the only culture Osprey has.
    //
    // The culture-sensitive comparison follows Mono's invariant collation
    // exactly for ASCII text (letters sort alphabetically, lower case
    // before upper case; digits before letters; punctuation and symbols
    // before digits, in a fixed order; '\0' is ignored; the hyphen, the
    // apostrophe and most control characters are ignored unless the
    // strings are otherwise equal). Characters beyond ASCII sort after all
    // ASCII characters, by code unit, with no case or accent folding;
    // Mono gives different answers for some of them (é and e, combining
    // accents, other scripts).
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (see String.Construction.cs).
    public sealed partial class String
    {
        public static int CompareOrdinal(string strA, string strB)
        {
            if ((object)strA == (object)strB)
                return 0;
            if (strA == null)
                return -1;
            if (strB == null)
                return 1;
            // As in .NET, the first characters are compared first, and an
            // empty string's "first character" is its terminating '\0':
            // CompareOrdinal("", "a") is -97.
            char firstA = strA._stringLength == 0 ? '\0' : strA[0];
            char firstB = strB._stringLength == 0 ? '\0' : strB[0];
            if (firstA != firstB)
                return firstA - firstB;
            int result = CompareOrdinalHelper(strA, 0, strA._stringLength, strB, 0, strB._stringLength);
            // .NET compares two characters at a time, so when the shorter
            // length is odd it also compares the shorter string's
            // terminating '\0' with the longer one's next character:
            // CompareOrdinal("a", "ab") is -98, CompareOrdinal("ab", "abc")
            // is -1.
            int common = Math.Min(strA._stringLength, strB._stringLength);
            if (result == strA._stringLength - strB._stringLength && result != 0 && (common & 1) != 0)
            {
                char nextA = common < strA._stringLength ? strA[common] : '\0';
                char nextB = common < strB._stringLength ? strB[common] : '\0';
                if (nextA != nextB)
                    return nextA - nextB;
            }
            return result;
        }

        public static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
        {
            if (strA == null || strB == null)
            {
                if ((object)strA == (object)strB)
                    return 0;
                return strA == null ? -1 : 1;
            }
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Count cannot be less than zero.");
            if (indexA < 0 || indexB < 0)
                throw new ArgumentOutOfRangeException(indexA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            int lengthA = Math.Min(length, strA._stringLength - indexA);
            int lengthB = Math.Min(length, strB._stringLength - indexB);
            if (lengthA < 0 || lengthB < 0)
                throw new ArgumentOutOfRangeException(lengthA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length == 0 || ((object)strA == (object)strB && indexA == indexB))
                return 0;
            return CompareOrdinalHelper(strA, indexA, lengthA, strB, indexB, lengthB);
        }

        // The difference of the first differing code units, or of the
        // lengths when one range is a prefix of the other.
        private static unsafe int CompareOrdinalHelper(string strA, int indexA, int countA, string strB, int indexB, int countB)
        {
            int length = Math.Min(countA, countB);
            fixed (char* pa = strA)
            fixed (char* pb = strB)
            {
                char* a = pa + indexA;
                char* b = pb + indexB;
                for (int i = 0; i < length; i++)
                {
                    if (a[i] != b[i])
                        return a[i] - b[i];
                }
            }
            return countA - countB;
        }

        // As CompareOrdinal after converting both to upper case (invariant).
        private static unsafe int CompareOrdinalIgnoreCase(string strA, int indexA, int countA, string strB, int indexB, int countB)
        {
            int length = Math.Min(countA, countB);
            fixed (char* pa = strA)
            fixed (char* pb = strB)
            {
                char* a = pa + indexA;
                char* b = pb + indexB;
                for (int i = 0; i < length; i++)
                {
                    char ca = Char.ToUpperInvariant(a[i]);
                    char cb = Char.ToUpperInvariant(b[i]);
                    if (ca != cb)
                        return ca - cb;
                }
            }
            return countA - countB;
        }

        // Culture-sensitive comparison (the invariant culture): -1, 0 or 1.
        public static int Compare(string strA, string strB)
        {
            return Compare(strA, strB, false);
        }

        public static int Compare(string strA, string strB, bool ignoreCase)
        {
            if ((object)strA == (object)strB)
                return 0;
            if (strA == null)
                return -1;
            if (strB == null)
                return 1;
            return CompareCulture(strA, 0, strA._stringLength, strB, 0, strB._stringLength, ignoreCase);
        }

        public static int Compare(string strA, string strB, StringComparison comparisonType)
        {
            CheckComparison(comparisonType);
            if ((object)strA == (object)strB)
                return 0;
            if (strA == null)
                return -1;
            if (strB == null)
                return 1;
            return CompareRanges(strA, 0, strA._stringLength, strB, 0, strB._stringLength, comparisonType);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length)
        {
            return Compare(strA, indexA, strB, indexB, length, false);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, bool ignoreCase)
        {
            int lengthA = length;
            int lengthB = length;
            if (strA != null)
                lengthA = Math.Min(lengthA, strA._stringLength - indexA);
            if (strB != null)
                lengthB = Math.Min(lengthB, strB._stringLength - indexB);
            if (lengthA < 0 || lengthB < 0)
                throw new ArgumentOutOfRangeException(lengthA < 0 ? "length1" : "length2", "Positive number required.");
            if (indexA < 0 || indexB < 0)
                throw new ArgumentOutOfRangeException(indexA < 0 ? "offset1" : "offset2", "Positive number required.");
            if (indexA > (strA == null ? 0 : strA._stringLength) - lengthA)
                throw new ArgumentOutOfRangeException("string1", "Offset and length must refer to a position in the string.");
            if (indexB > (strB == null ? 0 : strB._stringLength) - lengthB)
                throw new ArgumentOutOfRangeException("string2", "Offset and length must refer to a position in the string.");
            if (strA == null)
                return strB == null ? 0 : -1;
            if (strB == null)
                return 1;
            return CompareCulture(strA, indexA, lengthA, strB, indexB, lengthB, ignoreCase);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, StringComparison comparisonType)
        {
            CheckComparison(comparisonType);
            if (strA == null || strB == null)
            {
                if ((object)strA == (object)strB)
                    return 0;
                return strA == null ? -1 : 1;
            }
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (indexA < 0 || indexB < 0)
                throw new ArgumentOutOfRangeException(indexA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (strA._stringLength - indexA < 0 || strB._stringLength - indexB < 0)
                throw new ArgumentOutOfRangeException(strA._stringLength - indexA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length == 0 || ((object)strA == (object)strB && indexA == indexB))
                return 0;
            int lengthA = Math.Min(length, strA._stringLength - indexA);
            int lengthB = Math.Min(length, strB._stringLength - indexB);
            return CompareRanges(strA, indexA, lengthA, strB, indexB, lengthB, comparisonType);
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            string other = value as string;
            if (other == null)
                throw new ArgumentException("Object must be of type String.");
            return CompareTo(other);
        }

        public int CompareTo(string strB)
        {
            return Compare(this, strB, false);
        }

        public static bool Equals(string a, string b, StringComparison comparisonType)
        {
            CheckComparison(comparisonType);
            if ((object)a == (object)b)
                return true;
            if (a == null || b == null)
                return false;
            if (comparisonType == StringComparison.Ordinal)
                return a._stringLength == b._stringLength && CompareOrdinalHelper(a, 0, a._stringLength, b, 0, b._stringLength) == 0;
            if (comparisonType == StringComparison.OrdinalIgnoreCase)
                return a._stringLength == b._stringLength && CompareOrdinalIgnoreCase(a, 0, a._stringLength, b, 0, b._stringLength) == 0;
            return CompareRanges(a, 0, a._stringLength, b, 0, b._stringLength, comparisonType) == 0;
        }

        public bool Equals(string value, StringComparison comparisonType)
        {
            return Equals(this, value, comparisonType);
        }

        private static int CompareRanges(string strA, int indexA, int countA, string strB, int indexB, int countB, StringComparison comparisonType)
        {
            switch (comparisonType)
            {
                case StringComparison.Ordinal:
                    return CompareOrdinalHelper(strA, indexA, countA, strB, indexB, countB);
                case StringComparison.OrdinalIgnoreCase:
                    return CompareOrdinalIgnoreCase(strA, indexA, countA, strB, indexB, countB);
                case StringComparison.CurrentCultureIgnoreCase:
                case StringComparison.InvariantCultureIgnoreCase:
                    return CompareCulture(strA, indexA, countA, strB, indexB, countB, true);
                default:
                    return CompareCulture(strA, indexA, countA, strB, indexB, countB, false);
            }
        }

        private static void CheckComparison(StringComparison comparisonType)
        {
            if (comparisonType < StringComparison.CurrentCulture || comparisonType > StringComparison.OrdinalIgnoreCase)
                throw new ArgumentException("The string comparison type passed in is currently not supported.", "comparisonType");
        }

        // The invariant culture's comparison of two ranges, in the manner
        // of Mono's collator: characters are compared by their primary
        // weight (the letter, whatever its case) from left to right, and
        // the first difference decides. Equal strings at that level are
        // then told apart by the first difference in case (lower case
        // first), unless one string has characters left over (it is then
        // the greater); and last by the "special" characters that the
        // first pass skipped (hyphen, apostrophe, control characters),
        // where a string with such a character earlier, or with more of
        // them, is the greater.
        private static int CompareCulture(string strA, int indexA, int countA, string strB, int indexB, int countB, bool ignoreCase)
        {
            int endA = indexA + countA;
            int endB = indexB + countB;
            int i = indexA;
            int j = indexB;
            int caseResult = 0;
            while (i < endA && j < endB)
            {
                char a = strA[i];
                char b = strB[j];
                if (a == '\0')
                {
                    i++;
                    continue;
                }
                if (b == '\0')
                {
                    j++;
                    continue;
                }
                bool specialA = SpecialWeight(a) != 0;
                bool specialB = SpecialWeight(b) != 0;
                if (specialA || specialB)
                {
                    if (specialA)
                        i++;
                    if (specialB)
                        j++;
                    continue;
                }
                int weightA = PrimaryWeight(a);
                int weightB = PrimaryWeight(b);
                if (weightA != weightB)
                    return weightA < weightB ? -1 : 1;
                if (caseResult == 0 && !ignoreCase)
                    caseResult = CaseWeight(a) - CaseWeight(b);
                i++;
                j++;
            }
            while (i < endA && strA[i] == '\0')
                i++;
            while (j < endB && strB[j] == '\0')
                j++;
            if (i < endA)
                return 1;
            if (j < endB)
                return -1;
            if (caseResult != 0)
                return caseResult < 0 ? -1 : 1;
            return CompareSpecials(strA, indexA, endA, strB, indexB, endB);
        }

        // Compares the special characters of the two ranges in order: an
        // earlier position wins, then the greater special weight; a range
        // with more of them is the greater.
        private static int CompareSpecials(string strA, int indexA, int endA, string strB, int indexB, int endB)
        {
            int i = indexA;
            int j = indexB;
            while (true)
            {
                while (i < endA && SpecialWeight(strA[i]) == 0)
                    i++;
                while (j < endB && SpecialWeight(strB[j]) == 0)
                    j++;
                if (i == endA)
                    return j == endB ? 0 : -1;
                if (j == endB)
                    return 1;
                int positionA = i - indexA;
                int positionB = j - indexB;
                if (positionA != positionB)
                    return positionA < positionB ? 1 : -1;
                int weightA = SpecialWeight(strA[i]);
                int weightB = SpecialWeight(strB[j]);
                if (weightA != weightB)
                    return weightA < weightB ? -1 : 1;
                i++;
                j++;
            }
        }

        // Non-zero for the characters compared only when all else is
        // equal: the control characters other than '\0' and \t-\r, the
        // apostrophe and the hyphen, in this order.
        private static int SpecialWeight(char c)
        {
            if (c == '\'')
                return 33;
            if (c == '-')
                return 34;
            if (c == '\x7F')
                return 32;
            if (c >= '\x01' && c < '\x20' && (c < '\t' || c > '\r'))
                return c;
            return 0;
        }

        // ASCII punctuation and symbols in the invariant culture's order;
        // they sort after the white space characters and before the digits.
        private const string PunctuationOrder = "!\"#$%&()*,./:;?@[\\]^_`{|}~+<=>";

        private static int PrimaryWeight(char c)
        {
            if (c == ' ')
                return 1;
            if (c >= '\t' && c <= '\r')
                return 2 + (c - '\t');
            if (c >= '0' && c <= '9')
                return 100 + (c - '0');
            if (c >= 'a' && c <= 'z')
                return 200 + (c - 'a');
            if (c >= 'A' && c <= 'Z')
                return 200 + (c - 'A');
            int index = PunctuationOrder.IndexOf(c);
            if (index >= 0)
                return 10 + index;
            // Beyond ASCII: after everything else, by code unit.
            return 1000 + c;
        }

        // 1 for the ASCII upper case letters, which sort after their lower
        // case forms when nothing else differs.
        private static int CaseWeight(char c)
        {
            return c >= 'A' && c <= 'Z' ? 1 : 0;
        }
    }
}
