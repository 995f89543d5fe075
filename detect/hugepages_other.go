//go:build !linux

package detect

// adviseHugePages is a no-op where there is no madvise(MADV_HUGEPAGE).
func adviseHugePages[T any](s []T) {}

// prefault is a no-op where there is no madvise(MADV_POPULATE_WRITE).
func prefault(first []byte, others ...[]byte) {}

func bytesOf[T any](s []T, n int) []byte { return nil }
