package stats_test

import (
	"math"
	"testing"

	"lekradar/stats"
)

// Every expected value below comes from a published source cited next to
// it (a textbook table, a paper, or an output printed in R's documentation),
// or is worked out by hand from the definition where the comment says so.
// None was produced by running this package.

// near reports whether got matches want to the number of decimals the
// source prints: tol is half a unit in the last printed place.
func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

func TestPoissonCI(t *testing.T) {
	tests := []struct {
		name   string
		k      int
		lo, hi float64
		tol    float64
	}{
		// Exact (Garwood) 95% limits for a Poisson count, as tabulated in
		// Ulm K. (1990), "A simple method to calculate the confidence
		// interval of a standardized mortality ratio", Am J Epidemiol
		// 131:373–375, and in Daly L. (1992), Comput Biol Med 22:351–361.
		{"k=0", 0, 0, 3.689, 0.0005},
		{"k=1", 1, 0.0253, 5.572, 0.0005},
		{"k=2", 2, 0.2422, 7.225, 0.0005},
		{"k=5", 5, 1.6235, 11.6683, 0.00005},
		{"k=10", 10, 4.7954, 18.3904, 0.00005},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iv, err := stats.PoissonCI(tt.k, 0.95)
			if err != nil {
				t.Fatal(err)
			}
			if !near(iv.Lo, tt.lo, tt.tol) || !near(iv.Hi, tt.hi, tt.tol) {
				t.Errorf("PoissonCI(%d) = [%.5f, %.5f], want [%v, %v]", tt.k, iv.Lo, iv.Hi, tt.lo, tt.hi)
			}
		})
	}

	t.Run("rate as in R poisson.test(137, 24.19893)", func(t *testing.T) {
		// R documentation, ?poisson.test example: 137 events over a time
		// base of 24.19893 give the 95% interval 4.753125 6.692709.
		iv, err := stats.PoissonCI(137, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		rate := iv.Scale(1 / 24.19893)
		if !near(rate.Lo, 4.753125, 5e-7) || !near(rate.Hi, 6.692709, 5e-7) {
			t.Errorf("rate interval = [%.7f, %.7f], want [4.753125, 6.692709]", rate.Lo, rate.Hi)
		}
	})

	t.Run("bad input", func(t *testing.T) {
		if _, err := stats.PoissonCI(-1, 0.95); err == nil {
			t.Error("negative count accepted")
		}
		if _, err := stats.PoissonCI(3, 1.5); err == nil {
			t.Error("level 1.5 accepted")
		}
	})
}

// Newcombe R.G. (1998), "Two-sided confidence intervals for the single
// proportion: comparison of seven methods", Statistics in Medicine
// 17:857–872, Table II: the Wilson score interval without continuity
// correction (method 3) and the Clopper–Pearson exact interval (method 5)
// for four example proportions, printed to four decimals.
var newcombe = []struct {
	x, n                 int
	wilsonLo, wilsonHi   float64
	clopperLo, clopperHi float64
}{
	{81, 263, 0.2553, 0.3662, 0.2527, 0.3676},
	{15, 148, 0.0624, 0.1605, 0.0578, 0.1617},
	{0, 20, 0, 0.1611, 0, 0.1684},
	{1, 29, 0.0061, 0.1718, 0.0009, 0.1776},
}

