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
            Type se = sourceArray.GetType().GetElementType();
            Type de = destinationArray.GetType().GetElementType();
            if ((object)se == (object)de || (!se.IsValueType && !de.IsValueType))
            {
                InternalCopy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
                return;
            }
            CopyConverting(sourceArray, sourceIndex, destinationArray, destinationIndex, length, se, de);
        }

        // Copies between arrays of different element types, as .NET's
        // Array.Copy does: boxing into an array of references the element
        // type is assignable to, unboxing out of one (each element must be a
        // boxed destination element type: InvalidCastException otherwise),
        // and widening between primitives.
        private static void CopyConverting(Array source, int sourceIndex, Array destination, int destinationIndex, int length, Type se, Type de)
        {
            if (se.IsValueType && !de.IsValueType)
            {
                if (!de.IsAssignableFrom(se))
                    throw new ArrayTypeMismatchException("Source array type cannot be assigned to destination array type.");
                for (int i = 0; i < length; i++)
                    InternalSetValue(destination, InternalGetValue(source, sourceIndex + i), destinationIndex + i);
                return;
            }
            if (!se.IsValueType && de.IsValueType)
            {
                if (!se.IsAssignableFrom(de))
                    throw new ArrayTypeMismatchException("Source array type cannot be assigned to destination array type.");
                for (int i = 0; i < length; i++)
                {
                    object o = InternalGetValue(source, sourceIndex + i);
                    if (o == null || (object)o.GetType() != (object)de)
                        throw new InvalidCastException("At least one element in the source array could not be cast down to the destination array type.");
                    InternalSetValue(destination, o, destinationIndex + i);
                }
                return;
            }
            if (!IsPrimitiveWidening(se, de))
                throw new ArrayTypeMismatchException("Source array type cannot be assigned to destination array type.");
            for (int i = 0; i < length; i++)
                InternalSetValue(destination, InternalGetValue(source, sourceIndex + i), destinationIndex + i);
        }

        // The widening conversions between primitives Array.Copy makes
        // (enums count as their underlying type).
        private static bool IsPrimitiveWidening(Type from, Type to)
        {
            TypeCode f = Type.GetTypeCode(from);
            TypeCode t = Type.GetTypeCode(to);
            if (!from.IsPrimitive && !from.IsEnum || !to.IsPrimitive && !to.IsEnum)
                return false;
            if (f == t)
                return true;
            switch (f)
            {
                case TypeCode.Char:
                    return t == TypeCode.UInt16 || t == TypeCode.UInt32 || t == TypeCode.Int32 || t == TypeCode.UInt64 || t == TypeCode.Int64 || t == TypeCode.Single || t == TypeCode.Double;
                case TypeCode.SByte:
                    return t == TypeCode.Int16 || t == TypeCode.Int32 || t == TypeCode.Int64 || t == TypeCode.Single || t == TypeCode.Double;
                case TypeCode.Byte:
                    return t == TypeCode.Char || t == TypeCode.UInt16 || t == TypeCode.Int16 || t == TypeCode.UInt32 || t == TypeCode.Int32 || t == TypeCode.UInt64 || t == TypeCode.Int64 || t == TypeCode.Single || t == TypeCode.Double;
                case TypeCode.Int16:
                    return t == TypeCode.Int32 || t == TypeCode.Int64 || t == TypeCode.Single || t == TypeCode.Double;
                case TypeCode.UInt16:
                    return t == TypeCode.Char || t == TypeCode.UInt32 || t == TypeCode.Int32 || t == TypeCode.UInt64 || t == TypeCode.Int64 || t == TypeCode.Single || t == TypeCode.Double;
                case TypeCode.Int32:
                    return t == TypeCode.Int64 || t == TypeCode.Single || t == TypeCode.Double;
                case TypeCode.UInt32:
                    return t == TypeCode.UInt64 || t == TypeCode.Int64 || t == TypeCode.Single || t == TypeCode.Double;
                case TypeCode.Int64:
                case TypeCode.UInt64:
                    return t == TypeCode.Single || t == TypeCode.Double;
                case TypeCode.Single:
                    return t == TypeCode.Double;
            }
            return false;
        }

        public static void Copy(Array sourceArray, long sourceIndex, Array destinationArray, long destinationIndex, long length)
        {
            if (sourceIndex > int.MaxValue || sourceIndex < int.MinValue)
                throw new ArgumentOutOfRangeException("sourceIndex", "Arrays larger than 2GB are not supported.");
            if (destinationIndex > int.MaxValue || destinationIndex < int.MinValue)
                throw new ArgumentOutOfRangeException("destinationIndex", "Arrays larger than 2GB are not supported.");
            if (length > int.MaxValue || length < int.MinValue)
                throw new ArgumentOutOfRangeException("length", "Arrays larger than 2GB are not supported.");
            Copy(sourceArray, (int)sourceIndex, destinationArray, (int)destinationIndex, (int)length);
        }

        public static void Copy(Array sourceArray, Array destinationArray, long length)
        {
            if (length > int.MaxValue || length < int.MinValue)
                throw new ArgumentOutOfRangeException("length", "Arrays larger than 2GB are not supported.");
            Copy(sourceArray, destinationArray, (int)length);
        }

        // ----- Creating arrays from Type objects --------------------------

        public static Array CreateInstance(Type elementType, int length)
        {
            return CreateInstance(elementType, new int[] { length }, null);
        }

        public static Array CreateInstance(Type elementType, int length1, int length2)
        {
            return CreateInstance(elementType, new int[] { length1, length2 }, null);
        }

        public static Array CreateInstance(Type elementType, int length1, int length2, int length3)
        {
            return CreateInstance(elementType, new int[] { length1, length2, length3 }, null);
        }

        public static Array CreateInstance(Type elementType, params int[] lengths)
        {
            return CreateInstance(elementType, lengths, null);
        }

        public static Array CreateInstance(Type elementType, params long[] lengths)
        {
            if (lengths == null)
                throw new ArgumentNullException("lengths");
            int[] ints = new int[lengths.Length];
            for (int i = 0; i < lengths.Length; i++)
            {
                if (lengths[i] > int.MaxValue || lengths[i] < int.MinValue)
                    throw new ArgumentOutOfRangeException("len", "Arrays larger than 2GB are not supported.");
                ints[i] = (int)lengths[i];
            }
            return CreateInstance(elementType, ints, null);
        }

        // An array of `elementType` with these lengths and lower bounds (a
        // one-dimensional array with lower bound 0 is a T[]; with another
        // lower bound it is a T[*], as in .NET).
        public static Array CreateInstance(Type elementType, int[] lengths, int[] lowerBounds)
        {
            if (elementType == null)
                throw new ArgumentNullException("elementType");
            if (lengths == null)
                throw new ArgumentNullException("lengths");
            if (lengths.Length == 0)
                throw new ArgumentException("Must provide at least one rank.");
            if (lowerBounds != null && lowerBounds.Length != lengths.Length)
                throw new ArgumentException("The arrays must have the same number of elements.", "lengths");
            for (int i = 0; i < lengths.Length; i++)
            {
                if (lengths[i] < 0)
                    throw new ArgumentOutOfRangeException("lengths[" + i.ToString() + "]", "Non-negative number required.");
            }
            RuntimeType rt = elementType as RuntimeType;
            if (rt == null)
                throw new ArgumentException("Type must be a type provided by the runtime.", "elementType");
            if ((object)elementType == (object)typeof(void))
                throw new NotSupportedException("Arrays of System.Void are not supported.");
            bool zeroBased = true;
            if (lowerBounds != null)
            {
                for (int i = 0; i < lowerBounds.Length; i++)
                {
                    if (lowerBounds[i] != 0)
                        zeroBased = false;
                }
            }
            int rank = lengths.Length == 1 && zeroBased ? 0 : lengths.Length;
            IntPtr arrayType = RuntimeType.MakeArrayTypeHandle(rt.m_handle, rank);
            return InternalCreate(arrayType, lengths, lowerBounds);
        }

        // FCall (vm/src/fcall/reflection.rs): a new array of `arrayType`
        // (from RuntimeType.MakeArrayTypeHandle) with these lengths and
        // lower bounds (null: all 0). Allocates under a helper frame.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern Array InternalCreate(IntPtr arrayType, int[] lengths, int[] lowerBounds);

        // ----- Multi-dimensional access ------------------------------------

        // The element at these indices (one per dimension, each within its
        // lower bound and length).
        public object GetValue(params int[] indices)
        {
            return InternalGetValue(this, FlatIndex(indices));
        }

        public object GetValue(int index1, int index2)
        {
            return InternalGetValue(this, FlatIndex(new int[] { index1, index2 }));
        }

        public object GetValue(int index1, int index2, int index3)
        {
            return InternalGetValue(this, FlatIndex(new int[] { index1, index2, index3 }));
        }

        public object GetValue(long index)
        {
            if (index > int.MaxValue || index < int.MinValue)
                throw new ArgumentOutOfRangeException("index", "Arrays larger than 2GB are not supported.");
            return GetValue((int)index);
        }

        public void SetValue(object value, params int[] indices)
        {
            InternalSetValue(this, value, FlatIndex(indices));
        }

        public void SetValue(object value, int index1, int index2)
        {
            InternalSetValue(this, value, FlatIndex(new int[] { index1, index2 }));
        }

        public void SetValue(object value, int index1, int index2, int index3)
        {
            InternalSetValue(this, value, FlatIndex(new int[] { index1, index2, index3 }));
        }

        public void SetValue(object value, long index)
        {
            if (index > int.MaxValue || index < int.MinValue)
                throw new ArgumentOutOfRangeException("index", "Arrays larger than 2GB are not supported.");
            SetValue(value, (int)index);
        }

        private int FlatIndex(int[] indices)
        {
            if (indices == null)
                throw new ArgumentNullException("indices");
            int rank = InternalGetRank(this);
            if (indices.Length != rank)
                throw new ArgumentException("Indices length does not match the array rank.");
            int flat = 0;
            for (int d = 0; d < rank; d++)
            {
                int lower = InternalGetLowerBound(this, d);
                int length = InternalGetLength(this, d);
                int i = indices[d] - lower;
                if (i < 0 || i >= length)
                    throw new IndexOutOfRangeException("Index was outside the bounds of the array.");
                flat = flat * length + i;
            }
            return flat;
        }

        // ----- Searching and reordering (non-generic) --------------------

        public static int IndexOf(Array array, object value)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return IndexOf(array, value, InternalGetLowerBound(array, 0), array.Length);
        }

        public static int IndexOf(Array array, object value, int startIndex)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            int lower = InternalGetLowerBound(array, 0);
            return IndexOf(array, value, startIndex, array.Length - (startIndex - lower));
        }

        public static int IndexOf(Array array, object value, int startIndex, int count)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (array.Rank != 1)
                throw new RankException("Only single dimension arrays are supported here.");
            int lower = InternalGetLowerBound(array, 0);
            if (startIndex < lower || startIndex > array.Length + lower)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || count > array.Length - (startIndex - lower))
                throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            for (int i = 0; i < count; i++)
            {
                object o = InternalGetValue(array, startIndex - lower + i);
                if (value == null ? o == null : value.Equals(o))
                    return startIndex + i;
            }
            return lower - 1;
        }

        public static int LastIndexOf(Array array, object value)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            int lower = InternalGetLowerBound(array, 0);
            for (int i = array.Length - 1; i >= 0; i--)
            {
                object o = InternalGetValue(array, i);
                if (value == null ? o == null : value.Equals(o))
                    return lower + i;
            }
            return lower - 1;
        }

        public static void Reverse(Array array)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            Reverse(array, InternalGetLowerBound(array, 0), array.Length);
        }

        public static void Reverse(Array array, int index, int length)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (array.Rank != 1)
                throw new RankException("Only single dimension arrays are supported here.");
            int lower = InternalGetLowerBound(array, 0);
            if (index < lower || length < 0 || array.Length - (index - lower) < length)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            int i = index - lower;
            int j = i + length - 1;
            while (i < j)
            {
                object a = InternalGetValue(array, i);
                InternalSetValue(array, InternalGetValue(array, j), i);
                InternalSetValue(array, a, j);
                i++;
                j--;
            }
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
