// Package stats holds the statistics of lekradar's analyses: exact and score
// confidence intervals, exact tests for small tables, relative risks,
// chi-square tests and quantiles. Where gonum has the piece (the chi-square,
// beta and normal distributions) it is used; the rest follows the published
// definitions, which the tests check against textbook and R reference values.
//
// Every function reports impossible input (negative counts, a proportion
// outside [0, 1], a level outside (0, 1)) as an error rather than a NaN, so
// that a report never shows a number computed from nonsense.
package stats

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// DefaultLevel is the confidence level of lekradar's intervals.
const DefaultLevel = 0.95

// Interval is a two-sided confidence interval.
type Interval struct {
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

// Contains reports whether x lies in the closed interval.
func (iv Interval) Contains(x float64) bool { return iv.Lo <= x && x <= iv.Hi }

// Scale returns the interval multiplied by f (for rates per 1,000).
func (iv Interval) Scale(f float64) Interval { return Interval{iv.Lo * f, iv.Hi * f} }

func checkLevel(level float64) error {
	if !(level > 0 && level < 1) {
		return fmt.Errorf("confidence level %v is not between 0 and 1", level)
	}
	return nil
}

func checkCounts(x, n int) error {
	if x < 0 || n < 0 || x > n {
		return fmt.Errorf("count %d of %d is not a count between 0 and the total", x, n)
	}
	return nil
}

// z returns the standard normal quantile for a two-sided interval at level.
func z(level float64) float64 {
	return distuv.UnitNormal.Quantile(1 - (1-level)/2)
}

// PoissonCI returns the exact (Garwood) confidence interval for the mean of a
// Poisson count k: the bounds are chi-square quantiles, lo = χ²(2k; α/2)/2
// and hi = χ²(2k+2; 1−α/2)/2, the interval R's poisson.test reports. Divide
// by the exposure for a rate.
func PoissonCI(k int, level float64) (Interval, error) {
	if k < 0 {
		return Interval{}, fmt.Errorf("poisson count %d is negative", k)
	}
	if err := checkLevel(level); err != nil {
		return Interval{}, err
	}
	alpha := 1 - level
	var iv Interval
	if k > 0 {
		iv.Lo = distuv.ChiSquared{K: float64(2 * k)}.Quantile(alpha/2) / 2
	}
	iv.Hi = distuv.ChiSquared{K: float64(2*k + 2)}.Quantile(1-alpha/2) / 2
	return iv, nil
}

// WilsonCI returns the Wilson score interval for a proportion x/n without
// continuity correction (R's prop.test(x, n, correct = FALSE)). It keeps good
// coverage for small n and for proportions near 0 or 1, where the Wald
// interval fails. n = 0 is an error: there is no proportion.
func WilsonCI(x, n int, level float64) (Interval, error) {
	if err := checkCounts(x, n); err != nil {
		return Interval{}, err
	}
	if n == 0 {
		return Interval{}, fmt.Errorf("proportion of an empty group (n = 0) has no interval")
	}
	if err := checkLevel(level); err != nil {
		return Interval{}, err
	}
	zz := z(level)
	nf := float64(n)
	p := float64(x) / nf
	denom := 1 + zz*zz/nf
	centre := (p + zz*zz/(2*nf)) / denom
	half := zz * math.Sqrt(p*(1-p)/nf+zz*zz/(4*nf*nf)) / denom
	return Interval{Lo: max(0, centre-half), Hi: min(1, centre+half)}, nil
}

// ClopperPearsonCI returns the exact (Clopper–Pearson) interval for a
// proportion x/n from beta quantiles, as R's binom.test reports it. It is
// conservative: its coverage is at least the level.
func ClopperPearsonCI(x, n int, level float64) (Interval, error) {
	if err := checkCounts(x, n); err != nil {
		return Interval{}, err
	}
	if n == 0 {
		return Interval{}, fmt.Errorf("proportion of an empty group (n = 0) has no interval")
	}
	if err := checkLevel(level); err != nil {
		return Interval{}, err
	}
	alpha := 1 - level
	iv := Interval{Lo: 0, Hi: 1}
	if x > 0 {
		iv.Lo = distuv.Beta{Alpha: float64(x), Beta: float64(n - x + 1)}.Quantile(alpha / 2)
	}
	if x < n {
		iv.Hi = distuv.Beta{Alpha: float64(x + 1), Beta: float64(n - x)}.Quantile(1 - alpha/2)
	}
	return iv, nil
}

// relErr is R's tolerance for "as or less likely than the observed" in
// exact two-sided tests: probabilities within a relative 1e-7 of the
// observed one count as equal, so that floating-point noise does not drop a
// table that is exactly as likely (such as the mirror image of a symmetric
// table).
const relErr = 1 + 1e-7

// BinomialTest returns the two-sided p-value of the exact binomial test of
// x successes in n trials against the success probability p: the sum of the
// probabilities of all outcomes no more likely than x (R's binom.test).
func BinomialTest(x, n int, p float64) (float64, error) {
	if err := checkCounts(x, n); err != nil {
		return 0, err
	}
	if !(p >= 0 && p <= 1) {
		return 0, fmt.Errorf("null proportion %v is not between 0 and 1", p)
	}
	if p == 0 {
		if x == 0 {
			return 1, nil
		}
		return 0, nil
	}
	if p == 1 {
		if x == n {
			return 1, nil
		}
		return 0, nil
	}
	logPMF := func(k int) float64 {
		return logChoose(n, k) + float64(k)*math.Log(p) + float64(n-k)*math.Log1p(-p)
	}
	observed := logPMF(x)
	limit := observed + math.Log(relErr)
	var sum float64
	for k := 0; k <= n; k++ {
		if lp := logPMF(k); lp <= limit {
			sum += math.Exp(lp)
		}
	}
	return min(1, sum), nil
}

// logChoose returns log(n choose k).
func logChoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}

