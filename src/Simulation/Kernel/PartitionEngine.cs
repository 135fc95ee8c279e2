using FgsActors.Simulation.Events;
using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Kernel;

/// <summary>
/// The sequential core of one partition: its entities' pending events, the rules for processing them
/// up to a granted bound, and the output bound it promises to the other partitions. It knows nothing of
/// actors or threads: the Actors layer wraps it in a scheduler actor, tests drive it directly.
/// <para>Events are kept in two heaps. "Loud" events may make their target send at <c>t + lookahead</c>;
/// "silent" ones (non-triggering events of promise-keeping entities) cannot make it send before its
/// promise. The partition's output bound is min(earliest loud event + lookahead,
/// max(earliest silent event + lookahead, earliest promise)).</para>
/// </summary>
public sealed partial class PartitionEngine
{
    // How many slice events ahead the host is told to start loading an entity (near: its state; far: its cell).
    private const int PrefetchNear = 3, PrefetchFar = 8;

    private readonly IEntityHost _host;
    private readonly EventQueue _loud = new(1024);
    private readonly EventQueue _silent = new(1024);
    private readonly long[] _sequence;
    private readonly bool[] _promising;
    private readonly long[] _promise;
    private readonly PriorityQueue<int, long> _promiseHeap = new();
    private readonly List<SimEvent>[] _outbox;
    private readonly EventContext _context;
    private readonly long _lookahead;
    private readonly long _remoteLookahead;
    private readonly EventQueue _inner = new(16);
    private SimEvent[] _slice = new SimEvent[1024];
    private ulong[] _sliceKeys = new ulong[1024];
    private int _sliceTarget = -1;
    private long _sliceEnd;
    private SimEvent _hold;
    private bool _holding;
    private bool _started;

    public PartitionEngine(int partitionId, ISimulationModel model, Placement placement, Func<PartitionEngine, IEntityHost>? hostFactory = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(placement);
        if ((uint)partitionId >= (uint)placement.Partitions)
            throw new ArgumentOutOfRangeException(nameof(partitionId), partitionId, $"the placement has partitions 0..{placement.Partitions - 1}");
        if (model.Lookahead <= 0) throw new ArgumentOutOfRangeException(nameof(model), model.Lookahead, "the lookahead must be positive");
        PartitionId = partitionId;
        Model = model;
        Placement = placement;
        FirstEntity = placement.FirstEntity(partitionId);
        EntityCount = placement.EndEntity(partitionId) - FirstEntity;
        _lookahead = model.Lookahead;
        _remoteLookahead = model.RemoteLookahead;
        if (_remoteLookahead < _lookahead)
            throw new ArgumentOutOfRangeException(nameof(model), _remoteLookahead, $"the remote lookahead must be at least the lookahead ({_lookahead} ticks)");
        _sequence = new long[EntityCount];
        _promising = new bool[EntityCount];
        _promise = new long[EntityCount];
        _outbox = new List<SimEvent>[placement.Partitions];
        for (var p = 0; p < _outbox.Length; p++) _outbox[p] = new List<SimEvent>();
        _context = new EventContext(this, model.Seed, model.Lookahead);
        _host = hostFactory is null ? new DirectEntityHost(model, FirstEntity, EntityCount) : hostFactory(this);
    }

    public int PartitionId { get; }
    public ISimulationModel Model { get; }
    public Placement Placement { get; }
    public int FirstEntity { get; }
    public int EntityCount { get; }

    /// <summary>Sees every processed event (the per-event trace); null for none.</summary>
    public IEventObserver? Observer { get; set; }

    /// <summary>Events processed so far.</summary>
    public long EventsProcessed { get; private set; }

    /// <summary>Order-independent digest of every processed event's (time, target): a wrapping sum of hashes.</summary>
    public ulong EventDigest { get; private set; }

    /// <summary>Largest time of a processed event (the partition's local virtual time).</summary>
    public long LocalTime { get; private set; }

    /// <summary>Time of the earliest pending event (<see cref="VirtualTime.Infinity"/> when none).</summary>
    public long NextEventTime => Math.Min(_loud.PeekTime, _silent.PeekTime);

    public int PendingEvents => _loud.Count + _silent.Count;

