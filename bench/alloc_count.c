/* alloc_count.so: counts heap allocations (malloc, calloc, realloc, aligned ones) of the
 * whole process, every thread, for the benchmark's "allocations per frame" figure. Loaded
 * with LD_PRELOAD; ebb finds ebb_alloc_count through dlsym only when EBB_BENCH=frames:N
 * (engine/sdl/benchhook.c). Each call is passed straight to glibc's own allocator. */
#include <stdatomic.h>
#include <stddef.h>

/* glibc's allocator under its internal names: no dlsym, so no recursion at start-up. */
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void *__libc_memalign(size_t align, size_t size);

static atomic_ulong count;

unsigned long ebb_alloc_count(void);
void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void *memalign(size_t align, size_t size);
void *aligned_alloc(size_t align, size_t size);

unsigned long ebb_alloc_count(void)
{
    return atomic_load(&count);
}

void *malloc(size_t size)
{
    atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
    return __libc_realloc(p, size);
}

void *memalign(size_t align, size_t size)
{
    atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
    return __libc_memalign(align, size);
}

void *aligned_alloc(size_t align, size_t size)
{
    atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
    return __libc_memalign(align, size);
}
