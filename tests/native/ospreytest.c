/*
 * The test suite's own C library (tests/native.rs builds it with `cc` as
 * libospreytest.so next to the test programs): one function or more for
 * every marshaling rule of docs/native-interop.md, callbacks (also from a
 * thread this library starts), structs returned in registers and in
 * memory, errno, and pointers kept across calls.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- blittable primitives ------------------------------------------------ */

int ot_add_i32(int a, int b) { return a + b; }
long long ot_add_i64(long long a, long long b) { return a + b; }
signed char ot_neg_i8(signed char x) { return (signed char)-x; }
unsigned char ot_inc_u8(unsigned char x) { return (unsigned char)(x + 1); }
short ot_neg_i16(short x) { return (short)-x; }
unsigned short ot_inc_u16(unsigned short x) { return (unsigned short)(x + 1); }
unsigned int ot_inc_u32(unsigned int x) { return x + 1; }
float ot_half(float x) { return x / 2.0f; }
double ot_hypot3(double a, double b, double c) { return a * a + b * b + c * c; }

/* Ten arguments of mixed classes: some go on the stack. */
double ot_mix10(int a, double b, long long c, float d, short e, double f,
                unsigned char g, int h, double i, long long j)
{
    return a + b + (double)c + d + e + f + g + h + i + (double)j;
}

/* Fourteen integers and ten doubles: both register files run out. */
long long ot_many(long long a1, long long a2, long long a3, long long a4,
                  long long a5, long long a6, long long a7, long long a8,
                  double d1, double d2, double d3, double d4, double d5,
                  double d6, double d7, double d8, double d9, double d10)
{
    return a1 + 2 * a2 + 3 * a3 + 4 * a4 + 5 * a5 + 6 * a6 + 7 * a7 + 8 * a8 +
           (long long)(d1 + 2 * d2 + 3 * d3 + 4 * d4 + 5 * d5 + 6 * d6 + 7 * d7 +
                       8 * d8 + 9 * d9 + 10 * d10);
}

/* ---- pointers ---------------------------------------------------------- */

void *ot_ptr_add(void *p, intptr_t n) { return (char *)p + n; }
intptr_t ot_ptr_diff(void *a, void *b) { return (char *)a - (char *)b; }

/* ---- bool and char ---------------------------------------------------------- */

int ot_bool_to_int(int b) { return b ? 100 : 200; }
int ot_not_bool(int b) { return !b; }
bool ot_is_positive(int x) { return x > 0; }
int ot_u1_bool_to_int(bool b) { return b ? 1 : 0; }
char ot_next_char(char c) { return (char)(c + 1); }
uint16_t ot_next_wchar(uint16_t c) { return (uint16_t)(c + 1); }

/* ---- strings ------------------------------------------------------------ */

int ot_strlen(const char *s) { return s ? (int)strlen(s) : -1; }
int ot_count_char(const char *s, char c)
{
    int n = 0;
    for (; s && *s; s++)
        n += *s == c;
    return n;
}
int ot_wide_len(const uint16_t *s)
{
    int n = 0;
    if (!s)
        return -1;
    while (s[n])
        n++;
    return n;
}
/* Returned strings are freed by the marshaler: always from malloc. */
char *ot_greet(const char *name)
{
    const char *prefix = "hello, ";
    char *out = malloc(strlen(prefix) + strlen(name ? name : "(null)") + 1);
    strcpy(out, prefix);
    strcat(out, name ? name : "(null)");
    return out;
}
uint16_t *ot_wide_upper(const uint16_t *s)
{
    int n = ot_wide_len(s);
    uint16_t *out = malloc(2 * (size_t)(n + 1));
    for (int i = 0; i <= n; i++)
        out[i] = (s[i] >= 'a' && s[i] <= 'z') ? (uint16_t)(s[i] - 32) : s[i];
    return out;
}
char *ot_null_string(void) { return NULL; }
/* A StringBuilder as an out buffer of `cap` characters. */
void ot_fill_buffer(char *buf, int cap) { snprintf(buf, (size_t)cap, "filled %d bytes: \xc3\xa9t\xc3\xa9", cap); }
void ot_fill_wide(uint16_t *buf, int cap)
{
    const char *text = "wide buffer";
    int i = 0;
    for (; i + 1 < cap && text[i]; i++)
        buf[i] = (uint16_t)text[i];
    buf[i] = 0;
}

