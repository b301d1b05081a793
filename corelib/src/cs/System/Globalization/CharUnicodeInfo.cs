namespace System.Globalization
{
    // Unicode properties of UTF-16 code units: the general category and the
    // simple (one code unit to one code unit) case mappings of the
    // invariant culture. The data (CharUnicodeInfo.Data.cs) is a table of
    // runs searched with a binary search; it is Mono 6.8's, so that
    // programs classify and convert characters exactly as they do on Mono.
    public static partial class CharUnicodeInfo
    {
        private const int CategoryRecord = 5;
        private const int CaseRecord = 13;

        public static UnicodeCategory GetUnicodeCategory(char ch)
        {
            // Binary search for the last run starting at or before ch.
            int low = 0;
            int high = CategoryRuns.Length / CategoryRecord - 1;
            while (low < high)
            {
                int mid = (low + high + 1) / 2;
                if (Hex4(CategoryRuns, mid * CategoryRecord) <= ch)
                    low = mid;
                else
                    high = mid - 1;
            }
            return (UnicodeCategory)(CategoryRuns[low * CategoryRecord + 4] - 'a');
        }

        public static UnicodeCategory GetUnicodeCategory(string s, int index)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            if ((uint)index >= (uint)s.Length)
                throw new ArgumentOutOfRangeException("index");
            return GetUnicodeCategory(s[index]);
        }

        // The invariant culture's upper case of c (c itself if it has none).
        internal static char ToUpper(char c)
        {
            if (c < 0x80)
                return c >= 'a' && c <= 'z' ? (char)(c - 0x20) : c;
            return MapCase(UpperCaseRuns, c);
        }

        // The invariant culture's lower case of c (c itself if it has none).
        internal static char ToLower(char c)
        {
            if (c < 0x80)
                return c >= 'A' && c <= 'Z' ? (char)(c + 0x20) : c;
            return MapCase(LowerCaseRuns, c);
        }

        private static char MapCase(string runs, char c)
        {
            // Binary search for the last run starting at or before c.
            int low = 0;
            int high = runs.Length / CaseRecord - 1;
            if (Hex4(runs, 0) > c)
                return c;
            while (low < high)
            {
                int mid = (low + high + 1) / 2;
                if (Hex4(runs, mid * CaseRecord) <= c)
                    low = mid;
                else
                    high = mid - 1;
            }
            int record = low * CaseRecord;
            int first = Hex4(runs, record);
            int last = Hex4(runs, record + 4);
            int stride = runs[record + 12] - '0';
            if (c > last || (c - first) % stride != 0)
                return c;
            return (char)(c + Hex4(runs, record + 8));
        }

        // The four hex digits (0-9, A-F) at data[index ..].
        private static int Hex4(string data, int index)
        {
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = data[index + i];
                value = value * 16 + (digit <= '9' ? digit - '0' : digit - 'A' + 10);
            }
            return value;
        }
    }
}
