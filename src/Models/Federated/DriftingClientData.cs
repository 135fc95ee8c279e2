using System.Collections.Concurrent;
using FgsActors.Models.Learning;
using FgsActors.Models.Randomness;

namespace FgsActors.Models.Federated;

/// <summary>
/// Client data that changes at one virtual instant for a cohort of clients (<see cref="DriftSettings"/>). Before the
/// change, and always for clients outside the cohort, client k holds shard k. After it, a cohort client's sample of
/// class c is replaced by a sample of class (c + shift) mod C drawn from the whole training pool (by a seeded draw per
/// client and position, so the same client always gets the same replacement), and its images are seen through
/// <see cref="PixelShiftedSource"/>. Pure in (client, time) and thread-safe; replacements are computed once per client.
/// </summary>
public sealed class DriftingClientData : IClientDataSource
{
    private const ulong CohortPurpose = 0x636f686f7274; // "cohort"
    private const ulong ReplacePurpose = 0x7265706c616365; // "replace"

    private readonly IBatchSource _source;
    private readonly IBatchSource _shifted;
    private readonly int[][] _shards;
    private readonly int[] _labels;
    private readonly int[][] _byClass;
    private readonly bool[] _cohort;
    private readonly DriftSettings _drift;
    private readonly ulong _seed;
    private readonly ConcurrentDictionary<int, int[]> _after = new();

    /// <param name="source">The training set the shards index.</param>
    /// <param name="labels">Its labels (one per sample, in [0, classes)).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="shards">Client k's sample indices.</param>
    /// <param name="drift">The change.</param>
    /// <param name="seed">Seeds the cohort and the replacement draws.</param>
    public DriftingClientData(IBatchSource source, ReadOnlySpan<byte> labels, int classes, int[][] shards, DriftSettings drift, ulong seed)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _shards = shards ?? throw new ArgumentNullException(nameof(shards));
        _drift = drift ?? throw new ArgumentNullException(nameof(drift));
        if (labels.Length != source.Count) throw new ArgumentException($"{labels.Length} labels for {source.Count} samples", nameof(labels));
        if (!(drift.AtSeconds >= 0)) throw new ArgumentOutOfRangeException(nameof(drift), drift.AtSeconds, "the drift instant must be >= 0 s");
        if (!(drift.CohortShare >= 0 && drift.CohortShare <= 1)) throw new ArgumentOutOfRangeException(nameof(drift), drift.CohortShare, "the cohort share must be in [0, 1]");
        ArgumentOutOfRangeException.ThrowIfNegative(drift.ClassShift);
        _seed = seed;
        _labels = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++) _labels[i] = labels[i];
        _byClass = Enumerable.Range(0, classes).Select(c => Enumerable.Range(0, _labels.Length).Where(i => _labels[i] == c).ToArray()).ToArray();
        _shifted = drift.Contrast == 1 && drift.Brightness == 0 ? source : new PixelShiftedSource(source, drift.Contrast, drift.Brightness);
        _cohort = new bool[shards.Length];
        for (var k = 0; k < shards.Length; k++)
            _cohort[k] = new Xoshiro256StarStar(SplitMix64.Mix(SplitMix64.Mix(seed ^ CohortPurpose) ^ (ulong)k)).NextDouble() < drift.CohortShare;
    }

    public int Clients => _shards.Length;

    public int SamplesOf(int client) => _shards[client].Length;

    /// <summary>Whether client <paramref name="client"/> is in the drifting cohort.</summary>
    public bool InCohort(int client) => _cohort[client];

    /// <summary>Clients in the cohort.</summary>
    public int CohortSize => _cohort.Count(c => c);

    public ClientData At(int client, double atSeconds)
    {
        if (!_cohort[client] || atSeconds < _drift.AtSeconds) return new ClientData(_source, _shards[client]);
        return new ClientData(_shifted, _after.GetOrAdd(client, Rotate));
    }

    private int[] Rotate(int client)
    {
        var shard = _shards[client];
        if (_drift.ClassShift == 0) return shard;
        var random = new Xoshiro256StarStar(SplitMix64.Mix(SplitMix64.Mix(_seed ^ ReplacePurpose) ^ (ulong)client));
        var classes = _byClass.Length;
        var result = new int[shard.Length];
        for (var j = 0; j < shard.Length; j++)
        {
            var pool = _byClass[(_labels[shard[j]] + _drift.ClassShift) % classes];
            result[j] = pool.Length == 0 ? shard[j] : pool[random.NextInt(pool.Length)];
        }
        return result;
    }
}
