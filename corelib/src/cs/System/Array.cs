using System.Runtime.CompilerServices;

namespace System
{
    // The base class of every array type. The runtime implements the element
    // access instructions (ldlen, ldelem, stelem) and multi-dimensional
    // accessors itself; the members here work for every array. Argument
    // checks are managed code; the work is done by FCalls (vm/src/fcall/arrays.rs).
    public abstract class Array : ICloneable
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
        // calls it for every empty `params` array. Until the runtime has
        // generics, the JIT never compiles this body: it resolves each call
        // Array.Empty<T>() itself, to an empty T[] it allocated once
        // (vm/src/runtime/jitiface.rs, `array_empty`).
        public static T[] Empty<T>()
        {
            return new T[0];
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
    }
}
