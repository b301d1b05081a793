using System.Collections;

namespace System
{
    // Every array is a fixed-size IList (and an ICollection): reads and
    // writes go through GetValue/SetValue, the size never changes. Messages
    // are mono's.
    public abstract partial class Array : IList, ICollection
    {
        int ICollection.Count
        {
            get { return Length; }
        }

        public object SyncRoot
        {
            get { return this; }
        }

        public bool IsSynchronized
        {
            get { return false; }
        }

        public bool IsReadOnly
        {
            get { return false; }
        }

        public bool IsFixedSize
        {
            get { return true; }
        }

        object IList.this[int index]
        {
            get { return GetValue(index); }
            set { SetValue(value, index); }
        }

        int IList.Add(object value)
        {
            throw new NotSupportedException("Collection was of a fixed size.");
        }

        void IList.Insert(int index, object value)
        {
            throw new NotSupportedException("Collection was of a fixed size.");
        }

        void IList.Remove(object value)
        {
            throw new NotSupportedException("Collection was of a fixed size.");
        }

        void IList.RemoveAt(int index)
        {
            throw new NotSupportedException("Collection was of a fixed size.");
        }

        void IList.Clear()
        {
            Array.Clear(this, GetLowerBound(0), Length);
        }

        bool IList.Contains(object value)
        {
            return ((IList)this).IndexOf(value) >= GetLowerBound(0);
        }

        int IList.IndexOf(object value)
        {
            if (Rank != 1)
                throw new RankException("Only single dimension arrays are supported.");
            int lower = GetLowerBound(0);
            int length = Length;
            for (int i = 0; i < length; i++)
            {
                object item = GetValue(lower + i);
                if (item == null ? value == null : item.Equals(value))
                    return lower + i;
            }
            return lower - 1;
        }

        public void CopyTo(Array array, int index)
        {
            if (array != null && array.Rank != 1)
                throw new ArgumentException("Only single dimensional arrays are supported for the requested action.", "array");
            if (Rank != 1)
                throw new RankException("Only single dimension arrays are supported here.");
            Array.Copy(this, GetLowerBound(0), array, index, Length);
        }
    }
}
