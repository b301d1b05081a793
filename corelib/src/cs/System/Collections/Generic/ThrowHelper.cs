namespace System.Collections.Generic
{
    // The exceptions corelib's generic collections throw, with .NET's
    // messages (each one is what .NET and Mono print). Throwing from a
    // separate method keeps the callers small.
    internal static class ThrowHelper
    {
        internal const string IndexOutOfRange = "Index was out of range. Must be non-negative and less than the size of the collection.";
        internal const string NeedNonNegNum = "Non-negative number required.";
        internal const string InvalidOffLen = "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.";
        internal const string ArrayPlusOffTooSmall = "Destination array is not long enough to copy all the items in the collection. Check array index and length.";
        internal const string EnumFailedVersion = "Collection was modified; enumeration operation may not execute.";
        internal const string EnumOpCantHappen = "Enumeration has either not started or has already finished.";
        internal const string EnumNotStarted = "Enumeration has not started. Call MoveNext.";
        internal const string EnumEnded = "Enumeration already finished.";
        internal const string ReadOnlyCollection = "Collection is read-only.";
        internal const string RankMultiDimNotSupported = "Only single dimensional arrays are supported for the requested action.";
        internal const string NonZeroLowerBound = "The lower bound of target array must be zero.";
        internal const string InvalidArrayType = "Target array type is not compatible with the type of items in the collection.";
        internal const string IComparerFailed = "Failed to compare two elements in the array.";
        internal const string ImplementIComparable = "At least one object must implement IComparable.";

        internal static void ThrowArgumentNullException(string paramName)
        {
            throw new ArgumentNullException(paramName);
        }

        internal static void ThrowArgumentOutOfRangeException(string paramName, string message)
        {
            throw new ArgumentOutOfRangeException(paramName, message);
        }

        // With the offending value ("Actual value was N." on the message).
        internal static void ThrowArgumentOutOfRangeException(string paramName, object actualValue, string message)
        {
            throw new ArgumentOutOfRangeException(paramName, actualValue, message);
        }

        // `index` out of [0, count).
        internal static void ThrowIndexArgumentOutOfRange(string paramName)
        {
            throw new ArgumentOutOfRangeException(paramName, IndexOutOfRange);
        }

        internal static void ThrowNeedNonNegNum(string paramName)
        {
            throw new ArgumentOutOfRangeException(paramName, NeedNonNegNum);
        }

        internal static void ThrowInvalidOffLen()
        {
            throw new ArgumentException(InvalidOffLen);
        }

        internal static void ThrowArrayPlusOffTooSmall()
        {
            throw new ArgumentException(ArrayPlusOffTooSmall);
        }

        internal static void ThrowVersionChanged()
        {
            throw new InvalidOperationException(EnumFailedVersion);
        }

        internal static void ThrowEnumOpCantHappen()
        {
            throw new InvalidOperationException(EnumOpCantHappen);
        }

        internal static void ThrowNotSupported(string message)
        {
            throw new NotSupportedException(message);
        }

        internal static void ThrowReadOnly()
        {
            throw new NotSupportedException(ReadOnlyCollection);
        }

        internal static void ThrowAddingDuplicate(object key)
        {
            throw new ArgumentException(String.Concat("An item with the same key has already been added. Key: ", ToText(key)));
        }

        internal static void ThrowKeyNotFound(object key)
        {
            throw new KeyNotFoundException(String.Concat("The given key '", ToText(key), "' was not present in the dictionary."));
        }

        // IList.Add(object) and friends with a value that is not a T.
        internal static void ThrowWrongValueType(object value, Type targetType, string paramName)
        {
            throw new ArgumentException(String.Concat("The value \"", ToText(value), "\" is not of type \"", targetType.ToString(), "\" and cannot be used in this generic collection."), paramName);
        }

        // The same with System.Collections' quotes (SortedDictionary,
        // SortedList).
        internal static void ThrowWrongKeyTypeQuoted(object key, Type targetType)
        {
            throw new ArgumentException(String.Concat("The value '", ToText(key), "' is not of type '", targetType.ToString(), "' and cannot be used in this generic collection."), "key");
        }

        internal static void ThrowWrongValueTypeQuoted(object value, Type targetType)
        {
            throw new ArgumentException(String.Concat("The value '", ToText(value), "' is not of type '", targetType.ToString(), "' and cannot be used in this generic collection."), "value");
        }

        internal static void ThrowWrongKeyType(object key, Type targetType)
        {
            throw new ArgumentException(String.Concat("The value \"", ToText(key), "\" is not of type \"", targetType.ToString(), "\" and cannot be used in this generic collection."), "key");
        }

        // The checks ICollection.CopyTo(Array, int) makes before copying
        // `count` elements.
        internal static void CheckNonGenericCopyTo(Array array, int index, int count)
        {
            if (array == null)
                ThrowArgumentNullException("array");
            if (array.Rank != 1)
                throw new ArgumentException(RankMultiDimNotSupported, "array");
            if (array.GetLowerBound(0) != 0)
                throw new ArgumentException(NonZeroLowerBound, "array");
            if (index < 0)
                ThrowArgumentOutOfRangeException("index", NeedNonNegNum);
            if (array.Length - index < count)
                ThrowArrayPlusOffTooSmall();
        }

        // The checks CopyTo(T[], int) makes.
        internal static void CheckCopyTo<T>(T[] array, int index, int count)
        {
            if (array == null)
                ThrowArgumentNullException("array");
            if (index < 0 || index > array.Length)
                ThrowArgumentOutOfRangeException("arrayIndex", NeedNonNegNum);
            if (array.Length - index < count)
                ThrowArrayPlusOffTooSmall();
        }

        // value.ToString(), or "" for null.
        internal static string ToText(object value)
        {
            return value == null ? "" : value.ToString();
        }

        // `value` as a T, for the non-generic interfaces (IList.Add,
        // IList[i] = value): ArgumentNullException(nullParamName) for a
        // null T cannot hold, ArgumentException for a value of another type.
        internal static T CastValue<T>(object value, string nullParamName)
        {
            IfNullAndNullsAreIllegalThenThrow<T>(value, nullParamName);
            try
            {
                return (T)value;
            }
            catch (InvalidCastException)
            {
                ThrowWrongValueType(value, typeof(T), "value");
                return default(T);
            }
        }

        // `key` as a TKey for IDictionary (`quoted`: System.Collections'
        // message, for SortedDictionary and SortedList).
        internal static TKey CastKey<TKey>(object key, bool quoted)
        {
            try
            {
                return (TKey)key;
            }
            catch (InvalidCastException)
            {
                if (quoted)
                    ThrowWrongKeyTypeQuoted(key, typeof(TKey));
                else
                    ThrowWrongKeyType(key, typeof(TKey));
                return default(TKey);
            }
        }

        // `value` as a TValue for IDictionary (nulls already checked).
        internal static TValue CastDictionaryValue<TValue>(object value, bool quoted)
        {
            try
            {
                return (TValue)value;
            }
            catch (InvalidCastException)
            {
                if (quoted)
                    ThrowWrongValueTypeQuoted(value, typeof(TValue));
                else
                    ThrowWrongValueType(value, typeof(TValue), "value");
                return default(TValue);
            }
        }

        // Whether an IDictionary key is a TKey (ArgumentNullException for
        // null).
        internal static bool IsCompatibleKey<TKey>(object key)
        {
            if (key == null)
                ThrowArgumentNullException("key");
            return key is TKey;
        }

        // `value is T`, or a null where T can be null.
        internal static bool IsCompatibleObject<T>(object value)
        {
            return (value is T) || (value == null && default(T) == null);
        }

        // Throws ArgumentNullException when `value` is null and T is a
        // value type (a null cannot be stored in a T).
        internal static void IfNullAndNullsAreIllegalThenThrow<T>(object value, string paramName)
        {
            if (value == null && !(default(T) == null))
                ThrowArgumentNullException(paramName);
        }
    }
}
