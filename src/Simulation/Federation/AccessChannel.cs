using FgsActors.Models.Checkpoints;
using FgsActors.Models.Network;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Federation;

/// <summary>What ended a transfer in an access channel.</summary>
internal enum TransferEnd
{
    /// <summary>Every bit arrived.</summary>
    Completed,
    /// <summary>Packet loss past the retry limit: the link gave up.</summary>
    Failed,
    /// <summary>The device stopped (offline or battery empty): cut at its sustain-until instant.</summary>
    DeviceGone,
}

/// <summary>A transfer that left the channel and the bits it put on the air.</summary>
internal readonly record struct FinishedTransfer(TransferRequest Request, TransferEnd End, double SentBits);

/// <summary>A finished transfer waiting out its retransmission delays, and the invitation (its token) it belongs to.</summary>
internal sealed record RetryWait(FinishedTransfer Transfer, long Token);

/// <summary>
/// One direction of the aggregator's access: a <see cref="SharedAccess"/> (max-min fair share of the capacity, each
/// transfer capped at its link's rate) plus the instants at which devices stop. Times in ticks here, seconds inside.
/// <para>Checkpoint state: the shared access, the requests (by device: the dictionary is only looked up, so its order
/// does not matter, and sorting makes the saved bytes canonical) and the stop queue in its heap order, stale entries
/// included (re-enqueued in that order into an empty queue they rebuild the same heap, so equal stop instants keep
/// leaving it in the same order).</para>
/// </summary>
internal sealed class AccessChannel(double capacityBps) : IStateful
{
    // A completion computed in floating point may land a fraction of a nanosecond after the tick it is rounded to.
    private const double CompletionSlackS = 1e-9;

    private readonly SharedAccess _access = new(capacityBps);
    private readonly Dictionary<int, TransferRequest> _requests = new();
    private readonly PriorityQueue<int, long> _stops = new();

    public int Count => _requests.Count;

    public bool Contains(int device) => _requests.ContainsKey(device);

    public void Start(TransferRequest request, long now)
    {
        _access.Add(request.Device, request.AirBits, request.CapBps, VirtualTime.ToSeconds(now));
        _requests.Add(request.Device, request);
        if (request.SustainUntilTicks != VirtualTime.Infinity) _stops.Enqueue(request.Device, request.SustainUntilTicks);
    }

    /// <summary>Time of the next completion or stop (ticks), or ∞.</summary>
    public long NextEventTicks()
    {
        var next = VirtualTime.Infinity;
        if (_access.NextCompletion() is { } completion)
            next = (long)Math.Min(Math.Ceiling(completion.Time * VirtualTime.TicksPerSecond), long.MaxValue / 2.0);
        return Math.Min(next, NextStop());
    }

    /// <summary>The next transfer that ends at or before <paramref name="now"/>, or null when none is due.</summary>
    public FinishedTransfer? TakeDue(long now)
    {
        var nowS = VirtualTime.ToSeconds(now);
        _access.Advance(nowS);
        if (_access.NextCompletion() is { } done && done.Time <= nowS + CompletionSlackS)
        {
            var request = _requests[(int)done.Id];
            Remove(request.Device, now);
            return new FinishedTransfer(request, request.Fails ? TransferEnd.Failed : TransferEnd.Completed, request.AirBits);
        }
        if (NextStop() <= now && _stops.TryDequeue(out var device, out _))
        {
            var request = _requests[device];
            return new FinishedTransfer(request, TransferEnd.DeviceGone, Cancel(device, now));
        }
        return null;
    }

    /// <summary>Ends a device's transfer now; returns the bits it had sent.</summary>
    public double Cancel(int device, long now)
    {
        var request = _requests[device];
        return request.AirBits - Remove(device, now);
    }

    public void SaveState(BinaryWriter writer)
    {
        _access.SaveState(writer);
        writer.Write(_requests.Count);
        foreach (var device in _requests.Keys.Order()) writer.WriteTransferRequest(_requests[device]);
        writer.Write(_stops.Count);
        foreach (var (device, at) in _stops.UnorderedItems)
        {
            writer.Write(device);
            writer.Write(at);
        }
    }

    public void LoadState(BinaryReader reader)
    {
        _access.LoadState(reader);
        _requests.Clear();
        var requests = reader.ReadCount("channel requests");
        for (var i = 0; i < requests; i++)
        {
            var request = reader.ReadTransferRequest();
            if (!_requests.TryAdd(request.Device, request)) throw new CheckpointFormatException($"a saved channel holds device {request.Device} twice (corrupted checkpoint)");
            if (!_access.Contains(request.Device)) throw new CheckpointFormatException($"a saved channel request of device {request.Device} has no transfer (corrupted checkpoint)");
        }
        StateIo.Expect(_access.Count, _requests.Count, "transfers in a channel");
        _stops.Clear();
        var stops = reader.ReadCount("channel stops");
        for (var i = 0; i < stops; i++) _stops.Enqueue(reader.ReadInt32(), reader.ReadInt64());
    }

    private double Remove(int device, long now)
    {
        _requests.Remove(device);
        return _access.Remove(device, VirtualTime.ToSeconds(now));
    }

    // Earliest stop of a transfer still in flight; entries of transfers that ended otherwise are dropped here.
    private long NextStop()
    {
        while (_stops.TryPeek(out var device, out var at))
        {
            if (_requests.TryGetValue(device, out var r) && r.SustainUntilTicks == at) return at;
            _stops.Dequeue();
        }
        return VirtualTime.Infinity;
    }
}
