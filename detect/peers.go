package detect

// jobPeers puts every employee in a second peer group beside the team
// kind's (Index.ePeer): the job's — the team kind and the function, when
// at least limits.job_peers employees of the kind share the function. A
// support team's screeners look up dozens of applicants a day whom no
// record explains, its trainers a class's test persons, its
// administrators almost nobody; a basic team's neighbourhood officers and
// emergency responders differ the same way. What is ordinary in either
// group is ordinary (peerMeanU, peakRoutine, sensitiveRoutine): the job's
// group only ever raises the bar, so a quiet job within a busy team kind
// keeps the team kind's. It returns each employee's job group, numbered
// after the index's groups (ePeer where there is none), and how many
// groups there are in all.
func jobPeers(ix *Index, least int) ([]uint32, int) {
	n := len(ix.ePeer)
	groups := ix.peers.Len()
	job := make([]uint32, n)
	copy(job, ix.ePeer)
	if least <= 0 {
		return job, groups
	}
	type key struct{ peer, function uint32 }
	kind := map[uint32]int{}
	size := map[key]int{}
	for e := 0; e < n; e++ {
		kind[ix.ePeer[e]]++
		if ix.eFunction[e] != none && ix.eTeamKind[e] != none {
			size[key{ix.ePeer[e], ix.eFunction[e]}]++
		}
	}
	number := map[key]uint32{}
	for e := 0; e < n; e++ {
		k := key{ix.ePeer[e], ix.eFunction[e]}
		// (a job that is the whole team kind is the same group; without a
		// team kind the group is the function's already)
		if s := size[k]; s < least || s == kind[k.peer] {
			continue
		}
		g, ok := number[k]
		if !ok {
			g = uint32(groups)
			number[k] = g
			groups++
		}
		job[e] = g
	}
	return job, groups
}

// peerGroupSet holds an employee's peer groups: the team kind's first,
// then the job's when it is another.
type peerGroupSet struct {
	g [2]uint32
	n int
}

func (s *peerGroupSet) all() []uint32 { return s.g[:s.n] }

// peerGroups are employee e's peer groups; every count goes to each, and
// what is ordinary in either is ordinary.
func (en *Engine) peerGroups(e uint32) peerGroupSet {
	s := peerGroupSet{g: [2]uint32{en.ix.ePeer[e], en.job[e]}, n: 1}
	if s.g[1] != s.g[0] {
		s.n = 2
	}
	return s
}

// peerMeanU and peerMean are the larger of the daily means (of look-ups
// without a work link, and of all look-ups) of employee e's peer groups
// that have a baseline, and whether any has one.
func (en *Engine) peerMeanU(e uint32) (float64, bool) {
	return en.peerMeanOf(e, func(ps *peerState) float32 { return ps.meanU })
}

func (en *Engine) peerMean(e uint32) (float64, bool) {
	return en.peerMeanOf(e, func(ps *peerState) float32 { return ps.mean })
}

func (en *Engine) peerMeanOf(e uint32, of func(*peerState) float32) (float64, bool) {
	mean, ready := 0.0, false
	gs := en.peerGroups(e)
	for _, pe := range gs.all() {
		if ps := &en.peers[pe]; ps.ready {
			mean, ready = max(mean, float64(of(ps))), true
		}
	}
	return mean, ready
}
