using System.Text;

namespace System
{
    // Composite formatting: "{0}", "{1,8}", "{0,-5:X4}", "{{" and "}}".
    // StringBuilder.AppendFormatHelper does the work (see there for the
    // syntax); the numeric format strings are the numbers' own (see
    // Number.Formatting.cs).
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (see String.Construction.cs).
    public sealed partial class String
    {
        public static string Format(string format, object arg0)
        {
            return FormatHelper(null, format, new object[] { arg0 });
        }

        public static string Format(string format, object arg0, object arg1)
        {
            return FormatHelper(null, format, new object[] { arg0, arg1 });
        }

        public static string Format(string format, object arg0, object arg1, object arg2)
        {
            return FormatHelper(null, format, new object[] { arg0, arg1, arg2 });
        }

        public static string Format(string format, params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException(format == null ? "format" : "args");
            return FormatHelper(null, format, args);
        }

        // Osprey formats with the invariant culture whatever the provider.
        public static string Format(IFormatProvider provider, string format, object arg0)
        {
            return FormatHelper(provider, format, new object[] { arg0 });
        }

        public static string Format(IFormatProvider provider, string format, object arg0, object arg1)
        {
            return FormatHelper(provider, format, new object[] { arg0, arg1 });
        }

        public static string Format(IFormatProvider provider, string format, object arg0, object arg1, object arg2)
        {
            return FormatHelper(provider, format, new object[] { arg0, arg1, arg2 });
        }

        public static string Format(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException(format == null ? "format" : "args");
            return FormatHelper(provider, format, args);
        }

        private static string FormatHelper(IFormatProvider provider, string format, object[] args)
        {
            if (format == null)
                throw new ArgumentNullException("format");
            StringBuilder sb = new StringBuilder(format._stringLength + args.Length * 8);
            return sb.AppendFormatHelper(provider, format, args).ToString();
        }
    }
}
