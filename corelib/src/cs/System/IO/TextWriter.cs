using System.Text;

namespace System.IO
{
    // A writer of characters. Derived classes override Write(char) and, for
    // speed, Write(char[], int, int) and Write(string); every other member
    // is expressed through those. Numbers are formatted with the invariant
    // culture (Osprey's only culture).
    public abstract class TextWriter : MarshalByRefObject, IDisposable
    {
        public static readonly TextWriter Null = new NullTextWriter();

        // The line terminator, as .NET keeps it (derived classes may read it).
        protected char[] CoreNewLine = new char[] { '\n' };

        private readonly IFormatProvider _provider;

        protected TextWriter()
        {
        }

        protected TextWriter(IFormatProvider formatProvider)
        {
            _provider = formatProvider;
        }

        public abstract Encoding Encoding { get; }

        public virtual IFormatProvider FormatProvider
        {
            get { return _provider; }
        }

        // "\n" (Environment.NewLine) unless set; null sets the default.
        public virtual string NewLine
        {
            get { return new string(CoreNewLine, 0, CoreNewLine.Length); }
            set
            {
                if (value == null)
                    value = "\n";
                CoreNewLine = value.ToCharArray();
            }
        }

        public static TextWriter Synchronized(TextWriter writer)
        {
            if (writer == null)
                throw new ArgumentNullException("writer");
            return writer;
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

        public virtual void Flush()
        {
        }

        // The base class drops the character, as in .NET.
        public virtual void Write(char value)
        {
        }

        public virtual void Write(char[] buffer)
        {
            if (buffer != null)
                Write(buffer, 0, buffer.Length);
        }

        public virtual void Write(char[] buffer, int index, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            if (index < 0)
                throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (buffer.Length - index < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            for (int i = 0; i < count; i++)
                Write(buffer[index + i]);
        }

        public virtual void Write(string value)
        {
            if (value != null)
                Write(value.ToCharArray());
        }

        // Writes value.ToString() (IFormattable with the format provider);
        // nothing for null.
        public virtual void Write(object value)
        {
            if (value == null)
                return;
            IFormattable f = value as IFormattable;
            Write(f != null ? f.ToString(null, FormatProvider) : value.ToString());
        }

        public virtual void WriteLine()
        {
            Write(CoreNewLine);
        }

        public virtual void WriteLine(string value)
        {
            Write(value);
            Write(CoreNewLine);
        }

        public virtual void WriteLine(char[] buffer)
        {
            Write(buffer);
            WriteLine();
        }

        public virtual void WriteLine(char[] buffer, int index, int count)
        {
            Write(buffer, index, count);
            WriteLine();
        }

        public virtual void WriteLine(object value)
        {
            if (value == null)
            {
                WriteLine();
                return;
            }
            IFormattable f = value as IFormattable;
            WriteLine(f != null ? f.ToString(null, FormatProvider) : value.ToString());
        }

        public virtual void Write(string format, object arg0)
        {
            Write(String.Format(FormatProvider, format, arg0));
        }

        public virtual void Write(string format, object arg0, object arg1)
        {
            Write(String.Format(FormatProvider, format, arg0, arg1));
        }

        public virtual void Write(string format, object arg0, object arg1, object arg2)
        {
            Write(String.Format(FormatProvider, format, arg0, arg1, arg2));
        }

        public virtual void Write(string format, params object[] arg)
        {
            Write(String.Format(FormatProvider, format, arg));
        }

        public virtual void WriteLine(string format, object arg0)
        {
            WriteLine(String.Format(FormatProvider, format, arg0));
        }

        public virtual void WriteLine(string format, object arg0, object arg1)
        {
            WriteLine(String.Format(FormatProvider, format, arg0, arg1));
        }

        public virtual void WriteLine(string format, object arg0, object arg1, object arg2)
        {
            WriteLine(String.Format(FormatProvider, format, arg0, arg1, arg2));
        }

        public virtual void WriteLine(string format, params object[] arg)
        {
            WriteLine(String.Format(FormatProvider, format, arg));
        }

        public virtual void Write(bool value)
        {
            Write(Number.BooleanToString(value));
        }

        public virtual void WriteLine(bool value)
        {
            WriteLine(Number.BooleanToString(value));
        }

        public virtual void WriteLine(char value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void Write(int value)
        {
            Write(Number.Int32ToDecStr(value));
        }

        public virtual void WriteLine(int value)
        {
            WriteLine(Number.Int32ToDecStr(value));
        }

        [CLSCompliant(false)]
        public virtual void Write(uint value)
        {
            Write(Number.UInt32ToDecStr(value));
        }

        [CLSCompliant(false)]
        public virtual void WriteLine(uint value)
        {
            WriteLine(Number.UInt32ToDecStr(value));
        }

        public virtual void Write(long value)
        {
            Write(Number.Int64ToDecStr(value));
        }

        public virtual void WriteLine(long value)
        {
            WriteLine(Number.Int64ToDecStr(value));
        }

        [CLSCompliant(false)]
        public virtual void Write(ulong value)
        {
            Write(Number.UInt64ToDecStr(value));
        }

        [CLSCompliant(false)]
        public virtual void WriteLine(ulong value)
        {
            WriteLine(Number.UInt64ToDecStr(value));
        }

        public virtual void Write(float value)
        {
            Write(Number.FormatSingle(value, null));
        }

        public virtual void WriteLine(float value)
        {
            WriteLine(Number.FormatSingle(value, null));
        }

        public virtual void Write(double value)
        {
            Write(Number.FormatDouble(value, null));
        }

        public virtual void WriteLine(double value)
        {
            WriteLine(Number.FormatDouble(value, null));
        }

        public virtual void Write(decimal value)
        {
            Write(value.ToString());
        }

        public virtual void WriteLine(decimal value)
        {
            WriteLine(value.ToString());
        }

        private sealed class NullTextWriter : TextWriter
        {
            public override Encoding Encoding
            {
                get { return new UTF8Encoding(false); }
            }

            public override void Write(char value)
            {
            }

            public override void Write(char[] buffer, int index, int count)
            {
            }

            public override void Write(string value)
            {
            }

            public override void WriteLine(string value)
            {
            }
        }
    }
}
