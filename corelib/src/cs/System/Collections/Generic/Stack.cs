namespace System.Collections.Generic
{
    // A last-in, first-out stack in an array (4, then doubling): .NET's
    // Stack<T>. Enumeration, CopyTo and ToArray go from the top down.
    public class Stack<T> : IEnumerable<T>, ICollection, IReadOnlyCollection<T>
    {
        private const int DefaultCapacity = 4;

        private T[] _array;
        private int _size;
        private int _version;

        public Stack()
        {
            _array = EmptyArray<T>.Value;
        }

        public Stack(int capacity)
        {
            if (capacity < 0)
                ThrowHelper.ThrowArgumentOutOfRangeException("capacity", capacity, ThrowHelper.NeedNonNegNum);
            _array = new T[capacity];
        }

        // Pushes the elements in order (the last one is on top).
        public Stack(IEnumerable<T> collection)
        {
            if (collection == null)
                ThrowHelper.ThrowArgumentNullException("collection");
            _array = EnumerableHelpers.ToArray(collection, out _size);
        }

        public int Count
        {
            get { return _size; }
        }

        bool ICollection.IsSynchronized
        {
            get { return false; }
        }

        object ICollection.SyncRoot
        {
            get { return this; }
        }

        public void Clear()
        {
            Array.Clear(_array, 0, _size);
            _size = 0;
            _version++;
        }

        public bool Contains(T item)
        {
            int count = _size;
            EqualityComparer<T> c = EqualityComparer<T>.Default;
            while (count-- > 0)
            {
                if (c.Equals(_array[count], item))
                    return true;
            }
            return false;
        }

        // Copies the elements, top first.
        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null)
                ThrowHelper.ThrowArgumentNullException("array");
            if (arrayIndex < 0 || arrayIndex > array.Length)
                ThrowHelper.ThrowArgumentOutOfRangeException("arrayIndex", arrayIndex, ThrowHelper.IndexOutOfRange);
            if (array.Length - arrayIndex < _size)
                ThrowHelper.ThrowInvalidOffLen();
            int srcIndex = 0;
            int dstIndex = arrayIndex + _size;
            while (srcIndex < _size)
                array[--dstIndex] = _array[srcIndex++];
        }

        void ICollection.CopyTo(Array array, int arrayIndex)
        {
            if (array == null)
                ThrowHelper.ThrowArgumentNullException("array");
            if (array.Rank != 1)
                throw new ArgumentException(ThrowHelper.RankMultiDimNotSupported, "array");
            if (array.GetLowerBound(0) != 0)
                throw new ArgumentException(ThrowHelper.NonZeroLowerBound, "array");
            if (arrayIndex < 0 || arrayIndex > array.Length)
                ThrowHelper.ThrowArgumentOutOfRangeException("arrayIndex", arrayIndex, ThrowHelper.IndexOutOfRange);
            if (array.Length - arrayIndex < _size)
                ThrowHelper.ThrowInvalidOffLen();
            try
            {
                Array.Copy(_array, 0, array, arrayIndex, _size);
                // Top first: reverse what was copied.
                for (int i = arrayIndex, j = arrayIndex + _size - 1; i < j; i++, j--)
                {
                    object temp = array.GetValue(i);
                    array.SetValue(array.GetValue(j), i);
                    array.SetValue(temp, j);
                }
            }
            catch (ArrayTypeMismatchException)
            {
                throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
            }
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

        public void TrimExcess()
        {
            int threshold = (int)(((double)_array.Length) * 0.9);
            if (_size < threshold)
            {
                T[] newArray = new T[_size];
                Array.Copy(_array, 0, newArray, 0, _size);
                _array = newArray;
                _version++;
            }
        }

        public T Peek()
        {
            int size = _size - 1;
            if ((uint)size >= (uint)_array.Length)
                ThrowForEmptyStack();
            return _array[size];
        }

        public bool TryPeek(out T result)
        {
            int size = _size - 1;
            if ((uint)size >= (uint)_array.Length)
            {
                result = default(T);
                return false;
            }
            result = _array[size];
            return true;
        }

        public T Pop()
        {
            int size = _size - 1;
            if ((uint)size >= (uint)_array.Length)
                ThrowForEmptyStack();
            _version++;
            _size = size;
            T item = _array[size];
            _array[size] = default(T);
            return item;
        }

        public bool TryPop(out T result)
        {
            int size = _size - 1;
            if ((uint)size >= (uint)_array.Length)
            {
                result = default(T);
                return false;
            }
            _version++;
            _size = size;
            result = _array[size];
            _array[size] = default(T);
            return true;
        }

        public void Push(T item)
        {
            if (_size == _array.Length)
            {
                T[] newArray = new T[_array.Length == 0 ? DefaultCapacity : 2 * _array.Length];
                Array.Copy(_array, 0, newArray, 0, _size);
                _array = newArray;
            }
            _array[_size++] = item;
            _version++;
        }

        // The elements, top first.
        public T[] ToArray()
        {
            if (_size == 0)
                return EmptyArray<T>.Value;
            T[] objArray = new T[_size];
            int i = 0;
            while (i < _size)
            {
                objArray[i] = _array[_size - i - 1];
                i++;
            }
            return objArray;
        }

        private static void ThrowForEmptyStack()
        {
            throw new InvalidOperationException("Stack empty.");
        }

        // Top first; Current throws before the first MoveNext and after the
        // last.
        public struct Enumerator : IEnumerator<T>, IEnumerator
        {
            private readonly Stack<T> _stack;
            private readonly int _version;
            // -2: not started; -1: ended.
            private int _index;
            private T _currentElement;

            internal Enumerator(Stack<T> stack)
            {
                _stack = stack;
                _version = stack._version;
                _index = -2;
                _currentElement = default(T);
            }

            public void Dispose()
            {
                _index = -1;
            }

            public bool MoveNext()
            {
                bool retval;
                if (_version != _stack._version)
                    ThrowHelper.ThrowVersionChanged();
                if (_index == -2)
                {
                    _index = _stack._size - 1;
                    retval = (_index >= 0);
                    if (retval)
                        _currentElement = _stack._array[_index];
                    return retval;
                }
                if (_index == -1)
                    return false;
                retval = (--_index >= 0);
                if (retval)
                    _currentElement = _stack._array[_index];
                else
                    _currentElement = default(T);
                return retval;
            }

            public T Current
            {
                get
                {
                    if (_index < 0)
                        ThrowEnumerationNotStartedOrEnded();
                    return _currentElement;
                }
            }

            private void ThrowEnumerationNotStartedOrEnded()
            {
                throw new InvalidOperationException(_index == -2 ? ThrowHelper.EnumNotStarted : ThrowHelper.EnumEnded);
            }

            object IEnumerator.Current
            {
                get { return Current; }
            }

            void IEnumerator.Reset()
            {
                if (_version != _stack._version)
                    ThrowHelper.ThrowVersionChanged();
                _index = -2;
                _currentElement = default(T);
            }
        }
    }
}
