namespace FgsActors.Models.Energy;

/// <summary>A dead device stays dead: worst case for unattended sensor fleets.</summary>
public sealed class NeverRecharge : RechargePolicy
{
    internal NeverRecharge()
    {
    }

    private protected override double Completion(double deathTimeSeconds) => double.PositiveInfinity;

    /// <inheritdoc/>
    public override string ToString() => "never";
}
