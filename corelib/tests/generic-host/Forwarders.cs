// For corelib/tests/generic_library.rs: corelib's generic Array and String
// members are compiled into classes of their own (OspreyArray and
// OspreyString, since Mono's System.Array and System.String cannot be
// replaced), and the test programs' calls `Array.X(...)`, `String.Join`
// and `String.Concat` are renamed to them. These forwarders give those
// classes the non-generic overloads Mono has, so that overload resolution
// picks the same member it picks against Mono's mscorlib.

namespace System
{
    public static partial class OspreyArray
    {
        public static T[] Empty<T>()
        {
            return Array.Empty<T>();
        }

        public static void Copy(Array sourceArray, Array destinationArray, int length)
        {
            Array.Copy(sourceArray, destinationArray, length);
        }

        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            Array.Copy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
        }

        public static void Clear(Array array, int index, int length)
        {
            Array.Clear(array, index, length);
        }
    }

    public static partial class OspreyString
    {
        public static string Join(string separator, params string[] value)
        {
            return String.Join(separator, value);
        }

        public static string Join(string separator, string[] value, int startIndex, int count)
        {
            return String.Join(separator, value, startIndex, count);
        }

        public static string Join(string separator, params object[] values)
        {
            return String.Join(separator, values);
        }

        public static string Join(char separator, params string[] value)
        {
            return String.Join(separator, value);
        }

        public static string Join(char separator, string[] value, int startIndex, int count)
        {
            return String.Join(separator, value, startIndex, count);
        }

        public static string Join(char separator, params object[] values)
        {
            return String.Join(separator, values);
        }

        public static string Concat(object arg0)
        {
            return String.Concat(arg0);
        }

        public static string Concat(object arg0, object arg1)
        {
            return String.Concat(arg0, arg1);
        }

        public static string Concat(object arg0, object arg1, object arg2)
        {
            return String.Concat(arg0, arg1, arg2);
        }

        public static string Concat(params object[] args)
        {
            return String.Concat(args);
        }

        public static string Concat(string str0, string str1)
        {
            return String.Concat(str0, str1);
        }

        public static string Concat(string str0, string str1, string str2)
        {
            return String.Concat(str0, str1, str2);
        }

        public static string Concat(string str0, string str1, string str2, string str3)
        {
            return String.Concat(str0, str1, str2, str3);
        }

        public static string Concat(params string[] values)
        {
            return String.Concat(values);
        }
    }
}
