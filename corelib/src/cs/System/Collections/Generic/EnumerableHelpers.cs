namespace System.Collections.Generic
{
    // Copying any sequence into an array.
    internal static class EnumerableHelpers
    {
        // The elements in an array that may be longer than `length` (grown
        // 4, 8, 16, ... while enumerating; exact for an ICollection<T>).
        internal static T[] ToArray<T>(IEnumerable<T> source, out int length)
        {
            ICollection<T> ic = source as ICollection<T>;
            if (ic != null)
            {
                int count = ic.Count;
                if (count != 0)
                {
                    T[] arr = new T[count];
                    ic.CopyTo(arr, 0);
                    length = count;
                    return arr;
                }
            }
            else
            {
                using (IEnumerator<T> en = source.GetEnumerator())
                {
                    if (en.MoveNext())
                    {
                        const int DefaultCapacity = 4;
                        T[] arr = new T[DefaultCapacity];
                        arr[0] = en.Current;
                        int count = 1;
                        while (en.MoveNext())
                        {
                            if (count == arr.Length)
                            {
                                int newLength = count << 1;
                                if ((uint)newLength > 0x7FEFFFFF)
                                    newLength = 0x7FEFFFFF <= count ? count + 1 : 0x7FEFFFFF;
                                T[] bigger = new T[newLength];
                                Array.Copy(arr, 0, bigger, 0, count);
                                arr = bigger;
                            }
                            arr[count++] = en.Current;
                        }
                        length = count;
                        return arr;
                    }
                }
            }
            length = 0;
            return EmptyArray<T>.Value;
        }

        // ICollection.CopyTo of a list (Collection<T>, ReadOnlyCollection<T>)
        // into a T[] or object[], after the caller checked the array and
        // the index.
        internal static void CopyToArray<T>(IList<T> list, Array array, int index)
        {
            T[] typed = array as T[];
            if (typed != null)
            {
                list.CopyTo(typed, index);
                return;
            }
            object[] objects = array as object[];
            if (objects == null)
                throw new ArgumentException(ThrowHelper.InvalidArrayType);
            int count = list.Count;
            try
            {
                for (int i = 0; i < count; i++)
                    objects[index++] = list[i];
            }
            catch (ArrayTypeMismatchException)
            {
                throw new ArgumentException(ThrowHelper.InvalidArrayType);
            }
        }

        // The elements in an array of exactly their number.
        internal static T[] ToArray<T>(IEnumerable<T> source)
        {
            int length;
            T[] array = ToArray(source, out length);
            if (length == array.Length)
                return array;
            T[] exact = new T[length];
            Array.Copy(array, 0, exact, 0, length);
            return exact;
        }
    }
}
