#ifndef CPREFETCH_H
#define CPREFETCH_H
/// Asks the CPU to start loading the cache line at `address`; never faults, even on an invalid address.
static inline void ne_prefetch(const void *_Nullable address) { __builtin_prefetch(address, 0, 3); }
#endif
