using System;

namespace Osprey.Isolation
{
    // One end of a channel (EndpointCore): what this end sends, the other
    // end receives, in order. A message is an exchange-heap block (byte[],
    // strings and blittable data are copied into one) or another channel
    // end. Sending moves the block or the channel end out of this process.
    // A process reaches only the channels it creates, the startup channels
    // its parent gave it, and the channel ends it receives.
    public sealed unsafe class Channel : IDisposable
    {
        private int _handle;

        private Channel(int handle)
        {
            _handle = handle;
        }

        internal int Handle
        {
            get
            {
                if (_handle == 0)
                    throw new ObjectDisposedException("Channel", "The channel end was closed or sent.");
                return _handle;
            }
        }

        internal void Detach()
        {
            _handle = 0;
        }

        // The kernel handle of this end (for diagnostics and tests).
        public int RawHandle
        {
            get { return _handle; }
        }

        // A channel end named by a raw kernel handle value. Nothing is
        // checked here: the kernel resolves the value in this process's own
        // handle table at every use, so a forged value, or one copied from
        // another process, is refused (ObjectDisposedException) or, by
        // coincidence of numbering, names one of this process's own ends.
        public static Channel FromRawHandle(int handle)
        {
            return new Channel(handle);
        }

        // A new channel: both ends in this process (hand one to a child).
        public static void CreatePair(out Channel a, out Channel b)
        {
            int x, y;
            KernelCalls.ChannelCreate(&x, &y);
            a = new Channel(x);
            b = new Channel(y);
        }

        // The channel ends this process's parent gave it, in order.
        public static Channel[] StartupChannels
        {
            get
            {
                int n = KernelCalls.ProcessStartupEndpointCount();
                Channel[] all = new Channel[n];
                for (int i = 0; i < n; i++)
                    all[i] = new Channel(KernelCalls.ProcessStartupEndpoint(i));
                return all;
            }
        }

        // Startup channel `index`.
        public static Channel Startup(int index)
        {
            int h = KernelCalls.ProcessStartupEndpoint(index);
            if (h == 0)
                throw new ArgumentOutOfRangeException("index", "The process has no such startup channel.");
            return new Channel(h);
        }

        // The id of the process holding the other end (0 if it is closed or
        // travelling in a message).
        public int PeerProcessId
        {
            get { return KernelCalls.EndpointPeerProcessId(Handle); }
        }

        // Waits until one of `channels` has a message to receive (or is
        // closed): its index, or -1 when the timeout passes first. Nothing is
        // received.
        public static int WaitAny(Channel[] channels, int millisecondsTimeout)
        {
            if (channels == null)
                throw new ArgumentNullException("channels");
            if (channels.Length == 0 || channels.Length > 64)
                throw new ArgumentException("Wait on 1 to 64 channels.", "channels");
            int[] handles = new int[channels.Length];
            for (int i = 0; i < handles.Length; i++)
            {
                if (channels[i] == null)
                    throw new ArgumentNullException("channels");
                handles[i] = channels[i].Handle;
            }
            int r = System.Threading.WaitHandle.WaitAnyKernelHandles(handles, millisecondsTimeout);
            return r == System.Threading.WaitHandle.WaitTimeout ? -1 : r;
        }

        // Sends a block: it leaves this process (the object becomes empty).
        public void Send(ExchangeBlock block)
        {
            if (block == null)
                throw new ArgumentNullException("block");
            if (KernelCalls.EndpointSend(Handle, block.Handle) == KernelCalls.SendClosed)
                throw new ChannelClosedException();
            block.Detach();
        }

        public void Send(byte[] data)
        {
            if (data == null)
                throw new ArgumentNullException("data");
            fixed (byte* p = data)
                Send(p, data.Length);
        }

        // Copies `length` bytes (a blittable struct, say) into a block and
        // sends it.
        [CLSCompliant(false)]
        public void Send(void* data, int length)
        {
            if (length < 0)
                throw new ArgumentOutOfRangeException("length");
            ExchangeBlock block = new ExchangeBlock(length);
            try
            {
                if (length > 0)
                    block.Write(0, data, length);
                Send(block);
            }
            finally
            {
                // Nothing left if it was sent; freed if the send failed.
                block.Dispose();
            }
        }

