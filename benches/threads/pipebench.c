/* The nearest Linux equivalent of a channel between two processes: two
 * pipes between a parent and a forked child (docs/kernel.md,
 * "Benchmarks"). `pipebench KIND N` prints "KIND value" like
 * channelbench.cs: roundtrip (ns per round trip of 16 bytes) or stream
 * (64-byte messages per second, then one acknowledgement). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static void full(int fd, char *buf, size_t n, int writing) {
    size_t done = 0;
    while (done < n) {
        ssize_t r = writing ? write(fd, buf + done, n - done) : read(fd, buf + done, n - done);
        if (r <= 0) { perror("pipe"); exit(1); }
        done += (size_t)r;
    }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double run(const char *kind, long n) {
    int down[2], up[2];
    char buf[64] = {0};
    if (pipe(down) || pipe(up)) { perror("pipe"); exit(1); }
    pid_t pid = fork();
    int roundtrip = strcmp(kind, "roundtrip") == 0;
    if (pid == 0) {
        for (long i = 0; i < n; i++) {
            full(down[0], buf, roundtrip ? 16 : 64, 0);
            if (roundtrip) full(up[1], buf, 16, 1);
        }
        if (!roundtrip) full(up[1], buf, 1, 1);
        _exit(0);
    }
    double t0 = now();
    for (long i = 0; i < n; i++) {
        full(down[1], buf, roundtrip ? 16 : 64, 1);
        if (roundtrip) full(up[0], buf, 16, 0);
    }
    if (!roundtrip) full(up[0], buf, 1, 0);
    double t = now() - t0;
    waitpid(pid, NULL, 0);
    close(down[0]); close(down[1]); close(up[0]); close(up[1]);
    return roundtrip ? t * 1e9 / n : n / t;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: pipebench roundtrip|stream N\n"); return 1; }
    long n = atol(argv[2]);
    run(argv[1], n / 10 > 0 ? n / 10 : 1);
    printf("%s %.0f\n", argv[1], run(argv[1], n));
    return 0;
}
