using System.Collections;
using System.Runtime.CompilerServices;

namespace System
{
    // The base class of every array type. The runtime implements the element
    // access instructions (ldlen, ldelem, stelem) and multi-dimensional
    // accessors itself; the members here work for every array. Argument
    // checks are managed code; the work is done by FCalls (vm/src/fcall/arrays.rs).
    public abstract partial class Array : ICloneable, IEnumerable
    {
        private Array()
        {
        }

        // Total number of elements (all dimensions).
        public int Length
        {
            get { return InternalGetTotalLength(this); }
        }

        public long LongLength
        {
            get { return InternalGetTotalLength(this); }
        }

        public int Rank
        {
            get { return InternalGetRank(this); }
        }

        public int GetLength(int dimension)
        {
            CheckDimension(dimension);
            return InternalGetLength(this, dimension);
        }

        public int GetLowerBound(int dimension)
        {
            CheckDimension(dimension);
            return InternalGetLowerBound(this, dimension);
        }

        public int GetUpperBound(int dimension)
        {
            CheckDimension(dimension);
            return InternalGetLowerBound(this, dimension) + InternalGetLength(this, dimension) - 1;
        }

        private void CheckDimension(int dimension)
        {
            if (dimension < 0 || dimension >= InternalGetRank(this))
                throw new IndexOutOfRangeException();
        }

        // An empty array of T (the same one on every call for one T). mcs
        // calls it for every empty `params` array.
        public static T[] Empty<T>()
        {
            return EmptyArray<T>.Value;
        }

        // The element at `index` of a one-dimensional array, boxed when the
        // element type is a value type (an enum's box is of the enum type).
        public object GetValue(int index)
        {
            if (InternalGetRank(this) != 1)
                throw new ArgumentException("Only single dimensional arrays are supported for the requested action.");
            int lower = InternalGetLowerBound(this, 0);
            if (index < lower || index - lower >= InternalGetLength(this, 0))
                throw new IndexOutOfRangeException("Index has to be between upper and lower bound of the array.");
            return InternalGetValue(this, index - lower);
        }

        // Stores `value` at `index` of a one-dimensional array, as mono does:
        // null stores the element type's default value; a reference must be
        // assignable to the element type (InvalidCastException); a boxed
        // primitive (or enum) of another type is widened when nothing is
        // lost (else ArgumentException: "not a widening conversion").
        public void SetValue(object value, int index)
        {
            if (InternalGetRank(this) != 1)
                throw new ArgumentException("Only single dimensional arrays are supported for the requested action.");
            int lower = InternalGetLowerBound(this, 0);
            if (index < lower || index - lower >= InternalGetLength(this, 0))
                throw new IndexOutOfRangeException("Index has to be >= lower bound and <= upper bound of the array.");
            InternalSetValue(this, value, index - lower);
        }

        // Every element, in row-major order for multi-dimensional arrays
        // (what `foreach` over an IEnumerable that is an array uses).
        public IEnumerator GetEnumerator()
        {
            return new ArrayEnumerator(this);
        }

        // Mono's System.Array+ArrayEnumerator.
        private sealed class ArrayEnumerator : IEnumerator, ICloneable
        {
            private Array _array;
            private int _index;
            private int _endIndex;

            internal ArrayEnumerator(Array array)
            {
                _array = array;
                _index = -1;
                _endIndex = array.Length;
            }

            public bool MoveNext()
            {
                if (_index < _endIndex)
                {
                    _index++;
                    return _index < _endIndex;
                }
                return false;
            }

            public void Reset()
            {
                _index = -1;
            }

            public object Current
            {
                get
                {
                    if (_index < 0)
                        throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                    if (_index >= _endIndex)
                        throw new InvalidOperationException("Enumeration already finished.");
                    return InternalGetValue(_array, _index);
                }
            }

            public object Clone()
            {
                return MemberwiseClone();
            }
        }

        // A shallow copy: same type and dimensions, same elements.
        public object Clone()
        {
            return MemberwiseClone();
        }

        public static void Copy(Array sourceArray, Array destinationArray, int length)
        {
            if (sourceArray == null)
                throw new ArgumentNullException("sourceArray");
            if (destinationArray == null)
                throw new ArgumentNullException("destinationArray");
            Copy(sourceArray, 0, destinationArray, 0, length);
        }

        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null)
                throw new ArgumentNullException("sourceArray");
            if (destinationArray == null)
                throw new ArgumentNullException("destinationArray");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Value has to be >= 0.");
            if (sourceIndex < 0)
                throw new ArgumentOutOfRangeException("sourceIndex", "Value has to be >= 0.");
            if (destinationIndex < 0)
                throw new ArgumentOutOfRangeException("destinationIndex", "Value has to be >= 0.");
            if (sourceArray.Rank != destinationArray.Rank)
                throw new RankException("Only single dimension arrays are supported here.");
            if (sourceIndex > sourceArray.Length - length)
                throw new ArgumentException("length");
            if (destinationIndex > destinationArray.Length - length)
                throw new ArgumentException("Destination array was not long enough. Check destIndex and length, and the array's lower bounds");
            InternalCopy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
        }

        // Sets `length` elements from `index` to their default value.
        public static void Clear(Array array, int index, int length)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (index < 0 || length < 0 || index > array.Length - length)
                throw new IndexOutOfRangeException();
            InternalClear(array, index, length);
        }

        // ----- FCalls ---------------------------------------------------------

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalGetTotalLength(Array array);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalGetRank(Array array);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalGetLength(Array array, int dimension);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalGetLowerBound(Array array, int dimension);

        // Copies elements (overlapping ranges are fine); raises
        // ArrayTypeMismatchException or InvalidCastException when the element
        // types do not allow it.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void InternalCopy(Array source, int sourceIndex, Array destination, int destinationIndex, int length);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void InternalClear(Array array, int index, int length);

        // The element at `flatIndex` (over all dimensions, row-major),
        // boxed for value types.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern object InternalGetValue(Array array, int flatIndex);

        // Stores `value` at `flatIndex` with mono's conversions and checks.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void InternalSetValue(Array array, object value, int flatIndex);
    }
}
