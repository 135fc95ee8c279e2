namespace FgsActors.Simulation.Configuration;

/// <summary>What <c>fgs.battery.recharge</c> chose: which <see cref="Models.Energy.RechargePolicy"/> a dead device follows.</summary>
public enum RechargeMode
{
    /// <summary>Dead for the rest of the run.</summary>
    Never,

    /// <summary>Back at full charge <c>recharge-delay</c> after death.</summary>
    Fixed,

    /// <summary>Back at full charge when the daily charging window next opens.</summary>
    Diurnal,
}
