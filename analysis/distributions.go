package analysis

import (
	"slices"

	"lekradar"
	"lekradar/stats"
)

// Base names what a distribution counts.
const (
	BaseDossiers = "dossiers"
	BaseReports  = "reports"
	BaseItems    = "leaked_items"
	BaseSpots    = "vulnerable_spots"
)

// Distribution counts the values of one field.
type Distribution struct {
	// ID is stable (a codebook field name or a pseudo-field such as
	// benefit_to_crime); Label is the field's label.
	ID    string `json:"id"`
	Field string `json:"field"`
	Label string `json:"label"`
	// Base is what is counted (BaseDossiers, BaseItems, …) and N how many
	// there are.
	Base string `json:"base"`
	N    int    `json:"n"`
	// Known counts the records with a value and Unknown those without;
	// shares are of Known. For a multi-valued field (a dossier can use
	// several investigative means) shares are of N and need not sum to 1.
	Known       int       `json:"known"`
	Unknown     int       `json:"unknown"`
	MultiValued bool      `json:"multi_valued"`
	Rows        []DistRow `json:"rows"`
}

// DistRow is one value of a distribution with its share and the Wilson
// interval of that share.
type DistRow struct {
	Code  string         `json:"code"`
	Label string         `json:"label"`
	Count int            `json:"count"`
	Share float64        `json:"share"`
	CI    stats.Interval `json:"ci"`
}

// tally counts values per record. One record has zero (unknown) or more
// values; a multi-valued tally counts each distinct value once per record.
type tally struct {
	field  string // codebook field for the order and the labels
	counts map[string]int
	n      int
	known  int
	multi  bool
}

func newTally(field string, multi bool) *tally {
	return &tally{field: field, counts: map[string]int{}, multi: multi}
}

func (t *tally) add(values ...string) {
	t.n++
	seen := map[string]bool{}
	any := false
	for _, v := range values {
		if v == "" || (t.multi && seen[v]) {
			continue
		}
		seen[v] = true
		t.counts[v]++
		any = true
	}
	if any {
		t.known++
	}
}

// distribution turns a tally into a Distribution with codes in codebook
// order (or in order for pseudo-fields), then any codes the codebook lacks.
func (b *builder) distribution(id string, t *tally, base string, order []string, labels map[string]Text) Distribution {
	d := Distribution{ID: id, Field: t.field, Label: b.fieldLabel(t.field), Base: base, N: t.n,
		Known: t.known, Unknown: t.n - t.known, MultiValued: t.multi}
	if order == nil {
		order = b.codes(t.field)
	}
	var extra []string
	for code := range t.counts {
		if !slices.Contains(order, code) {
			extra = append(extra, code)
		}
	}
	slices.Sort(extra)
	denom := t.known
	if t.multi {
		denom = t.n
	}
	for _, code := range append(slices.Clone(order), extra...) {
		c := t.counts[code]
		label := b.label(t.field, code)
		if l, ok := labels[code]; ok {
			label = l.In(b.opts.Lang)
		}
		row := DistRow{Code: code, Label: label, Count: c}
		if denom > 0 {
			row.Share = float64(c) / float64(denom)
			if ci, err := stats.WilsonCI(c, denom, b.opts.Level); err == nil {
				row.CI = ci
			}
		}
		d.Rows = append(d.Rows, row)
	}
	return d
}

var yesNoOrder = []string{"ja", "nee"}

