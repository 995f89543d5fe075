package detect

import (
	"context"
)

// Action of a look-up.
type Action uint8

// Actions; ActionOther is anything else a source system writes.
const (
	ActionQuery Action = iota
	ActionView
	ActionExport
	ActionPrint
	ActionOther
)

var actionNames = [...]string{"query", "view", "export", "print", "other"}

func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "other"
}

// ParseAction maps the action column to an Action.
func ParseAction(b []byte) Action {
	switch string(b) {
	case "query":
		return ActionQuery
	case "view":
		return ActionView
	case "export":
		return ActionExport
	case "print":
		return ActionPrint
	}
	return ActionOther
}

// Event is one look-up as a Source hands it to the engine. The byte slices
// may alias the source's buffer: the engine copies what it keeps before the
// next call to Next.
type Event struct {
	ID         []byte
	TS         int64 // unix nanoseconds
	EmployeeID []byte
	System     []byte
	Action     Action
	PersonID   []byte
	CaseID     []byte
}

// Source delivers look-up events. Next fills ev and returns io.EOF after the
// last one; any other error ends the scan. A file or stdin reader is one
// implementation; a NATS JetStream consumer is another.
type Source interface {
	Next(ctx context.Context, ev *Event) error
}

const inlineID = 40

// item is an event resolved against the index: fixed size, no pointers on
// the common path, so batches and the reorder buffer copy it cheaply.
type item struct {
	ts     int64
	seq    uint64
	emp    uint32 // employee index, none when not in employees.csv
	person uint32 // person index, none when not in the context
	cas    uint32 // case number given, none when absent or unknown
	ekey   uint32 // employee key: index, or a hash with the top bit set
	pkey   uint32 // person key: index, or a hash with the top bit set
	action Action
	sys    uint8
	hasCas bool
	idLen  uint8
	id     [inlineID]byte
	ext    *itemExt
	pre    prepared
}

// itemExt holds the rare parts that do not fit the fixed item.
type itemExt struct {
	id, employeeID, personID, system string
}

const unknownKey = 1 << 31

var knownSystems = [...]string{"bvh", "bvi", "summit", "blueview", "brp", "rdw", "meos", "cie", "email", "mondeling", "overig"}

const otherSystem = 255

// resolver turns events into items. resolve runs on the one goroutine
// that reads the source (it numbers the events); finish only reads the
// index and may run on several goroutines, each with its own idSet.
type resolver struct {
	ix   *Index
	seed hashSeed
	seq  uint64
}

// idSet holds the ids of one batch of items, looked up together in finish.
type idSet struct {
	pers, emps, cases idBatch
	sink              uint64 // keeps the prefetching reads from being optimised away
}

// idBatch holds the ids of one kind for a batch of items, one per item
// (empty when absent), with their hashes.
type idBatch struct {
	buf  []byte
	end  []uint32
	hash []uint64
}

func (b *idBatch) add(t *StringTable, s []byte) {
	b.buf = append(b.buf, s...)
	b.end = append(b.end, uint32(len(b.buf)))
	h := uint64(0)
	if len(s) > 0 {
		h = t.Hash(s)
	}
	b.hash = append(b.hash, h)
}

func (b *idBatch) get(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = b.end[i-1]
	}
	return b.buf[start:b.end[i]]
}

func (b *idBatch) reset() { b.buf, b.end, b.hash = b.buf[:0], b.end[:0], b.hash[:0] }

// prefetch runs the three touch passes of StringTable over items lo..hi.
func (b *idBatch) prefetch(t *StringTable, lo, hi int) (sink uint64) {
	hs := b.hash[lo:hi]
	for _, h := range hs {
		sink ^= t.Touch(h)
	}
	for _, h := range hs {
		sink ^= t.TouchEntry(h)
	}
	for _, h := range hs {
		sink ^= t.TouchBytes(h)
	}
	return sink
}

