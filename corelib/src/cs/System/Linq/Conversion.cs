using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    // ToArray, ToList, ToDictionary, ToHashSet, Cast, OfType, AsEnumerable.
    public static partial class Enumerable
    {
        public static TSource[] ToArray<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            IIListProvider<TSource> arrayProvider = source as IIListProvider<TSource>;
            if (arrayProvider != null)
                return arrayProvider.ToArray();
            return EnumerableHelpers.ToArray(source);
        }

        public static List<TSource> ToList<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            IIListProvider<TSource> listProvider = source as IIListProvider<TSource>;
            if (listProvider != null)
                return listProvider.ToList();
            return new List<TSource>(source);
        }

        public static Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
        {
            return ToDictionary(source, keySelector, (IEqualityComparer<TKey>)null);
        }

        // ArgumentException for a duplicate key, ArgumentNullException for
        // a null key (Dictionary's own).
        public static Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (keySelector == null)
                throw Error.ArgumentNull("keySelector");
            int capacity = 0;
            ICollection<TSource> collection = source as ICollection<TSource>;
            if (collection != null)
            {
                capacity = collection.Count;
                if (capacity == 0)
                    return new Dictionary<TKey, TSource>(comparer);
            }
            Dictionary<TKey, TSource> d = new Dictionary<TKey, TSource>(capacity, comparer);
            foreach (TSource element in source)
                d.Add(keySelector(element), element);
            return d;
        }

        public static Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
        {
            return ToDictionary(source, keySelector, elementSelector, null);
        }

        public static Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (keySelector == null)
                throw Error.ArgumentNull("keySelector");
            if (elementSelector == null)
                throw Error.ArgumentNull("elementSelector");
            int capacity = 0;
            ICollection<TSource> collection = source as ICollection<TSource>;
            if (collection != null)
            {
                capacity = collection.Count;
                if (capacity == 0)
                    return new Dictionary<TKey, TElement>(comparer);
            }
            Dictionary<TKey, TElement> d = new Dictionary<TKey, TElement>(capacity, comparer);
            foreach (TSource element in source)
                d.Add(keySelector(element), elementSelector(element));
            return d;
        }

        public static HashSet<TSource> ToHashSet<TSource>(this IEnumerable<TSource> source)
        {
            return ToHashSet(source, null);
        }

        public static HashSet<TSource> ToHashSet<TSource>(this IEnumerable<TSource> source, IEqualityComparer<TSource> comparer)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            return new HashSet<TSource>(source, comparer);
        }

        // The elements cast to TResult (InvalidCastException on the first
        // that is not one); the source itself when it is already an
        // IEnumerable<TResult>.
        public static IEnumerable<TResult> Cast<TResult>(this IEnumerable source)
        {
            IEnumerable<TResult> typedSource = source as IEnumerable<TResult>;
            if (typedSource != null)
                return typedSource;
            if (source == null)
                throw Error.ArgumentNull("source");
            return new CastIterator<TResult>(source, false);
        }

        // The elements that are TResults.
        public static IEnumerable<TResult> OfType<TResult>(this IEnumerable source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            return new CastIterator<TResult>(source, true);
        }
    }

    // Cast (every element) and OfType (only the elements of the type).
    internal sealed class CastIterator<TResult> : Iterator<TResult>
    {
        private readonly IEnumerable _source;
        private readonly bool _filter;
        private IEnumerator _enumerator;

        public CastIterator(IEnumerable source, bool filter)
        {
            _source = source;
            _filter = filter;
        }

        public override Iterator<TResult> Clone()
        {
            return new CastIterator<TResult>(_source, _filter);
        }

        public override void Dispose()
        {
            IDisposable disposable = _enumerator as IDisposable;
            if (disposable != null)
                disposable.Dispose();
            _enumerator = null;
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _enumerator = _source.GetEnumerator();
                    _state = 2;
                    goto case 2;
                case 2:
                    while (_enumerator.MoveNext())
                    {
                        object obj = _enumerator.Current;
                        if (!_filter)
                        {
                            _current = (TResult)obj;
                            return true;
                        }
                        if (obj is TResult)
                        {
                            _current = (TResult)obj;
                            return true;
                        }
                    }
                    Dispose();
                    break;
            }
            return false;
        }
    }
}
