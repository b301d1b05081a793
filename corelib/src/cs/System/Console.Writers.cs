using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace System
{
    // Console.Out, Console.Error and Console.In, their redirection
    // (SetOut, SetError, SetIn) and the standard streams. Not on the
    // restricted path (they allocate objects, use static fields and virtual
    // calls).
    public static partial class Console
    {
        // The writers SetOut and SetError installed; null while the stream
        // is the console itself.
        private static TextWriter s_out;
        private static TextWriter s_error;

        // The console's own writers, created on first use.
        private static TextWriter s_stdout;
        private static TextWriter s_stderr;

        // The reader SetIn installed, or the standard-input reader once
        // created.
        private static TextReader s_in;

        // The writer a stream was redirected to, or null.
        private static TextWriter Redirected(int stream)
        {
            return stream == StdOut ? s_out : s_error;
        }

        // Racing first uses may each create a writer; any of them is fine.
        public static TextWriter Out
        {
            get
            {
                TextWriter writer = s_out;
                if (writer != null)
                    return writer;
                writer = s_stdout;
                if (writer == null)
                {
                    writer = new ConsoleWriter(StdOut);
                    s_stdout = writer;
                }
                return writer;
            }
        }

        public static TextWriter Error
        {
            get
            {
                TextWriter writer = s_error;
                if (writer != null)
                    return writer;
                writer = s_stderr;
                if (writer == null)
                {
                    writer = new ConsoleWriter(StdErr);
                    s_stderr = writer;
                }
                return writer;
            }
        }

        // Standard input, decoded as UTF-8: a pipe, a redirected file or the
        // terminal, read through the kernel's console service.
        public static TextReader In
        {
            get
            {
                TextReader reader = s_in;
                if (reader == null)
                {
                    reader = new StreamReader(new ConsoleStream(StdIn, FileAccess.Read), new UTF8Encoding(false), false, 4096);
                    s_in = reader;
                }
                return reader;
            }
        }

        public static void SetOut(TextWriter newOut)
        {
            if (newOut == null)
                throw new ArgumentNullException("newOut");
            s_out = newOut;
        }

        public static void SetError(TextWriter newError)
        {
            if (newError == null)
                throw new ArgumentNullException("newError");
            s_error = newError;
        }

        public static void SetIn(TextReader newIn)
        {
            if (newIn == null)
                throw new ArgumentNullException("newIn");
            s_in = newIn;
        }

        // The next line of standard input without its line end ("\n",
        // "\r\n" or "\r"), or null at the end of the input.
        public static string ReadLine()
        {
            return In.ReadLine();
        }

        // The next character of standard input, or -1 at its end.
        public static int Read()
        {
            return In.Read();
        }

        public static Stream OpenStandardInput()
        {
            return new ConsoleStream(StdIn, FileAccess.Read);
        }

        public static Stream OpenStandardInput(int bufferSize)
        {
            return OpenStandardInput();
        }

        public static Stream OpenStandardOutput()
        {
            return new ConsoleStream(StdOut, FileAccess.Write);
        }

        public static Stream OpenStandardOutput(int bufferSize)
        {
            return OpenStandardOutput();
        }

        public static Stream OpenStandardError()
        {
            return new ConsoleStream(StdErr, FileAccess.Write);
        }

        public static Stream OpenStandardError(int bufferSize)
        {
            return OpenStandardError();
        }

        // Osprey's console is UTF-8 both ways.
        public static Encoding InputEncoding
        {
            get { return new UTF8Encoding(false); }
        }

        public static Encoding OutputEncoding
        {
            get { return new UTF8Encoding(false); }
        }

        private const int StdIn = 0;

        // QCall: reads at most `count` bytes of standard input through the
        // kernel (ConsoleService.Read); 0 at its end, or a negated kernel
        // status.
        [DllImport("QCall", EntryPoint = "Console_Read")]
        private static extern unsafe int ReadCore(byte* buffer, int count);

        internal static unsafe int ReadStdIn(byte[] buffer, int offset, int count)
        {
            if (count == 0)
                return 0;
            int n;
            fixed (byte* p = buffer)
                n = ReadCore(p + offset, count);
            if (n < 0)
                throw new IOException("Reading standard input failed: kernel status " + (-n).ToString() + ".");
            return n;
        }
    }
}