/* ---- arrays ------------------------------------------------------------- */

int ot_sum_ints(const int *a, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return a ? s : -1;
}
void ot_scale_doubles(double *a, int n, double k)
{
    for (int i = 0; i < n; i++)
        a[i] *= k;
}
void ot_fill_bytes(unsigned char *a, int n)
{
    for (int i = 0; i < n; i++)
        a[i] = (unsigned char)(i * 3);
}

/* ---- ref and out --------------------------------------------------------- */

void ot_swap(int *a, int *b)
{
    int t = *a;
    *a = *b;
    *b = t;
}
int ot_inc_ref(long long *x) { return (int)++*x; }
void ot_set_bool(int *b) { *b = !*b; }
void ot_out_double(double *d) { *d = 2.75; }

/* ---- structs ------------------------------------------------------------- */

typedef struct { int x, y; } Point;                     /* 8 bytes: RAX */
typedef struct { Point tl, br; } Rect;                  /* 16 bytes of ints: RAX:RDX */
typedef struct { double x, y, z; } Vec3;                /* 24 bytes: memory */
typedef struct { int a; double b; } Mixed;              /* INTEGER, SSE */
typedef struct { float a, b; } FloatPair;               /* one SSE eightbyte */
typedef struct { double a, b; } DoublePair;             /* XMM0, XMM1 */
#pragma pack(push, 1)
typedef struct { unsigned char a; int b; } Packed;      /* 5 bytes, unaligned: memory */
#pragma pack(pop)
typedef union { int i; float f; } Union;               /* explicit layout */
typedef struct { int v[4]; int n; } Buf;                /* a fixed buffer: 20 bytes */
typedef struct { long long id; char pad[8]; } Sized;     /* Size = 16 */

Point ot_make_point(int x, int y) { Point p = {x, y}; return p; }
Point ot_add_points(Point a, Point b) { Point p = {a.x + b.x, a.y + b.y}; return p; }
void ot_move_point(Point *p, int dx) { p->x += dx; p->y -= dx; }
void ot_origin(Point *p) { p->x = 0; p->y = 0; }
Rect ot_make_rect(Point a, Point b) { Rect r = {a, b}; return r; }
int ot_rect_area(Rect r) { return (r.br.x - r.tl.x) * (r.br.y - r.tl.y); }
Vec3 ot_scale_vec(Vec3 v, double k) { Vec3 r = {v.x * k, v.y * k, v.z * k}; return r; }
double ot_vec_sum(Vec3 v) { return v.x + v.y + v.z; }
Mixed ot_make_mixed(int a, double b) { Mixed m = {a, b}; return m; }
double ot_mixed_sum(Mixed m) { return m.a + m.b; }
FloatPair ot_swap_floats(FloatPair p) { FloatPair r = {p.b, p.a}; return r; }
DoublePair ot_swap_doubles(DoublePair p) { DoublePair r = {p.b, p.a}; return r; }
int ot_packed_sum(Packed p) { return p.a + p.b; }
Packed ot_make_packed(unsigned char a, int b) { Packed p = {a, b}; return p; }
float ot_union_float(Union u) { return u.f; }
int ot_union_int(Union u) { return u.i; }
int ot_buf_sum(Buf b)
{
    int s = 0;
    for (int i = 0; i < 4 && i < b.n; i++)
        s += b.v[i];
    return s;
}
void ot_buf_fill(Buf *b)
{
    for (int i = 0; i < 4; i++)
        b->v[i] = 10 * (i + 1);
    b->n = 4;
}
long long ot_sized_id(Sized s) { return s.id; }
int ot_sizeof_sized(void) { return (int)sizeof(Sized); }

/* A struct with fields that need conversion (bool as BOOL, a string, a char). */
typedef struct {
    int age;
    int active;          /* BOOL */
    const char *name;    /* UTF-8 */
    char initial;        /* ANSI char */
} Person;
int ot_describe(const Person *p, char *out, int cap)
{
    return snprintf(out, (size_t)cap, "%s (%c) is %d, %s", p->name ? p->name : "?",
                    p->initial, p->age, p->active ? "active" : "inactive");
}
void ot_make_person(Person *p, int age)
{
    p->age = age;
    p->active = age < 65;
    p->name = "Ada";
    p->initial = 'A';
}
int ot_sizeof_person(void) { return (int)sizeof(Person); }

