package detect

import (
	"context"
	"hash/maphash"
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
}

// itemExt holds the rare parts that do not fit the fixed item.
type itemExt struct {
	id, employeeID, personID, system string
}

const unknownKey = 1 << 31

var knownSystems = [...]string{"bvh", "bvi", "summit", "blueview", "brp", "rdw", "meos", "cie", "email", "mondeling", "overig"}

const otherSystem = 255

type resolver struct {
	ix   *Index
	seed maphash.Seed
	seq  uint64
	// person ids of the current batch, looked up together in finish
	pbuf  []byte
	pend  []uint32
	phash []uint64
	sink  uint64
}

func (r *resolver) resolve(ev *Event, it *item) {
	ix := r.ix
	r.seq++
	*it = item{ts: ev.TS, seq: r.seq, action: ev.Action, cas: none, sys: otherSystem}
	var ext *itemExt
	if len(ev.ID) <= inlineID {
		it.idLen = uint8(copy(it.id[:], ev.ID))
	} else {
		ext = &itemExt{id: string(ev.ID)}
	}
	if e, ok := ix.Employees.Lookup(ev.EmployeeID); ok {
		it.emp, it.ekey = e, e
	} else {
		if ext == nil {
			ext = &itemExt{}
		}
		ext.employeeID = string(ev.EmployeeID)
		it.emp, it.ekey = none, uint32(maphash.Bytes(r.seed, ev.EmployeeID))|unknownKey
	}
	// The person is looked up in finish, for the whole batch at once: the
	// person table is large, and its cache misses overlap when batched.
	r.pbuf = append(r.pbuf, ev.PersonID...)
	r.pend = append(r.pend, uint32(len(r.pbuf)))
	r.phash = append(r.phash, ix.Persons.Hash(ev.PersonID))
	if len(ev.CaseID) > 0 {
		it.hasCas = true
		if c, ok := ix.Cases.Lookup(ev.CaseID); ok {
			it.cas = c
		}
	}
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

// finish looks up the persons of the items resolved since the last call.
func (r *resolver) finish(items []item) {
	persons := r.ix.Persons
	for _, h := range r.phash {
		r.sink ^= persons.Touch(h)
	}
	start := uint32(0)
	for i := range items {
		it := &items[i]
		id := r.pbuf[start:r.pend[i]]
		start = r.pend[i]
		if p, ok := persons.LookupHashed(r.phash[i], id); ok {
			it.person, it.pkey = p, p
			continue
		}
		if it.ext == nil {
			it.ext = &itemExt{}
		}
		it.ext.personID = string(id)
		it.person, it.pkey = none, uint32(maphash.Bytes(r.seed, id))|unknownKey
	}
	r.pbuf, r.pend, r.phash = r.pbuf[:0], r.pend[:0], r.phash[:0]
	// Warm the shared cache with what explaining will read about each
	// person (read-only index data): the explaining goroutine then finds it
	// closer than main memory.
	ix := r.ix
	for i := range items {
		if p := items[i].person; p != none {
			r.sink ^= uint64(ix.pers[p].surname)
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
