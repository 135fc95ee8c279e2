namespace FgsActors.Simulation.Configuration;

/// <summary>Family of the on or off period lengths of renewal churn (<c>fgs.churn.on-distribution</c>, <c>off-distribution</c>).</summary>
public enum PeriodDistribution
{
    /// <summary>Memoryless periods with the configured mean.</summary>
    Exponential,

    /// <summary>Weibull periods with the configured shape, scaled so that the mean is the configured one.</summary>
    Weibull,
}
