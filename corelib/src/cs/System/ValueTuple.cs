using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System
{
    // What ValueTuple`8 needs of its Rest (which must be a ValueTuple).
    internal interface IValueTupleInternal : ITuple
    {
        int GetHashCode(IEqualityComparer comparer);

        // The elements and the closing parenthesis: "a, b)".
        string ToStringEnd();
    }

    // The empty value tuple, factory methods, and hash combination. mcs
    // compiles tuple syntax (`var t = (1, "a")`, `(int a, string b) F()`)
    // to the ValueTuple structs below.
    public struct ValueTuple : IEquatable<ValueTuple>, IStructuralEquatable, IStructuralComparable, IComparable, IComparable<ValueTuple>, IValueTupleInternal, ITuple
    {
        public override bool Equals(object obj)
        {
            return obj is ValueTuple;
        }

        public bool Equals(ValueTuple other)
        {
            return true;
        }

        bool IStructuralEquatable.Equals(object other, IEqualityComparer comparer)
        {
            return other is ValueTuple;
        }

        int IComparable.CompareTo(object other)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple))
                throw new ArgumentException(IncorrectType(this), "other");
            return 0;
        }

        public int CompareTo(ValueTuple other)
        {
            return 0;
        }

        int IStructuralComparable.CompareTo(object other, IComparer comparer)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple))
                throw new ArgumentException(IncorrectType(this), "other");
            return 0;
        }

        public override int GetHashCode()
        {
            return 0;
        }

        int IStructuralEquatable.GetHashCode(IEqualityComparer comparer)
        {
            return 0;
        }

        int IValueTupleInternal.GetHashCode(IEqualityComparer comparer)
        {
            return 0;
        }

        public override string ToString()
        {
            return "()";
        }

        string IValueTupleInternal.ToStringEnd()
        {
            return ")";
        }

        int ITuple.Length
        {
            get { return 0; }
        }

        object ITuple.this[int index]
        {
            get { throw new IndexOutOfRangeException(); }
        }

        public static ValueTuple Create()
        {
            return new ValueTuple();
        }

        public static ValueTuple<T1> Create<T1>(T1 item1)
        {
            return new ValueTuple<T1>(item1);
        }

        public static ValueTuple<T1, T2> Create<T1, T2>(T1 item1, T2 item2)
        {
            return new ValueTuple<T1, T2>(item1, item2);
        }

        public static ValueTuple<T1, T2, T3> Create<T1, T2, T3>(T1 item1, T2 item2, T3 item3)
        {
            return new ValueTuple<T1, T2, T3>(item1, item2, item3);
        }

        public static ValueTuple<T1, T2, T3, T4> Create<T1, T2, T3, T4>(T1 item1, T2 item2, T3 item3, T4 item4)
        {
            return new ValueTuple<T1, T2, T3, T4>(item1, item2, item3, item4);
        }

        public static ValueTuple<T1, T2, T3, T4, T5> Create<T1, T2, T3, T4, T5>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5)
        {
            return new ValueTuple<T1, T2, T3, T4, T5>(item1, item2, item3, item4, item5);
        }

        public static ValueTuple<T1, T2, T3, T4, T5, T6> Create<T1, T2, T3, T4, T5, T6>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6)
        {
            return new ValueTuple<T1, T2, T3, T4, T5, T6>(item1, item2, item3, item4, item5, item6);
        }

        public static ValueTuple<T1, T2, T3, T4, T5, T6, T7> Create<T1, T2, T3, T4, T5, T6, T7>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7)
        {
            return new ValueTuple<T1, T2, T3, T4, T5, T6, T7>(item1, item2, item3, item4, item5, item6, item7);
        }

        public static ValueTuple<T1, T2, T3, T4, T5, T6, T7, ValueTuple<T8>> Create<T1, T2, T3, T4, T5, T6, T7, T8>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7, T8 item8)
        {
            return new ValueTuple<T1, T2, T3, T4, T5, T6, T7, ValueTuple<T8>>(item1, item2, item3, item4, item5, item6, item7, new ValueTuple<T8>(item8));
        }

        // .NET's combination (HashHelpers.Combine); .NET also mixes in a
        // per-process random seed, so no program can rely on these values.
        internal static int CombineHashCodes(int h1, int h2)
        {
            uint rol5 = ((uint)h1 << 5) | ((uint)h1 >> 27);
            return ((int)rol5 + h1) ^ h2;
        }

        internal static int CombineHashCodes(int h1, int h2, int h3)
        {
            return CombineHashCodes(CombineHashCodes(h1, h2), h3);
        }

        internal static int CombineHashCodes(int h1, int h2, int h3, int h4)
        {
            return CombineHashCodes(CombineHashCodes(h1, h2, h3), h4);
        }

        internal static int CombineHashCodes(int h1, int h2, int h3, int h4, int h5)
        {
            return CombineHashCodes(CombineHashCodes(h1, h2, h3, h4), h5);
        }

        internal static int CombineHashCodes(int h1, int h2, int h3, int h4, int h5, int h6)
        {
            return CombineHashCodes(CombineHashCodes(h1, h2, h3, h4, h5), h6);
        }

        internal static int CombineHashCodes(int h1, int h2, int h3, int h4, int h5, int h6, int h7)
        {
            return CombineHashCodes(CombineHashCodes(h1, h2, h3, h4, h5, h6), h7);
        }

        internal static int CombineHashCodes(int h1, int h2, int h3, int h4, int h5, int h6, int h7, int h8)
        {
            return CombineHashCodes(CombineHashCodes(h1, h2, h3, h4, h5, h6, h7), h8);
        }

        internal static string IncorrectType(object tuple)
        {
            return String.Concat("Argument must be of type ", tuple.GetType().ToString(), ".");
        }

        // value?.ToString()
        internal static string Text<T>(T value)
        {
            return value == null ? null : value.ToString();
        }

        internal static int Hash<T>(T value)
        {
            return value == null ? 0 : value.GetHashCode();
        }
    }

    // A one-element value tuple; Equals, CompareTo and GetHashCode go element by element
    // (EqualityComparer<Tn>.Default, Comparer<Tn>.Default).
    public struct ValueTuple<T1> : IEquatable<ValueTuple<T1>>, IStructuralEquatable, IStructuralComparable, IComparable, IComparable<ValueTuple<T1>>, IValueTupleInternal, ITuple
    {
        public T1 Item1;

        public ValueTuple(T1 item1)
        {
            Item1 = item1;
        }

        public override bool Equals(object obj)
        {
            return obj is ValueTuple<T1> && Equals((ValueTuple<T1>)obj);
        }

        public bool Equals(ValueTuple<T1> other)
        {
            return EqualityComparer<T1>.Default.Equals(Item1, other.Item1);
        }

        bool IStructuralEquatable.Equals(object other, IEqualityComparer comparer)
        {
            if (other == null || !(other is ValueTuple<T1>))
                return false;
            ValueTuple<T1> objTuple = (ValueTuple<T1>)other;
            return comparer.Equals(Item1, objTuple.Item1);
        }

        int IComparable.CompareTo(object other)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            return CompareTo((ValueTuple<T1>)other);
        }

        public int CompareTo(ValueTuple<T1> other)
        {
            return Comparer<T1>.Default.Compare(Item1, other.Item1);
        }

        int IStructuralComparable.CompareTo(object other, IComparer comparer)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            ValueTuple<T1> objTuple = (ValueTuple<T1>)other;
            return comparer.Compare(Item1, objTuple.Item1);
        }

        public override int GetHashCode()
        {
            return ValueTuple.Hash(Item1);
        }

        int IStructuralEquatable.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        private int GetHashCodeCore(IEqualityComparer comparer)
        {
            return comparer.GetHashCode(Item1);
        }

        int IValueTupleInternal.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        // "(item1, item2, ...)"; null elements print as "".
        public override string ToString()
        {
            return "(" + ValueTuple.Text(Item1) + ")";
        }

        string IValueTupleInternal.ToStringEnd()
        {
            return ValueTuple.Text(Item1) + ")";
        }

        int ITuple.Length
        {
            get { return 1; }
        }

        object ITuple.this[int index]
        {
            get
            {
                switch (index)
                {
                    case 0:
                        return Item1;
                }
                throw new IndexOutOfRangeException();
            }
        }
    }

    // A pair; Equals, CompareTo and GetHashCode go element by element
    // (EqualityComparer<Tn>.Default, Comparer<Tn>.Default).
    public struct ValueTuple<T1, T2> : IEquatable<ValueTuple<T1, T2>>, IStructuralEquatable, IStructuralComparable, IComparable, IComparable<ValueTuple<T1, T2>>, IValueTupleInternal, ITuple
    {
        public T1 Item1;
        public T2 Item2;

        public ValueTuple(T1 item1, T2 item2)
        {
            Item1 = item1;
            Item2 = item2;
        }

        public override bool Equals(object obj)
        {
            return obj is ValueTuple<T1, T2> && Equals((ValueTuple<T1, T2>)obj);
        }

        public bool Equals(ValueTuple<T1, T2> other)
        {
            return EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2);
        }

        bool IStructuralEquatable.Equals(object other, IEqualityComparer comparer)
        {
            if (other == null || !(other is ValueTuple<T1, T2>))
                return false;
            ValueTuple<T1, T2> objTuple = (ValueTuple<T1, T2>)other;
            return comparer.Equals(Item1, objTuple.Item1) && comparer.Equals(Item2, objTuple.Item2);
        }

        int IComparable.CompareTo(object other)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            return CompareTo((ValueTuple<T1, T2>)other);
        }

        public int CompareTo(ValueTuple<T1, T2> other)
        {
            int c = Comparer<T1>.Default.Compare(Item1, other.Item1);
            if (c != 0)
                return c;
            return Comparer<T2>.Default.Compare(Item2, other.Item2);
        }

        int IStructuralComparable.CompareTo(object other, IComparer comparer)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            ValueTuple<T1, T2> objTuple = (ValueTuple<T1, T2>)other;
            int c = comparer.Compare(Item1, objTuple.Item1);
            if (c != 0)
                return c;
            return comparer.Compare(Item2, objTuple.Item2);
        }

        public override int GetHashCode()
        {
            return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item1), ValueTuple.Hash(Item2));
        }

        int IStructuralEquatable.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        private int GetHashCodeCore(IEqualityComparer comparer)
        {
            return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item1), comparer.GetHashCode(Item2));
        }

        int IValueTupleInternal.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        // "(item1, item2, ...)"; null elements print as "".
        public override string ToString()
        {
            return "(" + ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ")";
        }

        string IValueTupleInternal.ToStringEnd()
        {
            return ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ")";
        }

        int ITuple.Length
        {
            get { return 2; }
        }

        object ITuple.this[int index]
        {
            get
            {
                switch (index)
                {
                    case 0:
                        return Item1;
                    case 1:
                        return Item2;
                }
                throw new IndexOutOfRangeException();
            }
        }
    }

    // A 3-element value tuple; Equals, CompareTo and GetHashCode go element by element
    // (EqualityComparer<Tn>.Default, Comparer<Tn>.Default).
    public struct ValueTuple<T1, T2, T3> : IEquatable<ValueTuple<T1, T2, T3>>, IStructuralEquatable, IStructuralComparable, IComparable, IComparable<ValueTuple<T1, T2, T3>>, IValueTupleInternal, ITuple
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;

        public ValueTuple(T1 item1, T2 item2, T3 item3)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
        }

        public override bool Equals(object obj)
        {
            return obj is ValueTuple<T1, T2, T3> && Equals((ValueTuple<T1, T2, T3>)obj);
        }

        public bool Equals(ValueTuple<T1, T2, T3> other)
        {
            return EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2) && EqualityComparer<T3>.Default.Equals(Item3, other.Item3);
        }

        bool IStructuralEquatable.Equals(object other, IEqualityComparer comparer)
        {
            if (other == null || !(other is ValueTuple<T1, T2, T3>))
                return false;
            ValueTuple<T1, T2, T3> objTuple = (ValueTuple<T1, T2, T3>)other;
            return comparer.Equals(Item1, objTuple.Item1) && comparer.Equals(Item2, objTuple.Item2) && comparer.Equals(Item3, objTuple.Item3);
        }

        int IComparable.CompareTo(object other)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            return CompareTo((ValueTuple<T1, T2, T3>)other);
        }

        public int CompareTo(ValueTuple<T1, T2, T3> other)
        {
            int c = Comparer<T1>.Default.Compare(Item1, other.Item1);
            if (c != 0)
                return c;
            c = Comparer<T2>.Default.Compare(Item2, other.Item2);
            if (c != 0)
                return c;
            return Comparer<T3>.Default.Compare(Item3, other.Item3);
        }

        int IStructuralComparable.CompareTo(object other, IComparer comparer)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            ValueTuple<T1, T2, T3> objTuple = (ValueTuple<T1, T2, T3>)other;
            int c = comparer.Compare(Item1, objTuple.Item1);
            if (c != 0)
                return c;
            c = comparer.Compare(Item2, objTuple.Item2);
            if (c != 0)
                return c;
            return comparer.Compare(Item3, objTuple.Item3);
        }

        public override int GetHashCode()
        {
            return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item1), ValueTuple.Hash(Item2), ValueTuple.Hash(Item3));
        }

        int IStructuralEquatable.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        private int GetHashCodeCore(IEqualityComparer comparer)
        {
            return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item1), comparer.GetHashCode(Item2), comparer.GetHashCode(Item3));
        }

        int IValueTupleInternal.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        // "(item1, item2, ...)"; null elements print as "".
        public override string ToString()
        {
            return "(" + ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ")";
        }

        string IValueTupleInternal.ToStringEnd()
        {
            return ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ")";
        }

        int ITuple.Length
        {
            get { return 3; }
        }

        object ITuple.this[int index]
        {
            get
            {
                switch (index)
                {
                    case 0:
                        return Item1;
                    case 1:
                        return Item2;
                    case 2:
                        return Item3;
                }
                throw new IndexOutOfRangeException();
            }
        }
    }

    // A 4-element value tuple; Equals, CompareTo and GetHashCode go element by element
    // (EqualityComparer<Tn>.Default, Comparer<Tn>.Default).
    public struct ValueTuple<T1, T2, T3, T4> : IEquatable<ValueTuple<T1, T2, T3, T4>>, IStructuralEquatable, IStructuralComparable, IComparable, IComparable<ValueTuple<T1, T2, T3, T4>>, IValueTupleInternal, ITuple
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
        }

        public override bool Equals(object obj)
        {
            return obj is ValueTuple<T1, T2, T3, T4> && Equals((ValueTuple<T1, T2, T3, T4>)obj);
        }

        public bool Equals(ValueTuple<T1, T2, T3, T4> other)
        {
            return EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2) && EqualityComparer<T3>.Default.Equals(Item3, other.Item3) && EqualityComparer<T4>.Default.Equals(Item4, other.Item4);
        }

        bool IStructuralEquatable.Equals(object other, IEqualityComparer comparer)
        {
            if (other == null || !(other is ValueTuple<T1, T2, T3, T4>))
                return false;
            ValueTuple<T1, T2, T3, T4> objTuple = (ValueTuple<T1, T2, T3, T4>)other;
            return comparer.Equals(Item1, objTuple.Item1) && comparer.Equals(Item2, objTuple.Item2) && comparer.Equals(Item3, objTuple.Item3) && comparer.Equals(Item4, objTuple.Item4);
        }

        int IComparable.CompareTo(object other)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            return CompareTo((ValueTuple<T1, T2, T3, T4>)other);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4> other)
        {
            int c = Comparer<T1>.Default.Compare(Item1, other.Item1);
            if (c != 0)
                return c;
            c = Comparer<T2>.Default.Compare(Item2, other.Item2);
            if (c != 0)
                return c;
            c = Comparer<T3>.Default.Compare(Item3, other.Item3);
            if (c != 0)
                return c;
            return Comparer<T4>.Default.Compare(Item4, other.Item4);
        }

        int IStructuralComparable.CompareTo(object other, IComparer comparer)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            ValueTuple<T1, T2, T3, T4> objTuple = (ValueTuple<T1, T2, T3, T4>)other;
            int c = comparer.Compare(Item1, objTuple.Item1);
            if (c != 0)
                return c;
            c = comparer.Compare(Item2, objTuple.Item2);
            if (c != 0)
                return c;
            c = comparer.Compare(Item3, objTuple.Item3);
            if (c != 0)
                return c;
            return comparer.Compare(Item4, objTuple.Item4);
        }

        public override int GetHashCode()
        {
            return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item1), ValueTuple.Hash(Item2), ValueTuple.Hash(Item3), ValueTuple.Hash(Item4));
        }

        int IStructuralEquatable.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        private int GetHashCodeCore(IEqualityComparer comparer)
        {
            return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item1), comparer.GetHashCode(Item2), comparer.GetHashCode(Item3), comparer.GetHashCode(Item4));
        }

        int IValueTupleInternal.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        // "(item1, item2, ...)"; null elements print as "".
        public override string ToString()
        {
            return "(" + ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ")";
        }

        string IValueTupleInternal.ToStringEnd()
        {
            return ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ")";
        }

        int ITuple.Length
        {
            get { return 4; }
        }

        object ITuple.this[int index]
        {
            get
            {
                switch (index)
                {
                    case 0:
                        return Item1;
                    case 1:
                        return Item2;
                    case 2:
                        return Item3;
                    case 3:
                        return Item4;
                }
                throw new IndexOutOfRangeException();
            }
        }
    }

    // A 5-element value tuple; Equals, CompareTo and GetHashCode go element by element
    // (EqualityComparer<Tn>.Default, Comparer<Tn>.Default).
    public struct ValueTuple<T1, T2, T3, T4, T5> : IEquatable<ValueTuple<T1, T2, T3, T4, T5>>, IStructuralEquatable, IStructuralComparable, IComparable, IComparable<ValueTuple<T1, T2, T3, T4, T5>>, IValueTupleInternal, ITuple
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
            Item5 = item5;
        }

        public override bool Equals(object obj)
        {
            return obj is ValueTuple<T1, T2, T3, T4, T5> && Equals((ValueTuple<T1, T2, T3, T4, T5>)obj);
        }

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5> other)
        {
            return EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2) && EqualityComparer<T3>.Default.Equals(Item3, other.Item3) && EqualityComparer<T4>.Default.Equals(Item4, other.Item4) && EqualityComparer<T5>.Default.Equals(Item5, other.Item5);
        }

        bool IStructuralEquatable.Equals(object other, IEqualityComparer comparer)
        {
            if (other == null || !(other is ValueTuple<T1, T2, T3, T4, T5>))
                return false;
            ValueTuple<T1, T2, T3, T4, T5> objTuple = (ValueTuple<T1, T2, T3, T4, T5>)other;
            return comparer.Equals(Item1, objTuple.Item1) && comparer.Equals(Item2, objTuple.Item2) && comparer.Equals(Item3, objTuple.Item3) && comparer.Equals(Item4, objTuple.Item4) && comparer.Equals(Item5, objTuple.Item5);
        }

        int IComparable.CompareTo(object other)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4, T5>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            return CompareTo((ValueTuple<T1, T2, T3, T4, T5>)other);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4, T5> other)
        {
            int c = Comparer<T1>.Default.Compare(Item1, other.Item1);
            if (c != 0)
                return c;
            c = Comparer<T2>.Default.Compare(Item2, other.Item2);
            if (c != 0)
                return c;
            c = Comparer<T3>.Default.Compare(Item3, other.Item3);
            if (c != 0)
                return c;
            c = Comparer<T4>.Default.Compare(Item4, other.Item4);
            if (c != 0)
                return c;
            return Comparer<T5>.Default.Compare(Item5, other.Item5);
        }

        int IStructuralComparable.CompareTo(object other, IComparer comparer)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4, T5>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            ValueTuple<T1, T2, T3, T4, T5> objTuple = (ValueTuple<T1, T2, T3, T4, T5>)other;
            int c = comparer.Compare(Item1, objTuple.Item1);
            if (c != 0)
                return c;
            c = comparer.Compare(Item2, objTuple.Item2);
            if (c != 0)
                return c;
            c = comparer.Compare(Item3, objTuple.Item3);
            if (c != 0)
                return c;
            c = comparer.Compare(Item4, objTuple.Item4);
            if (c != 0)
                return c;
            return comparer.Compare(Item5, objTuple.Item5);
        }

        public override int GetHashCode()
        {
            return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item1), ValueTuple.Hash(Item2), ValueTuple.Hash(Item3), ValueTuple.Hash(Item4), ValueTuple.Hash(Item5));
        }

        int IStructuralEquatable.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        private int GetHashCodeCore(IEqualityComparer comparer)
        {
            return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item1), comparer.GetHashCode(Item2), comparer.GetHashCode(Item3), comparer.GetHashCode(Item4), comparer.GetHashCode(Item5));
        }

        int IValueTupleInternal.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        // "(item1, item2, ...)"; null elements print as "".
        public override string ToString()
        {
            return "(" + ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ")";
        }

        string IValueTupleInternal.ToStringEnd()
        {
            return ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ")";
        }

        int ITuple.Length
        {
            get { return 5; }
        }

        object ITuple.this[int index]
        {
            get
            {
                switch (index)
                {
                    case 0:
                        return Item1;
                    case 1:
                        return Item2;
                    case 2:
                        return Item3;
                    case 3:
                        return Item4;
                    case 4:
                        return Item5;
                }
                throw new IndexOutOfRangeException();
            }
        }
    }

    // A 6-element value tuple; Equals, CompareTo and GetHashCode go element by element
    // (EqualityComparer<Tn>.Default, Comparer<Tn>.Default).
    public struct ValueTuple<T1, T2, T3, T4, T5, T6> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6>>, IStructuralEquatable, IStructuralComparable, IComparable, IComparable<ValueTuple<T1, T2, T3, T4, T5, T6>>, IValueTupleInternal, ITuple
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;
        public T6 Item6;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
            Item5 = item5;
            Item6 = item6;
        }

        public override bool Equals(object obj)
        {
            return obj is ValueTuple<T1, T2, T3, T4, T5, T6> && Equals((ValueTuple<T1, T2, T3, T4, T5, T6>)obj);
        }

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6> other)
        {
            return EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2) && EqualityComparer<T3>.Default.Equals(Item3, other.Item3) && EqualityComparer<T4>.Default.Equals(Item4, other.Item4) && EqualityComparer<T5>.Default.Equals(Item5, other.Item5) && EqualityComparer<T6>.Default.Equals(Item6, other.Item6);
        }

        bool IStructuralEquatable.Equals(object other, IEqualityComparer comparer)
        {
            if (other == null || !(other is ValueTuple<T1, T2, T3, T4, T5, T6>))
                return false;
            ValueTuple<T1, T2, T3, T4, T5, T6> objTuple = (ValueTuple<T1, T2, T3, T4, T5, T6>)other;
            return comparer.Equals(Item1, objTuple.Item1) && comparer.Equals(Item2, objTuple.Item2) && comparer.Equals(Item3, objTuple.Item3) && comparer.Equals(Item4, objTuple.Item4) && comparer.Equals(Item5, objTuple.Item5) && comparer.Equals(Item6, objTuple.Item6);
        }

        int IComparable.CompareTo(object other)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4, T5, T6>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            return CompareTo((ValueTuple<T1, T2, T3, T4, T5, T6>)other);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4, T5, T6> other)
        {
            int c = Comparer<T1>.Default.Compare(Item1, other.Item1);
            if (c != 0)
                return c;
            c = Comparer<T2>.Default.Compare(Item2, other.Item2);
            if (c != 0)
                return c;
            c = Comparer<T3>.Default.Compare(Item3, other.Item3);
            if (c != 0)
                return c;
            c = Comparer<T4>.Default.Compare(Item4, other.Item4);
            if (c != 0)
                return c;
            c = Comparer<T5>.Default.Compare(Item5, other.Item5);
            if (c != 0)
                return c;
            return Comparer<T6>.Default.Compare(Item6, other.Item6);
        }

        int IStructuralComparable.CompareTo(object other, IComparer comparer)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4, T5, T6>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            ValueTuple<T1, T2, T3, T4, T5, T6> objTuple = (ValueTuple<T1, T2, T3, T4, T5, T6>)other;
            int c = comparer.Compare(Item1, objTuple.Item1);
            if (c != 0)
                return c;
            c = comparer.Compare(Item2, objTuple.Item2);
            if (c != 0)
                return c;
            c = comparer.Compare(Item3, objTuple.Item3);
            if (c != 0)
                return c;
            c = comparer.Compare(Item4, objTuple.Item4);
            if (c != 0)
                return c;
            c = comparer.Compare(Item5, objTuple.Item5);
            if (c != 0)
                return c;
            return comparer.Compare(Item6, objTuple.Item6);
        }

        public override int GetHashCode()
        {
            return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item1), ValueTuple.Hash(Item2), ValueTuple.Hash(Item3), ValueTuple.Hash(Item4), ValueTuple.Hash(Item5), ValueTuple.Hash(Item6));
        }

        int IStructuralEquatable.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        private int GetHashCodeCore(IEqualityComparer comparer)
        {
            return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item1), comparer.GetHashCode(Item2), comparer.GetHashCode(Item3), comparer.GetHashCode(Item4), comparer.GetHashCode(Item5), comparer.GetHashCode(Item6));
        }

        int IValueTupleInternal.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        // "(item1, item2, ...)"; null elements print as "".
        public override string ToString()
        {
            return "(" + ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ", " + ValueTuple.Text(Item6) + ")";
        }

        string IValueTupleInternal.ToStringEnd()
        {
            return ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ", " + ValueTuple.Text(Item6) + ")";
        }

        int ITuple.Length
        {
            get { return 6; }
        }

        object ITuple.this[int index]
        {
            get
            {
                switch (index)
                {
                    case 0:
                        return Item1;
                    case 1:
                        return Item2;
                    case 2:
                        return Item3;
                    case 3:
                        return Item4;
                    case 4:
                        return Item5;
                    case 5:
                        return Item6;
                }
                throw new IndexOutOfRangeException();
            }
        }
    }

    // A 7-element value tuple; Equals, CompareTo and GetHashCode go element by element
    // (EqualityComparer<Tn>.Default, Comparer<Tn>.Default).
    public struct ValueTuple<T1, T2, T3, T4, T5, T6, T7> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>, IStructuralEquatable, IStructuralComparable, IComparable, IComparable<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>, IValueTupleInternal, ITuple
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;
        public T6 Item6;
        public T7 Item7;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
            Item5 = item5;
            Item6 = item6;
            Item7 = item7;
        }

        public override bool Equals(object obj)
        {
            return obj is ValueTuple<T1, T2, T3, T4, T5, T6, T7> && Equals((ValueTuple<T1, T2, T3, T4, T5, T6, T7>)obj);
        }

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6, T7> other)
        {
            return EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2) && EqualityComparer<T3>.Default.Equals(Item3, other.Item3) && EqualityComparer<T4>.Default.Equals(Item4, other.Item4) && EqualityComparer<T5>.Default.Equals(Item5, other.Item5) && EqualityComparer<T6>.Default.Equals(Item6, other.Item6) && EqualityComparer<T7>.Default.Equals(Item7, other.Item7);
        }

        bool IStructuralEquatable.Equals(object other, IEqualityComparer comparer)
        {
            if (other == null || !(other is ValueTuple<T1, T2, T3, T4, T5, T6, T7>))
                return false;
            ValueTuple<T1, T2, T3, T4, T5, T6, T7> objTuple = (ValueTuple<T1, T2, T3, T4, T5, T6, T7>)other;
            return comparer.Equals(Item1, objTuple.Item1) && comparer.Equals(Item2, objTuple.Item2) && comparer.Equals(Item3, objTuple.Item3) && comparer.Equals(Item4, objTuple.Item4) && comparer.Equals(Item5, objTuple.Item5) && comparer.Equals(Item6, objTuple.Item6) && comparer.Equals(Item7, objTuple.Item7);
        }

        int IComparable.CompareTo(object other)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4, T5, T6, T7>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            return CompareTo((ValueTuple<T1, T2, T3, T4, T5, T6, T7>)other);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4, T5, T6, T7> other)
        {
            int c = Comparer<T1>.Default.Compare(Item1, other.Item1);
            if (c != 0)
                return c;
            c = Comparer<T2>.Default.Compare(Item2, other.Item2);
            if (c != 0)
                return c;
            c = Comparer<T3>.Default.Compare(Item3, other.Item3);
            if (c != 0)
                return c;
            c = Comparer<T4>.Default.Compare(Item4, other.Item4);
            if (c != 0)
                return c;
            c = Comparer<T5>.Default.Compare(Item5, other.Item5);
            if (c != 0)
                return c;
            c = Comparer<T6>.Default.Compare(Item6, other.Item6);
            if (c != 0)
                return c;
            return Comparer<T7>.Default.Compare(Item7, other.Item7);
        }

        int IStructuralComparable.CompareTo(object other, IComparer comparer)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4, T5, T6, T7>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            ValueTuple<T1, T2, T3, T4, T5, T6, T7> objTuple = (ValueTuple<T1, T2, T3, T4, T5, T6, T7>)other;
            int c = comparer.Compare(Item1, objTuple.Item1);
            if (c != 0)
                return c;
            c = comparer.Compare(Item2, objTuple.Item2);
            if (c != 0)
                return c;
            c = comparer.Compare(Item3, objTuple.Item3);
            if (c != 0)
                return c;
            c = comparer.Compare(Item4, objTuple.Item4);
            if (c != 0)
                return c;
            c = comparer.Compare(Item5, objTuple.Item5);
            if (c != 0)
                return c;
            c = comparer.Compare(Item6, objTuple.Item6);
            if (c != 0)
                return c;
            return comparer.Compare(Item7, objTuple.Item7);
        }

        public override int GetHashCode()
        {
            return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item1), ValueTuple.Hash(Item2), ValueTuple.Hash(Item3), ValueTuple.Hash(Item4), ValueTuple.Hash(Item5), ValueTuple.Hash(Item6), ValueTuple.Hash(Item7));
        }

        int IStructuralEquatable.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        private int GetHashCodeCore(IEqualityComparer comparer)
        {
            return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item1), comparer.GetHashCode(Item2), comparer.GetHashCode(Item3), comparer.GetHashCode(Item4), comparer.GetHashCode(Item5), comparer.GetHashCode(Item6), comparer.GetHashCode(Item7));
        }

        int IValueTupleInternal.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        // "(item1, item2, ...)"; null elements print as "".
        public override string ToString()
        {
            return "(" + ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ", " + ValueTuple.Text(Item6) + ", " + ValueTuple.Text(Item7) + ")";
        }

        string IValueTupleInternal.ToStringEnd()
        {
            return ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ", " + ValueTuple.Text(Item6) + ", " + ValueTuple.Text(Item7) + ")";
        }

        int ITuple.Length
        {
            get { return 7; }
        }

        object ITuple.this[int index]
        {
            get
            {
                switch (index)
                {
                    case 0:
                        return Item1;
                    case 1:
                        return Item2;
                    case 2:
                        return Item3;
                    case 3:
                        return Item4;
                    case 4:
                        return Item5;
                    case 5:
                        return Item6;
                    case 6:
                        return Item7;
                }
                throw new IndexOutOfRangeException();
            }
        }
    }

    // A value tuple of seven elements and a Rest value tuple; Equals, CompareTo and GetHashCode go element by element
    // (EqualityComparer<Tn>.Default, Comparer<Tn>.Default).
    public struct ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>, IStructuralEquatable, IStructuralComparable, IComparable, IComparable<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>, IValueTupleInternal, ITuple where TRest : struct
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;
        public T6 Item6;
        public T7 Item7;
        public TRest Rest;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7, TRest rest)
        {
            if (!(rest is IValueTupleInternal))
                throw new ArgumentException("The last element of an eight element ValueTuple must be a ValueTuple.");
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
            Item5 = item5;
            Item6 = item6;
            Item7 = item7;
            Rest = rest;
        }

        public override bool Equals(object obj)
        {
            return obj is ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> && Equals((ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>)obj);
        }

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> other)
        {
            return EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2) && EqualityComparer<T3>.Default.Equals(Item3, other.Item3) && EqualityComparer<T4>.Default.Equals(Item4, other.Item4) && EqualityComparer<T5>.Default.Equals(Item5, other.Item5) && EqualityComparer<T6>.Default.Equals(Item6, other.Item6) && EqualityComparer<T7>.Default.Equals(Item7, other.Item7) && EqualityComparer<TRest>.Default.Equals(Rest, other.Rest);
        }

        bool IStructuralEquatable.Equals(object other, IEqualityComparer comparer)
        {
            if (other == null || !(other is ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>))
                return false;
            ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> objTuple = (ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>)other;
            return comparer.Equals(Item1, objTuple.Item1) && comparer.Equals(Item2, objTuple.Item2) && comparer.Equals(Item3, objTuple.Item3) && comparer.Equals(Item4, objTuple.Item4) && comparer.Equals(Item5, objTuple.Item5) && comparer.Equals(Item6, objTuple.Item6) && comparer.Equals(Item7, objTuple.Item7) && comparer.Equals(Rest, objTuple.Rest);
        }

        int IComparable.CompareTo(object other)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            return CompareTo((ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>)other);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> other)
        {
            int c = Comparer<T1>.Default.Compare(Item1, other.Item1);
            if (c != 0)
                return c;
            c = Comparer<T2>.Default.Compare(Item2, other.Item2);
            if (c != 0)
                return c;
            c = Comparer<T3>.Default.Compare(Item3, other.Item3);
            if (c != 0)
                return c;
            c = Comparer<T4>.Default.Compare(Item4, other.Item4);
            if (c != 0)
                return c;
            c = Comparer<T5>.Default.Compare(Item5, other.Item5);
            if (c != 0)
                return c;
            c = Comparer<T6>.Default.Compare(Item6, other.Item6);
            if (c != 0)
                return c;
            c = Comparer<T7>.Default.Compare(Item7, other.Item7);
            if (c != 0)
                return c;
            return Comparer<TRest>.Default.Compare(Rest, other.Rest);
        }

        int IStructuralComparable.CompareTo(object other, IComparer comparer)
        {
            if (other == null)
                return 1;
            if (!(other is ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>))
                throw new ArgumentException(ValueTuple.IncorrectType(this), "other");
            ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> objTuple = (ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>)other;
            int c = comparer.Compare(Item1, objTuple.Item1);
            if (c != 0)
                return c;
            c = comparer.Compare(Item2, objTuple.Item2);
            if (c != 0)
                return c;
            c = comparer.Compare(Item3, objTuple.Item3);
            if (c != 0)
                return c;
            c = comparer.Compare(Item4, objTuple.Item4);
            if (c != 0)
                return c;
            c = comparer.Compare(Item5, objTuple.Item5);
            if (c != 0)
                return c;
            c = comparer.Compare(Item6, objTuple.Item6);
            if (c != 0)
                return c;
            c = comparer.Compare(Item7, objTuple.Item7);
            if (c != 0)
                return c;
            return comparer.Compare(Rest, objTuple.Rest);
        }

        public override int GetHashCode()
        {
            // The hash of the last eight elements, as .NET computes it.
            IValueTupleInternal rest = Rest as IValueTupleInternal;
            if (rest == null)
                return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item1), ValueTuple.Hash(Item2), ValueTuple.Hash(Item3), ValueTuple.Hash(Item4), ValueTuple.Hash(Item5), ValueTuple.Hash(Item6), ValueTuple.Hash(Item7));
            int size = rest.Length;
            if (size >= 8)
                return rest.GetHashCode();
            int k = 8 - size;
            switch (k)
            {
                case 1:
                    return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item7), rest.GetHashCode());
                case 2:
                    return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item6), ValueTuple.Hash(Item7), rest.GetHashCode());
                case 3:
                    return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item5), ValueTuple.Hash(Item6), ValueTuple.Hash(Item7), rest.GetHashCode());
                case 4:
                    return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item4), ValueTuple.Hash(Item5), ValueTuple.Hash(Item6), ValueTuple.Hash(Item7), rest.GetHashCode());
                case 5:
                    return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item3), ValueTuple.Hash(Item4), ValueTuple.Hash(Item5), ValueTuple.Hash(Item6), ValueTuple.Hash(Item7), rest.GetHashCode());
                case 6:
                    return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item2), ValueTuple.Hash(Item3), ValueTuple.Hash(Item4), ValueTuple.Hash(Item5), ValueTuple.Hash(Item6), ValueTuple.Hash(Item7), rest.GetHashCode());
                case 7:
                    return ValueTuple.CombineHashCodes(ValueTuple.Hash(Item1), ValueTuple.Hash(Item2), ValueTuple.Hash(Item3), ValueTuple.Hash(Item4), ValueTuple.Hash(Item5), ValueTuple.Hash(Item6), ValueTuple.Hash(Item7), rest.GetHashCode());
            }
            return -1;
        }

        int IStructuralEquatable.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        private int GetHashCodeCore(IEqualityComparer comparer)
        {
            // The hash of the last eight elements, as .NET computes it.
            IValueTupleInternal rest = Rest as IValueTupleInternal;
            if (rest == null)
                return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item1), comparer.GetHashCode(Item2), comparer.GetHashCode(Item3), comparer.GetHashCode(Item4), comparer.GetHashCode(Item5), comparer.GetHashCode(Item6), comparer.GetHashCode(Item7));
            int size = rest.Length;
            if (size >= 8)
                return rest.GetHashCode(comparer);
            int k = 8 - size;
            switch (k)
            {
                case 1:
                    return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item7), rest.GetHashCode(comparer));
                case 2:
                    return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item6), comparer.GetHashCode(Item7), rest.GetHashCode(comparer));
                case 3:
                    return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item5), comparer.GetHashCode(Item6), comparer.GetHashCode(Item7), rest.GetHashCode(comparer));
                case 4:
                    return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item4), comparer.GetHashCode(Item5), comparer.GetHashCode(Item6), comparer.GetHashCode(Item7), rest.GetHashCode(comparer));
                case 5:
                    return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item3), comparer.GetHashCode(Item4), comparer.GetHashCode(Item5), comparer.GetHashCode(Item6), comparer.GetHashCode(Item7), rest.GetHashCode(comparer));
                case 6:
                    return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item2), comparer.GetHashCode(Item3), comparer.GetHashCode(Item4), comparer.GetHashCode(Item5), comparer.GetHashCode(Item6), comparer.GetHashCode(Item7), rest.GetHashCode(comparer));
                case 7:
                    return ValueTuple.CombineHashCodes(comparer.GetHashCode(Item1), comparer.GetHashCode(Item2), comparer.GetHashCode(Item3), comparer.GetHashCode(Item4), comparer.GetHashCode(Item5), comparer.GetHashCode(Item6), comparer.GetHashCode(Item7), rest.GetHashCode(comparer));
            }
            return -1;
        }

        int IValueTupleInternal.GetHashCode(IEqualityComparer comparer)
        {
            return GetHashCodeCore(comparer);
        }

        // The elements of Rest are printed as the tuple's own.
        public override string ToString()
        {
            IValueTupleInternal rest = Rest as IValueTupleInternal;
            if (rest == null)
                return "(" + ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ", " + ValueTuple.Text(Item6) + ", " + ValueTuple.Text(Item7) + ", " + ValueTuple.Text(Rest) + ")";
            return "(" + ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ", " + ValueTuple.Text(Item6) + ", " + ValueTuple.Text(Item7) + ", " + rest.ToStringEnd();
        }

        string IValueTupleInternal.ToStringEnd()
        {
            IValueTupleInternal rest = Rest as IValueTupleInternal;
            if (rest == null)
                return ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ", " + ValueTuple.Text(Item6) + ", " + ValueTuple.Text(Item7) + ", " + ValueTuple.Text(Rest) + ")";
            return ValueTuple.Text(Item1) + ", " + ValueTuple.Text(Item2) + ", " + ValueTuple.Text(Item3) + ", " + ValueTuple.Text(Item4) + ", " + ValueTuple.Text(Item5) + ", " + ValueTuple.Text(Item6) + ", " + ValueTuple.Text(Item7) + ", " + rest.ToStringEnd();
        }

        int ITuple.Length
        {
            get
            {
                IValueTupleInternal rest = Rest as IValueTupleInternal;
                return rest == null ? 8 : 7 + rest.Length;
            }
        }

        object ITuple.this[int index]
        {
            get
            {
                switch (index)
                {
                    case 0:
                        return Item1;
                    case 1:
                        return Item2;
                    case 2:
                        return Item3;
                    case 3:
                        return Item4;
                    case 4:
                        return Item5;
                    case 5:
                        return Item6;
                    case 6:
                        return Item7;
                }
                IValueTupleInternal rest = Rest as IValueTupleInternal;
                if (rest == null)
                {
                    if (index == 7)
                        return Rest;
                    throw new IndexOutOfRangeException();
                }
                return rest[index - 7];
            }
        }
    }
}
