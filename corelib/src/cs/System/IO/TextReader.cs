using System.Text;

namespace System.IO
{
    // A reader of characters. Derived classes override Peek and Read() and,
    // for speed, Read(char[], int, int), ReadLine and ReadToEnd.
    public abstract class TextReader : MarshalByRefObject, IDisposable
    {
        public static readonly TextReader Null = new NullTextReader();

        protected TextReader()
        {
        }

        public static TextReader Synchronized(TextReader reader)
        {
            if (reader == null)
                throw new ArgumentNullException("reader");
            return reader;
        }

        public virtual void Close()
        {
            Dispose(true);
        }

        public void Dispose()
        {
            Dispose(true);
        }

        protected virtual void Dispose(bool disposing)
        {
        }

        // The next character without consuming it, or -1.
        public virtual int Peek()
        {
            return -1;
        }

        // The next character, or -1 at the end.
        public virtual int Read()
        {
            return -1;
        }

        public virtual int Read(char[] buffer, int index, int count)
        {
            CheckBuffer(buffer, index, count);
            int n = 0;
            while (n < count)
            {
                int c = Read();
                if (c < 0)
                    break;
                buffer[index + n++] = (char)c;
            }
            return n;
        }

        // Reads until `count` characters or the end.
        public virtual int ReadBlock(char[] buffer, int index, int count)
        {
            CheckBuffer(buffer, index, count);
            int total = 0;
            int n;
            while (total < count && (n = Read(buffer, index + total, count - total)) > 0)
                total += n;
            return total;
        }

        public virtual string ReadToEnd()
        {
            StringBuilder sb = new StringBuilder();
            char[] chunk = new char[4096];
            int n;
            while ((n = Read(chunk, 0, chunk.Length)) != 0)
                sb.Append(chunk, 0, n);
            return sb.ToString();
        }

        // The next line without its terminator ("\n", "\r" or "\r\n"), or
        // null at the end.
        public virtual string ReadLine()
        {
            StringBuilder sb = new StringBuilder();
            while (true)
            {
                int c = Read();
                if (c == -1)
                    return sb.Length > 0 ? sb.ToString() : null;
                if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && Peek() == '\n')
                        Read();
                    return sb.ToString();
                }
                sb.Append((char)c);
            }
        }

        internal static void CheckBuffer(char[] buffer, int index, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            if (index < 0)
                throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (buffer.Length - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        }

        private sealed class NullTextReader : TextReader
        {
            public override string ReadLine()
            {
                return null;
            }

            public override string ReadToEnd()
            {
                return "";
            }
        }
    }
}
