using FgsActors.Models.Learning;

namespace FgsActors.Models.Federated;

/// <summary>A client's local data at one instant: the samples of <see cref="Source"/> named by <see cref="Indices"/>.</summary>
public sealed record ClientData(IBatchSource Source, int[] Indices);

/// <summary>
/// Each client's local data set over virtual time. Static partitions return the same shard whatever the time; drifting
/// data (<see cref="DriftingClientData"/>) changes what a client holds as time passes. Implementations are pure
/// functions of (client, time), so trainers on any thread see the same data for the same call.
/// </summary>
public interface IClientDataSource
{
    /// <summary>Number of clients.</summary>
    int Clients { get; }

    /// <summary>Samples client <paramref name="client"/> holds (constant over time: drift changes content, not size).</summary>
    int SamplesOf(int client);

    /// <summary>Client <paramref name="client"/>'s data at virtual time <paramref name="atSeconds"/>.</summary>
    ClientData At(int client, double atSeconds);
}

/// <summary>A fixed partition of one data set: client k always holds shard k.</summary>
public sealed class StaticClientData : IClientDataSource
{
    private readonly IBatchSource _source;
    private readonly int[][] _shards;

    public StaticClientData(IBatchSource source, int[][] shards)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _shards = shards ?? throw new ArgumentNullException(nameof(shards));
    }

    public int Clients => _shards.Length;

    public int SamplesOf(int client) => _shards[client].Length;

    public ClientData At(int client, double atSeconds) => new(_source, _shards[client]);
}
