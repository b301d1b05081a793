// Floating-point kernels: the n-body simulation and a Mandelbrot count.
using System;

static class Program
{
    static double NBody(int steps)
    {
        int n = 5;
        double[] x = { 0, 4.84, 8.34, 12.89, 15.38 }, y = { 0, -1.16, 4.12, -15.11, -25.92 }, z = { 0, -0.10, -0.40, -0.22, 0.18 };
        double[] vx = { 0, 0.606, -1.010, 1.082, 0.979 }, vy = { 0, 2.81, 1.82, 0.868, 0.594 }, vz = { 0, -0.02, 0.008, -0.01, -0.034 };
        double[] m = { 39.47, 0.037, 0.011, 0.0017, 0.002 };
        double dt = 0.01;
        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
                    double d2 = dx * dx + dy * dy + dz * dz;
                    double mag = dt / (d2 * Math.Sqrt(d2));
                    vx[i] -= dx * m[j] * mag; vy[i] -= dy * m[j] * mag; vz[i] -= dz * m[j] * mag;
                    vx[j] += dx * m[i] * mag; vy[j] += dy * m[i] * mag; vz[j] += dz * m[i] * mag;
                }
            for (int i = 0; i < n; i++) { x[i] += dt * vx[i]; y[i] += dt * vy[i]; z[i] += dt * vz[i]; }
        }
        double e = 0;
        for (int i = 0; i < n; i++) e += 0.5 * m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
        return e;
    }

    static int Mandelbrot(int size, int iterations)
    {
        int inside = 0;
        for (int py = 0; py < size; py++)
            for (int px = 0; px < size; px++)
            {
                double cr = 2.0 * px / size - 1.5, ci = 2.0 * py / size - 1.0, zr = 0, zi = 0;
                int k = 0;
                while (k < iterations && zr * zr + zi * zi <= 4.0)
                {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    k++;
                }
                if (k == iterations) inside++;
            }
        return inside;
    }

    static int Main()
    {
        double e = NBody(400000);
        int inside = Mandelbrot(400, 200);
        string es = e.ToString("F6");
        Console.WriteLine(es + " " + inside);
        return inside == 60984 && es == "0.183746" ? 0 : 1;
    }
}
