namespace System.Collections.Generic
{
    // A map kept in key order in two parallel arrays (binary search to
    // find, shifting to insert): .NET's SortedList<TKey, TValue>. Keys and
    // Values are live read-only lists; pairs are reached by index too.
    public class SortedList<TKey, TValue> : IDictionary<TKey, TValue>, IDictionary, IReadOnlyDictionary<TKey, TValue>
    {
        private const int DefaultCapacity = 4;
        private const int MaxArrayLength = 0x7FEFFFFF;

        private TKey[] keys;
        private TValue[] values;
        private int _size;
        private int version;
        private readonly IComparer<TKey> comparer;
        private KeyList keyList;
        private ValueList valueList;

        public SortedList()
        {
            keys = EmptyArray<TKey>.Value;
            values = EmptyArray<TValue>.Value;
            _size = 0;
            comparer = Comparer<TKey>.Default;
        }

        public SortedList(int capacity)
        {
            if (capacity < 0)
                ThrowHelper.ThrowArgumentOutOfRangeException("capacity", capacity, ThrowHelper.NeedNonNegNum);
            keys = new TKey[capacity];
            values = new TValue[capacity];
            comparer = Comparer<TKey>.Default;
        }

        public SortedList(IComparer<TKey> comparer)
            : this()
        {
            if (comparer != null)
                this.comparer = comparer;
        }

        public SortedList(int capacity, IComparer<TKey> comparer)
            : this(comparer)
        {
            Capacity = capacity;
        }

        public SortedList(IDictionary<TKey, TValue> dictionary)
            : this(dictionary, null)
        {
        }

        public SortedList(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer)
            : this((dictionary != null ? dictionary.Count : 0), comparer)
        {
            if (dictionary == null)
                ThrowHelper.ThrowArgumentNullException("dictionary");
            int count = dictionary.Count;
            if (count != 0)
            {
                TKey[] keys = this.keys;
                dictionary.Keys.CopyTo(keys, 0);
                dictionary.Values.CopyTo(values, 0);
                if (count > 1)
                {
                    comparer = Comparer;
                    ArraySortHelper<TKey, TValue>.Sort(keys, values, 0, keys.Length, comparer);
                    for (int i = 1; i != keys.Length; ++i)
                    {
                        if (comparer.Compare(keys[i - 1], keys[i]) == 0)
                            throw new ArgumentException(String.Concat("An item with the same key has already been added. Key: ", ThrowHelper.ToText(keys[i])));
                    }
                }
            }
            _size = count;
        }

        public void Add(TKey key, TValue value)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            int i = ArraySortHelper<TKey>.BinarySearch(keys, 0, _size, key, comparer);
            if (i >= 0)
                throw new ArgumentException(String.Concat("An item with the same key has already been added. Key: ", ThrowHelper.ToText(key)), "key");
            Insert(~i, key, value);
        }

        // The length of the arrays; setting it reallocates.
        public int Capacity
        {
            get { return keys.Length; }
            set
            {
                if (value != keys.Length)
                {
                    if (value < _size)
                        ThrowHelper.ThrowArgumentOutOfRangeException("value", value, "capacity was less than the current size.");
                    if (value > 0)
                    {
                        TKey[] newKeys = new TKey[value];
                        TValue[] newValues = new TValue[value];
                        if (_size > 0)
                        {
                            Array.Copy(keys, 0, newKeys, 0, _size);
                            Array.Copy(values, 0, newValues, 0, _size);
                        }
                        keys = newKeys;
                        values = newValues;
                    }
                    else
                    {
                        keys = EmptyArray<TKey>.Value;
                        values = EmptyArray<TValue>.Value;
                    }
                }
            }
        }

        public IComparer<TKey> Comparer
        {
            get { return comparer; }
        }

        public int Count
        {
            get { return _size; }
        }

        public IList<TKey> Keys
        {
            get { return GetKeyListHelper(); }
        }

        ICollection<TKey> IDictionary<TKey, TValue>.Keys
        {
            get { return GetKeyListHelper(); }
        }

        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys
        {
            get { return GetKeyListHelper(); }
        }

