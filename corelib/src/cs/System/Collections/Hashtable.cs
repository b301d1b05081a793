namespace System.Collections
{
    // A hash table of object keys and values (keys compared with Equals and
    // hashed with GetHashCode, or an IEqualityComparer). Enumeration order
    // is the bucket order, as in .NET: do not rely on it.
    public class Hashtable : IDictionary, ICloneable
    {
        private sealed class Node
        {
            internal object Key;
            internal object Value;
            internal int Hash;
            internal Node Next;
        }

        private Node[] _buckets;
        private int _count;
        private int _version;
        private readonly IEqualityComparer _comparer;

        public Hashtable()
            : this(0, (IEqualityComparer)null)
        {
        }

        public Hashtable(int capacity)
            : this(capacity, (IEqualityComparer)null)
        {
        }

        public Hashtable(IEqualityComparer equalityComparer)
            : this(0, equalityComparer)
        {
        }

        public Hashtable(int capacity, IEqualityComparer equalityComparer)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            int size = 7;
            while (size < capacity * 4 / 3)
                size = size * 2 + 1;
            _buckets = new Node[size];
            _comparer = equalityComparer;
        }

        public Hashtable(IDictionary d)
            : this(d == null ? 0 : d.Count, (IEqualityComparer)null)
        {
            if (d == null)
                throw new ArgumentNullException("d");
            IDictionaryEnumerator e = d.GetEnumerator();
            while (e.MoveNext())
                Add(e.Key, e.Value);
        }

        public virtual int Count
        {
            get { return _count; }
        }

        public virtual object SyncRoot
        {
            get { return this; }
        }

        public virtual bool IsSynchronized
        {
            get { return false; }
        }

        public virtual bool IsReadOnly
        {
            get { return false; }
        }

        public virtual bool IsFixedSize
        {
            get { return false; }
        }

        public virtual object this[object key]
        {
            get
            {
                Node e = Find(key);
                return e == null ? null : e.Value;
            }
            set { Insert(key, value, false); }
        }

        public virtual void Add(object key, object value)
        {
            Insert(key, value, true);
        }

        public virtual void Clear()
        {
            for (int i = 0; i < _buckets.Length; i++)
                _buckets[i] = null;
            _count = 0;
            _version++;
        }

        public virtual object Clone()
        {
            Hashtable copy = new Hashtable(_count, _comparer);
            for (int i = 0; i < _buckets.Length; i++)
            {
                for (Node e = _buckets[i]; e != null; e = e.Next)
                    copy.Insert(e.Key, e.Value, true);
            }
            return copy;
        }

        public virtual bool Contains(object key)
        {
            return ContainsKey(key);
        }

        public virtual bool ContainsKey(object key)
        {
            return Find(key) != null;
        }

        public virtual bool ContainsValue(object value)
        {
            for (int i = 0; i < _buckets.Length; i++)
            {
                for (Node e = _buckets[i]; e != null; e = e.Next)
                {
                    if (value == null ? e.Value == null : value.Equals(e.Value))
                        return true;
                }
            }
            return false;
        }

        public virtual void Remove(object key)
        {
            if (key == null)
                throw new ArgumentNullException("key", "Key cannot be null.");
            int hash = Hash(key);
            int b = Bucket(hash, _buckets.Length);
            Node prev = null;
            for (Node e = _buckets[b]; e != null; e = e.Next)
            {
                if (e.Hash == hash && KeyEquals(e.Key, key))
                {
                    if (prev == null)
                        _buckets[b] = e.Next;
                    else
                        prev.Next = e.Next;
                    _count--;
                    _version++;
                    return;
                }
                prev = e;
            }
        }

        public virtual ICollection Keys
        {
            get { return new KeyValueCollection(this, true); }
        }

        public virtual ICollection Values
        {
            get { return new KeyValueCollection(this, false); }
        }

        public virtual void CopyTo(Array array, int arrayIndex)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (arrayIndex < 0)
                throw new ArgumentOutOfRangeException("arrayIndex", "Non-negative number required.");
            if (array.Length - arrayIndex < _count)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            IDictionaryEnumerator e = GetEnumerator();
            while (e.MoveNext())
                array.SetValue(e.Entry, arrayIndex++);
        }

        public virtual IDictionaryEnumerator GetEnumerator()
        {
            return new HashtableEnumerator(this, HashtableEnumerator.Entries);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        protected virtual int GetHash(object key)
        {
            return _comparer != null ? _comparer.GetHashCode(key) : key.GetHashCode();
        }

        protected virtual bool KeyEquals(object item, object key)
        {
            if (item == key)
                return true;
            return _comparer != null ? _comparer.Equals(item, key) : item.Equals(key);
        }

        private int Hash(object key)
        {
            return GetHash(key) & 0x7FFFFFFF;
        }

        private static int Bucket(int hash, int size)
        {
            return hash % size;
        }

        private Node Find(object key)
        {
            if (key == null)
                throw new ArgumentNullException("key", "Key cannot be null.");
            int hash = Hash(key);
            for (Node e = _buckets[Bucket(hash, _buckets.Length)]; e != null; e = e.Next)
            {
                if (e.Hash == hash && KeyEquals(e.Key, key))
                    return e;
            }
            return null;
        }

        private void Insert(object key, object value, bool add)
        {
            if (key == null)
                throw new ArgumentNullException("key", "Key cannot be null.");
            int hash = Hash(key);
            int b = Bucket(hash, _buckets.Length);
            for (Node e = _buckets[b]; e != null; e = e.Next)
            {
                if (e.Hash == hash && KeyEquals(e.Key, key))
                {
                    if (add)
                        throw new ArgumentException(String.Concat("Item has already been added. Key in dictionary: '", key.ToString(), "'  Key being added: '", key.ToString(), "'"));
                    e.Value = value;
                    _version++;
                    return;
                }
            }
            if (_count >= _buckets.Length * 3 / 4)
            {
                Grow();
                b = Bucket(hash, _buckets.Length);
            }
            Node n = new Node();
            n.Key = key;
            n.Value = value;
            n.Hash = hash;
            n.Next = _buckets[b];
            _buckets[b] = n;
            _count++;
            _version++;
        }

        private void Grow()
        {
            Node[] old = _buckets;
            Node[] grown = new Node[old.Length * 2 + 1];
            for (int i = 0; i < old.Length; i++)
            {
                Node e = old[i];
                while (e != null)
                {
                    Node next = e.Next;
                    int b = Bucket(e.Hash, grown.Length);
                    e.Next = grown[b];
                    grown[b] = e;
                    e = next;
                }
            }
            _buckets = grown;
        }

        private sealed class HashtableEnumerator : IDictionaryEnumerator, ICloneable
        {
            internal const int Keys = 0;
            internal const int Values = 1;
            internal const int Entries = 2;

            private readonly Hashtable _table;
            private readonly int _kind;
            private readonly int _version;
            private int _bucket = -1;
            private Node _current;
            private bool _done;

            internal HashtableEnumerator(Hashtable table, int kind)
            {
                _table = table;
                _kind = kind;
                _version = table._version;
            }

            public object Clone()
            {
                return MemberwiseClone();
            }

            public bool MoveNext()
            {
                if (_version != _table._version)
                    throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_done)
                    return false;
                if (_current != null && _current.Next != null)
                {
                    _current = _current.Next;
                    return true;
                }
                while (++_bucket < _table._buckets.Length)
                {
                    if (_table._buckets[_bucket] != null)
                    {
                        _current = _table._buckets[_bucket];
                        return true;
                    }
                }
                _current = null;
                _done = true;
                return false;
            }

            public void Reset()
            {
                if (_version != _table._version)
                    throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _bucket = -1;
                _current = null;
                _done = false;
            }

            private Node Current2
            {
                get
                {
                    if (_current == null)
                        throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return _current;
                }
            }

            public object Key
            {
                get { return Current2.Key; }
            }

            public object Value
            {
                get { return Current2.Value; }
            }

            public DictionaryEntry Entry
            {
                get { return new DictionaryEntry(Current2.Key, Current2.Value); }
            }

            public object Current
            {
                get
                {
                    Node e = Current2;
                    if (_kind == Keys)
                        return e.Key;
                    if (_kind == Values)
                        return e.Value;
                    return new DictionaryEntry(e.Key, e.Value);
                }
            }
        }

        private sealed class KeyValueCollection : ICollection
        {
            private readonly Hashtable _table;
            private readonly bool _keys;

            internal KeyValueCollection(Hashtable table, bool keys)
            {
                _table = table;
                _keys = keys;
            }

            public int Count
            {
                get { return _table._count; }
            }

            public object SyncRoot
            {
                get { return _table; }
            }

            public bool IsSynchronized
            {
                get { return false; }
            }

            public void CopyTo(Array array, int index)
            {
                if (array == null)
                    throw new ArgumentNullException("array");
                IEnumerator e = GetEnumerator();
                while (e.MoveNext())
                    array.SetValue(e.Current, index++);
            }

            public IEnumerator GetEnumerator()
            {
                return new HashtableEnumerator(_table, _keys ? HashtableEnumerator.Keys : HashtableEnumerator.Values);
            }
        }
    }
}
