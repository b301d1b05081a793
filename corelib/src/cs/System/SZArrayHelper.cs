using System.Collections;
using System.Collections.Generic;

namespace System
{
    // How a single-dimensional, zero-based array T[] implements IList<T>,
    // ICollection<T>, IEnumerable<T>, IReadOnlyList<T> and
    // IReadOnlyCollection<T> (CoreCLR's SZArrayHelper). The runtime fills the
    // vtable of each array type with these static methods: each takes the
    // array where an interface method takes `this`, which the managed calling
    // convention passes the same way (vm/src/loader/arrays.rs). Messages are
    // mono's.
    internal static class SZArrayHelper<T>
    {
        internal static IEnumerator<T> GetEnumerator(T[] array)
        {
            return new SZGenericArrayEnumerator<T>(array);
        }

        internal static int get_Count(T[] array)
        {
            return array.Length;
        }

        internal static T get_Item(T[] array, int index)
        {
            if ((uint)index >= (uint)array.Length)
                throw new ArgumentOutOfRangeException("index");
            return array[index];
        }

        internal static void set_Item(T[] array, int index, T value)
        {
            if ((uint)index >= (uint)array.Length)
                throw new ArgumentOutOfRangeException("index");
            array[index] = value;
        }

        internal static bool get_IsReadOnly(T[] array)
        {
            return true;
        }

        internal static void Add(T[] array, T item)
        {
            throw new NotSupportedException("Collection is of a fixed size");
        }

        internal static void Clear(T[] array)
        {
            throw new NotSupportedException("Collection is of a fixed size");
        }

        internal static bool Contains(T[] array, T item)
        {
            return Array.IndexOf<T>(array, item) >= 0;
        }

        internal static void CopyTo(T[] array, T[] destination, int arrayIndex)
        {
            Array.Copy(array, 0, destination, arrayIndex, array.Length);
        }

        internal static bool Remove(T[] array, T item)
        {
            throw new NotSupportedException("Collection is of a fixed size");
        }

        internal static int IndexOf(T[] array, T item)
        {
            return Array.IndexOf<T>(array, item);
        }

        internal static void Insert(T[] array, int index, T item)
        {
            throw new NotSupportedException("Collection is of a fixed size");
        }

        internal static void RemoveAt(T[] array, int index)
        {
            throw new NotSupportedException("Collection is of a fixed size");
        }
    }

    // The enumerator of T[] as an IEnumerable<T> (mono's Array+InternalEnumerator).
    internal sealed class SZGenericArrayEnumerator<T> : IEnumerator<T>
    {
        private readonly T[] array;
        // -2: not started; -1: finished; otherwise the index of Current.
        private int index;

        internal SZGenericArrayEnumerator(T[] array)
        {
            this.array = array;
            index = -2;
        }

        public bool MoveNext()
        {
            if (index == -2)
                index = array.Length;
            return index != -1 && --index != -1;
        }

        public T Current
        {
            get
            {
                if (index == -2)
                    throw new InvalidOperationException("Enumeration has not started. Call MoveNext");
                if (index == -1)
                    throw new InvalidOperationException("Enumeration already finished");
                return array[array.Length - 1 - index];
            }
        }

        object IEnumerator.Current
        {
            get { return Current; }
        }

        public void Reset()
        {
            index = -2;
        }

        public void Dispose()
        {
            index = -2;
        }
    }
}
