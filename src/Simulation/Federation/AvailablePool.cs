using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// The devices the aggregator may invite: an indexable set with O(1) add and remove and uniform sampling without
/// replacement (a partial Fisher–Yates shuffle over the members). Its order depends only on the sequence of operations,
/// which the kernel makes the same in every layout, so selections are deterministic.
/// <para>Checkpoint state: the members in their current order (the order decides future draws); positions follow.</para>
/// </summary>
internal sealed class AvailablePool : IStateful
{
    private readonly int[] _members;
    private readonly int[] _position;
    private int _count;

    public AvailablePool(int devices)
    {
        _members = new int[devices];
        _position = new int[devices];
        Array.Fill(_position, -1);
    }

    public int Count => _count;

    public bool Contains(int device) => _position[device] >= 0;

    public void Add(int device)
    {
        if (_position[device] >= 0) return;
        _members[_count] = device;
        _position[device] = _count++;
    }

    public void Remove(int device)
    {
        var at = _position[device];
        if (at < 0) return;
        var last = _members[--_count];
        _members[at] = last;
        _position[last] = at;
        _position[device] = -1;
    }

    /// <summary>Removes and returns <paramref name="count"/> members drawn uniformly without replacement (fewer if the pool is smaller).</summary>
    public int[] Take(int count, RandomStream random)
    {
        var n = Math.Min(count, _count);
        var taken = new int[n];
        for (var j = 0; j < n; j++)
        {
            // Swap a uniformly chosen member of the untaken tail into place j.
            var r = j + random.NextInt(_count - j);
            Swap(j, r);
            taken[j] = _members[j];
        }
        foreach (var device in taken) Remove(device);
        return taken;
    }

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(_members.Length);
        writer.Write(_count);
        for (var i = 0; i < _count; i++) writer.Write(_members[i]);
    }

    public void LoadState(BinaryReader reader)
    {
        StateIo.Expect(reader.ReadInt32(), _members.Length, "devices in the aggregator's pool");
        var count = reader.ReadInt32();
        if (count < 0 || count > _members.Length) throw new CheckpointFormatException($"a saved pool holds {count} of {_members.Length} devices (corrupted checkpoint)");
        var members = new int[count];
        for (var i = 0; i < count; i++) members[i] = reader.ReadInt32();
        Array.Fill(_position, -1);
        for (var i = 0; i < count; i++)
        {
            var device = members[i];
            if ((uint)device >= (uint)_members.Length || _position[device] >= 0)
                throw new CheckpointFormatException($"a saved pool lists device {device} out of range or twice (corrupted checkpoint)");
            _members[i] = device;
            _position[device] = i;
        }
        _count = count;
    }

    private void Swap(int a, int b)
    {
        if (a == b) return;
        (_members[a], _members[b]) = (_members[b], _members[a]);
        _position[_members[a]] = a;
        _position[_members[b]] = b;
    }
}
