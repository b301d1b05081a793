using System;
using System.Runtime.InteropServices;

namespace Osprey.Isolation
{
    // The raw kernel calls behind the Osprey.Isolation types: trusted
    // corelib code only (qcall/src/isolation.rs; docs/kernel.md). Handles
    // are this process's kernel handles; pointers are to locals or pinned
    // arrays.
    internal static unsafe class KernelCalls
    {
        internal const int ReceivedTimeout = 0;
        internal const int ReceivedBlock = 1;
        internal const int ReceivedEndpoint = 2;
        internal const int ReceivedClosed = 3;
        internal const int SendClosed = 1;

        [DllImport("QCall", EntryPoint = "Channel_Create")]
        internal static extern void ChannelCreate(int* a, int* b);

        [DllImport("QCall", EntryPoint = "Endpoint_Send")]
        internal static extern int EndpointSend(int endpoint, int block);

        [DllImport("QCall", EntryPoint = "Endpoint_SendEndpoint")]
        internal static extern int EndpointSendEndpoint(int endpoint, int other);

        [DllImport("QCall", EntryPoint = "Endpoint_Receive")]
        internal static extern int EndpointReceive(int endpoint, int millisecondsTimeout, int* handle);

        [DllImport("QCall", EntryPoint = "Endpoint_Close")]
        internal static extern void EndpointClose(int endpoint);

        [DllImport("QCall", EntryPoint = "Endpoint_PeerProcessId")]
        internal static extern int EndpointPeerProcessId(int endpoint);

        [DllImport("QCall", EntryPoint = "Block_Allocate")]
        internal static extern int BlockAllocate(int size);

        [DllImport("QCall", EntryPoint = "Block_Free")]
        internal static extern void BlockFree(int block);

        [DllImport("QCall", EntryPoint = "Block_Size")]
        internal static extern int BlockSize(int block);

        [DllImport("QCall", EntryPoint = "Block_Write")]
        internal static extern void BlockWrite(int block, int offset, byte* data, int length);

        [DllImport("QCall", EntryPoint = "Block_Read")]
        internal static extern void BlockRead(int block, int offset, byte* data, int length);

        [DllImport("QCall", EntryPoint = "Block_Split")]
        internal static extern int BlockSplit(int block, int offset);

        [DllImport("QCall", EntryPoint = "Block_Share")]
        internal static extern int BlockShare(int block);

        [DllImport("QCall", EntryPoint = "Block_GetData")]
        internal static extern byte* BlockGetData(int block, int* writable);

        [DllImport("QCall", EntryPoint = "Process_Create")]
        internal static extern int ProcessCreate(string path, byte* image, int imageLength, string name,
            string args, int argCount, int* endpoints, int endpointCount,
            int collector, long heapLimit, int abiVersion, bool untrusted);

        [DllImport("QCall", EntryPoint = "Process_Start")]
        internal static extern void ProcessStart(int process);

        [DllImport("QCall", EntryPoint = "Process_Wait")]
        internal static extern bool ProcessWait(int process, int millisecondsTimeout);

        [DllImport("QCall", EntryPoint = "Process_ExitCode")]
        internal static extern bool ProcessExitCode(int process, int* code);

        [DllImport("QCall", EntryPoint = "Process_Terminate")]
        internal static extern bool ProcessTerminate(int process, int exitCode);

        [DllImport("QCall", EntryPoint = "Process_Id")]
        internal static extern int ProcessId(int process);

        [DllImport("QCall", EntryPoint = "Process_Dispose")]
        internal static extern void ProcessDispose(int process);

        [DllImport("QCall", EntryPoint = "Process_StartupEndpoint")]
        internal static extern int ProcessStartupEndpoint(int index);

        [DllImport("QCall", EntryPoint = "Process_StartupEndpointCount")]
        internal static extern int ProcessStartupEndpointCount();

        [DllImport("QCall", EntryPoint = "Process_CurrentId")]
        internal static extern int ProcessCurrentId();

        [DllImport("QCall", EntryPoint = "Kernel_Counters")]
        internal static extern void KernelCounters(long* values, int count);
    }
}
