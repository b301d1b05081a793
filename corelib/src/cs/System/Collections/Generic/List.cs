using System.Collections.ObjectModel;

namespace System.Collections.Generic
{
    // A growable array of T: .NET's List<T>, with its capacity growth
    // (4, then doubling), its exceptions and messages, and its versioning
    // (an enumerator throws InvalidOperationException once the list has
    // been modified).
    public class List<T> : IList<T>, IList, IReadOnlyList<T>
    {
        private const int DefaultCapacity = 4;
        // The largest array .NET allocates for a list.
        private const int MaxArrayLength = 0x7FEFFFFF;

        private static readonly T[] s_emptyArray = new T[0];

        private T[] _items;
        private int _size;
        private int _version;

        public List()
        {
            _items = s_emptyArray;
        }

        public List(int capacity)
        {
            if (capacity < 0)
                ThrowHelper.ThrowNeedNonNegNum("capacity");
            _items = capacity == 0 ? s_emptyArray : new T[capacity];
        }

        // A list of the collection's elements, in its order.
        public List(IEnumerable<T> collection)
        {
            if (collection == null)
                ThrowHelper.ThrowArgumentNullException("collection");
            ICollection<T> c = collection as ICollection<T>;
            if (c != null)
            {
                int count = c.Count;
                if (count == 0)
                {
                    _items = s_emptyArray;
                }
                else
                {
                    _items = new T[count];
                    c.CopyTo(_items, 0);
                    _size = count;
                }
            }
            else
            {
                _items = s_emptyArray;
                using (IEnumerator<T> en = collection.GetEnumerator())
                {
                    while (en.MoveNext())
                        Add(en.Current);
                }
            }
        }

        // The length of the internal array; setting it reallocates.
        public int Capacity
        {
            get { return _items.Length; }
            set
            {
                if (value < _size)
                    ThrowHelper.ThrowArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (value != _items.Length)
                {
                    if (value > 0)
                    {
                        T[] newItems = new T[value];
                        if (_size > 0)
                            Array.Copy(_items, 0, newItems, 0, _size);
                        _items = newItems;
                    }
                    else
                    {
                        _items = s_emptyArray;
                    }
                }
            }
        }

        public int Count
        {
            get { return _size; }
        }

        bool IList.IsFixedSize
        {
            get { return false; }
        }

        bool ICollection<T>.IsReadOnly
        {
            get { return false; }
        }