// Table2x2 is a 2×2 table of counts:
//
//	        outcome  no outcome
//	group1    A         B
//	group2    C         D
type Table2x2 struct {
	A, B, C, D int
}

func (t Table2x2) check() error {
	if t.A < 0 || t.B < 0 || t.C < 0 || t.D < 0 {
		return fmt.Errorf("2×2 table %v has a negative count", t)
	}
	return nil
}

// FisherResult is the outcome of Fisher's exact test on a 2×2 table.
type FisherResult struct {
	// P is the two-sided p-value: the sum of the hypergeometric
	// probabilities of all tables with the observed margins that are no
	// more likely than the observed table (R's fisher.test).
	P float64 `json:"p"`
	// PLess and PGreater are the one-sided p-values for an odds ratio
	// below or above 1.
	PLess    float64 `json:"p_less"`
	PGreater float64 `json:"p_greater"`
	// OddsRatio is the sample odds ratio AD/BC (Inf or NaN when a cell is
	// zero; R reports the conditional MLE instead, which differs).
	OddsRatio float64 `json:"odds_ratio"`
}

// FisherExact returns Fisher's exact test of independence on a 2×2 table,
// conditioning on both margins (the hypergeometric distribution of A).
func FisherExact(t Table2x2) (FisherResult, error) {
	if err := t.check(); err != nil {
		return FisherResult{}, err
	}
	row1 := t.A + t.B
	col1 := t.A + t.C
	n := t.A + t.B + t.C + t.D
	lo := max(0, col1-(n-row1))
	hi := min(row1, col1)
	logDenom := logChoose(n, col1)
	logP := func(a int) float64 {
		return logChoose(row1, a) + logChoose(n-row1, col1-a) - logDenom
	}
	observed := logP(t.A)
	limit := observed + math.Log(relErr)
	var res FisherResult
	for a := lo; a <= hi; a++ {
		lp := logP(a)
		p := math.Exp(lp)
		if lp <= limit {
			res.P += p
		}
		if a <= t.A {
			res.PLess += p
		}
		if a >= t.A {
			res.PGreater += p
		}
	}
	res.P = min(1, res.P)
	res.PLess = min(1, res.PLess)
	res.PGreater = min(1, res.PGreater)
	res.OddsRatio = float64(t.A) * float64(t.D) / (float64(t.B) * float64(t.C))
	return res, nil
}

