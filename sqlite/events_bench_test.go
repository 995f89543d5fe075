package sqlite_test

import (
	"testing"

	"lekradar/storetest"
)

func BenchmarkScanWriter(b *testing.B) {
	storetest.BenchmarkScanWriter(b, newDatabase)
}
