namespace System.Collections.Generic
{
    // A map kept in key order, in a red-black tree: .NET's
    // SortedDictionary<TKey, TValue> (a SortedSet of pairs ordered by key).
    public class SortedDictionary<TKey, TValue> : IDictionary<TKey, TValue>, IDictionary, IReadOnlyDictionary<TKey, TValue>
    {
        private readonly SortedSet<KeyValuePair<TKey, TValue>> _set;
        private readonly IComparer<TKey> _keyComparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        public SortedDictionary()
            : this((IComparer<TKey>)null)
        {
        }

        public SortedDictionary(IComparer<TKey> comparer)
        {
            _keyComparer = comparer ?? Comparer<TKey>.Default;
            _set = new SortedSet<KeyValuePair<TKey, TValue>>(new KeyValuePairComparer(_keyComparer));
        }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary)
            : this(dictionary, null)
        {
        }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer)
            : this(comparer)
        {
            if (dictionary == null)
                ThrowHelper.ThrowArgumentNullException("dictionary");
            foreach (KeyValuePair<TKey, TValue> pair in dictionary)
                AddPair(pair);
        }

        // Orders pairs by key alone.
        private sealed class KeyValuePairComparer : Comparer<KeyValuePair<TKey, TValue>>
        {
            internal readonly IComparer<TKey> keyComparer;

            public KeyValuePairComparer(IComparer<TKey> keyComparer)
            {
                this.keyComparer = keyComparer;
            }

            public override int Compare(KeyValuePair<TKey, TValue> x, KeyValuePair<TKey, TValue> y)
            {
                return keyComparer.Compare(x.Key, y.Key);
            }
        }

        private void AddPair(KeyValuePair<TKey, TValue> pair)
        {
            if (!_set.Add(pair))
                throw new ArgumentException(String.Concat("An item with the same key has already been added. Key: ", pair.ToString()));
        }

        private SortedSet<KeyValuePair<TKey, TValue>>.Node FindNode(TKey key)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            return _set.FindNode(new KeyValuePair<TKey, TValue>(key, default(TValue)));
        }

        public TValue this[TKey key]
        {
            get
            {
                SortedSet<KeyValuePair<TKey, TValue>>.Node node = FindNode(key);
                if (node == null)
                    ThrowHelper.ThrowKeyNotFound(key);
                return node.Item.Value;
            }
            set
            {
                SortedSet<KeyValuePair<TKey, TValue>>.Node node = FindNode(key);
                if (node == null)
                {
                    _set.Add(new KeyValuePair<TKey, TValue>(key, value));
                }
                else
                {
                    node.Item = new KeyValuePair<TKey, TValue>(node.Item.Key, value);
                    _set.UpdateVersion();
                }
            }
        }

        public int Count
        {
            get { return _set.Count; }
        }

        public IComparer<TKey> Comparer
        {
            get { return _keyComparer; }
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

        public void Add(TKey key, TValue value)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            AddPair(new KeyValuePair<TKey, TValue>(key, value));
        }

        public void Clear()
        {
            _set.Clear();
        }

        public bool ContainsKey(TKey key)
        {
            return FindNode(key) != null;
        }

        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> c = EqualityComparer<TValue>.Default;
            foreach (KeyValuePair<TKey, TValue> pair in _set)
            {
                if (value == null ? pair.Value == null : c.Equals(pair.Value, value))
                    return true;
            }
            return false;
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            _set.CopyTo(array, index);
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

        public bool Remove(TKey key)
        {
            if (key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            return _set.Remove(new KeyValuePair<TKey, TValue>(key, default(TValue)));
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            SortedSet<KeyValuePair<TKey, TValue>>.Node node = FindNode(key);
            if (node == null)
            {
                value = default(TValue);
                return false;
            }
            value = node.Item.Value;
            return true;
        }

        // ----- ICollection<KeyValuePair>, IDictionary ------------------------

        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly
        {
            get { return false; }
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair)
        {
            if (keyValuePair.Key == null)
                ThrowHelper.ThrowArgumentNullException("key");
            AddPair(keyValuePair);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
        {
            SortedSet<KeyValuePair<TKey, TValue>>.Node node = FindNode(keyValuePair.Key);
            if (node == null)
                return false;
            if (keyValuePair.Value == null)
                return node.Item.Value == null;
            return EqualityComparer<TValue>.Default.Equals(node.Item.Value, keyValuePair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
        {
            SortedSet<KeyValuePair<TKey, TValue>>.Node node = FindNode(keyValuePair.Key);
            if (node == null)
                return false;
            if (EqualityComparer<TValue>.Default.Equals(node.Item.Value, keyValuePair.Value))
            {
                _set.Remove(keyValuePair);
                return true;
            }
            return false;
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
            DictionaryEntry[] entries = array as DictionaryEntry[];
            if (entries != null)
            {
                foreach (KeyValuePair<TKey, TValue> pair in _set)
                    entries[index++] = new DictionaryEntry(pair.Key, pair.Value);
                return;
            }
            object[] objects = array as object[];
            if (objects == null)
                throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
            try
            {
                foreach (KeyValuePair<TKey, TValue> pair in _set)
                    objects[index++] = pair;
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
                    TValue value;
                    if (TryGetValue((TKey)key, out value))
                        return value;
                }
                return null;
            }
            set
            {
                if (key == null)
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

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>, IDictionaryEnumerator
        {
            private SortedSet<KeyValuePair<TKey, TValue>>.Enumerator _treeEnum;
            private readonly int _getEnumeratorRetType;
            // 0: not started; 1: on an element; 2: ended.
            private int _state;

            internal const int KeyValuePairRetType = 1;
            internal const int DictEntryRetType = 2;

            internal Enumerator(SortedDictionary<TKey, TValue> dictionary, int getEnumeratorRetType)
            {
                _treeEnum = dictionary._set.GetEnumerator();
                _getEnumeratorRetType = getEnumeratorRetType;
                _state = 0;
            }

            public bool MoveNext()
            {
                bool result = _treeEnum.MoveNext();
                _state = result ? 1 : 2;
                return result;
            }

            public void Dispose()
            {
                _treeEnum.Dispose();
            }

            public KeyValuePair<TKey, TValue> Current
            {
                get { return _treeEnum.Current; }
            }

            private void CheckStarted()
            {
                if (_state != 1)
                    ThrowHelper.ThrowEnumOpCantHappen();
            }

            object IEnumerator.Current
            {
                get
                {
                    CheckStarted();
                    if (_getEnumeratorRetType == DictEntryRetType)
                        return new DictionaryEntry(Current.Key, Current.Value);
                    return new KeyValuePair<TKey, TValue>(Current.Key, Current.Value);
                }
            }

            void IEnumerator.Reset()
            {
                ((IEnumerator)_treeEnum).Reset();
                _state = 0;
            }

            object IDictionaryEnumerator.Key
            {
                get
                {
                    CheckStarted();
                    return Current.Key;
                }
            }

            object IDictionaryEnumerator.Value
            {
                get
                {
                    CheckStarted();
                    return Current.Value;
                }
            }

            DictionaryEntry IDictionaryEnumerator.Entry
            {
                get
                {
                    CheckStarted();
                    return new DictionaryEntry(Current.Key, Current.Value);
                }
            }
        }

        // The keys, in order (a live view).
        public sealed class KeyCollection : ICollection<TKey>, ICollection, IReadOnlyCollection<TKey>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public KeyCollection(SortedDictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null)
                    ThrowHelper.ThrowArgumentNullException("dictionary");
                _dictionary = dictionary;
            }

            public Enumerator GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            IEnumerator IEnumerable.GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            public void CopyTo(TKey[] array, int index)
            {
                if (array == null)
                    ThrowHelper.ThrowArgumentNullException("array");
                if (index < 0)
                    ThrowHelper.ThrowNeedNonNegNum("index");
                if (array.Length - index < Count)
                    ThrowHelper.ThrowArrayPlusOffTooSmall();
                foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set)
                    array[index++] = pair.Key;
            }

            void ICollection.CopyTo(Array array, int index)
            {
                ThrowHelper.CheckNonGenericCopyTo(array, index, Count);
                TKey[] keys = array as TKey[];
                if (keys != null)
                {
                    CopyTo(keys, index);
                    return;
                }
                object[] objects = array as object[];
                if (objects == null)
                    throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
                try
                {
                    foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set)
                        objects[index++] = pair.Key;
                }
                catch (ArrayTypeMismatchException)
                {
                    throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
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
                private SortedDictionary<TKey, TValue>.Enumerator _dictEnum;

                internal Enumerator(SortedDictionary<TKey, TValue> dictionary)
                {
                    _dictEnum = dictionary.GetEnumerator();
                }

                public void Dispose()
                {
                    _dictEnum.Dispose();
                }

                public bool MoveNext()
                {
                    return _dictEnum.MoveNext();
                }

                public TKey Current
                {
                    get { return _dictEnum.Current.Key; }
                }

                object IEnumerator.Current
                {
                    get { return ((IDictionaryEnumerator)_dictEnum).Key; }
                }

                void IEnumerator.Reset()
                {
                    ((IEnumerator)_dictEnum).Reset();
                }
            }
        }

        // The values, in key order (a live view).
        public sealed class ValueCollection : ICollection<TValue>, ICollection, IReadOnlyCollection<TValue>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public ValueCollection(SortedDictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null)
                    ThrowHelper.ThrowArgumentNullException("dictionary");
                _dictionary = dictionary;
            }

            public Enumerator GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            IEnumerator IEnumerable.GetEnumerator()
            {
                return new Enumerator(_dictionary);
            }

            public void CopyTo(TValue[] array, int index)
            {
                if (array == null)
                    ThrowHelper.ThrowArgumentNullException("array");
                if (index < 0)
                    ThrowHelper.ThrowNeedNonNegNum("index");
                if (array.Length - index < Count)
                    ThrowHelper.ThrowArrayPlusOffTooSmall();
                foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set)
                    array[index++] = pair.Value;
            }

            void ICollection.CopyTo(Array array, int index)
            {
                ThrowHelper.CheckNonGenericCopyTo(array, index, Count);
                TValue[] values = array as TValue[];
                if (values != null)
                {
                    CopyTo(values, index);
                    return;
                }
                object[] objects = array as object[];
                if (objects == null)
                    throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
                try
                {
                    foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set)
                        objects[index++] = pair.Value;
                }
                catch (ArrayTypeMismatchException)
                {
                    throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
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

            void ICollection<TValue>.Clear()
            {
                ThrowHelper.ThrowNotSupported("Mutating a value collection derived from a dictionary is not allowed.");
            }

            bool ICollection<TValue>.Contains(TValue item)
            {
                return _dictionary.ContainsValue(item);
            }

            bool ICollection<TValue>.Remove(TValue item)
            {
                ThrowHelper.ThrowNotSupported("Mutating a value collection derived from a dictionary is not allowed.");
                return false;
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
                private SortedDictionary<TKey, TValue>.Enumerator _dictEnum;

                internal Enumerator(SortedDictionary<TKey, TValue> dictionary)
                {
                    _dictEnum = dictionary.GetEnumerator();
                }

                public void Dispose()
                {
                    _dictEnum.Dispose();
                }

                public bool MoveNext()
                {
                    return _dictEnum.MoveNext();
                }

                public TValue Current
                {
                    get { return _dictEnum.Current.Value; }
                }

                object IEnumerator.Current
                {
                    get { return ((IDictionaryEnumerator)_dictEnum).Value; }
                }

                void IEnumerator.Reset()
                {
                    ((IEnumerator)_dictEnum).Reset();
                }
            }
        }
    }
}
