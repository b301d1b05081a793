using System.Text;

namespace System.IO
{
    // Writes into a StringBuilder.
    public class StringWriter : TextWriter
    {
        private readonly StringBuilder _sb;
        private bool _open = true;

        public StringWriter()
            : this(new StringBuilder(), null)
        {
        }

        public StringWriter(IFormatProvider formatProvider)
            : this(new StringBuilder(), formatProvider)
        {
        }

        public StringWriter(StringBuilder sb)
            : this(sb, null)
        {
        }

        public StringWriter(StringBuilder sb, IFormatProvider formatProvider)
            : base(formatProvider)
        {
            if (sb == null)
                throw new ArgumentNullException("sb", "Buffer cannot be null.");
            _sb = sb;
        }

        // UTF-16, as .NET reports it.
        public override Encoding Encoding
        {
            get { return new UnicodeEncoding(false, false); }
        }

        public override void Close()
        {
            Dispose(true);
        }

        protected override void Dispose(bool disposing)
        {
            _open = false;
        }

        public virtual StringBuilder GetStringBuilder()
        {
            return _sb;
        }

        public override void Write(char value)
        {
            EnsureOpen();
            _sb.Append(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            if (index < 0)
                throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (buffer.Length - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            EnsureOpen();
            _sb.Append(buffer, index, count);
        }

        public override void Write(string value)
        {
            EnsureOpen();
            if (value != null)
                _sb.Append(value);
        }

        public override string ToString()
        {
            return _sb.ToString();
        }

        private void EnsureOpen()
        {
            if (!_open)
                throw new ObjectDisposedException(null, "Cannot write to a closed TextWriter.");
        }
    }
}
