using System.Collections.Generic;

namespace System
{
    // Comparing Nullable<T> values: no value sorts first and equals only
    // no value.
    public static class Nullable
    {
        public static int Compare<T>(T? n1, T? n2) where T : struct
        {
            if (n1.HasValue)
            {
                if (n2.HasValue)
                    return Comparer<T>.Default.Compare(n1.GetValueOrDefault(), n2.GetValueOrDefault());
                return 1;
            }
            if (n2.HasValue)
                return -1;
            return 0;
        }

        public static bool Equals<T>(T? n1, T? n2) where T : struct
        {
            if (n1.HasValue)
            {
                if (n2.HasValue)
                    return EqualityComparer<T>.Default.Equals(n1.GetValueOrDefault(), n2.GetValueOrDefault());
                return false;
            }
            if (n2.HasValue)
                return false;
            return true;
        }
    }
}