/* ---- callbacks -------------------------------------------------------------- */

typedef int (*IntFn)(int);
typedef double (*DoubleFn)(double);
typedef void (*VisitFn)(int);
typedef int (*BoolFn)(int);            /* returns a BOOL */
typedef int (*PointFn)(Point);

int ot_apply(IntFn f, int x) { return f(x); }
int ot_apply_twice(IntFn f, int x) { return f(f(x)); }
double ot_integrate(DoubleFn f, double a, double b, int n)
{
    double h = (b - a) / n, s = 0;
    for (int i = 0; i < n; i++)
        s += f(a + (i + 0.5) * h) * h;
    return s;
}
void ot_for_each(const int *a, int n, VisitFn cb)
{
    for (int i = 0; i < n; i++)
        cb(a[i]);
}
int ot_count_if(const int *a, int n, BoolFn pred)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        c += pred(a[i]) ? 1 : 0;
    return c;
}
int ot_call_with_point(PointFn f, int x, int y) { Point p = {x, y}; return f(p); }

static IntFn stored_callback;
void ot_store_callback(IntFn f) { stored_callback = f; }
int ot_call_stored(int x) { return stored_callback ? stored_callback(x) : -1; }

/* A C function pointer to hand to managed code. */
static int adder(int a, int b) { return a + b; }
static double scaler(double x) { return 3 * x; }
void *ot_get_adder(void) { return (void *)adder; }
void *ot_get_scaler(void) { return (void *)scaler; }
static int string_len(const char *s) { return (int)strlen(s); }
void *ot_get_string_len(void) { return (void *)string_len; }
void *ot_get_add_points(void) { return (void *)ot_add_points; }
void *ot_get_scale_vec(void) { return (void *)ot_scale_vec; }
void *ot_get_mix10(void) { return (void *)ot_mix10; }

/* ---- callbacks from a thread this library starts --------------------------- */

struct thread_job {
    IntFn f;
    int n;
    long long sum;
};
static void *thread_body(void *arg)
{
    struct thread_job *job = arg;
    for (int i = 0; i < job->n; i++)
        job->sum += job->f(i);
    return NULL;
}
/* Starts `threads` threads that each call `f(0..n-1)`; returns the sum. */
long long ot_run_on_threads(IntFn f, int n, int threads)
{
    pthread_t t[8];
    struct thread_job jobs[8];
    if (threads > 8)
        threads = 8;
    for (int i = 0; i < threads; i++) {
        jobs[i].f = f;
        jobs[i].n = n;
        jobs[i].sum = 0;
        pthread_create(&t[i], NULL, thread_body, &jobs[i]);
    }
    long long sum = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
        sum += jobs[i].sum;
    }
    return sum;
}

/* ---- pointers kept across calls (pinning) ---------------------------------- */

static int *kept;
static int kept_len;
void ot_keep(int *p, int n) { kept = p; kept_len = n; }
void ot_poke_kept(int i, int v) { if (kept && i < kept_len) kept[i] = v; }
int ot_peek_kept(int i) { return kept && i < kept_len ? kept[i] : -1; }
/* Calls `f` (which allocates) `n` times, writing through the kept pointer
 * between calls, while the caller's array stays pinned. */
int ot_poke_while_calling(IntFn f, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        s += f(i);
        if (kept && kept_len)
            kept[i % kept_len] += 1;
    }
    return s;
}
/* The same from another thread, while the caller waits in C. */
struct poke_job { IntFn f; int n; int s; };
static void *poke_body(void *arg)
{
    struct poke_job *j = arg;
    j->s = ot_poke_while_calling(j->f, j->n);
    return NULL;
}
int ot_poke_from_thread(IntFn f, int n)
{
    pthread_t t;
    struct poke_job j = {f, n, 0};
    pthread_create(&t, NULL, poke_body, &j);
    pthread_join(t, NULL);
    return j.s;
}

/* ---- errno ----------------------------------------------------------------- */