// distributions builds the study's distributions in a fixed order.
func (b *builder) distributions() []Distribution {
	f := struct {
		channel, allegation, use, recipient, initiative, benefit, motive,
		infoType, system, harm, ongoing, means, outcome, measure, criminal, phase *tally
	}{
		channel:    newTally(lekradar.FieldChannel, false),
		allegation: newTally(lekradar.FieldAllegation, false),
		use:        newTally(lekradar.FieldUse, false),
		recipient:  newTally(lekradar.FieldRecipient, false),
		initiative: newTally(lekradar.FieldInitiative, false),
		benefit:    newTally("benefit_to_crime", false),
		motive:     newTally(lekradar.FieldMotive, false),
		infoType:   newTally(lekradar.FieldInfoType, false),
		system:     newTally(lekradar.FieldSourceSystem, false),
		harm:       newTally(lekradar.FieldHarm, false),
		ongoing:    newTally("ongoing_investigation", false),
		means:      newTally(lekradar.FieldInvestigativeMeans, true),
		outcome:    newTally(lekradar.FieldSuspicionOutcome, false),
		measure:    newTally(lekradar.FieldDisciplinaryMeasure, false),
		criminal:   newTally(lekradar.FieldCriminalOutcome, false),
		phase:      newTally(lekradar.FieldPhase, false),
	}
	for _, d := range b.dossiers {
		for _, r := range d.Reports {
			f.channel.add(r.Channel)
		}
		f.allegation.add(d.Allegation)
		f.use.add(d.Context.Use)
		f.recipient.add(d.Context.Recipient)
		f.initiative.add(d.Context.Initiative)
		if d.Context.BenefitToCrime == nil {
			f.benefit.add()
		} else {
			f.benefit.add(yesNo(d.Context.BenefitToCrime))
		}
		f.motive.add(d.Context.Motive)
		for _, it := range d.Items {
			f.infoType.add(it.InfoType)
			f.system.add(it.SourceSystem)
			f.harm.add(it.Harm)
			if it.OngoingInvestigation == nil {
				f.ongoing.add()
			} else {
				f.ongoing.add(yesNo(it.OngoingInvestigation))
			}
		}
		means := make([]string, len(d.Means))
		for i, m := range d.Means {
			means[i] = m.Means
		}
		f.means.add(means...)
		f.outcome.add(d.SuspicionOutcome)
		f.measure.add(d.DisciplinaryMeasure)
		f.criminal.add(d.CriminalOutcome)
		f.phase.add(d.CurrentPhase())
	}
	phase := b.distribution("current_phase", f.phase, BaseDossiers, nil, nil)
	phase.Label = b.fieldLabel("current_phase")
	return []Distribution{
		b.distribution(lekradar.FieldChannel, f.channel, BaseReports, nil, nil),
		b.distribution(lekradar.FieldAllegation, f.allegation, BaseDossiers, nil, nil),
		b.distribution(lekradar.FieldUse, f.use, BaseDossiers, nil, nil),
		b.distribution(lekradar.FieldRecipient, f.recipient, BaseDossiers, nil, nil),
		b.distribution(lekradar.FieldInitiative, f.initiative, BaseDossiers, nil, nil),
		b.distribution("benefit_to_crime", f.benefit, BaseDossiers, yesNoOrder, yesNoLabels),
		b.distribution(lekradar.FieldMotive, f.motive, BaseDossiers, nil, nil),
		b.distribution(lekradar.FieldInfoType, f.infoType, BaseItems, nil, nil),
		b.distribution(lekradar.FieldSourceSystem, f.system, BaseItems, nil, nil),
		b.distribution(lekradar.FieldHarm, f.harm, BaseItems, nil, nil),
		b.distribution("ongoing_investigation", f.ongoing, BaseItems, yesNoOrder, yesNoLabels),
		b.distribution(lekradar.FieldInvestigativeMeans, f.means, BaseDossiers, nil, nil),
		b.distribution(lekradar.FieldSuspicionOutcome, f.outcome, BaseDossiers, nil, nil),
		b.distribution(lekradar.FieldDisciplinaryMeasure, f.measure, BaseDossiers, nil, nil),
		b.distribution(lekradar.FieldCriminalOutcome, f.criminal, BaseDossiers, nil, nil),
		phase,
	}
}

// CrossTab is a two-way table of counts.
type CrossTab struct {
	ID       string     `json:"id"`
	Title    Text       `json:"title"`
	Base     string     `json:"base"`
	RowLabel string     `json:"row_label"`
	ColLabel string     `json:"col_label"`
	Cols     []Level    `json:"cols"`
	Rows     []CrossRow `json:"rows"`
	// Fisher is Fisher's exact test on the table's first two rows and
	// first two columns, where that 2×2 core is the question asked (e.g.
	// criminal recipient × ongoing investigation yes/no).
	Fisher *stats.FisherResult `json:"fisher,omitempty"`
}

// Level is one value of a cross-tabulated field.
type Level struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// CrossRow is one row of a CrossTab: the counts per column and the row
// total.
type CrossRow struct {
	Level
	Counts []int `json:"counts"`
	Total  int   `json:"total"`
}

func (b *builder) levels(field string, codes []string, labels map[string]Text) []Level {
	out := make([]Level, len(codes))
	for i, c := range codes {
		l := b.label(field, c)
		if t, ok := labels[c]; ok {
			l = t.In(b.opts.Lang)
		}
		out[i] = Level{Code: c, Label: l}
	}
	return out
}

// crossTable fills a CrossTab from (row, col) pairs.
func crossTable(rows, cols []Level, pairs [][2]string) []CrossRow {
	out := make([]CrossRow, len(rows))
	for i, r := range rows {
		out[i] = CrossRow{Level: r, Counts: make([]int, len(cols))}
	}
	for _, p := range pairs {
		i := slices.IndexFunc(rows, func(l Level) bool { return l.Code == p[0] })
		j := slices.IndexFunc(cols, func(l Level) bool { return l.Code == p[1] })
		if i < 0 || j < 0 {
			continue
		}
		out[i].Counts[j]++
		out[i].Total++
	}
	return out
}

