namespace System.Runtime.CompilerServices
{
    // Used only as a required modifier (modreq) on volatile fields.
    public static class IsVolatile
    {
    }
}
