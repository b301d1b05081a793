using System.Runtime.CompilerServices;

namespace System
{
    // Single-precision math: the C library's float functions (sqrtf, sinf,
    // ...) through FCalls, as mono calls them; the rest as Math's double
    // versions compute it.
    public static class MathF
    {
        public const float E = 2.71828183f;
        public const float PI = 3.14159265f;

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Sqrt(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Exp(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Log(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Log10(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Sin(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Cos(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Tan(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Asin(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Acos(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Atan(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Sinh(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Cosh(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Tanh(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Asinh(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Acosh(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Atanh(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Cbrt(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Floor(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Ceiling(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Truncate(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Round(float x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Pow(float x, float y);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Atan2(float y, float x);

        public static float Abs(float x)
        {
            return Math.Abs(x);
        }

        public static float Max(float x, float y)
        {
            return Math.Max(x, y);
        }

        public static float Min(float x, float y)
        {
            return Math.Min(x, y);
        }

        public static int Sign(float x)
        {
            return Math.Sign(x);
        }

        public static float IEEERemainder(float x, float y)
        {
            return (float)Math.IEEERemainder(x, y);
        }

        public static float Log(float x, float y)
        {
            return (float)Math.Log(x, y);
        }

        public static float Round(float x, int digits)
        {
            return Round(x, digits, MidpointRounding.ToEven);
        }

        public static float Round(float x, MidpointRounding mode)
        {
            return Round(x, 0, mode);
        }

        // As Math.Round on the float's double value, for 0 to 6 digits.
        public static float Round(float x, int digits, MidpointRounding mode)
        {
            if (digits < 0 || digits > 6)
                throw new ArgumentOutOfRangeException("digits", "Rounding digits must be between 0 and 6, inclusive.");
            if (mode < MidpointRounding.ToEven || mode > MidpointRounding.AwayFromZero)
                throw new ArgumentException(String.Concat("The value '", Number.Int32ToDecStr((int)mode), "' is not valid for this usage of the type MidpointRounding."), "mode");
            if (Math.Abs(x) < 1e8f)
            {
                float power10 = 1;
                for (int i = 0; i < digits; i++)
                    power10 *= 10;
                x *= power10;
                if (mode == MidpointRounding.AwayFromZero)
                {
                    float integral = Truncate(x);
                    float fraction = x - integral;
                    x = integral;
                    if (Math.Abs(fraction) >= 0.5f)
                        x += Math.Sign(fraction);
                }
                else
                {
                    x = Round(x);
                }
                x /= power10;
            }
            return x;
        }
    }
}
