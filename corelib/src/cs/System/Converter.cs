namespace System
{
    // Converts a TInput to a TOutput (List<T>.ConvertAll, Array.ConvertAll).
    public delegate TOutput Converter<in TInput, out TOutput>(TInput input);
}