int ot_fail_with_errno(int e) { errno = e; return -1; }
int ot_succeed_clearing(void) { return 0; }

/* ---- handles (for SafeHandle) ------------------------------------------------- */

static int next_handle = 100;
static int open_handles;
static int closed_handles;
intptr_t ot_handle_open(void) { open_handles++; return next_handle++; }
int ot_handle_value(intptr_t h) { return (int)h * 2; }
int ot_handle_close(intptr_t h) { (void)h; open_handles--; closed_handles++; return 1; }
int ot_handles_open(void) { return open_handles; }
int ot_handles_closed(void) { return closed_handles; }

/* ---- HRESULTs (PreserveSig = false) ------------------------------------------ */

int ot_hresult_ok(int *out) { *out = 42; return 0; }
int ot_hresult_fail(int *out) { *out = 0; return (int)0x80070057; /* E_INVALIDARG */ }
int ot_hresult_void(int code) { return code; }

/* ---- a do-nothing function (for the benchmarks) --------------------------------- */

int ot_nop(int x) { return x + 1; }

/* ---- callbacks with strings and bools; non-blittable structs by reference;
   formatted classes ---------------------------------------------------------- */

typedef int (*StrFn)(const char *);
typedef int (*WStrFn)(const uint16_t *);
typedef int (*BoolsFn)(int b, bool u1);
typedef char *(*NameFn)(int);
typedef void (*RefFn)(int *);
int ot_call_with_string(StrFn f, const char *s) { return f(s); }
int ot_call_with_wide(WStrFn f)
{
    static const uint16_t w[] = {'w', 'i', 'd', 0xe9, 0};
    return f(w);
}
int ot_call_with_bools(BoolsFn f) { return f(7, true) * 10 + f(0, false); }
int ot_call_namer(NameFn f, int i, char *out, int cap)
{
    char *s = f(i);
    int n = snprintf(out, (size_t)cap, "%s", s ? s : "(null)");
    free(s);
    return n;
}
int ot_call_with_ref(RefFn f, int x) { f(&x); return x; }
void ot_rename_person(Person *p, int age)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s-%d", p->name ? p->name : "?", p->age);
    p->name = strdup(buf);
    p->age = age;
    p->active = !p->active;
    p->initial = 'Z';
}

/* ---- non-blittable structs by value (arguments and results), fixed arrays
   and strings inline, formatted classes deriving from formatted classes,
   callbacks taking StringBuilders, arrays and structs ----------------------- */

typedef struct { int on; char letter; } Flag;              /* BOOL, ANSI char: 8 bytes, RAX */
typedef struct { const char *name; int on; } Named;        /* 16 bytes: RAX:RDX */
typedef struct { Flag flag; double level; } Gauge;         /* nested: RAX, XMM0 */
typedef struct { char tag[4]; float xy[2]; } SmallFixed;   /* ByValTStr + ByValArray: RAX, XMM0 */
typedef struct { char code[8]; int values[3]; double weights[2]; } Fixed; /* 40 bytes: memory */
typedef struct { Person who; int rank; } Ranked;           /* nested Person: memory */

