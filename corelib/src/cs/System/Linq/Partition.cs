using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        // All but the first `count` elements (all of them for count <= 0).
        public static IEnumerable<TSource> Skip<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (count <= 0)
            {
                // .NET returns its own sequences as they are, and wraps
                // collections (so that the result is never the collection).
                if (source is Iterator<TSource> || source is IPartition<TSource>)
                    return source;
                count = 0;
            }
            else
            {
                IPartition<TSource> partition = source as IPartition<TSource>;
                if (partition != null)
                    return partition.Skip(count);
            }
            IList<TSource> sourceList = source as IList<TSource>;
            if (sourceList != null)
                return new ListPartition<TSource>(sourceList, count, int.MaxValue);
            return new EnumerablePartition<TSource>(source, count, -1);
        }

        // The first `count` elements.
        public static IEnumerable<TSource> Take<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (count <= 0)
                return EmptyPartition<TSource>.Instance;
            IPartition<TSource> partition = source as IPartition<TSource>;
            if (partition != null)
                return partition.Take(count);
            IList<TSource> sourceList = source as IList<TSource>;
            if (sourceList != null)
                return new ListPartition<TSource>(sourceList, 0, count - 1);
            return new EnumerablePartition<TSource>(source, 0, count - 1);
        }

        // The elements from the first one `predicate` rejects on.
        public static IEnumerable<TSource> SkipWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            return new SkipWhileIterator<TSource>(source, predicate, null);
        }

        public static IEnumerable<TSource> SkipWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            return new SkipWhileIterator<TSource>(source, null, predicate);
        }

        // The elements before the first one `predicate` rejects.
        public static IEnumerable<TSource> TakeWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            return new TakeWhileIterator<TSource>(source, predicate, null);
        }

        public static IEnumerable<TSource> TakeWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            return new TakeWhileIterator<TSource>(source, null, predicate);
        }

        // All but the last `count` elements.
        public static IEnumerable<TSource> SkipLast<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (count <= 0)
                return source.Skip(0);
            return new SkipLastIterator<TSource>(source, count);
        }

        // The last `count` elements.
        public static IEnumerable<TSource> TakeLast<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (count <= 0)
                return EmptyPartition<TSource>.Instance;
            return new TakeLastIterator<TSource>(source, count);
        }
    }

    // Elements _minIndexInclusive.._maxIndexInclusive of a list, read by
    // index when enumerated (changes to the list show through).
    internal sealed class ListPartition<TSource> : Iterator<TSource>, IPartition<TSource>
    {
        private readonly IList<TSource> _source;
        private readonly int _minIndexInclusive;
        private readonly int _maxIndexInclusive;

        public ListPartition(IList<TSource> source, int minIndexInclusive, int maxIndexInclusive)
        {
            _source = source;
            _minIndexInclusive = minIndexInclusive;
            _maxIndexInclusive = maxIndexInclusive;
        }

        internal override bool SelectKeepsPartition
        {
            get { return true; }
        }

        public override Iterator<TSource> Clone()
        {
            return new ListPartition<TSource>(_source, _minIndexInclusive, _maxIndexInclusive);
        }

        public override bool MoveNext()
        {
            // _state - 1 is the index in the partition.
            int index = _state - 1;
            if (unchecked((uint)index <= (uint)(_maxIndexInclusive - _minIndexInclusive) && index < _source.Count - _minIndexInclusive))
            {
                _current = _source[_minIndexInclusive + index];
                ++_state;
                return true;
            }
            Dispose();
            return false;
        }

        public IPartition<TSource> Skip(int count)
        {
            int minIndex = unchecked(_minIndexInclusive + count);
            if (unchecked((uint)minIndex > (uint)_maxIndexInclusive))
                return EmptyPartition<TSource>.Instance;
            return new ListPartition<TSource>(_source, minIndex, _maxIndexInclusive);
        }

        public IPartition<TSource> Take(int count)
        {
            int maxIndex = unchecked(_minIndexInclusive + count - 1);
            if (unchecked((uint)maxIndex >= (uint)_maxIndexInclusive))
                return this;
            return new ListPartition<TSource>(_source, _minIndexInclusive, maxIndex);
        }

        public TSource TryGetElementAt(int index, out bool found)
        {
            if (unchecked((uint)index <= (uint)(_maxIndexInclusive - _minIndexInclusive) && index < _source.Count - _minIndexInclusive))
            {
                found = true;
                return _source[_minIndexInclusive + index];
            }
            found = false;
            return default(TSource);
        }

        public TSource TryGetFirst(out bool found)
        {
            if (_source.Count > _minIndexInclusive)
            {
                found = true;
                return _source[_minIndexInclusive];
            }
            found = false;
            return default(TSource);
        }

        public TSource TryGetLast(out bool found)
        {
            int lastIndex = _source.Count - 1;
            if (lastIndex >= _minIndexInclusive)
            {
                found = true;
                return _source[Math.Min(lastIndex, _maxIndexInclusive)];
            }
            found = false;
            return default(TSource);
        }

        private int Count
        {
            get
            {
                int count = _source.Count;
                if (count <= _minIndexInclusive)
                    return 0;
                return Math.Min(count - 1, _maxIndexInclusive) - _minIndexInclusive + 1;
            }
        }

        public TSource[] ToArray()
        {
            int count = Count;
            if (count == 0)
                return EmptyArray<TSource>.Value;
            TSource[] array = new TSource[count];
            for (int i = 0, curIdx = _minIndexInclusive; i != array.Length; ++i, ++curIdx)
                array[i] = _source[curIdx];
            return array;
        }

        public List<TSource> ToList()
        {
            int count = Count;
            List<TSource> list = new List<TSource>(count);
            int end = _minIndexInclusive + count;
            for (int i = _minIndexInclusive; i != end; ++i)
                list.Add(_source[i]);
            return list;
        }

        public int GetCount(bool onlyIfCheap)
        {
            return Count;
        }
    }

    // Elements _minIndexInclusive.._maxIndexInclusive (-1: no end) of any
    // sequence, found by enumerating it.
    internal sealed class EnumerablePartition<TSource> : Iterator<TSource>, IPartition<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly int _minIndexInclusive;
        private readonly int _maxIndexInclusive;
        private IEnumerator<TSource> _enumerator;

        internal EnumerablePartition(IEnumerable<TSource> source, int minIndexInclusive, int maxIndexInclusive)
        {
            _source = source;
            _minIndexInclusive = minIndexInclusive;
            _maxIndexInclusive = maxIndexInclusive;
        }

        private bool HasLimit
        {
            get { return _maxIndexInclusive != -1; }
        }

        private int Limit
        {
            get { return unchecked((_maxIndexInclusive + 1) - _minIndexInclusive); }
        }

        public override Iterator<TSource> Clone()
        {
            return new EnumerablePartition<TSource>(_source, _minIndexInclusive, _maxIndexInclusive);
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

        public int GetCount(bool onlyIfCheap)
        {
            if (onlyIfCheap)
                return -1;
            if (!HasLimit)
                return Math.Max(_source.Count() - _minIndexInclusive, 0);
            using (IEnumerator<TSource> en = _source.GetEnumerator())
            {
                uint count = SkipAndCount(unchecked((uint)_maxIndexInclusive + 1), en);
                return Math.Max((int)count - _minIndexInclusive, 0);
            }
        }

        public override bool MoveNext()
        {
            // _state - 3 elements have been taken (when there is a limit).
            int taken = _state - 3;
            if (taken < -2)
            {
                Dispose();
                return false;
            }
            switch (_state)
            {
                case 1:
                    _enumerator = _source.GetEnumerator();
                    _state = 2;
                    goto case 2;
                case 2:
                    if (!SkipBeforeFirst(_enumerator))
                        break;
                    _state = 3;
                    goto default;
                default:
                    if ((!HasLimit || taken < Limit) && _enumerator.MoveNext())
                    {
                        if (HasLimit)
                            _state++;
                        _current = _enumerator.Current;
                        return true;
                    }
                    break;
            }
            Dispose();
            return false;
        }

        public IPartition<TSource> Skip(int count)
        {
            int minIndex = unchecked(_minIndexInclusive + count);
            if (!HasLimit)
            {
                if (minIndex < 0)
                    return new EnumerablePartition<TSource>(this, count, -1);
            }
            else if (unchecked((uint)minIndex > (uint)_maxIndexInclusive))
            {
                return EmptyPartition<TSource>.Instance;
            }
            return new EnumerablePartition<TSource>(_source, minIndex, _maxIndexInclusive);
        }

        public IPartition<TSource> Take(int count)
        {
            int maxIndex = unchecked(_minIndexInclusive + count - 1);
            if (!HasLimit)
            {
                if (maxIndex < 0)
                    return new EnumerablePartition<TSource>(this, 0, count - 1);
            }
            else if (unchecked((uint)maxIndex >= (uint)_maxIndexInclusive))
            {
                return this;
            }
            return new EnumerablePartition<TSource>(_source, _minIndexInclusive, maxIndex);
        }

        public TSource TryGetElementAt(int index, out bool found)
        {
            if (index >= 0 && (!HasLimit || index < Limit))
            {
                using (IEnumerator<TSource> en = _source.GetEnumerator())
                {
                    if (SkipBefore(_minIndexInclusive + index, en) && en.MoveNext())
                    {
                        found = true;
                        return en.Current;
                    }
                }
            }
            found = false;
            return default(TSource);
        }

        public TSource TryGetFirst(out bool found)
        {
            using (IEnumerator<TSource> en = _source.GetEnumerator())
            {
                if (SkipBeforeFirst(en) && en.MoveNext())
                {
                    found = true;
                    return en.Current;
                }
            }
            found = false;
            return default(TSource);
        }

        public TSource TryGetLast(out bool found)
        {
            using (IEnumerator<TSource> en = _source.GetEnumerator())
            {
                if (SkipBeforeFirst(en) && en.MoveNext())
                {
                    int remaining = Limit - 1;
                    int comparand = HasLimit ? 0 : int.MinValue;
                    TSource result;
                    do
                    {
                        remaining--;
                        result = en.Current;
                    } while (remaining >= comparand && en.MoveNext());
                    found = true;
                    return result;
                }
            }
            found = false;
            return default(TSource);
        }

        public TSource[] ToArray()
        {
            return ToList().ToArray();
        }

        public List<TSource> ToList()
        {
            List<TSource> list = new List<TSource>();
            using (IEnumerator<TSource> en = _source.GetEnumerator())
            {
                if (SkipBeforeFirst(en) && en.MoveNext())
                {
                    int remaining = Limit - 1;
                    int comparand = HasLimit ? 0 : int.MinValue;
                    do
                    {
                        remaining--;
                        list.Add(en.Current);
                    } while (remaining >= comparand && en.MoveNext());
                }
            }
            return list;
        }

        private bool SkipBeforeFirst(IEnumerator<TSource> en)
        {
            return SkipBefore(_minIndexInclusive, en);
        }

        private static bool SkipBefore(int index, IEnumerator<TSource> en)
        {
            return SkipAndCount((uint)index, en) == (uint)index;
        }

        // Moves past up to `index` elements; returns how many there were.
        private static uint SkipAndCount(uint index, IEnumerator<TSource> en)
        {
            for (uint i = 0; i < index; i++)
            {
                if (!en.MoveNext())
                    return i;
            }
            return index;
        }
    }

    internal sealed class SkipWhileIterator<TSource> : Iterator<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly Func<TSource, bool> _predicate;
        private readonly Func<TSource, int, bool> _indexedPredicate;
        private IEnumerator<TSource> _enumerator;

        public SkipWhileIterator(IEnumerable<TSource> source, Func<TSource, bool> predicate, Func<TSource, int, bool> indexedPredicate)
        {
            _source = source;
            _predicate = predicate;
            _indexedPredicate = indexedPredicate;
        }

        public override Iterator<TSource> Clone()
        {
            return new SkipWhileIterator<TSource>(_source, _predicate, _indexedPredicate);
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
                    int index = -1;
                    while (_enumerator.MoveNext())
                    {
                        TSource element = _enumerator.Current;
                        bool skip;
                        if (_predicate != null)
                        {
                            skip = _predicate(element);
                        }
                        else
                        {
                            checked { index++; }
                            skip = _indexedPredicate(element, index);
                        }
                        if (!skip)
                        {
                            _current = element;
                            _state = 2;
                            return true;
                        }
                    }
                    break;
                case 2:
                    if (_enumerator.MoveNext())
                    {
                        _current = _enumerator.Current;
                        return true;
                    }
                    break;
            }
            Dispose();
            return false;
        }
    }

    internal sealed class TakeWhileIterator<TSource> : Iterator<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly Func<TSource, bool> _predicate;
        private readonly Func<TSource, int, bool> _indexedPredicate;
        private IEnumerator<TSource> _enumerator;
        private int _index;

        public TakeWhileIterator(IEnumerable<TSource> source, Func<TSource, bool> predicate, Func<TSource, int, bool> indexedPredicate)
        {
            _source = source;
            _predicate = predicate;
            _indexedPredicate = indexedPredicate;
        }

        public override Iterator<TSource> Clone()
        {
            return new TakeWhileIterator<TSource>(_source, _predicate, _indexedPredicate);
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
                        TSource element = _enumerator.Current;
                        bool take;
                        if (_predicate != null)
                        {
                            take = _predicate(element);
                        }
                        else
                        {
                            checked { _index++; }
                            take = _indexedPredicate(element, _index);
                        }
                        if (take)
                        {
                            _current = element;
                            return true;
                        }
                    }
                    break;
            }
            Dispose();
            return false;
        }
    }

    internal sealed class SkipLastIterator<TSource> : Iterator<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly int _count;
        private IEnumerator<TSource> _enumerator;
        private Queue<TSource> _queue;

        public SkipLastIterator(IEnumerable<TSource> source, int count)
        {
            _source = source;
            _count = count;
        }

        public override Iterator<TSource> Clone()
        {
            return new SkipLastIterator<TSource>(_source, _count);
        }

        public override void Dispose()
        {
            if (_enumerator != null)
            {
                _enumerator.Dispose();
                _enumerator = null;
            }
            _queue = null;
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _enumerator = _source.GetEnumerator();
                    _queue = new Queue<TSource>();
                    while (_queue.Count < _count)
                    {
                        if (!_enumerator.MoveNext())
                        {
                            Dispose();
                            return false;
                        }
                        _queue.Enqueue(_enumerator.Current);
                    }
                    _state = 2;
                    goto case 2;
                case 2:
                    if (_enumerator.MoveNext())
                    {
                        _current = _queue.Dequeue();
                        _queue.Enqueue(_enumerator.Current);
                        return true;
                    }
                    break;
            }
            Dispose();
            return false;
        }
    }

    internal sealed class TakeLastIterator<TSource> : Iterator<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly int _count;
        private Queue<TSource> _queue;

        public TakeLastIterator(IEnumerable<TSource> source, int count)
        {
            _source = source;
            _count = count;
        }

        public override Iterator<TSource> Clone()
        {
            return new TakeLastIterator<TSource>(_source, _count);
        }

        public override void Dispose()
        {
            _queue = null;
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    using (IEnumerator<TSource> e = _source.GetEnumerator())
                    {
                        if (!e.MoveNext())
                            break;
                        _queue = new Queue<TSource>();
                        _queue.Enqueue(e.Current);
                        while (e.MoveNext())
                        {
                            if (_queue.Count < _count)
                            {
                                _queue.Enqueue(e.Current);
                            }
                            else
                            {
                                do
                                {
                                    _queue.Dequeue();
                                    _queue.Enqueue(e.Current);
                                } while (e.MoveNext());
                                break;
                            }
                        }
                    }
                    _state = 2;
                    goto case 2;
                case 2:
                    if (_queue.Count > 0)
                    {
                        _current = _queue.Dequeue();
                        return true;
                    }
                    break;
            }
            Dispose();
            return false;
        }
    }
}
