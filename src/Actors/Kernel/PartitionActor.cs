using System.Buffers;
using Akka.Actor;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>
/// A partition scheduler: owns the entity actors of one partition (its children), processes their events in
/// the kernel's total order up to the bound the coordinator grants, hands the events produced for other
/// partitions to those partitions directly, and reports its status once it has processed its window and
/// received every other partition's batch for the same round (each partition sends one batch, possibly
/// empty, to every other partition per round, so the receiver knows when it has all of them).
/// </summary>
public sealed class PartitionActor : UntypedActor
{
    public const string EntityDispatcherId = "fgs.kernel.entity-dispatcher";
    public const string EntityMailboxId = "fgs.kernel.entity-mailbox";

    private readonly int _partitionId;
    private readonly ISimulationModel _model;
    private readonly Placement _placement;
    private readonly LocalRunHooks? _hooks;
    private readonly Dictionary<long, int> _batchesReceived = new();
    private PartitionEngine? _engine;
    private IActorRef[] _peers = [];
    private IActorRef _coordinator = ActorRefs.Nobody;
    private long _round = -1;
    private long _bound;
    private bool _processed;
    private bool _waitingForPayload;

    public PartitionActor(int partitionId, ISimulationModel model, Placement placement, LocalRunHooks? hooks = null)
    {
        _partitionId = partitionId;
        _model = model;
        _placement = placement;
        _hooks = hooks;
    }

    public static Props Props(int partitionId, ISimulationModel model, Placement placement, string dispatcherId, LocalRunHooks? hooks = null) =>
        Akka.Actor.Props.Create(() => new PartitionActor(partitionId, model, placement, hooks)).WithDispatcher(dispatcherId);

    protected override void PreStart()
    {
        try
        {
            CreateEntities();
        }
        catch (Exception e)
        {
            // The host answers the run's request with this; without it the request would wait for its timeout.
            Context.Parent.Tell(new PartitionFailed(_partitionId, $"partition {_partitionId}: cannot create its entities: {e.GetType().Name}: {e.Message}"));
            Context.Stop(Self);
        }
    }

    // Entity actors are created before any message: their creation is part of the set-up time.
    private void CreateEntities()
    {
        var first = _placement.FirstEntity(_partitionId);
        var count = _placement.EndEntity(_partitionId) - first;
        var entities = new IActorRef[count];
        var states = new IEntity[count];
        for (var i = 0; i < count; i++)
        {
            states[i] = _model.CreateEntity(first + i);
            // A producer instead of Props.Create(type, args): no reflection per actor, which matters at 10^6 entities.
            var props = Akka.Actor.Props.CreateBy(new EntityActorProducer(states[i])).WithDispatcher(EntityDispatcherId).WithMailbox(EntityMailboxId);
            entities[i] = Context.ActorOf(props, (first + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var delivery = Context.System.Settings.Config.GetString(KernelHosting.EntityDeliveryKey, "direct") == "mailbox"
            ? EntityDelivery.Mailbox
            : EntityDelivery.Direct;
        _engine = new PartitionEngine(_partitionId, _model, _placement, _ => new ActorEntityHost(entities, delivery, states))
        {
            Observer = _hooks?.Observers?.Invoke(_partitionId),
        };
        Context.Parent.Tell(new PartitionReady(_partitionId));
    }

    protected override void OnReceive(object message)
    {
        try
        {
            Dispatch(message);
        }
        catch (Exception e)
        {
            // A model error ends the run with a clear message instead of a silent restart that would lose state.
            var error = $"partition {_partitionId}: {e.GetType().Name}: {e.Message}";
            if (_coordinator.IsNobody()) Context.Parent.Tell(new PartitionFailed(_partitionId, error));
            else _coordinator.Tell(new PartitionFailed(_partitionId, error), Self);
            Context.Stop(Self);
        }
    }

    private void Dispatch(object message)
    {
        switch (message)
        {
            case StartPartition start:
                _coordinator = start.Coordinator;
                _peers = start.Peers;
                _round = 0;
                if (_hooks?.Resume is { } snapshot) Engine.Restore(snapshot);
                else Engine.Start();
                FinishProcessing();
                break;
            case Grant grant:
                _round = grant.Round;
                _bound = grant.Bound;
                _processed = false;
                Process();
                break;
            case PayloadReady ready when ready.Round == _round && _waitingForPayload:
                _waitingForPayload = false;
                Process();
                break;
            case EventBatch batch:
                if (batch.Count > 0) Engine.Deliver(batch.Span);
                if (batch.Pooled) ArrayPool<SimEvent>.Shared.Return(batch.Events, clearArray: true);
                _batchesReceived[batch.Round] = _batchesReceived.GetValueOrDefault(batch.Round) + 1;
                ReportIfComplete();
                break;
            case TakeCheckpoint:
                var payloads = (_model as ICheckpointableModel)?.Payloads
                    ?? throw new NotSupportedException($"model '{_model.Name}' cannot be checkpointed");
                Sender.Tell(new CheckpointSection(_partitionId, PartitionSection.Of(Engine, payloads)), Self);
                break;
            case FinishPartition:
                Sender.Tell(new PartitionFinished(_partitionId, Engine.EventsProcessed, Engine.EventDigest, Engine.LocalTime));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private PartitionEngine Engine => _engine ?? throw new InvalidOperationException("partition not initialised");

    private void Process()
    {
        var pending = Engine.RunUntil(_bound);
        if (pending is not null)
        {
            // The clock of this partition stops at this event until its payload exists; other partitions go
            // on up to their grants. Wake up when the computation completes.
            _waitingForPayload = true;
            var self = Self;
            var round = _round;
            pending.ContinueWith(_ => self.Tell(new PayloadReady(round)), TaskContinuationOptions.ExecuteSynchronously);
            return;
        }
        FinishProcessing();
    }

    private void FinishProcessing()
    {
        _processed = true;
        for (var q = 0; q < _peers.Length; q++)
        {
            if (q == _partitionId) continue;
            var outbox = Engine.Outbox(q);
            EventBatch batch;
            if (outbox.Count == 0)
            {
                batch = new EventBatch(_round, _partitionId, []);
            }
            else
            {
                var events = ArrayPool<SimEvent>.Shared.Rent(outbox.Count);
                outbox.CopyTo(events);
                batch = new EventBatch(_round, _partitionId, events, outbox.Count, Pooled: true);
            }
            outbox.Clear();
            _peers[q].Tell(batch, Self);
        }
        ReportIfComplete();
    }

    private void ReportIfComplete()
    {
        if (!_processed || _batchesReceived.GetValueOrDefault(_round) < _peers.Length - 1) return;
        _batchesReceived.Remove(_round);
        _processed = false;
        var engine = Engine;
        _coordinator.Tell(new WindowDone(_round, _partitionId, engine.NextEventTime, engine.OwnOutputBound, engine.EventsProcessed), Self);
    }
}
