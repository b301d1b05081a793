namespace System
{
    // Orders two values, as IComparer<T>.Compare.
    public delegate int Comparison<in T>(T x, T y);
}
