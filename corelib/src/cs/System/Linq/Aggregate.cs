using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    // Count, LongCount, Any, All, Contains, Aggregate and SequenceEqual.
    public static partial class Enumerable
    {
        // A collection's Count; otherwise the number of elements enumerated
        // (OverflowException past int.MaxValue).
        public static int Count<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            ICollection<TSource> collectionoft = source as ICollection<TSource>;
            if (collectionoft != null)
                return collectionoft.Count;
            IIListProvider<TSource> listProv = source as IIListProvider<TSource>;
            if (listProv != null)
                return listProv.GetCount(false);
            ICollection collection = source as ICollection;
            if (collection != null)
                return collection.Count;
            int count = 0;
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                checked
                {
                    while (e.MoveNext())
                        count++;
                }
            }
            return count;
        }

        public static int Count<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            int count = 0;
            foreach (TSource element in source)
            {
                checked
                {
                    if (predicate(element))
                        count++;
                }
            }
            return count;
        }

        public static long LongCount<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            long count = 0;
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                checked
                {
                    while (e.MoveNext())
                        count++;
                }
            }
            return count;
        }

        public static long LongCount<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            long count = 0;
            foreach (TSource element in source)
            {
                checked
                {
                    if (predicate(element))
                        count++;
                }
            }
            return count;
        }

        public static bool Any<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                return e.MoveNext();
            }
        }

        public static bool Any<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            foreach (TSource element in source)
            {
                if (predicate(element))
                    return true;
            }
            return false;
        }

        public static bool All<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            foreach (TSource element in source)
            {
                if (!predicate(element))
                    return false;
            }
            return true;
        }

        // A collection's own Contains; otherwise EqualityComparer<T>.Default.
        public static bool Contains<TSource>(this IEnumerable<TSource> source, TSource value)
        {
            ICollection<TSource> collection = source as ICollection<TSource>;
            if (collection != null)
                return collection.Contains(value);
            return Contains(source, value, null);
        }

        public static bool Contains<TSource>(this IEnumerable<TSource> source, TSource value, IEqualityComparer<TSource> comparer)
        {
            if (comparer == null)
                comparer = EqualityComparer<TSource>.Default;
            if (source == null)
                throw Error.ArgumentNull("source");
            foreach (TSource element in source)
            {
                if (comparer.Equals(element, value))
                    return true;
            }
            return false;
        }

        // func(func(func(e0, e1), e2), ...); InvalidOperationException when
        // empty.
        public static TSource Aggregate<TSource>(this IEnumerable<TSource> source, Func<TSource, TSource, TSource> func)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (func == null)
                throw Error.ArgumentNull("func");
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                TSource result = e.Current;
                while (e.MoveNext())
                    result = func(result, e.Current);
                return result;
            }
        }

        public static TAccumulate Aggregate<TSource, TAccumulate>(this IEnumerable<TSource> source, TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (func == null)
                throw Error.ArgumentNull("func");
            TAccumulate result = seed;
            foreach (TSource element in source)
                result = func(result, element);
            return result;
        }

        public static TResult Aggregate<TSource, TAccumulate, TResult>(this IEnumerable<TSource> source, TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func, Func<TAccumulate, TResult> resultSelector)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (func == null)
                throw Error.ArgumentNull("func");
            if (resultSelector == null)
                throw Error.ArgumentNull("resultSelector");
            TAccumulate result = seed;
            foreach (TSource element in source)
                result = func(result, element);
            return resultSelector(result);
        }

        public static bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            return SequenceEqual(first, second, null);
        }

        // Same length and pairwise equal (by `comparer`, or the default).
        public static bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            if (comparer == null)
                comparer = EqualityComparer<TSource>.Default;
            if (first == null)
                throw Error.ArgumentNull("first");
            if (second == null)
                throw Error.ArgumentNull("second");
            ICollection<TSource> firstCol = first as ICollection<TSource>;
            ICollection<TSource> secondCol = second as ICollection<TSource>;
            if (firstCol != null && secondCol != null)
            {
                if (firstCol.Count != secondCol.Count)
                    return false;
                IList<TSource> firstList = firstCol as IList<TSource>;
                IList<TSource> secondList = secondCol as IList<TSource>;
                if (firstList != null && secondList != null)
                {
                    int count = firstCol.Count;
                    for (int i = 0; i < count; i++)
                    {
                        if (!comparer.Equals(firstList[i], secondList[i]))
                            return false;
                    }
                    return true;
                }
            }
            using (IEnumerator<TSource> e1 = first.GetEnumerator())
            using (IEnumerator<TSource> e2 = second.GetEnumerator())
            {
                while (e1.MoveNext())
                {
                    if (!(e2.MoveNext() && comparer.Equals(e1.Current, e2.Current)))
                        return false;
                }
                return !e2.MoveNext();
            }
        }
    }
}
