namespace System
{
    // How String methods compare text. Osprey's only culture is the
    // invariant culture, so the CurrentCulture and InvariantCulture values
    // behave alike.
    public enum StringComparison
    {
        CurrentCulture = 0,
        CurrentCultureIgnoreCase = 1,
        InvariantCulture = 2,
        InvariantCultureIgnoreCase = 3,
        Ordinal = 4,
        OrdinalIgnoreCase = 5,
    }
}
