namespace System.Text
{
    // A mutable string: the characters live in a char[] buffer that grows
    // as needed, and ToString() copies them into a new string.
    //
    // .NET (and Mono) keep the text in a list of chunks instead; Osprey
    // keeps one buffer but grows it as that list would grow, so that
    // Capacity reports what .NET reports: when an append does not fit, the
    // buffer fills up and then grows by the larger of what is still
    // missing and min(Length, 8000) (so 16, 32, 64, ... for repeated
    // appends). Setting Length below the start of the newest "chunk"
    // resizes the buffer as .NET merges its chunks. After Insert, Remove
    // and Replace the capacity can differ from .NET's (their chunk
    // juggling is not modelled); the text never does.
    //
    // The capacity .NET would report (`_capacity`) is kept apart from the
    // buffer's length: the buffer grows at least twofold, so appending n
    // characters copies O(n) of them (growing it by .NET's chunk size,
    // 8000 characters at a time, copied the whole text at every chunk).
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (the class renamed), which compares
    // the results, Capacity included, with Mono's StringBuilder.
    public sealed class StringBuilder
    {
        private const int DefaultCapacity = 16;
        private const int MaxChunkSize = 8000;

        // The buffer: at least `_capacity` characters.
        private char[] _chars;
        // The capacity .NET would report (see above).
        private int _capacity;
        private int _length;
        // Where .NET's newest chunk would start (see above).
        private int _chunkOffset;
        private readonly int _maxCapacity;

        public StringBuilder()
            : this(DefaultCapacity)
        {
        }

        public StringBuilder(int capacity)
            : this(capacity, int.MaxValue)
        {
        }

        public StringBuilder(int capacity, int maxCapacity)
        {
            if (capacity > maxCapacity)
                throw new ArgumentOutOfRangeException("capacity", "Capacity exceeds maximum capacity.");
            if (maxCapacity < 1)
                throw new ArgumentOutOfRangeException("maxCapacity", "MaxCapacity must be one or greater.");
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "'capacity' must be greater than zero.");
            if (capacity == 0)
                capacity = Math.Min(DefaultCapacity, maxCapacity);
            _maxCapacity = maxCapacity;
            _chars = new char[capacity];
            _capacity = capacity;
        }

        public StringBuilder(string value)
            : this(value, DefaultCapacity)
        {
        }

        public StringBuilder(string value, int capacity)
            : this(value, 0, value != null ? value.Length : 0, capacity)
        {
        }

        public StringBuilder(string value, int startIndex, int length, int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "'capacity' must be greater than zero.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "'length' must be non-negative.");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (value == null)
                value = String.Empty;
            if (startIndex > value.Length - length)
                throw new ArgumentOutOfRangeException("length", "Index and length must refer to a location within the string.");
            _maxCapacity = int.MaxValue;
            if (capacity == 0)
                capacity = DefaultCapacity;
            if (capacity < length)
                capacity = length;
            _chars = new char[capacity];
            _capacity = capacity;
            for (int i = 0; i < length; i++)
                _chars[i] = value[startIndex + i];
            _length = length;
        }

        public int Length
        {
            get { return _length; }
            set
            {
                if (value < 0)
                    throw new ArgumentOutOfRangeException("value", "Length cannot be less than zero.");
                if (value > _maxCapacity)
                    throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (value > _length)
                {
                    // New characters are '\0'.
                    Append('\0', value - _length);
                    return;
                }
                if (value < _chunkOffset)
                {
                    // .NET merges the remaining chunks into one.
                    int newCapacity = Math.Min(_capacity, Math.Max(_length * 6 / 5, _capacity - _chunkOffset));
                    Resize(newCapacity);
                    _chunkOffset = 0;
                }
                _length = value;
            }
        }

