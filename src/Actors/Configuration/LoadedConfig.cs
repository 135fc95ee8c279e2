using Akka.Configuration;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Actors.Configuration;

/// <summary>A loaded configuration: the Akka.NET form (for the actor system's own <c>akka.*</c> settings) and the flat, origin-annotated form that <see cref="FgsSettings.Bind"/> reads.</summary>
public sealed record LoadedConfig(Config Config, ConfigTree Tree);