        public void Send(string text)
        {
            if (text == null)
                throw new ArgumentNullException("text");
            fixed (char* p = text)
                Send(p, text.Length * 2);
        }

        // Sends a channel end: it leaves this process and the receiver gets
        // it (Singularity's Release/Acquire).
        public void SendChannel(Channel end)
        {
            if (end == null)
                throw new ArgumentNullException("end");
            if (KernelCalls.EndpointSendEndpoint(Handle, end.Handle) == KernelCalls.SendClosed)
                throw new ChannelClosedException();
            end.Detach();
        }

        // Waits for the next message: a block (null on timeout, with
        // `channel` null too) or a channel end.
        private ExchangeBlock ReceiveAny(int millisecondsTimeout, out Channel channel)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout");
            int h;
            int kind = KernelCalls.EndpointReceive(Handle, millisecondsTimeout, &h);
            channel = null;
            switch (kind)
            {
                case KernelCalls.ReceivedBlock:
                    return new ExchangeBlock(h, true);
                case KernelCalls.ReceivedEndpoint:
                    channel = new Channel(h);
                    return null;
                case KernelCalls.ReceivedClosed:
                    throw new ChannelClosedException();
                default:
                    return null;
            }
        }

        // The next block, or null on timeout. ChannelClosedException once the
        // other end is closed and nothing is left.
        public ExchangeBlock ReceiveBlock(int millisecondsTimeout)
        {
            Channel c;
            ExchangeBlock b = ReceiveAny(millisecondsTimeout, out c);
            if (c != null)
            {
                c.Dispose();
                throw new InvalidOperationException("Expected a data message, received a channel.");
            }
            return b;
        }

        public ExchangeBlock ReceiveBlock()
        {
            return ReceiveBlock(-1);
        }

        // The next message as bytes (null on timeout).
        public byte[] ReceiveBytes(int millisecondsTimeout)
        {
            ExchangeBlock b = ReceiveBlock(millisecondsTimeout);
            if (b == null)
                return null;
            try
            {
                return b.ToArray();
            }
            finally
            {
                b.Dispose();
            }
        }

        public byte[] ReceiveBytes()
        {
            return ReceiveBytes(-1);
        }

        public string ReceiveString()
        {
            return ReceiveString(-1);
        }

        // The next message as a string (null on timeout).
        public string ReceiveString(int millisecondsTimeout)
        {
            ExchangeBlock b = ReceiveBlock(millisecondsTimeout);
            if (b == null)
                return null;
            try
            {
                int size = b.Size;
                if (size % 2 != 0)
                    return "";
                string s = new string('\0', size / 2);
                fixed (char* p = s)
                    b.Read(0, p, size);
                return s;
            }
            finally
            {
                b.Dispose();
            }
        }

        // Copies the next message into `length` bytes at `buffer` (a
        // blittable struct); false on timeout. The message must have that
        // size (ArgumentException otherwise).
        [CLSCompliant(false)]
        public bool Receive(void* buffer, int length, int millisecondsTimeout)
        {
            ExchangeBlock b = ReceiveBlock(millisecondsTimeout);
            if (b == null)
                return false;
            try
            {
                if (b.Size != length)
                    throw new ArgumentException("The message has " + b.Size + " bytes, not " + length + ".");
                b.Read(0, buffer, length);
                return true;
            }
            finally
            {
                b.Dispose();
            }
        }

        // The next message, which must be a channel end (null on timeout).
        public Channel ReceiveChannel(int millisecondsTimeout)
        {
            Channel c;
            ExchangeBlock b = ReceiveAny(millisecondsTimeout, out c);
            if (b != null)
            {
                b.Dispose();
                throw new InvalidOperationException("Expected a channel, received a data message.");
            }
            return c;
        }

        public Channel ReceiveChannel()
        {
            return ReceiveChannel(-1);
        }

        // Closes this end: the other end sees the channel closed.
        public void Dispose()
        {
            int h = _handle;
            _handle = 0;
            if (h != 0)
                KernelCalls.EndpointClose(h);
        }
    }
}
