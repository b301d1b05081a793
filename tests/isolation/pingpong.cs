// Starts a child (pingpong_child.exe, the first argument), plays ping-pong
// with it over a channel for N rounds (strings, a blittable struct, bytes,
// a zero-copy block), and prints the child's exit code.
using System;
using Osprey.Isolation;

struct Ball
{
    public int Round;
    public long Hits;
    public double Speed;
}

class Program
{
    static unsafe int Main(string[] args)
    {
        string childPath = args[0];
        int rounds = args.Length > 1 ? int.Parse(args[1]) : 100;
        Channel mine, theirs;
        Channel.CreatePair(out mine, out theirs);
        ChildProcess child = ChildProcess.Start(childPath, new string[] { rounds.ToString() }, theirs);
        Console.WriteLine("the end we gave away is gone: " + (theirs.RawHandle == 0));
        Console.WriteLine("peer is the child: " + (mine.PeerProcessId == child.Id));
        Console.WriteLine("child is another process: " + (child.Id != ChildProcess.CurrentId));
        string hello = mine.ReceiveString();
        Console.WriteLine("child says: " + hello);
        long hits = 0;
        for (int i = 0; i < rounds; i++)
        {
            Ball b;
            b.Round = i;
            b.Hits = hits;
            b.Speed = i * 0.5;
            mine.Send(&b, sizeof(Ball));
            Ball back;
            mine.Receive(&back, sizeof(Ball), -1);
            if (back.Round != i || back.Hits != hits + 1 || back.Speed != b.Speed * 2)
            {
                Console.WriteLine("bad return in round " + i);
                return 1;
            }
            hits = back.Hits;
        }
        Console.WriteLine("rounds played: " + rounds + ", hits " + hits);
        byte[] data = new byte[1000];
        for (int i = 0; i < data.Length; i++)
            data[i] = (byte)i;
        mine.Send(data);
        byte[] reversed = mine.ReceiveBytes();
        Console.WriteLine("bytes back reversed: " + (reversed.Length == 1000 && reversed[0] == data[999] && reversed[999] == data[0]));
        ExchangeBlock block = new ExchangeBlock(8);
        *(long*)block.Pointer = 0x1122334455667788;
        mine.Send(block);
        Console.WriteLine("a sent block is no longer ours: " + !block.IsOwned);
        try
        {
            int s = block.Size;
            Console.WriteLine("BUG: used a sent block " + s);
        }
        catch (ObjectDisposedException)
        {
            Console.WriteLine("using it after sending: ObjectDisposedException");
        }
        ExchangeBlock back2 = mine.ReceiveBlock();
        Console.WriteLine("zero-copy block back: " + (*(long*)back2.Pointer).ToString("X"));
        back2.Dispose();
        mine.Send(new byte[0]);
        Console.WriteLine("empty message back: " + mine.ReceiveBytes().Length);
        // Waiting on several channels: the child's answers on ours, a quiet
        // local one stays quiet.
        Channel quiet, quietOther;
        Channel.CreatePair(out quiet, out quietOther);
        Channel[] both = new Channel[] { quiet, mine };
        Console.WriteLine("WaitAny with nothing to receive: " + Channel.WaitAny(both, 10));
        mine.Send("echo");
        Console.WriteLine("WaitAny: " + Channel.WaitAny(both, -1) + " " + mine.ReceiveString());
        quiet.Dispose();
        Console.WriteLine("WaitAny on a closed channel: " + Channel.WaitAny(new Channel[] { quietOther }, -1));
        quietOther.Dispose();
        mine.Send("bye");
        Console.WriteLine("child's exit code: " + child.Join());
        try
        {
            mine.Send("anyone?");
            Console.WriteLine("BUG: sent to a dead child");
        }
        catch (ChannelClosedException e)
        {
            Console.WriteLine("after the child ended: " + e.Message);
        }
        mine.Dispose();
        child.Dispose();
        return 0;
    }
}
