namespace FgsActors.Simulation.Events;

/// <summary>
/// Pending-event list: a 4-ary min-heap of <see cref="SimEvent"/> values in one array, ordered by
/// <see cref="EventOrder"/>. No allocation per event (the array grows by doubling); a 4-ary heap has
/// half the depth of a binary heap and keeps the children of a node on one or two cache lines.
/// </summary>
public sealed class EventQueue
{
    private SimEvent[] _items;
    private int _count;

    public EventQueue(int capacity = 16) => _items = new SimEvent[Math.Max(4, capacity)];

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    /// <summary>Time of the earliest event, or <see cref="Time.VirtualTime.Infinity"/> when empty.</summary>
    public long PeekTime => _count == 0 ? Time.VirtualTime.Infinity : _items[0].Time;

    public ref readonly SimEvent Peek()
    {
        if (_count == 0) throw new InvalidOperationException("the event queue is empty");
        return ref _items[0];
    }

    public void Enqueue(in SimEvent item)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        var index = _count++;
        var items = _items;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            if (EventOrder.Compare(item, items[parent]) >= 0) break;
            items[index] = items[parent];
            index = parent;
        }
        items[index] = item;
    }

    public SimEvent Dequeue()
    {
        if (_count == 0) throw new InvalidOperationException("the event queue is empty");
        var items = _items;
        var top = items[0];
        var last = items[--_count];
        items[_count] = default;
        if (_count > 0) SiftDown(last);
        return top;
    }

    public bool TryDequeue(out SimEvent item)
    {
        if (_count == 0)
        {
            item = default;
            return false;
        }
        item = Dequeue();
        return true;
    }

    /// <summary>The pending events in heap-array order (not sorted), for checkpoints.</summary>
    public ReadOnlySpan<SimEvent> Unordered => _items.AsSpan(0, _count);

    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }

    private void SiftDown(in SimEvent item)
    {
        var items = _items;
        var count = _count;
        var index = 0;
        while (true)
        {
            var first = (index << 2) + 1;
            if (first >= count) break;
            var best = first;
            var end = Math.Min(first + 4, count);
            for (var child = first + 1; child < end; child++)
            {
                if (EventOrder.Compare(items[child], items[best]) < 0) best = child;
            }
            if (EventOrder.Compare(items[best], item) >= 0) break;
            items[index] = items[best];
            index = best;
        }
        items[index] = item;
    }
}
