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
