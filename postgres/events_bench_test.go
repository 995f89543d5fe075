package postgres_test

import (
	"testing"

	"lekradar/storetest"
)

func BenchmarkScanWriter(b *testing.B) {
	serverURL(b)
	storetest.BenchmarkScanWriter(b, newDatabase)
}
