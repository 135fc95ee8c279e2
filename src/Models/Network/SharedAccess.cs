using FgsActors.Models.Checkpoints;

namespace FgsActors.Models.Network;

/// <summary>
/// The aggregator's access link of capacity C bit/s shared by the transfers in flight (processor sharing with rate caps).
/// Rates are max-min fair (water-filling): in order of increasing cap, each transfer gets min(cap, equal share of what
/// is left), so capacity a capped transfer cannot use is redistributed to the others. Time is in s and only moves
/// forward; the state changes only at Add and Remove, and between them every transfer drains at a constant rate.
/// Everything iterates in (cap, id) or id order, so results do not depend on the order transfers were added.
/// <para>Checkpoint state: the clock and every transfer in flight with its remaining bits and current rate (saved
/// rather than recomputed, so a restored channel drains bit for bit as the saved one would have).</para>
/// </summary>
public sealed class SharedAccess : IStateful
{
    // Remaining bits this close to 0 (relative to the transfer's size) count as done: floating drift must not leave a
    // transfer that ended together with another 1e-12 s behind it, which would reorder simultaneous completions.
    private const double DoneTolerance = 1e-9;

    private readonly SortedDictionary<long, Transfer> _transfers = new();

    public SharedAccess(double capacityBitsPerSecond)
    {
        if (!(capacityBitsPerSecond > 0.0))
            throw new ArgumentOutOfRangeException(nameof(capacityBitsPerSecond), capacityBitsPerSecond, "access capacity must be > 0 bit/s");
        CapacityBitsPerSecond = capacityBitsPerSecond;
    }

    /// <summary>Shared capacity C, bit/s (+∞ = no shared bottleneck: each transfer runs at its own cap).</summary>
    public double CapacityBitsPerSecond { get; }

    /// <summary>Time of the last state change, s.</summary>
    public double Now { get; private set; }

    /// <summary>Transfers in flight.</summary>
    public int Count => _transfers.Count;

    /// <summary>Starts a transfer of <paramref name="bits"/> whose own link allows at most <paramref name="rateCapBitsPerSecond"/> (+∞ = uncapped).</summary>
    public void Add(long id, double bits, double rateCapBitsPerSecond, double now)
    {
        if (!(bits >= 0.0) || double.IsInfinity(bits)) throw new ArgumentOutOfRangeException(nameof(bits), bits, "transfer size must be a finite number of bits ≥ 0");
        if (!(rateCapBitsPerSecond > 0.0)) throw new ArgumentOutOfRangeException(nameof(rateCapBitsPerSecond), rateCapBitsPerSecond, "rate cap must be > 0 bit/s");
        if (_transfers.ContainsKey(id)) throw new InvalidOperationException($"transfer {id} is already in flight");
        Advance(now);
        _transfers.Add(id, new Transfer(id, bits, rateCapBitsPerSecond));
        Reallocate();
    }

    /// <summary>
    /// Ends a transfer at <paramref name="now"/> — because it completed or was aborted — and returns the bits it still had
    /// left (0 for a completed one), so an aborted upload's delivered bytes are its size minus this.
    /// </summary>
    public double Remove(long id, double now)
    {
        if (!_transfers.ContainsKey(id)) throw new InvalidOperationException($"transfer {id} is not in flight");
        Advance(now);
        var remaining = _transfers[id].Remaining;
        _transfers.Remove(id);
        Reallocate();
        return remaining;
    }

    /// <summary>Whether a transfer is in flight.</summary>
    public bool Contains(long id) => _transfers.ContainsKey(id);

    /// <summary>Current rate of a transfer, bit/s.</summary>
    public double RateOf(long id) => Get(id).Rate;

    /// <summary>Bits a transfer has left at <see cref="Now"/>.</summary>
    public double RemainingBits(long id) => Get(id).Remaining;

