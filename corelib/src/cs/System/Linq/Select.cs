using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        // selector(element) for each element (deferred). Over a list, an
        // array or another indexable result, First, Last, ElementAt, Skip
        // and Take run the selector only on the elements they return, and
        // Count() runs it on every element without keeping the results,
        // as .NET does.
        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (selector == null)
                throw Error.ArgumentNull("selector");
            Iterator<TSource> iterator = source as Iterator<TSource>;
            if (iterator != null)
            {
                IPartition<TSource> indexable = iterator as IPartition<TSource>;
                if (indexable != null && iterator.SelectKeepsPartition)
                    return new SelectIPartitionIterator<TSource, TResult>(indexable, selector);
                return new SelectEnumerableIterator<TSource, TResult>(iterator, selector);
            }
            IList<TSource> ilist = source as IList<TSource>;
            if (ilist != null)
            {
                TSource[] array = source as TSource[];
                if (array != null)
                {
                    if (array.Length == 0)
                        return EmptyPartition<TResult>.Instance;
                    return new SelectArrayIterator<TSource, TResult>(array, selector);
                }
                return new SelectIListIterator<TSource, TResult>(ilist, selector);
            }
            IPartition<TSource> partition = source as IPartition<TSource>;
            if (partition != null)
            {
                if (partition is EmptyPartition<TSource>)
                    return EmptyPartition<TResult>.Instance;
                return new SelectIPartitionIterator<TSource, TResult>(partition, selector);
            }
            return new SelectEnumerableIterator<TSource, TResult>(source, selector);
        }

        // selector(element, index) for each element.
        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (selector == null)
                throw Error.ArgumentNull("selector");
            return new SelectIndexedIterator<TSource, TResult>(source, selector);
        }
    }

    internal sealed class SelectEnumerableIterator<TSource, TResult> : Iterator<TResult>, IIListProvider<TResult>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly Func<TSource, TResult> _selector;
        private IEnumerator<TSource> _enumerator;

        public SelectEnumerableIterator(IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            _source = source;
            _selector = selector;
        }

        public override Iterator<TResult> Clone()
        {
            return new SelectEnumerableIterator<TSource, TResult>(_source, _selector);
        }

        public override void Dispose()
        {
            if (_enumerator != null)
            {
                _enumerator.Dispose();
                _enumerator = null;
            }
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
                    if (_enumerator.MoveNext())
                    {
                        _current = _selector(_enumerator.Current);
                        return true;
                    }
                    Dispose();
                    break;
            }
            return false;
        }

        public TResult[] ToArray()
        {
            return ToList().ToArray();
        }

        public List<TResult> ToList()
        {
            List<TResult> list = new List<TResult>();
            foreach (TSource item in _source)
                list.Add(_selector(item));
            return list;
        }

        public int GetCount(bool onlyIfCheap)
        {
            if (onlyIfCheap)
                return -1;
            int count = 0;
            foreach (TSource item in _source)
            {
                _selector(item);
                checked { count++; }
            }
            return count;
        }
    }

    internal sealed class SelectArrayIterator<TSource, TResult> : Iterator<TResult>, IPartition<TResult>
    {
        private readonly TSource[] _source;
        private readonly Func<TSource, TResult> _selector;

        public SelectArrayIterator(TSource[] source, Func<TSource, TResult> selector)
        {
            _source = source;
            _selector = selector;
        }

        internal override bool SelectKeepsPartition
        {
            get { return true; }
        }

        public override Iterator<TResult> Clone()
        {
            return new SelectArrayIterator<TSource, TResult>(_source, _selector);
        }

        public override bool MoveNext()
        {
            if (_state < 1 || _state == _source.Length + 1)
            {
                Dispose();
                return false;
            }
            int index = _state++ - 1;
            _current = _selector(_source[index]);
            return true;
        }

        public TResult[] ToArray()
        {
            TResult[] results = new TResult[_source.Length];
            for (int i = 0; i < results.Length; i++)
                results[i] = _selector(_source[i]);
            return results;
        }

        public List<TResult> ToList()
        {
            TSource[] source = _source;
            List<TResult> results = new List<TResult>(source.Length);
            for (int i = 0; i < source.Length; i++)
                results.Add(_selector(source[i]));
            return results;
        }

        public int GetCount(bool onlyIfCheap)
        {
            if (!onlyIfCheap)
            {
                foreach (TSource item in _source)
                    _selector(item);
            }
            return _source.Length;
        }

        public IPartition<TResult> Skip(int count)
        {
            if (count >= _source.Length)
                return EmptyPartition<TResult>.Instance;
            return new SelectIPartitionIterator<TSource, TResult>(new ListPartition<TSource>(_source, count, int.MaxValue), _selector);
        }

        public IPartition<TResult> Take(int count)
        {
            if (count >= _source.Length)
                return this;
            return new SelectIPartitionIterator<TSource, TResult>(new ListPartition<TSource>(_source, 0, count - 1), _selector);
        }

        public TResult TryGetElementAt(int index, out bool found)
        {
            if ((uint)index < (uint)_source.Length)
            {
                found = true;
                return _selector(_source[index]);
            }
            found = false;
            return default(TResult);
        }

        public TResult TryGetFirst(out bool found)
        {
            found = true;
            return _selector(_source[0]);
        }

        public TResult TryGetLast(out bool found)
        {
            found = true;
            return _selector(_source[_source.Length - 1]);
        }
    }

    // Select over a List<T> or any other IList<T>.
    internal sealed class SelectIListIterator<TSource, TResult> : Iterator<TResult>, IPartition<TResult>
    {
        private readonly IList<TSource> _source;
        private readonly Func<TSource, TResult> _selector;
        private IEnumerator<TSource> _enumerator;

        public SelectIListIterator(IList<TSource> source, Func<TSource, TResult> selector)
        {
            _source = source;
            _selector = selector;
        }

        internal override bool SelectKeepsPartition
        {
            get { return true; }
        }

        public override Iterator<TResult> Clone()
        {
            return new SelectIListIterator<TSource, TResult>(_source, _selector);
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
                    if (_enumerator.MoveNext())
                    {
                        _current = _selector(_enumerator.Current);
                        return true;
                    }
                    Dispose();
                    break;
            }
            return false;
        }

        public override void Dispose()
        {
            if (_enumerator != null)
            {
                _enumerator.Dispose();
                _enumerator = null;
            }
            base.Dispose();
        }

        public TResult[] ToArray()
        {
            int count = _source.Count;
            if (count == 0)
                return EmptyArray<TResult>.Value;
            TResult[] results = new TResult[count];
            for (int i = 0; i < results.Length; i++)
                results[i] = _selector(_source[i]);
            return results;
        }

        public List<TResult> ToList()
        {
            int count = _source.Count;
            List<TResult> results = new List<TResult>(count);
            for (int i = 0; i < count; i++)
                results.Add(_selector(_source[i]));
            return results;
        }

        public int GetCount(bool onlyIfCheap)
        {
            int count = _source.Count;
            if (!onlyIfCheap)
            {
                for (int i = 0; i < count; i++)
                    _selector(_source[i]);
            }
            return count;
        }

        public IPartition<TResult> Skip(int count)
        {
            return new SelectIPartitionIterator<TSource, TResult>(new ListPartition<TSource>(_source, count, int.MaxValue), _selector);
        }

        public IPartition<TResult> Take(int count)
        {
            return new SelectIPartitionIterator<TSource, TResult>(new ListPartition<TSource>(_source, 0, count - 1), _selector);
        }

        public TResult TryGetElementAt(int index, out bool found)
        {
            if ((uint)index < (uint)_source.Count)
            {
                found = true;
                return _selector(_source[index]);
            }
            found = false;
            return default(TResult);
        }

        public TResult TryGetFirst(out bool found)
        {
            if (_source.Count != 0)
            {
                found = true;
                return _selector(_source[0]);
            }
            found = false;
            return default(TResult);
        }

        public TResult TryGetLast(out bool found)
        {
            int lastIndex = _source.Count - 1;
            if (lastIndex != -1)
            {
                found = true;
                return _selector(_source[lastIndex]);
            }
            found = false;
            return default(TResult);
        }
    }

    // Select over a sequence that can be indexed and partitioned (Range,
    // Skip or Take of a list, OrderBy, another such Select).
    internal sealed class SelectIPartitionIterator<TSource, TResult> : Iterator<TResult>, IPartition<TResult>
    {
        private readonly IPartition<TSource> _source;
        private readonly Func<TSource, TResult> _selector;
        private IEnumerator<TSource> _enumerator;

        public SelectIPartitionIterator(IPartition<TSource> source, Func<TSource, TResult> selector)
        {
            _source = source;
            _selector = selector;
        }

        internal override bool SelectKeepsPartition
        {
            get { return true; }
        }

        public override Iterator<TResult> Clone()
        {
            return new SelectIPartitionIterator<TSource, TResult>(_source, _selector);
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
                    if (_enumerator.MoveNext())
                    {
                        _current = _selector(_enumerator.Current);
                        return true;
                    }
                    Dispose();
                    break;
            }
            return false;
        }

        public override void Dispose()
        {
            if (_enumerator != null)
            {
                _enumerator.Dispose();
                _enumerator = null;
            }
            base.Dispose();
        }

        public IPartition<TResult> Skip(int count)
        {
            return new SelectIPartitionIterator<TSource, TResult>(_source.Skip(count), _selector);
        }

        public IPartition<TResult> Take(int count)
        {
            return new SelectIPartitionIterator<TSource, TResult>(_source.Take(count), _selector);
        }

        public TResult TryGetElementAt(int index, out bool found)
        {
            bool sourceFound;
            TSource input = _source.TryGetElementAt(index, out sourceFound);
            found = sourceFound;
            return sourceFound ? _selector(input) : default(TResult);
        }

        public TResult TryGetFirst(out bool found)
        {
            bool sourceFound;
            TSource input = _source.TryGetFirst(out sourceFound);
            found = sourceFound;
            return sourceFound ? _selector(input) : default(TResult);
        }

        public TResult TryGetLast(out bool found)
        {
            bool sourceFound;
            TSource input = _source.TryGetLast(out sourceFound);
            found = sourceFound;
            return sourceFound ? _selector(input) : default(TResult);
        }

        public TResult[] ToArray()
        {
            return ToList().ToArray();
        }

        public List<TResult> ToList()
        {
            int count = _source.GetCount(true);
            List<TResult> list = count == -1 ? new List<TResult>() : new List<TResult>(count);
            foreach (TSource input in _source)
                list.Add(_selector(input));
            return list;
        }

        public int GetCount(bool onlyIfCheap)
        {
            if (!onlyIfCheap)
            {
                int count = 0;
                foreach (TSource item in _source)
                {
                    _selector(item);
                    checked { count++; }
                }
                return count;
            }
            return _source.GetCount(onlyIfCheap);
        }
    }

    internal sealed class SelectIndexedIterator<TSource, TResult> : Iterator<TResult>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly Func<TSource, int, TResult> _selector;
        private IEnumerator<TSource> _enumerator;
        private int _index;

        public SelectIndexedIterator(IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            _source = source;
            _selector = selector;
        }

        public override Iterator<TResult> Clone()
        {
            return new SelectIndexedIterator<TSource, TResult>(_source, _selector);
        }

        public override void Dispose()
        {
            if (_enumerator != null)
            {
                _enumerator.Dispose();
                _enumerator = null;
            }
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _enumerator = _source.GetEnumerator();
                    _index = -1;
                    _state = 2;
                    goto case 2;
                case 2:
                    if (_enumerator.MoveNext())
                    {
                        checked { _index++; }
                        _current = _selector(_enumerator.Current, _index);
                        return true;
                    }
                    Dispose();
                    break;
            }
            return false;
        }
    }
}
