namespace System
{
    // Negative, zero or positive as this instance sorts before, with or after
    // `obj`.
    public interface IComparable
    {
        int CompareTo(object obj);
    }

    public interface IComparable<in T>
    {
        int CompareTo(T other);
    }
}
