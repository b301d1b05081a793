namespace System.Collections.Generic
{
    // Introspective sort (quicksort with median-of-three pivots, insertion
    // sort for partitions of 16 or fewer elements, heapsort past a depth
    // limit), as .NET sorts arrays: Array.Sort<T> and List<T>.Sort give the
    // same order as .NET's, equal elements included. Not stable.
    internal static class ArraySortHelper<T>
    {
        private const int IntrosortSizeThreshold = 16;

        // Sorts keys[index .. index + length). A comparer that throws is
        // wrapped in InvalidOperationException, as .NET does.
        internal static void Sort(T[] keys, int index, int length, IComparer<T> comparer)
        {
            try
            {
                if (comparer == null)
                    comparer = Comparer<T>.Default;
                IntrospectiveSort(keys, index, length, comparer);
            }
            catch (IndexOutOfRangeException)
            {
                ThrowBadComparer(comparer);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(ThrowHelper.IComparerFailed, e);
            }
        }

        // The index of `value` in the sorted range, or the bitwise
        // complement of where it would be inserted.
        internal static int BinarySearch(T[] array, int index, int length, T value, IComparer<T> comparer)
        {
            try
            {
                if (comparer == null)
                    comparer = Comparer<T>.Default;
                int lo = index;
                int hi = index + length - 1;
                while (lo <= hi)
                {
                    int i = lo + ((hi - lo) >> 1);
                    int order = comparer.Compare(array[i], value);
                    if (order == 0)
                        return i;
                    if (order < 0)
                        lo = i + 1;
                    else
                        hi = i - 1;
                }
                return ~lo;
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(ThrowHelper.IComparerFailed, e);
            }
        }

        // Reverses array[index .. index + length).
        internal static void Reverse(T[] array, int index, int length)
        {
            int i = index;
            int j = index + length - 1;
            while (i < j)
            {
                T temp = array[i];
                array[i] = array[j];
                array[j] = temp;
                i++;
                j--;
            }
        }

        internal static void ThrowBadComparer(object comparer)
        {
            throw new ArgumentException(String.Concat("Unable to sort because the IComparer.Compare() method returns inconsistent results. Either a value does not compare equal to itself, or one value repeatedly compared to another value yields different results. IComparer: '", ThrowHelper.ToText(comparer), "'."));
        }

        // floor(log2(n)) + 1 (0 for 0).
        internal static int FloorLog2PlusOne(int n)
        {
            int result = 0;
            while (n >= 1)
            {
                result++;
                n = n / 2;
            }
            return result;
        }

        private static void IntrospectiveSort(T[] keys, int left, int length, IComparer<T> comparer)
        {
            if (length < 2)
                return;
            IntroSort(keys, left, length + left - 1, 2 * FloorLog2PlusOne(length), comparer);
        }

        private static void IntroSort(T[] keys, int lo, int hi, int depthLimit, IComparer<T> comparer)
        {
            while (hi > lo)
            {
                int partitionSize = hi - lo + 1;
                if (partitionSize <= IntrosortSizeThreshold)
                {
                    if (partitionSize == 1)
                        return;
                    if (partitionSize == 2)
                    {
                        SwapIfGreater(keys, comparer, lo, hi);
                        return;
                    }
                    if (partitionSize == 3)
                    {
                        SwapIfGreater(keys, comparer, lo, hi - 1);
                        SwapIfGreater(keys, comparer, lo, hi);
                        SwapIfGreater(keys, comparer, hi - 1, hi);
                        return;
                    }
                    InsertionSort(keys, lo, hi, comparer);
                    return;
                }
                if (depthLimit == 0)
                {
                    Heapsort(keys, lo, hi, comparer);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(keys, lo, hi, comparer);
                IntroSort(keys, p + 1, hi, depthLimit, comparer);
                hi = p - 1;
            }
        }

        private static void SwapIfGreater(T[] keys, IComparer<T> comparer, int a, int b)
        {
            if (a != b && comparer.Compare(keys[a], keys[b]) > 0)
            {
                T key = keys[a];
                keys[a] = keys[b];
                keys[b] = key;
            }
        }

        private static void Swap(T[] a, int i, int j)
        {
            if (i != j)
            {
                T t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }

        private static int PickPivotAndPartition(T[] keys, int lo, int hi, IComparer<T> comparer)
        {
            int middle = lo + ((hi - lo) >> 1);
            SwapIfGreater(keys, comparer, lo, middle);
            SwapIfGreater(keys, comparer, lo, hi);
            SwapIfGreater(keys, comparer, middle, hi);
            T pivot = keys[middle];
            Swap(keys, middle, hi - 1);
            int left = lo;
            int right = hi - 1;
            while (left < right)
            {
                while (left < hi - 1 && comparer.Compare(keys[++left], pivot) < 0)
                {
                }
                while (right > lo && comparer.Compare(pivot, keys[--right]) < 0)
                {
                }
                if (left >= right)
                    break;
                Swap(keys, left, right);
            }
            Swap(keys, left, hi - 1);
            return left;
        }

        private static void Heapsort(T[] keys, int lo, int hi, IComparer<T> comparer)
        {
            int n = hi - lo + 1;
            for (int i = n / 2; i >= 1; i--)
                DownHeap(keys, i, n, lo, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, lo, lo + i - 1);
                DownHeap(keys, 1, i - 1, lo, comparer);
            }
        }

        private static void DownHeap(T[] keys, int i, int n, int lo, IComparer<T> comparer)
        {
            T d = keys[lo + i - 1];
            while (i <= n / 2)
            {
                int child = 2 * i;
                if (child < n && comparer.Compare(keys[lo + child - 1], keys[lo + child]) < 0)
                    child++;
                if (!(comparer.Compare(d, keys[lo + child - 1]) < 0))
                    break;
                keys[lo + i - 1] = keys[lo + child - 1];
                i = child;
            }
            keys[lo + i - 1] = d;
        }

        private static void InsertionSort(T[] keys, int lo, int hi, IComparer<T> comparer)
        {
            for (int i = lo; i < hi; i++)
            {
                int j = i;
                T t = keys[i + 1];
                while (j >= lo && comparer.Compare(t, keys[j]) < 0)
                {
                    keys[j + 1] = keys[j];
                    j--;
                }
                keys[j + 1] = t;
            }
        }
    }

    // The same sort over keys, moving items[i] with keys[i] (Array.Sort of
    // keys and items; SortedList's constructor).
    internal static class ArraySortHelper<TKey, TValue>
    {
        private const int IntrosortSizeThreshold = 16;

        internal static void Sort(TKey[] keys, TValue[] values, int index, int length, IComparer<TKey> comparer)
        {
            try
            {
                if (comparer == null)
                    comparer = Comparer<TKey>.Default;
                if (length < 2)
                    return;
                IntroSort(keys, values, index, length + index - 1, 2 * ArraySortHelper<TKey>.FloorLog2PlusOne(length), comparer);
            }
            catch (IndexOutOfRangeException)
            {
                ArraySortHelper<TKey>.ThrowBadComparer(comparer);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(ThrowHelper.IComparerFailed, e);
            }
        }

        private static void IntroSort(TKey[] keys, TValue[] values, int lo, int hi, int depthLimit, IComparer<TKey> comparer)
        {
            while (hi > lo)
            {
                int partitionSize = hi - lo + 1;
                if (partitionSize <= IntrosortSizeThreshold)
                {
                    if (partitionSize == 1)
                        return;
                    if (partitionSize == 2)
                    {
                        SwapIfGreater(keys, values, comparer, lo, hi);
                        return;
                    }
                    if (partitionSize == 3)
                    {
                        SwapIfGreater(keys, values, comparer, lo, hi - 1);
                        SwapIfGreater(keys, values, comparer, lo, hi);
                        SwapIfGreater(keys, values, comparer, hi - 1, hi);
                        return;
                    }
                    InsertionSort(keys, values, lo, hi, comparer);
                    return;
                }
                if (depthLimit == 0)
                {
                    Heapsort(keys, values, lo, hi, comparer);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(keys, values, lo, hi, comparer);
                IntroSort(keys, values, p + 1, hi, depthLimit, comparer);
                hi = p - 1;
            }
        }

        private static void SwapIfGreater(TKey[] keys, TValue[] values, IComparer<TKey> comparer, int a, int b)
        {
            if (a != b && comparer.Compare(keys[a], keys[b]) > 0)
                Swap(keys, values, a, b);
        }

        private static void Swap(TKey[] keys, TValue[] values, int i, int j)
        {
            if (i != j)
            {
                TKey k = keys[i];
                keys[i] = keys[j];
                keys[j] = k;
                if (values != null)
                {
                    TValue v = values[i];
                    values[i] = values[j];
                    values[j] = v;
                }
            }
        }

        private static int PickPivotAndPartition(TKey[] keys, TValue[] values, int lo, int hi, IComparer<TKey> comparer)
        {
            int middle = lo + ((hi - lo) >> 1);
            SwapIfGreater(keys, values, comparer, lo, middle);
            SwapIfGreater(keys, values, comparer, lo, hi);
            SwapIfGreater(keys, values, comparer, middle, hi);
            TKey pivot = keys[middle];
            Swap(keys, values, middle, hi - 1);
            int left = lo;
            int right = hi - 1;
            while (left < right)
            {
                while (left < hi - 1 && comparer.Compare(keys[++left], pivot) < 0)
                {
                }
                while (right > lo && comparer.Compare(pivot, keys[--right]) < 0)
                {
                }
                if (left >= right)
                    break;
                Swap(keys, values, left, right);
            }
            Swap(keys, values, left, hi - 1);
            return left;
        }

        private static void Heapsort(TKey[] keys, TValue[] values, int lo, int hi, IComparer<TKey> comparer)
        {
            int n = hi - lo + 1;
            for (int i = n / 2; i >= 1; i--)
                DownHeap(keys, values, i, n, lo, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, values, lo, lo + i - 1);
                DownHeap(keys, values, 1, i - 1, lo, comparer);
            }
        }

        private static void DownHeap(TKey[] keys, TValue[] values, int i, int n, int lo, IComparer<TKey> comparer)
        {
            TKey d = keys[lo + i - 1];
            TValue dValue = values != null ? values[lo + i - 1] : default(TValue);
            while (i <= n / 2)
            {
                int child = 2 * i;
                if (child < n && comparer.Compare(keys[lo + child - 1], keys[lo + child]) < 0)
                    child++;
                if (!(comparer.Compare(d, keys[lo + child - 1]) < 0))
                    break;
                keys[lo + i - 1] = keys[lo + child - 1];
                if (values != null)
                    values[lo + i - 1] = values[lo + child - 1];
                i = child;
            }
            keys[lo + i - 1] = d;
            if (values != null)
                values[lo + i - 1] = dValue;
        }

        private static void InsertionSort(TKey[] keys, TValue[] values, int lo, int hi, IComparer<TKey> comparer)
        {
            for (int i = lo; i < hi; i++)
            {
                int j = i;
                TKey t = keys[i + 1];
                TValue tValue = values != null ? values[i + 1] : default(TValue);
                while (j >= lo && comparer.Compare(t, keys[j]) < 0)
                {
                    keys[j + 1] = keys[j];
                    if (values != null)
                        values[j + 1] = values[j];
                    j--;
                }
                keys[j + 1] = t;
                if (values != null)
                    values[j + 1] = tValue;
            }
        }
    }
}
