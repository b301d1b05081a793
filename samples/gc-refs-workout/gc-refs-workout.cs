// References the collector must find and update while objects move: the
// shapes of the differential fuzzer's GC workout (tests/fuzz/csgen.rs,
// `gc_stmt`) as one fixed program. Linked lists kept in statics, arrays of
// references (one- and multi-dimensional, jagged, large ones that live in
// blocks of their own), structs holding references passed, returned and
// boxed by value, refs into array elements, fields, statics and locals held
// across calls that allocate, young arrays and strings pinned by `fixed`,
// exceptions and closures holding young objects. Run it under
// OSPREY_GCSTRESS=1 with each collector (tests/gc.rs does at interval 50).
using System;
using System.Text;

public class Node
{
    public long v;
    public Node next;
    public R r;
    public string s;
    public int[] a;
    public object o;
    public Node(Node next, string s, long v) { this.next = next; this.s = s; this.v = v; }
}

public struct R
{
    public byte b;
    public string s;
    public Node n;
    public object o;
    public double d;
}

public class NodeException : Exception
{
    public Node N;
    public NodeException(Node n) : base("node " + n.s) { N = n; }
}

public delegate long NodeFn(long x);

public static unsafe class Program
{
    static Node list;
    static int listLen;
    static Node[] nodes = new Node[8];
    static string[] strs = new string[8];
    static R[] rs = new R[4];
    static R r0;
    static Node[] bigN;
    static object junk;

    static void Churn(int n) { for (int i = 0; i < n; i++) junk = new Node(null, "j" + i, i); }

    static long UseR(R r)
    {
        return 11L + r.b + (r.s == null ? -1 : r.s.Length * 5 + r.s[r.s.Length - 1])
            + (r.n == null ? -2 : r.n.v + r.n.s.Length)
            + (r.o is string ? ((string)r.o).Length : r.o is long ? (long)r.o : -3) + (long)r.d;
    }

    static long Sum(Node n)
    {
        long acc = 17;
        int c = 0;
        while (n != null && c < 200)
        {
            acc = acc * 31 + n.v + (n.s == null ? 0 : n.s.Length) + UseR(n.r)
                + (n.o is string ? ((string)n.o).Length : 0) + (n.a == null ? 0 : n.a.Length + n.a[0]);
            n = n.next;
            c++;
        }
        return acc * 7 + c;
    }

    static void Push(long v, string s)
    {
        list = new Node(list, s, v);
        if (++listLen > 40)
        {
            Node p = list;
            for (int i = 0; i < 19; i++) p = p.next;
            p.next = null;
            listLen = 20;
        }
    }

    static void BumpNode(ref Node slot, int n, long v) { Churn(n); slot = new Node(slot, "b" + v, v); Churn(n); slot.v += n; }
    static void BumpStr(ref string slot, int n, long v) { Churn(n); slot = slot + "+" + v; Churn(n); }
    static void BumpLong(ref long slot, int n, long v) { Churn(n); slot += v; Churn(n); slot = slot * 3 + 1; }

    static R MakeR(long v, int n)
    {
        R r = new R();
        Churn(n); r.b = (byte)v;
        Churn(n); r.s = "r_" + v;
        Churn(n); r.n = new Node(null, "rn", v);
        Churn(n); r.o = (v & 1) == 0 ? (object)("ro" + v) : (object)(v + 1);
        r.d = v * 0.5;
        return r;
    }

    static void BumpR(ref R r, int n, long v)
    {
        Churn(n); r.b++;
        Churn(n); r.s = r.s + "!";
        Churn(n); r.n = new Node(r.n, "bn", v);
        Churn(n); r.o = (object)(v + 1);
        r.d += 1.5;
    }

    static R PassR(R r, int n, long v) { BumpR(ref r, n, v); Churn(n); return r; }

    static string ShowR(R r)
    {
        return r.b + " " + (r.s ?? "null") + " " + (r.n == null ? "null" : r.n.s + ":" + r.n.v)
            + " " + (r.o == null ? "null" : r.o.ToString()) + " " + r.d.ToString("R");
    }

    static void ThrowNode(Node n, int k) { Churn(k); throw new NodeException(new Node(n, "t" + k, k + 1)); }

    static bool Flt(string id, bool r) { Console.WriteLine("filter " + id + " " + r); return r; }

