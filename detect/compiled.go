package detect

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"sync"
	"time"
	"unsafe"
)

// A compiled index is the Index written to one file, so that scans of the
// day's logs map the national context in well under a second instead of
// parsing 18 million persons again. The file is input like any other: a
// scan checks every offset and id in it before use (validate), so a
// damaged or crafted file is refused rather than read out of bounds.
//
// Layout: the magic, the length of a JSON header, the header, then the
// sections (the index's slices as raw little-endian memory), each at a
// multiple of sectionAlign from the start of the file.
const (
	compiledMagic   = "lekradar-index\x00\x01"
	compiledVersion = 3 // 2: eFormerTeam; 3: caseRec.openDay
	sectionAlign    = 64
	maxHeaderBytes  = 1 << 20
)

// SourceFile is a context file an index was compiled from, as it was then.
type SourceFile struct {
	Name    string    `json:"name"`
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mod_time"`
}

// CompiledInfo describes where a compiled index came from.
type CompiledInfo struct {
	Dir      string       `json:"dir"`      // the context directory, absolute
	Sources  []SourceFile `json:"sources"`  // its files at compile time
	Skipped  int          `json:"skipped"`  // malformed rows skipped while compiling
	Compiled time.Time    `json:"compiled"` // when
}

type compiledHeader struct {
	Version      int             `json:"version"`
	Layout       [3]int          `json:"layout"` // sizes of personRec and caseRec, and 1 for little endian
	Info         CompiledInfo    `json:"info"`
	Seed         uint64          `json:"seed"`
	TableSeeds   [7]uint64       `json:"table_seeds"`
	KnownPersons int             `json:"known_persons"`
	MaxShift     int64           `json:"max_shift"`
	Sizes        Sizes           `json:"sizes"`
	Sections     []sectionHeader `json:"sections"`
}

type sectionHeader struct {
	Name   string `json:"name"`
	Offset int64  `json:"offset"`
	Length int64  `json:"length"`
	CRC    uint32 `json:"crc32c"`
}

// section is one slice of the index, seen as bytes for writing and set
// from the file's bytes when reading.
type section struct {
	name string
	data func() []byte
	set  func([]byte) error
}

func sliceSection[T any](name string, s *[]T) section {
	var zero T
	size, align := int(unsafe.Sizeof(zero)), uintptr(unsafe.Alignof(zero))
	return section{
		name: name,
		data: func() []byte {
			if len(*s) == 0 {
				return nil
			}
			return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(*s))), len(*s)*size)
		},
		set: func(b []byte) error {
			if len(b)%size != 0 {
				return fmt.Errorf("section %s: %d bytes is not a whole number of %d-byte elements", name, len(b), size)
			}
			if len(b) == 0 {
				*s = nil
				return nil
			}
			if uintptr(unsafe.Pointer(&b[0]))%align != 0 {
				return fmt.Errorf("section %s: misaligned", name)
			}
			*s = unsafe.Slice((*T)(unsafe.Pointer(&b[0])), len(b)/size)
			return nil
		},
	}
}

// tables are the index's string tables in the order of the header's
// TableSeeds.
func (ix *Index) tables() []**StringTable {
	return []**StringTable{&ix.Persons, &ix.Employees, &ix.Cases, &ix.units, &ix.teams, &ix.codes, &ix.peers}
}

var tableNames = [7]string{"persons", "employees", "cases", "units", "teams", "codes", "peers"}

// sections lists every slice of the index; surnames and counts carry the
// surnameCount map.
func (ix *Index) sections(surnames, counts *[]uint32) []section {
	var ss []section
	for i, tp := range ix.tables() {
		t := *tp
		ss = append(ss,
			sliceSection(tableNames[i]+".arena", &t.arena),
			sliceSection(tableNames[i]+".ends", &t.ends),
			sliceSection(tableNames[i]+".slots", &t.slots))
	}
	return append(ss,
		sliceSection("pers", &ix.pers),
		sliceSection("pCases", &ix.pCases),
		sliceSection("pEmployee", &ix.pEmployee),
		sliceSection("surnames", surnames),
		sliceSection("surnameCounts", counts),
		sliceSection("eUnit", &ix.eUnit),
		sliceSection("eTeam", &ix.eTeam),
		sliceSection("eFormerTeam", &ix.eFormerTeam),
		sliceSection("eTeamKind", &ix.eTeamKind),
		sliceSection("eFunction", &ix.eFunction),
		sliceSection("eRank", &ix.eRank),
		sliceSection("ePeer", &ix.ePeer),
		sliceSection("eRole", &ix.eRole),
		sliceSection("eSurname", &ix.eSurname),
		sliceSection("ePerson", &ix.ePerson),
		sliceSection("eGuessSelf", &ix.eGuessSelf),
		sliceSection("eShiftOff", &ix.eShiftOff),
		sliceSection("shiftStart", &ix.shiftStart),
		sliceSection("shiftEnd", &ix.shiftEnd),
		sliceSection("eRelOff", &ix.eRelOff),
		sliceSection("relPerson", &ix.relPerson),
		sliceSection("relSignal", &ix.relSignal),
		sliceSection("tUnit", &ix.tUnit),
		sliceSection("tKind", &ix.tKind),
		sliceSection("cs", &ix.cs),
		sliceSection("cPersons", &ix.cPersons),
		sliceSection("staffEmp", &ix.staffEmp),
		sliceSection("staffFrom", &ix.staffFrom),
		sliceSection("staffTo", &ix.staffTo),
	)
}

