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

/// <summary>Thread-safe (a lock, uncontended in practice) queue with one inline slot.</summary>
public sealed class EntityMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    private Envelope _head;
    private bool _hasHead;
    private Queue<Envelope>? _overflow;

    public bool HasMessages
    {
        get
        {
            lock (this) return _hasHead;
        }
    }

    public int Count
    {
        get
        {
            lock (this) return (_hasHead ? 1 : 0) + (_overflow?.Count ?? 0);
        }
    }

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (this)
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
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (this)
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
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope)) deadletters.Enqueue(owner, envelope);
    }
}
