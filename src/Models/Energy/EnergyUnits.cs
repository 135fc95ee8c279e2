namespace FgsActors.Models.Energy;

/// <summary>Energy unit conversions. Config gives battery capacities in Wh (datasheet unit); the models work in J.</summary>
public static class EnergyUnits
{
    /// <summary>1 Wh = 1 W × 3600 s = 3600 J (SI definition of the watt-hour).</summary>
    public const double JoulesPerWattHour = 3600.0;

    /// <summary>Wh → J.</summary>
    public static double WattHoursToJoules(double wattHours) => wattHours * JoulesPerWattHour;

    /// <summary>J → Wh.</summary>
    public static double JoulesToWattHours(double joules) => joules / JoulesPerWattHour;
}