func layout() [3]int {
	var one uint16 = 1
	little := int(*(*byte)(unsafe.Pointer(&one)))
	return [3]int{int(unsafe.Sizeof(personRec{})), int(unsafe.Sizeof(caseRec{})), little}
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// WriteCompiled writes the index to w in the compiled form.
func (ix *Index) WriteCompiled(w io.Writer, info CompiledInfo) error {
	var surnames, counts []uint32
	for s, n := range ix.surnameCount {
		surnames, counts = append(surnames, s), append(counts, n)
	}
	h := compiledHeader{Version: compiledVersion, Layout: layout(), Info: info, Seed: uint64(ix.seed),
		KnownPersons: ix.knownPersons, MaxShift: ix.maxShift, Sizes: ix.Sizes}
	for i, tp := range ix.tables() {
		h.TableSeeds[i] = uint64((*tp).seed)
	}
	secs := ix.sections(&surnames, &counts)
	data := make([][]byte, len(secs))
	for i, s := range secs {
		data[i] = s.data()
		h.Sections = append(h.Sections, sectionHeader{Name: s.name, Length: int64(len(data[i]))})
	}
	crcs := make([]uint32, len(secs))
	parallel(len(secs), func(i int) { crcs[i] = crc32.Checksum(data[i], castagnoli) })
	// The offsets depend on the header's length, which depends on the
	// offsets' digits: lay out until it settles.
	var hdr []byte
	for pass := 0; ; pass++ {
		off := alignUp(int64(len(compiledMagic)+8+len(hdr)), sectionAlign)
		for i := range h.Sections {
			h.Sections[i].Offset, h.Sections[i].CRC = off, crcs[i]
			off = alignUp(off+h.Sections[i].Length, sectionAlign)
		}
		next, err := json.Marshal(h)
		if err != nil {
			return fmt.Errorf("compiled index header: %w", err)
		}
		if bytes.Equal(next, hdr) || pass > 8 {
			break
		}
		hdr = next
	}
	bw := &countingWriter{w: w}
	bw.write([]byte(compiledMagic))
	bw.write(binary.LittleEndian.AppendUint64(nil, uint64(len(hdr))))
	bw.write(hdr)
	for i, s := range h.Sections {
		bw.write(make([]byte, s.Offset-bw.n))
		bw.write(data[i])
	}
	return bw.err
}

type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) write(b []byte) {
	if c.err != nil {
		return
	}
	n, err := c.w.Write(b)
	c.n += int64(n)
	c.err = err
}

func alignUp(n, a int64) int64 { return (n + a - 1) / a * a }

// IsCompiled reports whether the file at path starts as a compiled index.
func IsCompiled(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	magic := make([]byte, len(compiledMagic))
	_, err = io.ReadFull(f, magic)
	return err == nil && string(magic) == compiledMagic
}

// ErrNotCompiled is returned by ReadCompiled for a file that is not a
// compiled index at all.
var ErrNotCompiled = errors.New("not a compiled lekradar index")

// ReadCompiled loads a compiled index. It refuses a file written by
// another version or machine layout, a damaged file (a section's checksum)
// and one whose tables do not hold together (validate).
func ReadCompiled(path string) (*Index, CompiledInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, CompiledInfo{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, CompiledInfo{}, err
	}
	ix, info, err := readCompiled(f, fi.Size(), true)
	if err != nil {
		return nil, info, fmt.Errorf("compiled index %s: %w", path, err)
	}
	return ix, info, nil
}

