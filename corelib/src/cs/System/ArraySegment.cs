using System.Collections;
using System.Collections.Generic;

namespace System
{
    // A window (offset, count) on an array: .NET's ArraySegment<T>. The
    // default value has no array; most members then throw
    // InvalidOperationException.
    public struct ArraySegment<T> : IList<T>, IReadOnlyList<T>
    {
        private readonly T[] _array;
        private readonly int _offset;
        private readonly int _count;

        public static ArraySegment<T> Empty
        {
            get { return new ArraySegment<T>(EmptyArray<T>.Value); }
        }

        public ArraySegment(T[] array)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            _array = array;
            _offset = 0;
            _count = array.Length;
        }

        public ArraySegment(T[] array, int offset, int count)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (offset < 0)
                throw new ArgumentOutOfRangeException("offset", "Non-negative number required.");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (array.Length - offset < count)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            _array = array;
            _offset = offset;
            _count = count;
        }

        public T[] Array
        {
            get { return _array; }
        }

        public int Offset
        {
            get { return _offset; }
        }

        public int Count
        {
            get { return _count; }
        }

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_count)
                    ThrowHelper.ThrowIndexArgumentOutOfRange("index");
                return _array[_offset + index];
            }
            set
            {
                if ((uint)index >= (uint)_count)
                    ThrowHelper.ThrowIndexArgumentOutOfRange("index");
                _array[_offset + index] = value;
            }
        }

        public Enumerator GetEnumerator()
        {
            ThrowInvalidOperationIfDefault();
            return new Enumerator(this);
        }

        public override int GetHashCode()
        {
            if (_array == null)
                return 0;
            int hash = 5381;
            hash = ValueTuple.CombineHashCodes(hash, _offset);
            hash = ValueTuple.CombineHashCodes(hash, _count);
            return hash ^ _array.GetHashCode();
        }

        public void CopyTo(T[] destination)
        {
            CopyTo(destination, 0);
        }

        public void CopyTo(T[] destination, int destinationIndex)
        {
            ThrowInvalidOperationIfDefault();
            System.Array.Copy(_array, _offset, destination, destinationIndex, _count);
        }

        public void CopyTo(ArraySegment<T> destination)
        {
            ThrowInvalidOperationIfDefault();
            destination.ThrowInvalidOperationIfDefault();
            if (_count > destination._count)
                throw new ArgumentException("Destination is too short.");
            System.Array.Copy(_array, _offset, destination._array, destination._offset, _count);
        }

        public override bool Equals(object obj)
        {
            return obj is ArraySegment<T> && Equals((ArraySegment<T>)obj);
        }

        // Same array, offset and count.
        public bool Equals(ArraySegment<T> obj)
        {
            return obj._array == _array && obj._offset == _offset && obj._count == _count;
        }

        public ArraySegment<T> Slice(int index)
        {
            ThrowInvalidOperationIfDefault();
            if ((uint)index > (uint)_count)
                ThrowHelper.ThrowIndexArgumentOutOfRange("index");
            return new ArraySegment<T>(_array, _offset + index, _count - index);
        }

        public ArraySegment<T> Slice(int index, int count)
        {
            ThrowInvalidOperationIfDefault();
            if ((uint)index > (uint)_count || (uint)count > (uint)(_count - index))
                ThrowHelper.ThrowIndexArgumentOutOfRange("index");
            return new ArraySegment<T>(_array, _offset + index, count);
        }

        public T[] ToArray()
        {
            ThrowInvalidOperationIfDefault();
            if (_count == 0)
                return EmptyArray<T>.Value;
            T[] array = new T[_count];
            System.Array.Copy(_array, _offset, array, 0, _count);
            return array;
        }

        public static bool operator ==(ArraySegment<T> a, ArraySegment<T> b)
        {
            return a.Equals(b);
        }

        public static bool operator !=(ArraySegment<T> a, ArraySegment<T> b)
        {
            return !(a == b);
        }

        public static implicit operator ArraySegment<T>(T[] array)
        {
            return array != null ? new ArraySegment<T>(array) : default(ArraySegment<T>);
        }

        T IList<T>.this[int index]
        {
            get
            {
                ThrowInvalidOperationIfDefault();
                if (index < 0 || index >= _count)
                    ThrowHelper.ThrowIndexArgumentOutOfRange("index");
                return _array[_offset + index];
            }
            set
            {
                ThrowInvalidOperationIfDefault();
                if (index < 0 || index >= _count)
                    ThrowHelper.ThrowIndexArgumentOutOfRange("index");
                _array[_offset + index] = value;
            }
        }

        int IList<T>.IndexOf(T item)
        {
            ThrowInvalidOperationIfDefault();
            int index = EqualityComparer<T>.Default.IndexOf(_array, item, _offset, _count);
            return index >= 0 ? index - _offset : -1;
        }

        void IList<T>.Insert(int index, T item)
        {
            throw new NotSupportedException();
        }

        void IList<T>.RemoveAt(int index)
        {
            throw new NotSupportedException();
        }

        T IReadOnlyList<T>.this[int index]
        {
            get
            {
                ThrowInvalidOperationIfDefault();
                if (index < 0 || index >= _count)
                    ThrowHelper.ThrowIndexArgumentOutOfRange("index");
                return _array[_offset + index];
            }
        }

        bool ICollection<T>.IsReadOnly
        {
            // The indexer can set elements, but the collection cannot grow
            // or shrink: .NET says read-only.
            get { return true; }
        }

        void ICollection<T>.Add(T item)
        {
            throw new NotSupportedException();
        }

        void ICollection<T>.Clear()
        {
            throw new NotSupportedException();
        }

        bool ICollection<T>.Contains(T item)
        {
            ThrowInvalidOperationIfDefault();
            return EqualityComparer<T>.Default.IndexOf(_array, item, _offset, _count) >= 0;
        }

        bool ICollection<T>.Remove(T item)
        {
            throw new NotSupportedException();
        }

        IEnumerator<T> IEnumerable<T>.GetEnumerator()
        {
            return GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        private void ThrowInvalidOperationIfDefault()
        {
            if (_array == null)
                throw new InvalidOperationException("The underlying array is null.");
        }

        public struct Enumerator : IEnumerator<T>
        {
            private readonly T[] _array;
            private readonly int _start;
            private readonly int _end;
            private int _current;

            internal Enumerator(ArraySegment<T> arraySegment)
            {
                _array = arraySegment._array;
                _start = arraySegment._offset;
                _end = arraySegment._offset + arraySegment._count;
                _current = arraySegment._offset - 1;
            }

            public bool MoveNext()
            {
                if (_current < _end)
                {
                    _current++;
                    return _current < _end;
                }
                return false;
            }

            public T Current
            {
                get
                {
                    if (_current < _start)
                        throw new InvalidOperationException(ThrowHelper.EnumNotStarted);
                    if (_current >= _end)
                        throw new InvalidOperationException(ThrowHelper.EnumEnded);
                    return _array[_current];
                }
            }

            object IEnumerator.Current
            {
                get { return Current; }
            }

            void IEnumerator.Reset()
            {
                _current = _start - 1;
            }

            public void Dispose()
            {
            }
        }
    }
}
