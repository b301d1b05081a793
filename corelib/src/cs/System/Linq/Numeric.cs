using System.Collections.Generic;

namespace System.Linq
{
    // Sum, Min, Max and Average over int, long, float and double and their
    // nullable forms, with and without a selector, as .NET computes them:
    // integer sums are checked (OverflowException); float sums and
    // averages accumulate in double; NaN is the smallest double (Min
    // returns it as soon as it is seen, Max only when every value is NaN);
    // the nullable forms skip nulls and give null (Min, Max, Average) or 0
    // (Sum) when there is no value; the others throw
    // InvalidOperationException on an empty sequence.
    //
    // Not yet: the decimal overloads (System.Decimal has no arithmetic yet).
    public static partial class Enumerable
    {
        public static int Sum(this IEnumerable<int> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            int sum = 0;
            checked
            {
                foreach (int v in source)
                    sum += v;
            }
            return sum;
        }

        public static int? Sum(this IEnumerable<int?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            int sum = 0;
            checked
            {
                foreach (int? v in source)
                {
                    if (v != null)
                        sum += v.GetValueOrDefault();
                }
            }
            return sum;
        }

        public static int Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector)
        {
            return Sum(source.Select(selector));
        }

        public static int? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector)
        {
            return Sum(source.Select(selector));
        }

        public static long Sum(this IEnumerable<long> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            long sum = 0;
            checked
            {
                foreach (long v in source)
                    sum += v;
            }
            return sum;
        }

        public static long? Sum(this IEnumerable<long?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            long sum = 0;
            checked
            {
                foreach (long? v in source)
                {
                    if (v != null)
                        sum += v.GetValueOrDefault();
                }
            }
            return sum;
        }

        public static long Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector)
        {
            return Sum(source.Select(selector));
        }

        public static long? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector)
        {
            return Sum(source.Select(selector));
        }

        public static float Sum(this IEnumerable<float> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            double sum = 0;
            foreach (float v in source)
                sum += v;
            return (float)sum;
        }

        public static float? Sum(this IEnumerable<float?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            double sum = 0;
            foreach (float? v in source)
            {
                if (v != null)
                    sum += v.GetValueOrDefault();
            }
            return (float)sum;
        }

        public static float Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector)
        {
            return Sum(source.Select(selector));
        }

        public static float? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector)
        {
            return Sum(source.Select(selector));
        }

        public static double Sum(this IEnumerable<double> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            double sum = 0;
            foreach (double v in source)
                sum += v;
            return sum;
        }

        public static double? Sum(this IEnumerable<double?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            double sum = 0;
            foreach (double? v in source)
            {
                if (v != null)
                    sum += v.GetValueOrDefault();
            }
            return sum;
        }

        public static double Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector)
        {
            return Sum(source.Select(selector));
        }

        public static double? Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector)
        {
            return Sum(source.Select(selector));
        }

        public static int Min(this IEnumerable<int> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            int value;
            using (IEnumerator<int> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                value = e.Current;
                while (e.MoveNext())
                {
                    int x = e.Current;
                    if (x < value)
                        value = x;
                }
            }
            return value;
        }

        public static int? Min(this IEnumerable<int?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            int? value = null;
            using (IEnumerator<int?> e = source.GetEnumerator())
            {
                do
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                } while (!value.HasValue);
                int valueVal = value.GetValueOrDefault();
                while (e.MoveNext())
                {
                    int? cur = e.Current;
                    int x = cur.GetValueOrDefault();
                    if (cur.HasValue & x < valueVal)
                    {
                        valueVal = x;
                        value = cur;
                    }
                }
            }
            return value;
        }

        public static long Min(this IEnumerable<long> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            long value;
            using (IEnumerator<long> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                value = e.Current;
                while (e.MoveNext())
                {
                    long x = e.Current;
                    if (x < value)
                        value = x;
                }
            }
            return value;
        }

        public static long? Min(this IEnumerable<long?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            long? value = null;
            using (IEnumerator<long?> e = source.GetEnumerator())
            {
                do
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                } while (!value.HasValue);
                long valueVal = value.GetValueOrDefault();
                while (e.MoveNext())
                {
                    long? cur = e.Current;
                    long x = cur.GetValueOrDefault();
                    if (cur.HasValue & x < valueVal)
                    {
                        valueVal = x;
                        value = cur;
                    }
                }
            }
            return value;
        }

        // NaN if any element is NaN.
        public static float Min(this IEnumerable<float> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            float value;
            using (IEnumerator<float> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                value = e.Current;
                if (Single.IsNaN(value))
                    return value;
                while (e.MoveNext())
                {
                    float x = e.Current;
                    if (x < value)
                        value = x;
                    else if (Single.IsNaN(x))
                        return x;
                }
            }
            return value;
        }

        public static float? Min(this IEnumerable<float?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            float? value = null;
            using (IEnumerator<float?> e = source.GetEnumerator())
            {
                do
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                } while (!value.HasValue);
                float valueVal = value.GetValueOrDefault();
                if (Single.IsNaN(valueVal))
                    return value;
                while (e.MoveNext())
                {
                    float? cur = e.Current;
                    if (cur.HasValue)
                    {
                        float x = cur.GetValueOrDefault();
                        if (x < valueVal)
                        {
                            valueVal = x;
                            value = cur;
                        }
                        else if (Single.IsNaN(x))
                        {
                            return cur;
                        }
                    }
                }
            }
            return value;
        }

        // NaN if any element is NaN.
        public static double Min(this IEnumerable<double> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            double value;
            using (IEnumerator<double> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                value = e.Current;
                if (Double.IsNaN(value))
                    return value;
                while (e.MoveNext())
                {
                    double x = e.Current;
                    if (x < value)
                        value = x;
                    else if (Double.IsNaN(x))
                        return x;
                }
            }
            return value;
        }

        public static double? Min(this IEnumerable<double?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            double? value = null;
            using (IEnumerator<double?> e = source.GetEnumerator())
            {
                do
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                } while (!value.HasValue);
                double valueVal = value.GetValueOrDefault();
                if (Double.IsNaN(valueVal))
                    return value;
                while (e.MoveNext())
                {
                    double? cur = e.Current;
                    if (cur.HasValue)
                    {
                        double x = cur.GetValueOrDefault();
                        if (x < valueVal)
                        {
                            valueVal = x;
                            value = cur;
                        }
                        else if (Double.IsNaN(x))
                        {
                            return cur;
                        }
                    }
                }
            }
            return value;
        }

        public static int Min<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector)
        {
            return Min(source.Select(selector));
        }

        public static int? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector)
        {
            return Min(source.Select(selector));
        }

        public static long Min<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector)
        {
            return Min(source.Select(selector));
        }

        public static long? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector)
        {
            return Min(source.Select(selector));
        }

        public static float Min<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector)
        {
            return Min(source.Select(selector));
        }

        public static float? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector)
        {
            return Min(source.Select(selector));
        }

        public static double Min<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector)
        {
            return Min(source.Select(selector));
        }

        public static double? Min<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector)
        {
            return Min(source.Select(selector));
        }

        // By Comparer<TSource>.Default; nulls are skipped (a sequence of
        // only nulls, or an empty one, gives null when TSource can be null).
        public static TSource Min<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            Comparer<TSource> comparer = Comparer<TSource>.Default;
            TSource value = default(TSource);
            if (value == null)
            {
                using (IEnumerator<TSource> e = source.GetEnumerator())
                {
                    do
                    {
                        if (!e.MoveNext())
                            return value;
                        value = e.Current;
                    } while (value == null);
                    while (e.MoveNext())
                    {
                        TSource x = e.Current;
                        if (x != null && comparer.Compare(x, value) < 0)
                            value = x;
                    }
                }
            }
            else
            {
                using (IEnumerator<TSource> e = source.GetEnumerator())
                {
                    if (!e.MoveNext())
                        throw Error.NoElements();
                    value = e.Current;
                    while (e.MoveNext())
                    {
                        TSource x = e.Current;
                        if (comparer.Compare(x, value) < 0)
                            value = x;
                    }
                }
            }
            return value;
        }

        public static TResult Min<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            return Min(source.Select(selector));
        }

        public static int Max(this IEnumerable<int> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            int value;
            using (IEnumerator<int> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                value = e.Current;
                while (e.MoveNext())
                {
                    int x = e.Current;
                    if (x > value)
                        value = x;
                }
            }
            return value;
        }

        public static int? Max(this IEnumerable<int?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            int? value = null;
            using (IEnumerator<int?> e = source.GetEnumerator())
            {
                do
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                } while (!value.HasValue);
                int valueVal = value.GetValueOrDefault();
                while (e.MoveNext())
                {
                    int? cur = e.Current;
                    int x = cur.GetValueOrDefault();
                    if (cur.HasValue & x > valueVal)
                    {
                        valueVal = x;
                        value = cur;
                    }
                }
            }
            return value;
        }

        public static long Max(this IEnumerable<long> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            long value;
            using (IEnumerator<long> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                value = e.Current;
                while (e.MoveNext())
                {
                    long x = e.Current;
                    if (x > value)
                        value = x;
                }
            }
            return value;
        }

        public static long? Max(this IEnumerable<long?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            long? value = null;
            using (IEnumerator<long?> e = source.GetEnumerator())
            {
                do
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                } while (!value.HasValue);
                long valueVal = value.GetValueOrDefault();
                while (e.MoveNext())
                {
                    long? cur = e.Current;
                    long x = cur.GetValueOrDefault();
                    if (cur.HasValue & x > valueVal)
                    {
                        valueVal = x;
                        value = cur;
                    }
                }
            }
            return value;
        }

        // NaN only if every element is NaN.
        public static float Max(this IEnumerable<float> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            float value;
            using (IEnumerator<float> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                value = e.Current;
                while (Single.IsNaN(value))
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                }
                while (e.MoveNext())
                {
                    float x = e.Current;
                    if (x > value)
                        value = x;
                }
            }
            return value;
        }

        public static float? Max(this IEnumerable<float?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            float? value = null;
            using (IEnumerator<float?> e = source.GetEnumerator())
            {
                do
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                } while (!value.HasValue);
                float valueVal = value.GetValueOrDefault();
                while (Single.IsNaN(valueVal))
                {
                    if (!e.MoveNext())
                        return value;
                    float? cur = e.Current;
                    if (cur.HasValue)
                    {
                        value = cur;
                        valueVal = cur.GetValueOrDefault();
                    }
                }
                while (e.MoveNext())
                {
                    float? cur = e.Current;
                    float x = cur.GetValueOrDefault();
                    if (cur.HasValue & x > valueVal)
                    {
                        valueVal = x;
                        value = cur;
                    }
                }
            }
            return value;
        }

        // NaN only if every element is NaN.
        public static double Max(this IEnumerable<double> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            double value;
            using (IEnumerator<double> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                value = e.Current;
                while (Double.IsNaN(value))
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                }
                while (e.MoveNext())
                {
                    double x = e.Current;
                    if (x > value)
                        value = x;
                }
            }
            return value;
        }

        public static double? Max(this IEnumerable<double?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            double? value = null;
            using (IEnumerator<double?> e = source.GetEnumerator())
            {
                do
                {
                    if (!e.MoveNext())
                        return value;
                    value = e.Current;
                } while (!value.HasValue);
                double valueVal = value.GetValueOrDefault();
                while (Double.IsNaN(valueVal))
                {
                    if (!e.MoveNext())
                        return value;
                    double? cur = e.Current;
                    if (cur.HasValue)
                    {
                        value = cur;
                        valueVal = cur.GetValueOrDefault();
                    }
                }
                while (e.MoveNext())
                {
                    double? cur = e.Current;
                    double x = cur.GetValueOrDefault();
                    if (cur.HasValue & x > valueVal)
                    {
                        valueVal = x;
                        value = cur;
                    }
                }
            }
            return value;
        }

        public static int Max<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector)
        {
            return Max(source.Select(selector));
        }

        public static int? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector)
        {
            return Max(source.Select(selector));
        }

        public static long Max<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector)
        {
            return Max(source.Select(selector));
        }

        public static long? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector)
        {
            return Max(source.Select(selector));
        }

        public static float Max<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector)
        {
            return Max(source.Select(selector));
        }

        public static float? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector)
        {
            return Max(source.Select(selector));
        }

        public static double Max<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector)
        {
            return Max(source.Select(selector));
        }

        public static double? Max<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector)
        {
            return Max(source.Select(selector));
        }

        // By Comparer<TSource>.Default; nulls are skipped (a sequence of
        // only nulls, or an empty one, gives null when TSource can be null).
        public static TSource Max<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            Comparer<TSource> comparer = Comparer<TSource>.Default;
            TSource value = default(TSource);
            if (value == null)
            {
                using (IEnumerator<TSource> e = source.GetEnumerator())
                {
                    do
                    {
                        if (!e.MoveNext())
                            return value;
                        value = e.Current;
                    } while (value == null);
                    while (e.MoveNext())
                    {
                        TSource x = e.Current;
                        if (x != null && comparer.Compare(x, value) > 0)
                            value = x;
                    }
                }
            }
            else
            {
                using (IEnumerator<TSource> e = source.GetEnumerator())
                {
                    if (!e.MoveNext())
                        throw Error.NoElements();
                    value = e.Current;
                    while (e.MoveNext())
                    {
                        TSource x = e.Current;
                        if (comparer.Compare(x, value) > 0)
                            value = x;
                    }
                }
            }
            return value;
        }

        public static TResult Max<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            return Max(source.Select(selector));
        }

        public static double Average(this IEnumerable<int> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            using (IEnumerator<int> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                long sum = e.Current;
                long count = 1;
                checked
                {
                        while (e.MoveNext())
                        {
                            sum += e.Current;
                            ++count;
                        }
                }
                return (double)sum / count;
            }
        }

        public static double? Average(this IEnumerable<int?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            using (IEnumerator<int?> e = source.GetEnumerator())
            {
                while (e.MoveNext())
                {
                    int? v = e.Current;
                    if (v.HasValue)
                    {
                        long sum = v.GetValueOrDefault();
                        long count = 1;
                        checked
                        {
                            while (e.MoveNext())
                            {
                                v = e.Current;
                                if (v.HasValue)
                                {
                                    sum += v.GetValueOrDefault();
                                    ++count;
                                }
                            }
                        }
                        return (double)sum / count;
                    }
                }
            }
            return null;
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector)
        {
            return Average(source.Select(selector));
        }

        public static double? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, int?> selector)
        {
            return Average(source.Select(selector));
        }

        public static double Average(this IEnumerable<long> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            using (IEnumerator<long> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                long sum = e.Current;
                long count = 1;
                checked
                {
                        while (e.MoveNext())
                        {
                            sum += e.Current;
                            ++count;
                        }
                }
                return (double)sum / count;
            }
        }

        public static double? Average(this IEnumerable<long?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            using (IEnumerator<long?> e = source.GetEnumerator())
            {
                while (e.MoveNext())
                {
                    long? v = e.Current;
                    if (v.HasValue)
                    {
                        long sum = v.GetValueOrDefault();
                        long count = 1;
                        checked
                        {
                            while (e.MoveNext())
                            {
                                v = e.Current;
                                if (v.HasValue)
                                {
                                    sum += v.GetValueOrDefault();
                                    ++count;
                                }
                            }
                        }
                        return (double)sum / count;
                    }
                }
            }
            return null;
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector)
        {
            return Average(source.Select(selector));
        }

        public static double? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, long?> selector)
        {
            return Average(source.Select(selector));
        }

        public static float Average(this IEnumerable<float> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            using (IEnumerator<float> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                double sum = e.Current;
                long count = 1;
                while (e.MoveNext())
                {
                    sum += e.Current;
                    ++count;
                }
                return (float)(sum / count);
            }
        }

        public static float? Average(this IEnumerable<float?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            using (IEnumerator<float?> e = source.GetEnumerator())
            {
                while (e.MoveNext())
                {
                    float? v = e.Current;
                    if (v.HasValue)
                    {
                        double sum = v.GetValueOrDefault();
                        long count = 1;
                        while (e.MoveNext())
                        {
                            v = e.Current;
                            if (v.HasValue)
                            {
                                sum += v.GetValueOrDefault();
                                ++count;
                            }
                        }
                        return (float)(sum / count);
                    }
                }
            }
            return null;
        }

        public static float Average<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector)
        {
            return Average(source.Select(selector));
        }

        public static float? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, float?> selector)
        {
            return Average(source.Select(selector));
        }

        public static double Average(this IEnumerable<double> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            using (IEnumerator<double> e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                    throw Error.NoElements();
                double sum = e.Current;
                long count = 1;
                while (e.MoveNext())
                {
                    sum += e.Current;
                    ++count;
                }
                return sum / count;
            }
        }

        public static double? Average(this IEnumerable<double?> source)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            using (IEnumerator<double?> e = source.GetEnumerator())
            {
                while (e.MoveNext())
                {
                    double? v = e.Current;
                    if (v.HasValue)
                    {
                        double sum = v.GetValueOrDefault();
                        long count = 1;
                        while (e.MoveNext())
                        {
                            v = e.Current;
                            if (v.HasValue)
                            {
                                sum += v.GetValueOrDefault();
                                ++count;
                            }
                        }
                        return sum / count;
                    }
                }
            }
            return null;
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector)
        {
            return Average(source.Select(selector));
        }

        public static double? Average<TSource>(this IEnumerable<TSource> source, Func<TSource, double?> selector)
        {
            return Average(source.Select(selector));
        }
    }
}
