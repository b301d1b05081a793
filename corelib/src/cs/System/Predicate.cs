namespace System
{
    // Whether obj meets a condition (List<T>.Find, Array.Exists, ...).
    public delegate bool Predicate<in T>(T obj);
}
