namespace System.Collections.Generic
{
    // A first-in, first-out queue in a circular array (doubling, at least
    // 4 more, when full): .NET's Queue<T>.
    public class Queue<T> : IEnumerable<T>, ICollection, IReadOnlyCollection<T>
    {
        private const int MinimumGrow = 4;
        private const int GrowFactor = 200;

        private T[] _array;
        private int _head;
        private int _tail;
        private int _size;
        private int _version;

        public Queue()
        {
            _array = EmptyArray<T>.Value;
        }

        public Queue(int capacity)
        {
            if (capacity < 0)
                ThrowHelper.ThrowArgumentOutOfRangeException("capacity", capacity, ThrowHelper.NeedNonNegNum);
            _array = new T[capacity];
        }

        public Queue(IEnumerable<T> collection)
        {
            if (collection == null)
                ThrowHelper.ThrowArgumentNullException("collection");
            _array = EnumerableHelpers.ToArray(collection, out _size);
            if (_size != _array.Length)
                _tail = _size;
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
            if (_size != 0)
            {
                if (_head < _tail)
                {
                    Array.Clear(_array, _head, _size);
                }
                else
                {
                    Array.Clear(_array, _head, _array.Length - _head);
                    Array.Clear(_array, 0, _tail);
                }
                _size = 0;
            }
            _head = 0;
            _tail = 0;
            _version++;
        }

