using System.IO;
using System.Text;

namespace System
{
    // Console.Out and Console.Error when not redirected: writes straight to
    // a console stream (the kernel buffers standard output and writes it
    // before any standard error, at a read of standard input and at exit),
    // so Flush has nothing to do. Each WriteLine is one write.
    internal sealed class ConsoleWriter : TextWriter
    {
        private readonly int _stream;

        internal ConsoleWriter(int stream)
        {
            _stream = stream;
        }

        public override Encoding Encoding
        {
            get { return new UTF8Encoding(false); }
        }

        public override void Write(char value)
        {
            Console.WriteDirect(_stream, Number.CharToString(value));
        }

        public override void Write(string value)
        {
            Console.WriteDirect(_stream, value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            Console.WriteDirect(_stream, new string(buffer, index, count));
        }

        public override void WriteLine()
        {
            Console.WriteLineDirect(_stream, null);
        }

        public override void WriteLine(string value)
        {
            Console.WriteLineDirect(_stream, value);
        }

        public override void WriteLine(int value)
        {
            Console.WriteLineDirect(_stream, Number.Int32ToDecStr(value));
        }

        public override void WriteLine(long value)
        {
            Console.WriteLineDirect(_stream, Number.Int64ToDecStr(value));
        }

        public override void WriteLine(object value)
        {
            Console.WriteLineDirect(_stream, value == null ? null : value.ToString());
        }
    }
}
