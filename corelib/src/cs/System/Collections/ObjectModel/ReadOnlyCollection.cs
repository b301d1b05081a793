using System.Collections.Generic;

namespace System.Collections.ObjectModel
{
    // A read-only view of a list: changes to the list show through; every
    // modifying member throws NotSupportedException.
    public class ReadOnlyCollection<T> : IList<T>, IList, IReadOnlyList<T>
    {
        private readonly IList<T> list;

        public ReadOnlyCollection(IList<T> list)
        {
            if (list == null)
                ThrowHelper.ThrowArgumentNullException("list");
            this.list = list;
        }

        public int Count
        {
            get { return list.Count; }
        }

        public T this[int index]
        {
            get { return list[index]; }
        }

        public bool Contains(T value)
        {
            return list.Contains(value);
        }

        public void CopyTo(T[] array, int index)
        {
            list.CopyTo(array, index);
        }

        public IEnumerator<T> GetEnumerator()
        {
            return list.GetEnumerator();
        }

        public int IndexOf(T value)
        {
            return list.IndexOf(value);
        }

        protected IList<T> Items
        {
            get { return list; }
        }

        bool ICollection<T>.IsReadOnly
        {
            get { return true; }
        }

        T IList<T>.this[int index]
        {
            get { return list[index]; }
            set { ThrowHelper.ThrowReadOnly(); }
        }

        void ICollection<T>.Add(T value)
        {
            ThrowHelper.ThrowReadOnly();
        }

        void ICollection<T>.Clear()
        {
            ThrowHelper.ThrowReadOnly();
        }

        void IList<T>.Insert(int index, T value)
        {
            ThrowHelper.ThrowReadOnly();
        }

        bool ICollection<T>.Remove(T value)
        {
            ThrowHelper.ThrowReadOnly();
            return false;
        }

        void IList<T>.RemoveAt(int index)
        {
            ThrowHelper.ThrowReadOnly();
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return ((IEnumerable)list).GetEnumerator();
        }

        bool ICollection.IsSynchronized
        {
            get { return false; }
        }

        object ICollection.SyncRoot
        {
            get
            {
                ICollection c = list as ICollection;
                return c != null ? c.SyncRoot : this;
            }
        }

        void ICollection.CopyTo(Array array, int index)
        {
            ThrowHelper.CheckNonGenericCopyTo(array, index, Count);
            EnumerableHelpers.CopyToArray(list, array, index);
        }

        bool IList.IsFixedSize
        {
            get { return true; }
        }

        bool IList.IsReadOnly
        {
            get { return true; }
        }

        object IList.this[int index]
        {
            get { return list[index]; }
            set { ThrowHelper.ThrowReadOnly(); }
        }

        int IList.Add(object value)
        {
            ThrowHelper.ThrowReadOnly();
            return -1;
        }

        void IList.Clear()
        {
            ThrowHelper.ThrowReadOnly();
        }

        bool IList.Contains(object value)
        {
            if (ThrowHelper.IsCompatibleObject<T>(value))
                return Contains((T)value);
            return false;
        }

        int IList.IndexOf(object value)
        {
            if (ThrowHelper.IsCompatibleObject<T>(value))
                return IndexOf((T)value);
            return -1;
        }

        void IList.Insert(int index, object value)
        {
            ThrowHelper.ThrowReadOnly();
        }

        void IList.Remove(object value)
        {
            ThrowHelper.ThrowReadOnly();
        }

        void IList.RemoveAt(int index)
        {
            ThrowHelper.ThrowReadOnly();
        }
    }
}
