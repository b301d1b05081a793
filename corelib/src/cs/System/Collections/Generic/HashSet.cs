namespace System.Collections.Generic
{
    // A hash set: .NET's HashSet<T>. Elements live in one array in the
    // order they were added; a removed element's slot is reused by the
    // next addition (last removed, first reused), and emptying the set
    // starts again from the first slot. Enumeration follows the array, as
    // on .NET. null is an element like any other.
    public class HashSet<T> : ISet<T>, IReadOnlyCollection<T>
    {
        private const int Lower31BitMask = 0x7FFFFFFF;
        // TrimExcess after construction when the slots are more than this
        // many times the count.
        private const int ShrinkThreshold = 3;

        private struct Slot
        {
            // Lower 31 bits of the hash code; -1 for a free slot.
            internal int hashCode;
            // The next slot of the bucket (or of the free list); -1 ends it.
            internal int next;
            internal T value;
        }

        // 1-based indexes into _slots (0: empty bucket).
        private int[] _buckets;
        private Slot[] _slots;
        private int _count;
        // Slots used so far (free ones included).
        private int _lastIndex;
        private int _freeList;
        private IEqualityComparer<T> _comparer;
        private int _version;

        public HashSet()
            : this((IEqualityComparer<T>)null)
        {
        }

        public HashSet(IEqualityComparer<T> comparer)
        {
            if (comparer == null)
                comparer = EqualityComparer<T>.Default;
            _comparer = comparer;
            _lastIndex = 0;
            _count = 0;
            _freeList = -1;
            _version = 0;
        }

        public HashSet(int capacity)
            : this(capacity, null)
        {
        }

        public HashSet(int capacity, IEqualityComparer<T> comparer)
            : this(comparer)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity");
            if (capacity > 0)
                Initialize(capacity);
        }

        public HashSet(IEnumerable<T> collection)
            : this(collection, null)
        {
        }

        public HashSet(IEnumerable<T> collection, IEqualityComparer<T> comparer)
            : this(comparer)
        {
            if (collection == null)
                ThrowHelper.ThrowArgumentNullException("collection");
            HashSet<T> otherAsHashSet = collection as HashSet<T>;
            if (otherAsHashSet != null && AreEqualityComparersEqual(this, otherAsHashSet))
            {
                CopyFrom(otherAsHashSet);
            }
            else
            {
                ICollection<T> coll = collection as ICollection<T>;
                int suggestedCapacity = coll == null ? 0 : coll.Count;
                Initialize(suggestedCapacity);
                UnionWith(collection);
                if (_count > 0 && _slots.Length / _count > ShrinkThreshold)
                    TrimExcess();
            }
        }

        // A copy of `source`'s slots (free list included) when that is not
        // wasteful; otherwise its elements added in order.
        private void CopyFrom(HashSet<T> source)
        {
            int count = source._count;
            if (count == 0)
                return;
            int capacity = source._buckets.Length;
            int threshold = HashHelpers.ExpandPrime(count + 1);
            if (threshold >= capacity)
            {
                _buckets = (int[])source._buckets.Clone();
                _slots = (Slot[])source._slots.Clone();
                _lastIndex = source._lastIndex;
                _freeList = source._freeList;
            }
            else
            {
                int lastIndex = source._lastIndex;
                Slot[] slots = source._slots;
                Initialize(count);
                int index = 0;
                for (int i = 0; i < lastIndex; ++i)
                {
                    int hashCode = slots[i].hashCode;
                    if (hashCode >= 0)
                    {
                        AddValue(index, hashCode, slots[i].value);
                        ++index;
                    }
                }
                _lastIndex = index;
            }
            _count = count;
        }

        public IEqualityComparer<T> Comparer
        {
            get { return _comparer; }
        }

        public int Count
        {
            get { return _count; }
        }

        bool ICollection<T>.IsReadOnly
        {
            get { return false; }
        }

        void ICollection<T>.Add(T item)
        {
            AddIfNotPresent(item);
        }

        // false if the element was already there.
        public bool Add(T item)
        {
            return AddIfNotPresent(item);
        }

        public void Clear()
        {
            if (_lastIndex > 0)
            {
                Array.Clear(_slots, 0, _lastIndex);
                for (int i = 0; i < _buckets.Length; i++)
                    _buckets[i] = 0;
                _lastIndex = 0;
                _count = 0;
                _freeList = -1;
            }
            _version++;
        }

        public bool Contains(T item)
        {
            return FindItemIndex(item) >= 0;
        }

        // The element of the set equal to `equalValue`.
        public bool TryGetValue(T equalValue, out T actualValue)
        {
            int i = FindItemIndex(equalValue);
            if (i >= 0)
            {
                actualValue = _slots[i].value;
                return true;
            }
            actualValue = default(T);
            return false;
        }

        public void CopyTo(T[] array)
        {
            CopyTo(array, 0, _count);
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            CopyTo(array, arrayIndex, _count);
        }

        public void CopyTo(T[] array, int arrayIndex, int count)
        {
            if (array == null)
                ThrowHelper.ThrowArgumentNullException("array");
            if (arrayIndex < 0)
                ThrowHelper.ThrowArgumentOutOfRangeException("arrayIndex", arrayIndex, "Non negative number is required.");
            if (count < 0)
                ThrowHelper.ThrowArgumentOutOfRangeException("count", count, "Non negative number is required.");
            if (arrayIndex > array.Length || count > array.Length - arrayIndex)
                ThrowHelper.ThrowArrayPlusOffTooSmall();
            int numCopied = 0;
            for (int i = 0; i < _lastIndex && numCopied < count; i++)
            {
                if (_slots[i].hashCode >= 0)
                {
                    array[arrayIndex + numCopied] = _slots[i].value;
                    numCopied++;
                }
            }
        }

        public bool Remove(T item)
        {
            if (_buckets != null)
            {
                int hashCode = InternalGetHashCode(item);
                int bucket = hashCode % _buckets.Length;
                int last = -1;
                for (int i = _buckets[bucket] - 1; i >= 0; last = i, i = _slots[i].next)
                {
                    if (_slots[i].hashCode == hashCode && _comparer.Equals(_slots[i].value, item))
                    {
                        if (last < 0)
                            _buckets[bucket] = _slots[i].next + 1;
                        else
                            _slots[last].next = _slots[i].next;
                        _slots[i].hashCode = -1;
                        _slots[i].value = default(T);
                        _slots[i].next = _freeList;
                        _count--;
                        _version++;
                        if (_count == 0)
                        {
                            _lastIndex = 0;
                            _freeList = -1;
                        }
                        else
                        {
                            _freeList = i;
                        }
                        return true;
                    }
                }
            }
            return false;
        }

        // Removes every element `match` accepts; returns how many.
        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null)
                ThrowHelper.ThrowArgumentNullException("match");
            int numRemoved = 0;
            for (int i = 0; i < _lastIndex; i++)
            {
                if (_slots[i].hashCode >= 0)
                {
                    T value = _slots[i].value;
                    if (match(value) && Remove(value))
                        numRemoved++;
                }
            }
            return numRemoved;
        }

        public Enumerator GetEnumerator()
        {
            return new Enumerator(this);
        }

        IEnumerator<T> IEnumerable<T>.GetEnumerator()
        {
            return new Enumerator(this);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new Enumerator(this);
        }

        // ----- Set operations -----------------------------------------------

        // Adds the elements of `other` that are missing, in its order.
        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            foreach (T item in other)
                AddIfNotPresent(item);
        }

        // Keeps only the elements also in `other`.
        public void IntersectWith(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (_count == 0)
                return;
            if (other == this)
                return;
            ICollection<T> otherAsCollection = other as ICollection<T>;
            if (otherAsCollection != null)
            {
                if (otherAsCollection.Count == 0)
                {
                    Clear();
                    return;
                }
                HashSet<T> otherAsSet = other as HashSet<T>;
                if (otherAsSet != null && AreEqualityComparersEqual(this, otherAsSet))
                {
                    IntersectWithHashSetWithSameEC(otherAsSet);
                    return;
                }
            }
            IntersectWithEnumerable(other);
        }

        // Removes the elements that are in `other`, in its order.
        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (_count == 0)
                return;
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T element in other)
                Remove(element);
        }

        // Keeps the elements in exactly one of the two.
        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (_count == 0)
            {
                UnionWith(other);
                return;
            }
            if (other == this)
            {
                Clear();
                return;
            }
            HashSet<T> otherAsSet = other as HashSet<T>;
            if (otherAsSet != null && AreEqualityComparersEqual(this, otherAsSet))
                SymmetricExceptWithUniqueHashSet(otherAsSet);
            else
                SymmetricExceptWithEnumerable(other);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (_count == 0 || other == this)
                return true;
            HashSet<T> otherAsSet = other as HashSet<T>;
            if (otherAsSet != null && AreEqualityComparersEqual(this, otherAsSet))
            {
                if (_count > otherAsSet.Count)
                    return false;
                return IsSubsetOfHashSetWithSameEC(otherAsSet);
            }
            int uniqueCount, unfoundCount;
            CheckUniqueAndUnfoundElements(other, false, out uniqueCount, out unfoundCount);
            return uniqueCount == _count && unfoundCount >= 0;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (other == this)
                return false;
            ICollection<T> otherAsCollection = other as ICollection<T>;
            if (otherAsCollection != null)
            {
                if (_count == 0)
                    return otherAsCollection.Count > 0;
                HashSet<T> otherAsSet = other as HashSet<T>;
                if (otherAsSet != null && AreEqualityComparersEqual(this, otherAsSet))
                {
                    if (_count >= otherAsSet.Count)
                        return false;
                    return IsSubsetOfHashSetWithSameEC(otherAsSet);
                }
            }
            int uniqueCount, unfoundCount;
            CheckUniqueAndUnfoundElements(other, false, out uniqueCount, out unfoundCount);
            return uniqueCount == _count && unfoundCount > 0;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (other == this)
                return true;
            ICollection<T> otherAsCollection = other as ICollection<T>;
            if (otherAsCollection != null)
            {
                if (otherAsCollection.Count == 0)
                    return true;
                HashSet<T> otherAsSet = other as HashSet<T>;
                if (otherAsSet != null && AreEqualityComparersEqual(this, otherAsSet))
                {
                    if (otherAsSet.Count > _count)
                        return false;
                }
            }
            return ContainsAllElements(other);
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (_count == 0 || other == this)
                return false;
            ICollection<T> otherAsCollection = other as ICollection<T>;
            if (otherAsCollection != null)
            {
                if (otherAsCollection.Count == 0)
                    return true;
                HashSet<T> otherAsSet = other as HashSet<T>;
                if (otherAsSet != null && AreEqualityComparersEqual(this, otherAsSet))
                {
                    if (otherAsSet.Count >= _count)
                        return false;
                    return ContainsAllElements(otherAsSet);
                }
            }
            int uniqueCount, unfoundCount;
            CheckUniqueAndUnfoundElements(other, true, out uniqueCount, out unfoundCount);
            return uniqueCount < _count && unfoundCount == 0;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (_count == 0)
                return false;
            if (other == this)
                return true;
            foreach (T element in other)
            {
                if (Contains(element))
                    return true;
            }
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (other == this)
                return true;
            HashSet<T> otherAsSet = other as HashSet<T>;
            if (otherAsSet != null && AreEqualityComparersEqual(this, otherAsSet))
            {
                if (_count != otherAsSet.Count)
                    return false;
                return ContainsAllElements(otherAsSet);
            }
            ICollection<T> otherAsCollection = other as ICollection<T>;
            if (otherAsCollection != null)
            {
                if (_count == 0 && otherAsCollection.Count > 0)
                    return false;
            }
            int uniqueCount, unfoundCount;
            CheckUniqueAndUnfoundElements(other, true, out uniqueCount, out unfoundCount);
            return uniqueCount == _count && unfoundCount == 0;
        }

        // Shrinks the arrays to the count, packing the elements in order.
        public void TrimExcess()
        {
            if (_count == 0)
            {
                _buckets = null;
                _slots = null;
                _version++;
            }
            else
            {
                int newSize = HashHelpers.GetPrime(_count);
                Slot[] newSlots = new Slot[newSize];
                int[] newBuckets = new int[newSize];
                int newIndex = 0;
                for (int i = 0; i < _lastIndex; i++)
                {
                    if (_slots[i].hashCode >= 0)
                    {
                        newSlots[newIndex] = _slots[i];
                        int bucket = newSlots[newIndex].hashCode % newSize;
                        newSlots[newIndex].next = newBuckets[bucket] - 1;
                        newBuckets[bucket] = newIndex + 1;
                        newIndex++;
                    }
                }
                _lastIndex = newIndex;
                _slots = newSlots;
                _buckets = newBuckets;
                _freeList = -1;
            }
        }

        // Makes room for `capacity` elements; returns the new capacity.
        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0)
                throw new ArgumentOutOfRangeException("capacity");
            int currentCapacity = _slots == null ? 0 : _slots.Length;
            if (currentCapacity >= capacity)
                return currentCapacity;
            if (_buckets == null)
                return Initialize(capacity);
            int newSize = HashHelpers.GetPrime(capacity);
            SetCapacity(newSize);
            return newSize;
        }

        // An equality comparer of HashSet<T>s by their elements.
        public static IEqualityComparer<HashSet<T>> CreateSetComparer()
        {
            return new HashSetEqualityComparer<T>();
        }

        // ----- Internals ------------------------------------------------------

        private int Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _buckets = new int[size];
            _slots = new Slot[size];
            return size;
        }

        private void IncreaseCapacity()
        {
            int newSize = HashHelpers.ExpandPrime(_count);
            if (newSize <= _count)
                throw new ArgumentException("HashSet capacity is too big.");
            SetCapacity(newSize);
        }

        private void SetCapacity(int newSize)
        {
            Slot[] newSlots = new Slot[newSize];
            if (_slots != null)
                Array.Copy(_slots, 0, newSlots, 0, _lastIndex);
            int[] newBuckets = new int[newSize];
            for (int i = 0; i < _lastIndex; i++)
            {
                int hashCode = newSlots[i].hashCode;
                if (hashCode >= 0)
                {
                    int bucket = hashCode % newSize;
                    newSlots[i].next = newBuckets[bucket] - 1;
                    newBuckets[bucket] = i + 1;
                }
            }
            _slots = newSlots;
            _buckets = newBuckets;
        }

        private bool AddIfNotPresent(T value)
        {
            if (_buckets == null)
                Initialize(0);
            int hashCode = InternalGetHashCode(value);
            int bucket = hashCode % _buckets.Length;
            for (int i = _buckets[bucket] - 1; i >= 0; i = _slots[i].next)
            {
                if (_slots[i].hashCode == hashCode && _comparer.Equals(_slots[i].value, value))
                    return false;
            }
            int index;
            if (_freeList >= 0)
            {
                index = _freeList;
                _freeList = _slots[index].next;
            }
            else
            {
                if (_lastIndex == _slots.Length)
                {
                    IncreaseCapacity();
                    bucket = hashCode % _buckets.Length;
                }
                index = _lastIndex;
                _lastIndex++;
            }
            _slots[index].hashCode = hashCode;
            _slots[index].value = value;
            _slots[index].next = _buckets[bucket] - 1;
            _buckets[bucket] = index + 1;
            _count++;
            _version++;
            return true;
        }

        // Stores a value known to be absent at slot `index` (CopyFrom).
        private void AddValue(int index, int hashCode, T value)
        {
            int bucket = hashCode % _buckets.Length;
            _slots[index].hashCode = hashCode;
            _slots[index].value = value;
            _slots[index].next = _buckets[bucket] - 1;
            _buckets[bucket] = index + 1;
        }

        // Adds `value` if missing; `location` is its slot either way.
        private bool AddOrGetLocation(T value, out int location)
        {
            int hashCode = InternalGetHashCode(value);
            int bucket = hashCode % _buckets.Length;
            for (int i = _buckets[bucket] - 1; i >= 0; i = _slots[i].next)
            {
                if (_slots[i].hashCode == hashCode && _comparer.Equals(_slots[i].value, value))
                {
                    location = i;
                    return false;
                }
            }
            int index;
            if (_freeList >= 0)
            {
                index = _freeList;
                _freeList = _slots[index].next;
            }
            else
            {
                if (_lastIndex == _slots.Length)
                {
                    IncreaseCapacity();
                    bucket = hashCode % _buckets.Length;
                }
                index = _lastIndex;
                _lastIndex++;
            }
            _slots[index].hashCode = hashCode;
            _slots[index].value = value;
            _slots[index].next = _buckets[bucket] - 1;
            _buckets[bucket] = index + 1;
            _count++;
            _version++;
            location = index;
            return true;
        }

        private int FindItemIndex(T item)
        {
            if (_buckets != null)
            {
                int hashCode = InternalGetHashCode(item);
                for (int i = _buckets[hashCode % _buckets.Length] - 1; i >= 0; i = _slots[i].next)
                {
                    if (_slots[i].hashCode == hashCode && _comparer.Equals(_slots[i].value, item))
                        return i;
                }
            }
            return -1;
        }

        private int InternalGetHashCode(T item)
        {
            if (item == null)
                return 0;
            return _comparer.GetHashCode(item) & Lower31BitMask;
        }

        private bool ContainsAllElements(IEnumerable<T> other)
        {
            foreach (T element in other)
            {
                if (!Contains(element))
                    return false;
            }
            return true;
        }

        private bool IsSubsetOfHashSetWithSameEC(HashSet<T> other)
        {
            foreach (T item in this)
            {
                if (!other.Contains(item))
                    return false;
            }
            return true;
        }

        private void IntersectWithHashSetWithSameEC(HashSet<T> other)
        {
            for (int i = 0; i < _lastIndex; i++)
            {
                if (_slots[i].hashCode >= 0)
                {
                    T item = _slots[i].value;
                    if (!other.Contains(item))
                        Remove(item);
                }
            }
        }

        private void IntersectWithEnumerable(IEnumerable<T> other)
        {
            int originalLastIndex = _lastIndex;
            bool[] found = new bool[originalLastIndex];
            foreach (T item in other)
            {
                int index = FindItemIndex(item);
                if (index >= 0)
                    found[index] = true;
            }
            for (int i = 0; i < originalLastIndex; i++)
            {
                if (_slots[i].hashCode >= 0 && !found[i])
                    Remove(_slots[i].value);
            }
        }

        private void SymmetricExceptWithUniqueHashSet(HashSet<T> other)
        {
            foreach (T item in other)
            {
                if (!Remove(item))
                    AddIfNotPresent(item);
            }
        }

        private void SymmetricExceptWithEnumerable(IEnumerable<T> other)
        {
            int originalLastIndex = _lastIndex;
            bool[] itemsToRemove = new bool[originalLastIndex];
            bool[] itemsAddedFromOther = new bool[originalLastIndex];
            foreach (T item in other)
            {
                int location;
                bool added = AddOrGetLocation(item, out location);
                if (added)
                {
                    if (location < originalLastIndex)
                        itemsAddedFromOther[location] = true;
                }
                else
                {
                    if (location < originalLastIndex && !itemsAddedFromOther[location])
                        itemsToRemove[location] = true;
                }
            }
            for (int i = 0; i < originalLastIndex; i++)
            {
                if (itemsToRemove[i])
                    Remove(_slots[i].value);
            }
        }

        // How many distinct elements of `other` are in the set, and how many
        // are not (-1 when only the first count matters and one was found
        // missing: `returnIfUnfound`).
        private void CheckUniqueAndUnfoundElements(IEnumerable<T> other, bool returnIfUnfound, out int uniqueCount, out int unfoundCount)
        {
            if (_count == 0)
            {
                int numElementsInOther = 0;
                foreach (T item in other)
                {
                    numElementsInOther++;
                    break;
                }
                uniqueCount = 0;
                unfoundCount = numElementsInOther;
                return;
            }
            int originalLastIndex = _lastIndex;
            bool[] seen = new bool[originalLastIndex];
            unfoundCount = 0;
            uniqueCount = 0;
            foreach (T item in other)
            {
                int index = FindItemIndex(item);
                if (index >= 0)
                {
                    if (!seen[index])
                    {
                        seen[index] = true;
                        uniqueCount++;
                    }
                }
                else
                {
                    unfoundCount++;
                    if (returnIfUnfound)
                        break;
                }
            }
        }

        internal static bool AreEqualityComparersEqual(HashSet<T> set1, HashSet<T> set2)
        {
            return set1.Comparer.Equals(set2.Comparer);
        }

        // Whether two sets hold the same elements (by set1's comparer when
        // both use the same one, else by `comparer`).
        internal static bool HashSetEquals(HashSet<T> set1, HashSet<T> set2, IEqualityComparer<T> comparer)
        {
            if (set1 == null)
                return set2 == null;
            if (set2 == null)
                return false;
            if (AreEqualityComparersEqual(set1, set2))
            {
                if (set1.Count != set2.Count)
                    return false;
                foreach (T item in set2)
                {
                    if (!set1.Contains(item))
                        return false;
                }
                return true;
            }
            foreach (T set2Item in set2)
            {
                bool found = false;
                foreach (T set1Item in set1)
                {
                    if (comparer.Equals(set2Item, set1Item))
                    {
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return false;
            }
            return true;
        }

        public struct Enumerator : IEnumerator<T>, IEnumerator
        {
            private readonly HashSet<T> _set;
            private int _index;
            private readonly int _version;
            private T _current;

            internal Enumerator(HashSet<T> set)
            {
                _set = set;
                _index = 0;
                _version = set._version;
                _current = default(T);
            }

            public void Dispose()
            {
            }

            public bool MoveNext()
            {
                if (_version != _set._version)
                    ThrowHelper.ThrowVersionChanged();
                while (_index < _set._lastIndex)
                {
                    if (_set._slots[_index].hashCode >= 0)
                    {
                        _current = _set._slots[_index].value;
                        _index++;
                        return true;
                    }
                    _index++;
                }
                _index = _set._lastIndex + 1;
                _current = default(T);
                return false;
            }

            public T Current
            {
                get { return _current; }
            }

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _set._lastIndex + 1)
                        ThrowHelper.ThrowEnumOpCantHappen();
                    return Current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _set._version)
                    ThrowHelper.ThrowVersionChanged();
                _index = 0;
                _current = default(T);
            }
        }
    }

    // HashSet<T>.CreateSetComparer's comparer.
    internal sealed class HashSetEqualityComparer<T> : IEqualityComparer<HashSet<T>>
    {
        private readonly IEqualityComparer<T> _comparer = EqualityComparer<T>.Default;

        public bool Equals(HashSet<T> x, HashSet<T> y)
        {
            return HashSet<T>.HashSetEquals(x, y, _comparer);
        }

        public int GetHashCode(HashSet<T> obj)
        {
            int hashCode = 0;
            if (obj != null)
            {
                foreach (T t in obj)
                    hashCode = hashCode ^ (_comparer.GetHashCode(t) & 0x7FFFFFFF);
            }
            return hashCode;
        }

        public override bool Equals(object obj)
        {
            return obj is HashSetEqualityComparer<T>;
        }

        public override int GetHashCode()
        {
            return _comparer.GetHashCode();
        }
    }
}
