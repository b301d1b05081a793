namespace System.IO
{
    // A writer of characters. Derived classes override Write(char) and, for
    // speed, Write(string) and WriteLine(string); every other member is
    // expressed through those.
    public abstract class TextWriter
    {
        protected TextWriter()
        {
        }

        // Osprey's Environment.NewLine. (.NET lets a writer change it; that
        // is not supported yet.)
        public virtual string NewLine
        {
            get { return "\n"; }
        }

        // Writers here write through; there is nothing to flush.
        public virtual void Flush()
        {
        }

        // The base class drops the character, as in .NET.
        public virtual void Write(char value)
        {
        }

        public virtual void Write(string value)
        {
            if (value == null)
                return;
            for (int i = 0; i < value.Length; i++)
                Write(value[i]);
        }

        public virtual void Write(bool value)
        {
            Write(Number.BooleanToString(value));
        }

        public virtual void Write(int value)
        {
            Write(Number.Int32ToDecStr(value));
        }

        [CLSCompliant(false)]
        public virtual void Write(uint value)
        {
            Write(Number.UInt32ToDecStr(value));
        }

        public virtual void Write(long value)
        {
            Write(Number.Int64ToDecStr(value));
        }

        [CLSCompliant(false)]
        public virtual void Write(ulong value)
        {
            Write(Number.UInt64ToDecStr(value));
        }

        // Writes value.ToString(); nothing for null.
        public virtual void Write(object value)
        {
            if (value != null)
                Write(value.ToString());
        }

        public virtual void WriteLine()
        {
            Write(NewLine);
        }

        public virtual void WriteLine(string value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void WriteLine(char value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void WriteLine(bool value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void WriteLine(int value)
        {
            Write(value);
            WriteLine();
        }

        [CLSCompliant(false)]
        public virtual void WriteLine(uint value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void WriteLine(long value)
        {
            Write(value);
            WriteLine();
        }

        [CLSCompliant(false)]
        public virtual void WriteLine(ulong value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void WriteLine(object value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void Write(float value)
        {
            Write(Number.FormatSingle(value, null));
        }

        public virtual void Write(double value)
        {
            Write(Number.FormatDouble(value, null));
        }

        public virtual void Write(char[] buffer)
        {
            if (buffer != null)
                Write(String.CopyChars(buffer, 0, buffer.Length));
        }

        public virtual void Write(char[] buffer, int index, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            Write(new string(buffer, index, count));
        }

        public virtual void Write(string format, object arg0)
        {
            Write(String.Format(format, arg0));
        }

        public virtual void Write(string format, object arg0, object arg1)
        {
            Write(String.Format(format, arg0, arg1));
        }

        public virtual void Write(string format, object arg0, object arg1, object arg2)
        {
            Write(String.Format(format, arg0, arg1, arg2));
        }

        public virtual void Write(string format, params object[] arg)
        {
            Write(String.Format(format, arg));
        }

        public virtual void WriteLine(float value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void WriteLine(double value)
        {
            Write(value);
            WriteLine();
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

        public virtual void WriteLine(string format, object arg0)
        {
            WriteLine(String.Format(format, arg0));
        }

        public virtual void WriteLine(string format, object arg0, object arg1)
        {
            WriteLine(String.Format(format, arg0, arg1));
        }

        public virtual void WriteLine(string format, object arg0, object arg1, object arg2)
        {
            WriteLine(String.Format(format, arg0, arg1, arg2));
        }

        public virtual void WriteLine(string format, params object[] arg)
        {
            WriteLine(String.Format(format, arg));
        }
    }
}