        // Copies the elements, oldest first.
        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null)
                ThrowHelper.ThrowArgumentNullException("array");
            if (arrayIndex < 0 || arrayIndex > array.Length)
                ThrowHelper.ThrowArgumentOutOfRangeException("arrayIndex", arrayIndex, ThrowHelper.IndexOutOfRange);
            int arrayLen = array.Length;
            if (arrayLen - arrayIndex < _size)
                ThrowHelper.ThrowInvalidOffLen();
            int numToCopy = _size;
            if (numToCopy == 0)
                return;
            int firstPart = Math.Min(_array.Length - _head, numToCopy);
            Array.Copy(_array, _head, array, arrayIndex, firstPart);
            numToCopy -= firstPart;
            if (numToCopy > 0)
                Array.Copy(_array, 0, array, arrayIndex + _array.Length - _head, numToCopy);
        }

        void ICollection.CopyTo(Array array, int index)
        {
            if (array == null)
                ThrowHelper.ThrowArgumentNullException("array");
            if (array.Rank != 1)
                throw new ArgumentException(ThrowHelper.RankMultiDimNotSupported, "array");
            if (array.GetLowerBound(0) != 0)
                throw new ArgumentException(ThrowHelper.NonZeroLowerBound, "array");
            int arrayLen = array.Length;
            if (index < 0 || index > arrayLen)
                ThrowHelper.ThrowArgumentOutOfRangeException("index", index, ThrowHelper.IndexOutOfRange);
            if (arrayLen - index < _size)
                ThrowHelper.ThrowInvalidOffLen();
            int numToCopy = _size;
            if (numToCopy == 0)
                return;
            try
            {
                int firstPart = (_array.Length - _head < numToCopy) ? _array.Length - _head : numToCopy;
                Array.Copy(_array, _head, array, index, firstPart);
                numToCopy -= firstPart;
                if (numToCopy > 0)
                    Array.Copy(_array, 0, array, index + _array.Length - _head, numToCopy);
            }
            catch (ArrayTypeMismatchException)
            {
                throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
            }
        }

        // Adds `item` at the end.
        public void Enqueue(T item)
        {
            if (_size == _array.Length)
            {
                int newcapacity = (int)((long)_array.Length * (long)GrowFactor / 100);
                if (newcapacity < _array.Length + MinimumGrow)
                    newcapacity = _array.Length + MinimumGrow;
                SetCapacity(newcapacity);
            }
            _array[_tail] = item;
            MoveNext(ref _tail);
            _size++;
            _version++;
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

        // Removes and returns the oldest element.
        public T Dequeue()
        {
            if (_size == 0)
                ThrowForEmptyQueue();
            T removed = _array[_head];
            _array[_head] = default(T);
            MoveNext(ref _head);
            _size--;
            _version++;
            return removed;
        }

        public bool TryDequeue(out T result)
        {
            if (_size == 0)
            {
                result = default(T);
                return false;
            }
            result = _array[_head];
            _array[_head] = default(T);
            MoveNext(ref _head);
            _size--;
            _version++;
            return true;
        }

        public T Peek()
        {
            if (_size == 0)
                ThrowForEmptyQueue();
            return _array[_head];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0)
            {
                result = default(T);
                return false;
            }
            result = _array[_head];
            return true;
        }

        public bool Contains(T item)
        {
            int index = _head;
            int count = _size;
            EqualityComparer<T> c = EqualityComparer<T>.Default;
            while (count-- > 0)
            {
                if (c.Equals(_array[index], item))
                    return true;
                MoveNext(ref index);
            }
            return false;
        }

        private T GetElement(int i)
        {
            return _array[(_head + i) % _array.Length];
        }

        // The elements, oldest first.
        public T[] ToArray()
        {
            if (_size == 0)
                return EmptyArray<T>.Value;
            T[] arr = new T[_size];
            if (_head < _tail)
            {
                Array.Copy(_array, _head, arr, 0, _size);
            }
            else
            {
                Array.Copy(_array, _head, arr, 0, _array.Length - _head);
                Array.Copy(_array, 0, arr, _array.Length - _head, _tail);
            }
            return arr;
        }

        private void SetCapacity(int capacity)
        {
            T[] newarray = new T[capacity];
            if (_size > 0)
            {
                if (_head < _tail)
                {
                    Array.Copy(_array, _head, newarray, 0, _size);
                }
                else
                {
                    Array.Copy(_array, _head, newarray, 0, _array.Length - _head);
                    Array.Copy(_array, 0, newarray, _array.Length - _head, _tail);
                }
            }
            _array = newarray;
            _head = 0;
            _tail = (_size == capacity) ? 0 : _size;
            _version++;
        }

        private void MoveNext(ref int index)
        {
            int tmp = index + 1;
            index = (tmp == _array.Length) ? 0 : tmp;
        }

        private static void ThrowForEmptyQueue()
        {
            throw new InvalidOperationException("Queue empty.");
        }

        public void TrimExcess()
        {
            int threshold = (int)(((double)_array.Length) * 0.9);
            if (_size < threshold)
                SetCapacity(_size);
        }

        // Oldest first; Current throws before the first MoveNext and after
        // the last.
        public struct Enumerator : IEnumerator<T>, IEnumerator
        {
            private readonly Queue<T> _q;
            private readonly int _version;
            // -1: not started; -2: ended.
            private int _index;
            private T _currentElement;

            internal Enumerator(Queue<T> q)
            {
                _q = q;
                _version = q._version;
                _index = -1;
                _currentElement = default(T);
            }

            public void Dispose()
            {
                _index = -2;
                _currentElement = default(T);
            }

            public bool MoveNext()
            {
                if (_version != _q._version)
                    ThrowHelper.ThrowVersionChanged();
                if (_index == -2)
                    return false;
                _index++;
                if (_index == _q._size)
                {
                    _index = -2;
                    _currentElement = default(T);
                    return false;
                }
                _currentElement = _q.GetElement(_index);
                return true;
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
                throw new InvalidOperationException(_index == -1 ? ThrowHelper.EnumNotStarted : ThrowHelper.EnumEnded);
            }

            object IEnumerator.Current
            {
                get { return Current; }
            }

            void IEnumerator.Reset()
            {
                if (_version != _q._version)
                    ThrowHelper.ThrowVersionChanged();
                _index = -1;
                _currentElement = default(T);
            }
        }
    }
}
