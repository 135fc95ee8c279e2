using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Tests.Kernel.Support;

namespace FgsActors.Simulation.Tests.Kernel;

/// <summary>Rules the kernel enforces on every model, whatever the layout.</summary>
public class KernelViolationTests
{
    private const long Lookahead = 10;

    /// <summary>Entity 0 wakes at t=5 and runs <paramref name="action"/>; 4 entities on the given layout.</summary>
    private static KernelResult RunWithAction(Action<IEventContext> action, int partitions)
    {
        var model = new ScriptedModel(4, Lookahead, endTime: 1000,
            onStart: ctx => { if (ctx.Self == 0) ctx.Schedule(5, kind: 1); },
            onEvent: (ev, ctx) => { if (ev.Kind == 1) action(ctx); });
        return LocalKernel.Run(model, partitions);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void SendBelowLookaheadIsAViolation(int partitions)
    {
        var ex = Assert.Throws<KernelViolationException>(() => RunWithAction(ctx => ctx.Send(2, Lookahead - 1, kind: 2), partitions));
        Assert.Contains("lookahead", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void SendToSelfBelowLookaheadIsAlsoAViolation(int partitions)
    {
        Assert.Throws<KernelViolationException>(() => RunWithAction(ctx => ctx.Send(0, 0, kind: 2), partitions));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void SendAtExactlyTheLookaheadIsAllowed(int partitions)
    {
        var result = RunWithAction(ctx => ctx.Send(3, Lookahead, kind: 2), partitions);
        Assert.Equal(2, result.Events);
        Assert.Equal(5 + Lookahead, result.LastEventTime);
    }

    [Fact]
    public void SendBelowLookaheadDuringStartIsAViolation()
    {
        var model = new ScriptedModel(2, Lookahead, 1000, onStart: ctx => ctx.Send(1 - ctx.Self, Lookahead - 1, kind: 2));
        Assert.Throws<KernelViolationException>(() => LocalKernel.Run(model, 2));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void SendToUnknownEntityIsAViolation(int target)
    {
        var ex = Assert.Throws<KernelViolationException>(() => RunWithAction(ctx => ctx.Send(target, Lookahead, kind: 2), partitions: 2));
        Assert.Contains("unknown entity", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void NegativeScheduleDelayIsAViolation(int partitions)
    {
        var ex = Assert.Throws<KernelViolationException>(() => RunWithAction(ctx => ctx.Schedule(-1, kind: 2), partitions));
        Assert.Contains("negative delay", ex.Message);
    }

    [Fact]
    public void ZeroScheduleDelayIsAllowedAndHandledAtTheSameTime()
    {
        var model = new ScriptedModel(1, Lookahead, 1000,
            onStart: ctx => ctx.Schedule(5, kind: 1),
            onEvent: (ev, ctx) => { if (ev.Kind == 1) ctx.Schedule(0, kind: 2, data: 42); });
        LocalKernel.Run(model, 1);
        // seq 0 was the start-up schedule, seq 1 the zero-delay one.
        Assert.Equal([new LoggedEvent(5, 0, 0, 1, 0), new LoggedEvent(5, 0, 1, 2, 42)], model.Log.For(0));
    }

    [Fact]
    public void EventsPastTheEndAreNeverHandled()
    {
        var model = new ScriptedModel(2, Lookahead, endTime: 100,
            onStart: ctx => { ctx.Schedule(99, kind: 1); ctx.Schedule(100, kind: 2); ctx.Schedule(long.MaxValue, kind: 3); });
        var result = LocalKernel.Run(model, 2);
        Assert.Equal(2, result.Events);
        Assert.Equal(99, result.LastEventTime);
        Assert.All(new[] { 0, 1 }, e => Assert.Equal([new LoggedEvent(99, e, 0, 1, 0)], model.Log.For(e)));
    }

    [Fact]
    public void SaturatedScheduleLandsAtInfinityAndIsNeverHandled()
    {
        var model = new ScriptedModel(1, Lookahead, endTime: long.MaxValue,
            onStart: ctx => ctx.Schedule(7, kind: 1),
            onEvent: (ev, ctx) => { if (ev.Kind == 1) ctx.Schedule(long.MaxValue, kind: 2); });
        var result = LocalKernel.Run(model, 1);
        Assert.Equal(1, result.Events);
    }
}
