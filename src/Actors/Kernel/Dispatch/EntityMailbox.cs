using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace FgsActors.Actors.Kernel.Dispatch;

/// <summary>
/// Mailbox of entity actors. An entity almost always holds zero or one message (its scheduler delivers one
/// and the inline dispatcher runs it at once), so the queue keeps one message in a field and allocates an
/// overflow queue only if more arrive. Akka's default queue preallocates a 32-slot segment per actor
/// (about 0.9 KB), which would dominate the footprint of a million idle devices.
/// </summary>
public sealed class EntityMailbox(Settings settings, Config config) : MailboxType(settings, config), IProducesMessageQueue<EntityMessageQueue>
{
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new EntityMessageQueue();
}

/// <summary>
/// Thread-safe queue with one inline slot. A four-byte spin lock guards it: in practice only the owning
/// partition's thread touches it, so the lock is never contended, and a Monitor lock measured as the
/// largest single cost of delivering an event (its slow path ran on every call).
/// </summary>
public sealed class EntityMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    private int _lock;
    private Envelope _head;
    private bool _hasHead;
    private Queue<Envelope>? _overflow;

    public bool HasMessages
    {
        get
        {
            Enter();
            var has = _hasHead;
            Exit();
            return has;
        }
    }

    public int Count
    {
        get
        {
            Enter();
            var count = (_hasHead ? 1 : 0) + (_overflow?.Count ?? 0);
            Exit();
            return count;
        }
    }

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        Enter();
        try
        {
            if (!_hasHead)
            {
                _head = envelope;
                _hasHead = true;
            }
            else
            {
                (_overflow ??= new Queue<Envelope>()).Enqueue(envelope);
            }
        }
        finally
        {
            Exit();
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        Enter();
        try
        {
            if (!_hasHead)
            {
                envelope = default;
                return false;
            }
            envelope = _head;
            if (_overflow is { Count: > 0 } overflow)
            {
                _head = overflow.Dequeue();
            }
            else
            {
                _head = default;
                _hasHead = false;
                _overflow = null; // give the overflow back: idle entities keep no buffer
            }
            return true;
        }
        finally
        {
            Exit();
        }
    }

    private void Enter()
    {
        if (Interlocked.CompareExchange(ref _lock, 1, 0) == 0) return;
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _lock, 1, 0) != 0) spin.SpinOnce();
    }

    private void Exit() => Volatile.Write(ref _lock, 0);

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope)) deadletters.Enqueue(owner, envelope);
    }
}
