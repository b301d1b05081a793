namespace System
{
    // The type of "no value" (method return type void).
    public struct Void
    {
    }
}
