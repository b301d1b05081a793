using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    // Concat, Append, Prepend, Reverse, DefaultIfEmpty and Zip.
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> Concat<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            if (first == null)
                throw Error.ArgumentNull("first");
            if (second == null)
                throw Error.ArgumentNull("second");
            ConcatIterator<TSource> firstConcat = first as ConcatIterator<TSource>;
            if (firstConcat != null)
                return firstConcat.Concat(second);
            return new ConcatIterator<TSource>(new IEnumerable<TSource>[] { first, second }, 2);
        }

        public static IEnumerable<TSource> Append<TSource>(this IEnumerable<TSource> source, TSource element)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            AppendPrependIterator<TSource> appendable = source as AppendPrependIterator<TSource>;
            if (appendable != null)
                return appendable.Append(element);
            return new AppendPrependIterator<TSource>(source, null, new SingleLinkedNode<TSource>(element, null), 0, 1);
        }

        public static IEnumerable<TSource> Prepend<TSource>(this IEnumerable<TSource> source, TSource element)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            AppendPrependIterator<TSource> appendable = source as AppendPrependIterator<TSource>;
            if (appendable != null)
                return appendable.Prepend(element);
            return new AppendPrependIterator<TSource>(source, new SingleLinkedNode<TSource>(element, null), null, 1, 0);
        }

        // The elements in reverse order (all read on the first MoveNext).
        public static IEnumerable<TSource> Reverse<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            return new ReverseIterator<TSource>(source);
        }

        public static IEnumerable<TSource> DefaultIfEmpty<TSource>(this IEnumerable<TSource> source)
        {
            return DefaultIfEmpty(source, default(TSource));
        }

        // The elements, or `defaultValue` alone when there are none.
        public static IEnumerable<TSource> DefaultIfEmpty<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            return new DefaultIfEmptyIterator<TSource>(source, defaultValue);
        }

        // resultSelector over pairs of elements, as long as both last.
        public static IEnumerable<TResult> Zip<TFirst, TSecond, TResult>(this IEnumerable<TFirst> first, IEnumerable<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)
        {
            if (first == null)
                throw Error.ArgumentNull("first");
            if (second == null)
                throw Error.ArgumentNull("second");
            if (resultSelector == null)
                throw Error.ArgumentNull("resultSelector");
            return new ZipIterator<TFirst, TSecond, TResult>(first, second, resultSelector);
        }

        // A collection's Count, or a cheap count of one of these sequences.
        internal static bool TryGetCheapCount<TSource>(IEnumerable<TSource> source, out int count)
        {
            ICollection<TSource> collection = source as ICollection<TSource>;
            if (collection != null)
            {
                count = collection.Count;
                return true;
            }
            IIListProvider<TSource> provider = source as IIListProvider<TSource>;
            if (provider != null)
            {
                count = provider.GetCount(true);
                return count >= 0;
            }
            count = -1;
            return false;
        }

        // Copies `count` elements of `source` to array[index..].
        internal static void CopyTo<TSource>(IEnumerable<TSource> source, TSource[] array, int index, int count)
        {
            ICollection<TSource> collection = source as ICollection<TSource>;
            if (collection != null)
            {
                collection.CopyTo(array, index);
                return;
            }
            foreach (TSource item in source)
                array[index++] = item;
        }
    }

    // The sources one after another. Chained Concats make one iterator
    // over all their sources, as on .NET.
    internal sealed class ConcatIterator<TSource> : Iterator<TSource>, IIListProvider<TSource>
    {
        private readonly IEnumerable<TSource>[] _sources;
        private readonly int _count;
        private IEnumerator<TSource> _enumerator;

        // The first `count` entries of `sources`.
        internal ConcatIterator(IEnumerable<TSource>[] sources, int count)
        {
            _sources = sources;
            _count = count;
        }

        public override Iterator<TSource> Clone()
        {
            return new ConcatIterator<TSource>(_sources, _count);
        }

        internal ConcatIterator<TSource> Concat(IEnumerable<TSource> next)
        {
            IEnumerable<TSource>[] sources = new IEnumerable<TSource>[_count + 1];
            Array.Copy(_sources, 0, sources, 0, _count);
            sources[_count] = next;
            return new ConcatIterator<TSource>(sources, _count + 1);
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
            if (_state == 1)
            {
                _enumerator = _sources[0].GetEnumerator();
                _state = 2;
            }
            if (_state > 1)
            {
                while (true)
                {
                    if (_enumerator.MoveNext())
                    {
                        _current = _enumerator.Current;
                        return true;
                    }
                    int next = _state++ - 1;
                    if (next < _count)
                    {
                        _enumerator.Dispose();
                        _enumerator = _sources[next].GetEnumerator();
                        continue;
                    }
                    Dispose();
                    break;
                }
            }
            return false;
        }

        // The count of the first two sources (the first Concat).
        private int GetFirstTwoCount(bool onlyIfCheap)
        {
            int firstCount;
            int secondCount;
            if (!Enumerable.TryGetCheapCount(_sources[0], out firstCount))
            {
                if (onlyIfCheap)
                    return -1;
                firstCount = _sources[0].Count();
            }
            if (!Enumerable.TryGetCheapCount(_sources[1], out secondCount))
            {
                if (onlyIfCheap)
                    return -1;
                secondCount = _sources[1].Count();
            }
            return checked(firstCount + secondCount);
        }

        // As .NET counts: the third and later sources from the last down,
        // then the first two as a two-source Concat does.
        public int GetCount(bool onlyIfCheap)
        {
            if (_count == 2)
                return GetFirstTwoCount(onlyIfCheap);
            if (onlyIfCheap)
            {
                for (int i = 0; i < _count; i++)
                {
                    if (!(_sources[i] is ICollection<TSource>))
                        return -1;
                }
            }
            int count = 0;
            for (int i = _count - 1; i >= 2; i--)
            {
                IEnumerable<TSource> source = _sources[i];
                ICollection<TSource> collection = source as ICollection<TSource>;
                int sourceCount = collection != null ? collection.Count : source.Count();
                checked { count += sourceCount; }
            }
            return checked(count + GetFirstTwoCount(onlyIfCheap));
        }

        // As .NET: sources with a cheap count are copied after the others
        // have been enumerated.
        public TSource[] ToArray()
        {
            int[] reserved = new int[_count];
            List<TSource>[] read = new List<TSource>[_count];
            int total = 0;
            for (int i = 0; i < _count; i++)
            {
                int count;
                if (Enumerable.TryGetCheapCount(_sources[i], out count))
                {
                    reserved[i] = count;
                }
                else
                {
                    read[i] = new List<TSource>(_sources[i]);
                    count = read[i].Count;
                }
                checked { total += count; }
            }
            if (total == 0)
                return EmptyArray<TSource>.Value;
            TSource[] array = new TSource[total];
            int index = 0;
            for (int i = 0; i < _count; i++)
            {
                if (read[i] != null)
                {
                    read[i].CopyTo(array, index);
                    index += read[i].Count;
                }
                else
                {
                    index += reserved[i];
                }
            }
            index = 0;
            for (int i = 0; i < _count; i++)
            {
                if (read[i] != null)
                {
                    index += read[i].Count;
                }
                else
                {
                    if (reserved[i] > 0)
                        Enumerable.CopyTo(_sources[i], array, index, reserved[i]);
                    index += reserved[i];
                }
            }
            return array;
        }

        public List<TSource> ToList()
        {
            int count = GetCount(true);
            List<TSource> list = count != -1 ? new List<TSource>(count) : new List<TSource>();
            for (int i = 0; i < _count; i++)
                list.AddRange(_sources[i]);
            return list;
        }
    }

    // An immutable singly linked list (Append and Prepend chains).
    internal sealed class SingleLinkedNode<TSource>
    {
        internal readonly TSource Item;
        internal readonly SingleLinkedNode<TSource> Linked;

        internal SingleLinkedNode(TSource item, SingleLinkedNode<TSource> linked)
        {
            Item = item;
            Linked = linked;
        }

        // The items from the first added to the last.
        internal TSource[] ToArrayOldestFirst(int count)
        {
            TSource[] array = new TSource[count];
            int index = count;
            for (SingleLinkedNode<TSource> node = this; node != null; node = node.Linked)
                array[--index] = node.Item;
            return array;
        }
    }

    // Prepended elements (last prepended first), the source, then the
    // appended elements (first appended first).
    internal sealed class AppendPrependIterator<TSource> : Iterator<TSource>, IIListProvider<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly SingleLinkedNode<TSource> _prepended;
        private readonly SingleLinkedNode<TSource> _appended;
        private readonly int _prependCount;
        private readonly int _appendCount;
        private SingleLinkedNode<TSource> _node;
        private IEnumerator<TSource> _enumerator;
        private TSource[] _appendedInOrder;
        private int _appendIndex;

        public AppendPrependIterator(IEnumerable<TSource> source, SingleLinkedNode<TSource> prepended, SingleLinkedNode<TSource> appended, int prependCount, int appendCount)
        {
            _source = source;
            _prepended = prepended;
            _appended = appended;
            _prependCount = prependCount;
            _appendCount = appendCount;
        }

        public override Iterator<TSource> Clone()
        {
            return new AppendPrependIterator<TSource>(_source, _prepended, _appended, _prependCount, _appendCount);
        }

        internal AppendPrependIterator<TSource> Append(TSource item)
        {
            return new AppendPrependIterator<TSource>(_source, _prepended, new SingleLinkedNode<TSource>(item, _appended), _prependCount, _appendCount + 1);
        }

        internal AppendPrependIterator<TSource> Prepend(TSource item)
        {
            return new AppendPrependIterator<TSource>(_source, new SingleLinkedNode<TSource>(item, _prepended), _appended, _prependCount + 1, _appendCount);
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
                    _node = _prepended;
                    _state = 2;
                    goto case 2;
                case 2:
                    if (_node != null)
                    {
                        _current = _node.Item;
                        _node = _node.Linked;
                        return true;
                    }
                    _enumerator = _source.GetEnumerator();
                    _state = 3;
                    goto case 3;
                case 3:
                    if (_enumerator.MoveNext())
                    {
                        _current = _enumerator.Current;
                        return true;
                    }
                    if (_appended == null)
                        break;
                    _appendedInOrder = _appended.ToArrayOldestFirst(_appendCount);
                    _appendIndex = 0;
                    _state = 4;
                    goto case 4;
                case 4:
                    if (_appendIndex < _appendedInOrder.Length)
                    {
                        _current = _appendedInOrder[_appendIndex++];
                        return true;
                    }
                    break;
            }
            Dispose();
            return false;
        }

        public int GetCount(bool onlyIfCheap)
        {
            IIListProvider<TSource> listProv = _source as IIListProvider<TSource>;
            if (listProv != null)
            {
                int count = listProv.GetCount(onlyIfCheap);
                return count == -1 ? -1 : count + _appendCount + _prependCount;
            }
            if (!onlyIfCheap || _source is ICollection<TSource>)
                return _source.Count() + _appendCount + _prependCount;
            return -1;
        }

        public TSource[] ToArray()
        {
            return ToList().ToArray();
        }

        public List<TSource> ToList()
        {
            int count = GetCount(true);
            List<TSource> list = count == -1 ? new List<TSource>() : new List<TSource>(count);
            for (SingleLinkedNode<TSource> node = _prepended; node != null; node = node.Linked)
                list.Add(node.Item);
            list.AddRange(_source);
            if (_appended != null)
                list.AddRange(_appended.ToArrayOldestFirst(_appendCount));
            return list;
        }
    }

    internal sealed class ReverseIterator<TSource> : Iterator<TSource>, IIListProvider<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private TSource[] _buffer;

        public ReverseIterator(IEnumerable<TSource> source)
        {
            _source = source;
        }

        public override Iterator<TSource> Clone()
        {
            return new ReverseIterator<TSource>(_source);
        }

        public override bool MoveNext()
        {
            if (_state - 2 <= -2)
            {
                Dispose();
                return false;
            }
            switch (_state)
            {
                case 1:
                    TSource[] buffer = _source.ToArray();
                    _buffer = buffer;
                    _state = buffer.Length + 2;
                    goto default;
                default:
                    int index = _state - 3;
                    if (index != -1)
                    {
                        _current = _buffer[index];
                        --_state;
                        return true;
                    }
                    break;
            }
            Dispose();
            return false;
        }

        public override void Dispose()
        {
            _buffer = null;
            base.Dispose();
        }

        public TSource[] ToArray()
        {
            TSource[] array = _source.ToArray();
            ArraySortHelper<TSource>.Reverse(array, 0, array.Length);
            return array;
        }

        public List<TSource> ToList()
        {
            List<TSource> list = _source.ToList();
            list.Reverse();
            return list;
        }

        public int GetCount(bool onlyIfCheap)
        {
            if (onlyIfCheap)
            {
                IIListProvider<TSource> listProv = _source as IIListProvider<TSource>;
                if (listProv != null)
                    return listProv.GetCount(true);
                return !(_source is ICollection<TSource>) && !(_source is ICollection) ? -1 : _source.Count();
            }
            return _source.Count();
        }
    }

    internal sealed class DefaultIfEmptyIterator<TSource> : Iterator<TSource>, IIListProvider<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly TSource _default;
        private IEnumerator<TSource> _enumerator;

        public DefaultIfEmptyIterator(IEnumerable<TSource> source, TSource defaultValue)
        {
            _source = source;
            _default = defaultValue;
        }

        public override Iterator<TSource> Clone()
        {
            return new DefaultIfEmptyIterator<TSource>(_source, _default);
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _enumerator = _source.GetEnumerator();
                    if (_enumerator.MoveNext())
                    {
                        _current = _enumerator.Current;
                        _state = 2;
                    }
                    else
                    {
                        _current = _default;
                        _state = -1;
                    }
                    return true;
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

        public override void Dispose()
        {
            if (_enumerator != null)
            {
                _enumerator.Dispose();
                _enumerator = null;
            }
            base.Dispose();
        }

        public TSource[] ToArray()
        {
            TSource[] array = _source.ToArray();
            return array.Length == 0 ? new TSource[] { _default } : array;
        }

        public List<TSource> ToList()
        {
            List<TSource> list = _source.ToList();
            if (list.Count == 0)
                list.Add(_default);
            return list;
        }

        public int GetCount(bool onlyIfCheap)
        {
            int count;
            if (!onlyIfCheap || _source is ICollection<TSource> || _source is ICollection)
            {
                count = _source.Count();
            }
            else
            {
                IIListProvider<TSource> listProv = _source as IIListProvider<TSource>;
                count = listProv != null ? listProv.GetCount(true) : -1;
            }
            return count == 0 ? 1 : count;
        }
    }

    internal sealed class ZipIterator<TFirst, TSecond, TResult> : Iterator<TResult>
    {
        private readonly IEnumerable<TFirst> _first;
        private readonly IEnumerable<TSecond> _second;
        private readonly Func<TFirst, TSecond, TResult> _resultSelector;
        private IEnumerator<TFirst> _e1;
        private IEnumerator<TSecond> _e2;

        public ZipIterator(IEnumerable<TFirst> first, IEnumerable<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)
        {
            _first = first;
            _second = second;
            _resultSelector = resultSelector;
        }

        public override Iterator<TResult> Clone()
        {
            return new ZipIterator<TFirst, TSecond, TResult>(_first, _second, _resultSelector);
        }

        public override void Dispose()
        {
            if (_e2 != null)
            {
                _e2.Dispose();
                _e2 = null;
            }
            if (_e1 != null)
            {
                _e1.Dispose();
                _e1 = null;
            }
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _e1 = _first.GetEnumerator();
                    _e2 = _second.GetEnumerator();
                    _state = 2;
                    goto case 2;
                case 2:
                    if (_e1.MoveNext() && _e2.MoveNext())
                    {
                        _current = _resultSelector(_e1.Current, _e2.Current);
                        return true;
                    }
                    break;
            }
            Dispose();
            return false;
        }
    }
}
