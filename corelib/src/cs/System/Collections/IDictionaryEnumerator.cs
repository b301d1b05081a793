namespace System.Collections
{
    // Enumerates an IDictionary: Current is a boxed DictionaryEntry.
    public interface IDictionaryEnumerator : IEnumerator
    {
        object Key { get; }

        object Value { get; }

        DictionaryEntry Entry { get; }
    }
}
