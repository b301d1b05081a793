using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace System
{
    // Array's generic static methods (.NET's names, overloads, argument
    // checks and messages). Sorting and searching are in
    // System.Collections.Generic.ArraySortHelper; equality is
    // EqualityComparer<T>.Default's, order Comparer<T>.Default's unless a
    // comparer is given.
    //
    // corelib/tests/generic_library.rs also compiles this file against
    // Mono's mscorlib, with the class renamed: keep it to Array's generic
    // methods, calling other Array members as `Array.X`.
    public abstract partial class Array
    {
        public static ReadOnlyCollection<T> AsReadOnly<T>(T[] array)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return new ReadOnlyCollection<T>(array);
        }

        // Gives `array` a new array of `newSize` elements holding the first
        // elements of the old one (a new array even when it was null).
        public static void Resize<T>(ref T[] array, int newSize)
        {
            if (newSize < 0)
                throw new ArgumentOutOfRangeException("newSize", "Non-negative number required.");
            T[] larray = array;
            if (larray == null)
            {
                array = new T[newSize];
                return;
            }
            if (larray.Length != newSize)
            {
                T[] newArray = new T[newSize];
                Array.Copy(larray, 0, newArray, 0, larray.Length > newSize ? newSize : larray.Length);
                array = newArray;
            }
        }

        // ----- Sorting and binary search --------------------------------

        public static void Sort<T>(T[] array)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            Sort<T>(array, 0, array.Length, null);
        }

        public static void Sort<T>(T[] array, int index, int length)
        {
            Sort<T>(array, index, length, null);
        }

        public static void Sort<T>(T[] array, IComparer<T> comparer)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            Sort<T>(array, 0, array.Length, comparer);
        }

        public static void Sort<T>(T[] array, int index, int length, IComparer<T> comparer)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (index < 0 || length < 0)
                throw new ArgumentOutOfRangeException(length < 0 ? "length" : "index", "Non-negative number required.");
            if (array.Length - index < length)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (length > 1)
                ArraySortHelper<T>.Sort(array, index, length, comparer);
        }

        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (comparison == null)
                throw new ArgumentNullException("comparison");
            ArraySortHelper<T>.Sort(array, 0, array.Length, new ComparisonComparer<T>(comparison));
        }

        // Sorts `keys`, moving each element of `items` (when not null) with
        // its key.
        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items)
        {
            if (keys == null)
                throw new ArgumentNullException("keys");
            Sort<TKey, TValue>(keys, items, 0, keys.Length, null);
        }

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length)
        {
            Sort<TKey, TValue>(keys, items, index, length, null);
        }

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, IComparer<TKey> comparer)
        {
            if (keys == null)
                throw new ArgumentNullException("keys");
            Sort<TKey, TValue>(keys, items, 0, keys.Length, comparer);
        }

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length, IComparer<TKey> comparer)
        {
            if (keys == null)
                throw new ArgumentNullException("keys");
            if (index < 0 || length < 0)
                throw new ArgumentOutOfRangeException(length < 0 ? "length" : "index", "Non-negative number required.");
            if (keys.Length - index < length || (items != null && index > items.Length - length))
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (length > 1)
            {
                if (items == null)
                    ArraySortHelper<TKey>.Sort(keys, index, length, comparer);
                else
                    ArraySortHelper<TKey, TValue>.Sort(keys, items, index, length, comparer);
            }
        }

        public static int BinarySearch<T>(T[] array, T value)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return BinarySearch<T>(array, 0, array.Length, value, null);
        }

        public static int BinarySearch<T>(T[] array, T value, IComparer<T> comparer)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return BinarySearch<T>(array, 0, array.Length, value, comparer);
        }

        public static int BinarySearch<T>(T[] array, int index, int length, T value)
        {
            return BinarySearch<T>(array, index, length, value, null);
        }

        // The index of `value` in the sorted range, or the bitwise
        // complement of the index of the first greater element.
        public static int BinarySearch<T>(T[] array, int index, int length, T value, IComparer<T> comparer)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (index < 0 || length < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "length", "Non-negative number required.");
            if (array.Length - index < length)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            return ArraySortHelper<T>.BinarySearch(array, index, length, value, comparer);
        }

        // ----- Searching by equality --------------------------------------

        public static int IndexOf<T>(T[] array, T value)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return EqualityComparer<T>.Default.IndexOf(array, value, 0, array.Length);
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return IndexOf<T>(array, value, startIndex, array.Length - startIndex);
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if ((uint)count > (uint)(array.Length - startIndex))
                throw new ArgumentOutOfRangeException("count", CountMessage);
            return EqualityComparer<T>.Default.IndexOf(array, value, startIndex, count);
        }

        public static int LastIndexOf<T>(T[] array, T value)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return LastIndexOf<T>(array, value, array.Length - 1, array.Length);
        }

        public static int LastIndexOf<T>(T[] array, T value, int startIndex)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return LastIndexOf<T>(array, value, startIndex, array.Length == 0 ? 0 : startIndex + 1);
        }

        // Searches backwards from `startIndex` over `count` elements.
        public static int LastIndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (array.Length == 0)
            {
                if (startIndex != -1 && startIndex != 0)
                    throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
                if (count != 0)
                    throw new ArgumentOutOfRangeException("count", CountMessage);
                return -1;
            }
            if ((uint)startIndex >= (uint)array.Length)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0 || startIndex - count + 1 < 0)
                throw new ArgumentOutOfRangeException("count", CountMessage);
            return EqualityComparer<T>.Default.LastIndexOf(array, value, startIndex, count);
        }

        // ----- Reversing and filling ----------------------------------------

        public static void Reverse<T>(T[] array)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            ArraySortHelper<T>.Reverse(array, 0, array.Length);
        }

        public static void Reverse<T>(T[] array, int index, int length)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (index < 0 || length < 0)
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "length", "Non-negative number required.");
            if (array.Length - index < length)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            ArraySortHelper<T>.Reverse(array, index, length);
        }

        public static void Fill<T>(T[] array, T value)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            for (int i = 0; i < array.Length; i++)
                array[i] = value;
        }

        public static void Fill<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if ((uint)count > (uint)(array.Length - startIndex))
                throw new ArgumentOutOfRangeException("count", CountMessage);
            for (int i = startIndex; i < startIndex + count; i++)
                array[i] = value;
        }

        // ----- Searching with predicates ----------------------------------

        public static bool Exists<T>(T[] array, Predicate<T> match)
        {
            return FindIndex<T>(array, match) != -1;
        }

        public static T Find<T>(T[] array, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (match == null)
                throw new ArgumentNullException("match");
            for (int i = 0; i < array.Length; i++)
            {
                if (match(array[i]))
                    return array[i];
            }
            return default(T);
        }

        public static T[] FindAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (match == null)
                throw new ArgumentNullException("match");
            List<T> list = new List<T>();
            for (int i = 0; i < array.Length; i++)
            {
                if (match(array[i]))
                    list.Add(array[i]);
            }
            return list.ToArray();
        }

        public static int FindIndex<T>(T[] array, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return FindIndex<T>(array, 0, array.Length, match);
        }

        public static int FindIndex<T>(T[] array, int startIndex, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return FindIndex<T>(array, startIndex, array.Length - startIndex, match);
        }

        public static int FindIndex<T>(T[] array, int startIndex, int count, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (startIndex < 0 || startIndex > array.Length)
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0 || startIndex > array.Length - count)
                throw new ArgumentOutOfRangeException("count", CountMessage);
            if (match == null)
                throw new ArgumentNullException("match");
            int endIndex = startIndex + count;
            for (int i = startIndex; i < endIndex; i++)
            {
                if (match(array[i]))
                    return i;
            }
            return -1;
        }

        public static T FindLast<T>(T[] array, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (match == null)
                throw new ArgumentNullException("match");
            for (int i = array.Length - 1; i >= 0; i--)
            {
                if (match(array[i]))
                    return array[i];
            }
            return default(T);
        }

        public static int FindLastIndex<T>(T[] array, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return FindLastIndex<T>(array, array.Length - 1, array.Length, match);
        }

        public static int FindLastIndex<T>(T[] array, int startIndex, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            return FindLastIndex<T>(array, startIndex, startIndex + 1, match);
        }

        public static int FindLastIndex<T>(T[] array, int startIndex, int count, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (match == null)
                throw new ArgumentNullException("match");
            if (array.Length == 0)
            {
                if (startIndex != -1)
                    throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            }
            else if (startIndex < 0 || startIndex >= array.Length)
            {
                throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            }
            if (count < 0 || startIndex - count + 1 < 0)
                throw new ArgumentOutOfRangeException("count", CountMessage);
            int endIndex = startIndex - count;
            for (int i = startIndex; i > endIndex; i--)
            {
                if (match(array[i]))
                    return i;
            }
            return -1;
        }

        public static bool TrueForAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (match == null)
                throw new ArgumentNullException("match");
            for (int i = 0; i < array.Length; i++)
            {
                if (!match(array[i]))
                    return false;
            }
            return true;
        }

        public static void ForEach<T>(T[] array, Action<T> action)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (action == null)
                throw new ArgumentNullException("action");
            for (int i = 0; i < array.Length; i++)
                action(array[i]);
        }

        public static TOutput[] ConvertAll<TInput, TOutput>(TInput[] array, Converter<TInput, TOutput> converter)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (converter == null)
                throw new ArgumentNullException("converter");
            TOutput[] newArray = new TOutput[array.Length];
            for (int i = 0; i < array.Length; i++)
                newArray[i] = converter(array[i]);
            return newArray;
        }

        private const string IndexMessage = "Index was out of range. Must be non-negative and less than the size of the collection.";
        private const string CountMessage = "Count must be positive and count must refer to a location within the string/array/collection.";
    }
}
