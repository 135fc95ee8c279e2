using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Tests.Workloads;

/// <summary>One message or self-schedule an entity issued through a <see cref="RecordingContext"/>.</summary>
internal readonly record struct IssuedEvent(long Now, int Target, long Delay, int Kind, long Data, bool TriggersOutput, bool SelfScheduled);

/// <summary>An event context for driving one entity by hand: the test sets the time, the context records what is issued.</summary>
internal sealed class RecordingContext(int self, ulong seed, long lookahead) : IEventContext
{
    public long Now { get; set; }
    public int Self => self;
    public long Lookahead => lookahead;
    public ulong Seed => seed;

    public List<IssuedEvent> Issued { get; } = [];

    public void Send(int target, long delay, int kind, long data = 0, object? payload = null, bool triggersOutput = true) =>
        Issued.Add(new IssuedEvent(Now, target, delay, kind, data, triggersOutput, SelfScheduled: false));

    public void Schedule(long delay, int kind, long data = 0, object? payload = null) =>
        Issued.Add(new IssuedEvent(Now, self, delay, kind, data, TriggersOutput: false, SelfScheduled: true));
}
