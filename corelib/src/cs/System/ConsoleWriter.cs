using System.IO;

namespace System
{
    // Writes straight to a console stream; nothing is buffered, so Flush has
    // nothing to do.
    internal sealed class ConsoleWriter : TextWriter
    {
        private readonly int _stream;

        internal ConsoleWriter(int stream)
        {
            _stream = stream;
        }

        public override void Write(char value)
        {
            Console.WriteCore(_stream, Number.CharToString(value));
        }

        public override void Write(string value)
        {
            Console.WriteCore(_stream, value);
        }

        public override void WriteLine()
        {
            Console.WriteLineCore(_stream, null);
        }

        public override void WriteLine(string value)
        {
            Console.WriteLineCore(_stream, value);
        }
    }
}
