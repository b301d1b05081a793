using System.Text;

namespace System.Collections.Generic
{
    // A key and its value, as dictionaries enumerate them.
    public struct KeyValuePair<TKey, TValue>
    {
        private readonly TKey key;
        private readonly TValue value;

        public KeyValuePair(TKey key, TValue value)
        {
            this.key = key;
            this.value = value;
        }

        public TKey Key
        {
            get { return key; }
        }

        public TValue Value
        {
            get { return value; }
        }

        // "[key, value]", with "" for a null key or value.
        public override string ToString()
        {
            StringBuilder s = new StringBuilder();
            s.Append('[');
            if (key != null)
                s.Append(key.ToString());
            s.Append(", ");
            if (value != null)
                s.Append(value.ToString());
            s.Append(']');
            return s.ToString();
        }

        public void Deconstruct(out TKey key, out TValue value)
        {
            key = this.key;
            value = this.value;
        }
    }
}
