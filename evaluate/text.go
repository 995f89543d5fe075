package evaluate

import (
	"fmt"
	"io"
	"math"
	"sort"
	"text/tabwriter"
)

func pct(r float64) string {
	if math.IsNaN(r) {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*r)
}

func num(r float64) string {
	if math.IsNaN(r) {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", r)
}

// WriteText prints the report for a person.
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, a ...any) { fmt.Fprintf(tw, format, a...) }
	p("look-ups\t%d over %.1f days, %d employees\n", r.Events, r.Days, r.Employees)
	p("alerts\t%d (%d correct, %d false)\n", r.Alerts, r.CorrectAlerts, r.FalseAlerts)
	p("alert precision\t%s\n", num(float64(r.Precision)))
	p("recall (incidents)\t%s (%d of %d)\n", num(float64(r.Recall)), r.IncidentsFound, r.Incidents)
	p("recall (look-ups)\t%s (%d of %d)\n", num(float64(r.EventRecall)), r.EventsAlerted, r.ImproperEvents)
	p("employee precision\t%s (%d of %d alerted employees have an improper look-up)\n",
		num(float64(r.EmployeePrecision)), r.AlertedEmployeesImproper, r.AlertedEmployees)
	p("false alerts /1000 employees/day\t%s\n", num(float64(r.FalseAlertsPer1000EmployeeDays)))
	if r.HaveExplanations {
		p("explainable legitimate explained\t%s (%d of %d)\n", pct(float64(r.ExplainedShare)), r.ExplainableExplained, r.Explainable)
		p("improper explained away\t%s (%d of %d)\n", pct(float64(r.ImproperExplShare)), r.ImproperExplained, r.ImproperEvents)
	} else {
		p("explanations\tnot given (--explanations FILE to measure them)\n")
	}
	if r.ImproperOracleExplained > 0 {
		p("warning\t%d improper look-ups are explained by the records themselves\n", r.ImproperOracleExplained)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scenario\tincidents\tfound\trecall\tlook-ups\talerted\tlook-up recall\t")
	for _, s := range r.PerScenario {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%d\t%s\t\n", s.Scenario, s.Incidents, s.IncidentsFound, num(s.Recall),
			s.Events, s.EventsAlerted, num(s.EventRecall))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if r.HaveExplanations && len(r.ExplainableByOracle) > 0 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "oracle explanation\texplainable\texplained by engine\tshare\t")
		names := make([]string, 0, len(r.ExplainableByOracle))
		for n := range r.ExplainableByOracle {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			a, b := r.ExplainableByOracle[n], r.ExplainedByOracle[n]
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t\n", n, a, b, pct(float64(ratio(float64(b), float64(a)))))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "targets:")
	for _, t := range r.Targets {
		mark := "MET    "
		if !t.Met {
			mark = "NOT MET"
		}
		v := num(float64(t.Value))
		if t.Name == "explainable legitimate explained" || t.Name == "improper explained away" {
			v = pct(float64(t.Value))
		}
		fmt.Fprintf(w, "  %s  %-34s %-8s (goal %s)\n", mark, t.Name, v, t.Goal)
	}
	return nil
}
