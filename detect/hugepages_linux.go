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