// prefetchChunk is how many items are prefetched before they are looked
// up: enough for their cache misses to overlap, few enough that the lines
// they bring in are still in the cache when the lookups come.
const prefetchChunk = 64

func (r *resolver) resolve(ev *Event, it *item, ids *idSet) {
	ix := r.ix
	r.seq++
	*it = item{ts: ev.TS, seq: r.seq, action: ev.Action, cas: none, sys: otherSystem}
	var ext *itemExt
	if len(ev.ID) <= inlineID {
		it.idLen = uint8(copy(it.id[:], ev.ID))
	} else {
		ext = &itemExt{id: string(ev.ID)}
	}
	// Employees, persons and case numbers are looked up in finish, for the
	// whole batch at once: the tables are large (or pushed out of the cache
	// by the person table), and their cache misses overlap when batched.
	ids.emps.add(ix.Employees, ev.EmployeeID)
	ids.pers.add(ix.Persons, ev.PersonID)
	ids.cases.add(ix.Cases, ev.CaseID)
	it.hasCas = len(ev.CaseID) > 0
	for i, s := range knownSystems {
		if string(ev.System) == s {
			it.sys = uint8(i)
			break
		}
	}
	if it.sys == otherSystem && len(ev.System) > 0 {
		if ext == nil {
			ext = &itemExt{}
		}
		ext.system = string(ev.System)
	}
	it.ext = ext
}

// finish looks up the employees, persons and case numbers of the items
// whose ids were collected in ids, and empties ids.
func (r *resolver) finish(items []item, ids *idSet) {
	ix := r.ix
	for i := range items {
		if i%prefetchChunk == 0 {
			hi := min(i+prefetchChunk, len(items))
			ids.sink ^= ids.emps.prefetch(ix.Employees, i, hi) ^ ids.pers.prefetch(ix.Persons, i, hi) ^ ids.cases.prefetch(ix.Cases, i, hi)
		}
		it := &items[i]
		id := ids.emps.get(i)
		if e, ok := ix.Employees.LookupHashed(ids.emps.hash[i], id); ok && len(id) > 0 {
			it.emp, it.ekey = e, e
		} else {
			if it.ext == nil {
				it.ext = &itemExt{}
			}
			it.ext.employeeID = string(id)
			it.emp, it.ekey = none, uint32(r.seed.sum(id))|unknownKey
		}
		id = ids.pers.get(i)
		if p, ok := ix.Persons.LookupHashed(ids.pers.hash[i], id); ok && len(id) > 0 {
			it.person, it.pkey = p, p
		} else {
			if it.ext == nil {
				it.ext = &itemExt{}
			}
			it.ext.personID = string(id)
			it.person, it.pkey = none, uint32(r.seed.sum(id))|unknownKey
		}
		if it.hasCas {
			if c, ok := ix.Cases.LookupHashed(ids.cases.hash[i], ids.cases.get(i)); ok {
				it.cas = c
			}
		}
	}
	ids.emps.reset()
	ids.pers.reset()
	ids.cases.reset()
	// Warm the shared cache with what explaining will read about each
	// person (read-only index data): the explaining goroutine then finds it
	// closer than main memory.
	for i := range items {
		if p := items[i].person; p != none {
			rec := &ix.pers[p]
			ids.sink ^= uint64(rec.surname) ^ ix.pEmployee[p/64]
			if rec.caseOff < uint32(len(ix.pCases)) {
				ids.sink ^= uint64(ix.pCases[rec.caseOff])
			}
		}
	}
}

func (it *item) idBytes() []byte {
	if it.ext != nil && it.ext.id != "" {
		return []byte(it.ext.id)
	}
	return it.id[:it.idLen]
}

func (it *item) idString() string {
	if it.ext != nil && it.ext.id != "" {
		return it.ext.id
	}
	return string(it.id[:it.idLen])
}

func (it *item) system() string {
	if it.sys != otherSystem {
		return knownSystems[it.sys]
	}
	if it.ext != nil {
		return it.ext.system
	}
	return ""
}
