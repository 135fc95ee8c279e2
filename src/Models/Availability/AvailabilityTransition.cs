namespace FgsActors.Models.Availability;

/// <summary>A change of a device's availability at virtual time <paramref name="TimeS"/> (seconds).</summary>
/// <param name="TimeS">When it happens, seconds of virtual time.</param>
/// <param name="GoesOnline">True: offline → online; false: online → offline.</param>
public readonly record struct AvailabilityTransition(double TimeS, bool GoesOnline);
