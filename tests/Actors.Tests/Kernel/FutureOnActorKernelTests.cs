using FgsActors.Actors.Kernel;
using FgsActors.Actors.Tests.Kernel.Support;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Tests.Kernel;

/// <summary>
/// Events whose payload is a <see cref="Task"/> that another thread completes later ("futures") on the actor
/// kernel: the run waits for them and gives the same result as with the values known up front, and a future
/// holds only its own partition, only from that event on.
/// </summary>
public class FutureOnActorKernelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // 24 entities on 4 partitions: 0-5, 6-11, 12-17, 18-23. Futures in partitions 0, 2 and 3; the replies
    // go to entities 17, 16 (40 mod 24) and 5.
    private const int Entities = 24;
    private const long Lookahead = 100, End = 5_000;
    private static readonly FutureSpec[] Futures = [new(3, 450, 17), new(13, 1_200, 40), new(22, 2_600, 5)];

    private static FutureModel LateModel() =>
        FutureModel.Late(Entities, Lookahead, End, Futures, delay: TimeSpan.FromMilliseconds(200), gap: TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task LateFuturesOnFourPartitionsGiveLocalKernelRunWithFinishedFutures()
    {
        var expectedModel = FutureModel.Completed(Entities, Lookahead, End, Futures);
        var expected = LocalKernel.Run(expectedModel, partitions: 4);

        var late = LateModel();
        var report = await KernelRunner.RunLocalAsync(late, partitions: 4, workers: 2).WaitAsync(Timeout);
        await late.Completer.WaitAsync(Timeout);

        Assert.True(expected.Events > 2_000, $"the run is too small to mean anything: {expected.Events} events");
        Assert.Equal(4, report.Partitions);
        Assert.Equal(expected.Events, report.Result.Events);
        Assert.Equal(expected.EventDigest, report.Result.EventDigest);
        Assert.Equal(expected.LastEventTime, report.Result.LastEventTime);
        EntityLog.AssertSame(expectedModel.Log, late.Log, "4 partitions, late futures");

        // Each future was handled at its time with its value, and was completed while the run was under way.
        foreach (var spec in Futures)
        {
            var handled = Assert.Single(late.Log.For(spec.Entity), h => h.Kind == FutureModel.FutureKind);
            Assert.Equal((spec.Time, spec.Value), (handled.Time, handled.Data));
        }
        Assert.All(late.EventsBeforeCompletion, n => Assert.InRange(n, 1, expected.Events - 1));
    }

    [Fact]
    public async Task LateFuturesGiveTheSameRunOnOnePartitionAsOnFour()
    {
        var one = LateModel();
        var four = LateModel();
        var onOne = await KernelRunner.RunLocalAsync(one, partitions: 1, workers: 2).WaitAsync(Timeout);
        var onFour = await KernelRunner.RunLocalAsync(four, partitions: 4, workers: 2).WaitAsync(Timeout);
        await Task.WhenAll(one.Completer, four.Completer).WaitAsync(Timeout);

        Assert.Equal(1, onOne.Partitions);
        Assert.Equal(onOne.Result.Events, onFour.Result.Events);
        Assert.Equal(onOne.Result.EventDigest, onFour.Result.EventDigest);
        Assert.Equal(onOne.Result.LastEventTime, onFour.Result.LastEventTime);
        EntityLog.AssertSame(one.Log, four.Log, "1 vs 4 partitions, late futures");
    }

    // 8 entities on 4 partitions: {0,1} {2,3} {4,5} {6,7}. Entity 0 is held at t=1000 (lookahead 100); the
    // others tick at 10·id + 30·k and never send.
    private const long HeldAt = 1_000, HeldLookahead = 100, TickPeriod = 30, HeldEnd = 2_000;

    [Fact]
    public async Task AFutureHoldsOnlyItsPartitionAndOnlyFromItsEvent()
    {
        var future = new TaskCompletionSource<long>();
        var model = new HeldFutureModel(8, HeldLookahead, TickPeriod, HeldAt, HeldEnd, future.Task);
        var run = KernelRunner.RunLocalAsync(model, partitions: 4, workers: 2);

        // While the value does not exist: entity 1 (same partition as the future) handles exactly its ticks
        // before t=1000 (its tick at 1000 comes after entity 0's event in the order (time, target, ...)); every
        // other partition handles exactly its ticks below 1000 + lookahead, the most partition 0 lets it.
        long Limit(int id) => id == 1 ? HeldAt : HeldAt + HeldLookahead;
        await WaitUntil(() => Enumerable.Range(1, 7).All(id => model.Log.For(id).Length >= model.TicksBelow(id, Limit(id)).Length));
        await Task.Delay(200); // a kernel that wrongly went on would show it by now

        Assert.False(run.IsCompleted, "the run cannot finish without the future's value");
        Assert.Empty(model.Log.For(0));
        for (var id = 1; id < 8; id++)
            Assert.Equal(model.TicksBelow(id, Limit(id)), model.Log.For(id).Select(h => h.Time).ToArray());
        Assert.Equal(970, model.Log.For(1)[^1].Time);
        Assert.Equal(1_070, model.Log.For(2)[^1].Time);
        Assert.Equal(1_090, model.Log.For(7)[^1].Time);

        await Task.Run(() => future.SetResult(42));
        var report = await run.WaitAsync(Timeout);

        var handled = Assert.Single(model.Log.For(0));
        Assert.Equal((HeldAt, HeldFutureModel.FutureKind, 42L), (handled.Time, handled.Kind, handled.Data));
        for (var id = 1; id < 8; id++)
            Assert.Equal(model.TicksBelow(id, HeldEnd), model.Log.For(id).Select(h => h.Time).ToArray());
        var reference = LocalKernel.Run(new HeldFutureModel(8, HeldLookahead, TickPeriod, HeldAt, HeldEnd, Task.FromResult(42L)), partitions: 4);
        Assert.Equal(1 + Enumerable.Range(1, 7).Sum(id => model.TicksBelow(id, HeldEnd).Length), report.Result.Events);
        Assert.Equal(reference.Events, report.Result.Events);
        Assert.Equal(reference.EventDigest, report.Result.EventDigest);
        Assert.Equal(reference.LastEventTime, report.Result.LastEventTime);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
    }
}