// RiskRatio is a relative risk with its confidence interval.
type RiskRatio struct {
	RR float64  `json:"rr"`
	CI Interval `json:"ci"`
}

// RelativeRisk returns the risk ratio (a/n1)/(c/n2) with the Katz log
// interval: exp(log RR ± z·sqrt(1/a − 1/n1 + 1/c − 1/n2)). The interval
// needs a > 0 and c > 0 (a zero count has no log); then it is an error, as
// is an empty group.
func RelativeRisk(a, n1, c, n2 int, level float64) (RiskRatio, error) {
	if err := checkCounts(a, n1); err != nil {
		return RiskRatio{}, fmt.Errorf("exposed group: %w", err)
	}
	if err := checkCounts(c, n2); err != nil {
		return RiskRatio{}, fmt.Errorf("reference group: %w", err)
	}
	if err := checkLevel(level); err != nil {
		return RiskRatio{}, err
	}
	if a == 0 || c == 0 {
		return RiskRatio{}, fmt.Errorf("relative risk %d/%d vs %d/%d: the Katz interval needs a non-zero count in both groups", a, n1, c, n2)
	}
	rr := (float64(a) / float64(n1)) / (float64(c) / float64(n2))
	se := math.Sqrt(1/float64(a) - 1/float64(n1) + 1/float64(c) - 1/float64(n2))
	zz := z(level)
	return RiskRatio{RR: rr, CI: Interval{Lo: rr * math.Exp(-zz*se), Hi: rr * math.Exp(zz*se)}}, nil
}

// ChiSquareResult is a Pearson chi-square test.
type ChiSquareResult struct {
	Statistic float64 `json:"statistic"`
	DF        int     `json:"df"`
	P         float64 `json:"p"`
	// MinExpected and SmallExpected (the number of cells with an expected
	// count under 5) tell whether the chi-square approximation can be
	// trusted: the usual rule wants every expected count at least 5 (or at
	// most a fifth of them under 5 and none under 1).
	MinExpected   float64 `json:"min_expected"`
	SmallExpected int     `json:"small_expected"`
	Cells         int     `json:"cells"`
}

// ApproximationDoubtful reports whether the expected counts are too small
// for the chi-square approximation (Cochran's rule: more than a fifth of the
// cells under 5, or any under 1).
func (r ChiSquareResult) ApproximationDoubtful() bool {
	return r.MinExpected < 1 || float64(r.SmallExpected) > float64(r.Cells)/5
}

func chiSquare(observed []int, expected []float64, df int) (ChiSquareResult, error) {
	if df < 1 {
		return ChiSquareResult{}, fmt.Errorf("chi-square test needs at least one degree of freedom (got %d)", df)
	}
	res := ChiSquareResult{DF: df, MinExpected: math.Inf(1), Cells: len(observed)}
	for i, o := range observed {
		e := expected[i]
		if e <= 0 {
			return ChiSquareResult{}, fmt.Errorf("chi-square cell %d has expected count %v; every cell needs a positive expectation", i, e)
		}
		d := float64(o) - e
		res.Statistic += d * d / e
		res.MinExpected = min(res.MinExpected, e)
		if e < 5 {
			res.SmallExpected++
		}
	}
	res.P = distuv.ChiSquared{K: float64(df)}.Survival(res.Statistic)
	return res, nil
}

// GoodnessOfFit tests observed counts against the probabilities probs
// (rescaled to sum to 1), with k−1 degrees of freedom (R's
// chisq.test(x, p = probs, rescale.p = TRUE)).
func GoodnessOfFit(observed []int, probs []float64) (ChiSquareResult, error) {
	if len(observed) != len(probs) {
		return ChiSquareResult{}, fmt.Errorf("goodness of fit: %d counts but %d probabilities", len(observed), len(probs))
	}
	var total int
	var psum float64
	for i, o := range observed {
		if o < 0 {
			return ChiSquareResult{}, fmt.Errorf("goodness of fit: count %d is negative (%d)", i, o)
		}
		if probs[i] < 0 || math.IsNaN(probs[i]) {
			return ChiSquareResult{}, fmt.Errorf("goodness of fit: probability %d is %v", i, probs[i])
		}
		total += o
		psum += probs[i]
	}
	if total == 0 || psum == 0 {
		return ChiSquareResult{}, fmt.Errorf("goodness of fit: no observations or no probability mass")
	}
	expected := make([]float64, len(observed))
	for i := range observed {
		expected[i] = float64(total) * probs[i] / psum
	}
	return chiSquare(observed, expected, len(observed)-1)
}