        public IList<TValue> Values
        {
            get { return GetValueListHelper(); }
        }

        ICollection<TValue> IDictionary<TKey, TValue>.Values
        {
            get { return GetValueListHelper(); }
        }

        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values
        {
            get { return GetValueListHelper(); }
        }

        private KeyList GetKeyListHelper()
        {
            if (keyList == null)
                keyList = new KeyList(this);
            return keyList;
        }

        private ValueList GetValueListHelper()
        {
            if (valueList == null)
                valueList = new ValueList(this);
            return valueList;
        }

        public void Clear()
        {
            version++;
            Array.Clear(keys, 0, _size);
            Array.Clear(values, 0, _size);
            _size = 0;
        }

        public bool ContainsKey(TKey key)
        {
            return IndexOfKey(key) >= 0;
        }

        public bool ContainsValue(TValue value)
        {
            return IndexOfValue(value) >= 0;
        }

        private void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            if (array == null)
                ThrowHelper.ThrowArgumentNullException("array");
            if (arrayIndex < 0 || arrayIndex > array.Length)
                ThrowHelper.ThrowNeedNonNegNum("arrayIndex");
            if (array.Length - arrayIndex < Count)
                ThrowHelper.ThrowArrayPlusOffTooSmall();
            for (int i = 0; i < Count; i++)
                array[arrayIndex + i] = new KeyValuePair<TKey, TValue>(keys[i], values[i]);
        }

        private void EnsureCapacity(int min)
        {
            int newCapacity = keys.Length == 0 ? DefaultCapacity : keys.Length * 2;
            if ((uint)newCapacity > MaxArrayLength)
                newCapacity = MaxArrayLength;
            if (newCapacity < min)
                newCapacity = min;
            Capacity = newCapacity;
        }

        private TValue GetByIndex(int index)
        {
            if (index < 0 || index >= _size)
                ThrowHelper.ThrowArgumentOutOfRangeException("index", index, ThrowHelper.IndexOutOfRange);
            return values[index];
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
        {
            return new Enumerator(this, Enumerator.KeyValuePairRetType);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new Enumerator(this, Enumerator.KeyValuePairRetType);
        }

        private TKey GetKey(int index)
        {
            if (index < 0 || index >= _size)
                ThrowHelper.ThrowArgumentOutOfRangeException("index", index, ThrowHelper.IndexOutOfRange);
            return keys[index];
        }

        public TValue this[TKey key]
        {
            get
            {
                int i = IndexOfKey(key);
                if (i >= 0)
                    return values[i];
                ThrowHelper.ThrowKeyNotFound(key);
                return default(TValue);
            }
            set
            {
                if (key == null)
                    ThrowHelper.ThrowArgumentNullException("key");
                int i = ArraySortHelper<TKey>.BinarySearch(keys, 0, _size, key, comparer);
                if (i >= 0)
                {
                    values[i] = value;
                    version++;
                    return;
                }
                Insert(~i, key, value);
            }
        }

        // The key's index, or -1.
        public int IndexOfKey(TKey key)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            int ret = ArraySortHelper<TKey>.BinarySearch(keys, 0, _size, key, comparer);
            return ret >= 0 ? ret : -1;
        }

        // The index of the first pair holding `value`, or -1.
        public int IndexOfValue(TValue value)
        {
            return EqualityComparer<TValue>.Default.IndexOf(values, value, 0, _size);
        }

        private void Insert(int index, TKey key, TValue value)
        {
            if (_size == keys.Length)
                EnsureCapacity(_size + 1);
            if (index < _size)
            {
                Array.Copy(keys, index, keys, index + 1, _size - index);
                Array.Copy(values, index, values, index + 1, _size - index);
            }
            keys[index] = key;
            values[index] = value;
            _size++;
            version++;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = IndexOfKey(key);
            if (i >= 0)
            {
                value = values[i];
                return true;
            }
            value = default(TValue);
            return false;
        }

        public void RemoveAt(int index)
        {
            if (index < 0 || index >= _size)
                ThrowHelper.ThrowArgumentOutOfRangeException("index", index, ThrowHelper.IndexOutOfRange);
            _size--;
            if (index < _size)
            {
                Array.Copy(keys, index + 1, keys, index, _size - index);
                Array.Copy(values, index + 1, values, index, _size - index);
            }
            keys[_size] = default(TKey);
            values[_size] = default(TValue);
            version++;
        }

        public bool Remove(TKey key)
        {
            int i = IndexOfKey(key);
            if (i >= 0)
                RemoveAt(i);
            return i >= 0;
        }

        // Shrinks the arrays to the count when less than 90% is used.
        public void TrimExcess()
        {
            int threshold = (int)(((double)keys.Length) * 0.9);
            if (_size < threshold)
                Capacity = _size;
        }

        // ----- ICollection<KeyValuePair>, IDictionary ----------------------

        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly
        {
            get { return false; }
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair)
        {
            Add(keyValuePair.Key, keyValuePair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int index = IndexOfKey(keyValuePair.Key);
            return index >= 0 && EqualityComparer<TValue>.Default.Equals(values[index], keyValuePair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int index = IndexOfKey(keyValuePair.Key);
            if (index >= 0 && EqualityComparer<TValue>.Default.Equals(values[index], keyValuePair.Value))
            {
                RemoveAt(index);
                return true;
            }
            return false;
        }

        void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            CopyTo(array, arrayIndex);
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
                for (int i = 0; i < Count; i++)
                    pairs[i + index] = new KeyValuePair<TKey, TValue>(keys[i], values[i]);
                return;
            }
            object[] objects = array as object[];
            if (objects == null)
                throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
            try
            {
                for (int i = 0; i < Count; i++)
                    objects[i + index] = new KeyValuePair<TKey, TValue>(keys[i], values[i]);
            }
            catch (ArrayTypeMismatchException)
            {
                throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
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
            get { return GetKeyListHelper(); }
        }

        ICollection IDictionary.Values
        {
            get { return GetValueListHelper(); }
        }

        object IDictionary.this[object key]
        {
            get
            {
                if (ThrowHelper.IsCompatibleKey<TKey>(key))
                {
                    int i = IndexOfKey((TKey)key);
                    if (i >= 0)
                        return values[i];
                }
                return null;
            }
            set
            {
                if (!ThrowHelper.IsCompatibleKey<TKey>(key))
                    ThrowHelper.ThrowArgumentNullException("key");
                ThrowHelper.IfNullAndNullsAreIllegalThenThrow<TValue>(value, "value");
                TKey tempKey = ThrowHelper.CastKey<TKey>(key, true);
                TValue tempValue = ThrowHelper.CastDictionaryValue<TValue>(value, true);
                this[tempKey] = tempValue;
            }
        }

        void IDictionary.Add(object key, object value)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            ThrowHelper.IfNullAndNullsAreIllegalThenThrow<TValue>(value, "value");
            TKey tempKey = ThrowHelper.CastKey<TKey>(key, true);
            TValue tempValue = ThrowHelper.CastDictionaryValue<TValue>(value, true);
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

        // ----- Enumerators and views ------------------------------------------

        private struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>, IDictionaryEnumerator
        {
            private readonly SortedList<TKey, TValue> _sortedList;
            private TKey _key;
            private TValue _value;
            private int _index;
            private readonly int _version;
            private readonly int _getEnumeratorRetType;

            internal const int KeyValuePairRetType = 1;
            internal const int DictEntryRetType = 2;

            internal Enumerator(SortedList<TKey, TValue> sortedList, int getEnumeratorRetType)
            {
                _sortedList = sortedList;
                _index = 0;
                _version = sortedList.version;
                _getEnumeratorRetType = getEnumeratorRetType;
                _key = default(TKey);
                _value = default(TValue);
            }

            public void Dispose()
            {
                _index = 0;
                _key = default(TKey);
                _value = default(TValue);
            }

            private void CheckStarted()
            {
                if (_index == 0 || (_index == _sortedList.Count + 1))
                    ThrowHelper.ThrowEnumOpCantHappen();
            }

            object IDictionaryEnumerator.Key
            {
                get
                {
                    CheckStarted();
                    return _key;
                }
            }

            public bool MoveNext()
            {
                if (_version != _sortedList.version)
                    ThrowHelper.ThrowVersionChanged();
                if ((uint)_index < (uint)_sortedList.Count)
                {
                    _key = _sortedList.keys[_index];
                    _value = _sortedList.values[_index];
                    _index++;
                    return true;
                }
                _index = _sortedList.Count + 1;
                _key = default(TKey);
                _value = default(TValue);
                return false;
            }

            DictionaryEntry IDictionaryEnumerator.Entry
            {
                get
                {
                    CheckStarted();
                    return new DictionaryEntry(_key, _value);
                }
            }

            public KeyValuePair<TKey, TValue> Current
            {
                get { return new KeyValuePair<TKey, TValue>(_key, _value); }
            }

            object IEnumerator.Current
            {
                get
                {
                    CheckStarted();
                    if (_getEnumeratorRetType == DictEntryRetType)
                        return new DictionaryEntry(_key, _value);
                    return new KeyValuePair<TKey, TValue>(_key, _value);
                }
            }

            object IDictionaryEnumerator.Value
            {
                get
                {
                    CheckStarted();
                    return _value;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _sortedList.version)
                    ThrowHelper.ThrowVersionChanged();
                _index = 0;
                _key = default(TKey);
                _value = default(TValue);
            }
        }

        private const string NestedTypeNotSupported = "This operation is not supported on SortedList nested types because they require modifying the original SortedList.";

        private sealed class SortedListKeyEnumerator : IEnumerator<TKey>, IEnumerator
        {
            private readonly SortedList<TKey, TValue> _sortedList;
            private int _index;
            private readonly int _version;
            private TKey _currentKey;

            internal SortedListKeyEnumerator(SortedList<TKey, TValue> sortedList)
            {
                _sortedList = sortedList;
                _version = sortedList.version;
            }

            public void Dispose()
            {
                _index = 0;
                _currentKey = default(TKey);
            }

            public bool MoveNext()
            {
                if (_version != _sortedList.version)
                    ThrowHelper.ThrowVersionChanged();
                if ((uint)_index < (uint)_sortedList.Count)
                {
                    _currentKey = _sortedList.keys[_index];
                    _index++;
                    return true;
                }
                _index = _sortedList.Count + 1;
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
                    if (_index == 0 || (_index == _sortedList.Count + 1))
                        ThrowHelper.ThrowEnumOpCantHappen();
                    return _currentKey;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _sortedList.version)
                    ThrowHelper.ThrowVersionChanged();
                _index = 0;
                _currentKey = default(TKey);
            }
        }

        private sealed class SortedListValueEnumerator : IEnumerator<TValue>, IEnumerator
        {
            private readonly SortedList<TKey, TValue> _sortedList;
            private int _index;
            private readonly int _version;
            private TValue _currentValue;

            internal SortedListValueEnumerator(SortedList<TKey, TValue> sortedList)
            {
                _sortedList = sortedList;
                _version = sortedList.version;
            }

            public void Dispose()
            {
                _index = 0;
                _currentValue = default(TValue);
            }

            public bool MoveNext()
            {
                if (_version != _sortedList.version)
                    ThrowHelper.ThrowVersionChanged();
                if ((uint)_index < (uint)_sortedList.Count)
                {
                    _currentValue = _sortedList.values[_index];
                    _index++;
                    return true;
                }
                _index = _sortedList.Count + 1;
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
                    if (_index == 0 || (_index == _sortedList.Count + 1))
                        ThrowHelper.ThrowEnumOpCantHappen();
                    return _currentValue;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _sortedList.version)
                    ThrowHelper.ThrowVersionChanged();
                _index = 0;
                _currentValue = default(TValue);
            }
        }

        // The keys, in order: a live, read-only list.
        private sealed class KeyList : IList<TKey>, ICollection
        {
            private readonly SortedList<TKey, TValue> _dict;

            internal KeyList(SortedList<TKey, TValue> dictionary)
            {
                _dict = dictionary;
            }

            public int Count
            {
                get { return _dict._size; }
            }

            public bool IsReadOnly
            {
                get { return true; }
            }

            bool ICollection.IsSynchronized
            {
                get { return false; }
            }

            object ICollection.SyncRoot
            {
                get { return ((ICollection)_dict).SyncRoot; }
            }

            public void Add(TKey key)
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
            }

            public void Clear()
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
            }

            public bool Contains(TKey key)
            {
                return _dict.ContainsKey(key);
            }

            public void CopyTo(TKey[] array, int arrayIndex)
            {
                Array.Copy(_dict.keys, 0, array, arrayIndex, _dict.Count);
            }

            void ICollection.CopyTo(Array array, int arrayIndex)
            {
                if (array != null && array.Rank != 1)
                    throw new ArgumentException(ThrowHelper.RankMultiDimNotSupported, "array");
                try
                {
                    Array.Copy(_dict.keys, 0, array, arrayIndex, _dict.Count);
                }
                catch (ArrayTypeMismatchException)
                {
                    throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
                }
            }

            public void Insert(int index, TKey value)
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
            }

            public TKey this[int index]
            {
                get { return _dict.GetKey(index); }
                set { ThrowHelper.ThrowNotSupported("Mutating a key collection derived from a dictionary is not allowed."); }
            }

            public IEnumerator<TKey> GetEnumerator()
            {
                return new SortedListKeyEnumerator(_dict);
            }

            IEnumerator IEnumerable.GetEnumerator()
            {
                return new SortedListKeyEnumerator(_dict);
            }

            public int IndexOf(TKey key)
            {
                if (key == null)
                    ThrowHelper.ThrowArgumentNullException("key");
                int i = ArraySortHelper<TKey>.BinarySearch(_dict.keys, 0, _dict.Count, key, _dict.comparer);
                return i >= 0 ? i : -1;
            }

            public bool Remove(TKey key)
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
                return false;
            }

            public void RemoveAt(int index)
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
            }
        }

        // The values, in key order: a live, read-only list.
        private sealed class ValueList : IList<TValue>, ICollection
        {
            private readonly SortedList<TKey, TValue> _dict;

            internal ValueList(SortedList<TKey, TValue> dictionary)
            {
                _dict = dictionary;
            }

            public int Count
            {
                get { return _dict._size; }
            }

            public bool IsReadOnly
            {
                get { return true; }
            }

            bool ICollection.IsSynchronized
            {
                get { return false; }
            }

            object ICollection.SyncRoot
            {
                get { return ((ICollection)_dict).SyncRoot; }
            }

            public void Add(TValue key)
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
            }

            public void Clear()
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
            }

            public bool Contains(TValue value)
            {
                return _dict.ContainsValue(value);
            }

            public void CopyTo(TValue[] array, int arrayIndex)
            {
                Array.Copy(_dict.values, 0, array, arrayIndex, _dict.Count);
            }

            void ICollection.CopyTo(Array array, int index)
            {
                if (array != null && array.Rank != 1)
                    throw new ArgumentException(ThrowHelper.RankMultiDimNotSupported, "array");
                try
                {
                    Array.Copy(_dict.values, 0, array, index, _dict.Count);
                }
                catch (ArrayTypeMismatchException)
                {
                    throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
                }
            }

            public void Insert(int index, TValue value)
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
            }

            public TValue this[int index]
            {
                get { return _dict.GetByIndex(index); }
                set { ThrowHelper.ThrowNotSupported(NestedTypeNotSupported); }
            }

            public IEnumerator<TValue> GetEnumerator()
            {
                return new SortedListValueEnumerator(_dict);
            }

            IEnumerator IEnumerable.GetEnumerator()
            {
                return new SortedListValueEnumerator(_dict);
            }

            public int IndexOf(TValue value)
            {
                return EqualityComparer<TValue>.Default.IndexOf(_dict.values, value, 0, _dict.Count);
            }

            public bool Remove(TValue value)
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
                return false;
            }

            public void RemoveAt(int index)
            {
                ThrowHelper.ThrowNotSupported(NestedTypeNotSupported);
            }
        }
    }
}
