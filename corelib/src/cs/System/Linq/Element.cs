using System.Collections.Generic;

namespace System.Linq
{
    // First, Last, Single and ElementAt (and their OrDefault forms).
    public static partial class Enumerable
    {
        public static TSource First<TSource>(this IEnumerable<TSource> source)
        {
            bool found;
            TSource first = TryGetFirst(source, out found);
            if (!found)
                throw Error.NoElements();
            return first;
        }

        public static TSource First<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            bool found;
            TSource first = TryGetFirst(source, predicate, out found);
            if (!found)
                throw Error.NoMatch();
            return first;
        }

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source)
        {
            bool found;
            return TryGetFirst(source, out found);
        }

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            bool found;
            return TryGetFirst(source, predicate, out found);
        }

        private static TSource TryGetFirst<TSource>(IEnumerable<TSource> source, out bool found)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            IPartition<TSource> partition = source as IPartition<TSource>;
            if (partition != null)
                return partition.TryGetFirst(out found);
            IList<TSource> list = source as IList<TSource>;
            if (list != null)
            {
                if (list.Count > 0)
                {
                    found = true;
                    return list[0];
                }
            }
            else
            {
                using (IEnumerator<TSource> e = source.GetEnumerator())
                {
                    if (e.MoveNext())
                    {
                        found = true;
                        return e.Current;
                    }
                }
            }
            found = false;
            return default(TSource);
        }

        private static TSource TryGetFirst<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate, out bool found)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            OrderedEnumerable<TSource> ordered = source as OrderedEnumerable<TSource>;
            if (ordered != null)
                return ordered.TryGetFirst(predicate, out found);
            foreach (TSource element in source)
            {
                if (predicate(element))
                {
                    found = true;
                    return element;
                }
            }
            found = false;
            return default(TSource);
        }

        public static TSource Last<TSource>(this IEnumerable<TSource> source)
        {
            bool found;
            TSource last = TryGetLast(source, out found);
            if (!found)
                throw Error.NoElements();
            return last;
        }

        public static TSource Last<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            bool found;
            TSource last = TryGetLast(source, predicate, out found);
            if (!found)
                throw Error.NoMatch();
            return last;
        }

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source)
        {
            bool found;
            return TryGetLast(source, out found);
        }

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            bool found;
            return TryGetLast(source, predicate, out found);
        }

        private static TSource TryGetLast<TSource>(IEnumerable<TSource> source, out bool found)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            IPartition<TSource> partition = source as IPartition<TSource>;
            if (partition != null)
                return partition.TryGetLast(out found);
            IList<TSource> list = source as IList<TSource>;
            if (list != null)
            {
                int count = list.Count;
                if (count > 0)
                {
                    found = true;
                    return list[count - 1];
                }
            }
            else
            {
                using (IEnumerator<TSource> e = source.GetEnumerator())
                {
                    if (e.MoveNext())
                    {
                        TSource result;
                        do
                        {
                            result = e.Current;
                        } while (e.MoveNext());
                        found = true;
                        return result;
                    }
                }
            }
            found = false;
            return default(TSource);
        }

        // Over a list the predicate is tried from the end, as on .NET.
        private static TSource TryGetLast<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate, out bool found)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            OrderedEnumerable<TSource> ordered = source as OrderedEnumerable<TSource>;
            if (ordered != null)
                return ordered.TryGetLast(predicate, out found);
            IList<TSource> list = source as IList<TSource>;
            if (list != null)
            {
                for (int i = list.Count - 1; i >= 0; --i)
                {
                    TSource result = list[i];
                    if (predicate(result))
                    {
                        found = true;
                        return result;
                    }
                }
            }
            else
            {
                using (IEnumerator<TSource> e = source.GetEnumerator())
                {
                    while (e.MoveNext())
                    {
                        TSource result = e.Current;
                        if (predicate(result))
                        {
                            while (e.MoveNext())
                            {
                                TSource element = e.Current;
                                if (predicate(element))
                                    result = element;
                            }
                            found = true;
                            return result;
                        }
                    }
                }
            }
            found = false;
            return default(TSource);
        }

        // The only element; InvalidOperationException if there are none or
        // several.
        public static TSource Single<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            IList<TSource> list = source as IList<TSource>;
            if (list != null)
            {
                switch (list.Count)
                {
                    case 0:
                        throw Error.NoElements();
                    case 1:
                        return list[0];
                }
            }
            else
            {
                using (IEnumerator<TSource> e = source.GetEnumerator())
                {
                    if (!e.MoveNext())
                        throw Error.NoElements();
                    TSource result = e.Current;
                    if (!e.MoveNext())
                        return result;
                }
            }
            throw Error.MoreThanOneElement();
        }

        public static TSource Single<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                while (e.MoveNext())
                {
                    TSource result = e.Current;
                    if (predicate(result))
                    {
                        while (e.MoveNext())
                        {
                            if (predicate(e.Current))
                                throw Error.MoreThanOneMatch();
                        }
                        return result;
                    }
                }
            }
            throw Error.NoMatch();
        }

        // The only element, or default when there is none;
        // InvalidOperationException if there are several.
        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            IList<TSource> list = source as IList<TSource>;
            if (list != null)
            {
                switch (list.Count)
                {
                    case 0:
                        return default(TSource);
                    case 1:
                        return list[0];
                }
            }
            else
            {
                using (IEnumerator<TSource> e = source.GetEnumerator())
                {
                    if (!e.MoveNext())
                        return default(TSource);
                    TSource result = e.Current;
                    if (!e.MoveNext())
                        return result;
                }
            }
            throw Error.MoreThanOneElement();
        }

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                while (e.MoveNext())
                {
                    TSource result = e.Current;
                    if (predicate(result))
                    {
                        while (e.MoveNext())
                        {
                            if (predicate(e.Current))
                                throw Error.MoreThanOneMatch();
                        }
                        return result;
                    }
                }
            }
            return default(TSource);
        }

        // The element at `index`; ArgumentOutOfRangeException past the end
        // (a list's own exception for a list).
        public static TSource ElementAt<TSource>(this IEnumerable<TSource> source, int index)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            IPartition<TSource> partition = source as IPartition<TSource>;
            if (partition != null)
            {
                bool found;
                TSource element = partition.TryGetElementAt(index, out found);
                if (found)
                    return element;
            }
            else
            {
                IList<TSource> list = source as IList<TSource>;
                if (list != null)
                    return list[index];
                if (index >= 0)
                {
                    using (IEnumerator<TSource> e = source.GetEnumerator())
                    {
                        while (e.MoveNext())
                        {
                            if (index == 0)
                                return e.Current;
                            index--;
                        }
                    }
                }
            }
            throw Error.ArgumentOutOfRange("index");
        }

        public static TSource ElementAtOrDefault<TSource>(this IEnumerable<TSource> source, int index)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            IPartition<TSource> partition = source as IPartition<TSource>;
            if (partition != null)
            {
                bool found;
                return partition.TryGetElementAt(index, out found);
            }
            if (index >= 0)
            {
                IList<TSource> list = source as IList<TSource>;
                if (list != null)
                {
                    if (index < list.Count)
                        return list[index];
                }
                else
                {
                    using (IEnumerator<TSource> e = source.GetEnumerator())
                    {
                        while (e.MoveNext())
                        {
                            if (index == 0)
                                return e.Current;
                            index--;
                        }
                    }
                }
            }
            return default(TSource);
        }
    }
}