// PoissonHomogeneity tests whether Poisson counts observed over different
// exposures (person-time, FTE) share one rate: under the null the expected
// count of group i is total·exposure_i/Σexposure, and Pearson's statistic
// has k−1 degrees of freedom. It assumes independent events; overdispersion
// (clustered cases) makes it too eager to find a difference.
func PoissonHomogeneity(counts []int, exposure []float64) (ChiSquareResult, error) {
	if len(counts) != len(exposure) {
		return ChiSquareResult{}, fmt.Errorf("poisson homogeneity: %d counts but %d exposures", len(counts), len(exposure))
	}
	for i, e := range exposure {
		if !(e > 0) {
			return ChiSquareResult{}, fmt.Errorf("poisson homogeneity: exposure %d is %v; it must be positive", i, e)
		}
	}
	return GoodnessOfFit(counts, exposure)
}

// Independence is Pearson's chi-square test of independence (homogeneity)
// on an r×c table without continuity correction (R's chisq.test(m,
// correct = FALSE), and prop.test on a 2×k table). Rows or columns that are
// all zero are an error: they have no expectation.
func Independence(table [][]int) (ChiSquareResult, error) {
	if len(table) < 2 || len(table[0]) < 2 {
		return ChiSquareResult{}, fmt.Errorf("independence test needs at least a 2×2 table")
	}
	cols := len(table[0])
	rowSum := make([]float64, len(table))
	colSum := make([]float64, cols)
	var total float64
	for i, row := range table {
		if len(row) != cols {
			return ChiSquareResult{}, fmt.Errorf("independence test: row %d has %d cells, row 0 has %d", i, len(row), cols)
		}
		for j, v := range row {
			if v < 0 {
				return ChiSquareResult{}, fmt.Errorf("independence test: cell (%d,%d) is negative", i, j)
			}
			rowSum[i] += float64(v)
			colSum[j] += float64(v)
			total += float64(v)
		}
	}
	var observed []int
	var expected []float64
	for i, row := range table {
		for j, v := range row {
			observed = append(observed, v)
			expected = append(expected, rowSum[i]*colSum[j]/total)
		}
	}
	return chiSquare(observed, expected, (len(table)-1)*(cols-1))
}

// Quantile returns the p-quantile of xs by R's default definition (type 7,
// also Excel's PERCENTILE.INC and NumPy's default): linear interpolation
// between order statistics at h = (n−1)p. xs need not be sorted. gonum's
// stat.Quantile offers only the empirical and type-4 definitions, which
// differ from what analysts get from R.
func Quantile(xs []float64, p float64) (float64, error) {
	if len(xs) == 0 {
		return 0, fmt.Errorf("quantile of no values")
	}
	if !(p >= 0 && p <= 1) {
		return 0, fmt.Errorf("quantile probability %v is not between 0 and 1", p)
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	h := float64(len(s)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(s) {
		return s[len(s)-1], nil
	}
	return s[i] + (h-lo)*(s[i+1]-s[i]), nil
}

// Holm returns Holm's step-down adjusted p-values, in the order of ps: it
// controls the family-wise error rate like Bonferroni but is uniformly more
// powerful (R's p.adjust(p, "holm")).
func Holm(ps []float64) []float64 {
	n := len(ps)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case ps[a] < ps[b]:
			return -1
		case ps[a] > ps[b]:
			return 1
		}
		return 0
	})
	adj := make([]float64, n)
	running := 0.0
	for rank, i := range order {
		v := min(1, float64(n-rank)*ps[i])
		running = max(running, v)
		adj[i] = running
	}
	return adj
}
