using Akka.Actor;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>
/// One per node (actor system): builds the model from the run's <see cref="ModelSpec"/> and creates the
/// partitions the coordinator assigns to this node, replying once every one of them has created its
/// entity actors. The same code serves a single-process run and a cluster run.
/// </summary>
public sealed class PartitionHostActor(Func<ModelSpec, ISimulationModel> resolveModel, string partitionDispatcherId, LocalRunHooks? hooks = null) : UntypedActor
{
    public const string Name = "fgs-host";

    private readonly Dictionary<string, PendingCreation> _pending = new();

    public static Props Props(Func<ModelSpec, ISimulationModel> resolveModel, string partitionDispatcherId, LocalRunHooks? hooks = null) =>
        Akka.Actor.Props.Create(() => new PartitionHostActor(resolveModel, partitionDispatcherId, hooks));

    protected override SupervisorStrategy SupervisorStrategy() =>
        // A partition that fails reports it itself; never restart one (its state would be lost).
        new OneForOneStrategy(_ => Directive.Stop);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case CreatePartitions create:
                Create(create);
                break;
            case PartitionReady ready:
                foreach (var (runId, pending) in _pending)
                {
                    if (!pending.Waiting.Remove(ready.Partition)) continue;
                    if (pending.Waiting.Count == 0)
                    {
                        pending.ReplyTo.Tell(new PartitionsCreated(runId, pending.Partitions, pending.Refs), Self);
                        _pending.Remove(runId);
                    }
                    break;
                }
                break;
            case PartitionFailed failed:
                foreach (var pending in _pending.Values) pending.ReplyTo.Tell(failed, Self);
                _pending.Clear();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Create(CreatePartitions create)
    {
        ISimulationModel model;
        try
        {
            model = resolveModel(create.Model);
        }
        catch (Exception e)
        {
            Sender.Tell(new PartitionFailed(-1, $"node {Self.Path.Address}: cannot build the model: {e.Message}"), Self);
            return;
        }
        var placement = Placement.For(model, create.PartitionCount);
        var refs = new IActorRef[create.Partitions.Length];
        var pending = new PendingCreation(Sender, create.Partitions, refs, new HashSet<int>(create.Partitions));
        _pending[create.RunId] = pending;
        for (var i = 0; i < create.Partitions.Length; i++)
        {
            var p = create.Partitions[i];
            refs[i] = Context.ActorOf(PartitionActor.Props(p, model, placement, partitionDispatcherId, hooks), $"{create.RunId}-p{p}");
        }
    }

    private sealed record PendingCreation(IActorRef ReplyTo, int[] Partitions, IActorRef[] Refs, HashSet<int> Waiting);
}
