using FgsActors.Models.Checkpoints;

namespace FgsActors.Simulation.Federation;

/// <summary>One step of <see cref="AvailabilityTimeline"/>: from <see cref="Ticks"/> on, <see cref="Devices"/> devices count as available.</summary>
public readonly record struct AvailabilityPoint(long Ticks, int Devices);

/// <summary>
/// How many devices the aggregator counts as available over virtual time: those whose last availability report said
/// "available" (working for the aggregator or not). It is the aggregator's view, built only from the reports it has
/// received, so it lags the devices' true state by up to one check-in period plus the report's latency.
/// <para>A step function kept as its change points: the first point is (0, 0), before any report; after that, one
/// point per instant at which the count changed. Several reports arriving at the same instant make one point (the
/// count after all of them), and an instant whose reports cancel out leaves no point. A fleet's reports arrive at the
/// check-in instants (plus each radio's latency), so the timeline stays small: a few points per check-in period.</para>
/// </summary>
public sealed class AvailabilityTimeline : IStateful
{
    private readonly List<AvailabilityPoint> _points = [new(0, 0)];

    /// <summary>Devices whose last report said available, now.</summary>
    public int Count { get; private set; }

    /// <summary>The change points in time order; the first is always at t = 0.</summary>
    public IReadOnlyList<AvailabilityPoint> Points => _points;

    /// <summary>
    /// A device's report reached the aggregator at <paramref name="ticks"/>: it said <paramref name="available"/>, and
    /// its previous report (false before any) said <paramref name="wasAvailable"/>. Reports come in time order.
    /// </summary>
    public void Report(long ticks, bool wasAvailable, bool available)
    {
        var last = _points[^1];
        if (ticks < last.Ticks)
            throw new ArgumentOutOfRangeException(nameof(ticks), ticks, $"reports must come in time order (the last was at t={last.Ticks})");
        if (wasAvailable == available) return;
        Count += available ? 1 : -1;
        if (ticks > last.Ticks)
            _points.Add(new AvailabilityPoint(ticks, Count));
        else if (_points.Count > 1 && _points[^2].Devices == Count)
            _points.RemoveAt(_points.Count - 1); // this instant's reports cancelled out: no change here
        else
            _points[^1] = last with { Devices = Count };
    }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Count);
        writer.Write(_points.Count);
        foreach (var point in _points)
        {
            writer.Write(point.Ticks);
            writer.Write(point.Devices);
        }
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.ReadInt32();
        var points = reader.ReadInt32();
        if (points < 1) throw new CheckpointFormatException($"an availability timeline has {points} points; it always has at least its first one (corrupted checkpoint)");
        var stream = reader.BaseStream;
        if (stream.CanSeek && points > (stream.Length - stream.Position) / (sizeof(long) + sizeof(int)))
            throw new CheckpointFormatException($"an availability timeline claims {points} points but only {stream.Length - stream.Position} bytes remain (truncated checkpoint)");
        _points.Clear();
        for (var i = 0; i < points; i++) _points.Add(new AvailabilityPoint(reader.ReadInt64(), reader.ReadInt32()));
        if (_points[^1].Devices != count)
            throw new CheckpointFormatException($"an availability timeline's count is {count} but its last point says {_points[^1].Devices} (corrupted checkpoint)");
        Count = count;
    }
}