        public int Capacity
        {
            get { return _capacity; }
            set
            {
                if (value < 0)
                    throw new ArgumentOutOfRangeException("value", "Capacity must be positive.");
                if (value > _maxCapacity)
                    throw new ArgumentOutOfRangeException("value", "Capacity exceeds maximum capacity.");
                if (value < _length)
                    throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (value != _capacity)
                    Resize(value);
            }
        }

        public int MaxCapacity
        {
            get { return _maxCapacity; }
        }

        // Makes Capacity at least `capacity`; returns the new Capacity.
        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "Capacity must be positive.");
            if (_capacity < capacity)
                Capacity = capacity;
            return _capacity;
        }

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    throw new IndexOutOfRangeException();
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length)
                    throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
                _chars[index] = value;
            }
        }

        public StringBuilder Clear()
        {
            Length = 0;
            return this;
        }

        public override string ToString()
        {
            if (_length == 0)
                return String.Empty;
            return String.CopyChars(_chars, 0, _length);
        }

        public string ToString(int startIndex, int length)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (startIndex > _length)
                throw new ArgumentOutOfRangeException("startIndex", "startIndex cannot be larger than length of string.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex > _length - length)
                throw new ArgumentOutOfRangeException("length", "Index and length must refer to a location within the string.");
            if (length == 0)
                return String.Empty;
            return String.CopyChars(_chars, startIndex, length);
        }

        public bool Equals(StringBuilder sb)
        {
            if (sb == null || sb._length != _length || sb._capacity != _capacity || sb._maxCapacity != _maxCapacity)
                return false;
            for (int i = 0; i < _length; i++)
            {
                if (_chars[i] != sb._chars[i])
                    return false;
            }
            return true;
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null)
                throw new ArgumentNullException("destination");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (destinationIndex < 0)
                throw new ArgumentOutOfRangeException("destinationIndex", "'destinationIndex' must be non-negative.");
            if (destinationIndex > destination.Length - count)
                throw new ArgumentException("Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
            if ((uint)sourceIndex > (uint)_length)
                throw new ArgumentOutOfRangeException("sourceIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (sourceIndex > _length - count)
                throw new ArgumentException("Source string was not long enough. Check sourceIndex and count.");
            for (int i = 0; i < count; i++)
                destination[destinationIndex + i] = _chars[sourceIndex + i];
        }

        // Appending.

        public StringBuilder Append(char value)
        {
            if (_length == _capacity)
                ExpandFor(1);
            _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0)
                throw new ArgumentOutOfRangeException("repeatCount", "Count cannot be less than zero.");
            if (repeatCount == 0)
                return this;
            ExpandFor(repeatCount);
            for (int i = 0; i < repeatCount; i++)
                _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char[] value)
        {
            if (value == null || value.Length == 0)
                return this;
            return Append(value, 0, value.Length);
        }

        public StringBuilder Append(char[] value, int startIndex, int charCount)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "Value must be positive.");
            if (charCount < 0)
                throw new ArgumentOutOfRangeException("charCount", "Value must be positive.");
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0)
                    return this;
                throw new ArgumentNullException("value");
            }
            if (charCount > value.Length - startIndex)
                throw new ArgumentOutOfRangeException("charCount", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (charCount == 0)
                return this;
            ExpandFor(charCount);
            for (int i = 0; i < charCount; i++)
                _chars[_length++] = value[startIndex + i];
            return this;
        }

        public StringBuilder Append(string value)
        {
            if (value == null)
                return this;
            return AppendRange(value, 0, value.Length);
        }

        public StringBuilder Append(string value, int startIndex, int count)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Value must be positive.");
            if (value == null)
            {
                if (startIndex == 0 && count == 0)
                    return this;
                throw new ArgumentNullException("value");
            }
            if (count == 0)
                return this;
            if (startIndex > value.Length - count)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return AppendRange(value, startIndex, count);
        }

        public StringBuilder Append(StringBuilder value)
        {
            if (value == null || value._length == 0)
                return this;
            return Append(value._chars, 0, value._length);
        }

        public StringBuilder Append(StringBuilder value, int startIndex, int count)
        {
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (value == null)
            {
                if (startIndex == 0 && count == 0)
                    return this;
                throw new ArgumentNullException("value");
            }
            if (count == 0)
                return this;
            if (count > value._length - startIndex)
                throw new ArgumentOutOfRangeException("count", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return Append(value._chars, startIndex, count);
        }

        private StringBuilder AppendRange(string value, int startIndex, int count)
        {
            ExpandFor(count);
            value.CopyTo(startIndex, _chars, _length, count);
            _length += count;
            return this;
        }

        public StringBuilder Append(bool value)
        {
            return Append(Number.BooleanToString(value));
        }

        [CLSCompliant(false)]
        public StringBuilder Append(sbyte value)
        {
            return Append(Number.Int32ToDecStr(value));
        }

        public StringBuilder Append(byte value)
        {
            return Append(Number.UInt32ToDecStr(value));
        }

        public StringBuilder Append(short value)
        {
            return Append(Number.Int32ToDecStr(value));
        }

        [CLSCompliant(false)]
        public StringBuilder Append(ushort value)
        {
            return Append(Number.UInt32ToDecStr(value));
        }

        public StringBuilder Append(int value)
        {
            return Append(Number.Int32ToDecStr(value));
        }

        [CLSCompliant(false)]
        public StringBuilder Append(uint value)
        {
            return Append(Number.UInt32ToDecStr(value));
        }

        public StringBuilder Append(long value)
        {
            return Append(Number.Int64ToDecStr(value));
        }

        [CLSCompliant(false)]
        public StringBuilder Append(ulong value)
        {
            return Append(Number.UInt64ToDecStr(value));
        }

        public StringBuilder Append(float value)
        {
            return Append(Number.FormatSingle(value, null));
        }

        public StringBuilder Append(double value)
        {
            return Append(Number.FormatDouble(value, null));
        }

        // value.ToString(); nothing for null.
        public StringBuilder Append(object value)
        {
            if (value == null)
                return this;
            return Append(value.ToString());
        }

        public StringBuilder AppendLine()
        {
            return Append('\n');
        }

        public StringBuilder AppendLine(string value)
        {
            Append(value);
            return Append('\n');
        }

        public StringBuilder AppendJoin(string separator, params string[] values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            for (int i = 0; i < values.Length; i++)
            {
                if (i != 0)
                    Append(separator);
                Append(values[i]);
            }
            return this;
        }

        public StringBuilder AppendJoin(string separator, params object[] values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            for (int i = 0; i < values.Length; i++)
            {
                if (i != 0)
                    Append(separator);
                Append(values[i]);
            }
            return this;
        }

        public StringBuilder AppendJoin(char separator, params string[] values)
        {
            return AppendJoin(Number.CharToString(separator), values);
        }

        public StringBuilder AppendJoin(char separator, params object[] values)
        {
            return AppendJoin(Number.CharToString(separator), values);
        }

        // Inserting.

        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)_length)
                throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (value == null || value.Length == 0)
                return this;
            int count = value.Length;
            MakeRoom(index, count);
            for (int i = 0; i < count; i++)
                _chars[index + i] = value[i];
            return this;
        }

        // `count` copies of `value`.
        public StringBuilder Insert(int index, string value, int count)
        {
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if ((uint)index > (uint)_length)
                throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (value == null || value.Length == 0 || count == 0)
                return this;
            long total = (long)value.Length * count;
            if (total > _maxCapacity - _length)
                throw new OutOfMemoryException();
            MakeRoom(index, (int)total);
            for (int k = 0; k < count; k++)
            {
                for (int i = 0; i < value.Length; i++)
                    _chars[index++] = value[i];
            }
            return this;
        }

        public StringBuilder Insert(int index, char value)
        {
            return Insert(index, Number.CharToString(value));
        }

        public StringBuilder Insert(int index, char[] value)
        {
            if ((uint)index > (uint)_length)
                throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (value == null)
                return this;
            return Insert(index, String.CopyChars(value, 0, value.Length));
        }

        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount)
        {
            if ((uint)index > (uint)_length)
                throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0)
                    return this;
                throw new ArgumentNullException("value", "String reference not set to an instance of a String.");
            }
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (charCount < 0)
                throw new ArgumentOutOfRangeException("count", "Value must be positive.");
            if (startIndex > value.Length - charCount)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (charCount == 0)
                return this;
            return Insert(index, new string(value, startIndex, charCount));
        }

        public StringBuilder Insert(int index, bool value)
        {
            return Insert(index, Number.BooleanToString(value));
        }

        [CLSCompliant(false)]
        public StringBuilder Insert(int index, sbyte value)
        {
            return Insert(index, Number.Int32ToDecStr(value));
        }

        public StringBuilder Insert(int index, byte value)
        {
            return Insert(index, Number.UInt32ToDecStr(value));
        }

        public StringBuilder Insert(int index, short value)
        {
            return Insert(index, Number.Int32ToDecStr(value));
        }

        [CLSCompliant(false)]
        public StringBuilder Insert(int index, ushort value)
        {
            return Insert(index, Number.UInt32ToDecStr(value));
        }

        public StringBuilder Insert(int index, int value)
        {
            return Insert(index, Number.Int32ToDecStr(value));
        }

        [CLSCompliant(false)]
        public StringBuilder Insert(int index, uint value)
        {
            return Insert(index, Number.UInt32ToDecStr(value));
        }

        public StringBuilder Insert(int index, long value)
        {
            return Insert(index, Number.Int64ToDecStr(value));
        }

        [CLSCompliant(false)]
        public StringBuilder Insert(int index, ulong value)
        {
            return Insert(index, Number.UInt64ToDecStr(value));
        }

        public StringBuilder Insert(int index, float value)
        {
            return Insert(index, Number.FormatSingle(value, null));
        }

        public StringBuilder Insert(int index, double value)
        {
            return Insert(index, Number.FormatDouble(value, null));
        }

        public StringBuilder Insert(int index, object value)
        {
            if (value == null)
                return this;
            return Insert(index, value.ToString());
        }

        // Removing and replacing.

        public StringBuilder Remove(int startIndex, int length)
        {
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (length > _length - startIndex)
                throw new ArgumentOutOfRangeException("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length == 0)
                return this;
            for (int i = startIndex + length; i < _length; i++)
                _chars[i - length] = _chars[i];
            _length -= length;
            return this;
        }

        public StringBuilder Replace(char oldChar, char newChar)
        {
            return Replace(oldChar, newChar, 0, _length);
        }

        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_length)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || startIndex > _length - count)
                throw new ArgumentOutOfRangeException("count", "Index was out of range. Must be non-negative and less than the size of the collection.");
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++)
            {
                if (_chars[i] == oldChar)
                    _chars[i] = newChar;
            }
            return this;
        }

        public StringBuilder Replace(string oldValue, string newValue)
        {
            return Replace(oldValue, newValue, 0, _length);
        }

        // Every occurrence of `oldValue` that lies within [startIndex,
        // startIndex + count), found from left to right, replaced by
        // `newValue` (null means "").
        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_length)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || startIndex > _length - count)
                throw new ArgumentOutOfRangeException("count", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (oldValue == null)
                throw new ArgumentNullException("oldValue");
            if (oldValue.Length == 0)
                throw new ArgumentException("Empty name is not legal.", "oldValue");
            if (newValue == null)
                newValue = String.Empty;

            int end = startIndex + count;
            int i = startIndex;
            while (i <= end - oldValue.Length)
            {
                if (MatchesAt(i, oldValue))
                {
                    int delta = newValue.Length - oldValue.Length;
                    if (delta > 0)
                        MakeRoom(i, delta);
                    else if (delta < 0)
                        Remove(i, -delta);
                    for (int k = 0; k < newValue.Length; k++)
                        _chars[i + k] = newValue[k];
                    i += newValue.Length;
                    end += delta;
                }
                else
                {
                    i++;
                }
            }
            return this;
        }

        private bool MatchesAt(int index, string value)
        {
            for (int k = 0; k < value.Length; k++)
            {
                if (_chars[index + k] != value[k])
                    return false;
            }
            return true;
        }

        // Formatting: see String.Format.

        public StringBuilder AppendFormat(string format, object arg0)
        {
            return AppendFormatHelper(null, format, new object[] { arg0 });
        }

        public StringBuilder AppendFormat(string format, object arg0, object arg1)
        {
            return AppendFormatHelper(null, format, new object[] { arg0, arg1 });
        }

        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2)
        {
            return AppendFormatHelper(null, format, new object[] { arg0, arg1, arg2 });
        }

        public StringBuilder AppendFormat(string format, params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException(format == null ? "format" : "args");
            return AppendFormatHelper(null, format, args);
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0)
        {
            return AppendFormatHelper(provider, format, new object[] { arg0 });
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1)
        {
            return AppendFormatHelper(provider, format, new object[] { arg0, arg1 });
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1, object arg2)
        {
            return AppendFormatHelper(provider, format, new object[] { arg0, arg1, arg2 });
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null)
                throw new ArgumentNullException(format == null ? "format" : "args");
            return AppendFormatHelper(provider, format, args);
        }

        private const string InvalidFormat = "Input string was not in a correct format.";
        // Indexes and widths stop growing at this many digits' worth.
        private const int IndexLimit = 1000000;

        // Appends `format` with each "{index[,alignment][:formatString]}"
        // replaced by args[index] formatted with formatString (through
        // IFormattable, else ToString()), padded with spaces to the
        // alignment's width (on the left; on the right for a negative
        // alignment). "{{" and "}}" stand for "{" and "}".
        internal StringBuilder AppendFormatHelper(IFormatProvider provider, string format, object[] args)
        {
            if (format == null)
                throw new ArgumentNullException("format");

            int pos = 0;
            int len = format.Length;
            char ch = '\0';
            StringBuilder unescapedItemFormat = null;

            while (true)
            {
                // Literal text up to the next hole.
                while (pos < len)
                {
                    ch = format[pos];
                    pos++;
                    if (ch == '}')
                    {
                        if (pos < len && format[pos] == '}')
                            pos++;
                        else
                            throw new FormatException(InvalidFormat);
                    }
                    if (ch == '{')
                    {
                        if (pos < len && format[pos] == '{')
                        {
                            pos++;
                        }
                        else
                        {
                            pos--;
                            break;
                        }
                    }
                    Append(ch);
                }
                if (pos == len)
                    break;

                // The index.
                pos++;
                if (pos == len || (ch = format[pos]) < '0' || ch > '9')
                    throw new FormatException(InvalidFormat);
                int index = 0;
                do
                {
                    index = index * 10 + ch - '0';
                    pos++;
                    if (pos == len)
                        throw new FormatException(InvalidFormat);
                    ch = format[pos];
                }
                while (ch >= '0' && ch <= '9' && index < IndexLimit);
                if (index >= args.Length)
                    throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");

                while (pos < len && (ch = format[pos]) == ' ')
                    pos++;

                // The alignment.
                bool leftJustify = false;
                int width = 0;
                if (ch == ',')
                {
                    pos++;
                    while (pos < len && format[pos] == ' ')
                        pos++;
                    if (pos == len)
                        throw new FormatException(InvalidFormat);
                    ch = format[pos];
                    if (ch == '-')
                    {
                        leftJustify = true;
                        pos++;
                        if (pos == len)
                            throw new FormatException(InvalidFormat);
                        ch = format[pos];
                    }
                    if (ch < '0' || ch > '9')
                        throw new FormatException(InvalidFormat);
                    do
                    {
                        width = width * 10 + ch - '0';
                        pos++;
                        if (pos == len)
                            throw new FormatException(InvalidFormat);
                        ch = format[pos];
                    }
                    while (ch >= '0' && ch <= '9' && width < IndexLimit);
                }

                while (pos < len && (ch = format[pos]) == ' ')
                    pos++;

                // The format string: up to the closing '}', with "{{" and
                // "}}" unescaped.
                object arg = args[index];
                string itemFormat = null;
                if (ch == ':')
                {
                    pos++;
                    int startPos = pos;
                    while (true)
                    {
                        if (pos == len)
                            throw new FormatException(InvalidFormat);
                        ch = format[pos];
                        pos++;
                        if (ch == '}' || ch == '{')
                        {
                            if (ch == '{')
                            {
                                if (pos < len && format[pos] == '{')
                                    pos++;
                                else
                                    throw new FormatException(InvalidFormat);
                            }
                            else
                            {
                                if (pos < len && format[pos] == '}')
                                {
                                    pos++;
                                }
                                else
                                {
                                    pos--;
                                    break;
                                }
                            }
                            if (unescapedItemFormat == null)
                                unescapedItemFormat = new StringBuilder();
                            unescapedItemFormat.Append(format, startPos, pos - startPos - 1);
                            startPos = pos;
                        }
                    }
                    if (unescapedItemFormat == null || unescapedItemFormat.Length == 0)
                    {
                        if (startPos != pos)
                            itemFormat = format.Substring(startPos, pos - startPos);
                    }
                    else
                    {
                        unescapedItemFormat.Append(format, startPos, pos - startPos);
                        itemFormat = unescapedItemFormat.ToString();
                        unescapedItemFormat.Clear();
                    }
                }
                if (ch != '}')
                    throw new FormatException(InvalidFormat);
                pos++;

                string s = null;
                IFormattable formattable = arg as IFormattable;
                if (formattable != null)
                    s = formattable.ToString(itemFormat, provider);
                else if (arg != null)
                    s = arg.ToString();
                if (s == null)
                    s = String.Empty;

                int pad = width - s.Length;
                if (!leftJustify && pad > 0)
                    Append(' ', pad);
                Append(s);
                if (leftJustify && pad > 0)
                    Append(' ', pad);
            }
            return this;
        }

        // Growing.

        // Makes room for `count` more characters at the end, growing as
        // .NET's chunk list grows (see the top of the file).
        private void ExpandFor(int count)
        {
            int free = _capacity - _length;
            if (count <= free)
                return;
            if (count > _maxCapacity - _length)
                throw new ArgumentOutOfRangeException("requiredLength", "capacity was less than the current size.");
            int missing = count - free;
            int block = Math.Max(missing, Math.Min(_capacity, MaxChunkSize));
            if (block > _maxCapacity - _capacity)
                block = _maxCapacity - _capacity;
            int oldCapacity = _capacity;
            Resize(oldCapacity + block);
            _chunkOffset = oldCapacity;
        }

        // Opens a gap of `count` characters at `index`.
        private void MakeRoom(int index, int count)
        {
            ExpandFor(count);
            for (int i = _length - 1; i >= index; i--)
                _chars[i + count] = _chars[i];
            _length += count;
        }

        // Sets the capacity .NET would report; the buffer grows at least
        // twofold when it must, and shrinks to fit when the capacity does.
        private void Resize(int capacity)
        {
            _capacity = capacity;
            int size = capacity;
            if (capacity > _chars.Length)
            {
                int doubled = _chars.Length <= int.MaxValue / 2 ? _chars.Length * 2 : int.MaxValue;
                if (doubled > _maxCapacity)
                    doubled = _maxCapacity;
                if (size < doubled)
                    size = doubled;
            }
            else if (capacity == _chars.Length || capacity > _chars.Length / 2)
            {
                return;
            }
            char[] chars = new char[size];
            Array.Copy(_chars, 0, chars, 0, _length);
            _chars = chars;
        }
    }
}
