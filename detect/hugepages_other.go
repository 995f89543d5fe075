//go:build !linux

package detect

// adviseHugePages is a no-op where there is no madvise(MADV_HUGEPAGE).
func adviseHugePages[T any](s []T) {}
