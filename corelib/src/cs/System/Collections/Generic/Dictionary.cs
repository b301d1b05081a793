namespace System.Collections.Generic
{
    // A hash table from keys to values: .NET's Dictionary<TKey, TValue>.
    // Entries live in one array, in the order they were added, except that
    // a removed entry's slot is reused by the next addition (last removed,
    // first reused); enumeration follows that array, as on .NET. Every
    // addition, removal or assignment invalidates enumerators.
    public class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>, IDictionary, IReadOnlyDictionary<TKey, TValue>
    {
        private struct Entry
        {
            // The key's hash code (lower 31 bits); -1 for a free entry.
            public int hashCode;
            // The next entry of the bucket (or of the free list); -1 ends it.
            public int next;
            public TKey key;
            public TValue value;
        }

        private int[] _buckets;
        private Entry[] _entries;
        // Entries used so far (free ones included).
        private int _count;
        private int _freeList;
        private int _freeCount;
        private int _version;
        private IEqualityComparer<TKey> _comparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        public Dictionary()
            : this(0, null)
        {
        }

        public Dictionary(int capacity)
            : this(capacity, null)
        {
        }

        public Dictionary(IEqualityComparer<TKey> comparer)
            : this(0, comparer)
        {
        }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity");
            if (capacity > 0)
                Initialize(capacity);
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
        }

        public Dictionary(IDictionary<TKey, TValue> dictionary)
            : this(dictionary, null)
        {
        }

        public Dictionary(IDictionary<TKey, TValue> dictionary, IEqualityComparer<TKey> comparer)
            : this(dictionary != null ? dictionary.Count : 0, comparer)
        {
            if (dictionary == null)
                ThrowHelper.ThrowArgumentNullException("dictionary");
            Dictionary<TKey, TValue> d = dictionary as Dictionary<TKey, TValue>;
            if (d != null && d.GetType() == typeof(Dictionary<TKey, TValue>))
            {
                int count = d._count;
                Entry[] entries = d._entries;
                for (int i = 0; i < count; i++)
                {
                    if (entries[i].hashCode >= 0)
                        Add(entries[i].key, entries[i].value);
                }
                return;
            }
            foreach (KeyValuePair<TKey, TValue> pair in dictionary)
                Add(pair.Key, pair.Value);
        }

        public IEqualityComparer<TKey> Comparer
        {
            get { return _comparer; }
        }

        public int Count
        {
            get { return _count - _freeCount; }
        }

        public KeyCollection Keys
        {
            get
            {
                if (_keys == null)
                    _keys = new KeyCollection(this);
                return _keys;
            }
        }

        ICollection<TKey> IDictionary<TKey, TValue>.Keys
        {
            get { return Keys; }
        }

        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys
        {
            get { return Keys; }
        }

        public ValueCollection Values
        {
            get
            {
                if (_values == null)
                    _values = new ValueCollection(this);
                return _values;
            }
        }

        ICollection<TValue> IDictionary<TKey, TValue>.Values
        {
            get { return Values; }
        }

        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values
        {
            get { return Values; }
        }

        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i >= 0)
                    return _entries[i].value;
                ThrowHelper.ThrowKeyNotFound(key);
                return default(TValue);
            }
            set { TryInsert(key, value, InsertionBehavior.OverwriteExisting); }
        }

        public void Add(TKey key, TValue value)
        {
            TryInsert(key, value, InsertionBehavior.ThrowOnExisting);
        }

        // Adds the pair unless the key is there already.
        public bool TryAdd(TKey key, TValue value)
        {
            return TryInsert(key, value, InsertionBehavior.None);
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair)
        {
            Add(keyValuePair.Key, keyValuePair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int i = FindEntry(keyValuePair.Key);
            return i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, keyValuePair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int i = FindEntry(keyValuePair.Key);
            if (i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, keyValuePair.Value))
            {
                Remove(keyValuePair.Key);
                return true;
            }
            return false;
        }

        public void Clear()
        {
            int count = _count;
            if (count > 0)
            {
                for (int i = 0; i < _buckets.Length; i++)
                    _buckets[i] = -1;
                _count = 0;
                _freeList = -1;
                _freeCount = 0;
                Array.Clear(_entries, 0, count);
            }
            _version++;
        }

        public bool ContainsKey(TKey key)
        {
            return FindEntry(key) >= 0;
        }

        public bool ContainsValue(TValue value)
        {
            Entry[] entries = _entries;
            if (value == null)
            {
                for (int i = 0; i < _count; i++)
                {
                    if (entries[i].hashCode >= 0 && entries[i].value == null)
                        return true;
                }
            }
            else
            {
                EqualityComparer<TValue> c = EqualityComparer<TValue>.Default;
                for (int i = 0; i < _count; i++)
                {
                    if (entries[i].hashCode >= 0 && c.Equals(entries[i].value, value))
                        return true;
                }
            }
            return false;
        }

        private void CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            if (array == null)
                ThrowHelper.ThrowArgumentNullException("array");
            if ((uint)index > (uint)array.Length)
                ThrowHelper.ThrowNeedNonNegNum("index");
            if (array.Length - index < Count)
                ThrowHelper.ThrowArrayPlusOffTooSmall();
            int count = _count;
            Entry[] entries = _entries;
            for (int i = 0; i < count; i++)
            {
                if (entries[i].hashCode >= 0)
                    array[index++] = new KeyValuePair<TKey, TValue>(entries[i].key, entries[i].value);
            }
        }

        void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            CopyTo(array, index);
        }

        public Enumerator GetEnumerator()
        {
            return new Enumerator(this, Enumerator.KeyValuePairRetType);
        }

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator()
        {
            return new Enumerator(this, Enumerator.KeyValuePairRetType);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new Enumerator(this, Enumerator.KeyValuePairRetType);
        }

        // The index of the key's entry, or -1.
        private int FindEntry(TKey key)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            if (_buckets != null)
            {
                IEqualityComparer<TKey> comparer = _comparer;
                int hashCode = comparer.GetHashCode(key) & 0x7FFFFFFF;
                Entry[] entries = _entries;
                for (int i = _buckets[hashCode % _buckets.Length]; i >= 0; i = entries[i].next)
                {
                    if (entries[i].hashCode == hashCode && comparer.Equals(entries[i].key, key))
                        return i;
                }
            }
            return -1;
        }

        private int Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _buckets = new int[size];
            for (int i = 0; i < size; i++)
                _buckets[i] = -1;
            _entries = new Entry[size];
            _freeList = -1;
            return size;
        }

        private enum InsertionBehavior
        {
            None,
            OverwriteExisting,
            ThrowOnExisting,
        }

        private bool TryInsert(TKey key, TValue value, InsertionBehavior behavior)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            if (_buckets == null)
                Initialize(0);
            // As on Mono: any Add, TryAdd or assignment (even one that
            // finds the key and throws or changes nothing) invalidates
            // enumerators.
            _version++;
            Entry[] entries = _entries;
            IEqualityComparer<TKey> comparer = _comparer;
            int hashCode = comparer.GetHashCode(key) & 0x7FFFFFFF;
            int targetBucket = hashCode % _buckets.Length;
            for (int i = _buckets[targetBucket]; i >= 0; i = entries[i].next)
            {
                if (entries[i].hashCode == hashCode && comparer.Equals(entries[i].key, key))
                {
                    if (behavior == InsertionBehavior.OverwriteExisting)
                    {
                        entries[i].value = value;
                        return true;
                    }
                    if (behavior == InsertionBehavior.ThrowOnExisting)
                        ThrowHelper.ThrowAddingDuplicate(key);
                    return false;
                }
            }
            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = entries[index].next;
                _freeCount--;
            }
            else
            {
                if (_count == entries.Length)
                {
                    Resize(HashHelpers.ExpandPrime(_count));
                    entries = _entries;
                    targetBucket = hashCode % _buckets.Length;
                }
                index = _count;
                _count++;
            }
            entries[index].hashCode = hashCode;
            entries[index].next = _buckets[targetBucket];
            entries[index].key = key;
            entries[index].value = value;
            _buckets[targetBucket] = index;
            return true;
        }

        // Moves the entries (in order) to arrays of `newSize`.
        private void Resize(int newSize)
        {
            int[] buckets = new int[newSize];
            for (int i = 0; i < buckets.Length; i++)
                buckets[i] = -1;
            Entry[] entries = new Entry[newSize];
            int count = _count;
            Array.Copy(_entries, 0, entries, 0, count);
            for (int i = 0; i < count; i++)
            {
                if (entries[i].hashCode >= 0)
                {
                    int bucket = entries[i].hashCode % newSize;
                    entries[i].next = buckets[bucket];
                    buckets[bucket] = i;
                }
            }
            _buckets = buckets;
            _entries = entries;
        }

        public bool Remove(TKey key)
        {
            TValue ignored;
            return Remove(key, out ignored);
        }

        // Removes the key's entry and gives its value.
        public bool Remove(TKey key, out TValue value)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            if (_buckets != null)
            {
                Entry[] entries = _entries;
                int hashCode = _comparer.GetHashCode(key) & 0x7FFFFFFF;
                int bucket = hashCode % _buckets.Length;
                int last = -1;
                for (int i = _buckets[bucket]; i >= 0; last = i, i = entries[i].next)
                {
                    if (entries[i].hashCode == hashCode && _comparer.Equals(entries[i].key, key))
                    {
                        if (last < 0)
                            _buckets[bucket] = entries[i].next;
                        else
                            entries[last].next = entries[i].next;
                        value = entries[i].value;
                        entries[i].hashCode = -1;
                        entries[i].next = _freeList;
                        entries[i].key = default(TKey);
                        entries[i].value = default(TValue);
                        _freeList = i;
                        _freeCount++;
                        _version++;
                        return true;
                    }
                }
            }
            value = default(TValue);
            return false;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i >= 0)
            {
                value = _entries[i].value;
                return true;
            }
            value = default(TValue);
            return false;
        }

        // Makes room for `capacity` entries without growing again; returns
        // the new capacity.
        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity");
            int currentCapacity = _entries == null ? 0 : _entries.Length;
            if (currentCapacity >= capacity)
                return currentCapacity;
            if (_buckets == null)
                return Initialize(capacity);
            int newSize = HashHelpers.GetPrime(capacity);
            Resize(newSize);
            return newSize;
        }

        public void TrimExcess()
        {
            TrimExcess(Count);
        }

        // Shrinks the arrays to hold `capacity` entries, packing the
        // entries in order.
        public void TrimExcess(int capacity)
        {
            if (capacity < Count)
                throw new ArgumentOutOfRangeException("capacity");
            int newSize = HashHelpers.GetPrime(capacity);
            Entry[] oldEntries = _entries;
            int currentCapacity = oldEntries == null ? 0 : oldEntries.Length;
            if (newSize >= currentCapacity)
                return;
            int oldCount = _count;
            _version++;
            Initialize(newSize);
            Entry[] entries = _entries;
            int[] buckets = _buckets;
            int count = 0;
            for (int i = 0; i < oldCount; i++)
            {
                int hashCode = oldEntries[i].hashCode;
                if (hashCode >= 0)
                {
                    entries[count] = oldEntries[i];
                    int bucket = hashCode % newSize;
                    entries[count].next = buckets[bucket];
                    buckets[bucket] = count;
                    count++;
                }
            }
            _count = count;
            _freeCount = 0;
        }

        // ----- ICollection, IDictionary -----------------------------------

        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly
        {
            get { return false; }
        }

        bool ICollection.IsSynchronized
        {
            get { return false; }
        }

        object ICollection.SyncRoot
        {
            get { return this; }
        }

        void ICollection.CopyTo(Array array, int index)
        {
            ThrowHelper.CheckNonGenericCopyTo(array, index, Count);
            KeyValuePair<TKey, TValue>[] pairs = array as KeyValuePair<TKey, TValue>[];
            if (pairs != null)
            {
                CopyTo(pairs, index);
                return;
            }
            DictionaryEntry[] dictEntryArray = array as DictionaryEntry[];
            Entry[] entries = _entries;
            if (dictEntryArray != null)
            {
                for (int i = 0; i < _count; i++)
                {
                    if (entries[i].hashCode >= 0)
                        dictEntryArray[index++] = new DictionaryEntry(entries[i].key, entries[i].value);
                }
                return;
            }
            object[] objects = array as object[];
            if (objects == null)
                throw new ArgumentException(ThrowHelper.InvalidArrayType);
            try
            {
                int count = _count;
                for (int i = 0; i < count; i++)
                {
                    if (entries[i].hashCode >= 0)
                        objects[index++] = new KeyValuePair<TKey, TValue>(entries[i].key, entries[i].value);
                }
            }
            catch (ArrayTypeMismatchException)
            {
                throw new ArgumentException(ThrowHelper.InvalidArrayType);
            }
        }

        bool IDictionary.IsFixedSize
        {
            get { return false; }
        }

        bool IDictionary.IsReadOnly
        {
            get { return false; }
        }

        ICollection IDictionary.Keys
        {
            get { return Keys; }
        }

        ICollection IDictionary.Values
        {
            get { return Values; }
        }

        object IDictionary.this[object key]
        {
            get
            {
                if (ThrowHelper.IsCompatibleKey<TKey>(key))
                {
                    int i = FindEntry((TKey)key);
                    if (i >= 0)
                        return _entries[i].value;
                }
                return null;
            }
            set
            {
                if (key == null)
                    ThrowHelper.ThrowArgumentNullException("key");
                ThrowHelper.IfNullAndNullsAreIllegalThenThrow<TValue>(value, "value");
                TKey tempKey = ThrowHelper.CastKey<TKey>(key, false);
                TValue tempValue = ThrowHelper.CastDictionaryValue<TValue>(value, false);
                this[tempKey] = tempValue;
            }
        }

        void IDictionary.Add(object key, object value)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            ThrowHelper.IfNullAndNullsAreIllegalThenThrow<TValue>(value, "value");
            TKey tempKey = ThrowHelper.CastKey<TKey>(key, false);
            TValue tempValue = ThrowHelper.CastDictionaryValue<TValue>(value, false);
            Add(tempKey, tempValue);
        }

        bool IDictionary.Contains(object key)
        {
            if (ThrowHelper.IsCompatibleKey<TKey>(key))
                return ContainsKey((TKey)key);
            return false;
        }

        IDictionaryEnumerator IDictionary.GetEnumerator()
        {
            return new Enumerator(this, Enumerator.DictEntryRetType);
        }

        void IDictionary.Remove(object key)
        {
            if (ThrowHelper.IsCompatibleKey<TKey>(key))
                Remove((TKey)key);
        }

        // ----- Enumerators and views ----------------------------------------

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>, IDictionaryEnumerator
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;
            // What IEnumerator.Current boxes: a DictionaryEntry (through
            // IDictionary) or a KeyValuePair.
            private readonly int _getEnumeratorRetType;

            internal const int DictEntryRetType = 1;
            internal const int KeyValuePairRetType = 2;

            internal Enumerator(Dictionary<TKey, TValue> dictionary, int getEnumeratorRetType)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _getEnumeratorRetType = getEnumeratorRetType;
                _current = new KeyValuePair<TKey, TValue>();
            }

            public bool MoveNext()
            {
                if (_version != _dictionary._version)
                    ThrowHelper.ThrowVersionChanged();
                while ((uint)_index < (uint)_dictionary._count)
                {
                    int i = _index++;
                    if (_dictionary._entries[i].hashCode >= 0)
                    {
                        _current = new KeyValuePair<TKey, TValue>(_dictionary._entries[i].key, _dictionary._entries[i].value);
                        return true;
                    }
                }
                _index = _dictionary._count + 1;
                _current = new KeyValuePair<TKey, TValue>();
                return false;
            }

            public KeyValuePair<TKey, TValue> Current
            {
                get { return _current; }
            }

            public void Dispose()
            {
            }

            private void CheckStarted()
            {
                if (_index == 0 || (_index == _dictionary._count + 1))
                    ThrowHelper.ThrowEnumOpCantHappen();
            }

            object IEnumerator.Current
            {
                get
                {
                    CheckStarted();
                    if (_getEnumeratorRetType == DictEntryRetType)
                        return new DictionaryEntry(_current.Key, _current.Value);
                    return new KeyValuePair<TKey, TValue>(_current.Key, _current.Value);
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _dictionary._version)
                    ThrowHelper.ThrowVersionChanged();
                _index = 0;
                _current = new KeyValuePair<TKey, TValue>();
            }

            DictionaryEntry IDictionaryEnumerator.Entry
            {
                get
                {
                    CheckStarted();
                    return new DictionaryEntry(_current.Key, _current.Value);
                }
            }

            object IDictionaryEnumerator.Key
            {
                get
                {
                    CheckStarted();
                    return _current.Key;
                }
            }

            object IDictionaryEnumerator.Value
            {
                get
                {
                    CheckStarted();
                    return _current.Value;
                }
            }
        }

        // The dictionary's keys, in enumeration order (a live view).
        public sealed class KeyCollection : ICollection<TKey>, ICollection, IReadOnlyCollection<TKey>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public KeyCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null)
                    ThrowHelper.ThrowArgumentNullException("dictionary");
                _dictionary = dictionary;
            }

            public Enumerator GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            public void CopyTo(TKey[] array, int index)
            {
                if (array == null)
                    ThrowHelper.ThrowArgumentNullException("array");
                if (index < 0 || index > array.Length)
                    ThrowHelper.ThrowNeedNonNegNum("index");
                if (array.Length - index < _dictionary.Count)
                    ThrowHelper.ThrowArrayPlusOffTooSmall();
                int count = _dictionary._count;
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < count; i++)
                {
                    if (entries[i].hashCode >= 0)
                        array[index++] = entries[i].key;
                }
            }

            public int Count
            {
                get { return _dictionary.Count; }
            }

            bool ICollection<TKey>.IsReadOnly
            {
                get { return true; }
            }

            void ICollection<TKey>.Add(TKey item)
            {
                ThrowHelper.ThrowNotSupported("Mutating a key collection derived from a dictionary is not allowed.");
            }

            void ICollection<TKey>.Clear()
            {
                ThrowHelper.ThrowNotSupported("Mutating a key collection derived from a dictionary is not allowed.");
            }

            bool ICollection<TKey>.Contains(TKey item)
            {
                return _dictionary.ContainsKey(item);
            }

            bool ICollection<TKey>.Remove(TKey item)
            {
                ThrowHelper.ThrowNotSupported("Mutating a key collection derived from a dictionary is not allowed.");
                return false;
            }

            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            IEnumerator IEnumerable.GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            void ICollection.CopyTo(Array array, int index)
            {
                ThrowHelper.CheckNonGenericCopyTo(array, index, _dictionary.Count);
                TKey[] keys = array as TKey[];
                if (keys != null)
                {
                    CopyTo(keys, index);
                    return;
                }
                object[] objects = array as object[];
                if (objects == null)
                    throw new ArgumentException(ThrowHelper.InvalidArrayType);
                int count = _dictionary._count;
                Entry[] entries = _dictionary._entries;
                try
                {
                    for (int i = 0; i < count; i++)
                    {
                        if (entries[i].hashCode >= 0)
                            objects[index++] = entries[i].key;
                    }
                }
                catch (ArrayTypeMismatchException)
                {
                    throw new ArgumentException(ThrowHelper.InvalidArrayType);
                }
            }

            bool ICollection.IsSynchronized
            {
                get { return false; }
            }

            object ICollection.SyncRoot
            {
                get { return ((ICollection)_dictionary).SyncRoot; }
            }

            public struct Enumerator : IEnumerator<TKey>, IEnumerator
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private int _index;
                private readonly int _version;
                private TKey _currentKey;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _currentKey = default(TKey);
                }

                public void Dispose()
                {
                }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version)
                        ThrowHelper.ThrowVersionChanged();
                    while ((uint)_index < (uint)_dictionary._count)
                    {
                        int i = _index++;
                        if (_dictionary._entries[i].hashCode >= 0)
                        {
                            _currentKey = _dictionary._entries[i].key;
                            return true;
                        }
                    }
                    _index = _dictionary._count + 1;
                    _currentKey = default(TKey);
                    return false;
                }

                public TKey Current
                {
                    get { return _currentKey; }
                }

                object IEnumerator.Current
                {
                    get
                    {
                        if (_index == 0 || (_index == _dictionary._count + 1))
                            ThrowHelper.ThrowEnumOpCantHappen();
                        return _currentKey;
                    }
                }

                void IEnumerator.Reset()
                {
                    if (_version != _dictionary._version)
                        ThrowHelper.ThrowVersionChanged();
                    _index = 0;
                    _currentKey = default(TKey);
                }
            }
        }

        // The dictionary's values, in enumeration order (a live view).
        public sealed class ValueCollection : ICollection<TValue>, ICollection, IReadOnlyCollection<TValue>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public ValueCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null)
                    ThrowHelper.ThrowArgumentNullException("dictionary");
                _dictionary = dictionary;
            }

            public Enumerator GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            public void CopyTo(TValue[] array, int index)
            {
                if (array == null)
                    ThrowHelper.ThrowArgumentNullException("array");
                if (index < 0 || index > array.Length)
                    ThrowHelper.ThrowNeedNonNegNum("index");
                if (array.Length - index < _dictionary.Count)
                    ThrowHelper.ThrowArrayPlusOffTooSmall();
                int count = _dictionary._count;
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < count; i++)
                {
                    if (entries[i].hashCode >= 0)
                        array[index++] = entries[i].value;
                }
            }

            public int Count
            {
                get { return _dictionary.Count; }
            }

            bool ICollection<TValue>.IsReadOnly
            {
                get { return true; }
            }

            void ICollection<TValue>.Add(TValue item)
            {
                ThrowHelper.ThrowNotSupported("Mutating a value collection derived from a dictionary is not allowed.");
            }

            bool ICollection<TValue>.Remove(TValue item)
            {
                ThrowHelper.ThrowNotSupported("Mutating a value collection derived from a dictionary is not allowed.");
                return false;
            }

            void ICollection<TValue>.Clear()
            {
                ThrowHelper.ThrowNotSupported("Mutating a value collection derived from a dictionary is not allowed.");
            }

            bool ICollection<TValue>.Contains(TValue item)
            {
                return _dictionary.ContainsValue(item);
            }

            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            IEnumerator IEnumerable.GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            void ICollection.CopyTo(Array array, int index)
            {
                ThrowHelper.CheckNonGenericCopyTo(array, index, _dictionary.Count);
                TValue[] values = array as TValue[];
                if (values != null)
                {
                    CopyTo(values, index);
                    return;
                }
                object[] objects = array as object[];
                if (objects == null)
                    throw new ArgumentException(ThrowHelper.InvalidArrayType);
                int count = _dictionary._count;
                Entry[] entries = _dictionary._entries;
                try
                {
                    for (int i = 0; i < count; i++)
                    {
                        if (entries[i].hashCode >= 0)
                            objects[index++] = entries[i].value;
                    }
                }
                catch (ArrayTypeMismatchException)
                {
                    throw new ArgumentException(ThrowHelper.InvalidArrayType);
                }
            }

            bool ICollection.IsSynchronized
            {
                get { return false; }
            }

            object ICollection.SyncRoot
            {
                get { return ((ICollection)_dictionary).SyncRoot; }
            }

            public struct Enumerator : IEnumerator<TValue>, IEnumerator
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private int _index;
                private readonly int _version;
                private TValue _currentValue;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _currentValue = default(TValue);
                }

                public void Dispose()
                {
                }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version)
                        ThrowHelper.ThrowVersionChanged();
                    while ((uint)_index < (uint)_dictionary._count)
                    {
                        int i = _index++;
                        if (_dictionary._entries[i].hashCode >= 0)
                        {
                            _currentValue = _dictionary._entries[i].value;
                            return true;
                        }
                    }
                    _index = _dictionary._count + 1;
                    _currentValue = default(TValue);
                    return false;
                }

                public TValue Current
                {
                    get { return _currentValue; }
                }

                object IEnumerator.Current
                {
                    get
                    {
                        if (_index == 0 || (_index == _dictionary._count + 1))
                            ThrowHelper.ThrowEnumOpCantHappen();
                        return _currentValue;
                    }
                }

                void IEnumerator.Reset()
                {
                    if (_version != _dictionary._version)
                        ThrowHelper.ThrowVersionChanged();
                    _index = 0;
                    _currentValue = default(TValue);
                }
            }
        }
    }
}
