using System.Diagnostics;
using Akka.Actor;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>Figures of one kernel run: the result and where the wall time went.</summary>
/// <param name="SetupSeconds">Creating partition and entity actors (and building the model on each node).</param>
/// <param name="WallSeconds">The simulation itself: from the first start message to the last total.</param>
/// <param name="Nodes">Distinct actor systems that hosted partitions.</param>
/// <param name="Memory">Garbage-collector activity of this process during the simulation itself (set-up excluded).</param>
/// <param name="Stopped">A stop request ended the run at a window boundary before its end time; the model's state is that of
/// <see cref="KernelResult.LastEventTime"/> (no partition processed an event after it).</param>
public sealed record KernelRunReport(KernelResult Result, int Partitions, double SetupSeconds, double WallSeconds, int Nodes = 1, GcActivity? Memory = null,
    bool Stopped = false);

/// <summary>Collections and bytes allocated by the process over an interval.</summary>
public sealed record GcActivity(int Gen0, int Gen1, int Gen2, long AllocatedBytes)
{
    public static (int, int, int, long) Sample() =>
        (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: false));

    public static GcActivity Since((int Gen0, int Gen1, int Gen2, long Allocated) start)
    {
        var now = Sample();
        return new GcActivity(now.Item1 - start.Gen0, now.Item2 - start.Gen1, now.Item3 - start.Gen2, now.Item4 - start.Allocated);
    }
}

/// <summary>A model failed during the run; the message names the partition and the error.</summary>
public sealed class KernelRunFailedException(string message) : Exception(message);

/// <summary>
/// Runs a model on the actor kernel: asks each node's host for its share of the partitions (partition p goes
/// to host p mod hosts), then starts a coordinator and waits for its result.
/// </summary>
public static class KernelRunner
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(10);

    public static async Task<KernelRunReport> RunAsync(
        ActorSystem system, IReadOnlyList<IActorRef> hosts, ModelSpec spec, ISimulationModel model, int partitions,
        Action<KernelProgress>? progress = null, CancellationToken cancellation = default, bool stopPartitions = true,
        CancellationToken stopRequest = default, LocalRunHooks? hooks = null)
    {
        var runId = "run" + Guid.NewGuid().ToString("N")[..8];
        var setup = Stopwatch.StartNew();
        var refs = await CreatePartitionsAsync(hosts, runId, spec, model, partitions, cancellation).ConfigureAwait(false);
        // Creating 10^5..10^6 actors leaves a large young heap behind; compact it now, as part of set-up,
        // rather than in the middle of the run.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        setup.Stop();

        var gcAtStart = GcActivity.Sample();
        var completion = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var replyTo = system.ActorOf(Props.Create(() => new CompletionActor(completion)));
        var coordinator = system.ActorOf(CoordinatorActor.Props(refs, model.RemoteLookahead, model.EndTime, replyTo, progress,
            hooks?.Checkpoints, hooks?.Resume?.Windows ?? 0), runId + "-coordinator");
        await using var registration = cancellation.Register(() => completion.TrySetCanceled(cancellation)).ConfigureAwait(false);
        // A stop request (Ctrl-C, SIGTERM) is not a cancellation: the run ends at its next safe point and reports what it has.
        await using var stopping = stopRequest.Register(() => coordinator.Tell(new StopRun())).ConfigureAwait(false);
        try
        {
            var outcome = await completion.Task.ConfigureAwait(false);
            var memory = GcActivity.Since(gcAtStart);
            return outcome switch
            {
                KernelRunCompleted done => new KernelRunReport(done.Result, refs.Length, setup.Elapsed.TotalSeconds, done.WallSeconds,
                    refs.Select(r => r.Path.Address).Distinct().Count(), memory, done.Stopped),
                PartitionFailed failed => throw new KernelRunFailedException(failed.Error),
                _ => throw new KernelRunFailedException($"unexpected run outcome: {outcome}"),
            };
        }
        finally
        {
            system.Stop(replyTo);
            system.Stop(coordinator);
            if (stopPartitions) foreach (var partition in refs) partition?.Tell(PoisonPill.Instance);
        }
    }

    /// <summary>
    /// Asks each host for its share of the partitions (partition p goes to host p mod hosts) and waits until
    /// every partition has created its entity actors. Returns the partitions' references by partition id.
    /// </summary>
    public static async Task<IActorRef[]> CreatePartitionsAsync(IReadOnlyList<IActorRef> hosts, string runId, ModelSpec spec,
        ISimulationModel model, int partitions, CancellationToken cancellation = default)
    {
        if (hosts.Count == 0) throw new ArgumentException("at least one partition host is needed", nameof(hosts));
        var placement = Placement.For(model, partitions);
        var requests = new List<Task<object>>();
        for (var h = 0; h < hosts.Count; h++)
        {
            var mine = Enumerable.Range(0, placement.Partitions).Where(p => p % hosts.Count == h).ToArray();
            if (mine.Length == 0) continue;
            requests.Add(hosts[h].Ask<object>(new CreatePartitions(runId, spec, placement.Partitions, mine), SetupTimeout, cancellation));
        }
        var refs = new IActorRef[placement.Partitions];
        foreach (var reply in await Task.WhenAll(requests).ConfigureAwait(false))
        {
            switch (reply)
            {
                case PartitionsCreated created:
                    for (var i = 0; i < created.Partitions.Length; i++) refs[created.Partitions[i]] = created.Refs[i];
                    break;
                case PartitionFailed failed:
                    throw new KernelRunFailedException(failed.Error);
                default:
                    throw new KernelRunFailedException($"unexpected reply while creating partitions: {reply}");
            }
        }
        return refs;
    }

    /// <summary>
    /// Runs a model in a fresh single-node actor system and shuts it down afterwards. With
    /// <paramref name="shutDown"/> false the system is left for the process exit to end: stopping 10^5..10^6 entity
    /// actors one by one takes seconds of CPU, which a command that exits right after the run need not spend (and which
    /// would compete with writing its results). The model's entities stay readable either way.
    /// </summary>
    public static async Task<KernelRunReport> RunLocalAsync(ISimulationModel model, int partitions, int workers,
        Action<KernelProgress>? progress = null, CancellationToken cancellation = default, EntityDelivery delivery = EntityDelivery.Direct,
        bool shutDown = true, CancellationToken stopRequest = default, LocalRunHooks? hooks = null)
    {
        var system = KernelHosting.CreateSystem("fgs", workers, delivery: delivery);
        try
        {
            // The model's own state (for the fleet: the learning task's) comes back before any partition restores its entities.
            if (hooks?.Resume is { } snapshot)
                CheckpointFile.RestoreModel(model as ICheckpointableModel ?? throw new NotSupportedException($"model '{model.Name}' cannot be checkpointed"), snapshot);
            var host = KernelHosting.StartHost(system, _ => model, hooks);
            return await RunAsync(system, [host], new ModelSpec(model.Name), model, partitions, progress, cancellation, stopPartitions: shutDown,
                stopRequest: stopRequest, hooks: hooks).ConfigureAwait(false);
        }
        finally
        {
            if (shutDown) await system.Terminate().ConfigureAwait(false);
        }
    }

    private sealed class CompletionActor(TaskCompletionSource<object> completion) : UntypedActor
    {
        protected override void OnReceive(object message) => completion.TrySetResult(message);
    }
}
