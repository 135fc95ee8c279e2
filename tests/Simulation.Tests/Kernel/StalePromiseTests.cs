using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Tests.Kernel.Support;

namespace FgsActors.Simulation.Tests.Kernel;

/// <summary>
/// A promise below "now + lookahead" is stale but still true ("I will not send before t=0" can never be
/// broken). The kernel raises such a promise to now + lookahead itself (PartitionEngine.Process), and the
/// output-bound comment anticipates "stale, over-cautious promises". Repeating the same stale value on
/// the next non-triggering event is not lowering anything the kernel relied on, so it must not be a violation.
/// </summary>
public class StalePromiseTests
{
    /// <summary>A promising entity with a fixed promise that only ticks (never sends).</summary>
    private sealed class FixedPromiseTicker(long promise, int ticks, EventLog log) : IPromisingEntity
    {
        public long OutputPromise => promise;

        public void Start(IEventContext context) => context.Schedule(10, kind: 1, data: 0);

        public void Handle(in SimEvent ev, IEventContext context)
        {
            log.Record(context.Self, ev);
            if (ev.Data + 1 < ticks) context.Schedule(10, kind: 1, data: ev.Data + 1);
        }
    }

    private sealed class TickerModel(long promise) : ISimulationModel
    {
        public EventLog Log { get; } = new(2);
        public string Name => "stale-promise";
        public int EntityCount => 2;
        public long Lookahead => 5;
        public long EndTime => 1000;
        public ulong Seed => 1;
        public IEntity CreateEntity(int id) => new FixedPromiseTicker(promise, ticks: 5, Log);
    }

    [Fact]
    public void PromiseAtInfinityNeverGoesStale()
    {
        // Control: a promise that stays valid is accepted on every tick.
        var model = new TickerModel(VirtualTime.Infinity);
        var result = LocalKernel.Run(model, 2);
        Assert.Equal(10, result.Events);
    }

    [Fact]
    public void PromiseOfZeroIsStaleFromTheStartButNotAViolation()
    {
        // Start stores max(0, lookahead) = 5; the first tick (t=10, silent) declares 0 again and the kernel
        // reports "lowered its output promise from t=5 to t=0".
        var model = new TickerModel(promise: 0);
        var result = LocalKernel.Run(model, 1);
        Assert.Equal(10, result.Events);
    }

    [Fact]
    public void PromisePassedWithoutSendingIsNotAViolation()
    {
        // Promise 25: ticks at 10, 20 keep it at 25; the tick at 30 stores max(25, 30 + 5) = 35; the tick at
        // 40 declares 25 again and the kernel reports "lowered its output promise from t=35 to t=25".
        var model = new TickerModel(promise: 25);
        var result = LocalKernel.Run(model, 2);
        Assert.Equal(10, result.Events);
        Assert.Equal([10L, 20, 30, 40, 50], model.Log.For(0).Select(e => e.Time));
    }
}
