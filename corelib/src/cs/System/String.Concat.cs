namespace System
{
    // String concatenation.
    //
    // Restricted path: Concat(string, string[, string[, string]]),
    // FillString and AppendChar are used by the first runtime slice, so they
    // use only static calls, locals, integer arithmetic and branches, field
    // loads of _stringLength, `fixed` over strings, char pointer reads and
    // writes, and the FastAllocateString FCall: no newobj, boxing, virtual
    // calls, exception handling, throw, static fields or string literals.
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs, with `public sealed partial class
    // String` renamed and `._stringLength` read as `.Length`; keep to those
    // spellings.
    public sealed partial class String
    {
        public static string Concat(string str0, string str1)
        {
            if (str0 == null || str0._stringLength == 0)
            {
                if (str1 == null || str1._stringLength == 0)
                    return EmptyResult(str0, str1);
                return str1;
            }
            if (str1 == null || str1._stringLength == 0)
                return str0;

            int length0 = str0._stringLength;
            string result = FastAllocateString(CheckedLength((long)length0 + str1._stringLength));
            FillString(result, 0, str0);
            FillString(result, length0, str1);
            return result;
        }

        public static string Concat(string str0, string str1, string str2)
        {
            if (str0 == null || str0._stringLength == 0)
                return Concat(str1, str2);
            if (str1 == null || str1._stringLength == 0)
                return Concat(str0, str2);
            if (str2 == null || str2._stringLength == 0)
                return Concat(str0, str1);

            int length0 = str0._stringLength;
            int length1 = str1._stringLength;
            string result = FastAllocateString(CheckedLength((long)length0 + length1 + str2._stringLength));
            FillString(result, 0, str0);
            FillString(result, length0, str1);
            FillString(result, length0 + length1, str2);
            return result;
        }

        public static string Concat(string str0, string str1, string str2, string str3)
        {
            if (str0 == null || str0._stringLength == 0)
                return Concat(str1, str2, str3);
            if (str1 == null || str1._stringLength == 0)
                return Concat(str0, str2, str3);
            if (str2 == null || str2._stringLength == 0)
                return Concat(str0, str1, str3);
            if (str3 == null || str3._stringLength == 0)
                return Concat(str0, str1, str2);

            int length0 = str0._stringLength;
            int length1 = str1._stringLength;
            int length2 = str2._stringLength;
            string result = FastAllocateString(CheckedLength((long)length0 + length1 + length2 + str3._stringLength));
            FillString(result, 0, str0);
            FillString(result, length0, str1);
            FillString(result, length0 + length1, str2);
            FillString(result, length0 + length1 + length2, str3);
            return result;
        }

        // `"a" + x` with a non-string x compiles to these.

        // arg0.ToString(), "" for null. (As in Mono and .NET Framework, a
        // ToString() that returns null makes this return null.)
        public static string Concat(object arg0)
        {
            if (arg0 == null)
                return Empty;
            return arg0.ToString();
        }

        public static string Concat(object arg0, object arg1)
        {
            return Concat(ToStringOrNull(arg0), ToStringOrNull(arg1));
        }

        public static string Concat(object arg0, object arg1, object arg2)
        {
            return Concat(ToStringOrNull(arg0), ToStringOrNull(arg1), ToStringOrNull(arg2));
        }

        private static string ToStringOrNull(object value)
        {
            return value == null ? null : value.ToString();
        }

        // `a + b + c + d + e` (five or more strings) compiles to this. Null
        // values count as empty.
        public static string Concat(params string[] values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            long total = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] != null)
                    total += values[i]._stringLength;
            }
            if (total == 0)
                return Empty;
            string result = FastAllocateString(CheckedLength(total));
            int position = 0;
            for (int i = 0; i < values.Length; i++)
            {
                string value = values[i];
                if (value != null)
                {
                    FillString(result, position, value);
                    position += value._stringLength;
                }
            }
            return result;
        }

        // Four or more values that are not all strings: each one's
        // ToString() ("" for null).
        public static string Concat(params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException("args");
            string[] values = new string[args.Length];
            for (int i = 0; i < args.Length; i++)
                values[i] = ToStringOrNull(args[i]);
            return Concat(values);
        }

        // `str` followed by `c`; a null `str` counts as empty.
        internal static unsafe string AppendChar(string str, char c)
        {
            int length = str == null ? 0 : str._stringLength;
            string result = FastAllocateString(CheckedLength((long)length + 1));
            if (length != 0)
                FillString(result, 0, str);
            fixed (char* p = result)
                p[length] = c;
            return result;
        }

        // The empty string to return when both arguments are null or empty:
        // an argument itself when one is non-null.
        private static string EmptyResult(string str0, string str1)
        {
            if (str0 != null)
                return str0;
            if (str1 != null)
                return str1;
            return FastAllocateString(0);
        }

        // A total length that does not fit in an int becomes -1, which
        // FastAllocateString rejects with OutOfMemoryException (no throw on
        // this path).
        internal static int CheckedLength(long length)
        {
            if (length > 0x7FFFFFFF)
                return -1;
            return (int)length;
        }

        // Copies all of `src` into `dest` at `destPos`. The caller guarantees
        // that it fits.
        private static unsafe void FillString(string dest, int destPos, string src)
        {
            int length = src._stringLength;
            fixed (char* pDest = dest)
            fixed (char* pSrc = src)
            {
                char* d = pDest + destPos;
                for (int i = 0; i < length; i++)
                    d[i] = pSrc[i];
            }
        }
    }
}