func TestWilsonCI(t *testing.T) {
	for _, tt := range newcombe {
		iv, err := stats.WilsonCI(tt.x, tt.n, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if !near(iv.Lo, tt.wilsonLo, 0.00005) || !near(iv.Hi, tt.wilsonHi, 0.00005) {
			t.Errorf("WilsonCI(%d, %d) = [%.5f, %.5f], want [%v, %v]", tt.x, tt.n, iv.Lo, iv.Hi, tt.wilsonLo, tt.wilsonHi)
		}
	}
	if _, err := stats.WilsonCI(0, 0, 0.95); err == nil {
		t.Error("WilsonCI(0, 0) gave no error")
	}
	if _, err := stats.WilsonCI(5, 4, 0.95); err == nil {
		t.Error("WilsonCI(5, 4) gave no error")
	}
}

func TestClopperPearsonCI(t *testing.T) {
	for _, tt := range newcombe {
		iv, err := stats.ClopperPearsonCI(tt.x, tt.n, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if !near(iv.Lo, tt.clopperLo, 0.00005) || !near(iv.Hi, tt.clopperHi, 0.00005) {
			t.Errorf("ClopperPearsonCI(%d, %d) = [%.5f, %.5f], want [%v, %v]", tt.x, tt.n, iv.Lo, iv.Hi, tt.clopperLo, tt.clopperHi)
		}
	}
	t.Run("Mendel's peas as in R binom.test", func(t *testing.T) {
		// R documentation, ?binom.test: binom.test(682, 682 + 243, p = 3/4)
		// prints the 95% interval 0.7076683 0.7654066.
		iv, err := stats.ClopperPearsonCI(682, 925, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if !near(iv.Lo, 0.7076683, 5e-8) || !near(iv.Hi, 0.7654066, 5e-8) {
			t.Errorf("interval = [%.7f, %.7f], want [0.7076683, 0.7654066]", iv.Lo, iv.Hi)
		}
	})
}

func TestBinomialTest(t *testing.T) {
	tests := []struct {
		name string
		x, n int
		p    float64
		want float64
		tol  float64
	}{
		// R documentation, ?binom.test: Mendel's peas, p-value = 0.3825.
		{"Mendel", 682, 925, 0.75, 0.3825, 0.00005},
		// By hand: 5 of 5 at p = 1/2 is as extreme as 0 of 5, so the
		// two-sided p is 2·(1/2)^5 = 0.0625.
		{"all heads", 5, 5, 0.5, 0.0625, 1e-12},
		// By hand: 1 of 2 at p = 1/2 is the most likely outcome, so every
		// outcome is no more likely and p = 1.
		{"middle", 1, 2, 0.5, 1, 1e-12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := stats.BinomialTest(tt.x, tt.n, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if !near(got, tt.want, tt.tol) {
				t.Errorf("BinomialTest(%d, %d, %v) = %.6f, want %v", tt.x, tt.n, tt.p, got, tt.want)
			}
		})
	}
	if _, err := stats.BinomialTest(1, 2, 1.2); err == nil {
		t.Error("null proportion 1.2 accepted")
	}
}

func TestFisherExact(t *testing.T) {
	tests := []struct {
		name               string
		table              stats.Table2x2
		p, pLess, pGreater float64
		tol                float64
	}{
		// Fisher's lady tasting tea (Fisher 1935; Agresti, Categorical
		// Data Analysis, 2nd ed. 2002, §3.5.1; R ?fisher.test TeaTasting):
		// two-sided p = 0.4857, one-sided (greater) p = 0.2429. The table
		// is symmetric, so the two-sided p needs the mirror table that is
		// exactly as likely: the relative tolerance matters here.
		{"tea tasting", stats.Table2x2{A: 3, B: 1, C: 1, D: 3}, 0.4857, 0.9857, 0.2429, 0.00005},
		// Fisher's convictions of like-sex twins of criminals (R
		// ?fisher.test Convictions: dizygotic 2 convicted, 15 not;
		// monozygotic 10 and 3): two-sided p-value = 0.0005367,
		// alternative "less" p-value = 0.0004652.
		{"convictions", stats.Table2x2{A: 2, B: 15, C: 10, D: 3}, 0.0005367, 0.0004652, -1, 5e-8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := stats.FisherExact(tt.table)
			if err != nil {
				t.Fatal(err)
			}
			if !near(got.P, tt.p, tt.tol) {
				t.Errorf("two-sided p = %.7f, want %v", got.P, tt.p)
			}
			if !near(got.PLess, tt.pLess, tt.tol) {
				t.Errorf("p (less) = %.7f, want %v", got.PLess, tt.pLess)
			}
			if tt.pGreater >= 0 && !near(got.PGreater, tt.pGreater, tt.tol) {
				t.Errorf("p (greater) = %.7f, want %v", got.PGreater, tt.pGreater)
			}
		})
	}
	t.Run("sample odds ratio", func(t *testing.T) {
		// By hand: (3·3)/(1·1) = 9.
		got, err := stats.FisherExact(stats.Table2x2{A: 3, B: 1, C: 1, D: 3})
		if err != nil {
			t.Fatal(err)
		}
		if got.OddsRatio != 9 {
			t.Errorf("odds ratio = %v, want 9", got.OddsRatio)
		}
	})
	t.Run("negative cell", func(t *testing.T) {
		if _, err := stats.FisherExact(stats.Table2x2{A: -1, B: 1, C: 1, D: 1}); err == nil {
			t.Error("negative count accepted")
		}
	})
}

func TestRelativeRisk(t *testing.T) {
	// Agresti A. (2007), An Introduction to Categorical Data Analysis, 2nd
	// ed., §2.2: Physicians' Health Study, myocardial infarction in 189 of
	// 11,034 on placebo and 104 of 11,037 on aspirin: relative risk 1.82,
	// 95% confidence interval (1.43, 2.30).
	got, err := stats.RelativeRisk(189, 11034, 104, 11037, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if !near(got.RR, 1.82, 0.005) || !near(got.CI.Lo, 1.43, 0.005) || !near(got.CI.Hi, 2.30, 0.01) {
		t.Errorf("RelativeRisk = %.3f [%.3f, %.3f], want 1.82 [1.43, 2.30]", got.RR, got.CI.Lo, got.CI.Hi)
	}
	if _, err := stats.RelativeRisk(0, 10, 3, 10, 0.95); err == nil {
		t.Error("zero count gave an interval")
	}
}

func TestChiSquare(t *testing.T) {
	t.Run("goodness of fit, equal probabilities", func(t *testing.T) {
		// R documentation, ?chisq.test: x <- c(A = 20, B = 15, C = 25);
		// chisq.test(x) gives X-squared = 2.5, df = 2, p-value = 0.2865.
		got, err := stats.GoodnessOfFit([]int{20, 15, 25}, []float64{1, 1, 1})
		if err != nil {
			t.Fatal(err)
		}
		if !near(got.Statistic, 2.5, 1e-9) || got.DF != 2 || !near(got.P, 0.2865, 0.00005) {
			t.Errorf("got X² = %v, df = %d, p = %.5f; want 2.5, 2, 0.2865", got.Statistic, got.DF, got.P)
		}
	})
	t.Run("goodness of fit, given probabilities", func(t *testing.T) {
		// R documentation, ?chisq.test: x <- c(89,37,30,28,2),
		// p <- c(0.40,0.20,0.20,0.19,0.01): X-squared = 5.7947, df = 4,
		// p-value = 0.215; the last expected count is 1.86, under 5.
		got, err := stats.GoodnessOfFit([]int{89, 37, 30, 28, 2}, []float64{0.40, 0.20, 0.20, 0.19, 0.01})
		if err != nil {
			t.Fatal(err)
		}
		if !near(got.Statistic, 5.7947, 0.00005) || got.DF != 4 || !near(got.P, 0.215, 0.0005) {
			t.Errorf("got X² = %.5f, df = %d, p = %.4f; want 5.7947, 4, 0.215", got.Statistic, got.DF, got.P)
		}
		if got.SmallExpected != 1 || !near(got.MinExpected, 1.86, 1e-9) {
			t.Errorf("small expected = %d (min %v), want 1 (min 1.86)", got.SmallExpected, got.MinExpected)
		}
	})
	t.Run("independence, R prop.test smokers", func(t *testing.T) {
		// R documentation, ?prop.test (data from Fleiss 1981):
		// smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82);
		// prop.test(smokers, patients) gives X-squared = 12.6, df = 3,
		// p-value = 0.005585.
		smokers := []int{83, 90, 129, 70}
		patients := []int{86, 93, 136, 82}
		table := [][]int{make([]int, 4), make([]int, 4)}
		for i := range smokers {
			table[0][i] = smokers[i]
			table[1][i] = patients[i] - smokers[i]
		}
		got, err := stats.Independence(table)
		if err != nil {
			t.Fatal(err)
		}
		if !near(got.Statistic, 12.6, 0.05) || got.DF != 3 || !near(got.P, 0.005585, 5e-7) {
			t.Errorf("got X² = %.4f, df = %d, p = %.6f; want 12.6, 3, 0.005585", got.Statistic, got.DF, got.P)
		}
	})
	t.Run("poisson homogeneity", func(t *testing.T) {
		tests := []struct {
			name     string
			counts   []int
			exposure []float64
			stat, p  float64
			tol      float64
		}{
			// R: chisq.test(c(10, 20)) gives X-squared = 3.3333, df = 1,
			// p-value = 0.06789 (by hand: expected 15 each, 2·25/15).
			{"equal exposure", []int{10, 20}, []float64{1000, 1000}, 10.0 / 3, 0.06789, 0.000005},
			// By hand: counts exactly proportional to exposure give X² = 0.
			{"proportional", []int{10, 30}, []float64{1, 3}, 0, 1, 1e-12},
			// By hand: expected 10 and 30, X² = 400/10 + 400/30 = 53.33;
			// with df = 1, p = erfc(sqrt(X²/2)) < 1e-12.
			{"disproportional", []int{30, 10}, []float64{1, 3}, 160.0 / 3, 0, 1e-12},
		}
		for _, tt := range tests {
			got, err := stats.PoissonHomogeneity(tt.counts, tt.exposure)
			if err != nil {
				t.Fatal(err)
			}
			if !near(got.Statistic, tt.stat, 1e-9) || !near(got.P, tt.p, tt.tol) {
				t.Errorf("%s: X² = %v, p = %v; want %v, %v", tt.name, got.Statistic, got.P, tt.stat, tt.p)
			}
		}
		if _, err := stats.PoissonHomogeneity([]int{1, 2}, []float64{1, 0}); err == nil {
			t.Error("zero exposure accepted")
		}
	})
	t.Run("doubtful approximation", func(t *testing.T) {
		got, err := stats.GoodnessOfFit([]int{1, 2, 3}, []float64{1, 1, 1})
		if err != nil {
			t.Fatal(err)
		}
		if !got.ApproximationDoubtful() {
			t.Error("expected counts of 2 not flagged as doubtful")
		}
	})
}

func TestQuantile(t *testing.T) {
	oneToTen := []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
	tests := []struct {
		xs   []float64
		p    float64
		want float64
	}{
		// R: quantile(1:10) prints 1.00 3.25 5.50 7.75 10.00 (type 7).
		{oneToTen, 0, 1},
		{oneToTen, 0.25, 3.25},
		{oneToTen, 0.5, 5.5},
		{oneToTen, 0.75, 7.75},
		{oneToTen, 1, 10},
		// By hand, type 7: n = 4, p = 0.25, h = 0.75, 1 + 0.75·(3−1) = 2.5.
		{[]float64{1, 3, 7, 15}, 0.25, 2.5},
		{[]float64{42}, 0.5, 42},
	}
	for _, tt := range tests {
		got, err := stats.Quantile(tt.xs, tt.p)
		if err != nil {
			t.Fatal(err)
		}
		if !near(got, tt.want, 1e-12) {
			t.Errorf("Quantile(%v, %v) = %v, want %v", tt.xs, tt.p, got, tt.want)
		}
	}
	if _, err := stats.Quantile(nil, 0.5); err == nil {
		t.Error("quantile of nothing gave no error")
	}
}

func TestHolm(t *testing.T) {
	// By hand (Holm 1979): sorted 0.01, 0.03, 0.04 times 3, 2, 1 give
	// 0.03, 0.06, 0.04; the running maximum makes the last 0.06.
	got := stats.Holm([]float64{0.01, 0.04, 0.03})
	want := []float64{0.03, 0.06, 0.06}
	for i := range want {
		if !near(got[i], want[i], 1e-12) {
			t.Errorf("Holm = %v, want %v", got, want)
			break
		}
	}
	// By hand: adjusted values are capped at 1.
	if got := stats.Holm([]float64{0.5, 0.6}); got[0] != 1 || got[1] != 1 {
		t.Errorf("Holm(0.5, 0.6) = %v, want [1 1]", got)
	}
}
