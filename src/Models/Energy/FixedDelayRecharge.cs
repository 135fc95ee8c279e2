namespace FgsActors.Models.Energy;

/// <summary>Back at full charge a fixed time after death, whatever the time of day.</summary>
public sealed class FixedDelayRecharge : RechargePolicy
{
    internal FixedDelayRecharge(double delaySeconds)
    {
        DelaySeconds = Require.NonNegative(delaySeconds, nameof(delaySeconds));
    }

    /// <summary>Delay from death to full charge (s).</summary>
    public double DelaySeconds { get; }

    private protected override double Completion(double deathTimeSeconds) => deathTimeSeconds + DelaySeconds;

    /// <inheritdoc/>
    public override string ToString() => $"after {DelaySeconds} s";
}