    /// <summary>
    /// The transfer that finishes first if nothing is added or removed, and when (s); the smallest id wins a tie. Null
    /// when nothing is in flight. The caller removes it at that time.
    /// </summary>
    public (long Id, double Time)? NextCompletion()
    {
        (long Id, double Time)? best = null;
        foreach (var t in _transfers.Values) // id order, so a strict < keeps the smallest id on ties
        {
            var time = t.Remaining == 0.0 ? Now : Now + t.Remaining / t.Rate;
            if (best is null || time < best.Value.Time) best = (t.Id, time);
        }
        return best;
    }

    /// <summary>Drains every transfer at its current rate up to <paramref name="now"/> (≥ <see cref="Now"/>).</summary>
    public void Advance(double now)
    {
        if (double.IsNaN(now) || now < Now)
            throw new ArgumentOutOfRangeException(nameof(now), now, $"time must not go back (now = {Now} s)");
        var dt = now - Now;
        if (dt > 0.0)
        {
            foreach (var t in _transfers.Values)
            {
                var left = t.Remaining - t.Rate * dt;
                t.Remaining = left <= DoneTolerance * t.Size ? 0.0 : left;
            }
        }
        Now = now;
    }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(CapacityBitsPerSecond);
        writer.Write(Now);
        writer.Write(_transfers.Count);
        foreach (var t in _transfers.Values) // id order
        {
            writer.Write(t.Id);
            writer.Write(t.Size);
            writer.Write(t.Cap);
            writer.Write(t.Remaining);
            writer.Write(t.Rate);
        }
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIo.Expect(reader.ReadDouble(), CapacityBitsPerSecond, "access capacity (bit/s)");
        var now = reader.ReadDouble();
        if (!double.IsFinite(now)) throw new CheckpointFormatException($"a saved access clock of {now} s is not finite (corrupted checkpoint)");
        var count = reader.ReadInt32();
        if (count < 0) throw new CheckpointFormatException($"a saved access holds {count} transfers (corrupted checkpoint)");
        var transfers = new List<Transfer>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadInt64();
            if (i > 0 && id <= transfers[^1].Id) throw new CheckpointFormatException($"saved transfers are not in id order at id {id} (corrupted checkpoint)");
            var transfer = new Transfer(id, reader.ReadDouble(), reader.ReadDouble()) { Remaining = reader.ReadDouble(), Rate = reader.ReadDouble() };
            transfers.Add(transfer);
        }
        _transfers.Clear();
        foreach (var t in transfers) _transfers.Add(t.Id, t);
        Now = now;
    }

    private Transfer Get(long id)
        => _transfers.TryGetValue(id, out var t) ? t : throw new InvalidOperationException($"transfer {id} is not in flight");

    // Water-filling: walk transfers by increasing cap; while a cap is below the equal share of the capacity still
    // unassigned, that transfer is held at its cap and the rest share what remains; once one is not, all the rest
    // (whose caps are at least as large) get the same equal share.
    private void Reallocate()
    {
        Transfer[] byCap = [.. _transfers.Values];
        Array.Sort(byCap, static (a, b) => a.Cap != b.Cap ? a.Cap.CompareTo(b.Cap) : a.Id.CompareTo(b.Id));
        var left = CapacityBitsPerSecond;
        for (var i = 0; i < byCap.Length; i++)
        {
            if (double.IsPositiveInfinity(left))
            {
                // Unlimited capacity (or only infinite caps so far): each remaining transfer runs at its own cap.
                for (var j = i; j < byCap.Length; j++) byCap[j].Rate = byCap[j].Cap;
                break;
            }
            var share = left / (byCap.Length - i);
            if (byCap[i].Cap <= share)
            {
                byCap[i].Rate = byCap[i].Cap;
                left -= byCap[i].Cap;
                continue;
            }
            for (var j = i; j < byCap.Length; j++) byCap[j].Rate = share;
            break;
        }
    }

    private sealed class Transfer(long id, double size, double cap)
    {
        public long Id { get; } = id;
        public double Size { get; } = size;
        public double Cap { get; } = cap;
        public double Remaining { get; set; } = size;
        public double Rate { get; set; }
    }
}
