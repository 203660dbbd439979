import CPrefetch

// Cache prefetch hints for the event loop's look-ahead (see `Engine.prefetchAhead`).
//
// The hot tables are Swift arrays owned by classes. Taking an array's address for each hint retained and released
// the array (docs/PERFORMANCE.md, 'Design measurements'), so each owner keeps the address of its array's elements as
// a plain integer, taken when the array is made or moved. A hint never dereferences it: a stale address (an array
// moved by a copy or a reallocation since) costs one useless hint, nothing more, and results never depend on hints.

/// The address of an array's elements, for `prefetchHint(_:index:stride:)`.
func elementsAddress<Element>(of array: [Element]) -> UInt {
    array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
}

/// Asks the CPU to start loading element `index` (of `stride` bytes) of the elements at `address`.
@inline(__always) func prefetchHint(_ address: UInt, index: Int, stride: Int) {
    ne_prefetch(UnsafeRawPointer(bitPattern: address &+ UInt(bitPattern: index &* stride)))
}

/// Asks the CPU to start loading the cache line at `pointer`.
@inline(__always) func prefetchHint(_ pointer: UnsafeRawPointer) {
    ne_prefetch(pointer)
}
