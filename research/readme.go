package research

import (
	"fmt"
	"strconv"
	"strings"
)

// README returns the export's README.md: the sampling design, the
// pseudonymisation and coarsening, the residual risk, and every column of
// every table.
func (e *Export) README() []byte {
	var b strings.Builder
	d := e.Design
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("# lekradar research sample %s\n\n", e.ID)
	p("A stratified random sample of leak dossiers from the lekradar registry, pseudonymised for research. ")
	p("Made in %s by `lekradar sample`; the export is recorded in the registry's audit trail under %s.\n\n",
		e.Options.Created.UTC().Format("2006-01"), e.ID)
	p("**Terms.** This data is about real people even without their names. Keep it on a secured machine, share it with no one outside the study, do not try to find out who anyone in it is, do not link it to other data about police staff, publish only aggregates (no cell under 5), and delete it when the study ends.\n\n")

	p("## Files\n\n")
	p("| file | contents |\n|---|---|\n")
	for _, t := range e.Tables {
		p("| %s.csv | %s %d rows. |\n", t.Name, t.Description, len(t.Rows))
	}
	p("| %s | The same tables, one sheet each, and the codebook. |\n", WorkbookFile)
	p("| codebook.csv | %s |\n", e.Codebook.Description)
	p("| codebook.md | The codebook as readable tables. |\n")
	p("| README.md | This file. |\n\n")
	p("The CSV files are UTF-8 with a header row and comma separators. An empty cell means unknown or not applicable. ")
	p("Coded columns hold the stable codes of the codebook (codebook.csv gives the Dutch and English labels). Months are YYYY-MM. ")
	p("Booleans are true or false. Rows are in the order of the (random) dossier pseudonyms, which carries no information.\n\n")

	p("## Sampling design\n\n")
	period := e.Options.Period
	if period == "" {
		period = "all dossiers in the registry"
	}
	strata := "none (a simple random sample)"
	if len(d.Variables) > 0 {
		strata = strings.Join(d.Variables, " × ")
	}
	target := 0
	for _, s := range d.Strata {
		target += s.Sampled
	}
	p("- Population: %s — %d dossiers.\n", period, d.Population)
	p("- Fraction: %s, so %d dossiers in all (round(fraction × %d)).\n", strconv.FormatFloat(d.Fraction, 'f', -1, 64), target, d.Population)
	p("- Strata: %s; %d strata.\n", strata, len(d.Strata))
	p("- Seed: %d.\n\n", d.Seed)
	p("Each stratum gets fraction × its size, rounded by the largest-remainder method: every stratum's share is rounded down, and the dossiers still missing from the total go to the strata with the largest remainders (ties to the stratum listed first). ")
	p("So each stratum's sample is within one of fraction × its size, and the strata add up to round(fraction × %d). ", d.Population)
	p("Within a stratum the dossiers are put in order of their registration number and drawn without replacement by a partial Fisher–Yates shuffle driven by a PCG random generator (Go math/rand/v2) seeded with the seed and a hash of the stratum. ")
	p("The same seed, fraction, strata and period on the same registry therefore give the same dossiers again — but with new pseudonyms.\n\n")
	p("The sampling weight of a dossier is its stratum's population divided by its stratum's sample (column sampling_weight in dossiers.csv). ")
	p("Weighted sums estimate registry totals; the sample is proportional when every stratum was sampled at the same rate, and rounding makes the rates differ a little. ")
	p("A stratum with a weight of 0 below had no dossier drawn: it is not represented in the sample.\n\n")
	p("| stratum | dossiers | sampled | fraction × dossiers | weight |\n|---|---:|---:|---:|---:|\n")
	for _, s := range d.Strata {
		p("| %s | %d | %d | %.2f | %s |\n", mdCell(s.Key), s.Population, s.Sampled, s.Quota, strconv.FormatFloat(s.Weight(), 'f', 4, 64))
	}
	p("\n")

	p("## Pseudonymisation\n\n")
	p("Dossiers and suspects are named by pseudonyms: D-… for a dossier, S-… for a suspect. ")
	p("A pseudonym is the HMAC-SHA-256 of the source id (the dossier's registration number; the suspect's employee id) under a random 256-bit key made for this export alone, cut to 48 bits and written as 12 hex digits. ")
	p("The key was thrown away when the export was written: nobody, the registry's staff included, can compute these pseudonyms again or turn one back into a source id. ")
	p("Every export gets a new key, so the same dossier has a different pseudonym in every export, and two exports cannot be linked through their pseudonyms.\n\n")
	p("Within this export a pseudonym is consistent: a dossier's rows in every table carry its dossier_id, and an employee suspected in more than one sampled dossier has the same suspect_id in each. An unidentified suspect has a pseudonym of its own.\n\n")

	p("## What was left out and coarsened\n\n")
	p("- Left out: names, employee ids, registration numbers, store ids, reporter identities and every other field about the reporter, alert ids, and all free text (dossier summaries, report summaries, descriptions of leaked items), since free text can name people.\n")
	p("- Reports: only the channel and the month received (no acknowledgement or feedback dates).\n")
	p("- Dates: every date is coarsened to its month (YYYY-MM). Durations in days were computed from the exact dates before coarsening (days_to_close, days_since_opened, days_in_phase), so they are exact.\n")
	if e.Options.GroupAttributes {
		p("- Group attributes: INCLUDED on request (surname_origin, gender, age_band, tenure_band in suspects.csv). The codebook marks them restricted: use them for aggregate analysis only.\n")
	} else {
		p("- Group attributes (surname origin, gender, age band, tenure band) are left out; the codebook reserves them for aggregate use. They can be requested for a study that needs them, at a higher re-identification risk.\n")
	}
	p("\n")

	p("## Residual risk of re-identification\n\n")
	p("Pseudonyms hide who is in the data, but the facts themselves can still point to a person or a case for someone who knows the organisation. The main routes:\n\n")
	p("- **Rare combinations.** A department, a month and a rank (or team kind, or measure) together may fit one colleague that insiders know was investigated; a heavy measure such as strafontslag or a criminal conviction is rare and often known in the unit.\n")
	p("- **Durations with months.** Exact day counts combined with the months of several phases narrow down the opening day of a dossier.\n")
	p("- **Repeat suspects.** An employee suspected in several sampled dossiers carries one pseudonym across them, which makes that person more recognisable.\n")
	p("- **Content linking.** Two exports cannot be linked by pseudonym, but rows with a unique combination of values can still be matched between them by their content.\n")
	p("- **Small units and strata.** The sampling weights and the table of strata above show how few dossiers some strata hold.\n\n")
	p("How many records of this export stand alone, or in a group of fewer than 5, on combinations of such facts — within this export, and (last column) among all %d dossiers sampled from. ", d.Population)
	p("A record unique among all dossiers is recognisable to anyone who knows those facts of the case, whether or not they know it was sampled.\n\n")
	p("| table | combination | records | unique in the export | in a group under 5 in the export | unique among all dossiers |\n|---|---|---:|---:|---:|---:|\n")
	for _, r := range e.Risk {
		p("| %s | %s | %d | %d | %d | %d |\n", r.Table, strings.Join(r.Columns, " + "), r.Records, r.Unique, r.Under5, r.UniqueInRegistry)
	}
	p("\nPublish only aggregates, suppress cells under 5, and do not report durations or months for single cases.\n\n")

	p("## Columns\n\n")
	for _, t := range append(append([]*Table{}, e.Tables...), e.Codebook) {
		p("### %s.csv\n\n%s\n\n| column | type | description |\n|---|---|---|\n", t.Name, t.Description)
		for _, c := range t.Columns {
			typ := c.Type
			if c.Type == TypeCode {
				typ = "code of `" + c.Field + "`"
			}
			if c.Type == TypeMonth {
				typ = "month (YYYY-MM)"
			}
			p("| %s | %s | %s |\n", c.Name, typ, mdCell(c.Description))
		}
		p("\n")
	}
	return []byte(b.String())
}