        bool IList.IsReadOnly
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

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size)
                    ThrowHelper.ThrowIndexArgumentOutOfRange("index");
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size)
                    ThrowHelper.ThrowIndexArgumentOutOfRange("index");
                _items[index] = value;
                _version++;
            }
        }

        object IList.this[int index]
        {
            get { return this[index]; }
            set
            {
                T item = ThrowHelper.CastValue<T>(value, "value");
                this[index] = item;
            }
        }

        public void Add(T item)
        {
            if (_size == _items.Length)
                EnsureCapacity(_size + 1);
            _items[_size++] = item;
            _version++;
        }

        int IList.Add(object item)
        {
            T value = ThrowHelper.CastValue<T>(item, "item");
            Add(value);
            return Count - 1;
        }

        public void AddRange(IEnumerable<T> collection)
        {
            InsertRange(_size, collection);
        }

        public ReadOnlyCollection<T> AsReadOnly()
        {
            return new ReadOnlyCollection<T>(this);
        }

        public int BinarySearch(int index, int count, T item, IComparer<T> comparer)
        {
            if (index < 0)
                ThrowHelper.ThrowNeedNonNegNum("index");
            if (count < 0)
                ThrowHelper.ThrowNeedNonNegNum("count");
            if (_size - index < count)
                ThrowHelper.ThrowInvalidOffLen();
            return ArraySortHelper<T>.BinarySearch(_items, index, count, item, comparer);
        }

        public int BinarySearch(T item)
        {
            return BinarySearch(0, Count, item, null);
        }

        public int BinarySearch(T item, IComparer<T> comparer)
        {
            return BinarySearch(0, Count, item, comparer);
        }

        public void Clear()
        {
            if (_size > 0)
            {
                Array.Clear(_items, 0, _size);
                _size = 0;
            }
            _version++;
        }

        public bool Contains(T item)
        {
            return _size != 0 && IndexOf(item) != -1;
        }

        bool IList.Contains(object item)
        {
            if (ThrowHelper.IsCompatibleObject<T>(item))
                return Contains((T)item);
            return false;
        }

        public List<TOutput> ConvertAll<TOutput>(Converter<T, TOutput> converter)
        {
            if (converter == null)
                ThrowHelper.ThrowArgumentNullException("converter");
            List<TOutput> list = new List<TOutput>(_size);
            for (int i = 0; i < _size; i++)
                list._items[i] = converter(_items[i]);
            list._size = _size;
            return list;
        }

        public void CopyTo(T[] array)
        {
            CopyTo(array, 0);
        }

        void ICollection.CopyTo(Array array, int arrayIndex)
        {
            if (array != null && array.Rank != 1)
                throw new ArgumentException(ThrowHelper.RankMultiDimNotSupported);
            try
            {
                Array.Copy(_items, 0, array, arrayIndex, _size);
            }
            catch (ArrayTypeMismatchException)
            {
                throw new ArgumentException(ThrowHelper.InvalidArrayType);
            }
        }

        public void CopyTo(int index, T[] array, int arrayIndex, int count)
        {
            if (_size - index < count)
                ThrowHelper.ThrowInvalidOffLen();
            Array.Copy(_items, index, array, arrayIndex, count);
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            Array.Copy(_items, 0, array, arrayIndex, _size);
        }

        // Grows the array to at least `min` elements: double the capacity
        // (4 when empty), or `min` if that is more.
        private void EnsureCapacity(int min)
        {
            if (_items.Length < min)
            {
                int newCapacity = _items.Length == 0 ? DefaultCapacity : _items.Length * 2;
                if ((uint)newCapacity > MaxArrayLength)
                    newCapacity = MaxArrayLength;
                if (newCapacity < min)
                    newCapacity = min;
                Capacity = newCapacity;
            }
        }

        public bool Exists(Predicate<T> match)
        {
            return FindIndex(match) != -1;
        }

        public T Find(Predicate<T> match)
        {
            if (match == null)
                ThrowHelper.ThrowArgumentNullException("match");
            for (int i = 0; i < _size; i++)
            {
                if (match(_items[i]))
                    return _items[i];
            }
            return default(T);
        }

        public List<T> FindAll(Predicate<T> match)
        {
            if (match == null)
                ThrowHelper.ThrowArgumentNullException("match");
            List<T> list = new List<T>();
            for (int i = 0; i < _size; i++)
            {
                if (match(_items[i]))
                    list.Add(_items[i]);
            }
            return list;
        }

        public int FindIndex(Predicate<T> match)
        {
            return FindIndex(0, _size, match);
        }

        public int FindIndex(int startIndex, Predicate<T> match)
        {
            return FindIndex(startIndex, _size - startIndex, match);
        }

        public int FindIndex(int startIndex, int count, Predicate<T> match)
        {
            if ((uint)startIndex > (uint)_size)
                ThrowHelper.ThrowIndexArgumentOutOfRange("startIndex");
            if (count < 0 || startIndex > _size - count)
                ThrowHelper.ThrowArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            if (match == null)
                ThrowHelper.ThrowArgumentNullException("match");
            int endIndex = startIndex + count;
            for (int i = startIndex; i < endIndex; i++)
            {
                if (match(_items[i]))
                    return i;
            }
            return -1;
        }

        public T FindLast(Predicate<T> match)
        {
            if (match == null)
                ThrowHelper.ThrowArgumentNullException("match");
            for (int i = _size - 1; i >= 0; i--)
            {
                if (match(_items[i]))
                    return _items[i];
            }
            return default(T);
        }

        public int FindLastIndex(Predicate<T> match)
        {
            return FindLastIndex(_size - 1, _size, match);
        }

        public int FindLastIndex(int startIndex, Predicate<T> match)
        {
            return FindLastIndex(startIndex, startIndex + 1, match);
        }

        public int FindLastIndex(int startIndex, int count, Predicate<T> match)
        {
            if (match == null)
                ThrowHelper.ThrowArgumentNullException("match");
            if (_size == 0)
            {
                if (startIndex != -1)
                    ThrowHelper.ThrowIndexArgumentOutOfRange("startIndex");
            }
            else if ((uint)startIndex >= (uint)_size)
            {
                ThrowHelper.ThrowIndexArgumentOutOfRange("startIndex");
            }
            if (count < 0 || startIndex - count + 1 < 0)
                ThrowHelper.ThrowArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            int endIndex = startIndex - count;
            for (int i = startIndex; i > endIndex; i--)
            {
                if (match(_items[i]))
                    return i;
            }
            return -1;
        }

        // Calls `action` on each element; throws InvalidOperationException if
        // the action modifies the list.
        public void ForEach(Action<T> action)
        {
            if (action == null)
                ThrowHelper.ThrowArgumentNullException("action");
            int version = _version;
            for (int i = 0; i < _size; i++)
            {
                if (version != _version)
                    break;
                action(_items[i]);
            }
            if (version != _version)
                ThrowHelper.ThrowVersionChanged();
        }

        public Enumerator GetEnumerator()
        {
            return new Enumerator(this);
        }

        IEnumerator<T> IEnumerable<T>.GetEnumerator()
        {
            return new Enumerator(this);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new Enumerator(this);
        }

        public List<T> GetRange(int index, int count)
        {
            if (index < 0)
                ThrowHelper.ThrowNeedNonNegNum("index");
            if (count < 0)
                ThrowHelper.ThrowNeedNonNegNum("count");
            if (_size - index < count)
                ThrowHelper.ThrowInvalidOffLen();
            List<T> list = new List<T>(count);
            Array.Copy(_items, index, list._items, 0, count);
            list._size = count;
            return list;
        }

        public int IndexOf(T item)
        {
            return EqualityComparer<T>.Default.IndexOf(_items, item, 0, _size);
        }

        int IList.IndexOf(object item)
        {
            if (ThrowHelper.IsCompatibleObject<T>(item))
                return IndexOf((T)item);
            return -1;
        }

        public int IndexOf(T item, int index)
        {
            if (index > _size)
                ThrowHelper.ThrowIndexArgumentOutOfRange("index");
            return EqualityComparer<T>.Default.IndexOf(_items, item, index, _size - index);
        }

        public int IndexOf(T item, int index, int count)
        {
            if (index > _size)
                ThrowHelper.ThrowIndexArgumentOutOfRange("index");
            if (count < 0 || index > _size - count)
                ThrowHelper.ThrowArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            return EqualityComparer<T>.Default.IndexOf(_items, item, index, count);
        }

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size)
                ThrowHelper.ThrowArgumentOutOfRangeException("index", "Index must be within the bounds of the List.");
            if (_size == _items.Length)
                EnsureCapacity(_size + 1);
            if (index < _size)
                Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = item;
            _size++;
            _version++;
        }

        void IList.Insert(int index, object item)
        {
            T value = ThrowHelper.CastValue<T>(item, "item");
            Insert(index, value);
        }

        public void InsertRange(int index, IEnumerable<T> collection)
        {
            if (collection == null)
                ThrowHelper.ThrowArgumentNullException("collection");
            if ((uint)index > (uint)_size)
                ThrowHelper.ThrowIndexArgumentOutOfRange("index");
            ICollection<T> c = collection as ICollection<T>;
            if (c != null)
            {
                int count = c.Count;
                if (count > 0)
                {
                    EnsureCapacity(_size + count);
                    if (index < _size)
                        Array.Copy(_items, index, _items, index + count, _size - index);
                    if (this == c)
                    {
                        // Inserting the list into itself: the elements before
                        // `index`, then those that were after it.
                        Array.Copy(_items, 0, _items, index, index);
                        Array.Copy(_items, index + count, _items, index * 2, _size - index);
                    }
                    else
                    {
                        T[] itemsToInsert = new T[count];
                        c.CopyTo(itemsToInsert, 0);
                        Array.Copy(itemsToInsert, 0, _items, index, count);
                    }
                    _size += count;
                }
            }
            else
            {
                using (IEnumerator<T> en = collection.GetEnumerator())
                {
                    while (en.MoveNext())
                        Insert(index++, en.Current);
                }
            }
            _version++;
        }

        public int LastIndexOf(T item)
        {
            if (_size == 0)
                return -1;
            return LastIndexOf(item, _size - 1, _size);
        }

        public int LastIndexOf(T item, int index)
        {
            if (index >= _size)
                ThrowHelper.ThrowIndexArgumentOutOfRange("index");
            return LastIndexOf(item, index, index + 1);
        }

        public int LastIndexOf(T item, int index, int count)
        {
            if (Count != 0 && index < 0)
                ThrowHelper.ThrowNeedNonNegNum("index");
            if (Count != 0 && count < 0)
                ThrowHelper.ThrowNeedNonNegNum("count");
            if (_size == 0)
                return -1;
            if (index >= _size)
                ThrowHelper.ThrowArgumentOutOfRangeException("index", "Larger than collection size.");
            if (count > index + 1)
                ThrowHelper.ThrowArgumentOutOfRangeException("count", "Larger than collection size.");
            return EqualityComparer<T>.Default.LastIndexOf(_items, item, index, count);
        }

        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index >= 0)
            {
                RemoveAt(index);
                return true;
            }
            return false;
        }

        void IList.Remove(object item)
        {
            if (ThrowHelper.IsCompatibleObject<T>(item))
                Remove((T)item);
        }

        // Removes every element `match` accepts (each is tested once, in
        // order); returns how many.
        public int RemoveAll(Predicate<T> match)
        {
            if (match == null)
                ThrowHelper.ThrowArgumentNullException("match");
            int freeIndex = 0;
            while (freeIndex < _size && !match(_items[freeIndex]))
                freeIndex++;
            if (freeIndex >= _size)
                return 0;
            int current = freeIndex + 1;
            while (current < _size)
            {
                while (current < _size && match(_items[current]))
                    current++;
                if (current < _size)
                    _items[freeIndex++] = _items[current++];
            }
            Array.Clear(_items, freeIndex, _size - freeIndex);
            int result = _size - freeIndex;
            _size = freeIndex;
            _version++;
            return result;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size)
                ThrowHelper.ThrowIndexArgumentOutOfRange("index");
            _size--;
            if (index < _size)
                Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = default(T);
            _version++;
        }

        public void RemoveRange(int index, int count)
        {
            if (index < 0)
                ThrowHelper.ThrowNeedNonNegNum("index");
            if (count < 0)
                ThrowHelper.ThrowNeedNonNegNum("count");
            if (_size - index < count)
                ThrowHelper.ThrowInvalidOffLen();
            if (count > 0)
            {
                _size -= count;
                if (index < _size)
                    Array.Copy(_items, index + count, _items, index, _size - index);
                Array.Clear(_items, _size, count);
                _version++;
            }
        }

        public void Reverse()
        {
            Reverse(0, Count);
        }

        public void Reverse(int index, int count)
        {
            if (index < 0)
                ThrowHelper.ThrowNeedNonNegNum("index");
            if (count < 0)
                ThrowHelper.ThrowNeedNonNegNum("count");
            if (_size - index < count)
                ThrowHelper.ThrowInvalidOffLen();
            ArraySortHelper<T>.Reverse(_items, index, count);
            _version++;
        }

        public void Sort()
        {
            Sort(0, Count, null);
        }

        public void Sort(IComparer<T> comparer)
        {
            Sort(0, Count, comparer);
        }

        public void Sort(int index, int count, IComparer<T> comparer)
        {
            if (index < 0)
                ThrowHelper.ThrowNeedNonNegNum("index");
            if (count < 0)
                ThrowHelper.ThrowNeedNonNegNum("count");
            if (_size - index < count)
                ThrowHelper.ThrowInvalidOffLen();
            ArraySortHelper<T>.Sort(_items, index, count, comparer);
            _version++;
        }

        public void Sort(Comparison<T> comparison)
        {
            if (comparison == null)
                ThrowHelper.ThrowArgumentNullException("comparison");
            if (_size > 0)
                ArraySortHelper<T>.Sort(_items, 0, _size, new ComparisonComparer<T>(comparison));
            _version++;
        }

        public T[] ToArray()
        {
            if (_size == 0)
                return s_emptyArray;
            T[] array = new T[_size];
            Array.Copy(_items, 0, array, 0, _size);
            return array;
        }

        // Shrinks the array to the count when less than 90% of it is used.
        public void TrimExcess()
        {
            int threshold = (int)(((double)_items.Length) * 0.9);
            if (_size < threshold)
                Capacity = _size;
        }

        public bool TrueForAll(Predicate<T> match)
        {
            if (match == null)
                ThrowHelper.ThrowArgumentNullException("match");
            for (int i = 0; i < _size; i++)
            {
                if (!match(_items[i]))
                    return false;
            }
            return true;
        }

        // What `foreach` over a List<T> uses: no allocation, and a check of
        // the list's version at each step.
        public struct Enumerator : IEnumerator<T>, IEnumerator
        {
            private readonly List<T> _list;
            private int _index;
            private readonly int _version;
            private T _current;

            internal Enumerator(List<T> list)
            {
                _list = list;
                _index = 0;
                _version = list._version;
                _current = default(T);
            }

            public void Dispose()
            {
            }

            public bool MoveNext()
            {
                List<T> localList = _list;
                if (_version == localList._version && ((uint)_index < (uint)localList._size))
                {
                    _current = localList._items[_index];
                    _index++;
                    return true;
                }
                return MoveNextRare();
            }

            private bool MoveNextRare()
            {
                if (_version != _list._version)
                    ThrowHelper.ThrowVersionChanged();
                _index = _list._size + 1;
                _current = default(T);
                return false;
            }

            public T Current
            {
                get { return _current; }
            }

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list._size + 1)
                        ThrowHelper.ThrowEnumOpCantHappen();
                    return Current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _list._version)
                    ThrowHelper.ThrowVersionChanged();
                _index = 0;
                _current = default(T);
            }
        }
    }
}
