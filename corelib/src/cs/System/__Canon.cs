namespace System
{
    // Stands for "any reference type" in the type arguments of shared
    // generic code: List<string> and List<object> both run the code the
    // runtime compiles for List<__Canon> (docs/generics.md). Never
    // instantiated.
    internal sealed class __Canon
    {
        private __Canon()
        {
        }
    }
}