    /// <summary>
    /// Lower bound on the timestamp of any message this partition can send to another partition from the
    /// events it holds now (not counting messages it has yet to receive).
    /// </summary>
    public long OwnOutputBound
    {
        get
        {
            // A message to another partition comes from handling an event at time t, possibly after hops
            // inside this one, so it is at or after t + remote lookahead; a silent event additionally cannot
            // produce one before its entity's promise. The max with the earliest silent event keeps stale,
            // over-cautious promises from stalling the run.
            var loud = AfterRemoteLookahead(_loud.PeekTime);
            var silent = AfterRemoteLookahead(_silent.PeekTime);
            return Math.Min(loud, Math.Max(silent, EarliestPromise()));
        }
    }

    private long AfterRemoteLookahead(long time) => time == VirtualTime.Infinity ? VirtualTime.Infinity : VirtualTime.Add(time, _remoteLookahead);

    /// <summary>Minimum delay of a message to an entity on another partition (ticks).</summary>
    public long RemoteLookahead => _remoteLookahead;

    /// <summary>True when <paramref name="entity"/> lives on this partition.</summary>
    public bool Hosts(int entity) => (uint)(entity - FirstEntity) < (uint)EntityCount;

    private long EarliestPromise()
    {
        while (_promiseHeap.TryPeek(out var local, out var promise))
        {
            if (_promise[local] == promise) return promise;
            _promiseHeap.Dequeue(); // stale entry: the entity has promised again since
        }
        return VirtualTime.Infinity;
    }

    /// <summary>This partition's status for <see cref="WindowRules"/>.</summary>
    public PartitionStatus Status => new(NextEventTime, OwnOutputBound);

    /// <summary>Calls <see cref="IEntity.Start"/> on every entity (virtual time 0).</summary>
    public void Start()
    {
        if (_started) throw new InvalidOperationException("the partition has already started");
        _started = true;
        for (var local = 0; local < EntityCount; local++)
        {
            _context.Begin(FirstEntity + local, local, 0, promising: false, silent: false, promiseBefore: 0);
            _host.Start(local, _context);
            if (_context.IsPromising)
            {
                _promising[local] = true;
                SetPromise(local, Math.Max(_context.DeclaredPromise, _lookahead));
            }
        }
        // Events scheduled during Start were classified before the entity said whether it keeps promises.
        Reclassify();
    }

    /// <summary>Adds events sent to this partition by others.</summary>
    public void Deliver(ReadOnlySpan<SimEvent> events)
    {
        foreach (ref readonly var ev in events) EnqueueLocal(ev);
    }

    /// <summary>
    /// Processes every pending event with time &lt; <paramref name="bound"/>, each entity's events in the total
    /// order. Stops early at an event whose payload is still being computed and returns that payload's task;
    /// returns null when the bound was reached.
    /// <para>Work goes in slices [t, t + lookahead), t the earliest pending event: no message sent inside a
    /// slice can land inside it, so within a slice entities are independent and only self-scheduled events
    /// interleave with an entity's own. A slice is therefore run entity by entity, in id order (events sorted
    /// by target, then by the event order): each entity sees exactly the order a single global heap gives it,
    /// while memory is walked in address order instead of at random, which matters with 10^5+ entity actors.</para>
    /// </summary>
    public Task? RunUntil(long bound)
    {
        if (!_started) throw new InvalidOperationException("Start() must be called first");
        while (true)
        {
            var start = NextEventTime;
            if (start >= bound) return null;
            var sliceEnd = Math.Min(bound, VirtualTime.Add(start, _lookahead));
            var count = 0;
            Task? pending = null;
            while (HeadQueue() is { } queue)
            {
                ref readonly var head = ref queue.Peek();
                if (head.Time >= sliceEnd) break;
                if (head.Payload is Task { IsCompleted: false } task)
                {
                    // Hold here: events before it in the order still run; this one and later ones wait.
                    pending = task;
                    _hold = head;
                    _holding = true;
                    break;
                }
                if (count == _slice.Length) Array.Resize(ref _slice, count * 2);
                _slice[count++] = queue.Dequeue();
            }
            if (count > 0) ProcessSlice(count, sliceEnd);
            _holding = false;
            if (pending is not null) return pending;
        }
    }

    private EventQueue? HeadQueue()
    {
        if (_loud.Count == 0) return _silent.Count == 0 ? null : _silent;
        if (_silent.Count == 0) return _loud;
        return EventOrder.Compare(_loud.Peek(), _silent.Peek()) < 0 ? _loud : _silent;
    }

