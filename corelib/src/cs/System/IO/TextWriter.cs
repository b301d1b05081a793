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
    }
}
