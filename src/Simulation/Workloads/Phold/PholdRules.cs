using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Workloads.Phold;

/// <summary>
/// The PHOLD draws, shared by the kernel's LP entity and the sequential reference so both consume each
/// LP's stream identically: first the remote coin, then the target (only when remote), then the delay.
/// </summary>
public static class PholdRules
{
    public const string StreamPurpose = "phold";

    public static (int Target, long Delay) Next(RandomStream random, int self, PholdSettings settings)
    {
        var target = self;
        if (random.NextBernoulli(settings.Remote)) target = random.NextInt(settings.Lps);
        return (target, Delay(random, settings));
    }

    public static long Delay(RandomStream random, PholdSettings settings) =>
        settings.LookaheadTicks + VirtualTime.FromSeconds(random.NextExponential(settings.MeanSeconds - settings.LookaheadSeconds));
}
