using System.Runtime.CompilerServices;

namespace System.Diagnostics
{
    // Measures elapsed time with the processor's cycle counter, read through
    // the kernel's ProcessService (an FCall: no frame, no mode switch).
    public class Stopwatch
    {
        public static readonly long Frequency = QueryFrequency();
        public static readonly bool IsHighResolution = true;

        private long _elapsed;
        private long _started;
        private bool _running;

        public Stopwatch()
        {
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long GetTimestamp();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern long QueryFrequency();

        public static Stopwatch StartNew()
        {
            Stopwatch s = new Stopwatch();
            s.Start();
            return s;
        }

        public bool IsRunning
        {
            get { return _running; }
        }

        public void Start()
        {
            if (!_running)
            {
                _started = GetTimestamp();
                _running = true;
            }
        }

        public void Stop()
        {
            if (_running)
            {
                _elapsed += GetTimestamp() - _started;
                _running = false;
            }
        }

        public void Reset()
        {
            _elapsed = 0;
            _running = false;
        }

        public void Restart()
        {
            _elapsed = 0;
            _started = GetTimestamp();
            _running = true;
        }

        public long ElapsedTicks
        {
            get { return _running ? _elapsed + (GetTimestamp() - _started) : _elapsed; }
        }

        public long ElapsedMilliseconds
        {
            get { return ElapsedTicks * 1000 / Frequency; }
        }
    }
}
