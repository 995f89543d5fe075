package detect

import (
	"syscall"
	"unsafe"
)

// adviseHugePages asks the kernel to back the memory of s with huge pages
// where it is configured to on request (transparent_hugepage=madvise). The
// person tables are hundreds of MiB written and probed at random: with 4 KiB
// pages each first write is a page fault and most probes a TLB miss, which
// together cost about a fifth of loading a national context.
func adviseHugePages[T any](s []T) {
	s = s[:cap(s)]
	if len(s) == 0 {
		return
	}
	n := len(s) * int(unsafe.Sizeof(s[0]))
	if n < 4<<20 {
		return // not worth a system call
	}
	// The advice is only a hint: failing it changes nothing but speed.
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), n), syscall.MADV_HUGEPAGE)
}

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14): fault pages in
// writable without touching their contents.
const madvPopulateWrite = 23

// prefault faults in the memory of first and then of others on another
// goroutine, chunk by chunk: first wholly, then the others in step with
// each other, as a builder appending to them all at once reaches them. The first write to fresh memory costs the kernel a page fault and
// zeroing the page (for a national context about a gigabyte, which takes
// seconds on a virtual machine); faulting in ahead moves that work off the
// goroutine that builds the index, which the load waits for, to a core
// that is often idle meanwhile. The contents are not touched, so the
// builder may write the same memory at the same time. Failing (an old
// kernel) changes nothing but speed.
func prefault(first []byte, others ...[]byte) {
	const chunk = 8 << 20
	// madvise takes whole pages: cut at page boundaries.
	const page = 4096
	first = pageAligned(first)
	for i := range others {
		others[i] = pageAligned(others[i])
	}
	populate := func(b []byte) bool {
		return len(b) == 0 || syscall.Madvise(b, madvPopulateWrite) == nil
	}
	go func() {
		for off := 0; off < len(first); off += chunk {
			if !populate(first[off:min(off+chunk, len(first))]) {
				return
			}
		}
		const steps = 64
		for k := 0; k < steps; k++ {
			for _, b := range others {
				lo, hi := len(b)*k/steps&^(page-1), len(b)*(k+1)/steps&^(page-1)
				if k == steps-1 {
					hi = len(b)
				}
				if !populate(b[lo:hi]) {
					return
				}
			}
		}
	}()
}

// bytesOf is the memory of the first n elements of s (at most its capacity).
func bytesOf[T any](s []T, n int) []byte {
	n = min(n, cap(s))
	if n <= 0 {
		return nil
	}
	var elem T
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), n*int(unsafe.Sizeof(elem)))
}

// pageAligned is b from its first page boundary on.
func pageAligned(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	skip := int(-uintptr(unsafe.Pointer(unsafe.SliceData(b))) & 4095)
	if skip >= len(b) {
		return nil
	}
	return b[skip:]
}
