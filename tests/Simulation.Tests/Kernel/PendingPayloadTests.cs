using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Tests.Kernel.Support;

namespace FgsActors.Simulation.Tests.Kernel;

/// <summary>An event whose payload is a task still being computed holds the clock at that event until it completes.</summary>
public class PendingPayloadTests
{
    private const int Plain = 1, WithPayload = 2;

    /// <summary>
    /// Two entities in one partition: entity 0 has events at 5, 10 (payload) and 20; entity 1 at 9 and 11.
    /// Handling the payload event records its result as the logged data.
    /// </summary>
    private static (PartitionEngine Engine, List<(long Time, int Entity, long Data)> Handled) Build(Task<long> payload)
    {
        var handled = new List<(long, int, long)>();
        var model = new ScriptedModel(2, lookahead: 1, endTime: 1000,
            onStart: ctx =>
            {
                if (ctx.Self == 0)
                {
                    ctx.Schedule(5, Plain);
                    ctx.Schedule(10, WithPayload, payload: payload);
                    ctx.Schedule(20, Plain);
                }
                else
                {
                    ctx.Schedule(9, Plain);
                    ctx.Schedule(11, Plain);
                }
            },
            onEvent: (ev, ctx) =>
            {
                if (ev.Payload is Task<long> task)
                {
                    if (!task.IsCompleted) throw new InvalidOperationException("handled before the payload was computed");
                    handled.Add((ev.Time, ctx.Self, task.Result));
                }
                else handled.Add((ev.Time, ctx.Self, ev.Data));
            });
        var engine = new PartitionEngine(0, model, new Placement(2, 1));
        engine.Start();
        return (engine, handled);
    }

    [Fact]
    public void RunUntilStopsAtThePendingEventAndReturnsItsTask()
    {
        var source = new TaskCompletionSource<long>();
        var (engine, handled) = Build(source.Task);

        Assert.Same(source.Task, engine.RunUntil(100));
        Assert.Equal([(5L, 0, 0L), (9L, 1, 0L)], handled);
        Assert.Equal(10, engine.NextEventTime);
        Assert.Equal(3, engine.PendingEvents); // 10 (held), 11 and 20 wait behind it

        // Still pending: asking again changes nothing.
        Assert.Same(source.Task, engine.RunUntil(100));
        Assert.Equal(2, handled.Count);

        source.SetResult(42);
        Assert.Null(engine.RunUntil(100));
        Assert.Equal([(5L, 0, 0L), (9L, 1, 0L), (10L, 0, 42L), (11L, 1, 0L), (20L, 0, 0L)], handled);
        Assert.Equal(5, engine.EventsProcessed);
        Assert.Equal(20, engine.LocalTime);
    }

    [Fact]
    public void APendingEventAtOrAfterTheBoundDoesNotStopTheWindow()
    {
        var source = new TaskCompletionSource<long>();
        var (engine, handled) = Build(source.Task);
        Assert.Null(engine.RunUntil(10));
        Assert.Equal([(5L, 0, 0L), (9L, 1, 0L)], handled);
        Assert.Same(source.Task, engine.RunUntil(11));
    }

    [Fact]
    public void ACompletedPayloadDoesNotStopAnything()
    {
        var (engine, handled) = Build(Task.FromResult(7L));
        Assert.Null(engine.RunUntil(100));
        Assert.Equal([(5L, 0, 0L), (9L, 1, 0L), (10L, 0, 7L), (11L, 1, 0L), (20L, 0, 0L)], handled);
    }

    [Fact]
    public void IsPendingReflectsTheTaskState()
    {
        var source = new TaskCompletionSource<long>();
        var ev = new SimEvent(1, 0, 0, 0, 0, 0, source.Task);
        Assert.True(ev.IsPending);
        source.SetResult(1);
        Assert.False(ev.IsPending);
        Assert.False(new SimEvent(1, 0, 0, 0, 0, 0, "not a task").IsPending);
        Assert.False(new SimEvent(1, 0, 0, 0, 0, 0, null).IsPending);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void LocalKernelWaitsForAPayloadCompletedLaterOnAnotherThread(int partitions)
    {
        var settings = new RandomModelSettings(Entities: 12, Lookahead: 10, EndTime: 500, Seed: 8, PayloadAt: 200);
        var readyModel = new RandomModel(settings, Task.FromResult(4242L));
        var ready = LocalKernel.Run(readyModel, partitions);

        var source = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lateModel = new RandomModel(settings, source.Task);
        // A dedicated thread, not the pool: the kernel blocks its own thread while it waits.
        var completer = new Thread(() =>
        {
            Thread.Sleep(100);
            source.SetResult(4242);
        });
        completer.Start();
        var late = LocalKernel.Run(lateModel, partitions);
        completer.Join();

        Assert.Equal(ready, late);
        EventLog.AssertSame(readyModel.Log, lateModel.Log, "payload completed late vs. ready");
        Assert.Contains(lateModel.Log.For(0), e => e.Kind == RandomModel.PayloadKind && e.Time == 200 && e.Data == 4242);
        // 4242 mod 12 = 6: the reply carries the computed value one lookahead later.
        Assert.Contains(lateModel.Log.For(6), e => e.Kind == RandomModel.PayloadReplyKind && e.Time == 210 && e.Data == 4242);

        var referenceModel = new RandomModel(settings, Task.FromResult(4242L));
        var reference = SequentialReference.Run(referenceModel);
        EventLog.AssertSame(referenceModel.Log, lateModel.Log, "payload completed late vs. reference");
        Assert.Equal(reference.Digest, late.EventDigest);
    }

    [Fact]
    public void AFailedPayloadFailsTheRunWithItsError()
    {
        var settings = new RandomModelSettings(Entities: 4, Lookahead: 10, EndTime: 500, Seed: 8, PayloadAt: 200);
        var source = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var completer = new Thread(() =>
        {
            Thread.Sleep(20);
            source.SetException(new InvalidOperationException("trainer crashed"));
        });
        completer.Start();
        var ex = Assert.ThrowsAny<Exception>(() => LocalKernel.Run(new RandomModel(settings, source.Task), 2));
        completer.Join();
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
        Assert.Contains(messages, m => m.Contains("trainer crashed"));
    }
}
