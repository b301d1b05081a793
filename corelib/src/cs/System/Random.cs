using System.Diagnostics;

namespace System
{
    // A pseudo-random number generator: Knuth's subtractive generator, as
    // .NET Framework implements it and .NET Core keeps it for seeded
    // instances, so `new Random(seed)` gives .NET's sequence for that seed
    // (and mono's, which uses the same code).
    public class Random
    {
        private const int MBIG = int.MaxValue;
        private const int MSEED = 161803398;

        private int _inext;
        private int _inextp;
        private readonly int[] _seedArray = new int[56];

        private static int s_counter;

        // Seeded from the clock and a counter, so two generators created at
        // once still differ.
        public Random()
            : this(unchecked((int)Stopwatch.GetTimestamp() ^ (++s_counter * 1103515245)))
        {
        }

        public Random(int Seed)
        {
            int subtraction = (Seed == int.MinValue) ? int.MaxValue : Math.Abs(Seed);
            int mj = MSEED - subtraction;
            _seedArray[55] = mj;
            int mk = 1;
            for (int i = 1; i < 55; i++)
            {
                int ii = (21 * i) % 55;
                _seedArray[ii] = mk;
                mk = mj - mk;
                if (mk < 0)
                    mk += MBIG;
                mj = _seedArray[ii];
            }
            for (int k = 1; k < 5; k++)
            {
                for (int i = 1; i < 56; i++)
                {
                    _seedArray[i] -= _seedArray[1 + (i + 30) % 55];
                    if (_seedArray[i] < 0)
                        _seedArray[i] += MBIG;
                }
            }
            _inext = 0;
            _inextp = 21;
        }

        // A double in [0, 1).
        protected virtual double Sample()
        {
            return InternalSample() * (1.0 / MBIG);
        }

        private int InternalSample()
        {
            int locINext = _inext;
            int locINextp = _inextp;
            if (++locINext >= 56)
                locINext = 1;
            if (++locINextp >= 56)
                locINextp = 1;
            int retVal = _seedArray[locINext] - _seedArray[locINextp];
            if (retVal == MBIG)
                retVal--;
            if (retVal < 0)
                retVal += MBIG;
            _seedArray[locINext] = retVal;
            _inext = locINext;
            _inextp = locINextp;
            return retVal;
        }

        // An int in [0, int.MaxValue).
        public virtual int Next()
        {
            return InternalSample();
        }

        private double GetSampleForLargeRange()
        {
            int result = InternalSample();
            bool negative = InternalSample() % 2 == 0;
            if (negative)
                result = -result;
            double d = result;
            d += (int.MaxValue - 1);
            d /= 2 * (uint)int.MaxValue - 1;
            return d;
        }

        // An int in [minValue, maxValue).
        public virtual int Next(int minValue, int maxValue)
        {
            if (minValue > maxValue)
                throw new ArgumentOutOfRangeException("minValue", "'minValue' cannot be greater than maxValue.");
            long range = (long)maxValue - minValue;
            if (range <= int.MaxValue)
                return (int)(Sample() * range) + minValue;
            return (int)((long)(GetSampleForLargeRange() * range) + minValue);
        }

        // An int in [0, maxValue).
        public virtual int Next(int maxValue)
        {
            if (maxValue < 0)
                throw new ArgumentOutOfRangeException("maxValue", "'maxValue' must be greater than zero.");
            return (int)(Sample() * maxValue);
        }

        public virtual double NextDouble()
        {
            return Sample();
        }

        public virtual void NextBytes(byte[] buffer)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer");
            for (int i = 0; i < buffer.Length; i++)
                buffer[i] = (byte)(InternalSample() % (byte.MaxValue + 1));
        }
    }
}