// readCompiled reads a compiled index; verify=false skips the checksums,
// for fuzzing what validate must catch in a file with correct ones.
func readCompiled(r io.ReaderAt, size int64, verify bool) (*Index, CompiledInfo, error) {
	pre := make([]byte, len(compiledMagic)+8)
	if _, err := r.ReadAt(pre, 0); err != nil || string(pre[:len(compiledMagic)]) != compiledMagic {
		return nil, CompiledInfo{}, ErrNotCompiled
	}
	n := binary.LittleEndian.Uint64(pre[len(compiledMagic):])
	if n > maxHeaderBytes || int64(n) > size-int64(len(pre)) {
		return nil, CompiledInfo{}, fmt.Errorf("header of %d bytes in a file of %d", n, size)
	}
	raw := make([]byte, n)
	if _, err := r.ReadAt(raw, int64(len(pre))); err != nil {
		return nil, CompiledInfo{}, fmt.Errorf("read header: %w", err)
	}
	var h compiledHeader
	if err := json.Unmarshal(raw, &h); err != nil {
		return nil, CompiledInfo{}, fmt.Errorf("header: %w", err)
	}
	if h.Version != compiledVersion || h.Layout != layout() {
		return nil, h.Info, fmt.Errorf("written by another version of lekradar or another kind of machine (format %d, layout %v; this build reads format %d, layout %v): compile it again",
			h.Version, h.Layout, compiledVersion, layout())
	}

	ix := &Index{seed: hashSeed(h.Seed), knownPersons: h.KnownPersons, maxShift: h.MaxShift, Sizes: h.Sizes}
	for i, tp := range ix.tables() {
		*tp = &StringTable{seed: hashSeed(h.TableSeeds[i])}
	}
	var surnames, counts []uint32
	secs := ix.sections(&surnames, &counts)
	if len(h.Sections) != len(secs) {
		return nil, h.Info, fmt.Errorf("%d sections, want %d", len(h.Sections), len(secs))
	}
	// One buffer for all sections, at the file's own offsets: sections are
	// aligned in the file, and a large allocation starts on a page.
	body := alignUp(int64(len(pre))+int64(n), sectionAlign)
	end := body
	for i, s := range h.Sections {
		if s.Name != secs[i].name || s.Offset < end || s.Offset%sectionAlign != 0 || s.Length < 0 || s.Length > size-s.Offset {
			return nil, h.Info, fmt.Errorf("section %d (%q): bad name, offset or length", i, s.Name)
		}
		end = s.Offset + s.Length
	}
	buf := make([]byte, end-body)
	adviseHugePages(buf)
	if err := readParallel(r, buf, body); err != nil {
		return nil, h.Info, fmt.Errorf("read sections: %w", err)
	}
	bad := make([]bool, len(secs))
	parallel(len(secs), func(i int) {
		s := h.Sections[i]
		bad[i] = verify && crc32.Checksum(buf[s.Offset-body:s.Offset-body+s.Length], castagnoli) != s.CRC
	})
	for i, s := range h.Sections {
		if bad[i] {
			return nil, h.Info, fmt.Errorf("section %s is damaged (checksum)", s.Name)
		}
		if err := secs[i].set(buf[s.Offset-body : s.Offset-body+s.Length : s.Offset-body+s.Length]); err != nil {
			return nil, h.Info, err
		}
	}
	if len(surnames) != len(counts) {
		return nil, h.Info, errors.New("surname counts do not match their surnames")
	}
	ix.surnameCount = make(map[uint32]uint32, len(surnames))
	for i, s := range surnames {
		ix.surnameCount[s] = counts[i]
	}
	for _, tp := range ix.tables() {
		(*tp).mask = uint64(len((*tp).slots)) - 1
	}
	if err := ix.validate(); err != nil {
		return nil, h.Info, fmt.Errorf("inconsistent: %w", err)
	}
	return ix, h.Info, nil
}

// readParallel fills buf from r at off on two goroutines: a single reader
// copies from the page cache at half the speed two cores can.
func readParallel(r io.ReaderAt, buf []byte, off int64) error {
	const chunk = 64 << 20
	var mu sync.Mutex
	var first error
	parallel((len(buf)+chunk-1)/chunk, func(i int) {
		b := buf[i*chunk : min((i+1)*chunk, len(buf))]
		if _, err := r.ReadAt(b, off+int64(i*chunk)); err != nil {
			mu.Lock()
			if first == nil {
				first = err
			}
			mu.Unlock()
		}
	})
	return first
}

// parallel runs f(0) … f(n-1) on two goroutines.
func parallel(n int, f func(i int)) {
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				j := i
				i++
				next.Unlock()
				if j >= n {
					return
				}
				f(j)
			}
		}()
	}
	wg.Wait()
}
