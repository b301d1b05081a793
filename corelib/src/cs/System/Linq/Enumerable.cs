using System.Collections.Generic;

namespace System.Linq
{
    // LINQ to Objects: .NET's Enumerable operators, with its argument
    // checks (done when the operator is called; the work is deferred until
    // enumeration for the operators that return sequences), its exceptions
    // and its order of calls to the delegates it is given. The operators
    // are spread over the files of this folder, one per family.
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> AsEnumerable<TSource>(this IEnumerable<TSource> source)
        {
            return source;
        }

        // The same empty array for every call with one TResult.
        public static IEnumerable<TResult> Empty<TResult>()
        {
            return EmptyArray<TResult>.Value;
        }

        // start, start + 1, ..., start + count - 1.
        public static IEnumerable<int> Range(int start, int count)
        {
            long max = ((long)start) + count - 1;
            if (count < 0 || max > int.MaxValue)
                throw Error.ArgumentOutOfRange("count");
            if (count == 0)
                return EmptyPartition<int>.Instance;
            return new RangeIterator(start, count);
        }

        public static IEnumerable<TResult> Repeat<TResult>(TResult element, int count)
        {
            if (count < 0)
                throw Error.ArgumentOutOfRange("count");
            if (count == 0)
                return EmptyPartition<TResult>.Instance;
            return new RepeatIterator<TResult>(element, count);
        }
    }

    internal sealed class RangeIterator : Iterator<int>, IPartition<int>
    {
        private readonly int _start;
        private readonly int _end;

        public RangeIterator(int start, int count)
        {
            _start = start;
            _end = unchecked(start + count);
        }

        public override Iterator<int> Clone()
        {
            return new RangeIterator(_start, _end - _start);
        }

        internal override bool SelectKeepsPartition
        {
            get { return true; }
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _current = _start;
                    _state = 2;
                    return true;
                case 2:
                    if (unchecked(++_current) == _end)
                        break;
                    return true;
            }
            _state = -1;
            return false;
        }

        public override void Dispose()
        {
            // Current keeps its last value, as on .NET.
            _state = -1;
        }

        public int[] ToArray()
        {
            int[] array = new int[_end - _start];
            int cur = _start;
            for (int i = 0; i < array.Length; i++)
                array[i] = cur++;
            return array;
        }

        public List<int> ToList()
        {
            List<int> list = new List<int>(_end - _start);
            for (int cur = _start; cur != _end; cur++)
                list.Add(cur);
            return list;
        }

        public int GetCount(bool onlyIfCheap)
        {
            return unchecked(_end - _start);
        }

        public IPartition<int> Skip(int count)
        {
            if (count >= _end - _start)
                return EmptyPartition<int>.Instance;
            return new RangeIterator(_start + count, _end - _start - count);
        }

        public IPartition<int> Take(int count)
        {
            int curCount = _end - _start;
            if (count >= curCount)
                return this;
            return new RangeIterator(_start, count);
        }

        public int TryGetElementAt(int index, out bool found)
        {
            if ((uint)index < (uint)(_end - _start))
            {
                found = true;
                return _start + index;
            }
            found = false;
            return 0;
        }

        public int TryGetFirst(out bool found)
        {
            found = true;
            return _start;
        }

        public int TryGetLast(out bool found)
        {
            found = true;
            return _end - 1;
        }
    }

    internal sealed class RepeatIterator<TResult> : Iterator<TResult>, IPartition<TResult>
    {
        private readonly int _count;

        public RepeatIterator(TResult element, int count)
        {
            _current = element;
            _count = count;
        }

        public override Iterator<TResult> Clone()
        {
            return new RepeatIterator<TResult>(_current, _count);
        }

        internal override bool SelectKeepsPartition
        {
            get { return true; }
        }

        public override void Dispose()
        {
            // Current keeps the element, as on .NET.
            _state = -1;
        }

        public override bool MoveNext()
        {
            // _state - 1 elements have been returned.
            int sent = _state - 1;
            if (sent >= 0 && sent != _count)
            {
                ++_state;
                return true;
            }
            Dispose();
            return false;
        }

        public TResult[] ToArray()
        {
            TResult[] array = new TResult[_count];
            if (_current != null)
            {
                for (int i = 0; i < array.Length; i++)
                    array[i] = _current;
            }
            return array;
        }

        public List<TResult> ToList()
        {
            List<TResult> list = new List<TResult>(_count);
            for (int i = 0; i != _count; ++i)
                list.Add(_current);
            return list;
        }

        public int GetCount(bool onlyIfCheap)
        {
            return _count;
        }

        public IPartition<TResult> Skip(int count)
        {
            if (count >= _count)
                return EmptyPartition<TResult>.Instance;
            return new RepeatIterator<TResult>(_current, _count - count);
        }

        public IPartition<TResult> Take(int count)
        {
            if (count >= _count)
                return this;
            return new RepeatIterator<TResult>(_current, count);
        }

        public TResult TryGetElementAt(int index, out bool found)
        {
            if ((uint)index < (uint)_count)
            {
                found = true;
                return _current;
            }
            found = false;
            return default(TResult);
        }

        public TResult TryGetFirst(out bool found)
        {
            found = true;
            return _current;
        }

        public TResult TryGetLast(out bool found)
        {
            found = true;
            return _current;
        }
    }
}
