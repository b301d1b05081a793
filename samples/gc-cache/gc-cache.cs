// A long-lived cache with churn: a hash table of string keys to records,
// most entries replaced over and over (old values become garbage while the
// table itself and the surviving entries live for the whole run), plus an
// LRU-style ring of recent records. Checks the contents as it goes.
// Arguments: rounds (20), keys (20000).
using System;

class Record
{
    public string Key;
    public int Version;
    public int[] Payload;
    public Record Next;

    public Record(string key, int version, int size)
    {
        Key = key;
        Version = version;
        Payload = new int[size];
        for (int i = 0; i < size; i++)
            Payload[i] = version + i;
    }

    public long Sum()
    {
        long s = 0;
        for (int i = 0; i < Payload.Length; i++)
            s += Payload[i];
        return s;
    }
}

class Cache
{
    Record[] buckets;
    public int Count;

    public Cache(int size)
    {
        buckets = new Record[size];
    }

    static int Hash(string s)
    {
        int h = 17;
        for (int i = 0; i < s.Length; i++)
            h = h * 31 + s[i];
        return h & 0x7FFFFFFF;
    }

    public Record Get(string key)
    {
        for (Record r = buckets[Hash(key) % buckets.Length]; r != null; r = r.Next)
            if (r.Key == key)
                return r;
        return null;
    }

    public void Put(Record rec)
    {
        int b = Hash(rec.Key) % buckets.Length;
        Record prev = null;
        for (Record r = buckets[b]; r != null; prev = r, r = r.Next)
        {
            if (r.Key == rec.Key)
            {
                rec.Next = r.Next;
                if (prev == null)
                    buckets[b] = rec;
                else
                    prev.Next = rec;
                return;
            }
        }
        rec.Next = buckets[b];
        buckets[b] = rec;
        Count++;
    }
}

class Program
{
    static int Main(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 20;
        int Keys = args.Length > 1 ? int.Parse(args[1]) : 20000;
        Cache cache = new Cache(4096);
        Record[] recent = new Record[256];
        int seed = 12345;
        long checksum = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < Keys; i++)
            {
                seed = seed * 1103515245 + 12345;
                int k = (seed >> 8) & 0x7FFFFFFF;
                k %= Keys;
                string key = "key" + k;
                Record old = cache.Get(key);
                int version = old == null ? 0 : old.Version + 1;
                Record rec = new Record(key, version, 4 + (k % 13));
                cache.Put(rec);
                recent[i % recent.Length] = rec;
            }
            long s = 0;
            for (int i = 0; i < recent.Length; i++)
                if (recent[i] != null)
                    s += recent[i].Sum();
            checksum += s;
            if (round % 5 == 4)
                Console.WriteLine("round " + (round + 1) + ": " + cache.Count + " keys, recent sum " + s);
        }
        long total = 0;
        int maxVersion = 0;
        for (int k = 0; k < Keys; k++)
        {
            Record r = cache.Get("key" + k);
            if (r != null)
            {
                total += r.Sum();
                if (r.Version > maxVersion)
                    maxVersion = r.Version;
            }
        }
        Console.WriteLine("final: " + cache.Count + " keys, total " + total + ", max version " + maxVersion + ", checksum " + checksum);
        return 0;
    }
}
