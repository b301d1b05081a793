using System.IO;
using System.Runtime.CompilerServices;

namespace System
{
    // Standard output and standard error (standard input: Console.In.cs).
    //
    // Every write ends in one InternalWrite FCall, unless SetOut/SetError
    // redirected the stream to another TextWriter (Redirected, in
    // Console.Writers.cs): then the text goes to that writer's Write(string)
    // or WriteLine(string). WriteLine writes its text and the line feed with
    // a single call, so lines from different threads do not interleave.
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (class renamed, InternalWrite replaced
    // by a capture, `string.AppendChar(` redirected, Redirected always
    // null); keep to those spellings.
    public static partial class Console
    {
        private const int StdOut = 1;
        private const int StdErr = 2;

        // FCall. Sends `value` (UTF-16) as UTF-8 to the kernel's console
        // service: stream 1 is standard output, 2 standard error. `value` is
        // never null.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void InternalWrite(int stream, string value);

        // Osprey's Environment.NewLine.
        private const char NewLine = '\n';

        // Writes `value` (nothing for null) to the stream, or to the writer
        // it was redirected to.
        internal static void WriteCore(int stream, string value)
        {
            TextWriter redirected = Redirected(stream);
            if (redirected != null)
            {
                redirected.Write(value);
                return;
            }
            if (value != null)
                InternalWrite(stream, value);
        }

        // Writes `value` and a line feed in one write, or to the writer the
        // stream was redirected to.
        internal static void WriteLineCore(int stream, string value)
        {
            TextWriter redirected = Redirected(stream);
            if (redirected != null)
            {
                redirected.WriteLine(value);
                return;
            }
            InternalWrite(stream, string.AppendChar(value, NewLine));
        }

        // The console itself, never redirected: what Console.Out and
        // Console.Error write through by default.
        internal static void WriteDirect(int stream, string value)
        {
            if (value != null)
                InternalWrite(stream, value);
        }

        internal static void WriteLineDirect(int stream, string value)
        {
            InternalWrite(stream, string.AppendChar(value, NewLine));
        }

        public static void Write(string value)
        {
            WriteCore(StdOut, value);
        }

        public static void Write(int value)
        {
            WriteCore(StdOut, Number.Int32ToDecStr(value));
        }

        public static void Write(long value)
        {
            WriteCore(StdOut, Number.Int64ToDecStr(value));
        }

        [CLSCompliant(false)]
        public static void Write(uint value)
        {
            WriteCore(StdOut, Number.UInt32ToDecStr(value));
        }

        [CLSCompliant(false)]
        public static void Write(ulong value)
        {
            WriteCore(StdOut, Number.UInt64ToDecStr(value));
        }

        public static void Write(bool value)
        {
            WriteCore(StdOut, Number.BooleanToString(value));
        }

        public static void Write(char value)
        {
            WriteCore(StdOut, Number.CharToString(value));
        }

        // Writes value.ToString(); nothing for null.
        public static void Write(object value)
        {
            if (value != null)
                WriteCore(StdOut, value.ToString());
        }

        public static void WriteLine()
        {
            WriteLineCore(StdOut, null);
        }

        public static void WriteLine(string value)
        {
            WriteLineCore(StdOut, value);
        }

        public static void WriteLine(int value)
        {
            WriteLineCore(StdOut, Number.Int32ToDecStr(value));
        }

        public static void WriteLine(long value)
        {
            WriteLineCore(StdOut, Number.Int64ToDecStr(value));
        }

        [CLSCompliant(false)]
        public static void WriteLine(uint value)
        {
            WriteLineCore(StdOut, Number.UInt32ToDecStr(value));
        }

        [CLSCompliant(false)]
        public static void WriteLine(ulong value)
        {
            WriteLineCore(StdOut, Number.UInt64ToDecStr(value));
        }

        public static void WriteLine(bool value)
        {
            WriteLineCore(StdOut, Number.BooleanToString(value));
        }

        public static void WriteLine(char value)
        {
            WriteLineCore(StdOut, Number.CharToString(value));
        }

        // Writes value.ToString() and a line feed; just the line feed for
        // null.
        public static void WriteLine(object value)
        {
            WriteLineCore(StdOut, value == null ? null : value.ToString());
        }

        // The overloads below are not on the restricted path: they format
        // with String.Format and the numbers' own formatting.

        public static void Write(double value)
        {
            WriteCore(StdOut, Number.FormatDouble(value, null));
        }

        public static void Write(float value)
        {
            WriteCore(StdOut, Number.FormatSingle(value, null));
        }

        // The characters of `buffer`; nothing for null.
        public static void Write(char[] buffer)
        {
            if (buffer != null)
                WriteCore(StdOut, String.CopyChars(buffer, 0, buffer.Length));
        }

        public static void Write(char[] buffer, int index, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            WriteCore(StdOut, new string(buffer, index, count));
        }

        // Composite formatting, as String.Format.
        public static void Write(string format, object arg0)
        {
            WriteCore(StdOut, String.Format(format, arg0));
        }

        public static void Write(string format, object arg0, object arg1)
        {
            WriteCore(StdOut, String.Format(format, arg0, arg1));
        }

        public static void Write(string format, object arg0, object arg1, object arg2)
        {
            WriteCore(StdOut, String.Format(format, arg0, arg1, arg2));
        }

        // A null array writes the format string as it is (as Mono does).
        public static void Write(string format, params object[] arg)
        {
            if (arg == null)
                WriteCore(StdOut, format);
            else
                WriteCore(StdOut, String.Format(format, arg));
        }

        public static void Write(decimal value)
        {
            WriteCore(StdOut, value.ToString());
        }

        public static void WriteLine(decimal value)
        {
            WriteLineCore(StdOut, value.ToString());
        }

        public static void WriteLine(double value)
        {
            WriteLineCore(StdOut, Number.FormatDouble(value, null));
        }

        public static void WriteLine(float value)
        {
            WriteLineCore(StdOut, Number.FormatSingle(value, null));
        }

        public static void WriteLine(char[] buffer)
        {
            WriteLineCore(StdOut, buffer == null ? null : String.CopyChars(buffer, 0, buffer.Length));
        }

        public static void WriteLine(char[] buffer, int index, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            WriteLineCore(StdOut, new string(buffer, index, count));
        }

        public static void WriteLine(string format, object arg0)
        {
            WriteLineCore(StdOut, String.Format(format, arg0));
        }

        public static void WriteLine(string format, object arg0, object arg1)
        {
            WriteLineCore(StdOut, String.Format(format, arg0, arg1));
        }

        public static void WriteLine(string format, object arg0, object arg1, object arg2)
        {
            WriteLineCore(StdOut, String.Format(format, arg0, arg1, arg2));
        }

        public static void WriteLine(string format, params object[] arg)
        {
            if (arg == null)
                WriteLineCore(StdOut, format);
            else
                WriteLineCore(StdOut, String.Format(format, arg));
        }
    }
}
