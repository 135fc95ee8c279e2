using FgsActors.Simulation.Events;
using FgsActors.Simulation.Time;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FgsActors.Simulation.Tests.Events;

public class EventQueueTests
{
    private static (long, int, int, long) Key(in SimEvent e) => (e.Time, e.Target, e.Source, e.Sequence);

    private static SimEvent Ev(long time, int target = 0, int source = 0, long sequence = 0, int kind = 0) =>
        new(time, target, source, sequence, kind, data: 0, payload: null);

    [Property(Arbitrary = new[] { typeof(SimEventArbitraries) }, MaxTest = 200)]
    public void DequeuesInEventOrderForAnyInput(SimEvent[] events)
    {
        var queue = new EventQueue(4);
        foreach (var e in events) queue.Enqueue(e);
        Assert.Equal(events.Length, queue.Count);

        var dequeued = new List<(long, int, int, long)>();
        while (queue.TryDequeue(out var e)) dequeued.Add(Key(e));

        var expected = events.Select(e => Key(e)).Order().ToList();
        Assert.Equal(expected, dequeued);
        Assert.True(queue.IsEmpty);
    }

    [Property(Arbitrary = new[] { typeof(QueueOpArbitraries) }, MaxTest = 200)]
    public void InterleavedEnqueueAndDequeueMatchASortedReferenceList(QueueOp[] ops)
    {
        var queue = new EventQueue(4);
        var reference = new List<SimEvent>();
        foreach (var op in ops)
        {
            if (op.IsDequeue && reference.Count > 0)
            {
                var min = reference.MinBy(e => Key(e));
                reference.Remove(reference.First(e => Key(e) == Key(min)));
                Assert.Equal(Key(min), Key(queue.Peek()));
                Assert.Equal(Key(min), Key(queue.Dequeue()));
            }
            else if (!op.IsDequeue)
            {
                queue.Enqueue(op.Event);
                reference.Add(op.Event);
            }
            Assert.Equal(reference.Count, queue.Count);
            Assert.Equal(reference.Count == 0 ? VirtualTime.Infinity : reference.Min(e => e.Time), queue.PeekTime);
        }
    }

    [Fact]
    public void GrowsPastInitialCapacityAndKeepsOrder()
    {
        var queue = new EventQueue(capacity: 4);
        for (var i = 999; i >= 0; i--) queue.Enqueue(Ev(time: i % 100, target: i / 100));
        Assert.Equal(1000, queue.Count);
        var previous = (-1L, -1);
        for (var n = 0; n < 1000; n++)
        {
            var e = queue.Dequeue();
            Assert.True((e.Time, e.Target).CompareTo(previous) > 0);
            previous = (e.Time, e.Target);
        }
        Assert.True(queue.IsEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1)]
    public void TinyOrInvalidCapacityStillWorks(int capacity)
    {
        var queue = new EventQueue(capacity);
        for (var i = 0; i < 20; i++) queue.Enqueue(Ev(20 - i));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), Enumerable.Range(0, 20).Select(_ => queue.Dequeue().Time));
    }

    [Fact]
    public void EmptyQueueReportsInfinityAndRefusesPeekAndDequeue()
    {
        var queue = new EventQueue();
        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.Count);
        Assert.Equal(VirtualTime.Infinity, queue.PeekTime);
        Assert.Throws<InvalidOperationException>(() => queue.Peek());
        Assert.Throws<InvalidOperationException>(() => queue.Dequeue());
        Assert.False(queue.TryDequeue(out var item));
        Assert.Equal(default(SimEvent).Time, item.Time);
    }

    [Fact]
    public void DrainedQueueIsEmptyAgain()
    {
        var queue = new EventQueue();
        queue.Enqueue(Ev(3));
        queue.Dequeue();
        Assert.True(queue.IsEmpty);
        Assert.Equal(VirtualTime.Infinity, queue.PeekTime);
        Assert.Throws<InvalidOperationException>(() => queue.Dequeue());
    }

    [Fact]
    public void ClearEmptiesTheQueueAndItCanBeReused()
    {
        var queue = new EventQueue(4);
        for (var i = 0; i < 10; i++) queue.Enqueue(Ev(i));
        queue.Clear();
        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.Count);
        Assert.Equal(VirtualTime.Infinity, queue.PeekTime);
        Assert.False(queue.TryDequeue(out _));

        queue.Enqueue(Ev(7));
        queue.Enqueue(Ev(2));
        queue.Enqueue(Ev(5));
        Assert.Equal(3, queue.Count);
        Assert.Equal(2, queue.PeekTime);
        Assert.Equal(new long[] { 2, 5, 7 }, new[] { queue.Dequeue().Time, queue.Dequeue().Time, queue.Dequeue().Time });
    }

    [Fact]
    public void EventsComeBackWithAllTheirFields()
    {
        var payload = new object();
        var queue = new EventQueue();
        queue.Enqueue(new SimEvent(9, 1, 2, 3, kind: 4, data: 5, payload: payload, nonTriggering: true));
        queue.Enqueue(new SimEvent(1, 6, 7, 8, kind: 9, data: 10, payload: null, nonTriggering: false));
        var first = queue.Dequeue();
        var second = queue.Dequeue();
        Assert.Equal((1L, 6, 7, 8L, 9, 10L, false), (first.Time, first.Target, first.Source, first.Sequence, first.Kind, first.Data, first.NonTriggering));
        Assert.Null(first.Payload);
        Assert.Equal((9L, 1, 2, 3L, 4, 5L, true), (second.Time, second.Target, second.Source, second.Sequence, second.Kind, second.Data, second.NonTriggering));
        Assert.Same(payload, second.Payload);
    }

    [Fact]
    public void TiesOnTimeBreakOnTargetThenSourceThenSequence()
    {
        var queue = new EventQueue();
        queue.Enqueue(Ev(5, target: 2, source: 0, sequence: 0, kind: 4));
        queue.Enqueue(Ev(5, target: 1, source: 3, sequence: 1, kind: 3));
        queue.Enqueue(Ev(5, target: 1, source: 3, sequence: 0, kind: 2));
        queue.Enqueue(Ev(5, target: 1, source: -1, sequence: 9, kind: 1));
        Assert.Equal(new[] { 1, 2, 3, 4 }, Enumerable.Range(0, 4).Select(_ => queue.Dequeue().Kind));
    }
}

public readonly record struct QueueOp(bool IsDequeue, SimEvent Event)
{
    public override string ToString() => IsDequeue ? "dequeue" : $"enqueue({Event})";
}

public static class QueueOpArbitraries
{
    public static Arbitrary<QueueOp[]> Ops() =>
        Gen.ArrayOf(
            from roll in Gen.Choose(0, 9)
            from ev in SimEventArbitraries.EventGen
            select new QueueOp(roll >= 6, ev)).ToArbitrary();
}
