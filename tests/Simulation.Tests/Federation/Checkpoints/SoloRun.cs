using FgsActors.Simulation.Events;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

/// <summary>
/// Drives one entity on its own: the given events plus whatever it schedules for itself, in (time, source, sequence)
/// order, up to a time; what it sends to others is recorded, not delivered. The transcript (every output with its
/// payload's bytes, and the output promise after each event) is what "behaves identically" is compared on.
/// </summary>
internal static class SoloRun
{
    /// <param name="start">Start the entity at time 0 first (a fresh entity rather than one taken from a run).</param>
    public static IReadOnlyList<string> Drive(IEntity entity, int self, ulong seed, long lookahead, IEnumerable<SimEvent> events, long until,
        int maxEvents = 400, bool start = false)
    {
        var queue = new PriorityQueue<SimEvent, (long, int, long)>();
        foreach (var ev in events) queue.Enqueue(ev, (ev.Time, ev.Source, ev.Sequence));
        var context = new Recorder(self, seed, lookahead, queue);
        if (start) entity.Start(context);
        var handled = 0;
        while (handled < maxEvents && queue.TryDequeue(out var ev, out _) && ev.Time < until)
        {
            context.Now = ev.Time;
            entity.Handle(ev, context);
            handled++;
            var promise = entity is IPromisingEntity promising ? promising.OutputPromise : VirtualTime.Infinity;
            context.Transcript.Add($"handled {ev} promise={promise}");
        }
        return context.Transcript;
    }

    private sealed class Recorder(int self, ulong seed, long lookahead, PriorityQueue<SimEvent, (long, int, long)> queue) : IEventContext
    {
        private long _sequence = 1L << 40; // above anything the run before has used

        public List<string> Transcript { get; } = new();
        public long Now { get; set; }
        public int Self => self;
        public long Lookahead => lookahead;
        public ulong Seed => seed;

        public void Send(int target, long delay, int kind, long data = 0, object? payload = null, bool triggersOutput = true) =>
            Transcript.Add($"send t={VirtualTime.Add(Now, delay)} to={target} kind={kind} data={data} triggers={triggersOutput} {Payload(payload)}");

        public void Schedule(long delay, int kind, long data = 0, object? payload = null)
        {
            var ev = new SimEvent(VirtualTime.Add(Now, delay), self, self, _sequence++, kind, data, payload, nonTriggering: true);
            Transcript.Add($"schedule t={ev.Time} kind={kind} data={data} {Payload(payload)}");
            queue.Enqueue(ev, (ev.Time, ev.Source, ev.Sequence));
        }

        private static string Payload(object? payload)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream)) FleetPayloadCodec.Instance.Write(writer, payload);
            return Convert.ToHexString(stream.ToArray());
        }
    }
}
