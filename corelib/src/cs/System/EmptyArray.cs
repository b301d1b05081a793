namespace System
{
    // The one empty T[] of each T (Array.Empty<T>, empty collections): a
    // static of each instantiation.
    internal static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }
}