static char *upper_copy(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    char *r = malloc(n + m + 1);
    for (size_t i = 0; i < n; i++)
        r[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    memcpy(r + n, suffix, m + 1);
    return r;
}

Flag ot_flip_flag(Flag f) { Flag r = {!f.on, (char)(f.letter + 1)}; return r; }
int ot_flag_code(Flag f) { return (f.on ? 1000 : 0) + f.letter; }
int ot_named_len(Named n) { return (n.name ? (int)strlen(n.name) : -1) + (n.on ? 100 : 0); }
Named ot_shout(Named n)
{
    Named r = {upper_copy(n.name ? n.name : "?", "!"), !n.on};
    return r;   /* r.name is malloc'd: the marshaler frees it */
}
Named ot_null_named(void) { Named r = {NULL, 1}; return r; }
Gauge ot_scale_gauge(Gauge g, double k)
{
    Gauge r = {{!g.flag.on, (char)(g.flag.letter + 2)}, g.level * k};
    return r;
}
SmallFixed ot_swap_fixed(SmallFixed s)
{
    SmallFixed r;
    memset(&r, 0, sizeof r);
    size_t n = strnlen(s.tag, sizeof s.tag);
    for (size_t i = 0; i < n; i++)
        r.tag[i] = s.tag[n - 1 - i];
    r.xy[0] = s.xy[1];
    r.xy[1] = s.xy[0];
    return r;
}
Fixed ot_double_fixed(Fixed f)
{
    Fixed r;
    memset(&r, 0, sizeof r);
    snprintf(r.code, sizeof r.code, "%.3s-%zu", f.code, strnlen(f.code, sizeof f.code));
    for (int i = 0; i < 3; i++)
        r.values[i] = f.values[i] * 2;
    r.weights[0] = f.weights[0] / 2;
    r.weights[1] = f.weights[1] / 2;
    return r;
}
int ot_sizeof_fixed(void) { return (int)sizeof(Fixed); }
Person ot_older(Person p, int years)
{
    Person r = p;
    r.age = p.age + years;
    r.active = !p.active;
    r.name = upper_copy(p.name ? p.name : "?", " SR.");
    r.initial = (char)(p.initial + 1);
    return r;
}
Ranked ot_promote(Ranked r, int by)
{
    Ranked o = r;
    o.rank = r.rank + by;
    o.who.name = upper_copy(r.who.name ? r.who.name : "?", "");
    o.who.active = 1;
    return o;
}
/* Five integers take RDI..R8: a 16-byte struct no longer fits in R9 and goes
   on the stack, and so do the ones after it. */
int ot_spill_named(int a, int b, int c, int d, int e, Named n, Flag f)
{
    return a + b + c + d + e + ot_named_len(n) + ot_flag_code(f);
}

/* A formatted class deriving from one: the base's fields first. */
typedef struct { int id; const char *name; int level; int admin; } Employee;
int ot_describe_employee(const Employee *e, char *out, int cap)
{
    return snprintf(out, (size_t)cap, "#%d %s level %d%s", e->id, e->name ? e->name : "?",
                    e->level, e->admin ? " (admin)" : "");
}
void ot_promote_employee(Employee *e)
{
    e->id *= 2;
    e->level += 1;
    e->admin = 1;
    e->name = upper_copy(e->name ? e->name : "?", "");
}
int ot_sizeof_employee(void) { return (int)sizeof(Employee); }

/* Callbacks with StringBuilders, arrays and structs. */
typedef void (*SbFn)(char *buf);
typedef int (*SumFn)(const int *a, int n);
typedef void (*ScaleFn)(double *a, int n);
typedef int (*PersonFn)(Person p);
typedef void (*PersonRefFn)(Person *p);
typedef int (*FlagFn)(Flag f);
typedef double (*VecFn)(Vec3 v);
int ot_call_with_builder(SbFn f, char *out, int cap)
{
    char buf[32] = "hello, world";
    f(buf);
    return snprintf(out, (size_t)cap, "[%s]", buf);
}
int ot_call_with_array(SumFn f)
{
    int a[5] = {1, 2, 3, 4, 5};
    return f(a, 5) + f(a + 1, 3) * 1000;
}
double ot_call_scale(ScaleFn f)
{
    double a[3] = {1.5, 2.5, 3.5};
    f(a, 3);
    return a[0] + a[1] * 10 + a[2] * 100;
}
int ot_call_with_person(PersonFn f)
{
    Person p = {44, 1, "Hopper", 'H'};
    return f(p);
}
int ot_call_with_person_ref(PersonRefFn f, char *out, int cap)
{
    Person p = {30, 0, "Liskov", 'L'};
    const char *orig = p.name;
    f(&p);
    int n = ot_describe(&p, out, cap);
    if (p.name != orig)
        free((void *)p.name);   /* a copy the marshaler made: C owns it */
    return n;
}
int ot_call_with_flag(FlagFn f) { Flag a = {1, 'q'}; Flag b = {0, 'r'}; return f(a) * 1000 + f(b); }
double ot_call_with_vec(VecFn f) { Vec3 v = {1.25, 2.5, 4.0}; return f(v); }
typedef struct { const char *text; } Note;                   /* 8 bytes: one INTEGER eightbyte */
typedef int (*NoteFn)(Note n);
int ot_call_with_note(NoteFn f) { Note n = {"a note"}; return f(n); }
