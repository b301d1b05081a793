using System.Collections.Generic;
using System.Text;

namespace System
{
    // String's members over sequences: Join and Concat of an IEnumerable.
    // A null separator joins with nothing; null elements contribute "".
    //
    // corelib/tests/generic_library.rs also compiles this file against
    // Mono's mscorlib, with the class renamed: keep it self-contained
    // (StringBuilder, not other String members).
    public sealed partial class String
    {
        public static string Join(string separator, IEnumerable<string> values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            using (IEnumerator<string> en = values.GetEnumerator())
            {
                if (!en.MoveNext())
                    return "";
                string first = en.Current;
                if (!en.MoveNext())
                    return first ?? "";
                StringBuilder result = new StringBuilder();
                result.Append(first);
                do
                {
                    result.Append(separator);
                    result.Append(en.Current);
                } while (en.MoveNext());
                return result.ToString();
            }
        }

        // The elements' ToString(), separated by `separator`.
        public static string Join<T>(string separator, IEnumerable<T> values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            using (IEnumerator<T> en = values.GetEnumerator())
            {
                if (!en.MoveNext())
                    return "";
                T current = en.Current;
                string first = current == null ? null : current.ToString();
                if (!en.MoveNext())
                    return first ?? "";
                StringBuilder result = new StringBuilder();
                result.Append(first);
                do
                {
                    current = en.Current;
                    result.Append(separator);
                    if (current != null)
                        result.Append(current.ToString());
                } while (en.MoveNext());
                return result.ToString();
            }
        }

        public static string Join<T>(char separator, IEnumerable<T> values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            using (IEnumerator<T> en = values.GetEnumerator())
            {
                if (!en.MoveNext())
                    return "";
                T current = en.Current;
                string first = current == null ? null : current.ToString();
                if (!en.MoveNext())
                    return first ?? "";
                StringBuilder result = new StringBuilder();
                result.Append(first);
                do
                {
                    current = en.Current;
                    result.Append(separator);
                    if (current != null)
                        result.Append(current.ToString());
                } while (en.MoveNext());
                return result.ToString();
            }
        }

        public static string Concat(IEnumerable<string> values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            StringBuilder result = new StringBuilder();
            using (IEnumerator<string> en = values.GetEnumerator())
            {
                while (en.MoveNext())
                {
                    if (en.Current != null)
                        result.Append(en.Current);
                }
            }
            return result.ToString();
        }

        // The elements' ToString(), one after another.
        public static string Concat<T>(IEnumerable<T> values)
        {
            if (values == null)
                throw new ArgumentNullException("values");
            StringBuilder result = new StringBuilder();
            using (IEnumerator<T> en = values.GetEnumerator())
            {
                while (en.MoveNext())
                {
                    T current = en.Current;
                    if (current != null)
                        result.Append(current.ToString());
                }
            }
            return result.ToString();
        }
    }
}