    private void ProcessSlice(int count, long sliceEnd)
    {
        // The slice came off the heaps in event order, so a stable sort by target gives (target, event order).
        // Sorting (local target, position) keys as plain integers is stable and far cheaper than sorting
        // the 48-byte events with a comparer.
        if (_sliceKeys.Length < count) _sliceKeys = new ulong[Math.Max(count, _sliceKeys.Length * 2)];
        var keys = _sliceKeys.AsSpan(0, count);
        for (var k = 0; k < count; k++) keys[k] = ((ulong)(uint)(_slice[k].Target - FirstEntity) << 32) | (uint)k;
        keys.Sort();
        var i = 0;
        while (i < count)
        {
            // Self-scheduled events of this entity that fall inside the slice are merged in order (Emit).
            _sliceTarget = _slice[(int)(uint)keys[i]].Target;
            _sliceEnd = sliceEnd;
            while (true)
            {
                var fromSlice = i < count && _slice[(int)(uint)keys[i]].Target == _sliceTarget
                    && (_inner.Count == 0 || EventOrder.Compare(_slice[(int)(uint)keys[i]], _inner.Peek()) < 0);
                if (fromSlice)
                {
                    // Entities run in id order, so the ones coming next are known: let the host start loading them.
                    if (i + PrefetchNear < count) _host.Prefetch((int)(keys[i + PrefetchNear] >> 32), 0);
                    if (i + PrefetchFar < count) _host.Prefetch((int)(keys[i + PrefetchFar] >> 32), 1);
                    Process(_slice[(int)(uint)keys[i++]]);
                }
                else if (_inner.Count > 0) Process(_inner.Dequeue());
                else break;
            }
        }
        _sliceTarget = -1;
        _slice.AsSpan(0, count).Clear(); // drop payload references
    }

    /// <summary>Events produced for other partitions since the last call, per destination partition.</summary>
    public List<SimEvent> Outbox(int partition) => _outbox[partition];

    internal long NextSequence(int local) => _sequence[local]++;

    internal void Emit(in SimEvent ev)
    {
        if (ev.Target == _sliceTarget && ev.Time < _sliceEnd && (!_holding || EventOrder.Compare(ev, _hold) < 0))
        {
            _inner.Enqueue(ev); // a self-event inside the running slice: handled before the entity's next one
            return;
        }
        if ((uint)(ev.Target - FirstEntity) < (uint)EntityCount)
        {
            EnqueueLocal(ev);
            return;
        }
        _outbox[Placement.PartitionOf(ev.Target)].Add(ev);
    }

    /// <summary>Digest term of one processed event; the sequential reference uses the same function.</summary>
    public static ulong EventHash(long time, int target) => StreamId.Mix((ulong)time * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)target);

    private void Process(in SimEvent ev)
    {
        var local = ev.Target - FirstEntity;
        var promising = _promising[local];
        var silent = promising && ev.NonTriggering;
        _context.Begin(ev.Target, local, ev.Time, promising, silent, promising ? _promise[local] : 0);
        _host.Handle(local, ev, _context);
        Observer?.Processed(ev);
        EventsProcessed++;
        EventDigest += EventHash(ev.Time, ev.Target);
        if (ev.Time > LocalTime) LocalTime = ev.Time;
        if (promising)
        {
            var declared = _context.PromiseDeclared ? _context.DeclaredPromise : _promise[local];
            // Any send is at least now + lookahead, so that is the effective promise of an over-cautious one.
            var effective = Math.Max(declared, VirtualTime.Add(ev.Time, _lookahead));
            if (silent && effective < _promise[local])
                throw new KernelViolationException($"entity {ev.Target} lowered its output promise from t={_promise[local]} to t={declared} while handling a non-triggering event at t={ev.Time}");
            SetPromise(local, effective);
        }
    }

    private void SetPromise(int local, long promise)
    {
        if (_promise[local] == promise) return;
        _promise[local] = promise;
        if (promise != VirtualTime.Infinity) _promiseHeap.Enqueue(local, promise);
    }

    private void EnqueueLocal(in SimEvent ev)
    {
        var local = ev.Target - FirstEntity;
        if ((uint)local >= (uint)EntityCount)
            throw new InvalidOperationException($"event for entity {ev.Target} delivered to partition {PartitionId}, which hosts {FirstEntity}..{FirstEntity + EntityCount - 1}");
        if (ev.NonTriggering && _promising[local]) _silent.Enqueue(ev);
        else _loud.Enqueue(ev);
    }

    private void Reclassify()
    {
        var pending = new List<SimEvent>(_loud.Count);
        while (_loud.TryDequeue(out var ev)) pending.Add(ev);
        foreach (var ev in pending) EnqueueLocal(ev);
    }
}
