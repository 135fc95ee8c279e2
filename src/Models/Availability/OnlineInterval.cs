namespace FgsActors.Models.Availability;

/// <summary>A half-open online interval [FromS, ToS) in seconds of virtual time.</summary>
public readonly record struct OnlineInterval(double FromS, double ToS);
