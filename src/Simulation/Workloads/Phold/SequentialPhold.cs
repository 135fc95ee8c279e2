using System.Diagnostics;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Workloads.Phold;

/// <summary>
/// The sequential reference: a plain single-threaded PHOLD on the BCL binary heap, with no kernel, no
/// partitions and no actors. It uses the same per-LP streams, the same tie order and the same digest, so
/// its event count and checksum must equal the kernel's for every layout.
/// </summary>
public static class SequentialPhold
{
    public sealed record Result(long Events, ulong Digest, double WallSeconds);

    private readonly record struct Key(long Time, int Target, int Source, long Sequence);

    private sealed class KeyComparer : IComparer<Key>
    {
        public int Compare(Key a, Key b)
        {
            if (a.Time != b.Time) return a.Time.CompareTo(b.Time);
            if (a.Target != b.Target) return a.Target.CompareTo(b.Target);
            if (a.Source != b.Source) return a.Source.CompareTo(b.Source);
            return a.Sequence.CompareTo(b.Sequence);
        }
    }

    public static Result Run(PholdSettings settings)
    {
        var streams = new RandomStream[settings.Lps];
        var sequence = new long[settings.Lps];
        var queue = new PriorityQueue<int, Key>(settings.Lps * settings.EventsPerLp, new KeyComparer());
        for (var lp = 0; lp < settings.Lps; lp++)
        {
            streams[lp] = RandomStream.For(settings.Seed, lp, PholdRules.StreamPurpose);
            for (var i = 0; i < settings.EventsPerLp; i++)
                queue.Enqueue(lp, new Key(PholdRules.Delay(streams[lp], settings), lp, lp, sequence[lp]++));
        }

        var watch = Stopwatch.StartNew();
        long events = 0;
        ulong digest = 0;
        var end = settings.EndTicks;
        while (queue.TryPeek(out var lp, out var key) && key.Time < end)
        {
            queue.Dequeue();
            events++;
            digest += PartitionEngine.EventHash(key.Time, lp);
            var (target, delay) = PholdRules.Next(streams[lp], lp, settings);
            queue.Enqueue(target, new Key(key.Time + delay, target, lp, sequence[lp]++));
        }
        return new Result(events, digest, watch.Elapsed.TotalSeconds);
    }
}
