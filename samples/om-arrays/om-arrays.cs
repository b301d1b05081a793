// Arrays: every element type, defaults, initializers (InitializeArray),
// jagged and multi-dimensional arrays, Rank/GetLength, foreach, Array.Copy,
// Clone and covariance.
using System;

class Node { public int V; public Node(int v) { V = v; } public override string ToString() { return "N" + V; } }
struct Pair { public int A; public long B; }

class Program
{
    static int Main()
    {
        bool[] bo = new bool[2];
        byte[] by = new byte[3];
        sbyte[] sb = new sbyte[3];
        short[] sh = new short[3];
        ushort[] us = new ushort[3];
        char[] ch = new char[3];
        int[] ia = new int[4];
        uint[] ua = new uint[3];
        long[] la = new long[3];
        ulong[] ula = new ulong[3];
        float[] fa = new float[3];
        double[] da = new double[3];
        string[] sa = new string[3];
        object[] oa = new object[3];
        Node[] na = new Node[3];
        Pair[] pa = new Pair[3];
        Console.WriteLine(bo[1] + " " + by[2] + " " + sb[0] + " " + sh[1] + " " + us[2] + " " + (int)ch[0] + " " + ia[3]);
        Console.WriteLine(ua[0] + " " + la[1] + " " + ula[2] + " " + fa[0] + " " + da[2] + " " + (sa[0] == null) + " " + (oa[1] == null) + " " + (na[2] == null) + " " + pa[1].B);
        Console.WriteLine(bo.Length + by.Length + sb.Length + sh.Length + us.Length + ch.Length + ia.Length + ua.Length + la.Length + ula.Length + fa.Length + da.Length + sa.Length + oa.Length + na.Length + pa.Length);

        bo[0] = true; by[0] = 255; by[1] = (byte)(by[0] + 1); sb[0] = -128; sb[1] = (sbyte)(sb[0] - 1);
        sh[0] = -32768; us[0] = 65535; us[1] = (ushort)(us[0] + 1); ch[0] = 'Z'; ch[1] = (char)(ch[0] + 1);
        ia[0] = int.MinValue; ua[0] = uint.MaxValue; la[0] = long.MinValue; ula[0] = ulong.MaxValue;
        fa[0] = 1.5f; da[0] = -2.25; sa[0] = "s"; oa[0] = 17; na[0] = new Node(3); pa[0].A = 9; pa[0].B = -9;
        Console.WriteLine(bo[0] + " " + by[0] + " " + by[1] + " " + sb[0] + " " + sb[1] + " " + sh[0] + " " + us[0] + " " + us[1]);
        Console.WriteLine(ch[0] + " " + ch[1] + " " + ia[0] + " " + ua[0] + " " + la[0] + " " + ula[0]);
        Console.WriteLine(fa[0] + " " + da[0] + " " + sa[0] + " " + oa[0] + " " + na[0] + " " + pa[0].A + " " + pa[0].B);

        // initializers
        int[] ii = new int[] { 1, 2, 3, -4, 1000000 };
        byte[] bi = { 1, 2, 250, 0, 7, 8 };
        long[] li = { 1L << 50, -1, 3, 4 };
        double[] di = { 0.5, 1.25, -3.0, 1e10 };
        char[] ci = { 'h', 'e', 'l', 'l', 'o' };
        short[] si = { -1, 2, -3, 4, 32767 };
        bool[] bbi = { true, false, true };
        float[] fi = { 1.5f, 2.5f, -0.25f };
        ulong[] uli = { 1, ulong.MaxValue, 0x8000000000000000 };
        string[] stri = { "a", "bb", null, "dddd" };
        long ls = 0; foreach (int v in ii) ls += v; Console.WriteLine(ls);
        ls = 0; foreach (byte v in bi) ls += v; Console.WriteLine(ls);
        ls = 0; foreach (long v in li) ls += v; Console.WriteLine(ls);
        double ds = 0; foreach (double v in di) ds += v; Console.WriteLine(ds);
        Console.WriteLine(new string(ci) + " " + si[0] + si[4] + " " + bbi[2] + " " + (fi[0] + fi[1] + fi[2]) + " " + uli[1] + " " + uli[2]);
        int slen = 0; foreach (string s in stri) slen += s == null ? 100 : s.Length; Console.WriteLine(slen);

        // jagged
        int[][] jag = new int[4][];
        for (int i = 0; i < jag.Length; i++)
        {
            jag[i] = new int[i + 1];
            for (int j = 0; j <= i; j++) jag[i][j] = (i == j || j == 0) ? 1 : jag[i - 1][j - 1] + jag[i - 1][j];
        }
        for (int i = 0; i < jag.Length; i++)
        {
            string line = "";
            foreach (int v in jag[i]) line += v + " ";
            Console.WriteLine(line + "(" + jag[i].Length + ")");
        }
        string[][] js = new string[][] { new string[] { "x" }, new string[0], new string[] { "y", "z" } };
        Console.WriteLine(js.Length + " " + js[1].Length + " " + js[2][1]);

        // multi-dimensional
        int[,] m = new int[3, 4];
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                m[i, j] = i * 10 + j;
        Console.WriteLine(m.Rank + " " + m.Length + " " + m.GetLength(0) + " " + m.GetLength(1) + " " + m[2, 3] + " " + m[1, 0]);
        int msum = 0; foreach (int v in m) msum += v; Console.WriteLine(msum);
        int[,] mi = { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        Console.WriteLine(mi[2, 1] + " " + mi.GetLength(0) + "x" + mi.GetLength(1));
        string[,] ms = new string[2, 2];
        ms[0, 1] = "tr"; ms[1, 0] = "bl";
        Console.WriteLine((ms[0, 0] == null) + " " + ms[0, 1] + " " + ms[1, 0]);
        double[,,] cube = new double[2, 3, 4];
        cube[1, 2, 3] = 2.5; cube[0, 0, 0] = -1;
        Console.WriteLine(cube.Rank + " " + cube.Length + " " + cube.GetLength(2) + " " + cube[1, 2, 3] + " " + cube[0, 0, 0] + " " + cube[1, 1, 1]);
        Console.WriteLine(ia.Rank + " " + ia.GetLength(0));

        // copy and clone
        int[] src = { 10, 20, 30, 40, 50 };
        int[] dst = new int[7];
        Array.Copy(src, 1, dst, 2, 3);
        Array.Copy(src, dst, 2);
        string dl = ""; foreach (int v in dst) dl += v + ","; Console.WriteLine(dl);
        int[] cl = (int[])src.Clone();
        cl[0] = -1;
        Console.WriteLine(src[0] + " " + cl[0] + " " + cl.Length + " " + (cl == src));
        Node[] nc = (Node[])new Node[] { new Node(1), new Node(2) }.Clone();
        Console.WriteLine(nc[0] + " " + nc[1]);
        Array.Copy(src, 0, src, 1, 4);
        dl = ""; foreach (int v in src) dl += v + ","; Console.WriteLine(dl);

        // covariance
        object[] co = new string[3];
        co[0] = "x";
        co[1] = null;
        Console.WriteLine(co[0] + " " + co.Length + " " + (co is string[]) + " " + (co is object[]));
        object oarr = ii;
        Console.WriteLine((oarr is int[]) + " " + (oarr is object[]) + " " + ((int[])oarr)[4]);
        Array ar = m;
        Console.WriteLine(ar.Rank + " " + ar.Length);
        return ii[1] + jag[3][1];
    }
}
