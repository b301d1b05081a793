using System;

namespace Osprey.Isolation
{
    // Which garbage collector a child's runtime uses.
    public enum Collector
    {
        // What the child's environment says (OSPREY_GC), else generational.
        Default = 0,
        Generational = 1,
        MarkSweep = 2,
    }

    // The settings of a child's own runtime instance.
    public sealed class ChildSettings
    {
        public Collector Collector;
        // The child's GC heap limit in bytes (0: the default).
        public long HeapLimit;
        // The kernel ABI version the child is built against (0: the newest).
        public int AbiVersion;
        // Untrusted: the child runs only verified code.
        public bool Untrusted;
    }

    // A software-isolated child process: another C# program running its own
    // runtime instance (loader, GC heap, statics, threads) in this OS
    // process, reachable only through the channels given to it at creation
    // (ProcessHandle::CreateFromImage). Killing it stops its threads at
    // their next safepoint or wait and reclaims everything it held.
    public sealed unsafe class ChildProcess : IDisposable
    {
        private int _handle;

        private ChildProcess(int handle)
        {
            _handle = handle;
        }

        private int Handle
        {
            get
            {
                if (_handle == 0)
                    throw new ObjectDisposedException("ChildProcess");
                return _handle;
            }
        }

        // Creates (does not start) a child from the assembly at `path`. The
        // `channels` ends leave this process and become the child's startup
        // channels (Channel.StartupChannels there).
        public static ChildProcess Create(string path, string[] args, ChildSettings settings, Channel[] channels)
        {
            if (path == null)
                throw new ArgumentNullException("path");
            return CreateCore(path, null, path, args, settings, channels);
        }

        // Creates (does not start) a child from an assembly's bytes.
        public static ChildProcess Create(byte[] assembly, string name, string[] args, ChildSettings settings, Channel[] channels)
        {
            if (assembly == null)
                throw new ArgumentNullException("assembly");
            if (assembly.Length == 0)
                throw new ArgumentException("The assembly is empty.", "assembly");
            return CreateCore(null, assembly, name == null ? "child" : name, args, settings, channels);
        }

        // Creates and starts a child from the assembly at `path`, with the
        // default settings.
        public static ChildProcess Start(string path, string[] args, params Channel[] channels)
        {
            ChildProcess child = Create(path, args, null, channels);
            child.Start();
            return child;
        }

        private static ChildProcess CreateCore(string path, byte[] image, string name, string[] args, ChildSettings settings, Channel[] channels)
        {
            if (settings == null)
                settings = new ChildSettings();
            string joined = "";
            int argCount = 0;
            if (args != null)
            {
                for (int i = 0; i < args.Length; i++)
                {
                    if (args[i] == null)
                        throw new ArgumentNullException("args");
                    if (args[i].IndexOf('\0') >= 0)
                        throw new ArgumentException("An argument contains a NUL character.", "args");
                    joined = i == 0 ? args[i] : joined + "\0" + args[i];
                }
                argCount = args.Length;
            }
            int n = channels == null ? 0 : channels.Length;
            int[] handles = new int[n == 0 ? 1 : n];
            for (int i = 0; i < n; i++)
            {
                if (channels[i] == null)
                    throw new ArgumentNullException("channels");
                handles[i] = channels[i].Handle;
            }
            int h;
            fixed (int* hp = handles)
            {
                if (image != null)
                {
                    fixed (byte* ip = image)
                        h = KernelCalls.ProcessCreate(null, ip, image.Length, name, joined, argCount, hp, n,
                            (int)settings.Collector, settings.HeapLimit, settings.AbiVersion, settings.Untrusted);
                }
                else
                {
                    h = KernelCalls.ProcessCreate(path, null, 0, name, joined, argCount, hp, n,
                        (int)settings.Collector, settings.HeapLimit, settings.AbiVersion, settings.Untrusted);
                }
            }
            // The ends now belong to the child.
            for (int i = 0; i < n; i++)
                channels[i].Detach();
            return new ChildProcess(h);
        }

        public void Start()
        {
            KernelCalls.ProcessStart(Handle);
        }

        // The child's kernel process id.
        public int Id
        {
            get { return KernelCalls.ProcessId(Handle); }
        }

        // The calling process's id.
        public static int CurrentId
        {
            get { return KernelCalls.ProcessCurrentId(); }
        }

        // Waits for the child to end; false if the timeout passed first.
        public bool Wait(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout");
            return KernelCalls.ProcessWait(Handle, millisecondsTimeout);
        }

        // Waits for the child to end and returns its exit code.
        public int Join()
        {
            Wait(-1);
            return ExitCode;
        }

        public bool HasExited
        {
            get
            {
                int code;
                return KernelCalls.ProcessExitCode(Handle, &code);
            }
        }

        public int ExitCode
        {
            get
            {
                int code;
                if (!KernelCalls.ProcessExitCode(Handle, &code))
                    throw new InvalidOperationException("The child process has not exited.");
                return code;
            }
        }

        // Terminates the child (ProcessHandle::Terminate): its threads stop
        // at their next safepoint, transition or wait, and everything it
        // held is reclaimed. Returns at once; false if it was not running.
        public bool Kill(int exitCode)
        {
            return KernelCalls.ProcessTerminate(Handle, exitCode);
        }

        // Drops the handle; a running child keeps running.
        public void Dispose()
        {
            int h = _handle;
            _handle = 0;
            if (h != 0)
                KernelCalls.ProcessDispose(h);
        }
    }

    // The kernel's counters of live resources (DebugService::GetCounters):
    // kernel-wide, and this process's own share.
    public sealed unsafe class KernelCounters
    {
        public long Processes, Threads, OwnThreads, PageBytes, OwnPageBytes;
        public long Blocks, BlockBytes, OwnBlocks, Endpoints, OwnEndpoints, OwnHandles;

        public static KernelCounters Read()
        {
            long[] v = new long[11];
            fixed (long* p = v)
                KernelCalls.KernelCounters(p, v.Length);
            KernelCounters c = new KernelCounters();
            c.Processes = v[0];
            c.Threads = v[1];
            c.OwnThreads = v[2];
            c.PageBytes = v[3];
            c.OwnPageBytes = v[4];
            c.Blocks = v[5];
            c.BlockBytes = v[6];
            c.OwnBlocks = v[7];
            c.Endpoints = v[8];
            c.OwnEndpoints = v[9];
            c.OwnHandles = v[10];
            return c;
        }

        // What the other processes hold: the counters without this process's
        // own share (which its own runtime changes as it runs).
        public string Others()
        {
            return "processes " + Processes + ", threads " + (Threads - OwnThreads)
                + ", page bytes " + (PageBytes - OwnPageBytes) + ", blocks " + (Blocks - OwnBlocks)
                + ", block bytes " + BlockBytes + ", endpoints " + (Endpoints - OwnEndpoints);
        }
    }
}
