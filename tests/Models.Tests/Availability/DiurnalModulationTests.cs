using FgsActors.Models.Availability;

namespace FgsActors.Models.Tests.Availability;

public class DiurnalModulationTests
{
    private const double Hour = 3600;

    [Fact]
    public void Rate_peaks_at_the_peak_hour_for_off_periods_and_dips_for_on_periods()
    {
        var m = new DiurnalModulation(20, 0.6, DiurnalTarget.Both);
        Assert.Equal(1.6, m.Rate(20 * Hour, online: false), 12);
        Assert.Equal(0.4, m.Rate(8 * Hour, online: false), 12);
        Assert.Equal(0.4, m.Rate(20 * Hour + DiurnalModulation.DayS, online: true), 12);
        Assert.Equal(1.0, new DiurnalModulation(20, 0.6, DiurnalTarget.OffToOnRate).Rate(20 * Hour, online: true));
    }

    [Theory]
    [InlineData(0.0, 600.0)]
    [InlineData(5000.0, 36_000.0)]
    [InlineData(1e7, 250_000.0)]
    [InlineData(123.0, 0.001)]
    public void End_of_period_integrates_the_rate_to_the_operational_length(double start, double length)
    {
        var m = new DiurnalModulation(14, 0.9);
        var end = m.EndOfPeriod(start, length, online: false);
        // Trapezoid integral of the rate over [start, end] must give back the operational length.
        const int n = 100_000;
        var h = (end - start) / n;
        var integral = 0.5 * (m.Rate(start, false) + m.Rate(end, false));
        for (var i = 1; i < n; i++) integral += m.Rate(start + i * h, false);
        integral *= h;
        Assert.Equal(length, integral, length * 1e-6);
    }

    [Fact]
    public void A_whole_day_of_operational_time_takes_a_whole_day()
    {
        // The cosine integrates to zero over a day, whatever the phase.
        var m = new DiurnalModulation(3, 0.8, DiurnalTarget.Both);
        Assert.Equal(5000 + DiurnalModulation.DayS, m.EndOfPeriod(5000, DiurnalModulation.DayS, online: true), 6);
    }

    [Theory]
    [InlineData(DiurnalTarget.OffToOnRate)]
    [InlineData(DiurnalTarget.OnPeriodLength)]
    [InlineData(DiurnalTarget.Both)]
    public void Online_fraction_is_highest_around_the_peak_hour(DiurnalTarget target)
    {
        const int peakHour = 20;
        var process = new RenewalProcess(OnOffDistribution.Exponential(2 * Hour), OnOffDistribution.Exponential(Hour),
            new DiurnalModulation(peakHour, 0.8, target));
        var (online, time, _) = ChurnSimulation.Run(process, 10_000 * DiurnalModulation.DayS, seed: 9);
        var byHour = online.Zip(time, (o, t) => o / t).ToArray();

        // Three hours around the peak against three hours around the trough, twelve hours away. The
        // online fraction lags the rate by about one period, hence the window reaches past the peak.
        double Window(int centre) => Enumerable.Range(centre, 3).Average(h => byHour[h % 24]);
        var nearPeak = Window(peakHour);
        var nearTrough = Window(peakHour + 12);
        Assert.True(nearPeak - nearTrough > 0.08, $"peak {nearPeak:F3} vs trough {nearTrough:F3}");

        // The busiest hour lies within a few hours after the peak of the rate (one hour of slack before
        // it: near the maximum neighbouring hours differ by less than the sampling noise).
        var busiest = Array.IndexOf(byHour, byHour.Max());
        var lag = (busiest - peakHour + 24 + 1) % 24 - 1;
        Assert.InRange(lag, -1, 4);
    }

    [Fact]
    public void Without_modulation_every_hour_has_the_stationary_fraction()
    {
        var process = new RenewalProcess(OnOffDistribution.Exponential(2 * Hour), OnOffDistribution.Exponential(Hour));
        var (online, time, _) = ChurnSimulation.Run(process, 10_000 * DiurnalModulation.DayS, seed: 9);
        foreach (var (o, t) in online.Zip(time))
            Assert.Equal(2.0 / 3, o / t, 0.02);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiurnalModulation(24, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiurnalModulation(-1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiurnalModulation(12, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiurnalModulation(12, -0.1));
    }
}