func orUnknown(v string) string {
	if v == "" {
		return "onbekend"
	}
	return v
}

// crossTabs builds the harm and crime tables of the study.
func (b *builder) crossTabs() []CrossTab {
	lang := b.opts.Lang
	unknown := map[string]Text{"onbekend": unknownLabel}
	withUnknown := func(field string) []Level {
		return b.levels(field, append(b.codes(field), "onbekend"), unknown)
	}
	yesNoLevels := b.levels("", []string{"ja", "nee", "onbekend"}, yesNoLabels)

	// Leaked items: does the item concern an ongoing investigation, and
	// what harm did it do?
	var itemPairs [][2]string
	for _, d := range b.dossiers {
		for _, it := range d.Items {
			itemPairs = append(itemPairs, [2]string{yesNo(it.OngoingInvestigation), orUnknown(it.Harm)})
		}
	}
	harmCols := withUnknown(lekradar.FieldHarm)
	ongoingHarm := CrossTab{
		ID:       "ongoing_investigation_harm",
		Title:    Text{"Schade aan lopend onderzoek (gelekte gegevens)", "Harm to ongoing investigations (leaked items)"},
		Base:     BaseItems,
		RowLabel: b.fieldLabel("ongoing_investigation"),
		ColLabel: b.fieldLabel(lekradar.FieldHarm),
		Cols:     harmCols,
		Rows:     crossTable(yesNoLevels, harmCols, itemPairs),
	}

	// Dossiers where information was shared: a criminal recipient against
	// the others, by whether any item concerned an ongoing investigation.
	recipientRows := []Level{
		{Code: "crimineel", Label: b.label(lekradar.FieldRecipient, "crimineel")},
		{Code: "overig", Label: otherRecipient.In(lang)},
	}
	var recipientPairs [][2]string
	for _, d := range b.dossiers {
		if d.Context.Recipient == "" || d.Context.Recipient == "geen" {
			continue
		}
		row := "overig"
		if d.Context.Recipient == "crimineel" {
			row = "crimineel"
		}
		recipientPairs = append(recipientPairs, [2]string{row, dossierOngoing(d)})
	}
	crime := CrossTab{
		ID:       "recipient_crimineel_ongoing_investigation",
		Title:    Text{"Ontvanger crimineel × lopend onderzoek (dossiers met een ontvanger)", "Criminal recipient × ongoing investigation (dossiers with a recipient)"},
		Base:     BaseDossiers,
		RowLabel: b.fieldLabel("recipient_group"),
		ColLabel: b.fieldLabel("ongoing_investigation"),
		Cols:     yesNoLevels,
		Rows:     crossTable(recipientRows, yesNoLevels, recipientPairs),
	}
	core := stats.Table2x2{A: crime.Rows[0].Counts[0], B: crime.Rows[0].Counts[1], C: crime.Rows[1].Counts[0], D: crime.Rows[1].Counts[1]}
	if core.A+core.B > 0 && core.C+core.D > 0 {
		if res, err := stats.FisherExact(core); err == nil {
			crime.Fisher = &res
		}
	}

	// Benefit to crime against whose initiative it was.
	var initPairs [][2]string
	for _, d := range b.dossiers {
		initPairs = append(initPairs, [2]string{yesNo(d.Context.BenefitToCrime), orUnknown(d.Context.Initiative)})
	}
	initCols := withUnknown(lekradar.FieldInitiative)
	initiative := CrossTab{
		ID:       "benefit_to_crime_initiative",
		Title:    Text{"Voordeel voor criminaliteit × initiatief", "Benefit to crime × initiative"},
		Base:     BaseDossiers,
		RowLabel: b.fieldLabel("benefit_to_crime"),
		ColLabel: b.fieldLabel(lekradar.FieldInitiative),
		Cols:     initCols,
		Rows:     crossTable(yesNoLevels, initCols, initPairs),
	}
	return []CrossTab{ongoingHarm, crime, initiative}
}

var otherRecipient = Text{"Andere ontvanger", "Other recipient"}

// dossierOngoing says whether any leaked item of the dossier concerned an
// ongoing investigation: ja when one did, else onbekend when one is
// unknown, else nee (also when no item is recorded).
func dossierOngoing(d *lekradar.Dossier) string {
	out := "nee"
	if len(d.Items) == 0 {
		return "onbekend"
	}
	for _, it := range d.Items {
		switch yesNo(it.OngoingInvestigation) {
		case "ja":
			return "ja"
		case "onbekend":
			out = "onbekend"
		}
	}
	return out
}
