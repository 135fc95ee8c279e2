using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Events;

namespace FgsActors.Simulation.Kernel;

/// <summary>
/// Runs the partitioned protocol in one thread with no actors: the same engines, the same window rule and
/// the same message hand-over as the actor kernel, in a plain loop. Used by tests to check the protocol
/// against the sequential reference, and as a library entry point for small runs.
/// </summary>
public static class LocalKernel
{
    /// <param name="checkpoints">Asked at every window boundary whether to take a checkpoint (the model must then be an
    /// <see cref="ICheckpointableModel"/>).</param>
    /// <param name="resume">Start from this checkpoint instead of time 0 (its model state is restored first).</param>
    public static KernelResult Run(ISimulationModel model, int partitions, ICheckpointSink? checkpoints = null, KernelSnapshot? resume = null)
    {
        var placement = Placement.For(model, partitions);
        var engines = new PartitionEngine[placement.Partitions];
        for (var p = 0; p < engines.Length; p++) engines[p] = new PartitionEngine(p, model, placement);
        long windows = 0;
        if (resume is not null)
        {
            CheckpointFile.RestoreModel(Checkpointable(model), resume);
            foreach (var engine in engines) engine.Restore(resume);
            windows = resume.Windows;
        }
        else
        {
            foreach (var engine in engines) engine.Start();
            Exchange(engines);
        }

        var statuses = new PartitionStatus[engines.Length];
        var grants = new long[engines.Length];
        while (true)
        {
            for (var p = 0; p < engines.Length; p++) statuses[p] = engines[p].Status;
            if (WindowRules.Finished(statuses, model.EndTime)) break;
            if (checkpoints is not null && checkpoints.Due(windows))
            {
                var payloads = Checkpointable(model).Payloads;
                checkpoints.Write(engines.Select(e => PartitionSection.Of(e, payloads)).ToArray(), windows);
            }
            WindowRules.ComputeGrants(statuses, model.RemoteLookahead, model.EndTime, grants);
            windows++;
            for (var p = 0; p < engines.Length; p++)
            {
                // A payload still being computed holds this partition at that event until it exists.
                while (engines[p].RunUntil(grants[p]) is { } pending) pending.Wait();
            }
            Exchange(engines);
        }

        long events = 0;
        ulong digest = 0;
        long last = 0;
        foreach (var engine in engines)
        {
            events += engine.EventsProcessed;
            digest += engine.EventDigest;
            last = Math.Max(last, engine.LocalTime);
        }
        return new KernelResult(events, digest, windows, last);
    }

    private static ICheckpointableModel Checkpointable(ISimulationModel model) =>
        model as ICheckpointableModel ?? throw new NotSupportedException($"model '{model.Name}' cannot be checkpointed");

    private static void Exchange(PartitionEngine[] engines)
    {
        foreach (var from in engines)
        {
            for (var to = 0; to < engines.Length; to++)
            {
                if (to == from.PartitionId) continue;
                var outbox = from.Outbox(to);
                if (outbox.Count == 0) continue;
                engines[to].Deliver(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(outbox));
                outbox.Clear();
            }
        }
    }
}
