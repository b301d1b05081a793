using System;

namespace Osprey.Isolation
{
    // A block of the exchange heap that this process owns
    // (CommunicationHeapService). Sending it over a channel moves it to the
    // receiver: this object is then empty, and every use throws
    // ObjectDisposedException. The data can be copied in and out, or
    // reached directly through Pointer (a zero-copy view for blittable
    // data, valid only until the block is sent or freed).
    public sealed unsafe class ExchangeBlock : IDisposable
    {
        private int _handle;

        public ExchangeBlock(int size)
        {
            if (size < 0)
                throw new ArgumentOutOfRangeException("size", "Non-negative number required.");
            _handle = KernelCalls.BlockAllocate(size);
        }

        internal ExchangeBlock(int handle, bool owned)
        {
            _handle = handle;
        }

        internal int Handle
        {
            get
            {
                if (_handle == 0)
                    throw new ObjectDisposedException("ExchangeBlock", "The block was sent or freed.");
                return _handle;
            }
        }

        // Forgets the handle (the block was sent).
        internal void Detach()
        {
            _handle = 0;
        }

        public bool IsOwned
        {
            get { return _handle != 0; }
        }

        public int Size
        {
            get { return KernelCalls.BlockSize(Handle); }
        }

        public bool IsWritable
        {
            get
            {
                int w;
                KernelCalls.BlockGetData(Handle, &w);
                return w != 0;
            }
        }

        // The first byte of the block's data: valid while this process owns
        // the block (do not keep it past a Send or Dispose).
        [CLSCompliant(false)]
        public byte* Pointer
        {
            get
            {
                int w;
                return KernelCalls.BlockGetData(Handle, &w);
            }
        }

        public void Write(int offset, byte[] data)
        {
            Write(offset, data, 0, data == null ? 0 : data.Length);
        }

        public void Write(int offset, byte[] data, int start, int count)
        {
            if (data == null)
                throw new ArgumentNullException("data");
            if (start < 0 || count < 0 || start > data.Length - count)
                throw new ArgumentOutOfRangeException("count");
            fixed (byte* p = data)
                KernelCalls.BlockWrite(Handle, offset, p + start, count);
        }

        [CLSCompliant(false)]
        public void Write(int offset, void* data, int count)
        {
            KernelCalls.BlockWrite(Handle, offset, (byte*)data, count);
        }

        public void Read(int offset, byte[] buffer, int start, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer");
            if (start < 0 || count < 0 || start > buffer.Length - count)
                throw new ArgumentOutOfRangeException("count");
            fixed (byte* p = buffer)
                KernelCalls.BlockRead(Handle, offset, p + start, count);
        }

        [CLSCompliant(false)]
        public void Read(int offset, void* buffer, int count)
        {
            KernelCalls.BlockRead(Handle, offset, (byte*)buffer, count);
        }

        public byte[] ToArray()
        {
            byte[] bytes = new byte[Size];
            Read(0, bytes, 0, bytes.Length);
            return bytes;
        }

        // Cuts the block: this one keeps the first `offset` bytes, the
        // returned one gets the rest (no copy).
        public ExchangeBlock Split(int offset)
        {
            return new ExchangeBlock(KernelCalls.BlockSplit(Handle, offset), true);
        }

        // Makes the block read-only and returns a second read-only block over
        // the same bytes (to send to another process).
        public ExchangeBlock Share()
        {
            return new ExchangeBlock(KernelCalls.BlockShare(Handle), true);
        }

        public void Dispose()
        {
            int h = _handle;
            _handle = 0;
            if (h != 0)
                KernelCalls.BlockFree(h);
        }
    }
}