    static void Lists(long gv, int n, int k)
    {
        Node h = null;
        for (int i = 0; i < n; i++)
        {
            h = new Node(h, "n" + i, gv + i);
            if ((i & 3) == 0) h.o = "o" + (gv ^ i);
            if ((i & 3) == 1) { h.a = new int[i + 1]; h.a[0] = (int)gv; }
            if ((i & 3) == 2) h.r = MakeR(gv + i, k);
        }
        Churn(k);
        Console.WriteLine("list " + Sum(h));
        nodes[n & 7] = h;
        for (int i = 0; i < n; i++) Push(gv + i, "p" + i);
        if (list.next != null) list.next.o = new Node(null, "q", gv);
        Console.WriteLine("static list " + listLen + " " + Sum(list));
    }

    static void Arrays(long gv, int n, int k)
    {
        string[] sa = new string[n];
        for (int i = 0; i < n; i++) sa[i] = "e" + (gv * i);
        Churn(k);
        long acc = 0;
        for (int i = 0; i < n; i++) acc = acc * 7 + sa[i].Length + sa[i][sa[i].Length - 1];
        object[] oa = new object[n];
        for (int i = 0; i < n; i++)
            oa[i] = (i % 3 == 0) ? (object)("x" + i) : (i % 3 == 1) ? (object)new Node(null, "y", gv + i) : (object)(gv * i);
        Churn(k);
        foreach (object ob in oa) acc = acc * 7 + (ob is string ? ((string)ob).Length : ob is Node ? ((Node)ob).v : (long)ob);
        Console.WriteLine("arrays " + acc);

        Node[,] md = new Node[3, 4];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                md[i, j] = new Node(j > 0 ? md[i, j - 1] : null, "m" + i + j, gv + i * 10 + j);
        BumpNode(ref md[1, 2], k, gv);
        string[,] ms = new string[2, 3];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                ms[i, j] = "q" + (gv - i * j);
        BumpStr(ref ms[1, 1], k, gv);
        string joined = "";
        foreach (string x in ms) joined = joined + x + "/";
        R[,] mr = new R[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                mr[i, j] = MakeR(gv + i + j, k);
        BumpR(ref mr[1, 0], k, gv);
        Console.WriteLine("md " + Sum(md[1, 2]) + " " + Sum(md[2, 3]) + " " + joined + " " + ShowR(mr[1, 0]) + " " + UseR(mr[0, 1]));

        string[][] jg = new string[3][];
        for (int i = 0; i < 3; i++)
        {
            jg[i] = new string[i + 1];
            for (int j = 0; j <= i; j++) jg[i][j] = "g" + (gv + j);
            Churn(k);
        }
        BumpStr(ref jg[2][0], k, gv);
        Console.WriteLine("jagged " + string.Concat(jg[2]) + " " + jg[0][0]);
    }

    static void Large(long gv, int k)
    {
        // 1500 references: a large object, old at once; young Nodes in many cards.
        if (bigN == null) bigN = new Node[1500];
        for (int i = n0(gv); i < bigN.Length; i += 97) { bigN[i] = new Node(bigN[i], "L" + i, gv + i); Churn(k); }
        Node[] copy = (Node[])bigN.Clone();
        Churn(k);
        Array.Copy(copy, 0, bigN, 1, bigN.Length - 1);
        long acc = 0;
        for (int i = 0; i < bigN.Length; i++) if (bigN[i] != null) acc = acc * 3 + i + bigN[i].v + bigN[i].s.Length;
        R[] br = new R[400];
        for (int i = 5; i < br.Length; i += 61) { br[i] = MakeR(gv + i, k); BumpR(ref br[i], 1, i); }
        Churn(k);
        for (int i = 0; i < br.Length; i++) acc = acc * 3 + UseR(br[i]);
        Console.WriteLine("large " + acc);
    }

    static int n0(long gv) { return (int)(gv & 31); }

    static void Refs(long gv, int k)
    {
        int idx = (int)(gv & 7);
        BumpNode(ref nodes[idx], k, gv);
        BumpStr(ref strs[idx], k, gv);
        long[] la = new long[8];
        for (int i = 0; i < 8; i++) la[i] = gv + i;
        BumpLong(ref la[idx], k, gv);
        BumpR(ref rs[idx & 3], k, gv);
        R[] ra = new R[4];
        ra[1] = MakeR(gv, k);
        BumpR(ref ra[1], k, gv);
        Node nd = new Node(list, "f", gv);
        BumpStr(ref nd.s, k, gv);
        BumpR(ref nd.r, k, gv);
        BumpNode(ref nd.next, k, gv);
        BumpR(ref r0, k, gv);
        string ls = "l" + gv;
        long lv = gv;
        BumpStr(ref ls, k, gv);
        BumpLong(ref lv, k, 3);
        object boxed = MakeR(gv, k);
        Churn(k);
        R unboxed = (R)boxed;
        BumpR(ref unboxed, k, gv);
        R passed = PassR(MakeR(gv, k), k, gv);
        Console.WriteLine("refs " + Sum(nodes[idx]) + " " + strs[idx] + " " + la[idx] + " " + ShowR(rs[idx & 3]) + " " + ShowR(ra[1]));
        Console.WriteLine("refs " + nd.s + " " + Sum(nd) + " " + ShowR(r0) + " " + ls + " " + lv);
        Console.WriteLine("refs " + ShowR((R)boxed) + " " + ShowR(unboxed) + " " + ShowR(passed));
    }

    static void Strings(long gv, int n, int k)
    {
        string s = "start";
        for (int i = 0; i < n; i++)
        {
            s = s + (gv + i).ToString() + ";";
            if (s.Length > 90) s = s.Substring(45);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) { sb.Append(gv ^ i); sb.Append(','); if ((i & 3) == 0) Churn(k); }
        string t = sb.ToString();
        Console.WriteLine("strings " + s + " " + t.Length + " " + t.Substring(t.Length / 2));
    }

    static void Pinned(long gv, int k)
    {
        Node pn = new Node(null, "pre" + gv, gv);
        int[] pa = new int[5];
        string ps = "pin" + gv;
        fixed (int* pp = pa)
        fixed (char* pc = ps)
        {
            Churn(k + 1);
            pp[3] = (int)gv + pc[1];
            Node pm = new Node(pn, "mid" + pc[0], pp[0]);
            Churn(k);
            pp[0] += pm.next.s.Length + pc[2];
            pn.next = pm;
        }
        Churn(k);
        pn.next.next = null;
        Console.WriteLine("pinned " + pa[0] + " " + pa[3] + " " + ps + " " + Sum(pn));
    }

    static void Exceptions(long gv, int k)
    {
        Node en = new Node(null, "ex" + gv, gv);
        try
        {
            try
            {
                Churn(k);
                ThrowNode(en, k);
            }
            finally
            {
                Churn(k);
                en.s = en.s + "f";
            }
        }
        catch (NodeException ne) when (Flt("n" + k, ne.N.v % 2 == 0) || ne.N.next != null)
        {
            Churn(k);
            Console.WriteLine("caught " + ne.Message + " " + ne.N.s + " " + ne.N.next.s + " " + Sum(ne.N));
        }
        Console.WriteLine("after " + Sum(en));
    }

    static void Closures(long gv, int k)
    {
        Node cn = new Node(null, "c" + gv, gv);
        string cs = "cs" + (gv & 255);
        NodeFn f = x => { cn = new Node(cn, cs + x, x); return Sum(cn) + cs.Length; };
        Churn(k);
        long acc = 0;
        for (int i = 0; i < 5; i++) { acc = acc * 7 + f(gv + i); Churn(k); }
        f += x => x * 3 + cn.v;
        Console.WriteLine("closures " + acc + " " + f(7) + " " + cn.s);
    }

    public static int Main()
    {
        for (int round = 0; round < 6; round++)
        {
            long gv = 1000003L * round - 77;
            int k = round % 4;
            Lists(gv, 5 + round * 3, k);
            Arrays(gv, 4 + round * 2, k);
            Large(gv, k);
            Refs(gv, k);
            Strings(gv, 6 + round * 4, k);
            Pinned(gv, k);
            Exceptions(gv, k);
            Closures(gv, k);
        }
        Console.WriteLine("list " + listLen + " " + Sum(list));
        for (int i = 0; i < 8; i++) Console.WriteLine("nodes " + i + " " + Sum(nodes[i]) + " " + (strs[i] ?? "null"));
        for (int i = 0; i < 4; i++) Console.WriteLine("rs " + i + " " + ShowR(rs[i]));
        Console.WriteLine("r0 " + ShowR(r0));
        return (int)(Sum(list) & 63);
    }
}
