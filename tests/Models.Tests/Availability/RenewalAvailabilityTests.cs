using FgsActors.Models.Availability;

namespace FgsActors.Models.Tests.Availability;

public class RenewalAvailabilityTests
{
    public static TheoryData<string> Processes => ["exp", "weibull-heavy", "weibull-regular"];

    private static RenewalProcess Make(string name) => name switch
    {
        // 2 h on / 1 h off, the churn of the SimGrid comparison.
        "exp" => new(OnOffDistribution.Exponential(7200), OnOffDistribution.Exponential(3600)),
        "weibull-heavy" => new(OnOffDistribution.Weibull(0.6, 5000), OnOffDistribution.Weibull(0.8, 2000)),
        "weibull-regular" => new(OnOffDistribution.Weibull(2.5, 4000), OnOffDistribution.Weibull(1.5, 1500)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Processes))]
    public void Long_run_online_fraction_is_within_2_percent_of_on_over_on_plus_off(string name)
    {
        var process = Make(name);
        var horizon = 50_000 * (process.On.MeanS + process.Off.MeanS); // ≈ 50,000 cycles
        var (_, _, online) = ChurnSimulation.Run(process, horizon, seed: 42);
        var expected = process.On.MeanS / (process.On.MeanS + process.Off.MeanS);
        Assert.InRange(online / horizon, expected * 0.98, expected * 1.02);
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Start_is_stationary_across_a_population(string name)
    {
        // If the first period were a whole period instead of a residual, the online fraction would drift
        // during the first cycles (strongly for heavy-tailed Weibull); stationary start keeps it flat.
        var process = Make(name);
        var rng = new XorShiftUniform(7);
        const int devices = 20_000;
        var probes = new[] { 0.0, 0.3, 1.0, 3.0 }.Select(c => c * (process.On.MeanS + process.Off.MeanS)).ToArray();
        var onlineAt = new int[probes.Length];
        for (var d = 0; d < devices; d++)
        {
            var device = new RenewalAvailability(process);
            var next = device.NextTransition(0, rng.Next);
            var online = device.IsOnline;
            foreach (var (probe, i) in probes.Select((p, i) => (p, i)))
            {
                while (next.TimeS <= probe)
                {
                    next = device.NextTransition(next.TimeS, rng.Next);
                    online = device.IsOnline;
                }
                if (online) onlineAt[i]++;
            }
        }
        foreach (var count in onlineAt)
            Assert.Equal(process.StationaryOnlineProbability, count / (double)devices, 0.015);
    }

    [Fact]
    public void Transitions_alternate_and_consume_two_then_one_uniform()
    {
        var device = new RenewalAvailability(OnOffDistribution.Exponential(100), OnOffDistribution.Exponential(50));
        var rng = new XorShiftUniform(3);
        var next = device.NextTransition(10, rng.Next);
        Assert.Equal(2, rng.Draws);
        Assert.Equal(!device.IsOnline, next.GoesOnline);
        Assert.True(next.TimeS >= 10);
        for (var i = 0; i < 100; i++)
        {
            var previous = next;
            next = device.NextTransition(previous.TimeS, rng.Next);
            Assert.Equal(previous.GoesOnline, device.IsOnline);
            Assert.Equal(!previous.GoesOnline, next.GoesOnline);
            Assert.True(next.TimeS >= previous.TimeS);
        }
        Assert.Equal(102, rng.Draws);
    }

    [Fact]
    public void Applying_a_transition_before_it_is_due_throws()
    {
        var device = new RenewalAvailability(OnOffDistribution.Exponential(100), OnOffDistribution.Exponential(50));
        var rng = new XorShiftUniform(5);
        var next = device.NextTransition(0, rng.Next);
        Assert.Throws<InvalidOperationException>(() => device.NextTransition(next.TimeS - 1, rng.Next));
        Assert.Throws<InvalidOperationException>(() => new RenewalAvailability(device.Process).IsOnline);
    }

    [Fact]
    public void Same_seed_gives_the_same_transitions()
    {
        var process = new RenewalProcess(OnOffDistribution.Weibull(0.7, 300), OnOffDistribution.Exponential(200),
            new DiurnalModulation(18, 0.5, DiurnalTarget.Both));
        static List<AvailabilityTransition> Trace(RenewalProcess p)
        {
            var rng = new XorShiftUniform(11);
            var device = new RenewalAvailability(p);
            var list = new List<AvailabilityTransition> { device.NextTransition(0, rng.Next) };
            for (var i = 0; i < 50; i++) list.Add(device.NextTransition(list[^1].TimeS, rng.Next));
            return list;
        }
        Assert.Equal(Trace(process), Trace(process));
    }
}
